"""Fonts and text: every string the window measures or draws, made safe, wrapped and cached.

``Fonts`` holds the four text styles at the current size. ``safe_text`` is the one path every
drawn or measured text takes; ``wrap`` breaks text into lines in linear time, ``render`` turns a
line into an image and ``fit_prefix`` cuts a line to a width. Wrapped lines and line images are
kept in bounded caches, emptied by ``clear_caches`` when the text size changes.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import unicodedata
from collections import OrderedDict
from typing import Any

import pygame

from game.ui import theme
from game.ui.layout import Rect
from game.ui.theme import Color

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


def one_line(font: pygame.font.Font, text: str, width: int) -> str:
    """``text`` on one line of ``width``: whole, or cut at a word's end with " …" (a class reads
    no half word)."""
    if font.size(text)[0] <= width:
        return text
    cut = fit_prefix(font, text, width, " …")
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" \u00a0\u202f,;:(") + " …"


def clear_caches() -> None:
    global _rendered_px
    _RENDERED.clear()
    _WRAPPED.clear()
    _rendered_px = 0

