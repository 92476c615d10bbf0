"""The Council chamber: the fifteen at the horseshoe table with their predicted votes, a member's
reasons and trades one click away, then the vote, seat by seat, for the room to watch."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from game.engine import council
from game.engine.actions import Back, CallVote, Continue, Trade
from game.engine.defs import Member, tr, tr_all
from game.ui import icons
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect, columns, inset, take_top
from game.ui.theme import Color
from game.ui.views import seats as sts
from game.ui.views.base import (
    ActionSpec,
    GameView,
    View,
    button_item,
    chrome,
    fmt_num,
    heading_item,
    para,
    stat_item,
    text_item,
)

if TYPE_CHECKING:
    from game.ui.app import App

SYMBOL = {council.YES: "✔", council.NO: "✖", council.ABSTAIN: "○"}
REVEAL_MS = 450  # one seat every REVEAL_MS: fifteen seats in about seven seconds, a pace a room follows
RESULT_PAUSE_MS = 1200  # the count stands complete a moment before the result is announced
SIDE_DETAIL_W = 1500  # from this body width the member's detail stays beside the table


def vote_word(view: View, vote: str, permanent: bool) -> str:
    if vote == council.NO and permanent:
        return f"{SYMBOL[vote]} {view.t('no')} — {view.t('veto')}"
    return f"{SYMBOL[vote]} {view.t({'yes': 'yes', 'no': 'no', 'abstain': 'abstain'}[vote])}"


def seat_mark(view: View, vote: str, permanent: bool) -> str:
    """What a seat shows of a vote: its sign, and the word VETO for a permanent member's no."""
    return f"{SYMBOL[vote]} {view.t('veto')}" if vote == council.NO and permanent else SYMBOL[vote]


def vote_color(f: Frame, vote: str) -> Color:
    return {council.YES: f.pal.yes, council.NO: f.pal.no}.get(vote, f.pal.abstain)


class TableView(GameView):
    """What the chamber and the vote share: the members in their seats, the President, the pen."""

    def __init__(self, app: App):
        super().__init__(app)
        self._tables: dict[object, sts.Table] = {}  # layouts by what they were laid out for

    table: sts.Table | None = None  # the seats as last drawn (the tests read it)

    def members(self) -> list[Member]:
        g = self.game
        return sts.seating(g.council, sts.president(g.council, g.date))

    def marks(self, m: Member, chair: str | None) -> str:
        return (sts.PRESIDENT_MARK if m.id == chair else "") + (sts.PENHOLDER_MARK if m.id == sts.PENHOLDER else "")

    def legend(self) -> str:
        """'★ President: Malaysia · ✒ Penholder: France' (who is not seated is left out)."""
        g = self.game
        chair = sts.president(g.council, g.date)
        by_id = {m.id: tr(m.name, self.lang) for m in g.council}
        bits = []
        if chair in by_id:
            bits.append(f"{sts.PRESIDENT_MARK}\u00a0{self.t('president', name=by_id[chair])}")
        if sts.PENHOLDER in by_id:
            bits.append(f"{sts.PENHOLDER_MARK}\u00a0{self.t('penholder', name=by_id[sts.PENHOLDER])}")
        return " · ".join(bits)

    def lay_table(self, f: Frame, rect: Rect, final: list[sts.Seat], room_h: Callable[[int], int],
                  room: object) -> sts.Table:
        """The U for these seats, sized for their ``final`` look (so nothing moves as the votes
        come in), each keeping room for its own vote mark. ``room`` names what the inside holds:
        the same seats, room and window size give the same table, worked out once."""
        for seat in final:
            seat.vote_w = f.text_w(seat.vote, "bold")
        key = (tuple(rect), f.fonts.body, tuple((s.member, s.name, s.marks, s.vote) for s in final), room)
        if key not in self._tables:
            if len(self._tables) > 4:
                self._tables.clear()
            self._tables[key] = sts.table(
                rect, len(final), lambda i, w: sts.seat_h(f, final[i], w), room_h, f.pad // 2 + 2,
                sts.seat_width(f, final),
                lambda t: all(sts.words_fit(f, s, r.w) for s, r in zip(final, t.seats, strict=True)))
        self.table = self._tables[key]
        return self.table


class ChamberView(TableView):
    name = "chamber"
    help_key = "chamber"
    title_key = "chamber"
    keymap = {pygame.K_v: ("vote", None), pygame.K_b: ("back", None)}

    def __init__(self, app: App):
        super().__init__(app)
        self.selected: str | None = None
        self.detail_open = False  # on a small window, the member's detail in place of the table
        self.side = False  # the detail beside the table (a wide window), as last drawn

    def command(self, cmd: str, arg: Any) -> bool:
        if cmd == "vote":
            self.app.act(CallVote())
            return True
        if cmd == "back":
            self.app.act(Back())
            return True
        return False

    def back(self) -> bool:
        if self.detail_open:
            self.close_detail()
            return True
        self.app.act(Back())
        return True

    def default_focus(self) -> str | None:
        return "detail:close" if self.detail_open else "act:vote"

    def shortcuts(self) -> dict[str, str]:
        return super().shortcuts() | {"act:vote": "V", "act:back": "B"}

    def actions(self) -> list[ActionSpec]:
        return [("act:back", self.t("back_to_draft"), lambda: self.app.act(Back()), False),
                ("act:vote", self.t("call_vote"), lambda: self.app.act(CallVote()), True)]

    def pick(self, member: str) -> None:
        """A seat chosen: its detail beside the table, or in its place on a small window."""
        self.selected = member
        self.scroll["detail"] = 0
        if not self.side:
            self.detail_open = True
            self.app.focus.set(None)  # the detail's first control takes the focus

    def close_detail(self) -> None:
        self.detail_open = False
        self.app.focus.set(f"seat:{self.selected}" if self.selected else None)

    def draw_body(self, f: Frame, body: Rect) -> None:
        g = self.game
        stances = {s.member: s for s in g.predict()}
        if self.selected is None:
            blocking = [s for s in stances.values() if s.vote != council.YES]
            self.selected = (blocking[0] if blocking else next(iter(stances.values()))).member
        members = self.members()
        chair = sts.president(g.council, g.date)
        seats = [sts.Seat(m.id, tr(m.name, self.lang), self.marks(m, chair),
                          seat_mark(self, stances[m.id].vote, m.permanent) + ("?" if stances[m.id].undecided else ""),
                          vote_color(f, stances[m.id].vote), veto=m.permanent and stances[m.id].vote == council.NO,
                          selected=m.id == self.selected) for m in members]
        votes = {s.member: s.vote for s in stances.values()}
        text, passes = sts.verdict(self, members, votes)
        text = self.t("forecast", verdict=text[:1].lower() + text[1:])  # no vote yet: a forecast, said first
        yes = sum(v == council.YES for v in votes.values())
        no = sum(v == council.NO for v in votes.values())
        must = [(text, "h2", f.pal.yes if passes else f.pal.no),
                (self.t("forecast_tally", yes=yes, no=no, n=len(votes) - yes - no), "body", None)]
        legend = self.legend() + (" · " + self.t("undecided_mark", mark="?") if any(s.undecided for s in stances.values()) else "")
        extra = [(legend, "body", f.pal.muted), (self.t("seat_hint"), "body", f.pal.muted),
                 (self.t("capital", n=g.values["council.capital"]), "bold", f.pal.heading)]
        room_h = partial(sts.room_height, f, [must], 0)
        # On a wide window the member's detail stays beside the table, if the table still fits
        # there with every name whole; otherwise it takes the table's place when a seat is chosen.
        left, right = columns(body, [0.62, 0.38], f.gap)
        self.side = body.w >= SIDE_DETAIL_W and self.lay_table(
            f, inset(left, f.pad + 2, f.pad), seats, room_h, tuple(must)).clean
        if self.detail_open and not self.side:
            self.draw_detail(f, body, stances, closable=True)
            return
        if self.side:
            self.draw_detail(f, right, stances, closable=False)
        t = self.lay_table(f, f.panel(left if self.side else body), seats, room_h, tuple(must))
        for r, seat in zip(t.seats, seats, strict=True):
            sts.draw_seat(f, r, seat, f"seat:{seat.member}", partial(self.pick, seat.member))
        sts.draw_room(f, t.inside, must, extra, {len(must) + len(extra) - 1: "council.capital"})

    def draw_detail(self, f: Frame, rect: Rect, stances: dict[str, council.Stance], *, closable: bool) -> None:
        g, lang = self.game, self.lang
        assert self.selected is not None  # draw_body chose one
        m = g.scenario.member(self.selected)
        s = stances[m.id]
        name = tr(m.name, lang)
        if closable:
            bh = f.button_h(self.t("to_table"), rect.w, "bold")
            top, rect = take_top(rect, bh, f.pad)
            f.button("detail:close", Rect(top.x, top.y, min(top.w, f.text_w(self.t("to_table"), "bold") + 3 * f.pad), bh),
                     self.t("to_table"), self.close_detail, style="bold")
        inner = f.panel(rect, name)
        w = inner.w
        items: list[Item] = []
        # the penholder's capital, what trades are paid in: not a figure of the member's
        items.append(stat_item(f, w, "detail:capital", self.t("your_capital"),
                               str(g.values["council.capital"]), "council.capital", icon=True))
        tags = [self.t("p5_veto") if m.permanent else "", self.t("african") if m.african else ""]
        if any(tags):
            items.append(text_item(f, w, " · ".join(x for x in tags if x), color=f.pal.muted))
        items.append(text_item(f, w, vote_word(self, s.vote, m.permanent) + (f" ({self.t('undecided')})" if s.undecided else ""),
                               "bold", vote_color(f, s.vote)))
        if tr(m.wants, lang):
            items.extend(para(f, w, self.t("wants", t=tr(m.wants, lang))))
        items.append(heading_item(f, w, self.t("reasons", name=name)))
        weight_w = max(f.text_w(fmt_num(x, sign=True), "bold") for x in [m.base, *(r.weight for r in s.reasons)])
        items.append(reason_item(f, w, weight_w, m.base, None, self.t("base_reason")))
        for r in s.reasons:  # a clause of the draft, or the state of a quantity, with its icon
            icon = icons.quantity_icon_name(r.quantity) if r.quantity else icons.CLAUSE if r.option else None
            items.append(reason_item(f, w, weight_w, r.weight, icon, tr(r.why, lang)))
        items.append(heading_item(f, w, self.t("trades")))
        trades = []
        for r in s.reasons:
            dim = r.option.partition(".")[0]
            if r.weight < 0 and r.option and dim not in g.softened:
                cost = g.trade_cost(m.id, dim)
                if cost:
                    trades.append((dim, cost))
        if tr(m.trade, lang):  # what it trades on in general; the offers on this draft follow
            items.append(text_item(f, w, self.t("trade_in_general", t=tr(m.trade, lang)), color=f.pal.muted))
        if not trades:
            items.append(text_item(f, w, self.t("no_trades"), color=f.pal.muted))
        for dim, cost in trades:
            label = self.t("trade_btn", dim=tr(g.scenario.dimension(dim).label, lang), name=name, cost=cost)
            cid = f"trade:{m.id}:{dim}"
            items.append(button_item(f, w, cid, label, partial(self.app.act, Trade(m.id, dim)),
                                     icon=icons.quantity_icon_name("council.capital")))  # paid in capital
        year = g.date // 12
        sources = m.sources_in(year)  # those of this vote's year: none from a later one
        # Where the member's stance comes from, so that a class can check its reasons; and where the
        # game has nothing of that year, it says so rather than let later reasons pass as sourced.
        items.append(heading_item(f, w, self.t("sources")))
        items.extend(text_item(f, w, "• " + src, color=f.pal.muted) for src in tr_all(sources, lang))
        if not sources:
            items.append(text_item(f, w, self.t("no_sources", name=name, year=year), color=f.pal.muted))
        f.scroll_list("detail", inner, items)


def reason_item(f: Frame, width: int, weight_w: int, weight: int, icon: str | None, text: str) -> Item:
    """'+2 [icon] Moscow sees…': a reason's weight toward yes (green) or no (red), the icon of what
    it is about (a quantity, or a clause of the draft), then its words."""
    num = fmt_num(weight, sign=True)
    iw = f.icon_w()
    tw = max(40, width - weight_w - f.pad // 2 - iw)
    h = max(f.text_h(text, tw), f.line_h("bold"))

    def draw(fr: Frame, r: Rect) -> None:
        fr.text(Rect(r.x, r.y, weight_w, fr.line_h("bold")), num, "bold",
                fr.pal.yes if weight > 0 else fr.pal.no if weight < 0 else fr.pal.text, align="right")
        x = r.x + weight_w + fr.pad // 2
        if icon is not None:
            fr.icon(icon, x, r.y + 2, fr.line_h() - 4)
        fr.text(Rect(x + iw, r.y, tw, r.h), text)

    return Item(h, draw)


class VoteView(TableView):
    """The vote, seat by seat around the table, so that a class watches it happen; then the result.

    Time comes from the window's loop (``tick``): the first tick starts the count, so the view reads
    no clock of its own."""

    name = "vote"
    help_key = "vote"
    title_key = "vote_title"

    def __init__(self, app: App):
        super().__init__(app)
        self.started: int | None = None  # the loop's time at the first tick
        self.shown = 0  # seats whose vote is shown
        self.total = len(self.game.council)
        self.settled = False  # the result announced, a beat after the last vote
        if app.settings.reduce_motion:
            self.finish_animation()  # the result at once, seats already lit

    def animating(self) -> bool:
        return not self.settled

    def tick(self, now_ms: int) -> None:
        if self.started is None:
            self.started = now_ms
        elapsed = now_ms - self.started
        self.shown = min(self.total, elapsed // REVEAL_MS)
        if elapsed >= self.total * REVEAL_MS + RESULT_PAUSE_MS:
            self.finish_animation()

    def finish_animation(self) -> None:
        if not self.settled:
            self.app.sounds.play("gavel", self.app.settings.sound)  # the result is announced
        self.shown = self.total
        self.settled = True

    def default_focus(self) -> str | None:
        # While the votes come in the focus waits on "show all"; then it goes to the way forward,
        # never to Undo, so Enter, Enter cannot undo the vote.
        return "act:skip" if self.animating() else "act:continue"

    def actions(self) -> list[ActionSpec]:
        if self.animating():
            return [("act:skip", self.t("skip"), self.finish_animation, False)]
        return [("act:continue", self.t("to_field"), lambda: self.app.act(Continue()), True)]

    def draw(self, f: Frame) -> None:
        body = chrome(f, self, self.title(), self.subtitle(), self.actions())
        self.draw_body(f, body)

    def draw_body(self, f: Frame, body: Rect) -> None:
        g = self.game
        result = g.votes[-1]
        members = self.members()
        chair = sts.president(g.council, g.date)
        final = [sts.Seat(m.id, tr(m.name, self.lang), self.marks(m, chair),
                          seat_mark(self, result.votes[m.id], m.permanent), vote_color(f, result.votes[m.id]),
                          veto=m.permanent and result.votes[m.id] == council.NO) for m in members]
        def count(votes: Mapping[str, str]) -> tuple[int, int, int]:
            yes = sum(v == council.YES for v in votes.values())
            no = sum(v == council.NO for v in votes.values())
            return yes, no, len(votes) - yes - no

        def tally(votes: Mapping[str, str]) -> str:
            yes, no, abst = count(votes)
            return self.t("tally", yes=yes, no=no, n=abst)

        revealed = {m.id: result.votes[m.id] for m in members[: self.shown]}
        text, passes = sts.verdict(self, members, result.votes)
        bars_h = 4 * (f.line_h("bold") + f.pad // 2)
        inner = f.panel(body)
        # The table is laid out for the result, the largest it allows (h1, else h2), and keeps
        # that layout from the first vote to the last: no seat moves while the room watches.
        Line = tuple[str, str, Color | None]
        for style in ("h1", "h2"):
            result_lines: list[Line] = [(text, style, f.pal.yes if passes else f.pal.no),
                                        (tally(result.votes), "bold", None)]
            voting_lines: list[Line] = [(self.t("voting"), "h2", f.pal.heading), (tally(result.votes), "bold", None)]
            t = self.lay_table(f, inner, final, partial(sts.room_height, f, [result_lines, voting_lines], f.gap + bars_h),
                               tuple(result_lines))
            if t.horseshoe:
                break
        if self.animating():
            must: list[Line] = [voting_lines[0], (tally(revealed), "bold", None)]
            extra: list[Line] = [(self.legend(), "body", f.pal.muted)]
        else:
            must = result_lines
            extra = [(self.t("rollover"), "body", None)] if not result.adopted else []
        yes, no, abst = count(revealed)
        for i, (r, seat) in enumerate(zip(t.seats, final, strict=True)):
            if i >= self.shown:  # not voted yet: the flag dimmed, the mark to come
                seat = sts.Seat(seat.member, seat.name, seat.marks, "…", None, dim=True, vote_w=seat.vote_w)
            elif i == self.shown - 1 and self.animating():
                seat = sts.Seat(seat.member, seat.name, seat.marks, seat.vote, seat.color, seat.veto, selected=True,
                                vote_w=seat.vote_w)
            sts.draw_seat(f, r, seat, f"vote:{seat.member}", None)
        room = t.inside
        bars = Rect(room.x, room.bottom - bars_h, room.w, bars_h)
        sts.draw_room(f, Rect(room.x, room.y, room.w, max(0, bars.y - f.gap - room.y)), must, extra)
        self.draw_tally(f, bars, yes, no, abst)

    def draw_tally(self, f: Frame, r: Rect, yes: int, no: int, abst: int) -> None:
        """Three rows of fifteen cells (yes, abstain, no) under the line of nine yes votes needed."""
        pal = f.pal
        rows = [(self.t("yes"), yes, pal.yes, "✔"), (self.t("abstain"), abst, pal.abstain, "○"),
                (self.t("no"), no, pal.no, "✖")]
        label_w = max(f.text_w(f"{sym} {label}", "bold") for label, _n, _c, sym in rows) + f.pad
        num_w = f.text_w("15", "bold") + f.pad
        need = self.t("needed", n=council.VOTES_NEEDED)
        cell = max(6, (r.w - label_w - num_w) // self.total)
        rh = f.line_h("bold") + f.pad // 2
        x9 = r.x + label_w + council.VOTES_NEEDED * cell - 2
        # "9 needed" above the line the yes votes must reach, ending at it where there is room
        need_w = min(r.w, f.text_w(need, "bold"))
        f.text(Rect(max(r.x, min(x9 + 2, r.right) - need_w), r.y, need_w, rh), need, "bold", pal.text)
        for k, (label, n, color, sym) in enumerate(rows):
            y = r.y + (k + 1) * rh
            f.text(Rect(r.x, y, label_w, rh), f"{sym} {label}", "bold", color)
            for i in range(self.total):
                cr = Rect(r.x + label_w + i * cell, y + 3, cell - 3, rh - 8)
                if i < n:  # plain rects: 45 rounded ones a frame cost more than the rest of the table
                    f.s.fill(color, cr)
                else:
                    pygame.draw.rect(f.s, pal.border, cr, 1)
            f.text(Rect(r.x + label_w + self.total * cell + 4, y, num_w, rh), str(n), "bold", color)
        pygame.draw.line(f.s, pal.text, (x9, r.y + rh - 4), (x9, r.y + 2 * rh), 4)
