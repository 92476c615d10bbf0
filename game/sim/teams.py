"""Teams side by side: team files (replay files with a team name) rebuilt exactly, and compared.

A team file holds the team's name, the session code, the seed, the length and every decision; the
game is rebuilt from them (``rebuild``), so a comparison never trusts figures written in a file.
``compare_text`` prints what a facilitator projects after a workshop: each team's clauses year by
year with the differences marked, the outcome measures in one table, and where two teams' games
first parted and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from game import i18n
from game.engine.defs import Scenario, tr
from game.engine.game import ENDINGS, OUTCOMES, Game
from game.saves import load_replay, read_json

ALL_SAME = "="


@dataclass(frozen=True)
class Team:
    name: str
    session: str
    game: Game


def rebuild(path: str, scenarios: dict[str, Scenario]) -> Team:
    """The team's game, replayed from its file (``SaveError`` if it cannot be)."""
    data = read_json(path)
    scenario_id = data.get("scenario") if isinstance(data, dict) else None
    scenario = scenarios.get(str(scenario_id))
    if scenario is None:
        raise ValueError(f"{path}: a game of scenario {str(scenario_id)[:60]!r}, which this game does not have")
    game, _warnings = load_replay(data, scenario, path)
    assert isinstance(data, dict)
    name = str(data.get("team") or "") or path.rsplit("/", 1)[-1].removesuffix(".json")
    return Team(name, str(data.get("session") or ""), game)


def distinct_names(teams: list[Team]) -> list[Team]:
    """The teams, a name that comes twice (one file read twice, two teams that chose the same
    name) numbered so the comparison can tell them apart: "Blue", "Blue (2)"."""
    seen: dict[str, int] = {}
    out = []
    for team in teams:
        n = seen[team.name] = seen.get(team.name, 0) + 1
        out.append(team if n == 1 else Team(f"{team.name} ({n})", team.session, team.game))
    return out


def luck_words(teams: list[Team], lang: str = "en") -> str:
    """A warning when the teams did not share the luck (the seed) or the length: where their
    games part is then not their choices alone. Empty when they did."""
    seeds = sorted({t.game.seed for t in teams})
    lengths = sorted({t.game.scenario.length for t in teams})
    if len(seeds) > 1:
        return i18n.text("cmp_other_luck", lang, seeds=", ".join(map(str, seeds[:6])))
    if len(lengths) > 1:
        return i18n.text("cmp_other_length", lang)
    return ""


def clauses_by_year(game: Game) -> dict[int, dict[str, str]]:
    """The resolution each mandate year adopted (or the one rolled over), by year."""
    out: dict[int, dict[str, str]] = {}
    for vote in game.votes:
        year = (game.scenario.start + 3 * vote.quarter) // 12
        if vote.adopted:
            out[year] = dict(vote.draft)
    return out


def decision_text(decision: dict[str, object] | None, scenario: Scenario, lang: str = "en") -> str:
    """A decision of the journal in words: "Posture: robust", "Gao protests: listen"."""
    if decision is None:
        return i18n.text("cmp_nothing_more", lang)
    kind = str(decision.get("do"))
    try:
        if kind == "choose":
            dim = scenario.dimension(str(decision["dimension"]))
            return i18n.word("decision", kind, lang, dim=tr(dim.label, lang),
                             opt=tr(dim.option(str(decision["option"])).label, lang))
        if kind == "respond":
            card = scenario.card(str(decision["card"]))
            return i18n.word("decision", kind, lang, card=tr(card.title, lang),
                             resp=tr(card.response(str(decision["response"])).label, lang))
        if kind == "trade":
            return i18n.word("decision", kind, lang, member=tr(scenario.member(str(decision["member"])).name, lang),
                             dim=tr(scenario.dimension(str(decision["dimension"])).label, lang))
        if kind in ("continue", "back", "vote"):
            return i18n.word("decision", kind, lang)
    except KeyError:  # an id this version of the scenario no longer has: shown as it was written
        pass
    what = " ".join(f"{k}={v}" for k, v in decision.items() if k != "do")
    return f"{kind} {what}".strip()


def divergence(a: Game, b: Game, names: tuple[str, str] = ("one", "the other"),
               lang: str = "en") -> tuple[int | None, str]:
    """The first decision the two games differ on (from 1), in words with the first quarter whose end differs."""
    first = next((i + 1 for i, (x, y) in enumerate(zip(a.decisions, b.decisions, strict=False)) if x != y), None)
    if first is None and len(a.decisions) != len(b.decisions):
        first = min(len(a.decisions), len(b.decisions)) + 1
    if first is None:
        return None, i18n.text("cmp_same_game", lang, a=names[0], b=names[1])
    da = a.decisions[first - 1] if first <= len(a.decisions) else None
    db = b.decisions[first - 1] if first <= len(b.decisions) else None
    quarter = next((q for q, (x, y) in enumerate(zip(a.timeline, b.timeline, strict=False)) if x != y), None)
    when = i18n.text("cmp_quarters_differ", lang, q=quarter + 1) if quarter is not None else ""
    return first, i18n.text("cmp_first_part", lang, a=names[0], b=names[1], k=first,
                            da=decision_text(da, a.scenario, lang), db=decision_text(db, b.scenario, lang), when=when)


def compare_text(teams: list[Team], lang: str = "en") -> str:
    """The comparison, as plain text (the terminal and the report share it)."""
    if not teams:
        return i18n.text("cmp_no_teams", lang)
    teams = distinct_names(teams)
    scenario = teams[0].game.scenario
    session = i18n.text("cmp_session", lang, code=teams[0].session) if teams[0].session else ""
    out = [i18n.plural("cmp_title", len(teams), lang, title=tr(scenario.title, lang), session=session)]
    warning = luck_words(teams, lang)
    if warning:
        out.append("⚠ " + warning)
    by_year = [clauses_by_year(t.game) for t in teams]
    label = {(d.id, o.id): tr(o.label, lang) for d in scenario.dimensions for o in d.options}
    width = min(28, max(12, *(len(t.name) for t in teams),
                        *(len(label.get((k, o), o)) for b in by_year for d in b.values() for k, o in d.items())))
    years = sorted({y for b in by_year for y in b})
    for year in years:
        out.append("")
        out.append(i18n.text("cmp_year", lang, year=year, same=ALL_SAME))
        for dim in scenario.dimensions:
            chosen = [b.get(year, {}).get(dim.id, "—") for b in by_year]
            mark = ALL_SAME if len(set(chosen)) == 1 else "≠"
            cells = "  ".join(f"{cell(label.get((dim.id, c), c), width):<{width}}" for c in chosen)
            out.append(f"  {mark} {cell(tr(dim.label, lang), 28):<28} {cells}")
    out.append("")
    out.append(f"  {'':<30} " + "  ".join(f"{t.name:<{width}}" for t in teams))
    for key in OUTCOMES:
        cells = "  ".join(f"{t.game.outcomes()[key]:<{width}}" for t in teams)
        out.append(f"  {cell(i18n.word('outcome', key, lang), 30):<30} {cells}")
    ending = "  ".join(f"{cell(ending_words(t.game, lang), width):<{width}}" for t in teams)
    out.append(f"  {cell(i18n.text('cmp_ending', lang), 30):<30} {ending}")
    out.append("")
    for t in teams[1:]:
        _first, why = divergence(teams[0].game, t.game, (teams[0].name, t.name), lang)
        out.append(why)
    return "\n".join(out)


def cell(text: str, width: int) -> str:
    """``text`` cut to a table cell of ``width`` characters, with "…" where it was cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def ending_words(game: Game, lang: str = "en") -> str:
    """How a game ended, in words ("still playing" for a game left before its end)."""
    if not game.ending:
        return i18n.text("cmp_playing", lang)
    return i18n.word("ending", game.ending, lang) if game.ending in ENDINGS else game.ending
