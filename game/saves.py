"""Files that hold games: replays (seed + decisions), saves (the whole state), written safely.

Writes are atomic: the new file is written beside the old one under a temporary name, flushed
and fsynced, renamed over the old one, and the folder is fsynced, so at every instant the file
exists whole under its own name (the old version or the new one). Reads go through one guarded
path (regular files only, a size cap, no FIFOs, no NaN or oversized numbers) and a strict schema,
and never raise anything but ``SaveError``, whose message a teacher can read in English or French.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)
from pydantic_core import ErrorDetails

from game import i18n
from game.engine.defs import Scenario, at_length
from game.engine.game import Game, replay

REPLAY_FORMAT = 1
MAX_SAVE_BYTES = 20 * 1024 * 1024
TMP_SUFFIX = ".tmp"

class SaveError(Exception):
    """A save or replay that cannot be used; ``text(lang)`` says why, in the player's language."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        """Why, in ``lang`` (the catalogues' ``save_error`` entries; an unknown key is its own text)."""
        if not i18n.has("save_error", self.key):
            return self.key
        return i18n.word("save_error", self.key, lang, **self.params)


# --- writing ---------------------------------------------------------------------------------
def _fsync_folder(folder: Path) -> None:
    """Make a rename durable: fsync the folder (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# The process's umask, read once at import (setting it to read it is not safe beside threads).
_UMASK = os.umask(0)
os.umask(_UMASK)


def _mode_for(path: Path) -> int:
    """The permissions a file written in place would have: the old file's, or a new file's
    (``mkstemp`` makes its file readable by its owner only, which a PDF put on a shared folder
    must not be)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_UMASK


@contextmanager
def _written_beside(path: Path, data: bytes) -> Iterator[str]:
    """``data`` whole (flushed to the disk) in a temporary file beside ``path``, in its folder so
    that moving it there is atomic, with the mode ``path`` will have; removed afterwards, unless
    it has been moved or linked into place meanwhile."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=TMP_SUFFIX, dir=path.parent)
    try:
        try:
            os.chmod(tmp, _mode_for(path))
        except OSError:
            pass  # a file system without modes: the file is still whole
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        yield tmp
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass  # moved into place (or never made)


def write_bytes_atomic(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` always holds a whole file, old or new."""
    path = Path(path)
    with _written_beside(path, data) as tmp:
        os.replace(tmp, path)
    _fsync_folder(path.parent)


def write_bytes_new(path: Path | str, data: bytes) -> bool:
    """Write ``data`` whole to ``path`` only if no file has that name; False if one does.

    Two windows naming a save alike at the same instant must not both take the free name and one
    replace the other: the whole file is published with a hard link, which fails if the name is
    taken. Where links do not exist (a FAT memory stick), the name is first claimed with an
    exclusive create, then the whole file moved onto it."""
    path = Path(path)
    with _written_beside(path, data) as tmp:
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links here: claim the name, then put the whole file in its place
            try:
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            except FileExistsError:
                return False
            os.replace(tmp, path)
    _fsync_folder(path.parent)
    return True


def encode_json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def write_json_atomic(path: Path | str, data: object) -> None:
    write_bytes_atomic(path, encode_json(data))


# --- reading ---------------------------------------------------------------------------------
def read_bytes(path: Path | str, limit: int = MAX_SAVE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or ``SaveError``.

    A FIFO, a device (``/dev/zero``), a folder or a symlink loop is refused before it is read;
    the file is opened non-blocking and checked again, so a swap between the two cannot hang us.
    """
    path = Path(path)
    name = path.name or str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise SaveError("missing", name=name) from None
    except (OSError, ValueError) as exc:  # ELOOP, ENAMETOOLONG, NUL in the name…
        raise SaveError("unreadable", name=name, why=_os_reason(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise SaveError("not_regular", name=name)
    if st.st_size > limit:
        raise SaveError("too_large", name=name)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise SaveError("unreadable", name=name, why=_os_reason(exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise SaveError("not_regular", name=name)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                raise SaveError("too_large", name=name)
            chunks.append(chunk)
    except OSError as exc:
        raise SaveError("unreadable", name=name, why=_os_reason(exc)) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return "bad file name" if isinstance(exc, ValueError) else "system error"


def _no_constants(what: str) -> NoReturn:
    raise _NotFinite(what)


class _NotFinite(Exception):
    def __init__(self, what: str):
        self.what = what


def read_json(path: Path | str) -> object:
    """A JSON file's data, or ``SaveError``: never NaN or Infinity, never a huge integer.

    Typed ``object``: what a file holds is checked (``validate``) before anything relies on it."""
    path = Path(path)
    name = path.name or str(path)
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SaveError("not_utf8", name=name, at=exc.start) from None
    try:
        return json.loads(text, parse_constant=_no_constants)
    except _NotFinite as exc:
        raise SaveError("not_finite", name=name, what=exc.what) from None
    except json.JSONDecodeError as exc:
        raise SaveError("bad_json", name=name, line=exc.lineno, col=exc.colno, why=exc.msg.lower()) from None
    except ValueError:  # int() beyond sys.get_int_max_str_digits()
        raise SaveError("number_too_large", name=name) from None
    except RecursionError:
        raise SaveError("too_deep", name=name) from None


# --- strict shapes ---------------------------------------------------------------------------
ShortText = Annotated[str, StringConstraints(max_length=200)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")]
LevelName = Annotated[str, StringConstraints(min_length=1, max_length=1000, pattern=r"^[^\x00]*$")]
Seed = Annotated[int, Field(ge=0, le=2**63)]
DecisionValue = Annotated[str, StringConstraints(max_length=200)]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


StrictModel = TypeVar("StrictModel", bound=Strict)


class ReplayFile(Strict):
    format: Literal[1]
    scenario: Name
    content_hash: ShortText = ""
    length: Literal["full", "lesson"] = "full"
    seed: Seed
    team: ShortText = ""  # a team file: the team's name and the session code it played
    session: ShortText = ""
    decisions: Annotated[list[dict[Name, DecisionValue]], Field(max_length=20_000)]

    @field_validator("decisions")
    @classmethod
    def _each_names_an_action(cls, value: list[dict[str, str]]) -> list[dict[str, str]]:
        for i, d in enumerate(value):
            if "do" not in d:
                raise ValueError(f"decision {i + 1} names no action")
        return value


class ContentStamp(Strict):
    """What a save was made with, so that a changed scenario can be described on loading."""

    hash: ShortText = ""
    cards: Annotated[list[Name], Field(max_length=10_000)] = []
    clauses: Annotated[dict[Name, list[Name]], Field(max_length=200)] = {}


def validate(model: type[StrictModel], data: object, name: str) -> StrictModel:
    """``model`` built from ``data`` or ``SaveError`` naming the first bad field in plain words."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "the file"
        raise SaveError("field", name=name, field=where, why=_plain(err)) from None


def _plain(err: ErrorDetails) -> str:
    kind = str(err.get("type", ""))
    if kind == "missing":
        return "is missing"
    if kind == "literal_error":
        return "has a value this version does not know"
    if kind.startswith("string_too_long"):
        return "is too long"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return "has the wrong kind of value"
    if kind.startswith("too_long"):
        return "has too many entries"
    if kind in ("greater_than_equal", "less_than_equal"):
        return "is out of range"
    if kind == "string_pattern_mismatch":
        return "holds characters a name cannot hold"
    return str(err.get("msg", "is not valid")).lower()


# --- games -----------------------------------------------------------------------------------
def replay_dict(game: Game, team: str = "", session: str = "") -> dict[str, Any]:
    """A replay file: enough to rebuild the game exactly. With a team name it is a team file."""
    return {
        "format": REPLAY_FORMAT,
        "team": team[:200],
        "session": session[:200],
        "scenario": game.scenario.id,
        "content_hash": game.scenario.content_hash,
        "length": game.scenario.length,
        "seed": game.seed,
        "decisions": list(game.decisions),
        "ending": game.ending,
        "outcomes": game.outcomes() if game.ending else None,
    }


def load_replay(data: object, scenario: Scenario, name: str = "replay") -> tuple[Game, list[str]]:
    """Replay a replay file's decisions; return the game and warnings (content changed…)."""
    if not isinstance(data, dict) or data.get("format") != REPLAY_FORMAT:
        raise SaveError("not_replay", name=name)
    rep = validate(ReplayFile, data, name)
    warnings = []
    if rep.scenario != scenario.id:
        raise SaveError("other_scenario", found=rep.scenario, wanted=scenario.id)
    if rep.content_hash != scenario.content_hash:
        warnings.append("the scenario's files changed since this replay was recorded")
    try:
        scenario = at_length(scenario, rep.length)
        return replay(scenario, rep.seed, [dict(d) for d in rep.decisions]), warnings
    except ValueError as exc:
        raise SaveError("no_fit", name=name, why=str(exc)[:300]) from None


def load_save(data: object, scenario: Scenario, name: str = "save") -> Game:
    if not isinstance(data, dict):
        raise SaveError("not_save", name=name)
    try:
        return Game.from_dict(at_length(scenario, str(data.get("length", "full"))), data)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        raise SaveError("no_fit", name=name, why=str(exc)[:300]) from None
