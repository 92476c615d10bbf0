"""``report FILES... --out DIR [--lang en|fr]``: the debrief a teacher takes away, as HTML and PDF.

One replay or team file gives that game's report; several team files of one scenario give a
comparison (outcomes side by side, one line a team on every chart, where they first parted).
Every game is rebuilt from its decisions (``game.sim.teams.rebuild``); nothing written in a file
is trusted. Both files are written atomically into DIR and their paths printed.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def run(args: argparse.Namespace) -> int:
    from game.cli import _scenarios_by_id
    from game.report import write_report
    from game.saves import SaveError
    from game.sim.teams import distinct_names, luck_words, rebuild

    scenarios = _scenarios_by_id()
    teams = []
    for path in args.files:
        try:
            teams.append(rebuild(path, scenarios))
        except SaveError as exc:
            print(f"penholder: {path}: {exc.text(args.lang)}", file=sys.stderr)
            return 1
        except ValueError as exc:
            print(f"penholder: {exc}", file=sys.stderr)
            return 1
    ids = sorted({t.game.scenario.id for t in teams})
    if len(ids) > 1:
        listed = ", ".join(f"{p} ({t.game.scenario.id})" for p, t in zip(args.files, teams, strict=True))
        print(f"penholder: these files are games of different scenarios ({listed}): "
              "a report compares games of one scenario", file=sys.stderr)
        return 1
    teams = distinct_names(teams)  # two files of one team: tell their lines apart
    warning = luck_words(teams, args.lang)
    if warning:  # the report is still written: a facilitator may want it, warned
        print(f"penholder: {warning}", file=sys.stderr)
    games = [(t.name, t.game) for t in teams]
    try:
        written = write_report(games, args.out, args.lang, [t.session for t in teams])
    except OSError as exc:
        print(f"penholder: the report cannot be written in {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


def register(sub: Any) -> None:
    """Add ``report`` to the command line."""
    from game.cli import LANG_HELP, LANGUAGES, readable_file, writable_folder

    p = sub.add_parser("report", help="the debrief as a self-contained HTML file and a PDF, for one team or a comparison")
    p.add_argument("files", nargs="+", type=readable_file, metavar="FILE",
                   help="a replay or team file (play --save-replay FILE [--team NAME]); several team files of one "
                        "scenario make a comparison")
    p.add_argument("--out", type=writable_folder, required=True, metavar="DIR",
                   help="the folder the report is written to, made if missing")
    p.add_argument("--lang", default="en", choices=LANGUAGES, help=LANG_HELP)
    p.set_defaults(func=run, parser=p)
