"""Drafting: the clause dimensions, each option with its tendencies, and the draft as it grows."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from game import explain
from game.engine import preview
from game.engine.actions import Choose, Continue
from game.engine.defs import Dimension, tr
from game.engine.game import Game
from game.i18n import describe
from game.ui.frame import Frame
from game.ui.layout import Rect, columns, inset, take_top
from game.ui.strings import t
from game.ui.views.base import (
    NUMBER_KEYS,
    ActionSpec,
    GameView,
    Part,
    compact,
    fmt_num,
    heading_item,
    para,
    rich_item,
    text_item,
)

if TYPE_CHECKING:
    from game.ui.app import App

# How much one unit of a quantity weighs when choosing which changes to show: $m of budget are
# cheap beside lives, or the budget would crowd out every other tendency.
_PREVIEW_WEIGHT = {"mission.budget": 1, "mission.casualties": 30}


def _change(q: str, c: int, span: tuple[int, int] | None, lang: str) -> str:
    text = f"{describe(q, lang)} {explain.arrows(c)} {fmt_num(c, sign=True)}"
    if span is not None and span[0] != span[1]:
        text += " " + t("preview_range", lang, lo=fmt_num(span[0], sign=True), hi=fmt_num(span[1], sign=True))
    return text


def tendency_text(game: Game, dim: str, opt: str, lang: str) -> str:
    """An option's preview in words: its two largest gains and its two largest costs, each with its
    range under luck, and why it moved since the last renewal if it moved much."""
    changes = preview.expected(game, dim, opt)
    if not changes:
        return t("as_now", lang)
    spans = preview.luck_range(game, dim, opt)
    good, bad = preview.gains_and_costs(changes, _PREVIEW_WEIGHT)
    parts = []
    if good:
        parts.append(t("preview_gains", lang, what=" · ".join(_change(q, changes[q], spans.get(q), lang) for q in good)))
    if bad:
        parts.append(t("preview_costs", lang, what=" · ".join(_change(q, changes[q], spans.get(q), lang) for q in bad)))
    text = " ".join(parts)
    moved = preview.swing(game, dim, opt)
    if moved is not None:
        text += " " + swing_text(game, dim, moved, lang)
    return text


def swing_text(game: Game, dim: str, moved: preview.Swing, lang: str) -> str:
    """Why a preview is not what it was at the last renewal, in words."""
    dims = {d.id: d for d in game.scenario.dimensions}
    if moved.reason == "option":
        clause = dims[dim]
        why = t("swing_option", lang, was=tr(clause.option(moved.detail).label, lang),
                now=tr(clause.option(game.in_force[dim]).label, lang))
    elif moved.reason == "mandate":
        why = t("swing_mandate", lang, dim=tr(dims[moved.detail].label, lang))
    else:
        why = t("swing_state", lang, what=describe(moved.detail, lang), was=fmt_num(moved.was), now=fmt_num(moved.now))
    return t("preview_swing", lang, what=describe(moved.quantity, lang), before=fmt_num(moved.before, sign=True),
             now=fmt_num(moved.after, sign=True), why=why)


class DraftingView(GameView):
    name = "drafting"
    help_key = "drafting"
    title_key = "drafting"
    keymap = {k: ("pick", n) for k, n in NUMBER_KEYS.items()}

    def __init__(self, app: App):
        super().__init__(app)
        self.dim = 0

    def command(self, cmd: str, arg: Any) -> bool:
        if cmd == "pick":
            dim = self.game.scenario.dimensions[self.dim]
            if 1 <= arg <= len(dim.options):
                self.app.act(Choose(dim.id, dim.options[arg - 1].id))
                self.app.focus.set(f"opt:{arg - 1}")
                return True
        return False

    def default_focus(self) -> str | None:
        return "dim:0"

    def select(self, i: int) -> None:
        """Open a clause; the focus goes to its chosen option (Esc goes back to the clauses)."""
        self.dim = i
        self.scroll["options"] = 0
        dim = self.game.scenario.dimensions[i]
        chosen = [o.id for o in dim.options].index(self.game.draft[dim.id])
        self.app.focus.set(f"opt:{chosen}")

    def back(self) -> bool:
        self.app.focus.set(f"dim:{self.dim}")
        return True

    def actions(self) -> list[ActionSpec]:
        return [("act:to_council", self.t("to_council"), lambda: self.app.act(Continue()), True)]

    def draw_body(self, f: Frame, body: Rect) -> None:
        g = self.game
        dims = g.scenario.dimensions
        self.dim = max(0, min(self.dim, len(dims) - 1))
        if compact(f):
            self.draw_compact(f, body)
            return
        self.draw_columns(f, body)

    def draw_compact(self, f: Frame, body: Rect) -> None:
        """A short window: every clause on a grid of one-line buttons across the top (one Tab stop,
        the arrows move inside it), the open clause's options beneath, each on one line but the one
        with the focus (or in the draft), which shows what it does and tends to. While the options
        have the focus and that text would not fit, the grid keeps only the open clause: what an
        option does is what the class reads then (Esc brings every clause back)."""
        g, lang = self.game, self.lang
        dims = g.scenario.dimensions
        dim = dims[self.dim]
        focused = self.app.focus.id or ""
        open_j = int(focused[4:]) if focused.startswith("opt:") and focused[4:].isdigit() else None
        shown = next((o for j, o in enumerate(dim.options) if j == open_j), dim.option(g.draft[dim.id]))
        lines = [tr(shown.summary, lang)]
        if self.app.settings.previews:
            lines.append(f"{self.t('tends')} {tendency_text(g, dim.id, shown.id, lang)}")
            if g.in_force.get(dim.id) != shown.id:
                lines.append(self.t("preview_luck", n=len(preview.SAMPLE_SEEDS)))
        every = list(range(len(dims)))
        if open_j is not None:
            inner = inset(self._clause_grid(f, body, every, draw=False), f.pad + 2, f.pad)
            needed = sum(f.text_h(line, inner.w) for line in lines)
            if inner.h - self._options_h(f, inner, dim) - f.gap < needed:
                every = [self.dim]
        inner = f.panel(self._clause_grid(f, body, every))  # the open clause is the one highlighted above
        detail = self._options(f, inner, dim)
        items = [it for k, line in enumerate(lines)
                 for it in para(f, detail.w, line, color=f.pal.muted if k else None)]
        f.scroll_list("option_detail", detail, items)

    def _clause_grid(self, f: Frame, body: Rect, shown: list[int], draw: bool = True) -> Rect:
        """The clauses ``shown`` as a grid of buttons across the top of ``body``; returns the rest
        (with ``draw`` False, only the rest: what the grid would leave)."""
        g, lang = self.game, self.lang
        dims = g.scenario.dimensions
        ncol = min(len(shown), 3 if body.w >= 40 * f.fonts.body else 2)
        cw = (body.w - f.pad * (ncol - 1)) // ncol
        labels = [("✎ " if g.draft[dims[i].id] != g.in_force.get(dims[i].id) else "") + tr(dims[i].label, lang) for i in shown]
        heights = [max(f.button_h(lab, cw, "bold") for lab in labels[k:k + ncol]) for k in range(0, len(labels), ncol)]
        grid, rest = take_top(body, sum(heights) + f.pad // 2 * (len(heights) - 1), f.gap)
        if not draw:
            return rest
        cols = columns(grid, [1] * ncol, f.pad)
        outer, f.group = f.group, "list:dims"
        y = grid.y
        for n, (i, label) in enumerate(zip(shown, labels, strict=True)):
            col, row = cols[n % ncol], n // ncol
            f.button(f"dim:{i}", Rect(col.x, y, col.w, heights[row]), label, partial(self.select, i), style="bold",
                     kind="tab", selected=i == self.dim, align="left")
            if n % ncol == ncol - 1:
                y += heights[row] + f.pad // 2
        f.group = outer
        return rest

    def _option_heads(self, f: Frame, inner: Rect, dim: Dimension) -> tuple[list[str], list[int]]:
        """The options' button texts, and the height of each row of two."""
        g, lang = self.game, self.lang
        ow = (inner.w - f.pad) // 2
        heads = [("✔ " if g.draft[dim.id] == o.id else "") + f"{j + 1}. {tr(o.label, lang)}"
                 for j, o in enumerate(dim.options)]
        return heads, [max(f.button_h(h, ow, "bold") for h in heads[k:k + 2]) for k in range(0, len(heads), 2)]

    def _options_h(self, f: Frame, inner: Rect, dim: Dimension) -> int:
        _heads, oh = self._option_heads(f, inner, dim)
        return sum(oh) + f.pad // 2 * (len(oh) - 1)

    def _options(self, f: Frame, inner: Rect, dim: Dimension) -> Rect:
        """The open clause's options, a grid of buttons in two columns; returns the room under them."""
        g = self.game
        heads, oh = self._option_heads(f, inner, dim)
        ogrid, detail = take_top(inner, sum(oh) + f.pad // 2 * (len(oh) - 1), f.gap)
        ocols = columns(ogrid, [1, 1], f.pad)
        outer, f.group = f.group, "list:options"
        y = ogrid.y
        for j, (opt, head) in enumerate(zip(dim.options, heads, strict=True)):
            r = Rect(ocols[j % 2].x, y, ocols[j % 2].w, oh[j // 2])
            f.button(f"opt:{j}", r, head, partial(self.app.act, Choose(dim.id, opt.id)), style="bold",
                     selected=g.draft[dim.id] == opt.id, align="left")
            if j % 2 == 1:
                y += oh[j // 2] + f.pad // 2
        f.group = outer
        return detail

    def draw_columns(self, f: Frame, body: Rect) -> None:
        g, lang = self.game, self.lang
        dims = g.scenario.dimensions
        left, mid, right = columns(body, [0.26, 0.41, 0.33], f.gap)
        # dimensions
        inner = f.panel(left, self.t("dimensions"))
        items = []
        for i, dim in enumerate(dims):
            opt = dim.option(g.draft[dim.id])
            mark = "✎ " if g.draft[dim.id] != g.in_force.get(dim.id) else ""
            parts = [(tr(dim.label, lang), "bold", None), (mark + tr(opt.label, lang), "body", None)]
            items.append(rich_item(f, inner.w, f"dim:{i}", parts, partial(self.select, i), selected=i == self.dim,
                                   kind="tab"))
        f.scroll_list("dims", inner, items)
        # options of the selected dimension
        dim = dims[self.dim]
        inner = f.panel(mid, self.t("options_for", dim=tr(dim.label, lang)))
        items = []
        if tr(dim.help, lang):
            items.append(text_item(f, inner.w, tr(dim.help, lang), color=f.pal.muted))
        if not self.app.settings.previews:
            items.append(text_item(f, inner.w, self.t("previews_off"), color=f.pal.muted))
        else:
            items.append(text_item(f, inner.w, self.t("preview_luck", n=len(preview.SAMPLE_SEEDS)), color=f.pal.muted))
        for j, opt in enumerate(dim.options):
            chosen = g.draft[dim.id] == opt.id
            head = f"{j + 1}. {tr(opt.label, lang)}" + (f" — {self.t('in_draft')}" if chosen else "")
            texts: list[Part] = [(head, "bold", None), (tr(opt.summary, lang), "body", None)]
            if self.app.settings.previews:
                texts.append((f"{self.t('tends')} {tendency_text(g, dim.id, opt.id, lang)}", "body", f.pal.muted))
            items.append(rich_item(f, inner.w, f"opt:{j}", texts, partial(self.app.act, Choose(dim.id, opt.id)),
                                   selected=chosen))
        f.scroll_list("options", inner, items)
        # the draft resolution
        inner = f.panel(right, self.t("the_draft"))
        items = [text_item(f, inner.w, self.t("preamble"), color=f.pal.muted)]
        for i, d in enumerate(dims):
            opt = d.option(g.draft[d.id])
            line = f"{i + 1}. " + self.t("decides", dim=tr(d.label, lang), opt=tr(opt.label, lang))
            if d.id in g.softened:
                who = tr(g.scenario.member(g.softened[d.id]).name, lang)
                line += self.t("softened_mark", who=who)
            if g.draft[d.id] != g.in_force.get(d.id):
                line = "✎ " + line
            items.append(heading_item(f, inner.w, line, "bold" if i == self.dim else "body",
                                      f.pal.heading if i == self.dim else f.pal.text))
        f.scroll_list("draft", inner, items)
