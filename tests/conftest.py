"""Shared fixtures: the bundled scenarios, loaded once per test session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# No test, nor a game it starts in a subprocess, ever writes into a real user's saves.
os.environ.setdefault("PENHOLDER_DATA", tempfile.mkdtemp(prefix="penholder-tests-"))
# The pure Python engine, whatever builds the user's cache holds: a test that breaks the engine on
# purpose must reach the code it breaks (test_compiled_engine.py compares the compiled engine).
# PENHOLDER_ENGINE=compiled runs the whole suite on a build instead.
os.environ.setdefault("PENHOLDER_ENGINE", "pure")

from game.content.loader import load_scenario  # noqa: E402
from game.engine.defs import Scenario  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ROOT / "levels"


@pytest.fixture(scope="session")
def tutorial() -> Scenario:
    loaded = load_scenario(LEVELS / "tutorial")
    assert loaded.scenario is not None, "\n".join(map(str, loaded.problems))
    return loaded.scenario


def problems_after_edit(tmp_path: Path, file: str, old: str, new: str, scenario: str, code: str) -> tuple[list, list[str]]:
    """Copy levels/, replace ``old`` by ``new`` once in ``file`` (relative to levels/), check
    ``scenario``; the problems of ``code`` and the edited file's lines."""
    import shutil

    from game.content.check import check_paths

    root = tmp_path / "levels"
    shutil.copytree(LEVELS, root)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{file} no longer holds {old!r}"
    edited = text.replace(old, new, 1)
    path.write_text(edited, encoding="utf-8")
    return [p for p in check_paths([root / scenario]).problems if p.code == code], edited.splitlines()
