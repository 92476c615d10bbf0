"""The scenarios the window plays, compiled once and kept while their files are unchanged."""

from __future__ import annotations

from pathlib import Path

from game.content.loader import levels_root, load_scenario, resolve_level
from game.engine.defs import Scenario
from game.watch import skipped_counts


class Levels:
    def __init__(self) -> None:
        self._cache: dict[str, tuple[Scenario, list[tuple[Path, float]]]] = {}

    @staticmethod
    def name(folder: Path) -> str:
        """A bundled scenario by its name, any other by its folder's path."""
        try:
            if folder.resolve().parent == levels_root().resolve():
                return folder.name
        except OSError:
            pass
        return str(folder)

    def load(self, level: str) -> tuple[Scenario | None, str]:
        """The scenario for ``level``, or None and its first problem."""
        cached = self._cache.get(level)
        if cached is not None and all(_mtime(p) == m for p, m in cached[1]):
            return cached[0], ""
        loaded = load_scenario(resolve_level(level))
        if loaded.scenario is None:
            return None, str(loaded.problems[0]) if loaded.problems else "no scenario"
        self._cache[level] = (loaded.scenario, _stamps(loaded.files))
        return loaded.scenario, ""


# What each scenario folder's files leave out, (cards, files), kept while its files are unchanged:
# the title screen asks for every bundled scenario each time it opens.
_SKIPPED: dict[str, tuple[tuple[int, int], list[tuple[Path, float]]]] = {}


def skipped(folder: Path) -> tuple[int, int]:
    """(cards, files) the scenario in ``folder`` leaves out; (0, 0) for one that cannot be played
    (the title says that on its own)."""
    key = str(folder)
    cached = _SKIPPED.get(key)
    if cached is not None and all(_mtime(p) == m for p, m in cached[1]):
        return cached[0]
    loaded = load_scenario(folder)
    counts = skipped_counts(loaded) if loaded.scenario is not None else (0, 0)
    _SKIPPED[key] = (counts, _stamps(loaded.files))
    return counts


def _stamps(files: list[Path]) -> list[tuple[Path, float]]:
    """The times that say whether content changed: each file's, and each of their folders' (a
    file added or removed changes its folder's time, not any file read before)."""
    seen = sorted(set(files) | {p.parent for p in files})
    return [(p, _mtime(p)) for p in seen]


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0
