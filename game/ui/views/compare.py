"""Compare teams: the team files of a folder (by default the one the window writes them to, a
folder typed in otherwise), each game rebuilt from its decisions (``game.sim.teams.rebuild``) and
shown side by side: the teams and the files that could not be read (with why), each team's clauses
year by year with the differences marked, the outcome measures in one table, the main measures
over time on one chart each, and where each team's game first parted from the first team's and
why (``teams.divergence``; the causes from the ledgers, as the what-if debrief ranks them)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game import i18n
from game.engine.defs import tr
from game.engine.game import OUTCOMES
from game.explain import cause_text
from game.saves import SaveError
from game.sim.teams import (
    Team,
    clauses_by_year,
    distinct_names,
    divergence,
    ending_words,
    luck_words,
    rebuild,
)
from game.sim.whatif import Counterfactual
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import take_top
from game.ui.strings import tn
from game.ui.views.base import View, chrome, fmt_num, heading_item, text_item
from game.ui.views.sidebyside import Cell, draw_charts, row_item
from game.ui.views.tabbar import tab_command, tabs
from game.ui.views.workshop import TextBox
from game.ui.workshop import bundled, teams_folder

if TYPE_CHECKING:
    from game.ui.app import App

TABS = ("teams", "clauses", "outcomes", "charts", "parted")
MAX_FILES = 40  # a workshop has a few teams; a folder of hundreds is read up to here


def read_teams(folder: Path, scenarios: dict[str, Any]) -> tuple[list[Team], list[tuple[str, str | SaveError]]]:
    """The teams of the folder's team files (one scenario: the first file's), and every file that
    could not be read with the reason (an error to put in words, or a name for ``unread_words``)."""
    teams: list[Team] = []
    problems: list[tuple[str, str | SaveError]] = []
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix == ".json" and p.is_file())
    except OSError:
        return [], [(str(folder), "no_folder")]
    for path in paths[:MAX_FILES]:
        try:
            team = rebuild(str(path), {k: sc for k, (_level, sc) in scenarios.items()})
        except SaveError as exc:
            problems.append((path.name, exc))
            continue
        except (ValueError, OSError, KeyError, TypeError):
            problems.append((path.name, "not_team"))
            continue
        if teams and team.game.scenario.id != teams[0].game.scenario.id:
            problems.append((path.name, "other_scenario"))
            continue
        teams.append(team)
    return teams, problems


class CompareView(View):
    name = "compare"
    help_key = "title"
    keymap = {pygame.K_LEFT: ("tab_step", -1), pygame.K_RIGHT: ("tab_step", 1)}

    def __init__(self, app: App, folder: Path | None = None):
        super().__init__(app)
        self.folder = TextBox("cmp:folder", str(folder or teams_folder(app.store)), 500, self.reload)
        self.tab = "teams"
        self.reload()

    def screen_key(self) -> str:
        return f"compare-{self.tab}"

    def reload(self) -> None:
        teams, self.problems = read_teams(Path(self.folder.text.strip() or "."), bundled(self.app))
        self.teams = distinct_names(teams)
        self.scroll.clear()
        self.app.dirty = True

    def default_focus(self) -> str | None:
        return f"tab:{self.tab}"

    def back(self) -> bool:
        self.app.nav.goto_title()
        return True

    def command(self, cmd: str, arg: Any) -> bool:
        return tab_command(self, TABS, cmd, arg)

    def auto_extras(self) -> list[partial[bool]]:
        return [partial(self.command, "tab", k) for k in TABS[1:]]

    @property
    def names(self) -> list[str]:
        return [t.name for t in self.teams]

    def draw(self, f: Frame) -> None:
        sub = tn("ws.cmp_sub", len(self.teams), self.lang, title=tr(self.teams[0].game.scenario.title, self.lang)) \
            if self.teams else ""
        body = chrome(f, self, self.t("ws.compare_title"), sub,
                      [("cmp:back", self.t("ws.back_title"), self.app.nav.goto_title, True)], tools=False)
        inner = f.panel(body)
        specs = [(k, self.t(f"ws.cmp_tab_{k}")) for k in TABS]
        rest = tabs(f, inner, self, specs, self.tab, lambda k: self.command("tab", k))
        if self.tab == "teams":  # where the files are read from: typed in, then Read
            field = self.folder.item(f, rest.w, self.t("ws.cmp_folder"), ("cmp:read", self.t("ws.cmp_read"), self.reload))
            top, rest = take_top(rest, field.height, f.pad)
            field.draw(f, top)
        if self.tab == "charts":
            if self.teams:
                draw_charts(f, rest, [(t.name, t.game) for t in self.teams], self.lang, "cmp")
            else:
                f.text(rest, self.t("ws.cmp_none"), "body", f.pal.muted)
            return
        items = {"teams": self.team_items, "clauses": self.clause_items, "outcomes": self.outcome_items,
                 "parted": self.parted_items}[self.tab](f, rest.w)
        f.scroll_list(f"cmp:{self.tab}", rest, items)

    # --- the tabs ---------------------------------------------------------------------------
    def team_items(self, f: Frame, w: int) -> list[Item]:
        lang = self.lang
        out: list[Item] = []
        if self.problems:  # first, so that a facilitator sees at once a team missing
            out.append(heading_item(f, w, self.t("ws.cmp_unread"), "bold", f.pal.no))
        for name, why in self.problems:
            words = why.text(lang) if isinstance(why, SaveError) else unread_words(why, lang)
            out.append(text_item(f, w, self.t("ws.cmp_problem", name=name, why=words)))
        if not self.teams:
            out.append(text_item(f, w, self.t("ws.cmp_none"), color=f.pal.muted))
        out += self.luck_items(f, w)
        for team in self.teams:
            session = self.t("ws.cmp_code", code=team.session) if team.session else ""
            out.append(row_item(f, w, [(team.name, "bold"), (ending_words(team.game, lang), "body"), (session, "body")]))
        return out

    def header(self, f: Frame, w: int, first: str = "") -> Item:
        return row_item(f, w, [(first, "bold"), *((n, "bold") for n in self.names)])

    def clause_items(self, f: Frame, w: int) -> list[Item]:
        if not self.teams:
            return [text_item(f, w, self.t("ws.cmp_none"), color=f.pal.muted)]
        lang, scenario = self.lang, self.teams[0].game.scenario
        by_year = [clauses_by_year(t.game) for t in self.teams]
        out = [text_item(f, w, self.t("ws.cmp_marked"), color=f.pal.muted)]
        for year in sorted({y for b in by_year for y in b}):
            out.append(self.header(f, w, self.t("ws.cmp_year", year=year)))
            for dim in scenario.dimensions:
                chosen = [b.get(year, {}).get(dim.id) for b in by_year]
                cells: list[Cell] = [(tr(dim.label, lang), "body")]
                for c in chosen:
                    cells.append((tr(dim.option(c).label, lang) if c and _has(dim, c) else "—", "body"))
                differs = len(set(chosen)) > 1
                if differs:
                    cells[0] = ("≠ " + cells[0][0], "bold")
                out.append(row_item(f, w, cells, differs))
        return out

    def outcome_items(self, f: Frame, w: int) -> list[Item]:
        if not self.teams:
            return [text_item(f, w, self.t("ws.cmp_none"), color=f.pal.muted)]
        lang = self.lang
        out = [self.header(f, w)]
        for key in OUTCOMES:
            values = [t.game.outcomes()[key] for t in self.teams]
            out.append(row_item(f, w, [(i18n.word("outcome", key, lang), "body"), *((_num(v), "bold") for v in values)],
                                len(set(values)) > 1))
        endings = [ending_words(t.game, lang) for t in self.teams]
        out.append(row_item(f, w, [(i18n.text("cmp_ending", lang), "body"), *((e, "body") for e in endings)],
                            len(set(endings)) > 1))
        return out

    def luck_items(self, f: Frame, w: int) -> list[Item]:
        """Teams that did not share the luck: said where the teams are listed and where they part."""
        warning = luck_words(self.teams, self.lang)
        return [heading_item(f, w, warning, "bold", f.pal.no)] if warning else []

    def parted_items(self, f: Frame, w: int) -> list[Item]:
        if len(self.teams) < 2:
            return [text_item(f, w, self.t("ws.cmp_need_two"), color=f.pal.muted)]
        first = self.teams[0]
        out: list[Item] = self.luck_items(f, w)
        for other in self.teams[1:]:
            k, why = divergence(first.game, other.game, (first.name, other.name), self.lang)
            out.append(heading_item(f, w, self.t("ws.cmp_pair", a=first.name, b=other.name), "h2"))
            out.append(text_item(f, w, why))
            if k is not None:
                out.extend(difference_items(f, w, Counterfactual(first.game, other.game, k), self.lang,
                                            (first.name, other.name)))
        return out


def difference_items(f: Frame, w: int, result: Counterfactual, lang: str, names: Sequence[str]) -> list[Item]:
    """The measures that end furthest apart, each with the causes whose effect differs most."""
    scenario = result.original.scenario
    out: list[Item] = []
    diffs = result.largest_differences(3)
    if not diffs:
        out.append(text_item(f, w, i18n.text("ws.no_difference", lang)))
    for quantity, delta in diffs:
        label = i18n.describe(quantity, lang)
        out.append(heading_item(f, w, i18n.text("ws.ends", lang, what=label[:1].upper() + label[1:], a=names[0], b=names[1],
                                                va=_num(result.original.values[quantity]),
                                                vb=_num(result.changed.values[quantity]), d=fmt_num(delta, sign=True))))
        for cause, d in result.largest_causes(quantity, 4):
            out.append(text_item(f, w, f"    {fmt_num(d, sign=True)}  {cause_text(cause, scenario, lang)}"))
    return out


def unread_words(why: str, lang: str) -> str:
    """Why a file was not read (``read_teams``), in words."""
    if why == "no_folder":
        return i18n.text("ws.cmp_no_folder", lang)
    if why == "other_scenario":
        return i18n.text("ws.cmp_other_scenario", lang)
    return i18n.text("ws.cmp_not_team", lang)


def _has(dim: Any, option: str) -> bool:
    try:
        dim.option(option)
    except KeyError:
        return False
    return True


def _num(value: int) -> str:
    return f"{value:,}".replace(",", "\u202f")


__all__ = ["CompareView", "difference_items", "read_teams"]
