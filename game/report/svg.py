"""The HTML report's renderer of ``game.charts.Chart``: an inline SVG, no script, no network."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from game.charts import Chart, Lanes, LineStyle, label_left

# Okabe and Ito's colour-blind-safe colours; the lines differ by dashes and markers as well.
COLOURS: tuple[str, ...] = ("#00618F", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
MUTED = "#5B6670"
GRID = "#C9D1D9"
LEFT, RIGHT, TOP, BOTTOM = 34, 10, 22, 24  # the top: a row for the key cards' titles


def colour(style: int) -> str:
    return COLOURS[style % len(COLOURS)]


def _marker(x: float, y: float, style: LineStyle, fill: str, r: float = 3.5) -> str:
    if style.marker == "square":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" fill="{fill}"/>'
    if style.marker == "triangle":
        pts = f"{x:.1f},{y - r - 1:.1f} {x - r - 1:.1f},{y + r:.1f} {x + r + 1:.1f},{y + r:.1f}"
        return f'<polygon points="{pts}" fill="{fill}"/>'
    if style.marker == "diamond":
        pts = f"{x:.1f},{y - r - 1:.1f} {x + r + 1:.1f},{y:.1f} {x:.1f},{y + r + 1:.1f} {x - r - 1:.1f},{y:.1f}"
        return f'<polygon points="{pts}" fill="{fill}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}"/>'


def legend_swatch(style_index: int, style: LineStyle, width: int = 44, height: int = 14) -> str:
    """A short line with its dashes and marker, for the legend."""
    dash = f' stroke-dasharray="{" ".join(str(d * 2) for d in style.dash)}"' if style.dash else ""
    fill = colour(style_index)
    mid = height / 2
    return (f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-hidden="true">'
            f'<line x1="2" y1="{mid}" x2="{width - 2}" y2="{mid}" stroke="{fill}" stroke-width="2.5"{dash}/>'
            f'{_marker(width / 2, mid, style, fill)}</svg>')


def _text_w(text: str) -> float:
    """About how wide ``text`` is at the charts' 11 px (DejaVu Sans averages 0.6 em a letter)."""
    return 6.6 * len(text) + 4


def _labels(chart: Chart, pw: float, at: Callable[[float, float], tuple[float, float]], height: int) -> list[str]:
    """The time axis's words as the window writes them: each vote under its mark (in full where
    all fit, else short), the first and last months where room is left, and the titles of the
    cards that moved the measure most in a row over the plot; none over another."""
    out: list[str] = []
    votes = sorted((m for m in chart.marks if m.kind != "card" and m.tag), key=lambda m: m.x)
    for form in ("tag", "brief"):
        lanes = Lanes(pw, 1, 3)
        spots = [(m, getattr(m, form), label_left(pw * m.x, _text_w(getattr(m, form)), pw)) for m in votes]
        kept = [(m, t, left) for m, t, left in spots if lanes.put(left, _text_w(t), pw * m.x) is not None]
        if len(kept) == len(votes):
            break
    for _m, text, left in kept:
        out.append(f'<text x="{LEFT + left + 2:.1f}" y="{height - 6}" fill="#1F2328">{escape(text)}</text>')
    for x, text in chart.x_labels:
        left = 0 if x < 0.5 else pw - _text_w(text)
        if lanes.put(left, _text_w(text)) is not None:
            out.append(f'<text x="{LEFT + left + 2:.1f}" y="{height - 6}" fill="{MUTED}">{escape(text)}</text>')
    above = Lanes(pw, 1, 3)
    for m in sorted((m for m in chart.marks if m.kind == "card" and m.tag), key=lambda m: m.rank):
        left = label_left(pw * m.x, _text_w(m.tag), pw)
        if above.put(left, _text_w(m.tag), pw * m.x) is not None:
            mx, base = at(m.x, 0)
            out.append(f'<line x1="{mx:.1f}" y1="{TOP - 4}" x2="{mx:.1f}" y2="{base:.1f}" stroke="{MUTED}" '
                       f'stroke-width="1" stroke-dasharray="1 2"/>')
            out.append(f'<text x="{LEFT + left + 2:.1f}" y="{TOP - 6}" fill="{MUTED}">{escape(m.tag)}</text>')
    return out


def svg_chart(chart: Chart, width: int = 340, height: int = 200) -> str:
    """The chart as one <svg> element: grid, value ticks, time labels, vote and card marks, lines."""
    pw, ph = width - LEFT - RIGHT, height - TOP - BOTTOM

    def at(x: float, y: float) -> tuple[float, float]:
        return LEFT + pw * x, TOP + ph * (1 - y)

    label = escape(f"{chart.title}: {chart.last}")
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
           f'aria-label="{label}" font-family="DejaVu Sans, Verdana, sans-serif" font-size="11">']
    for y, text in chart.y_ticks:
        _x0, py = at(0, y)
        out.append(f'<line x1="{LEFT}" y1="{py:.1f}" x2="{LEFT + pw}" y2="{py:.1f}" stroke="{GRID}" stroke-width="1"/>')
        out.append(f'<text x="{LEFT - 4}" y="{py + 4:.1f}" text-anchor="end" fill="{MUTED}">{escape(text)}</text>')
    for m in chart.marks:
        mx, base = at(m.x, 0)
        if m.kind == "card":
            out.append(f'<line x1="{mx:.1f}" y1="{base:.1f}" x2="{mx:.1f}" y2="{base - 6:.1f}" stroke="{MUTED}" '
                       f'stroke-width="2"><title>{escape(m.label)}</title></line>')
            continue
        out.append(f'<line x1="{mx:.1f}" y1="{TOP}" x2="{mx:.1f}" y2="{base:.1f}" stroke="{MUTED}" stroke-width="1" '
                   f'stroke-dasharray="2 3"/>')
        fill = MUTED if m.kind == "vote_ok" else "none"
        out.append(f'<polygon points="{mx:.1f},{base - 8:.1f} {mx - 5:.1f},{base:.1f} {mx + 5:.1f},{base:.1f}" '
                   f'fill="{fill}" stroke="{MUTED}" stroke-width="1.5"><title>{escape(m.label)}</title></polygon>')
    out.extend(_labels(chart, pw, at, height))
    for s in chart.series:
        style, fill = s.line_style, colour(s.style)
        pts = " ".join(f"{px:.1f},{py:.1f}" for px, py in (at(x, y) for x, y in s.points))
        dash = f' stroke-dasharray="{" ".join(str(d * 2) for d in style.dash)}"' if style.dash else ""
        if len(s.points) > 1:
            out.append(f'<polyline points="{pts}" fill="none" stroke="{fill}" stroke-width="2.5"{dash}/>')
        out.extend(_marker(*at(x, y), style, fill) for x, y in s.points)
    out.append("</svg>")
    return "".join(out)
