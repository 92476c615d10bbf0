"""What happened: after a response, the card answered and what the response did, in a sentence or
two (the card author's outcome, else words made from the ledger), before the next screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game import story
from game.engine.defs import Card, Response, tr
from game.i18n import month_label
from game.ui.frame import Frame
from game.ui.layout import Rect, columns
from game.ui.views.base import ActionSpec, GameView, heading_item, para

if TYPE_CHECKING:
    from game.ui.app import App


class OutcomeView(GameView):
    """Shown on the card screen's place once a response is chosen; Continue goes on to whatever
    the game shows next (another card, the quarter's summary, the end)."""

    name = "outcome"
    help_key = "card"
    title_key = "field"

    def __init__(self, app: App, card: Card, response: Response):
        super().__init__(app)
        self.card = card
        self.response = response
        self.text = story.response_outcome(self.game, card, response, self.lang)

    def screen_key(self) -> str:
        return f"outcome-q{self.game.quarter + 1}-{self.card.id}"

    def subtitle(self) -> str:
        g = self.game
        return " · ".join([self.t("quarter_n", n=g.quarter + 1), month_label(g.date, self.lang),
                           tr(g.scenario.title, self.lang)])

    def default_focus(self) -> str | None:
        return "act:continue"

    def actions(self) -> list[ActionSpec]:
        return [("act:continue", self.t("continue"), self.app.nav.sync_view, True)]

    def draw_body(self, f: Frame, body: Rect) -> None:
        lang = self.lang
        left, right = columns(body, [0.47, 0.53], f.gap)
        inner = f.panel(left, tr(self.card.title, lang))
        f.scroll_list("card", inner, para(f, inner.w, tr(self.card.text, lang), color=f.pal.muted))
        inner = f.panel(right, self.t("story_outcome"))
        items = [heading_item(f, inner.w, tr(self.response.label, lang))]
        items.extend(para(f, inner.w, self.text))
        f.scroll_list("outcome", inner, items)
