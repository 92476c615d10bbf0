"""The game loop: determinism, saves, replays, causes, and refusals that change nothing."""

from __future__ import annotations

import json

import pytest

from game.engine.actions import (
    CallVote,
    Choose,
    Continue,
    Impossible,
    Respond,
    Trade,
    action_from_dict,
)
from game.engine.defs import Scenario
from game.engine.game import DRAFTING, END, Game, replay
from game.saves import SaveError, load_replay, load_save, replay_dict
from game.sim.drafters import make_drafter


def play(scenario: Scenario, seed: int, strategy: str = "random", stop_after: int | None = None) -> Game:
    game = Game(scenario, seed)
    drafter = make_drafter(strategy, seed)
    steps = 0
    while game.phase != END and (stop_after is None or steps < stop_after):
        game.apply(drafter.choose(game))
        steps += 1
    return game


@pytest.mark.parametrize("strategy", ["random", "status-quo", "robust"])
def test_same_seed_same_decisions_same_game(tutorial: Scenario, strategy: str) -> None:
    """The one determinism test: byte for byte, state, ledger, journal and rng included."""
    a, b = play(tutorial, 11, strategy), play(tutorial, 11, strategy)
    assert json.dumps(a.to_dict(), sort_keys=True) == json.dumps(b.to_dict(), sort_keys=True)
    assert a.phase == END and len(a.decisions) > 10
    c = play(tutorial, 12, strategy)
    assert a.to_dict()["values"] != c.to_dict()["values"]  # the seed matters


def test_save_mid_game_and_continue_identically(tutorial: Scenario) -> None:
    for stop in (3, 9, 17):
        whole = play(tutorial, 5, "status-quo")
        half = play(tutorial, 5, "status-quo", stop_after=stop)
        restored = load_save(json.loads(json.dumps(half.to_dict())), tutorial)
        drafter = make_drafter("status-quo", 5)
        while restored.phase != END:
            restored.apply(drafter.choose(restored))
        assert restored.to_dict() == whole.to_dict()


def traded(scenario: Scenario, seed: int) -> Game:
    """A game with a trade in it (no scripted drafter trades in the tutorial), then random play."""
    game = Game(scenario, seed)
    game.apply(Continue())
    game.apply(Choose("rights", "public-reporting"))
    game.apply(Continue())
    member, dim = next((m.id, d.id) for m in game.council for d in scenario.dimensions
                       if 0 < game.trade_cost(m.id, d.id) <= game.values["council.capital"])
    game.apply(Trade(member, dim))
    drafter = make_drafter("random", seed)
    while game.phase != END:
        game.apply(drafter.choose(game))
    return game


@pytest.mark.parametrize(("strategy", "seed"), [("random", 21), ("status-quo", 4), ("trade", 9)])
def test_replay_reproduces_the_game(tutorial: Scenario, strategy: str, seed: int) -> None:
    """The one replay test: seed and decisions, through a JSON file, give the same game."""
    game = traded(tutorial, seed) if strategy == "trade" else play(tutorial, seed, strategy)
    data = json.loads(json.dumps(replay_dict(game)))
    again, warnings = load_replay(data, tutorial)
    assert warnings == []
    assert again.to_dict() == game.to_dict()
    assert data["outcomes"] == game.outcomes() == again.outcomes()
    assert replay(tutorial, seed, game.decisions).to_dict() == game.to_dict()


def test_a_replay_for_changed_content_warns_and_a_bad_one_is_refused(tutorial: Scenario) -> None:
    game = play(tutorial, 2)
    data = replay_dict(game) | {"content_hash": "0000"}
    _again, warnings = load_replay(data, tutorial)
    assert warnings and "changed" in warnings[0]
    bad = replay_dict(game)
    bad["decisions"] = bad["decisions"][:3] + [{"do": "respond", "card": "nope", "response": "x"}]
    with pytest.raises(SaveError):
        load_replay(bad, tutorial)
    with pytest.raises(SaveError):
        load_save({"format": 1, "scenario": "tutorial", "seed": 1}, tutorial)


def test_every_change_is_recorded_with_its_cause(tutorial: Scenario) -> None:
    game = play(tutorial, 8)
    for name, start in tutorial.initial.items():
        if name in game.values and not name.startswith(("time.", "signatories.", "violence.mean")):
            recorded = sum(c for _q, n, c, _cause in game.meters.ledger if n == name)
            start_value = start
            if name == "council.capital":
                start_value = tutorial.coefficients["capital_per_mandate"]
            assert game.values[name] - start_value == recorded, name
    assert all(cause.split(":")[0] in {"rule", "clause", "card", "later", "trade", "vote"} for *_x, cause in game.meters.ledger)


def test_why_answers_largest_causes_first(tutorial: Scenario) -> None:
    game = play(tutorial, 3)
    answer = game.why("violence.kidal")
    assert answer
    sizes = [abs(c.change) for c in answer]
    assert sizes == sorted(sizes, reverse=True)
    quarter_answer = game.why("violence.kidal", [0])
    assert sum(c.change for c in quarter_answer) == sum(c for q, n, c, _ in game.meters.ledger if q == 0 and n == "violence.kidal")


def test_impossible_actions_change_nothing(tutorial: Scenario) -> None:
    game = Game(tutorial, 1)
    before = json.dumps(game.to_dict(), sort_keys=True)
    for action in (CallVote(), Respond("x", "y"), Trade("russia", "rights"), Choose("posture", "nope")):
        with pytest.raises(Impossible):
            game.apply(action)
    assert json.dumps(game.to_dict(), sort_keys=True) == before
    game.apply(Continue())
    assert game.phase == DRAFTING
    with pytest.raises(Impossible):
        game.apply(Choose("nope", "x"))


def test_decisions_round_trip_through_json(tutorial: Scenario) -> None:
    game = play(tutorial, 4)
    for data in game.decisions:
        assert action_from_dict(json.loads(json.dumps(data))).to_dict() == data
    with pytest.raises(ValueError):
        action_from_dict({"do": "respond", "card": 1, "response": "x"})
    with pytest.raises(ValueError):
        action_from_dict({"do": "explode"})


def test_derived_quantities_answer_why_with_their_parts_causes(tutorial: Scenario) -> None:
    game = play(tutorial, 3)
    answer = game.why("violence.mean")
    assert answer
    region_causes = {c.cause for r in ("kidal", "gao", "timbuktu", "menaka", "mopti", "segou", "bamako")
                     for c in game.why(f"violence.{r}")}
    assert {c.cause for c in answer} <= region_causes
    total = sum(c.change for r in ("kidal", "gao", "timbuktu", "menaka", "mopti", "segou", "bamako")
                for c in game.why(f"violence.{r}"))
    assert abs(sum(c.change for c in answer) - total / 7) <= len(answer)  # shared out, rounded per cause
    assert game.why("signatories.cohesion")
