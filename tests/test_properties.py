"""Property tests: whatever the decisions, no quantity leaves its range and nothing raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.actions import Back, CallVote, Choose, Continue, Impossible, Respond, Trade
from game.engine.defs import Scenario
from game.engine.game import END, Game


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), picks=st.lists(st.integers(0, 10_000), min_size=50, max_size=400))
def test_random_decisions_keep_every_quantity_in_range(tutorial: Scenario, seed: int, picks: list[int]) -> None:
    game = Game(tutorial, seed)
    for pick in picks:
        if game.phase == END:
            break
        actions = [Continue(), Back(), CallVote()]
        dim = tutorial.dimensions[pick % len(tutorial.dimensions)]
        actions.append(Choose(dim.id, dim.options[pick % len(dim.options)].id))
        member = game.council[pick % 15]
        actions.append(Trade(member.id, dim.id))
        card = game.card
        if card is not None:
            actions.append(Respond(card.id, card.responses[pick % len(card.responses)].id))
            actions.append(Respond(card.id, card.responses[pick % len(card.responses)].id))
        try:
            game.apply(actions[pick % len(actions)])
        except Impossible:
            pass
        for name, (lo, hi) in game.meters.ranges.items():
            assert lo <= game.values[name] <= hi, name
