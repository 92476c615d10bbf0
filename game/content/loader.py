"""From files to a playable ``Scenario``, and from mistakes to messages with file and line.

A scenario is a folder with ``scenario.yaml``. It may ``use`` shared folders (for example
``../common``), each of which, like the scenario's own folder, may hold:

- ``model.yaml``   — the model's coefficients, default starting state, footprints, deployment;
- ``clauses.yaml`` — the clause dimensions and their options;
- ``council/*.yaml`` — one Council member's profile per file;
- ``cards/*.yaml``   — event cards, a list under ``cards:`` in each file.

Loading never stops at the first mistake: every problem is collected as a ``Problem``. A broken
card is skipped (and said so); a broken scenario file makes the scenario unplayable.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from game.content import cardmeta, schema
from game.content.problems import ContentError, Problem, did_you_mean, place_in_words
from game.content.safeyaml import Positions, load_bytes, read_file
from game.content.warnings import CardSite, Deck, SourceSite, year_named
from game.engine import defs
from game.engine.conditions import (
    Condition,
    ConditionError,
    always,
    compile_tree,
    condition_source,
    quantities_in,
)
from game.engine.rules import COEFFICIENTS
from game.engine.world import ARMED, DERIVED, QUANTITIES, READABLE, REGIONS, canonical

LEVELS_ENV = "PENHOLDER_LEVELS"
MAX_FILES = 2_000
MAX_CHAIN = schema.MAX_CHAIN


def levels_root() -> Path:
    """The folder of bundled scenarios (``levels/`` of the checkout or of the wheel, or $PENHOLDER_LEVELS)."""
    from game import resources

    return resources.levels_root()


def _is_file(path: Path) -> bool:
    """``Path.is_file`` that answers False for a name with a NUL or too long, instead of raising."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _present(path: Path) -> bool:
    """Something is there (a file, a link, even a broken one, a FIFO): reading it will say what."""
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def resolve_level(name_or_path: str) -> Path:
    """A scenario name under ``levels/`` or the path of a scenario folder anywhere."""
    path = Path(name_or_path)
    if _is_file(path / "scenario.yaml"):
        return path
    candidate = levels_root() / name_or_path
    if _is_file(candidate / "scenario.yaml"):
        return candidate
    return path


def scenario_of(path: Path) -> Path:
    """What to check for a path a designer gives: a scenario folder as it is; a file or folder
    inside one (the card file just edited), that scenario; a bare name, the scenario of that name;
    anything else as it is (``scenario_folders`` then finds what it holds, or nothing)."""
    if not _present(path):
        return resolve_level(str(path))
    for folder in (path, *path.parents):
        if _is_file(folder / "scenario.yaml"):
            return folder
        if folder == levels_root() or _is_dir(folder / "levels"):
            break  # past the folder of scenarios: a shared folder, or the levels themselves
    return path


def scenario_names_beside(path: Path) -> list[str]:
    """The scenarios in the folder ``path`` names (or in the levels), for a 'did you mean'."""
    beside = path.parent if _is_dir(path.parent) else levels_root()
    try:
        return sorted(p.name for p in beside.iterdir() if _is_file(p / "scenario.yaml"))
    except OSError:
        return []


def scenario_folders(root: Path) -> list[Path]:
    """Scenario folders under ``root`` (or ``root`` itself), sorted."""
    if _is_file(root / "scenario.yaml"):
        return [root]
    if not _is_dir(root):
        return []
    try:
        return sorted(p.parent for p in root.glob("*/scenario.yaml"))[:MAX_FILES]
    except (OSError, ValueError):
        return []


def _yaml_files(folder: Path) -> list[Path]:
    """``folder/*.yaml``, sorted and capped; nothing if the folder cannot be listed."""
    if not _is_dir(folder):
        return []
    try:
        return sorted(folder.glob("*.yaml"))[:MAX_FILES]
    except (OSError, ValueError):
        return []


@dataclass
class Loaded:
    """What loading a scenario produced: the scenario (None if unplayable) and every problem."""

    scenario: defs.Scenario | None
    problems: list[Problem] = field(default_factory=list)
    card_entries: set[tuple[str, int]] = field(default_factory=set)
    # Cards the game leaves out: by id, and for a card file that could not be read at all, the
    # ids found in its text ("x (in cards/broken.yaml)") or "every card in cards/broken.yaml".
    cards_skipped: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    files_skipped: list[str] = field(default_factory=list)  # content files dropped whole
    deck: Deck | None = None  # the cards as read, for check's warnings (game.content.warnings)


@dataclass
class _Doc:
    path: str
    data: Any
    positions: Positions
    raw: bytes = b""

    def line_text(self, line: int) -> str:
        """One line of the file as read (never re-opened: it may have changed or gone since)."""
        lines: list[str] | None = self.__dict__.get("_lines")
        if lines is None:
            lines = self.raw.decode("utf-8-sig", errors="replace").splitlines()
            self.__dict__["_lines"] = lines
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def at(self, loc: Iterable[str | int]) -> tuple[int, int]:
        """Line and column of the deepest known part of ``loc``."""
        parts = tuple(loc)
        while parts:
            if parts in self.positions:
                return self.positions[parts]
            parts = parts[:-1]
        return self.positions.get((), (1, 1))


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.files: list[Path] = []
        self.raws: dict[Path, bytes] = {}  # what each file held when read: the hash uses it
        self.files_skipped: list[str] = []
        self.cards_in_skipped: list[str] = []
        self.missing_folder = False  # a folder of 'uses:' is not there
        self.refused_cards: set[str] = set()  # ids of cards the schema refused (a follow-up to one is not 'unknown')

    def add(self, doc: _Doc, loc: Iterable[str | int], code: str, message: str) -> None:
        line, col = doc.at(loc)
        self.problems.append(Problem(doc.path, line, col, code, message))

    def validation(self, doc: _Doc, exc: ValidationError, model: type[BaseModel], base: tuple[str | int, ...] = ()) -> None:
        """pydantic's errors as problems; the branches of a union become one 'expected A or B'."""
        data = doc.data
        for part in base:
            data = data[part]
        merged: dict[tuple[Any, ...], list[str]] = {}  # (loc, code) -> messages, in pydantic's order
        for err in exc.errors(include_url=False):
            key, message = _error_problem(err, data, model, base)
            messages = merged.setdefault(key, [])
            if message not in messages:
                messages.append(message)
        for (loc, code), messages in merged.items():
            if code == "S101":  # every field missing from one place: a card without title and text says both
                for message in messages:
                    self.add(doc, loc, code, message)
            else:
                self.add(doc, loc, code, _merged_text(loc, messages, doc.data) if code == "S103" else messages[0])


def _error_problem(err: Mapping[str, Any], data: Any, model: type[BaseModel],
                   base: tuple[str | int, ...]) -> tuple[tuple[Any, ...], str]:
    """((where, code), message) of one pydantic error: a missing field (S101), an unknown one
    (S102, with a 'did you mean'), or a wrong value (S103)."""
    kind = err["type"]
    inner = _data_loc(data, err["loc"], kind)
    loc = base + inner
    if kind == "missing":
        return (loc[:-1], "S101"), f"missing field '{loc[-1]}'"
    if kind == schema.NO_ENGLISH:
        field = loc[-1] if isinstance(loc[-1], str) else place_in_words(inner, data)
        return (loc, "S101"), (f"'{field}' has no English text: write it under 'en:' (every text needs English;"
                               " other languages, under 'fr:' and so on, are optional)")
    if kind == "extra_forbidden":
        return (loc, "S102"), f"unknown field '{loc[-1]}'{did_you_mean(str(loc[-1]), _fields_at(model, inner))}"
    return (loc, "S103"), _plain_message(err)


def _merged_text(loc: tuple[Any, ...], messages: list[str], data: Any = None) -> str:
    """The S103 messages of one place as one: 'expected A or B, got C' when every branch of a
    union wanted another type, else the messages that say more than a type."""
    where = place_in_words(loc, data) or "file"
    wants = [m[len("expected "):].split(", got ")[0] for m in messages if m.startswith("expected ")]
    if len(wants) == len(messages) > 1:
        got = messages[0].split(", got ", 1)[-1]
        return _nothing_given(loc, f"{where}: expected {' or '.join(wants)}, got {got}")
    # A value of the right type for one branch of a union (a number for 'weight'): its message is
    # the one that helps, not "expected a mapping".
    specific = [m for m in messages if not m.startswith("expected ")] or messages
    return _nothing_given(loc, f"{where}: " + "; or ".join(specific))


def _nothing_given(loc: tuple[Any, ...], text: str) -> str:
    """A field written with nothing after its colon (YAML reads it as null): say so in words."""
    if not text.endswith(", got None") or not loc:
        return text
    name = next((str(x) for x in reversed(loc) if isinstance(x, str)), "this field")
    return (f"nothing is written after '{name}:': write its value after the colon, or on the lines below"
            f" indented under it ({text})")


def _data_loc(data: Any, loc: tuple[Any, ...], kind: str) -> tuple[str | int, ...]:
    """The path of an error in the data, without the union branches pydantic puts in it.

    pydantic's paths mix keys of the data with names of union branches ('constrained-int',
    'WeightRule', the condition tags). A part is kept when it leads into the data; the last part
    of a missing field (absent by definition) is kept too."""
    kept: list[str | int] = []
    current = data
    for i, part in enumerate(loc):
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            kept.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            kept.append(part)
            current = current[part]
        elif i == len(loc) - 1 and kind == "missing" and isinstance(part, str):
            kept.append(part)
    return tuple(kept)


# What a value of the wrong type should have been, by pydantic's error type.
_WANTED = {"int_type": "a whole number", "string_type": "text", "bool_type": "true or false",
           "dict_type": "a mapping", "list_type": "a list", "model_type": "a mapping",
           "float_type": "a number", "finite_number": "a number"}


def _plain_message(err: Mapping[str, Any]) -> str:
    """One pydantic error in words a card author knows (no 'input_value', no 'Value error, ')."""
    kind = err["type"]
    given = err.get("input")
    if kind in _WANTED:
        return f"expected {_WANTED[kind]}, got {_shown(given)}{_number_hint(kind, given)}"
    ctx = err.get("ctx") or {}
    for explain in (_size_message, _form_message, _bound_message):
        text = explain(kind, ctx, given)
        if text is not None:
            return text
    msg = str(err["msg"])
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    return f"{msg} (got {_shown(given)})" if given is not None and not isinstance(given, (dict, list)) else msg


def _number_hint(kind: str, given: Any) -> str:
    """What to do when a number was written as text: the printed minus sign, or quotes."""
    if kind not in ("int_type", "int_parsing", "float_type", "float_parsing") or not isinstance(given, str):
        return ""
    text = given.strip()
    if re.fullmatch(r"[−–—]\s*[0-9]+(\.[0-9]+)?", text):
        return ": type the minus sign as '-', the keyboard's hyphen (−, the printed sign, is read as text)"
    if re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?", text):
        return ": a number in quotes is text, remove the quotes"
    return ""


def _size_message(kind: str, ctx: Mapping[str, Any], given: Any) -> str | None:
    """Too few or too many items, too short or too long a text."""
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s), has {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"holds at most {ctx.get('max_length')} item(s), has {ctx.get('actual_length')}"
    if kind == "string_too_short":
        return "must not be empty" if ctx.get("min_length") == 1 else f"needs at least {ctx.get('min_length')} characters"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters: shorten it"
    return None


def _form_message(kind: str, ctx: Mapping[str, Any], given: Any) -> str | None:
    """A text of the wrong form (an id, a month), a value not among those allowed, a condition of no known shape."""
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern == schema.ID_PATTERN:
            return (f"{_shown(given)} is not an id: an id is lowercase letters, digits, '-' and '_'"
                    " (at most 60), starting with a letter or a digit")
        if pattern == schema.DATE_PATTERN:
            return f"{_shown(given)} is not a month: write it YYYY-MM, for example 2015-06"
        return f"{_shown(given)} does not have the expected form"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected')}, not {_shown(given)}"
    if kind in ("union_tag_not_found", "union_tag_invalid"):
        return (f"a condition is a text such as \"violence.gao > 60\", or a mapping with all, any, not or"
                f" quantity/op/value; not {_shown(given)}")
    return None


def _bound_message(kind: str, ctx: Mapping[str, Any], given: Any) -> str | None:
    """A number below or above its range."""
    if kind in ("greater_than_equal", "greater_than"):
        return f"must be at least {ctx.get('ge', ctx.get('gt'))}, not {_shown(given)}"
    if kind in ("less_than_equal", "less_than"):
        return f"must be at most {ctx.get('le', ctx.get('lt'))}, not {_shown(given)}"
    return None


def _shown(value: Any, limit: int = 60) -> str:
    """A value as a message shows it: quoted, cut short (a message is one line)."""
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    try:
        text = repr(value)
    except ValueError:  # pragma: no cover - safeyaml refuses integers too long to print
        text = "a very long number"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names (aliases) of the model reached by ``loc`` — for 'did you mean'."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or current is None:
            continue
        fields = getattr(current, "model_fields", {})
        match = next((f for n, f in fields.items() if (f.alias or n) == part), None)
        if match is None:
            current = None
            continue
        current = _model_in(match.annotation)
    if current is None:
        return []
    return [f.alias or n for n, f in current.model_fields.items()]


def _model_in(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _read(path: Path, out: _Collector) -> _Doc | None:
    """Read and parse one file, once; its problems are collected, None if it cannot be used."""
    out.files.append(path)
    try:
        raw = read_file(str(path))
    except ContentError as exc:
        out.problems.extend(exc.problems)
        return None
    out.raws[path] = raw
    try:
        data, positions = load_bytes(raw, str(path))
    except ContentError as exc:
        out.problems.extend(exc.problems)
        return None
    return _Doc(str(path), data, positions, raw)


# A card's "- id: x" at the shallowest indentation of a file: how a file that cannot be parsed
# still says which cards it drops.
_CARD_ID = re.compile(r"^( *)- +id: *[\"']?([a-z0-9][a-z0-9_-]{0,59})[\"']? *$", re.MULTILINE)


def _skip_file(path: Path, folder: Path, out: _Collector, cards: bool) -> None:
    """Record that a whole file was dropped, and for a card file, the cards it held."""
    try:
        rel = os.path.relpath(path, folder.parent)
    except ValueError:  # another drive on Windows
        rel = str(path)
    out.files_skipped.append(rel)
    if not cards:
        return
    text = out.raws.get(path, b"").decode("utf-8", errors="replace")
    found = [(len(m.group(1)), m.group(2)) for m in _CARD_ID.finditer(text)]
    top = min((indent for indent, _ in found), default=0)
    ids = [card_id for indent, card_id in found if indent == top]
    if ids:
        out.cards_in_skipped.extend(f"{card_id} (in {rel})" for card_id in ids)
    else:
        out.cards_in_skipped.append(f"every card in {rel}")


_Model = TypeVar("_Model", bound=schema.Strict)


def _read_as(path: Path, model: type[_Model], out: _Collector) -> tuple[_Doc, _Model] | None:
    """Read one file and validate it against ``model``; None (its problems collected) if either fails."""
    doc = _read(path, out)
    found = _validate(doc, model, out) if doc else None
    return (doc, found) if doc is not None and found is not None else None


def _validate(doc: _Doc, model: type[schema.Strict], out: _Collector) -> Any:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        out.validation(doc, exc, model)
        return None


def _text(t: Mapping[str, str] | None) -> defs.Text:
    return dict(t) if t else {}


def _condition_data(cond: Any) -> Any:
    if cond is None or isinstance(cond, str):
        return cond
    return cond.model_dump(by_alias=True)


class _Library:
    """What the scenario's shared folders and its own folder provide."""

    def __init__(self) -> None:
        self.coefficients: dict[str, tuple[int, _Doc, tuple[str, ...]]] = {}
        self.state: dict[str, tuple[int, _Doc, tuple[str, ...]]] = {}
        self.footprint: dict[str, dict[str, int]] = {}
        self.deployment: dict[str, int] = {}
        self.dimensions: dict[str, tuple[schema.DimensionModel, _Doc, int]] = {}
        self.members: dict[str, tuple[schema.MemberModel, _Doc]] = {}
        self.cards: list[tuple[schema.CardModel, _Doc, int]] = []
        self.card_entries: set[tuple[str, int]] = set()  # (file, index) of every card seen
        self.rejected: list[str] = []  # cards the schema refused, by id (or file:line)
        self.refused: list[tuple[dict[str, Any], _Doc, int]] = []  # their entries, for their references
        self.ids: list[tuple[str, _Doc, int]] = []  # (id, file, index) of every entry with an id, in order
        self.broken_members: dict[str, Path] = {}  # member id (file name) -> profile that failed


DEBUG_ENV = "PENHOLDER_DEBUG"


def load_scenario(folder: Path | str) -> Loaded:
    """Load, check and compile one scenario folder; never raises on what the files hold.

    A mistake of ours (a bug) is reported as problem X900 rather than a traceback, so that a
    teacher's class is not stopped by it; PENHOLDER_DEBUG=1 raises it for us instead."""
    folder = Path(folder)
    try:
        return _load_scenario(folder)
    except Exception:
        if os.environ.get(DEBUG_ENV):
            raise
        return Loaded(None, [Problem(str(folder), 0, 0, "X900",
                                     "Penholder could not finish reading this scenario because of a fault in Penholder,"
                                     " not in your files: please report it with a copy of this folder")])


def _resolve(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL, a name too long
        return None


def _load_scenario(folder: Path) -> Loaded:
    """Read ``scenario.yaml``, then every folder it uses and its own, then compile them."""
    out = _Collector()
    main_path = folder / "scenario.yaml"
    if not _present(main_path):
        out.problems.append(Problem(str(main_path), 0, 0, "R212", "no scenario.yaml in this folder"))
        return Loaded(None, out.problems)
    main = _read(main_path, out)
    model = _validate(main, schema.ScenarioModel, out) if main else None
    if model is None or main is None:
        _cards_alone(main, folder, out)
        return Loaded(None, sorted(set(out.problems)), files=out.files)
    folders = _content_folders(model, main, folder, out)
    if folders is None:
        return Loaded(None, sorted(set(out.problems)), files=out.files)
    lib = _Library()
    for shared in folders:
        _load_folder(shared, lib, out)
    _override_with_own_values(model, main, lib, out)
    scenario = _compile(model, main, lib, out, folder)
    problems = sorted(set(out.problems))
    if out.missing_folder:
        # What a missing folder would have given (the model, the Council, shared cards) is missing
        # too: its R212 says so once, instead of dozens of references that cannot resolve.
        problems = [p for p in problems if not p.code.startswith("R") or p.code == "R212"]
    skipped = sorted(({c.id for c, _d, _i in lib.cards} - (set(scenario.cards_by_id) if scenario else set())) | set(lib.rejected))
    return Loaded(scenario, problems, lib.card_entries, skipped + out.cards_in_skipped, out.files, out.files_skipped,
                  _deck(model, lib, folders[-1]))


def _cards_alone(main: _Doc | None, folder: Path, out: _Collector) -> None:
    """A scenario.yaml the schema refused: the cards (and the shared files its ``uses:`` names)
    are checked all the same, so that one pass shows every problem, not the scenario's first."""
    uses = main.data.get("uses") if main is not None and isinstance(main.data, dict) else None
    named = [rel for rel in uses if isinstance(rel, str)] if isinstance(uses, list) else []
    folders: list[Path] = []
    for path in [*(_resolve(folder / rel) for rel in named), _resolve(folder)]:
        if path is not None and _is_dir(path) and path not in folders:
            folders.append(path)
    lib = _Library()
    for shared in folders:
        _load_folder(shared, lib, out)
    _compile_cards(lib, out)


def _deck(model: schema.ScenarioModel, lib: _Library, own: Path) -> Deck:
    """The cards as read (the first of each id), each marked as the scenario's own or shared."""
    sites: list[CardSite] = []
    seen: set[str] = set()
    for card, doc, i in lib.cards:
        if card.id not in seen:
            seen.add(card.id)
            sites.append(CardSite(card, doc.path, doc.at, ("cards", i), Path(doc.path).parent.parent != own, doc.line_text))
    return Deck(defs.month_index(model.start), model.years, tuple(sites), tuple(_source_sites(model, lib)),
                frozenset(_brought_by_refused(lib)))


def _brought_by_refused(lib: _Library) -> set[str]:
    """The follow-ups named by cards the schema refused: their problems are reported; a follow-up
    they bring is not also 'brought by no response' (W504)."""
    named: set[str] = set()
    for item, _doc, _i in lib.refused:
        responses = item.get("responses")
        for resp in responses if isinstance(responses, list) else []:
            follow = resp.get("follow_up") if isinstance(resp, dict) else None
            for f in follow if isinstance(follow, list) else []:
                if isinstance(f, dict) and isinstance(f.get("card"), str):
                    named.add(f["card"])
    return named


def _source_sites(model: schema.ScenarioModel, lib: _Library) -> list[SourceSite]:
    """The members' source lines this scenario shows at a vote before a year they name (W510):
    each at the first vote year that seats the member and falls in the line's years."""
    first_year = int(model.start[:4])
    listed = model.council if isinstance(model.council, dict) else {str(first_year): model.council}
    shown: dict[tuple[str, int], tuple[int, defs.MemberSource]] = {}  # (member, source) -> first vote year it is shown at
    for year in range(first_year, first_year + model.years):
        seated = [int(y) for y in listed if int(y) <= year] or [min(int(y) for y in listed)]
        for member_id in listed[str(max(seated))]:  # the Council of the latest listed year not after it, as the game
            if member_id not in lib.members:
                continue
            for i, source in enumerate(map(_member_source, lib.members[member_id][0].sources)):
                if defs.holds_in(source, year):  # as the chamber shows it
                    shown.setdefault((member_id, i), (year, source))
    out = []
    for (member_id, i), (year, source) in shown.items():
        named = year_named(source.line.values())
        if named > year:
            line, col = lib.members[member_id][1].at(("sources", i))
            out.append(SourceSite(lib.members[member_id][1].path, line, col, named, year))
    return out


def _content_folders(model: schema.ScenarioModel, main: _Doc, folder: Path, out: _Collector) -> list[Path] | None:
    """The shared folders the scenario uses that exist (R212), then its own; None if its own cannot be opened."""
    folders: list[Path] = []
    own_path = _resolve(folder)
    for i, rel in enumerate(model.uses):
        shared = _resolve(folder / rel)
        if shared is not None and shared == own_path:
            # its files would be read twice: every card a duplicate of itself (R203, once a card)
            out.add(main, ("uses", i), "R212", f"'uses' names this scenario's own folder ('{rel}'): "
                                               "its files are read anyway; list only shared folders")
            continue
        if shared is None or not _is_dir(shared):
            out.add(main, ("uses", i), "R212", f"shared folder '{rel}' not found{_folder_hint(folder, rel)}"
                                               " (the path is relative to this file's folder)")
            out.missing_folder = True
            continue
        folders.append(shared)
    if own_path is None:
        out.add(main, (), "R212", "this scenario's folder cannot be opened (a link loop?)")
        return None
    folders.append(own_path)
    return folders


def _folder_hint(folder: Path, rel: str) -> str:
    """" (did you mean '../common'?)" for a misspelt folder: the folders beside the one named."""
    parent = (folder / rel).parent
    if not _is_dir(parent):
        return ""
    try:
        names = sorted(p.name for p in parent.iterdir() if _is_dir(p))[:MAX_FILES]
    except OSError:
        return ""
    head = rel.replace("\\", "/").rstrip("/").rpartition("/")[0]
    return did_you_mean(rel, [f"{head}/{n}" if head else n for n in names])


def _override_with_own_values(model: schema.ScenarioModel, main: _Doc, lib: _Library, out: _Collector) -> None:
    """The scenario's own coefficients, state, footprint and deployment override the shared ones."""
    for name, coef in model.coefficients.items():
        lib.coefficients[name] = (coef.value, main, ("coefficients", name))
    for name, value in model.state.items():
        lib.state[canonical(name)] = (value, main, ("state", name))
    lib.footprint.update({k: dict(v) for k, v in model.footprint.items()})
    lib.deployment.update(model.deployment)
    if model.footprint:
        _check_footprint(model.footprint, main, ("footprint",), out)
    for region in model.deployment:
        if region not in REGIONS:
            out.add(main, ("deployment", region), "R210", f"unknown region '{region}'{did_you_mean(region, REGIONS)}")


def _check_footprint(footprint: Mapping[str, Mapping[str, int]], doc: _Doc, base: tuple[str, ...], out: _Collector) -> None:
    for actor, regions in footprint.items():
        if actor not in ARMED:
            out.add(doc, base + (actor,), "R210", f"unknown armed actor '{actor}'{did_you_mean(actor, ARMED)}")
        for region in regions:
            if region not in REGIONS:
                out.add(doc, base + (actor, region), "R210", f"unknown region '{region}'{did_you_mean(region, REGIONS)}")


def _load_folder(folder: Path, lib: _Library, out: _Collector) -> None:
    """What one folder provides to ``lib``: the model, the clauses, Council profiles, cards."""
    _load_model_file(folder / "model.yaml", lib, out)
    _load_clauses_file(folder / "clauses.yaml", lib, out)
    for path in _yaml_files(folder / "council"):
        _load_member_file(path, folder, lib, out)
    for path in _yaml_files(folder / "cards"):
        _load_card_file(path, folder, lib, out)


def _load_model_file(path: Path, lib: _Library, out: _Collector) -> None:
    """``model.yaml``: its coefficients, state, footprint and deployment override earlier folders'."""
    if not _present(path):
        return
    read = _read_as(path, schema.ModelFile, out)
    if read is None:
        return
    doc, m = read
    for name, coef in m.coefficients.items():
        lib.coefficients[name] = (coef.value, doc, ("coefficients", name))
    for name, value in m.state.items():
        lib.state[canonical(name)] = (value, doc, ("state", name))
    _check_footprint(m.footprint, doc, ("footprint",), out)
    lib.footprint.update({k: dict(v) for k, v in m.footprint.items()})
    lib.deployment.update(m.deployment)


def _load_clauses_file(path: Path, lib: _Library, out: _Collector) -> None:
    """``clauses.yaml``: its dimensions; one defined twice is reported (R203), the later one kept."""
    if not _present(path):
        return
    read = _read_as(path, schema.ClausesFile, out)
    if read is None:
        return
    doc, c = read
    for i, dim in enumerate(c.clauses):
        if dim.id in lib.dimensions:
            other = lib.dimensions[dim.id][1]
            out.add(doc, ("clauses", i, "id"), "R203", f"dimension '{dim.id}' is also defined in {other.path}")
        lib.dimensions[dim.id] = (dim, doc, i)


def _load_member_file(path: Path, folder: Path, lib: _Library, out: _Collector) -> None:
    """One Council profile; a broken one is remembered by file name so the Council can say why."""
    read = _read_as(path, schema.MemberModel, out)
    if read is None:
        lib.broken_members[path.stem] = path
        _skip_file(path, folder, out, cards=False)
        return
    doc, mem = read
    if mem.id in lib.members:
        out.add(doc, ("id",), "R203", f"member '{mem.id}' is also defined in {lib.members[mem.id][1].path}")
    lib.members[mem.id] = (mem, doc)


def _load_card_file(path: Path, folder: Path, lib: _Library, out: _Collector) -> None:
    """One card file: a list under ``cards:`` (S104), each card validated on its own."""
    doc = _read(path, out)
    if doc is None:
        _skip_file(path, folder, out, cards=True)
        return
    raw = doc.data
    if not isinstance(raw, dict) or not isinstance(raw.get("cards"), list):
        out.add(doc, (), "S104", "a card file holds a list of cards under 'cards:'")
        _skip_file(path, folder, out, cards=True)
        return
    for k in raw:
        if k != "cards":
            out.add(doc, (k,), "S102", f"unknown field '{k}' (a card file holds only 'cards:')")
    for i, item in enumerate(raw["cards"]):
        _load_card(item, doc, i, path, lib, out)


def _load_card(item: Any, doc: _Doc, i: int, path: Path, lib: _Library, out: _Collector) -> None:
    """One card entry of a file: kept if the schema takes it, else rejected by id (or file:line)."""
    lib.card_entries.add((doc.path, i))
    name = item.get("id") if isinstance(item, dict) else None
    if isinstance(name, str):
        lib.ids.append((name, doc, i))
    try:
        card = schema.CardModel.model_validate(item)
    except ValidationError as exc:
        out.validation(doc, exc, schema.CardModel, ("cards", i))
        lib.rejected.append(name if isinstance(name, str) else f"{path.name}:{doc.at(('cards', i))[0]}")
        if isinstance(item, dict):
            lib.refused.append((item, doc, i))
        return
    lib.cards.append((card, doc, i))


def _compile(model: schema.ScenarioModel, main: _Doc, lib: _Library, out: _Collector, folder: Path) -> defs.Scenario | None:
    """The scenario the game plays, or None when a problem makes it unplayable.

    Every section is checked, even after one has failed, so that all problems are reported at once."""
    coefficients = _compile_coefficients(main, lib, out)
    initial = _compile_state(main, lib, out)
    dimensions = _compile_dimensions(model, main, lib, out)
    current = _compile_current_mandate(model, main, dimensions, out)
    council = _compile_council(model, main, lib, out)
    cards = _compile_cards(lib, out)
    if len(model.languages) > 1 or model.languages != ["en"]:
        _check_languages(model, main, lib, dimensions, out)
    if coefficients is None or initial is None or not dimensions or current is None or council is None:
        return None
    members, seats = council
    return defs.Scenario(
        id=model.id, title=_text(model.title), summary=_text(model.summary), theme=_text(model.theme),
        minutes=model.minutes, start=defs.month_index(model.start), years=model.years, initial=initial,
        footprint=lib.footprint, deployment=lib.deployment, coefficients=coefficients,
        dimensions=tuple(dimensions), current_mandate=current, members=tuple(members.values()), cards=tuple(cards),
        objectives=tuple(_text(t) for t in model.objectives), questions=tuple(_text(t) for t in model.questions),
        history=_text(model.history), sources=tuple(_text(x) for x in model.sources),
        state_sources=tuple(_text(x) for x in model.state_sources), content_hash=_content_hash(folder, out),
        path=str(folder), seats=seats, guide={k: _text(v) for k, v in model.guide.items()},
        lesson=_lesson(model, main, out),
    )


def _lesson(model: schema.ScenarioModel, main: _Doc, out: _Collector) -> dict[str, int]:
    """The lesson length's figures (R216: it cannot be longer than the scenario)."""
    if model.lesson is None:
        return {}
    if model.lesson.years > model.years:
        out.add(main, ("lesson", "years"), "R216", f"the lesson plays {model.lesson.years} years of a scenario of {model.years}")
    return {"years": min(model.lesson.years, model.years), "minutes": model.lesson.minutes,
            "cards_per_quarter": model.lesson.cards_per_quarter}


def _compile_coefficients(main: _Doc, lib: _Library, out: _Collector) -> dict[str, int] | None:
    """The model's coefficients: all known (R207), all given (R208, unplayable without)."""
    coefficients: dict[str, int] = {}
    for name, (value, doc, loc) in sorted(lib.coefficients.items()):
        if name not in COEFFICIENTS:
            out.add(doc, loc, "R207", f"unknown coefficient '{name}'{did_you_mean(name, COEFFICIENTS)}")
        else:
            coefficients[name] = value
    missing = [n for n in COEFFICIENTS if n not in coefficients]
    if missing:
        listed = ", ".join(missing[:8]) + (f" and {len(missing) - 8} more" if len(missing) > 8 else "")
        out.add(main, (), "R208", f"coefficients without a value: {listed} (add them to model.yaml)")
        return None
    return coefficients


def _compile_state(main: _Doc, lib: _Library, out: _Collector) -> dict[str, int] | None:
    """The starting state: every quantity known (R201), in its range (clamped), and given."""
    initial: dict[str, int] = {}
    for name, (value, doc, loc) in sorted(lib.state.items()):
        if name not in QUANTITIES:
            out.add(doc, loc, "R201", f"unknown quantity '{name}'{did_you_mean(name, QUANTITIES)}")
            continue
        lo, hi = QUANTITIES[name]
        if not lo <= value <= hi:
            out.add(doc, loc, "S103", f"{name} must be between {lo} and {hi}, not {value}")
        initial[name] = max(lo, min(hi, value))
    unset = [n for n in QUANTITIES if n not in initial]
    if unset:
        out.add(main, ("state",), "R201", f"no starting value for: {', '.join(unset[:8])}{' …' if len(unset) > 8 else ''}")
        return None
    initial.update({k: lo for k, (lo, _hi) in DERIVED.items()})
    return initial


def _check_offer(model: schema.ScenarioModel, main: _Doc, lib: _Library, out: _Collector) -> None:
    """The scenario's ``offer`` names dimensions and options that exist (R206)."""
    for dim_id, wanted in model.offer.items():
        if dim_id not in lib.dimensions:
            out.add(main, ("offer", dim_id), "R206", f"unknown clause dimension '{dim_id}'{did_you_mean(dim_id, lib.dimensions)}")
            continue
        known = [o.id for o in lib.dimensions[dim_id][0].options]
        for j, opt in enumerate(wanted):
            if opt not in known:
                out.add(main, ("offer", dim_id, j), "R206", f"unknown option '{opt}' of '{dim_id}'{did_you_mean(opt, known)}")


def _compile_dimensions(model: schema.ScenarioModel, main: _Doc, lib: _Library, out: _Collector) -> list[defs.Dimension]:
    """The clause dimensions on offer, each with the options the scenario offers (none: R206)."""
    _check_offer(model, main, lib, out)
    dimensions: list[defs.Dimension] = []
    for dim_id, (dm, doc, i) in lib.dimensions.items():
        offered = model.offer.get(dim_id)
        options = [_compile_option(opt, doc, ("clauses", i, "options", j), out)
                   for j, opt in enumerate(dm.options) if offered is None or opt.id in offered]
        if options:
            dimensions.append(defs.Dimension(dm.id, _text(dm.label), _text(dm.help), tuple(options), doc.at(("clauses", i))[0]))
    if not dimensions:
        out.add(main, (), "R206", "no clauses: add a clauses.yaml to the scenario or a shared folder")
    return dimensions


def _compile_option(opt: schema.OptionModel, doc: _Doc, base: tuple[str | int, ...], out: _Collector) -> defs.Option:
    """One clause option; a lever or an effect the checks refuse is left out of play."""
    levers: dict[str, int] = {}
    for lever, value in opt.levers.items():
        wrong = _lever_problem(lever, value)
        if wrong is None:
            levers[lever] = value
        else:
            out.add(doc, base + ("levers", lever), wrong[0], wrong[1])
    _check_effects(opt.each_quarter, doc, base + ("each_quarter",), out)
    each_quarter = {canonical(k): v for k, v in opt.each_quarter.items() if _effect_ok(k, v)}
    return defs.Option(opt.id, _text(opt.label), _text(opt.summary), levers, each_quarter, doc.at(base)[0])


def _compile_current_mandate(model: schema.ScenarioModel, main: _Doc, dimensions: list[defs.Dimension],
                             out: _Collector) -> dict[str, str] | None:
    """The option in force at the start for every dimension on offer (R206), or None."""
    current: dict[str, str] = {}
    ok = True
    for dim in dimensions:
        chosen = model.current_mandate.get(dim.id)
        offered = [o.id for o in dim.options]
        if chosen is None:
            out.add(main, ("current_mandate",), "R206", f"current_mandate gives no option for '{dim.id}'")
            ok = False
        elif chosen not in offered:
            out.add(main, ("current_mandate", dim.id), "R206", f"'{chosen}' is not an option on offer for '{dim.id}'{did_you_mean(chosen, offered)}")
            ok = False
        else:
            current[dim.id] = chosen
    dim_ids = [d.id for d in dimensions]  # a list: "did you mean" keeps their order
    for dim_id in model.current_mandate:
        if dim_id not in dim_ids:
            out.add(main, ("current_mandate", dim_id), "R206", f"unknown clause dimension '{dim_id}'{did_you_mean(dim_id, dim_ids)}")
    return current if ok else None


def _compile_council(model: schema.ScenarioModel, main: _Doc, lib: _Library,
                     out: _Collector) -> tuple[dict[str, defs.Member], dict[int, tuple[str, ...]]] | None:
    """The members and the seats of each vote year: one list of fifteen, or one per year (R205, R211)."""
    by_year = model.council if isinstance(model.council, dict) else {str(model.start[:4]): model.council}
    all_options = {f"{d}.{o.id}" for d, (dm, _doc, _i) in lib.dimensions.items() for o in dm.options}
    members: dict[str, defs.Member] = {}
    seats: dict[int, tuple[str, ...]] = {}
    ok = True
    for year, ids in sorted(by_year.items()):
        base: tuple[str, ...] = ("council", year) if isinstance(model.council, dict) else ("council",)
        for i, member_id in enumerate(ids):
            if member_id not in members:
                ok = _seat_member(member_id, main, base + (i,), lib, all_options, members, out) and ok
        ok = _check_seats(ids, members, main, base, out) and ok
        seats[int(year)] = tuple(ids)
    _check_reason_years(seats, lib, out)
    return (members, seats) if ok else None


def _check_seats(ids: list[str], members: Mapping[str, defs.Member], main: _Doc, base: tuple[str, ...],
                 out: _Collector) -> bool:
    """One year's Council: fifteen different members, five of them permanent (R211)."""
    ok = True
    if len(ids) != 15 or len(set(ids)) != len(ids):
        out.add(main, base, "R211", f"the Council has fifteen different members ({len(set(ids))} given)")
        ok = False
    permanent = sum(1 for i in ids if i in members and members[i].permanent)
    if permanent != 5 and all(i in members for i in ids):
        out.add(main, base, "R211", f"the Council has five permanent members ({permanent} given)")
        ok = False
    return ok


def _seat_member(member_id: str, main: _Doc, loc: tuple[str | int, ...], lib: _Library, all_options: set[str],
                 members: dict[str, defs.Member], out: _Collector) -> bool:
    """Compile the profile of a member the Council names into ``members``; False if it has none (R205)."""
    if member_id in lib.members:
        mem, doc = lib.members[member_id]
        members[member_id] = _compile_member(mem, doc, all_options, out)
        return True
    broken = lib.broken_members.get(member_id)
    if broken is not None:
        # The file is there but could not be used: its own problems say why.
        out.add(main, loc, "R205", f"the profile of member '{member_id}' ({broken.parent.name}/{broken.name})"
                                   " could not be read: fix the problems reported for that file")
    else:
        out.add(main, loc, "R205", f"no profile for member '{member_id}'{did_you_mean(member_id, lib.members)} (add council/{member_id}.yaml)")
    return False


def _compile_cards(lib: _Library, out: _Collector) -> list[defs.Card]:
    """The cards the game plays, sorted by id: ids unique (R203), chains that end, no dangling follow-up."""
    second = _duplicate_ids(lib, out)
    card_ids = {card.id for card, doc, i in lib.cards if (doc.path, i) not in second}
    out.refused_cards = {card_id for card_id, _doc, _i in lib.ids} - card_ids
    for item, doc, i in lib.refused:
        _refused_references(item, doc, ("cards", i), card_ids | {c for c, _d, _i in lib.ids}, out)
    cards: list[defs.Card] = []
    for card, doc, i in lib.cards:
        if (doc.path, i) in second:
            continue
        compiled = _compile_card(card, doc, ("cards", i), card_ids, out)
        if compiled is not None:
            cards.append(compiled)
    cards = _check_chains(cards, {card.id: (doc, ("cards", i)) for card, doc, i in reversed(lib.cards)}, out)
    cards = _without_dangling_follow_ups(cards)
    cards.sort(key=lambda c: c.id)
    return cards


def _duplicate_ids(lib: _Library, out: _Collector) -> set[tuple[str, int]]:
    """R203 on every card whose id an earlier card has (refused ones count), naming the first's file
    and line; the (file, index) of those later cards, which the game leaves out."""
    first: dict[str, tuple[_Doc, int]] = {}
    later: set[tuple[str, int]] = set()
    for card_id, doc, i in lib.ids:
        if card_id not in first:
            first[card_id] = (doc, i)
            continue
        other, j = first[card_id]
        out.add(doc, ("cards", i, "id"), "R203", f"card id '{card_id}' is also used in {other.path}:{other.at(('cards', j))[0]}"
                                                 " (the first card with it): ids are unique, so rename this card")
        later.add((doc.path, i))
    return later


def _refused_references(item: dict[str, Any], doc: _Doc, base: tuple[Any, ...], card_ids: set[str], out: _Collector) -> None:
    """The quantities and cards a card the schema refused names: its references are reported too,
    not only once its fields are fixed. Only the parts of the expected shape are read."""
    when = item.get("when")
    if isinstance(when, (str, dict)):
        for loc, name in _misspelt(when, base + ("when",)):
            _unknown_in_condition(doc, loc, name, out)
    weight = item.get("weight")
    if isinstance(weight, dict) and isinstance(weight.get("grows_with"), str) and canonical(weight["grows_with"]) not in READABLE:
        out.add(doc, base + ("weight", "grows_with"), "R201",
                f"unknown quantity '{weight['grows_with']}'{did_you_mean(weight['grows_with'], READABLE)}")
    responses = item.get("responses")
    responses = responses if isinstance(responses, list) else []
    for r_i, resp in enumerate(responses):
        if isinstance(resp, dict):
            _refused_response(resp, doc, base + ("responses", r_i), card_ids, out)
    _refused_historical(item.get("historical"), responses, doc, base, out)


def _refused_historical(historical: Any, responses: list[Any], doc: _Doc, base: tuple[Any, ...], out: _Collector) -> None:
    """R215 on a refused card: its historical answer names none of its responses."""
    answer = historical.get("response") if isinstance(historical, dict) else None
    named = [r["id"] for r in responses if isinstance(r, dict) and isinstance(r.get("id"), str)]
    if isinstance(answer, str) and named and answer not in named:
        out.add(doc, base + ("historical", "response"), "R215",
                f"the historical answer names no response of this card: '{answer}'{did_you_mean(answer, named)}")


def _whole_numbers(effects: dict[str, Any]) -> dict[str, int]:
    return {k: v for k, v in effects.items() if isinstance(v, int) and not isinstance(v, bool)}


def _refused_response(resp: dict[str, Any], doc: _Doc, rb: tuple[Any, ...], card_ids: set[str], out: _Collector) -> None:
    effects = resp.get("effects")
    if isinstance(effects, dict):
        _check_effects(_whole_numbers(effects), doc, rb + ("effects",), out)
    later = resp.get("later")
    for j, delayed in enumerate(later if isinstance(later, list) else []):
        effects = delayed.get("effects") if isinstance(delayed, dict) else None
        if isinstance(effects, dict):
            _check_effects(_whole_numbers(effects), doc, rb + ("later", j, "effects"), out)
    follow = resp.get("follow_up")
    for j, f in enumerate(follow if isinstance(follow, list) else []):
        target = f.get("card") if isinstance(f, dict) else None
        if isinstance(target, str) and target not in card_ids:
            out.add(doc, rb + ("follow_up", j, "card"), "R202", f"unknown card '{target}'{did_you_mean(target, card_ids)}")


def _misspelt(data: Any, loc: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], str]]:
    """(where, name) of every quantity a condition names that does not exist, in order."""
    if isinstance(data, str):
        names = [n for n in quantities_in(data) if n not in READABLE]
        return [(loc, n) for n in sorted(names, key=data.find)]
    if not isinstance(data, Mapping):
        return []
    found: list[tuple[tuple[Any, ...], str]] = []
    for key in ("all", "any"):
        parts = data.get(key)
        for j, sub in enumerate(parts if isinstance(parts, list) else []):
            found += _misspelt(sub, loc + (key, j))
    if "not" in data:
        found += _misspelt(data["not"], loc + ("not",))
    name = data.get("quantity")
    if isinstance(name, str) and canonical(name) not in READABLE:
        found.append((loc + ("quantity",), name))
    return found


def _unknown_in_condition(doc: _Doc, loc: tuple[Any, ...], name: str, out: _Collector) -> None:
    """C301 for one misspelt quantity, at its column when it sits on the line of its key."""
    line, col = doc.at(loc)
    start = doc.line_text(line).find(name)
    out.problems.append(Problem(doc.path, line, start + 1 if start >= 0 else col, "C301",
                                f"condition: unknown quantity '{name}'{did_you_mean(name, READABLE)}"))


def _without_dangling_follow_ups(cards: list[defs.Card]) -> list[defs.Card]:
    """A follow-up to a card that was skipped is dropped with the card that queues it, and so on
    up the chain, so that no card of the game names a card the game does not have."""
    while True:
        valid = {c.id for c in cards}
        kept = [c for c in cards if all(f.card in valid for r in c.responses for f in r.follow_ups)]
        if len(kept) == len(cards):
            return cards
        cards = kept


def _content_hash(folder: Path, out: _Collector) -> str:
    """A digest of the bytes the scenario was built from, as read (never a second read: the file
    may have changed, or be a FIFO or /dev/zero by now), each under its path from the folder."""
    digest = hashlib.sha256()
    root = _resolve(folder) or folder
    for path in sorted(out.raws):
        target = _resolve(path) or path
        try:
            rel = os.path.relpath(target, root)
        except ValueError:  # another drive on Windows
            rel = str(target)
        digest.update(rel.encode("utf-8", "surrogateescape") + b"\0" + out.raws[path] + b"\0")
    return digest.hexdigest()[:16]


def _lever_problem(lever: str, value: int) -> tuple[str, str] | None:
    """(code, message) when a clause option's lever is unknown or out of its range."""
    if lever not in defs.LEVERS:
        return "R204", f"unknown lever '{lever}'{did_you_mean(lever, defs.LEVERS)}"
    if lever == "duration":
        return None if 1 <= value <= 16 else ("S103", f"duration is in quarters, from 1 to 16 (4 = one year), not {value}")
    if lever == "troop_ceiling":
        top = QUANTITIES["mission.troops"][1]
        return None if 0 <= value <= top else ("S103", f"troop_ceiling is a number of troops, from 0 to {top:,}, not {value}")
    return None if -100 <= value <= 100 else ("S103", f"lever {lever} must be between -100 and 100, not {value}")


def _effect_ok(name: str, change: int) -> bool:
    key = canonical(name)
    if key not in QUANTITIES:
        return False
    lo, hi = QUANTITIES[key]
    return abs(change) <= hi - lo


def _check_effects(effects: Mapping[str, int], doc: _Doc, base: tuple[Any, ...], out: _Collector) -> bool:
    ok = True
    for name, change in effects.items():
        key = canonical(name)
        if key in DERIVED:
            out.add(doc, base + (name,), "R209", f"'{name}' is computed by the model and cannot be changed by an effect")
            ok = False
        elif key not in QUANTITIES:
            out.add(doc, base + (name,), "R201", f"unknown quantity '{name}'{did_you_mean(name, QUANTITIES)}")
            ok = False
        else:
            lo, hi = QUANTITIES[key]
            if abs(change) > hi - lo:
                out.add(doc, base + (name,), "S103",
                        f"a change of {change} to {key} is out of scale: it ranges from {lo} to {hi},"
                        f" so a change is between {lo - hi} and {hi - lo}")
                ok = False
    return ok


def _check_chains(cards: list[defs.Card], where: Mapping[str, tuple[_Doc, tuple[Any, ...]]], out: _Collector) -> list[defs.Card]:
    """Follow-ups must end, and one card's chain may bring at most ``MAX_CHAIN`` cards.

    Follow-ups bypass 'once' and the draw: a loop (a → b → a) comes back forever, and two cards
    with many follow-ups each multiply (200 × 200 = 40,000 cards in one quarter). The cards
    that close a loop or start too long a chain are skipped (and those that lead to them)."""
    by_id = {c.id: c for c in cards}
    size: dict[str, int] = {}
    bad: set[str] = set()
    state: dict[str, int] = {}  # 1 = being visited, 2 = done

    def visit(card_id: str, path: list[str]) -> int:
        if state.get(card_id) == 2:
            return size[card_id]
        state[card_id] = 1
        card = by_id[card_id]
        worst = 0
        for r_i, resp in enumerate(card.responses):
            total = 0
            seen_here: set[str] = set()
            for f_i, follow in enumerate(resp.follow_ups):
                if follow.card not in by_id:
                    continue
                doc, base = where[card_id]
                loc = base + ("responses", r_i, "follow_up", f_i, "card")
                if follow.card in seen_here:
                    out.add(doc, loc, "R213", f"this response brings '{follow.card}' twice: keep one")
                    bad.add(card_id)
                seen_here.add(follow.card)
                if state.get(follow.card) == 1:
                    loop = path[path.index(follow.card):] + [card_id, follow.card]
                    out.add(doc, loc, "R213", f"follow-ups go round in a loop ({' → '.join(loop)}), so these cards would"
                                              " come back for ever: remove one of these follow-ups")
                    bad.add(card_id)
                    continue
                total += 1 + visit(follow.card, path + [card_id])
            worst = max(worst, total)
        state[card_id] = 2
        size[card_id] = worst
        if worst > MAX_CHAIN:
            doc, base = where[card_id]
            out.add(doc, base + ("responses",), "R214",
                    f"this card's follow-ups bring {worst} cards in one chain (at most {MAX_CHAIN}):"
                    " give its responses, or the cards they bring, fewer follow-ups")
            bad.add(card_id)
        return worst

    for card in cards:
        visit(card.id, [])
    return [c for c in cards if c.id not in bad]


def _condition(cond: Any, doc: _Doc, loc: tuple[Any, ...], out: _Collector) -> Condition | None:
    """A compiled condition (no ``when``: always), or None with the problem where it sits (C301)."""
    if cond is None:
        return always
    try:
        return compile_tree(_condition_data(cond), READABLE)
    except ConditionError as exc:
        line, col = doc.at(loc)
        if isinstance(cond, str) and exc.col:
            # Point into the string when it sits on the key's line ("when: ...").
            start = doc.line_text(line).find(" ".join(cond.split())[:20])
            if start >= 0:
                col = start + exc.col
        unknown = _misspelt(_condition_data(cond), loc)
        if not any(str(exc).startswith(f"unknown quantity '{name}'") for _where, name in unknown):
            out.problems.append(Problem(doc.path, line, col, "C301", f"condition: {exc}"))
        for where, name in unknown:  # every misspelt name, each where it is written
            _unknown_in_condition(doc, where, name, out)
        return None


_CITED_YEAR = re.compile(r"\b(19[5-9][0-9]|20[0-9]{2})\b")
# Events a reason may name without a year, with the year they began (minusma-facts.md).
_NAMED_EVENTS = {"wagner": 2021, "jnim": 2017, "coups": 2020, "coups d'état": 2020,
                 "transition authorities": 2020, "autorités de transition": 2020, "barkhane's departure": 2022}


def _check_reason_years(seats: dict[int, tuple[str, ...]], lib: _Library, out: _Collector) -> None:
    """R217: a member's reason that cites a year after the vote it is given at.

    A reason holds in the years its ``from``/``until`` give; at a vote of an earlier year it would
    cite the future ("after the coups" in 2015). Reported once per reason, at its ``why``."""
    seen: set[tuple[str, str, int]] = set()
    for year, ids in sorted(seats.items()):
        for member_id in ids:
            if member_id not in lib.members:
                continue
            mem, doc = lib.members[member_id]
            reasons: tuple[tuple[str, Sequence[schema.PreferenceModel | schema.ConcernModel]], ...] = (
                ("preferences", mem.preferences), ("concerns", mem.concerns))
            for kind, entries in reasons:
                for i, entry in enumerate(entries):
                    if not (entry.from_ or 0) <= year <= (entry.until or 9999) or (member_id, kind, i) in seen:
                        continue
                    later = _latest_year_cited(entry.why)
                    if later > year:
                        seen.add((member_id, kind, i))
                        out.add(doc, (kind, i, "why"), "R217",
                                f"this reason speaks of {later} but holds at the vote of {year}: give it 'from: {later}'"
                                " (or the year the event it names began)")


def _document(card: schema.CardModel) -> dict[str, str]:
    """The card's document, category and place: as written, else read from it (game/content/cardmeta.py)."""
    effects = [r.effects for r in card.responses] + [later.effects for r in card.responses for later in r.later]
    document, category, place = cardmeta.derive(effects, card.sources[0].get("en", ""),
                                                (card.title["en"], card.text["en"]))
    return {"document": card.document or document, "category": card.category or category, "place": card.place or place}


def _latest_year_cited(why: Mapping[str, str]) -> int:
    """The latest year a reason's text cites, by number or by an event it names (0 if none)."""
    texts = tuple(why.values())
    cited = [int(y) for text in texts for y in _CITED_YEAR.findall(text)]
    cited += [y for name, y in _NAMED_EVENTS.items() for text in texts if name in text.lower()]
    return max(cited, default=0)


def _compile_member(mem: schema.MemberModel, doc: _Doc, all_options: set[str], out: _Collector) -> defs.Member:
    prefs = []
    for i, p in enumerate(mem.preferences):
        if p.option not in all_options:
            out.add(doc, ("preferences", i, "option"), "R206", f"unknown clause option '{p.option}'{did_you_mean(p.option, all_options)}")
            continue
        prefs.append(defs.Preference(p.option, p.weight, _text(p.why), p.from_ or 0, p.until or 9999))
    concerns = []
    for i, c in enumerate(mem.concerns):
        cond = _condition(c.when, doc, ("concerns", i, "when"), out)
        if cond is not None:
            read = quantities_in(_condition_data(c.when))
            concerns.append(defs.Concern(cond, c.weight, _text(c.why), "", c.from_ or 0, c.until or 9999,
                                         read[0] if read else "", condition_source(_condition_data(c.when))))
    return defs.Member(mem.id, _text(mem.name), mem.permanent, mem.african, mem.base, _text(mem.wants),
                       _text(mem.trade), tuple(prefs), tuple(concerns), tuple(_member_source(x) for x in mem.sources))


def _member_source(source: schema.DatedSource | Mapping[str, str]) -> defs.MemberSource:
    """A member's source line with its years (every year for a plain one)."""
    if isinstance(source, schema.DatedSource):
        return defs.MemberSource(_text(source.line), source.from_ or 0, source.until or 9999)
    return defs.MemberSource(_text(source))


def _compile_card(card: schema.CardModel, doc: _Doc, base: tuple[Any, ...], card_ids: set[str], out: _Collector) -> defs.Card | None:
    """One card as the game plays it, or None if any of its parts has a problem (the card is skipped)."""
    before = len(out.problems)
    cond = _condition(card.when, doc, base + ("when",), out)
    weight = _card_weight(card.weight, doc, base, out)
    if card.once and card.cooldown:
        out.add(doc, base + ("cooldown",), "S103", "a cooldown needs 'once: false' (a one-off card never returns)")
    start, end = _card_months(card, doc, base, out)
    responses = _compile_responses(card, doc, base, card_ids, out)
    historical = card.historical
    if historical is not None and historical.response not in {r.id for r in card.responses}:
        out.add(doc, base + ("historical", "response"), "R215",
                f"the historical answer names no response of this card: '{historical.response}'"
                f"{did_you_mean(historical.response, [r.id for r in card.responses])}")
    if len(out.problems) > before or cond is None:
        return None
    return defs.Card(
        id=card.id, title=_text(card.title), text=_text(card.text), responses=responses,
        sources=tuple(_text(x) for x in card.sources), condition=cond, weight=weight, once=card.once, cooldown=card.cooldown,
        start=start, end=end, mandates=tuple(card.mandates), follow_up_only=card.follow_up_only,
        file=doc.path, line=doc.at(base)[0],
        historical=historical.response if historical else "", historical_source=_text(historical.source) if historical else {},
        historical_why=_text(historical.why) if historical else {},
        **_document(card),
    )


def _card_weight(weight: int | schema.WeightRule, doc: _Doc, base: tuple[Any, ...], out: _Collector) -> defs.Weight:
    """A fixed weight, or one that grows with a quantity the conditions can read (R201)."""
    if isinstance(weight, int):
        return defs.Weight(weight)
    key = canonical(weight.grows_with)
    if key not in READABLE:
        out.add(doc, base + ("weight", "grows_with"), "R201", f"unknown quantity '{weight.grows_with}'{did_you_mean(weight.grows_with, READABLE)}")
    return defs.Weight(weight.base, key if key in READABLE else None, weight.factor)


def _card_months(card: schema.CardModel, doc: _Doc, base: tuple[Any, ...], out: _Collector) -> tuple[int | None, int | None]:
    """The months a card may be drawn in (``from``, ``until``), in order (S103)."""
    start = defs.month_index(card.from_) if card.from_ else None
    end = defs.month_index(card.until) if card.until else None
    if start is not None and end is not None and end < start:
        out.add(doc, base + ("until",), "S103", f"'until' ({card.until}) is before 'from' ({card.from_})")
    return start, end


def _compile_responses(card: schema.CardModel, doc: _Doc, base: tuple[Any, ...], card_ids: set[str],
                       out: _Collector) -> tuple[defs.Response, ...]:
    """A card's responses: ids unique on the card (R203), effects in scale, follow-ups known (R202)."""
    responses = []
    response_ids: set[str] = set()
    for i, r in enumerate(card.responses):
        rb = base + ("responses", i)
        if r.id in response_ids:
            out.add(doc, rb + ("id",), "R203", f"response id '{r.id}' is used twice on this card")
        response_ids.add(r.id)
        _check_effects(r.effects, doc, rb + ("effects",), out)
        delayed = []
        for j, later in enumerate(r.later):
            _check_effects(later.effects, doc, rb + ("later", j, "effects"), out)
            delayed.append(defs.Delayed(later.after, {canonical(k): v for k, v in later.effects.items()}, _text(later.note)))
        follows = _compile_follow_ups(r, card.id, doc, rb, card_ids, out)
        responses.append(defs.Response(r.id, _text(r.label), _text(r.why), {canonical(k): v for k, v in r.effects.items()}, tuple(delayed), follows,
                                       _text(r.outcome)))
    return tuple(responses)


def _compile_follow_ups(r: schema.ResponseModel, card_id: str, doc: _Doc, rb: tuple[Any, ...], card_ids: set[str],
                        out: _Collector) -> tuple[defs.FollowUp, ...]:
    """The cards a response queues: each one known, none the card itself (R202)."""
    follows = []
    for j, f in enumerate(r.follow_up):
        if f.card in out.refused_cards and f.card not in card_ids:
            out.add(doc, rb + ("follow_up", j, "card"), "R202", f"the card '{f.card}' this response brings has problems of"
                                                                " its own (reported for it): the game leaves it out, and this card too")
        elif f.card not in card_ids:
            out.add(doc, rb + ("follow_up", j, "card"), "R202", f"unknown card '{f.card}'{did_you_mean(f.card, card_ids)}")
        elif f.card == card_id:
            out.add(doc, rb + ("follow_up", j, "card"), "R202", "a card cannot follow itself")
        follows.append(defs.FollowUp(f.card, f.after, f.chance))
    return tuple(follows)


def _language_name(code: str) -> str:
    """'fr' -> 'French' (Babel's names; the code itself for one Babel does not know)."""
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:
        return code
    try:
        return str(Locale.parse(code.replace("-", "_")).get_display_name("en") or code)
    except (ValueError, UnknownLocaleError):
        return code


def _is_text(obj: Any) -> bool:
    """A text (or a translated source line): a mapping of language codes to strings, English in it."""
    return isinstance(obj, dict) and "en" in obj and all(isinstance(v, str) for v in obj.values())


def _check_languages(model: schema.ScenarioModel, main: _Doc, lib: _Library, dimensions: list[defs.Dimension], out: _Collector) -> None:
    """Every text of the scenario has each language it declares (code F401). Source lines (a card's
    ``sources`` and its ``historical`` answer's ``source``) are not texts to translate: a document's
    title stays as published, so they are not required."""
    wanted = [lang for lang in model.languages if lang != "en"]

    def walk(obj: Any, doc: _Doc, loc: tuple[Any, ...]) -> None:
        if _is_text(obj):
            for lang in wanted:
                if not obj.get(lang):
                    where = place_in_words(loc, doc.data) or "text"
                    out.add(doc, loc, "F401", f"missing {_language_name(lang)} text ('{lang}:') for {where}:"
                                              f" the scenario's languages are {', '.join(model.languages)}")
            return
        if isinstance(obj, BaseModel):
            for name, info in type(obj).model_fields.items():
                if name not in ("sources", "state_sources", "source"):
                    walk(getattr(obj, name), doc, loc + (info.alias or name,))
        elif isinstance(obj, (list, tuple)):
            for i, item in enumerate(obj):
                walk(item, doc, loc + (i,))
        elif isinstance(obj, dict):
            for key, item in obj.items():
                walk(item, doc, loc + (key,))

    walk(model, main, ())
    offered = {d.id for d in dimensions}
    for dim_id, (dm, doc, i) in lib.dimensions.items():
        if dim_id in offered:
            walk(dm, doc, ("clauses", i))
    seated = sorted({i for ids in (model.council.values() if isinstance(model.council, dict) else [model.council]) for i in ids})
    for member_id in seated:
        if member_id in lib.members:
            mem, doc = lib.members[member_id]
            walk(mem, doc, ())
    for card, doc, i in lib.cards:
        walk(card, doc, ("cards", i))
