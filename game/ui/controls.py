"""What a frame records as it is drawn: controls (what focus and the mouse reach), text lines with
the box each had to stay in, scrolling lists, and the items a list is made of.

A control owns what it does: ``action`` when it is activated (Enter, Space, a click) and, for a
text field, ``field``, which takes the keys typed while the control has the focus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from game.ui.layout import Rect

if TYPE_CHECKING:
    from game.ui.frame import Frame


class TextField(Protocol):
    """The text a field edits: typed text goes in, Backspace takes a character off, Enter submits."""

    def insert(self, text: str) -> None: ...

    def erase(self) -> None: ...

    def submit(self) -> None: ...


@dataclass
class Control:
    id: str
    rect: Rect | None  # None: in a list, scrolled out of view
    action: Callable[[], object] | None
    kind: str = "button"
    label: str = ""
    scroll: tuple[str, int] | None = None  # (list id, item index) when hidden in a list
    field: TextField | None = None  # a text field: it takes the typed keys while focused
    group: str | None = None  # the panel it belongs to: one Tab stop, the arrows move inside it


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
    draw: Callable[[Frame, Rect], object]
    ids: tuple[str, ...] = ()
    tight: bool = False  # no gap after it (the lines of one paragraph)
