"""A follow-up with ``chance:`` comes in about that share of games, the same way for the same seed."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.content.check import check_paths
from game.content.loader import load_scenario
from game.engine.actions import CallVote, Continue, Respond
from game.engine.game import CARD, END, NEGOTIATION, Game

ROOT = Path(__file__).resolve().parent.parent

CARDS = """\
cards:
  - id: t-offer
    title: An offer of talks
    text: A commander offers talks.
    sources: ["composite, for the test"]
    responses:
      - id: accept
        label: Accept.
        why: Talks help.
        follow_up:
          - {card: t-sequel, after: 1, chance: CHANCE}
      - id: refuse
        label: Refuse.
        why: Not now.
  - id: t-sequel
    follow_up_only: true
    title: The talks go on
    text: The talks go on.
    sources: ["composite, for the test"]
    responses:
      - {id: a, label: Go on., why: Yes.}
      - {id: b, label: Stop., why: No.}
"""


def scenario(tmp_path: Path, chance: str) -> Path:
    folder = tmp_path / f"s{chance}"
    shutil.copytree(ROOT / "levels" / "tutorial", folder)
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    (folder / "scenario.yaml").write_text(
        text.replace("uses: [../common]", f"uses: [{(ROOT / 'levels' / 'common').as_posix()}]").replace("languages: [en, fr]", "languages: [en]"),
        encoding="utf-8")
    (folder / "cards" / "tutorial.yaml").unlink()
    body = CARDS.replace(", chance: CHANCE", "") if chance == "none" else CARDS.replace("CHANCE", chance)
    (folder / "cards" / "test.yaml").write_text(body, encoding="utf-8")
    return folder


def sequel_comes(folder: Path, seed: int) -> bool:
    loaded = load_scenario(folder)
    assert loaded.scenario is not None, loaded.problems[:3]
    game = Game(loaded.scenario, seed)
    seen = set()
    while game.phase != END:
        if game.phase == CARD:
            card = game.card
            assert card is not None
            seen.add(card.id)
            game.apply(Respond(card.id, card.responses[0].id))
        else:
            game.apply(CallVote() if game.phase == NEGOTIATION else Continue())
    assert "t-offer" in seen
    return "t-sequel" in seen


def test_check_accepts_chance_and_refuses_it_out_of_range(tmp_path: Path) -> None:
    assert check_paths([scenario(tmp_path, "40")]).problems == []
    bad = check_paths([scenario(tmp_path, "0")]).problems
    assert [p.code for p in bad] == ["S103"] and "chance" in str(bad[0])


def test_a_follow_up_with_a_chance_comes_in_some_games_only(tmp_path: Path) -> None:
    sometimes = scenario(tmp_path, "40")
    came = [sequel_comes(sometimes, seed) for seed in range(1, 61)]
    assert 10 <= sum(came) <= 40, sum(came)  # about 40% of 60
    assert came == [sequel_comes(sometimes, seed) for seed in range(1, 61)]  # the same luck
    always = scenario(tmp_path, "none")
    assert all(sequel_comes(always, seed) for seed in range(1, 21))
    certain = scenario(tmp_path, "100")
    assert all(sequel_comes(certain, seed) for seed in range(1, 21))
