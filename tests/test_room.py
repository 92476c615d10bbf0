"""The live room (issue 12): the protocol, the server and clients on loopback, catching up after a
dropped connection, de-duplication, pause and hold, team files, and the facilitator's screen."""

from __future__ import annotations

import dataclasses
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from game.codes import make
from game.content.loader import levels_root, load_scenario
from game.engine.actions import CallVote, Continue, Impossible
from game.engine.defs import Scenario, at_length
from game.engine.game import END, NEGOTIATION, Game
from game.room import protocol
from game.room.client import RoomClient
from game.room.link import link
from game.room.server import Refused, Room, RoomThread
from game.room.status import standing
from game.session import Session
from game.sim.drafters import drafter_for
from game.sim.teams import rebuild

SEED = 11


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    loaded = load_scenario(levels_root() / "tutorial").scenario
    assert loaded is not None
    return at_length(loaded, "lesson")


@pytest.fixture()
def code(scenario: Scenario) -> str:
    return make(scenario, "lesson", SEED)


@pytest.fixture()
def room(scenario: Scenario, code: str, tmp_path: Path) -> Iterator[tuple[Room, RoomThread, str]]:
    r = Room(scenario, code, tmp_path / "teams")
    thread = RoomThread(r, "127.0.0.1", 0)
    port = thread.start()
    yield r, thread, f"ws://127.0.0.1:{port}"
    thread.stop()


def client(url: str, code: str, name: str) -> RoomClient:
    return RoomClient(url, code, name, first_wait=0.02).start()


def play(game: Game, team: RoomClient, steps: int, strategy: str = "status-quo", drops: tuple[int, ...] = ()) -> None:
    drafter = drafter_for(strategy, game.seed, game.scenario)
    for i in range(steps):
        if game.phase == END:
            return
        game.apply(drafter.choose(game))
        team.sync(game)
        if i in drops:
            wait_for(lambda: team.connected)
            team.drop()  # with this decision maybe still on its way


def wait_for(test: object, timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if callable(test) and test():
            return True
        time.sleep(0.01)
    return False


# --- the protocol --------------------------------------------------------------------------------
def test_messages_round_trip_and_bad_ones_are_refused() -> None:
    text = protocol.encode("decision", team="0123456789abcdef", seq=3, at=2, entry={"do": "continue"})
    assert protocol.decode(text)["entry"] == {"do": "continue"}
    for bad in ('{"v": 2, "type": "ack", "seq": 1}', '{"v": 1, "type": "shout"}', "[1]", "not json",
                '{"v": 1, "type": "ack", "seq": true}', '{"v": 1, "type": "control", "state": "explode"}',
                '{"v": 1, "type": "decision", "team": "ZZ", "seq": 1, "at": 0, "entry": null}',
                '{"v": 1, "type": "decision", "team": "0123456789abcdef", "seq": 0, "at": 0, "entry": null}'):
        with pytest.raises(protocol.ProtocolError):
            protocol.decode(bad)
    assert protocol.clean_name("  Blue\x1b[31m   team ") == "Blue [31m team"


# --- the room without the network ---------------------------------------------------------------
def test_a_decision_sent_twice_is_kept_once_and_a_gap_is_refused(scenario: Scenario, code: str) -> None:
    r = Room(scenario, code)
    team = r.hello({"code": code, "name": "Blue", "team": "ab" * 8})
    first = {"team": team.team_id, "seq": 1, "at": 0, "entry": {"do": "continue"}}
    assert r.decision(team, first) == 1
    assert r.decision(team, first) == 1  # a resend after a reconnection
    assert team.decisions == [{"do": "continue"}] and team.duplicates == 1
    with pytest.raises(Refused):
        r.decision(team, {"team": team.team_id, "seq": 3, "at": 1, "entry": {"do": "continue"}})
    assert len(team.decisions) == 1 and team.gaps == 1
    # an undo: the next decision comes at an earlier place, and the room's game is rebuilt
    r.decision(team, {"team": team.team_id, "seq": 2, "at": 1, "entry": {"do": "continue"}})
    r.decision(team, {"team": team.team_id, "seq": 3, "at": 1, "entry": None})
    assert team.decisions == [{"do": "continue"}] and team.game.decisions == [{"do": "continue"}]


def test_a_code_for_another_session_or_other_content_is_refused(scenario: Scenario, code: str) -> None:
    r = Room(scenario, code)
    with pytest.raises(Refused) as other:
        r.hello({"code": make(scenario, "lesson", SEED + 1), "name": "Red", "team": "cd" * 8})
    assert other.value.key == "other_session"
    changed = dataclasses.replace(scenario, content_hash="ffff" + scenario.content_hash[4:])
    with pytest.raises(Refused) as content:
        r.hello({"code": make(changed, "lesson", SEED), "name": "Red", "team": "cd" * 8})
    assert content.value.key == "other_content"
    with pytest.raises(Refused) as typo:
        r.hello({"code": code[:-1] + ("0" if code[-1] != "0" else "1"), "name": "Red", "team": "cd" * 8})
    assert typo.value.key == "mistyped"


def test_a_team_whose_figures_differ_from_the_room_s_copy_is_flagged(scenario: Scenario, code: str) -> None:
    r = Room(scenario, code)
    team = r.hello({"code": code, "name": "Blue", "team": "ab" * 8})
    r.decision(team, {"team": team.team_id, "seq": 1, "at": 0, "entry": {"do": "continue"}})
    assert team.standing is not None
    ok = {"team": team.team_id, "year": 2015, "quarter": 2, "phase": "drafting", "decisions": 1,
          "figures": dict(team.standing.figures), "draft": {}, "danger": []}
    r.status(team, ok)
    assert not team.broken
    r.status(team, ok | {"decisions": 0, "figures": {}})  # an older view: nothing to compare
    assert not team.broken
    r.status(team, ok | {"figures": dict(team.standing.figures, **{"mission.consent": 3})})
    assert "differ" in team.broken and r.rows()[0].broken


def test_the_danger_flag_reads_the_game(scenario: Scenario) -> None:
    game = Game(scenario, SEED)
    assert standing(game).danger == ()
    game.meters.set("mission.consent", scenario.coefficients["consent_floor"] + 3, "test")
    game.failed_in_row = 1
    assert standing(game).danger == ("consent", "renewal")


# --- on loopback ---------------------------------------------------------------------------------
def test_two_teams_play_and_the_room_rebuilds_both_and_writes_their_files(
        room: tuple[Room, RoomThread, str], code: str, scenario: Scenario) -> None:
    r, _thread, url = room
    blue, red = client(url, code, "Blue"), client(url, code, "Red")
    games = {"Blue": Game(scenario, SEED), "Red": Game(scenario, SEED)}
    play(games["Blue"], blue, 200, "status-quo")
    play(games["Red"], red, 12, "robust")
    assert blue.wait_until_sent(5) and red.wait_until_sent(5)
    rows = {row.name: row for row in r.rows()}
    assert set(rows) == {"Blue", "Red"}
    for name, game in games.items():
        team = next(t for t in r.teams.values() if t.name == name)
        assert team.decisions == game.decisions
        assert team.game.values == game.values and team.game.phase == game.phase  # the ground truth
        assert rows[name].standing.year == game.date // 12
    assert games["Blue"].phase == END and rows["Blue"].standing.ending == games["Blue"].ending
    assert wait_for(lambda: all(t.reported == len(t.decisions) for t in r.teams.values()))  # statuses read
    assert not any(row.broken for row in r.rows())  # each team's own figures are the room's
    assert rows["Red"].standing.figures["mission.consent"] == games["Red"].values["mission.consent"]
    blue.close()
    red.close()
    r.flush()
    files = sorted((r.folder or Path()).glob("*.json"))
    assert len(files) == 2
    by_id = {scenario.id: scenario}
    rebuilt = {t.name: t.game for t in (rebuild(str(p), by_id) for p in files)}
    assert rebuilt["Blue"].outcomes() == games["Blue"].outcomes()
    assert rebuilt["Red"].decisions == games["Red"].decisions


def test_a_dropped_connection_catches_up_without_losing_or_doubling_a_decision(
        room: tuple[Room, RoomThread, str], code: str, scenario: Scenario) -> None:
    r, _thread, url = room
    team = client(url, code, "Green")
    game = Game(scenario, SEED)
    play(game, team, 200, "random", drops=(3, 4, 10, 25, 26, 40))
    assert team.wait_until_sent(8)
    held = next(iter(r.teams.values()))
    assert team.reconnections >= 1
    assert held.decisions == game.decisions and held.last_seq == team.sent
    team.close()


def test_the_game_never_waits_for_a_room_that_is_not_there_yet(scenario: Scenario, code: str, tmp_path: Path) -> None:
    with socket.socket() as probe:  # a free port, nobody listening on it yet
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    team = client(f"ws://127.0.0.1:{port}", code, "Offline")
    game = Game(scenario, SEED)
    start = time.monotonic()
    play(game, team, 30)
    assert time.monotonic() - start < 2 and team.pending == team.sent > 0  # queued, not waited for
    r = Room(scenario, code, tmp_path)
    thread = RoomThread(r, "127.0.0.1", port)
    thread.start()
    try:
        assert team.wait_until_sent(8)
        assert next(iter(r.teams.values())).decisions == game.decisions
    finally:
        team.close()
        thread.stop()


def test_a_game_reopened_with_a_new_id_takes_its_row_back(room: tuple[Room, RoomThread, str], code: str,
                                                           scenario: Scenario) -> None:
    r, _thread, url = room
    first = client(url, code, "Blue")
    game = Game(scenario, SEED)
    play(game, first, 6)
    assert first.wait_until_sent(5)
    first.close()
    assert wait_for(lambda: not r.rows()[0].connected)
    again = client(url, code, "Blue")  # play --continue: the same game, a new client
    play(game, again, 0)
    again.sync(game)
    play(game, again, 3)
    assert again.wait_until_sent(5)
    assert len(r.rows()) == 1 and next(iter(r.teams.values())).decisions == game.decisions
    again.close()


def test_hold_stops_a_team_before_its_next_vote_and_release_lets_it_go(
        room: tuple[Room, RoomThread, str], code: str, scenario: Scenario) -> None:
    r, thread, url = room
    team = client(url, code, "Blue")
    session = Session.new(scenario, "tutorial", SEED, None)
    link(session, team, "fr")
    assert wait_for(lambda: team.connected)
    thread.control("hold")
    assert wait_for(lambda: team.control == "hold")
    session.act(Continue())
    session.act(Continue())  # the briefing and the drafting still play
    assert session.game.phase == NEGOTIATION
    with pytest.raises(Impossible) as held:
        session.act(CallVote())  # the window: refused with the room's words, never blocked
    assert "vote" in str(held.value) and session.game.phase == NEGOTIATION
    thread.control("pause")
    assert wait_for(lambda: team.control == "pause")
    with pytest.raises(Impossible):
        session.act(Continue())
    # the terminal waits instead, and goes on once the facilitator releases the teams
    said: list[str] = []
    link(session, team, "en", wait=said.append)
    voted = threading.Thread(target=session.act, args=(CallVote(),))
    voted.start()
    time.sleep(0.2)
    assert voted.is_alive() and session.game.phase == NEGOTIATION
    thread.control("play")
    voted.join(5)
    assert not voted.is_alive() and session.game.votes and len(said) == 2
    assert team.wait_until_sent(5)
    assert next(iter(r.teams.values())).decisions == session.game.decisions
    team.close()


def test_a_refused_team_plays_on_alone(room: tuple[Room, RoomThread, str], scenario: Scenario) -> None:
    _r, _thread, url = room
    team = client(url, make(scenario, "lesson", SEED + 5), "Stray")
    assert wait_for(lambda: team.refused is not None)
    assert team.refused is not None and team.refused[0] == "other_session"
    session = Session.new(scenario, "tutorial", SEED, None)
    link(session, team, "en")
    session.act(Continue())
    assert session.game.decisions == [{"do": "continue"}]
    team.close()


# --- the facilitator's screen --------------------------------------------------------------------
def filled_room(scenario: Scenario, code: str, teams: int = 30) -> Room:
    """A room of ``teams`` teams at different points of their games, one in danger, one away."""
    r = Room(scenario, code)
    strategies = ("status-quo", "robust", "random", "regional-transition")
    for i in range(teams):
        team = r.hello({"code": code, "name": f"Équipe {i + 1}" if i % 3 else f"Team {i + 1}", "team": f"{i:016x}"})
        game = Game(scenario, SEED)
        drafter = drafter_for(strategies[i % 4], SEED + i, scenario)
        for seq in range(1, 4 + 3 * i):
            if game.phase == END:
                break
            game.apply(drafter.choose(game))
            r.decision(team, {"team": team.team_id, "seq": seq, "at": len(game.decisions) - 1, "entry": game.decisions[-1]})
        if i == 1:
            team.game.meters.set("mission.consent", 12, "test")
            team.game.failed_in_row = 1
            team.standing = standing(team.game)
        if i == 2:
            r.left(team)
    return r


@pytest.mark.parametrize("size", ["1280x720", "1024x600"])
def test_the_room_view_shows_every_team_in_french_at_the_largest_text(
        size: str, scenario: Scenario, code: str, tmp_path: Path) -> None:
    import pygame

    from game.ui.views.room import RoomView
    from tests.ui_support import make_app, text_outside

    r = filled_room(scenario, code)
    host = RoomThread(r)  # not listening: the buttons set the room's control directly
    app = make_app(tmp_path, size, "fr", step=3)
    view = RoomView(app, host, ["ws://192.168.1.20:8765"])
    app.nav.switch_screen(view)
    frame = app.draw()
    assert not text_outside(frame)
    drawn = " ".join(rec.text for rec in frame.texts)
    assert r.code in drawn and "192.168.1.20:8765" in drawn and "En danger\u00a0: Équipe 2" in drawn
    seen = set()
    for first in range(len(r.teams) + 1):  # every row, scrolled into view, fits its box
        view.scroll["room:teams"] = first
        frame = app.draw()
        assert not text_outside(frame), first
        seen |= {rec.text for rec in frame.texts}
    every = " ".join(seen)
    assert "EN DANGER" in every and "vote perdu" in every and "déconnectée" in every
    assert "2015 T2 · négociation" in every and "Équipe 30" in every  # the year and quarter, in French
    view.scroll["room:teams"] = 0
    ids = {c.id for c in frame.controls}
    assert {"room:pause", "room:hold", "room:play"} <= ids
    next(c for c in frame.controls if c.id == "room:hold").action()
    assert r.control == "hold"
    frame = app.draw()
    assert "Les équipes s'arrêtent avant leur prochain vote." in " ".join(rec.text for rec in frame.texts)
    view.command("control", "play")
    assert r.control == "play"
    out = Path("/tmp") / f"room-{size}.png"
    pygame.image.save(app.display.screen, str(out))


def test_a_room_restarted_from_nothing_is_filled_in_again(scenario: Scenario, code: str, tmp_path: Path) -> None:
    first = Room(scenario, code)
    thread = RoomThread(first, "127.0.0.1", 0)
    port = thread.start()
    team = client(f"ws://127.0.0.1:{port}", code, "Blue")
    game = Game(scenario, SEED)
    play(game, team, 8)
    assert team.wait_until_sent(5)
    thread.stop()  # the facilitator's laptop restarts: the new room knows nothing
    again = Room(scenario, code, tmp_path)
    thread = RoomThread(again, "127.0.0.1", port)
    thread.start()
    try:
        play(game, team, 4)
        assert wait_for(lambda: bool(again.teams) and next(iter(again.teams.values())).decisions == game.decisions, 8)
    finally:
        team.close()
        thread.stop()


def test_a_hostile_client_does_not_bring_the_room_down(scenario: Scenario, code: str) -> None:
    r = Room(scenario, code)
    team = r.hello({"code": code, "name": "Red", "team": "ef" * 8})
    r.decision(team, {"team": team.team_id, "seq": 1, "at": 0, "entry": {"do": "launch", "what": "missiles"}})
    r.decision(team, {"team": team.team_id, "seq": 2, "at": 1, "entry": {"do": "continue"}})
    assert team.broken.startswith("decision 1") and len(team.decisions) == 2  # kept, and said
    assert r.rows()[0].broken and team.game.decisions == []


def test_the_window_of_a_team_obeys_the_room_and_wakes_when_it_speaks(
        room: tuple[Room, RoomThread, str], code: str, tmp_path: Path) -> None:
    from game.ui.room_link import join_window
    from tests.ui_support import make_app

    r, thread, url = room
    app = make_app(tmp_path, "1024x600", "fr", step=3, session=code, room=url, team="Bleue", length="lesson")
    assert app.start_game("tutorial", seed=SEED, length="lesson")
    assert join_window(app) is not None and "salle en direct" in (app.message or "")
    assert wait_for(lambda: bool(r.teams) and next(iter(r.teams.values())).connected)
    app.dirty = False
    thread.control("pause")
    assert wait_for(lambda: app.message == "L'animateur a mis toutes les équipes en pause\u00a0: écoutez la classe.")
    assert app.dirty  # the loop draws it
    assert not app.act(Continue()) and app.game is not None and app.game.decisions == []
    thread.control("play")
    assert wait_for(lambda: app.message is None)
    assert app.act(Continue())
    assert wait_for(lambda: next(iter(r.teams.values())).decisions == [{"do": "continue"}])


def test_the_host_command_s_pieces(room: tuple[Room, RoomThread, str], code: str) -> None:
    from game.commands.host import lan_addresses, table
    from game.room.link import room_address

    addresses = lan_addresses()  # found without sending anything; loopback always last
    assert addresses[-1] == "127.0.0.1" and all(a.count(".") == 3 for a in addresses)
    r, _thread, url = room
    team = client(url, code, "Blue")
    play(Game(r.scenario, SEED), team, 3)
    assert team.wait_until_sent(5)
    text = table(r, "fr")
    assert "Équipes\u00a0: 1" in text and "- Blue" in text and "2015 T2" in text
    assert room_address("192.168.1.20:8765") == "ws://192.168.1.20:8765"
    assert room_address("ws://[::1]:80/") == "ws://[::1]:80"
    for bad in ("http://x:1", "ws://x", "ws://x:0", "ws://:80", "x:99999"):
        with pytest.raises(ValueError):
            room_address(bad)
    team.close()


def test_room_needs_a_session(capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    with pytest.raises(SystemExit):
        main(["play", "--text", "--room", "ws://127.0.0.1:8765"])
    assert "--room needs --session" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["play", "--text", "--room", "nowhere"])
    assert "is not a room's address" in capsys.readouterr().err


def test_host_a_workshop_from_the_title_screen(tmp_path: Path) -> None:
    from game.ui.views.room import RoomView
    from tests.ui_support import make_app

    app = make_app(tmp_path, "1024x600", "fr", step=3)
    app.nav.goto_title()
    frame = app.draw()
    host = next(c for c in frame.controls if c.id == "title:host")
    assert host.label == "Animer un atelier\u00a0: Après Alger (2015-2019)" and host.action is not None
    # The scenario the facilitator last focused is the one hosted, and the button names it.
    title = app.nav.screen
    serval = next(i for i, sc in enumerate(title.scenarios) if sc["folder"].name == "serval-to-minusma")
    app.focus.set(f"scenario:{serval}")
    frame = app.draw()
    host = next(c for c in frame.controls if c.id == "title:host")
    assert title.scenarios[serval]["title"]["fr"] in host.label
    host.action()
    view = app.nav.screen
    assert isinstance(view, RoomView) and view.host.room.scenario.id == "serval-to-minusma"
    try:
        port = view.addresses[-1].rsplit(":", 1)[1]
        team = client(f"ws://127.0.0.1:{port}", view.host.room.code, "Bleue")
        assert wait_for(lambda: team.connected) and [r.name for r in view.host.room.rows()] == ["Bleue"]
        team.close()
    finally:
        view.host.stop()


def test_the_host_command_opens_the_facilitator_s_window(monkeypatch: pytest.MonkeyPatch, scenario: Scenario,
                                                          code: str, tmp_path: Path) -> None:
    import argparse

    from game.commands import host
    from game.ui import loop
    from game.ui.views.room import RoomView

    shown: list[object] = []
    monkeypatch.setattr(loop, "run", lambda app: shown.append(app.nav.screen) or 0)
    monkeypatch.setenv("PENHOLDER_DATA", str(tmp_path))
    thread = RoomThread(Room(scenario, code))
    woken: list[Callable[[], None]] = []
    args = argparse.Namespace(lang="fr", size="1024x600", seed=SEED, level="tutorial")
    assert host._window(args, thread, ["ws://127.0.0.1:8765"], woken) == 0
    assert isinstance(shown[0], RoomView) and len(woken) == 1  # the server's thread can wake the window
