"""The terminal's debrief: the outcomes, the measures over time as small charts, what actually
happened with its sources, the journal, the questions; then it waits for Enter, only on a terminal
whose input has not ended."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from terminal_support import TTY, lesson, play

from game import i18n
from game.charts import CHART_KEYS, quantity_title
from game.engine.defs import tr_all
from game.engine.game import Game
from game.frontends.console import ASCII_SPARKS, SPARKS, Console, sparkline
from game.frontends.terminal import Terminal
from game.journal import journal_line

REPO = Path(__file__).resolve().parent.parent
ALL_ONES = ["1"] * 600


def _debrief(out: str, lang: str = "en") -> str:
    return out.rsplit(i18n.text("debrief", lang), 1)[1]


def test_the_debrief_shows_outcomes_charts_history_journal_and_questions() -> None:
    terminal, out, _s = play(ALL_ONES)
    g = terminal.game
    text = _debrief(out)
    for key in g.outcomes():
        assert i18n.word("outcome", key, "en") in text
    for key in CHART_KEYS:  # one chart a measure: its first value, one mark a quarter, its last
        series = [row[key] for row in g.timeline]
        assert f"{series[0]:>3} {sparkline(series)} {series[-1]}" in text, key
        assert quantity_title(key, "en") in text
    votes = {v.quarter: v.adopted for v in g.votes}  # under the charts, the renewal votes by quarter
    row = "".join("+" if votes.get(r["quarter"]) else "-" if r["quarter"] in votes else " " for r in g.timeline)
    assert any(line.startswith("  " + i18n.text("term.chart_votes", "en")) and line.endswith(" " + row.rstrip())
               for line in text.splitlines()), row
    assert i18n.text("history", "en") in text and tr_all(g.scenario.sources, "en")[0] in " ".join(text.split())
    for entry in g.journal:
        assert journal_line(g, entry, "en") in " ".join(text.split()) or entry["kind"] == "end"
    assert "→ " in text.split(i18n.text("tab_journal", "en"))[1]  # each decision's consequences
    assert i18n.text("questions", "en") in text


def test_a_sparkline_is_on_a_fixed_scale() -> None:
    assert sparkline([0, 50, 100]) == "▁▄█"
    assert sparkline([0, 12, 13, 99, 100], marks=ASCII_SPARKS) == "__.##"


class Ascii(io.StringIO):
    encoding = "ascii"


def test_a_stream_that_cannot_draw_blocks_gets_ascii_charts() -> None:
    out = Ascii()
    terminal = Terminal(Game(lesson(), 3), "en", read=iter(ALL_ONES).__next__, out=out, size=(80, 24))
    assert terminal.console.sparks() == ASCII_SPARKS
    assert terminal.run()
    text = _debrief(out.getvalue())
    assert not set(SPARKS) & set(text)
    series = [row["mission.consent"] for row in terminal.game.timeline]
    assert sparkline(series, marks=ASCII_SPARKS) in text


def test_the_debrief_waits_for_enter_on_a_terminal() -> None:
    _t, out, script = play(ALL_ONES, tty=True)
    finish = i18n.text("term.finish", "en")
    assert out.rstrip().endswith(finish + " 1")  # the last thing asked, and answered
    assert out.index(finish) > out.rindex(i18n.text("questions", "en"))
    assert script.reads[-1] == out.index(finish) + len(finish) + 1


def test_the_debrief_does_not_wait_when_piped() -> None:
    _t, out, script = play(ALL_ONES)
    assert i18n.text("term.finish", "en") not in out
    assert out.rstrip().endswith(str(_t.game.scenario.questions[-1]["en"].split()[-1]))


def test_the_debrief_does_not_wait_once_input_has_ended() -> None:
    # as many answers as the game needs to reach the debrief on a terminal, then the keyboard is gone
    terminal, out, script = play(ALL_ONES, tty=True)
    start = out.rindex(i18n.text("debrief", "en"))
    needed = sum(1 for at in script.reads if at < start)
    _t, out, script = play(ALL_ONES[:needed], tty=True)
    text = _debrief(out)
    assert i18n.text("questions", "en") in text  # the whole debrief is shown…
    assert i18n.text("term.finish", "en") not in text  # …and nobody is asked to press Enter
    console = Console(TTY(), lambda: None, "en", size=(80, 24), paging=True)
    console.read()
    console.wait()
    assert console.out.getvalue() == ""


def test_the_command_ends_at_the_debrief_when_piped(tmp_path: Path) -> None:
    env = os.environ | {"PENHOLDER_DATA": str(tmp_path), "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "ascii"}
    r = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--level", "after-algiers", "--length", "lesson",
                        "--seed", "3"], input="1\n" * 600, capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    text = _debrief(r.stdout)
    assert i18n.text("term.finish", "en") not in text
    flat = " ".join(text.split())
    assert f"{ASCII_SPARKS[0]} (0)" in flat and f"{ASCII_SPARKS[-1]} (100)" in flat  # the legend says which marks
    assert not set(SPARKS) & set(text)
