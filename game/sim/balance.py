"""``python -m game balance``: the balance report of a scenario, from thousands of scripted games.

For every drafter: mean outcome measures, endings, length; then the checks a designer needs:
which drafter is best on each measure (none should be best on all), which endings never happen,
and dead cards (drawn in under 1% of the games of every drafter).
"""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from game.engine.defs import Scenario
from game.engine.game import ENDINGS, OUTCOMES
from game.sim.drafters import available
from game.sim.simulate import simulate, summarise

DEAD_SHARE = 0.01  # a card drawn in fewer games than this, for every drafter, is dead
LOWER_IS_BETTER = {"cost"}


def _run(job: tuple[Scenario, int, int, str]) -> list[dict[str, Any]]:
    scenario, games, seed, strategy = job
    return list(simulate(scenario, games, seed, strategy))


def _run_from_path(job: tuple[str, int, int, str]) -> list[dict[str, Any]]:
    # Compiled conditions are closures, which do not pickle: each worker loads the scenario itself.
    from game.content.loader import load_scenario

    path, games, seed, strategy = job
    scenario = load_scenario(path).scenario
    assert scenario is not None
    return list(simulate(scenario, games, seed, strategy))


def report(scenario: Scenario, games: int, seed: int, jobs: int = 1) -> dict[str, Any]:
    """Every drafter plays ``games`` games with seeds ``seed``… (the same luck for each)."""
    names = available(scenario)
    if jobs > 1 and scenario.path:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_run_from_path, [(scenario.path, games, seed, name) for name in names]))
    else:
        results = [_run((scenario, games, seed, name)) for name in names]
    per: dict[str, Any] = {}
    for name, records in zip(names, results, strict=True):
        s = summarise(records, scenario)
        per[name] = {k: s[k] for k in ("mean_outcomes", "mean_quarters", "endings", "card_share_of_games")}
    best: dict[str, str] = {}
    for measure in OUTCOMES:
        pick = min if measure in LOWER_IS_BETTER else max
        best[measure] = pick(per, key=lambda n, m=measure: per[n]["mean_outcomes"][m])
    seen_endings = {e for p in per.values() for e in p["endings"]}
    dead = sorted(c.id for c in scenario.cards
                  if all(p["card_share_of_games"].get(c.id, 0) < DEAD_SHARE for p in per.values()))
    return {
        "scenario": scenario.id,
        "games_per_drafter": games,
        "seed": seed,
        "drafters": per,
        "best_by_measure": best,
        "dominant_drafter": next((n for n in per if all(b == n for b in best.values())), None),
        "endings_never_seen": sorted(set(ENDINGS) - seen_endings),
        "dead_cards": dead,
    }


def table(data: dict[str, Any]) -> str:
    """The report as a Markdown table a closing note or a README can hold."""
    measures = list(OUTCOMES)
    head = "| drafter | " + " | ".join(measures) + " | quarters | endings |"
    lines = [f"{data['scenario']}: {data['games_per_drafter']} games per drafter, seeds {data['seed']}–{data['seed'] + data['games_per_drafter'] - 1}",
             "", head, "|" + "---|" * (len(measures) + 3)]
    for name, p in data["drafters"].items():
        cells = []
        for m in measures:
            mark = " **best**" if data["best_by_measure"][m] == name else ""
            cells.append(f"{p['mean_outcomes'][m]}{mark}")
        endings = ", ".join(f"{k} {v}" for k, v in p["endings"].items())
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {p['mean_quarters']} | {endings} |")
    lines.append("")
    lines.append(f"drafter best on every measure: {data['dominant_drafter'] or 'none'}")
    lines.append(f"endings never seen: {', '.join(data['endings_never_seen']) or 'none'}")
    lines.append(f"dead cards (under {DEAD_SHARE:.0%} of games for every drafter): {', '.join(data['dead_cards']) or 'none'}")
    return "\n".join(lines)


def run(scenario: Scenario, games: int, seed: int, jobs: int, as_json: bool) -> str:
    data = report(scenario, games, seed, jobs)
    return json.dumps(data, sort_keys=True) if as_json else table(data)
