"""The briefing: the Secretary-General's report — map, armed actors' web, buy-in, mission, Council."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pygame

from game.engine import council
from game.engine.actions import Continue
from game.engine.defs import tr
from game.engine.world import ARMED, REGIONAL, REGIONS
from game.i18n import actor_name
from game.ui import mapshapes
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect, columns, take_bottom
from game.ui.strings import short
from game.ui.theme import ink_on
from game.ui.views import actors_web
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

MISSION_KEYS = ("mission.troops", "mission.casualties", "mission.budget", "mission.safety", "mission.trust",
                "mission.impartiality", "mission.consent")
POLITICS_KEYS = ("politics.implementation", "politics.reconciliation", "politics.will", "signatories.cohesion",
                 "regional.ownership", "regional.capacity")
VIOLENCE_BINS = ((0, 19), (20, 39), (40, 59), (60, 79), (80, 100))


def violence_bin(v: int) -> int:
    return max(0, min(4, v // 20))


class BriefingView(GameView):
    name = "briefing"
    help_key = "briefing"
    title_key = "briefing"
    keymap = {pygame.K_m: ("tab", "map"), pygame.K_a: ("tab", "web")}

    def __init__(self, app: App):
        super().__init__(app)
        self.tab = "map"
        self.wide = True

    def command(self, cmd: str, arg: Any) -> bool:
        if cmd == "tab":
            self.tab = arg
            self.app.focus.set(f"tab:{arg}")
            return True
        return False

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
        legend_h = self.legend_h(f, map_r.w)
        legend_r, map_area = take_bottom(map_r, legend_h, f.pad)
        self.draw_map(f, map_area)
        self.draw_legend(f, legend_r)

    def legend_h(self, f: Frame, width: int) -> int:
        return f.line_h("bold") + f.line_h() + f.pad + f.text_h(self.t("mission_marker"), width)

    def draw_legend(self, f: Frame, r: Rect) -> None:
        pal = f.pal
        y = r.y
        y += f.text(Rect(r.x, y, r.w, f.line_h("bold")), self.t("violence_legend"), "bold", pal.heading)
        sw = r.w // 5
        lh = f.line_h()
        for i, (lo, hi) in enumerate(VIOLENCE_BINS):
            box = Rect(r.x + i * sw, y, sw - 4, lh)
            fill = pal.violence[i]
            f.fill(box, fill, 3, pal.map_line)
            label = f"{lo}–{hi}" if f.text_w(f"{lo}–{hi}") <= box.w - 4 else f"{lo}+"
            f.text(box, label, "body", ink_on(fill), align="center")
        y += lh + f.pad
        f.text(Rect(r.x, y, r.w, r.bottom - y), self.t("mission_marker"), "body", pal.muted)

    def draw_map(self, f: Frame, r: Rect) -> None:
        g, pal, lang = self.game, f.pal, self.lang
        v = g.values
        proj = mapshapes.projector(r.x, r.y, r.w, r.h)

        def pts(poly: list[tuple[float, float]]) -> list[tuple[float, float]]:
            return [mapshapes.project(p, proj) for p in poly]

        pygame.draw.polygon(f.s, pal.map_other, pts(mapshapes.OUTLINE))
        for region in REGIONS:
            poly = pts(mapshapes.REGION_SHAPES[region])
            pygame.draw.polygon(f.s, pal.violence[violence_bin(v[f"violence.{region}"])], poly)
            pygame.draw.polygon(f.s, pal.map_line, poly, 2)
        pygame.draw.polygon(f.s, pal.map_line, pts(mapshapes.OUTLINE), 2)
        # labels: name, violence number; the mission's marker beneath; nudged apart if they collide
        placed: list[Rect] = []
        lb = f.line_h("bold")
        for region in REGIONS:
            name = short(region, lang)  # "Mopti", not "Mopti (centre)", on the map
            vi = str(v[f"violence.{region}"])
            mp = v[f"mission_presence.{region}"]
            un = self.t("un_marker", presence=mp)
            name_w = f.text_w(name + " ")
            vi_w = f.text_w(vi, "bold")
            w = name_w + vi_w + f.pad
            un_w = f.text_w(un) + f.pad
            show_un = mp >= 10
            total_h = lb + 4 + (f.line_h() + 2 if show_un else 0)
            bw = max(w, un_w if show_un else 0)
            ax, ay = mapshapes.project(mapshapes.ANCHORS[region], proj)
            if region == "bamako":
                ax, ay = mapshapes.project((-8.0, 12.65), proj)
            box = self.place(Rect(int(ax - bw / 2), int(ay - total_h / 2), bw, total_h), r, placed)
            placed.append(box.inflate(4, 4))
            if not box.collidepoint(ax, ay):
                pygame.draw.line(f.s, pal.map_line, (ax, ay), box.center, 2)
                pygame.draw.circle(f.s, pal.map_line, (ax, ay), 4)
            label_r = Rect(box.x, box.y, bw, lb + 4)
            f.fill(label_r, pal.panel, 4, pal.map_line)
            x0 = label_r.x + (bw - name_w - vi_w) // 2
            f.text(Rect(x0, label_r.y + 2, name_w, lb), name, "body", pal.text, box=label_r)
            f.why_number(f"map:violence:{region}", Rect(x0 + name_w, label_r.y + 2, vi_w + 2, lb), vi,
                         f"violence.{region}", align="left")
            if show_un:
                ur = Rect(box.x + (bw - un_w) // 2, label_r.bottom, un_w, f.line_h() + 2)
                f.fill(ur, pal.primary, 4)
                f.text(ur, un, "body", pal.primary_text, align="center")

    @staticmethod
    def place(box: Rect, area: Rect, placed: list[Rect]) -> Rect:
        """The nearest spot to ``box`` inside ``area`` that overlaps no placed label."""
        step = max(8, box.h // 2)
        for dist in range(0, 12):
            offsets = [(0, 0)] if dist == 0 else [
                (0, dist * step), (0, -dist * step), (dist * step * 2, 0), (-dist * step * 2, 0),
                (dist * step * 2, dist * step), (-dist * step * 2, dist * step),
                (dist * step * 2, -dist * step), (-dist * step * 2, -dist * step)]
            for dx, dy in offsets:
                trial = box.move(dx, dy)
                trial.clamp_ip(area)
                if not any(trial.colliderect(p) for p in placed):
                    return trial
        fallback = Rect(box)
        fallback.clamp_ip(area)
        return fallback

    def draw_region_table(self, f: Frame, r: Rect) -> None:
        g, pal, lang = self.game, f.pal, self.lang
        v = g.values
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
            disp = v[f"displacement.{region}"]
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
                              str(v[f"violence.{region}"]), f"violence.{region}")
                fr.why_number(f"tbl:mission:{region}", Rect(rr.x + name_w + vi_w, rr.y, num_w, h1),
                              str(v[f"mission_presence.{region}"]), f"mission_presence.{region}")
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
    def draw_web(self, f: Frame, rect: Rect) -> None:
        actors_web.draw_web(f, rect, self.game, self.lang)

    # --- the side column ------------------------------------------------------------------------
    def draw_side(self, f: Frame, rect: Rect) -> None:
        g, lang = self.game, self.lang
        v = g.values
        inner = f.panel(rect)
        w = inner.w
        items: list[Item] = []
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
        items.append(stat_item(f, w, "side:capital", quantity_label("council.capital", lang), str(v["council.capital"]),
                               "council.capital"))
        try:
            force_dim = g.scenario.dimension("force")
            opt = force_dim.option(g.in_force["force"])
            items.append(text_item(f, w, self.t("parallel_force", opt=tr(opt.label, lang)), color=f.pal.muted))
        except KeyError:
            pass
        items.append(heading_item(f, w, self.t("mission"), "h2"))
        for q in MISSION_KEYS:
            items.append(stat_item(f, w, f"side:{q}", quantity_label(q, lang, self.game.date), fmt_num(v[q]), q))
        items.append(heading_item(f, w, self.t("politics"), "h2"))
        for q in POLITICS_KEYS:
            items.append(stat_item(f, w, f"side:{q}", quantity_label(q, lang, self.game.date), str(v[q]), q))
        items.append(heading_item(f, w, self.t("buyin"), "h2"))
        for actor in REGIONAL:
            q = f"buyin.{actor}"
            items.append(bar_item(f, w, f"side:{q}", actor_name(actor, lang), v[q], 0, 100, q))
        f.scroll_list("side", inner, items)
