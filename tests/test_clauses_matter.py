"""Every clause dimension matters, and none is free (issue 7): the duration clause."""

from __future__ import annotations

import pytest
from test_claims import SEEDS, project

from game.content.loader import levels_root, load_scenario
from game.engine.defs import Scenario
from game.engine.game import Game
from game.sim.drafters import make_drafter


def test_a_six_month_mandate_grips_tighter_and_costs_consent(tutorial: Scenario) -> None:
    for seed in SEEDS:
        year = project(tutorial, {"duration": "one-year"}, quarters=2, seed=seed)
        half = project(tutorial, {"duration": "six-months"}, quarters=2, seed=seed)
        assert half["politics.will"] > year["politics.will"]
        assert half["politics.implementation"] >= year["politics.implementation"]
        assert half["mission.consent"] < year["mission.consent"]


@pytest.fixture(scope="module")
def after_algiers() -> Scenario:
    sc = load_scenario(levels_root() / "after-algiers").scenario
    assert sc is not None
    return sc


def test_a_six_month_mandate_comes_back_sooner_with_less_capital(after_algiers: Scenario) -> None:
    drafter = make_drafter("status-quo", 3)
    drafter.wants = {"duration": "six-months"}
    game = Game(after_algiers, 3)
    full = game.values["council.capital"]
    while len(game.votes) < 2 and game.phase != "end":
        game.apply(drafter.choose(game))
    assert game.votes[1].quarter == 2  # six months later, not a year
    assert game.values["council.capital"] < full


def test_a_sahel_wide_frame_has_the_costs_the_record_shows(tutorial: Scenario) -> None:
    for seed in SEEDS:
        alone = project(tutorial, {"frame": "sahel", "force": "nobody", "partnership": "none"}, seed=seed)
        with_force = project(tutorial, {"frame": "sahel", "force": "parallel-france", "partnership": "none"}, seed=seed)
        with_g5 = project(tutorial, {"frame": "sahel", "force": "nobody", "partnership": "g5-support"}, seed=seed)
        assert with_force["buyin.algeria"] < alone["buyin.algeria"]  # Algeria: wary of outside forces
        assert with_g5["buyin.algeria"] < alone["buyin.algeria"]  # … and of the G5 frame
        mali = project(tutorial, {"frame": "mali-only", "force": "nobody"}, seed=seed)
        assert alone["mission.consent"] < mali["mission.consent"]  # Bamako's sovereignty


def test_public_reporting_has_an_upside_beside_its_cost_in_consent(tutorial: Scenario) -> None:
    for seed in SEEDS:
        minimal = project(tutorial, {"rights": "minimal", "posture": "robust"}, quarters=8, seed=seed)
        public = project(tutorial, {"rights": "public-reporting", "posture": "robust"}, quarters=8, seed=seed)
        assert public["mission.trust"] > minimal["mission.trust"]  # communities' trust
        assert public["strength.jnim"] <= minimal["strength.jnim"]  # fewer abuses to recruit on
        assert public["mission.consent"] < minimal["mission.consent"]  # … and the cost
    assert sum(project(tutorial, {"rights": "public-reporting", "posture": "robust"}, 8, s)["strength.jnim"] for s in SEEDS) < \
        sum(project(tutorial, {"rights": "minimal", "posture": "robust"}, 8, s)["strength.jnim"] for s in SEEDS)
