"""Writing while playing: ``python -m game play --watch`` reloads the content when a file is saved.

A background thread (``Watcher``) runs ``watchfiles.watch`` on the scenario's folder and the folders
it ``uses:``, debounced, and only says that YAML files changed: it never touches the game. The
front end (the window's event loop, the terminal between two inputs) then calls ``reload_session``
on the main thread, which loads the scenario again and, if it can be played, swaps it into the
game in place: the game's state (the quarter, every number, the card waiting, the queue) is kept
exactly as it is, so changed texts and effects apply from the next draw and the card on screen
shows its new words. A scenario that cannot be played, a game the new files no longer fit (the
card waiting or a queued follow-up removed, a clause option gone), or a fault of ours leaves the
game on the content it had, with a notice that says why (the first problems with file and line).

The engine stays pure: nothing here runs inside it, and the swap is ``Game.from_dict`` on the new
scenario, the way a save is restored. A game played across edits keeps its decisions; resumed
later, it is rebuilt from them against the files as they are then (``game.store.restore``).
"""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game import i18n
from game.content.loader import Loaded, levels_root, load_scenario, resolve_level
from game.content.problems import Problem
from game.content.safeyaml import load_file
from game.engine.defs import Card, Scenario, at_length
from game.engine.game import Game
from game.session import Session

DEBOUNCE_MS = 300  # changes closer together than this are one reload (an editor's save is several events)
STEP_MS = 50
SHOWN_PROBLEMS = 3  # problems quoted in a notice; 'check' lists them all
SHOWN_FILES = 3


# --- what to watch ----------------------------------------------------------------------------
def watched_folders(level: str, with_bundled: bool = False) -> list[Path]:
    """The scenario's folder and the folders its ``uses:`` names (with ``with_bundled``, the
    bundled levels too), each once, none inside another."""
    folder = resolve_level(level)
    found = [*([levels_root()] if with_bundled else []), folder, *_uses(folder)]
    out: list[Path] = []
    for path in sorted({_real(p) for p in found if p.is_dir()}, key=lambda p: len(p.parts)):
        if not any(path == kept or kept in path.parents for kept in out):
            out.append(path)
    return out


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return path


def _uses(folder: Path) -> list[Path]:
    """The folders ``scenario.yaml`` uses, read safely; none if it cannot be read."""
    try:
        data, _pos = load_file(str(folder / "scenario.yaml"))
    except Exception:  # noqa: BLE001 - a broken scenario.yaml: its own folder is still watched
        return []
    uses = data.get("uses") if isinstance(data, dict) else None
    return [folder / rel for rel in uses if isinstance(rel, str)] if isinstance(uses, list) else []


def _is_content(_change: object, path: str) -> bool:
    """A content file (``.yaml``); an editor's hidden or backup file is not."""
    name = os.path.basename(path)
    return name.endswith((".yaml", ".yml")) and not name.startswith((".", "#"))


class Watcher:
    """A daemon thread that calls ``on_change(paths)`` when YAML files under ``folders`` change
    (one call per burst of changes), and ``on_error(exc)`` if watching stops (a folder removed,
    the system's watch limit reached). Both are called on the watcher's thread: they must only
    post a request to the main thread."""

    def __init__(self, folders: Sequence[Path], on_change: Callable[[list[Path]], None],
                 on_error: Callable[[Exception], None] | None = None, debounce_ms: int = DEBOUNCE_MS):
        self.folders = list(folders)
        self.on_change = on_change
        self.on_error = on_error
        self.debounce_ms = debounce_ms
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._run, name="penholder-watch", daemon=True)

    def start(self) -> Watcher:
        self.thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        self.stop_event.set()
        if self.thread.is_alive():
            self.thread.join(timeout)

    def _run(self) -> None:
        import watchfiles

        try:
            for changes in watchfiles.watch(*self.folders, watch_filter=_is_content, debounce=self.debounce_ms,
                                            step=STEP_MS, stop_event=self.stop_event, raise_interrupt=False,
                                            rust_timeout=1_000, yield_on_timeout=False):
                if changes:
                    self.on_change(sorted({Path(p) for _change, p in changes}))
        except Exception as exc:  # noqa: BLE001 - said in the game, never a crash
            if self.on_error is not None and not self.stop_event.is_set():
                self.on_error(exc)


# --- the reload -------------------------------------------------------------------------------
@dataclass
class Reload:
    """What a reload did, in words each front end shows in its language."""

    key: str  # watch.reloaded, watch.refused, watch.in_step (back after a refusal) or watch.fault
    files: list[str] = field(default_factory=list)
    changed: int = 0
    added: int = 0
    removed: int = 0
    skipped: tuple[int, int] = (0, 0)  # cards, files the new content leaves out
    why: str = ""
    why_key: str = ""  # a catalogue sentence for why (``why`` fills its {card})
    swapped: bool = False  # the game now plays the new content
    # the first problems in the files saved (file and line), said after a reload that left cards
    # out, or after "the card is gone" when its file no longer reads
    found: str = ""

    def text(self, lang: str) -> str:
        files = self.files_text()
        if self.key == "watch.reloaded":
            what = [i18n.text("watch.changed", lang, n=self.changed)]
            if self.added:
                what.append(i18n.text("watch.added", lang, n=self.added))
            if self.removed:
                what.append(i18n.text("watch.removed", lang, n=self.removed))
            said = " ".join(filter(None, (i18n.text("watch.reloaded", lang, files=files, what=", ".join(what)),
                                          skipped_text(*self.skipped, lang))))
        elif self.key == "watch.refused":
            why = i18n.text("watch.card_gone", lang, card=self.why) if self.why_key == "watch.card_gone" else self.why
            said = i18n.text("watch.refused", lang, files=files, why=why)
        elif self.key == "watch.in_step":
            return i18n.text("watch.in_step", lang, files=files)
        else:
            return i18n.text("watch.fault", lang, why=self.why)
        return f"{said} {i18n.text('watch.found', lang, problems=self.found)}" if self.found else said

    def files_text(self) -> str:
        return ", ".join(self.files[:SHOWN_FILES]) + (" …" if len(self.files) > SHOWN_FILES else "")


def skipped_counts(loaded: Loaded) -> tuple[int, int]:
    """(cards, files) the loaded content leaves out: a file that could not be read counts as a file,
    and its cards as cards where their ids could still be found in it."""
    cards = [c for c in loaded.cards_skipped if not c.startswith("every card in ")]
    return len(cards), len(loaded.files_skipped)


def skipped_text(cards: int, files: int, lang: str) -> str:
    """'2 cards skipped — run check' (with the files dropped whole), or '' when nothing was."""
    parts = ([i18n.text("watch.skipped_cards", lang, n=cards)] if cards else []) + \
            ([i18n.text("watch.skipped_files", lang, n=files)] if files else [])
    return i18n.text("watch.run_check", lang, what=", ".join(parts)) if parts else ""


def reload_session(session: Session, changed: Iterable[Path] = (), level: str | None = None) -> Reload | None:
    """Load the game's scenario again and play on with it, keeping the game's state; None when
    the game's content did not change. Never raises: a fault becomes a ``watch.fault`` notice."""
    changed = list(changed)
    names = _names(changed)
    try:
        result = _reload(session, changed, names, level if level is not None else session.level)
    except Exception as exc:  # noqa: BLE001 - the class plays on; the notice names the fault
        return Reload("watch.fault", names, why=f"{type(exc).__name__}: {str(exc)[:200]}")
    if result is None and session.content_refused:
        # the files put back as the game plays them (an undone typo): the refusal is over
        result = Reload("watch.in_step", names)
    session.content_refused = result is not None and result.key == "watch.refused"
    return result


def _names(changed: Iterable[Path]) -> list[str]:
    out: list[str] = []
    for path in changed:
        if path.name not in out:
            out.append(path.name)
    return out


def _reload(session: Session, changed: list[Path], names: list[str], level: str) -> Reload | None:
    old = session.game
    folder = resolve_level(level)
    loaded = load_scenario(folder)
    names = names or [folder.name]
    saved = {_real(p) for p in changed}
    if loaded.scenario is None:
        shown = [_problem_line(p.path, p.line, p.message, folder) for p in _first_causes(loaded, saved)]
        return Reload("watch.refused", names, why="; ".join(shown))
    try:
        scenario = at_length(loaded.scenario, old.scenario.length)
    except ValueError as exc:
        return Reload("watch.refused", names, why=str(exc)[:200])
    if scenario.content_hash == old.scenario.content_hash:
        return None
    found = "; ".join(_problem_line(p.path, p.line, p.message, folder) for p in _first_causes(loaded, saved, only_saved=True))
    gone = _card_gone(old, scenario)
    if gone:
        return Reload("watch.refused", names, why=gone, why_key="watch.card_gone", found=found)
    try:
        game = Game.from_dict(scenario, old.to_dict())
    except (ValueError, TypeError, KeyError) as exc:
        return Reload("watch.refused", names, why=str(exc)[:200])
    edited, added, removed = _card_changes(old.scenario, scenario)
    session.game = game
    session.autosave()
    return Reload("watch.reloaded", names, edited, added, removed, skipped_counts(loaded), swapped=True, found=found)


def _first_causes(loaded: Loaded, saved: set[Path], only_saved: bool = False) -> list[Problem]:
    """The problems a notice quotes: those in the files just saved first (the designer's last
    change), then those outside card files (a scenario or a shared file, which stop the whole
    scenario), then the cards' own (tolerated, each leaves out its card)."""
    def in_saved(p: Problem) -> bool:
        return _real(Path(p.path)) in saved

    chosen = [p for p in loaded.problems if in_saved(p)] if only_saved else sorted(
        loaded.problems, key=lambda p: (not in_saved(p), "cards" in Path(p.path).parts))
    return chosen[:SHOWN_PROBLEMS]


def _problem_line(path: str, line: int, message: str, folder: Path) -> str:
    """'cards/x.yaml:12: message': the path from the scenario's folder, or from the folder of
    scenarios for a shared file ('common/clauses.yaml'), else as it is."""
    shown = path
    for base in (folder, folder.parent):
        try:
            rel = os.path.relpath(path, base)
        except ValueError:  # another drive on Windows
            continue
        if not rel.startswith(".."):
            shown = rel
            break
    return f"{shown}:{line}: {message}" if line else f"{shown}: {message}"


def _card_gone(game: Game, scenario: Scenario) -> str:
    """The first card the game still needs (waiting for an answer, or queued as a follow-up) that
    the new content no longer has."""
    needed = [*game.pending, *(item.get("card") for item in game.queue)]
    return next((c for c in needed if isinstance(c, str) and c not in scenario.cards_by_id), "")


def _card_changes(old: Scenario, new: Scenario) -> tuple[int, int, int]:
    """(changed, added, removed) cards between two versions of a scenario. A card counts as
    changed when any of its words or numbers differ (a change to its condition alone is not seen:
    the compiled condition keeps no text)."""
    before, after = old.cards_by_id, new.cards_by_id
    changed = sum(1 for cid in set(before) & set(after) if _fingerprint(before[cid]) != _fingerprint(after[cid]))
    return changed, len(set(after) - set(before)), len(set(before) - set(after))


def _fingerprint(card: Card) -> Card:
    return dataclasses.replace(card, condition=_never_compared, file="", line=0)


def _never_compared(_state: object) -> bool:
    return True


# --- the terminal -----------------------------------------------------------------------------
class TerminalWatch:
    """``play --text --watch``: the watcher's thread notes the files saved and says so (``announce``,
    the terminal's error stream); the next line typed at a prompt reloads, on the main thread, and
    the terminal shows its screen again (``Terminal``'s ``reload`` hook calls ``poll``)."""

    def __init__(self, session: Session, lang: str, folders: Sequence[Path],
                 announce: Callable[[str], None] | None = None, debounce_ms: int = DEBOUNCE_MS):
        self.session = session
        self.lang = lang
        self.announce = announce
        self._lock = threading.Lock()
        self._changed: list[Path] = []
        self._error = ""
        self.watcher = Watcher(folders, self.mark, self._failed, debounce_ms)

    def start(self) -> TerminalWatch:
        self.watcher.start()
        return self

    def stop(self) -> None:
        self.watcher.stop()

    def mark(self, paths: list[Path]) -> None:
        """Files saved (the watcher's thread, or a test): reload at the next line typed."""
        with self._lock:
            self._changed.extend(p for p in paths if p not in self._changed)
        if self.announce is not None:
            self.announce(i18n.text("watch.announce", self.lang, files=", ".join(_names(paths)[:SHOWN_FILES])))

    def _failed(self, exc: Exception) -> None:
        with self._lock:
            self._error = f"{type(exc).__name__}: {str(exc)[:200]}"

    def poll(self) -> tuple[str, bool]:
        """(what to say, whether the screen must be shown again) since the last line typed."""
        with self._lock:
            changed, self._changed = self._changed, []
            error, self._error = self._error, ""
        if error:
            return i18n.text("watch.stopped", self.lang, why=error), False
        if not changed:
            return "", False
        result = reload_session(self.session, changed)
        if result is None:
            return "", False
        return result.text(self.lang), result.swapped


def terminal_watch(session: Session, lang: str) -> TerminalWatch:
    """``play --text --watch``: the game's scenario folders watched, and said so; a save is said on
    the error stream at once, and reloads at the next line typed."""
    import sys

    from game.frontends.terminal import printable

    def say(text: str) -> None:
        print(f"\npenholder: {printable(text)}", file=sys.stderr, flush=True)

    folders = watched_folders(session.level)
    say(i18n.text("watch.watching", lang, folders=", ".join(map(str, folders))))
    return TerminalWatch(session, lang, folders, say).start()


__all__ = ["TerminalWatch", "terminal_watch", "DEBOUNCE_MS", "Reload", "Watcher", "reload_session", "skipped_counts",
           "skipped_text", "watched_folders"]
