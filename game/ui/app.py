"""The window's app: it holds the parts of the window together and plays one game at a time.

``run_window(args)`` is what ``python -m game`` calls. The parts, each in its own module:

- ``display``: the window, its size, full screen, fonts for its height;
- ``navigator``: the stack of screens and overlays, and the ways between them;
- ``focus``: focus and mouse over the controls of the last frame;
- ``handlers``: one input handler per mode; each event returns the next handler;
- ``autoplay``: ``--auto`` and ``--screenshots``;
- ``levels``: scenarios compiled once;
- ``loop``: the event loop, which draws only when something changed;
- ``game.session``: the game in play, with undo and its own autosave (shared with the terminal).

The app itself draws a frame (the screen, the top overlay veiled over it, the focus ring), passes
each event to the handler of the window's mode, and turns what the session says (an impossible
action, an autosave that failed, a game that cannot be resumed) into a message for the player.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pygame

from game import i18n
from game.engine.actions import Action, Impossible
from game.engine.defs import Scenario, at_length
from game.engine.game import Game
from game.saves import replay_dict, write_json_atomic
from game.session import Notice, Session, SessionError, undo_refused
from game.store import SaveFile, Settings, Store
from game.ui import loop, theme, watching
from game.ui.autoplay import AutoPlayer, Screenshots
from game.ui.display import Display, parse_size
from game.ui.focus import Focus
from game.ui.frame import Frame
from game.ui.handlers import Handler, next_handler
from game.ui.levels import Levels
from game.ui.navigator import Navigator
from game.ui.sound import Sounds
from game.ui.strings import t
from game.ui.views.base import View

LANGS = i18n.languages()  # one per catalogue in game/locale/


class App:
    def __init__(self, args: argparse.Namespace, store: Store | None = None):
        self.args = args
        strategy: str | None = getattr(args, "auto", None)
        shots = getattr(args, "screenshots", None)
        self.shots = Screenshots(Path(shots)) if shots else None
        self.autoplay = AutoPlayer(self, strategy) if strategy else None
        self.headless = bool(strategy or shots)
        self.store = store or Store()
        # An auto run never reads or overwrites the class's settings and saves.
        self.settings = Settings.for_run(args) if self.headless else self.store.load_settings()
        arg_lang = getattr(args, "lang", i18n.SOURCE) or i18n.SOURCE
        if self.headless or arg_lang != i18n.SOURCE:  # --lang chosen: it wins over the settings
            self.settings.lang = arg_lang if arg_lang in LANGS else i18n.SOURCE
        self.autosave_on = not strategy
        self.display = Display(parse_size(getattr(args, "size", None)))
        self.nav = Navigator(self)
        self.focus = Focus(self.nav, self.draw)
        self.levels = Levels()
        self.handler: Handler | None = None
        self.running = True
        self.dirty = True
        self.message: str | None = None
        self.session: Session | None = None  # the game in play, with its own autosave
        self.sounds = Sounds()  # silent unless Settings → Sound is on

    # --- the window -----------------------------------------------------------------------
    def open(self) -> None:
        self.display.open(i18n.text("app_title", self.lang))
        self.relayout()
        self.nav.goto_title()

    def relayout(self) -> None:
        self.display.fit_fonts(self.settings.text_step)
        self.dirty = True

    def resized(self) -> None:
        self.display.resized()
        self.relayout()

    def toggle_fullscreen(self) -> None:
        self.message = self.display.toggle_fullscreen() or self.message
        self.relayout()

    @property
    def lang(self) -> str:
        return self.settings.lang

    def palette(self) -> theme.Palette:
        return theme.palette(self.settings.high_contrast, self.settings.colour_blind)

    @property
    def view(self) -> View:
        """The screen shown (under any overlay)."""
        return self.nav.screen

    @property
    def overlay(self) -> View | None:
        """The overlay on top, if one is open."""
        return self.nav.overlay

    # --- drawing and input ----------------------------------------------------------------
    def draw(self) -> Frame:
        """Draw the screen, and the top overlay over it, veiled; then the focus ring."""
        fonts = self.display.fonts
        assert fonts is not None, "the window is not open"
        f = Frame(self.display.surface, self.palette(), fonts, self.lang, mouse=self.focus.mouse,
                  on_why=self.nav.open_why)
        rank = {"tool": 2, "action": 1}  # focus order: the content, its actions, the top bar's tools
        for i, layer in enumerate(self.nav.shown()):
            if i:
                self.display.veil()
            f.layer(layer.view.scroll, layer.focus, modal=i > 0)
            layer.view.draw(f)
            f.controls.sort(key=lambda c: rank.get(c.kind, 0))
        self.focus.settle(f)
        return f

    def present(self) -> None:
        self.draw()
        self.display.flip(i18n.text("app_title", self.lang))
        self.dirty = False

    def handle(self, event: pygame.event.Event) -> None:
        """One event, from the queue or a test, to the handler of the window's mode."""
        self.handler = next_handler(self, self.handler).handle(event)

    def quit(self) -> None:
        self.running = False

    # --- the game ---------------------------------------------------------------------------
    @property
    def game(self) -> Game | None:
        """The engine's ``Game`` in play, or None on the title screen."""
        return self.session.game if self.session is not None else None

    @property
    def level(self) -> str:
        return self.session.level if self.session is not None else ""

    def load_level(self, level: str) -> Scenario | None:
        """The scenario for ``level``, or None with a message saying why."""
        scenario, problem = self.levels.load(level)
        if scenario is None:
            self.message = t("unplayable", self.lang, msg=problem)
        return scenario

    def start_game(self, level: str, seed: int | None = None, length: str | None = None) -> bool:
        """A new game of its own, at a length (``--length``, else full): it never touches another
        game's autosave."""
        self.message = t("loading", self.lang)
        if self.display.screen is not None:
            self.present()
        scenario = self.load_level(level)
        if scenario is not None:
            try:
                scenario = at_length(scenario, length or str(getattr(self.args, "length", None) or "full"))
            except ValueError:
                pass  # a scenario without a lesson length plays in full
        if scenario is None:
            self.dirty = True
            return False
        self.message = None
        if seed is None:
            seed = int(getattr(self.args, "seed", None) or int.from_bytes(os.urandom(4), "big") % 1_000_000)
        self.session = Session.new(scenario, level, seed, self.store if self.autosave_on else None)
        self.after_decision()
        return True

    def continue_game(self, game_id: str | None = None) -> bool:
        """Resume a game (the most recent by default), or its previous good save with a message."""
        try:
            session, notices = Session.resume(self.store, self.load_level, game_id)
        except SessionError as exc:
            self.message = exc.text(self.lang)
            self.dirty = True
            return False
        self._enter(session, notices)
        return True

    def load_payload(self, save: SaveFile, name: str = "save") -> bool:
        """Continue a named save as a new game; the save file itself is never written."""
        store = self.store if self.autosave_on else None
        try:
            session, notices = Session.from_save(save, self.load_level, store, name)
        except SessionError as exc:
            self.message = exc.text(self.lang)
            self.dirty = True
            return False
        self._enter(session, notices)
        return True

    def _enter(self, session: Session, notices: list[Notice]) -> None:
        self.session = session
        self.nav.clear_overlays()
        self.nav.sync_view()
        self.message = " ".join(n.text(self.lang) for n in notices) or None

    def act(self, action: Action) -> bool:
        """Apply a player's action; an impossible one becomes a message, never a crash."""
        if self.session is None:
            return False
        try:
            self.session.act(action)
        except Impossible as exc:
            self.message = i18n.refusal(exc, self.lang)  # the engine gives a key; the words are ours
            self.dirty = True
            return False
        self.message = None
        self.after_decision()
        return True

    def after_decision(self) -> None:
        if self.session is not None and self.session.save_error is not None:
            self.message = self.session.save_error.text(self.lang)
        if self.session is not None and getattr(self.args, "save_replay", None):
            # a team file kept up to date after every decision (--team NAME --save-replay FILE)
            try:
                write_json_atomic(self.args.save_replay, replay_dict(
                    self.session.game, getattr(self.args, "team", None) or "", getattr(self.args, "session", None) or ""))
            except OSError as exc:
                self.message = str(exc)
        self.nav.sync_view()
        self.dirty = True

    def can_undo(self) -> bool:
        return self.session is not None and self.session.can_undo()

    def do_undo(self) -> None:
        if self.session is None or self.nav.screen.name == "title":
            return
        if not self.settings.undo_allowed:
            self.message = t("undo_off", self.lang)
            return
        try:
            self.session.undo()
        except Impossible as exc:  # nothing to undo, or decisions the edited files no longer fit
            self.message = undo_refused(exc, self.lang)
            return
        self.nav.clear_overlays()
        self.after_decision()
        if self.message is None:
            self.message = t("undone", self.lang)

    def change_settings(self, **changes: object) -> None:
        for k, v in changes.items():
            setattr(self.settings, k, v)
        if not self.headless:
            self.store.save_settings(self.settings)
        self.relayout()

    # --- the loop ---------------------------------------------------------------------------
    def shoot_if_new(self) -> None:
        if self.shots is not None:
            self.shots.take_if_new(self.display.surface, self.nav.screen_key())

    def run(self) -> int:
        """Play until the window closes (or the auto run ends); the exit code."""
        if self.display.screen is None:
            self.open()
        self.present()
        self.shoot_if_new()
        if self.autoplay is not None:
            return self.autoplay.run(getattr(self.args, "level", "tutorial") or "tutorial")
        if getattr(self.args, "session", None):  # a session code: its scenario, length and luck at once
            self.start_game(self.args.level, seed=self.args.seed, length=self.args.length)
            if getattr(self.args, "room", None):  # the live room (issue 12); websockets only then
                from game.ui.room_link import join_window
                join_window(self)
        return watching.run(self) if getattr(self.args, "watch", False) else loop.run(self)


class WindowUnavailable(RuntimeError):
    """No window can be opened here (no display); the caller may fall back to the terminal."""


def run_window(args: argparse.Namespace) -> int:
    """Open the window and play; return the exit code. Raises ``WindowUnavailable``."""
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    app = App(args)
    try:
        try:
            app.open()
        except pygame.error as exc:
            raise WindowUnavailable(str(exc)) from None
        return app.run()
    finally:
        pygame.display.quit()


__all__ = ["App", "WindowUnavailable", "run_window"]
