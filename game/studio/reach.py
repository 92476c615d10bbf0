"""How often each scripted drafter draws a card: the share of its games that show it."""

from __future__ import annotations

from game.engine.defs import Scenario
from game.sim.drafters import available
from game.sim.simulate import simulate


def draw_shares(scenario: Scenario, games: int, seed: int = 1) -> dict[str, dict[str, float]]:
    """drafter -> card id -> the share of its ``games`` games (seeds ``seed``…) that drew the card."""
    out: dict[str, dict[str, float]] = {}
    for name in available(scenario):
        drawn = dict.fromkeys((c.id for c in scenario.cards), 0)
        for record in simulate(scenario, games, seed, name):
            for card in record["draws"]:
                drawn[card] = drawn.get(card, 0) + 1
        out[name] = {k: v / max(1, games) for k, v in drawn.items()}
    return out
