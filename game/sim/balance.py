"""``python -m game balance``: the balance report of a scenario, from thousands of scripted games.

For every drafter: mean outcome measures, endings, length; then the checks a designer needs:
which drafter is best on each measure (none should be best on all), which endings never happen,
and dead cards (drawn in under 1% of the games of every drafter).
"""

from __future__ import annotations

import json
import random
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from game.engine.defs import Scenario
from game.engine.game import ENDINGS, OUTCOMES
from game.sim.drafters import available
from game.sim.progress import Progress
from game.sim.simulate import simulate, summarise

DEAD_SHARE = 0.01  # a card drawn in fewer games than this, for every drafter, is dead
LOWER_IS_BETTER = {"cost"}


def _best_drafter(per: dict[str, Any], measure: str) -> str:
    """The drafter with the best mean on ``measure`` (the first listed, on a tie)."""
    means: dict[str, float] = {name: p["mean_outcomes"][measure] for name, p in per.items()}
    return min(means, key=means.__getitem__) if measure in LOWER_IS_BETTER else max(means, key=means.__getitem__)


_LOADED: dict[tuple[str, str], Scenario] = {}  # a worker's scenarios by (path, length), loaded once


def _loaded(path: str, length: str) -> Scenario:
    # Compiled conditions are closures, which do not pickle: each worker loads the scenario itself,
    # at the length the sweep plays (a lesson's sweep on two cores played the full scenario).
    from game.content.loader import load_scenario
    from game.engine.defs import at_length

    scenario = _LOADED.get((path, length))
    if scenario is None:
        full = load_scenario(path).scenario
        assert full is not None
        scenario = _LOADED[path, length] = at_length(full, length)
    return scenario


def _run_from_path(job: tuple[str, str, int, int, str, bool]) -> list[dict[str, Any]]:
    path, length, games, seed, strategy, answers = job
    return list(simulate(_loaded(path, length), games, seed, strategy, answers=answers))


def _policy_from_path(job: tuple[str, str, dict[int, dict[str, str]], str, range]) -> dict[str, float]:
    path, length, by_mandate, answers, seeds = job
    return _play_policy(_loaded(path, length), by_mandate, answers, seeds)


def _play_all(scenario: Scenario, names: list[str], games: int, seed: int, jobs: int, progress: Progress,
              answers: bool = False) -> list[list[dict[str, Any]]]:
    """Every drafter's records; ``progress`` counts games (a drafter's at once with --jobs)."""
    if jobs > 1 and scenario.path:
        # Each drafter's games in ``jobs`` runs of consecutive seeds, so that every process stays
        # busy to the end (one run per drafter left the last ones to a single core); game i keeps
        # seed ``seed + i``, and the runs join in order: the same records as with one process.
        size = -(-games // jobs)
        # Workers forked from here find the scenario already loaded (elsewhere they load it once).
        _LOADED[scenario.path, scenario.length] = scenario
        runs = [(name, start, min(size, games - start)) for name in names for start in range(0, games, size)]
        results: list[list[dict[str, Any]]] = [[] for _ in names]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            done = pool.map(_run_from_path, [(scenario.path, scenario.length, n, seed + start, name, answers) for name, start, n in runs])
            for (name, _start, n), records in zip(runs, done, strict=True):
                results[names.index(name)].extend(records)
                progress.step(n)
        return results
    results = []
    for name in names:
        records = []
        for record in simulate(scenario, games, seed, name, answers=answers):
            records.append(record)
            progress.step()
        results.append(records)
    return results


def report(scenario: Scenario, games: int, seed: int, jobs: int = 1, show_progress: bool = False,
           keep: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """Every drafter plays ``games`` games with seeds ``seed``… (the same luck for each).

    ``show_progress``: a progress line on stderr, when stderr is a terminal. ``keep``, if
    given, receives every drafter's game records, with how each card was answered."""
    names = available(scenario)
    progress = Progress(f"balance {scenario.id}: games", games * len(names), enabled=show_progress)
    results = _play_all(scenario, names, games, seed, jobs, progress, answers=keep is not None)
    progress.close()
    if keep is not None:
        keep.update(zip(names, results, strict=True))
    per: dict[str, Any] = {}
    for name, records in zip(names, results, strict=True):
        s = summarise(records, scenario)
        per[name] = {k: s[k] for k in ("mean_outcomes", "mean_quarters", "endings", "card_share_of_games")}
    best = {measure: _best_drafter(per, measure) for measure in OUTCOMES}
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
    data = report(scenario, games, seed, jobs, show_progress=not as_json)
    return json.dumps(data, sort_keys=True) if as_json else table(data)


# --- the strategy space: random fixed policies and their Pareto frontier ---------------------
ANSWER_RULES = ("status-quo", "robust", "regional-transition")  # how a policy answers the cards


def _family(by_mandate: dict[int, dict[str, str]], current: dict[str, str]) -> str:
    """Which family a policy belongs to, by what it drafts most years."""
    votes = {"handover": 0, "force": 0, "political": 0, "as-is": 0}
    for draft in by_mandate.values():
        if draft.get("partnership", "").startswith("handover"):
            votes["handover"] += 1
        elif draft.get("posture") in ("robust", "ct-support") or draft.get("force") == "mission":
            votes["force"] += 1
        elif draft.get("priority") == "reconciliation" or draft.get("pressure") in ("benchmarks", "sanctions-threat"):
            votes["political"] += 1
        elif sum(draft.get(d) != o for d, o in current.items()) <= 2:
            votes["as-is"] += 1
    best = max(votes.values())
    return next(k for k in ("as-is", "force", "handover", "political") if votes[k] == best) if best else "mixed"


def random_policy(scenario: Scenario, rng: random.Random) -> tuple[dict[int, dict[str, str]], str]:
    by_mandate = {m: {d.id: d.options[int(rng.random() * len(d.options))].id for d in scenario.dimensions}
                  for m in range(1, scenario.years + 1)}
    return by_mandate, ANSWER_RULES[int(rng.random() * len(ANSWER_RULES))]


def _play_policy(scenario: Scenario, by_mandate: dict[int, dict[str, str]], answers: str, seeds: range) -> dict[str, float]:
    from game.engine.actions import Impossible
    from game.engine.game import Game
    from game.engine.phases import END
    from game.sim.drafters import make_drafter
    from game.sim.simulate import MAX_ACTIONS, drafter_fallback

    totals = {k: 0 for k in OUTCOMES}
    for seed in seeds:
        drafter = make_drafter(answers, seed)
        drafter.by_mandate = by_mandate
        game = Game(scenario, seed)
        for _ in range(MAX_ACTIONS):
            if game.phase == END:
                break
            try:
                game.apply(drafter.choose(game))
            except Impossible:
                game.apply(drafter_fallback(game))
        for k, v in game.outcomes().items():
            totals[k] += v
    return {k: round(v / len(seeds), 1) for k, v in totals.items()}


def _dominates(a: dict[str, float], b: dict[str, float]) -> bool:
    better = False
    for m in OUTCOMES:
        x, y = (-a[m], -b[m]) if m in LOWER_IS_BETTER else (a[m], b[m])
        if x < y:
            return False
        better = better or x > y
    return better


def search(scenario: Scenario, policies: int, seed: int, games: int = 10, jobs: int = 1,
           show_progress: bool = False) -> dict[str, Any]:
    """``policies`` random fixed policies, each over ``games`` seeds; the Pareto frontier.

    With ``jobs`` > 1 the policies are played in that many processes; the policies are drawn
    first, in order, so the result does not depend on ``jobs``."""
    rng = random.Random(f"search:{scenario.id}:{seed}")
    current = dict(scenario.current_mandate)
    played: list[dict[str, Any]] = []
    # The named drafters' resolutions join the search, so that each family has its reference.
    from game.sim.drafters import DRAFTERS

    years = range(1, scenario.years + 1)
    named = {"status-quo": ({m: dict(current) for m in years}, "as-is")}
    for name, family in (("robust", "force"), ("regional-transition", "handover")):
        wants = DRAFTERS[name]["wants"]
        named[name] = ({m: current | {d: o for d, o in wants.items() if d in current}
                        for m in years}, family)
    for name, (by_mandate, family) in named.items():
        played.append({"policy": name, "family": family, "answers": name,
                       "drafts": {str(m): d for m, d in by_mandate.items()}, "plan": by_mandate})
    for i in range(policies):
        by_mandate, answers = random_policy(scenario, rng)
        played.append({"policy": str(i), "family": _family(by_mandate, current), "answers": answers,
                       "drafts": {str(m): d for m, d in by_mandate.items()}, "plan": by_mandate})
    seeds = range(seed, seed + games)
    progress = Progress(f"balance {scenario.id}: policies", len(played), enabled=show_progress)
    if jobs > 1 and scenario.path:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            tasks = [(scenario.path, scenario.length, p["plan"], p["answers"], seeds) for p in played]
            for p, means in zip(played, pool.map(_policy_from_path, tasks, chunksize=8), strict=True):
                p["means"] = means
                progress.step()
    else:
        for p in played:
            p["means"] = _play_policy(scenario, p["plan"], p["answers"], seeds)
            progress.step()
    progress.close()
    for p in played:
        del p["plan"]
    frontier = [p for p in played if not any(_dominates(q["means"], p["means"]) for q in played if q is not p)]
    best = {m: (min if m in LOWER_IS_BETTER else max)(p["means"][m] for p in played) for m in OUTCOMES}

    def near_best_everywhere(p: dict[str, Any]) -> bool:
        for m in OUTCOMES:
            x, b = p["means"][m], best[m]
            if m in LOWER_IS_BETTER:
                if x > b * 1.05:
                    return False
            elif x < b - 0.05 * abs(b):
                return False
        return True

    return {
        "scenario": scenario.id, "policies": policies, "games_per_policy": games, "seed": seed,
        "best": best, "frontier": frontier,
        "frontier_families": sorted({p["family"] for p in frontier}),
        "near_best_everywhere": [p["policy"] for p in played if near_best_everywhere(p)],
    }


def search_table(data: dict[str, Any]) -> str:
    measures = list(OUTCOMES)
    lines = [f"{data['scenario']}: {data['policies']} random fixed policies, {data['games_per_policy']} games each; "
             f"Pareto frontier: {len(data['frontier'])} policies", "",
             "| policy | family | cards | " + " | ".join(measures) + " |", "|" + "---|" * (len(measures) + 3)]
    for p in sorted(data["frontier"], key=lambda p: (p["family"], len(p["policy"]), p["policy"])):
        lines.append(f"| {p['policy']} | {p['family']} | {p['answers']} | " + " | ".join(str(p["means"][m]) for m in measures) + " |")
    lines.append("")
    lines.append("best on each measure: " + ", ".join(f"{m} {v}" for m, v in data["best"].items()))
    lines.append(f"families on the frontier: {', '.join(data['frontier_families'])}")
    near = data["near_best_everywhere"]
    lines.append(f"policies within 5% of the best on every measure at once: {', '.join(map(str, near)) or 'none'}")
    return "\n".join(lines)
