"""Never lose a class's progress: the autosave, the previous good save, named slots, settings, undo.

Files live in the user's data folder (``platformdirs.user_data_dir("penholder")``, or
``$PENHOLDER_DATA``). Every write goes through ``saves.write_json_atomic`` (a crash mid-write
leaves the old file whole). Before the autosave is replaced, the current one — if it reads back
as a good save — becomes ``autosave.prev.json``; a save that cannot be read falls back to it with
a message, never a crash.

A save holds the whole state (``Game.to_dict``) and, beside it, the replay (seed + decisions):
if the scenario's files changed so that the state no longer fits, the decisions are replayed.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from game.engine.actions import Impossible
from game.engine.defs import Scenario
from game.engine.game import Game, replay
from game.saves import SaveError, load_replay, load_save, read_json, replay_dict, write_json_atomic

SAVE_KIND = "penholder-window-save"
SAVE_VERSION = 1
MEANINGFUL = ("choose", "trade", "vote", "respond")


def data_dir() -> Path:
    env = os.environ.get("PENHOLDER_DATA")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("penholder"))


@dataclass
class Settings:
    lang: str = "en"
    text_step: int = 1
    high_contrast: bool = False
    colour_blind: bool = False
    previews: bool = True
    undo_allowed: bool = True

    @classmethod
    def from_dict(cls, data: Any) -> Settings:
        s = cls()
        if isinstance(data, dict):
            for f in fields(cls):
                v = data.get(f.name)
                if isinstance(v, type(getattr(s, f.name))):
                    setattr(s, f.name, v)
        s.lang = s.lang if s.lang in ("en", "fr") else "en"
        s.text_step = max(0, min(3, s.text_step))
        return s


@dataclass
class SlotInfo:
    path: Path
    name: str
    scenario: str
    when: str
    where: str  # "phase, quarter"
    error: str | None = None


def payload(game: Game, level: str, name: str = "") -> dict[str, Any]:
    return {
        "kind": SAVE_KIND,
        "version": SAVE_VERSION,
        "name": name,
        "level": level,
        "scenario": game.scenario.id,
        "saved_at": time.strftime("%Y-%m-%d %H:%M"),
        "phase": game.phase,
        "quarter": game.quarter,
        "game": game.to_dict(),
        "replay": replay_dict(game),
    }


def check_payload(data: Any) -> dict[str, Any]:
    """The save's outer shape, or ``SaveError`` with a readable reason."""
    if not isinstance(data, dict) or data.get("kind") != SAVE_KIND:
        raise SaveError("not a Penholder save")
    if data.get("version") != SAVE_VERSION:
        raise SaveError(f"save version {data.get('version')!r} is not supported")
    if not isinstance(data.get("level"), str) or not isinstance(data.get("game"), dict):
        raise SaveError("damaged save: no scenario or no game")
    return data


def restore(data: dict[str, Any], scenario: Scenario) -> tuple[Game, bool]:
    """The game in a save; (game, replayed?) — falls back to replaying the decisions."""
    try:
        return load_save(data["game"], scenario), False
    except SaveError as first:
        rep = data.get("replay")
        if not isinstance(rep, dict):
            raise first from None
        game, _warnings = load_replay(rep, scenario)
        return game, True


def undo(game: Game) -> Game:
    """The game without its last meaningful decision (and the moves that followed it)."""
    last = None
    for i, d in enumerate(game.decisions):
        if d.get("do") in MEANINGFUL:
            last = i
    if last is None:
        raise Impossible("nothing to undo")
    return replay(game.scenario, game.seed, game.decisions[:last])


class Store:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else data_dir()
        self.autosave_path = self.root / "autosave.json"
        self.prev_path = self.root / "autosave.prev.json"
        self.settings_path = self.root / "settings.json"
        self.slots_dir = self.root / "slots"
        self._wrote_current = False

    # --- settings -------------------------------------------------------------------------
    def load_settings(self) -> Settings:
        try:
            return Settings.from_dict(read_json(self.settings_path))
        except SaveError:
            return Settings()

    def save_settings(self, settings: Settings) -> None:
        try:
            write_json_atomic(self.settings_path, asdict(settings))
        except OSError:
            pass

    # --- autosave -------------------------------------------------------------------------
    def autosave(self, game: Game, level: str) -> None:
        """Write the autosave; the current one, if good, is kept as the previous good save."""
        if self.autosave_path.exists():
            good = self._wrote_current  # written whole by us in this session: no need to read it back
            if not good:
                try:
                    check_payload(read_json(self.autosave_path))
                    good = True
                except SaveError:
                    good = False  # a bad current file never replaces the previous good one
            if good:
                os.replace(self.autosave_path, self.prev_path)
        self._wrote_current = False
        write_json_atomic(self.autosave_path, payload(game, level, "autosave"))
        self._wrote_current = True

    def has_autosave(self) -> bool:
        return self.autosave_path.exists() or self.prev_path.exists()

    def autosave_candidates(self) -> list[tuple[dict[str, Any] | None, str | None]]:
        """[(payload, None) or (None, error)] for the autosave then the previous good one."""
        out: list[tuple[dict[str, Any] | None, str | None]] = []
        for path in (self.autosave_path, self.prev_path):
            if not path.exists():
                continue
            try:
                out.append((check_payload(read_json(path)), None))
            except SaveError as exc:
                out.append((None, str(exc)))
        return out

    # --- slots ----------------------------------------------------------------------------
    def slot_path(self, name: str) -> Path:
        slug = re.sub(r"[^A-Za-z0-9_-]+", "-", name.strip()).strip("-").lower()[:40] or "save"
        path = self.slots_dir / f"{slug}.json"
        n = 2
        while path.exists():
            path = self.slots_dir / f"{slug}-{n}.json"
            n += 1
        return path

    def save_slot(self, game: Game, level: str, name: str) -> Path:
        path = self.slot_path(name)
        write_json_atomic(path, payload(game, level, name.strip() or path.stem))
        return path

    def list_slots(self) -> list[SlotInfo]:
        out = []
        if not self.slots_dir.is_dir():
            return out
        for path in sorted(self.slots_dir.glob("*.json")):
            try:
                data = check_payload(read_json(path))
                out.append(SlotInfo(path, str(data.get("name") or path.stem), str(data.get("scenario", "")),
                                    str(data.get("saved_at", "")), f"{data.get('phase', '')}, Q{int(data.get('quarter', 0)) + 1}"))
            except (SaveError, ValueError, TypeError) as exc:
                out.append(SlotInfo(path, path.stem, "", "", "", str(exc)))
        out.sort(key=lambda s: s.when, reverse=True)
        return out

    def read_slot(self, path: Path) -> dict[str, Any]:
        return check_payload(read_json(path))

    def delete_slot(self, path: Path) -> None:
        try:
            path.unlink()
        except OSError:
            pass
