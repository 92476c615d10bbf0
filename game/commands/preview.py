"""``python -m game preview CARD_ID``: one card as the player sees it, in the terminal or as a PNG."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def cmd_preview(args: argparse.Namespace) -> int:
    from game.cli import _load
    from game.frontends.terminal import printable
    from game.studio.preview import notes, stage, terminal_view
    from game.studio.reach import draw_shares
    from game.studio.words import w

    scenario = _load(args.level, lang=args.lang)
    if scenario is None:
        return 2
    ids = [c.id for c in scenario.cards]
    if args.card not in ids:
        left_out = args.card in _skipped_ids(args.level)
        said = (w("left_out", args.lang, card=repr(args.card), level=scenario.id) if left_out else
                w("no_card", args.lang, card=repr(args.card), level=scenario.id, hint=_hint(args.card, ids, args.lang),
                  cards=", ".join(ids)))
        print(printable(said), file=sys.stderr)
        return 1
    card = scenario.card(args.card)
    try:
        staged = stage(scenario, card.id, args.seed)
    except LookupError as exc:
        print(exc, file=sys.stderr)
        staged = None
    shares = draw_shares(scenario, args.games, args.seed) if args.games else None
    if staged is not None:
        print(printable(terminal_view(staged.game, args.lang)))
    print(printable("\n".join(notes(scenario, card, shares, args.games, staged, args.lang))))
    if args.png and staged is not None:
        from game.studio.shot import card_png

        path = card_png(staged.game, args.level, Path(args.png), args.lang, args.size, args.text_step)
        print(w("window_shot", args.lang, path=path))
    return 0 if staged is not None else 1


def _hint(card: str, ids: list[str], lang: str) -> str:
    """' (did you mean 'x'?)' in ``lang``, or '' when no id is close."""
    from game.engine.world import closest
    from game.studio.words import w

    close = closest(card, ids)
    return w("did_you_mean", lang, name=repr(close)) if close else ""


def _skipped_ids(level: str) -> list[str]:
    """The ids of the cards the scenario's files hold but the loader left out (their problems)."""
    from game.content.loader import load_scenario, resolve_level

    return list(load_scenario(resolve_level(level)).cards_skipped)


def games_or_none(text: str) -> int:
    from game.cli import MAX_GAMES, _integer

    return _integer(text, 0, MAX_GAMES, "the number of games")


def register(sub: Any) -> None:
    from game.cli import (
        DEFAULT_LEVEL,
        LANG_HELP,
        LANGUAGES,
        _level_arg,
        _seed_arg,
        file_ending,
        window_size,
    )

    p = sub.add_parser("preview", help="show one card as the player will see it (terminal, or --png of the window)")
    p.add_argument("card", metavar="CARD_ID", help="the card's id")
    _level_arg(p, DEFAULT_LEVEL)
    p.add_argument("--lang", default="en", choices=LANGUAGES, help=LANG_HELP)
    p.add_argument("--png", type=file_ending(".png"), default=None, metavar="FILE",
                   help="also save the window's card screen as a PNG (default: none)")
    p.add_argument("--size", type=window_size, default="1280x720", metavar="WxH",
                   help="the window's size for --png (default: 1280x720)")
    p.add_argument("--text-step", type=int, choices=range(4), default=1, metavar="N",
                   help="the text size for --png, 0 to 3 (default: 1)")
    p.add_argument("--games", type=games_or_none, default=100, metavar="N",
                   help="games per scripted drafter for the draw shares, 0 for none (default: 100)")
    _seed_arg(p, 1, "the first seed (the card's game and the draw shares)")
    p.set_defaults(func=cmd_preview, parser=p)
