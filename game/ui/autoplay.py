"""Auto-play (``--auto STRATEGY``) and screenshots (``--screenshots DIR``).

A scripted drafter plays the game in the window: each screen is shown (and saved as a PNG the
first time it appears, with its tabs and a "why?" where the view offers them), then the drafter
takes its decision. In a visible window the game moves at a pace a class can follow; offscreen it
runs as fast as it can. An auto run never reads or writes the class's settings and saves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.content.loader import resolve_level
from game.engine.actions import Respond
from game.sim.drafters import Drafter, drafter_for
from game.ui.views.ending import EndingView
from game.ui.views.field import CardView
from game.ui.views.guide import GuideOverlay
from game.ui.views.outcome import OutcomeView

if TYPE_CHECKING:
    from game.ui.app import App

AUTO_STEP_MS = 700  # pace of --auto in a visible window (offscreen: as fast as it can)


class Screenshots:
    """PNGs of the window, numbered in order, one for each screen seen for the first time."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0
        self.seen: set[str] = set()

    def take(self, surface: pygame.Surface, key: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count += 1
        pygame.image.save(surface, str(self.folder / f"{self.count:03d}-{key}.png"))

    def take_if_new(self, surface: pygame.Surface, key: str) -> None:
        if key not in self.seen:
            self.seen.add(key)
            self.take(surface, key)


class AutoPlayer:
    def __init__(self, app: App, strategy: str):
        self.app = app
        self.strategy = strategy
        self.drafter: Drafter | None = None  # made when the game starts: it needs its seed

    def show(self) -> None:
        """Draw the window, and save its picture if it shows something new."""
        self.app.present()
        self.app.shoot_if_new()

    def step(self) -> None:
        """One move: show the screen (and its other tabs, for screenshots), then let the drafter act."""
        app = self.app
        if isinstance(app.nav.top.view, GuideOverlay):  # the tutorial's instruction, read, then closed
            self.show()
            app.nav.pop()
            return
        view = app.nav.screen
        if view.animating():
            view.finish_animation()
        self.show()
        if app.shots is not None:
            for extra in view.auto_extras():
                extra()
                self.show()
        game = app.game
        if isinstance(view, OutcomeView):  # what a response did, then on to the game's next screen
            app.nav.sync_view()
            return
        if game is not None and game.phase == "end" and isinstance(view, EndingView):
            view.to_debrief()  # the end screen first, then the debrief
            return
        if game is None or game.phase == "end":
            app.running = False
            return
        if self.drafter is None:
            self.drafter = drafter_for(self.strategy, game.seed, game.scenario)
        action = self.drafter.choose(game)
        if isinstance(action, Respond) and isinstance(view, CardView) and game.card is not None:
            view.respond(game.card, game.card.response(action.response))  # and say what happened
        else:
            app.act(action)

    def run(self, level: str) -> int:
        """Play ``level`` to its end; 2 when it cannot be played."""
        app = self.app
        if not app.start_game(app.levels.name(resolve_level(level))):
            app.present()
            print(f"penholder: {app.message}")
            return 2
        visible = app.display.visible()
        while app.running:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    return 0
                if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
                    app.resized()
            self.step()
            if visible:
                pygame.time.wait(AUTO_STEP_MS)
        return 0
