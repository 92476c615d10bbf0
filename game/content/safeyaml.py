"""A strict, safe YAML reader that keeps the line and column of every value.

PyYAML's C parser (libyaml) produces events; we build plain Python data from them ourselves so
that we can refuse what a card file never needs and what could hurt the game:

- aliases and anchors (alias bombs), explicit tags (object construction), duplicate keys (PyYAML
  silently keeps the last one), nesting deeper than ``MAX_DEPTH``, files larger than
  ``MAX_FILE_BYTES``, strings longer than ``MAX_STRING``, bytes that are not UTF-8;
- implicit typing is strict: only ``true``/``false``, ``null``/``~``, decimal integers and
  decimal floats become non-strings. ``yes``, ``NO``, ``012``, ``1:20`` and dates stay strings.

The result is ``(data, positions)`` where ``positions`` maps a path (a tuple of keys and list
indexes, as pydantic reports them) to ``(line, column)``, both counted from 1.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from game.content.problems import ContentError, Problem

MAX_FILE_BYTES = 512 * 1024
MAX_STRING = 8_000
MAX_DEPTH = 16

Path = tuple[str | int, ...]
Positions = dict[Path, tuple[int, int]]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\Z")

try:  # libyaml's parser when present (fast); the pure-Python one otherwise (same events)
    _Loader: type = yaml.CBaseLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.BaseLoader


def _plain_scalar(text: str) -> Any:
    """Strict typing of an unquoted scalar."""
    if text in ("true", "false"):
        return text == "true"
    if text in ("null", "~", ""):
        return None
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


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


def load_text(text: str, path: str) -> tuple[Any, Positions]:
    """Parse one YAML document held in ``text``; raise ``ContentError`` on anything refused."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ContentError(
            [Problem(path, 1, 1, "Y006", f"file is larger than {MAX_FILE_BYTES // 1024} KB")]
        )
    positions: Positions = {}
    problems: list[Problem] = []
    # Each open container: [container, path, pending mapping key or None, key position]
    stack: list[list[Any]] = []
    root: Any = None
    have_root = False
    documents = 0

    def where(event: Any) -> tuple[int, int]:
        return event.start_mark.line + 1, event.start_mark.column + 1

    def fail(event: Any, code: str, message: str) -> ContentError:
        line, col = where(event)
        return ContentError(problems + [Problem(path, line, col, code, message)])

    def attach(value: Any, event: Any) -> Path | None:
        """Put a finished value into its parent; return the value's path (None for a key)."""
        nonlocal root, have_root
        if not stack:
            root, have_root = value, True
            positions[()] = where(event)
            return ()
        frame = stack[-1]
        container, cpath = frame[0], frame[1]
        if isinstance(container, list):
            vpath = cpath + (len(container),)
            container.append(value)
            positions[vpath] = where(event)
            return vpath
        if frame[2] is None:  # this value is a key
            if not isinstance(value, str):
                raise fail(event, "Y009", "a mapping key must be a plain value")
            key = value
            if key in container:
                first = positions.get(cpath + (key,), (0, 0))[0]
                raise fail(event, "Y004", f"duplicate key '{key}' (first given on line {first})")
            frame[2] = key
            frame[3] = where(event)
            return None
        key = frame[2]
        container[key] = value
        vpath = cpath + (key,)
        positions[vpath] = frame[3]
        frame[2] = None
        return vpath

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise fail(event, "Y002", "aliases (*name) are not allowed: write the value out")
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise fail(event, "Y010", "one document per file: remove the second '---'")
                continue
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                raise fail(event, "Y002", f"anchors (&{anchor}) are not allowed")
            if isinstance(event, yaml.ScalarEvent):
                if event.tag is not None:
                    raise fail(event, "Y003", f"tags ({event.tag}) are not allowed")
                if len(event.value) > MAX_STRING:
                    raise fail(event, "Y007", f"text longer than {MAX_STRING} characters")
                awaiting_key = bool(stack) and isinstance(stack[-1][0], dict) and stack[-1][2] is None
                plain = event.style in (None, "")
                # Keys stay text (``2015:`` is the key "2015"); values are typed strictly.
                value = event.value if awaiting_key or not plain else _plain_scalar(event.value)
                attach(value, event)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if event.tag is not None:
                    raise fail(event, "Y003", f"tags ({event.tag}) are not allowed")
                if len(stack) >= MAX_DEPTH:
                    raise fail(event, "Y005", f"nesting deeper than {MAX_DEPTH} levels")
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                vpath = attach(container, event)
                if vpath is None:
                    raise fail(event, "Y009", "a mapping key must be a plain value")
                stack.append([container, vpath, None, (0, 0)])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        reason = (exc.problem or "not valid YAML").strip()
        raise ContentError([Problem(path, line, col, "Y001", f"YAML syntax: {reason}")]) from None
    except yaml.YAMLError as exc:  # errors without a mark
        raise ContentError([Problem(path, 0, 0, "Y001", f"YAML syntax: {exc}")]) from None
    except RecursionError:  # pragma: no cover - the depth cap comes first
        raise ContentError([Problem(path, 0, 0, "Y005", "nesting too deep")]) from None
    if not have_root:
        root = None
    return root, positions


def load_file(path: str) -> tuple[Any, Positions]:
    """Read, size-check and decode a file, then parse it strictly."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ContentError([Problem(path, 0, 0, "Y000", f"cannot read file: {exc.strerror}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError(
            [Problem(path, 1, 1, "Y006", f"file is larger than {MAX_FILE_BYTES // 1024} KB")]
        )
    return load_text(decode_utf8(raw, path), path)
