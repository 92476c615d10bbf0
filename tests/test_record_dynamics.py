"""The rules issue 7 asked for so that the model carries the record: truces that hold between the
CMA and the Platform (2017-2018), the Agreement's collapse on the record's clock (2023-2024),
and JNIM's strength kept off its ceiling by its own losses. Each is run on a state we set, with
its coefficient on and neutralised, against figures worked out from the coefficients' meaning."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from game.content.loader import levels_root, load_scenario
from game.engine import rules
from game.engine.defs import Scenario
from game.engine.game import Game
from game.engine.ledger import Meters


class Certain:
    """A luck whose every draw is 0: whatever is a chance happens."""

    def draw(self, quarter: int, purpose: str, n: int = 0) -> float:
        return 0.0


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    loaded = load_scenario(levels_root() / "tutorial").scenario
    assert loaded is not None
    return loaded


def quarter(scenario: Scenario, values: Mapping[str, int], overrides: Mapping[str, int] | None = None,
            levers: Mapping[str, int] | None = None, luck: object = None) -> tuple[rules.Quarter, Meters]:
    game = Game(scenario, 1)
    meters = Meters(dict(game.values) | dict(values), game.meters.ranges)
    coefficients = dict(scenario.coefficients) | dict(overrides or {})
    plan = rules.prepare(coefficients, scenario.footprint, scenario.deployment)
    q = rules.Quarter(meters, dict(levers or {}), {}, plan, luck)  # type: ignore[arg-type]
    return q, meters


def moved(meters: Meters, name: str, cause: str) -> int:
    return sum(change for _q, quantity, change, why in meters.ledger if quantity == name and why == cause)


# The CMA is the least committed signatory, so it is the one that defects.
WAVERING_CMA = {"commitment.cma": 10, "commitment.platform": 60, "commitment.government": 60}


@pytest.mark.parametrize("relation", [-60, -20])
def test_a_walkout_reopens_the_rivals_feud_only_as_deep_as_it_runs(scenario: Scenario, relation: int) -> None:
    C = scenario.coefficients
    q, meters = quarter(scenario, WAVERING_CMA | {"relation.cma.platform": relation}, luck=Certain())
    rules.alliances(q)
    relation = meters.values["relation.cma.platform"] - moved(meters, "relation.cma.platform", "rule:defection")
    spared = rules.pct(C["truce_hold"], 100 + relation)  # (inclusion may have moved it first)
    assert moved(meters, "relation.cma.platform", "rule:defection") == -rules.part(C["defection_shock"], 100 - spared)
    # the break with Bamako is whole, whatever the rivals' truce
    assert moved(meters, "relation.government.cma", "rule:defection") == -C["defection_shock"]


def test_without_truce_hold_every_walkout_costs_the_rivals_the_whole_shock(scenario: Scenario) -> None:
    C = scenario.coefficients
    assert C["truce_hold"] > 0  # the rule is on in the shipped model
    losses = {}
    for hold in (C["truce_hold"], 0):
        q, meters = quarter(scenario, WAVERING_CMA | {"relation.cma.platform": -10}, {"truce_hold": hold}, luck=Certain())
        rules.alliances(q)
        losses[hold] = -moved(meters, "relation.cma.platform", "rule:defection")
    assert losses[0] == C["defection_shock"]
    assert losses[C["truce_hold"]] < losses[0] // 2  # a truce near peace mostly holds
