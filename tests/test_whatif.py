"""Team files rebuild their game exactly; teams compare side by side; the counterfactual changes
one decision and keeps the luck."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.content.loader import levels_root, load_scenario
from game.engine.defs import Scenario, at_length
from game.engine.game import END, Game
from game.saves import replay_dict
from game.sim.drafters import drafter_for
from game.sim.teams import compare_text, divergence, rebuild
from game.sim.whatif import whatif


@pytest.fixture(scope="module")
def lesson() -> Scenario:
    scenario = load_scenario(levels_root() / "after-algiers").scenario
    assert scenario is not None
    return at_length(scenario, "lesson")


def played(scenario: Scenario, strategy: str, seed: int = 77) -> Game:
    game = Game(scenario, seed)
    drafter = drafter_for(strategy, seed, scenario)
    while game.phase != END:
        game.apply(drafter.choose(game))
    return game


def test_a_team_file_rebuilds_its_game_exactly(lesson: Scenario, tmp_path: Path) -> None:
    game = played(lesson, "robust")
    path = tmp_path / "red.json"
    path.write_text(json.dumps(replay_dict(game, "Red", "AA-TEST")), encoding="utf-8")
    team = rebuild(str(path), {lesson.id: load_scenario(levels_root() / "after-algiers").scenario})
    assert team.name == "Red" and team.session == "AA-TEST"
    assert team.game.to_dict() == game.to_dict()


def test_teams_side_by_side(lesson: Scenario, tmp_path: Path) -> None:
    from game.sim.teams import Team

    blue, red = played(lesson, "status-quo"), played(lesson, "robust")
    text = compare_text([Team("Blue", "", blue), Team("Red", "", red)])
    assert "≠ Posture" in text and "= Duration" in text
    assert "Blue and Red first part at decision 2 (Blue: goes on; Red: Posture: Robust and proactive)" in text
    assert divergence(blue, blue)[0] is None


def test_a_french_workshop_reads_french(lesson: Scenario) -> None:
    """compare and whatif in French: the catalogue's sentences, the scenario's labels, no English."""
    from game.sim.teams import Team
    from game.sim.whatif import choices_text, whatif_text

    blue, red = played(lesson, "status-quo"), played(lesson, "robust")
    text = compare_text([Team("Bleus", "AA-7K3Q", blue), Team("Rouges", "", red)], "fr")
    assert text.splitlines()[0].endswith("\u00a0: 2 équipes, séance AA-7K3Q")
    assert "Bleus et Rouges se séparent à la décision 2 (Bleus\u00a0: poursuit" in text
    assert "≠ Posture" in text and "Fin de partie" in text and "Robuste et proactive" in text
    n = next(i + 1 for i, d in enumerate(red.decisions) if d == {"do": "choose", "dimension": "posture", "option": "robust"})
    result = whatif(lesson, red.seed, list(red.decisions), n, "traditional")
    words = whatif_text(result, "traditional", "fr") + "\n" + choices_text(red, "fr")
    assert "Maintien de la paix traditionnel" in words and "Sécurité de la mission" in words
    assert "causes principales" in words and "clause «\u00a0Posture\u00a0» (Robuste et proactive)" in words
    for english in ("teams", "first part", "as played", "what if", "Where the difference", "ending", "playing",
                    "Decisions that can", "left out", "clause “Posture”", "later effect"):
        assert english not in words + text, english


def test_a_delayed_effect_names_its_card(lesson: Scenario) -> None:
    from game.engine.defs import tr
    from game.explain import cause_text

    card = next(c for c in lesson.cards if c.responses)
    for lang, words in (("en", "later effect of card"), ("fr", "effet différé de la carte")):
        text = cause_text(f"later:{card.id}.{card.responses[0].id}", lesson, lang)
        assert text.startswith(words) and tr(card.title, lang) in text, text


def test_changing_nothing_gives_the_identical_game(lesson: Scenario) -> None:
    game = played(lesson, "robust")
    n, d = next((i + 1, d) for i, d in enumerate(game.decisions) if d["do"] == "choose")
    same = whatif(lesson, game.seed, list(game.decisions), n, d["option"])
    assert same.changed.to_dict() == game.to_dict()
    assert same.first_divergence() is None and not same.left_out and not same.fallback


def test_one_changed_clause_keeps_the_luck_and_shows_its_causes(lesson: Scenario) -> None:
    game = played(lesson, "robust")
    n = next(i + 1 for i, d in enumerate(game.decisions) if d == {"do": "choose", "dimension": "posture", "option": "robust"})
    result = whatif(lesson, game.seed, list(game.decisions), n, "traditional")
    assert result.changed.votes[0].draft["posture"] == "traditional"
    assert result.changed.luck.draw(3, "card") == game.luck.draw(3, "card")  # one luck for both
    assert result.outcome_changes()["mission_safety"] > 0  # a traditional posture loses fewer peacekeepers
    causes = dict(result.largest_causes("mission.impartiality"))
    assert causes.get("clause:posture.robust", 0) > 0  # the robust clause's cost is gone
    with pytest.raises(ValueError, match="cannot be changed"):
        whatif(lesson, game.seed, list(game.decisions), n, "no-such-option")


def test_the_commands(lesson: Scenario, tmp_path: Path) -> None:
    files = []
    for name, strategy in (("Blue", "status-quo"), ("Red", "robust")):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(replay_dict(played(lesson, strategy), name)), encoding="utf-8")
        files.append(str(path))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, timeout=120)

    compared = run("compare", *files)
    assert compared.returncode == 0 and "Blue" in compared.stdout and "Red" in compared.stdout
    listed = run("whatif", files[1])
    assert listed.returncode == 0 and "Posture: Robust and proactive  [robust]" in listed.stdout
    changed = run("whatif", files[1], "--decision", "2", "--choose", "traditional", "--json")
    data = json.loads(changed.stdout)
    assert data["difference"]["mission_safety"] > 0
    # a wrong number or a half-given question is said, with the list to choose from
    for args, words in ((("--decision", "999", "--choose", "x"), "there is no decision 999"),
                        (("--decision", "2"), "--decision N and --choose OPTION go together"),
                        (("--decision", "1", "--choose", "x"), "decision 1 (continue) chooses nothing")):
        wrong = run("whatif", files[1], *args)
        assert wrong.returncode == 2 and words in wrong.stderr and "{" not in wrong.stderr, (args, wrong.stderr)
        assert "[robust]" in wrong.stdout


def test_a_game_with_nothing_to_change_says_so() -> None:
    from game.sim.whatif import choices_text

    game = Game(load_scenario(levels_root() / "tutorial").scenario, 1)
    assert "none yet" in choices_text(game)


def test_teams_that_did_not_share_the_luck_are_compared_with_a_warning(lesson: Scenario) -> None:
    """Two team files of other seeds (no session code, or two codes) were compared as if only
    their choices differed: "Blue and Red first part at decision 5" came from the luck."""
    from game.sim.teams import Team

    same = compare_text([Team("Blue", "", played(lesson, "status-quo")), Team("Red", "", played(lesson, "robust"))])
    assert "same luck" not in same and "⚠" not in same
    other = compare_text([Team("Blue", "", played(lesson, "status-quo", 77)), Team("Red", "", played(lesson, "robust", 5))])
    assert "⚠ These teams did not play with the same luck (seeds 5, 77)" in other
    french = compare_text([Team("Bleus", "", played(lesson, "status-quo", 77)), Team("Rouges", "", played(lesson, "robust", 5))], "fr")
    assert "pas joué avec le même hasard (graines 5, 77)" in french


def test_one_team_read_twice_is_told_apart(lesson: Scenario) -> None:
    from game.sim.teams import Team

    blue = played(lesson, "status-quo")
    text = compare_text([Team("Blue", "", blue), Team("Blue", "", blue)])
    assert "Blue and Blue (2)" in text and "Blue and Blue " not in text.replace("Blue and Blue (2)", "")
