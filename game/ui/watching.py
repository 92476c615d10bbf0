"""``play --watch`` in the window: the watcher's thread posts ``RELOAD_EVENT``; the loop (``loop.run``)
hands it to ``handle`` on the main thread, between two events, which reloads the game's content
(``game.watch.reload_session``) and shows what happened in the message strip. The screen shown is
drawn again from the new content (a card with its new words); on the title screen the scenarios'
skipped notices are read again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game import i18n
from game.ui.views.title import TitleView
from game.watch import Watcher, reload_session, watched_folders

if TYPE_CHECKING:
    from game.ui.app import App

RELOAD_EVENT = pygame.event.custom_type()


def run(app: App) -> int:
    """The window's loop with the files watched; the watcher stops with the loop."""
    from game.ui import loop

    watcher = start(app)
    try:
        return loop.run(app)
    finally:
        watcher.stop()


def start(app: App) -> Watcher:
    """Watch the bundled scenarios and the one named by ``--level`` (with the folders it uses)."""
    level = str(getattr(app.args, "level", None) or "tutorial")
    return Watcher(watched_folders(level, with_bundled=True), _post_change, _post_error).start()


def _post(**attrs: Any) -> None:
    """Called on the watcher's thread: only a request for the main thread (SDL's queue is thread-safe)."""
    try:
        pygame.event.post(pygame.event.Event(RELOAD_EVENT, **attrs))
    except pygame.error:
        pass  # the window is closing


def _post_change(paths: list[Path]) -> None:
    _post(paths=[str(p) for p in paths])


def _post_error(exc: Exception) -> None:
    _post(paths=[], error=f"{type(exc).__name__}: {str(exc)[:200]}")


def handle(app: App, event: pygame.event.Event) -> None:
    """A reload request, on the main thread; never raises."""
    error = getattr(event, "error", None)
    if error:
        app.message = i18n.text("watch.stopped", app.lang, why=error)
        app.dirty = True
        return
    reload_window(app, [Path(p) for p in getattr(event, "paths", [])])


def reload_window(app: App, changed: list[Path]) -> None:
    """Reload the game's content and redraw what is shown; on the title screen, its notices.

    A game left for the title (Menu) is reloaded too, so that Continue plays the files as they
    are, but the title stays: a save never takes the player back into a game."""
    try:
        on_title = isinstance(app.nav.screen, TitleView)
        result = reload_session(app.session, changed) if app.session is not None else None
        if result is not None:
            app.message = result.text(app.lang)
            if result.swapped and not on_title:
                redraw(app)
        if on_title:
            title = TitleView(app)  # its skipped notices read again; the focus and the scroll stay
            title.scroll = app.nav.layers[0].view.scroll
            app.nav.layers[0].view = title
    except Exception as exc:  # noqa: BLE001 - the class plays on
        app.message = i18n.text("watch.fault", app.lang, why=f"{type(exc).__name__}: {str(exc)[:200]}")
    app.dirty = True


def redraw(app: App) -> None:
    """The screen shown, built again from the game as it is now (its focus kept): a view that
    keeps anything of the content from when it opened shows the new content. Any other screen
    (what a card did, the debrief) stays as it is: the player moves on from it when they choose."""
    from game.ui.navigator import PHASE_VIEWS

    layer = app.nav.layers[0]
    kind = type(layer.view)
    if app.game is not None and kind is PHASE_VIEWS.get(app.game.phase):
        fresh = kind(app)
        fresh.scroll = layer.view.scroll
        layer.view = fresh
