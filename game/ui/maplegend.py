"""The map's legend: the violence bins (colour and hatching), then each marker with its meaning,
laid out left to right and wrapped to the width it is given."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game import i18n
from game.ui import icons, mappaint, mapsymbols
from game.ui.frame import Frame
from game.ui.layout import Rect

VIOLENCE_BINS = ((0, 19), (20, 39), (40, 59), (60, 79), (80, 100))

def word(key: str, lang: str) -> str:
    """The legend's words: the catalogues' ``map_<key>``."""
    return i18n.text(f"map_{key}", lang)


Entry = tuple[int, Callable[[Frame, Rect], None], str]  # symbol width, how to draw it, words


def _entries(f: Frame, lang: str) -> list[Entry]:
    lh = f.line_h()
    sym = lh - 6
    un = "45"
    un_w = f.text_w(un) + f.pad

    def un_chip(fr: Frame, r: Rect) -> None:
        chip = Rect(r.x, r.y, un_w, lh)
        fr.fill(chip, fr.pal.primary, 4)
        fr.text(chip, un, "body", fr.pal.primary_text, align="center")

    def shape(kind: str) -> Callable[[Frame, Rect], None]:
        return lambda fr, r: mapsymbols.draw_symbol(fr.s, kind, (r.x + sym // 2, r.y + lh // 2), sym, fr)

    def arrows(fr: Frame, r: Rect) -> None:
        mapsymbols.draw_arrow(fr.s, (r.x + sym // 4 + 2, r.y + lh // 2), sym // 2, True, fr.pal.no)
        mapsymbols.draw_arrow(fr.s, (r.x + sym, r.y + lh // 2), sym // 2, False, fr.pal.yes)

    def river(fr: Frame, r: Rect) -> None:
        water = mappaint.water_colour(fr.pal)
        y = r.y + lh // 2
        pygame.draw.line(fr.s, water, (r.x, y + 3), (r.x + sym + 6, y - 3), 3)

    return [(un_w, un_chip, word("un", lang)), (sym, shape("french"), word("french", lang)),
            (sym, shape("regional"), word("regional", lang)), (sym, shape("armed"), word("armed", lang)),
            (sym + sym // 2 + 4, arrows, word("change", lang)), (sym + 6, river, word("delta", lang))]


def _flow(f: Frame, width: int, lang: str) -> list[tuple[int, int, int, int, Entry]]:
    """Where each entry goes: (x, y, text width, height) from the legend's top left. Entries share
    a row while they fit; one too long for the width wraps its words under itself."""
    out: list[tuple[int, int, int, int, Entry]] = []
    x = y = row_h = 0
    lh = f.line_h()
    for e in _entries(f, lang):
        room = max(lh, width - e[0] - 4)
        tw = min(f.text_w(e[2]), room)
        if x and x + e[0] + 4 + tw > width:
            x, y, row_h = 0, y + row_h + 2, 0
        h = max(lh, f.text_h(e[2], tw))
        out.append((x, y, tw, h, e))
        row_h = max(row_h, h)
        x += e[0] + 4 + tw + 2 * f.pad
    return out


def _ramp_w(f: Frame, width: int) -> int:
    """Width of one bin's swatch: the five in a row, each wide enough for its tick's number."""
    return min(width // 5, 3 * f.line_h())


def ticks(f: Frame, r: Rect, x0: int, sw: int) -> list[tuple[str, int, int]]:
    """The bounds under the ramp, (text, x, width): a tick that would touch the one before it is
    left out, and the last (100) is kept over the one it would touch."""
    out: list[tuple[str, int, int]] = []
    for i, tick in enumerate(("0", "20", "40", "60", "80", "100")):
        tw = f.text_w(tick)
        tx = max(r.x, min(r.right - tw, x0 + i * sw - tw // 2))
        while out and out[-1][1] + out[-1][2] + 4 > tx:
            if tick != "100":
                break
            out.pop()
        if not out or out[-1][1] + out[-1][2] + 4 <= tx:
            out.append((tick, tx, tw))
    return out


def legend_h(f: Frame, width: int, lang: str) -> int:
    flow_h = max(y + h for _x, y, _tw, h, _e in _flow(f, width, lang))
    return f.line_h("bold") + (f.line_h() - 6) + f.line_h() + f.pad + flow_h


def _title_icon(f: Frame, x: int, y: int, room: int, title: str) -> int:
    """The violence icon before the legend's title, where the line has room for both; its width."""
    size = f.line_h("bold")
    if f.text_w(title, "bold") + size + f.pad // 3 > room:
        return 0
    f.s.blit(icons.icon_for_quantity("violence.mean", max(8, size - 4), f.pal.heading), (x, y + 2))
    return size + f.pad // 3


def draw_legend(f: Frame, r: Rect, title: str, lang: str) -> None:
    pal = f.pal
    iw = _title_icon(f, r.x, r.y, r.w, title)
    y = r.y + f.text(Rect(r.x + iw, r.y, r.w - iw, f.line_h("bold")), title, "bold", pal.heading)
    lh = f.line_h()
    # a ramp: five swatches side by side (colour and hatching), the bins' bounds beneath
    x0 = r.x + f.text_w("0") // 2 + 1
    sw = _ramp_w(f, r.right - f.text_w("100") // 2 - 2 - x0)
    sh = lh - 6
    for i in range(len(VIOLENCE_BINS)):
        mappaint.hatch_swatch(f.s, Rect(x0 + i * sw, y, sw, sh), pal.violence[i], i, pal.map_line)
    y += sh
    for tick, tx, tw in ticks(f, r, x0, sw):
        f.text(Rect(tx, y, tw, lh), tick, "body", pal.text)
    y += lh + f.pad
    for x, dy, tw, h, (sym_w, draw, words) in _flow(f, r.w, lang):
        cell = Rect(r.x + x, y + dy, sym_w, lh)
        draw(f, cell)
        f.text(Rect(cell.right + 4, cell.y, tw, h), words, "body", pal.muted)


def strip_h(f: Frame, width: int, title: str, button_w: int) -> int:
    """Height of the compact legend: the violence ramp on one line, with the button that opens the
    whole legend beside it, or beneath it when the width is short."""
    one = f.line_h("bold") + f.pad
    return one if strip_w(f, title) + f.pad + button_w <= width else 2 * one + f.pad


def strip_w(f: Frame, title: str) -> int:
    return f.line_h("bold") + f.pad // 3 + f.text_w(title, "bold") + f.pad + 5 * (f.line_h() * 3 // 4)


def draw_strip(f: Frame, r: Rect, title: str) -> None:
    """The compact legend on the first line of ``r``: the violence title and its five swatches,
    from the lowest bin to the highest (the whole legend, with the bins' bounds, is a button away)."""
    pal = f.pal
    lb = f.line_h("bold")
    sw, sh = f.line_h() * 3 // 4, f.line_h() - 6
    iw = _title_icon(f, r.x, r.y + f.pad // 2, r.w - 5 * sw - f.pad, title)
    tw = min(f.text_w(title, "bold"), r.w - 5 * sw - f.pad - iw)
    f.text(Rect(r.x + iw, r.y + f.pad // 2, tw, lb), title, "bold", pal.heading)
    x0 = r.x + iw + tw + f.pad
    for i in range(len(VIOLENCE_BINS)):
        mappaint.hatch_swatch(f.s, Rect(x0 + i * sw, r.y + f.pad // 2 + (lb - sh) // 2, sw, sh), pal.violence[i], i,
                              pal.map_line)
