"""A PNG of the window's card screen with a given game on it, drawn offscreen.

The window is built as the game builds it (``game.ui.app.App``), with a store in a temporary
folder (so no autosave or setting of the player's is touched) and the SDL dummy video driver
when no display is wanted.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from game.engine.game import Game


def card_png(game: Game, level: str, path: Path, lang: str = "en", size: str = "1280x720", step: int = 1) -> Path:
    """Draw ``game`` (in its card phase) in an offscreen window and save it to ``path``."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.session import Session
    from game.store import Store
    from game.ui.app import App

    with tempfile.TemporaryDirectory(prefix="penholder-preview-") as data:
        ns = argparse.Namespace(level=level, seed=game.seed, lang=lang, auto=None, screenshots=None, size=size,
                                text=False, save_replay=None)
        app = App(ns, Store(Path(data)))
        app.settings.lang = lang
        app.settings.text_step = step
        app.open()
        try:
            app.session = Session(game, level, None, None)
            app.nav.clear_overlays()
            app.nav.sync_view()
            app.present()
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.tmp.png")
            screen = app.display.screen
            if screen is None:
                raise RuntimeError("the window could not be opened offscreen")
            pygame.image.save(screen, str(tmp))
            os.replace(tmp, path)
        finally:
            pygame.quit()
    return path
