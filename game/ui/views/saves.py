"""Saved games: save the current game under a name; load or delete a named save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.engine.defs import month_label, tr
from game.saves import SaveError
from game.ui.frame import Control, Frame, Item, Rect
from game.ui.strings import t
from game.ui.views.base import text_item
from game.ui.views.overlays import Overlay

FIELD = "saves:name"
MAX_NAME = 40


class SavesOverlay(Overlay):
    name = "saves"
    help_key = "saves"

    def __init__(self, app: Any):
        super().__init__(app)
        g = app.game
        self.name_text = f"{tr(g.scenario.title, app.lang)} — {month_label(g.date, app.lang)}"[:MAX_NAME] if g else ""
        self.slots = app.store.list_slots()

    def heading(self) -> str:
        return t("saves_title", self.lang)

    def default_focus(self) -> str | None:
        return FIELD if self.app.game is not None else "overlay:close"

    def text_input(self, text: str) -> bool:
        if self.app.focus_id == FIELD:
            self.name_text = (self.name_text + text)[:MAX_NAME]
            return True
        return False

    def key_down(self, event: pygame.event.Event) -> bool:
        if self.app.focus_id != FIELD:
            return False
        if event.key == pygame.K_BACKSPACE:
            self.name_text = self.name_text[:-1]
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.save()
            return True
        # letters and digits arrive as text input; keep them from the keymaps
        return bool(event.unicode and event.unicode.isprintable() and event.key != pygame.K_TAB)

    def save(self) -> None:
        app = self.app
        if app.game is None:
            app.message = t("no_game", self.lang)
            return
        try:
            app.store.save_slot(app.game, app.level, self.name_text or "save")
        except OSError as exc:
            app.message = str(exc)
            return
        app.message = t("saved", self.lang, name=self.name_text or "save")
        self.slots = app.store.list_slots()

    def load(self, path: Path) -> None:
        app = self.app
        try:
            data = app.store.read_slot(path)
        except SaveError as exc:
            app.message = t("none_loaded", self.lang, msg=str(exc))
            return
        if app.load_payload(data):
            app.overlay = None

    def delete(self, path: Path) -> None:
        self.app.store.delete_slot(path)
        self.slots = self.app.store.list_slots()
        self.app.focus_id = "overlay:close"

    def items(self, f: Frame, width: int) -> list[Item]:
        lang, app = self.lang, self.app
        out: list[Item] = []
        if app.message:
            out.append(text_item(f, width, app.message, "bold", f.pal.heading))
        if app.game is not None:
            label = t("save_name", lang)
            field_h = f.line_h() + f.pad
            btn = t("save_here", lang)
            btn_w = f.text_w(btn, "bold") + 3 * f.pad
            lab_h = f.text_h(label, width)

            def draw_field(fr: Frame, r: Rect) -> None:
                fr.text(Rect(r.x, r.y, r.w, lab_h), label, "bold")
                fw = max(100, r.w - btn_w - fr.pad)
                box = Rect(r.x, r.y + lab_h, fw, field_h)
                fr.fill(box, fr.pal.panel, fr.radius, fr.pal.accent if app.focus_id == FIELD else fr.pal.border, 2)
                shown = self.name_text
                while shown and fr.text_w(shown + "|") > box.w - 2 * fr.pad:
                    shown = shown[1:]
                caret = "|" if app.focus_id == FIELD else ""
                fr.text(Rect(box.x + fr.pad, box.y + fr.pad // 2, box.w - 2 * fr.pad, fr.line_h()), shown + caret)
                fr.register(Control(FIELD, box, None, "field"))
                fr.button("saves:save", Rect(box.right + fr.pad, box.y, r.right - box.right - fr.pad, field_h), btn,
                          self.save, style="bold", primary=True)

            out.append(Item(lab_h + field_h, draw_field, (FIELD, "saves:save")))
        else:
            out.append(text_item(f, width, t("no_game", lang), color=f.pal.muted))
        if not self.slots:
            out.append(text_item(f, width, t("no_slots", lang), color=f.pal.muted))
        load_l, del_l = t("load_btn", lang), t("delete_btn", lang)
        bw = max(f.text_w(load_l, "bold"), f.text_w(del_l, "bold")) + 3 * f.pad
        for i, slot in enumerate(self.slots):
            desc = f"{slot.scenario} · {slot.where} · {slot.when}" if slot.error is None else t("damaged", lang, msg=slot.error)
            tw = width - 2 * bw - 2 * f.pad
            h = max(f.text_h(slot.name, tw, "bold") + f.text_h(desc, tw), f.line_h("bold") + f.pad)
            ids = (f"slot:load:{i}", f"slot:del:{i}") if slot.error is None else (f"slot:del:{i}",)

            def draw(fr: Frame, r: Rect, slot: Any = slot, desc: str = desc, i: int = i, tw: int = tw) -> None:
                nh = fr.text_h(slot.name, tw, "bold")
                fr.text(Rect(r.x, r.y, tw, nh), slot.name, "bold")
                fr.text(Rect(r.x, r.y + nh, tw, r.h - nh), desc, "body", fr.pal.muted)
                bh = fr.line_h("bold") + fr.pad
                if slot.error is None:
                    fr.button(f"slot:load:{i}", Rect(r.right - 2 * bw - fr.pad, r.y, bw, bh), load_l,
                              lambda: self.load(slot.path), style="bold")
                fr.button(f"slot:del:{i}", Rect(r.right - bw, r.y, bw, bh), del_l, lambda: self.delete(slot.path))

            out.append(Item(h, draw, ids))
        return out
