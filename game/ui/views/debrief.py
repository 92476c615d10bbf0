"""The debrief: measures over the whole game, the outcome beside history, the journal, questions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from game import i18n
from game.engine.defs import tr
from game.engine.game import ENDINGS, Game
from game.i18n import month_label
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect, inset
from game.ui.strings import t
from game.ui.views.base import (
    ActionSpec,
    GameView,
    bar_item,
    fmt_num,
    heading_item,
    para,
    quantity_label,
    stat_item,
    tabs,
    text_item,
)

if TYPE_CHECKING:
    from game.ui.app import App

CHART_KEYS = ("violence.mean", "mission.consent", "politics.implementation", "politics.reconciliation",
              "regional.ownership", "signatories.cohesion")
TABS = ("charts", "outcome", "journal", "discuss")


class DebriefView(GameView):
    name = "debrief"
    help_key = "debrief"
    title_key = "debrief"
    keymap = {pygame.K_LEFT: ("tab_step", -1), pygame.K_RIGHT: ("tab_step", 1)}

    def __init__(self, app: App):
        super().__init__(app)
        self.tab = "charts"

    def screen_key(self) -> str:
        return f"debrief-{self.tab}"

    def command(self, cmd: str, arg: Any) -> bool:
        if cmd == "tab":
            self.tab = arg
        elif cmd == "tab_step":
            self.tab = TABS[(TABS.index(self.tab) + arg) % len(TABS)]
        else:
            return False
        self.app.focus.set(f"tab:{self.tab}")
        return True

    def auto_extras(self) -> Sequence[Callable[[], object]]:
        if self.tab != "charts":
            return []
        return [partial(self.command, "tab", k) for k in TABS[1:]]

    def default_focus(self) -> str | None:
        return f"tab:{self.tab}"

    def actions(self) -> list[ActionSpec]:
        return [("act:title", self.t("new_game"), self.app.nav.goto_title, True)]

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
        cw = (rect.w - f.gap * (cols - 1)) // cols
        ch = (rect.h - f.gap * (n_rows - 1)) // n_rows
        for i, key in enumerate(CHART_KEYS):
            r = Rect(rect.x + (i % cols) * (cw + f.gap), rect.y + (i // cols) * (ch + f.gap), cw, ch)
            self.chart(f, r, key, i)

    def chart(self, f: Frame, r: Rect, key: str, i: int) -> None:
        g, pal, lang = self.game, f.pal, self.lang
        f.fill(r, pal.panel, f.radius, pal.border)
        inner = inset(r, f.pad, f.pad // 2)
        series = [row[key] for row in g.timeline if key in row]
        last = series[-1] if series else g.values.get(key, 0)
        title = quantity_label(key, lang)
        num_w = f.text_w("100", "bold") + f.pad
        th = max(f.text_h(title, inner.w - num_w, "bold"), f.line_h("bold"))
        f.text(Rect(inner.x, inner.y, inner.w - num_w, th), title, "bold", pal.heading)
        f.why_number(f"chart:{i}", Rect(inner.right - num_w, inner.y, num_w, f.line_h("bold")), str(last), key)
        lh = f.line_h()
        axis_w = f.text_w("100") + f.pad // 2
        plot = Rect(inner.x + axis_w, inner.y + th + lh // 2, inner.w - axis_w, inner.h - th - lh - lh // 2 - 4)
        if plot.h < lh:
            return
        for val in (0, 50, 100):
            y = plot.bottom - plot.h * val // 100
            pygame.draw.line(f.s, pal.border, (plot.x, y), (plot.right, y), 1)
            f.text(Rect(inner.x, y - lh // 2, axis_w - 4, lh), str(val), "body", pal.muted, align="right", box=inner)
        first_label = month_label(g.scenario.start + 3 * g.timeline[0]["quarter"], lang)
        last_label = month_label(g.scenario.start + 3 * g.timeline[-1]["quarter"], lang)
        f.text(Rect(plot.x, plot.bottom + 2, plot.w // 2, lh), first_label, "body", pal.muted, box=inner)
        if len(series) > 1 and f.text_w(first_label) + f.text_w(last_label) + f.pad < plot.w:
            f.text(Rect(plot.centerx, plot.bottom + 2, plot.w // 2, lh), last_label, "body", pal.muted, align="right",
                   box=inner)
        n = len(series)
        pts = []
        for k, val in enumerate(series):
            x = plot.x + (plot.w * k // max(1, n - 1) if n > 1 else plot.w // 2)
            y = plot.bottom - plot.h * max(0, min(100, val)) // 100
            pts.append((x, y))
        if len(pts) > 1:
            pygame.draw.lines(f.s, pal.chart, False, pts, 3)
        for p in pts:
            pygame.draw.circle(f.s, pal.chart, p, 4)

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
        if tr(g.scenario.history, lang):
            items.append(heading_item(f, w, self.t("history"), "h2"))
            items.extend(para(f, w, tr(g.scenario.history, lang)))
        f.scroll_list("outcome", rect, items)

    # --- journal --------------------------------------------------------------------------------
    def draw_journal(self, f: Frame, rect: Rect) -> None:
        g, lang = self.game, self.lang
        items = []
        for entry in g.journal:
            items.append(text_item(f, rect.w, journal_line(g, entry, lang)))
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


def journal_line(g: Game, e: dict[str, Any], lang: str) -> str:
    sc = g.scenario
    when = f"{t('quarter_n', lang, n=int(e.get('q', 0)) + 1)} · {month_label(sc.start + 3 * int(e.get('q', 0)), lang)} — "
    kind = e.get("kind")
    try:
        if kind == "choose":
            dim = sc.dimension(e["dimension"])
            return when + t("j_choose", lang, dim=tr(dim.label, lang), opt=tr(dim.option(e["option"]).label, lang))
        if kind == "trade":
            return when + t("j_trade", lang, name=tr(sc.member(e["member"]).name, lang),
                            dim=tr(sc.dimension(e["dimension"]).label, lang), cost=e.get("cost", "?"))
        if kind == "vote":
            return when + t("j_vote_ok" if e.get("adopted") else "j_vote_ko", lang, yes=e.get("yes", "?"))
        if kind == "card":
            card = sc.card(e["card"])
            return when + t("j_card", lang, card=tr(card.title, lang), resp=tr(card.response(e["response"]).label, lang))
        if kind == "contributors":
            return when + t("j_contributors", lang, troops=fmt_num(int(e["troops"])), killed=e["killed"])
        if kind == "end":
            return when + t("j_end", lang, t=_ending(str(e.get("ending", "")), lang))
    except KeyError:
        pass
    return when + str(kind)


def _ending(key: str, lang: str) -> str:
    """An ending's words; a key from another version of the game is shown as it is."""
    return i18n.word("ending", key, lang) if key in ENDINGS else key
