"""The terminal wraps to its width (80 columns here) without cutting a word, with continuation
lines indented under their text, and pages at its height only where someone can press Enter."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from terminal_support import TTY, Script, lesson, play

from game import i18n
from game.engine.defs import tr
from game.engine.game import Game
from game.frontends.console import Console, wrap_lines
from game.frontends.terminal import Terminal

REPO = Path(__file__).resolve().parent.parent
MORE = {i18n.text("term.more", lang) for lang in i18n.languages()}


def _negotiation(out: str, lang: str) -> list[str]:
    title = i18n.text("term.negotiation", lang)
    block = out.split(title, 1)[1].split(i18n.text("predicted", lang, yes=0, no=0, n=0).split("0")[0], 1)[0]
    return [line for line in block.splitlines()[2:] if line.strip()]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_whole_game_fits_80_columns_with_no_word_cut(lang: str) -> None:
    terminal, out, _s = play(["1", "1", "1"] + ["1"] * 400, lang=lang)
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80, max(lines, key=len)
    assert i18n.text("debrief", lang) in out
    # every word of a long card text comes out whole, in order, on lines of at most 80 columns
    joined = " ".join(out.split())
    shown = [lesson().card(e["card"]) for e in terminal.game.journal if e["kind"] == "card"]
    assert shown
    for card in shown:
        assert " ".join(tr(card.text, lang).split()) in joined


def test_the_councils_reasons_hang_under_their_text() -> None:
    _t, out, _s = play(["1", "1", "1"], lang="fr")  # briefing, drafting, then the negotiation
    rows = _negotiation(out, "fr")
    assert len(rows) > 15
    assert all(line.startswith("  ") for line in rows), [line for line in rows if not line.startswith("  ")]
    reasons = [i for i, line in enumerate(rows) if re.match(r" {6}[+-]\d ", line)]
    assert reasons
    for i in reasons:  # a reason's continuation lines start under its first word, never at column 0
        j = i + 1
        while j < len(rows) and not re.match(r" {2}\S| {6}[+-]\d ", rows[j]):
            assert rows[j].startswith(" " * 9) and not rows[j].startswith(" " * 10), rows[j]
            j += 1


@given(st.lists(st.text(alphabet="abcdéèxyz-'", min_size=1, max_size=8), min_size=1, max_size=60),
       st.integers(min_value=20, max_value=100), st.integers(min_value=0, max_value=12))
def test_wrapping_never_cuts_a_word_and_keeps_the_hanging_indent(words: list[str], width: int, hang: int) -> None:
    text = "  - " + " ".join(words)
    lines = wrap_lines(text, width, hang=hang if hang <= width // 2 else None)
    assert all(len(line) <= width for line in lines)
    assert " ".join(lines).split() == text.split()  # nothing cut, nothing lost, nothing reordered
    indent = hang if hang <= width // 2 else 4  # else under the text after the list mark
    assert all(line.startswith(" " * indent) for line in lines[1:])


def test_only_a_token_longer_than_the_line_is_broken() -> None:
    url = "https://example.org/" + "a" * 100
    lines = wrap_lines(f"see {url} here", 40)
    assert all(len(line) <= 40 for line in lines)
    assert "".join(lines).replace(" ", "") == f"see{url}here"
    assert wrap_lines("word " * 30, 40)[0].endswith("word")


def test_the_command_wraps_at_the_terminals_80_columns(tmp_path: Path) -> None:
    env = os.environ | {"PENHOLDER_DATA": str(tmp_path), "COLUMNS": "80", "LINES": "24", "PYTHONPATH": str(REPO)}
    r = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--lang", "fr", "--level", "after-algiers",
                        "--length", "lesson", "--seed", "3"], input="1\n" * 400, capture_output=True, text=True,
                       cwd=REPO, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    prompt = re.compile(r"Votre choix \[1–\d+, w\]\u00a0: ")
    lines = [prompt.sub("", line) for line in r.stdout.splitlines()]
    assert max(len(line) for line in lines) <= 80, max(lines, key=len)
    assert not any(m in r.stdout for m in MORE)  # piped: never waits for Enter


# --- paging ---------------------------------------------------------------------------------
def _pages(out: str, script: Script) -> list[str]:
    """What was shown between two reads of the keyboard."""
    marks = [0, *script.reads, len(out)]
    return [out[a:b] for a, b in zip(marks, marks[1:], strict=False)]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_long_screen_pages_at_24_lines_on_a_terminal(lang: str) -> None:
    _t, out, script = play([""] * 10 + ["1"] * 400, lang=lang, tty=True)
    more = i18n.text("term.more", lang)
    assert more in out
    for page in _pages(out, script):
        assert page.count("\n") <= 24, page  # the answer's line, then at most 23 and the prompt
    first = _pages(out, script)[0]
    assert first.rstrip().endswith(more)  # the briefing is longer than one screen: it stopped
    assert i18n.text("debrief", lang) in out
    choice = i18n.text("term.choice", lang, n=0).split("[")[0]
    retry = i18n.text("term.retry", lang, low=1, high=0).split("1")[0]
    pages = _pages(out, script)
    for before, page in zip(pages, pages[1:], strict=False):  # a menu stays with its prompt…
        if page.rstrip("\n").rsplit("\n", 1)[-1].startswith(choice) and retry not in page:
            if "  1. " in page:
                continue
            # …unless it is longer than a screen: then it began on the page before
            assert "\n  1. " in before and before.rstrip().endswith(more), page
            menu = before[before.rindex("\n  1. ") + 1:] + page
            assert menu.count("\n") > 23, menu


def test_a_menu_stays_with_its_prompt() -> None:
    out = TTY()
    console = Console(out, lambda: "\n", "en", size=(80, 24), paging=True)
    for i in range(15):
        console.say(f"line {i}")
    console.keep_together([f"  {i}. choice" for i in range(1, 8)])  # 7 lines and the prompt fit: no stop
    assert i18n.text("term.more", "en") not in out.getvalue()
    console.keep_together([f"  {i}. choice" for i in range(1, 9)])  # 8 and the prompt do not: stop first
    assert out.getvalue().count(i18n.text("term.more", "en")) == 1
    console.keep_together([f"  {i}. choice" for i in range(1, 40)])  # longer than a screen: paged as it goes
    assert out.getvalue().count(i18n.text("term.more", "en")) == 1


def test_paging_stops_at_the_end_of_input_and_never_blocks() -> None:
    _t, out, script = play([], tty=True)  # the keyboard is gone at the first "more"
    assert out.count(i18n.text("term.more", "en")) == 1
    assert len(script.reads) == 1


def test_no_paging_when_stdin_or_stdout_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for stdin, stdout, pages in ((TTY("1\n" * 400), TTY(), True), (io.StringIO("1\n" * 400), TTY(), False),
                                 (TTY("1\n" * 400), io.StringIO(), False)):
        monkeypatch.setattr(sys, "stdin", stdin)
        terminal = Terminal(Game(lesson(), 3), "en", out=stdout, size=(80, 24))  # the real stdin reader
        assert terminal.console.paging is pages
        terminal.run()
        assert (i18n.text("term.more", "en") in stdout.getvalue()) is pages


def test_a_short_output_does_not_page() -> None:
    out = TTY()
    console = Console(out, lambda: "\n", "en", size=(80, 24), paging=True)
    for i in range(23):
        console.say(f"line {i}")
    assert i18n.text("term.more", "en") not in out.getvalue()
    console.say("one more")
    assert out.getvalue().count(i18n.text("term.more", "en")) == 1


def test_a_heading_a_member_or_a_journal_entry_is_not_cut_by_the_pager() -> None:
    _t, out, _s = play(["1"] * 600, lang="fr", tty=True)
    more = i18n.text("term.more", "fr")
    lines = out.splitlines()
    stops = [i for i, line in enumerate(lines) if line.startswith(more)]
    assert stops
    journal = max(i for i, line in enumerate(lines) if line == i18n.text("tab_journal", "fr"))
    questions = max(i for i, line in enumerate(lines) if line == i18n.text("questions", "fr"))
    for i in stops:
        before, after = lines[i - 1], lines[i + 1] if i + 1 < len(lines) else ""
        assert not (before and set(before) == {"-"}), before  # a heading at the foot of a page
        assert not (after and set(after) == {"-"}), after  # a heading cut from its rule
        assert not re.match(r" {6}[+-]\d+ | {9}\S", after), after  # a Council member cut from its reasons
        if journal < i < questions:  # in the journal: an entry kept whole
            assert not after.startswith("      → ") and not after.startswith("    "), after
