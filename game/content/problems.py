"""Problems found in content: one message an author can act on, with file, line and column."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from game.engine.conditions import name_hint

__all__ = ["ContentError", "Problem", "did_you_mean", "place_in_words", "printable"]


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


# What an item of each list is called in a message ("card 'tut-anefis', response 'mediate'").
_ITEM_NAMES = {
    "cards": "card", "responses": "response", "sources": "source", "later": "delayed effect",
    "follow_up": "follow-up", "options": "option", "clauses": "clause", "dimensions": "clause",
    "preferences": "preference", "concerns": "concern", "resolutions": "resolution",
    "objectives": "objective", "questions": "question", "mandates": "mandate year",
}
_MOST_ID = 40  # an id this long is a mistake of its own; the message shows its start


def place_in_words(loc: Iterable[str | int], data: object = None) -> str:
    """Where a value is, as its author finds it in the file: list items by their id, or counted
    from 1, and the field names that lead to the value ("card 'tut-anefis', response 'mediate',
    effects.buyin.algeria"; "card 3, title"), never pydantic's 0-based "cards.2.title"."""
    parts: list[str] = []
    keys: list[str] = []
    node = data
    for step in loc:
        if not isinstance(step, int):
            keys.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
            continue
        owner = keys.pop() if keys else ""
        if keys:
            parts.append(".".join(keys))
            keys = []
        item = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
        ident = item.get("id") if isinstance(item, dict) else None
        name = _ITEM_NAMES.get(owner, f"{owner} item" if owner else "item")
        if isinstance(ident, str) and ident.strip():
            shown = ident if len(ident) <= _MOST_ID else ident[:_MOST_ID - 1] + "…"
            parts.append(f"{name} '{shown}'")
        else:
            parts.append(f"{name} {step + 1}")
        node = item
    if keys:
        parts.append(".".join(keys))
    return ", ".join(parts)


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
