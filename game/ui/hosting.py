"""'Host a workshop' on the title screen: the same live room as ``python -m game host``, started
from the window (the scenario last focused on the title, After Algiers, the main classroom
scenario, until one is; at the length the title shows, with new luck), on port 8765 or, if that
one is taken, any free port. The facilitator's screen
(``views.room``) then shows the code and the address to join; closing the window ends the room,
the team files written."""

from __future__ import annotations

import atexit
import os
from typing import TYPE_CHECKING

import pygame

from game.codes import make
from game.engine.defs import at_length
from game.store import data_dir
from game.ui.strings import t

if TYPE_CHECKING:
    from game.ui.app import App

WORKSHOP_LEVEL = "after-algiers"  # the title's workshop buttons use it until a scenario is focused
PORT = 8765


def host_from_title(app: App, level: str, length: str) -> bool:
    """Start the room for ``level`` and show it; False (with the reason as the window's message)
    if it cannot."""
    from game.room.server import Room, RoomThread  # websockets: only when a room is hosted

    scenario = app.load_level(level)
    if scenario is None:
        app.dirty = True
        return False
    try:
        scenario = at_length(scenario, length)
    except ValueError:
        pass  # a scenario without a lesson length is hosted in full
    code = make(scenario, scenario.length, int.from_bytes(os.urandom(4), "big") % 1_000_000)
    room = Room(scenario, code, data_dir() / "rooms" / code)

    def wake() -> None:  # the server's thread: the window, asleep in its event queue, draws again
        app.dirty = True
        try:
            pygame.event.post(pygame.event.Event(pygame.USEREVENT, room=True))
        except pygame.error:
            pass

    thread, problem = None, ""
    for wanted in (PORT, 0):
        try:
            thread = RoomThread(room, "0.0.0.0", wanted, on_change=wake)  # noqa: S104 - the local network is the point
            port = thread.start()
            break
        except OSError as exc:
            thread, problem = None, str(exc)
    if thread is None:
        app.message = t("room.no_port", app.lang, why=problem)
        app.dirty = True
        return False
    atexit.register(thread.stop)  # the last team files written when the window closes
    from game.commands.host import lan_addresses
    from game.ui.views.room import RoomView

    app.nav.switch_screen(RoomView(app, thread, [f"ws://{a}:{port}" for a in lan_addresses()]))
    return True


__all__ = ["host_from_title"]
