"""Progress of long runs (``simulate``, ``balance``) on a terminal: one line on stderr, rewritten.

Nothing is written when stderr is not a terminal (piped, redirected, in CI) or when the caller
asks for none (``--json``), so the output a script reads never changes. The line is rewritten at
most a few times a second and cleared at the end.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

INTERVAL = 0.2  # seconds between two redraws


def on_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):  # a closed or unusual stream
        return False


class Progress:
    """``done of total`` for one task; ``step()`` after each unit of work, ``close()`` at the end."""

    def __init__(self, what: str, total: int, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.what, self.total, self.done = what, max(1, total), 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and on_terminal(self.stream)
        self.last = 0.0
        self.started = time.monotonic()
        self.shown = False

    def step(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last >= INTERVAL or self.done >= self.total:
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        share = min(self.done, self.total) / self.total
        elapsed = now - self.started
        left = f", about {elapsed / share - elapsed:.0f} s left" if 0 < share < 1 and elapsed > 1 else ""
        self.stream.write(f"\r{self.what}: {self.done:,} of {self.total:,} ({share:.0%}){left}\x1b[K")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.enabled and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
