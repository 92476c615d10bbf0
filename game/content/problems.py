"""Problems found in content: one message an author can act on, with file, line and column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from game.engine.conditions import name_hint

__all__ = ["ContentError", "Problem", "did_you_mean", "printable"]


def printable(text: str, keep: str = "") -> str:
    """``text`` with every control or invisible character written as an escape (``\\x1b``, ``\\u200b``).

    Content can hold anything; what ``check`` or the terminal game prints must not clear the
    screen, move the cursor or hide part of a name. Letters of every alphabet stay as they are,
    and so do the characters in ``keep`` (the terminal keeps its newlines and tabs)."""
    if text.isprintable():
        return text
    if keep:
        return "".join(ch if ch.isprintable() or ch in keep else _escape(ch) for ch in text)
    # Python's "printable" excludes exactly what a terminal must not receive raw: controls (ESC
    # clears screens, CR rewrites lines), format characters (zero-width, bidi overrides that
    # reorder a line), separators other than the space, surrogates, private and unassigned.
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """" (did you mean 'x'?)", or what is odd about ``word`` (a look-alike letter, a space)."""
    return name_hint(word, list(choices))


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a content file. Lines and columns count from 1 (0 = unknown)."""

    path: str
    line: int
    col: int
    code: str
    message: str

    def __str__(self) -> str:
        return printable(f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}")

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def shown(self) -> dict[str, object]:
        """The problem as a JSON record safe to print to a terminal."""
        return {k: printable(v) if isinstance(v, str) else v for k, v in asdict(self).items()}


class ContentError(Exception):
    """Raised when a file cannot be read at all; carries the problems found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems
