"""What the report holds, gathered once from the games: the HTML and the PDF write the same sections.

``gather`` takes one game (a team's report) or several games of one scenario (a comparison) and
returns a ``Report``: plain words and numbers, and the chart descriptions of ``game.charts`` (the
charts the debrief draws). Every word is the catalogues' (context ``report``) or the scenario's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from game import charts, i18n
from game.charts import CHART_KEYS, Chart
from game.engine.defs import Scenario, tr
from game.engine.game import OUTCOMES, Game
from game.explain import number, why_lines
from game.i18n import month_label
from game.journal import (
    consequences_text,
    ending_words,
    journal_line,
    record_count,
    record_note,
)

# The sections, in the order both outputs give them ("divergence" only in a comparison).
SECTIONS: tuple[str, ...] = ("discuss", "charts", "outcomes", "divergence", "journal", "why", "history")
WHY_LIMIT = 5


@dataclass(frozen=True)
class Entry:
    text: str
    effects: str  # the decision's main consequences ('' when none: a card's news, the end)
    record: str = ""  # what the Council actually did for it ('' where the record is silent)


@dataclass(frozen=True)
class Why:
    title: str  # 'Mean violence: 36 at the end'
    lines: tuple[str, ...]


@dataclass(frozen=True)
class TeamPart:
    name: str
    journal: tuple[Entry, ...]
    why: tuple[Why, ...]
    record_count: str = ""  # 'Your resolutions matched the record on 9 of 14 clauses. …'


@dataclass
class Report:
    lang: str
    title: str
    scenario: str
    meta: list[tuple[str, str]]
    headings: dict[str, str]
    objectives: list[str]
    questions: list[str]
    charts: list[Chart]
    chart_note: str
    legend: list[tuple[str, int]]  # (team, style) for a comparison
    outcome_header: list[str]
    outcome_rows: list[tuple[str, list[str]]]
    divergence: list[str]
    teams: list[TeamPart]
    history: str
    sources: list[str]
    footer: str
    sections: tuple[str, ...] = field(default=SECTIONS)

    def words(self, key: str, **params: object) -> str:
        return _w(key, self.lang, **params)


def _w(key: str, lang: str, **params: object) -> str:
    return i18n.word("report", key, lang, **params)


def _headings(lang: str) -> dict[str, str]:
    return {
        "discuss": i18n.word("report", "discuss", lang),
        "objectives": i18n.word("report", "objectives", lang),
        "questions": i18n.word("report", "questions", lang),
        "charts": i18n.word("report", "charts", lang),
        "outcomes": i18n.word("report", "outcomes", lang),
        "divergence": i18n.word("report", "divergence", lang),
        "journal": i18n.word("report", "journal", lang),
        "why": i18n.word("report", "why", lang),
        "history": i18n.word("report", "history", lang),
        "sources": i18n.word("report", "sources", lang),
    }


def _period(g: Game, lang: str) -> str:
    return f"{month_label(g.scenario.start, lang)} – {month_label(g.date, lang)}"


def _journal(g: Game, lang: str) -> tuple[Entry, ...]:
    return tuple(Entry(journal_line(g, e, lang), consequences_text(g, e, lang), record_note(g, e, lang)) for e in g.journal)


def _why(g: Game, lang: str) -> tuple[Why, ...]:
    out = []
    for key in CHART_KEYS:
        title = i18n.word("report", "why_measure", lang, measure=charts.quantity_title(key, lang), value=g.values[key])
        lines = why_lines(g.why(key), g.scenario, lang, WHY_LIMIT) or [i18n.word("report", "no_cause", lang)]
        out.append(Why(title, tuple(lines)))
    return tuple(out)


def _outcomes(games: Sequence[tuple[str, Game]], lang: str) -> list[tuple[str, list[str]]]:
    rows = []
    for key in OUTCOMES:
        rows.append((i18n.word("outcome", key, lang), [number(g.outcomes()[key]) for _n, g in games]))
    rows.append((i18n.word("report", "ending", lang), [ending_words(g.ending, lang) if g.ending else _w("unfinished", lang) for _n, g in games]))
    return rows


def decision_words(sc: Scenario, d: dict[str, Any] | None, lang: str) -> str:
    """A decision of a replay file in words: the clause chosen, the card's answer, or a step."""
    if d is None:
        return i18n.word("report", "no_more", lang)
    try:
        if d.get("do") == "choose":
            dim = sc.dimension(str(d["dimension"]))
            return i18n.text("j_choose", lang, dim=tr(dim.label, lang), opt=tr(dim.option(str(d["option"])).label, lang))
        if d.get("do") == "respond":
            card = sc.card(str(d["card"]))
            return i18n.text("j_card", lang, card=tr(card.title, lang), resp=tr(card.response(str(d["response"])).label, lang))
    except KeyError:
        pass
    return i18n.word("report", "step", lang)


def divergence(sc: Scenario, a: tuple[str, Game], b: tuple[str, Game], lang: str) -> str:
    """Where two teams' games first part: the first decision they differ on, and the first quarter."""
    (na, ga), (nb, gb) = a, b
    first = next((i for i, (x, y) in enumerate(zip(ga.decisions, gb.decisions, strict=False)) if x != y), None)
    if first is None and len(ga.decisions) != len(gb.decisions):
        first = min(len(ga.decisions), len(gb.decisions))
    if first is None:
        return i18n.word("report", "same_game", lang, a=na, b=nb)
    da = ga.decisions[first] if first < len(ga.decisions) else None
    db = gb.decisions[first] if first < len(gb.decisions) else None
    text = i18n.word("report", "parted", lang, a=na, b=nb, n=first + 1, da=decision_words(sc, da, lang),
                     db=decision_words(sc, db, lang))
    quarter = next((row["quarter"] for row, other in zip(ga.timeline, gb.timeline, strict=False) if row != other), None)
    if quarter is not None:
        text += " " + i18n.word("report", "parted_quarter", lang, month=month_label(sc.start + 3 * quarter, lang))
    return text


def _meta(games: Sequence[tuple[str, Game]], sessions: Sequence[str], lang: str) -> list[tuple[str, str]]:
    g = games[0][1]
    meta = [(_w("scenario", lang), tr(g.scenario.title, lang))]
    names = [n for n, _g in games if n]
    if names:
        meta.append((_w("teams" if len(names) > 1 else "team", lang), ", ".join(names)))
    codes = sorted({s for s in sessions if s})
    if codes:
        meta.append((_w("session", lang), ", ".join(codes)))
    meta.append((_w("played", lang), " · ".join(sorted({_period(game, lang) for _n, game in games}))))
    meta.append((_w("seed", lang), ", ".join(sorted({str(game.seed) for _n, game in games}))))
    return meta


def _source(source: object, lang: str) -> str:
    """A source as written (a line), or in the report's language (a scenario that translates them)."""
    return tr(source, lang) if isinstance(source, dict) else str(source)


def gather(games: Sequence[tuple[str, Game]], lang: str = "en", sessions: Sequence[str] = ()) -> Report:
    """The report of these (team name, game) pairs: one game, or several of the same scenario."""
    if not games:
        raise ValueError("a report needs at least one game")
    sc = games[0][1].scenario
    if any(g.scenario.id != sc.id for _n, g in games):
        raise ValueError("a comparison holds games of one scenario only")
    compare = len(games) > 1
    return Report(
        lang=lang,
        title=_w("title_compare" if compare else "title", lang, n=len(games)),
        scenario=tr(sc.title, lang),
        meta=_meta(games, sessions, lang),
        headings=_headings(lang),
        objectives=[tr(o, lang) for o in sc.objectives],
        questions=[tr(q, lang) for q in sc.questions],
        charts=charts.charts(games, lang),
        chart_note=_w("chart_note_compare" if compare else "chart_note", lang),
        legend=[(n, i) for i, (n, _g) in enumerate(games)] if compare else [],
        outcome_header=[_w("measure", lang)] + [n or _w("team", lang) for n, _g in games],
        outcome_rows=_outcomes(games, lang),
        divergence=[divergence(sc, games[0], other, lang) for other in games[1:]],
        teams=[TeamPart(n, _journal(g, lang), _why(g, lang), record_count(g, lang)) for n, g in games],
        history=tr(sc.history, lang),
        sources=[_source(s, lang) for s in sc.sources],
        footer=_w("footer", lang),
        sections=tuple(s for s in SECTIONS if s != "divergence" or compare),
    )
