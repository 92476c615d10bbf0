"""The worked examples of levels/README.md are real: ``check`` accepts them and the game plays them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from game.content.check import check_paths
from game.content.loader import load_scenario
from game.engine.actions import Respond
from game.engine.game import Game

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
    folder = scenario_with(tmp_path, examples()["chain"])
    scenario = load_scenario(folder).scenario
    assert scenario is not None
    game = Game(scenario, 1)
    game.pending = ["ex-elders-truce"]
    game.phase = "card"
    game.apply(Respond("ex-elders-truce", "guarantee"))
    assert {"due": 2, "card": "ex-truce-tested"} in game.queue
    assert any(item.get("cause") == "later:ex-elders-truce.guarantee" for item in game.queue)
    assert all(card.id != "ex-truce-tested" for card, _w in game.eligible())
