"""The debrief: measures over the whole game, the outcome beside history, the journal, questions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from game import charts, i18n
from game.charts import CHART_KEYS
from game.engine.defs import tr, tr_all
from game.journal import journal_line, record_count, record_note
from game.ui.chartdraw import draw_chart
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect
from game.ui.views.base import (
    ActionSpec,
    GameView,
    bar_item,
    heading_item,
    para,
    stat_item,
    text_item,
)
from game.ui.views.tabbar import tab_command, tabs
from game.ui.views.whatif import journal_decisions, whatif_item

if TYPE_CHECKING:
    from game.ui.app import App

TABS = ("charts", "outcome", "journal", "discuss")


class DebriefView(GameView):
    name = "debrief"
    help_key = "debrief"
    title_key = "debrief"
    keymap = {pygame.K_LEFT: ("tab_step", -1), pygame.K_RIGHT: ("tab_step", 1), pygame.K_e: ("export", None)}

    def __init__(self, app: App):
        super().__init__(app)
        self.tab = "charts"

    def screen_key(self) -> str:
        return f"debrief-{self.tab}"

    def command(self, cmd: str, arg: Any) -> bool:
        if cmd == "export":
            return self.export()
        return tab_command(self, TABS, cmd, arg)

    def auto_extras(self) -> Sequence[Callable[[], object]]:
        if self.tab != "charts":
            return []
        return [partial(self.command, "tab", k) for k in TABS[1:]]

    def default_focus(self) -> str | None:
        return f"tab:{self.tab}"

    def shortcuts(self) -> dict[str, str]:
        return super().shortcuts() | {"act:report": "E"}

    def actions(self) -> list[ActionSpec]:
        return [("act:report", self.t("export_report"), self.export, False),
                ("act:title", self.t("new_game"), self.app.nav.goto_title, True)]

    def export(self) -> bool:
        """Write this game's report (HTML and PDF) under the data folder and say where."""
        from game.report import export_game

        app = self.app
        app.nav.note(export_game(self.game, app.store.root, getattr(app.session, "game_id", None),
                                 getattr(app.args, "team", None) or "", getattr(app.args, "session", None) or "",
                                 self.lang))
        return True

    def draw_body(self, f: Frame, body: Rect) -> None:
        inner = f.panel(body)
        specs = [(k, self.t(f"tab_{k}")) for k in TABS]
        rest = tabs(f, inner, self, specs, self.tab, lambda k: self.command("tab", k))
        draw = {"charts": self.draw_charts, "outcome": self.draw_outcome, "journal": self.draw_journal,
                "discuss": self.draw_discuss}[self.tab]
        draw(f, rest)

    # --- charts -------------------------------------------------------------------------------
    def draw_charts(self, f: Frame, rect: Rect) -> None:
        g = self.game
        if not g.timeline:
            f.text(rect, self.t("no_timeline"))
            return
        cols = 3 if rect.w >= 3 * 300 else 2
        n_rows = (len(CHART_KEYS) + cols - 1) // cols
        # what the marks on the time axes mean, beneath the charts where they keep room to read
        key = i18n.word("chart", "key", self.lang)
        key_h = f.text_h(key, rect.w)
        if (rect.h - key_h - f.gap) // n_rows - f.gap >= 7 * f.line_h():
            f.text(Rect(rect.x, rect.bottom - key_h, rect.w, key_h), key, "body", f.pal.muted)
            rect = Rect(rect.x, rect.y, rect.w, rect.h - key_h - f.gap // 2)
        cw = (rect.w - f.gap * (cols - 1)) // cols
        ch = (rect.h - f.gap * (n_rows - 1)) // n_rows
        for i, key in enumerate(CHART_KEYS):
            r = Rect(rect.x + (i % cols) * (cw + f.gap), rect.y + (i // cols) * (ch + f.gap), cw, ch)
            self.chart(f, r, key, i)

    def chart(self, f: Frame, r: Rect, key: str, i: int) -> None:
        draw_chart(f, r, charts.describe([("", self.game)], key, self.lang), f"chart:{i}")

    # --- outcome --------------------------------------------------------------------------------
    def draw_outcome(self, f: Frame, rect: Rect) -> None:
        g, lang = self.game, self.lang
        w = rect.w
        items: list[Item] = [heading_item(f, w, i18n.word("ending", g.ending or "scenario_end", lang), "h2")]
        for k, value in g.outcomes().items():
            label = i18n.word("outcome", k, lang)
            if k == "cost":
                items.append(stat_item(f, w, f"out:{k}", label, f"{value:,}".replace(",", "\u202f"), None))
            else:
                items.append(bar_item(f, w, f"out:{k}", label, value, 0, 100, None))
            # how the measure is made: the same words as a chart's line can mean a different figure
            items.append(text_item(f, w, i18n.word("outcome_means", k, lang), color=f.pal.muted))
        if tr(g.scenario.history, lang):
            items.append(heading_item(f, w, self.t("history"), "h2"))
            items.extend(para(f, w, tr(g.scenario.history, lang)))
            if g.scenario.sources:  # what actually happened, and where it is written down
                items.append(heading_item(f, w, self.t("sources")))
                items.extend(text_item(f, w, "• " + src, color=f.pal.muted) for src in tr_all(g.scenario.sources, lang))
        f.scroll_list("outcome", rect, items)

    # --- journal --------------------------------------------------------------------------------
    def draw_journal(self, f: Frame, rect: Rect) -> None:
        g, lang = self.game, self.lang
        items = []
        count = record_count(g, lang)  # how often the class did what the Council did
        if count:
            items.append(text_item(f, rect.w, count, "bold"))
        for entry, index in zip(g.journal, journal_decisions(g), strict=True):  # a clause or a card: "What if…"
            line = journal_line(g, entry, lang)
            note = record_note(g, entry, lang)
            item = text_item(f, rect.w, line) if index is None else whatif_item(f, rect.w, self, index, line)
            items.append(_with_note(f, rect.w, item, note) if note else item)
        f.scroll_list("journal", rect, items)

    # --- discussion -----------------------------------------------------------------------------
    def draw_discuss(self, f: Frame, rect: Rect) -> None:
        g, lang = self.game, self.lang
        items = [heading_item(f, rect.w, self.t("questions"), "h2")]
        for i, q in enumerate(g.scenario.questions, 1):
            items.append(text_item(f, rect.w, f"{i}. {tr(q, lang)}"))
        if g.scenario.objectives:
            items.append(heading_item(f, rect.w, self.t("objectives"), "h2"))
            for o in g.scenario.objectives:
                items.append(text_item(f, rect.w, "• " + tr(o, lang)))
        f.scroll_list("discuss", rect, items)



def _with_note(f: Frame, width: int, item: Item, note: str) -> Item:
    """A journal entry with the record under it, muted and indented: one item, so that the list
    never scrolls the record away from its decision."""
    indent = 2 * f.pad
    note_h = f.text_h(note, width - indent)

    def draw(fr: Frame, r: Rect) -> None:
        item.draw(fr, Rect(r.x, r.y, r.w, item.height))
        fr.text(Rect(r.x + indent, r.y + item.height, r.w - indent, note_h), note, "body", fr.pal.muted)

    return replace(item, height=item.height + note_h, draw=draw)
