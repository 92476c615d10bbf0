"""The window: the event loop, the view of each phase, input handlers per mode, saves and auto-play.

``run_window(args)`` is what ``python -m game`` calls. The loop is event-driven: it draws only
when something changed (an event, an animation frame) and otherwise sleeps in the event queue, so
an idle window costs next to nothing.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.session import Notice, Session, SessionError
from game.store import Settings, Store
from game.ui import theme
from game.ui.frame import Control, Fonts, Frame, clear_caches
from game.ui.strings import t

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (800, 500)
AUTO_STEP_MS = 700  # pace of --auto in a visible window (offscreen: as fast as it can)

# Keys every screen understands (the views add their own maps).
GLOBAL_KEYS: dict[int, str] = {
    pygame.K_TAB: "focus_next",
    pygame.K_DOWN: "focus_next",
    pygame.K_UP: "focus_prev",
    pygame.K_RETURN: "activate",
    pygame.K_KP_ENTER: "activate",
    pygame.K_SPACE: "activate",
    pygame.K_ESCAPE: "back",
    pygame.K_F1: "help",
    pygame.K_F11: "fullscreen",
    pygame.K_PAGEUP: "page_up",
    pygame.K_PAGEDOWN: "page_down",
}
CTRL_KEYS: dict[int, str] = {pygame.K_z: "undo"}
# Drivers whose event wait really sleeps; others are polled gently.
BLOCKING_DRIVERS = ("x11", "wayland", "windows", "cocoa", "kmsdrm", "android", "uikit")


def parse_size(text: str | None) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in str(text).lower().split("x"))
    except (TypeError, ValueError):
        return DEFAULT_SIZE
    return max(MIN_SIZE[0], min(w, 7680)), max(MIN_SIZE[1], min(h, 4320))


# --- input handlers, one per mode (python-tcod style) ---------------------------------------


class Handler:
    """Turns pygame events into commands for the app."""

    keymap: dict[int, str] = GLOBAL_KEYS

    def __init__(self, app: App):
        self.app = app

    def dispatch(self, event: pygame.event.Event) -> None:
        kind = event.type
        if kind == pygame.KEYDOWN:
            self.ev_keydown(event)
        elif kind == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.app.click(event.pos)
        elif kind == pygame.MOUSEWHEEL:
            self.app.wheel(-int(event.y))
        elif kind == pygame.MOUSEMOTION:
            self.app.hover(event.pos)
        elif kind == pygame.TEXTINPUT:
            if self.app.active_view().text_input(event.text):
                self.app.dirty = True

    def ev_keydown(self, event: pygame.event.Event) -> None:
        app = self.app
        if app.active_view().key_down(event):
            app.dirty = True
            return
        if event.mod & pygame.KMOD_CTRL and event.key in CTRL_KEYS:
            app.command(CTRL_KEYS[event.key], None)
            return
        view_cmd = app.active_view().keymap.get(event.key)
        if view_cmd is not None and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            if app.active_view().command(*view_cmd):
                app.dirty = True
                return
        cmd = self.keymap.get(event.key)
        if cmd == "focus_next" and event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT:
            cmd = "focus_prev"
        if cmd is not None:
            app.command(cmd, None)


class ScreenHandler(Handler):
    """A screen of the game or the title: every key of the view and the global map."""


class OverlayHandler(Handler):
    """A modal window (help, why?, saves): Esc closes it; the screen below gets nothing."""


class AnimationHandler(Handler):
    """While the vote is shown: any key or click shows it all at once (F1/F11 still work)."""

    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_F1, pygame.K_F11):
            super().dispatch(event)
        elif event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.app.view.finish_animation()
            self.app.dirty = True
        elif event.type == pygame.MOUSEMOTION:
            self.app.hover(event.pos)


# --- the app ---------------------------------------------------------------------------------


class App:
    def __init__(self, args: argparse.Namespace, store: Store | None = None):
        self.args = args
        self.auto_strategy: str | None = getattr(args, "auto", None)
        shots = getattr(args, "screenshots", None)
        self.shots_dir: Path | None = Path(shots) if shots else None
        self.store = store or Store()
        # An auto run never reads or overwrites the class's settings and saves.
        self.settings = Settings() if self.auto_strategy or self.shots_dir else self.store.load_settings()
        arg_lang = getattr(args, "lang", "en") or "en"
        if self.auto_strategy or self.shots_dir or arg_lang != "en":
            self.settings.lang = arg_lang if arg_lang in ("en", "fr") else "en"
        self.autosave_on = not self.auto_strategy
        self.size = parse_size(getattr(args, "size", None))
        self.screen: pygame.Surface | None = None
        self.fullscreen = False
        self.running = True
        self.dirty = True
        self.message: str | None = None
        self.focus_id: str | None = None
        self.mouse_pos: tuple[int, int] | None = None
        self.hover_id: str | None = None
        self.last_frame: Frame | None = None
        self._drawing: Any = None
        self.fonts: Fonts | None = None
        self.session: Session | None = None  # the game in play, with its own autosave
        self.view: Any = None
        self.overlay: Any = None
        self.saved_focus: str | None = None
        self.shot_count = 0
        self.shot_keys: list[str] = []
        self._shot_seen: set[str] = set()
        self.drafter: Any = None
        self.first_frame_s: float | None = None
        self.frame_times: list[float] = []
        self._scenarios: dict[str, tuple[Any, list[tuple[Path, float]]]] = {}
        self._shade: pygame.Surface | None = None

    # --- window ---------------------------------------------------------------------------
    def open(self) -> None:
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Penholder")
        self.screen = pygame.display.set_mode(self.size, pygame.RESIZABLE)
        pygame.key.set_repeat(400, 40)
        self.relayout()
        from game.ui.views.title import TitleView

        self.view = TitleView(self)

    def relayout(self) -> None:
        assert self.screen is not None
        h = self.screen.get_height()
        body = theme.body_px(self.settings.text_step, h)
        if self.fonts is None or self.fonts.body != body:
            self.fonts = Fonts(body)
            clear_caches()
        self.dirty = True

    def resized(self) -> None:
        surf = pygame.display.get_surface()
        if surf is not None:
            self.screen = surf
        self.relayout()

    def toggle_fullscreen(self) -> None:
        try:
            if not self.fullscreen:
                assert self.screen is not None
                self.size = self.screen.get_size()
                self.screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
                self.fullscreen = True
            else:
                self.screen = pygame.display.set_mode(self.size, pygame.RESIZABLE)
                self.fullscreen = False
        except pygame.error as exc:
            self.message = f"F11: {exc}"
        self.relayout()

    @property
    def lang(self) -> str:
        return self.settings.lang

    def palette(self) -> theme.Palette:
        return theme.palette(self.settings.high_contrast, self.settings.colour_blind)

    # --- drawing --------------------------------------------------------------------------
    def active_view(self) -> Any:
        return self.overlay if self.overlay is not None else self.view

    def view_scroll(self) -> dict[str, int]:
        target = self._drawing if self._drawing is not None else self.active_view()
        return target.scroll

    def draw(self) -> Frame:
        assert self.screen is not None and self.fonts is not None
        start = time.perf_counter()
        f = Frame(self, self.screen, self.palette(), self.fonts, self.lang)
        self._drawing = self.view
        self.view.draw(f)
        # focus order: the screen's content, then its actions, then the tools of the top bar
        rank = {"tool": 2, "action": 1}
        f.controls.sort(key=lambda c: rank.get(c.kind, 0))
        if self.overlay is not None:
            f.controls = []
            f.lists = {}
            if self._shade is None or self._shade.get_size() != self.screen.get_size():
                self._shade = pygame.Surface(self.screen.get_size())
                self._shade.fill((0, 0, 0))
                self._shade.set_alpha(150)
            self.screen.blit(self._shade, (0, 0))
            self._drawing = self.overlay
            self.overlay.draw(f)
        self._drawing = None
        ids = [c.id for c in f.controls]
        if self.focus_id not in ids:
            wanted = self.active_view().default_focus()
            visible = [c.id for c in f.controls if c.rect is not None]
            self.focus_id = wanted if wanted in visible else (visible[0] if visible else None)
        for c in f.controls:
            if c.id == self.focus_id and c.rect is not None:
                ring = c.rect.inflate(8, 8)
                pygame.draw.rect(self.screen, f.pal.focus, ring, 4, f.radius + 3)
                break
        self.last_frame = f
        self.frame_times.append(time.perf_counter() - start)
        if len(self.frame_times) > 5000:
            del self.frame_times[:1000]
        return f

    def present(self) -> None:
        self.draw()
        pygame.display.flip()
        self.dirty = False
        if self.first_frame_s is None:
            self.first_frame_s = time.perf_counter()

    # --- focus, mouse, commands -------------------------------------------------------------
    def controls(self) -> list[Control]:
        return self.last_frame.controls if self.last_frame else []

    def find(self, cid: str | None) -> Control | None:
        for c in self.controls():
            if c.id == cid:
                return c
        return None

    def move_focus(self, step: int) -> None:
        cs = self.controls()
        if not cs:
            return
        ids = [c.id for c in cs]
        i = ids.index(self.focus_id) if self.focus_id in ids else (-1 if step > 0 else 0)
        self.focus_id = ids[(i + step) % len(ids)]
        self.dirty = True

    def activate(self) -> None:
        c = self.find(self.focus_id)
        if c is None:
            return
        if c.action is None and c.scroll is not None:
            self.draw()  # scroll it into view, then use it
            c = self.find(self.focus_id)
        if c is not None and c.action is not None:
            c.action()
            self.dirty = True

    def click(self, pos: tuple[int, int]) -> None:
        self.mouse_pos = pos
        for c in reversed(self.controls()):
            if c.rect is not None and c.rect.collidepoint(pos):
                self.focus_id = c.id
                if c.action is not None:
                    c.action()
                self.dirty = True
                return

    def hover(self, pos: tuple[int, int]) -> None:
        self.mouse_pos = pos
        hit = None
        for c in reversed(self.controls()):
            if c.rect is not None and c.rect.collidepoint(pos):
                hit = c.id
                break
        if hit != self.hover_id:
            self.hover_id = hit
            self.dirty = True

    def wheel(self, steps: int) -> None:
        f = self.last_frame
        if f is None or not f.lists:
            return
        target = None
        if self.mouse_pos is not None:
            for info in f.lists.values():
                if info.rect.collidepoint(self.mouse_pos):
                    target = info
        if target is None:
            target = next(iter(f.lists.values()))
        self.scroll_list(target.id, steps)

    def scroll_list(self, lid: str, steps: int) -> None:
        f = self.last_frame
        if f is None or lid not in f.lists:
            return
        info = f.lists[lid]
        scroll = self.active_view().scroll
        first = max(0, min(info.total - 1, info.first + steps))
        scroll[lid] = first
        # move the focus along if it scrolled out of view
        visible = set()
        for k in range(first, min(info.total, first + max(1, info.shown))):
            visible.update(info.item_ids[k])
        if any(self.focus_id in ids for ids in info.item_ids) and self.focus_id not in visible:
            for k in range(first, info.total):
                if info.item_ids[k]:
                    self.focus_id = info.item_ids[k][0]
                    break
        self.dirty = True

    def page(self, direction: int) -> None:
        f = self.last_frame
        if f is None or not f.lists:
            return
        target = None
        for info in f.lists.values():
            if any(self.focus_id in ids for ids in info.item_ids):
                target = info
        if target is None:
            target = max(f.lists.values(), key=lambda i: i.total)
        self.scroll_list(target.id, direction * max(1, target.shown))

    def command(self, cmd: str, arg: Any) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "focus_next": lambda: self.move_focus(1),
            "focus_prev": lambda: self.move_focus(-1),
            "activate": self.activate,
            "back": self.back,
            "help": self.open_help,
            "fullscreen": self.toggle_fullscreen,
            "page_up": lambda: self.page(-1),
            "page_down": lambda: self.page(1),
            "undo": self.do_undo,
        }
        fn = handlers.get(cmd)
        if fn is not None:
            fn()
            self.dirty = True

    def handler(self) -> Handler:
        if self.overlay is not None:
            return OverlayHandler(self)
        if self.view is not None and self.view.animating():
            return AnimationHandler(self)
        return ScreenHandler(self)

    def handle(self, event: pygame.event.Event) -> None:
        """One event, from the queue or a test."""
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.resized()
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self.dirty = True
            return
        self.handler().dispatch(event)

    # --- overlays and navigation ----------------------------------------------------------
    def set_overlay(self, overlay: Any) -> None:
        if self.overlay is None:
            self.saved_focus = self.focus_id
        self.overlay = overlay
        self.focus_id = None
        self.dirty = True

    def close_overlay(self) -> None:
        self.overlay = None
        self.focus_id = self.saved_focus
        self.dirty = True

    def back(self) -> None:
        if self.overlay is not None:
            if not self.overlay.back():
                self.close_overlay()
            return
        self.view.back()

    def open_help(self) -> None:
        from game.ui.views.overlays import HelpOverlay

        if isinstance(self.overlay, HelpOverlay):
            self.close_overlay()
            return
        self.set_overlay(HelpOverlay(self, self.view.help_key))

    def open_why(self, quantity: str, quarter: int | None = None) -> None:
        from game.ui.views.overlays import WhyOverlay

        if self.game is None:
            return
        self.set_overlay(WhyOverlay(self, quantity, quarter))

    def open_continue(self) -> None:
        from game.ui.views.saves import ContinueOverlay

        self.set_overlay(ContinueOverlay(self))

    def open_saves(self) -> None:
        from game.ui.views.saves import SavesOverlay

        self.set_overlay(SavesOverlay(self))

    def goto_title(self) -> None:
        from game.ui.views.title import TitleView

        self.overlay = None
        self.view = TitleView(self)
        self.focus_id = None
        self.dirty = True

    def quit(self) -> None:
        self.running = False

    def set_view(self, view: Any) -> None:
        self.view = view
        self.overlay = None
        self.focus_id = None
        self.dirty = True

    def sync_view(self) -> None:
        """Show the view of the game's current phase (a new card is a new screen)."""
        from game.ui.views import for_phase

        cls = for_phase(self.game.phase)
        if not isinstance(self.view, cls) or self.view.stale():
            self.set_view(cls(self))

    # --- the game ---------------------------------------------------------------------------
    def level_name(self, folder: Path) -> str:
        from game.content.loader import levels_root

        try:
            if folder.resolve().parent == levels_root().resolve():
                return folder.name
        except OSError:
            pass
        return str(folder)

    def load_level(self, level: str) -> Any:
        """The scenario for ``level`` or None (with a message); kept while its files are unchanged."""
        from game.content.loader import load_scenario, resolve_level

        cached = self._scenarios.get(level)
        if cached is not None and all(_mtime(p) == m for p, m in cached[1]):
            return cached[0]
        loaded = load_scenario(resolve_level(level))
        if loaded.scenario is not None:
            self._scenarios[level] = (loaded.scenario, [(p, _mtime(p)) for p in loaded.files])
        if loaded.scenario is None:
            first = loaded.problems[0] if loaded.problems else "no scenario"
            self.message = t("unplayable", self.lang, msg=str(first))
            return None
        return loaded.scenario

    @property
    def game(self) -> Any:
        """The engine's ``Game`` in play, or None on the title screen."""
        return self.session.game if self.session is not None else None

    @property
    def level(self) -> str:
        return self.session.level if self.session is not None else ""

    def show_notices(self, notices: list[Notice]) -> None:
        self.message = " ".join(n.text(self.lang) for n in notices) or None

    def start_game(self, level: str, seed: int | None = None) -> bool:
        """A new game of its own: it never touches another game's autosave."""
        self.message = t("loading", self.lang)
        if self.screen is not None:
            self.present()
        scenario = self.load_level(level)
        if scenario is None:
            self.dirty = True
            return False
        self.message = None
        seed = int(seed if seed is not None else getattr(self.args, "seed", None) or int.from_bytes(os.urandom(4), "big") % 1_000_000)
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

    def load_payload(self, save: Any, name: str = "save") -> bool:
        """Continue a named save as a new game; the save file itself is never written."""
        try:
            session, notices = Session.from_save(save, self.load_level, self.store if self.autosave_on else None, name)
        except SessionError as exc:
            self.message = exc.text(self.lang)
            self.dirty = True
            return False
        self._enter(session, notices)
        return True

    def _enter(self, session: Session, notices: list[Notice]) -> None:
        self.session = session
        self.overlay = None
        self.sync_view()
        self.show_notices(notices)
        self.dirty = True

    def act(self, action: Any) -> bool:
        """Apply a player's action; an impossible one becomes a message, never a crash."""
        from game.engine.actions import Impossible

        if self.session is None:
            return False
        try:
            self.session.act(action)
        except Impossible as exc:
            self.message = str(exc)
            self.dirty = True
            return False
        self.message = None
        self.after_decision()
        return True

    def after_decision(self) -> None:
        if self.session is not None and self.session.save_error is not None:
            self.message = self.session.save_error.text(self.lang)
        self.sync_view()
        self.dirty = True

    def can_undo(self) -> bool:
        return self.session is not None and self.session.can_undo()

    def do_undo(self) -> None:
        from game.engine.actions import Impossible

        if self.session is None or self.view is None or self.view.name == "title":
            return
        if not self.settings.undo_allowed:
            self.message = t("undo_off", self.lang)
            return
        try:
            self.session.undo()
        except Impossible:
            self.message = t("nothing_to_undo", self.lang)
            return
        self.overlay = None
        self.after_decision()
        if self.message is None:
            self.message = t("undone", self.lang)

    def change_settings(self, **changes: Any) -> None:
        for k, v in changes.items():
            setattr(self.settings, k, v)
        if not (self.auto_strategy or self.shots_dir):
            self.store.save_settings(self.settings)
        self.relayout()

    # --- screenshots and auto-play ----------------------------------------------------------
    def screenshot(self, key: str) -> None:
        if self.shots_dir is None or self.screen is None:
            return
        self.shots_dir.mkdir(parents=True, exist_ok=True)
        self.shot_count += 1
        name = f"{self.shot_count:03d}-{key}.png"
        pygame.image.save(self.screen, str(self.shots_dir / name))
        self.shot_keys.append(key)

    def current_key(self) -> str:
        key = self.view.screen_key()
        if self.overlay is not None:
            key += "-" + self.overlay.screen_key()
        return key

    def shoot_if_new(self) -> None:
        key = self.current_key()
        if key not in self._shot_seen:
            self._shot_seen.add(key)
            self.screenshot(key)

    def frame_and_shoot(self) -> None:
        self.present()
        self.shoot_if_new()

    def auto_step(self) -> None:
        """One move of --auto: show the screen (and its picture), then let the drafter act."""
        if self.view.animating():
            self.view.finish_animation()
        self.frame_and_shoot()
        extra = getattr(self.view, "auto_extras", None)
        if extra is not None and self.shots_dir is not None:
            for step in extra():
                step()
                self.frame_and_shoot()
        if self.game is None or self.game.phase == "end":
            self.running = False
            return
        if self.drafter is None:
            from game.sim.drafters import drafter_for

            self.drafter = drafter_for(self.auto_strategy or "status-quo", self.game.seed, self.game.scenario)
        self.act(self.drafter.choose(self.game))

    # --- the loop ---------------------------------------------------------------------------
    def run(self) -> int:
        if self.screen is None:
            self.open()
        self.present()
        if self.auto_strategy or self.shots_dir:
            self.shoot_if_new()
        if self.auto_strategy:
            return self.run_auto()
        blocking = pygame.display.get_driver().lower() in BLOCKING_DRIVERS
        while self.running:
            if self.dirty:
                self.present()
                if self.shots_dir is not None:
                    self.shoot_if_new()
                    if self.game is not None and self.game.phase == "end" and self.view.name == "debrief":
                        break
            tick = self.view.animating()
            if tick:
                events = [pygame.event.wait(30)] if blocking else (pygame.time.wait(30), pygame.event.get())[1]
            elif blocking:
                events = [pygame.event.wait()]
            else:
                pygame.time.wait(40)  # drivers without a sleeping wait: poll gently
                events = pygame.event.get()
            events += pygame.event.get()
            for event in events:
                if event.type != pygame.NOEVENT:
                    self.handle(event)
            if self.view.animating():
                self.view.tick(pygame.time.get_ticks())
                self.dirty = True
            elif tick:
                self.dirty = True  # the last animation frame
        return 0

    def run_auto(self) -> int:
        from game.content.loader import resolve_level

        level = self.level_name(resolve_level(getattr(self.args, "level", "tutorial") or "tutorial"))
        if not self.start_game(level):
            self.present()
            print(f"penholder: {self.message}")
            return 2
        visible = pygame.display.get_driver().lower() not in ("dummy", "offscreen")
        while self.running:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    return 0
                if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
                    self.resized()
            self.auto_step()
            if visible:
                pygame.time.wait(AUTO_STEP_MS)
        return 0


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


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


__all__ = ["App", "WindowUnavailable", "run_window", "parse_size"]
