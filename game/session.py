"""One game in play, as the window and the terminal both drive it: start, continue, act, undo,
autosave. No pygame here, and no rule of the game: the engine decides, the session keeps it safe.

Every game has its own id and its own autosave (see ``game.store``): starting a game or loading a
named save makes a new one, so it never replaces another game's progress.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game import i18n
from game.engine.actions import Action, Impossible
from game.engine.defs import Scenario
from game.engine.game import Game
from game.saves import SaveError
from game.store import (
    MEANINGFUL,
    SavedElsewhere,
    SaveFile,
    Store,
    content_changes,
    restore,
    undo,
)


@dataclass(frozen=True)
class Notice:
    """A sentence for the player, kept as a key so each front end shows it in its language."""

    key: str
    params: dict[str, str | int | Exception | Notice] = field(default_factory=dict)  # a SaveError or Notice is shown in the same language

    def text(self, lang: str = "en") -> str:
        """The notice in ``lang`` (its words are the catalogues' ``notice`` entries)."""
        params = {k: (v.text(lang) if isinstance(v, SaveError | Notice) else v) for k, v in self.params.items()}
        return i18n.word("notice", self.key, lang, **params)

    def __str__(self) -> str:
        return self.text("en")


class SessionError(Exception):
    """Nothing could be resumed; ``notice`` says why."""

    def __init__(self, notice: Notice):
        self.notice = notice
        super().__init__(notice.text("en"))

    def text(self, lang: str = "en") -> str:
        return self.notice.text(lang)


class CannotUndo(Impossible):
    """Undo plays the decisions before the last one again, on the files as they are now: after an
    edit (``play --watch``) they may no longer fit. ``str()`` says which one, in English."""


def undo_refused(exc: Impossible, lang: str) -> str:
    """Why an undo was refused, in ``lang``: nothing to undo, or decisions the files no longer fit."""
    if isinstance(exc, CannotUndo):
        return i18n.text("cannot_undo", lang, why=str(exc)[:200])
    return i18n.text("nothing_to_undo", lang)


LoadLevel = Callable[[str], Scenario | None]


class Session:
    """A game, the scenario folder it came from, and its own autosave."""

    def __init__(self, game: Game, level: str, game_id: str | None, store: Store | None):
        self.game = game
        self.level = level
        self.game_id = game_id
        self.store = store
        self.save_error: Notice | None = None
        self.content_refused = False  # play --watch: the last reload of its files was refused
        # the live room (game.room.link): may stop an action, and is told of every decision and undo
        self.gate: Callable[[Action], None] | None = None
        self.watchers: list[Callable[[Game], None]] = []

    # --- starting and continuing ----------------------------------------------------------
    @classmethod
    def new(cls, scenario: Scenario, level: str, seed: int, store: Store | None) -> Session:
        """A new game with an id and an autosave of its own (none when ``store`` is None)."""
        game_id = store.new_game_id(scenario.id) if store is not None else None
        session = cls(Game(scenario, seed), level, game_id, store)
        session.autosave()
        return session

    @classmethod
    def resume(cls, store: Store, load_level: LoadLevel, game_id: str | None = None) -> tuple[Session, list[Notice]]:
        """Continue a game (the most recent when ``game_id`` is None), falling back to its
        previous good autosave; ``SessionError`` when it cannot be continued."""
        game_id = game_id if game_id is not None else _most_recent_game(store)
        try:
            folder = store.folder(game_id)
            found = store.candidates(game_id)
        except SaveError:
            found, folder = [], Path(game_id)
        if not found:
            raise SessionError(Notice("nothing"))
        first_error: SaveError | Notice | None = None
        for i, (path, save, error) in enumerate(found):
            if save is None:
                first_error = first_error or error
                continue
            try:
                session, more = cls._from_save(save, load_level, game_id, store, path.name)
            except SessionError as exc:
                first_error = first_error or exc.notice
                continue
            notices: list[Notice] = []
            if i > 0:
                # the current file could not be used: set it aside before anything writes here
                notices.append(Notice("prev_loaded", {"why": found[0][2] or first_error or ""}))
                aside = store.set_aside(found[0][0])
                if aside:
                    notices.append(Notice("set_aside", {"path": aside}))
            store.written_as_on_disk(game_id)
            return session, notices + more
        raise SessionError(Notice("cannot_resume", {"why": first_error or "", "folder": str(folder)}))

    @classmethod
    def from_save(cls, save: SaveFile, load_level: LoadLevel, store: Store | None,
                  name: str = "save") -> tuple[Session, list[Notice]]:
        """Continue a named save as a new game of its own; the save file stays untouched. The new
        game's folder is made only once the save has been read (a save that cannot be continued
        left an empty folder behind at each try, and the message pointed there)."""
        try:
            session, notices = cls._from_save(save, load_level, None, None, name)
        except SessionError as exc:
            raise SessionError(Notice("cannot_load_save", {"why": exc.notice, "name": name})) from None
        if store is not None:
            session.store, session.game_id = store, store.new_game_id(save.scenario)
        session.autosave()
        return session, [Notice("loaded_copy"), *notices]

    @classmethod
    def _from_save(cls, save: SaveFile, load_level: LoadLevel, game_id: str | None, store: Store | None,
                   name: str) -> tuple[Session, list[Notice]]:
        # (the reason alone: the caller says what cannot be continued, once)
        scenario = load_level(save.level)
        if scenario is None:
            raise SessionError(Notice("no_scenario", {"level": save.level[:80]}))
        notices = []
        changes = content_changes(save.content, scenario)
        if changes:
            notices.append(Notice("content_changed", {"what": "; ".join(changes)}))
        try:
            game, replayed, not_replayed = restore(save, scenario, name)
        except SaveError as exc:
            raise SessionError(Notice("reason", {"why": exc})) from None
        if replayed and changes:
            notices.append(Notice("replayed"))
        elif not_replayed is not None:
            # said, not silent: the saved state may hold a card or a clause the scenario lost
            notices.append(Notice("state_loaded", {"why": not_replayed}))
        return cls(game, save.level, game_id, store), notices

    # --- playing --------------------------------------------------------------------------
    def act(self, action: Action) -> None:
        """Apply a decision (``Impossible`` passes through untouched) and autosave."""
        if self.gate is not None:
            self.gate(action)
        self.game.apply(action)
        self.autosave()
        for watch in self.watchers:
            watch(self.game)

    def can_undo(self) -> bool:
        return any(isinstance(d, dict) and d.get("do") in MEANINGFUL for d in self.game.decisions)

    def undo(self) -> None:
        """Take back the last meaningful decision; ``Impossible`` if there is none, ``CannotUndo``
        if the decisions before it no longer fit the files."""
        try:
            self.game = undo(self.game)
        except ValueError as exc:
            raise CannotUndo(str(exc)) from None
        self.autosave()
        for watch in self.watchers:
            watch(self.game)

    def autosave(self) -> None:
        self.save_error = None
        if self.store is None or self.game_id is None:
            return
        try:
            try:
                aside = self.store.autosave(self.game, self.level, self.game_id)
            except SavedElsewhere:
                # Both games are kept: the other's file stays, ours goes on under a new id.
                first, self.game_id = self.game_id, self.store.new_game_id(self.game.scenario.id)
                self.store.autosave(self.game, self.level, self.game_id)
                self.save_error = Notice("saved_elsewhere", {"old": first, "new": self.game_id})
                return
        except (OSError, SaveError) as exc:
            self.save_error = Notice("autosave_failed", {"why": os_reason(exc) if isinstance(exc, OSError) else exc})
            return
        if aside:
            self.save_error = Notice("set_aside", {"path": aside})

    def has_autosave(self) -> bool:
        """Whether an autosave of this game is on disk (none where the data folder cannot be written)."""
        return self.store is not None and self.game_id is not None and self.store.has_autosave(self.game_id)

    def resume_command(self) -> str:
        """What to type to continue this game from a terminal."""
        return f"python -m game play --text --continue {self.game_id}" if self.game_id else "python -m game play --text"


# The system's reasons a write fails that a school laptop meets, in the player's language (the
# system's own words are English: "Not a directory").
_OS_REASONS = {errno.EROFS: "os_read_only", errno.EACCES: "os_denied", errno.EPERM: "os_denied",
               errno.ENOTDIR: "os_not_folder", errno.EEXIST: "os_not_folder", errno.ENOSPC: "os_full",
               errno.EDQUOT: "os_full"}


def os_reason(exc: OSError) -> Notice | str:
    """Why a write failed: in words for the common reasons, else the system's own."""
    key = _OS_REASONS.get(exc.errno or 0)
    return Notice(key) if key else (exc.strerror or str(exc))


def _most_recent_game(store: Store) -> str:
    """The id of the most recent game that reads; if none does, of the most recent (it says why)."""
    games = store.recent_games()
    if not games:
        raise SessionError(Notice("nothing"))
    return next((g for g in games if g.error is None), games[0]).game_id
