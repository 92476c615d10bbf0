"""Pieces the Compare teams screen and the what-if view share: a table row whose cells wrap, the
legend of overlaid lines (each told apart by its dash and marker, as on the charts) and the grid
of the six charts with one line per game."""

from __future__ import annotations

from collections.abc import Sequence

from game import charts
from game.charts import CHART_KEYS, STYLES
from game.engine.game import Game
from game.ui.chartdraw import dashed, draw_chart, marker
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect, columns, take_top

# A table cell: (text, style); a row marked ``differs`` is drawn on the notice colour.
Cell = tuple[str, str]


def table_weights(n_values: int) -> list[float]:
    """The label column, then one column per value."""
    return [1.4] + [1.0] * n_values


def row_item(f: Frame, width: int, cells: Sequence[Cell], differs: bool = False) -> Item:
    """One row of a table: the cells wrap in their columns; a differing row stands out."""
    pad = f.pad // 2
    cols = columns(Rect(0, 0, width - 2 * pad, 1), table_weights(len(cells) - 1), f.pad)
    h = max(f.text_h(text, c.w, style) for (text, style), c in zip(cells, cols, strict=True)) + pad

    def draw(fr: Frame, r: Rect) -> None:
        if differs:
            fr.fill(r, fr.pal.notice, fr.radius)
        ink = fr.pal.notice_text if differs else None
        inner = Rect(r.x + pad, r.y + pad // 2, r.w - 2 * pad, r.h - pad // 2)
        for (text, style), c in zip(cells, columns(inner, table_weights(len(cells) - 1), fr.pad), strict=True):
            fr.text(c, text, style, ink)

    return Item(h, draw)


def legend_h(f: Frame, width: int, names: Sequence[str]) -> int:
    return len(_legend_rows(f, width, names)) * f.line_h("bold")


def _sample_w(f: Frame) -> int:
    return 3 * f.line_h()


def _legend_rows(f: Frame, width: int, names: Sequence[str]) -> list[list[int]]:
    """The names' indexes, row by row, each row as wide as the width allows."""
    rows: list[list[int]] = [[]]
    x = 0
    for i, name in enumerate(names):
        w = _sample_w(f) + f.pad + min(f.text_w(name, "bold"), width - _sample_w(f) - f.pad) + 2 * f.pad
        if rows[-1] and x + w > width:
            rows.append([])
            x = 0
        rows[-1].append(i)
        x += w
    return rows


def draw_legend(f: Frame, rect: Rect, names: Sequence[str]) -> None:
    """Each line's sample (its dashes and marker) and its name."""
    lh = f.line_h("bold")
    for row_i, row in enumerate(_legend_rows(f, rect.w, names)):
        x, y = rect.x, rect.y + row_i * lh
        for i in row:
            style = STYLES[i % len(STYLES)]
            mid = y + lh // 2
            dashed(f.s, f.pal.chart, (x, mid), (x + _sample_w(f), mid), 3, style.dash)
            marker(f.s, f.pal.chart, (x + _sample_w(f) // 2, mid), style)
            x += _sample_w(f) + f.pad
            name_w = min(f.text_w(names[i], "bold"), rect.right - x)
            f.text(Rect(x, y, name_w, lh), names[i], "bold")
            x += name_w + 2 * f.pad


def draw_charts(f: Frame, rect: Rect, games: Sequence[tuple[str, Game]], lang: str, prefix: str) -> None:
    """The legend, then the six charts, each game's line overlaid on the others': in rows that fill
    the space, or that scroll when a short window would leave the plots no height."""
    legend, rest = take_top(rect, legend_h(f, rect.w, [n for n, _g in games]), f.pad)
    draw_legend(f, legend, [n for n, _g in games])
    described = [charts.describe(games, key, lang) for key in CHART_KEYS]
    cols = 3 if rest.w >= 3 * 300 and _titles_fit(f, (rest.w - 2 * f.gap) // 3, described) else 2
    n_rows = (len(CHART_KEYS) + cols - 1) // cols
    row_h = max((rest.h - f.gap * (n_rows - 1)) // n_rows, 10 * f.line_h())
    cw = (rest.w - f.gap * (cols - 1)) // cols
    items = []
    for row in range(n_rows):
        ids = tuple(f"{prefix}:chart:{i}" for i in range(row * cols, min(len(CHART_KEYS), (row + 1) * cols)))

        def draw(fr: Frame, r: Rect, row: int = row) -> None:
            for j, i in enumerate(range(row * cols, min(len(CHART_KEYS), (row + 1) * cols))):
                draw_chart(fr, Rect(r.x + j * (cw + fr.gap), r.y, cw, r.h), described[i], f"{prefix}:chart:{i}")

        items.append(Item(row_h, draw, ids))
    f.scroll_list(f"{prefix}:charts", rest, items, f.gap)


def _titles_fit(f: Frame, width: int, described: Sequence[charts.Chart]) -> bool:
    """Whether every word of every chart's title fits beside its values in a chart this wide."""
    for chart in described:
        room = width - 2 * f.pad - max(f.text_w("100", "bold"), f.text_w(chart.last, "bold")) - f.pad
        if max(f.text_w(word, "bold") for word in chart.title.split()) > room:
            return False
    return True


__all__ = ["Cell", "draw_charts", "draw_legend", "legend_h", "row_item"]
