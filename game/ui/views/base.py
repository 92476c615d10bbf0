"""The view base classes, the chrome every game screen shares (the top bar with the date and the
tools, the bottom bar with the message and the actions) and the list entries the screens build
from (a stat with its "why?" number, a bar, a heading, a paragraph, a button); tabs are in ``tabbar``.

A ``View`` draws itself into a ``Frame`` and answers its own keys (``keymap`` and ``command``),
Esc (``back``) and a question's No (``confirming``, ``cancel``); it reaches the app through
``self.app`` (the session's game, the navigator, the focus).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import pygame

from game.engine.defs import tr
from game.engine.game import Game
from game.explain import number
from game.i18n import describe, month_label
from game.ui import scrolling
from game.ui.controls import Item, ListInfo
from game.ui.frame import Frame
from game.ui.layout import Rect, inset
from game.ui.strings import t
from game.ui.text import wrap
from game.ui.theme import Color

if TYPE_CHECKING:
    from game.ui.app import App

# A bottom-bar button: (id, label, action, primary).
ActionSpec = tuple[str, str, Callable[[], object], bool]
# A block of text in a rich button: (text, style, colour or None for the button's ink).
Part = tuple[str, str, Color | None]

NUMBER_KEYS: dict[int, int] = {getattr(pygame, f"K_{i}"): i for i in range(1, 10)}
NUMBER_KEYS.update({getattr(pygame, f"K_KP{i}"): i for i in range(1, 10)})


class View:
    """One screen. ``draw`` lays it out for the frame's size; ``keymap`` maps keys to commands."""

    name = "view"
    help_key = "title"
    keymap: dict[int, tuple[str, Any]] = {}

    def __init__(self, app: App):
        self.app = app
        self.scroll: dict[str, int] = {}

    @property
    def lang(self) -> str:
        return self.app.settings.lang

    def t(self, key: str, **fmt: object) -> str:
        return t(key, self.lang, **fmt)

    def screen_key(self) -> str:
        """Names the screen for screenshots (a new key = a new picture)."""
        return self.name

    def draw(self, f: Frame) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def command(self, cmd: str, arg: Any) -> bool:
        """Run a keymap command; True if it did something."""
        return False

    def back(self) -> bool:
        """Esc; True if handled."""
        return False

    def default_focus(self) -> str | None:
        return None

    def shortcuts(self) -> dict[str, str]:
        """The key each control answers to besides Enter (control id → key cap), shown on it."""
        return {}

    def keyed(self, cid: str, label: str) -> str:
        """A button's label with its shortcut key, if it has one: 'Call the vote (V)'."""
        cap = self.shortcuts().get(cid)
        return self.t("with_key", label=label, cap=cap) if cap else label

    def stale(self) -> bool:
        """True when the game moved on to another screen of the same kind (a new card…)."""
        return False

    def animating(self) -> bool:
        return False

    def moving(self) -> bool:
        """True while a subtle motion plays (``game/ui/motion.py``): ticked by the loop like an
        animation, but input is not held for it."""
        return False

    def tick(self, now_ms: int) -> None:
        pass

    def finish_animation(self) -> None:
        pass

    def confirming(self) -> bool:
        """True while a question waits for Yes or No (Esc then answers No)."""
        return False

    def cancel(self) -> None:
        """Answer No to the question waiting."""

    def turn_page(self, info: ListInfo, how: str) -> None:
        """PgUp/PgDn/Home/End on the reading list ``info``. A focus on one of its controls moves to
        its "more" line: left on a number (or the sources' button) it would pull the text back to it
        at the next drawing."""
        self.scroll[info.id] = scrolling.paged(info, how)
        if scrolling.holds(info, self.app.focus.id):
            self.app.focus.set(scrolling.more_id(info.id))
        self.app.dirty = True

    def auto_extras(self) -> Sequence[Callable[[], object]]:
        """For screenshots of an auto run: steps that show more of this screen (other tabs…)."""
        return []


class GameView(View):
    """A screen of the game loop: top bar with date and tools, body, bottom bar with actions."""

    title_key = "briefing"

    def __init__(self, app: App):
        super().__init__(app)
        self.born = self.state_key()

    @property
    def game(self) -> Game:
        """The game this screen shows (a game screen exists only while a game is in play)."""
        g = self.app.game
        assert g is not None, "a game screen without a game"
        return g

    def state_key(self) -> tuple[object, ...]:
        g = self.app.game
        return (g.phase, g.quarter, g.pending[0] if g.pending else None, len(g.votes)) if g else ()

    def stale(self) -> bool:
        return self.state_key() != self.born

    def screen_key(self) -> str:
        g = self.app.game
        return f"{self.name}-q{g.quarter + 1}" if g else self.name

    def shortcuts(self) -> dict[str, str]:
        return {"tool:help": "F1"}

    def title(self) -> str:
        return self.t(self.title_key)

    def subtitle(self) -> str:
        g = self.app.game
        assert g is not None
        bits = [month_label(g.date, self.lang), tr(g.scenario.title, self.lang),
                self.t("mandate_n", n=g.mandate)]
        return " · ".join(bits)

    def actions(self) -> list[ActionSpec]:
        """Bottom-bar buttons: (id, label, action, primary)."""
        return []

    def draw(self, f: Frame) -> None:
        body = chrome(f, self, self.title(), self.subtitle(), self.actions())
        self.draw_body(f, body)

    def draw_body(self, f: Frame, body: Rect) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def chrome(f: Frame, view: View, title: str, subtitle: str,
           actions: list[ActionSpec], tools: bool = True) -> Rect:
    """Draw the top and bottom bars; return the body rect between them."""
    f.s.fill(f.pal.bg)
    app = view.app
    tool_specs: list[ActionSpec] = []
    if tools:
        tool_specs = [
            ("tool:undo", view.t("undo"), app.do_undo, app.settings.undo_allowed and app.can_undo()),
            ("tool:saves", view.t("saves"), app.nav.open_saves, True),
            ("tool:help", view.t("help_short"), app.nav.open_help, True),
            ("tool:menu", view.t("menu"), app.nav.goto_title, True),
        ]
    top = top_bar(f, title, subtitle, [(c, view.keyed(c, lab), a, e) for c, lab, a, e in tool_specs])
    bottom = bottom_bar(f, app.message or "", [(c, view.keyed(c, lab), a, p) for c, lab, a, p in actions])
    win, gap = f.window, f.gap
    return Rect(gap, top + gap, win.w - 2 * gap, max(0, bottom - top - 2 * gap))


def top_bar(f: Frame, title: str, subtitle: str, tool_specs: list[ActionSpec]) -> int:
    """The screen's title and subtitle, and the tool buttons on the right; returns its height."""
    pal, win, pad, gap = f.pal, f.window, f.pad, f.gap
    widths = [f.text_w(label) + 2 * pad + 4 for _i, label, _a, _e in tool_specs]
    tools_w = sum(widths) + pad * max(0, len(widths) - 1)
    title_w = max(120, win.w - 2 * gap - tools_w - gap)
    # a bar never grows past a few lines, whatever the text: the rest ends in "…"
    sub_h = min(f.text_h(subtitle, title_w), 2 * f.line_h()) if subtitle else 0
    btn_h = f.line_h() + pad
    bar_h = max(pad + f.line_h("h2") + sub_h + pad, btn_h + 2 * pad)
    f.fill(Rect(0, 0, win.w, bar_h), pal.panel)
    pygame.draw.line(f.s, pal.accent, (0, bar_h - 1), (win.w, bar_h - 1), 3)
    tr_ = Rect(gap, pad, title_w, bar_h - 2 * pad)
    h = f.text(tr_, title, "h2", pal.heading)
    if subtitle:
        f.text(Rect(tr_.x, tr_.y + h, tr_.w, tr_.h - h), subtitle, "body", pal.muted)
    x = win.w - gap - tools_w
    for (cid, label, action, enabled), w in zip(tool_specs, widths, strict=True):
        f.button(cid, Rect(x, (bar_h - btn_h) // 2, w, btn_h), label, action, enabled=enabled, kind="tool")
        x += w + pad
    return bar_h


def bottom_bar(f: Frame, msg: str, actions: list[ActionSpec]) -> int:
    """The message for the player and the screen's actions; returns the bar's top."""
    pal, win, pad, gap = f.pal, f.window, f.pad, f.gap
    aw = [max(f.text_w(label, "bold") + 3 * pad, 120) for _i, label, _a, _p in actions]
    actions_w = sum(aw) + pad * max(0, len(aw) - 1)
    if actions_w > win.w - 2 * gap:  # too wide: share the width
        aw = [(win.w - 2 * gap - pad * (len(aw) - 1)) // len(aw)] * len(aw)
        actions_w = win.w - 2 * gap
    msg_w = win.w - 2 * gap - actions_w - gap
    if msg_w < 200:
        msg_w = win.w - 2 * gap  # the message goes above the actions
    abtn_h = max((f.button_h(label, w, "bold") for (_i, label, _a, _p), w in zip(actions, aw, strict=True)), default=0)
    msg_max = max(2, win.h // 4 // f.line_h()) * f.line_h()
    msg_h = min(f.text_h(msg, msg_w - 2 * pad), msg_max) + pad if msg else 0
    stacked = msg and msg_w == win.w - 2 * gap
    bottom_h = (msg_h + (abtn_h + pad if abtn_h else 0) if stacked else max(msg_h, abtn_h)) + 2 * pad
    if not (actions or msg):
        return win.h
    bottom = Rect(0, win.h - bottom_h, win.w, bottom_h)
    f.fill(bottom, pal.panel)
    pygame.draw.line(f.s, pal.border, (0, bottom.y), (win.w, bottom.y), 1)
    if msg:
        mr = Rect(gap, bottom.y + pad, msg_w, msg_h)
        f.fill(mr, pal.notice, f.radius)
        f.text(inset(mr, pad, pad // 2), msg, "body", pal.notice_text)
    x = win.w - gap - actions_w
    y = bottom.bottom - pad - abtn_h
    for (cid, label, action, primary), w in zip(actions, aw, strict=True):
        f.button(cid, Rect(x, y, w, abtn_h), label, action, style="bold", primary=primary, kind="action")
        x += w + pad
    return bottom.y


# --- pieces ---------------------------------------------------------------------------------


def rich_item(f: Frame, width: int, cid: str, parts: Sequence[Part], action: Callable[[], object] | None, *,
              selected: bool = False, kind: str = "button") -> Item:
    """A list entry that is one button holding several blocks of text (a title, lines of detail)."""
    h = f.rich_h([(p[0], p[1]) for p in parts], width)

    def draw(fr: Frame, r: Rect) -> None:
        fr.rich_button(cid, r, parts, action, selected=selected, kind=kind)

    return Item(h, draw, (cid,))


def button_item(f: Frame, width: int, cid: str, label: str, action: Callable[[], object] | None, *,
                style: str = "body", primary: bool = False, enabled: bool = True, align: str = "left", icon: str | None = None) -> Item:
    """A list entry that is one button (with ``icon``, that icon before its words)."""
    h = f.button_h(label, width - (f.icon_w(style) if icon else 0), style)

    def draw(fr: Frame, r: Rect) -> None:
        fr.button(cid, r, label, action, style=style, primary=primary, enabled=enabled, align=align, icon=icon)

    return Item(h, draw, (cid,))


def stat_item(f: Frame, width: int, cid: str, label: str, value: str, quantity: str | None,
              quarter: int | None = None, *, icon: bool = False, widest: str = "") -> Item:
    """A row 'label ........ 42', 42 a "why?" number (``icon``: the quantity's icon first; ``widest``: the room it keeps)."""
    num_w = max(f.text_w(value, "bold"), f.text_w(widest, "bold")) + f.pad
    icon_w = f.icon_w() if icon and quantity else 0
    lab_w = max(40, width - num_w - f.pad - icon_w)
    h = max(f.text_h(label, lab_w), f.line_h("bold"))

    def draw(fr: Frame, r: Rect) -> None:
        if icon_w and quantity:
            fr.quantity_icon(quantity, r.x, r.y + 2, fr.line_h() - 4)
        fr.text(Rect(r.x + icon_w, r.y, lab_w, r.h), label)
        nr = Rect(r.right - num_w, r.y, num_w, r.h)
        if quantity:
            fr.why_number(cid, nr, value, quantity, quarter=quarter)
        else:
            fr.text(nr, value, "bold", align="right")

    return Item(h, draw, (cid,) if quantity else ())


def bar_item(f: Frame, width: int, cid: str, label: str, value: int, lo: int, hi: int,
             quantity: str | None, color: tuple[int, int, int] | None = None) -> Item:
    """A labelled bar with its number: 'Algeria  [#####.....]  55'."""
    num = str(value)
    num_w = f.text_w("-100", "bold") + f.pad
    lab_w = max(60, int(width * 0.42))
    bar_w = max(20, width - lab_w - num_w - f.pad)
    h = max(f.text_h(label, lab_w), f.line_h("bold"))

    def draw(fr: Frame, r: Rect) -> None:
        fr.text(Rect(r.x, r.y, lab_w, r.h), label)
        lh = fr.line_h()
        br = Rect(r.x + lab_w + fr.pad // 2, r.y + lh // 4, bar_w, lh // 2)
        fr.fill(br, fr.pal.bg, 2, fr.pal.border)
        span = max(1, hi - lo)
        filled = int(br.w * (max(lo, min(hi, value)) - lo) / span)
        if filled > 0:
            fr.fill(Rect(br.x, br.y, filled, br.h), color or fr.pal.bar, 2)
        # ticks at quarters so the length reads without colour
        for k in (1, 2, 3):
            x = br.x + br.w * k // 4
            pygame.draw.line(fr.s, fr.pal.border, (x, br.bottom), (x, br.bottom + 3), 1)
        nr = Rect(r.right - num_w, r.y, num_w, r.h)
        if quantity:
            fr.why_number(cid, nr, num, quantity)
        else:
            fr.text(nr, num, "bold", align="right")

    return Item(h, draw, (cid,) if quantity else ())


def heading_item(f: Frame, width: int, text: str, style: str = "bold", color: Color | None = None) -> Item:
    h = f.text_h(text, width, style)

    def draw(fr: Frame, r: Rect) -> None:
        fr.text(r, text, style, color or fr.pal.heading)

    return Item(h, draw)


def text_item(f: Frame, width: int, text: str, style: str = "body", color: Color | None = None) -> Item:
    h = f.text_h(text, width, style)

    def draw(fr: Frame, r: Rect) -> None:
        fr.text(r, text, style, color)

    return Item(h, draw)


def para(f: Frame, width: int, text: str, style: str = "body", color: Color | None = None) -> list[Item]:
    """A paragraph as one item per line, so that a long text scrolls line by line."""
    font = f.fonts.get(style)
    lines = wrap(font, text, width, f.fonts.spec[style])
    lh = font.get_linesize()
    out = []
    for i, line in enumerate(lines):
        def draw(fr: Frame, r: Rect, line: str = line) -> None:
            fr.text(r, line, style, color)

        out.append(Item(lh, draw, (), tight=i < len(lines) - 1))
    return out


def compact(f: Frame) -> bool:
    """A short window for its text (1024×600, or the largest text sizes): the screens lay out
    for height, so that every control stays in view without scrolling."""
    return f.window.h < 27 * f.line_h()


def quantity_label(q: str, lang: str, date: int | None = None) -> str:
    text = describe(q, lang, date)
    return text[:1].upper() + text[1:]


fmt_num = number  # 12 345, a real minus sign, '+' when asked: the same figures as the journal's
