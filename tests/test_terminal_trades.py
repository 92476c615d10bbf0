"""Trades in the terminal: which are offered, at what cost, and what choosing one does.

The lab's Council (``lab.py``) has two objectors to public human-rights reporting, at -3 and -4;
everyone else votes yes whatever the draft, and is offered nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from lab import make_lab, member_yaml

from game.engine.actions import Choose, Continue
from game.engine.game import NEGOTIATION, Game
from game.frontends.terminal import Terminal

OBJECTORS = {
    "lab-e1": member_yaml("lab-e1", False, base=3, preferences="""
  - option: rights.public-reporting
    weight: -3
    why: {en: intrusive, fr: intrusif}"""),
    "lab-e2": member_yaml("lab-e2", False, base=3, preferences="""
  - option: rights.public-reporting
    weight: -4
    why: {en: very intrusive, fr: très intrusif}
  - option: troops.raise
    weight: -2
    why: {en: too many troops, fr: trop de troupes}"""),
}


def at_the_table(tmp_path: Path) -> Game:
    game = Game(make_lab(tmp_path, members=OBJECTORS), 1)
    game.apply(Continue())
    game.apply(Choose("rights", "public-reporting"))
    game.apply(Continue())
    assert game.phase == NEGOTIATION
    return game


def typed(*lines: str) -> Callable[[], str | None]:
    """What the student types, then the end of input."""
    it = iter(lines)
    return lambda: next(it, None)


def test_the_terminal_offers_each_objection_at_its_cost_and_a_choice_makes_the_trade(tmp_path: Path) -> None:
    game = at_the_table(tmp_path)
    capital = game.values["council.capital"]
    out = io.StringIO()
    read = typed("3")  # the first trade offered; then the input ends
    assert Terminal(game, read=read, out=out).run() is False
    text = out.getvalue()
    first = text[: text.index("Your choice")]
    offered = [line.strip() for line in first.splitlines() if "Soften “" in line]
    assert len(offered) == 2, first
    assert "lab-e1" in offered[0] and "cost 3" in offered[0]
    assert "lab-e2" in offered[1] and "cost 4" in offered[1]  # troops.raise is not in the draft: not offered
    assert game.softened == {"rights": "lab-e1"}
    assert game.values["council.capital"] == capital - 3
    # the screen shown again offers no trade on the softened clause
    second = text[text.index("Your choice"):]
    assert "Soften “" not in second and game.phase == NEGOTIATION


def test_a_trade_the_penholder_cannot_afford_is_refused_with_a_message(tmp_path: Path) -> None:
    game = at_the_table(tmp_path)
    game.meters.set("council.capital", 3, "test")
    out = io.StringIO()
    read = typed("4")  # lab-e2's objection costs 4
    Terminal(game, read=read, out=out).run()
    assert "Not enough political capital" in out.getvalue()
    assert game.softened == {} and game.values["council.capital"] == 3


def test_a_refusal_is_worded_in_the_game_s_language(tmp_path: Path) -> None:
    game = at_the_table(tmp_path)
    game.meters.set("council.capital", 3, "test")
    out = io.StringIO()
    Terminal(game, lang="fr", read=typed("4"), out=out).run()
    flat = " ".join(out.getvalue().split())
    assert "Pas assez de capital politique pour ce marchandage." in flat and "Not enough" not in flat


def test_members_voting_yes_are_offered_nothing_and_trades_are_in_french_too(tmp_path: Path) -> None:
    game = at_the_table(tmp_path)
    out = io.StringIO()
    read = typed()
    Terminal(game, lang="fr", read=read, out=out).run()
    flat = " ".join(out.getvalue().split())  # lines wrap at the terminal's width
    assert flat.count("adoucir « ") == 2
    # the window's words, shared (split() also splits at no-break spaces)
    assert "3. lab-e1 : adoucir « Surveillance des droits de l'homme » — coût 3" in flat
    assert "4. lab-e2 : adoucir « Surveillance des droits de l'homme » — coût 4" in flat
