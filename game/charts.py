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

from game import i18n
from game.engine.council import NO
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
    """An event on the time axis: a vote (adopted or not) or a card answered.

    ``tag`` is the short label written on the axis ('Jun 2016 adopted', a key card's title; ''
    for a plain tick), ``rank`` the order in which labels are given room when they crowd (votes
    first, then the cards that moved the measure most)."""

    x: float
    kind: str  # vote_ok, vote_ko, card
    label: str
    tag: str = ""
    rank: int = 0
    brief: str = ""  # the tag where room is short ('✔ 2016'); '' keeps the tag or nothing


KEY_CARDS = 2  # a chart labels at most this many cards: those that moved its measure most
KEY_CARD_MIN = 3  # … by at least this many points over the game


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


def _vote_tags(game: Game, lang: str) -> list[tuple[str, str]]:
    """Each vote's tag and brief: 'Jun 2016 adopted' / '✔ 2016', 'Jun 2017 vetoed' / '✖ 2017'
    (the year alone in the brief unless two votes share it)."""
    years = [(game.scenario.start + 3 * v.quarter) // 12 for v in game.votes]
    out = []
    for v, year in zip(game.votes, years, strict=True):
        month = game.scenario.start + 3 * v.quarter
        when = month_label(month, lang)
        permanent = {m.id for m in game.scenario.members if m.permanent}
        vetoed = not v.adopted and any(vote == NO and m in permanent for m, vote in v.votes.items())
        word = "vote_ok" if v.adopted else "vote_veto" if vetoed else "vote_ko"
        short = str(year) if years.count(year) == 1 else when
        out.append((i18n.word("chart", word, lang, when=when), f"{'✔' if v.adopted else '✖'} {short}"))
    return out


def key_cards(game: Game, key: str, n: int = KEY_CARDS) -> dict[str, int]:
    """The cards that moved ``key`` most over the game (by at least ``KEY_CARD_MIN``), with their
    rank (0 the largest): what a chart labels besides the votes."""
    moved: dict[str, int] = {}
    for c in game.why(key):
        kind, _, rest = c.cause.partition(":")
        if kind in ("card", "later"):  # a response, and what it set in motion for later quarters
            card = rest.partition(".")[0]
            moved[card] = moved.get(card, 0) + c.change
    ranked = sorted((card for card, change in moved.items() if abs(change) >= KEY_CARD_MIN),
                    key=lambda card: (-abs(moved[card]), card))
    return {card: i for i, card in enumerate(ranked[:n])}


def _marks(game: Game, first: int, last: int, lang: str, cards: bool, key: str) -> list[Mark]:
    out = [Mark(_x(v.quarter, first, last), "vote_ok" if v.adopted else "vote_ko",
                month_label(game.scenario.start + 3 * v.quarter, lang), tag, 0, brief)
           for v, (tag, brief) in zip(game.votes, _vote_tags(game, lang), strict=True)]
    if cards:
        keyed = key_cards(game, key)
        for e in game.journal:
            card = game.scenario.cards_by_id.get(str(e.get("card", ""))) if e.get("kind") == "card" else None
            if card is not None:
                title = tr(card.title, lang)
                rank = keyed.pop(card.id, None)  # a card drawn twice is labelled once, where first answered
                out.append(Mark(_x(int(e.get("q", 0)), first, last), "card", title,
                                title if rank is not None else "", 1 + rank if rank is not None else 99))
    return out


def _series(games: Sequence[tuple[str, Game]], key: str, first: int, last: int) -> list[Series]:
    out = []
    for i, (name, g) in enumerate(games):
        rows = [row for row in g.timeline if key in row]
        points = tuple((_x(row["quarter"], first, last), _y(row[key])) for row in rows)
        out.append(Series(name, points, tuple(row[key] for row in rows), i))
    return out


def _all_marks(games: Sequence[tuple[str, Game]], first: int, last: int, lang: str, key: str) -> list[Mark]:
    """Every game's votes once (teams of one session vote in the same quarters); the cards only
    for a single game, where they do not crowd the axis."""
    marks: list[Mark] = []
    seen: set[tuple[float, str, str]] = set()
    for _n, g in games:
        for m in _marks(g, first, last, lang, len(games) == 1, key):
            # a vote once for all the teams; two cards of one quarter both (a key card may be the second)
            if (m.x, m.kind, m.label if m.kind == "card" else "") not in seen:
                seen.add((m.x, m.kind, m.label if m.kind == "card" else ""))
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
        title=quantity_title(key, lang, start + 3 * last),  # named as at the chart's end (no Algiers Agreement in 2014)
        last=" · ".join(str(v) for v in lasts),
        y_ticks=tuple((_y(v), str(v)) for v in Y_TICKS),
        x_labels=tuple(x_labels),
        series=tuple(series),
        marks=tuple(_all_marks(games, first, last, lang, key)),
    )


def quantity_title(key: str, lang: str, date: int | None = None) -> str:
    """A measure's name as a chart's title (the catalogue's words, capitalised), as at ``date``."""
    words = describe_quantity(key, lang, date)
    return words[:1].upper() + words[1:]


def charts(games: Sequence[tuple[str, Game]], lang: str = "en") -> list[Chart]:
    """The debrief's six charts for these games."""
    return [describe(games, key, lang) for key in CHART_KEYS]



class Lanes:
    """Rows of labels along a time axis of ``width`` units, none overlapping another (``gap``
    apart): ``put`` gives a label the first row with room, nearest the plot first. A label led
    to its mark by a line (``anchor``) keeps that line clear: no label of a row nearer the plot
    covers it."""

    def __init__(self, width: float, rows: int, gap: float):
        self.width, self.gap = width, gap
        self.taken: list[list[tuple[float, float]]] = [[] for _ in range(rows)]
        self.anchors: list[tuple[float, int]] = []  # (x, row) of the lines led up to labels

    def put(self, left: float, w: float, anchor: float | None = None) -> int | None:
        """The row for a label spanning (left, left + w), now taken; None where no row has room
        (or the label is wider than the axis)."""
        if w > self.width or left < 0 or left + w > self.width:
            return None
        for row, used in enumerate(self.taken):
            free = all(left + w + self.gap <= a or b + self.gap <= left for a, b in used)
            crosses = any(r > row and left - 1 <= x <= left + w + 1 for x, r in self.anchors)
            below = anchor is not None and any(left_ - 1 <= anchor <= right + 1
                                               for lower in self.taken[:row] for left_, right in lower)
            if free and not crosses and not below:
                used.append((left, left + w))
                if anchor is not None:
                    self.anchors.append((anchor, row))
                return row
        return None


def label_left(x: float, w: float, width: float) -> float:
    """Where a label of width ``w`` for a mark at ``x`` starts: centred on the mark, moved
    inside the axis where that runs off one of its ends."""
    return max(0.0, min(x - w / 2, width - w))
