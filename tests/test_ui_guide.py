"""The tutorial's step-by-step instructions in the window (its scenario's ``guide:``): each over
its step's first screen, in the player's language, once per game; Enter closes it and the keys
go back to the screen. The terminal prints the same texts (tests/test_terminal_french.py)."""

from __future__ import annotations

from pathlib import Path

import pygame
from ui_support import key, make_app, playable_tutorial

from game.engine.actions import Respond
from game.engine.defs import tr
from game.sim.drafters import make_drafter
from game.ui.views.field import CardView
from game.ui.views.guide import GuideOverlay
from game.ui.views.outcome import OutcomeView

LEVELS = Path(__file__).resolve().parent.parent / "levels"


def play_to_the_end(app) -> list[tuple[str, str]]:
    """Play the tutorial with a drafter, closing each instruction with Enter as a class would;
    return (phase, instruction shown) in the order they came."""
    drafter = make_drafter("status-quo", app.game.seed)
    shown: list[tuple[str, str]] = []
    for _ in range(500):
        top = app.nav.top.view
        if isinstance(top, GuideOverlay):
            shown.append((app.game.phase, " ".join(tr(text, app.lang) for text in top.texts)))
            app.draw()
            app.handle(key(pygame.K_RETURN))
            assert not isinstance(app.nav.top.view, GuideOverlay), "Enter closes the instruction"
            continue
        if app.game.phase == "end":
            return shown
        view = app.nav.screen
        if isinstance(view, OutcomeView):  # what a response did; its Continue
            app.nav.sync_view()
            continue
        action = drafter.choose(app.game)
        if isinstance(action, Respond) and isinstance(view, CardView):  # through the card, as a class does
            view.respond(app.game.card, app.game.card.response(action.response))
            continue
        app.act(action)
        app.nav.sync_view()
    raise AssertionError("the tutorial did not end")


def test_each_step_of_the_tutorial_opens_with_its_instruction_once(tmp_path: Path) -> None:
    app = make_app(tmp_path, size="1024x600", lang="fr", step=3, guides=True)
    assert app.start_game(str(playable_tutorial(tmp_path)), seed=7), app.message
    guide = app.game.scenario.guide
    shown = play_to_the_end(app)
    phases = [phase for phase, _text in shown]
    assert phases == ["briefing", "drafting", "negotiation", "card", "summary"], phases
    assert shown[0][1] == tr(guide["briefing"], "fr") and shown[0][1].startswith("Étape 1 sur 5")
    # the vote's hint is read before the vote is called, not over the votes as they come in
    assert shown[2][1] == tr(guide["negotiation"], "fr") + " " + tr(guide["vote"], "fr")


def test_no_instruction_in_a_scenario_without_a_guide(tmp_path: Path) -> None:
    app = make_app(tmp_path, guides=True)
    assert app.start_game(str(LEVELS / "after-algiers"), seed=7), app.message
    assert app.game.scenario.guide == {}
    assert not isinstance(app.nav.top.view, GuideOverlay)


def test_the_help_shows_the_steps_instruction_again(tmp_path: Path) -> None:
    app = make_app(tmp_path, lang="fr", guides=True)
    assert app.start_game(str(playable_tutorial(tmp_path)), seed=7), app.message
    app.handle(key(pygame.K_RETURN))  # the instruction, closed
    app.handle(key(pygame.K_F1))
    frame = app.draw()
    drawn = " ".join(" ".join(rec.text for rec in frame.texts).split())
    assert "Consigne" in drawn and "Étape 1 sur 5" in drawn, drawn[:300]
    app.nav.goto_title()  # on the title, no step is in play
    app.handle(key(pygame.K_F1))
    assert "Étape 1 sur 5" not in " ".join(rec.text for rec in app.draw().texts)
