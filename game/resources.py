"""Where the game's data lives: ``levels/`` (scenarios and cards) and ``assets/`` (fonts, licences).

In the repository they stay at the top level, beside ``game/``. A wheel carries them as the data
packages ``game._levels`` and ``game._assets`` (see ``[tool.setuptools.package-dir]`` in
pyproject.toml), found here through the import system, so ``pip install .`` and ``pipx install .``
give a game that runs from any folder. A checkout's own folders come first, so an editable install
reads what the designer is editing; ``$PENHOLDER_LEVELS`` and ``$PENHOLDER_ASSETS`` override both.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

LEVELS_ENV = "PENHOLDER_LEVELS"
ASSETS_ENV = "PENHOLDER_ASSETS"
_CHECKOUT = Path(__file__).resolve().parent.parent


def _installed(package: str) -> Path | None:
    """The folder of a data package in an installed wheel (a namespace package: no __init__)."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        if Path(location).is_dir():
            return Path(location)
    return None


def _root(env: str, checkout_name: str, package: str) -> Path:
    value = os.environ.get(env)
    if value:
        return Path(value)
    checkout = _CHECKOUT / checkout_name
    if checkout.is_dir():
        return checkout
    return _installed(package) or checkout


def levels_root() -> Path:
    """The folder of bundled scenarios."""
    return _root(LEVELS_ENV, "levels", "game._levels")


def assets_root() -> Path:
    """The folder of bundled assets (fonts and their licences)."""
    return _root(ASSETS_ENV, "assets", "game._assets")
