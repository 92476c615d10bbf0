"""``python -m game preview CARD_ID``: one card as the player will see it, and what a designer
needs to know about it (its condition and weight in words, its gates, how often each scripted
drafter draws it).

To show the card where the player would meet it, ``stage`` plays the scenario with the
status-quo drafter up to a card quarter in which this card could be drawn (its months, mandate
years and condition hold), and puts it first among that quarter's cards. Where no such quarter
comes (a follow-up, a rare condition), the first card quarter whose months fit is used, and the
notes say so.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content.safeyaml import load_text
from game.engine.actions import Action, Impossible, Respond
from game.engine.defs import Card, Scenario, tr
from game.engine.game import Game
from game.engine.phases import CARD, END
from game.sim.drafters import drafter_for
from game.sim.simulate import MAX_ACTIONS, drafter_fallback
from game.studio.words import condition_words, gate_words, w, weight_words


@dataclass
class Staged:
    game: Game
    fitting: bool  # the card could really be drawn in the quarter shown


def _fits(card: Card, game: Game, with_condition: bool) -> bool:
    date, mandate = game.date, game.mandate
    if card.start is not None and date < card.start or card.end is not None and date > card.end:
        return False
    if card.mandates and mandate not in card.mandates:
        return False
    if card.follow_up_only:
        return not with_condition  # a follow-up fits only where a response brought it
    return not with_condition or card.condition(game.values)


def _put_first(game: Game, card_id: str) -> None:
    if card_id in game.pending:
        game.pending.remove(card_id)
        game.pending.insert(0, card_id)
    else:
        game.pending[0] = card_id


def _bringers(scenario: Scenario, card_id: str) -> dict[str, str]:
    """card -> the response of it that brings ``card_id`` as a follow-up (the first such)."""
    out: dict[str, str] = {}
    for c in scenario.cards:
        for r in c.responses:
            if any(f.card == card_id for f in r.follow_ups):
                out.setdefault(c.id, r.id)
    return out


def _next_action(game: Game, drafter: Any, bringers: dict[str, str]) -> Action:
    """The drafter's choice, except on a card that can bring ours: then the response that does."""
    if game.phase == CARD and game.card is not None and game.card.id in bringers:
        return Respond(game.card.id, bringers[game.card.id])
    return drafter.choose(game)  # type: ignore[no-any-return]


def _card_quarters(scenario: Scenario, card_id: str, seed: int, bringers: dict[str, str]) -> Iterator[Game]:
    """One game played by the status-quo drafter, paused at each of its card phases."""
    game = Game(scenario, seed)
    drafter = drafter_for("status-quo", seed, scenario)
    for _ in range(MAX_ACTIONS):
        if game.phase == END:
            return
        if game.phase == CARD:
            yield game
        try:
            game.apply(_next_action(game, drafter, bringers))
        except Impossible:
            game.apply(drafter_fallback(game))


def stage(scenario: Scenario, card_id: str, seed: int = 1, tries: int = 12) -> Staged:
    """A game in its card phase with ``card_id`` on screen (see the module's note)."""
    card = scenario.card(card_id)
    bringers = _bringers(scenario, card_id)
    fallback: tuple[int, int] | None = None  # (seed, which card phase) where the months fit
    for attempt in range(seed, seed + tries):
        for n, game in enumerate(_card_quarters(scenario, card_id, attempt, bringers)):
            if card_id in game.pending or _fits(card, game, True):
                _put_first(game, card_id)
                return Staged(game, True)
            if fallback is None and _fits(card, game, False):
                fallback = (attempt, n)
    if fallback is None:
        raise LookupError(f"no quarter of {scenario.id} with cards falls in {card_id}'s months and mandate years")
    game = next(itertools.islice(_card_quarters(scenario, card_id, fallback[0], bringers), fallback[1], None))
    _put_first(game, card_id)
    return Staged(game, False)


def raw_card(card: Card) -> dict[str, Any]:
    """The card as written in its file (for its condition's own words)."""
    if not card.file:
        return {}
    try:
        data, _ = load_text(Path(card.file).read_text(encoding="utf-8"), card.file)
    except (OSError, ValueError):
        return {}
    for item in data.get("cards", []) if isinstance(data, dict) else []:
        if isinstance(item, dict) and item.get("id") == card.id:
            return item
    return {}


def terminal_view(game: Game, lang: str) -> str:
    """What the terminal game prints for the card on screen (it stops at the prompt)."""
    from game.frontends.terminal import Terminal

    out = io.StringIO()
    term = Terminal(game, lang, read=lambda: None, out=out)
    term.card()
    return out.getvalue().rstrip()


def notes(scenario: Scenario, card: Card, shares: dict[str, dict[str, float]] | None, games: int,
          staged: Staged | None = None, lang: str = "en") -> list[str]:
    """The designer's notes under the card, in ``lang``."""
    raw = raw_card(card)
    lines = ["", w("designer", lang, card=card.id, file=card.file or w("file_unknown", lang))]
    if card.follow_up_only:
        lines.append(w("condition_follow_up", lang))
    else:
        lines.append(w("condition", lang, cond=condition_words(raw.get("when"), lang)))
        lines.append(w("weight", lang, weight=weight_words(card, lang)))
    lines.extend(gate_words(card, scenario, lang))
    if card.historical:
        lines.append(w("historical", lang, answer=card.historical, source=tr(card.historical_source, lang)))
    if staged is not None and not staged.fitting:
        lines.append(w("unfitting", lang))
    if shares is not None:
        lines.append(w("shares", lang, games=games))
        for name, per in shares.items():
            lines.append(f"  {name:<20} {per.get(card.id, 0.0):6.1%}")
    return lines
