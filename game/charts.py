"""One chart code for the debrief's charts: what a chart shows, worked out once, drawn three ways.

``describe`` turns one or more games' timelines into a ``Chart``: its title, the last value, the
value axis's ticks, the time axis's labels, one line a game (points in a unit box: x from 0 at
the first quarter to 1 at the last, y from 0 at the bottom to 1 at the top) and the marks of the
votes and the cards on the time axis. Nothing here draws: the window (``game/ui/chartdraw.py``),
the HTML report (SVG, ``game/report/svg.py``) and the PDF report (``game/report/pdf.py``) each turn
the same description into lines, so the charts of the report are the game's.

Several games (a comparison) give several lines, told apart without colour: each line has its
own dash pattern and its own marker (``STYLES``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.engine.defs import tr
from game.engine.game import Game
from game.i18n import describe as describe_quantity
from game.i18n import month_label

# The six measures the debrief and the report chart, in their order.
CHART_KEYS: tuple[str, ...] = (
    "violence.mean", "mission.consent", "politics.implementation", "politics.reconciliation",
    "regional.ownership", "signatories.cohesion",
)
Y_TICKS: tuple[int, ...] = (0, 50, 100)


@dataclass(frozen=True)
class LineStyle:
    """How one game's line is told apart without colour: dashes (on, off; () is solid) and a marker."""

    dash: tuple[int, ...]
    marker: str  # circle, square, triangle, diamond


STYLES: tuple[LineStyle, ...] = (
    LineStyle((), "circle"),
    LineStyle((6, 3), "square"),
    LineStyle((2, 2), "triangle"),
    LineStyle((8, 2), "diamond"),
    LineStyle((4, 4), "circle"),
    LineStyle((1, 3), "square"),
)


@dataclass(frozen=True)
class Series:
    name: str  # the team's name ('' for a single game)
    points: tuple[tuple[float, float], ...]  # in the unit box, y up
    values: tuple[int, ...]
    style: int  # index into STYLES

    @property
    def line_style(self) -> LineStyle:
        return STYLES[self.style % len(STYLES)]


@dataclass(frozen=True)
class Mark:
    """An event on the time axis: a vote (adopted or not) or a card answered."""

    x: float
    kind: str  # vote_ok, vote_ko, card
    label: str


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    last: str  # the last value (a single game), or the values joined ('61 · 65')
    y_ticks: tuple[tuple[float, str], ...]  # (y in the unit box, label)
    x_labels: tuple[tuple[float, str], ...]  # (x in the unit box, label): the first and the last quarter
    series: tuple[Series, ...]
    marks: tuple[Mark, ...]


def _x(quarter: int, first: int, last: int) -> float:
    if last <= first:
        return 0.5
    return min(1.0, max(0.0, (quarter - first) / (last - first)))


def _y(value: int) -> float:
    return max(0, min(100, value)) / 100


def _marks(game: Game, first: int, last: int, lang: str, cards: bool) -> list[Mark]:
    out = [Mark(_x(v.quarter, first, last), "vote_ok" if v.adopted else "vote_ko", month_label(
        game.scenario.start + 3 * v.quarter, lang)) for v in game.votes]
    if cards:
        for e in game.journal:
            card = game.scenario.cards_by_id.get(str(e.get("card", ""))) if e.get("kind") == "card" else None
            if card is not None:
                out.append(Mark(_x(int(e.get("q", 0)), first, last), "card", tr(card.title, lang)))
    return out


def _series(games: Sequence[tuple[str, Game]], key: str, first: int, last: int) -> list[Series]:
    out = []
    for i, (name, g) in enumerate(games):
        rows = [row for row in g.timeline if key in row]
        points = tuple((_x(row["quarter"], first, last), _y(row[key])) for row in rows)
        out.append(Series(name, points, tuple(row[key] for row in rows), i))
    return out


def _all_marks(games: Sequence[tuple[str, Game]], first: int, last: int, lang: str) -> list[Mark]:
    """Every game's votes once (teams of one session vote in the same quarters); the cards only
    for a single game, where they do not crowd the axis."""
    marks: list[Mark] = []
    seen: set[tuple[float, str]] = set()
    for _n, g in games:
        for m in _marks(g, first, last, lang, cards=len(games) == 1):
            if (m.x, m.kind) not in seen:
                seen.add((m.x, m.kind))
                marks.append(m)
    return marks


def describe(games: Sequence[tuple[str, Game]], key: str, lang: str = "en") -> Chart:
    """The chart of ``key`` for these (name, game) pairs: one line each, on one time axis."""
    quarters = [row["quarter"] for _n, g in games for row in g.timeline]
    first, last = (min(quarters), max(quarters)) if quarters else (0, 0)
    series = _series(games, key, first, last)
    lasts = [s.values[-1] if s.values else g.values.get(key, 0) for s, (_n, g) in zip(series, games, strict=True)]
    start = games[0][1].scenario.start if games else 0
    x_labels = [(0.0, month_label(start + 3 * first, lang))]
    if last > first:
        x_labels.append((1.0, month_label(start + 3 * last, lang)))
    return Chart(
        key=key,
        title=quantity_title(key, lang),
        last=" · ".join(str(v) for v in lasts),
        y_ticks=tuple((_y(v), str(v)) for v in Y_TICKS),
        x_labels=tuple(x_labels),
        series=tuple(series),
        marks=tuple(_all_marks(games, first, last, lang)),
    )


def quantity_title(key: str, lang: str) -> str:
    """A measure's name as a chart's title (the catalogue's words, capitalised)."""
    words = describe_quantity(key, lang)
    return words[:1].upper() + words[1:]


def charts(games: Sequence[tuple[str, Game]], lang: str = "en") -> list[Chart]:
    """The debrief's six charts for these games."""
    return [describe(games, key, lang) for key in CHART_KEYS]
