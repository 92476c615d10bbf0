"""The title screen: scenarios (length and theme), continue, saved games, settings, help."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game import i18n
from game.content.loader import levels_root, scenario_folders
from game.content.safeyaml import load_file
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.gamenames import game_names, playable_games
from game.ui.layout import Rect, columns, take_bottom, take_top
from game.ui.levels import skipped
from game.ui.strings import t
from game.ui.views.base import Part, View, button_item, compact, rich_item
from game.ui.views.workshop import workshop_buttons
from game.ui.workshop import leave
from game.watch import skipped_text

if TYPE_CHECKING:
    from game.ui.app import App

# A menu button: (id, label, action, primary, enabled).
MenuSpec = tuple[str, str, Callable[[], object], bool, bool]


def scenario_list() -> list[dict[str, Any]]:
    """Each bundled scenario's folder, title, theme, minutes and years, read without compiling."""
    out = []
    for folder in scenario_folders(levels_root()):
        try:
            data, _pos = load_file(str(folder / "scenario.yaml"))
        except Exception as exc:  # noqa: BLE001 - a broken file is listed with its problem
            out.append({"folder": folder, "title": {"en": folder.name}, "error": str(exc)})
            continue
        if isinstance(data, dict):
            found = data.get("lesson")
            lesson: dict[str, Any] = found if isinstance(found, dict) else {}
            out.append({"folder": folder, "title": data.get("title") or {"en": folder.name},
                        "theme": data.get("theme") or {}, "minutes": data.get("minutes"),
                        "years": data.get("years"), "start": str(data.get("start") or ""),
                        "lesson_minutes": lesson.get("minutes"), "lesson_years": lesson.get("years"),
                        "tutorial": bool(data.get("guide"))})

    def order(sc: dict[str, Any]) -> tuple[int, str, str]:
        # Tutorials (step-by-step hints) first, then the story in the order it happened.
        return (0 if sc.get("tutorial") else 1, sc.get("start", ""), str(sc["folder"]))

    out.sort(key=order)
    return out


def _tr(text: object, lang: str) -> str:
    if isinstance(text, dict):
        return str(text.get(lang) or text.get("en") or "")
    return str(text or "")


class TitleView(View):
    name = "title"
    help_key = "title"

    def __init__(self, app: App):
        super().__init__(app)
        self.scenarios = scenario_list()
        # What each scenario's files leave out ("2 cards skipped — run check" under its name). Counting
        # compiles every scenario (most of a second): it waits until the first frame is on screen.
        self.skipped = [(0, 0)] * len(self.scenarios)
        self.drawn, self.counted = False, False
        self.was_compact = False  # the settings behind "Settings…", as last drawn
        self.length = "lesson"  # the title suggests what a class can finish in one period
        self.settings_open = False  # a short window: the settings take the menu's place
        self.games = playable_games(app) if app.autoplay is None else []
        self.latest, self.n_games = (self.games[0] if self.games else None), len(self.games)
        self.focused = False  # once the player has had the focus somewhere, a lost one never starts a game

    def toggle_length(self) -> None:
        self.length = "full" if self.length == "lesson" else "lesson"
        self.app.dirty = True

    def default_focus(self) -> str | None:
        if self.focused:  # the layout changed under the focus: somewhere that starts no game
            return "title:menu" if self.settings_open else "title:settings" if self.was_compact else "set:lang"
        if self.latest is not None:
            return "title:continue"
        return "scenario:0"

    def back(self) -> bool:
        """Esc: the settings of a short window close, back to the menu; else nothing (Quit is a
        button)."""
        if self.settings_open:
            self.toggle_settings()
        return True

    def follow_layout(self, f: Frame) -> None:
        """Keep the focus on what it was on when the layout changes under it (a larger text, a
        smaller window): on a setting, the settings open in the menu's place; on "Settings…" or
        "Back to the menu" of a layout that has none, the first setting."""
        small, cid = compact(f), f.focus
        self.was_compact = small
        if self.app.nav.top.view is not self or cid is None:
            return  # drawn beneath an overlay: its own focus is another's
        self.focused = True
        if not small:
            self.settings_open = False
            if cid in ("title:settings", "title:menu"):
                cid = "set:lang"
        elif cid.startswith("set:"):
            self.settings_open = True
        if cid != f.focus:
            self.app.focus.set(cid)
            f.focus = cid

    def start(self, folder: Path) -> None:
        leave(self.app)  # a game of its own: no longer a session's team file
        self.app.start_game(self.app.levels.name(folder), length=self.length)

    def moving(self) -> bool:
        return self.drawn and not self.counted  # the loop ticks once more: then the counting

    def tick(self, now_ms: int) -> None:
        if self.drawn and not self.counted:
            self.count_skipped()

    def count_skipped(self) -> None:
        self.skipped = [(0, 0) if sc.get("error") else skipped(sc["folder"]) for sc in self.scenarios]
        self.counted = True

    def draw(self, f: Frame) -> None:
        self.drawn = True
        self.follow_layout(f)
        app, pal, lang = self.app, f.pal, self.lang
        win = f.window
        f.s.fill(pal.bg)
        gap, pad = f.gap, f.pad
        # header band
        small = compact(f)  # a short window: the subtitle beside the title, or left out
        sub = t("app_subtitle", lang)
        title_w = f.text_w(t("app_title", lang), "h1")
        h1 = f.line_h("h1")
        sub_beside = small and f.text_w(sub) <= win.w - 3 * gap - h1 - pad - title_w
        head_h = h1 + (0 if small else f.text_h(sub, win.w - 2 * gap)) + 2 * pad
        head = Rect(0, 0, win.w, head_h + pad)
        f.fill(head, pal.panel)
        pygame.draw.line(f.s, pal.accent, (0, head.bottom - 1), (win.w, head.bottom - 1), 4)
        # a simple emblem: a pen nib drawn from shapes
        x0 = gap
        nib = [(x0, pad + h1 // 2), (x0 + h1 // 2, pad + 2), (x0 + h1, pad + h1 // 2), (x0 + h1 // 2, pad + h1 - 2)]
        pygame.draw.polygon(f.s, pal.accent, nib)
        pygame.draw.circle(f.s, pal.panel, (x0 + h1 // 2, pad + h1 // 2), max(2, h1 // 8))
        tx = x0 + h1 + pad
        f.text(Rect(tx, pad, win.w - tx - gap, h1), t("app_title", lang), "h1", pal.heading)
        if sub_beside:
            f.text(Rect(tx + title_w + gap, pad, win.w - tx - title_w - 2 * gap, h1), sub, "body", pal.muted,
                   valign="middle")
        elif not small:
            f.text(Rect(gap, pad + h1, win.w - 2 * gap, head_h - h1), sub, "body", pal.muted)
        # message strip
        body = Rect(gap, head.bottom + gap, win.w - 2 * gap, win.h - head.bottom - 2 * gap)
        if app.message:
            cap = max(2, win.h // 4 // f.line_h()) * f.line_h()  # a long message never hides the lists
            mh = min(f.text_h(app.message, body.w - 2 * pad), cap) + pad
            mr, body = take_top(body, mh, gap)
            f.fill(mr, pal.notice, f.radius)
            f.text(Rect(mr.x + pad, mr.y + pad // 2, mr.w - 2 * pad, mr.h - pad // 2), app.message, "body", pal.notice_text)
        left, right = columns(body, [0.56, 0.44], gap)
        self.draw_scenarios(f, left)
        self.draw_menu(f, right)

    def draw_scenarios(self, f: Frame, rect: Rect) -> None:
        lang = self.lang
        inner = f.panel(rect, t("scenarios", lang))
        items = [button_item(f, inner.w, "title:length", t(f"length_{self.length}", lang), self.toggle_length, style="body")]
        for i, sc in enumerate(self.scenarios):
            parts: list[Part] = [(_tr(sc["title"], lang), "bold", None)]
            if sc.get("error"):
                parts.append((t("unplayable", lang, msg=sc["error"]), "body", f.pal.muted))
            else:
                if not compact(f) or f.focus == f"scenario:{i}":
                    parts.append((_tr(sc.get("theme"), lang), "body", None))
                bits = []
                lesson = self.length == "lesson" and sc.get("lesson_minutes")
                minutes, years = (sc["lesson_minutes"], sc.get("lesson_years")) if lesson else (sc.get("minutes"), sc.get("years"))
                if minutes:
                    bits.append(t("minutes", lang, n=minutes))
                if years:
                    bits.append(t("years", lang, n=years))
                parts.append((" · ".join(bits), "body", f.pal.muted))
                if any(self.skipped[i]):
                    parts.append((skipped_text(*self.skipped[i], lang), "bold", None))
            items.append(rich_item(f, inner.w, f"scenario:{i}", parts, partial(self.start, sc["folder"])))
        f.scroll_list("scenarios", inner, items)

    def draw_menu(self, f: Frame, rect: Rect) -> None:
        app, lang, s = self.app, self.lang, self.app.settings
        inner = f.panel(rect)
        onoff = {True: t("on", lang), False: t("off", lang)}
        buttons: list[MenuSpec] = [
            ("title:saves", t("load", lang), app.nav.open_saves, False, True),
            ("title:help", t("help", lang), app.nav.open_help, False, True),
            *workshop_buttons(self),
        ]
        if self.n_games > 1:  # the other games in progress, each with its own autosave
            buttons.insert(0, ("title:games", t("all_games", lang), self.do_continue, False, True))
        settings: list[MenuSpec] = [
            ("set:lang", t("language", lang), lambda: app.change_settings(lang=_next_language(s.lang)), False, True),
            ("set:size", t("text_size", lang, n=s.text_step + 1), lambda: app.change_settings(text_step=(s.text_step + 1) % 4), False, True),
            ("set:contrast", t("contrast", lang, v=onoff[s.high_contrast]), lambda: app.change_settings(high_contrast=not s.high_contrast), False, True),
            ("set:palette", t("palette", lang, v=onoff[s.colour_blind]), lambda: app.change_settings(colour_blind=not s.colour_blind), False, True),
            ("set:previews", t("previews", lang, v=onoff[s.previews]), lambda: app.change_settings(previews=not s.previews), False, True),
            ("set:undo", t("undo_setting", lang, v=onoff[s.undo_allowed]), lambda: app.change_settings(undo_allowed=not s.undo_allowed), False, True),
            ("set:sound", t("sound_setting", lang, v=t(f"sound_{s.sound}", lang)), lambda: app.change_settings(sound=(s.sound + 1) % 4), False, True),
            ("set:motion", t("motion_setting", lang, v=onoff[s.reduce_motion]), lambda: app.change_settings(reduce_motion=not s.reduce_motion), False, True),
        ]
        items: list[Item] = []

        def btn(spec: MenuSpec, style: str) -> Item:
            cid, label, action, primary, enabled = spec
            return button_item(f, inner.w, cid, label, action, style=style, primary=primary, enabled=enabled)

        quit_spec = ("title:quit", t("quit", lang), app.quit, False, True)
        if compact(f) and self.settings_open:  # a short window: the settings in the menu's place
            items = [btn(("title:menu", t("settings_close", lang), self.toggle_settings, False, True), "bold")]
            f.scroll_list("menu", inner, items + [btn(spec, "body") for spec in settings])
            return
        items.append(self.continue_item(f, inner.w))
        items += [btn(spec, "bold") for spec in buttons]
        pinned: list[tuple[MenuSpec, str]] = [(quit_spec, "body")]
        if compact(f):  # the settings one button away, kept in view with Quit
            pinned.insert(0, (("title:settings", t("settings_open", lang), self.toggle_settings, False, True), "bold"))
        else:
            head = t("settings", lang)
            hh = f.text_h(head, inner.w, "h2")
            items.append(Item(hh + f.pad // 2, lambda fr, r: fr.text(r, head, "h2", fr.pal.heading)))
            items += [btn(spec, "body") for spec in settings]
        self.draw_pinned(f, inner, items, pinned)

    def draw_pinned(self, f: Frame, inner: Rect, items: list[Item], pinned: list[tuple[MenuSpec, str]]) -> None:
        """The menu's list, and under it buttons that never scroll away (Quit, and "Settings…"
        where the settings are behind it): side by side where each fits on one line, else one
        above the other. They are the end of the menu's Tab stop, after the list."""
        half = (inner.w - f.pad) // 2
        beside = len(pinned) > 1 and all(f.text_w(spec[1], style) <= half - 2 * f.pad for spec, style in pinned)
        if beside:
            h = max(f.button_h(spec[1], half, style) for spec, style in pinned)
            row, rest = take_bottom(inner, h, f.gap // 2)
            cells = columns(row, [1.0] * len(pinned), f.pad)
        else:
            heights = [f.button_h(spec[1], inner.w, style) for spec, style in pinned]
            row, rest = take_bottom(inner, sum(heights) + f.gap // 2 * (len(heights) - 1), f.gap // 2)
            cells, y = [], row.y
            for h in heights:
                cells.append(Rect(row.x, y, row.w, h))
                y += h + f.gap // 2
        f.scroll_list("menu", rest, items)
        outer, f.group = f.group, "list:menu"
        for ((cid, label, action, primary, enabled), style), r in zip(pinned, cells, strict=True):
            f.button(cid, r, label, action, style=style, primary=primary, enabled=enabled, align="left")
        f.group = outer

    def continue_item(self, f: Frame, width: int) -> Item:
        """Continue, naming the game it resumes (the one played last), or saying there is none."""
        lang = self.lang
        if self.latest is None:
            return button_item(f, width, "title:continue", t("continue_none", lang), None, style="bold",
                               enabled=False)
        # named apart from the other games in progress (another team's game of the same scenario)
        parts: list[Part] = [(t("continue_btn", lang), "bold", None),
                             (game_names(self.games, lang, self.scenarios)[0], "body", None)]
        return rich_item(f, width, "title:continue", parts, self.resume_latest, selected=True)

    def resume_latest(self) -> None:
        if self.latest is not None:
            self.app.continue_game(self.latest.game_id)

    def toggle_settings(self) -> None:
        """A short window: the settings in the menu's place, and back; the focus follows."""
        self.settings_open = not self.settings_open
        self.app.focus.set("set:lang" if self.settings_open else "title:settings")
        self.app.dirty = True

    def do_continue(self) -> None:
        self.app.nav.open_continue()


def _next_language(lang: str) -> str:
    """The language after ``lang`` among those with a catalogue (the setting cycles through them)."""
    langs = i18n.languages()
    return langs[(langs.index(lang) + 1) % len(langs)] if lang in langs else langs[0]
