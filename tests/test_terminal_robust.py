"""The terminal game never crashes on what a student types or where its output goes, and never
loses progress: it autosaves every decision and says how to resume."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.frontends.terminal import printable

REPO = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str | None = "", env: dict | None = None, data: Path, **kw) -> subprocess.CompletedProcess:
    e = os.environ | {"PENHOLDER_DATA": str(data), "PYTHONPATH": str(REPO)} | (env or {})
    kw.setdefault("text", True)
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True,
                          cwd=REPO, env=e, timeout=120, **kw)


def test_non_ascii_digits_are_refused_not_a_crash(tmp_path):
    r = run("play", "--text", "--seed", "3", stdin="²\n١\n³\n1\n", data=tmp_path)
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert r.stdout.count("? 1–") >= 3


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_output_that_is_not_utf8_degrades(tmp_path, encoding):
    r = run("play", "--text", "--seed", "3", stdin="1\n" * 400, env={"PYTHONIOENCODING": encoding}, data=tmp_path,
            encoding=encoding, errors="strict")
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-500:]


def test_closed_stdin_and_stdout(tmp_path):
    closed_in = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--seed", "3"], stdin=subprocess.DEVNULL,
                               capture_output=True, text=True, cwd=REPO, timeout=60,
                               env=os.environ | {"PENHOLDER_DATA": str(tmp_path)})
    assert closed_in.returncode == 0 and "--continue" in closed_in.stderr
    script = "import os, sys; os.close(1); sys.stdout = None; from game.cli import main; sys.exit(main(['play', '--text', '--seed', '3']))"
    closed_out = subprocess.run([sys.executable, "-c", script], input="1\n" * 5, capture_output=False,
                                stderr=subprocess.PIPE, text=True, cwd=REPO, timeout=60,
                                env=os.environ | {"PENHOLDER_DATA": str(tmp_path)})
    assert closed_out.returncode == 0 and "Traceback" not in closed_out.stderr, closed_out.stderr


def test_output_piped_to_head_ends_quietly(tmp_path):
    shell = f"yes 1 | {sys.executable} -m game play --text --seed 3 | head -3"
    r = subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, cwd=REPO, timeout=60,
                       env=os.environ | {"PENHOLDER_DATA": str(tmp_path)})
    assert "Traceback" not in r.stderr and "BrokenPipe" not in r.stderr, r.stderr


def test_the_terminal_autosaves_and_continues(tmp_path):
    first = run("play", "--text", "--seed", "5", stdin="1\n1\n1\n", data=tmp_path)
    command = first.stderr.strip().splitlines()[-1]
    assert "python -m game play --text --continue" in command
    saves = list((tmp_path / "games").glob("*/autosave.json"))
    assert len(saves) == 1
    again = run("play", "--text", "--continue", stdin="1\n" * 3000, data=tmp_path)
    assert again.returncode == 0 and "Traceback" not in again.stderr
    assert "Debrief" in again.stdout  # it went on from where it stopped, to the end
    missing = run("play", "--text", "--continue", "no-such-game", data=tmp_path)
    assert missing.returncode == 1 and "no game" in missing.stderr


def test_undo_at_a_prompt(tmp_path):
    nothing = run("play", "--text", "--seed", "5", stdin="u\n", data=tmp_path)
    assert "Nothing to undo." in nothing.stdout
    r = run("play", "--text", "--seed", "5", stdin="1\n2\n2\nu\n", data=tmp_path)  # choose a clause, then undo it
    assert "Last decision undone." in r.stdout


def test_no_display_falls_back_to_the_terminal(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    env |= {"PENHOLDER_DATA": str(tmp_path), "PYTHONPATH": str(REPO)}
    r = subprocess.run([sys.executable, "-m", "game"], input="1\n" * 3, capture_output=True, text=True, cwd=REPO,
                       env=env, timeout=60)
    assert "no display here" in r.stderr and "playing in the terminal" in r.stderr
    assert "Briefing" in r.stdout


def test_content_cannot_send_control_characters_to_the_terminal():
    assert printable("\x1b[2J\x1b[Hgone\rover\x07") == "\\x1b[2J\\x1b[Hgone\\x0dover\\x07"
    assert printable("line\nnext\tok") == "line\nnext\tok"
