"""Input handlers, one per mode of the window (the python-tcod tutorial's pattern).

A handler handles one event and returns the handler for the next one: itself while the mode
holds, the handler of the new mode when the event (or anything since) changed it. A handler is
built once per change of mode, never per event.

Modes: a screen (its keys, then the keys every screen knows), an overlay (Esc closes it), a
question waiting for an answer (Esc answers no), a text field with the focus (typed keys go to
the field; other keys to the mode beneath) and the vote being shown (any key or click shows it all).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.ui.views.base import View

if TYPE_CHECKING:
    from game.ui.app import App

# Keys every screen understands (the views add their own maps).
GLOBAL_KEYS: dict[int, str] = {
    pygame.K_TAB: "tab_next",
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
WINDOW_EVENTS = (pygame.QUIT, pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED, pygame.WINDOWEXPOSED,
                 pygame.WINDOWRESTORED, pygame.WINDOWSHOWN)


class Handler:
    """What every mode shares: window events, the mouse on the controls, the view's keys and then
    the keys every screen knows."""

    mode = "screen"

    def __init__(self, app: App):
        self.app = app
        focus, nav = app.focus, app.nav
        self.commands: dict[str, Callable[[], object]] = {
            "focus_next": lambda: focus.move(1),
            "focus_prev": lambda: focus.move(-1),
            "tab_next": lambda: focus.tab(1),
            "tab_prev": lambda: focus.tab(-1),
            "why": focus.why,
            "activate": focus.activate,
            "back": self.back,
            "help": nav.open_help,
            "fullscreen": app.toggle_fullscreen,
            "page_up": lambda: focus.page(-1),
            "page_down": lambda: focus.page(1),
            "undo": app.do_undo,
        }

    @property
    def key(self) -> tuple[str, ...]:
        return (self.mode,)

    @property
    def view(self) -> View:
        return self.app.nav.top.view

    def handle(self, event: pygame.event.Event) -> Handler:
        if event.type in WINDOW_EVENTS:
            self.ev_window(event)
        else:
            self.dispatch(event)
        return next_handler(self.app, self)

    def ev_window(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.app.quit()
        elif event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.app.resized()
        else:
            self.app.dirty = True  # shown again: draw it

    def dispatch(self, event: pygame.event.Event) -> None:
        app, kind = self.app, event.type
        if kind == pygame.KEYDOWN:
            self.ev_keydown(event)
        elif kind == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if app.focus.click(event.pos):
                app.dirty = True
        elif kind == pygame.MOUSEWHEEL:
            app.focus.wheel(-int(event.y))
            app.dirty = True
        elif kind == pygame.MOUSEMOTION:
            if app.focus.hover(event.pos):
                app.dirty = True

    def ev_keydown(self, event: pygame.event.Event) -> None:
        if event.mod & pygame.KMOD_CTRL and event.key in CTRL_KEYS:
            self.command(CTRL_KEYS[event.key])
            return
        view_cmd = self.view.keymap.get(event.key)
        if view_cmd is not None and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
            if self.view.command(*view_cmd):
                self.app.dirty = True
                return
        cmd = GLOBAL_KEYS.get(event.key)
        if cmd == "tab_next" and event.mod & pygame.KMOD_SHIFT:
            cmd = "tab_prev"
        if cmd is None and getattr(event, "unicode", "") == "?":  # whatever the keyboard's layout
            cmd = "why"
        if cmd is not None:
            self.command(cmd)

    def command(self, cmd: str) -> None:
        self.commands[cmd]()
        self.app.dirty = True

    def back(self) -> None:
        """Esc: the view decides (back to the clauses, back to drafting, nothing)."""
        self.view.back()


class ScreenHandler(Handler):
    """A screen of the game or the title: its keys, the global keys, the mouse."""


class OverlayHandler(Handler):
    """A modal window (help, why?, saves): the screen below gets nothing; Esc closes it."""

    mode = "overlay"

    def back(self) -> None:
        if not self.view.back():
            self.app.nav.pop()


class ConfirmHandler(OverlayHandler):
    """A question waits for Yes or No (delete this save?): Esc answers No."""

    mode = "confirm"

    def back(self) -> None:
        self.view.cancel()


class TextEntryHandler(Handler):
    """A text field has the focus: typed text, Backspace and Enter go to it; every other key
    goes to the handler of the mode beneath (Tab leaves the field, Esc, F1…)."""

    mode = "text"

    def __init__(self, app: App, beneath: Handler):
        super().__init__(app)
        self.beneath = beneath

    @property
    def key(self) -> tuple[str, ...]:
        return (self.mode, *self.beneath.key)

    def dispatch(self, event: pygame.event.Event) -> None:
        field = self.app.focus.field()
        if field is not None and event.type == pygame.TEXTINPUT:
            field.insert(event.text)
        elif field is not None and event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            field.erase()
        elif field is not None and event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            field.submit()
        elif field is not None and event.type == pygame.KEYDOWN and event.unicode and event.unicode.isprintable() \
                and event.key != pygame.K_TAB:
            pass  # letters and digits arrive as text input; keep them from the keymaps
        else:
            self.beneath.dispatch(event)
            return
        self.app.dirty = True


class AnimationHandler(Handler):
    """While the vote is shown: any key or click shows it all at once (F1 and F11 still work)."""

    mode = "animation"

    def dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_F1, pygame.K_F11):
            super().dispatch(event)
        elif event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.view.finish_animation()
            self.app.dirty = True
        elif event.type == pygame.MOUSEMOTION:
            if self.app.focus.hover(event.pos):
                self.app.dirty = True


def mode_key(app: App) -> tuple[str, ...]:
    """The mode the window is in now, as a handler's ``key`` names it."""
    nav = app.nav
    top = nav.top.view
    if nav.overlay is None and top.animating():
        return (AnimationHandler.mode,)
    base = ConfirmHandler.mode if top.confirming() else OverlayHandler.mode if nav.overlay is not None \
        else ScreenHandler.mode
    return (TextEntryHandler.mode, base) if app.focus.field() is not None else (base,)


_BY_MODE: dict[str, type[Handler]] = {h.mode: h for h in (ScreenHandler, OverlayHandler, ConfirmHandler,
                                                          AnimationHandler)}


def next_handler(app: App, current: Handler | None) -> Handler:
    """``current`` while the mode holds; else the handler of the new mode, built now."""
    app.nav.events += 1  # (called once per input event: a passing note lasts until a later one changes the screen)
    key = mode_key(app)
    if current is not None and current.key == key:
        return current
    if key[0] == TextEntryHandler.mode:
        beneath = current.beneath if isinstance(current, TextEntryHandler) and current.beneath.key == key[1:] \
            else _BY_MODE[key[1]](app)
        return TextEntryHandler(app, beneath)
    return _BY_MODE[key[0]](app)
