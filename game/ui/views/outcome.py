"""What happened: after a response, the card answered and what the response did, in a sentence or
two (the card author's outcome, else words made from the ledger), then every change it made, each
with its quantity's icon and a "why?" number, before the next screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game import story
from game.engine.defs import Card, Response, tr
from game.explain import arrows, effects_text
from game.i18n import month_label
from game.ui import icons
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect, columns
from game.ui.views.base import ActionSpec, GameView, fmt_num, heading_item, para, quantity_label

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
        self.changes = story.response_changes(self.game, card, response)

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
        if self.changes:  # the sentences tell the largest; every change, with its "why?", below
            items.append(heading_item(f, inner.w, self.t("outcome_changes")))
            items.extend(change_item(f, inner.w, f"chg:{i}", q, c, self.game.quarter, lang, self.game.date)
                         for i, (q, c) in enumerate(self.changes))
        if self.response.delayed:  # what the response has set in motion, and when it lands
            items.append(heading_item(f, inner.w, self.t("outcome_later")))
            for d in self.response.delayed:
                items.extend(para(f, inner.w, self.t("later", n=d.after, t=effects_text(d.effects, lang))))
                if tr(d.note, lang):
                    items.extend(para(f, inner.w, tr(d.note, lang), color=f.pal.muted))
        f.scroll_list("outcome", inner, items)


def change_item(f: Frame, width: int, cid: str, quantity: str, change: int, quarter: int, lang: str,
                date: int) -> Item:
    """'[icon] Displacement in Ménaka ....... −4 ▼': the change's number opens its "why?"."""
    size = f.line_h() - 4
    num = f"{fmt_num(change, sign=True)} {arrows(change)}"
    num_w = f.text_w(num, "bold") + f.pad
    label = quantity_label(quantity, lang, date)
    lab_w = max(40, width - size - f.pad - num_w - f.pad)
    h = max(f.text_h(label, lab_w), f.line_h("bold"))

    def draw(fr: Frame, r: Rect) -> None:
        fr.s.blit(icons.icon_for_quantity(quantity, size, fr.pal.heading), (r.x, r.y + 2))
        fr.text(Rect(r.x + size + fr.pad, r.y, lab_w, r.h), label)
        fr.why_number(cid, Rect(r.right - num_w, r.y, num_w, r.h), num, quantity, quarter=quarter)

    return Item(h, draw, (cid,))
