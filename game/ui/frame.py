"""One frame of the window, as a view draws itself into it: panels, wrapped text, buttons and
numbers that explain themselves, scrolling lists, dashed lines.

A ``Frame`` records every text line it drew with the box it had to stay in (``texts``), every
control in focus order (``controls``) and every scrolling list (``lists``): the focus and the mouse
(``game.ui.focus``) use them, and the tests check that no text leaves its box and that focus
reaches every control. The frame knows nothing of the app: whoever builds it gives it the focus,
the mouse, what a "why?" number does (``on_why``) and, for each view drawn, that view's scroll
positions (``layer``).

Geometry lives in ``game.ui.layout``, fonts and text in ``game.ui.text``, the records in
``game.ui.controls`` and the lists in ``game.ui.scrolling``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.ui import icons, scrolling
from game.ui.controls import Control, Item, ListInfo, TextRec
from game.ui.layout import Rect, inset
from game.ui.text import Fonts, fit_prefix, render, text_size, wrap
from game.ui.theme import Color, Palette

WhyCallback = Callable[[str, int | None], None]


class Frame:
    def __init__(self, surface: pygame.Surface, pal: Palette, fonts: Fonts, lang: str, *,
                 focus: str | None = None, mouse: tuple[int, int] | None = None,
                 on_why: WhyCallback | None = None):
        self.s = surface
        self.pal = pal
        self.fonts = fonts
        self.lang = lang
        self.focus = focus
        self.mouse = mouse
        self.on_why = on_why
        self.scroll: dict[str, int] = {}  # the scroll positions of the view being drawn
        self.controls: list[Control] = []
        self.texts: list[TextRec] = []
        self.truncated: list[TextRec] = []
        self.icons: list[tuple[str, Rect]] = []  # every icon drawn through ``icon`` (its file's name, where)
        self.lists: dict[str, ListInfo] = {}
        self.group: str | None = None  # the panel being drawn: its controls are one Tab stop
        self.window = surface.get_rect()
        b = fonts.body
        self.pad = max(8, b // 2)  # inner padding
        self.gap = max(10, (b * 3) // 5)  # between blocks
        self.radius = max(4, b // 4)

    def layer(self, scroll: dict[str, int], focus: str | None, *, modal: bool = False) -> None:
        """Draw the next view with its own scroll positions and focus; a modal one (an overlay)
        takes the controls and lists: the view beneath is still seen, and no longer reached."""
        self.scroll = scroll
        self.focus = focus
        if modal:
            self.controls = []
            self.lists = {}

    def line_h(self, style: str = "body") -> int:
        return self.fonts.line_h(style)

    def text_h(self, text: str, width: int, style: str = "body") -> int:
        font = self.fonts.get(style)
        return len(wrap(font, text, width, self.fonts.spec[style])) * font.get_linesize()

    def text_w(self, text: str, style: str = "body") -> int:
        return text_size(self.fonts.get(style), text)[0]

    def button_h(self, label: str, width: int, style: str = "body") -> int:
        return self.text_h(label, width - 2 * self.pad, style) + self.pad

    # --- drawing --------------------------------------------------------------------------
    def fill(self, rect: Rect, color: Color, radius: int = 0, border: Color | None = None, width: int = 1) -> None:
        pygame.draw.rect(self.s, color, rect, 0, radius)
        if border is not None:
            pygame.draw.rect(self.s, border, rect, width, radius)

    def panel(self, rect: Rect, title: str | None = None, fill: Color | None = None) -> Rect:
        """A bordered panel; returns the inner rect (below the title, if any)."""
        self.fill(rect, fill or self.pal.panel, self.radius, self.pal.border)
        inner = inset(rect, self.pad + 2, self.pad)
        if title:
            h = self.text(inner, title, "h2", self.pal.heading)
            inner = Rect(inner.x, inner.y + h + self.pad // 2, inner.w, max(0, inner.h - h - self.pad // 2))
        return inner

    def icon(self, name: str, x: int, y: int, size: int, color: Color | None = None) -> Rect:
        """The icon ``name`` (``game/ui/icons.py``), ``size`` pixels square, its top left at (x, y)."""
        r = Rect(x, y, size, size)
        self.s.blit(icons.icon(name, size, color or self.pal.heading), r)
        self.icons.append((name, r))
        return r

    def quantity_icon(self, quantity: str, x: int, y: int, size: int, color: Color | None = None) -> Rect:
        """A quantity's icon, as ``icon`` draws it (the same picture on every screen)."""
        return self.icon(icons.quantity_icon_name(quantity), x, y, size, color)

    def text(self, rect: Rect, text: str, style: str = "body", color: Color | None = None,
             align: str = "left", box: Rect | None = None, valign: str = "top") -> int:
        """Draw wrapped text at the top of ``rect``; return the height used.

        Lines that do not fit the rect's height are not drawn: the last one shown ends with "…"
        and the frame records the truncation (the tests require none)."""
        font = self.fonts.get(style)
        key = self.fonts.spec[style]
        color = color or self.pal.text
        lines = wrap(font, text, rect.w, key)
        lh = font.get_linesize()
        fits = max(0, rect.h // lh) if rect.h < len(lines) * lh else len(lines)
        if fits < len(lines):
            lines = lines[:fits]
            if lines:
                lines[-1] = fit_prefix(font, lines[-1], rect.w, "…") + "…"
            self.truncated.append(TextRec(text, Rect(rect), Rect(box or rect)))
        y = rect.y
        if valign == "middle":
            y = rect.y + (rect.h - len(lines) * lh) // 2
        for line in lines:
            surf = render(font, line, color, key)
            if align == "center":
                x = rect.x + (rect.w - surf.get_width()) // 2
            elif align == "right":
                x = rect.right - surf.get_width()
            else:
                x = rect.x
            r = Rect(x, y, surf.get_width(), surf.get_height())
            self.s.blit(surf, r)
            self.texts.append(TextRec(line, r, Rect(box or rect)))
            y += lh
        return len(lines) * lh

    def register(self, control: Control) -> None:
        if control.group is None:
            control.group = self.group
        self.controls.append(control)

    def hovered(self, rect: Rect) -> bool:
        return self.mouse is not None and rect.collidepoint(self.mouse)

    def button(self, cid: str, rect: Rect, label: str, action: Callable[[], object] | None, *,
               style: str = "body", kind: str = "button", selected: bool = False, primary: bool = False,
               enabled: bool = True, align: str = "center", icon: str | None = None) -> Rect:
        """A button; with ``icon``, that icon before its words (``icon_w`` is the room it takes)."""
        pal = self.pal
        if primary and enabled:
            fill, ink = pal.primary, pal.primary_text
        elif selected:
            fill, ink = pal.selected, pal.selected_text
        elif self.hovered(rect) and enabled:
            fill, ink = pal.hover, pal.button_text
        else:
            fill, ink = pal.button, pal.button_text if enabled else pal.muted
        border = pal.accent if selected else pal.border
        # a button that cannot be pressed has a dashed edge: in high contrast its grey words
        # alone looked like a working button's white ones
        self.fill(rect, fill, self.radius, border if enabled else None, 2 if selected else 1)
        if not enabled:
            self.dashed_rect(rect, border, 1, 6)
        inner = inset(rect, self.pad, self.pad // 2)
        if icon is not None:
            size = self.line_h(style) - 4
            self.icon(icon, inner.x, inner.y + (inner.h - size) // 2, size, ink)
            inner = Rect(inner.x + self.icon_w(style), inner.y, max(0, inner.w - self.icon_w(style)), inner.h)
        self.text(inner, label, style, ink, align=align, valign="middle")
        self.register(Control(cid, Rect(rect), action if enabled else None, kind, label))
        return rect

    def icon_w(self, style: str = "body") -> int:
        """The room an icon takes before a line of ``style``: the icon and a space."""
        return self.line_h(style) - 4 + self.pad // 2

    def rich_h(self, parts: Sequence[tuple[str, str]], width: int) -> int:
        """Height of a button holding several (text, style) blocks."""
        inner = width - 2 * self.pad
        return sum(self.text_h(text, inner, style) for text, style in parts if text) + self.pad + 4

    def rich_button(self, cid: str, rect: Rect, parts: Sequence[tuple[str, str, Color | None]],
                    action: Callable[[], object] | None, *, selected: bool = False, kind: str = "button",
                    enabled: bool = True, register: bool = True) -> Rect:
        """A button holding several blocks of text (a title, a line of detail…)."""
        pal = self.pal
        if selected:
            fill = pal.selected
        elif self.hovered(rect) and enabled:
            fill = pal.hover
        else:
            fill = pal.button
        self.fill(rect, fill, self.radius, pal.accent if selected else pal.border, 3 if selected else 1)
        if selected:
            pygame.draw.rect(self.s, pal.accent, Rect(rect.x, rect.y, max(6, self.pad // 2), rect.h), 0,
                             self.radius)
        inner = inset(rect, self.pad, self.pad // 2 + 2)
        y = inner.y
        for text, style, color in parts:
            if not text:
                continue
            h = self.text_h(text, inner.w, style)
            ink = color or (pal.selected_text if selected else pal.button_text)
            self.text(Rect(inner.x, y, inner.w, min(h, inner.bottom - y)), text, style, ink, box=rect)
            y += h
        if register:
            self.register(Control(cid, Rect(rect), action if enabled else None, kind))
        return rect

    def why_number(self, cid: str, rect: Rect, text: str, quantity: str, *, style: str = "bold",
                   color: Color | None = None, align: str = "right", quarter: int | None = None) -> Rect:
        """A number the player can select to see what moved it (dotted underline marks it)."""
        font = self.fonts.get(style)
        w = min(rect.w, text_size(font, text)[0])
        if align == "right":
            r = Rect(rect.right - w, rect.y, w, font.get_linesize())
        elif align == "center":
            r = Rect(rect.x + (rect.w - w) // 2, rect.y, w, font.get_linesize())
        else:
            r = Rect(rect.x, rect.y, w, font.get_linesize())
        hit = r.inflate(6, 2).clip(rect) if rect.h else r
        if self.hovered(hit):
            self.fill(hit, self.pal.hover, 3)
        self.text(r, text, style, color or self.pal.text, align="left", box=rect)
        y = r.y + font.get_ascent() + 3
        for x in range(r.x, r.right, 4):
            pygame.draw.line(self.s, self.pal.muted, (x, y), (min(x + 1, r.right), y), 1)
        on_why = self.on_why
        action = None if on_why is None else (lambda: on_why(quantity, quarter))
        # numbers are never Tab stops of their own: those outside a panel make one stop together
        self.register(Control(cid, hit, action, "number", quantity, group=self.group or "numbers"))
        return r


    def scroll_list(self, lid: str, rect: Rect, items: Sequence[Item], gap: int | None = None) -> None:
        """A list that scrolls by whole items (see ``game.ui.scrolling``)."""
        scrolling.scroll_list(self, lid, rect, items, gap)

    def draw_focus(self, cid: str | None) -> None:
        """The ring around the focused control, where it is drawn."""
        for c in self.controls:
            if c.id == cid and c.rect is not None:
                pygame.draw.rect(self.s, self.pal.focus, c.rect.inflate(8, 8), 4, self.radius + 3)
                return

    # --- shapes ---------------------------------------------------------------------------
    def dashed_rect(self, r: Rect, color: Color, width: int = 2, dash: int = 5) -> None:
        """``r``'s edges in dashes (a disabled button, a relation that changed side)."""
        right, bottom = r.right - 1, r.bottom - 1
        corners = [(r.x, r.y), (right, r.y), (right, bottom), (r.x, bottom)]
        for a, b in zip(corners, corners[1:] + corners[:1], strict=True):
            self.dashed_line(a, b, color, width, dash)

    def dashed_line(self, a: tuple[float, float], b: tuple[float, float], color: Color, width: int, dash: int) -> None:
        ax, ay = a
        bx, by = b
        length = max(1.0, ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5)
        n = int(length // (2 * dash)) + 1
        for i in range(n):
            t0 = (2 * i * dash) / length
            t1 = min(1.0, (2 * i * dash + dash) / length)
            if t0 >= 1:
                break
            p0 = (ax + (bx - ax) * t0, ay + (by - ay) * t0)
            p1 = (ax + (bx - ax) * t1, ay + (by - ay) * t1)
            pygame.draw.line(self.s, color, p0, p1, width)
