"""Meters that remember why they moved.

Every change goes through ``Meters.add`` with a cause string, so that "why did X change?" always
has an answer. Causes are short keys the front ends turn into words:

- ``rule:<name>`` — a rule of the model (``rules.RULES`` says what each means);
- ``clause:<dimension>.<option>`` — a clause of the resolution in force;
- ``card:<card>.<response>`` and ``later:<card>.<response>`` — a card response, now or delayed;
- ``trade:<member>.<dimension>``, ``vote:<result>``, ``end:<kind>`` — Council events.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

Record = tuple[int, str, int, str]  # (quarter, quantity, change, cause)


@dataclass(frozen=True)
class Contribution:
    cause: str
    change: int


class Meters:
    """Integer quantities with ranges, and the ledger of every change."""

    __slots__ = ("values", "ranges", "ledger", "quarter")

    def __init__(self, values: Mapping[str, int], ranges: Mapping[str, tuple[int, int]]):
        self.values: dict[str, int] = {sys.intern(k): v for k, v in values.items()}
        self.ranges = ranges
        self.ledger: list[Record] = []
        self.quarter = 0

    def __getitem__(self, name: str) -> int:
        return self.values[name]

    def add(self, name: str, change: int, cause: str) -> int:
        """Move ``name`` by ``change`` within its range; record and return the real change."""
        if not change:
            return 0
        values = self.values
        old = values[name]
        new = old + change
        lo, hi = self.ranges[name]
        if new < lo:
            new = lo
        elif new > hi:
            new = hi
        if new == old:
            return 0
        values[name] = new
        self.ledger.append((self.quarter, name, new - old, cause))
        return new - old

    def set(self, name: str, value: int, cause: str) -> int:
        return self.add(name, value - self.values[name], cause)

    def why(self, name: str, quarters: Iterable[int] | None = None, divisor: int = 1,
            parts: Iterable[str] = ()) -> list[Contribution]:
        """What moved ``name`` (in the given quarters, or the whole game), largest first.

        With ``parts``, the causes of all those quantities together, each divided by ``divisor``
        (how a mean or another derived figure shares out its parts' changes); one pass either way."""
        wanted = None if quarters is None else set(quarters)
        names = set(parts) or {name}
        totals: dict[str, int] = {}
        for quarter, quantity, change, cause in self.ledger:
            if quantity in names and (wanted is None or quarter in wanted):
                totals[cause] = totals.get(cause, 0) + change
        ranked = [Contribution(c, int(v / divisor)) for c, v in totals.items() if int(v / divisor)]
        ranked.sort(key=lambda c: (-abs(c.change), c.cause))
        return ranked

    def changes_in(self, quarter: int) -> dict[str, int]:
        """Net change of every quantity that moved in ``quarter``."""
        net: dict[str, int] = {}
        for q, quantity, change, _cause in self.ledger:
            if q == quarter:
                net[quantity] = net.get(quantity, 0) + change
        return {k: v for k, v in sorted(net.items()) if v}
