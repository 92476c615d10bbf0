"""Never lose a class's progress: atomic autosave, fallback to the previous good save, slots, undo,
and the --auto --screenshots run."""

from __future__ import annotations

import json

import pygame
import pytest
from ui_support import key, make_app, playable_tutorial

from game.engine.actions import Choose, Continue


def play_some(app, folder, n=3):
    app.start_game(str(folder), seed=5)
    app.act(Continue())  # briefing -> drafting
    dim = app.game.scenario.dimensions[1]
    app.act(Choose(dim.id, dim.options[-1].id))
    return dim


def autosaves(data):
    return sorted((data / "games").glob("*/autosave.json"))


def test_autosave_after_every_decision_and_continue(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data")
    dim = play_some(app, folder)
    [path] = autosaves(tmp_path / "data")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["game"]["decisions"] == app.game.decisions
    assert (path.parent / "autosave.prev.json").exists()
    other = make_app(tmp_path / "data")
    assert other.continue_game()
    assert other.game.draft[dim.id] == dim.options[-1].id
    assert other.view.name == "drafting"


def test_starting_another_game_never_touches_the_first(tmp_path):
    folder = playable_tutorial(tmp_path)
    data = tmp_path / "data"
    app = make_app(data)
    play_some(app, folder)
    [first] = autosaves(data)
    before = first.read_bytes(), (first.parent / "autosave.prev.json").read_bytes()
    # a misclick on the title screen, then a second team's window on the same account
    app.nav.goto_title()
    assert app.start_game(str(folder), seed=9)
    other = make_app(data)
    assert other.start_game(str(folder), seed=11)
    other.act(Continue())
    other.act(Continue())
    assert (first.read_bytes(), (first.parent / "autosave.prev.json").read_bytes()) == before
    assert len(autosaves(data)) == 3
    # "Continue" lists the three games, the most recent first, and resumes the one chosen
    third = make_app(data)
    third.nav.open_continue()
    third.draw()
    games = third.overlay.games
    assert len(games) == 3 and all(g.scenario == "tutorial" and g.date == "2015-06" for g in games)
    chosen = next(g for g in games if g.folder == first.parent)
    third.overlay.resume(chosen)
    assert third.game.seed == 5 and third.overlay is None


def test_a_failed_write_is_said_in_the_window_and_changes_no_file(tmp_path, monkeypatch):
    """The window's side of a failed save (a message, no crash); the atomicity itself is
    test_store.py::test_a_write_cut_short_leaves_the_current_save_whole_and_says_so."""
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data")
    play_some(app, folder)
    [path] = autosaves(tmp_path / "data")
    before = path.read_bytes()

    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("game.saves.os.fsync", boom)
    app.act(Continue())  # the write fails: a message, no crash
    assert "could not be saved: the disk is full" in (app.message or "")  # in words, not the system's
    monkeypatch.undo()
    assert path.read_bytes() == before  # the current save is whole, under its own name
    assert not list(path.parent.glob("*.tmp")) and not list(path.parent.glob(".*.tmp"))


def test_damaged_save_falls_back_to_the_previous_one_with_a_message(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data")
    play_some(app, folder)
    [path] = autosaves(tmp_path / "data")
    path.write_bytes(b'{"kind": "penholder-window-save", "ver')
    other = make_app(tmp_path / "data")
    assert other.continue_game()
    assert "previous" in other.message
    assert other.game is not None and other.view.name in ("drafting", "briefing")
    # the damaged file was set aside under the name the message gives, not overwritten
    [aside] = path.parent.glob("autosave.unreadable-*.json")
    assert aside.name in other.message
    assert aside.read_bytes() == b'{"kind": "penholder-window-save", "ver'
    other.act(Continue())
    assert aside.read_bytes() == b'{"kind": "penholder-window-save", "ver'
    # both damaged: a clear message, no game, no crash
    (path.parent / "autosave.json").write_text("[1, 2", encoding="utf-8")
    (path.parent / "autosave.prev.json").write_text("[1, 2", encoding="utf-8")
    third = make_app(tmp_path / "data", lang="fr")
    assert not third.continue_game()
    assert third.message and third.game is None and "ne peut pas" in third.message
    third.draw()


def test_a_newer_save_is_set_aside_never_overwritten(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data")
    play_some(app, folder)
    [path] = autosaves(tmp_path / "data")
    newer = json.loads(path.read_text(encoding="utf-8")) | {"version": 99}
    path.write_text(json.dumps(newer), encoding="utf-8")
    other = make_app(tmp_path / "data")
    assert other.continue_game()
    assert "newer version" in other.message
    [aside] = path.parent.glob("autosave.unreadable-*.json")
    assert json.loads(aside.read_text(encoding="utf-8"))["version"] == 99
    other.act(Continue())
    assert json.loads(aside.read_text(encoding="utf-8"))["version"] == 99


def test_named_slots_delete_to_the_bin_and_undo(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data")
    dim = play_some(app, folder)
    path = app.store.save_slot(app.game, app.level, "Équipe A")
    assert path.name == "equipe-a.json"
    assert [s.name for s in app.store.list_slots()] == ["Équipe A"]
    (tmp_path / "data" / "slots" / "broken.json").write_text("{", encoding="utf-8")
    slots = app.store.list_slots()
    assert any(s.error for s in slots)
    # delete asks first; "No" keeps it; "Yes" moves it to the bin, from where it comes back
    app.nav.open_saves()
    app.draw()
    ov = app.overlay
    ov.ask_delete(path)
    app.draw()
    assert "slot:yes" in {c.id for c in app.focus.frame.controls}
    app.handle(key(pygame.K_ESCAPE))  # Esc cancels the question, not the whole window
    assert ov.confirm is None and path.exists() and app.overlay is ov
    ov.ask_delete(path)
    ov.delete(path, "Équipe A")
    assert not path.exists() and "bin" in app.message
    assert [s.name for s in app.store.binned()] == ["Équipe A"]
    ov.toggle_bin()
    app.draw()
    ov.restore(ov.bin[0].path, "Équipe A")
    assert path.exists() and not app.store.binned()
    app.nav.pop()
    # undo the last choice
    app.handle(key(pygame.K_z, pygame.KMOD_CTRL))
    assert app.game.draft[dim.id] == app.game.in_force[dim.id]
    # a teacher can switch undo off
    app.settings.undo_allowed = False
    app.act(Choose(dim.id, dim.options[-1].id))
    app.do_undo()
    assert app.game.draft[dim.id] == dim.options[-1].id
    # load the slot back: it continues as a game of its own; the slot file is not written
    slot_bytes = path.read_bytes()
    current = app.session.game_id
    assert app.load_payload(app.store.read_slot(path))
    assert app.session.game_id != current
    assert app.game.draft[dim.id] == dim.options[-1].id
    app.act(Continue())
    assert path.read_bytes() == slot_bytes


def test_emptying_the_bin_asks_first(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data")
    play_some(app, folder)
    path = app.store.save_slot(app.game, app.level, "Team B")
    app.store.delete_slot(path)
    app.nav.open_saves()
    ov = app.overlay
    ov.toggle_bin()
    ov._ask_empty()
    app.draw()
    assert len(app.store.binned()) == 1  # nothing gone before "Yes"
    ov.empty_bin()
    assert not app.store.binned()


@pytest.mark.parametrize("lang,size", [("en", "1280x720"), ("fr", "1024x600")])
def test_auto_play_with_screenshots(tmp_path, monkeypatch, lang, size):
    folder = playable_tutorial(tmp_path)
    monkeypatch.setenv("PENHOLDER_DATA", str(tmp_path / "data"))
    from game.cli import main

    shots = tmp_path / "shots"
    code = main(["play", "--level", str(folder), "--seed", "4", "--auto", "status-quo", "--screenshots", str(shots),
                 "--size", size, "--lang", lang])
    assert code == 0
    names = sorted(p.name for p in shots.glob("*.png"))
    for screen in ("title", "briefing", "drafting", "chamber", "vote", "card", "summary", "why", "debrief-charts",
                   "debrief-journal"):
        assert any(screen in n for n in names), (screen, names)
    img = pygame.image.load(str(shots / names[1]))
    assert img.get_size() == tuple(int(v) for v in size.split("x"))
    assert not autosaves(tmp_path / "data")  # an auto run leaves the class's saves alone


# --- how Continue and the saves name a game (issue: "quarter 5" of four, two alike) -----------
def _info(game_id, saved_at, quarter=0, phase="drafting", date="2015-06"):
    from pathlib import Path

    from game.store import GameInfo

    return GameInfo(game_id, Path(game_id), "tutorial", "tutorial", date, saved_at, phase, quarter=quarter)


def test_a_finished_game_says_so_and_alike_games_are_told_apart():
    from game.ui.gamenames import game_names
    from game.ui.views.title import scenario_list

    scenarios = scenario_list()
    infos = [_info("d", "2026-01-02 10:05"), _info("c", "2026-01-02 10:05"), _info("b", "2026-01-01 09:00"),
             _info("a", "2026-01-01 08:00", quarter=4, phase="end", date="2016-06")]
    names = game_names(infos, "fr", scenarios)
    assert len(set(names)) == len(names), names
    assert names[3] == "Tutoriel\u00a0: votre premier mandat · juin 2016 · terminée"
    assert "trimestre 5" not in " ".join(names)
    assert names[2].endswith("· jouée le 2026-01-01 à 09:00")
    # the same label, the same minute: numbered from the oldest
    assert names[1].endswith("(1)") and names[0].endswith("(2)") and "10:05" in names[0]
    # the Continue list, whose rows say the time on a line of their own
    plain = game_names(infos, "en", scenarios, timed=False)
    assert plain[2] == "Tutorial: your first mandate · Jun 2015 · quarter 1"
    assert plain[1].endswith("quarter 1 (1)") and plain[0].endswith("quarter 1 (2)")
    assert plain[3].endswith("Jun 2016 · finished")


@pytest.mark.parametrize("size", ["1024x600", "1280x720"])
def test_continue_names_finished_and_alike_games_apart(tmp_path, size):
    from game.sim.drafters import make_drafter

    data = tmp_path / "data"
    app = make_app(data, size, "fr", 3)
    assert app.start_game("tutorial", seed=3, length="lesson")
    drafter = make_drafter("status-quo", app.game.seed)
    while app.game.phase != "end":
        app.act(drafter.choose(app.game))
    for seed in (4, 5):  # two games alike: the tutorial, its first quarter, within a minute
        assert app.start_game("tutorial", seed=seed, length="lesson")
        app.act(Continue())
    app.nav.goto_title()
    frame = app.draw()
    title_text = " ".join(rec.text for rec in frame.texts)
    # the title's Continue names the game it resumes apart from its twin (by the minute it was
    # played, or numbered when both were played within the same minute)
    assert "(2)" in title_text or "jouée à" in title_text, title_text
    app.nav.open_continue()
    frame = app.draw()
    shown = " ".join(rec.text for rec in frame.texts)
    assert "trimestre 5" not in shown and "terminée" in shown, shown
    from game.ui.gamenames import game_names

    overlay = app.overlay
    rows = list(zip(game_names(overlay.games, "fr", overlay.scenarios, timed=False),
                    (g.saved_at for g in overlay.games), strict=True))
    assert len(set(rows)) == len(rows) == 3, rows  # each row's name and time: never two alike
    assert all(name in shown for name, _when in rows), (rows, shown)  # the names the rows show


def test_the_default_save_name_is_whole_and_leaves_room_for_a_team(tmp_path):
    from game.store import MAX_SAVE_NAME
    from game.ui.views.saves import default_name

    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    play_some(app, folder)
    app.nav.open_saves()
    overlay = app.overlay
    assert overlay.name_text == "Tutoriel\u00a0: votre premier mandat — juin 2015"
    app.focus.set("saves:name")
    app.draw()
    team = " · équipe des Bleus, au fond de la classe"
    app.handle(pygame.event.Event(pygame.TEXTINPUT, text=team))
    assert overlay.name_text.endswith(team)
    # the field shows the end of the name, where the caret is, whole letters up to it
    frame = app.draw()
    box = next(c for c in frame.controls if c.id == "saves:name").rect
    inside = [rec.text for rec in frame.texts if box.contains(rec.rect)]
    assert len(inside) == 1 and inside[0].endswith("au fond de la classe|"), inside
    assert not [rec for rec in frame.truncated if box.colliderect(rec.box)]
    overlay.save()
    app.draw()
    [slot] = overlay.slots
    assert slot.name == overlay.name_text  # the no-break space before ":" kept, as typed
    assert slot.name in app.message  # the confirmation names the save as the list does
    # a very long title is the part cut, never the month
    long = default_name("T" * 300, "septembre 2016")
    assert len(long) == MAX_SAVE_NAME and long.endswith(" — septembre 2016")
