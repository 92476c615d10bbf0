"""A passing confirmation ("Saved as…") is shown where it was done and goes at the player's next
change of screen: a play-tester saw it on the title screen and inside the Resume dialog."""

from __future__ import annotations

from pathlib import Path

import pygame
from ui_support import key, make_app, playable_tutorial


def test_a_saved_note_goes_at_the_next_screen_the_player_opens(tmp_path: Path) -> None:
    app = make_app(tmp_path, lang="fr")
    assert app.start_game(str(playable_tutorial(tmp_path)), seed=7), app.message
    app.handle(key(pygame.K_F1))  # some event: the save comes in a later one
    app.nav.pop()
    app.nav.open_saves()
    app.nav.top.view.save()  # the default name, saved
    note = app.message
    assert note and note.startswith("Enregistrée"), note
    app.nav.pop()  # the dialog closes, in the same event's wake: still said on the screen beneath
    assert app.message == note
    app.handle(key(pygame.K_F1))  # the player moves on
    assert app.message is None


def test_a_standing_notice_stays(tmp_path: Path) -> None:
    app = make_app(tmp_path, lang="fr")
    app.message = "north.yaml : ligne 3 — rechargement refusé"
    app.handle(key(pygame.K_F1))
    app.handle(key(pygame.K_ESCAPE))
    assert app.message == "north.yaml : ligne 3 — rechargement refusé"
