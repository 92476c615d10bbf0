"""Where games live on disk, so that no action of a player loses another game.

Layout of the data folder (``$PENHOLDER_DATA``, else ``platformdirs.user_data_dir("penholder")``)::

    games/<game id>/autosave.json        every game has its own autosave…
    games/<game id>/autosave.prev.json   …and its previous good one
    games/<game id>/autosave.unreadable-<time>.json   a file we could not read, set aside
    slots/<name>.json                    named saves
    bin/<time>--<name>.json              deleted named saves, until restored or the bin is emptied
    settings.json

Starting a game makes a new game folder, and loading a named save continues it as a new game, so
neither ever touches another game's files. An autosave is replaced in two atomic steps (the
previous good one first, then the current one), so a ``kill -9`` at any instant leaves a whole
``autosave.json``. Temporary files left by a killed write are removed when the store opens.
"""

from __future__ import annotations

import os
import re
import time
import unicodedata
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Literal, TypedDict

from game import i18n
from game.engine.actions import Impossible
from game.engine.defs import Scenario, month_index
from game.engine.game import Game, replay
from game.i18n import month_label
from game.saves import (
    TMP_SUFFIX,
    ContentStamp,
    LevelName,
    Name,
    ReplayFile,
    SaveError,
    ShortText,
    Strict,
    encode_json,
    load_replay,
    load_save,
    read_bytes,
    read_json,
    replay_dict,
    validate,
    write_bytes_atomic,
    write_bytes_new,
    write_json_atomic,
)

SAVE_KIND = "penholder-window-save"
SAVE_VERSION = 2
READABLE_VERSIONS = (1, 2)
MEANINGFUL = ("choose", "trade", "vote", "respond")
AUTOSAVE, PREVIOUS = "autosave.json", "autosave.prev.json"
STALE_TMP_SECONDS = 60  # a younger temporary file may be another window's write in progress


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
    sound: int = 0  # 0 off (the default in class), 1 quiet, 2 normal, 3 loud
    reduce_motion: bool = False  # no vote animation, no ticking counters

    @classmethod
    def for_run(cls, args: object) -> Settings:
        """An auto or screenshot run's settings, from its command line only (never the class's)."""
        step = getattr(args, "text_step", 1)
        return cls(high_contrast=bool(getattr(args, "high_contrast", False)),
                   text_step=max(0, min(3, step if isinstance(step, int) else 1)))

    @classmethod
    def from_dict(cls, data: object) -> Settings:
        s = cls()
        if isinstance(data, dict):
            for f in fields(cls):
                v = data.get(f.name)
                if type(v) is type(getattr(s, f.name)):  # bool is not an int here
                    setattr(s, f.name, v)
        s.lang = s.lang if s.lang in i18n.languages() else i18n.SOURCE  # a language with a catalogue
        s.text_step = max(0, min(3, s.text_step))
        s.sound = max(0, min(3, s.sound))
        return s


class SaveFile(Strict):
    """The outer shape of a save; the game inside is checked by ``Game.from_dict``."""

    kind: Literal["penholder-window-save"]
    version: int
    name: ShortText = ""
    level: LevelName
    scenario: Name
    saved_at: ShortText = ""
    phase: ShortText = ""
    quarter: int = 0
    date: ShortText = ""
    game_id: ShortText = ""
    game: dict[str, Any]
    replay: ReplayFile | None = None
    content: ContentStamp | None = None


class Stamp(TypedDict):
    """What a save records of its scenario (read back as ``ContentStamp``)."""

    hash: str
    cards: list[str]
    clauses: dict[str, list[str]]  # dimension -> its options


def content_stamp(scenario: Scenario) -> Stamp:
    return {
        "hash": scenario.content_hash,
        "cards": sorted(c.id for c in scenario.cards),
        "clauses": {d.id: [o.id for o in d.options] for d in scenario.dimensions},
    }


def content_changes(stamp: ContentStamp | None, scenario: Scenario) -> list[str]:
    """What changed in the scenario since a save was made, in words ([] if nothing)."""
    if stamp is None or stamp.hash == scenario.content_hash:
        return []
    now = content_stamp(scenario)
    out = []
    added = sorted(set(now["cards"]) - set(stamp.cards))
    removed = sorted(set(stamp.cards) - set(now["cards"]))
    if added:
        out.append(f"cards added: {', '.join(added[:8])}{' …' if len(added) > 8 else ''}")
    if removed:
        out.append(f"cards removed: {', '.join(removed[:8])}{' …' if len(removed) > 8 else ''}")
    new_dims = sorted(set(now["clauses"]) - set(stamp.clauses))
    gone_dims = sorted(set(stamp.clauses) - set(now["clauses"]))
    if new_dims:
        out.append(f"clauses added: {', '.join(new_dims)}")
    if gone_dims:
        out.append(f"clauses removed: {', '.join(gone_dims)}")
    changed = sorted(d for d in set(now["clauses"]) & set(stamp.clauses) if now["clauses"][d] != stamp.clauses[d])
    if changed:
        out.append(f"options changed in: {', '.join(changed)}")
    if not out:
        out.append("card or model texts and numbers")
    return out


def payload(game: Game, level: str, name: str = "", game_id: str = "") -> dict[str, object]:
    return {
        "kind": SAVE_KIND,
        "version": SAVE_VERSION,
        "name": name,
        "level": level,
        "scenario": game.scenario.id,
        "saved_at": time.strftime("%Y-%m-%d %H:%M"),
        "phase": game.phase,
        "quarter": game.quarter,
        "date": f"{game.date // 12}-{game.date % 12 + 1:02d}",
        "game_id": game_id,
        "game": game.to_dict(),
        "replay": replay_dict(game),
        "content": content_stamp(game.scenario),
    }


def check_payload(data: object, name: str = "save") -> SaveFile:
    """The save's outer shape, or ``SaveError`` with a readable reason."""
    if not isinstance(data, dict) or data.get("kind") != SAVE_KIND:
        raise SaveError("not_save", name=name)
    version = data.get("version")
    if type(version) is int and version > SAVE_VERSION:
        raise SaveError("newer", name=name, version=version)
    if version not in READABLE_VERSIONS:
        raise SaveError("field", name=name, field="version", why="has a value this version does not know")
    return validate(SaveFile, data, name)


def read_save(path: Path) -> SaveFile:
    return check_payload(read_json(path), path.name)


def restore(save: SaveFile, scenario: Scenario, name: str = "save") -> tuple[Game, bool, SaveError | None]:
    """The game in a save; (game, rebuilt from its decisions?, why its decisions did not replay).

    The decisions are replayed first: they are a short, strictly checked list, the replay takes
    a few milliseconds, and whatever else a hand-edited file holds cannot reach the engine. The
    saved state is the fallback for a save whose replay is missing or no longer fits."""
    error: SaveError | None = None
    if save.replay is not None:
        try:
            game, _warnings = load_replay(save.replay.model_dump(), scenario, name)
            return game, True, None
        except SaveError as exc:
            error = exc
    try:
        return load_save(save.game, scenario, name), False, error
    except SaveError as exc:
        raise (error or exc) from None


def undo(game: Game) -> Game:
    """The game without its last meaningful decision (and the moves that followed it)."""
    last = None
    for i, d in enumerate(game.decisions):
        if isinstance(d, dict) and d.get("do") in MEANINGFUL:
            last = i
    if last is None:
        raise Impossible("nothing to undo")
    return replay(game.scenario, game.seed, game.decisions[:last])


def date_label(date: str, lang: str) -> str:
    """ "2016-06" as "Jun 2016" / "juin 2016"; "" for anything else."""
    try:
        return month_label(month_index(date), lang)
    except ValueError:
        return ""


MAX_SAVE_NAME = 120  # characters of a save's name: the scenario, its month and year, and a team's name
KEPT_SPACES = "\u00a0\u202f"  # French typography's no-break spaces ("Tutoriel : …"), kept in names
# Names Windows gives to devices: "aux.json" (a French word) could not be written there.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def clean_name(name: str) -> str:
    """A save's name as it is shown: control and invisible characters left out, the no-break
    spaces of French typography kept."""
    return "".join(c for c in name if c.isprintable() or c in KEPT_SPACES)


def slot_name(name: str) -> str:
    """The name a named save is written under (``save_slot``): cleaned, trimmed, at most
    ``MAX_SAVE_NAME`` characters; "" when nothing is left (the file's name is shown then)."""
    return clean_name(name).strip()[:MAX_SAVE_NAME].strip()


def slug(name: str) -> str:
    """A file name from a save's name: letters of any script kept, accents folded on Latin ones."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    text = re.sub(r"[^\w-]+", "-", unicodedata.normalize("NFC", folded).strip(), flags=re.UNICODE)
    return text.strip("-_").lower()[:40] or "save"


@dataclass
class GameInfo:
    """One game for the "Continue" list."""

    game_id: str
    folder: Path
    scenario: str
    level: str
    date: str  # the date in the game, "YYYY-MM"
    saved_at: str  # when the last decision was made
    phase: str
    problem: SaveError | None = None  # why its files cannot be read; words in any language
    quarter: int = 0  # quarters played since the start (the first is 0)

    @property
    def error(self) -> str | None:
        return self.problem.text("en") if self.problem else None


@dataclass
class SlotInfo:
    path: Path
    name: str
    scenario: str
    when: str
    where: str  # "date in the game" or "phase, quarter"
    problem: SaveError | None = None  # why it cannot be read; words in any language
    quarter: int = 0  # quarters played since the start (the first is 0)
    phase: str = ""  # "end": a finished game (its quarter is then one past the last)

    @property
    def error(self) -> str | None:
        return self.problem.text("en") if self.problem else None


_GAME_ID = re.compile(r"[\w.-]{1,120}")  # a game folder's name: no path, no space, not too long


class SavedElsewhere(Exception):
    """This game's autosave changed on disk since this process last wrote it: another window or
    terminal is playing the same game. ``Session.autosave`` continues ours as a new game."""

    def __init__(self, game_id: str):
        self.game_id = game_id
        super().__init__(game_id)


class Store:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else data_dir()
        self.games_dir = self.root / "games"
        self.settings_path = self.root / "settings.json"
        self.slots_dir = self.root / "slots"
        self.bin_dir = self.root / "bin"
        self._written: dict[str, bytes] = {}  # game id -> the autosave bytes this process wrote last
        self.cleanup_temp()
        self._adopt_legacy_autosave()

    # --- housekeeping ---------------------------------------------------------------------
    def cleanup_temp(self, max_age: float = STALE_TMP_SECONDS) -> int:
        """Remove temporary files left by a write that was killed; return how many.

        Only files older than ``max_age`` seconds: a younger one may be another window's write."""
        removed = 0
        now = time.time()
        for folder in (self.root, self.slots_dir, *self._game_folders()):
            try:
                entries = list(folder.iterdir())
            except OSError:
                continue
            for p in entries:
                if p.name.startswith(".") and p.name.endswith(TMP_SUFFIX) or p.name.endswith(".json" + TMP_SUFFIX):
                    try:
                        if now - p.lstat().st_mtime >= max_age:
                            p.unlink()
                            removed += 1
                    except OSError:
                        pass
        return removed

    def _adopt_legacy_autosave(self) -> None:
        """Version 1 kept one autosave at the root: give it a game folder of its own."""
        for name in (AUTOSAVE, PREVIOUS):
            old = self.root / name
            if old.is_file():
                folder = self.games_dir / f"earlier-{time.strftime('%Y%m%d-%H%M%S', time.localtime(old.stat().st_mtime))}"
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                    if not (folder / name).exists():
                        os.replace(old, folder / name)
                except OSError:
                    pass

    def _game_folders(self) -> list[Path]:
        """The game folders ``folder`` accepts: a name it would refuse (a hidden folder, a space)
        was listed under Continue, then refused as "no game to continue"."""
        try:
            return [p for p in self.games_dir.iterdir() if p.is_dir() and _GAME_ID.fullmatch(p.name)
                    and not p.name.startswith(".")]
        except OSError:
            return []

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

    # --- autosaves, one per game ----------------------------------------------------------
    def new_game_id(self, scenario_id: str) -> str:
        """A new game's id, its folder made at once so that no other game, in this process or
        another, takes it. Where the data folder cannot be written (a locked school profile, a
        file in its place) the id is still given: the game plays, and its autosave says why."""
        base = f"{time.strftime('%Y%m%d-%H%M%S')}-{slug(scenario_id)}"
        game_id = base
        for n in range(2, 10_000):
            try:
                (self.games_dir / game_id).mkdir(parents=True)
            except FileExistsError:
                game_id = f"{base}-{n}"
                continue
            except OSError:
                pass
            break
        return game_id

    def folder(self, game_id: str) -> Path:
        if not _GAME_ID.fullmatch(game_id) or game_id.startswith("."):
            raise SaveError("missing", name=game_id[:60])
        return self.games_dir / game_id

    def autosave(self, game: Game, level: str, game_id: str) -> str | None:
        """Write this game's autosave; keep the current good one as the previous.

        Returns the name under which an unreadable current file was set aside, if one was.
        """
        folder = self.folder(game_id)
        current, previous = folder / AUTOSAVE, folder / PREVIOUS
        data = encode_json(payload(game, level, "autosave", game_id))
        set_aside = None
        old = self._written.get(game_id)
        if old is not None and current.exists():
            # Another window or terminal continuing the same game saved since we last did: writing
            # now would silently replace its decisions with ours. The caller keeps both.
            try:
                on_disk: bytes | None = read_bytes(current)
            except SaveError:
                on_disk = None  # unreadable: set aside below, as a file we never wrote
            if on_disk != old:
                if on_disk is not None:
                    raise SavedElsewhere(game_id)
                old = None
        if old is None and current.exists():
            try:
                old = read_bytes(current)
                check_payload(read_json(current), current.name)
            except SaveError:
                old = None
                set_aside = self.set_aside(current)
        if old is not None:
            write_bytes_atomic(previous, old)  # the current file stays whole meanwhile
        write_bytes_atomic(current, data)
        self._written[game_id] = data
        return set_aside

    def set_aside(self, path: Path) -> str | None:
        """Rename a file we cannot read so that nothing ever writes over it; its new name."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.stem}.unreadable-{stamp}{path.suffix}")
        n = 2
        while target.exists():
            target = path.with_name(f"{path.stem}.unreadable-{stamp}-{n}{path.suffix}")
            n += 1
        try:
            os.replace(path, target)
        except OSError:
            return None
        return str(target)

    def recent_games(self, limit: int = 30) -> list[GameInfo]:
        """Games that can be continued, the most recently played first."""
        found = []
        for folder in self._game_folders():
            cur, prev = folder / AUTOSAVE, folder / PREVIOUS
            path = cur if cur.exists() else prev if prev.exists() else None
            if path is None:
                continue
            try:
                mtime = path.stat().st_mtime
            except OSError:
                continue
            found.append((mtime, folder, path))
        found.sort(key=lambda t: (t[0], t[1].name), reverse=True)
        out = []
        for mtime, folder, path in found[:limit]:
            saved = time.strftime("%Y-%m-%d %H:%M", time.localtime(mtime))
            try:
                s = read_save(path)
                out.append(GameInfo(folder.name, folder, s.scenario, s.level, s.date, s.saved_at or saved, s.phase,
                                    quarter=s.quarter))
            except SaveError as exc:
                try:  # the previous good one still tells what the game is
                    s = read_save(folder / PREVIOUS)
                    out.append(GameInfo(folder.name, folder, s.scenario, s.level, s.date, s.saved_at, s.phase,
                                        quarter=s.quarter))
                except SaveError:
                    out.append(GameInfo(folder.name, folder, "", "", "", saved, "", exc))
        return out

    def has_games(self) -> bool:
        return any((f / AUTOSAVE).exists() or (f / PREVIOUS).exists() for f in self._game_folders())

    def candidates(self, game_id: str) -> list[tuple[Path, SaveFile | None, SaveError | None]]:
        """This game's autosave then its previous good one, each read or with its error."""
        folder = self.folder(game_id)
        out: list[tuple[Path, SaveFile | None, SaveError | None]] = []
        for path in (folder / AUTOSAVE, folder / PREVIOUS):
            if not path.exists():
                continue
            try:
                out.append((path, read_save(path), None))
            except SaveError as exc:
                out.append((path, None, exc))
        return out

    def has_autosave(self, game_id: str) -> bool:
        """Whether an autosave of this game is on disk (none where the data folder cannot be written)."""
        try:
            folder = self.folder(game_id)
        except SaveError:
            return False
        return (folder / AUTOSAVE).is_file() or (folder / PREVIOUS).is_file()

    def written_as_on_disk(self, game_id: str) -> None:
        """Take this game's autosave as it is now as the one we last wrote (a game is resumed): a
        later change on disk is then another window's or terminal's (``SavedElsewhere``)."""
        try:
            self._written[game_id] = read_bytes(self.folder(game_id) / AUTOSAVE)
        except SaveError:
            self._written.pop(game_id, None)

    # --- named saves ----------------------------------------------------------------------
    def slot_path(self, name: str) -> Path:
        base = slug(name)
        base = f"save-{base}" if base in _RESERVED else base  # "aux.json" cannot be made on Windows
        path = self.slots_dir / f"{base}.json"
        n = 2
        while path.exists():
            path = self.slots_dir / f"{base}-{n}.json"
            n += 1
        return path

    def save_slot(self, game: Game, level: str, name: str) -> Path:
        """A new named save, under a file name no other save has (never replacing one, even one
        another window writes at the same instant)."""
        clean = slot_name(name)
        for _ in range(1000):
            path = self.slot_path(clean)
            if write_bytes_new(path, encode_json(payload(game, level, clean or path.stem))):
                return path
        raise OSError(f"no free file name for the save {clean!r} in {self.slots_dir}")

    def list_slots(self, folder: Path | None = None) -> list[SlotInfo]:
        folder = folder or self.slots_dir
        out: list[SlotInfo] = []
        if not folder.is_dir():
            return out
        for path in sorted(folder.glob("*.json")):
            try:
                s = read_save(path)
                where = s.date or f"{s.phase}, Q{s.quarter + 1}"  # "YYYY-MM"; see date_label
                out.append(SlotInfo(path, s.name or path.stem, s.scenario, s.saved_at, where, quarter=s.quarter,
                                        phase=s.phase))
            except SaveError as exc:
                out.append(SlotInfo(path, path.stem, "", "", "", exc))
        out.sort(key=lambda s: (s.when, s.path.name), reverse=True)
        return out

    def read_slot(self, path: Path) -> SaveFile:
        return read_save(path)

    # --- the bin --------------------------------------------------------------------------
    def delete_slot(self, path: Path) -> Path:
        """Move a named save to the bin (it can be restored); return where it went."""
        self.bin_dir.mkdir(parents=True, exist_ok=True)
        target = self.bin_dir / f"{time.strftime('%Y%m%d-%H%M%S')}--{path.name}"
        n = 2
        while target.exists():
            target = self.bin_dir / f"{time.strftime('%Y%m%d-%H%M%S')}-{n}--{path.name}"
            n += 1
        os.replace(path, target)
        return target

    def binned(self) -> list[SlotInfo]:
        return self.list_slots(self.bin_dir)

    def restore_slot(self, binned: Path) -> Path:
        """Put a deleted save back among the named saves (under a free name)."""
        original = binned.name.split("--", 1)[-1]
        target = self.slots_dir / original
        n = 2
        while target.exists():
            target = self.slots_dir / f"{Path(original).stem}-{n}.json"
            n += 1
        self.slots_dir.mkdir(parents=True, exist_ok=True)
        os.replace(binned, target)
        return target

    def empty_bin(self) -> int:
        removed = 0
        for p in sorted(self.bin_dir.glob("*.json")) if self.bin_dir.is_dir() else []:
            try:
                p.unlink()
                removed += 1
            except OSError:
                pass
        return removed
