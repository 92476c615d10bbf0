"""Which quantities change nothing? For each quantity, shift its starting value and replay the same
games (same seeds, same drafters): if no other quantity, no outcome and no decision differs, nothing
in the model reads it, and a card or clause that moves it moves nothing.

    python benchmarks/inert_quantities.py --level after-algiers

Prints one line per inert quantity and the count. This is the strict, whole-game view: a shift at
the start that the rules absorb within a few quarters (displacement follows violence, capital is
renewed at each vote) leaves no mark at the end and is listed here. Whether each quantity is read
at all, by a rule, an ending, a Council member or an outcome measure, is what
tests/test_inert.py checks (it expects none unread).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.content.loader import load_scenario, resolve_level  # noqa: E402
from game.engine.defs import Scenario  # noqa: E402
from game.engine.game import END, Game  # noqa: E402
from game.engine.world import QUANTITIES  # noqa: E402
from game.sim.drafters import drafter_for  # noqa: E402


def play(scenario: Scenario, seed: int, strategy: str, shift: tuple[str, int] | None = None) -> Game:
    game = Game(scenario, seed)
    if shift is not None:
        name, delta = shift
        lo, hi = QUANTITIES[name]
        old = game.meters.values[name]
        new = max(lo, min(hi, old + delta))
        game.meters.values[name] = new if new != old else max(lo, min(hi, old - delta))
    drafter = drafter_for(strategy, seed, scenario)
    for _ in range(5_000):
        if game.phase == END:
            break
        game.apply(drafter.choose(game))
    return game


def inert(scenario: Scenario, seeds: range, strategies: tuple[str, ...]) -> list[str]:
    base = {(s, d): play(scenario, s, d) for s in seeds for d in strategies}
    out = []
    for name in QUANTITIES:
        lo, hi = QUANTITIES[name]
        delta = max(1, (hi - lo) // 8)
        for (seed, strategy), a in base.items():
            b = play(scenario, seed, strategy, (name, delta))
            others_a = {k: v for k, v in a.values.items() if k != name}
            others_b = {k: v for k, v in b.values.items() if k != name}
            if others_a != others_b or a.outcomes() != b.outcomes() or a.decisions != b.decisions:
                break
        else:
            out.append(name)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--level", default="after-algiers")
    ap.add_argument("--seeds", type=int, default=3)
    args = ap.parse_args()
    scenario = load_scenario(resolve_level(args.level)).scenario
    assert scenario is not None
    found = inert(scenario, range(1, args.seeds + 1), ("status-quo", "robust", "regional-transition"))
    for name in found:
        print(f"inert: {name}")
    print(f"{args.level}: {len(found)} of {len(QUANTITIES)} quantities change nothing")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
