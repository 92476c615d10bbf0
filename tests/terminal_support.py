"""Playing the terminal game in the test process: scripted answers, echoed as a terminal would,
a fake TTY for paging and the debrief's wait, and the after-algiers lesson as the game."""

from __future__ import annotations

import io
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from game.content.loader import load_scenario
from game.engine.defs import Scenario, at_length
from game.engine.game import Game
from game.frontends.terminal import Terminal

LEVELS = Path(__file__).resolve().parent.parent / "levels"


class TTY(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@cache
def lesson(name: str = "after-algiers") -> Scenario:
    loaded = load_scenario(LEVELS / name)
    assert loaded.scenario is not None
    return at_length(loaded.scenario, "lesson")


class Script:
    """What the player types, line by line; each answer is echoed into ``out`` with its newline,
    as a terminal shows it, and the position of every read is kept (the pager's test)."""

    def __init__(self, out: io.StringIO, answers: Iterable[str]):
        self.out = out
        self.answers = iter(answers)
        self.reads: list[int] = []  # len(out) at each read

    def __call__(self) -> str | None:
        self.reads.append(len(self.out.getvalue()))
        answer = next(self.answers, None)
        if answer is not None:
            self.out.write(answer + "\n")
        return None if answer is None else answer + "\n"


def play(answers: Iterable[str], lang: str = "en", size: tuple[int, int] = (80, 24), tty: bool = False,
         scenario: Scenario | None = None, seed: int = 3) -> tuple[Terminal, str, Script]:
    """Play with these answers (then the end of input); (terminal, what it showed, the script)."""
    out: io.StringIO = TTY() if tty else io.StringIO()
    script = Script(out, answers)
    terminal = Terminal(Game(scenario or lesson(), seed), lang, read=script, out=out, size=size,
                        paging=tty)
    terminal.run()
    return terminal, out.getvalue(), script
