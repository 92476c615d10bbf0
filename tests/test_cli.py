"""Every command of the CLI, run as a user would run it."""

from __future__ import annotations

import json
import os
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
    clean = run("check")
    assert clean.returncode == 0, clean.stdout
    assert clean.stdout.strip().splitlines()[-1].endswith("0 problems")
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "scenario.yaml").write_text("id: bad\ntitle: x\nsummery: y\n", encoding="utf-8")
    bad = run("check", str(folder))
    assert bad.returncode == 1
    assert f"{folder / 'scenario.yaml'}:3:1: S102 unknown field 'summery' (did you mean 'summary'?)" in bad.stdout
    as_json = json.loads(run("check", str(folder), "--json").stdout)
    assert as_json["scenarios"] == 1 and any(p["code"] == "S102" for p in as_json["problems"])


def test_schema_is_json_schema() -> None:
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "Penholder card file"
    assert "cards" in schema["properties"]


@pytest.mark.parametrize("strategy", ["random", "status-quo", "regional-transition", "robust"])
def test_simulate_is_byte_for_byte_reproducible(strategy: str) -> None:
    args = ("simulate", "--level", "tutorial", "--games", "20", "--seed", "5", "--strategy", strategy, "--json")
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
    one = run("balance", "--level", "tutorial", "--games", "15", "--json")
    two = run("balance", "--level", "tutorial", "--games", "15", "--json", "--jobs", "2")
    assert one.returncode == 0, one.stderr
    assert one.stdout == two.stdout
    data = json.loads(one.stdout)
    assert set(data["drafters"]) == {"random", "status-quo", "regional-transition", "robust"}
    assert "dead_cards" in data and "endings_never_seen" in data
