"""Vertical lists that scroll by whole items: which items fit from the scroll position, the
focused item kept in view, the hidden items' controls kept in the focus order, and the "▲ 3 ▼ 5"
line that says how much more there is.

``scroll_list`` draws into a ``Frame``; the scroll position of each list lives in the view that
is being drawn (``Frame.scroll``), so that each screen and overlay remembers its own.

A list of text to read (``reading``: a report with a few numbers far down) makes its "more" line
a control of its own: Tab enters the panel there, where the text is, instead of on its first
number (which would scroll the start of the text away), and the page keys of the view
(``paged``) scroll the text without the focus pulling it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pygame

from game.ui.controls import Control, Item, ListInfo
from game.ui.layout import Rect
from game.ui.strings import tn

if TYPE_CHECKING:
    from game.ui.frame import Frame

PAGE_UP, PAGE_DOWN, HOME, END = "page_up", "page_down", "home", "end"
# A view's keymap for the page keys (its ``command("page", …)`` then calls ``paged``).
PAGE_KEYS: dict[int, tuple[str, Any]] = {pygame.K_PAGEUP: ("page", PAGE_UP), pygame.K_PAGEDOWN: ("page", PAGE_DOWN),
                                         pygame.K_HOME: ("page", HOME), pygame.K_END: ("page", END)}


def _step(item: Item, gap: int) -> int:
    return item.height + (0 if item.tight else gap)


def fits(items: Sequence[Item], height: int, gap: int) -> bool:
    """Whether ``items`` fit ``height`` whole, as ``scroll_list`` counts them (no "more" line)."""
    return sum(_step(it, gap) for it in items) <= height


def last_first(items: Sequence[Item], height: int, gap: int) -> int:
    """The furthest scroll position: the one that shows the last item at the bottom. Further
    down would only leave the panel empty under it, the items above hidden."""
    used = 0
    for k in range(len(items) - 1, -1, -1):
        used += items[k].height if k == len(items) - 1 else _step(items[k], gap)
        if used > height:
            return min(len(items) - 1, k + 1)
    return 0


def first_in_view(items: Sequence[Item], first: int, focus: str | None, height: int, gap: int) -> int:
    """The first item to show: ``first``, moved just enough that the focused item fits."""
    for k, it in enumerate(items):
        if focus is None or focus not in it.ids:
            continue
        if k < first:
            return k
        y = sum(_step(items[j], gap) for j in range(first, k + 1)) - gap
        while y > height and first < k:
            y -= _step(items[first], gap)
            first += 1
        return first
    return first


def more_label(f: Frame, above: int, below: int, width: int) -> str:
    """'▲ 2  ▼ 5 more lines — PgUp/PgDn', shortened until it fits ``width``. Each count agrees
    with its own number: one word for both where they take the same form, else one each
    ("▲ 5 lignes de plus  ▼ 1 ligne de plus", never "▼ 1 lignes")."""
    counts = [f"{mark} {n}" for mark, n in (("▲", above), ("▼", below)) if n]
    if not counts:
        return ""
    sizes = [n for n in (above, below) if n]
    bare = "  ".join(counts)
    if len({tn("more", n, f.lang, marks="") for n in sizes}) == 1:  # the same form for both
        head, n, marks = "", sizes[-1], bare
    else:
        head, n, marks = tn("more", above, f.lang, marks=counts[0]) + "  ", below, counts[1]
    cands = [head + tn("more_keys", n, f.lang, marks=marks), head + tn("more", n, f.lang, marks=marks)]
    label = bare
    for cand in (*cands, bare):  # the keys named as the help names them, where they fit
        label = cand
        if f.text_w(cand) <= width:
            break
    return label


def more_id(lid: str) -> str:
    """The id of a reading list's "more" line, the control that stands for the panel."""
    return f"more:{lid}"


def holds(info: ListInfo, cid: str | None) -> bool:
    """Whether the control ``cid`` is in the list (its "more" line included)."""
    return cid is not None and (cid == more_id(info.id) or any(cid in ids for ids in info.item_ids))


def scrolls(info: ListInfo) -> bool:
    """Whether the list, as last drawn, hides any item (has anywhere to scroll)."""
    return info.first > 0 or info.shown < info.total


def paged(info: ListInfo, how: str) -> int:
    """The list's first item after PgUp/PgDn (a page: as many items as it showed) or Home/End;
    drawing stops it where the end shows (``last_first``)."""
    if how == HOME:
        return 0
    if how == END:
        return max(0, info.total - 1)
    step = max(1, info.shown) * (-1 if how == PAGE_UP else 1)
    return max(0, min(info.total - 1, info.first + step))


def _more_control(f: Frame, lid: str, r: Rect) -> Control:
    """A reading list's "more" line as a control: Enter (or a click) reads on a page, and from
    the end goes back to the start."""
    scroll = f.scroll  # the view's own positions (``Frame.layer``)

    def read_on() -> None:
        info = f.lists[lid]
        scroll[lid] = paged(info, PAGE_DOWN) if info.first + info.shown < info.total else 0

    return Control(more_id(lid), Rect(r), read_on, "more", group=f"list:{lid}")


def scroll_list(f: Frame, lid: str, rect: Rect, items: Sequence[Item], gap: int | None = None, *,
                reading: bool = False) -> None:
    """Draw as many whole items as fit from the view's scroll position; the others' controls
    stay in the focus order (focusing one scrolls it into view). ``reading``: the "more" line is
    the panel's first control (see the module's notes)."""
    gap = f.gap // 2 if gap is None else gap
    n = len(items)
    area = Rect(rect)
    indicator_h = 0
    if not fits(items, rect.h, gap):
        indicator_h = f.line_h() + 2
        area = Rect(rect.x, rect.y, rect.w, max(0, rect.h - indicator_h))
    more_r = Rect(rect.x, rect.bottom - indicator_h + 2, rect.w, indicator_h - 2)
    more = _more_control(f, lid, more_r) if indicator_h and reading else None
    if more is not None:  # first in the panel's Tab stop: where Tab enters it
        f.register(more)
    first = max(0, min(f.scroll.get(lid, 0), last_first(items, area.h, gap)))
    first = f.scroll[lid] = first_in_view(items, first, f.focus, area.h, gap)
    outer, f.group = f.group, f"list:{lid}"  # a list is one Tab stop; the arrows move inside it
    y, shown, stop = area.y, 0, False
    for k, it in enumerate(items):
        h = it.height
        if not shown and h > area.h:
            h = area.h  # an item taller than the list is shown clipped (its text truncates)
        if k < first or stop or y + h > area.bottom:
            stop = stop or k >= first
            for cid in it.ids:
                f.register(Control(cid, None, None, "hidden", scroll=(lid, k)))
            continue
        it.draw(f, Rect(area.x, y, area.w, h))
        y += h + (0 if it.tight else gap)
        shown += 1
    f.group = outer
    f.lists[lid] = ListInfo(lid, Rect(rect), first, shown, n, [it.ids for it in items])
    if indicator_h:  # counted in lines of text, as the label says, not in items
        lh = max(1, f.line_h())
        lines = [max(1, (it.height + lh // 2) // lh) for it in items]
        label = more_label(f, sum(lines[:first]), sum(lines[first + shown:]), rect.w)
        f.text(more_r, label, "body", f.pal.muted, align="right")
        if more is not None:  # the focus ring around the words, not the panel's whole width
            w = min(more_r.w, f.text_w(label))
            more.rect, more.label = Rect(more_r.right - w, more_r.y, w, more_r.h), label
