"""``python -m game new NAME``: a new scenario folder, ready for ``check``, from a commented template."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def cmd_new(args: argparse.Namespace) -> int:
    from game.content.check import check_paths
    from game.content.loader import levels_root
    from game.studio.scaffold import ScaffoldError, new_scenario

    levels = levels_root()
    parent = Path(args.dir) if args.dir else levels
    try:
        folder = new_scenario(args.name, parent, levels)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"cannot make the scenario in {parent}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    report = check_paths([folder])
    print(f"made {folder}: scenario.yaml and cards/starter.yaml, every field explained in a comment")
    print(f"check: {len(report.problems)} problems, {len(report.warnings)} warnings")
    level = args.name if parent.resolve() == levels.resolve() else str(folder)
    print(f"next: edit the files, then 'python -m game check {folder}' and 'python -m game play --level {level}'")
    return 0 if not report.problems else 1


def register(sub: Any) -> None:
    from game.cli import writable_folder

    p = sub.add_parser("new", help="make a new scenario folder from a commented template (levels/NAME/)")
    p.add_argument("name", help="the scenario's name and id: lowercase letters, digits, - and _, such as bamako-2016")
    p.add_argument("--dir", type=writable_folder, default=None, metavar="DIR",
                   help="make it in DIR instead of the levels/ folder (default: levels/)")
    p.set_defaults(func=cmd_new, parser=p)
