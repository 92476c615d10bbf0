"""The Council's horseshoe table: who sits where, the President and the penholder, the flags, and
the seats drawn with each member's vote.

The fifteen sit around a U open toward the room: a row at the head, the President in its middle,
and two arms down the sides. The space inside the U holds what the room looks at: the prediction,
or the count as the votes come in. Members sit in English alphabetical order, clockwise from the
President, as they do in the chamber. When the window is too small for the U at the chosen text
size, the seats fall back to rows (``grid``), all fifteen still shown. The sentences the room
reads (the verdict that names the vetoes) are worded here too.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pygame

from game import resources
from game.engine import council
from game.engine.defs import Member, tr
from game.ui.controls import Control
from game.ui.frame import Frame
from game.ui.layout import Rect
from game.ui.theme import Color
from game.ui.views.base import View

# France held the pen on Mali through the mission's life (2013-2023): the player's seat.
PENHOLDER = "france"
# The Council's presidency passes each month to the next member in English alphabetical order.
# January's President of each year anchors the rotation (the months follow from the members);
# the chain 2013-2023 holds month by month (e.g. Malaysia in June 2015, Estonia in June 2021).
JANUARY_PRESIDENT: dict[int, str] = {
    2013: "pakistan", 2014: "jordan", 2015: "chile", 2016: "uruguay", 2017: "sweden", 2018: "kazakhstan",
    2019: "dominican-republic", 2020: "viet-nam", 2021: "tunisia", 2022: "norway", 2023: "japan",
}
PRESIDENT_MARK, PENHOLDER_MARK = "★", "✒"


@functools.lru_cache(maxsize=256)
def _english_key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    return "".join(c for c in name if not unicodedata.combining(c)).casefold()


def english_order(members: Sequence[Member]) -> list[Member]:
    """The members as the Council seats them: by English name, accents ignored."""
    return sorted(members, key=lambda m: _english_key(tr(m.name, "en") or m.id))


def president(members: Sequence[Member], date: int) -> str | None:
    """The member presiding in month ``date`` (year × 12 + month − 1), if the rotation is known."""
    order = [m.id for m in english_order(members)]
    first = JANUARY_PRESIDENT.get(date // 12)
    if first not in order:
        return None
    return order[(order.index(first) + date % 12) % len(order)]


def seating(members: Sequence[Member], chair: str | None) -> list[Member]:
    """The members around the table, clockwise from the President (the first member without one)."""
    order = english_order(members)
    start = next((i for i, m in enumerate(order) if m.id == chair), 0)
    return order[start:] + order[:start]


# --- flags ----------------------------------------------------------------------------------

def assets_folder() -> Path:
    """``assets/flags``: the flags (png/), their sources (svg/) and the flag-icons licence."""
    return resources.assets_root() / "flags"


@functools.cache
def _flag_image(member: str) -> pygame.Surface | None:
    path = assets_folder() / "png" / f"{member}.png"
    if not path.is_file():
        return None
    image = pygame.image.load(str(path))
    return image.convert_alpha() if pygame.display.get_surface() is not None else image


@functools.lru_cache(maxsize=128)
def flag(member: str, height: int) -> pygame.Surface | None:
    """A member's flag (4:3) ``height`` pixels high, or None if it has none."""
    image = _flag_image(member)
    if image is None or height < 2:
        return None
    return pygame.transform.smoothscale(image, (height * 4 // 3, height))


# --- the table ------------------------------------------------------------------------------

@dataclass
class Table:
    """Where each seat is (in seating order), and the room inside the U."""

    seats: list[Rect]
    inside: Rect
    horseshoe: bool  # False: seats in rows (the window is too small for the U)
    clean: bool = False  # every word of every name fits its seat


SeatH = Callable[[int, int], int]  # (seat index, width) -> the height that seat needs


def _u(rect: Rect, n: int, head: int, arm_w: int, seat_h: SeatH, gap: int) -> tuple[Table, int]:
    """Seats around a U: ``head`` across the top, the rest down two arms, clockwise from the middle
    of the head (its right half, the right arm down, the left arm up, the head's left half).
    Each row is as high as its tallest seat; returns the table and the height it takes."""
    side = (n - head) // 2
    mid = head // 2
    head_w = (rect.w - gap * (head - 1)) // head
    # seat index of each place: head row left to right, then the arms' rows top down
    head_idx = [n - mid + k for k in range(mid)] + list(range(head - mid))
    right_idx = [head - mid + k for k in range(side)]
    left_idx = [n - mid - 1 - k for k in range(side)]
    head_h = max(seat_h(i, head_w) for i in head_idx)
    places: dict[int, Rect] = {}
    for k, i in enumerate(head_idx):
        places[i] = Rect(rect.x + k * (head_w + gap), rect.y, head_w, head_h)
    y = rect.y + head_h + gap
    for li, ri in zip(left_idx, right_idx, strict=True):
        h = max(seat_h(li, arm_w), seat_h(ri, arm_w))
        places[li] = Rect(rect.x, y, arm_w, h)
        places[ri] = Rect(rect.right - arm_w, y, arm_w, h)
        y += h + gap
    inside = Rect(rect.x + arm_w + gap, rect.y + head_h + gap, max(0, rect.w - 2 * (arm_w + gap)),
                  max(0, rect.bottom - (rect.y + head_h + gap)))
    return Table([places[i] for i in range(n)], inside, True), y - gap - rect.y


def _grown(seat_h: SeatH, grow: int, i: int, w: int) -> int:
    return seat_h(i, w) + grow


def table(rect: Rect, n: int, seat_h: SeatH, inside_h: Callable[[int], int], gap: int, arm_w: int,
          fits: Callable[[Table], bool] = lambda t: True) -> Table:
    """The U that fits ``rect`` (``inside_h(width)``: what the room inside must hold), with the
    widest head row that fits (``fits``: whether the seats' names fit their widths unbroken);
    else seats in rows."""
    arm_w = min(arm_w, max(0, rect.w * 32 // 100))
    for clean in (True, False):  # first a U where every word of every name fits its seat
        for head in (5, 3, 7):
            if (n - head) % 2 or n - head < 2:
                continue
            t, used = _u(rect, n, head, arm_w, seat_h, gap)
            if used <= rect.h and inside_h(t.inside.w) <= t.inside.h and (not clean or fits(t)):
                # taller seats where there is room, so the table fills the screen seen from afar
                grow = min(gap * 3, (rect.h - used) // ((n - head) // 2 + 1))
                if grow > 0:
                    t = _u(rect, n, head, arm_w, functools.partial(_grown, seat_h, grow), gap)[0]
                t.clean = clean
                return t
    return grid(rect, n, seat_h, inside_h, gap)


def grid(rect: Rect, n: int, seat_h: SeatH, inside_h: Callable[[int], int], gap: int) -> Table:
    """Seats in rows under what the room looks at (the fallback when no U fits): the fewest
    columns whose rows all fit (else the lowest rows)."""
    top_h = inside_h(rect.w)
    area = Rect(rect.x, rect.y + top_h + gap, rect.w, max(0, rect.h - top_h - gap))
    best: tuple[int, int, list[int]] | None = None  # (height, columns, row heights)
    for cols in (3, 4, 5, 6):
        w = (area.w - gap * (cols - 1)) // cols
        heights = [max(seat_h(i, w) for i in range(r, min(n, r + cols))) for r in range(0, n, cols)]
        total = sum(heights) + gap * (len(heights) - 1)
        if best is None or (total <= area.h) > (best[0] <= area.h) or (best[0] > area.h and total < best[0]):
            best = (total, cols, heights)
        if total <= area.h:
            break
    assert best is not None
    _total, cols, heights = best
    w = (area.w - gap * (cols - 1)) // cols
    seats, y = [], area.y
    for row, h in enumerate(heights):
        for k in range(row * cols, min(n, row * cols + cols)):
            seats.append(Rect(area.x + (k % cols) * (w + gap), y, w, h))
        y += h + gap
    return Table(seats, Rect(rect.x, rect.y, rect.w, top_h), False)


# --- a seat -----------------------------------------------------------------------------------

@dataclass
class Seat:
    """What a seat shows: the flag and the name, its marks (President, penholder), and a vote."""

    member: str
    name: str
    marks: str  # PRESIDENT_MARK / PENHOLDER_MARK, or ""
    vote: str  # "✔", "✖ VETO"…; "…" not yet cast
    color: Color | None  # the vote's colour (None: muted)
    veto: bool = False
    selected: bool = False  # the member whose detail is shown, or the vote just cast
    dim: bool = False  # not voted yet
    vote_w: int = 0  # the room kept for the vote at the right (its final mark's width)


def flag_h(f: Frame) -> int:
    return max(12, f.line_h("bold") - 6)


def name_lines(f: Frame, name: str, w: int) -> list[str]:
    """A name in lines of at most ``w`` pixels, broken at spaces and after hyphens (never inside
    a word: 'Nouvelle-' / 'Zélande'); a word wider than ``w`` keeps a line of its own."""
    pieces, word = [], ""
    for ch in name:
        word += ch
        if ch in " -":
            pieces.append(word)
            word = ""
    if word:
        pieces.append(word)
    lines: list[str] = []
    for piece in pieces:
        if lines and f.text_w((lines[-1] + piece).rstrip(), "bold") <= w:
            lines[-1] += piece
        else:
            lines.append(piece)
    return [line.rstrip() for line in lines] or [""]


def words_fit(f: Frame, seat: Seat, w: int) -> bool:
    """Whether each word of the name fits the seat's width (no word cut in two)."""
    name_w = _name_w(f, seat, w)
    return all(f.text_w(line, "bold") <= name_w for line in name_lines(f, seat.name, name_w))


def _name_w(f: Frame, seat: Seat, w: int) -> int:
    marks_w = f.text_w(seat.marks + " ", "bold") if seat.marks else 0
    return max(20, w - 2 * f.pad - flag_h(f) * 4 // 3 - f.pad // 2 - marks_w - seat.vote_w - f.pad // 2)


def seat_h(f: Frame, seat: Seat, w: int) -> int:
    """The height a seat needs at width ``w``; a name wider than its room takes more lines."""
    name_w = _name_w(f, seat, w)
    lines = name_lines(f, seat.name, name_w)
    lh = f.line_h("bold")
    h = sum(f.text_h(line, name_w, "bold") for line in lines)
    return max(lh, h) + f.pad // 2 * 2 + 2

def seat_width(f: Frame, seats: Sequence[Seat]) -> int:
    """The width at which every seat's name fits on one line."""
    return max((_one_line_w(f, s) for s in seats), default=f.line_h("bold"))


def _one_line_w(f: Frame, s: Seat) -> int:
    marks_w = f.text_w(s.marks + " ", "bold") if s.marks else 0
    return f.text_w(s.name, "bold") + marks_w + 2 * f.pad + flag_h(f) * 4 // 3 + f.pad + s.vote_w + 4


def draw_seat(f: Frame, r: Rect, seat: Seat, cid: str, action: Callable[[], object] | None) -> None:
    """One seat: a veto is filled and thickly framed in the colour of no, with the word VETO."""
    pal = f.pal
    fill = pal.selected if seat.selected else pal.hover if f.hovered(r) and action else pal.button
    border, width = (pal.accent, 3) if seat.selected else (pal.border, 1)
    if seat.veto:
        border, width = pal.no, 4
    f.fill(r, fill, f.radius, border, width)
    if seat.color is not None and not seat.dim:  # the vote's colour down the seat's edge, with its sign
        f.s.fill(seat.color, Rect(r.x + 2, r.y + 2, max(5, f.pad // 2), r.h - 4))
    lh = f.line_h("bold")
    name_w = _name_w(f, seat, r.w)
    lines = name_lines(f, seat.name, name_w)
    content_h = max(lh, sum(f.text_h(line, name_w, "bold") for line in lines))
    x, y = r.x + f.pad, r.y + max(f.pad // 2 + 1, (r.h - content_h) // 2)  # the content in the middle
    top = y
    fh = flag_h(f)
    image = flag(seat.member, fh)
    fr = Rect(x, y + (lh - fh) // 2, fh * 4 // 3, fh)
    if image is not None:
        if seat.dim:
            image = image.copy()
            image.set_alpha(110)
        f.s.blit(image, fr)
    pygame.draw.rect(f.s, pal.border, fr.inflate(2, 2), 1)
    x = fr.right + f.pad // 2
    ink = pal.muted if seat.dim else pal.selected_text if seat.selected else pal.button_text
    if seat.marks:
        mw = f.text_w(seat.marks + " ", "bold")
        f.text(Rect(x, y, mw, lh), seat.marks, "bold", pal.heading, box=r)
        x += mw
    for line in lines:
        y += f.text(Rect(x, y, name_w, r.bottom - y), line, "bold", ink, box=r)
    y = top
    f.text(Rect(r.right - f.pad // 2 - seat.vote_w, y, seat.vote_w, lh), seat.vote, "bold", seat.color or pal.muted,
           align="right", box=r)
    if action is not None:
        f.register(Control(cid, Rect(r), action, "seat", seat.name, group="seats"))


# --- what the room reads ----------------------------------------------------------------------

def names_list(view: View, names: Sequence[str]) -> str:
    """'China', 'China and Russia', 'China, Russia and the United States'."""
    if len(names) < 2:
        return "".join(names)
    return view.t("list_and", first=", ".join(names[:-1]), last=names[-1])


def verdict(view: View, members: Sequence[Member], votes: Mapping[str, str]) -> tuple[str, bool]:
    """The outcome in one sentence that names the vetoes, and whether the draft passes."""
    vetoes = [tr(m.name, view.lang) for m in members if m.permanent and votes.get(m.id) == council.NO]
    yes = sum(v == council.YES for v in votes.values())
    if vetoes:
        return view.t("verdict_veto", names=names_list(view, vetoes)), False
    if council.adopted(tuple(members), votes):
        return view.t("verdict_adopted", yes=yes), True
    return view.t("verdict_short", yes=yes, need=council.VOTES_NEEDED), False


def room_lines(f: Frame, w: int, lines: Sequence[tuple[str, str, Color | None]]) -> int:
    return sum(f.text_h(text, w, style) for text, style, _c in lines) + f.pad // 2 * max(0, len(lines) - 1)


def room_height(f: Frame, choices: Sequence[Sequence[tuple[str, str, Color | None]]], more: int, w: int) -> int:
    """The height the inside needs at width ``w`` for the tallest of the ``choices`` of lines, plus ``more``."""
    return max(room_lines(f, w, lines) for lines in choices) + more


def draw_room(f: Frame, r: Rect, must: Sequence[tuple[str, str, Color | None]],
              extra: Sequence[tuple[str, str, Color | None]] = (), icons: Mapping[int, str] | None = None) -> int:
    """The lines inside the U, top down; the ``extra`` ones only while they fit. ``icons``: the
    quantity whose icon goes before a line, by the line's place in ``must`` then ``extra``.
    Returns the y below."""
    y = r.y
    for k, (text, style, color) in enumerate([*must, *extra]):
        quantity = (icons or {}).get(k)
        if quantity is None:
            h = f.text_h(text, r.w, style)
            if k >= len(must) and y + h > r.bottom:
                break
            f.text(Rect(r.x, y, r.w, h), text, style, color, align="center")
        else:  # the icon and the words centred together
            iw = f.icon_w(style)
            tw = min(max(0, r.w - iw), f.text_w(text, style))
            h = f.text_h(text, tw, style)
            if k >= len(must) and y + h > r.bottom:
                break
            x = r.x + (r.w - iw - tw) // 2
            f.quantity_icon(quantity, x, y + 2, f.line_h(style) - 4, color)
            f.text(Rect(x + iw, y, tw, h), text, style, color)
        y += h + f.pad // 2
    return y
