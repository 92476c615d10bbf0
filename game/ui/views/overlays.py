"""Modal windows over a screen: help (F1) and "why?" (what moved a number, largest causes first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game import explain, i18n
from game.engine.defs import tr
from game.engine.game import Game
from game.engine.world import DERIVED_PARTS
from game.i18n import describe
from game.ui import icons
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect, columns, inset, take_bottom
from game.ui.strings import help_lines, help_screen, t
from game.ui.views.base import View, fmt_num, heading_item, quantity_label, text_item

if TYPE_CHECKING:
    from game.ui.app import App



class Overlay(View):
    """A centred panel with a title, a scrolling body and a Close button."""

    def box(self, f: Frame) -> Rect:
        win = f.window
        w = min(win.w - 2 * f.gap, max(int(win.w * 0.78), 640))
        h = win.h - 4 * f.gap
        return Rect((win.w - w) // 2, (win.h - h) // 2, w, h)

    def heading(self) -> str:
        return ""

    def items(self, f: Frame, width: int) -> list[Item]:
        return []

    def default_focus(self) -> str | None:
        return "overlay:close"

    def draw(self, f: Frame) -> None:
        box = self.box(f)
        inner = self.titled_panel(f, box)
        btn_h = f.button_h(t("close", self.lang), inner.w, "bold")
        bottom, body = take_bottom(inner, btn_h, f.pad)
        label = t("close", self.lang)
        w = f.text_w(label, "bold") + 4 * f.pad
        f.scroll_list("overlay", body, self.items(f, body.w))
        f.button("overlay:close", Rect(bottom.right - w, bottom.y, w, btn_h), label, self.app.nav.pop,
                 style="bold", primary=True)


    def title_quantity(self) -> str | None:
        """The quantity whose icon goes before the title (none for most overlays)."""
        return None

    def titled_panel(self, f: Frame, box: Rect) -> Rect:
        """The overlay's panel and title, the title after its quantity's icon when it has one."""
        quantity = self.title_quantity()
        if quantity is None:
            return f.panel(box, self.heading())
        inner = f.panel(box)
        size = f.line_h("h2") - 6
        f.s.blit(icons.icon_for_quantity(quantity, size, f.pal.heading), (inner.x, inner.y + 3))
        h = f.text(Rect(inner.x + size + f.pad, inner.y, inner.w - size - f.pad, inner.h), self.heading(), "h2",
                   f.pal.heading)
        return Rect(inner.x, inner.y + h + f.pad // 2, inner.w, max(0, inner.h - h - f.pad // 2))


class HelpOverlay(Overlay):
    name = "help"

    def __init__(self, app: App, screen: str):
        super().__init__(app)
        self.screen = screen

    def heading(self) -> str:
        return t("help_title", self.lang)

    def items(self, f: Frame, width: int) -> list[Item]:
        lang = self.lang
        out = self.step_items(f, width) + [text_item(f, width, help_screen(self.screen, lang))]
        if self.screen == "debrief":  # the charts' marks, which a crowded screen has no room to explain
            out.append(text_item(f, width, i18n.word("chart", "key", lang), color=f.pal.muted))
        key_w = int(width * 0.36)
        for keys, what in help_lines(lang):
            h = max(f.text_h(keys, key_w - f.pad, "bold"), f.text_h(what, width - key_w))

            def draw(fr: Frame, r: Rect, keys: str = keys, what: str = what) -> None:
                a, b = columns(r, [key_w, r.w - key_w], 0)
                fr.text(Rect(a.x, a.y, a.w - fr.pad, a.h), keys, "bold", fr.pal.heading)
                fr.text(b, what)

            out.append(Item(h, draw))
        return out


    def step_items(self, f: Frame, width: int) -> list[Item]:
        """The tutorial's instruction for the step in play, first: closed once, found again here."""
        from game.ui.views.guide import step_texts  # (guide.py builds on this module's Overlay)

        game = self.app.game
        texts = step_texts(game, game.phase) if game is not None and self.app.nav.screen.name != "title" else []
        if not texts:
            return []
        return [heading_item(f, width, t("guide_title", self.lang))] + \
            [text_item(f, width, tr(text, self.lang)) for text in texts]


class WhyOverlay(Overlay):
    name = "why"

    def __init__(self, app: App, quantity: str, quarter: int | None = None):
        super().__init__(app)
        self.quantity = quantity
        self.quarter = quarter

    @property
    def game(self) -> Game:
        g = self.app.game
        assert g is not None, "why? is opened only during a game"
        return g

    def screen_key(self) -> str:
        return "why"

    def title_quantity(self) -> str | None:
        return self.quantity

    def heading(self) -> str:
        g = self.game
        value = g.values.get(self.quantity, 0)
        if self.quarter is not None:
            return t("why_quarter", self.lang, q=quantity_label(self.quantity, self.lang, self.game.date))
        return t("why_title", self.lang, q=quantity_label(self.quantity, self.lang, self.game.date), v=fmt_num(value))

    def items(self, f: Frame, width: int) -> list[Item]:
        g, lang, q = self.game, self.lang, self.quantity
        quarters = None if self.quarter is None else [self.quarter]
        out: list[Item] = [text_item(f, width, t("why_hint", lang), color=f.pal.muted)]
        parts = DERIVED_PARTS[q][0] if q in DERIVED_PARTS else ()
        if parts:
            names = ", ".join(describe(p, lang) for p in parts)
            out.append(text_item(f, width, t("why_derived", lang, parts=names)))
            for i, p in enumerate(parts):
                out.append(self.part_item(f, width, i, p))
        ranked = g.why(q, quarters)  # for a derived quantity: its parts' causes, shared out
        lines = explain.why_lines(ranked, g.scenario, lang, limit=10)
        if not lines:
            out.append(text_item(f, width, t("why_none", lang)))
        if self.quarter is None and not parts and q in g.values:
            start = g.values[q] - sum(c.change for c in g.why(q))
            label = t("starting_value", lang)
            rows = [(fmt_num(start), label)]
        else:
            rows = []
        for line in lines:
            num, _sep, text = line.partition("  ")
            change = int(num) if num.lstrip("+-").isdigit() else 0
            rows.append((f"{fmt_num(change, sign=True)} {explain.arrows(change)}", text))
        num_w = max((f.text_w(n, "bold") for n, _t in rows), default=0) + 2 * f.pad
        num_w = min(num_w, width // 3)
        for num, text in rows:
            out.append(self.cause_item(f, width, num, text, num_w))
        return out

    def cause_item(self, f: Frame, width: int, num: str, text: str, num_w: int) -> Item:
        h = max(f.text_h(num, num_w - f.pad, "bold"), f.text_h(text, width - num_w))

        def draw(fr: Frame, r: Rect) -> None:
            fr.text(Rect(r.x, r.y, num_w - fr.pad, r.h), num, "bold", fr.pal.heading)
            fr.text(Rect(r.x + num_w, r.y, r.w - num_w, r.h), text)

        return Item(h, draw)

    def part_item(self, f: Frame, width: int, i: int, part: str) -> Item:
        label = quantity_label(part, self.lang, self.game.date)
        value = str(self.game.values[part])
        cid = f"why:part:{i}"
        num_w = f.text_w("-100", "bold") + f.pad
        h = max(f.text_h(label, width - num_w - 2 * f.pad), f.line_h("bold"))

        def draw(fr: Frame, r: Rect) -> None:
            inner = inset(r, fr.pad, 0)
            fr.text(Rect(inner.x, inner.y, inner.w - num_w, inner.h), label, "body", fr.pal.muted)
            fr.why_number(cid, Rect(inner.right - num_w, inner.y, num_w, inner.h), value, part)

        return Item(h, draw, (cid,))


__all__ = ["HelpOverlay", "WhyOverlay", "heading_item"]
