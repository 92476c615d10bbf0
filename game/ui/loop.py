"""The window's event loop, for a person playing.

It draws only when something changed (an event, an animation frame) and otherwise sleeps in the
event queue, so an idle window costs next to nothing. While the vote is shown it wakes every
30 ms to move the animation on. With ``--screenshots`` (and no ``--auto``) each new screen is
saved as it appears, and the loop ends on the debrief.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.ui.app import App

ANIMATION_MS = 30  # the wake-up period while something moves
POLL_MS = 40  # drivers without a sleeping wait are polled gently


def clock_ms() -> int:
    """The time animations move by. Not ``pygame.time.get_ticks()``: it stays at 0 unless SDL's timer
    is initialised, and the window initialises only the display and the fonts."""
    return time.monotonic_ns() // 1_000_000


def wait_for_events(blocking: bool, animating: bool) -> list[pygame.event.Event]:
    """The next events: sleep for one where the driver can, else poll."""
    if animating:
        events = [pygame.event.wait(ANIMATION_MS)] if blocking else (pygame.time.wait(ANIMATION_MS), pygame.event.get())[1]
    elif blocking:
        events = [pygame.event.wait()]
    else:
        pygame.time.wait(POLL_MS)
        events = pygame.event.get()
    return events + pygame.event.get()


def run(app: App) -> int:
    blocking = app.display.blocking()
    while app.running:
        if app.dirty:
            app.present()
            if app.shots is not None:
                app.shoot_if_new()
                if app.game is not None and app.game.phase == "end" and app.nav.screen.name == "debrief":
                    break
        tick = app.nav.screen.animating()
        for event in wait_for_events(blocking, tick):
            if event.type != pygame.NOEVENT:
                app.handle(event)
        if app.nav.screen.animating():
            app.nav.screen.tick(clock_ms())
            app.dirty = True
        elif tick:
            app.dirty = True  # the last animation frame
    return 0
