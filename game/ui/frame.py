"""A small immediate-mode layout and drawing layer: rects from the window size, wrapped text,
controls with a focus ring, and vertical lists that scroll by whole items.

Each frame, a view draws itself into a ``Frame``. The frame records every text line it drew with
the box it had to stay in (``texts``), every control in focus order (``controls``) and every
scrolling list (``lists``): the app uses them for mouse and keyboard, the tests to check that no
text leaves its box and that focus reaches every control.
"""

from __future__ import annotations

import bisect
import functools
import itertools
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
#
# Every text the window measures or draws goes through ``safe_text``: pygame raises on NUL
# ("A null character was found"), on text of zero width ("Text has zero width": a lone U+200B,
# soft hyphen or direction mark) and on lone surrogates, and draws an empty box for a character
# the font lacks. ``wrap`` and ``render`` call it themselves; views only use those and ``Frame``.

_FONTS: dict[tuple[int, bool], pygame.font.Font] = {}
_RENDERED: OrderedDict[tuple[Any, ...], pygame.Surface] = OrderedDict()
_WRAPPED: OrderedDict[tuple[Any, ...], list[str]] = OrderedDict()
_CACHE_MAX = 3000
_RENDERED_PX_MAX = 8_000_000  # about 32 MB of cached line images
_rendered_px = 0


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


REPLACEMENT = "\ufffd"
# Line and paragraph separators of every kind end a line, like "\n".
_LINE_BREAKS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# Format characters (Cf) that are drawn (Arabic number signs and the like); every other one is
# invisible and changes nothing here (SDL_ttf neither reorders bidi text nor hyphenates): dropped.
_VISIBLE_CF = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd")
# Invisible characters that are not Cf (variation selectors, fillers): dropped if the font lacks them.
_IGNORABLE = frozenset(chr(c) for c in [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F,
                                        0x3164, 0xFFA0, *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)])
_NO_BREAK_SPACES = frozenset("\u00a0\u2007\u202f")


class _CleanTable(dict[int, Any]):
    """A ``str.translate`` table that decides each character once, on first sight."""

    def __missing__(self, cp: int) -> str | None:
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if ch == "\n" or ch in _LINE_BREAKS:
            out: str | None = "\n"
        elif ch == "\t":
            out = " "
        elif cat == "Cc":
            out = None  # NUL, escapes, bells: dropped
        elif cat == "Cf":
            out = ch if ch in _VISIBLE_CF else None
        elif cat in ("Cs", "Co", "Cn"):
            out = REPLACEMENT  # lone surrogates, private use, unassigned: something was there
        else:
            out = ch
        self[cp] = out
        return out


_CLEAN = _CleanTable()


@functools.lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """Text any font may measure: no control characters (newlines kept, other line breaks made
    newlines, tabs made spaces), no invisible format characters, no lone surrogates."""
    if text.isprintable():
        return text
    return text.replace("\r\n", "\n").translate(_CLEAN)


_NOTDEF = "\U000ffffd"  # a private-use character no font draws: what a missing glyph looks like


def _lacks(font: pygame.font.Font, ch: str) -> bool:
    """True when the font would draw ``ch`` as its empty box (its .notdef glyph).

    ``Font.metrics`` gives the box's metrics here rather than None, so a character whose metrics
    match the box's is rendered and compared pixel by pixel with a character no font has."""
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


class _GlyphTable(dict[int, Any]):
    """Per font: characters it lacks become a visible substitute (U+FFFD, or '?'), never a box."""

    def __init__(self, font: pygame.font.Font):
        super().__init__()
        self.font = font
        self.substitute = "?" if _lacks(font, REPLACEMENT) else REPLACEMENT

    def __missing__(self, cp: int) -> str | None:
        ch = chr(cp)
        out: str | None = ch
        if cp > 0x7E and ch != REPLACEMENT and _lacks(self.font, ch):
            if ch in _IGNORABLE:
                out = None
            elif ch in _NO_BREAK_SPACES:
                out = "\u00a0" if not _lacks(self.font, "\u00a0") else " "
            elif unicodedata.category(ch) == "Zs":
                out = " "
            else:
                out = self.substitute
        self[cp] = out
        return out


_GLYPHS: dict[tuple[Any, ...], _GlyphTable] = {}


def _glyph_table(font: pygame.font.Font) -> _GlyphTable:
    # Keyed by what the font is, not by the object: a verdict holds for every copy of the face.
    key = (font.name, font.style_name, font.point_size)
    table = _GLYPHS.get(key)
    if table is None:
        table = _GLYPHS[key] = _GlyphTable(font)
    return table


def safe_text(font: pygame.font.Font, text: str, key: Any = None) -> str:
    """The one path every drawn or measured text takes: ``clean``, then glyphs the font lacks
    replaced. Idempotent; ``key`` is accepted for the callers' convenience and not needed."""
    text = clean(text)
    if text.isascii():
        return text  # printable ASCII is in every font we ship or fall back to
    return text.translate(_glyph_table(font))


def text_size(font: pygame.font.Font, text: str) -> tuple[int, int]:
    """Width and height of ``text`` drawn on one line, measured safely."""
    return font.size(safe_text(font, text))[0], font.get_linesize()


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def _cluster_end(para: str, i: int, j: int) -> int:
    """Where to cut a word that does not fit between ``i`` and ``j``: never before a combining
    mark (it stays with its letter), and after at least one whole character with its marks."""
    n = len(para)
    k = j
    while i < k < n and _is_mark(para[k]):
        k -= 1
    if k <= i:
        k = i + 1
        while k < n and _is_mark(para[k]):
            k += 1
    return k


def _wrap_para(font: pygame.font.Font, para: str, width: int) -> list[str]:
    """Greedy line breaking in linear time: each character's advance is read once, line widths
    come from running sums, and each line is measured once to correct for kerning."""
    metrics = font.metrics(para)
    if len(metrics) == len(para):
        advances = [max(0, m[4]) if m else 0 for m in metrics]
    else:  # never seen; measure one character at a time rather than guess
        advances = [font.size(ch)[0] for ch in para]
    run = list(itertools.accumulate(advances, initial=0))
    n = len(para)
    lines: list[str] = []
    i = 0
    while True:
        while i < n and para[i] == " ":
            i += 1  # spaces at a break are not drawn
        if i >= n:
            break
        budget, end = width, n
        while True:
            j = bisect.bisect_right(run, run[i] + budget, i, end + 1) - 1  # [i, j) fits, by advances
            if j >= n:
                cut = nxt = n
            else:
                s = para.rfind(" ", i, j + 1)  # a space just past the fit may break the line too
                if s > i:
                    cut, nxt = s, s + 1
                else:
                    cut = nxt = _cluster_end(para, i, j)
            line = para[i:cut].rstrip(" ")
            over = font.size(line)[0] - width
            if over <= 0 or cut <= _cluster_end(para, i, i):
                break  # fits, or is one character too wide for any line
            budget, end = max(0, budget - over), cut - 1  # kerning made it wider: take less
        lines.append(line)
        i = nxt
    return lines or [""]


def wrap(font: pygame.font.Font, text: str, width: int, key: Any = None) -> list[str]:
    """Break ``text`` into lines no wider than ``width``, at spaces, and inside a word too long
    for a line; the lines are safe text. Linear in the text's length, and cached by (font
    ``key``, text, width) in a bounded LRU, so that redrawing costs a lookup."""
    ck = (key if key is not None else (font.name, font.style_name, font.point_size), text, width)
    hit = _WRAPPED.get(ck)
    if hit is not None:
        _WRAPPED.move_to_end(ck)
        return hit
    width = max(1, width)
    lines: list[str] = []
    for para in safe_text(font, text).split("\n"):
        lines += _wrap_para(font, para, width) if para else [""]
    _WRAPPED[ck] = lines
    if len(_WRAPPED) > _CACHE_MAX:
        _WRAPPED.popitem(last=False)
    return lines


def render(font: pygame.font.Font, text: str, color: Color, key: Any) -> pygame.Surface:
    """One line of text as an image (cached), whatever the text holds."""
    global _rendered_px
    ck = (key, text, color)
    surf = _RENDERED.get(ck)
    if surf is not None:
        _RENDERED.move_to_end(ck)
        return surf
    shown = safe_text(font, text).replace("\n", " ")
    surf = None
    w = font.size(shown)[0] if shown else 0
    if w > 0:
        try:
            surf = font.render(shown, True, color)
        except pygame.error:  # e.g. a line wider than SDL allows: draw nothing rather than crash
            surf = None
        h = font.get_height()
        if surf is not None and (surf.get_width() > w or surf.get_height() > h):
            # Some glyphs (Arabic descenders, stacked marks) reach past the font's box, and SDL_ttf
            # then grows the image: keep it to the measured line, as wrapping and layout assume.
            surf = surf.subsurface(Rect(0, 0, min(w, surf.get_width()), min(h, surf.get_height()))).copy()
    if surf is None:
        # pygame refuses text of zero width: an empty image of the line's height instead
        surf = pygame.Surface((1, font.get_linesize()), pygame.SRCALPHA)
    _RENDERED[ck] = surf
    _rendered_px += surf.get_width() * surf.get_height()
    while len(_RENDERED) > _CACHE_MAX or (_rendered_px > _RENDERED_PX_MAX and len(_RENDERED) > 1):
        old = _RENDERED.popitem(last=False)[1]
        _rendered_px -= old.get_width() * old.get_height()
    return surf


def fit_prefix(font: pygame.font.Font, text: str, width: int, suffix: str = "") -> str:
    """The longest start of (safe) ``text`` that, followed by ``suffix``, fits ``width``."""
    text = safe_text(font, text)
    lo, hi = 0, len(text)
    while lo < hi:  # binary search: each probe measures at most one line
        mid = (lo + hi + 1) // 2
        if font.size(text[:mid] + suffix)[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    while 0 < lo < len(text) and _is_mark(text[lo]):
        lo -= 1  # keep a letter's marks with it
    return text[:lo]


def clear_caches() -> None:
    global _rendered_px
    _RENDERED.clear()
    _WRAPPED.clear()
    _rendered_px = 0


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
