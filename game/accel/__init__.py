"""The compiled engine: the same typed sources, compiled by mypyc, for the designer's sweeps.

``python -m game accelerate`` compiles the engine's hot modules (``COMPILED``) with mypyc, as
Black and mypy ship themselves, into the user's cache folder, keyed by a hash of the sources the
compiled code was built from (``source_key``). When a build for this exact source exists, the
finder installed by ``game/__init__.py`` loads those modules instead of the ``.py`` files; edit
one line of the engine and the key changes, so a stale build is never used: the game runs the
pure Python engine until the next ``accelerate``. There is no second copy of the model: mypyc
compiles the very files the tests read, and a test plays the same games both ways, ledger entry
by ledger entry.

``PENHOLDER_ENGINE=pure`` turns the compiled engine off (the test suite runs with it, so that
its deliberate breakages reach the code they break); ``PENHOLDER_CACHE`` moves the cache folder.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

ENGINE_ENV = "PENHOLDER_ENGINE"  # "pure": never load a compiled build
CACHE_ENV = "PENHOLDER_CACHE"
BUILD_FORMAT = "1"  # part of the key: a change to how builds are made retires the old ones

# The modules a game spends its time in. Not ``actions`` and ``defs``: their classes are read
# through ``__dict__`` (replays, cached rows), which compiled classes do not have.
COMPILED: tuple[str, ...] = (
    "game.engine.rules", "game.engine.ledger", "game.engine.luck", "game.engine.council",
    "game.engine.conditions", "game.engine.game", "game.engine.phases", "game.engine.world",
    "game.sim.drafters", "game.sim.simulate",
)
# What compiled code may take for granted (the types and constants it was compiled against):
# a change to any file here retires the build.
KEYED_FOLDERS: tuple[str, ...] = ("engine", "sim", "content")
PACKAGE = Path(__file__).resolve().parent.parent  # game/


def source_key(package: Path = PACKAGE) -> str:
    """A hash of the sources a build is made from, the build format and this Python's ABI."""
    digest = hashlib.sha256(f"{BUILD_FORMAT}\0{importlib.machinery.EXTENSION_SUFFIXES[0]}\0".encode())
    digest.update("\0".join(COMPILED).encode())
    for folder in KEYED_FOLDERS:
        for path in sorted((package / folder).rglob("*.py")):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def cache_root() -> Path:
    """Where builds are kept: ``$PENHOLDER_CACHE/engine``, else the user's cache folder."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env) / "engine"
    import platformdirs

    return Path(platformdirs.user_cache_dir("penholder")) / "engine"


def build_dir(key: str | None = None) -> Path:
    return cache_root() / (key or source_key())


def built_modules(folder: Path) -> dict[str, Path]:
    """The extension modules of a finished build, by module name (empty if there is none)."""
    if not (folder / "MANIFEST").is_file():  # written last: a build cut short has none
        return {}
    found: dict[str, Path] = {}
    for path in folder.rglob("*"):
        # the longest suffix that fits (".cpython-311-x86_64-linux-gnu.so" before ".so")
        suffix = max((s for s in importlib.machinery.EXTENSION_SUFFIXES if path.name.endswith(s)), key=len, default="")
        if suffix and path.is_file():
            found[path.relative_to(folder).as_posix()[: -len(suffix)].replace("/", ".")] = path
    return found if all(name in found for name in COMPILED) else {}


class CompiledEngineFinder(MetaPathFinder):
    """Finds the compiled modules of one build, and mypyc's shared library beside them."""

    def __init__(self, modules: dict[str, Path], key: str) -> None:
        self.modules = modules
        self.key = key

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None) -> ModuleSpec | None:
        file = self.modules.get(fullname)
        if file is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(file))
        return importlib.util.spec_from_file_location(fullname, file, loader=loader)


def install() -> None:
    """Load the compiled engine from now on, if a build for these very sources exists.

    Called by ``game/__init__.py``, before any engine module is imported. Any failure to find a
    build leaves the pure Python engine in place: speed is never worth a crash."""
    if os.environ.get(ENGINE_ENV, "").strip().lower() == "pure" or any(isinstance(f, CompiledEngineFinder) for f in sys.meta_path):
        return
    try:
        root = cache_root()
        if not root.is_dir():  # no build was ever made: not even a hash to work out
            return
        key = source_key()
        modules = built_modules(root / key)
    except (OSError, ImportError):
        return
    if modules:
        sys.meta_path.insert(0, CompiledEngineFinder(modules, key))


def status() -> str:
    """One line: which engine this process runs, and how to get the other."""
    from game.engine import rules  # the first compiled module a game reaches

    if any(str(rules.__file__).endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES):
        finder = next(f for f in sys.meta_path if isinstance(f, CompiledEngineFinder))
        return f"engine: compiled (mypyc, build {finder.key})"
    if os.environ.get(ENGINE_ENV, "").strip().lower() == "pure":
        return f"engine: pure Python ({ENGINE_ENV}=pure)"
    return "engine: pure Python (no compiled build of these sources: 'python -m game accelerate' makes one)"
