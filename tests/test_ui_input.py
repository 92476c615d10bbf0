"""Keyboard alone (the arrows inside a panel, Tab from panel to panel) reaches every control of every
screen; 10,000 random events raise nothing."""

from __future__ import annotations

import random

import pygame
from ui_support import key, make_app, playable_tutorial, screens

from game.engine.game import replay
from game.ui.focus import usable


def test_tab_reaches_every_control_of_every_screen(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", "1024x600", "en", 3)
    checked = 0
    for name in screens(app, folder):
        frame = app.draw()
        if name == "vote-mid":  # while the vote is shown, any key shows it all
            app.handle(key(pygame.K_TAB))
            assert not app.view.animating()
            continue
        every = [c.id for c in frame.controls]
        assert every, f"{name} has no control"
        assert len(set(every)) == len(every), f"{name}: duplicate control ids"
        # a greyed button (no action) is passed by, as focus.usable says
        expected = [c.id for c in frame.controls if usable(c)]
        reached = []
        for k in (pygame.K_DOWN, pygame.K_TAB):  # the arrows reach every control, Tab every panel
            for _ in range(len(expected)):
                app.handle(key(k))
                frame = app.draw()
                reached.append(app.focus.id)
                focused = next(c for c in frame.controls if c.id == app.focus.id)
                assert focused.rect is not None, f"{name}: focus on {app.focus.id} is not scrolled into view"
            if k == pygame.K_DOWN:
                assert set(reached) == set(expected), f"{name}: never focused {set(expected) - set(reached)}"
            assert set(reached) <= set(expected), f"{name}: focus on greyed {set(reached) - set(expected)}"
        # Shift+Tab goes back the same way
        before = app.focus.id
        app.handle(key(pygame.K_TAB))
        app.handle(key(pygame.K_TAB, pygame.KMOD_SHIFT))
        assert app.focus.id == before
        checked += 1
    assert checked >= 15


def test_keyboard_alone_plays_a_whole_game(tmp_path):
    """Enter on the default focus, number keys on cards: the game reaches its debrief."""
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", "1280x720")
    app.start_game(str(folder), seed=3)
    for _ in range(400):
        app.draw()
        if app.game.phase == "end":
            break
        if app.view.name == "card":
            app.handle(key(pygame.K_1, uni="1"))
            continue
        if app.view.animating():
            app.handle(key(pygame.K_RETURN))
            continue
        for _ in range(100):  # Tab to the screen's main action, as a keyboard player would
            if app.focus.id in ("act:continue", "act:to_council", "act:vote"):
                break
            app.handle(key(pygame.K_TAB))
            app.draw()
        app.handle(key(pygame.K_RETURN))
    assert app.game.phase == "end"
    app.draw()
    assert app.view.name == "ending" and app.focus.id == "act:continue"  # why it ended, then
    app.handle(key(pygame.K_RETURN))
    app.draw()
    assert app.view.name == "debrief"


def test_ten_thousand_random_events(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", "1024x600")
    app.start_game(str(folder), seed=11)
    rng = random.Random(20240601)
    keys = [pygame.K_TAB, pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_UP, pygame.K_DOWN,
            pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PAGEUP, pygame.K_PAGEDOWN, pygame.K_F1, pygame.K_1,
            pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_9, pygame.K_a, pygame.K_m, pygame.K_v, pygame.K_b,
            pygame.K_BACKSPACE, pygame.K_z, pygame.K_KP_ENTER]
    w, h = app.display.surface.get_size()
    app.draw()
    for i in range(10_000):
        r = rng.random()
        if r < 0.45:
            k = rng.choice(keys)
            mod = rng.choice([0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL])
            event = key(k, mod, chr(k) if 32 <= k < 127 else "")
        elif r < 0.55:
            event = pygame.event.Event(pygame.TEXTINPUT, text=rng.choice("aé z9«"))
        elif r < 0.85:
            controls = [c for c in app.focus.controls() if c.rect is not None]
            if controls and rng.random() < 0.7:
                pos = rng.choice(controls).rect.center
            else:
                pos = (rng.randrange(w), rng.randrange(h))
            event = pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=rng.choice([1, 1, 1, 3]), pos=pos)
        elif r < 0.93:
            event = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-3, -1, 1, 2]), flipped=False)
        else:
            event = pygame.event.Event(pygame.MOUSEMOTION, pos=(rng.randrange(w), rng.randrange(h)), rel=(0, 0),
                                       buttons=(0, 0, 0))
        app.handle(event)
        app.running = True  # a click on Quit must not stop the test
        if app.dirty and i % 8 == 0:  # clicks in between hit the last frame drawn, as a fast hand would
            app.draw()
            app.dirty = False
        if app.view.animating() and rng.random() < 0.2:
            app.view.finish_animation()
        if i % 2500 == 0 and app.game is not None:
            assert_consistent(app.game)
    app.draw()
    if app.game is not None:
        assert_consistent(app.game)


def assert_consistent(game):
    again = replay(game.scenario, game.seed, game.decisions)
    assert again.to_dict() == game.to_dict()
