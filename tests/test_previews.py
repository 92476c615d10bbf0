"""Effect previews tell the truth: each option is compared with the mandate in force (not with the
draft, not with the scenario's first mandate), and shows its benefits beside its costs."""

from __future__ import annotations

from game.content.loader import levels_root, load_scenario
from game.engine.game import DRAFTING, Game
from game.sim.drafters import drafter_for


def _after_algiers() -> Game:
    scenario = load_scenario(levels_root() / "after-algiers").scenario
    assert scenario is not None
    return Game(scenario, 2)


def test_a_preview_does_not_depend_on_the_draft() -> None:
    game = _after_algiers()
    before = game.preview_option("priority", "centre")
    game.draft["posture"] = "robust"  # the player changes another clause first
    game.draft["priority"] = "centre"  # and this one: its preview must still show what it does
    assert game.preview_option("priority", "centre") == before != {}


def test_the_option_in_force_shows_no_change_and_others_compare_with_it() -> None:
    game = _after_algiers()
    drafter = drafter_for("robust", 2, game.scenario)
    while not (game.phase == DRAFTING and len(game.votes) == 1):  # the second renewal
        game.apply(drafter.choose(game))
    assert game.in_force["posture"] == "robust" != game.scenario.current_mandate["posture"]
    assert game.preview_option("posture", "robust") == {}
    traditional = game.preview_option("posture", "traditional")
    assert traditional.get("mission.impartiality", 0) > 0  # leaving robust restores impartiality


def test_protecting_the_centre_shows_its_benefit() -> None:
    game = _after_algiers()
    centre = game.preview_option("priority", "centre")
    assert centre.get("violence.mopti", 0) < 0 or centre.get("violence.segou", 0) < 0, centre
