"""``python -m game fidelity``: does the model, played as history was, go where the record went?

The historical drafter plays N seeds. For each line of the scenario's record (``record.yaml``)
the report gives the model's median and 10–90% band at the start and end of the line's period,
whether the line holds in the median game, and in what share of seeds it holds. Then the votes
(does the Council vote as it did?), and how long quantities sit at the bounds of their range.
"""

from __future__ import annotations

import json
from typing import Any

from game.engine.defs import Scenario, month_index
from game.engine.game import Game
from game.engine.world import DERIVED, QUANTITIES
from game.sim.record import Line, Record, load_record
from game.sim.simulate import VALUE_KEYS, month, play_one, snapshot, votes_of

STRATEGY = "historical"


def _at(timeline: list[dict[str, Any]], date: int, quantity: str) -> int:
    """The quantity at ``date``: the last quarter at or before it (the first, if none is)."""
    best = timeline[0]
    for entry in timeline:
        if month_index(entry["date"]) <= date:
            best = entry
    return int(best["values"][quantity])


def _within(timeline: list[dict[str, Any]], line: Line) -> list[int]:
    vals = [int(e["values"][line.quantity]) for e in timeline if line.start <= month_index(e["date"]) <= line.end]
    return vals or [_at(timeline, line.start, str(line.quantity))]


def holds(line: Line, timeline: list[dict[str, Any]], ended: int, ending: str | None) -> bool:
    """Whether one game follows the record's line."""
    if line.direction == "lasts":
        return ended >= line.end or ending == "scenario_end"
    q = str(line.quantity)
    if line.direction == "rises":
        return _at(timeline, line.end, q) - _at(timeline, line.start, q) >= line.by
    if line.direction == "falls":
        return _at(timeline, line.start, q) - _at(timeline, line.end, q) >= line.by
    vals = _within(timeline, line)
    return min(vals) > int(line.level or 0) if line.direction == "above" else max(vals) < int(line.level or 0)


def _pct(values: list[int], p: float) -> int:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p * (len(s) - 1))))]


def report(scenario: Scenario, games: int, seed: int, record: Record | None = None) -> dict[str, Any]:
    record = record or load_record(scenario)
    played: list[tuple[Game, list[dict[str, Any]]]] = []
    for i in range(games):
        timeline: list[dict[str, Any]] = []
        game = play_one(scenario, seed + i, STRATEGY, timeline)
        if not timeline:
            timeline.append(snapshot(game))
        played.append((game, timeline))
    lines = []
    for line in record.trajectory:
        share = sum(holds(line, tl, g.date, g.ending) for g, tl in played) / len(played)
        entry: dict[str, Any] = {"id": line.id, "quantity": line.quantity, "direction": line.direction,
                                 "start": month(line.start), "end": month(line.end), "level": line.level, "by": line.by,
                                 "text": line.text, "source": line.source, "share": round(share, 3)}
        if line.direction == "lasts":
            ended = [g.date if g.ending != "scenario_end" else line.end + 12 for g, _ in played]
            median_end = _pct(ended, 0.5)
            entry.update(median_holds=median_end >= line.end, ended_median=month(_pct([g.date for g, _ in played], 0.5)))
        else:
            q = str(line.quantity)
            a = [_at(tl, line.start, q) for _, tl in played]
            b = [_at(tl, line.end, q) for _, tl in played]
            entry.update(at_start=[_pct(a, 0.1), _pct(a, 0.5), _pct(a, 0.9)], at_end=[_pct(b, 0.1), _pct(b, 0.5), _pct(b, 0.9)])
            if line.direction == "rises":
                entry["median_holds"] = _pct(b, 0.5) - _pct(a, 0.5) >= line.by
            elif line.direction == "falls":
                entry["median_holds"] = _pct(a, 0.5) - _pct(b, 0.5) >= line.by
            else:
                lows = [min(_within(tl, line)) for _, tl in played]
                highs = [max(_within(tl, line)) for _, tl in played]
                entry["median_holds"] = (_pct(lows, 0.5) > int(line.level or 0) if line.direction == "above"
                                         else _pct(highs, 0.5) < int(line.level or 0))
        lines.append(entry)
    return {
        "scenario": scenario.id, "games": games, "seed": seed, "strategy": STRATEGY,
        "lines": lines, "holding": sum(1 for e in lines if e["median_holds"]),
        "votes": _votes(record, played, scenario), "at_bounds": _bounds(played),
    }


def _votes(record: Record, played: list[tuple[Game, list[dict[str, Any]]]], scenario: Scenario) -> list[dict[str, Any]]:
    out = []
    for res in record.resolutions:
        date = month(scenario.start + 12 * (res.mandate - 1))
        matches, yes_counts, adopted = 0, [], 0
        for game, _ in played:
            vote = next((v for v in votes_of(game) if v["date"] == date), None)
            if vote is None:
                continue
            yes_counts.append(len(vote["yes"]))
            adopted += vote["adopted"]
            if (len(vote["yes"]), len(vote["no"]), sorted(vote["abstain"])) == (res.yes, res.no, sorted(res.abstain)):
                matches += 1
        n = max(1, len(yes_counts))
        out.append({"resolution": res.number, "date": date, "record": f"{res.yes}-{res.no}-{res.abstaining}",
                    "abstain": list(res.abstain), "voted_in": len(yes_counts), "adopted_share": round(adopted / n, 3),
                    "median_yes": _pct(yes_counts, 0.5) if yes_counts else None, "same_vote_share": round(matches / n, 3)})
    return out


def _bounds(played: list[tuple[Game, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """For each quantity, the share of quarters it spends at the bottom or top of its range."""
    ranges = dict(QUANTITIES) | dict(DERIVED)
    counts = {k: 0 for k in VALUE_KEYS}
    total = 0
    for _, tl in played:
        for entry in tl:
            total += 1
            for k in VALUE_KEYS:
                lo, hi = ranges[k]
                if entry["values"][k] in (lo, hi):
                    counts[k] += 1
    shares = sorted(((round(c / max(1, total), 3), k) for k, c in counts.items() if c), reverse=True)
    return [{"quantity": k, "share": s} for s, k in shares]


def table(data: dict[str, Any]) -> str:
    out = [f"{data['scenario']}: the historical drafter over {data['games']} seeds ({data['seed']}–{data['seed'] + data['games'] - 1})", ""]
    for e in data["lines"]:
        mark = "holds" if e["median_holds"] else "FAILS"
        what = (f"{e['quantity']} {e['direction']}" if e["quantity"] else "the mission lasts") \
            + (f" {e['level']}" if e["level"] is not None else "") + (f" by {e['by']}+" if e.get("by", 1) > 1 else "")
        if e["direction"] == "lasts":
            band = f"median end {e['ended_median']}"
        else:
            band = (f"{e['start']}: {e['at_start'][1]} [{e['at_start'][0]}–{e['at_start'][2]}]  "
                    f"{e['end']}: {e['at_end'][1]} [{e['at_end'][0]}–{e['at_end'][2]}]")
        out.append(f"{mark:5}  {e['id']}: {what}, {e['start']}→{e['end']}  ({band}; holds in {e['share']:.0%} of seeds)")
        out.append(f"       record: {e['text']} — {e['source']}")
    out.append("")
    out.append("votes (the record / the model under the historical drafter):")
    for v in data["votes"]:
        abst = f" ({', '.join(v['abstain'])} abstaining)" if v["abstain"] else ""
        out.append(f"  {v['resolution']} ({v['date']}): record {v['record']}{abst}; voted in {v['voted_in']} games, "
                   f"adopted in {v['adopted_share']:.0%}, median {v['median_yes']} yes, the same vote in {v['same_vote_share']:.0%}")
    out.append("")
    top = [b for b in data["at_bounds"] if b["share"] >= 0.25]
    out.append("quantities at a bound of their range in at least 25% of quarters: "
               + (", ".join(f"{b['quantity']} {b['share']:.0%}" for b in top) or "none"))
    out.append("")
    out.append(f"{data['holding']} of {len(data['lines'])} record lines hold")
    return "\n".join(out)


def run(scenario: Scenario, games: int, seed: int, as_json: bool) -> str:
    data = report(scenario, games, seed)
    return json.dumps(data, sort_keys=True, ensure_ascii=False) if as_json else table(data)
