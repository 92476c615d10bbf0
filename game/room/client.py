"""A team's side of the live room, in a background thread: the game never waits on the network.

The game tells the client what it now holds (``sync(game.decisions)`` after every decision and
every undo); the client works out what changed, numbers each change (``seq``) and queues it. A
thread with its own asyncio loop sends the queue, reads the room's acknowledgements and controls,
and reconnects with a growing wait (0.2 s, doubling, at most 5 s) when the connection drops. On
each connection the room says the last number it holds and the client sends everything after it
again, so nothing is lost and nothing is kept twice. Every change stays in memory until the game
ends, so even a room restarted from nothing is filled in again.

The room's controls are kept in ``control`` (``play``, ``pause``, ``hold``) and respected through
``check(action)``: a pause stops every decision, a hold stops the next vote (``CallVote``) until
the facilitator releases the teams. The window refuses such an action with a message
(``check``); the terminal, which has nothing else to do, waits (``wait_allowed``).
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidURI, WebSocketException

from game.engine.actions import Action, CallVote
from game.engine.game import Game
from game.room import protocol
from game.room.protocol import ProtocolError, decode, encode
from game.room.status import standing

FIRST_WAIT, LONGEST_WAIT = 0.2, 5.0  # seconds between attempts to reconnect


def new_team_id() -> str:
    return os.urandom(8).hex()


class RoomClient:
    """One team's connection to the room. ``start()`` it, ``sync()`` it after every decision."""

    def __init__(self, url: str, code: str, name: str, team_id: str | None = None,
                 on_change: Callable[[], None] | None = None, first_wait: float = FIRST_WAIT) -> None:
        self.url, self.code, self.name = url, code, protocol.clean_name(name) or "team"
        self.team_id = team_id or new_team_id()
        self.on_change = on_change  # called from the client's thread when control or connection change
        self.control = "play"
        self.connected = False
        self.refused: tuple[str, str] | None = None  # (key, text): the room will not take this team
        self.reconnections = 0
        self.drops = 0  # connections cut by drop()
        self._first_wait = first_wait
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._log: list[dict[str, Any]] = []  # every change, numbered from 1
        self._mirror: list[dict[str, Any]] = []  # the decisions as the room will hold them
        self._status: dict[str, Any] | None = None
        self._acked = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._stop: asyncio.Event | None = None
        self._ws: ClientConnection | None = None
        self._closing = False
        self._thread: threading.Thread | None = None

    # --- the game's side (any thread; never blocks on the network) ---------------------------
    def start(self) -> RoomClient:
        self._thread = threading.Thread(target=self._run, name="penholder-room-client", daemon=True)
        self._thread.start()
        return self

    def sync(self, game: Game) -> None:
        """Queue what changed in ``game``'s decisions since the last call, and where it is."""
        decisions = game.decisions
        with self._lock:
            same = 0
            for mine, theirs in zip(self._mirror, decisions, strict=False):
                if mine != theirs:
                    break
                same += 1
            changes: list[tuple[int, dict[str, Any] | None]] = [(i, dict(d)) for i, d in enumerate(decisions[same:], same)]
            if not changes and same < len(self._mirror):
                changes = [(same, None)]  # an undo alone
            for at, entry in changes:
                self._log.append({"seq": len(self._log) + 1, "at": at, "entry": entry})
            self._mirror = [dict(d) for d in decisions]
            now = standing(game)
            self._status = {"year": now.year, "quarter": now.quarter, "phase": now.phase, "decisions": now.decisions,
                            "figures": now.figures, "draft": now.draft, "danger": list(now.danger)}
        self._poke()

    def check(self, action: Action) -> str | None:
        """Why the room stops ``action`` now (``pause`` or ``hold``), or None."""
        if self.control == "pause":
            return "pause"
        if self.control == "hold" and isinstance(action, CallVote):
            return "hold"
        return None

    def wait_allowed(self, action: Action, timeout: float | None = None) -> bool:
        """Wait until the room lets ``action`` through (the terminal's way); False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self.check(action) is None or self.refused is not None, timeout)

    @property
    def sent(self) -> int:
        """Changes queued so far."""
        return len(self._log)

    @property
    def pending(self) -> int:
        """Changes the room has not acknowledged yet."""
        with self._lock:
            return len(self._log) - self._acked

    def wait_until_sent(self, timeout: float) -> bool:
        """Wait until the room holds every change (tests, the load test, the end of a game)."""
        with self._changed:
            return self._changed.wait_for(lambda: self._acked >= len(self._log) or self.refused is not None, timeout)

    def drop(self) -> None:
        """Cut the connection at once, as a network failure would (the load test, the tests)."""
        loop, ws = self._loop, self._ws
        if loop is not None and ws is not None:
            self.drops += 1
            self._ws = None  # one cut per connection, however often this is called before it is seen
            loop.call_soon_threadsafe(ws.transport.abort)

    def close(self, timeout: float = 2.0) -> None:
        self._closing = True
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:
                pass
        self._poke()
        if self._thread is not None:
            self._thread.join(timeout)

    def _poke(self) -> None:
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(wake.set)
            except RuntimeError:
                pass  # the loop just closed

    def _changed_now(self) -> None:
        with self._changed:
            self._changed.notify_all()
        if self.on_change is not None:
            self.on_change()

    # --- the network's side (the client's thread) ------------------------------------------
    def _run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._wake, self._stop = asyncio.Event(), asyncio.Event()
        wait = self._first_wait
        while not self._closing and self.refused is None:
            try:
                async with connect(self.url, compression=None, max_size=protocol.MAX_MESSAGE, open_timeout=5) as ws:
                    self._ws = ws
                    await self._session(ws)
            except (OSError, ConnectionClosed, WebSocketException, ProtocolError, TimeoutError) as exc:
                if isinstance(exc, InvalidURI):
                    self.refused = ("bad_address", str(exc))
            finally:
                self._ws = None
                if self.connected:
                    self.connected = False
                    self._changed_now()
            if self._closing or self.refused is not None:
                break
            self.reconnections += 1
            await self._sleep(wait)
            wait = min(LONGEST_WAIT, wait * 2)
        self._changed_now()

    async def _sleep(self, seconds: float) -> None:
        assert self._stop is not None
        try:
            await asyncio.wait_for(self._stop.wait(), seconds)
        except TimeoutError:
            pass

    async def _session(self, ws: ClientConnection) -> None:
        await ws.send(encode("hello", code=self.code, name=self.name, team=self.team_id))
        welcome = decode(await asyncio.wait_for(ws.recv(), 10))
        if welcome["type"] == "refused":
            self.refused = (welcome["key"], welcome["text"])
            return
        if welcome["type"] != "welcome":
            raise ProtocolError("the room did not welcome this team")
        with self._lock:
            self._acked = min(welcome["acked"], len(self._log))
        self.control, self.connected = welcome["control"], True
        self._changed_now()
        tasks = {asyncio.create_task(self._send(ws, welcome["acked"])), asyncio.create_task(self._receive(ws))}
        done, rest = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in rest:
            task.cancel()
        await asyncio.gather(*rest, return_exceptions=True)
        errors = [task.exception() for task in done]  # every one read, so none is logged as lost
        first = next((e for e in errors if e is not None), None)
        if first is not None:
            raise first  # a closed connection: the caller reconnects

    async def _send(self, ws: ClientConnection, after: int) -> None:
        assert self._wake is not None
        sent = after
        while not self._closing:
            self._wake.clear()  # before reading the queue: a change made meanwhile wakes us again
            with self._lock:
                batch = self._log[sent:]
                status, self._status = self._status, None
            for message in batch:
                await ws.send(encode("decision", team=self.team_id, **message))
                sent = message["seq"]
            if status is not None:
                await ws.send(encode("status", team=self.team_id, **status))
            if not batch and status is None:
                await self._wake.wait()
        await ws.close()

    async def _receive(self, ws: ClientConnection) -> None:
        async for raw in ws:
            message = decode(raw)
            if message["type"] == "ack":
                with self._changed:
                    self._acked = max(self._acked, message["seq"])
                    self._changed.notify_all()
            elif message["type"] == "control":
                self.control = message["state"]
                self._changed_now()
            elif message["type"] == "refused":
                self.refused = (message["key"], message["text"])
                self._changed_now()
                return


__all__ = ["RoomClient", "new_team_id"]
