"""A French game in the terminal says nothing in English: a whole lesson is played through the
command with piped input (the choices, 'w', a wrong key, undo, a clause changed, the end of
input), and what it wrote (stdout and stderr) is held against the English catalogue: no English
sentence of the interface may appear. As the pseudo-language test does for the window, the
content's own texts are told apart: they come from the scenario, in French."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from terminal_support import lesson
from test_pseudo_language import _content_texts

from game import i18n

REPO = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
LETTERS = re.compile(r"[^\W\d_]{2,}")


def _strings(message: object) -> list[str]:
    s = message.string  # type: ignore[attr-defined]
    return [x for x in (s if isinstance(s, tuple | list) else (s,)) if x]


def english_fragments() -> set[str]:
    """The English catalogue's words that French replaces: each sentence's runs between
    placeholders that hold at least two words, unless French has the same run somewhere."""
    with i18n.po_path("en").open("rb") as f:
        en = {(m.context, str(m.id)): _strings(m) for m in read_po(f) if m.id}
    with i18n.po_path("fr").open("rb") as f:
        fr = {(m.context, str(m.id)): _strings(m) for m in read_po(f) if m.id}
    french = "\n".join(s for strings in fr.values() for s in strings)
    out: set[str] = set()
    for key, strings in en.items():
        for s in strings:
            if s in fr.get(key, []):
                continue  # the same in both languages (a name, a unit)
            for run in PLACEHOLDER.split(s):
                run = run.strip(" .,:;()—-")
                if len(LETTERS.findall(run)) >= 2 and len(run) >= 8 and run not in french:
                    out.add(run)
    return out


def _play(tmp_path: Path, stdin: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    return subprocess.run([sys.executable, "-m", "game", "play", "--lang", "fr", "--level", "after-algiers",
                           "--length", "lesson", "--seed", "3", *args], input=stdin, capture_output=True, text=True,
                          cwd=REPO, env=base | {"PENHOLDER_DATA": str(tmp_path), "PYTHONPATH": str(REPO), "COLUMNS": "80",
                                                **(env or {})}, timeout=180)


@cache
def content() -> str:
    """Every text of the scenario, in every language (its sources are often English titles)."""
    return " ".join(" ".join(text.split()) for text in _content_texts(lesson()))


def _english_in(text: str, fragments: set[str]) -> list[str]:
    flat = " ".join(text.split())  # a sentence wrapped over two lines is still found
    return sorted(f for f in fragments if " ".join(f.split()) in flat and " ".join(f.split()) not in content())


# briefing: w, the third number, a wrong key, continue; drafting: change the duration, choose its
# second option, undo it, then submit; at the Council: w and Enter back; then 1s to the end
SCRIPT = "w\n3\nx\n1\n2\n2\nu\nw\n\n1\n1\n" + "1\n" * 600


def test_a_french_game_in_the_terminal_has_no_english(tmp_path: Path) -> None:
    fragments = english_fragments()
    assert "why did a number change" in " ".join(fragments)  # the scan sees the interface's English
    r = _play(tmp_path, SCRIPT, "--text")
    assert r.returncode == 0, r.stderr
    assert "Débriefing" in r.stdout
    for needed in ("term.why_list", "term.retry_undo", "undone", "why_title", "outcome_changes"):  # the script reached them
        head = " ".join(PLACEHOLDER.split(i18n.text(needed, "fr"))[0].split())
        assert head in " ".join(r.stdout.split()), needed
    assert _english_in(r.stdout + r.stderr, fragments) == []


def test_a_french_game_that_stops_early_says_so_in_french(tmp_path: Path) -> None:
    fragments = english_fragments()
    r = _play(tmp_path, "1\nw\n", "--text")  # input ends at the "why" prompt of the drafting screen
    assert r.returncode == 0, r.stderr
    assert "la partie s'arrête ici" in r.stderr
    # without --text and without a display, the command says why it plays in the terminal, in French
    nowin = _play(tmp_path, "1\n")
    assert nowin.returncode == 0, nowin.stderr
    assert "pas d'écran ici" in nowin.stderr
    assert _english_in(r.stdout + r.stderr + nowin.stdout + nowin.stderr, fragments) == []


def test_the_scan_catches_english_left_in_a_french_game() -> None:
    fragments = english_fragments()
    leak = "Votre choix [1–2, w] :\n" + i18n.text("term.why", "en") + "\n(input ended)"
    assert _english_in(leak, fragments) == ["w = why did a number change?"]
