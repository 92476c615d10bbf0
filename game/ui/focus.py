"""Focus and the mouse over the controls of the last frame drawn.

The focused control's id lives in the top layer of the navigation stack, so that each screen and
overlay keeps its own; the controls themselves say what they do (``Control.action``, and
``Control.field`` for a text field). Tab order is the order the frame recorded the controls in,
with one stop per panel: the controls of a group (a list, the seats, the numbers) are one Tab
stop, entered where the player left it, and the arrows move from control to control inside it.
Tab and the arrows skip a button that cannot be pressed (drawn greyed, without an action).
Lists scroll to follow the focus, and the wheel and Page Up/Down scroll lists.
"""

from __future__ import annotations

from collections.abc import Callable

from game.ui.controls import Control, ListInfo, TextField
from game.ui.frame import Frame
from game.ui.navigator import Navigator


class Focus:
    def __init__(self, nav: Navigator, redraw: Callable[[], object]):
        self.nav = nav
        self.redraw = redraw  # draws a frame, so that a control hidden in a list scrolls into view
        self.frame: Frame | None = None  # the last frame drawn: what the mouse and the keys reach
        self.mouse: tuple[int, int] | None = None
        self.hover_id: str | None = None
        self.entries: dict[tuple[int, str], str] = {}  # (view, group): where Tab enters it again

    @property
    def id(self) -> str | None:
        return self.nav.top.focus if self.nav.layers else None

    def set(self, cid: str | None) -> None:
        self.nav.top.focus = cid

    def controls(self) -> list[Control]:
        return self.frame.controls if self.frame else []

    def find(self, cid: str | None) -> Control | None:
        return next((c for c in self.controls() if c.id == cid), None)

    def field(self) -> TextField | None:
        """The text field that has the focus, if one does."""
        c = self.find(self.id)
        return c.field if c is not None else None

    def settle(self, frame: Frame) -> None:
        """After drawing: the focus on a control of this frame (the view's default, else the first
        one shown), and its ring drawn."""
        if self.id not in [c.id for c in frame.controls]:
            wanted = self.nav.top.view.default_focus()
            shown = [c for c in frame.controls if c.rect is not None]
            visible = [c.id for c in shown if usable(c)] or [c.id for c in shown]
            self.set(wanted if wanted in visible else (visible[0] if visible else None))
        frame.draw_focus(self.id)
        self.frame = frame

    # --- keys -------------------------------------------------------------------------------
    def move(self, step: int) -> None:
        """The arrows: the next or previous control, inside a panel and out of it."""
        ids = [c.id for c in self.controls()]
        if ids:
            i = ids.index(self.id) if self.id in ids else (-1 if step > 0 else 0)
            self.land([ids[(i + step * k) % len(ids)] for k in range(1, len(ids) + 1)])

    def land(self, order: list[str]) -> bool:
        """Focus the first control of ``order`` that can be used. One hidden in a list is scrolled
        into view first (a frame drawn), since only a drawn button says whether it can be pressed."""
        for cid in order:
            c = self.find(cid)
            if c is None or not usable(c):
                continue
            before = self.id
            self.set(cid)
            if c.rect is None:
                self.redraw()
                c = self.find(cid)
                if c is None or not usable(c):
                    self.set(before)
                    continue
            return True
        return False

    def stops(self) -> list[list[Control]]:
        """The Tab stops in order: a control alone, or the run of controls of one group."""
        out: list[list[Control]] = []
        for c in self.controls():
            if out and c.group is not None and out[-1][0].group == c.group:
                out[-1].append(c)
            else:
                out.append([c])
        return out

    def tab(self, step: int) -> None:
        """Tab and Shift+Tab: the next or previous stop; a panel is entered where it was left
        (else on its first control in view)."""
        stops = self.stops()
        if not stops:
            return
        here = next((k for k, stop in enumerate(stops) if any(c.id == self.id for c in stop)), None)
        view = id(self.nav.top.view)
        if here is None:
            first = 0 if step > 0 else len(stops) - 1
        else:
            group = stops[here][0].group
            if group is not None and self.id is not None:
                self.entries[(view, group)] = self.id
            first = here + step
        for n in range(len(stops)):  # a stop with nothing to press is passed by
            stop = stops[(first + step * n) % len(stops)]
            group = stop[0].group
            remembered = self.entries.get((view, group)) if group is not None else None
            ids = [c.id for c in stop]
            shown = [c.id for c in stop if c.rect is not None]
            order = ([remembered] if remembered in ids else []) + shown + ids
            if self.land(list(dict.fromkeys(order))):
                return

    def why(self) -> bool:
        """'?' on a number: its why (as Enter does)."""
        c = self.find(self.id)
        return c is not None and c.kind == "number" and self.activate()

    def activate(self) -> bool:
        """Enter or Space: the focused control's action (after scrolling it into view)."""
        c = self.find(self.id)
        if c is not None and c.action is None and c.scroll is not None:
            self.redraw()
            c = self.find(self.id)
        if c is None or c.action is None:
            return False
        c.action()
        return True

    def page(self, direction: int) -> None:
        """Page Up/Down: the list that holds the focus, else the longest list."""
        f = self.frame
        if f is None or not f.lists:
            return
        target = None
        for info in f.lists.values():
            if any(self.id in ids for ids in info.item_ids):
                target = info
        if target is None:
            target = max(f.lists.values(), key=lambda i: i.total)
        self.scroll_list(target.id, direction * max(1, target.shown))

    def scroll_list(self, lid: str, steps: int) -> None:
        """Scroll a list by ``steps`` items; the focus follows if it scrolled out of view."""
        f = self.frame
        if f is None or lid not in f.lists:
            return
        info = f.lists[lid]
        first = max(0, min(info.total - 1, info.first + steps))
        self.nav.top.view.scroll[lid] = first
        if any(self.id in ids for ids in info.item_ids) and self.id not in _visible(info, first):
            self.set(next((ids[0] for ids in info.item_ids[first:] if ids), self.id))

    # --- the mouse --------------------------------------------------------------------------
    def _hit(self, pos: tuple[int, int]) -> Control | None:
        return next((c for c in reversed(self.controls()) if c.rect is not None and c.rect.collidepoint(pos)), None)

    def click(self, pos: tuple[int, int]) -> bool:
        """A left click: focus the control under the mouse and use it; True if one was there."""
        self.mouse = pos
        c = self._hit(pos)
        if c is None:
            return False
        self.set(c.id)
        if c.action is not None:
            c.action()
        return True

    def hover(self, pos: tuple[int, int]) -> bool:
        """The mouse moved; True when it is over another control than before."""
        self.mouse = pos
        c = self._hit(pos)
        hit = c.id if c is not None else None
        changed = hit != self.hover_id
        self.hover_id = hit
        return changed

    def wheel(self, steps: int) -> None:
        """The wheel scrolls the list under the mouse, else the first list."""
        f = self.frame
        if f is None or not f.lists:
            return
        target = None
        if self.mouse is not None:
            for info in f.lists.values():
                if info.rect.collidepoint(self.mouse):
                    target = info
        self.scroll_list((target or next(iter(f.lists.values()))).id, steps)


def usable(c: Control) -> bool:
    """Whether the keys stop on ``c``: it does something, or takes typed text; a greyed button
    has no action. One hidden in a list is taken as usable until it is drawn."""
    return c.action is not None or c.field is not None or c.rect is None


def _visible(info: ListInfo, first: int) -> set[str]:
    shown: set[str] = set()
    for k in range(first, min(info.total, first + max(1, info.shown))):
        shown.update(info.item_ids[k])
    return shown
