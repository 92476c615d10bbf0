"""The live room's messages: small JSON objects, one per websocket text frame.

Every message carries ``v`` (the protocol's version) and ``type``. A team's messages carry its
``team`` id, a random token its client keeps for the whole game, so a reconnection is the same
team. Each decision has a per-team sequence number ``seq`` (1, 2, 3…): the room keeps a decision
only if it is the next one it expects, so a decision sent twice is kept once, and a gap is seen.
On every (re)connection the room says the last number it holds (``welcome``'s ``acked``) and the
client sends everything after it again.

A decision is the replay entry the game recorded (``{"do": "choose", …}``) and ``at``, the number
of decisions the game held before it: an undo makes the next decision's ``at`` smaller, and the
room cuts its copy there. An ``entry`` of None is an undo alone (the game now holds ``at``).

=========  ==========  ===================================================================
type       from        fields
=========  ==========  ===================================================================
hello      team        code, name, team (id)
welcome    room        team, acked, control
decision   team        team, seq, at, entry
ack        room        seq
status     team        team, year, quarter, phase, decisions, figures, draft (as voted), danger:
                       the game's own view, which the room checks against its copy
control    room        state: ``play``, ``pause`` or ``hold`` (hold at the next vote)
refused    room        key (a ``CodeError`` key or ``bad_message``…), text; the room then closes
=========  ==========  ===================================================================

Pure functions: ``encode`` and ``decode`` (``ProtocolError`` saying what is wrong).
"""

from __future__ import annotations

import json
import re
from typing import Any

VERSION = 1
CONTROLS: tuple[str, ...] = ("play", "pause", "hold")
MAX_MESSAGE = 64 * 1024  # a decision is a few dozen bytes; a status, a few hundred
MAX_NAME = 40
_TEAM_ID = re.compile(r"[0-9a-f]{8,32}")

# Each type's required fields and their types (None: any JSON value, checked by the reader).
_FIELDS: dict[str, dict[str, type | tuple[type, ...] | None]] = {
    "hello": {"code": str, "name": str, "team": str},
    "welcome": {"team": str, "acked": int, "control": str},
    "decision": {"team": str, "seq": int, "at": int, "entry": (dict, type(None))},
    "ack": {"seq": int},
    "status": {"team": str, "year": int, "quarter": int, "phase": str, "decisions": int, "figures": dict, "draft": dict,
               "danger": list},
    "control": {"state": str},
    "refused": {"key": str, "text": str},
}
TYPES: tuple[str, ...] = tuple(_FIELDS)


class ProtocolError(ValueError):
    """A message the room or a client cannot use; the text says why."""


def encode(kind: str, **fields: Any) -> str:
    """One message as JSON text (checked as ``decode`` would check it)."""
    message = {"v": VERSION, "type": kind, **fields}
    _check(message)
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


def decode(text: str | bytes) -> dict[str, Any]:
    """A message read from the wire; ``ProtocolError`` if it is not one this version knows."""
    if len(text) > MAX_MESSAGE:
        raise ProtocolError(f"message too long ({len(text)} bytes, at most {MAX_MESSAGE})")
    try:
        message = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProtocolError(f"not JSON: {exc}") from None
    if not isinstance(message, dict):
        raise ProtocolError("a message is a JSON object")
    _check(message)
    return message


def _check(message: dict[str, Any]) -> None:
    if message.get("v") != VERSION:
        raise ProtocolError(f"protocol version {str(message.get('v'))[:10]!r}, this game speaks {VERSION}")
    kind = message.get("type")
    fields = _FIELDS.get(kind) if isinstance(kind, str) else None
    if fields is None or not isinstance(kind, str):
        raise ProtocolError(f"unknown message type {str(kind)[:20]!r}")
    for name, wanted in fields.items():
        if name not in message:
            raise ProtocolError(f"{kind}: no {name!r}")
        value = message[name]
        if wanted is not None and (not isinstance(value, wanted) or (wanted is int and isinstance(value, bool))):
            raise ProtocolError(f"{kind}: {name!r} has the wrong type")
    _check_values(kind, message)


def _check_values(kind: str, message: dict[str, Any]) -> None:
    if "team" in message and not _TEAM_ID.fullmatch(message["team"]):
        raise ProtocolError(f"{kind}: 'team' is not a team id")
    if kind == "decision" and (message["seq"] < 1 or message["at"] < 0):
        raise ProtocolError("decision: 'seq' starts at 1 and 'at' is never negative")
    if kind in ("welcome", "control"):
        state = message["control"] if kind == "welcome" else message["state"]
        if state not in CONTROLS:
            raise ProtocolError(f"{kind}: unknown control {str(state)[:20]!r}")
    if kind == "hello" and not clean_name(message["name"]):
        raise ProtocolError("hello: a team needs a name")


def clean_name(name: str) -> str:
    """A team's name as the room shows it: printable characters only, spaces folded, at most 40."""
    kept = "".join(ch if ch.isprintable() else " " for ch in name)
    return " ".join(kept.split())[:MAX_NAME]


__all__ = ["CONTROLS", "MAX_MESSAGE", "TYPES", "VERSION", "ProtocolError", "clean_name", "decode", "encode"]
