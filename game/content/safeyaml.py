"""A strict, safe YAML reader that keeps the line and column of every value.

PyYAML's C parser (libyaml) produces events; we build plain Python data from them ourselves so
that we can refuse what a card file never needs and what could hurt the game:

- aliases and anchors (alias bombs), explicit tags (object construction), duplicate keys (PyYAML
  silently keeps the last one), nesting deeper than ``MAX_DEPTH``, files larger than
  ``MAX_FILE_BYTES``, keys longer than ``MAX_KEY``, bytes that are not UTF-8;
- implicit typing is strict: only ``true``/``false``, ``null``/``~``, decimal integers and
  decimal floats become non-strings. ``yes``, ``NO``, ``012``, ``1:20`` and dates stay strings.
  Numbers of more than ``MAX_DIGITS`` digits, and floats too large to be finite, are refused:
  no card needs them, and Python cannot even print an integer of more than 4,300 digits.

Files are read through ``read_file`` only: regular files (or links to one), opened without
blocking (a FIFO would wait forever), at most ``MAX_FILE_BYTES + 1`` bytes (``/dev/zero`` never
ends), each once — the loader keeps the bytes for the content hash and the lines for messages.

The result is ``(data, positions)`` where ``positions`` maps a path (a tuple of keys and list
indexes, as pydantic reports them) to ``(line, column)``, both counted from 1.
"""

from __future__ import annotations

import errno
import math
import os
import re
import stat
from dataclasses import dataclass
from typing import Any

import yaml

from game.content.problems import ContentError, Problem

MAX_FILE_BYTES = 512 * 1024
# A key this long is no field name. A long value is left to the schema, whose every text has its
# own limit, so that one over-long text sets aside its card, not the whole file (the file's own
# cap bounds the memory).
MAX_KEY = 8_000
MAX_DEPTH = 16
MAX_DIGITS = 15  # the largest quantity is 100,000; a longer number is a typo or an attack

Path = tuple[str | int, ...]
Positions = dict[Path, tuple[int, int]]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")

try:  # libyaml's parser when present (fast); the pure-Python one otherwise (same events)
    _Loader: type = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.BaseLoader


class _NumberTooLarge(ValueError):
    pass


def _plain_scalar(text: str) -> Any:
    """Strict typing of an unquoted scalar."""
    if text in ("true", "false"):
        return text == "true"
    if text in ("null", "~", ""):
        return None
    if _INT.match(text):
        if len(text.lstrip("+-")) > MAX_DIGITS:
            raise _NumberTooLarge(text)
        return int(text)
    if _FLOAT.match(text):
        value = float(text)
        if not math.isfinite(value) or abs(value) >= 10.0 ** MAX_DIGITS:
            raise _NumberTooLarge(text)
        return value
    return text


def _number_message(text: str) -> str:
    digits = len(text.lstrip("+-"))
    shown = text if digits <= 20 else f"{text[:12]}… ({digits} characters)"
    return f"the number {shown} is far too large: numbers in content have at most {MAX_DIGITS} digits"


def decode_utf8(raw: bytes, path: str) -> str:
    """Decode UTF-8 (a BOM is allowed), or raise with the line of the first bad byte."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError(
            [Problem(path, line, col, "Y008", "this file is not UTF-8 text: save it as UTF-8")]
        ) from None
    return text


# libyaml's messages, each as a plain sentence that says what to do; the parser's own words follow
# it in brackets, for whoever knows YAML (or searches the web for them).
_PLAIN = (
    ("special characters are not allowed", "an invisible control character is here: delete it"),
    ("mapping values are not allowed",
     "this value holds ': ' (a colon and a space), which YAML reads as a new field: the value must be put in quotes,"
     " for example title: \"Kidal: the talks resume\""),
    ("could not find expected ':'",
     "this line has no ':' after its name: write 'name: value' (a colon and a space after the name)"),
    ("did not find expected key",
     "this line is not indented like the lines around it: line it up with the other fields of the same item,"
     " or check the line above"),
    ("did not find expected '-' indicator",
     "a list is broken here: each item of a list starts with '- ' at the same indentation, and a 'name: value'"
     " line cannot sit among the items — check the indentation of this list"),
    ("found character '@'", "a value starting with @ must be put in quotes"),
    ("found character '`'", "a value starting with ` must be put in quotes"),
    ("found undefined tag handle", "a value starting with ! must be put in quotes"),
    ("block sequence entries are not allowed",
     "a '- ' item must start its own line, indented under the name of its list"),
    ("did not find expected ',' or '}'",
     "a { … } on one line needs a comma between items and a closing }: close it, or write the items on lines of their own"),
    ("did not find expected ',' or ']'",
     "a [ … ] on one line needs a comma between items and a closing ]: close it, or write the items on lines of their own"),
    ("expected comment or line break", "something follows the value on this line: put the whole value in quotes"),
    ("expected <document start>", "the first lines are not indented as expected: top-level names start at the left margin"),
    ("unknown escape character", "in double quotes a backslash starts an escape: write \\\\ or use single quotes"),
    ("found unexpected end of stream", "the file ends inside a value: a quote or a bracket is not closed"),
)


def _plain(reason: str, text: str, index: int) -> str:
    """libyaml's message as a sentence that says what to do (it does not always name the character)."""
    if "cannot start any token" in reason and 0 <= index < len(text):
        ch = text[index]
        if ch == "\t":
            return "this line is indented with a tab: indent with spaces, not tabs"
        if ch in "@`%":
            return f"a value starting with {ch} must be put in quotes"
    for fragment, sentence in _PLAIN:
        if fragment in reason:
            return sentence
    return "this file cannot be read as YAML here: check this line and the one above"


def _closed_quote(text: str, index: int) -> str:
    """The sentence for words after a closing quote ('près d'Aguelhok', "Kidal" again): the quote
    inside the text ended it, and YAML reads what follows as something else ('' if not that)."""
    start = text.rfind("\n", 0, index) + 1
    before = text[start:index].rstrip()
    after = text[index:text.find("\n", index) if "\n" in text[index:] else len(text)].strip()
    if not after or not before or before[-1] not in "'\"":
        return ""
    if before[-1] == "'":
        return ("the text in single quotes ends at the apostrophe before this word: inside '…' write an apostrophe"
                " twice (d''Aguelhok), or put the whole text in double quotes (\"près d'Aguelhok\")")
    return ("the text in double quotes ends at the quote before this word: put the whole text in single quotes"
            " ('\"Kidal\" again'), or write \\\" for each quote inside it")


def _line_col(text: str, index: int) -> tuple[int, int]:
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def load_text(text: str, path: str) -> tuple[Any, Positions]:
    """Parse one YAML document held in ``text``; raise ``ContentError`` on anything refused."""
    if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise ContentError(
            [Problem(path, 1, 1, "Y006", f"file is larger than {MAX_FILE_BYTES // 1024} KB: split it in several files")]
        )
    builder = _Builder(path)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        raise ContentError([_syntax_problem(exc, text, path)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses anywhere (a control character)
        line, col = _line_col(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise ContentError([Problem(path, line, col, "Y008",
                                    f"this file holds a control character (U+{code:04X}) that YAML does not allow:"
                                    " delete it")]) from None
    except yaml.YAMLError:  # errors without a mark: none known, but never show a raw exception
        raise ContentError([Problem(path, 1, 1, "Y001", "YAML syntax: this file is not valid YAML")]) from None
    except RecursionError:  # pragma: no cover - the depth cap comes first
        raise ContentError([Problem(path, 0, 0, "Y005", "nesting too deep")]) from None
    return builder.root, builder.positions


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    """libyaml's syntax error at its place, with a hint of what to do."""
    mark = exc.problem_mark or exc.context_mark
    reason = " ".join((exc.problem or "not valid YAML").split())
    quote = _closed_quote(text, mark.index) if mark else ""
    sentence = quote or _plain(reason, text, mark.index if mark else -1)
    if not quote and exc.context_mark is not None and ("expected ':'" in reason or "did not find expected ','" in reason):
        # libyaml notices a missing colon on the next line, and an unclosed [ or { where the file
        # or the item ends: the name without its colon, or the bracket left open, is where it began.
        mark = exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Problem(path, line, col, "Y001", f"{sentence} (YAML syntax: {reason})")


def _where(event: yaml.Event) -> tuple[int, int]:
    """Line and column of an event, from 1 (the parser marks every event it emits)."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


@dataclass(slots=True)
class _Frame:
    """An open mapping or list: its path, and for a mapping the key read and not yet given a value."""

    container: dict[str, Any] | list[Any]
    path: Path
    key: str | None = None
    key_at: tuple[int, int] = (0, 0)


class _Builder:
    """Plain data and the position of every value, built from the parser's events one at a time."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.positions: Positions = {}
        self.root: Any = None
        self.stack: list[_Frame] = []
        self.documents = 0

    def fail(self, event: yaml.Event, code: str, message: str) -> ContentError:
        line, col = _where(event)
        return ContentError([Problem(self.path, line, col, code, message)])

    def feed(self, event: yaml.Event) -> None:
        """Take one event; raise ``ContentError`` for what content never needs."""
        if isinstance(event, yaml.AliasEvent):
            raise self.fail(event, "Y002", "aliases (*name) are not allowed: write the value out")
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(event, "Y010", "one document per file: remove the second '---'")
            return
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise self.fail(event, "Y002", f"anchors (&{anchor}) are not allowed")
        if isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.open(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()

    def scalar(self, event: yaml.ScalarEvent) -> None:
        if event.tag is not None:
            raise self.fail(event, "Y003", f"tags ({event.tag}) are not allowed: remove the '!…' before the value")
        awaiting_key = bool(self.stack) and isinstance(self.stack[-1].container, dict) and self.stack[-1].key is None
        if awaiting_key and len(event.value) > MAX_KEY:
            raise self.fail(event, "Y007", f"a name before ':' longer than {MAX_KEY:,} characters: a field's name is one short word")
        plain = event.style in (None, "")
        # Keys stay text (``2015:`` is the key "2015"); values are typed strictly.
        try:
            value = event.value if awaiting_key or not plain else _plain_scalar(event.value)
        except _NumberTooLarge:
            raise self.fail(event, "Y011", _number_message(event.value)) from None
        self.attach(value, event)

    def open(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        if event.tag is not None:
            raise self.fail(event, "Y003", f"tags ({event.tag}) are not allowed: remove the '!…' before the value")
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(event, "Y005", f"nesting deeper than {MAX_DEPTH} levels")
        container: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        vpath = self.attach(container, event)
        if vpath is None:
            raise self.fail(event, "Y009", "a mapping key must be a plain value")
        self.stack.append(_Frame(container, vpath))

    def attach(self, value: Any, event: yaml.Event) -> Path | None:
        """Put a finished value into its parent; return the value's path (None for a key)."""
        if not self.stack:
            self.root = value
            self.positions[()] = _where(event)
            return ()
        frame = self.stack[-1]
        container = frame.container
        if isinstance(container, list):
            vpath = frame.path + (len(container),)
            container.append(value)
            self.positions[vpath] = _where(event)
            return vpath
        if frame.key is None:  # this value is a key
            self.take_key(frame, value, event)
            return None
        container[frame.key] = value
        vpath = frame.path + (frame.key,)
        self.positions[vpath] = frame.key_at
        frame.key = None
        return vpath

    def take_key(self, frame: _Frame, key: Any, event: yaml.Event) -> None:
        """A mapping's next key: text, and not given before (PyYAML would keep the last silently)."""
        if not isinstance(key, str):
            raise self.fail(event, "Y009", "a mapping key must be a plain value")
        if key in frame.container:
            first = self.positions.get(frame.path + (key,), (0, 0))[0]
            raise self.fail(event, "Y004", f"duplicate key '{key}' (first given on line {first})")
        frame.key = key
        frame.key_at = _where(event)


_READ_ERRORS = {
    errno.ENOENT: "the file was not found (was it moved or deleted while checking?)",
    errno.ELOOP: "this is a link that leads back to itself: replace it with the file it should point to",
    errno.EACCES: "permission denied: allow your account to read this file",
    errno.EPERM: "permission denied: allow your account to read this file",
    errno.ENAMETOOLONG: "the file's name or folder path is too long",
    errno.EISDIR: "this is a folder, not a file",
}


def _cannot_read(path: str, why: str) -> ContentError:
    return ContentError([Problem(path, 0, 0, "Y000", f"cannot read this file: {why}")])


def read_file(path: str) -> bytes:
    """The bytes of a content file, read through the one guarded path.

    Refuses what is not a regular file (a folder, a device such as ``/dev/zero``, a FIFO, a
    socket) before opening it, opens without blocking and without becoming the controlling
    terminal, checks again on the open file (it may have been swapped meanwhile), and reads at
    most ``MAX_FILE_BYTES + 1`` bytes so that an oversized file is recognised without reading it.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise _cannot_read(path, "it is not a regular file (a folder, a device or a pipe): put a YAML file here")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except ValueError:  # a NUL in the path
        raise _cannot_read(path, "the file's name holds a NUL character") from None
    except OSError as exc:
        raise _cannot_read(path, _READ_ERRORS.get(exc.errno or 0, (exc.strerror or "unknown error").lower())) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _cannot_read(path, "it is not a regular file (a folder, a device or a pipe): put a YAML file here")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise _cannot_read(path, (exc.strerror or "unknown error").lower()) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def load_bytes(raw: bytes, path: str) -> tuple[Any, Positions]:
    """Size-check and decode bytes already read, then parse them strictly."""
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(
            [Problem(path, 1, 1, "Y006", f"file is larger than {MAX_FILE_BYTES // 1024} KB: split it in several files")]
        )
    return load_text(decode_utf8(raw, path), path)


def load_file(path: str) -> tuple[Any, Positions]:
    """Read (through ``read_file``), size-check and decode a file, then parse it strictly."""
    return load_bytes(read_file(path), path)
