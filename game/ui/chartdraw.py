"""The window's renderer of ``game.charts.Chart``: the debrief's charts, drawn with pygame.

The report draws the same descriptions as SVG and as PDF lines (``game/report``)."""

from __future__ import annotations

import pygame

from game.charts import Chart, LineStyle
from game.ui import icons
from game.ui.frame import Frame
from game.ui.layout import Rect, inset

Point = tuple[int, int]


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
    th = max(f.text_h(chart.title, inner.w - num_w - icon_w, "bold"), size)
    f.s.blit(icons.icon_for_quantity(chart.key, max(8, size - 4), pal.heading), (inner.x, inner.y + 2))
    f.text(Rect(inner.x + icon_w, inner.y, inner.w - num_w - icon_w, th), chart.title, "bold", pal.heading)
    f.why_number(why_id, Rect(inner.right - num_w, inner.y, num_w, f.line_h("bold")), chart.last, chart.key)
    lh = f.line_h()
    axis_w = f.text_w("100") + f.pad // 2
    plot = Rect(inner.x + axis_w, inner.y + th + lh // 2, inner.w - axis_w, inner.h - th - lh - lh // 2 - 4)
    if plot.h < lh:
        return

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
    _draw_x_labels(f, plot, inner, chart)
    for s in chart.series:
        pts = [at(x, y) for x, y in s.points]
        style = s.line_style
        for a, b in zip(pts, pts[1:], strict=False):
            dashed(f.s, pal.chart, a, b, 3, style.dash)
        for p in pts:
            marker(f.s, pal.chart, p, style)


def _draw_marks(f: Frame, plot: Rect, chart: Chart) -> None:
    """Votes: a dotted upright line with a triangle at its foot (filled: adopted; hollow: failed);
    cards: a short tick above the time axis."""
    pal = f.pal
    for m in chart.marks:
        x = plot.x + round(plot.w * m.x)
        if m.kind == "card":
            pygame.draw.line(f.s, pal.muted, (x, plot.bottom), (x, plot.bottom - 6), 2)
            continue
        dashed(f.s, pal.border, (x, plot.y), (x, plot.bottom), 1, (2, 3))
        tri = [(x, plot.bottom - 8), (x - 5, plot.bottom), (x + 5, plot.bottom)]
        pygame.draw.polygon(f.s, pal.muted, tri, 0 if m.kind == "vote_ok" else 2)


def _draw_x_labels(f: Frame, plot: Rect, inner: Rect, chart: Chart) -> None:
    lh, pal = f.line_h(), f.pal
    labels = chart.x_labels
    f.text(Rect(plot.x, plot.bottom + 2, plot.w // 2, lh), labels[0][1], "body", pal.muted, box=inner)
    if len(labels) > 1 and f.text_w(labels[0][1]) + f.text_w(labels[1][1]) + f.pad < plot.w:
        f.text(Rect(plot.centerx, plot.bottom + 2, plot.w // 2, lh), labels[1][1], "body", pal.muted, align="right",
               box=inner)
