"""``python -m game graph --level NAME --out FILE.svg|png``: the deck drawn (game/studio/deckgraph.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def cmd_graph(args: argparse.Namespace) -> int:
    from game.cli import _load
    from game.saves import write_bytes_atomic
    from game.studio.deckgraph import layout, png, svg
    from game.studio.reach import draw_shares

    scenario = _load(args.level)
    if scenario is None:
        return 2
    drawn = None
    if args.games:
        shares = draw_shares(scenario, args.games, args.seed)
        drawn = {c.id: max(per.get(c.id, 0.0) for per in shares.values()) for c in scenario.cards}
    drawing = layout(scenario, drawn)
    out = Path(args.out)
    if out.suffix.lower() == ".png":
        png(drawing, out)
    else:
        write_bytes_atomic(out, svg(drawing).encode("utf-8"))
    never = [b.card for b in drawing.boxes if b.never]
    chains = len(drawing.arrows)
    what = f"{args.games} games per scripted drafter" if args.games else "dates and mandates only (--games 0)"
    def counted(n: int, one: str, many: str) -> str:
        return f"{n} {one if n == 1 else many}"

    print(f"{out}: {counted(len(drawing.boxes), 'card', 'cards')}, {counted(chains, 'follow-up', 'follow-ups')},"
          f" {len(never)} never drawn ({what})"
          + (f": {', '.join(never)}" if never else ""), file=sys.stdout)
    return 0


def register(sub: Any) -> None:
    from game.cli import MAX_GAMES, _integer, _level_arg, _seed_arg, file_ending

    def games(text: str) -> int:
        return _integer(text, 0, MAX_GAMES, "the number of games")

    p = sub.add_parser("graph", help="draw the deck: follow-up chains, gates by date and mandate, cards never drawn")
    _level_arg(p, "after-algiers")
    p.add_argument("--out", type=file_ending(".svg", ".png"), required=True, metavar="FILE", help="the picture to write: FILE.svg or FILE.png")
    p.add_argument("--games", type=games, default=50, metavar="N",
                   help="games per scripted drafter to find the cards never drawn; 0: by dates and mandates only (default: 50)")
    _seed_arg(p, 1, "the first seed of those games")
    p.set_defaults(func=cmd_graph, parser=p)
