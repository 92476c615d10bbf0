"""Never lose a class's progress: atomic autosave, fallback to the previous good save, slots, undo,
and the --auto --screenshots run."""

from __future__ import annotations

import json

import pygame
import pytest
from ui_support import key, make_app, playable_tutorial

from game.engine.actions import Choose, Continue
from game.ui.store import Store


def play_some(app, folder, n=3):
    app.start_game(str(folder), seed=5)
    app.act(Continue())  # briefing -> drafting
    dim = app.game.scenario.dimensions[1]
    app.act(Choose(dim.id, dim.options[-1].id))
    return dim


def test_autosave_after_every_decision_and_continue(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data")
    dim = play_some(app, folder)
    saved = json.loads((tmp_path / "data" / "autosave.json").read_text(encoding="utf-8"))
    assert saved["game"]["decisions"] == app.game.decisions
    assert (tmp_path / "data" / "autosave.prev.json").exists()
    other = make_app(tmp_path / "data")
    assert other.continue_game()
    assert other.game.draft[dim.id] == dim.options[-1].id
    assert other.view.name == "drafting"


def test_crash_mid_write_leaves_the_previous_save_whole(tmp_path, monkeypatch):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data")
    play_some(app, folder)
    before = (tmp_path / "data" / "autosave.json").read_bytes()

    def boom(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr("game.saves.os.fsync", boom)
    app.act(Continue())  # the write fails: a message, no crash
    assert "disk full" in (app.message or "")
    monkeypatch.undo()
    # the last good save is intact somewhere: current or previous
    store = Store(tmp_path / "data")
    good = [d for d, err in store.autosave_candidates() if d is not None]
    assert good and json.dumps(good[-1]).encode() and before
    assert not list((tmp_path / "data").glob("*.tmp"))


def test_damaged_save_falls_back_to_the_previous_one_with_a_message(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data")
    play_some(app, folder)
    (tmp_path / "data" / "autosave.json").write_bytes(b'{"kind": "penholder-window-save", "ver')
    other = make_app(tmp_path / "data")
    assert other.continue_game()
    assert "previous" in other.message
    assert other.game is not None and other.view.name in ("drafting", "briefing")
    # both damaged: a clear message, no game, no crash
    (tmp_path / "data" / "autosave.prev.json").write_text("[1, 2", encoding="utf-8")
    third = make_app(tmp_path / "data")
    assert not third.continue_game()
    assert third.message and third.game is None
    third.draw()


def test_named_slots_and_undo(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data")
    dim = play_some(app, folder)
    path = app.store.save_slot(app.game, app.level, "Team A")
    assert [s.name for s in app.store.list_slots()] == ["Team A"]
    (tmp_path / "data" / "slots" / "broken.json").write_text("{", encoding="utf-8")
    slots = app.store.list_slots()
    assert any(s.error for s in slots)
    app.open_saves()
    app.draw()
    app.close_overlay()
    # undo the last choice
    app.handle(key(pygame.K_z, pygame.KMOD_CTRL))
    assert app.game.draft[dim.id] == app.game.in_force[dim.id]
    # a teacher can switch undo off
    app.settings.undo_allowed = False
    app.act(Choose(dim.id, dim.options[-1].id))
    app.do_undo()
    assert app.game.draft[dim.id] == dim.options[-1].id
    # load the slot back
    assert app.load_payload(app.store.read_slot(path))
    assert app.game.draft[dim.id] == dim.options[-1].id


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
    assert not (tmp_path / "data" / "autosave.json").exists()  # an auto run leaves the class's saves alone
