"""Every command of the CLI, run as a user would run it."""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str | None = None, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PENHOLDER_TEXT": "1", "SDL_VIDEODRIVER": "dummy", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "game", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=timeout)


def test_a_pipe_of_ones_plays_a_whole_game() -> None:
    result = run("play", "--text", "--seed", "3", stdin="1\n" * 3000)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Debrief" in result.stdout
    assert "What actually happened" in result.stdout


def test_end_of_input_stops_cleanly() -> None:
    result = run("play", "--text", "--seed", "3", stdin="")
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_french_play_and_why(tmp_path: Path) -> None:
    replay_file = tmp_path / "game.json"
    answers = "1\nw\n1\n" + "1\n" * 3000
    result = run("play", "--text", "--lang", "fr", "--seed", "4", "--save-replay", str(replay_file), stdin=answers)
    assert result.returncode == 0, result.stderr
    assert "Rédaction" in result.stdout and "Débriefing" in result.stdout
    assert "violence moyenne" in result.stdout  # the why menu, in French
    assert json.loads(replay_file.read_text(encoding="utf-8"))["ending"]


def test_replay_verify(tmp_path: Path) -> None:
    replay_file = tmp_path / "game.json"
    assert run("play", "--text", "--seed", "7", "--save-replay", str(replay_file), stdin="1\n" * 3000).returncode == 0
    good = run("replay", str(replay_file), "--verify")
    assert good.returncode == 0 and "identical" in good.stdout
    data = json.loads(replay_file.read_text(encoding="utf-8"))
    data["outcomes"]["implementation"] += 1
    replay_file.write_text(json.dumps(data), encoding="utf-8")
    assert run("replay", str(replay_file), "--verify").returncode != 0
    replay_file.write_text("{not json", encoding="utf-8")
    broken = run("replay", str(replay_file))
    assert broken.returncode != 0 and "Traceback" not in broken.stderr


def test_check_clean_levels_and_a_broken_file(tmp_path: Path) -> None:
    clean = run("check", "--strict")
    assert clean.returncode == 0, clean.stdout
    assert clean.stdout.strip().splitlines()[-1].endswith("0 problems, 0 warnings")
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "scenario.yaml").write_text("id: bad\ntitle: x\nsummery: y\n", encoding="utf-8")
    bad = run("check", str(folder))
    assert bad.returncode == 1
    assert f"{folder / 'scenario.yaml'}:3:1: S102 unknown field 'summery' (did you mean 'summary'?)" in bad.stdout
    as_json = json.loads(run("check", str(folder), "--json").stdout)
    assert as_json["scenarios"] == 1 and any(p["code"] == "S102" for p in as_json["problems"])


def test_schema_is_json_schema() -> None:
    """What editors get from ``schema`` accepts every card file we ship and refuses broken cards."""
    from jsonschema import Draft202012Validator

    from game.content.safeyaml import load_text

    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "Penholder card file"
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    files = sorted((ROOT / "levels").glob("**/cards/*.yaml"))
    assert len(files) >= 4
    shipped = []
    for path in files:
        data, _positions = load_text(path.read_text(encoding="utf-8"), str(path))
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], f"{path}: {errors[:3]}"
        shipped.extend(data["cards"])
    good = shipped[0]
    assert validator.is_valid({"cards": [good]})
    broken = {
        "unknown field": good | {"titel": good["title"]},
        "no title": {k: v for k, v in good.items() if k != "title"},
        "a weight in words": good | {"weight": "many"},
        "one response": good | {"responses": good["responses"][:1]},
        "a bad id": good | {"id": "Bad Id!"},
    }
    for what, card in broken.items():
        assert not validator.is_valid({"cards": [card]}), what


def test_simulate_is_byte_for_byte_reproducible() -> None:
    # Two processes (each its own hash seed): the engine's determinism itself is test_game's.
    args = ("simulate", "--level", "tutorial", "--games", "20", "--seed", "5", "--strategy", "random", "--json")
    first, second = run(*args), run(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert len(data["games"]) == 20
    game = data["games"][0]
    assert {"outcomes", "ending", "quarters", "draws"} <= set(game)


def test_level_accepts_a_folder_anywhere_and_refuses_nonsense(tmp_path: Path) -> None:
    ok = run("simulate", "--level", str(ROOT / "levels" / "tutorial"), "--games", "2")
    assert ok.returncode == 0, ok.stderr
    missing = run("simulate", "--level", str(tmp_path / "nowhere"), "--games", "2")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    unknown = run("simulate", "--strategy", "nope")
    assert unknown.returncode == 2


def test_balance_report_is_the_same_with_one_or_two_processes() -> None:
    one = run("balance", "--level", "tutorial", "--games", "15", "--json", "--jobs", "1")
    two = run("balance", "--level", "tutorial", "--games", "15", "--json", "--jobs", "2")
    assert one.returncode == 0, one.stderr
    assert one.stdout == two.stdout
    data = json.loads(one.stdout)
    assert set(data["drafters"]) == {"random", "status-quo", "regional-transition", "robust"}
    assert "dead_cards" in data and "endings_never_seen" in data
    # The policy search too: the policies are drawn before they are shared out.
    one = run("balance", "--level", "tutorial", "--search", "12", "--search-games", "3", "--json", "--jobs", "1")
    two = run("balance", "--level", "tutorial", "--search", "12", "--search-games", "3", "--json", "--jobs", "2")
    assert one.returncode == 0, one.stderr
    assert one.stdout == two.stdout and len(json.loads(one.stdout)["frontier"]) >= 1


# --- usage errors: a bad value is refused with exit 2 and says what is expected ----------------
def usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    from game import cli

    # should a bad value get through, the game must end (terminal, no input), not wait in a window
    with pytest.MonkeyPatch.context() as mp, pytest.raises(SystemExit) as exit_info:
        for name in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
            mp.delenv(name, raising=False)
        mp.setenv("PENHOLDER_TEXT", "1")
        mp.setattr(sys, "stdin", io.StringIO(""))
        cli.main(argv)
    err = capsys.readouterr().err
    assert exit_info.value.code == 2, err
    assert "Traceback" not in err and "usage: penholder" in err
    return err.strip().splitlines()[-1]


@pytest.mark.parametrize(("argv", "message"), [
    (["play", "--auto", "nope"], "argument --auto: invalid choice: 'nope' (choose from 'random', 'status-quo'"),
    (["--auto", "nope"], "argument --auto: invalid choice: 'nope'"),  # play is the default command
    (["simulate", "--strategy", "nope"], "argument --strategy: invalid choice: 'nope'"),
    (["simulate", "--games", "0"], "the number of games must be from 1 to 1,000,000, not 0"),
    (["simulate", "--games", "-5"], "the number of games must be from 1 to 1,000,000, not -5"),
    (["balance", "--games", "0"], "the number of games must be from 1"),
    (["fidelity", "--games", "-1"], "the number of games must be from 1"),
    (["simulate", "--games", "9" * 5000], "the number of games must be a whole number from 1 to 1,000,000, not '999"),
    (["simulate", "--games", "١٢"], "must be a whole number"),
    (["balance", "--jobs", "0"], "the number of processes must be from 1 to 64, not 0"),
    (["balance", "--jobs", "100000"], "the number of processes must be from 1 to 64"),
    (["play", "--seed", "²"], "the seed must be a whole number from 0 to 999,999,999, not '²'"),
    (["play", "--size", "abc"], "the size must be WIDTHxHEIGHT, such as 1280x720, not 'abc'"),
    (["play", "--size", "-5x-5"], "the size must be WIDTHxHEIGHT, such as 1280x720, not '-5x-5'"),
    (["play", "--size", "0x0"], "the size must be from 800x500 to 7680x4320, not 0x0"),
    (["play", "--size", "100000x100000"], "the size must be from 800x500 to 7680x4320"),
    (["play", "--level", "x" * 5000], "the scenario must be a path of 1 to 1,000 characters without NUL"),
    (["play", "--level", "tuto\x00rial"], "the scenario must be a path of 1 to 1,000 characters without NUL"),
    (["play", "--level", "\x1b[2Jtutorial"], "contains control characters"),
    (["simulate", "--level", "nowhere"],
     "no scenario 'nowhere' with a scenario.yaml; the scenarios are: after-algiers, consent, serval-to-minusma, tutorial"),
    (["play", "--level", "/tmp"], "no folder '/tmp' with a scenario.yaml; the scenarios are: after-algiers"),
    (["simulate", "--strategy", "historical", "--level", "tutorial"],
     "the historical strategy needs a scenario with a record.yaml, and 'tutorial' has none"),
    (["play", "--auto", "historical"], "the historical strategy needs a scenario with a record.yaml"),
    (["play", "--continue", "../../etc"], "'../../etc' is not a game id"),
    (["play", "--save-replay", "/proc/self/replay.json"], "is in a system folder (/proc, /sys, /dev)"),
    (["play", "--save-replay", "/dev/null"], "is in a system folder"),
    (["play", "--screenshots", "/proc/shots"], "is in a system folder"),
    (["play", "--save-replay", "x" * 5000], "the file must be a path of 1 to 1,000 characters without NUL"),
])
def test_bad_values_are_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert message in usage_error(argv, capsys)


def test_paths_where_a_folder_or_a_file_is_expected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    assert "is a file, not a folder" in usage_error(["play", "--screenshots", str(a_file)], capsys)
    assert "is a file, not a folder" in usage_error(["play", "--screenshots", str(a_file / "shots")], capsys)
    assert "is a folder; give a file name" in usage_error(["play", "--save-replay", str(tmp_path)], capsys)
    assert "is a file, not a folder" in usage_error(["play", "--save-replay", str(a_file / "game.json")], capsys)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "is not an ordinary file" in usage_error(["play", "--save-replay", str(fifo)], capsys)


def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    read_only = tmp_path / "ro"
    read_only.mkdir()
    read_only.chmod(0o555)
    prefix: list[str] = []
    if os.geteuid() == 0:
        # root writes anywhere; without CAP_DAC_OVERRIDE it obeys the permission bits as a teacher's account does
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv")
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]
    env = os.environ | {"PENHOLDER_TEXT": "1"}
    for option, value in (("--save-replay", read_only / "game.json"), ("--screenshots", read_only / "shots")):
        r = subprocess.run([*prefix, sys.executable, "-m", "game", "play", "--text", option, str(value)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert r.returncode == 2, r.stderr
        assert f"cannot write in '{read_only}': Permission denied" in r.stderr
    read_only.chmod(0o755)


def test_good_paths_are_accepted(tmp_path: Path) -> None:
    from game import cli

    args = cli.build_parser().parse_args(["play", "--save-replay", str(tmp_path / "new" / "game.json"),
                                          "--screenshots", str(tmp_path / "a" / "b"), "--size", "1920X1080"])
    assert args.size == "1920x1080" and not (tmp_path / "new").exists()  # checking makes no folder


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from game import __version__, cli

    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"penholder {__version__}"


@pytest.mark.parametrize("command", ["play", "simulate", "fidelity", "balance", "replay", "check"])
def test_every_option_states_its_default(command: str) -> None:
    from game import cli
    from game.sim.drafters import DRAFTERS

    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    for action in sub._actions:
        if action.option_strings and action.dest != "help":
            assert action.help and "default" in action.help, (command, action.dest)
        if action.dest in ("auto", "strategy"):
            assert all(name in action.help for name in DRAFTERS)
        if action.dest == "level":
            assert all(name in action.help for name in ("tutorial", "after-algiers", "consent", "serval-to-minusma"))


@pytest.mark.parametrize(("path", "message"), [("", "must be a path of 1 to 1,000 characters"), ("/tmp", "is a folder"),
                                               ("/dev/zero", "is not an ordinary file"), ("no/such.json", "does not exist")])
def test_replay_needs_an_ordinary_file(path: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert message in usage_error(["replay", path], capsys)


def test_balance_search_prints_the_frontier_and_refuses_zero_policies():
    import contextlib
    import io

    from game.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["balance", "--level", "tutorial", "--search", "6", "--search-games", "2"]) == 0
    assert "Pareto frontier" in out.getvalue() and "within 5% of the best" in out.getvalue()
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.suppress(SystemExit):
        main(["balance", "--search", "0"])
    assert "the number of policies must be from 1" in err.getvalue()


def test_a_session_code_is_never_quietly_joined_by_other_choices() -> None:
    """--session "" played an ordinary game with a random seed, and --level or --seed beside a
    code were ignored: a team played another game than it asked for, and was not told."""
    empty = run("play", "--text", "--session", "", stdin="")
    assert empty.returncode == 2 and "--session needs a code" in empty.stderr
    for extra in (["--seed", "5"], ["--level", "consent"], ["--length=lesson"]):
        both = run("play", "--text", "--session", "AA-F282-YWKA-N3", *extra, stdin="")
        name = extra[0].split("=")[0]
        assert both.returncode == 2 and f"leave out {name}" in both.stderr, both.stderr


def test_a_picture_or_a_deck_is_written_only_under_its_own_ending(tmp_path: Path) -> None:
    """--png x.jpg wrote PNG bytes under a .jpg name; a folder's message offered 'game.json' for a PDF."""
    wrong = run("preview", "tut-smuggling-convoy", "--level", "tutorial", "--png", str(tmp_path / "card.jpg"))
    assert wrong.returncode == 2 and "must end in .png" in wrong.stderr and not (tmp_path / "card.jpg").exists()
    folder = run("deck", "--level", "tutorial", "--pdf", str(tmp_path))
    assert folder.returncode == 2 and "is a folder" in folder.stderr and "game.pdf" in folder.stderr


def test_a_lesson_sweep_on_two_cores_plays_the_lesson() -> None:
    # The workers loaded the scenario from its folder at full length: --jobs 2 gave another report.
    from game.content.loader import load_scenario
    from game.engine.defs import at_length
    from game.sim.balance import report

    full = load_scenario(ROOT / "levels" / "tutorial").scenario
    assert full is not None
    lesson = at_length(full, "lesson")
    one, two = report(lesson, 6, 1, jobs=1), report(lesson, 6, 1, jobs=2)
    assert two == one
    assert all(p["mean_quarters"] <= lesson.quarters for p in two["drafters"].values())
