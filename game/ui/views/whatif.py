"""The counterfactual debrief: one decision of the journal changed, the rest replayed with the
same luck (``game.sim.whatif``: the other decisions kept where they still apply, the cautious
status-quo answer to a card the game never showed, every decision left out counted).

``WhatIfChoice`` (an overlay over the debrief) lists the other options of a clause, or the other
responses to a card; ``WhatIfView`` then shows both trajectories on the same charts (as played,
what if), each outcome's difference, the first quarter the games part and the largest causes of
the difference in words. Back returns to the debrief as it was."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from game import i18n
from game.engine.game import OUTCOMES, Game
from game.sim.teams import decision_text, ending_words
from game.sim.whatif import Counterfactual, changed_decision, whatif
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect
from game.ui.views.base import (
    GameView,
    View,
    fmt_num,
    heading_item,
    rich_item,
    text_item,
)
from game.ui.views.compare import difference_items
from game.ui.views.overlays import Overlay
from game.ui.views.sidebyside import draw_charts, row_item
from game.ui.views.tabbar import tab_command, tabs

if TYPE_CHECKING:
    from game.ui.app import App

TABS = ("charts", "differences")


def choices(game: Game, index: int) -> list[str]:
    """The options (a clause) or responses (a card) decision ``index`` (from 1) could have been."""
    d = game.decisions[index - 1]
    try:
        if d.get("do") == "choose":
            return [o.id for o in game.scenario.dimension(str(d["dimension"])).options]
        if d.get("do") == "respond":
            return [r.id for r in game.scenario.card(str(d["card"])).responses]
    except KeyError:  # an id this version of the scenario no longer has
        pass
    return []


def changeable(game: Game) -> list[int]:
    """The decisions (from 1) a what-if can change: clause choices and answers to cards."""
    return [i for i, d in enumerate(game.decisions, 1) if d.get("do") in ("choose", "respond")]


def journal_decisions(game: Game) -> list[int | None]:
    """For each journal entry, the decision (from 1) it records when a what-if can change it (a
    clause chosen, a card answered), else None."""
    out: list[int | None] = []
    n = 0
    for entry in game.journal:
        fields = {"choose": ("choose", "dimension", "option"), "card": ("respond", "card", "response")}.get(str(entry.get("kind")))
        found = None
        if fields is not None:
            do, a, b = fields
            found = next((i for i in range(n, len(game.decisions)) if game.decisions[i].get("do") == do
                          and game.decisions[i].get(a) == entry.get(a) and game.decisions[i].get(b) == entry.get(b)), None)
        if found is not None:
            n = found + 1
        out.append(None if found is None else found + 1)
    return out


class WhatIfChoice(Overlay):
    """Another option for one decision; the one played is marked."""

    name = "whatif-choice"

    def __init__(self, app: App, debrief: View, index: int):
        super().__init__(app)
        self.debrief = debrief
        self.index = index
        self.problem = ""

    @property
    def game(self) -> Game:
        g = self.app.game
        assert g is not None
        return g

    def heading(self) -> str:
        return self.t("ws.wif_choose", what=decision_text(self.game.decisions[self.index - 1], self.game.scenario, self.lang))

    def default_focus(self) -> str | None:
        return "wif:opt:0"

    def items(self, f: Frame, width: int) -> list[Item]:
        g, lang = self.game, self.lang
        d = g.decisions[self.index - 1]
        played = d.get("option") if d.get("do") == "choose" else d.get("response")
        out = [text_item(f, width, self.t("ws.wif_rule"), color=f.pal.muted)]
        if self.problem:
            out.append(heading_item(f, width, self.problem, "bold", f.pal.no))
        for i, opt in enumerate(choices(g, self.index)):
            words = decision_text(changed_decision(d, opt), g.scenario, lang)
            parts = [(words, "bold", None)]
            if opt == played:
                parts.append((self.t("ws.wif_played"), "body", None))
            out.append(rich_item(f, width, f"wif:opt:{i}", parts, partial(self.pick, opt), selected=opt == played))
        return out

    def pick(self, option: str) -> None:
        g = self.game
        try:
            result = whatif(g.scenario, g.seed, list(g.decisions), self.index, option)
        except ValueError:
            self.problem = self.t("ws.wif_impossible")
            self.app.dirty = True
            return
        self.app.nav.switch_screen(WhatIfView(self.app, result, option, self.debrief))


class WhatIfView(GameView):
    name = "whatif"
    help_key = "debrief"
    keymap = {pygame.K_LEFT: ("tab_step", -1), pygame.K_RIGHT: ("tab_step", 1)}

    def __init__(self, app: App, result: Counterfactual, choice: str, debrief: View):
        super().__init__(app)
        self.result = result
        self.choice = choice
        self.debrief = debrief
        self.tab = "charts"

    def screen_key(self) -> str:
        return f"whatif-{self.tab}"

    def stale(self) -> bool:
        return False

    def title(self) -> str:
        return self.t("ws.wif_title")

    def subtitle(self) -> str:
        r, lang = self.result, self.lang
        d = r.original.decisions[r.decision - 1]
        sc = r.original.scenario
        return self.t("ws.wif_sub", now=decision_text(changed_decision(d, self.choice), sc, lang))

    def change_text(self) -> str:
        r, lang = self.result, self.lang
        d = r.original.decisions[r.decision - 1]
        sc = r.original.scenario
        return self.t("ws.wif_change", was=decision_text(d, sc, lang), now=decision_text(changed_decision(d, self.choice), sc, lang))

    def default_focus(self) -> str | None:
        return f"tab:{self.tab}"

    def command(self, cmd: str, arg: Any) -> bool:
        return tab_command(self, TABS, cmd, arg)

    def auto_extras(self) -> list[partial[bool]]:
        return [partial(self.command, "tab", k) for k in TABS[1:]]

    def back(self) -> bool:
        self.app.nav.switch_screen(self.debrief)
        return True

    def actions(self) -> list[tuple[str, str, Any, bool]]:
        return [("wif:back", self.t("ws.wif_back"), self.back, True)]

    def names(self) -> tuple[str, str]:
        return i18n.text("wif_as_played", self.lang), i18n.text("wif_what_if", self.lang)

    def draw_body(self, f: Frame, body: Rect) -> None:
        inner = f.panel(body)
        rest = tabs(f, inner, self, [(k, self.t(f"ws.wif_tab_{k}")) for k in TABS], self.tab,
                    lambda k: self.command("tab", k))
        a, b = self.names()
        if self.tab == "charts":
            draw_charts(f, rest, [(a, self.result.original), (b, self.result.changed)], self.lang, "wif")
            return
        f.scroll_list("wif:differences", rest, self.difference_items(f, rest.w))

    def difference_items(self, f: Frame, w: int) -> list[Item]:
        r, lang = self.result, self.lang
        q = r.first_divergence()
        out: list[Item] = [text_item(f, w, self.change_text()),
                           heading_item(f, w, i18n.text("wif_never_part", lang) if q is None
                                        else i18n.text("wif_part_from", lang, q=q + 1), "h2")]
        played, what_if = self.names()
        out.append(row_item(f, w, [("", "bold"), (played, "bold"), (what_if, "bold"),
                                   (i18n.text("wif_change", lang), "bold")]))
        diff = r.outcome_changes()
        a, b = r.original.outcomes(), r.changed.outcomes()
        for key in OUTCOMES:
            out.append(row_item(f, w, [(i18n.word("outcome", key, lang), "body"), (str(a[key]), "body"),
                                       (str(b[key]), "body"), (fmt_num(diff[key], sign=True) if diff[key] else "=", "bold")],
                                bool(diff[key])))
        ea, eb = ending_words(r.original, lang), ending_words(r.changed, lang)
        out.append(row_item(f, w, [(i18n.text("cmp_ending", lang), "body"), (ea, "body"), (eb, "body"),
                                   ("=" if ea == eb else "≠", "bold")], ea != eb))
        out.append(heading_item(f, w, self.t("ws.wif_causes"), "h2"))
        out.extend(difference_items(f, w, r, lang, (played, what_if)))
        if r.left_out or r.fallback:
            out.append(text_item(f, w, i18n.plural("wif_left_out", len(r.left_out), lang) + " "
                                 + i18n.plural("wif_fallback", len(r.fallback), lang), color=f.pal.muted))
        return out


def whatif_item(f: Frame, width: int, view: View, index: int, line: str) -> Item:
    """A journal line with its "What if…" button beside it."""
    label = view.t("ws.wif_action")
    bw = f.text_w(label, "bold") + 3 * f.pad
    text_w = max(60, width - bw - f.pad)
    btn_h = f.button_h(label, bw, "bold")
    h = max(f.text_h(line, text_w), btn_h)
    cid = f"wif:{index}"
    app = view.app

    def draw(fr: Frame, r: Rect) -> None:
        fr.text(Rect(r.x, r.y, text_w, r.h), line)
        fr.button(cid, Rect(r.right - bw, r.y, bw, btn_h), label, lambda: app.nav.push(WhatIfChoice(app, view, index)),
                  style="bold")

    return Item(h, draw, (cid,))


__all__ = ["WhatIfChoice", "WhatIfView", "changeable", "choices", "whatif_item"]
