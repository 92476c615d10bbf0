"""Cards carry the response closest to what the Council actually did (`historical:`), with a
source; the historical drafter plays it, and `check` refuses one that names no response (R215)."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.content.check import check_paths
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
    root = tmp_path / "levels"
    shutil.copytree(levels_root(), root)
    north = root / "after-algiers" / "cards" / "north.yaml"
    text = north.read_text(encoding="utf-8")
    assert "historical: {response: mediate," in text
    north.write_text(text.replace("historical: {response: mediate,", "historical: {response: mediat,", 1), encoding="utf-8")
    problems = [p for p in check_paths([root / "after-algiers"]).problems if p.code == "R215"]
    assert len(problems) == 1
    line = north.read_text(encoding="utf-8").splitlines()[problems[0].line - 1]
    assert "historical:" in line and "did you mean 'mediate'" in problems[0].message
