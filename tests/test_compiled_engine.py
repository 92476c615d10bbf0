"""The compiled engine (game/accel): used only for the very sources it was built from, and it
plays the same games as the pure Python engine, to the last ledger entry."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game import accel
from game.accel import build as accel_build
from game.cli import main
from game.content.loader import load_scenario
from game.sim.drafters import available

ROOT = Path(__file__).resolve().parent.parent

# Every scripted drafter, 12 seeds, in every bundled scenario: a game's record, its ledger (every
# change with its cause) and its journal, hashed; and which engine played them.
PLAY = """
import hashlib, json
from game import accel
from game.content.loader import levels_root, load_scenario, scenario_folders
from game.sim.drafters import available
from game.sim.simulate import game_record, play_one
digest = hashlib.sha256()
for folder in scenario_folders(levels_root()):
    scenario = load_scenario(folder).scenario
    for name in available(scenario):
        for seed in range(12):
            game = play_one(scenario, seed, name)
            digest.update(json.dumps([game_record(game, seed), game.meters.ledger, game.journal], sort_keys=True).encode())
print(json.dumps({"engine": accel.status(), "games": digest.hexdigest()}))
"""


def _play(env: dict[str, str]) -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", PLAY], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _copy_package(dest: Path) -> Path:
    package = dest / "game"
    for folder in accel.KEYED_FOLDERS:
        shutil.copytree(accel.PACKAGE / folder, package / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return package


def test_the_key_follows_every_keyed_source(tmp_path: Path) -> None:
    package = _copy_package(tmp_path)
    assert accel.source_key(package) == accel.source_key()
    rules = package / "engine" / "rules.py"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# one more line\n", encoding="utf-8")
    assert accel.source_key(package) != accel.source_key()
    rules.write_text((accel.PACKAGE / "engine" / "rules.py").read_text(encoding="utf-8"), encoding="utf-8")
    (package / "content" / "new_module.py").write_text("", encoding="utf-8")  # a new file counts too
    assert accel.source_key(package) != accel.source_key()


def test_an_unfinished_or_partial_build_is_never_loaded(tmp_path: Path) -> None:
    folder = tmp_path / "build"
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    for name in accel.COMPILED:
        lib = folder / (name.replace(".", "/") + suffix)
        lib.parent.mkdir(parents=True, exist_ok=True)
        lib.write_bytes(b"")
    assert accel.built_modules(folder) == {}, "no MANIFEST: a build cut short"
    (folder / "MANIFEST").write_text("{}", encoding="utf-8")
    assert set(accel.built_modules(folder)) == set(accel.COMPILED)
    (folder / "game" / "engine" / ("rules" + suffix)).unlink()
    assert accel.built_modules(folder) == {}, "a module missing: the whole build is set aside"


def test_a_build_for_other_sources_is_ignored(tmp_path: Path) -> None:
    stale = tmp_path / "engine" / "0123456789abcdef0123"
    stale.mkdir(parents=True)
    (stale / "MANIFEST").write_text("{}", encoding="utf-8")
    env = dict(os.environ, PENHOLDER_CACHE=str(tmp_path))
    env.pop("PENHOLDER_ENGINE")
    done = subprocess.run([sys.executable, "-c", "from game import accel; print(accel.status())"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.startswith("engine: pure Python (no compiled build of these sources"), done.stdout + done.stderr


def test_accelerate_without_a_compiler_says_what_is_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PENHOLDER_CACHE", str(tmp_path))
    monkeypatch.setattr(accel_build, "toolchain_problem", lambda: "the compiled engine needs a C compiler ('cc' was not found)")
    assert main(["accelerate"]) == 1
    err = capsys.readouterr().err
    assert "needs a C compiler" in err and "pure Python engine plays the same games" in err
    assert not (tmp_path / "engine").exists() or not any((tmp_path / "engine").iterdir())


@pytest.mark.skipif(accel_build.toolchain_problem() is not None, reason=str(accel_build.toolchain_problem()))
def test_the_compiled_engine_plays_the_same_games(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PENHOLDER_CACHE", str(tmp_path))
    folder = accel_build.build(say=lambda _line: None)
    assert folder.name == accel.source_key()
    manifest = json.loads((folder / "MANIFEST").read_text(encoding="utf-8"))
    assert manifest["modules"] == list(accel.COMPILED)
    pure = _play(dict(os.environ, PENHOLDER_ENGINE="pure"))
    compiled_env = dict(os.environ, PENHOLDER_CACHE=str(tmp_path))
    compiled_env.pop("PENHOLDER_ENGINE")
    compiled = _play(compiled_env)
    assert pure["engine"].startswith("engine: pure Python")
    assert compiled["engine"] == f"engine: compiled (mypyc, build {folder.name})"
    assert compiled["games"] == pure["games"]
    # A second call finds the build and compiles nothing.
    assert accel_build.build(say=lambda line: pytest.fail(f"compiled again: {line}")) == folder


def _no_build(*_args: object, **_kwargs: object) -> Path:
    raise AssertionError("built")


@pytest.mark.parametrize("why", ["short", "pure", "restarted"])
def test_a_long_sweep_builds_only_when_it_is_worth_it_and_asked(why: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accel_build, "build", _no_build)
    monkeypatch.setattr(accel_build, "toolchain_problem", lambda: None)
    monkeypatch.delenv("PENHOLDER_ENGINE")
    if why == "pure":
        monkeypatch.setenv("PENHOLDER_ENGINE", "pure")
    if why == "restarted":  # the restarted process did not find its build: never a loop of builds
        monkeypatch.setenv(accel_build.RESTARTED_ENV, "1")
    games = accel_build.AUTO_BUILD_GAMES - 1 if why == "short" else accel_build.AUTO_BUILD_GAMES
    said: list[str] = []
    assert accel_build.build_for_sweep(games, said.append) is False
    assert said == []


def test_a_long_sweep_builds_once_or_says_why_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PENHOLDER_ENGINE")
    monkeypatch.delenv(accel_build.RESTARTED_ENV, raising=False)
    said: list[str] = []
    monkeypatch.setattr(accel_build, "toolchain_problem", lambda: "the compiled engine needs a C compiler")
    monkeypatch.setattr(accel_build, "build", _no_build)
    assert accel_build.build_for_sweep(5000, said.append) is False
    assert "pure Python engine plays this sweep" in said[-1] and "C compiler" in said[-1]

    def failing(**_kwargs: object) -> Path:
        raise RuntimeError("mypyc could not compile the engine")

    monkeypatch.setattr(accel_build, "toolchain_problem", lambda: None)
    monkeypatch.setattr(accel_build, "build", failing)
    assert accel_build.build_for_sweep(5000, said.append) is False
    assert said[-1].endswith("mypyc could not compile the engine")
    built: list[bool] = []
    monkeypatch.setattr(accel_build, "build", lambda **_kwargs: built.append(True) or Path("."))
    assert accel_build.build_for_sweep(5000, said.append) is True and built == [True]
    assert "compiling the engine first" in said[-1] and "5,000 games" in said[-1]


def test_a_long_balance_starts_again_on_its_new_build(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    monkeypatch.setattr(accel_build, "build_for_sweep", lambda games, say: asked.append(games) or True)

    class Restarted(Exception):
        pass

    def execv(path: str, argv: list[str]) -> None:
        assert path == sys.executable
        raise Restarted(argv)

    monkeypatch.setattr(os, "execv", execv)
    monkeypatch.setenv(accel_build.RESTARTED_ENV, "")  # restored after the test
    command = ["balance", "--level", "tutorial", "--games", "700", "--seed", "3"]
    with pytest.raises(Restarted) as restarted:
        main(command)
    assert restarted.value.args[0] == [sys.executable, "-m", "game", *command]
    assert os.environ[accel_build.RESTARTED_ENV] == "1"  # the new process will not build again
    tutorial = load_scenario(ROOT / "levels" / "tutorial").scenario
    assert tutorial is not None
    assert asked == [700 * len(available(tutorial))]
