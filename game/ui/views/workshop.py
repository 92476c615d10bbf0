"""The workshop's overlays on the title screen: "Join a session" (the team types the code and its
name) and "New session code" (the facilitator's code, large enough to read from the back of a
room). ``TextBox`` is the one-line text field they share with the Compare teams screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.engine.defs import tr
from game.ui.controls import Control, Item, TextRec
from game.ui.frame import Frame
from game.ui.hosting import WORKSHOP_LEVEL, host_from_title
from game.ui.layout import Rect
from game.ui.strings import t
from game.ui.text import fit_prefix, get_font, render, text_size
from game.ui.views.base import button_item, heading_item, text_item
from game.ui.views.overlays import Overlay
from game.ui.workshop import MAX_TEAM, join, new_code, problem_words

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.views.title import TitleView

MAX_CODE = 40


class TextBox:
    """A one-line text field: typed text goes in, Backspace takes a character off, Enter submits."""

    def __init__(self, cid: str, text: str = "", limit: int = 200, on_submit: Callable[[], object] | None = None):
        self.cid = cid
        self.text = text
        self.limit = limit
        self.on_submit = on_submit

    def insert(self, text: str) -> None:
        clean = "".join(c for c in text if c.isprintable())
        self.text = (self.text + clean)[: self.limit]

    def erase(self) -> None:
        self.text = self.text[:-1]

    def submit(self) -> None:
        if self.on_submit is not None:
            self.on_submit()

    def item(self, f: Frame, width: int, label: str, button: tuple[str, str, Callable[[], object]] | None = None) -> Item:
        """The label above the field, and a button beside it if one is given (id, label, action)."""
        lab_h = f.text_h(label, width, "bold")
        btn_w = f.text_w(button[1], "bold") + 3 * f.pad if button else 0
        btn_h = f.button_h(button[1], btn_w, "bold") if button else 0
        field_h = max(f.line_h() + f.pad, btn_h)

        def draw(fr: Frame, r: Rect) -> None:
            fr.text(Rect(r.x, r.y, r.w, lab_h), label, "bold")
            fw = max(80, r.w - (btn_w + fr.pad if button else 0))
            box = Rect(r.x, r.y + lab_h, fw, field_h)
            focused = fr.focus == self.cid
            fr.fill(box, fr.pal.bg, fr.radius, fr.pal.accent if focused else fr.pal.border, 2)
            tail = fit_prefix(fr.fonts.get("body"), self.text[::-1], box.w - 2 * fr.pad, "|")[::-1]
            fr.text(Rect(box.x + fr.pad, box.y + (field_h - fr.line_h()) // 2, box.w - 2 * fr.pad, fr.line_h()),
                    tail + ("|" if focused else ""))
            fr.register(Control(self.cid, box, None, "field", field=self))
            if button:
                fr.button(button[0], Rect(box.right + fr.pad, box.y, r.right - box.right - fr.pad, field_h), button[1],
                          button[2], style="bold", primary=True)

        ids = (self.cid, button[0]) if button else (self.cid,)
        return Item(lab_h + field_h, draw, ids)


MAX_ROOM = 80  # characters of a typed address


def room_address(text: str) -> str | None:
    """The live room's address as the host printed it ("192.168.1.20:8765", "ws://…"): "" for none
    (a session without a room), None for something that is not an address."""
    if not text.strip():
        return ""
    from game.room import link  # the room's client (websockets): only for a team that joins one

    try:
        return link.room_address(text)
    except ValueError:
        return None


class JoinOverlay(Overlay):
    """A team joins a session: the code from the board and the team's name, then its game starts."""

    name = "join"

    def __init__(self, app: App):
        super().__init__(app)
        self.code = TextBox("join:code", "", MAX_CODE, self.to_team)
        self.team = TextBox("join:team", "", MAX_TEAM, self.to_room)
        self.room = TextBox("join:room", "", MAX_ROOM, self.go)  # the live room's address, if one is hosted
        self.problem: str | None = None  # why the code was refused (``problem_words``)

    def heading(self) -> str:
        return t("ws.join_title", self.lang)

    def default_focus(self) -> str | None:
        return "join:code"

    def to_team(self) -> None:
        self.app.focus.set("join:team")

    def to_room(self) -> None:
        self.app.focus.set("join:room")

    def go(self) -> None:
        address = room_address(self.room.text)
        if address is None:
            self.problem = "bad_room"
            self.app.focus.set("join:room")
        else:
            self.problem = join(self.app, self.code.text, self.team.text)
            if self.problem is not None:
                self.app.focus.set("join:code")
            elif address:  # the facilitator hosts a live room: this team's decisions go to it as it plays
                from game.ui.room_link import join_window

                self.app.args.room = address
                join_window(self.app)
        self.app.dirty = True

    def items(self, f: Frame, width: int) -> list[Item]:
        lang = self.lang
        out = [text_item(f, width, t("ws.join_hint", lang), color=f.pal.muted),
               self.code.item(f, width, t("ws.code_label", lang)),
               self.team.item(f, width, t("ws.team_label", lang)),
               self.room.item(f, width, t("ws.room_label", lang))]
        if self.problem:
            out.append(heading_item(f, width, problem_words(self.problem, lang), "bold", f.pal.no))
        out.append(button_item(f, width, "join:go", t("ws.join_go", lang), self.go, style="bold", primary=True,
                               align="center"))
        return out


class CodeOverlay(Overlay):
    """The facilitator's new session code, drawn as large as the box allows."""

    name = "code"

    def __init__(self, app: App, level: str, length: str):
        super().__init__(app)
        made = new_code(app, level, length)
        self.code, scenario = made if made else ("", None)
        self.title = tr(scenario.title, app.lang) if scenario else ""
        self.length = scenario.length if scenario else length

    def heading(self) -> str:
        return t("ws.code_title", self.lang)

    def box(self, f: Frame) -> Rect:
        """The whole window but a margin: the code as wide as the room needs it."""
        win = f.window
        return Rect(f.gap, 2 * f.gap, win.w - 2 * f.gap, win.h - 4 * f.gap)

    def items(self, f: Frame, width: int) -> list[Item]:
        lang = self.lang
        if not self.code:
            return [text_item(f, width, self.app.message or t("ws.no_start", lang))]
        return [heading_item(f, width, t("ws.code_for", lang, title=self.title, length=t(f"ws.len_{self.length}", lang)),
                             "h2"),
                self.big_item(f, width),
                text_item(f, width, t("ws.code_teams", lang, code=self.code))]

    def big_item(self, f: Frame, width: int) -> Item:
        """The code itself, at the largest size that fits the width and a third of the window."""
        size = max(f.fonts.body, f.window.h // 6)
        font = get_font(size, True)
        while size > f.fonts.body and text_size(font, self.code)[0] > width:
            size = size * 9 // 10
            font = get_font(size, True)
        h = font.get_linesize()

        def draw(fr: Frame, r: Rect) -> None:
            surf = render(font, self.code, fr.pal.heading, (size, True))
            place = Rect(r.x + (r.w - surf.get_width()) // 2, r.y, surf.get_width(), surf.get_height())
            fr.s.blit(surf, place)
            fr.texts.append(TextRec(self.code, place, Rect(r)))

        return Item(h, draw)



def workshop_buttons(title: TitleView) -> list[tuple[str, str, Callable[[], object], bool, bool]]:
    """The title menu's workshop buttons. For the facilitator: a live room, or a new code, for the
    scenario last focused (the main classroom scenario until one is), each button naming it, and
    the teams compared; for a team: join a session."""
    app, lang = title.app, title.lang
    focus = app.focus.id or ""
    if focus.startswith("scenario:") and focus[9:].isdigit() and int(focus[9:]) < len(title.scenarios):
        title.picked = int(focus[9:])  # type: ignore[attr-defined]
    default = next((i for i, sc in enumerate(title.scenarios) if sc["folder"].name == WORKSHOP_LEVEL), 0)
    picked = getattr(title, "picked", default)
    live = app.autoplay is None
    sc = title.scenarios[picked] if title.scenarios else None
    name = (sc["title"].get(lang) or sc["title"].get("en", "")) if sc and isinstance(sc["title"], dict) else ""

    playable = sc is not None and not sc.get("error")

    def host() -> None:
        if sc is not None:
            host_from_title(app, app.levels.name(sc["folder"]), title.length)

    def code() -> None:
        if sc is not None:
            app.nav.push(CodeOverlay(app, app.levels.name(sc["folder"]), title.length))

    def compare() -> None:
        from game.ui.views.compare import CompareView

        app.nav.switch_screen(CompareView(app))

    return [("title:host", t("room.host_named", lang, title=name), host, False, live and playable),
            ("title:join", t("ws.join", lang), lambda: app.nav.push(JoinOverlay(app)), False, live),
            ("title:code", t("ws.new_code", lang, title=name), code, False, playable),
            ("title:compare", t("ws.compare", lang), compare, False, True)]


__all__ = ["CodeOverlay", "JoinOverlay", "TextBox", "workshop_buttons"]
