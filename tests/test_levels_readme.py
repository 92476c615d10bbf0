"""The worked examples of levels/README.md are real: ``check`` accepts them and the game plays them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from game.content.check import check_paths
from game.content.loader import load_scenario
from game.engine.actions import CallVote, Continue, Respond
from game.engine.game import CARD, END, NEGOTIATION, Game

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "levels" / "README.md"


def examples() -> dict[str, str]:
    blocks = re.findall(r"```yaml\n(# example: (\w+)\n.*?)```", README.read_text(encoding="utf-8"), re.S)
    return {name: text for text, name in blocks}


def scenario_with(tmp_path: Path, cards: str) -> Path:
    folder = tmp_path / "scenario"
    shutil.copytree(ROOT / "levels" / "tutorial", folder)
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    common = (ROOT / "levels" / "common").as_posix()
    (folder / "scenario.yaml").write_text(text.replace("uses: [../common]", f"uses: [{common}]"), encoding="utf-8")
    (folder / "cards" / "example.yaml").write_text(cards, encoding="utf-8")
    return folder


def test_both_worked_examples_exist_and_check_accepts_them(tmp_path: Path) -> None:
    found = examples()
    assert set(found) == {"simple", "chain"}
    for name, text in found.items():
        folder = scenario_with(tmp_path / name, text)
        report = check_paths([folder])
        assert report.problems == [], "\n".join(map(str, report.problems))


def test_the_chain_brings_its_follow_up(tmp_path: Path) -> None:
    """Played through the loop: the truce is drawn, answered, and its sequel comes two quarters on."""
    folder = scenario_with(tmp_path, examples()["chain"])
    (folder / "cards" / "tutorial.yaml").unlink()  # the example's cards alone: nothing else to draw
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    # Timbuktu above 40: the truce's condition holds from the first quarter, whatever the model's defaults.
    (folder / "scenario.yaml").write_text(text.replace("state:\n", "state:\n  violence.timbuktu: 60\n", 1), encoding="utf-8")
    scenario = load_scenario(folder).scenario
    assert scenario is not None
    game = Game(scenario, 1)
    answered: list[tuple[int, str, str]] = []
    while game.phase != END:
        if game.phase == CARD:
            card = game.card
            assert card is not None
            response = {"ex-elders-truce": "guarantee", "ex-truce-tested": "mediate"}[card.id]
            game.apply(Respond(card.id, response))
            answered.append((game.quarter, card.id, response))
        else:
            game.apply(CallVote() if game.phase == NEGOTIATION else Continue())
    [(q, first, _), (q2, second, _)] = answered
    assert (first, second) == ("ex-elders-truce", "ex-truce-tested") and q2 == q + 2
    assert (q + 1, "politics.reconciliation", 3, "later:ex-elders-truce.guarantee") in game.meters.ledger
    assert any(r[0] == q2 and r[1] == "mission.trust" and r[3] == "card:ex-truce-tested.mediate" for r in game.meters.ledger)
