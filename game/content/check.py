"""``python -m game check``: lint scenarios and cards in one pass, every problem at once.

What it prints comes from content (names, texts, paths): every control or invisible character
is escaped (``\\x1b``, ``\\u200b``) so that no file can clear the screen or rewrite the report,
and characters the terminal cannot encode are written as escapes instead of stopping it.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from game.content.loader import load_scenario, scenario_folders
from game.content.problems import Problem, printable


@dataclass
class Report:
    scenarios: int = 0
    cards: int = 0
    problems: list[Problem] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "scenarios": self.scenarios,
            "cards": self.cards,
            "problems": [p.shown() for p in self.problems],
        }

    def summary(self) -> str:
        n = len(self.problems)
        return f"{self.scenarios} scenario{'s' * (self.scenarios != 1)}, {self.cards} card{'s' * (self.cards != 1)}, {n} problem{'s' * (n != 1)}"


def check_paths(paths: list[Path]) -> Report:
    """Check every scenario under ``paths``; a shared file used twice is reported once."""
    report = Report()
    seen_problems: set[Problem] = set()
    seen_cards: set[tuple[str, int]] = set()
    for root in paths:
        folders = scenario_folders(root)
        if not folders:
            report.problems.append(Problem(str(root), 0, 0, "R212", "no scenario here (a scenario folder holds scenario.yaml)"))
            continue
        for folder in folders:
            loaded = load_scenario(folder)
            report.scenarios += 1
            seen_cards |= loaded.card_entries
            for p in loaded.problems:
                if p not in seen_problems:
                    seen_problems.add(p)
                    report.problems.append(p)
    report.cards = len(seen_cards)
    report.problems.sort()
    return report


def _shown(path: str) -> str:
    """Paths relative to the current folder when inside it: shorter, and clickable in editors."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


def _write(text: str) -> None:
    """Print one line whatever the terminal's encoding (cp1252, ASCII): escape what it lacks."""
    stream = sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    safe = printable(text).encode(encoding, errors="backslashreplace").decode(encoding, errors="replace")
    stream.write(safe + "\n")


def run(paths: list[str], as_json: bool) -> int:
    report = check_paths([Path(p) for p in paths])
    report.problems = [replace(p, path=_shown(p.path)) for p in report.problems]
    try:
        if as_json:
            for line in json.dumps(report.to_dict(), indent=2, ensure_ascii=False).splitlines():
                _write(line)
        else:
            for p in report.problems:
                _write(str(p))
            _write(report.summary())
        sys.stdout.flush()
    except BrokenPipeError:  # 'check | head': the reader has what it wanted
        # Python flushes stdout again at exit: point it at devnull so that flush is silent.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return 1 if report.problems else 0
