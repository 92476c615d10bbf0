"""``python -m game balance --html DIR``: the balance report as one self-contained page.

``DIR/index.html`` holds everything (inline SVG, inline CSS, no script, no file or network
fetch): the outcome measures' spread per drafter, the endings, each card's draw rate per drafter
and the mean of the immediate effects its answers had. Every chart also gives its numbers in
text, so it reads without colour and with a screen reader.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from game.engine.defs import Scenario
from game.engine.game import OUTCOMES
from game.i18n import describe
from game.saves import write_bytes_atomic

# Drafters told apart by a dash pattern and a letter as well as by colour (colour-blind-safe hues).
HUES = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9")
DASHES = ("", "6 3", "2 2", "8 3 2 3", "1 3", "10 2")
CSS = """
body { font-family: "DejaVu Sans", Verdana, sans-serif; margin: 2rem; color: #1b1b1b; max-width: 72rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; font-size: 0.85rem; } td, th { padding: 2px 8px; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; } figure { margin: 1rem 0; } figcaption { font-size: 0.85rem; color: #444; }
.dead { background: repeating-linear-gradient(45deg, #fff, #fff 4px, #ddd 4px, #ddd 8px); }
"""


def _quantiles(values: Sequence[int]) -> tuple[int, int, int, int, int]:
    xs = sorted(values) or [0]

    def pick(p: float) -> int:
        return xs[min(len(xs) - 1, int(p * (len(xs) - 1) + 0.5))]

    return xs[0], pick(0.1), pick(0.5), pick(0.9), xs[-1]


def outcome_chart(measure: str, per: Mapping[str, Sequence[int]]) -> str:
    """One measure: per drafter, a line from the lowest to the highest game, a box from the 10th to
    the 90th percentile and a mark at the median, on a common scale."""
    all_values = [v for vs in per.values() for v in vs] or [0]
    low, high = min(all_values), max(all_values)
    span = max(1, high - low)
    # room on the right for the "median N" label of a drafter whose games reach the top of the scale
    w, row, left, right = 640, 26, 170, 84
    h = 30 + row * len(per)

    def x(v: int) -> float:
        return left + (v - low) * (w - left - right) / span

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" role="img" aria-label="{escape(measure)}">']
    for i, (name, values) in enumerate(per.items()):
        lo, p10, med, p90, hi = _quantiles(values)
        y = 20 + i * row
        hue = HUES[i % len(HUES)]
        out.append(f'<text x="4" y="{y + 12}" font-size="12">{escape(name)}</text>')
        out.append(f'<line x1="{x(lo):.1f}" y1="{y + 8}" x2="{x(hi):.1f}" y2="{y + 8}" stroke="{hue}"'
                   f' stroke-dasharray="{DASHES[i % len(DASHES)]}" stroke-width="2"/>')
        out.append(f'<rect x="{x(p10):.1f}" y="{y + 1}" width="{max(1.0, x(p90) - x(p10)):.1f}" height="14" fill="none"'
                   f' stroke="{hue}" stroke-width="2"/>')
        out.append(f'<line x1="{x(med):.1f}" y1="{y - 2}" x2="{x(med):.1f}" y2="{y + 18}" stroke="#1b1b1b" stroke-width="3"/>')
        out.append(f'<text x="{x(hi) + 4:.1f}" y="{y + 12}" font-size="10">median {med}</text>')
    out.append(f'<text x="{left}" y="{h - 2}" font-size="10">{low}</text>')
    out.append(f'<text x="{w - right}" y="{h - 2}" font-size="10" text-anchor="end">{high}</text></svg>')
    return "".join(out)


def endings_chart(per: Mapping[str, Mapping[str, int]], games: int) -> str:
    """Per drafter, one bar split by ending, each part labelled with its count."""
    endings = sorted({e for counts in per.values() for e in counts})
    w, row, left = 640, 30, 170
    h = 20 + row * len(per)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" role="img" aria-label="endings">',
           "<defs>" + "".join(
               f'<pattern id="end{i}" width="{4 + 2 * i}" height="{4 + 2 * i}" patternUnits="userSpaceOnUse">'
               f'<rect width="{4 + 2 * i}" height="{4 + 2 * i}" fill="{HUES[i % len(HUES)]}" opacity="0.35"/>'
               f'<circle cx="1" cy="1" r="{0.5 + 0.3 * i:.1f}" fill="{HUES[i % len(HUES)]}"/></pattern>'
               for i in range(len(endings))) + "</defs>"]
    for r, (name, counts) in enumerate(per.items()):
        y = 10 + r * row
        out.append(f'<text x="4" y="{y + 14}" font-size="12">{escape(name)}</text>')
        x = float(left)
        for i, ending in enumerate(endings):
            n = counts.get(ending, 0)
            if not n:
                continue
            width = n / max(1, games) * (w - left - 10)
            out.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="20" fill="url(#end{i})" stroke="#1b1b1b"'
                       f' stroke-width="0.5"><title>{escape(ending)}: {n}</title></rect>')
            if width > 60:
                out.append(f'<text x="{x + 3:.1f}" y="{y + 14}" font-size="10">{escape(ending)} {n}</text>')
            x += width
    out.append("</svg>")
    return "".join(out)


def _bar(share: float, hue: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="60" height="10" aria-hidden="true">'
            f'<rect width="60" height="10" fill="#eee"/><rect width="{60 * share:.1f}" height="10" fill="{hue}"/></svg>')


def mean_effects(scenario: Scenario, records: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, dict[str, float]]:
    """card -> quantity -> the mean immediate change per answer, over every drafter's answers."""
    sums: dict[str, dict[str, int]] = {}
    counts: dict[str, int] = {}
    for recs in records.values():
        for rec in recs:
            for card_id, per in rec.get("answers", {}).items():
                card = scenario.cards_by_id.get(card_id)
                if card is None:
                    continue
                for resp_id, n in per.items():
                    counts[card_id] = counts.get(card_id, 0) + n
                    total = sums.setdefault(card_id, {})
                    for q, change in card.response(resp_id).effects.items():
                        total[q] = total.get(q, 0) + change * n
    return {c: {q: v / counts[c] for q, v in sums[c].items()} for c in sums}


def page(scenario: Scenario, data: Mapping[str, Any], records: Mapping[str, Sequence[Mapping[str, Any]]]) -> str:
    games, drafters = data["games_per_drafter"], list(data["drafters"])
    parts = [f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Balance: {escape(scenario.id)}</title>',
             f"<style>{CSS}</style></head><body>",
             f"<h1>Balance of {escape(scenario.id)}</h1>",
             f"<p>{games} games per scripted drafter, seeds {data['seed']}–{data['seed'] + games - 1}. "
             f"Endings never seen: {escape(', '.join(data['endings_never_seen']) or 'none')}. "
             f"Dead cards (under 1% of games for every drafter): {escape(', '.join(data['dead_cards']) or 'none')}.</p>",
             "<h2>Outcome measures</h2><p>For each drafter: a line from its lowest to its highest game, a box from the"
             " 10th to the 90th percentile, a thick mark at the median. Drafters are told apart by name, dash pattern and"
             " colour.</p>"]
    for measure in OUTCOMES:
        per = {name: [int(r["outcomes"][measure]) for r in records[name]] for name in drafters}
        means = ", ".join(f"{name} {data['drafters'][name]['mean_outcomes'][measure]}" for name in drafters)
        best = data["best_by_measure"][measure]
        parts.append(f"<figure>{outcome_chart(measure, per)}<figcaption>{escape(measure)}: mean {escape(means)};"
                     f" best: {escape(best)}</figcaption></figure>")
    endings = {name: data["drafters"][name]["endings"] for name in drafters}
    parts.append("<h2>Endings</h2><figure>" + endings_chart(endings, games) + "<figcaption>"
                 + escape("; ".join(f"{n}: " + ", ".join(f"{k} {v}" for k, v in e.items()) for n, e in endings.items()))
                 + "</figcaption></figure>")
    effects = mean_effects(scenario, records)
    parts.append("<h2>Cards</h2><p>Share of each drafter's games that drew the card, and the mean immediate"
                 " change of the answers given to it (the three largest). Hatched rows: dead cards.</p>")
    parts.append("<table><thead><tr><th>card</th>" + "".join(f"<th>{escape(n)}</th>" for n in drafters)
                 + "<th>mean effects of its answers</th></tr></thead><tbody>")
    dead = set(data["dead_cards"])
    for card in scenario.cards:
        cells = []
        for i, name in enumerate(drafters):
            share = float(data["drafters"][name]["card_share_of_games"].get(card.id, 0.0))
            cells.append(f"<td>{_bar(share, HUES[i % len(HUES)])} {share:.1%}</td>")
        eff = sorted(effects.get(card.id, {}).items(), key=lambda kv: -abs(kv[1]))[:3]
        said = ", ".join(f"{describe(q)} {v:+.1f}" for q, v in eff) or "—"
        mark = ' class="dead"' if card.id in dead else ""
        parts.append(f"<tr{mark}><td>{escape(card.id)}{' (dead)' if card.id in dead else ''}</td>{''.join(cells)}"
                     f"<td>{escape(said)}</td></tr>")
    parts.append("</tbody></table></body></html>\n")
    return "".join(parts)


def write(scenario: Scenario, data: Mapping[str, Any], records: Mapping[str, Sequence[Mapping[str, Any]]], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "index.html"
    write_bytes_atomic(path, page(scenario, data, records).encode("utf-8"))
    os.chmod(path, 0o644)  # a page to share, unlike a save
    return path
