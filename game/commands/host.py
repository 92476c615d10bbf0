"""``python -m game host``: the facilitator's live room on the local network (issue 12).

It makes the session code (the scenario, its length, the seed and the content version), starts
the room's server (``game.room.server``, websockets) and prints the code and the addresses to
join; then it shows every team live, in a window (``game.ui.views.room``) or, with ``--headless``
or where no window can open, as a table in the terminal, where p, h and r (then Enter) pause,
hold at the next vote and release. Team files are written to ``--folder`` as the teams play, so
``python -m game compare FOLDER/*.json`` works afterwards, with or without the network.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game import i18n
from game.engine.defs import tr

if TYPE_CHECKING:  # the room (and websockets) is imported when a room is hosted, not to build the
    # command line: 'check' and 'simulate' run where websockets is not installed
    from game.room.server import Room, RoomThread

DEFAULT_PORT = 8765
PROBE = ("10.255.255.255", 1)  # a private address: connecting a UDP socket to it sends nothing
KEYS = {"p": "pause", "h": "hold", "r": "play"}


def lan_addresses() -> list[str]:
    """This machine's address on the local network, found without sending anything (a UDP
    socket's connect only picks the route), then loopback; loopback alone when there is none."""
    found: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(PROBE)
            address = str(probe.getsockname()[0])
            if address and not address.startswith(("127.", "0.")):
                found.append(address)
    except OSError:
        pass
    return [*found, "127.0.0.1"]


def table(room: Room, lang: str) -> str:
    from game.room.words import draft_text, figures_text, lookup, team_lines, where_text

    """The live room as plain text: one block per team."""
    t = lookup(lang)
    rows = room.rows()
    out = [t("room.teams", n=len(rows), connected=sum(r.connected for r in rows)) + " · " + t(f"room.state.{room.control}")]
    if not rows:
        out.append(t("room.none"))
    for row in rows:
        head = " · ".join(text for text, _style in team_lines(row, t))
        out.append(f"- {head} | {where_text(row, t)}")
        out.append(f"    {draft_text(row, room.scenario, lang, t)}")
        out.append(f"    {figures_text(row, t)}")
    return "\n".join(out)


def cmd_host(args: argparse.Namespace) -> int:
    from game.cli import _load, _window_available
    from game.codes import make
    from game.room.server import Room
    from game.room.words import lookup
    from game.store import data_dir

    scenario = _load(args.level, args.length)
    if scenario is None:
        return 2
    code = make(scenario, args.length, args.seed)
    folder = Path(args.folder) if args.folder else data_dir() / "rooms" / code
    room = Room(scenario, code, folder)
    woken: list[Callable[[], None]] = []

    def on_change() -> None:
        for wake in woken:
            wake()

    thread = _listen(room, args.port, on_change)
    if thread is None:
        return 1
    port = thread.port
    addresses = [f"ws://{a}:{port}" for a in lan_addresses()]
    t = lookup(args.lang)
    print(t("room.title", scenario=tr(scenario.title, args.lang)))
    print(t("room.join", code=code, address=addresses[0]))
    print(t("room.files", folder=str(folder)))
    for address in addresses:
        print(address)
    print(code, flush=True)
    try:
        if not args.headless and _window_available():
            return _window(args, thread, addresses, woken)
        return _terminal(room, thread, args.lang, woken)
    except KeyboardInterrupt:
        return 0
    finally:
        thread.stop()
        print(f"python -m game compare {folder}{os.sep}*.json", file=sys.stderr)


def _listen(room: Room, port: int | None, on_change: Callable[[], None]) -> RoomThread | None:
    """The room listening on ``port``; without ``--port``, on 8765 or, if it is taken, any free port."""
    from game.room.server import RoomThread

    problem = ""
    for wanted in (DEFAULT_PORT, 0) if port is None else (port,):
        thread = RoomThread(room, "0.0.0.0", wanted, on_change=on_change)  # noqa: S104 - the local network
        try:
            thread.start()
            return thread
        except OSError as exc:
            problem = str(exc)
    print(f"penholder: {problem}", file=sys.stderr)
    return None


def _terminal(room: Room, thread: RoomThread, lang: str, woken: list[Callable[[], None]]) -> int:
    """The table, printed again whenever it changes; p, h, r (then Enter) control the room."""
    changed = threading.Event()
    woken.append(changed.set)
    done = threading.Event()

    def keys() -> None:
        for line in sys.stdin:
            if line.strip().lower()[:1] == "q":
                break
            state = KEYS.get(line.strip().lower()[:1])
            if state is not None:
                thread.control(state)
                changed.set()
        done.set()  # q, the end of input (Ctrl-D) or Ctrl-C ends the room
        changed.set()

    threading.Thread(target=keys, name="penholder-room-keys", daemon=True).start()
    print(f"[p] {i18n.text('room.pause_all', lang)} · [h] {i18n.text('room.hold_vote', lang)} · "
          f"[r] {i18n.text('room.release', lang)} · [q] {i18n.text('quit', lang)}", flush=True)
    changed.set()
    while not done.is_set():
        if changed.wait(1.0):
            changed.clear()
            print("\n" + table(room, lang), flush=True)
        time.sleep(0.5)  # at most two tables a second, however fast the teams play
    print("\n" + table(room, lang), flush=True)
    return 0


def _window(args: argparse.Namespace, thread: RoomThread, addresses: list[str], woken: list[Callable[[], None]]) -> int:
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.ui import loop
    from game.ui.app import App
    from game.ui.views.room import RoomView

    args.auto, args.screenshots, args.text, args.save_replay = None, None, False, None
    app = App(args)
    try:
        app.open()
        app.nav.switch_screen(RoomView(app, thread, addresses))

        def wake() -> None:
            app.dirty = True
            try:
                pygame.event.post(pygame.event.Event(pygame.USEREVENT, room=True))
            except pygame.error:
                pass

        woken.append(wake)
        return loop.run(app)
    finally:
        pygame.display.quit()


def port_number(text: str) -> int:
    from game.cli import _integer

    return _integer(text, 0, 65535, "the port")


def register(sub: Any) -> None:
    from game.cli import (
        LANG_HELP,
        LANGUAGES,
        _length_arg,
        _level_arg,
        _seed_arg,
        window_size,
        writable_folder,
    )

    p = sub.add_parser("host", help="the facilitator's live room: teams join with the code and the address it prints")
    p.add_argument("--port", type=port_number, default=None, metavar="N",
                   help="the port teams connect to, 1 to 65535, or 0 for any free one "
                        f"(default: {DEFAULT_PORT}, or any free one if it is taken)")
    _level_arg(p, "after-algiers")
    _length_arg(p, "lesson")
    _seed_arg(p, None, "the session's luck")
    p.add_argument("--folder", type=writable_folder, default=None, metavar="DIR",
                   help="where the team files are written as the teams play (default: rooms/CODE in the data folder)")
    p.add_argument("--headless", action="store_true",
                   help="show the room as a table in the terminal (default: a window where a display exists)")
    p.add_argument("--lang", default="en", choices=LANGUAGES, help=LANG_HELP)
    p.add_argument("--size", type=window_size, default="1280x720", metavar="WxH", help="window size (default: 1280x720)")
    p.set_defaults(func=cmd_host, parser=p)


__all__ = ["cmd_host", "lan_addresses", "register", "table"]
