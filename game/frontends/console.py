"""The terminal's one output layer: every line the terminal game shows goes through ``Console``.

- **Width.** Lines are wrapped to the terminal's columns (``shutil.get_terminal_size``: $COLUMNS,
  else the tty's, else 80), one column short of the edge and at most 100 wide. Words are never
  cut: only a token longer than the whole line (a long web address) is broken. A wrapped line's
  continuation is indented under its text, not at column 0: under the text after a list mark
  (``  3. ``, ``- ``, ``>> ``), or at a hanging indent the caller gives (a Council member's
  reasons, a journal entry's consequences).
- **Height.** When a screen's output would scroll past the terminal's height before the player
  next types, the console stops and asks "Enter for more" (in the game's language).
- **When it pages.** Only when both stdout and stdin are terminals (``isatty``). Piped input
  (``yes 1 | …``, tests, CI) or output sent to a file or a pipe never waits for a key: there is
  nobody to press it, and waiting would hang a script. Once input has ended it never waits again.
- **Safety.** Text is escaped first (control characters shown as ``\\x1b``, never obeyed).
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
from collections.abc import Callable
from typing import TextIO

from game import i18n
from game.content.problems import printable as _escape_for_terminal

MIN_WIDTH, MAX_WIDTH = 20, 100  # past 100 columns lines get hard to follow
MIN_HEIGHT = 5  # a screen this short still shows a line and its "Enter for more"
_LIST_MARK = re.compile(r" *(?:\d+\.|-|\*|•|>>)? *")  # indent, then a list mark if any


def printable(text: str) -> str:
    """Text safe for a terminal: control and invisible characters shown as escapes (\\x1b),
    never obeyed; newlines and tabs stay. The same escaping as ``check``'s output."""
    return _escape_for_terminal(text, "\n\t\u00a0\u202f")  # French typography's no-break spaces


def terminal_size() -> tuple[int, int]:
    """(columns to wrap to, lines a screen holds): the terminal's, else 80 × 24, kept readable."""
    size = shutil.get_terminal_size((80, 24))
    columns = size.columns - 1 if size.columns > MIN_WIDTH else size.columns  # the last column wraps on some terminals
    return max(MIN_WIDTH, min(MAX_WIDTH, columns)), max(MIN_HEIGHT, size.lines)


def terminal_width() -> int:
    """Columns to wrap to (see ``terminal_size``)."""
    return terminal_size()[0]


def _fill(line: str, width: int, hang: int | None) -> list[str]:
    if len(line) <= width:
        return [line]
    if hang is None:
        mark = _LIST_MARK.match(line)
        hang = len(mark.group()) if mark else 0
    if hang > width // 2:
        hang = min(len(line) - len(line.lstrip(" ")), width // 2)
    # the line's own leading spaces are kept by textwrap; continuations align under the text
    return textwrap.wrap(line, width, subsequent_indent=" " * hang, break_on_hyphens=False,
                         drop_whitespace=True) or [""]


def wrap_lines(text: str, width: int, hang: int | None = None) -> list[str]:
    """Each line of ``text`` wrapped to ``width``: no word cut (only a token longer than a line),
    continuations indented by ``hang`` columns for the first line if given, else under the text
    after the line's indent and list mark. Linear in the text's length."""
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        out.extend(_fill(line, width, hang if i == 0 else None))
    return out


def wrap(text: str, width: int, hang: int | None = None) -> str:
    """``wrap_lines`` joined into one string."""
    return "\n".join(wrap_lines(text, width, hang))


def is_tty(stream: object) -> bool:
    """Whether ``stream`` is a terminal (a closed or odd stream is not)."""
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


SPARKS = "▁▂▃▄▅▆▇█"
ASCII_SPARKS = "_.-:=+*#"


def can_draw(out: TextIO, text: str = SPARKS) -> bool:
    """Whether ``out``'s encoding can write ``text`` (a stream without one is taken as UTF-8)."""
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def sparkline(values: list[int], low: int = 0, high: int = 100, marks: str = SPARKS) -> str:
    """One mark a value, its height on the fixed scale ``low``..``high`` (so two charts compare)."""
    span = max(1, high - low)
    top = len(marks) - 1
    return "".join(marks[max(0, min(top, (v - low) * len(marks) // (span + 1)))] for v in values)


class Console:
    """Wrapped, paged output for one terminal game, and its input (see the module's docstring)."""

    def __init__(self, out: TextIO, read: Callable[[], str | None], lang: str, *,
                 size: tuple[int, int] | None = None, paging: bool | None = None):
        self.out = out
        self._read = read
        self.lang = lang
        self.width, self.height = size or terminal_size()
        self.width = max(MIN_WIDTH, self.width)
        self.height = max(MIN_HEIGHT, self.height)
        self.paging = (is_tty(out) and is_tty(sys.stdin)) if paging is None else paging
        self.ended = False  # input has ended: never wait for a key again
        self.since_input = 0  # lines written since the player last typed

    @property
    def interactive(self) -> bool:
        """A person at a terminal who can still type (so waiting for Enter makes sense)."""
        return self.paging and not self.ended

    def sparks(self) -> str:
        """The chart marks this stream can draw: block characters, else ASCII."""
        return SPARKS if can_draw(self.out) else ASCII_SPARKS

    def say(self, text: str = "", hang: int | None = None) -> None:
        """Write ``text`` escaped, wrapped (continuations at ``hang``, or under the list mark)
        and paged."""
        for line in wrap_lines(printable(text), self.width, hang):
            self._line(line)

    def keep_together(self, texts: list[str]) -> None:
        """Page first if these texts and a prompt would not fit on what is left of the screen
        (a menu stays whole with its prompt, when it fits on one screen at all)."""
        self.need(sum(len(wrap_lines(printable(text), self.width)) for text in texts) + 1)

    def need(self, lines: int) -> None:
        """Page first unless ``lines`` more fit on this screen (when they fit on one at all): a
        heading is not left alone at the foot of a page."""
        if self.interactive and 0 < self.since_input and self.since_input + lines > self.height - 1 and lines <= self.height - 1:
            self.more()

    def _line(self, line: str) -> None:
        if self.interactive and self.since_input >= self.height - 1:
            self.more()
        self.out.write(line.rstrip() + "\n")  # no trailing blanks (a padded table's last column)
        self.since_input += 1

    def more(self) -> None:
        """Stop and ask for Enter: the screen is full."""
        self.prompt(i18n.text("term.more", self.lang))

    def prompt(self, text: str) -> str | None:
        """Write ``text`` (no newline) and read a line: None once input has ended."""
        self.out.write(printable(text) + " ")
        self.out.flush()
        return self.read()

    def read(self) -> str | None:
        line = None if self.ended else self._read()
        self.since_input = 0
        if line is None:
            self.ended = True
        return line

    def wait(self) -> None:
        """At the end: wait for Enter, only where someone can press it."""
        if self.interactive:
            self.prompt(i18n.text("term.finish", self.lang))
