"""The terminal game never crashes on what a student types or where its output goes, and never
loses progress: it autosaves every decision and says how to resume."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from game.engine.defs import Scenario
from game.engine.game import Game
from game.frontends.terminal import Terminal, printable, wrap

REPO = Path(__file__).resolve().parent.parent
RESUME = "python -m game play --text --continue "
PROMPT = re.compile(r"(Your choice|Votre choix) \[1-\d+, w\]: ")


def _env(data: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = os.environ | {"PENHOLDER_DATA": str(data), "PYTHONPATH": str(REPO)}
    return {k: v for k, v in (env | (extra or {})).items() if v is not None}


def run(*args: str, stdin: str | bytes | None = "", env: dict[str, str] | None = None, data: Path,
        **kw: Any) -> subprocess.CompletedProcess[Any]:
    kw.setdefault("text", True)
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True,
                          cwd=REPO, env=_env(data, env), timeout=120, **kw)


def shell(script: str, data: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """A command line as a user types it (redirections, pipes), with this Python as python."""
    return subprocess.run(["bash", "-c", script.replace("python ", f"{sys.executable} ")], capture_output=True,
                          text=True, cwd=REPO, env=_env(data, env), timeout=120)


# --- what a student types -------------------------------------------------------------------
def test_non_ascii_digits_are_refused_not_a_crash(tmp_path: Path) -> None:
    # the AZERTY '²' key, Arabic-Indic one, superscript three: str.isdigit says yes, int() fails
    r = run("play", "--text", "--seed", "3", stdin="²\n١\n³\n1\n", data=tmp_path)
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert r.stdout.count("Type a number from 1 to") >= 3


def test_ctrl_c_ends_cleanly_and_says_how_to_resume(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "game", "play", "--text", "--seed", "3"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=_env(tmp_path))
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("games/*/autosave.json")) and time.monotonic() < deadline:
        time.sleep(0.1)  # the game is saved at once: from then on it waits at its first prompt
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert RESUME in err.strip().splitlines()[-1]


def test_end_of_input_says_how_to_resume(tmp_path: Path) -> None:
    r = run("play", "--text", "--seed", "3", stdin="1\n", data=tmp_path)
    assert r.returncode == 0 and "Traceback" not in r.stderr
    game_id = r.stderr.strip().splitlines()[-1].split(RESUME)[1].rstrip(")")
    assert (tmp_path / "games" / game_id / "autosave.json").is_file()


# --- where the output goes ------------------------------------------------------------------
@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "cp1252"},
                                 {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": None, "PYTHONUTF8": "0"}],
                         ids=["ascii", "cp1252", "LC_ALL=C"])
def test_output_that_is_not_utf8_degrades(tmp_path: Path, env: dict[str, str]) -> None:
    r = run("play", "--text", "--seed", "3", stdin=b"1\n" * 3000, env=env, data=tmp_path, text=False)
    assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr[-500:]
    assert b"Debrief" in r.stdout  # the whole game was shown, − and é degraded on the way
    if "PYTHONIOENCODING" in env and env["PYTHONIOENCODING"]:
        r.stdout.decode(env["PYTHONIOENCODING"])  # and what was written is valid in that encoding


@pytest.mark.parametrize("redirect", ["<&-", ">&-", "2>&-", "<&- >&- 2>&-"])
def test_closed_standard_streams(tmp_path: Path, redirect: str) -> None:
    r = shell(f"printf '1\\n1\\n' | python -m game play --text --seed 3 {redirect}; echo rc=$?", tmp_path)
    assert "rc=0" in r.stdout, r.stderr
    assert "Traceback" not in r.stderr and "Error" not in r.stderr, r.stderr
    if "2>&-" not in redirect:
        assert RESUME in r.stderr


def test_output_piped_to_head_ends_quietly(tmp_path: Path) -> None:
    r = shell("yes 1 | python -m game play --text --seed 3 | head -3; echo rc=${PIPESTATUS[1]}", tmp_path)
    assert "rc=0" in r.stdout
    assert "Traceback" not in r.stderr and "BrokenPipe" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr
    assert RESUME in r.stderr  # progress is kept, and the way back is given
    assert list(tmp_path.glob("games/*/autosave.json"))


def test_other_commands_piped_to_head_end_quietly(tmp_path: Path) -> None:
    r = shell("python -m game simulate --games 400 --json | head -c 100 >/dev/null; echo rc=${PIPESTATUS[0]}", tmp_path)
    assert "rc=0" in r.stdout and "Traceback" not in r.stderr and "Exception ignored" not in r.stderr, r.stderr


def test_text_is_wrapped_to_the_terminal_width(tmp_path: Path) -> None:
    r = run("play", "--text", "--seed", "3", stdin="1\n1\n2\n" + "1\n" * 60, env={"COLUMNS": "50"}, data=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = [PROMPT.sub("", line) for line in r.stdout.splitlines()]
    assert max(len(line) for line in lines) <= 50, max(lines, key=len)
    wide = run("play", "--text", "--seed", "3", stdin="1\n1\n2\n" + "1\n" * 60, env={"COLUMNS": "200"}, data=tmp_path)
    assert max(len(PROMPT.sub("", line)) for line in wide.stdout.splitlines()) > 60  # not narrower than asked


def test_wrap_keeps_indents_and_list_marks() -> None:
    text = "  3. " + "word " * 20 + "\n       tends to: " + "x" * 130
    lines = wrap(text, 40).split("\n")
    assert all(len(line) <= 40 for line in lines)
    assert lines[0].startswith("  3. word") and lines[1].startswith("     word")
    assert "x" * 30 in wrap(text, 40)  # a long word is cut, not lost
    assert wrap("short\n\nlines", 40) == "short\n\nlines"


# --- progress -------------------------------------------------------------------------------
def test_the_terminal_autosaves_and_continues(tmp_path: Path) -> None:
    first = run("play", "--text", "--seed", "5", stdin="1\n1\n1\n", data=tmp_path)
    command = first.stderr.strip().splitlines()[-1]
    assert RESUME in command
    saves = list((tmp_path / "games").glob("*/autosave.json"))
    assert len(saves) == 1
    again = run("play", "--text", "--continue", stdin="1\n" * 3000, data=tmp_path)
    assert again.returncode == 0 and "Traceback" not in again.stderr
    assert "Briefing" not in again.stdout.split("Drafting")[0]  # it went on from the drafting screen…
    assert "Debrief" in again.stdout  # …to the end
    named = run("play", "--text", "--continue", saves[0].parent.name, stdin="", data=tmp_path)
    assert named.returncode == 0 and "Traceback" not in named.stderr
    missing = run("play", "--text", "--continue", "no-such-game", data=tmp_path)
    assert missing.returncode == 1 and "no game" in missing.stderr


def test_undo_at_a_prompt(tmp_path: Path) -> None:
    nothing = run("play", "--text", "--seed", "5", stdin="u\n", data=tmp_path)
    assert "There is no decision to undo." in nothing.stdout  # the window's words
    r = run("play", "--text", "--seed", "5", stdin="1\n2\n2\nu\n", data=tmp_path)  # choose a clause, then undo it
    assert "Last decision undone." in r.stdout
    # offered on every menu once there is a decision to take back, never before
    before, after = r.stdout.split("Drafting", 1)[0], r.stdout.split("Drafting", 1)[1]
    assert "u = undo the last decision" not in before
    assert "u = undo the last decision" in after.split("Last decision undone.")[0]
    fr = run("play", "--text", "--seed", "5", "--lang", "fr", stdin="1\n2\n2\nx\nu\n", data=tmp_path)
    assert "u = annuler la dernière décision" in fr.stdout and "Tapez un nombre de 1 à" in fr.stdout and "w ou u" in fr.stdout
    assert "Dernière décision annulée." in fr.stdout


def test_a_replay_file_that_cannot_be_written_does_not_stop_the_game(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import game.saves
    from game import cli

    calls: list[str] = []

    def disk_full(path: object, data: object) -> None:
        calls.append(str(path))
        raise OSError(28, "No space left on device")

    monkeypatch.setenv("PENHOLDER_DATA", str(tmp_path))
    monkeypatch.setattr(game.saves, "write_json_atomic", disk_full)
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n" * 3000))
    assert cli.main(["play", "--text", "--seed", "3", "--save-replay", str(tmp_path / "game.json")]) == 0
    out, err = capsys.readouterr()
    assert "Debrief" in out  # the game went on to its end
    assert err.count("replay file cannot be written (No space left on device)") == 1  # said once
    assert calls and list(tmp_path.glob("games/*/autosave.json"))  # the autosave is not the replay


# --- no display -----------------------------------------------------------------------------
@pytest.mark.parametrize("stdin", ["1\n" * 3000, None], ids=["answers", "closed"])
def test_no_display_falls_back_to_the_terminal(tmp_path: Path, stdin: str | None) -> None:
    env = {k: v for k, v in _env(tmp_path).items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    r = subprocess.run([sys.executable, "-m", "game"], input=stdin, stdin=None if stdin else subprocess.DEVNULL,
                       capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "no display here" in r.stderr and "playing in the terminal" in r.stderr
    assert "Briefing" in r.stdout
    if stdin:
        assert "Debrief" in r.stdout


@pytest.mark.parametrize("driver", ["dummy", "offscreen"])
def test_an_invisible_window_driver_plays_in_the_terminal(tmp_path: Path, driver: str) -> None:
    # an explicit offscreen driver serves --auto and --screenshots; a person gets the terminal
    env = {k: v for k, v in _env(tmp_path).items() if k != "PENHOLDER_TEXT"} | {"SDL_VIDEODRIVER": driver}
    r = subprocess.run([sys.executable, "-m", "game"], input="1\n" * 3000, capture_output=True, text=True, cwd=REPO,
                       env=env, timeout=120)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert f"SDL_VIDEODRIVER={driver} opens no visible window; playing in the terminal" in r.stderr
    assert "Debrief" in r.stdout


def test_no_display_auto_plays_without_a_window_and_screenshots_say_why(tmp_path: Path) -> None:
    env = {k: v for k, v in _env(tmp_path).items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    auto = subprocess.run([sys.executable, "-m", "game", "play", "--auto", "status-quo", "--seed", "3"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert auto.returncode == 0 and "without a window" in auto.stderr, auto.stderr
    shots = subprocess.run([sys.executable, "-m", "game", "play", "--screenshots", str(tmp_path / "shots")],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd=REPO, env=env, timeout=60)
    assert shots.returncode == 2 and "no display here" in shots.stderr and "--auto" in shots.stderr
    dummy = subprocess.run([sys.executable, "-m", "game", "play", "--screenshots", str(tmp_path / "shots")],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd=REPO,
                           env=env | {"SDL_VIDEODRIVER": "dummy"}, timeout=60)
    assert dummy.returncode == 2 and "SDL_VIDEODRIVER=dummy shows none: add --auto STRATEGY" in dummy.stderr


# --- what content sends to the terminal -----------------------------------------------------
def test_content_cannot_send_control_characters_to_the_terminal() -> None:
    assert printable("\x1b[2J\x1b[Hgone\rover\x07") == "\\x1b[2J\\x1b[Hgone\\x0dover\\x07"
    assert printable("C1 \x9b2J and \x85") == "C1 \\x9b2J and \\x85"
    assert printable("line\nnext\tok — é ²") == "line\nnext\tok — é ²"


def test_scenario_text_with_escapes_is_shown_escaped(tutorial: Scenario) -> None:
    evil = {"en": "\x1b[2J\x1b[HWiped\rOver\x9b31m", "fr": "\x1b]0;title\x07"}
    scenario = dataclasses.replace(tutorial, title=evil, summary=evil)
    out = io.StringIO()
    assert Terminal(Game(scenario, 3), read=lambda: None, out=out).run() is False
    shown = out.getvalue()
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown)
    assert "\\x1b[2J\\x1b[HWiped\\x0dOver\\x9b31m" in shown


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash for the redirections")
def test_a_closed_stdout_still_autosaves(tmp_path: Path) -> None:
    r = shell("printf '1\\n1\\n1\\n' | python -m game play --text --seed 3 >&-", tmp_path)
    game_id = r.stderr.strip().splitlines()[-1].split(RESUME)[1].rstrip(")")
    assert (tmp_path / "games" / game_id / "autosave.json").is_file()


def test_a_failed_autosave_is_never_called_saved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from game import cli
    from game.store import Store

    real = Store.autosave
    saves: list[int] = []

    def fails_after_the_first(self: Store, *args: Any) -> str | None:
        saves.append(1)
        if len(saves) > 1:
            raise OSError(28, "No space left on device")
        return real(self, *args)

    monkeypatch.setenv("PENHOLDER_DATA", str(tmp_path))
    monkeypatch.setattr(Store, "autosave", fails_after_the_first)
    monkeypatch.setattr(sys, "stdin", io.StringIO("1\n1\n"))
    assert cli.main(["play", "--text", "--seed", "3"]) == 0
    out, err = capsys.readouterr()
    assert "! The game could not be saved: the disk is full" in out  # said at the decision, in words
    last = err.strip().splitlines()[-1]
    assert "it is saved" not in last and "could not be saved" in last and RESUME in last


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "utf-8"}, {}], ids=["strict-utf8", "default"])
def test_bytes_that_are_not_utf8_on_input_are_refused_not_the_end(tmp_path: Path, env: dict[str, str]) -> None:
    # a Latin-1 terminal's 'é', or a cp1252 paste: the prompt asks again, the game goes on
    r = run("play", "--text", "--seed", "3", stdin=b"\xe9\n\xff\xfe\n" + b"1\n" * 3000, env=env, data=tmp_path,
            text=False)
    assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr[-500:]
    assert r.stdout.count(b"from 1 to 1,") == 2
    assert b"Debrief" in r.stdout


def test_the_resume_command_keeps_the_language(tmp_path: Path) -> None:
    r = run("play", "--text", "--seed", "3", "--lang", "fr", stdin="1\n", data=tmp_path)
    last = r.stderr.strip().splitlines()[-1]
    assert RESUME in last and last.rstrip(")").endswith("--lang fr"), last
    again = run(*last.split("python -m game ")[1].rstrip(")").split(), stdin="", data=tmp_path)
    assert "Rédaction" in again.stdout  # resumed where it stopped, in French


def test_notices_on_resume_are_escaped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from game import cli
    from game.session import Notice, Session, SessionError

    def refuses(*args: Any, **kw: Any) -> Any:
        raise SessionError(Notice("cannot_resume", {"why": "\x1b[2Jgone", "folder": "x"}))

    monkeypatch.setenv("PENHOLDER_DATA", str(tmp_path))
    monkeypatch.setattr(Session, "resume", refuses)
    assert cli.main(["play", "--text", "--continue"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2Jgone" in err
