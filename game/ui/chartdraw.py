"""The window's renderer of ``game.charts.Chart``: the debrief's charts, drawn with pygame.

The report draws the same descriptions as SVG and as PDF lines (``game/report``)."""

from __future__ import annotations

import pygame

from game.charts import Chart, Lanes, LineStyle, Mark, label_left
from game.ui import icons
from game.ui.frame import Frame
from game.ui.layout import Rect, inset
from game.ui.text import one_line

Point = tuple[int, int]
LABEL_ROWS = 2  # rows of event labels above a chart, at most


def dashed(surface: pygame.Surface, color: object, a: Point, b: Point, width: int, dash: tuple[int, ...]) -> None:
    """A straight line with the dash pattern (on, off) in pixels; () draws it solid."""
    if not dash:
        pygame.draw.line(surface, color, a, b, width)  # type: ignore[arg-type]
        return
    (x0, y0), (x1, y1) = a, b
    length = max(1.0, ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5)
    on, off = dash[0] * width, dash[1] * width
    pos = 0.0
    while pos < length:
        end = min(length, pos + on)
        p = (round(x0 + (x1 - x0) * pos / length), round(y0 + (y1 - y0) * pos / length))
        q = (round(x0 + (x1 - x0) * end / length), round(y0 + (y1 - y0) * end / length))
        pygame.draw.line(surface, color, p, q, width)  # type: ignore[arg-type]
        pos = end + off


def marker(surface: pygame.Surface, color: object, p: Point, style: LineStyle, r: int = 4) -> None:
    x, y = p
    c = color  # pygame accepts any colour value the theme holds
    if style.marker == "square":
        pygame.draw.rect(surface, c, (x - r, y - r, 2 * r, 2 * r))  # type: ignore[arg-type]
    elif style.marker == "triangle":
        pygame.draw.polygon(surface, c, [(x, y - r - 1), (x - r - 1, y + r), (x + r + 1, y + r)])  # type: ignore[arg-type]
    elif style.marker == "diamond":
        pygame.draw.polygon(surface, c, [(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)])  # type: ignore[arg-type]
    else:
        pygame.draw.circle(surface, c, p, r)  # type: ignore[arg-type]


def draw_chart(f: Frame, r: Rect, chart: Chart, why_id: str) -> None:
    """One chart in ``r``: a panel, the title and last value (select it: why?), the axes, the lines."""
    pal = f.pal
    f.fill(r, pal.panel, f.radius, pal.border)
    inner = inset(r, f.pad, f.pad // 2)
    num_w = max(f.text_w("100", "bold"), f.text_w(chart.last, "bold")) + f.pad
    size = f.line_h("bold")  # the quantity's icon before its title, as on every other screen
    icon_w = size + f.pad // 3
    title_w = inner.w - num_w - icon_w
    title = chart.title
    # A word wider than the room beside the figure would be cut in two ("Consenteme / nt"): the
    # title then takes the whole row, and the figure goes on the line under it.
    below = any(f.text_w(word, "bold") > title_w for word in title.split())
    if below:
        title_w = inner.w - icon_w
    th = max(f.text_h(title, title_w, "bold"), size)
    lh = f.line_h()
    if inner.h - th - lh - lh // 2 - 4 < 2 * lh:
        # A title on two lines left no room for the plot (a small window at the largest text):
        # the plot matters more than the title's last words.
        title, th = one_line(f.fonts.get("bold"), title, title_w), size
    f.s.blit(icons.icon_for_quantity(chart.key, max(8, size - 4), pal.heading), (inner.x, inner.y + 2))
    f.text(Rect(inner.x + icon_w, inner.y, title_w, th), title, "bold", pal.heading)
    num_y = inner.y + th if below else inner.y
    f.why_number(why_id, Rect(inner.right - num_w, num_y, num_w, f.line_h("bold")), chart.last, chart.key)
    if below:
        th += f.line_h("bold")
    axis_w = f.text_w("100") + f.pad // 2
    plot = Rect(inner.x + axis_w, inner.y + th + lh // 2, inner.w - axis_w, inner.h - th - lh - lh // 2 - 4)
    if plot.h < lh:
        return
    # The key cards' titles in rows above the plot, at most as many as leave it three lines high
    # (the rows they use only); the votes are named under the time axis.
    rows = max(0, min(LABEL_ROWS, (plot.h - 3 * lh) // lh))
    spots = _card_spots(f, plot.w, chart, rows) if rows else []
    used = max((row for _m, _text, _left, row in spots), default=-1) + 1
    band = Rect(plot.x, plot.y, plot.w, used * lh)
    plot = Rect(plot.x, plot.y + used * lh, plot.w, plot.h - used * lh)

    def at(x: float, y: float) -> Point:
        return plot.x + round(plot.w * x), plot.bottom - round(plot.h * y)

    ticks = chart.y_ticks
    gaps = [abs(b[0] - a[0]) * plot.h for a, b in zip(ticks, ticks[1:], strict=False)]
    crowded = bool(gaps) and min(gaps) < lh  # a short plot: label the ends only, keep every grid line
    for i, (y, label) in enumerate(ticks):
        py = at(0, y)[1]
        pygame.draw.line(f.s, pal.border, (plot.x, py), (plot.right, py), 1)
        if not crowded or i in (0, len(ticks) - 1):
            f.text(Rect(inner.x, py - lh // 2, axis_w - 4, lh), label, "body", pal.muted, align="right", box=inner)
    _draw_marks(f, plot, chart)
    _draw_axis_tags(f, plot, inner, chart)
    _draw_labels(f, plot, band, inner, spots)
    for s in chart.series:
        pts = [at(x, y) for x, y in s.points]
        style = s.line_style
        for a, b in zip(pts, pts[1:], strict=False):
            dashed(f.s, pal.chart, a, b, 3, style.dash)
        for p in pts:
            marker(f.s, pal.chart, p, style)


def _draw_marks(f: Frame, plot: Rect, chart: Chart) -> None:
    """Votes: a dotted upright line with a triangle at its foot (filled: adopted; hollow: failed);
    the cards that moved the measure most: a diamond; the other cards: a short tick above the axis."""
    pal = f.pal
    for m in chart.marks:
        x = plot.x + round(plot.w * m.x)
        if m.kind == "card" and m.tag:  # a key card: a diamond at its foot
            pygame.draw.polygon(f.s, pal.muted, [(x, plot.bottom - 11), (x + 5, plot.bottom - 5), (x, plot.bottom + 1),
                                                 (x - 5, plot.bottom - 5)])
            continue
        if m.kind == "card":
            pygame.draw.line(f.s, pal.muted, (x, plot.bottom), (x, plot.bottom - 6), 2)
            continue
        dashed(f.s, pal.border, (x, plot.y), (x, plot.bottom), 1, (2, 3))
        tri = [(x, plot.bottom - 8), (x - 5, plot.bottom), (x + 5, plot.bottom)]
        pygame.draw.polygon(f.s, pal.muted, tri, 0 if m.kind == "vote_ok" else 2)


def fit_words(f: Frame, text: str, width: int) -> str:
    """``text`` cut after its last whole word that fits ``width`` with '…' ('' if not even one)."""
    if f.text_w(text) <= width:
        return text
    words = text.split()
    while words and f.text_w(" ".join(words) + "…") > width:
        words.pop()
    return " ".join(words).rstrip(",;:") + "…" if words else ""


def _by_rank(chart: Chart) -> list[Mark]:
    return sorted((m for m in chart.marks if m.tag), key=lambda m: (m.rank, m.x))


Spot = tuple[Mark, str, int, int]  # a label placed: its mark, its words, their left in the plot, its row


def _card_spots(f: Frame, width: int, chart: Chart, rows: int) -> list[Spot]:
    """Where the titles of the cards that moved the measure most go, in ``rows`` above a plot
    ``width`` wide: the largest mover first, a long title cut at a word, one with no room left
    out, never one label over another."""
    cards = [m for m in _by_rank(chart) if m.kind == "card"]
    xs = sorted(round(width * m.x) for m in cards)
    # each title as wide as the room between its neighbours' marks (so it covers none of them)
    between = [min(width, 2 * min([abs(round(width * m.x) - x) for x in xs if x != round(width * m.x)] or [width]))
               - f.pad for m in cards]
    best: list[Spot] = []
    for most in ([width] * len(cards), between, [width * 3 // 5] * len(cards),
                 [width // len(cards or [0]) - f.pad] * len(cards)):  # all in full, else all cut shorter
        lanes = Lanes(width, rows, f.pad // 2)
        spots = [_place(f, lanes, width, m, [fit_words(f, m.tag, w)]) for m, w in zip(cards, most, strict=True)]
        placed = [s for s in spots if s is not None]
        if len(placed) > len(best):
            best = placed
        if len(placed) == len(cards):
            break
    return best


def _draw_labels(f: Frame, plot: Rect, band: Rect, inner: Rect, spots: list[Spot]) -> None:
    """The cards' titles over their marks, each mark's line led up to its words."""
    pal, lh = f.pal, f.line_h()
    for m, text, left, row in spots:
        x = plot.x + round(plot.w * m.x)
        y = band.bottom - (row + 1) * lh
        f.text(Rect(plot.x + left + 2, y, f.text_w(text), lh), text, "body", pal.muted, box=inner)
        dashed(f.s, pal.muted, (x, y + lh - 2), (x, plot.bottom - 11), 1, (1, 2))  # down to its diamond


def _place(f: Frame, lanes: Lanes, width: int, m: Mark, tries: list[str]) -> Spot | None:
    """The first of the ``tries`` that finds a row, centred on its mark or, where that is taken,
    slid along as little as it can be while it still stands over the mark."""
    x = round(width * m.x)
    for text in dict.fromkeys(t for t in tries if t):
        w = f.text_w(text) + 4
        centre = round(label_left(x, w, width))
        edges = [b + lanes.gap + 1 for row in lanes.taken for _a, b in row]
        edges += [a - lanes.gap - 1 - w for row in lanes.taken for a, _b in row]
        lefts = sorted({centre, *(round(e) for e in edges if x - w + 4 <= e <= x - 4)}, key=lambda v: abs(v - centre))
        for left in lefts:
            row = lanes.put(left, w, x)
            if row is not None:
                return m, text, left, row
    return None


def _draw_axis_tags(f: Frame, plot: Rect, inner: Rect, chart: Chart) -> None:
    """Under the time axis, each vote under its mark: all in full ('Jun 2016: adopted') where
    they fit, else all short ('✔ 2016'); then the first and last months where there is still
    room, nothing over anything else."""
    lh, pal = f.line_h(), f.pal
    row = Rect(plot.x, plot.bottom + 2, plot.w, lh)
    votes = [m for m in _by_rank(chart) if m.kind != "card"]
    for form in ("tag", "brief"):
        lanes = Lanes(plot.w, 1, f.pad // 2)
        placed = [_place(f, lanes, plot.w, m, [getattr(m, form)]) for m in votes]
        if all(p is not None for p in placed):
            break
    for spot in placed:
        if spot is not None:
            _m, text, left, _row = spot
            f.text(Rect(row.x + left + 2, row.y, f.text_w(text), lh), text, "body", pal.text, box=inner)
    for x, label in chart.x_labels:
        w = f.text_w(label) + 4
        left = 0 if x < 0.5 else plot.w - w
        if lanes.put(left, w) is not None:
            f.text(Rect(row.x + left + 2, row.y, f.text_w(label), lh), label, "body", pal.muted, box=inner)
