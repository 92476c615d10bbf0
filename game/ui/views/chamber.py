"""The Council chamber: fifteen seats with predicted votes and reasons, trades, then the vote."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from game.engine import council
from game.engine.actions import Back, CallVote, Continue, Trade
from game.engine.defs import tr
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect, columns, take_bottom, take_top
from game.ui.theme import Color
from game.ui.views.base import (
    ActionSpec,
    GameView,
    Part,
    View,
    button_item,
    fmt_num,
    heading_item,
    para,
    stat_item,
    text_item,
)

if TYPE_CHECKING:
    from game.ui.app import App

SYMBOL = {council.YES: "✔", council.NO: "✖", council.ABSTAIN: "○"}
REVEAL_MS = 230  # one seat every REVEAL_MS: fifteen seats in about 3.5 seconds


def vote_word(view: View, vote: str, permanent: bool) -> str:
    if vote == council.NO and permanent:
        return f"{SYMBOL[vote]} {view.t('no')} — {view.t('veto')}"
    return f"{SYMBOL[vote]} {view.t({'yes': 'yes', 'no': 'no', 'abstain': 'abstain'}[vote])}"


def vote_color(f: Frame, vote: str) -> Color:
    return {council.YES: f.pal.yes, council.NO: f.pal.no}.get(vote, f.pal.abstain)


# A seat: (control id, its texts, selected, what a click does: None for a seat that is only shown).
Seat = tuple[str, list[Part], bool, Callable[[], object] | None]


def seat_grid(f: Frame, rect: Rect, seats: Sequence[Seat]) -> None:
    """Seats in rows (as many columns as the names allow), scrolling by rows if needed."""
    widest = max((f.text_w(parts[0][0], "bold") for _c, parts, _s, _a in seats), default=100)
    min_w = min(rect.w, widest + 3 * f.pad)
    cols = max(2, min(5, (rect.w + f.pad) // (min_w + f.pad)))
    col_w = (rect.w - f.pad * (cols - 1)) // cols
    items = []
    for start in range(0, len(seats), cols):
        row = seats[start:start + cols]
        h = max(f.rich_h([(p[0], p[1]) for p in parts], col_w) for _c, parts, _s, _a in row)

        def draw(fr: Frame, r: Rect, row: Sequence[Seat] = row) -> None:
            for k, (cid, parts, selected, action) in enumerate(row):
                fr.rich_button(cid, Rect(r.x + k * (col_w + fr.pad), r.y, col_w, r.h), parts, action,
                               selected=selected, kind="seat", register=action is not None)

        items.append(Item(h, draw, tuple(s[0] for s in row if s[3] is not None)))
    f.scroll_list("seats", rect, items, gap=f.pad)


class ChamberView(GameView):
    name = "chamber"
    help_key = "chamber"
    title_key = "chamber"
    keymap = {pygame.K_v: ("vote", None), pygame.K_b: ("back", None)}

    def __init__(self, app: App):
        super().__init__(app)
        self.selected: str | None = None

    def command(self, cmd: str, arg: Any) -> bool:
        if cmd == "vote":
            self.app.act(CallVote())
            return True
        if cmd == "back":
            self.app.act(Back())
            return True
        return False

    def back(self) -> bool:
        self.app.act(Back())
        return True

    def default_focus(self) -> str | None:
        return "act:vote"

    def actions(self) -> list[ActionSpec]:
        return [("act:back", self.t("back_to_draft"), lambda: self.app.act(Back()), False),
                ("act:vote", self.t("call_vote"), lambda: self.app.act(CallVote()), True)]

    def pick(self, member: str) -> None:
        self.selected = member
        self.scroll["detail"] = 0

    def draw_body(self, f: Frame, body: Rect) -> None:
        g, lang = self.game, self.lang
        stances = g.predict()
        if self.selected is None:
            blocking = [s for s in stances if s.vote != council.YES]
            self.selected = (blocking[0] if blocking else stances[0]).member
        left, right = columns(body, [0.58, 0.42], f.gap)
        inner = f.panel(left)
        yes = sum(s.vote == council.YES for s in stances)
        no = sum(s.vote == council.NO for s in stances)
        line = self.t("predicted", yes=yes, no=no, n=len(stances) - yes - no)
        lh = f.text_h(line, inner.w, "bold")
        top, rest = take_top(inner, lh + f.pad // 2, f.pad)
        f.text(top, line, "bold", f.pal.heading)
        seats: list[Seat] = []
        for s in stances:
            m = g.scenario.member(s.member)
            extra = []
            if m.permanent:
                extra.append(self.t("p5"))
            if s.undecided:
                extra.append(self.t("undecided"))
            parts: list[Part] = [(tr(m.name, lang), "bold", None), (vote_word(self, s.vote, m.permanent), "bold", vote_color(f, s.vote)),
                     (" · ".join(extra), "body", f.pal.muted)]
            seats.append((f"seat:{m.id}", parts, m.id == self.selected, partial(self.pick, m.id)))
        seat_grid(f, rest, seats)
        self.draw_detail(f, right, {s.member: s for s in stances})

    def draw_detail(self, f: Frame, rect: Rect, stances: dict[str, council.Stance]) -> None:
        g, lang = self.game, self.lang
        assert self.selected is not None  # draw_body chose one
        m = g.scenario.member(self.selected)
        s = stances[m.id]
        name = tr(m.name, lang)
        inner = f.panel(rect, name)
        w = inner.w
        items: list[Item] = []
        items.append(stat_item(f, w, "detail:capital", self.t("capital", n="").rstrip(" :"),
                               str(g.values["council.capital"]), "council.capital"))
        tags = [self.t("p5_veto") if m.permanent else "", self.t("african") if m.african else ""]
        if any(tags):
            items.append(text_item(f, w, " · ".join(x for x in tags if x), color=f.pal.muted))
        items.append(text_item(f, w, vote_word(self, s.vote, m.permanent) + (f" ({self.t('undecided')})" if s.undecided else ""),
                               "bold", vote_color(f, s.vote)))
        if tr(m.wants, lang):
            items.extend(para(f, w, self.t("wants", t=tr(m.wants, lang))))
        items.append(heading_item(f, w, self.t("reasons", name=name)))
        items.append(text_item(f, w, self.t("base_reason", n=m.base)))
        for r in s.reasons:
            items.append(text_item(f, w, f"{fmt_num(r.weight, sign=True)}  {tr(r.why, lang)}"))
        items.append(heading_item(f, w, self.t("trades")))
        trades = []
        for r in s.reasons:
            dim = r.option.partition(".")[0]
            if r.weight < 0 and r.option and dim not in g.softened:
                cost = g.trade_cost(m.id, dim)
                if cost:
                    trades.append((dim, cost))
        if tr(m.trade, lang):
            items.append(text_item(f, w, tr(m.trade, lang), color=f.pal.muted))
        if not trades:
            items.append(text_item(f, w, self.t("no_trades"), color=f.pal.muted))
        for dim, cost in trades:
            label = self.t("trade_btn", dim=tr(g.scenario.dimension(dim).label, lang), name=name, cost=cost)
            cid = f"trade:{m.id}:{dim}"
            items.append(button_item(f, w, cid, label, partial(self.app.act, Trade(m.id, dim))))
        f.scroll_list("detail", inner, items)


class VoteView(GameView):
    """The vote, member by member, so that a class watches it happen; then the result."""

    name = "vote"
    help_key = "vote"
    title_key = "vote_title"

    def __init__(self, app: App):
        super().__init__(app)
        self.started = pygame.time.get_ticks()
        self.shown = 0
        self.total = len(self.game.council)

    def animating(self) -> bool:
        return self.shown < self.total

    def tick(self, now_ms: int) -> None:
        self.shown = min(self.total, (now_ms - self.started) // REVEAL_MS)

    def finish_animation(self) -> None:
        self.shown = self.total

    def default_focus(self) -> str | None:
        return "act:continue"

    def actions(self) -> list[ActionSpec]:
        if self.animating():
            return []
        return [("act:continue", self.t("to_field"), lambda: self.app.act(Continue()), True)]

    def draw_body(self, f: Frame, body: Rect) -> None:
        g, lang = self.game, self.lang
        result = g.votes[-1]
        members = list(g.council)
        revealed = members[: self.shown]
        yes = sum(result.votes[m.id] == council.YES for m in revealed)
        no = sum(result.votes[m.id] == council.NO for m in revealed)
        abst = len(revealed) - yes - no
        inner = f.panel(body)
        tally = self.t("tally", yes=yes, no=no, n=abst)
        if self.animating():
            head = f"{self.t('voting')}  {tally}   ({self.t('skip')})"
            head_style = "h2"
            color = f.pal.heading
        else:
            head = f"{self.t('adopted') if result.adopted else self.t('not_adopted')} — {tally}"
            head_style = "h1"
            color = f.pal.yes if result.adopted else f.pal.no
        hh = f.text_h(head, inner.w, head_style)
        vetoes = [tr(m.name, lang) for m in members if m.permanent and result.votes[m.id] == council.NO]
        notes = []
        if not self.animating():
            if vetoes:
                notes.append(self.t("vetoed_by", names=", ".join(vetoes)))
            if not result.adopted:
                notes.append(self.t("rollover"))
        note = " ".join(notes)
        nh = f.text_h(note, inner.w) + f.pad if note else 0
        top, rest = take_top(inner, hh + nh, f.gap)
        f.text(Rect(top.x, top.y, top.w, hh), head, head_style, color)
        if note:
            f.text(Rect(top.x, top.y + hh, top.w, nh), note, "body")
        # a row of fifteen marks fills as the votes come in (shape + word, never colour alone)
        seats = []
        for i, m in enumerate(members):
            if i < self.shown:
                vote = result.votes[m.id]
                parts: list[Part] = [(tr(m.name, lang), "bold", None), (vote_word(self, vote, m.permanent), "h2", vote_color(f, vote))]
            else:
                parts = [(tr(m.name, lang), "bold", None), ("…", "h2", f.pal.muted)]
            seats.append((f"vote:{m.id}", parts, i == self.shown - 1 and self.animating(), None))
        tally_h = 3 * (f.line_h("bold") + f.pad // 2)
        tally_r, grid_r = take_bottom(rest, tally_h, f.gap)
        seat_grid(f, grid_r, seats)
        self.draw_tally(f, tally_r, yes, no, abst)

    def draw_tally(self, f: Frame, r: Rect, yes: int, no: int, abst: int) -> None:
        """Three rows of fifteen cells (yes, abstain, no) with the line of nine yes votes needed."""
        pal = f.pal
        rows = [(self.t("yes"), yes, pal.yes, "✔"), (self.t("abstain"), abst, pal.abstain, "○"),
                (self.t("no"), no, pal.no, "✖")]
        label_w = max(f.text_w(f"{sym} {label}", "bold") for label, _n, _c, sym in rows) + f.pad
        num_w = f.text_w("15", "bold") + f.pad
        need = self.t("needed", n=9)
        need_w = f.text_w(need, "bold") + f.pad
        cells_w = r.w - label_w - num_w - need_w
        cell = max(6, cells_w // 15)
        rh = f.line_h("bold") + f.pad // 2
        for k, (label, n, color, sym) in enumerate(rows):
            y = r.y + k * rh
            f.text(Rect(r.x, y, label_w, rh), f"{sym} {label}", "bold", color)
            for i in range(15):
                cr = Rect(r.x + label_w + i * cell, y + 3, cell - 3, rh - 8)
                if i < n:
                    f.fill(cr, color, 2)
                else:
                    f.fill(cr, pal.panel, 2, pal.border)
            f.text(Rect(r.x + label_w + 15 * cell + 4, y, num_w, rh), str(n), "bold", color)
        x9 = r.x + label_w + 9 * cell - 2
        pygame.draw.line(f.s, pal.text, (x9, r.y), (x9, r.y + rh), 3)
        f.text(Rect(r.right - need_w + f.pad // 2, r.y, need_w - f.pad // 2, rh), need, "bold", pal.text)
