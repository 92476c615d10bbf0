"""How long each scenario takes at each length: the median count of decisions and of words a
player reads, over the scripted drafters and 30 seeds, and the minutes they come to.

    python benchmarks/lesson_length.py

Prints one line per scenario and length, ``SCENARIO LENGTH: N decisions, W words`` (then the
estimate in minutes; game/sim/lesson.py says how the minutes follow from the counts). Target for
a lesson: at most 20 decisions and about 3,000 words, with the debrief.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.content.loader import levels_root, load_scenario  # noqa: E402
from game.engine.defs import LENGTHS, at_length  # noqa: E402
from game.sim.drafters import available  # noqa: E402
from game.sim.lesson import median_length  # noqa: E402

STRATEGIES = ("status-quo", "robust", "regional-transition", "historical")


def main() -> int:
    for name in ("tutorial", "serval-to-minusma", "after-algiers", "consent"):
        scenario = load_scenario(levels_root() / name).scenario
        assert scenario is not None, name
        strategies = [s for s in STRATEGIES if s in available(scenario)]
        for length in LENGTHS:
            try:
                played = at_length(scenario, length)
            except ValueError:
                continue
            m = median_length(played, strategies, range(1, 31))
            print(f"{name} {length}: {m.decisions} decisions, {m.words} words"
                  f"  ({m.cards} cards, {m.votes} votes; about {m.minutes()} minutes with the debrief)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
