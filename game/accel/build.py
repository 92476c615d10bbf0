"""Making a compiled build (``python -m game accelerate``): mypyc in a copy of the sources.

The sources are copied first and the key is worked out from the copy, so that a file saved
while the compiler runs cannot end up in a build that claims the new key. The build is made in
a temporary folder inside the cache and moved into place whole, its ``MANIFEST`` last: an
interrupted build leaves nothing the finder would load.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable
from pathlib import Path

from game.accel import COMPILED, ENGINE_ENV, PACKAGE, built_modules, cache_root, source_key

SETUP_SCRIPT = Path(__file__).with_name("mypyc_setup.py")
KEEP_BUILDS = 3  # other checkouts (a second clone, an older branch) may still use theirs


class BuildUnavailable(Exception):
    """This machine cannot compile: the message says what is missing and how to get it."""


def toolchain_problem() -> str | None:
    """What stops a build here (mypyc, setuptools, a C compiler, Python's headers), or None."""
    for needed in ("mypyc", "setuptools"):
        if importlib.util.find_spec(needed) is None:
            return (f"the compiled engine needs '{needed}', which is not installed: "
                    "pip install -e '.[studio]' installs it (mypyc comes with mypy)")
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"the compiled engine needs a C compiler ('{compiler}' was not found): install gcc or clang"
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not headers.is_file():
        return f"the compiled engine needs Python's C headers ({headers} is missing): install python3-dev"
    return None


def _copy_sources(dest: Path) -> None:
    for path in PACKAGE.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        target = dest / "game" / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def _compile(src: Path, log: Path) -> None:
    paths = [name.replace(".", "/") + ".py" for name in COMPILED]
    env = dict(os.environ, **{ENGINE_ENV: "pure"})  # the compiler's own imports stay pure
    with log.open("wb") as out:
        done = subprocess.run([sys.executable, "-c", SETUP_SCRIPT.read_text(encoding="utf-8"), *paths],
                              cwd=src, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-12:]
        raise RuntimeError("mypyc could not compile the engine:\n  " + "\n  ".join(tail))


def _prune(root: Path, keep: Path) -> None:
    """Remove older builds beyond ``KEEP_BUILDS`` (and leftovers of interrupted ones)."""
    builds = sorted((p for p in root.iterdir() if p.is_dir() and p != keep), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in builds[KEEP_BUILDS - 1:] + [p for p in builds if p.name.startswith(".build-")]:
        shutil.rmtree(old, ignore_errors=True)


def build(force: bool = False, say: Callable[[str], None] = print) -> Path:
    """The build folder for the engine as it is now, compiled first if there is none (or ``force``)."""
    root = cache_root()
    current = root / source_key()
    if built_modules(current) and not force:
        return current
    problem = toolchain_problem()
    if problem:
        raise BuildUnavailable(problem)
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root, prefix=".build-") as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        _copy_sources(src)
        key = source_key(src / "game")
        say(f"compiling {len(COMPILED)} engine modules with mypyc (build {key}; a minute or less)…")
        _compile(src, Path(tmp) / "build.log")
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            for lib in src.rglob(f"*{suffix}"):
                (out / lib.relative_to(src)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(lib, out / lib.relative_to(src))
        from mypy.version import __version__ as mypy_version

        manifest = {"key": key, "modules": list(COMPILED), "python": platform.python_version(), "mypy": mypy_version}
        (out / "MANIFEST").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        target = root / key
        if target.exists():
            shutil.rmtree(target)
        out.rename(target)
    _prune(root, target)
    return target


# A sweep this long pays for the build: at 20 s of compiling against about 0.6 ms saved a game,
# the second sweep of this size is already faster than two pure ones.
AUTO_BUILD_GAMES = 2_000
RESTARTED_ENV = "PENHOLDER_ENGINE_RESTARTED"  # set across the restart: never build twice


def build_for_sweep(games: int, say: Callable[[str], None]) -> bool:
    """Before a sweep of ``games`` games: compile the engine once if it is worth it and can be done.

    True means a new build is ready and this process, which imported the pure engine already,
    must start again to load it. False means go on as is: the compiled engine already runs, the
    sweep is short, ``PENHOLDER_ENGINE=pure`` asked for the pure engine, or this machine cannot
    compile (``say`` then tells once how to get it). A failed build is said, never raised."""
    from game import accel

    if (games < AUTO_BUILD_GAMES or accel.status().startswith("engine: compiled")
            or os.environ.get(ENGINE_ENV, "").strip().lower() == "pure" or os.environ.get(RESTARTED_ENV)):
        return False
    problem = toolchain_problem()
    if problem:
        say(f"penholder: the pure Python engine plays this sweep ({problem}; then 'python -m game accelerate')")
        return False
    say(f"penholder: {games:,} games: compiling the engine first, once for these sources "
        f"(about 20 s; the same games, twice as fast; {ENGINE_ENV}=pure skips it)")
    try:
        build(say=say)
    except (RuntimeError, OSError) as exc:
        say(f"penholder: the pure Python engine plays this sweep: {exc}")
        return False
    return True
