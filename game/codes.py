"""Session codes: one short code a facilitator writes on the board, which every team types to play
the same scenario, at the same length, with the same luck, on the same content.

A code reads ``AA-7K3Q-M2X9-PQ``: two letters for the scenario, then Crockford base32 groups (no
I, L, O or U, so nothing is misread; lower case and the letters I, L, O typed by mistake are
read as 1, 1, 0), the last character a check. It carries the seed, the length, a fingerprint of
the scenario's id and 16 bits of its content hash: a code made with other cards or other rules is
refused with a message that says so, instead of giving two teams different games.

Pure functions: no files, no clock. ``make`` and ``read`` are all there is.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from game.engine.defs import LENGTHS, Scenario

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)} | {"I": 1, "L": 1, "O": 0}
VERSION = 1
MAX_SEED = 999_999_999
_STOP_WORDS = {"to", "of", "the", "and", "de", "la", "le", "a"}


class CodeError(ValueError):
    """A code that cannot be used; ``key`` names why (for the front ends' words), the text is English."""

    def __init__(self, key: str, text: str) -> None:
        self.key = key
        super().__init__(text)


@dataclass(frozen=True)
class SessionCode:
    scenario: str  # the scenario's id
    length: str
    seed: int
    code: str


def prefix(scenario_id: str) -> str:
    """Two letters for a scenario: the initials of its words (after-algiers: AA), or its first two."""
    words = [w for w in scenario_id.replace("_", "-").split("-") if w and w not in _STOP_WORDS]
    letters = "".join(w[0] for w in words) if len(words) >= 2 else scenario_id.replace("-", "")
    out = "".join(ch for ch in letters.upper() if ch.isascii() and ch.isalpha())[:2]
    return (out + "XX")[:2]


def _fingerprint(scenario_id: str) -> int:
    return zlib.crc32(scenario_id.encode("utf-8")) & 0xFF


def _content(scenario: Scenario) -> int:
    try:
        return int(scenario.content_hash[:4], 16)
    except ValueError:
        return 0


def _check(digits: str) -> str:
    total = sum((i + 1) * _VALUE[ch] for i, ch in enumerate(digits))
    return ALPHABET[total % 32]


def make(scenario: Scenario, length: str, seed: int) -> str:
    """The code for a session of ``scenario`` at ``length`` with ``seed``."""
    if length not in LENGTHS:
        raise ValueError(f"unknown length {length!r}")
    if length == "lesson" and not scenario.lesson:
        raise ValueError(f"scenario {scenario.id!r} has no lesson length")
    if not 0 <= seed <= MAX_SEED:
        raise ValueError(f"seed out of range: {seed}")
    n = seed
    n = n << 8 | _fingerprint(scenario.id)
    n = n << 16 | _content(scenario)
    n = n << 1 | LENGTHS.index(length)
    n = n << 2 | VERSION
    digits = ""
    while n:
        n, r = divmod(n, 32)
        digits = ALPHABET[r] + digits
    digits = digits or "0"
    digits += _check(digits)
    groups = [digits[i:i + 4] for i in range(0, len(digits), 4)]
    return "-".join([prefix(scenario.id), *groups])


def read(code: str, scenarios: list[Scenario]) -> SessionCode:
    """The session a code names among ``scenarios``; ``CodeError`` saying why it cannot be used."""
    text = "".join(ch for ch in code.upper() if not ch.isspace())
    head, _, rest = text.partition("-")
    digits = rest.replace("-", "")
    if len(head) != 2 or not digits or any(ch not in _VALUE for ch in digits):
        raise CodeError("malformed", "this is not a session code: it looks like AA-7K3Q-M2X9-PQ")
    digits = "".join(ALPHABET[_VALUE[ch]] for ch in digits)
    body, check = digits[:-1], digits[-1]
    if not body or _check(body) != check:
        raise CodeError("mistyped", "this code has a typing mistake: check it against the board")
    n = 0
    for ch in body:
        n = n * 32 + _VALUE[ch]
    version, n = n & 0b11, n >> 2
    length_bit, n = n & 1, n >> 1
    content, n = n & 0xFFFF, n >> 16
    finger, seed = n & 0xFF, n >> 8
    if version != VERSION:
        raise CodeError("newer", "this code was made by another version of Penholder")
    matching = [s for s in scenarios if prefix(s.id) == head and _fingerprint(s.id) == finger]
    if not matching:
        raise CodeError("no_scenario", "this code is for a scenario this game does not have")
    same = [s for s in matching if _content(s) == content]
    if not same:
        raise CodeError("other_content", f"this code was made with other content for '{matching[0].id}' (other cards or "
                                          "rules): every team must play the same version; ask for a new code")
    if seed > MAX_SEED:
        raise CodeError("mistyped", "this code has a typing mistake: check it against the board")
    return SessionCode(same[0].id, LENGTHS[length_bit], seed, make(same[0], LENGTHS[length_bit], seed))
