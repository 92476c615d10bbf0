"""The bundled campaign: enough cards, sourced, reachable, and real dilemmas."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.loader import load_scenario, scenario_folders
from game.engine.conditions import always
from game.engine.defs import Card, Response, Scenario
from game.engine.world import SIGNATORY_PAIRS, SPOILERS, pair_key

LEVELS = Path(__file__).resolve().parent.parent / "levels"
BAD_PREFIXES = ("violence.", "displacement.")
BAD = {"mission.casualties", "mission.budget"} | {f"strength.{s}" for s in SPOILERS}
SIGNATORY_RELATIONS = {pair_key(a, b) for a, b in SIGNATORY_PAIRS}


@pytest.fixture(scope="module")
def scenarios() -> list[Scenario]:
    out = []
    for folder in scenario_folders(LEVELS):
        loaded = load_scenario(folder)
        assert loaded.scenario is not None and not loaded.problems, folder
        out.append(loaded.scenario)
    return out


def all_cards(scenarios: list[Scenario]) -> dict[str, Card]:
    return {c.id: c for sc in scenarios for c in sc.cards}


def polarity(quantity: str) -> int:
    """+1 when more is better for the people and the peace, -1 when less is, 0 when it depends."""
    if quantity.startswith(BAD_PREFIXES) or quantity in BAD:
        return -1
    if quantity.startswith("relation."):
        return 1 if quantity in SIGNATORY_RELATIONS else 0
    return 0 if quantity.startswith("strength.") else 1


def total_effects(response: Response) -> dict[str, int]:
    effects = dict(response.effects)
    for later in response.delayed:
        for quantity, change in later.effects.items():
            effects[quantity] = effects.get(quantity, 0) + change
    return effects


def test_the_campaign_has_four_scenarios_and_120_sourced_cards(scenarios: list[Scenario]) -> None:
    assert {sc.id for sc in scenarios} == {"tutorial", "after-algiers", "serval-to-minusma", "consent"}
    cards = all_cards(scenarios)
    assert len(cards) >= 120
    assert all(card.sources for card in cards.values())
    undated = [c.id for c in cards.values()
               if c.start is None and c.end is None and not c.mandates and c.condition is always and not c.follow_up_only]
    assert undated == []  # every card is dated, phased or gated by a condition


def test_at_least_ten_chains_and_every_follow_up_is_reachable(scenarios: list[Scenario]) -> None:
    for sc in scenarios:
        queued = {f.card for c in sc.cards for r in c.responses for f in r.follow_ups}
        unreachable = [c.id for c in sc.cards if c.follow_up_only and c.id not in queued]
        assert not unreachable, (sc.id, unreachable)
    cards = all_cards(scenarios)
    chains = {(c.id, f.card) for c in cards.values() for r in c.responses for f in r.follow_ups}
    assert len(chains) >= 10


def test_no_response_is_best_on_every_measure(scenarios: list[Scenario]) -> None:
    dominant = []
    for card in all_cards(scenarios).values():
        effects = [(r, total_effects(r)) for r in card.responses]
        if any(r.follow_ups for r in card.responses):
            continue  # a follow-up is a consequence the numbers do not show
        measures = {q for _r, e in effects for q in e if polarity(q)}
        for response, mine in effects:
            if all(all(polarity(q) * mine.get(q, 0) >= polarity(q) * theirs.get(q, 0) for q in measures)
                   for other, theirs in effects if other is not response):
                dominant.append(f"{card.id}.{response.id}")
    assert dominant == []


def test_scenarios_carry_their_teaching_material(scenarios: list[Scenario]) -> None:
    for sc in scenarios:
        assert 3 <= len(sc.objectives) <= 5, sc.id
        assert 5 <= len(sc.questions) <= 8, sc.id
        assert sc.history.get("en") and sc.sources, sc.id
        for year, seats in sc.seats.items():
            assert len(set(seats)) == 15, (sc.id, year)
    bilingual = [sc for sc in scenarios if sc.id in ("tutorial", "after-algiers")]
    for sc in bilingual:
        assert all(c.title.get("fr") and c.text.get("fr") for c in sc.cards), sc.id
