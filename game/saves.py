"""Files that hold games: replays (seed + decisions), saves (the whole state), written safely.

Writes are atomic: the new file is written beside the old one, flushed to disk, then renamed
over it, so a crash mid-write leaves the previous file intact. Reads never raise on bad data:
they raise ``SaveError`` with a message a teacher can read.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from game.engine.defs import Scenario
from game.engine.game import Game, replay

REPLAY_FORMAT = 1
MAX_SAVE_BYTES = 20 * 1024 * 1024


class SaveError(Exception):
    """A save or replay that cannot be used; the message says why."""


def write_json_atomic(path: Path | str, data: Any) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def read_json(path: Path | str) -> Any:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise SaveError(f"{path.name} is too large to be a Penholder file")
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        raise SaveError(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise SaveError(f"{path.name} cannot be read ({type(exc).__name__})") from None


def replay_dict(game: Game) -> dict[str, Any]:
    return {
        "format": REPLAY_FORMAT,
        "scenario": game.scenario.id,
        "content_hash": game.scenario.content_hash,
        "seed": game.seed,
        "decisions": list(game.decisions),
        "ending": game.ending,
        "outcomes": game.outcomes() if game.ending else None,
    }


def load_replay(data: Any, scenario: Scenario) -> tuple[Game, list[str]]:
    """Replay a replay file's decisions; return the game and warnings (content changed…)."""
    if not isinstance(data, dict) or data.get("format") != REPLAY_FORMAT:
        raise SaveError("not a Penholder replay (unknown format)")
    warnings = []
    if data.get("scenario") != scenario.id:
        raise SaveError(f"this replay is for scenario '{data.get('scenario')}', not '{scenario.id}'")
    if data.get("content_hash") != scenario.content_hash:
        warnings.append("the scenario's files changed since this replay was recorded")
    seed, decisions = data.get("seed"), data.get("decisions")
    if not isinstance(seed, int) or not isinstance(decisions, list):
        raise SaveError("damaged replay: no seed or no decisions")
    try:
        return replay(scenario, seed, decisions), warnings
    except ValueError as exc:
        raise SaveError(str(exc)) from None


def load_save(data: Any, scenario: Scenario) -> Game:
    if not isinstance(data, dict):
        raise SaveError("not a Penholder save")
    try:
        return Game.from_dict(scenario, data)
    except ValueError as exc:
        raise SaveError(str(exc)) from None
