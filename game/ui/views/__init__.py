"""One view per screen (arcade style); ``for_phase`` picks the view of a game phase."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ui.views.base import GameView


def for_phase(phase: str) -> type[GameView]:
    from game.ui.views.briefing import BriefingView
    from game.ui.views.chamber import ChamberView, VoteView
    from game.ui.views.debrief import DebriefView
    from game.ui.views.drafting import DraftingView
    from game.ui.views.field import CardView, SummaryView

    return {
        "briefing": BriefingView,
        "drafting": DraftingView,
        "negotiation": ChamberView,
        "vote": VoteView,
        "card": CardView,
        "summary": SummaryView,
        "end": DebriefView,
    }[phase]
