"""The briefing: the Secretary-General's report — map, armed actors' web, buy-in, mission, Council."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from game import i18n, story
from game.engine import council
from game.engine.actions import Continue
from game.engine.defs import tr, tr_all
from game.engine.world import ARMED, REGIONAL, REGIONS
from game.i18n import actor_name
from game.ui import mapdraw, maplegend, motion, scrolling
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect, columns, take_bottom
from game.ui.mapshapes import Fit, load
from game.ui.strings import short
from game.ui.views import actors_list, actors_web
from game.ui.views.base import (
    ActionSpec,
    GameView,
    bar_item,
    fmt_num,
    heading_item,
    para,
    quantity_label,
    stat_item,
    text_item,
)
from game.ui.views.tabbar import tab_labels, tabs, tabs_width

if TYPE_CHECKING:
    from game.ui.app import App

MISSION_KEYS = ("mission.troops", "mission.casualties", "mission.budget", "mission.safety", "mission.trust",
                "mission.impartiality", "mission.consent")
POLITICS_KEYS = ("politics.implementation", "politics.reconciliation", "politics.will", "signatories.cohesion",
                 "regional.ownership", "regional.capacity")


def map_scale(r: Rect) -> float:
    """How big the map is drawn in ``r`` (pixels per map unit)."""
    return Fit.into(load(), r.x, r.y, r.w, r.h).scale


def map_aspect() -> float:
    """The map's width over its height."""
    short, narrow = Fit.into(load(), 0, 0, 10_000, 1), Fit.into(load(), 0, 0, 1, 10_000)
    return short.scale / narrow.scale


class BriefingView(GameView):
    name = "briefing"
    help_key = "briefing"
    title_key = "briefing"
    keymap = {pygame.K_m: ("tab", "map"), pygame.K_r: ("tab", "regions"), pygame.K_a: ("tab", "web"),
              pygame.K_l: ("legend", None), pygame.K_t: ("web_list", None), **scrolling.PAGE_KEYS}

    def __init__(self, app: App):
        super().__init__(app)
        self.tab = "map"
        self.wide = True
        self.legend_open = False  # the map's whole legend, when only its ramp fits beneath it
        # the armed actors' relations as a list, by name, instead of the web (None: the list where
        # the window is narrow, since there the web's fifteen numbers crowd its middle)
        self.web_list: bool | None = None
        self.tab_row = Rect(0, 0, 0, 0)  # the room right of the tabs, as last drawn
        self.motion = motion.for_app(app)  # the ties that moved since the last vote pulse once
        self.motion.over = True  # … when the web is shown
        self.web_places: dict[str, actors_web.Point] = {}  # the nodes of the web, as last drawn
        # The figures that moved since the last vote tick from where that vote left them (none
        # before the first vote: there is no last renewal to count from).
        g = self.game
        self.since = {q: c for q, c in story.net(g, story.since_last_vote(g)).items() if c} if g.votes else {}
        self.ticker = motion.for_app(app)
        if not self.since:
            self.ticker.over = True

    def moving(self) -> bool:
        return self.motion.moving() or self.ticker.moving()

    def tick(self, now_ms: int) -> None:
        self.motion.tick(now_ms)
        self.ticker.tick(now_ms)

    def finish_animation(self) -> None:
        self.motion.over = self.ticker.over = True

    def shown(self, quantity: str) -> int:
        """The figure as it stands in this frame: ticking from before the change to its value."""
        now = self.game.values[quantity]
        return self.ticker.value(now - self.since.get(quantity, 0), now)

    def shown_text(self, quantity: str) -> tuple[str, str]:
        """The figure as shown now, and the wider of its two ends (the room the row keeps)."""
        now = self.game.values[quantity]
        ends = (fmt_num(now), fmt_num(now - self.since.get(quantity, 0)))
        return fmt_num(self.shown(quantity)), max(ends, key=len)

    def command(self, cmd: str, arg: Any) -> bool:
        if cmd == "legend":
            self.legend_open = not self.legend_open
            self.app.dirty = True
            return True
        if cmd == "web_list":
            self.web_list = not self.web_as_list()
            self.app.dirty = True
            return True
        if cmd == "page":
            return self.page(arg)
        if cmd == "tab":
            if arg == "web" and self.tab != "web" and self.game.votes:
                self.motion.restart()
            elif arg != self.tab and self.since:  # the map's plates, the region table: they tick when shown
                self.ticker.restart()
            self.tab = arg
            self.app.focus.set(f"tab:{arg}")
            return True
        return False

    def page(self, how: str) -> bool:
        """PgUp/PgDn/Home/End read the report (the side panel), unless the focus is in another list
        (the regions, the ties: the keys every screen knows)."""
        focus = self.app.focus
        f = focus.frame
        side = f.lists.get("side") if f is not None else None
        if f is None or side is None or any(scrolling.holds(i, focus.id) for i in f.lists.values() if i is not side):
            return False
        if not scrolling.scrolls(side):  # all in view: nothing to do (and no "more" line to focus)
            return True
        self.turn_page(side, how)
        return True

    def screen_key(self) -> str:
        base = super().screen_key()
        return base if self.tab == "map" else f"{base}-{self.tab}"

    def auto_extras(self) -> Sequence[Callable[[], object]]:
        """For screenshots: show the other tabs too."""
        if self.tab != "map":
            return []
        extra = [] if self.wide else [lambda: self.command("tab", "regions")]
        return extra + [lambda: self.command("tab", "web"), lambda: self.command("tab", "map")]

    def default_focus(self) -> str | None:
        return "act:continue"

    def shortcuts(self) -> dict[str, str]:
        return super().shortcuts() | {"tab:map": "M", "tab:regions": "R", "tab:web": "A", "act:legend": "L",
                                      "act:web_list": "T"}

    def actions(self) -> list[ActionSpec]:
        return [("act:continue", self.t("continue"), lambda: self.app.act(Continue()), True)]

    def draw_body(self, f: Frame, body: Rect) -> None:
        left, side = columns(body, [0.63, 0.37], f.gap)
        right: Rect | None = side
        # side by side when there is room; otherwise the region table gets its own tab and the
        # web of armed actors the whole width
        self.wide = left.w - 2 * f.pad >= 36 * f.fonts.body
        if not self.wide and self.tab == "web":
            left, right = body, None
        inner = f.panel(left)
        specs = [("map", self.t("tab_map"))]
        if not self.wide:
            specs.append(("regions", self.t("regions")))
        specs.append(("web", self.t("tab_web")))
        if self.tab not in [k for k, _l in specs]:
            self.tab = "map"
        rest = tabs(f, inner, self, specs, self.tab, lambda k: self.command("tab", k))
        # the room the tabs leave on their row, for the web's list/web switch
        self.tab_row = Rect(inner.x + tabs_width(f, tab_labels(f, self, specs, inner.w)) + f.pad, inner.y,
                            0, rest.y - inner.y - f.pad)
        self.tab_row.w = max(0, inner.right - self.tab_row.x)
        if self.tab == "map":
            self.draw_map_tab(f, rest)
        elif self.tab == "regions":
            self.draw_region_table(f, rest)
        else:
            self.draw_web(f, rest)
        if right is not None:
            self.draw_side(f, right)

    # --- the map ----------------------------------------------------------------------------
    def draw_map_tab(self, f: Frame, rect: Rect) -> None:
        if self.wide:
            map_r, table_r = columns(rect, [0.56, 0.44], f.gap)
            self.draw_region_table(f, table_r)
        else:
            map_r = rect
        # the map as wide as its proportions allow at the full height; the legend in what is left
        map_w = min(map_r.w - 11 * f.fonts.body // 2, int(map_r.h * map_aspect()))
        side = (Rect(map_r.x, map_r.y, map_w, map_r.h),
                Rect(map_r.x + map_w + f.gap, map_r.y, map_r.right - map_w - f.gap - map_r.x, map_r.h))
        # the legend beside the map when the map keeps (nearly) the size it has with the compact
        # legend; otherwise the ramp on a line beneath, the whole legend a button (L) away
        label = self.keyed("act:legend", i18n.word("report", "legend", self.lang))
        button_w = f.text_w(label, "bold") + 3 * f.pad
        strip_h = maplegend.strip_h(f, map_r.w, self.t("violence_legend"), button_w)
        strip_r, compact_area = take_bottom(map_r, strip_h, f.pad)
        beside = (side[1].w >= max(5 * f.fonts.body, f.text_w(self.t("violence_legend"), "bold"))
                  and self.legend_h(f, side[1].w) <= side[1].h)
        if beside and map_scale(side[0]) >= 0.9 * map_scale(compact_area):
            self.draw_map(f, side[0])
            self.draw_legend(f, side[1])
            return
        self.draw_map(f, compact_area)
        maplegend.draw_strip(f, strip_r, self.t("violence_legend"))
        line = f.line_h("bold") + f.pad
        f.button("act:legend", Rect(strip_r.right - button_w, strip_r.bottom - line, button_w, line), label,
                 lambda: self.command("legend", None), style="bold", kind="tab", selected=self.legend_open)
        if self.legend_open:  # over the map's right part, in a panel of its own
            w = min(compact_area.w, max(16 * f.fonts.body, compact_area.w * 2 // 5))
            h = self.legend_h(f, w - 2 * f.pad) + 2 * f.pad
            box = Rect(compact_area.right - w, max(compact_area.y, compact_area.bottom - h), w, min(h, compact_area.h))
            f.fill(box, f.pal.panel, 6, f.pal.border, 2)
            self.draw_legend(f, box.inflate(-2 * f.pad, -2 * f.pad))

    def legend_h(self, f: Frame, width: int) -> int:
        return maplegend.legend_h(f, width, self.lang)

    def draw_legend(self, f: Frame, r: Rect) -> None:
        maplegend.draw_legend(f, r, self.t("violence_legend"), self.lang)

    def draw_map(self, f: Frame, r: Rect) -> None:
        mapdraw.draw_map(f, r, self.game, self.lang, tick=self.ticker.value)

    def draw_region_table(self, f: Frame, r: Rect) -> None:
        g, pal, lang = self.game, f.pal, self.lang
        un_head = self.t("un")
        vi_head = self.t("violence")
        num_w = max(f.text_w("100", "bold"), f.text_w(un_head, "bold")) + f.pad
        vi_w = max(num_w, f.text_w(vi_head, "bold") + f.pad)
        name_w = r.w - vi_w - num_w
        head_h = max(f.text_h(self.t("region"), name_w, "bold"), f.line_h("bold"))
        hr = Rect(r.x, r.y, r.w, head_h)
        f.text(Rect(hr.x, hr.y, name_w, head_h), self.t("region"), "bold", pal.heading)
        f.text(Rect(hr.x + name_w, hr.y, vi_w, head_h), vi_head, "bold", pal.heading, align="right")
        f.text(Rect(hr.x + name_w + vi_w, hr.y, num_w, head_h), un_head, "bold", pal.heading, align="right")
        pygame.draw.line(f.s, pal.border, (r.x, hr.bottom + 2), (r.right, hr.bottom + 2), 1)
        items = []
        footprint = g.scenario.footprint
        for region in REGIONS:
            present = sorted(((footprint.get(a, {}).get(region, 0), a) for a in ARMED), reverse=True)
            groups = ", ".join(short(a, lang, g.date) for n, a in present if n >= 25)
            disp = self.shown(f"displacement.{region}")
            detail_prefix = f"{self.t('displaced')} "
            detail = groups
            name = actor_name(region, lang)
            h1 = max(f.text_h(name, name_w - f.pad), f.line_h("bold"))
            d_w = f.text_w(detail_prefix + "100", "body") + f.pad
            h2 = max(f.line_h(), f.text_h(detail, r.w - d_w - f.pad) if detail else 0)

            def draw(fr: Frame, rr: Rect, region: str = region, name: str = name, detail: str = detail,
                     h1: int = h1, disp: int = disp, detail_prefix: str = detail_prefix, d_w: int = d_w) -> None:
                fr.text(Rect(rr.x, rr.y, name_w - fr.pad, h1), name, "body")
                fr.why_number(f"tbl:violence:{region}", Rect(rr.x + name_w, rr.y, vi_w, h1),
                              str(self.shown(f"violence.{region}")), f"violence.{region}")
                fr.why_number(f"tbl:mission:{region}", Rect(rr.x + name_w + vi_w, rr.y, num_w, h1),
                              str(self.shown(f"mission_presence.{region}")), f"mission_presence.{region}")
                y2 = rr.y + h1
                pre_w = fr.text_w(detail_prefix)
                fr.text(Rect(rr.x, y2, pre_w, fr.line_h()), detail_prefix, "body", fr.pal.muted)
                fr.why_number(f"tbl:displaced:{region}", Rect(rr.x + pre_w, y2, d_w - pre_w, fr.line_h()), str(disp),
                              f"displacement.{region}", style="body", align="left")
                if detail:
                    fr.text(Rect(rr.x + d_w, y2, rr.w - d_w, rr.bottom - y2), detail, "body", fr.pal.muted)

            items.append(Item(h1 + h2 + 2, draw, (f"tbl:violence:{region}", f"tbl:mission:{region}",
                                                  f"tbl:displaced:{region}")))
        body = Rect(r.x, hr.bottom + 6, r.w, r.bottom - hr.bottom - 6)
        f.scroll_list("regions", body, items)

    # --- the web of armed actors ------------------------------------------------------------
    def web_as_list(self) -> bool:
        return self.web_list if self.web_list is not None else not self.wide

    def draw_web(self, f: Frame, rect: Rect) -> None:
        as_list = self.web_as_list()
        label = self.keyed("act:web_list", self.t("web_as_web" if as_list else "web_as_list"))
        bw = f.text_w(label) + 3 * f.pad
        switch = partial(self.command, "web_list", None)
        if bw <= self.tab_row.w:  # on the tabs' row, where they leave room: the list keeps its height
            f.button("act:web_list", Rect(self.tab_row.right - bw, self.tab_row.y, bw, self.tab_row.h), label, switch)
            rest = rect
        else:
            bh = f.button_h(label, rect.w)
            bw = min(rect.w, bw)
            f.button("act:web_list", Rect(rect.right - bw, rect.y, bw, bh), label, switch)
            rest = Rect(rect.x, rect.y + bh + f.pad // 2, rect.w, max(0, rect.h - bh - f.pad // 2))
        if as_list:
            f.scroll_list("ties", rest, actors_list.tie_items(f, rest.w, self.game, self.lang), gap=2)
        else:
            self.web_places = actors_web.draw_web(f, rest, self.game, self.lang, self.motion.pulse())  # the tests read the ties' ends

    # --- the side column ------------------------------------------------------------------------
    def draw_side(self, f: Frame, rect: Rect) -> None:
        g, lang = self.game, self.lang
        inner = f.panel(rect)
        w = inner.w
        items: list[Item] = []
        if g.quarter == 0 and g.scenario.objectives:  # the first year opens with what the class is to learn
            items.append(heading_item(f, w, self.t("objectives"), "h2"))
            for o in g.scenario.objectives:  # line by line, as the report: a page is a page of lines
                items.extend(para(f, w, "• " + tr(o, lang)))
        items.append(heading_item(f, w, self.t("sg_report"), "h2"))
        items.extend(para(f, w, " ".join(story.sg_report(g, lang))))
        if g.quarter == 0 and tr(g.scenario.summary, lang):
            items.append(heading_item(f, w, self.t("situation"), "h2"))
            items.extend(para(f, w, tr(g.scenario.summary, lang)))
        items.append(heading_item(f, w, self.t("council_mood"), "h2"))
        stances = g.predict()
        yes = sum(s.vote == council.YES for s in stances)
        no = sum(s.vote == council.NO for s in stances)
        items.append(text_item(f, w, self.t("mood_line", yes=yes, no=no, n=len(stances) - yes - no)))
        vetoes = [tr(g.scenario.member(s.member).name, lang) for s in stances
                  if s.vote == council.NO and g.scenario.member(s.member).permanent]
        items.append(text_item(f, w, self.t("veto_risk", names=", ".join(vetoes)) if vetoes else self.t("no_veto"),
                               color=f.pal.no if vetoes else f.pal.muted))
        value, widest = self.shown_text("council.capital")
        items.append(stat_item(f, w, "side:capital", quantity_label("council.capital", lang), value,
                               "council.capital", widest=widest))
        try:
            force_dim = g.scenario.dimension("force")
            opt = force_dim.option(g.in_force["force"])
            items.append(text_item(f, w, self.t("parallel_force", opt=tr(opt.label, lang)), color=f.pal.muted))
        except KeyError:
            pass
        items.append(heading_item(f, w, self.t("mission"), "h2"))
        for q in (*MISSION_KEYS, None, *POLITICS_KEYS):
            if q is None:
                items.append(heading_item(f, w, self.t("politics"), "h2"))
                continue
            value, widest = self.shown_text(q)
            items.append(stat_item(f, w, f"side:{q}", quantity_label(q, lang, self.game.date), value, q, widest=widest))
        items.append(heading_item(f, w, self.t("buyin"), "h2"))
        for actor in REGIONAL:
            q = f"buyin.{actor}"
            items.append(bar_item(f, w, f"side:{q}", actor_name(actor, lang), self.shown(q), 0, 100, q))
        if g.quarter == 0 and g.scenario.state_sources:  # the figures above are the scenario's own, from these
            items.append(heading_item(f, w, self.t("state_sources"), "h2"))
            for src in tr_all(g.scenario.state_sources, lang):  # (a long one, whole, was taller than the panel)
                items.extend(para(f, w, "• " + src, color=f.pal.muted))
        # a text to read: Tab enters it at its "more" line, the page keys scroll it (``page``)
        scrolling.scroll_list(f, "side", inner, items, reading=True)
