"""A row of tabs: the buttons, their labels with their keys where they fit, and the commands
that move between them (the briefing, the debrief, the comparison and "what if" use it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from game.ui.frame import Frame
from game.ui.layout import Rect, take_top
from game.ui.views.base import View


def tab_command(view: Any, names: Sequence[str], cmd: str, arg: Any) -> bool:
    """A tabbed view's "tab" (go to one) and "tab_step" (the next or previous, with the arrows)
    commands: the view's ``tab`` changes and the focus follows it. False for any other command."""
    if cmd == "tab":
        view.tab = str(arg)
    elif cmd == "tab_step":
        view.tab = names[(names.index(view.tab) + int(arg)) % len(names)]
    else:
        return False
    view.app.focus.set(f"tab:{view.tab}")
    return True


def tabs(f: Frame, rect: Rect, view: View, specs: list[tuple[str, str]], current: str,
         choose: Callable[[str], object]) -> Rect:
    """A row of tab buttons; returns the rect below them."""
    btn_h = f.line_h("bold") + f.pad
    specs = tab_labels(f, view, specs, rect.w)
    widths = [f.text_w(label, "bold") + 3 * f.pad for _k, label in specs]
    total = sum(widths) + f.pad * (len(widths) - 1)
    if total > rect.w:
        widths = [(rect.w - f.pad * (len(widths) - 1)) // len(widths)] * len(widths)
        btn_h = max(f.button_h(label, w, "bold") for (_k, label), w in zip(specs, widths, strict=True))
    x = rect.x
    for (key, label), w in zip(specs, widths, strict=True):
        f.button(f"tab:{key}", Rect(x, rect.y, w, btn_h), label, lambda k=key: choose(k),  # type: ignore[misc]
                 style="bold", kind="tab", selected=key == current)
        x += w + f.pad
    _top, rest = take_top(rect, btn_h, f.pad)
    return rest


def tab_labels(f: Frame, view: View, specs: list[tuple[str, str]], width: int) -> list[tuple[str, str]]:
    """The tabs' labels: with their keys, unless they would wrap the row (then the help says them)."""
    keyed = [(k, view.keyed(f"tab:{k}", label)) for k, label in specs]
    return keyed if tabs_width(f, keyed) <= width else specs


def tabs_width(f: Frame, specs: list[tuple[str, str]]) -> int:
    """The width a row of these tabs takes, side by side."""
    return sum(f.text_w(label, "bold") + 3 * f.pad for _k, label in specs) + f.pad * (len(specs) - 1)
