"""The tutorial's step-by-step instructions in the window: the scenario's ``guide:`` text for a
phase, shown over its screen the first time the game reaches that phase, and closed with Enter.

The terminal prints the same texts above each phase's first screen. A class meeting the game for
the first time reads one short instruction per step, then plays the screen under it; F1's help
shows the step's instruction again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.defs import Text, tr
from game.engine.game import Game
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect
from game.ui.strings import t
from game.ui.views.base import text_item
from game.ui.views.overlays import Overlay

if TYPE_CHECKING:
    from game.ui.app import App

# A phase whose screen plays something to watch gets its instruction with the phase before it:
# the vote's hint is read before the vote is called, not over the votes as they come in.
SHOWN_WITH: dict[str, str] = {"vote": "negotiation"}


def step_texts(game: Game, phase: str) -> list[Text]:
    """The guide's texts for ``phase``: its own, then those of the phases shown with it."""
    guide = game.scenario.guide
    phases = [phase, *(later for later, before in SHOWN_WITH.items() if before == phase)]
    return [guide[p] for p in phases if p in guide]


def guide_due(game: Game, seen: set[str]) -> bool:
    """Whether the phase the game is in has an instruction not shown yet (and mark it shown)."""
    phase = game.phase
    if phase in SHOWN_WITH or phase in seen or not step_texts(game, phase):
        return False
    seen.add(phase)
    return True


class GuideOverlay(Overlay):
    """The instruction of the step the class has reached, over its screen."""

    name = "guide"

    def __init__(self, app: App, texts: list[Text], phase: str = ""):
        super().__init__(app)
        self.texts = texts
        self.phase = phase  # the step it explains (shown again if it is closed unread by a new screen)

    def heading(self) -> str:
        return t("guide_title", self.lang)

    def items(self, f: Frame, width: int) -> list[Item]:
        return [text_item(f, width, tr(text, self.lang)) for text in self.texts]

    def box(self, f: Frame) -> Rect:
        """As tall as the instruction needs (a short text is not lost in a tall empty panel)."""
        win = f.window
        w = min(win.w - 2 * f.gap, max(int(win.w * 0.6), 640))
        inner_w = w - 2 * (f.pad + 2)
        body = sum(f.text_h(tr(text, self.lang), inner_w) for text in self.texts) + f.pad * len(self.texts)
        chrome = f.line_h("h2") + f.button_h(t("close", self.lang), inner_w, "bold") + 4 * f.pad
        h = min(win.h - 4 * f.gap, body + chrome)
        return Rect((win.w - w) // 2, (win.h - h) // 2, w, h)
