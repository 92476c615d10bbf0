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

from game.content.loader import (
    Loaded,
    load_scenario,
    scenario_folders,
    scenario_names_beside,
    scenario_of,
)
from game.content.problems import Problem, did_you_mean, printable
from game.content.warnings import Finding, SourceSite, deck_warnings, source_warnings


@dataclass
class Report:
    scenarios: int = 0
    cards: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # W codes: likely mistakes the game still plays

    def to_dict(self) -> dict[str, object]:
        return {
            "scenarios": self.scenarios,
            "cards": self.cards,
            "problems": [p.shown() for p in self.problems],
            "warnings": [p.shown() for p in self.warnings],
        }

    def summary(self) -> str:
        n, w = len(self.problems), len(self.warnings)
        return (f"{self.scenarios} scenario{'s' * (self.scenarios != 1)}, {self.cards} card{'s' * (self.cards != 1)},"
                f" {n} problem{'s' * (n != 1)}, {w} warning{'s' * (w != 1)}")


class _Warnings:
    """The warnings of a run. One about a shared card that depends on the scenario (never drawn,
    never brought) is kept only if every scenario checked that reads the card gives it: a deck
    shared by several periods holds cards that only some of them draw."""

    def __init__(self) -> None:
        self.plain: set[Problem] = set()
        self.readers: dict[tuple[str, str], int] = {}  # shared card -> scenarios that read it
        self.given: dict[Problem, int] = {}  # its warning -> scenarios that give it
        self.card_of: dict[Problem, tuple[str, str]] = {}
        self.sources: list[SourceSite] = []  # members' source lines shown before a year they name

    def add(self, loaded: Loaded) -> None:
        if loaded.deck is None:
            return
        for site in loaded.deck.sites:
            if site.shared:
                key = (site.path, site.card.id)
                self.readers[key] = self.readers.get(key, 0) + 1
        for found in deck_warnings(loaded.deck):
            self._take(found)
        self.sources.extend(loaded.deck.sources)

    def _take(self, found: Finding) -> None:
        if found.card is None:
            self.plain.add(found.problem)
            return
        self.given[found.problem] = self.given.get(found.problem, 0) + 1
        self.card_of[found.problem] = found.card

    def kept(self) -> list[Problem]:
        shared = {p for p, n in self.given.items() if n >= self.readers.get(self.card_of[p], 0)}
        return sorted(self.plain | shared | set(source_warnings(self.sources)))


def check_paths(paths: list[Path]) -> Report:
    """Check every scenario under ``paths``; a shared file used twice is reported once."""
    report = Report()
    seen_problems: set[Problem] = set()
    seen_cards: set[tuple[str, int]] = set()
    warnings = _Warnings()
    for given in paths:
        root = scenario_of(given)
        folders = scenario_folders(root)
        if not folders:
            report.problems.append(Problem(str(given), 0, 0, "R212", _nothing_here(given)))
            continue
        for folder in folders:
            loaded = load_scenario(folder)
            report.scenarios += 1
            seen_cards |= loaded.card_entries
            warnings.add(loaded)
            for p in loaded.problems:
                if p not in seen_problems:
                    seen_problems.add(p)
                    report.problems.append(p)
    report.cards = len(seen_cards)
    report.problems.sort()
    report.warnings = warnings.kept()
    return report


def _nothing_here(path: Path) -> str:
    """Why there is nothing to check at ``path``, and what to give instead."""
    if not os.path.lexists(path):
        return (f"no such file or folder{did_you_mean(path.name, scenario_names_beside(path))}: give a scenario's"
                " folder, for example levels/tutorial")
    return ("no scenario here (a scenario folder holds scenario.yaml): a shared folder is checked with the scenarios"
            " that use it, for example 'python -m game check levels'")


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


def run(paths: list[str], as_json: bool, strict: bool = False) -> int:
    """Print the report; 1 if there is a problem (or, with ``strict``, a warning), else 0."""
    report = check_paths([Path(p) for p in paths])
    report.problems = [replace(p, path=_shown(p.path)) for p in report.problems]
    report.warnings = [replace(p, path=_shown(p.path)) for p in report.warnings]
    try:
        if as_json:
            for line in json.dumps(report.to_dict(), indent=2, ensure_ascii=False).splitlines():
                _write(line)
        else:
            for p in report.problems + report.warnings:
                _write(str(p))
            _write(report.summary())
        sys.stdout.flush()
    except BrokenPipeError:  # 'check | head': the reader has what it wanted
        # Python flushes stdout again at exit: point it at devnull so that flush is silent.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return 1 if report.problems or (strict and report.warnings) else 0
