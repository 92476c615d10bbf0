"""Lists of games on disk: "Continue" (every game's own autosave, most recent first) and "Saved
games" (save the current game under a name; load one as a new game; delete into a bin that can
be restored or emptied, each after a confirmation)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.engine.defs import tr
from game.i18n import month_label
from game.saves import SaveError
from game.store import MAX_SAVE_NAME, GameInfo, SlotInfo, clean_name, date_label, slot_name
from game.ui.controls import Control, Item
from game.ui.frame import Frame
from game.ui.gamenames import game_label, game_names, scenario_title
from game.ui.layout import Rect
from game.ui.strings import t
from game.ui.text import safe_text
from game.ui.views.base import text_item
from game.ui.views.overlays import Overlay
from game.ui.views.title import scenario_list

if TYPE_CHECKING:
    from game.ui.app import App

FIELD = "saves:name"
# A button of a row: (id, label, action, primary).
ButtonSpec = tuple[str, str, Callable[[], object], bool]
MAX_NAME = MAX_SAVE_NAME  # room for the scenario, its month and year, and a team's name after them


def default_name(title: str, month: str, limit: int = MAX_NAME) -> str:
    """'Tutorial: your first mandate — Jun 2015': the scenario and the month, whole; a title too
    long for ``limit`` is the part cut, never the date."""
    tail = f" — {month}"
    return (title[:max(0, limit - len(tail))].rstrip() + tail).strip()[:limit]


def tail_that_fits(font: pygame.font.Font, text: str, width: int, caret: str = "") -> str:
    """The end of ``text`` that fits ``width`` with the caret after it: what a field shows, its
    last letters beside the caret (measured as drawn, not backwards)."""
    text = safe_text(font, text)
    if font.size(text + caret)[0] <= width:
        return text
    lo, hi = 0, len(text)  # the first letter shown: the smallest that fits
    while lo < hi:
        mid = (lo + hi) // 2
        if font.size(text[mid:] + caret)[0] <= width:
            hi = mid
        else:
            lo = mid + 1
    return text[lo:]


def _row(f: Frame, width: int, title: str, desc: str, buttons: list[ButtonSpec]) -> Item:
    """A line of the list: a title, a line of detail, and buttons on the right."""
    if buttons and not clean_name(title).strip():
        title = "—"  # a name that is nothing once cleaned still shows a line to act on
    bw = max((f.text_w(label, "bold") for _cid, label, _a, _p in buttons), default=0) + 3 * f.pad
    tw = max(80, width - len(buttons) * (bw + f.pad))
    h = max(f.text_h(title, tw, "bold") + f.text_h(desc, tw), f.line_h("bold") + f.pad)

    def draw(fr: Frame, r: Rect) -> None:
        nh = fr.text_h(title, tw, "bold")
        fr.text(Rect(r.x, r.y, tw, nh), title, "bold")
        fr.text(Rect(r.x, r.y + nh, tw, r.h - nh), desc, "body", fr.pal.muted)
        bh = fr.line_h("bold") + fr.pad
        x = r.right
        for cid, label, action, primary in reversed(buttons):
            x -= bw
            fr.button(cid, Rect(x, r.y, bw, bh), label, action, style="bold", primary=primary)
            x -= fr.pad

    return Item(h, draw, tuple(cid for cid, *_ in buttons))


class ContinueOverlay(Overlay):
    """The games that can be continued, each with its scenario, its date and its last decision."""

    name = "continue"
    help_key = "saves"

    def __init__(self, app: App):
        super().__init__(app)
        self.games: list[GameInfo] = app.store.recent_games()
        self.scenarios = scenario_list()

    def heading(self) -> str:
        return t("continue_title", self.lang)

    def default_focus(self) -> str | None:
        return "game:0" if any(g.error is None for g in self.games[:1]) else "overlay:close"

    def resume(self, info: GameInfo) -> None:
        if self.app.continue_game(info.game_id):
            self.app.nav.clear_overlays()

    def items(self, f: Frame, width: int) -> list[Item]:
        lang, app = self.lang, self.app
        out: list[Item] = []
        if app.message:
            out.append(text_item(f, width, app.message, "bold", f.pal.heading))
        if not self.games:
            out.append(text_item(f, width, t("continue_none", lang), color=f.pal.muted))
        readable = [g for g in self.games if g.problem is None]
        # the scenario, its month and quarter, or that it is finished; the time is on its own line
        names = dict(zip((g.game_id for g in readable), game_names(readable, lang, self.scenarios, timed=False),
                         strict=True))
        for i, g in enumerate(self.games):
            if g.problem is not None:
                out.append(_row(f, width, g.game_id, t("damaged", lang, msg=g.problem.text(lang)), []))
                continue
            title = names[g.game_id]
            desc = t("last_decision", lang, when=g.saved_at)
            out.append(_row(f, width, title, desc, [(f"game:{i}", t("continue_btn", lang), partial(self.resume, g), i == 0)]))
        return out


class SavesOverlay(Overlay):
    name = "saves"
    help_key = "saves"

    def __init__(self, app: App):
        super().__init__(app)
        g = app.game
        self.name_text = default_name(tr(g.scenario.title, app.lang), month_label(g.date, app.lang)) if g else ""
        self.confirm: Path | None = None  # the save whose deletion waits for "Yes"
        self.confirm_empty = False
        self.show_bin = False
        self.titles = {sc["folder"].name: sc["title"] for sc in scenario_list()}
        self.refresh()

    def refresh(self) -> None:
        self.slots: list[SlotInfo] = self.app.store.list_slots()
        self.bin: list[SlotInfo] = self.app.store.binned()

    def heading(self) -> str:
        return t("saves_title", self.lang)

    def default_focus(self) -> str | None:
        return FIELD if self.app.game is not None else "overlay:close"

    # --- the name field (its control takes the typed keys while it has the focus) -----------
    def insert(self, text: str) -> None:
        self.name_text = (self.name_text + clean_name(text))[:MAX_NAME]

    def erase(self) -> None:
        self.name_text = self.name_text[:-1]

    def submit(self) -> None:
        self.save()

    def save(self) -> None:
        app = self.app
        if app.game is None:
            app.message = t("no_game", self.lang)
            return
        try:
            path = app.store.save_slot(app.game, app.level, self.name_text or "save")
        except OSError as exc:
            app.message = t("autosave_failed", self.lang, msg=exc.strerror or exc)
            return
        # the name as the list will show it (the store's cleaning), not as typed
        app.nav.note(t("saved", self.lang, name=slot_name(self.name_text) or path.stem))
        self.refresh()

    def load(self, path: Path) -> None:
        app = self.app
        try:
            data = app.store.read_slot(path)
        except SaveError as exc:
            app.message = t("none_loaded", self.lang, msg=exc.text(self.lang))
            return
        if app.load_payload(data, path.name):
            app.nav.clear_overlays()

    # --- deleting, into the bin -------------------------------------------------------------
    def ask_delete(self, path: Path) -> None:
        self.confirm = path
        self.app.focus.set("slot:no")

    def delete(self, path: Path, name: str) -> None:
        self.confirm = None
        try:
            self.app.store.delete_slot(path)
        except OSError as exc:
            self.app.message = t("autosave_failed", self.lang, msg=exc.strerror or exc)
        else:
            self.app.nav.note(t("deleted", self.lang, name=name))
        self.refresh()
        self.app.focus.set("bin:toggle")

    def cancel(self) -> None:
        self.confirm = None
        self.confirm_empty = False
        self.app.focus.set("overlay:close")

    def restore(self, path: Path, name: str) -> None:
        try:
            self.app.store.restore_slot(path)
        except OSError as exc:
            self.app.message = t("autosave_failed", self.lang, msg=exc.strerror or exc)
        else:
            self.app.nav.note(t("restored", self.lang, name=name))
        self.refresh()
        self.app.focus.set("overlay:close")

    def empty_bin(self) -> None:
        n = self.app.store.empty_bin()
        self.confirm_empty = False
        self.app.nav.note(t("bin_emptied", self.lang, n=n))
        self.refresh()
        self.app.focus.set("overlay:close")

    def toggle_bin(self) -> None:
        self.show_bin = not self.show_bin
        self.confirm_empty = False

    def confirming(self) -> bool:
        return self.confirm is not None or self.confirm_empty

    def items(self, f: Frame, width: int) -> list[Item]:
        lang, app = self.lang, self.app
        out: list[Item] = []
        if app.message:
            out.append(text_item(f, width, app.message, "bold", f.pal.heading))
        if app.game is not None:
            out.append(self._name_field(f, width))
        else:
            out.append(text_item(f, width, t("no_game", lang), color=f.pal.muted))
        if not self.slots:
            out.append(text_item(f, width, t("no_slots", lang), color=f.pal.muted))
        for i, slot in enumerate(self.slots):
            if slot.path == self.confirm:
                out.append(_row(f, width, t("confirm_delete", lang, name=slot.name), t("confirm_delete_hint", lang), [
                    ("slot:yes", t("yes_delete", lang), partial(self.delete, slot.path, slot.name), False),
                    ("slot:no", t("no_keep", lang), self.cancel, True),
                ]))
                continue
            desc = self._desc(slot)
            buttons: list[ButtonSpec] = [] if slot.error is not None else [(f"slot:load:{i}", t("load_btn", lang), partial(self.load, slot.path), False)]
            buttons.append((f"slot:del:{i}", t("delete_btn", lang), partial(self.ask_delete, slot.path), False))
            out.append(_row(f, width, slot.name, desc, buttons))
        # the bin
        label = t("bin_hide" if self.show_bin else "bin_show", lang, n=len(self.bin))
        out.append(_row(f, width, t("bin_title", lang), t("bin_hint", lang), [("bin:toggle", label, self.toggle_bin, False)]))
        if self.show_bin:
            if not self.bin:
                out.append(text_item(f, width, t("bin_empty", lang), color=f.pal.muted))
            for i, slot in enumerate(self.bin):
                out.append(_row(f, width, slot.name, self._desc(slot),
                                [(f"bin:restore:{i}", t("restore_btn", lang), partial(self.restore, slot.path, slot.name), False)]))
            if self.bin:
                if self.confirm_empty:
                    out.append(_row(f, width, t("confirm_empty", lang, n=len(self.bin)), t("confirm_empty_hint", lang), [
                        ("bin:yes", t("yes_empty", lang), self.empty_bin, False),
                        ("bin:no", t("no_keep", lang), self.cancel, True),
                    ]))
                else:
                    out.append(_row(f, width, "", "", [("bin:empty", t("empty_bin", lang), self._ask_empty, False)]))
        return out

    def _ask_empty(self) -> None:
        self.confirm_empty = True
        self.app.focus.set("bin:no")

    def _desc(self, slot: SlotInfo) -> str:
        if slot.problem is not None:
            return t("damaged", self.lang, msg=slot.problem.text(self.lang))
        title = scenario_title(self.titles, slot.scenario, slot.scenario, self.lang)
        if not date_label(slot.where, self.lang):  # a save without a date: its phase and quarter
            return f"{title} · {slot.where} · {slot.when}"
        where = game_label(title, slot.where, slot.quarter, self.lang, slot.phase)
        return t("slot_line", self.lang, where=where, when=slot.when)

    def _name_field(self, f: Frame, width: int) -> Item:
        label = t("save_name", self.lang)
        field_h = f.line_h() + f.pad
        btn = t("save_here", self.lang)
        btn_w = min(width, f.text_w(btn, "bold") + 3 * f.pad)
        lab_h = f.text_h(label, width, "bold")
        # the button beside the field while the field keeps most of the row, else under it: at
        # the largest text the field had a third of the row, a few words of a name
        beside = width - btn_w - f.pad >= width * 11 // 20
        height = lab_h + field_h + (0 if beside else f.pad + field_h)

        def draw_field(fr: Frame, r: Rect) -> None:
            fr.text(Rect(r.x, r.y, r.w, lab_h), label, "bold")
            box = Rect(r.x, r.y + lab_h, r.w - btn_w - fr.pad if beside else r.w, field_h)
            focused = fr.focus == FIELD
            fr.fill(box, fr.pal.panel, fr.radius, fr.pal.accent if focused else fr.pal.border, 2)
            # the end of the name, where the caret is, as much as fits before it
            caret = "|" if focused else ""
            inner_w = box.w - 2 * fr.pad
            shown = tail_that_fits(fr.fonts.get("body"), self.name_text, inner_w, "|")
            fr.text(Rect(box.x + fr.pad, box.y + fr.pad // 2, inner_w, fr.line_h()), shown + caret)
            fr.register(Control(FIELD, box, None, "field", field=self))
            at = Rect(box.right + fr.pad, box.y, btn_w, field_h) if beside else \
                Rect(r.right - btn_w, box.bottom + fr.pad, btn_w, field_h)
            fr.button("saves:save", at, btn, self.save, style="bold", primary=True)

        return Item(height, draw_field, (FIELD, "saves:save"))
