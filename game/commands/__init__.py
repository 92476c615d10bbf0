"""Commands that live in their own module, one module a command (or a family of commands).

Each module here defines ``register(sub)``, which adds its parser to the ``penholder`` command
line (``sub`` is argparse's subparsers object) and sets ``func`` to the function that runs it.
``game.cli.build_parser`` calls every module's ``register`` in name order, so a new command is a
new file here and nothing else. Modules may use the argument helpers of ``game.cli``
(``_level_arg``, ``_length_arg``, ``_seed_arg``, ``readable_file``…).
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def register_all(sub: Any) -> None:
    """Add the parser of every command module in this package to ``sub``."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if callable(register):
            register(sub)


__all__ = ["register_all"]
