"""A team's game joined to the live room: the session tells the client of every decision and
undo, and the room's pause and hold are respected before an action is taken.

``link(session, client, lang, wait=…)``: in the window (``wait=None``) a paused or held action is
refused with the room's words, so the window never blocks; in the terminal (``wait`` a function
that shows a line) the game says why once, then waits for the facilitator's release.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable

from game import i18n
from game.engine.actions import Action, Impossible
from game.room.client import RoomClient
from game.session import Session


def control_text(state: str, lang: str) -> str:
    """What the team is told of the room's control (empty when it plays on)."""
    return {"pause": i18n.text("room.paused", lang), "hold": i18n.text("room.held", lang)}.get(state, "")


def refused_text(client: RoomClient, lang: str) -> str:
    """Why the room would not take this team, in ``lang`` (empty: it did)."""
    if client.refused is None:
        return ""
    return i18n.text("room.refused", lang, why=client.refused[1])


def banner(client: RoomClient, lang: str) -> str:
    """What the team's window shows of the room now (empty: nothing to say)."""
    if client.refused is not None:
        return refused_text(client, lang)
    if client.control != "play":
        return control_text(client.control, lang)
    return "" if client.connected else i18n.text("room.offline", lang)


def link(session: Session, client: RoomClient, lang: str, wait: Callable[[str], None] | None = None) -> None:
    """Join ``session``'s game to the room through ``client`` (already started)."""

    def gate(action: Action) -> None:
        why = client.check(action)
        if why is None or client.refused is not None:
            return  # a team the room refused plays on alone
        if wait is None:
            raise Impossible(control_text(why, lang))
        wait(control_text(why, lang))
        client.wait_allowed(action)
        wait(i18n.text("room.released", lang))

    session.gate = gate
    session.watchers.append(client.sync)
    client.sync(session.game)


def room_address(text: str) -> str:
    """``--room``: ``ws://HOST:PORT`` as ``host`` prints it (or ``HOST:PORT``, read as ws://); ValueError if not."""
    url = text.strip()
    if "://" not in url:
        url = "ws://" + url
    scheme, _, rest = url.partition("://")
    host, _, port = rest.rstrip("/").rpartition(":")
    if scheme not in ("ws", "wss") or not host or not port.isascii() or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{text[:80]!r} is not a room's address: it looks like ws://192.168.1.20:8765")
    return f"{scheme}://{host}:{int(port)}"


def join(url: str, code: str, team: str, session: Session, lang: str,
         wait: Callable[[str], None] | None = None, on_change: Callable[[], None] | None = None) -> RoomClient:
    """Start a client for this team, link the session to it, and make sure that, when the program
    ends, what is queued is sent (a few seconds at most: the autosave already holds every decision)."""
    client = RoomClient(url, code, team, on_change=on_change).start()
    link(session, client, lang, wait)

    def finish() -> None:
        client.wait_until_sent(3.0)
        client.close()

    atexit.register(finish)
    return client


__all__ = ["banner", "control_text", "join", "link", "refused_text", "room_address"]
