"""Vertical lists that scroll by whole items: which items fit from the scroll position, the
focused item kept in view, the hidden items' controls kept in the focus order, and the "▲ 3 ▼ 5"
line that says how much more there is.

``scroll_list`` draws into a ``Frame``; the scroll position of each list lives in the view that
is being drawn (``Frame.scroll``), so that each screen and overlay remembers its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from game.ui.controls import Control, Item, ListInfo
from game.ui.layout import Rect
from game.ui.strings import tn

if TYPE_CHECKING:
    from game.ui.frame import Frame


def _step(item: Item, gap: int) -> int:
    return item.height + (0 if item.tight else gap)


def fits(items: Sequence[Item], height: int, gap: int) -> bool:
    """Whether ``items`` fit ``height`` whole, as ``scroll_list`` counts them (no "more" line)."""
    return sum(_step(it, gap) for it in items) <= height


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
    """'▲ 2  ▼ 5  more — PgUp/PgDn', shortened until it fits ``width``."""
    parts = [f"{mark} {n}" for mark, n in (("▲", above), ("▼", below)) if n]
    marks = "  ".join(parts)
    n = above + below  # "1 more line", "3 more lines"
    label = tn("more_keys", n, f.lang, marks=marks)  # the keys named as the help names them
    for cand in (label, tn("more", n, f.lang, marks=marks), " ".join(parts)):
        label = cand
        if f.text_w(cand) <= width:
            break
    return label


def scroll_list(f: Frame, lid: str, rect: Rect, items: Sequence[Item], gap: int | None = None) -> None:
    """Draw as many whole items as fit from the view's scroll position; the others' controls
    stay in the focus order (focusing one scrolls it into view)."""
    gap = f.gap // 2 if gap is None else gap
    n = len(items)
    area = Rect(rect)
    indicator_h = 0
    if not fits(items, rect.h, gap):
        indicator_h = f.line_h() + 2
        area = Rect(rect.x, rect.y, rect.w, max(0, rect.h - indicator_h))
    first = max(0, min(f.scroll.get(lid, 0), max(0, n - 1)))
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
        r = Rect(rect.x, rect.bottom - indicator_h + 2, rect.w, indicator_h - 2)
        f.text(r, label, "body", f.pal.muted, align="right")
