"""Session codes carry the scenario, its length, the seed and the content version; every team that
types one plays the same game, and a code made with other content is refused."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.codes import CodeError, make, prefix, read
from game.content.loader import levels_root, load_scenario, scenario_folders
from game.engine.defs import Scenario, at_length
from game.engine.game import END, Game
from game.sim.drafters import drafter_for

SCENARIOS: list[Scenario] = [s for f in scenario_folders(levels_root()) if (s := load_scenario(f).scenario)]


def by_id(name: str) -> Scenario:
    return next(s for s in SCENARIOS if s.id == name)


def test_prefixes_are_the_scenarios_initials() -> None:
    assert [prefix(i) for i in ("after-algiers", "serval-to-minusma", "consent", "tutorial")] == ["AA", "SM", "CO", "TU"]


@given(st.sampled_from(SCENARIOS), st.sampled_from(["full", "lesson"]), st.integers(0, 999_999_999))
def test_a_code_round_trips(scenario: Scenario, length: str, seed: int) -> None:
    code = make(scenario, length, seed)
    found = read(code, SCENARIOS)
    assert (found.scenario, found.length, found.seed) == (scenario.id, length, seed)
    # what a person types: lower case, spaces, O for 0 and I for 1
    sloppy = code.lower().replace("-", " - ").replace("0", "o").replace("1", "i")
    assert read(sloppy, SCENARIOS) == found


def test_a_typing_mistake_is_caught() -> None:
    code = make(by_id("after-algiers"), "lesson", 4242)
    i = len(code) - 4
    wrong = code[:i] + ("7" if code[i] != "7" else "8") + code[i + 1:]
    with pytest.raises(CodeError) as caught:
        read(wrong, SCENARIOS)
    assert caught.value.key == "mistyped"
    with pytest.raises(CodeError, match="not a session code"):
        read("hello", SCENARIOS)


def test_a_code_made_with_other_content_is_refused() -> None:
    ours = by_id("after-algiers")
    theirs = dataclasses.replace(ours, content_hash="ffff" + ours.content_hash[4:])
    code = make(theirs, "full", 7)
    with pytest.raises(CodeError) as caught:
        read(code, SCENARIOS)
    assert caught.value.key == "other_content" and "other cards or rules" in str(caught.value)


def test_two_teams_with_one_code_and_the_same_decisions_play_the_same_game() -> None:
    found = read(make(by_id("after-algiers"), "lesson", 99), SCENARIOS)
    games = []
    for _team in range(2):
        game = Game(at_length(by_id(found.scenario), found.length), found.seed)
        drafter = drafter_for("robust", 1, game.scenario)
        while game.phase != END:
            game.apply(drafter.choose(game))
        games.append(game.to_dict())
    assert games[0] == games[1] and games[0]["length"] == "lesson"


def test_the_facilitator_makes_a_code_and_a_team_plays_it() -> None:
    made = subprocess.run([sys.executable, "-m", "game", "session", "new", "--level", "consent", "--seed", "31"],
                          capture_output=True, text=True, check=True)
    code = made.stdout.strip().splitlines()[-1]
    assert code.startswith("CO-")
    played = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--session", code],
                            input="", capture_output=True, text=True, timeout=120)
    assert played.returncode == 0, played.stderr
    assert "Consent" in played.stdout
    bad = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--session", "CO-XXXX"],
                         input="", capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "session code" in bad.stderr
