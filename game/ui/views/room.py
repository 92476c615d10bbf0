"""The facilitator's live room: the session code and the address to join, every team live (where
it is, its draft as voted, its key figures, a flag when its mission is in danger), and the
buttons that pause every team, hold them at their next vote, and release them.

The rows come from the room's own copy of each game (``Room.rows``), read under the room's lock;
the server's thread wakes the window when something changed (``game.commands.host``), so the
screen is drawn only then.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

import pygame

from game.engine.defs import Scenario, tr
from game.room.server import RoomThread, Row
from game.room.words import draft_text, figures_text, team_lines, where_text
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect, columns, inset, take_top
from game.ui.views.base import View, text_item

if TYPE_CHECKING:
    from game.ui.app import App

CONTROL_BUTTONS: tuple[tuple[str, str], ...] = (("pause", "room.pause_all"), ("hold", "room.hold_vote"), ("play", "room.release"))
COLUMNS: tuple[tuple[str, float], ...] = (("team", 0.27), ("draft", 0.45), ("figures", 0.28))


class RoomView(View):
    name = "room"
    help_key = "title"
    keymap = {pygame.K_p: ("control", "pause"), pygame.K_h: ("control", "hold"), pygame.K_r: ("control", "play")}

    def __init__(self, app: App, host: RoomThread, addresses: list[str]):
        super().__init__(app)
        self.host = host
        self.addresses = addresses

    @property
    def room_scenario(self) -> Scenario:
        return self.host.room.scenario

    def shortcuts(self) -> dict[str, str]:
        return {"room:pause": "P", "room:hold": "H", "room:play": "R"}

    def default_focus(self) -> str | None:
        return "room:hold"

    def command(self, cmd: str, arg: Any) -> bool:
        if cmd == "control":
            self.set_control(str(arg))
            return True
        return False

    def back(self) -> bool:
        return True  # Esc does not close the room: the window's close button does

    def set_control(self, state: str) -> None:
        self.host.control(state)
        self.app.dirty = True

    def draw(self, f: Frame) -> None:
        pal, win, gap = f.pal, f.window, f.gap
        f.s.fill(pal.bg)
        body = Rect(gap, gap, win.w - 2 * gap, win.h - 2 * gap)
        head, body = take_top(body, self.head_h(f, body.w), gap)
        self.draw_head(f, head)
        cells = columns(Rect(0, 0, body.w, 1), [1.0] * len(CONTROL_BUTTONS), gap)
        bar_h = max(f.button_h(self.button_label(c, key), cell.w, "bold") for cell, (c, key) in zip(cells, CONTROL_BUTTONS, strict=True))
        bar, body = take_top(body, bar_h, gap)
        self.draw_buttons(f, bar)
        self.draw_teams(f, body)

    def head_lines(self) -> list[tuple[str, str]]:
        room, t = self.host.room, self.t
        rows = room.rows()
        address = self.addresses[0] if self.addresses else "ws://127.0.0.1"
        lines = [(t("room.title", scenario=tr(room.scenario.title, self.lang)), "bold"),
                 (t("room.code", code=room.code), "h1"),
                 (t("room.join", code=room.code, address=address), "body"),
                 (t("room.teams", n=len(rows), connected=sum(r.connected for r in rows)) + " · "
                  + t(f"room.state.{room.control}"), "bold")]
        if self.host.server.write_error:  # where the files go is printed in the terminal; a failure is said here
            lines.append((t("room.files_failed", why=self.host.server.write_error), "bold"))
        danger = [r.name for r in rows if r.standing.danger]
        if danger:
            lines.append((t("room.in_danger", teams=", ".join(danger)), "bold"))
        return lines

    def head_h(self, f: Frame, width: int) -> int:
        inner = width - 2 * f.pad - 4
        return sum(f.text_h(text, inner, style) for text, style in self.head_lines()) + 2 * f.pad

    def draw_head(self, f: Frame, rect: Rect) -> None:
        inner = f.panel(rect)
        y = inner.y
        for text, style in self.head_lines():
            color = f.pal.heading if style == "h1" else None
            y += f.text(Rect(inner.x, y, inner.w, inner.bottom - y), text, style, color)

    def draw_buttons(self, f: Frame, rect: Rect) -> None:
        cells = columns(rect, [1.0] * len(CONTROL_BUTTONS), f.gap)
        state = self.host.room.control
        for cell, (control, key) in zip(cells, CONTROL_BUTTONS, strict=True):
            f.button(f"room:{control}", cell, self.button_label(control, key), partial(self.set_control, control), style="bold",
                     selected=state == control, primary=control == "play" and state != "play")

    def button_label(self, control: str, key: str) -> str:
        return self.keyed(f"room:{control}", self.t(key))

    def draw_teams(self, f: Frame, rect: Rect) -> None:
        inner = f.panel(rect)
        rows = self.host.room.rows()
        if not rows:
            f.text(inner, self.t("room.none"), "body", f.pal.muted)
            return
        pad = f.pad // 2  # the rows' own inset, so the headings sit over their columns
        heads = [(cell, self.t(f"room.col.{key}")) for cell, (key, _w) in
                 zip(columns(inset(inner, pad, 0), [w for _k, w in COLUMNS], f.pad), COLUMNS, strict=True)]
        header, listed = take_top(inner, max(f.text_h(text, cell.w, "bold") for cell, text in heads), f.pad // 2)
        for cell, text in heads:
            f.text(Rect(cell.x, header.y, cell.w, header.h), text, "bold", f.pal.heading)
        legend = self.t("room.legend")
        f.scroll_list("room:teams", listed, [*(self.row_item(f, listed.w, row) for row in rows), text_item(f, listed.w, legend, "body", f.pal.muted)])

    def row_item(self, f: Frame, width: int, row: Row) -> Item:
        t = self.t
        first = team_lines(row, t)
        cells: list[list[tuple[str, str]]] = [[first[0], (where_text(row, t), "body"), *first[1:]],
                                              [(draft_text(row, self.room_scenario, self.lang, t), "body")],
                                              [(figures_text(row, t), "body")]]
        pad = f.pad // 2
        weights = [w for _k, w in COLUMNS]
        widths = [c.w for c in columns(Rect(0, 0, width - 2 * pad, 1), weights, f.pad)]
        h = max(sum(f.text_h(text, w, style) for text, style in cell) for cell, w in zip(cells, widths, strict=True)) + f.pad
        danger = bool(row.standing.danger)

        def draw(fr: Frame, r: Rect) -> None:
            fr.fill(r, fr.pal.notice if danger else fr.pal.panel, fr.radius, fr.pal.no if danger else fr.pal.border,
                    3 if danger else 1)
            for i, (cell, col) in enumerate(zip(cells, columns(inset(r, pad, fr.pad // 2), weights, fr.pad), strict=True)):
                y = col.y
                for j, (text, style) in enumerate(cell):
                    ink = fr.pal.notice_text if danger else (fr.pal.muted if i == 0 and j > 1 else None)
                    y += fr.text(Rect(col.x, y, col.w, col.bottom - y), text, style, ink)

        return Item(h, draw)


__all__ = ["RoomView"]
