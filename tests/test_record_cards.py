"""Cards carry the response closest to what the Council actually did (`historical:`), with a
source; the historical drafter plays it, and `check` refuses one that names no response (R215)."""

from __future__ import annotations

from pathlib import Path

from conftest import problems_after_edit

from game.content.loader import levels_root, load_scenario
from game.engine.game import CARD, END, Game
from game.sim.drafters import drafter_for


def test_the_historical_drafter_answers_as_the_card_says() -> None:
    scenario = load_scenario(levels_root() / "after-algiers").scenario
    assert scenario is not None
    card = scenario.card("aa-anefis-clashes")
    assert card.historical == "mediate" and card.historical_source
    answered: dict[str, str] = {}
    for seed in range(1, 6):
        game = Game(scenario, seed)
        drafter = drafter_for("historical", seed, scenario)
        while game.phase != END:
            action = drafter.choose(game)
            if game.phase == CARD and game.card is not None and game.card.historical:
                answered[game.card.id] = action.to_dict()["response"]
                assert answered[game.card.id] == game.card.historical
            game.apply(action)
    assert "aa-anefis-clashes" in answered


def test_a_historical_answer_must_name_a_response(tmp_path: Path) -> None:
    problems, lines = problems_after_edit(tmp_path, "after-algiers/cards/north.yaml", "historical:\n      response: mediate\n",
                                          "historical:\n      response: mediat\n", "after-algiers", "R215")
    assert len(problems) == 1
    line = lines[problems[0].line - 1]
    assert "response: mediat" in line and "did you mean 'mediate'" in problems[0].message
