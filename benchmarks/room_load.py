"""The live room under load: simulated teams on loopback, each a scripted drafter playing a whole
game at full speed and sending every decision, with connections cut at random.

    python benchmarks/room_load.py                       # 30 teams, After Algiers in full
    python benchmarks/room_load.py --teams 60 --drops 0.05 --undo 0.02

Each team plays in its own thread through its own ``RoomClient`` (its own thread and event loop,
as in a team's window); a share of decisions is followed by a forced disconnect (the socket
aborted, whatever was on its way lost) and another share by an undo. At the end every team's
decisions as the room holds them are compared with the team's own game: a decision the room
lacks is *dropped*, one it holds twice *duplicated*; the room's rebuilt game must equal the
team's, and so must the game rebuilt from the team file the room wrote (the comparison without
the network). Prints teams, decisions sent, received, dropped, duplicated, resends ignored,
reconnections and time. Target: 0 dropped, 0 duplicated.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.codes import make  # noqa: E402
from game.content.loader import levels_root, load_scenario  # noqa: E402
from game.engine.actions import Impossible  # noqa: E402
from game.engine.defs import Scenario, at_length  # noqa: E402
from game.engine.game import END, Game  # noqa: E402
from game.room.client import RoomClient  # noqa: E402
from game.room.server import Room, RoomThread  # noqa: E402
from game.sim.drafters import DRAFTERS, drafter_for  # noqa: E402
from game.sim.teams import rebuild  # noqa: E402
from game.store import undo  # noqa: E402

STRATEGIES = [name for name, spec in DRAFTERS.items() if not spec.get("needs_record")]


def play_team(i: int, scenario: Scenario, seed: int, url: str, code: str, drops: float, undos: float,
              out: dict[int, tuple[Game, RoomClient]]) -> None:
    rng = random.Random(seed * 1000 + i)
    team = RoomClient(url, code, f"Team {i + 1:02d}", first_wait=0.05).start()
    game = Game(scenario, seed)
    drafter = drafter_for(STRATEGIES[i % len(STRATEGIES)], seed + i, scenario)
    while game.phase != END:
        if game.decisions and rng.random() < undos:
            try:
                game = undo(game)
            except Impossible:
                pass
        else:
            game.apply(drafter.choose(game))
        team.sync(game)
        if rng.random() < drops:
            wait_connected(team)
            team.drop()  # whatever is on its way is lost with the socket
    out[i] = (game, team)


def wait_connected(team: RoomClient, timeout: float = 2.0) -> None:
    """A cut is a cut of a live connection: wait for the reconnection (the game goes on meanwhile
    in a real window; here the scripted team would otherwise outrun its own client)."""
    end = time.monotonic() + timeout
    while not team.connected and time.monotonic() < end:
        time.sleep(0.005)


def counts(held: list[dict[str, object]], own: list[dict[str, object]]) -> tuple[int, int]:
    """(dropped, duplicated): the team's decisions the room lacks, and the ones it holds too many."""
    a = [json.dumps(d, sort_keys=True) for d in own]
    b = [json.dumps(d, sort_keys=True) for d in held]
    same = sum(block.size for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return len(a) - same, len(b) - same


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--teams", type=int, default=30)
    p.add_argument("--level", default="after-algiers")
    p.add_argument("--length", default="full", choices=["lesson", "full"])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--drops", type=float, default=0.03, help="share of decisions followed by a forced disconnect")
    p.add_argument("--undo", type=float, default=0.02, help="share of moves that undo the last decision")
    p.add_argument("--timeout", type=float, default=120.0)
    args = p.parse_args(argv)

    loaded = load_scenario(levels_root() / args.level).scenario
    if loaded is None:
        print(f"cannot load {args.level}", file=sys.stderr)
        return 2
    scenario = at_length(loaded, args.length)
    code = make(scenario, args.length, args.seed)
    folder = Path(tempfile.mkdtemp(prefix="room-load-"))
    room = Room(scenario, code, folder)
    host = RoomThread(room, "127.0.0.1", 0)
    url = f"ws://127.0.0.1:{host.start()}"

    start = time.perf_counter()
    done: dict[int, tuple[Game, RoomClient]] = {}
    players = [threading.Thread(target=play_team, args=(i, scenario, args.seed, url, code, args.drops, args.undo, done))
               for i in range(args.teams)]
    for t in players:
        t.start()
    for t in players:
        t.join(args.timeout)
    played = time.perf_counter() - start
    unsent = [i for i, (_g, c) in done.items() if not c.wait_until_sent(max(1.0, args.timeout - played))]
    elapsed = time.perf_counter() - start
    host.stop()  # writes the last team files

    sent = sum(c.sent for _g, c in done.values())
    by_name = {t.name: t for t in room.teams.values()}
    dropped = duplicated = differ = files_differ = decisions = 0
    rebuilt = {t.name: t for t in (rebuild(str(path), {scenario.id: scenario}) for path in folder.glob("*.json"))}
    for i, (game, client) in sorted(done.items()):
        name = f"Team {i + 1:02d}"
        held = by_name.get(name)
        decisions += len(game.decisions)
        d, u = counts(held.decisions if held else [], game.decisions)
        dropped, duplicated = dropped + d, duplicated + u
        if held is None or held.game.values != game.values or held.game.ending != game.ending:
            differ += 1
        from_file = rebuilt.get(name)
        if from_file is None or from_file.game.decisions != game.decisions or from_file.game.outcomes() != game.outcomes():
            files_differ += 1
        client.close(0.5)
    totals = room.totals()
    print(f"teams {args.teams} ({len(done)} finished), scenario {args.level} {args.length}, seed {args.seed}")
    print(f"decisions in the teams' games {decisions}; changes sent {sent}, received and kept {totals['kept']}, "
          f"resends ignored {totals['duplicates']}, gaps {totals['gaps']}")
    flagged = sum(bool(t.broken) for t in room.teams.values())
    print(f"dropped {dropped}, duplicated {duplicated}; rooms' games differing {differ}, flagged {flagged}; "
          f"team files differing {files_differ} of {len(rebuilt)}")
    print(f"connections cut {sum(c.drops for _g, c in done.values())}, reconnections "
          f"{sum(c.reconnections for _g, c in done.values())}, unsent at the end {len(unsent)}")
    print(f"time: {played:.2f} s playing, {elapsed:.2f} s until the room held everything "
          f"({sent / elapsed:.0f} changes a second); peak memory of the process (room and every team) "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    ok = not (dropped or duplicated or differ or flagged or files_differ or unsent) and len(done) == args.teams
    print("target (0 dropped, 0 duplicated, every game and file the same): " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
