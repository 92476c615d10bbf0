"""The workshop in the window (issue 12): a session code typed on the title screen starts the
session's game and keeps the team's file; a code made with other content is refused with its
message; Compare teams reads a folder of team files and lays out at both sizes in French at the
largest text; the debrief's "What if…" replays the game with one decision changed."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pygame
import pytest
from ui_support import key, make_app, text_outside

from game import i18n
from game.codes import make
from game.engine.defs import at_length
from game.engine.game import Game
from game.saves import replay_dict, write_json_atomic
from game.session import Session
from game.sim.drafters import drafter_for
from game.sim.whatif import whatif
from game.ui.views.base import fmt_num
from game.ui.views.compare import TABS as COMPARE_TABS
from game.ui.views.compare import CompareView
from game.ui.views.debrief import DebriefView
from game.ui.views.whatif import WhatIfChoice, WhatIfView, changeable, journal_decisions
from game.ui.views.workshop import CodeOverlay, JoinOverlay
from game.ui.workshop import bundled, teams_folder

LARGEST = 3
LEVEL = "after-algiers"


def played(app, strategy: str, seed: int = 11) -> Game:
    scenario = at_length(bundled(app)[LEVEL][1], "lesson")
    game = Game(scenario, seed)
    drafter = drafter_for(strategy, seed, scenario)
    while game.phase != "end":
        game.apply(drafter.choose(game))
    return game


def click(app, cid: str) -> None:
    frame = app.draw()
    control = next(c for c in frame.controls if c.id == cid)
    assert control.rect is not None, f"{cid} is not in view"
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=control.rect.center))


def type_text(app, text: str) -> None:
    app.draw()
    app.handle(pygame.event.Event(pygame.TEXTINPUT, text=text))


def drawn(app) -> str:
    return " ".join(rec.text for rec in app.draw().texts)


def every_line(app, pages: int = 12) -> str:
    """The text of the screen, and of its lists paged down to their ends."""
    seen = [drawn(app)]
    for _ in range(pages):
        app.handle(key(pygame.K_PAGEDOWN))
        seen.append(drawn(app))
    return " ".join(seen)


def layout_problems(frame) -> list[str]:
    win = frame.window
    bad = text_outside(frame)
    bad += [f"{c.id} leaves the window" for c in frame.controls if c.rect is not None and not win.contains(c.rect)]
    shown = [c for c in frame.controls if c.rect is not None and c.kind != "number"]
    bad += [f"{a.id} overlaps {b.id}" for i, a in enumerate(shown) for b in shown[:i] if a.rect.colliderect(b.rect)]
    return bad


# --- joining a session ----------------------------------------------------------------------------
def test_typing_a_session_code_starts_its_scenario_length_and_seed_and_keeps_the_team_file(tmp_path):
    app = make_app(tmp_path / "data", "1024x600", "fr", LARGEST)
    scenario = at_length(bundled(app)[LEVEL][1], "lesson")
    code = make(scenario, "lesson", 4242)
    click(app, "title:join")
    app.draw()
    assert isinstance(app.overlay, JoinOverlay) and app.focus.id == "join:code"
    type_text(app, code.lower().replace("-", " "))  # as a class types it: small letters, spaces
    app.handle(key(pygame.K_RETURN))  # on to the team's name
    assert app.focus.id == "join:team"
    type_text(app, "Équipe bleue")
    app.handle(key(pygame.K_RETURN))  # on to the live room's address: none here
    assert app.focus.id == "join:room"
    app.handle(key(pygame.K_RETURN))
    game = app.game
    assert game is not None and app.overlay is None and app.view.name != "title"
    assert (game.scenario.id, game.scenario.length, game.seed) == (LEVEL, "lesson", 4242)
    files = list(teams_folder(app.store).glob("*.json"))
    assert len(files) == 1 and code in files[0].name
    data = json.loads(files[0].read_text(encoding="utf-8"))
    assert (data["team"], data["session"], data["seed"], data["length"]) == ("Équipe bleue", code, 4242, "lesson")
    # a game of its own started from the title afterwards is no longer this team's
    app.nav.goto_title()
    before = files[0].read_bytes()
    app.view.start(next(sc["folder"] for sc in app.view.scenarios if sc["folder"].name == "tutorial"))
    assert app.game.scenario.id == "tutorial" and app.args.save_replay is None and app.args.session is None
    assert files[0].read_bytes() == before and len(list(teams_folder(app.store).glob("*.json"))) == 1


def test_a_code_made_with_other_content_is_refused_with_its_message(tmp_path):
    app = make_app(tmp_path / "data", "1280x720", "fr", LARGEST)
    ours = at_length(bundled(app)[LEVEL][1], "lesson")
    other = "0000" if not ours.content_hash.startswith("0000") else "ffff"
    theirs = dataclasses.replace(ours, content_hash=other + ours.content_hash[4:])
    click(app, "title:join")
    type_text(app, make(theirs, "lesson", 7))
    click(app, "join:go")
    assert app.game is None and isinstance(app.overlay, JoinOverlay)
    refused = i18n.text("ws.code.other_content", "fr")
    assert refused in drawn(app) and "autre contenu" in refused
    assert not teams_folder(app.store).exists() or not list(teams_folder(app.store).iterdir())
    type_text(app, "X")  # a mistyped code is refused too, with its own words
    click(app, "join:go")
    assert i18n.text("ws.code.mistyped", "fr") in drawn(app)


@pytest.mark.parametrize("size", ["1280x720", "1024x600"])
def test_the_facilitator_s_code_is_large_and_reads_back(tmp_path, size):
    app = make_app(tmp_path / "data", size, "fr", LARGEST)
    app.nav.push(CodeOverlay(app, LEVEL, "lesson"))
    frame = app.draw()
    code = app.overlay.code
    rec = next(r for r in frame.texts if r.text == code)
    assert rec.rect.h >= 2 * frame.line_h("h1") and not layout_problems(frame), rec
    found = bundled(app)[LEVEL][1]
    from game.codes import read
    assert read(code, [found]).length == "lesson"


# --- comparing teams ------------------------------------------------------------------------------
def team_folder(app) -> Path:
    folder = teams_folder(app.store)
    folder.mkdir(parents=True, exist_ok=True)
    for name, strategy in (("Bleue", "status-quo"), ("Rouge", "regional-transition"), ("Verte", "random")):
        write_json_atomic(str(folder / f"{name.lower()}.json"), replay_dict(played(app, strategy), name, "AA-CODE"))
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    return folder


@pytest.mark.parametrize("size", ["1280x720", "1024x600"])
def test_compare_reads_the_window_s_team_folder_and_lays_out_in_french_at_the_largest_text(tmp_path, size):
    app = make_app(tmp_path / "data", size, "fr", LARGEST)
    team_folder(app)
    click(app, "title:compare")
    view = app.view
    assert isinstance(view, CompareView) and [t.name for t in view.teams] == ["Bleue", "Rouge", "Verte"]
    assert [name for name, _why in view.problems] == ["broken.json"]  # listed with its reason, never a crash
    for tab in COMPARE_TABS:
        view.command("tab", tab)
        frame = app.draw()
        assert not layout_problems(frame), (tab, layout_problems(frame))
        text = " ".join(r.text for r in frame.texts)
        if tab == "teams":
            assert "broken.json" in text and "Bleue" in text
        if tab == "clauses":
            marked = [r.text for r in frame.texts if r.text.startswith("≠ ") and "marque" not in r.text]
            assert marked, "the teams chose differently somewhere, and it is marked"
        if tab == "charts":
            assert sum(1 for c in frame.controls if c.id.startswith("cmp:chart:")) >= 2
        if tab == "parted":
            assert "Bleue et Rouge" in text


@pytest.mark.parametrize("size", ["1280x720", "1024x600"])
def test_compare_warns_when_the_teams_did_not_share_the_luck(tmp_path, size):
    app = make_app(tmp_path / "data", size, "fr", LARGEST)
    folder = teams_folder(app.store)
    folder.mkdir(parents=True, exist_ok=True)
    for name, seed in (("Bleue", 11), ("Rouge", 12)):
        write_json_atomic(str(folder / f"{name.lower()}.json"), replay_dict(played(app, "status-quo", seed), name, ""))
    click(app, "title:compare")
    for tab in ("teams", "parted"):
        app.view.command("tab", tab)
        frame = app.draw()
        text = " ".join(r.text for r in frame.texts).replace("\n", " ")
        assert "pas joué avec le même hasard (graines 11, 12)" in text and not layout_problems(frame), tab


def test_compare_reads_a_folder_typed_in_and_says_when_it_cannot(tmp_path):
    app = make_app(tmp_path / "data", "1280x720", "en", 1)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    write_json_atomic(str(elsewhere / "a.json"), replay_dict(played(app, "status-quo"), "Alpha", ""))
    view = CompareView(app)
    app.nav.switch_screen(view)
    assert view.teams == []
    app.draw()
    app.focus.set("cmp:folder")
    view.folder.text = ""
    type_text(app, str(elsewhere))
    app.handle(key(pygame.K_RETURN))
    assert [t.name for t in view.teams] == ["Alpha"]
    view.folder.text = str(tmp_path / "nowhere")
    view.reload()
    assert i18n.text("ws.cmp_no_folder", "en") in drawn(app)


# --- the counterfactual debrief -------------------------------------------------------------------
def debrief(app, game: Game) -> DebriefView:
    app.session = Session(game, LEVEL, None, None)
    view = DebriefView(app)
    app.nav.switch_screen(view)
    view.command("tab", "journal")
    return view


def first_clause(game: Game) -> int:
    return next(i for i in changeable(game) if game.decisions[i - 1]["do"] == "choose")


def test_the_what_if_view_with_the_decision_unchanged_shows_no_difference(tmp_path):
    app = make_app(tmp_path / "data", "1280x720", "fr", LARGEST)
    game = played(app, "regional-transition")  # a drafter that changes clauses
    deb = debrief(app, game)
    index = first_clause(game)
    result = whatif(game.scenario, game.seed, list(game.decisions), index, game.decisions[index - 1]["option"])
    view = WhatIfView(app, result, game.decisions[index - 1]["option"], deb)
    app.nav.switch_screen(view)
    view.command("tab", "differences")
    text = every_line(app)
    assert i18n.text("wif_never_part", "fr") in text and i18n.text("ws.no_difference", "fr") in text
    assert set(result.outcome_changes().values()) == {0}


@pytest.mark.parametrize("size", ["1280x720", "1024x600"])
def test_the_debrief_s_what_if_changes_a_clause_and_shows_the_difference(tmp_path, size):
    app = make_app(tmp_path / "data", size, "fr", LARGEST)
    game = played(app, "regional-transition")  # a drafter that changes clauses
    deb = debrief(app, game)
    index = first_clause(game)
    assert index in journal_decisions(game)  # the journal's line for it carries the action
    app.draw()
    app.focus.set(f"wif:{index}")
    app.handle(key(pygame.K_RETURN))
    choice = app.overlay
    assert isinstance(choice, WhatIfChoice) and choice.index == index
    frame = app.draw()
    assert not layout_problems(frame)
    d = game.decisions[index - 1]
    options = [o.id for o in game.scenario.dimension(d["dimension"]).options]
    differing = next(o for o in options if o != d["option"]
                     and whatif(game.scenario, game.seed, list(game.decisions), index, o).first_divergence() is not None)
    app.focus.set(f"wif:opt:{options.index(differing)}")
    app.handle(key(pygame.K_RETURN))
    view = app.view
    assert isinstance(view, WhatIfView) and app.overlay is None
    result = view.result
    q = result.first_divergence()
    assert q is not None and result.changed.decisions != game.decisions
    for tab in ("charts", "differences"):
        view.command("tab", tab)
        frame = app.draw()
        assert not layout_problems(frame), (tab, layout_problems(frame))
    text = every_line(app)
    assert i18n.text("wif_part_from", "fr", q=q + 1) in text
    assert any(fmt_num(d, sign=True) in text for d in result.outcome_changes().values() if d) or "≠" in text
    view.command("tab", "charts")
    frame = app.draw()
    assert sum(1 for c in frame.controls if c.id.startswith("wif:chart:")) >= 2
    app.handle(key(pygame.K_ESCAPE))  # Back: the debrief as it was, on its journal
    assert app.view is deb and deb.tab == "journal"


def test_a_team_joins_the_live_room_from_the_title_screen(tmp_path):
    """The code, the team's name and the address the facilitator's screen shows: the game starts and
    its decisions go to the room; an address that is not one is refused and nothing starts."""
    from game.engine.actions import Continue
    from game.room.server import Room, RoomThread

    app = make_app(tmp_path / "data", "1280x720", "en", 1)
    scenario = at_length(bundled(app)[LEVEL][1], "lesson")
    code = make(scenario, "lesson", 77)
    room = Room(scenario, code, tmp_path / "room")
    thread = RoomThread(room, "127.0.0.1", 0)
    port = thread.start()
    try:
        click(app, "title:join")
        app.draw()
        type_text(app, code)
        app.handle(key(pygame.K_RETURN))
        type_text(app, "Red")
        app.handle(key(pygame.K_RETURN))
        type_text(app, "not an address!")
        app.handle(key(pygame.K_RETURN))
        assert app.game is None and isinstance(app.overlay, JoinOverlay) and app.focus.id == "join:room"
        assert "not a live room's address" in " ".join(r.text for r in app.draw().texts)
        for _ in range(len("not an address!")):
            app.handle(key(pygame.K_BACKSPACE))
        type_text(app, f"127.0.0.1:{port}")
        app.handle(key(pygame.K_RETURN))
        assert app.game is not None and app.args.room == f"ws://127.0.0.1:{port}"
        assert app.act(Continue())
        end = time.monotonic() + 5
        while time.monotonic() < end and not any(t.decisions for t in room.teams.values()):
            time.sleep(0.02)
        assert [t.name for t in room.teams.values()] == ["Red"]
        assert next(iter(room.teams.values())).decisions == [{"do": "continue"}]
    finally:
        thread.stop()
