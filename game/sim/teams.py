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
from game.engine.game import OUTCOMES, Game
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


def clauses_by_year(game: Game) -> dict[int, dict[str, str]]:
    """The resolution each mandate year adopted (or the one rolled over), by year."""
    out: dict[int, dict[str, str]] = {}
    for vote in game.votes:
        year = (game.scenario.start + 3 * vote.quarter) // 12
        if vote.adopted:
            out[year] = dict(vote.draft)
    return out


def _said(decision: dict[str, object] | None) -> str:
    if decision is None:
        return "nothing more"
    what = " ".join(f"{k}={v}" for k, v in decision.items() if k != "do")
    return f"{decision.get('do')} {what}".strip()


def divergence(a: Game, b: Game, names: tuple[str, str] = ("one", "the other")) -> tuple[int | None, str]:
    """The first decision the two games differ on (from 1), in words with the first quarter whose end differs."""
    first = next((i + 1 for i, (x, y) in enumerate(zip(a.decisions, b.decisions, strict=False)) if x != y), None)
    if first is None and len(a.decisions) != len(b.decisions):
        first = min(len(a.decisions), len(b.decisions)) + 1
    if first is None:
        return None, "nowhere: the same decisions, the same game"
    da = a.decisions[first - 1] if first <= len(a.decisions) else None
    db = b.decisions[first - 1] if first <= len(b.decisions) else None
    quarter = next((q for q, (x, y) in enumerate(zip(a.timeline, b.timeline, strict=False)) if x != y), None)
    when = f"; their quarters differ from quarter {quarter + 1}" if quarter is not None else ""
    return first, f"decision {first} ({names[0]}: {_said(da)}; {names[1]}: {_said(db)}){when}"


def compare_text(teams: list[Team], lang: str = "en") -> str:
    """The comparison, as plain text (the terminal and the report share it)."""
    if not teams:
        return "no team files"
    scenario = teams[0].game.scenario
    out = [f"{tr(scenario.title, lang)}: {len(teams)} teams"
           + (f", session {teams[0].session}" if teams[0].session else "")]
    by_year = [clauses_by_year(t.game) for t in teams]
    width = max(12, *(len(t.name) for t in teams), *(len(o) for b in by_year for d in b.values() for o in d.values()))
    years = sorted({y for b in by_year for y in b})
    for year in years:
        out.append("")
        out.append(f"{year}: clauses adopted ({ALL_SAME} where every team chose the same)")
        for dim in scenario.dimensions:
            chosen = [b.get(year, {}).get(dim.id, "—") for b in by_year]
            mark = ALL_SAME if len(set(chosen)) == 1 else "≠"
            cells = "  ".join(f"{c:<{width}}" for c in chosen)
            out.append(f"  {mark} {tr(dim.label, lang)[:28]:<28} {cells}")
    out.append("")
    out.append(f"  {'':<30} " + "  ".join(f"{t.name:<{width}}" for t in teams))
    for key in OUTCOMES:
        cells = "  ".join(f"{t.game.outcomes()[key]:<{width}}" for t in teams)
        out.append(f"  {i18n.word('outcome', key, lang)[:30]:<30} {cells}")
    ending = "  ".join(f"{(t.game.ending or 'playing'):<{width}}" for t in teams)
    out.append(f"  {'ending':<30} {ending}")
    out.append("")
    for t in teams[1:]:
        _first, why = divergence(teams[0].game, t.game, (teams[0].name, t.name))
        out.append(f"{teams[0].name} and {t.name} first part at {why}")
    return "\n".join(out)
