"""Subtle motion: a number ticking to its new value, a tie pulsing once, in at most ``DURATION_MS``.

A ``Motion`` is driven by the loop's clock through its view's ``moving()`` and ``tick(now_ms)``
(``game/ui/loop.py``). Before its first tick, and with reduce motion, it shows the end state, so
a screen drawn without the loop (tests, screenshots) shows the true values, and motion never holds
input: unlike the vote, it is decoration, and keys act at once.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.app import App

DURATION_MS = 300
Tick = Callable[[int, int], int]  # (the value before, the value now) -> the number shown this frame


class Motion:
    def __init__(self, reduce: bool, duration_ms: int = DURATION_MS):
        self.duration = duration_ms
        self.off = reduce
        self.start: int | None = None
        self.now = 0
        self.over = reduce

    def moving(self) -> bool:
        return not self.over

    def restart(self) -> None:
        """Play again from the start (a tab shown again)."""
        if not self.off:
            self.start, self.over = None, False

    def tick(self, now_ms: int) -> None:
        if self.over:
            return
        if self.start is None:
            self.start = now_ms
        self.now = now_ms
        if now_ms - self.start >= self.duration:
            self.over = True

    def progress(self) -> float:
        """0 at the start, 1 at the end (and before the first tick, and once over)."""
        if self.over or self.start is None:
            return 1.0
        return min(1.0, (self.now - self.start) / self.duration)

    def value(self, old: int, new: int) -> int:
        """The number shown: from ``old`` to ``new``, fast then slower."""
        p = self.progress()
        eased = 1 - (1 - p) ** 3
        return new if p >= 1 else round(old + (new - old) * eased)

    def pulse(self) -> float:
        """0 → 1 → 0 over the motion (a tie thickening, then back)."""
        p = self.progress()
        return 0.0 if p >= 1 else math.sin(math.pi * p)


def for_app(app: App) -> Motion:
    """A motion for one of ``app``'s screens: none with reduce motion, nor in screenshots."""
    return Motion(app.settings.reduce_motion or app.shots is not None)
