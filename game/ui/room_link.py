"""The team's window joined to the live room (``play --session CODE --room ws://HOST:PORT``).

The room's client runs in its own thread; when the room pauses, holds or releases the teams, or
the connection drops or comes back, it sets the window's message and posts an event, so the
window, asleep in its event queue, wakes and draws it. A paused or held action is refused with
the room's words (``game.room.link``): the window never waits on the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game import i18n
from game.room.client import RoomClient
from game.room.link import banner, join

if TYPE_CHECKING:
    from game.ui.app import App


def join_window(app: App) -> RoomClient | None:
    """Link the app's session to the room named by ``--room``; the client, or None without a game."""
    if app.session is None:
        return None
    joined: list[RoomClient] = []

    def changed() -> None:  # the client's thread: plain assignments, and an event to wake the loop
        if joined:
            app.message = banner(joined[0], app.lang) or None
        app.dirty = True
        try:
            pygame.event.post(pygame.event.Event(pygame.USEREVENT, room=True))
        except pygame.error:
            pass  # the window is closing

    args = app.args
    client = join(args.room, args.session, getattr(args, "team", None) or "team", app.session, app.lang, on_change=changed)
    joined.append(client)
    app.message = i18n.text("room.joined", app.lang, address=args.room)
    return client


__all__ = ["join_window"]
