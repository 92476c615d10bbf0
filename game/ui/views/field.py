"""Field quarters: an event card and its responses; then what the quarter changed."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from game import explain, i18n, journal, story
from game.engine.actions import Continue, Respond
from game.engine.defs import Card, Response, tr, tr_all
from game.i18n import describe, month_label
from game.ui import icons, mapdraw, motion, scrolling
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect, columns
from game.ui.text import one_line
from game.ui.views import briefing, carddoc, decision
from game.ui.views.base import (
    NUMBER_KEYS,
    ActionSpec,
    GameView,
    Part,
    button_item,
    fmt_num,
    heading_item,
    para,
    quantity_label,
    stat_item,
    text_item,
)
from game.ui.views.outcome import OutcomeView

if TYPE_CHECKING:
    from game.ui.app import App

KEY_FIGURES = ("violence.mean", "mission.consent", "politics.implementation", "politics.reconciliation",
               "signatories.cohesion", "regional.ownership", "mission.casualties", "mission.troops")


class CardView(GameView):
    name = "card"
    help_key = "card"
    title_key = "field"
    keymap = {**{k: ("pick", n) for k, n in NUMBER_KEYS.items()}, pygame.K_w: ("words", None),
              pygame.K_s: ("sources", None), **scrolling.PAGE_KEYS}
    words = False  # the effects of each response in words (W), instead of a row of chips
    sources_open = False  # every source in full (S), instead of the first one on one line
    # Where the responses do not fit their panel whole, all but one are folded: the
    # open one (the card's id, its index), and whether the last frame drawn folded them.
    opened: tuple[str, int] = ("", 0)
    folded = False

    def screen_key(self) -> str:
        g = self.game
        return f"card-q{g.quarter + 1}-{g.pending[0] if g.pending else ''}"

    def subtitle(self) -> str:
        g = self.game
        return " · ".join([self.t("quarter_n", n=g.quarter + 1), month_label(g.date, self.lang),
                           tr(g.scenario.title, self.lang)])

    def command(self, cmd: str, arg: Any) -> bool:
        card = self.game.card
        if cmd in ("pick", "respond") and card is not None and 1 <= arg <= len(card.responses):
            # a number key on a folded response opens it; on the open one (or when none is
            # folded) it answers. "respond" answers whatever is shown (the autoplay, the tests).
            if cmd == "pick" and self.folded and self.open_index(card) != arg - 1:
                self.open_response(card, arg - 1)
            else:
                self.respond(card, card.responses[arg - 1])
            return True
        if cmd == "words":
            self.words = not self.words
            self.app.dirty = True
            return True
        if cmd == "sources":
            self.sources_open = not self.sources_open
            self.app.dirty = True
            return True
        if cmd == "page":
            return self.page(arg)
        return False

    def page(self, how: str) -> bool:
        """PgUp/PgDn/Home/End: the responses where they scroll and hold the focus (the keys every
        screen knows), else the card's text. Responses that fit whole do not scroll: PgDn there
        used to move the focus to the last one."""
        focus = self.app.focus
        lists = focus.frame.lists if focus.frame is not None else {}
        responses, text = lists.get("responses"), lists.get("card")
        if responses is not None and scrolling.scrolls(responses) and (
                scrolling.holds(responses, focus.id) or text is None or not scrolling.scrolls(text)):
            return False
        if text is not None and scrolling.scrolls(text):
            self.turn_page(text, how)
        return True

    def respond(self, card: Card, resp: Response) -> None:
        """Answer the card, then say what happened before the next screen (game/story.py)."""
        if self.app.act(Respond(card.id, resp.id)):
            self.app.nav.switch_screen(OutcomeView(self.app, card, resp))

    def open_index(self, card: Card) -> int:
        """The response shown whole when they are folded: the focused one, else the last opened."""
        focus = self.app.focus.id or ""
        if focus.startswith("resp:") and focus[5:].isdigit() and int(focus[5:]) < len(card.responses):
            return int(focus[5:])
        return self.opened[1] if self.opened[0] == card.id else 0

    def open_response(self, card: Card, j: int) -> None:
        self.opened = (card.id, j)
        self.app.focus.set(f"resp:{j}")
        self.app.dirty = True

    def default_focus(self) -> str | None:
        return "resp:0"

    def shortcuts(self) -> dict[str, str]:
        return super().shortcuts() | {"act:words": "W", "act:sources": "S"}

    def source_items(self, f: Frame, width: int, sources: list[str]) -> list[Item]:
        """A card's sources: one short line (its first source, cut to the width), the others and the
        whole line on request (S), so that a class reads the card, not its references."""
        if self.sources_open:
            out = [heading_item(f, width, self.t("sources"))]
            out += [text_item(f, width, "• " + src, color=f.pal.muted) for src in sources]
            label = self.t("sources_close")
        else:
            line = one_line(f.fonts.get("body"), self.t("source_line", text=sources[0]), width)
            out = [text_item(f, width, line, color=f.pal.muted)]
            label = self.t("sources_open", n=len(sources))
        out.append(button_item(f, width, "act:sources", self.keyed("act:sources", label),
                               partial(self.command, "sources", None)))
        return out

    def draw_body(self, f: Frame, body: Rect) -> None:
        g, lang = self.game, self.lang
        card = g.card
        if card is None:
            return
        left, right = columns(body, [0.47, 0.53], f.gap)
        inner = carddoc.draw_header(f, f.panel(left), card, g.date, lang)  # the card as the document it is
        items = [heading_item(f, inner.w, tr(card.title, lang), "h2")]
        again = journal.earlier_words(g, card.id, lang)  # a repeatable card that comes back says so
        if again:
            items.append(text_item(f, inner.w, again, color=f.pal.muted))
        items += para(f, inner.w, tr(card.text, lang))
        if card.sources:
            items += self.source_items(f, inner.w, tr_all(card.sources, lang))
        scrolling.scroll_list(f, "card", inner, items, reading=True)  # a text to read (``page``)
        # "keys 1 and 2" for two answers, "keys 1–3" for three
        inner = f.panel(right, self.t("responses_two" if len(card.responses) == 2 else "responses", n=len(card.responses)))
        previews = self.app.settings.previews
        items = [decision.decision_item(f, inner.w, f"resp:{j}", self.response_parts(f, j, resp), resp, lang,
                                        g.date, partial(self.respond, card, resp), previews and not self.words)
                 for j, resp in enumerate(card.responses)]
        words = None
        if previews:
            label = self.keyed("act:words", self.t("chips_hint" if self.words else "words_hint"))
            words = button_item(f, inner.w, "act:words", label, partial(self.command, "words", None))
        gap = f.gap // 2  # the list's own gap (``scroll_list``)

        def fits(shown: Sequence[Item]) -> bool:
            return scrolling.fits(shown, inner.h, gap)

        self.folded = len(items) > 1 and not fits(items)
        if self.folded:
            # One response whole, the others by their first words: the three side by side
            # would leave the class scrolling past effects to find the choices. Selecting a
            # folded one opens it. Then, where it fits, how to choose the open one.
            shown = self.open_index(card)
            self.opened = (card.id, shown)
            for lines in (2, 1):  # the others' words on two lines where the open one still fits whole
                folded = {j: decision.folded_item(f, inner.w, f"resp:{j}", f"{j + 1}. {tr(resp.label, lang)}",
                                                  partial(self.open_response, card, j), lines)
                          for j, resp in enumerate(card.responses) if j != shown}
                if fits([items[shown], *folded.values()]):
                    break
            room = inner.h - sum(it.height + gap for it in folded.values()) - gap  # the open one's
            items = [folded[j] if j in folded else self.open_item(f, inner.w, card, j, room)
                     for j in range(len(card.responses))]
            hinted = [*items[:shown + 1], text_item(f, inner.w, self.t("choose_open", n=shown + 1), color=f.pal.muted),
                      *items[shown + 1:]]
            items = hinted if fits(hinted) else items
        if words is not None and fits([*items, words]):
            # (only where it fits: a list that scrolls would hide an answer behind its "more"
            # line; W still switches the effects to words, as the help (F1) says)
            items.append(words)
        f.scroll_list("responses", inner, items)

    def open_item(self, f: Frame, width: int, card: Card, j: int, room: int) -> Item:
        """The open response beside the folded ones, in the ``room`` they leave: the chips that do
        not fit are counted (``decision_item``), and so are the effects in words (W)."""
        resp, lang, previews = card.responses[j], self.lang, self.app.settings.previews
        item = decision.decision_item(f, width, f"resp:{j}", self.response_parts(f, j, resp), resp, lang,
                                      self.game.date, partial(self.respond, card, resp), previews and not self.words, room)
        total = decision.effect_count(resp)
        keep = total
        while previews and self.words and item.height > room and keep > 0:
            keep -= 1
            parts = [*self.response_parts(f, j, resp, keep),
                     (i18n.plural("effects_left_out", total - keep, lang), "body", f.pal.muted)]
            item = decision.decision_item(f, width, f"resp:{j}", parts, resp, lang, self.game.date,
                                          partial(self.respond, card, resp), False)
        return item

    def response_parts(self, f: Frame, j: int, resp: Response, keep: int | None = None) -> list[Part]:
        """A response's words: its number and label, its reason, and (previews on) what follows;
        ``keep``: how many of its effects in words (W), the largest first."""
        lang = self.lang
        parts: list[Part] = [(f"{j + 1}. {tr(resp.label, lang)}", "bold", None)]
        if tr(resp.why, lang):
            parts.append((tr(resp.why, lang), "body", f.pal.muted))
        if self.app.settings.previews:
            if self.words:  # W: the effects in words instead of the row of chips
                parts += decision.effects_now_and_later(resp, effects, lang, self.t, keep)
            if resp.follow_ups:
                parts.append((self.t("follow_up"), "body", f.pal.muted))
            if not resp.effects and not resp.delayed and not resp.follow_ups:
                parts.append((self.t("no_effect"), "body", f.pal.muted))
        return parts


def effects(changes: Mapping[str, int], lang: str) -> str:
    """'violence in Gao ▼ −5, …' — every effect, largest first, and its size in arrows and numbers."""
    items = sorted(changes.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
    return ", ".join(f"{describe(k, lang)} {explain.arrows(v)} {fmt_num(v, sign=True)}" for k, v in items)


class SummaryView(GameView):
    name = "summary"
    help_key = "summary"
    title_key = "field"

    def __init__(self, app: App):
        super().__init__(app)
        self.motion = motion.for_app(app)  # the key figures tick from the quarter's start to now
        self.marks: list[mapdraw.Mark] = []  # the highlights' numbered marks on the map, as last drawn
        self.mark_boxes: dict[str, tuple[int, int, int, int]] = {}  # where the map placed its labels

    def moving(self) -> bool:
        return self.motion.moving()

    def tick(self, now_ms: int) -> None:
        self.motion.tick(now_ms)

    def finish_animation(self) -> None:
        self.motion.over = True

    def title(self) -> str:
        return self.t("summary", n=self.game.quarter + 1)

    details = False  # the full table of the quarter's changes is shown
    to_table = False  # the next frame scrolls to the table just opened (it starts below the fold)

    def toggle_details(self) -> None:
        self.details = not self.details
        self.to_table = self.details
        self.app.dirty = True

    def default_focus(self) -> str | None:
        return "act:continue"

    def actions(self) -> list[ActionSpec]:
        return [("act:details", self.t("hide_details" if self.details else "details"), self.toggle_details, False),
                ("act:continue", self.t("continue"), lambda: self.app.act(Continue()), True)]

    def auto_extras(self) -> Sequence[Callable[[], object]]:
        """For screenshots: open "why?" on the biggest change of the first quarter."""
        g = self.game
        changes = g.meters.changes_in(g.quarter)
        if g.quarter != 0 or not changes:
            return []
        q = max(changes.items(), key=lambda kv: (abs(kv[1]), kv[0]))[0]
        return [lambda: self.app.nav.open_why(q), self.app.nav.pop]

    def draw_body(self, f: Frame, body: Rect) -> None:
        g, lang = self.game, self.lang
        left, right = columns(body, [0.66, 0.34] if f.window.w >= 48 * f.fonts.body else [0.58, 0.42], f.gap)
        inner = f.panel(left, self.t("summary_hint"))
        changes = g.meters.changes_in(g.quarter)
        ranked = sorted(changes.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
        highlights = story.quarter_highlights(g, lang) if ranked else []
        self.marks = [(h.region, str(i)) for i, h in enumerate(highlights, 1) if h.region]
        inner = self.draw_marks_map(f, inner)
        items: list[Item] = []
        for e in g.journal:  # the quarter's news that numbers alone would hide
            if e.get("kind") == "contributors" and e.get("q") == g.quarter:
                items.append(text_item(f, inner.w, self.t("j_contributors", troops=fmt_num(e["troops"]), killed=e["killed"]).capitalize() + ".",
                                       "bold", f.pal.heading))
        if not ranked:
            items.append(text_item(f, inner.w, self.t("nothing_changed")))
        else:  # the few changes that matter most, in words, numbered as on the map; the full table behind "Details"
            items.append(heading_item(f, inner.w, self.t("highlights")))
            items.extend(self.highlight_items(f, inner, items, highlights))
            if not self.details:
                ranked = []
        w = inner.w
        if self.to_table and ranked:  # "Details" shows what it opened, not the same first lines
            self.scroll["changes"] = len(items)
            self.to_table = False
        shown = [(q, c, f"{fmt_num(c, sign=True)} {explain.arrows(c)}", f"→ {fmt_num(g.values[q])}") for q, c in ranked]
        num_w = max([f.text_w(n, "bold") for _q, _c, n, _v in shown] + [f.text_w("−10 ▼▼", "bold")]) + f.pad
        val_w = max([f.text_w(v, "bold") for _q, _c, _n, v in shown] + [f.text_w("→ 100", "bold")]) + f.pad
        for i, (q, _c, num, val) in enumerate(shown):
            label = quantity_label(q, lang, g.date)
            h = max(f.text_h(label, w - num_w - val_w - f.pad), f.line_h("bold"))
            cid = f"chg:{i}"

            def draw(fr: Frame, r: Rect, q: str = q, num: str = num, val: str = val, label: str = label,
                     cid: str = cid) -> None:
                fr.text(Rect(r.x, r.y, r.w - num_w - val_w - fr.pad, r.h), label)
                fr.why_number(cid, Rect(r.right - num_w - val_w, r.y, num_w, r.h), num, q, quarter=g.quarter)
                fr.text(Rect(r.right - val_w, r.y, val_w, r.h), val, "bold", fr.pal.muted, align="right")

            items.append(Item(h, draw, (cid,)))
        f.scroll_list("changes", inner, items)
        inner = f.panel(right, self.t("key_figures"))
        items = []
        for q in KEY_FIGURES:
            shown_value = self.motion.value(g.values[q] - changes.get(q, 0), g.values[q])
            items.append(stat_item(f, inner.w, f"fig:{q}", quantity_label(q, lang, g.date), fmt_num(shown_value), q))
        f.scroll_list("figures", inner, items)

    def highlight_items(self, f: Frame, rect: Rect, above: Sequence[Item], highlights: Sequence[story.Highlight]) -> list[Item]:
        """Each highlight whole ('① Violence in Kidal: sharp rise. Main cause: …') where all fit the
        panel under ``above``; else the numbered changes first, short, then their causes: at the
        largest text the first one whole filled the panel, and the map's ② and ③ had no words."""
        whole = [highlight_item(f, rect.w, i, h) for i, h in enumerate(highlights, 1)]
        if scrolling.fits([*above, *whole], rect.h, f.gap // 2):
            return whole
        heads, causes = [], []
        for i, h in enumerate(highlights, 1):
            head = story.change_sentence(h.quantity, h.change, self.lang, self.game.date)
            cause = h.text[len(head):].strip() if h.text.startswith(head) else ""
            heads.append(highlight_item(f, rect.w, i, replace(h, text=head) if cause else h))
            if cause:  # line by line, to fill the panel to its "more" line
                causes += para(f, rect.w, f"{mark(i)} {cause}", color=f.pal.muted)
        return heads + causes

    def draw_marks_map(self, f: Frame, inner: Rect) -> Rect:
        """The map beside the highlights, each marked at its region by its number, when the panel
        has room for both (a small map in a small window); returns the rect left for the words."""
        if not self.marks or inner.w < 20 * f.fonts.body:
            return inner
        # The map is what a class looks at first: up to half the panel, as long as the words keep a
        # column of about 18 ems beside it (at the largest text, the map keeps its two fifths).
        map_w = max(inner.w * 2 // 5, min(inner.w // 2, inner.w - 18 * f.fonts.body))
        map_w = min(map_w, int(inner.h * briefing.map_aspect()))
        words, map_r = Rect(inner.x, inner.y, inner.w - map_w - f.gap, inner.h), Rect(inner.right - map_w, inner.y,
                                                                                       map_w, inner.h)
        map_r.h = min(map_r.h, int(map_w / briefing.map_aspect()) + 1)
        self.mark_boxes = mapdraw.draw_map(f, map_r, self.game, self.lang, self.marks)
        return words


def mark(n: int) -> str:
    """'③', the number of a highlight's mark on the map ('21.' past the circled ones)."""
    return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"{n}."


def highlight_item(f: Frame, width: int, n: int, h: story.Highlight) -> Item:
    """'[icon] ① Violence in Kidal: sharp rise…' — numbered as its mark on the map, with the
    quantity's icon."""
    size = f.line_h() - 4
    # "③ 5 peacekeepers killed": the number of its mark on the map, which "3. 5 …" ran into the count
    text = f"{mark(n)} {h.text}"
    tw = width - size - f.pad
    height = max(f.text_h(text, tw), f.line_h()) + f.pad // 2

    def draw(fr: Frame, r: Rect) -> None:
        fr.s.blit(icons.icon_for_quantity(h.quantity, size, fr.pal.heading), (r.x, r.y + 2))
        fr.text(Rect(r.x + size + fr.pad, r.y, tw, r.h), text)

    return Item(height, draw, ())
