"""Problems found in content: one message an author can act on, with file, line and column."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from game.engine.world import did_you_mean

__all__ = ["ContentError", "Problem", "did_you_mean"]


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a content file. Lines and columns count from 1 (0 = unknown)."""

    path: str
    line: int
    col: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


class ContentError(Exception):
    """Raised when a file cannot be read at all; carries the problems found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems
