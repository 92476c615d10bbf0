"""The room's words for a team's row, shared by the facilitator's window and the terminal table.

``t`` is a lookup in the catalogues for one language (``lambda key, **f: i18n.text(key, lang, **f)``).
"""

from __future__ import annotations

from collections.abc import Callable

from game.engine.defs import Scenario, tr
from game.room.server import Row

Lookup = Callable[..., str]


def draft_text(row: Row, scenario: Scenario, lang: str, t: Lookup) -> str:
    """The team's last draft put to the vote: its fate and the clauses it changed from the start."""
    s = row.standing
    if s.adopted is None:
        return str(t("room.draft.none"))
    changed = []
    for dim in scenario.dimensions:
        chosen = s.draft.get(dim.id)
        if chosen and chosen != scenario.current_mandate.get(dim.id):
            try:
                changed.append(tr(dim.option(chosen).label, lang))
            except KeyError:
                changed.append(chosen)
    clauses = " · ".join(changed) or str(t("room.draft.same"))
    return str(t("room.draft.adopted" if s.adopted else "room.draft.failed", clauses=clauses))


def figures_text(row: Row, t: Lookup) -> str:
    v = row.standing.figures
    return str(t("room.figures", violence=v["violence.mean"], consent=v["mission.consent"], safety=v["mission.safety"],
                 losses=v["mission.casualties"], unity=v["council.unity"]))


def where_text(row: Row, t: Lookup) -> str:
    s = row.standing
    return str(t("room.where", year=s.year, quarter=s.quarter, phase=t(f"room.phase.{s.phase}")))


def team_lines(row: Row, t: Lookup) -> list[tuple[str, str]]:
    """The team column: its name, then what the facilitator should know (danger first)."""
    lines = [(row.name, "bold")]
    if row.standing.danger:
        lines.append((str(t("room.danger", why=", ".join(t(f"room.danger.{d}") for d in row.standing.danger))), "bold"))
    notes = [t("room.away")] if not row.connected else []
    if row.behind:
        notes.append(t("room.behind"))
    if row.broken:
        notes.append(t("room.broken"))
    if notes:
        lines.append((" · ".join(str(n) for n in notes), "body"))
    return lines


def lookup(lang: str) -> Lookup:
    """The catalogues' words in ``lang``, as the helpers above take them."""
    from game import i18n

    def t(key: str, **fields: object) -> str:
        return i18n.text(key, lang, **fields)

    return t


__all__ = ["Lookup", "draft_text", "figures_text", "lookup", "team_lines", "where_text"]
