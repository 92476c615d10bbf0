"""The window's modes and its stack: one handler per mode, built once per change of mode; a text
field takes the typed keys; Esc answers No to a question; closing an overlay gives the focus back;
the event loop hands events to the handlers and stops on Quit."""

from __future__ import annotations

import pygame
from ui_support import key, make_app, playable_tutorial

from game.engine.actions import CallVote, Continue
from game.ui import loop
from game.ui.handlers import (
    AnimationHandler,
    ConfirmHandler,
    OverlayHandler,
    ScreenHandler,
    TextEntryHandler,
)
from game.ui.views.overlays import HelpOverlay, WhyOverlay
from game.ui.views.saves import FIELD, SavesOverlay


def started(tmp_path, size="1280x720"):
    app = make_app(tmp_path / "data", size)
    app.start_game(str(playable_tutorial(tmp_path)), seed=5)
    app.draw()
    return app


def text(s: str) -> pygame.event.Event:
    return pygame.event.Event(pygame.TEXTINPUT, text=s)


def test_a_handler_is_built_once_per_mode_not_per_event(tmp_path):
    app = started(tmp_path)
    app.handle(key(pygame.K_TAB))
    screen_handler = app.handler
    assert type(screen_handler) is ScreenHandler
    for _ in range(20):
        app.handle(key(pygame.K_TAB))
        app.draw()
        assert app.handler is screen_handler
    app.handle(key(pygame.K_F1))  # help opens: the next event goes to the overlay's handler
    assert type(app.handler) is OverlayHandler
    overlay_handler = app.handler
    app.draw()
    for _ in range(5):
        app.handle(key(pygame.K_TAB))
        assert app.handler is overlay_handler
    app.handle(key(pygame.K_ESCAPE))
    assert app.overlay is None and type(app.handler) is ScreenHandler and app.handler is not screen_handler


def test_the_vote_being_shown_is_a_mode_of_its_own(tmp_path):
    app = started(tmp_path)
    for action in (Continue(), Continue(), CallVote()):  # briefing, drafting, the chamber
        app.act(action)
    assert app.view.name == "vote"
    app.draw()
    app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 5), rel=(0, 0), buttons=(0, 0, 0)))
    assert type(app.handler) is AnimationHandler and app.view.animating()
    app.handle(key(pygame.K_x))  # any key shows the whole vote
    assert not app.view.animating() and type(app.handler) is ScreenHandler


def test_a_focused_text_field_takes_the_typed_keys(tmp_path):
    app = started(tmp_path)
    app.nav.open_saves()
    app.draw()  # the name field is the saves window's first focus
    ov = app.overlay
    assert isinstance(ov, SavesOverlay) and app.focus.id == FIELD
    ov.name_text = ""
    app.handle(text("Team"))
    assert type(app.handler) is TextEntryHandler
    app.handle(key(pygame.K_SPACE, uni=" "))  # Space types a space (as text input), it does not press a button
    app.handle(text(" B\x00"))
    app.handle(key(pygame.K_BACKSPACE))
    assert ov.name_text == "Team "
    app.handle(text("C"))
    app.handle(key(pygame.K_RETURN))  # Enter saves under the name typed
    assert [s.name for s in app.store.list_slots()] == ["Team C"]
    app.handle(key(pygame.K_TAB))  # Tab leaves the field: typed text no longer goes in
    assert app.focus.id != FIELD and type(app.handler) is OverlayHandler
    app.handle(text("zzz"))
    assert ov.name_text == "Team C"


def test_esc_answers_no_to_a_question_and_then_closes_the_window(tmp_path):
    app = started(tmp_path)
    path = app.store.save_slot(app.game, app.level, "Keep me")
    app.nav.open_saves()
    app.draw()
    ov = app.overlay
    ov.ask_delete(path)
    app.draw()
    app.handle(key(pygame.K_DOWN))
    assert type(app.handler) is ConfirmHandler
    app.handle(key(pygame.K_ESCAPE))
    assert ov.confirm is None and app.overlay is ov and path.exists()
    assert type(app.handler) is OverlayHandler
    app.handle(key(pygame.K_ESCAPE))
    assert app.overlay is None


def test_closing_an_overlay_gives_the_focus_back_to_the_view_beneath(tmp_path):
    app = started(tmp_path)
    for _ in range(3):
        app.handle(key(pygame.K_TAB))
        app.draw()
    focused = app.focus.id
    app.handle(key(pygame.K_F1))
    app.draw()
    assert isinstance(app.overlay, HelpOverlay) and app.focus.id == "overlay:close"
    app.handle(key(pygame.K_ESCAPE))
    app.draw()
    assert app.overlay is None and app.focus.id == focused


def test_overlays_stack_and_esc_goes_back_one_at_a_time(tmp_path):
    app = started(tmp_path)
    app.nav.open_saves()
    app.draw()
    app.handle(key(pygame.K_F1))  # help over the saves window
    app.draw()
    assert isinstance(app.overlay, HelpOverlay) and len(app.nav.layers) == 3
    assert app.nav.screen_key() == "briefing-q1-help"  # the screen and the top overlay are shown
    app.handle(key(pygame.K_F1))  # F1 again closes help, and the saves window is still there
    assert isinstance(app.overlay, SavesOverlay)
    app.nav.open_why("violence.mean")
    app.nav.open_why("violence.gao")  # a cause's own why, from a why
    app.handle(key(pygame.K_ESCAPE))
    assert isinstance(app.overlay, WhyOverlay) and app.overlay.quantity == "violence.mean"
    app.act(Continue())  # a new screen closes every overlay
    assert app.overlay is None and app.view.name == "drafting"


def test_a_why_number_opens_why_through_its_own_control(tmp_path):
    app = started(tmp_path)
    frame = app.draw()
    number = next(c for c in frame.controls if c.kind == "number")
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=number.rect.center))
    assert isinstance(app.overlay, WhyOverlay) and app.overlay.quantity == number.label


def test_the_loop_hands_events_to_the_handlers_and_stops_on_quit(tmp_path, monkeypatch):
    app = started(tmp_path)
    before = app.focus.id
    pygame.event.clear()
    pygame.event.post(key(pygame.K_TAB))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    waits = []
    wait = loop.wait_for_events

    def bounded(animating: bool, quiet_ms: int = 0) -> list[pygame.event.Event]:
        waits.append(quiet_ms)
        if len(waits) > 50:  # a loop that ignores Quit ends here rather than hang the tests
            app.running = False
            return []
        return wait(animating, quiet_ms)

    monkeypatch.setattr(loop, "wait_for_events", bounded)
    assert loop.run(app) == 0
    assert len(waits) < 50 and not app.running
    assert app.focus.id != before  # the Tab reached the screen's handler


def test_an_idle_window_sleeps_longer_the_longer_nothing_happens() -> None:
    # pygame.event.wait() polls every millisecond; the loop sleeps itself instead, briefly just
    # after input (typing feels immediate), then longer, never past IDLE_MAX_MS (a key still answers).
    sleeps = [loop.idle_sleep_ms(q) for q in (0, 400, 600, 4_000, 6_000, 600_000)]
    assert sleeps == sorted(sleeps) and sleeps[0] <= 10 and sleeps[-1] == loop.IDLE_MAX_MS <= 60
    assert loop.idle_sleep_ms(10 * 60_000) >= 50  # after ten idle minutes, at most ~20 wake-ups a second
