"""``python -m game accelerate``: compile the engine with mypyc for fast sweeps (game/accel)."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from typing import Any


def _engine_in_new_process() -> str:
    """The status line of a fresh process: this one imported the engine before any build."""
    done = subprocess.run([sys.executable, "-c", "from game import accel; print(accel.status())"],
                          capture_output=True, text=True, check=False)
    return done.stdout.strip() or done.stderr.strip().splitlines()[-1]


def cmd_accelerate(args: argparse.Namespace) -> int:
    from game import accel
    from game.accel.build import BuildUnavailable, build

    if args.status:
        print(accel.status())
        print(f"builds kept in {accel.cache_root()}")
        return 0
    if args.remove:
        shutil.rmtree(accel.cache_root(), ignore_errors=True)
        print(f"removed {accel.cache_root()}: the game runs the pure Python engine")
        return 0
    try:
        folder = build(force=args.force, say=lambda line: print(line, file=sys.stderr))
    except BuildUnavailable as exc:
        print(f"penholder: {exc}; the pure Python engine plays the same games, about half as fast", file=sys.stderr)
        return 1
    except RuntimeError as exc:
        print(f"penholder: {exc}", file=sys.stderr)
        return 1
    print(f"compiled engine ready in {folder}")
    print(_engine_in_new_process())
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("accelerate", help="compile the engine with mypyc: the same games, about twice as fast, for sweeps")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--status", action="store_true", help="say which engine runs, and where builds are kept")
    what.add_argument("--force", action="store_true", help="compile again even if a build of these sources exists")
    what.add_argument("--remove", action="store_true", help="delete every build: back to the pure Python engine")
    p.set_defaults(func=cmd_accelerate, parser=p)
