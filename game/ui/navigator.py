"""Navigation: a stack of views, the screen at the bottom and overlays above it, each with its
own focus.

Like Textual's screen stack: ``switch_screen`` puts a new screen in place of the whole stack,
``push`` opens an overlay over what is shown, ``pop`` closes the top one and gives the focus back
to the view beneath, as it was. Only the top view takes input. What is drawn is the screen, veiled,
and the top overlay (overlays share one box, so one beneath the top could not be seen anyway).
The ``open_*`` methods are the window's ways from one view to another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.ui.views.base import GameView, View
from game.ui.views.briefing import BriefingView
from game.ui.views.chamber import ChamberView, VoteView
from game.ui.views.drafting import DraftingView
from game.ui.views.ending import EndingView
from game.ui.views.field import CardView, SummaryView
from game.ui.views.guide import GuideOverlay, guide_due, step_texts
from game.ui.views.overlays import HelpOverlay, WhyOverlay
from game.ui.views.saves import ContinueOverlay, SavesOverlay
from game.ui.views.title import TitleView

if TYPE_CHECKING:
    from game.ui.app import App

# The screen of each phase of a game.
PHASE_VIEWS: dict[str, type[GameView]] = {
    "briefing": BriefingView,
    "drafting": DraftingView,
    "negotiation": ChamberView,
    "vote": VoteView,
    "card": CardView,
    "summary": SummaryView,
    "end": EndingView,  # why it ended, then the debrief (EndingView's Continue)
}


@dataclass
class Layer:
    """A view on the stack and the id of its focused control (None: its default, once drawn)."""

    view: View
    focus: str | None = None


class Navigator:
    def __init__(self, app: App):
        self.app = app
        self.layers: list[Layer] = []
        self.guides = True  # the tutorial's instructions over each step's first screen
        self.events = 0  # input events handled (``handlers.next_handler`` counts them)
        self._note: tuple[str, int] | None = None  # a passing confirmation, and the event that set it
        self._guided: tuple[int, set[str]] = (0, set())  # (the game, the phases already guided)

    # --- the stack ------------------------------------------------------------------------
    @property
    def screen(self) -> View:
        """The screen at the bottom of the stack."""
        return self.layers[0].view

    @property
    def top(self) -> Layer:
        """The layer that takes input: the last overlay opened, or the screen."""
        return self.layers[-1]

    @property
    def overlay(self) -> View | None:
        return self.layers[-1].view if len(self.layers) > 1 else None

    def note(self, text: str) -> None:
        """A passing confirmation ("Saved as…", "Report written…") in the message bar: shown on the
        screen where it was done, or the one that action led to, and gone at the next change of
        screen the player makes. Standing notices (a refused reload, the room) stay in ``message``."""
        self.app.message = text
        self._note = (text, self.events)

    def _drop_note(self) -> None:
        if self._note is not None and self.events > self._note[1]:
            if self.app.message == self._note[0]:
                self.app.message = None
            self._note = None

    def switch_screen(self, view: View) -> None:
        """Show another screen; every overlay closes, and the new screen picks its own focus."""
        self._drop_note()
        for layer in self.layers[1:]:  # an instruction replaced before it was read comes again
            if isinstance(layer.view, GuideOverlay):
                self._guided[1].discard(layer.view.phase)
        self.layers = [Layer(view)]
        self.app.dirty = True

    def push(self, overlay: View) -> None:
        self._drop_note()
        self.layers.append(Layer(overlay))
        self.app.dirty = True

    def pop(self) -> None:
        """Close the top overlay; the view beneath gets its focus back."""
        if len(self.layers) > 1:
            self.layers.pop()
        self.app.dirty = True

    def clear_overlays(self) -> None:
        del self.layers[1:]
        self.app.dirty = True

    def shown(self) -> list[Layer]:
        """The layers drawn, bottom first: the screen, and the top overlay if there is one."""
        return self.layers[:1] + self.layers[1:][-1:]

    def screen_key(self) -> str:
        """Names what is shown, for screenshots: the screen's key, then the overlay's."""
        return "-".join(layer.view.screen_key() for layer in self.shown())

    # --- ways from one view to another ----------------------------------------------------
    def goto_title(self) -> None:
        self.switch_screen(TitleView(self.app))

    def sync_view(self) -> None:
        """Show the view of the game's current phase (a new card is a new screen)."""
        game = self.app.game
        if game is None:
            return
        cls = PHASE_VIEWS[game.phase]
        if not self.layers or not isinstance(self.screen, cls) or self.screen.stale():
            self.switch_screen(cls(self.app))
            if cls is CardView:
                self.app.sounds.play("card", self.app.settings.sound)
            self.open_guide()

    def open_guide(self) -> None:
        """The step's instruction, the first time this game reaches the step (scenarios with a
        ``guide:``, the tutorial)."""
        game = self.app.game
        if game is None or not self.guides:
            return
        if self._guided[0] != id(game):  # another game (a new one, or one loaded): its own steps
            self._guided = (id(game), set())
        if guide_due(game, self._guided[1]):
            self.push(GuideOverlay(self.app, step_texts(game, game.phase), game.phase))

    def open_help(self) -> None:
        """F1: help about the screen shown; F1 again closes it."""
        if isinstance(self.top.view, HelpOverlay):
            self.pop()
            return
        self.push(HelpOverlay(self.app, self.screen.help_key))

    def open_why(self, quantity: str, quarter: int | None = None) -> None:
        """What moved a number; from a "why?" itself, the cause's own why, and Esc comes back."""
        if self.app.game is not None:
            self.push(WhyOverlay(self.app, quantity, quarter))

    def open_continue(self) -> None:
        self.push(ContinueOverlay(self.app))

    def open_saves(self) -> None:
        self.push(SavesOverlay(self.app))
