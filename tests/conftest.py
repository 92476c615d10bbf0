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

from game.content.loader import load_scenario  # noqa: E402
from game.engine.defs import Scenario  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ROOT / "levels"


@pytest.fixture(scope="session")
def tutorial() -> Scenario:
    loaded = load_scenario(LEVELS / "tutorial")
    assert loaded.scenario is not None, "\n".join(map(str, loaded.problems))
    return loaded.scenario
