"""The live room's server: every team's decisions, its game rebuilt from them, its team file.

``Room`` is the room's state without the network (a test drives it directly): each team's
decisions in order, kept once each (the per-team sequence numbers, see ``protocol``), and the
team's game replayed from them with the session's scenario and seed. That replayed game is the
ground truth of what the facilitator sees (``status.standing``): a client's own figures are never
trusted. A code made for another session, or with other content, is refused (``codes.read``).

Team files (the same as ``play --team NAME --save-replay FILE`` writes) are written atomically
to the room's folder as the teams play, a quarter of a second at most behind, so ``compare`` works
from them afterwards, with or without the network.

``RoomServer`` puts a ``Room`` on a websockets asyncio server; ``RoomThread`` runs it in a
background thread (the facilitator's window, the tests and the load test drive it from there).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from game.codes import CodeError, read
from game.engine.actions import action_from_dict
from game.engine.defs import Scenario
from game.engine.game import Game
from game.room import protocol
from game.room.protocol import ProtocolError, clean_name, decode, encode
from game.room.status import Standing, standing
from game.saves import replay_dict, write_json_atomic
from game.store import slug

FLUSH_SECONDS = 0.25  # team files are at most this far behind the room
HELLO_SECONDS = 10.0  # a connection that says nothing for this long is closed
MAX_DECISIONS = 5_000  # as many as a scripted game may take (game.sim.simulate.MAX_ACTIONS): no game needs more


class Refused(Exception):
    """The room will not take this team or this message; ``key`` says why (the client shows it)."""

    def __init__(self, key: str, text: str) -> None:
        self.key = key
        super().__init__(text)


@dataclass
class Team:
    """One team as the room holds it."""

    team_id: str
    name: str
    game: Game
    decisions: list[dict[str, Any]] = field(default_factory=list)
    last_seq: int = 0  # the last decision number kept
    duplicates: int = 0  # decisions received again (after a reconnection) and not kept twice
    gaps: int = 0  # decisions that came before the ones they follow (the connection is then reset)
    connected: bool = False
    reported: int = 0  # how many decisions the team's own game says it holds
    broken: str = ""  # the first decision the room could not replay, in words (empty: none)
    dirty: bool = False  # its team file is behind
    standing: Standing | None = None
    file_tag: str = ""  # the team file's name keeps the first id's tag when a game reopens


@dataclass(frozen=True)
class Row:
    """A team as the facilitator's screen shows it (a copy: the screen reads it in its own thread)."""

    team_id: str
    name: str
    connected: bool
    standing: Standing
    behind: int  # decisions the team has made that the room does not hold yet
    broken: str


class Room:
    """The room's state for one session code. Not thread-safe on its own: ``RoomServer`` calls it
    from its event loop only, and ``rows()`` copies under a lock for other threads."""

    def __init__(self, scenario: Scenario, code: str, folder: Path | None = None) -> None:
        self.scenario = scenario  # at the session's length
        self.session = read(code, [scenario])  # the room's own code, read as teams' codes will be
        self.code = self.session.code
        self.folder = folder
        self.control = "play"
        self.teams: dict[str, Team] = {}
        self.version = 0  # moves on whenever what the facilitator sees changes
        self._lock = threading.Lock()
        self._writing = threading.Lock()

    # --- teams and their decisions --------------------------------------------------------
    def hello(self, message: dict[str, Any]) -> Team:
        """A team joins (or comes back); ``Refused`` for a code this room does not play."""
        try:
            found = read(message["code"], [self.scenario])
        except CodeError as exc:
            raise Refused(exc.key, str(exc)) from None
        if found.code != self.code:
            raise Refused("other_session", f"this room plays session {self.code}, not {found.code}")
        team_id = message["team"]
        name = clean_name(message["name"])
        with self._lock:
            team = self.teams.get(team_id) or self._take_over(team_id, name)
            if team is None:
                team = Team(team_id, name, Game(self.scenario, self.session.seed), file_tag=team_id[:6])
                team.standing = standing(team.game)
                team.dirty = True
                self.teams[team_id] = team
            team.connected = True
            self.version += 1
        return team

    def _take_over(self, team_id: str, name: str) -> Team | None:
        """A team's game opened again (``play --continue``) has a new id: it takes over the row of
        the team of that name that left, and sends its decisions again from the first."""
        gone = next((t for t in self.teams.values() if t.name == name and not t.connected), None)
        if gone is None:
            return None
        del self.teams[gone.team_id]
        gone.team_id, gone.last_seq = team_id, 0
        self.teams[team_id] = gone
        return gone

    def left(self, team: Team) -> None:
        with self._lock:
            team.connected = False
            self.version += 1

    def decision(self, team: Team, message: dict[str, Any]) -> int:
        """Keep a decision if it is the next one; the number to acknowledge. ``Refused`` on a gap
        (the client then reconnects and sends again everything after the last number kept)."""
        seq: int = message["seq"]
        at: int = message["at"]
        entry: dict[str, Any] | None = message["entry"]
        if seq <= team.last_seq:
            team.duplicates += 1
            return team.last_seq
        if seq > team.last_seq + 1 or at > len(team.decisions):
            team.gaps += 1
            raise Refused("gap", f"decision {seq} came before decision {team.last_seq + 1}")
        if at >= MAX_DECISIONS:
            raise Refused("too_many", f"a game holds at most {MAX_DECISIONS} decisions")
        with self._lock:
            team.last_seq = seq
            if at < len(team.decisions):  # an undo: the game is rebuilt from the decisions kept
                del team.decisions[at:]
                self._rebuild(team)
            if entry is not None:
                team.decisions.append(dict(entry))
                self._apply(team, len(team.decisions), entry)
            team.reported = max(team.reported, len(team.decisions))
            team.standing = standing(team.game)
            team.dirty = True
            self.version += 1
        return seq

    def status(self, team: Team, message: dict[str, Any]) -> None:
        """The team's own view of its game; where it holds as many decisions as the room's copy,
        their figures must be the same (else the two games differ: other content, a bug)."""
        with self._lock:
            team.reported = message["decisions"]
            own = team.standing
            if own is not None and not team.broken and message["decisions"] == len(team.decisions) \
                    and message["figures"] != own.figures:
                team.broken = "the team's own figures differ from the room's copy of its game"
                self.version += 1

    def _apply(self, team: Team, number: int, entry: dict[str, Any]) -> None:
        if team.broken:
            return  # the game stays at the last decision that fitted; the decisions are all kept
        try:
            team.game.apply(action_from_dict(entry))
        except Exception as exc:  # noqa: BLE001 - whatever a client sends, the room stays up and says which decision
            team.broken = f"decision {number} ({str(entry)[:80]}) does not fit: {exc}"

    def _rebuild(self, team: Team) -> None:
        team.game, team.broken = Game(self.scenario, self.session.seed), ""
        for i, entry in enumerate(team.decisions, 1):
            self._apply(team, i, entry)

    # --- what the room shows and writes ---------------------------------------------------
    def set_control(self, state: str) -> None:
        if state not in protocol.CONTROLS:
            raise ValueError(f"unknown control {state!r}")
        self.control = state
        self.version += 1

    def rows(self) -> list[Row]:
        """Every team, in the order they joined (safe to call from any thread)."""
        with self._lock:
            return [Row(t.team_id, t.name, t.connected, t.standing or standing(t.game),
                        max(0, t.reported - len(t.decisions)), t.broken) for t in self.teams.values()]

    def team_file(self, team: Team) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / f"{slug(team.name)}-{team.file_tag}.json"

    def pending_files(self) -> list[tuple[Path, dict[str, Any]]]:
        """The team files that are behind, with what to write in them (marked as written)."""
        out = []
        with self._lock:
            for team in self.teams.values():
                path = self.team_file(team)
                if team.dirty and path is not None:
                    data = replay_dict(team.game, team.name, self.code)
                    data["decisions"] = [dict(d) for d in team.decisions]  # every decision, fitting or not
                    out.append((path, data))
                team.dirty = False
        return out

    def flush(self) -> int:
        """Write the team files that are behind (atomically); how many were written. One flush at a
        time: a flush still writing (its task cancelled at the room's end) must not put an older
        copy of a file over the newer one the last flush writes."""
        with self._writing:
            pending = self.pending_files()
            if pending and self.folder is not None:
                self.folder.mkdir(parents=True, exist_ok=True)
            for path, data in pending:
                write_json_atomic(path, data)
            return len(pending)

    def totals(self) -> dict[str, int]:
        with self._lock:
            teams = list(self.teams.values())
            return {"teams": len(teams), "decisions": sum(len(t.decisions) for t in teams),
                    "kept": sum(t.last_seq for t in teams), "duplicates": sum(t.duplicates for t in teams),
                    "gaps": sum(t.gaps for t in teams), "connected": sum(t.connected for t in teams)}


class RoomServer:
    """A ``Room`` on the network: one websocket per team."""

    def __init__(self, room: Room, on_change: Callable[[], None] | None = None) -> None:
        self.room = room
        self.sockets: dict[str, ServerConnection] = {}
        self.write_error = ""
        self.on_change = on_change  # called from the server's thread, at most every FLUSH_SECONDS
        self._seen = -1

    async def handle(self, ws: ServerConnection) -> None:
        team: Team | None = None
        try:
            try:
                first = decode(await asyncio.wait_for(ws.recv(), HELLO_SECONDS))
                if first["type"] != "hello":
                    raise Refused("bad_message", "the first message is a hello")
                team = self.room.hello(first)
            except (ProtocolError, TimeoutError) as exc:
                raise Refused("bad_message", str(exc) or "no hello") from None
            old = self.sockets.get(team.team_id)
            self.sockets[team.team_id] = ws
            if old is not None:
                await old.close(1000, "the same team connected again")
            await ws.send(encode("welcome", team=team.team_id, acked=team.last_seq, control=self.room.control))
            await self._serve_team(ws, team)
        except Refused as exc:
            await _refuse(ws, exc)
        except ConnectionClosed:
            pass
        finally:
            if team is not None and self.sockets.get(team.team_id) is ws:
                del self.sockets[team.team_id]
                self.room.left(team)

    async def _serve_team(self, ws: ServerConnection, team: Team) -> None:
        async for raw in ws:
            try:
                message = decode(raw)
            except ProtocolError as exc:
                raise Refused("bad_message", str(exc)) from None
            if message.get("team") != team.team_id:
                raise Refused("bad_message", "a message for another team")
            if message["type"] == "decision":
                await ws.send(encode("ack", seq=self.room.decision(team, message)))
            elif message["type"] == "status":
                self.room.status(team, message)

    async def broadcast(self, state: str) -> None:
        """Pause, hold at the next vote, or release every team (and every team that joins later)."""
        self.room.set_control(state)
        text = encode("control", state=state)
        for ws in list(self.sockets.values()):
            try:
                await ws.send(text)
            except ConnectionClosed:
                pass  # it is told again when it comes back (welcome carries the control)

    async def flush_forever(self) -> None:
        while True:
            await asyncio.sleep(FLUSH_SECONDS)
            await self.flush()
            if self.on_change is not None and self.room.version != self._seen:
                self._seen = self.room.version
                self.on_change()

    async def flush(self) -> None:
        try:
            await asyncio.to_thread(self.room.flush)
            self.write_error = ""
        except OSError as exc:  # the room goes on; the facilitator's screen says the files are behind
            self.write_error = exc.strerror or str(exc)


async def _refuse(ws: ServerConnection, exc: Refused) -> None:
    try:
        await ws.send(encode("refused", key=exc.key, text=str(exc)[:300]))
        await ws.close(1008, exc.key[:60])
    except ConnectionClosed:
        pass


class RoomThread:
    """A ``RoomServer`` in a background thread with its own event loop: ``start()`` returns the
    port (0 asks the system for a free one), ``control()`` and ``stop()`` are safe from any thread."""

    def __init__(self, room: Room, host: str = "0.0.0.0", port: int = 0,  # noqa: S104 - the local network is the point
                 on_change: Callable[[], None] | None = None) -> None:
        self.room = room
        self.server = RoomServer(room, on_change)
        self.host, self.port = host, port
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()
        self.error: BaseException | None = None

    def start(self, timeout: float = 10.0) -> int:
        self._thread = threading.Thread(target=self._run, name="penholder-room", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout) or self.error is not None:
            raise OSError(f"the room cannot listen on port {self.port}: {self.error or 'no answer'}")
        return self.port

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # noqa: BLE001 - reported to the thread that started it
            self.error = exc
            self._ready.set()

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        server: Server
        async with serve(self.server.handle, self.host, self.port, compression=None, max_size=protocol.MAX_MESSAGE) as server:
            self.port = int(server.sockets[0].getsockname()[1]) if server.sockets else self.port
            flusher = asyncio.create_task(self.server.flush_forever())
            self._ready.set()
            await self._stopping.wait()
            flusher.cancel()
        await self.server.flush()

    def control(self, state: str) -> None:
        """Pause every team, hold every team at its next vote, or release them (``play``)."""
        if state not in protocol.CONTROLS:
            raise ValueError(f"unknown control {state!r}")
        loop = self._loop
        if loop is None or loop.is_closed():
            self.room.set_control(state)  # not listening (yet): teams hear it when they join
            return
        asyncio.run_coroutine_threadsafe(self.server.broadcast(state), loop).result(5)

    def stop(self) -> None:
        loop, stopping = self._loop, self._stopping
        if loop is not None and stopping is not None and not loop.is_closed():
            loop.call_soon_threadsafe(stopping.set)
        if self._thread is not None:
            self._thread.join(10)


__all__ = ["Refused", "Room", "RoomServer", "RoomThread", "Row", "Team"]
