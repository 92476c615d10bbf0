"""Simulation speed and memory: games/s, quarters/s and peak memory, with causes recorded.

    python benchmarks/bench_simulate.py [--level after-algiers] [--games 1000] [--strategy random]
                                        [--sweep 10000] [--jobs 2]

Prints figures; asserts nothing. Targets: at least 5,000 quarters per second on one core, with
causes recorded; under 200 MB peak for 1,000 games; and a designer's sweep (``balance``: every
scripted drafter, the same seeds for each) of 10,000 games in at most 5 s of wall-clock time on
the reference machine's two cores (``--sweep 0`` skips it).

The figures are the engine's that this process runs, and the first line says which. As
``balance`` does before a long sweep, the benchmark compiles the engine first when no build of
these sources exists and this machine can (game/accel, about 20 s, once), then starts again on it;
``PENHOLDER_ENGINE=pure`` measures the pure Python engine instead.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game import accel  # noqa: E402
from game.accel.build import RESTARTED_ENV, build_for_sweep  # noqa: E402
from game.content.loader import load_scenario, resolve_level  # noqa: E402
from game.sim.balance import report  # noqa: E402
from game.sim.drafters import available  # noqa: E402
from game.sim.simulate import game_record, play_one  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--level", default="after-algiers")
    parser.add_argument("--games", type=int, default=1000)
    parser.add_argument("--strategy", default="random")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sweep", type=int, default=10_000, help="games in the balance sweep (0: none)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the sweep")
    args = parser.parse_args()
    if build_for_sweep(max(args.sweep, args.games), say=print):
        sys.stdout.flush()
        os.environ[RESTARTED_ENV] = "1"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    loaded = load_scenario(resolve_level(args.level))
    if loaded.scenario is None:
        print("cannot load", args.level, *loaded.problems[:5], sep="\n  ")
        return 1
    scenario = loaded.scenario
    print(accel.status())

    # The same games several times: a shared machine's speed wanders, so print each run, the
    # median and the best (the best is the closest to what the code costs).
    rates: list[float] = []
    for _ in range(args.repeat):
        start = time.process_time()
        quarters = records = 0
        for i in range(args.games):
            game = play_one(scenario, args.seed + i, args.strategy)
            game_record(game, args.seed + i)
            quarters += len(game.timeline)
            records += len(game.meters.ledger)
        rates.append(quarters / (time.process_time() - start))
    print(f"scenario {scenario.id}, {len(scenario.cards)} cards, strategy {args.strategy}, {args.games} games "
          f"({quarters / args.games:.1f} quarters and {records / args.games:,.0f} recorded causes a game)")
    print("quarters/s per run (one core, CPU time): " + ", ".join(f"{r:,.0f}" for r in rates))
    # CPU time still slows down when other processes share the cores: say how busy they were.
    print("load average (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores")
    ordered = sorted(rates)
    per_game = quarters / args.games
    print(f"median {ordered[len(ordered) // 2]:,.0f} quarters/s ({ordered[len(ordered) // 2] / per_game:,.0f} games/s); "
          f"best {ordered[-1]:,.0f} quarters/s ({ordered[-1] / per_game:,.0f} games/s)  (target: 5,000 quarters/s)")

    # Memory: keep every game's record (as simulate --json does) and measure the peak.
    tracemalloc.start()
    kept = [game_record(play_one(scenario, args.seed + i, args.strategy), args.seed + i) for i in range(args.games)]
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak traced memory for {len(kept)} games: {peak / 1e6:.1f} MB; process max RSS {rss:.0f} MB  (target: under 200 MB)")
    del kept

    if args.sweep:
        # What a designer waits for: ``balance --games G --jobs J``, each drafter G games, wall clock.
        drafters = available(scenario)
        per_drafter = -(-args.sweep // len(drafters))
        start = time.perf_counter()
        report(scenario, per_drafter, args.seed, jobs=args.jobs)
        wall = time.perf_counter() - start
        games = per_drafter * len(drafters)
        print(f"designer's sweep: balance --games {per_drafter} --jobs {args.jobs} ({len(drafters)} drafters, "
              f"{games:,} games) in {wall:.1f} s wall clock, {games / wall:,.0f} games/s  (target: 10,000 games in 5 s)")
        print("load average after the sweep: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
