"""The window's event loop, for a person playing.

It draws only when something changed (an event, an animation frame) and otherwise sleeps, so an
idle window costs next to nothing. It sleeps itself rather than in ``pygame.event.wait()``: that
wait polls SDL's queue every millisecond (about 800 wake-ups a second, 3% of a core under X11).
Just after an event the loop looks again every 10 ms, so typing and clicking feel immediate; the
longer nothing happens, the longer it sleeps, up to 60 ms (a key pressed after a long pause waits
at most that). While the vote is shown it wakes every 30 ms to move the animation on. With ``--screenshots`` (and no ``--auto``) each new screen is
saved as it appears, and the loop ends on the debrief.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pygame

from game.ui import watching

if TYPE_CHECKING:
    from game.ui.app import App

ANIMATION_MS = 30  # the wake-up period while something moves
# How long to sleep when nothing moves, by how long nothing has happened (ms since the last event).
IDLE_STEPS: tuple[tuple[int, int], ...] = ((500, 10), (5_000, 30))
IDLE_MAX_MS = 60


def clock_ms() -> int:
    """The time animations move by. Not ``pygame.time.get_ticks()``: it stays at 0 unless SDL's timer
    is initialised, and the window initialises only the display and the fonts."""
    return time.monotonic_ns() // 1_000_000


def idle_sleep_ms(quiet_ms: int) -> int:
    """How long the loop sleeps after ``quiet_ms`` without an event."""
    for limit, sleep in IDLE_STEPS:
        if quiet_ms < limit:
            return sleep
    return IDLE_MAX_MS


def wait_for_events(animating: bool, quiet_ms: int = 0) -> list[pygame.event.Event]:
    """The next events, after a sleep: short while animating or just after input, longer when idle."""
    time.sleep((ANIMATION_MS if animating else idle_sleep_ms(quiet_ms)) / 1000)
    return pygame.event.get()


def run(app: App) -> int:
    last_event = clock_ms()
    while app.running:
        if app.dirty:
            if app.nav.screen.moving():  # its first frame already from where the motion starts
                app.nav.screen.tick(clock_ms())
            app.present()
            if app.shots is not None:
                app.shoot_if_new()
                if app.game is not None and app.game.phase == "end" and app.nav.screen.name == "debrief":
                    break
        tick = app.nav.screen.animating() or app.nav.screen.moving()
        events = wait_for_events(tick, clock_ms() - last_event)
        for event in events:
            if event.type == watching.RELOAD_EVENT:  # play --watch: a content file was saved
                watching.handle(app, event)
            elif event.type != pygame.NOEVENT:
                app.handle(event)
        if events:
            last_event = clock_ms()
        if app.nav.screen.animating() or app.nav.screen.moving():
            app.nav.screen.tick(clock_ms())
            app.dirty = True
        elif tick:
            app.dirty = True  # the last animation frame
    return 0
