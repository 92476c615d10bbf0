"""Nothing inert: every quantity of the model is read by a rule, an ending, a Council member or an
outcome measure, so that a card or a clause that moves it changes something.

For each quantity, from states of real games (the historical drafter, a few quarters apart), set
the quantity to the ends and the middle of its range and look at everything that reads the state:
one field quarter under the mandate in force and under two others (every other quantity after
it), what the quarter's end keeps for the outcome measures, the ending the state brings, the score of every member seated at a renewal, the capital of the next renewal, and the
outcome measures. A quantity whose value changes none of these is inert.
"""

from __future__ import annotations

from typing import Any

import pytest

from game.content.loader import levels_root, load_scenario
from game.engine import council, rules
from game.engine.game import END, Game, timeline_entry
from game.engine.ledger import Meters
from game.engine.world import QUANTITIES, REGIONS
from game.sim.drafters import drafter_for

SCENARIOS = ("after-algiers", "consent")
SAMPLE_QUARTERS = (1, 5, 9)


def _states(name: str) -> list[Game]:
    scenario = load_scenario(levels_root() / name).scenario
    assert scenario is not None
    out: list[Game] = []
    for seed in (1, 2):
        game = Game(scenario, seed)
        drafter = drafter_for("historical", seed, scenario)
        while game.phase != END and len(out) < 3 * seed:
            if game.phase == "summary" and game.quarter in SAMPLE_QUARTERS:
                out.append(Game.from_dict(scenario, game.to_dict()))
            game.apply(drafter.choose(game))
    return out


def _mandates(game: Game) -> list[dict[str, str]]:
    """The mandate in force, and drafts with every clause at its first and at its last option."""
    dims = game.scenario.dimensions
    return [dict(game.in_force), {d.id: d.options[0].id for d in dims}, {d.id: d.options[-1].id for d in dims}]


def _readers(game: Game, values: dict[str, int], skip: str) -> tuple[Any, ...]:
    """Everything that reads ``values``, ``skip`` itself left out of the field quarter's result."""
    sc = game.scenario
    C = sc.coefficients
    rules.update_derived(values, sc.start, game.quarter, game.mandate)
    after = []
    for draft in _mandates(game):
        levers, cause = game.levers_for(draft, {})
        meters = Meters(values, game.meters.ranges)
        rules.field_quarter(meters, levers, cause, game._plan, None)
        after.append(tuple(sorted((k, v) for k, v in meters.values.items() if k != skip)))
    seated = {m.id: m for year in range(sc.start // 12, sc.start // 12 + sc.years + 1) for m in sc.council(year)}
    scores = tuple(council.stance(m, dict(game.in_force), {}, values).score for _, m in sorted(seated.items()))
    saved = game.meters.values
    game.meters.values = values
    try:
        outcomes = tuple(sorted(game.outcomes().items()))
    finally:
        game.meters.values = saved
    kept = tuple(sorted(timeline_entry(values, game.quarter).items()))
    return tuple(after), rules.ending(values, C), scores, rules.renewal_capital(values, C, False), outcomes, kept


def _after_attacks(game: Game) -> Game:
    """The same state after a wave of attacks (+30 violence everywhere), as cards can bring: some
    readers, such as protection, only act when violence stands above what the armed groups drive."""
    shocked = Game.from_dict(game.scenario, game.to_dict())
    for region in REGIONS:
        shocked.meters.add(f"violence.{region}", 30, "test:attacks")
    return shocked


@pytest.fixture(scope="module")
def states() -> list[Game]:
    real = [g for name in SCENARIOS for g in _states(name)]
    return real + [_after_attacks(g) for g in real]


def test_every_quantity_is_read_by_something(states: list[Game]) -> None:
    assert len(states) >= 8
    inert = []
    for name, (lo, hi) in QUANTITIES.items():
        for game in states:
            seen = {_readers(game, dict(game.values) | {name: value}, name) for value in (lo, (lo + hi) // 2, hi)}
            if len(seen) > 1:
                break
        else:
            inert.append(name)
    assert inert == [], f"quantities nothing reads: {inert}"


def test_the_probe_sees_an_unread_quantity(states: list[Game]) -> None:
    """The test above can fail: a quantity the rules never read is reported."""
    game = states[0]
    seen = {_readers(game, dict(game.values) | {"relation.jnim.isgs": 0}, "time.quarter") for _ in range(2)}
    assert len(seen) == 1
    varied = {_readers(game, dict(game.values) | {"council.unity": value}, "council.unity") for value in (0, 100)}
    assert len(varied) == 2  # unity weighs the Council's pressure every quarter
