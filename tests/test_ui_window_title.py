"""The window's title speaks the player's language: a French class sees "Porte-plume" in its task bar."""

from __future__ import annotations

from pathlib import Path

import pygame

from tests.ui_support import make_app


def test_the_window_title_follows_the_language(tmp_path: Path) -> None:
    app = make_app(tmp_path, lang="fr")
    assert pygame.display.get_caption()[0] == "Porte-plume"  # from the window's opening, before any frame
    app.present()
    assert pygame.display.get_caption()[0] == "Porte-plume"
    app.settings.lang = "en"
    app.present()
    assert pygame.display.get_caption()[0] == "Penholder"
