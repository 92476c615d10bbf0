"""A small immediate-mode layout and drawing layer: rects from the window size, wrapped text,
controls with a focus ring, and vertical lists that scroll by whole items.

Each frame, a view draws itself into a ``Frame``. The frame records every text line it drew with
the box it had to stay in (``texts``), every control in focus order (``controls``) and every
scrolling list (``lists``): the app uses them for mouse and keyboard, the tests to check that no
text leaves its box and that focus reaches every control.
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pygame

from game.ui import theme
from game.ui.theme import Color, Palette

if TYPE_CHECKING:
    from game.ui.app import App

Rect = pygame.Rect

# --- rect helpers ---------------------------------------------------------------------------


def inset(r: Rect, dx: int, dy: int | None = None) -> Rect:
    dy = dx if dy is None else dy
    return Rect(r.x + dx, r.y + dy, max(0, r.w - 2 * dx), max(0, r.h - 2 * dy))


def columns(r: Rect, weights: Sequence[float], gap: int) -> list[Rect]:
    """Split ``r`` left to right in proportion to ``weights``."""
    total = sum(weights)
    free = r.w - gap * (len(weights) - 1)
    out, x = [], r.x
    for i, w in enumerate(weights):
        width = free - (x - r.x - gap * i) if i == len(weights) - 1 else int(free * w / total)
        out.append(Rect(x, r.y, width, r.h))
        x += width + gap
    return out


def rows(r: Rect, heights: Sequence[int | None], gap: int) -> list[Rect]:
    """Split ``r`` top to bottom: fixed heights, and ``None`` rows sharing what is left."""
    fixed = sum(h for h in heights if h is not None) + gap * (len(heights) - 1)
    flex = [h for h in heights if h is None]
    share = max(0, r.h - fixed) // len(flex) if flex else 0
    out, y = [], r.y
    for h in heights:
        hh = share if h is None else h
        out.append(Rect(r.x, y, r.w, hh))
        y += hh + gap
    return out


def take_top(r: Rect, h: int, gap: int = 0) -> tuple[Rect, Rect]:
    h = min(h, r.h)
    return Rect(r.x, r.y, r.w, h), Rect(r.x, r.y + h + gap, r.w, max(0, r.h - h - gap))


def take_bottom(r: Rect, h: int, gap: int = 0) -> tuple[Rect, Rect]:
    h = min(h, r.h)
    return Rect(r.x, r.bottom - h, r.w, h), Rect(r.x, r.y, r.w, max(0, r.h - h - gap))


def take_right(r: Rect, w: int, gap: int = 0) -> tuple[Rect, Rect]:
    w = min(w, r.w)
    return Rect(r.right - w, r.y, w, r.h), Rect(r.x, r.y, max(0, r.w - w - gap), r.h)


# --- fonts and text -------------------------------------------------------------------------

_FONTS: dict[tuple[int, bool], pygame.font.Font] = {}
_RENDERED: OrderedDict[tuple[Any, ...], pygame.Surface] = OrderedDict()
_WRAPPED: OrderedDict[tuple[Any, ...], list[str]] = OrderedDict()
_MISSING: dict[Any, dict[str, bool]] = {}  # font key -> character -> the font lacks its glyph
_CACHE_MAX = 3000


def get_font(size: int, bold: bool = False) -> pygame.font.Font:
    key = (size, bold)
    font = _FONTS.get(key)
    if font is None:
        path = theme.font_path(bold)
        font = pygame.font.Font(str(path) if path else None, size)
        _FONTS[key] = font
    return font


class Fonts:
    """The four text styles at the current size: body, bold, h2, h1 (never smaller than body)."""

    def __init__(self, body: int):
        self.body = body
        self.spec = {"body": (body, False), "bold": (body, True), "h2": (round(body * 1.2), True),
                     "h1": (round(body * 1.5), True)}

    def get(self, style: str) -> pygame.font.Font:
        size, bold = self.spec[style]
        return get_font(size, bold)

    def line_h(self, style: str = "body") -> int:
        return self.get(style).get_linesize()

    def px(self, style: str) -> int:
        return self.spec[style][0]


def clean(text: str) -> str:
    """Text safe to measure and draw: no NUL or other control characters (newlines stay), no
    invisible format characters (zero-width spaces, soft hyphens, direction marks)."""
    if text.isprintable():
        return text
    out = []
    for ch in str(text):
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        elif unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append(ch)
    return "".join(out)


def _glyphs(font: pygame.font.Font, text: str, key: Any) -> str:
    """Characters the font cannot draw become U+FFFD (or '?'), never an empty box or a crash."""
    missing = _MISSING.setdefault(key if key is not None else id(font), {})
    out = None
    for i, ch in enumerate(text):
        if ch < "\u0250" or ch == "\n":
            continue
        bad = missing.get(ch)
        if bad is None:
            bad = missing[ch] = _lacks(font, ch, missing)
        if bad:
            if out is None:
                out = list(text)
            out[i] = _substitute(font, missing)
    return text if out is None else "".join(out)


_NOTDEF = "\U000ffffd"  # a private-use character no font draws: what a missing glyph looks like


def _lacks(font: pygame.font.Font, ch: str, missing: dict[str, bool]) -> bool:
    """True when the font would draw ``ch`` as its empty box (the .notdef glyph)."""
    try:
        metrics = font.metrics(ch)[0]
        if metrics is None:
            return True
        if metrics != font.metrics(_NOTDEF)[0]:
            return False
        a, b = font.render(ch, True, (0, 0, 0)), font.render(_NOTDEF, True, (0, 0, 0))
        return a.get_size() == b.get_size() and pygame.image.tobytes(a, "RGBA") == pygame.image.tobytes(b, "RGBA")
    except (pygame.error, ValueError, IndexError, UnicodeError):
        return True


def _substitute(font: pygame.font.Font, missing: dict[str, bool]) -> str:
    if "\ufffd" not in missing:
        missing["\ufffd"] = _lacks(font, "\ufffd", missing)
    return "?" if missing["\ufffd"] else "\ufffd"


def safe_text(font: pygame.font.Font, text: str, key: Any = None) -> str:
    """The one path every drawn or measured text takes."""
    return _glyphs(font, clean(text), key)


def wrap(font: pygame.font.Font, text: str, width: int, key: Any = None) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (long words are cut).

    Linear in the text's length: a word too long for a line is cut by a binary search over at
    most ``width`` characters (no glyph is narrower than a pixel), never by trimming one by one."""
    ck = (key if key is not None else id(font), text, width)
    hit = _WRAPPED.get(ck)
    if hit is not None:
        return hit
    text = safe_text(font, text, key)
    lines: list[str] = []
    width = max(1, width)
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            cand = word if not line else line + " " + word
            if len(cand) <= width and font.size(cand)[0] <= width:
                line = cand
                continue
            if line:
                lines.append(line)
            while len(word) > 1 and (len(word) > width or font.size(word)[0] > width):
                lo, hi = 1, min(len(word) - 1, width)  # the longest prefix that fits, at least 1
                while lo < hi:
                    mid = (lo + hi + 1) // 2
                    if font.size(word[:mid])[0] <= width:
                        lo = mid
                    else:
                        hi = mid - 1
                lines.append(word[:lo])
                word = word[lo:]
            line = word
        lines.append(line)
    _WRAPPED[ck] = lines
    if len(_WRAPPED) > _CACHE_MAX:
        _WRAPPED.popitem(last=False)
    return lines


def render(font: pygame.font.Font, text: str, color: Color, key: Any) -> pygame.Surface:
    ck = (key, text, color)
    surf = _RENDERED.get(ck)
    if surf is None:
        shown = safe_text(font, text, key).replace("\n", " ")
        if not shown or font.size(shown)[0] == 0:
            # pygame refuses to render text of zero width: an empty surface of the line's height
            surf = pygame.Surface((1, font.get_linesize()), pygame.SRCALPHA)
        else:
            surf = font.render(shown, True, color)
        _RENDERED[ck] = surf
        if len(_RENDERED) > _CACHE_MAX:
            _RENDERED.popitem(last=False)
    else:
        _RENDERED.move_to_end(ck)
    return surf


def clear_caches() -> None:
    _RENDERED.clear()
    _WRAPPED.clear()


# --- records --------------------------------------------------------------------------------


@dataclass
class Control:
    id: str
    rect: Rect | None  # None: in a list, scrolled out of view
    action: Callable[[], None] | None
    kind: str = "button"
    label: str = ""
    scroll: tuple[str, int] | None = None  # (list id, item index) when hidden in a list


@dataclass
class TextRec:
    text: str
    rect: Rect
    box: Rect


@dataclass
class ListInfo:
    id: str
    rect: Rect
    first: int
    shown: int
    total: int
    item_ids: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class Item:
    """One entry of a scrolling list: its height, how to draw it, and the controls it holds."""

    height: int
    draw: Callable[[Frame, Rect], None]
    ids: tuple[str, ...] = ()
    tight: bool = False  # no gap after it (the lines of one paragraph)


# --- the frame --------------------------------------------------------------------------------


class Frame:
    def __init__(self, app: App, surface: pygame.Surface, pal: Palette, fonts: Fonts, lang: str):
        self.app = app
        self.s = surface
        self.pal = pal
        self.fonts = fonts
        self.lang = lang
        self.focus = app.focus_id
        self.mouse = app.mouse_pos
        self.controls: list[Control] = []
        self.texts: list[TextRec] = []
        self.truncated: list[TextRec] = []
        self.lists: dict[str, ListInfo] = {}
        self.window = surface.get_rect()
        b = fonts.body
        self.pad = max(8, b // 2)  # inner padding
        self.gap = max(10, (b * 3) // 5)  # between blocks
        self.radius = max(4, b // 4)

    # --- measuring ------------------------------------------------------------------------
    def line_h(self, style: str = "body") -> int:
        return self.fonts.line_h(style)

    def text_h(self, text: str, width: int, style: str = "body") -> int:
        font = self.fonts.get(style)
        return len(wrap(font, text, width, self.fonts.spec[style])) * font.get_linesize()

    def text_w(self, text: str, style: str = "body") -> int:
        font = self.fonts.get(style)
        return font.size(safe_text(font, text, style))[0]

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
                last = lines[-1]
                while last and font.size(last + "…")[0] > rect.w:
                    last = last[:-1]
                lines[-1] = last + "…"
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
        self.controls.append(control)

    def hovered(self, rect: Rect) -> bool:
        return self.mouse is not None and rect.collidepoint(self.mouse)

    def button(self, cid: str, rect: Rect, label: str, action: Callable[[], None] | None, *,
               style: str = "body", kind: str = "button", selected: bool = False, primary: bool = False,
               enabled: bool = True, align: str = "center") -> Rect:
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
        self.fill(rect, fill, self.radius, border, 2 if selected else 1)
        inner = inset(rect, self.pad, self.pad // 2)
        self.text(inner, label, style, ink, align=align, valign="middle")
        self.register(Control(cid, Rect(rect), action if enabled else None, kind, label))
        return rect

    def rich_h(self, parts: Sequence[tuple[str, str]], width: int) -> int:
        """Height of a button holding several (text, style) blocks."""
        inner = width - 2 * self.pad
        return sum(self.text_h(text, inner, style) for text, style in parts if text) + self.pad + 4

    def rich_button(self, cid: str, rect: Rect, parts: Sequence[tuple[str, str, Color | None]],
                    action: Callable[[], None] | None, *, selected: bool = False, kind: str = "button",
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
        w = min(rect.w, font.size(text)[0])
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
        app = self.app
        self.register(Control(cid, hit, lambda: app.open_why(quantity, quarter), "number", quantity))
        return r

    # --- lists ----------------------------------------------------------------------------
    def scroll_list(self, lid: str, rect: Rect, items: Sequence[Item], gap: int | None = None) -> None:
        """Draw as many whole items as fit from the view's scroll position; the others' controls
        stay in the focus order (focusing one scrolls it into view)."""
        gap = self.gap // 2 if gap is None else gap
        n = len(items)
        total_h = sum(it.height + (0 if it.tight else gap) for it in items)
        area = Rect(rect)
        indicator_h = 0
        if total_h > rect.h:
            indicator_h = self.line_h() + 2
            area = Rect(rect.x, rect.y, rect.w, max(0, rect.h - indicator_h))
        scroll = self.app.view_scroll()
        first = max(0, min(scroll.get(lid, 0), max(0, n - 1)))
        # keep the focused item in view
        for k, it in enumerate(items):
            if self.focus is not None and self.focus in it.ids:
                if k < first:
                    first = k
                else:
                    y = sum(items[j].height + (0 if items[j].tight else gap) for j in range(first, k + 1)) - gap
                    while y > area.h and first < k:
                        y -= items[first].height + (0 if items[first].tight else gap)
                        first += 1
                break
        scroll[lid] = first
        y = area.y
        shown = 0
        stop = False
        for k, it in enumerate(items):
            h = it.height
            if not shown and h > area.h:
                h = area.h  # an item taller than the list is shown clipped (its text truncates)
            if k < first or stop or y + h > area.bottom:
                stop = stop or k >= first
                for cid in it.ids:
                    self.register(Control(cid, None, None, "hidden", scroll=(lid, k)))
                continue
            it.draw(self, Rect(area.x, y, area.w, h))
            y += h + (0 if it.tight else gap)
            shown += 1
        self.lists[lid] = ListInfo(lid, Rect(rect), first, shown, n, [it.ids for it in items])
        if indicator_h:
            above, below = first, n - first - shown
            parts = []
            if above:
                parts.append(f"▲ {above}")
            if below:
                parts.append(f"▼ {below}")
            more = "more" if self.lang != "fr" else "de plus"
            label = "  ".join(parts) + f"  {more} — PgUp/PgDn"
            for cand in (label, "  ".join(parts) + f"  {more}", " ".join(parts)):
                label = cand
                if self.text_w(cand) <= rect.w:
                    break
            r = Rect(rect.x, rect.bottom - indicator_h + 2, rect.w, indicator_h - 2)
            self.text(r, label, "body", self.pal.muted, align="right")

    # --- shapes ---------------------------------------------------------------------------
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
