"""A lesson fits one class period: every scenario has a lesson length whose counts (decisions,
words read) stay within what 45 minutes allow, and a game keeps its length through saves."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game.content.loader import levels_root, load_scenario
from game.engine.defs import Scenario, at_length
from game.engine.game import END, Game
from game.saves import load_replay, load_save, replay_dict
from game.sim.drafters import available, drafter_for
from game.sim.lesson import median_length

SCENARIOS = ("tutorial", "serval-to-minusma", "after-algiers", "consent")
CLASS_CHOICES = 6  # clauses a class changes over two renewals, which the scripted drafters do not


def scenario(name: str) -> Scenario:
    loaded = load_scenario(levels_root() / name).scenario
    assert loaded is not None
    return loaded


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_lesson_fits_a_class_period(name: str) -> None:
    full = scenario(name)
    lesson = at_length(full, "lesson")
    assert lesson.length == "lesson" and lesson.years <= full.years and lesson.max_cards == 1
    strategies = [s for s in ("status-quo", "robust", "regional-transition", "historical") if s in available(full)]
    counts = median_length(lesson, strategies, range(1, 11))
    assert counts.decisions + CLASS_CHOICES <= 20, counts
    assert counts.words <= 3_300, counts
    assert counts.minutes() <= 45, counts
    assert lesson.minutes <= 45


def test_after_algiers_lesson_is_two_renewals_of_one_card_a_quarter() -> None:
    lesson = at_length(scenario("after-algiers"), "lesson")
    game = Game(lesson, 3)
    drafter = drafter_for("status-quo", 3, lesson)
    while game.phase != END:
        game.apply(drafter.choose(game))
    assert len(game.votes) == 2 and game.quarter == 8
    drawn = [e["q"] for e in game.journal if e["kind"] == "card" and not lesson.card(e["card"]).follow_up_only]
    assert max(drawn.count(q) for q in set(drawn)) == 1


def test_a_lesson_game_stays_a_lesson_through_saves() -> None:
    full = scenario("after-algiers")
    game = Game(at_length(full, "lesson"), 5)
    drafter = drafter_for("robust", 5, game.scenario)
    for _ in range(20):
        game.apply(drafter.choose(game))
    assert game.phase != END
    # restored from the full scenario as loaded: the save's length decides
    again = load_save(game.to_dict(), full)
    assert again.scenario.length == "lesson" and again.to_dict() == game.to_dict()
    replayed, _ = load_replay(replay_dict(game), full)
    assert replayed.scenario.length == "lesson" and replayed.values == game.values
    with pytest.raises(ValueError):
        Game.from_dict(full, game.to_dict())


def test_the_command_line_takes_a_length() -> None:
    def run(*args: str) -> str:
        out = subprocess.run([sys.executable, "-m", "game", "simulate", "--level", "after-algiers", "--games", "3",
                              "--json", *args], capture_output=True, text=True, check=True)
        return out.stdout

    assert run("--length", "lesson") != run() == run("--length", "full")
    assert '"quarters": 8' in run("--length", "lesson")
