"""The end screen: why the game ended (the ending, its cause in the ledger, the date), how the
record differs, and what actually happened with its sources; Continue leads to the debrief."""

from __future__ import annotations

from game import story
from game.engine.defs import tr, tr_all
from game.ui.frame import Frame
from game.ui.layout import Rect, columns
from game.ui.views.base import ActionSpec, GameView, heading_item, para, text_item
from game.ui.views.debrief import DebriefView


class EndingView(GameView):
    name = "ending"
    help_key = "debrief"
    title_key = "ending_screen"

    def screen_key(self) -> str:
        return "ending"

    def default_focus(self) -> str | None:
        return "act:continue"

    def to_debrief(self) -> None:
        self.app.nav.switch_screen(DebriefView(self.app))

    def actions(self) -> list[ActionSpec]:
        return [("act:continue", self.t("to_debrief"), self.to_debrief, True)]

    def draw_body(self, f: Frame, body: Rect) -> None:
        g, lang = self.game, self.lang
        left, right = columns(body, [0.5, 0.5], f.gap)
        inner = f.panel(left, self.t("ending_title"))
        items = []
        for i, sentence in enumerate(story.end_summary(g, lang)):
            items.extend(para(f, inner.w, sentence, "bold" if i == 0 else "body"))
        f.scroll_list("ending", inner, items)
        inner = f.panel(right, self.t("history"))
        items = para(f, inner.w, tr(g.scenario.history, lang))
        if g.scenario.sources:
            items.append(heading_item(f, inner.w, self.t("sources")))
            items.extend(text_item(f, inner.w, "• " + src, color=f.pal.muted) for src in tr_all(g.scenario.sources, self.lang))
        f.scroll_list("history", inner, items)
