"""Keyed luck: every random draw is a pure function of the seed, the quarter, the purpose and the
draw's number, never of what was decided before.

Two teams with the same seed therefore face the same luck where their games are comparable: the
same chance of a second card in quarter 5, the same roll for Russia's undecided vote in 2017, the
same roll for a defection in the same quarter. What cannot stay the same is what depends on the
state: which cards are eligible (a roll picks among different cards), whether a member is
undecided at all, how many peacekeepers a quarter's violence puts at risk. A single stream would
shift every later draw after one changed decision; keyed draws do not.

The mixing function is splitmix64 (Steele, Lea and Flood, 2014), in integers, so the same inputs
give the same numbers on every machine and every Python version.
"""

from __future__ import annotations

import zlib

_MASK = (1 << 64) - 1
_GOLDEN, _M1, _M2 = 0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB
_UNIT = 1.0 / (1 << 53)


def _mix(x: int) -> int:
    """splitmix64's finaliser: a well-spread 64-bit value from any 64-bit input."""
    x = (x + _GOLDEN) & _MASK
    x = ((x ^ (x >> 30)) * _M1) & _MASK
    x = ((x ^ (x >> 27)) * _M2) & _MASK
    return x ^ (x >> 31)


_PURPOSES: dict[str, int] = {}


def _purpose(name: str) -> int:
    """A stable number for a purpose (crc32, not hash(): Python salts string hashes per run)."""
    key = _PURPOSES.get(name)
    if key is None:
        key = _PURPOSES[name] = zlib.crc32(name.encode("utf-8"))
    return key


class Luck:
    """The luck of one game: ``draw(quarter, purpose, n)`` is a float in [0, 1)."""

    __slots__ = ("seed", "_base")

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._base = _mix(seed & _MASK)

    def draw(self, quarter: int, purpose: str, n: int = 0) -> float:
        # _mix twice, written out: draws are on the simulations' hot path (the same integers)
        key = _PURPOSES.get(purpose)
        if key is None:
            key = _purpose(purpose)
        x = ((self._base ^ (quarter & 0xFFFF) << 48 ^ key << 8 ^ (n & 0xFF)) + _GOLDEN) & _MASK
        x = ((x ^ (x >> 30)) * _M1) & _MASK
        x = ((x ^ (x >> 27)) * _M2) & _MASK
        x = ((x ^ (x >> 31)) + _GOLDEN) & _MASK
        x = ((x ^ (x >> 30)) * _M1) & _MASK
        x = ((x ^ (x >> 27)) * _M2) & _MASK
        return ((x ^ (x >> 31)) >> 11) * _UNIT
