"""``deck --level NAME --pdf FILE [--lang fr] [--length lesson|full]``: a print-and-play deck.

The same scenario files the game plays, laid out for a workshop without computers
(``game.studio.deck``): the rules sheet, the Council sheets, the tracks, and every card with its
responses, effects and sources, four to an A4 page with cut marks. The PDF is written atomically
and its path and page count printed.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from game.engine.defs import Scenario


def card_conditions(scenario: Scenario) -> dict[str, str]:
    """Each card's ``when:`` as written in its file, as one line (the structured form too)."""
    from game.engine.conditions import condition_source
    from game.studio.preview import raw_card

    out = {}
    for card in scenario.cards:
        line = condition_source(raw_card(card).get("when"))
        if line:
            out[card.id] = line
    return out


def run(args: argparse.Namespace) -> int:
    from game.cli import _load
    from game.studio.deck import placed_cards, write_deck

    scenario = _load(args.level, args.length, args.lang)
    if scenario is None:
        return 1
    try:
        pages = write_deck(scenario, args.pdf, args.lang, card_conditions(scenario))
    except OSError as exc:
        print(f"penholder: the deck cannot be written to {args.pdf}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{args.pdf} ({pages} pages, {len(placed_cards(scenario))} cards)")
    return 0


def register(sub: Any) -> None:
    """Add ``deck`` to the command line."""
    from game.cli import LANG_HELP, LANGUAGES, _length_arg, _level_arg, file_ending

    p = sub.add_parser("deck", help="a print-and-play deck of a scenario as a PDF: rules, Council sheet, tracks, cards")
    _level_arg(p, "tutorial")
    p.add_argument("--pdf", type=file_ending(".pdf"), required=True, metavar="FILE",
                   help="the PDF file to write, whole or not at all (required: no default)")
    p.add_argument("--lang", default="en", choices=LANGUAGES, help=LANG_HELP)
    _length_arg(p, "full")
    p.set_defaults(func=run, parser=p)
