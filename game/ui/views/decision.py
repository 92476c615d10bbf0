"""A card's response drawn as a decision to sign: its number and words, the reason, and its
expected effects as a compact row of chips (the quantity's icon, arrows that do not rely on colour,
the number, and where or whom), with the effects in words one key away (W on the card screen)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from game import explain, i18n
from game.engine.defs import Response
from game.engine.world import REGIONS
from game.ui import icons
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect
from game.ui.strings import short
from game.ui.views.base import Part, fmt_num

MAX_CHIPS = 6


@dataclass(frozen=True)
class Chip:
    quantity: str
    change: int
    later: int = 0  # quarters from now (0: now)

    def words(self, lang: str, date: int | None = None) -> str:
        """What the chip says beside its icon: "Mopti ▼ −3", "JNIM ▲ +4", "▲ +2"."""
        who = chip_subject(self.quantity, lang, date)
        mark = f"{explain.arrows(self.change)} {fmt_num(self.change, sign=True)}"
        return f"{who} {mark}" if who else mark


def chip_subject(quantity: str, lang: str, date: int | None = None) -> str:
    """Where or whom a quantity is about, short: a region, an actor, a pair of actors ("" if neither)."""
    parts = quantity.split(".")
    if len(parts) == 2 and parts[1] in REGIONS:
        return i18n.text(f"place.{parts[1]}", lang)
    if len(parts) == 2 and parts[0] in ("strength", "buyin", "commitment", "hostility"):
        return _who(parts[1], lang, date)
    if len(parts) == 3 and parts[0] == "relation":
        return f"{_who(parts[1], lang, date)}–{_who(parts[2], lang, date)}"
    return ""


def _who(actor: str, lang: str, date: int | None) -> str:
    """An actor's short name where it has one (CMA, JNIM), else its name (France, l'Algérie → Algérie)."""
    if i18n.has("short", actor):
        return short(actor, lang, date)
    return i18n.actor_name(actor, lang, date)


def chips(resp: Response) -> list[Chip]:
    """The response's effects now, largest first, then its later effects, at most ``MAX_CHIPS``."""
    now = sorted(resp.effects.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
    out = [Chip(q, c) for q, c in now if c]
    for d in resp.delayed:
        out += [Chip(q, c, d.after) for q, c in sorted(d.effects.items(), key=lambda kv: (-abs(kv[1]), kv[0])) if c]
    return out[:MAX_CHIPS]


def _chip_w(f: Frame, chip: Chip, lang: str, date: int | None) -> int:
    w = f.line_h("body") + f.pad // 3 + f.text_w(chip.words(lang, date))
    if chip.later:
        w += f.text_w(i18n.plural("chip_later", chip.later, lang)) + f.pad // 3
    return w + f.pad


def _rows(f: Frame, items: Sequence[Chip], width: int, lang: str, date: int | None) -> list[list[Chip]]:
    rows: list[list[Chip]] = [[]]
    used = 0
    for chip in items:
        w = _chip_w(f, chip, lang, date)
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0
        rows[-1].append(chip)
        used += w
    return [row for row in rows if row]


def decision_item(f: Frame, width: int, cid: str, parts: Sequence[Part], resp: Response, lang: str,
                  date: int | None, action: Callable[[], object] | None, show_chips: bool) -> Item:
    """The response as one button: its text blocks, then (``show_chips``) its chips in rows."""
    inner_w = width - 2 * f.pad
    text_h = f.rich_h([(p[0], p[1]) for p in parts], width)
    shown = chips(resp) if show_chips else []
    rows = _rows(f, shown, inner_w, lang, date)
    row_h = f.line_h("body") + f.pad // 3
    h = text_h + len(rows) * row_h + (f.pad // 2 if rows else 0)

    def draw(fr: Frame, r: Rect) -> None:
        fr.rich_button(cid, r, parts, action)
        y = r.y + text_h
        for row in rows:
            x = r.x + fr.pad
            for chip in row:
                x += _draw_chip(fr, x, y, chip, lang, date)
            y += row_h

    return Item(h, draw, (cid,))


def _draw_chip(f: Frame, x: int, y: int, chip: Chip, lang: str, date: int | None) -> int:
    size = f.line_h("body")
    w = _chip_w(f, chip, lang, date) - f.pad // 2
    box = Rect(x, y, w, size)
    f.fill(box, f.pal.panel, size // 2, f.pal.border)
    f.s.blit(icons.icon_for_quantity(chip.quantity, max(8, size - 6), f.pal.heading), (x + 4, y + 3))
    tx = x + size + f.pad // 3
    if chip.later:
        label = i18n.plural("chip_later", chip.later, lang)
        f.text(Rect(tx, y, f.text_w(label), size), label, "body", f.pal.muted)
        tx += f.text_w(label) + f.pad // 3
    words = chip.words(lang, date)
    f.text(Rect(tx, y, max(1, box.right - tx), size), words, "body", f.pal.text, box=box)
    return w + f.pad // 2


def effects_now_and_later(resp: Response, effects_text: Callable[[Mapping[str, int], str], str],
                          lang: str, t: Callable[..., str]) -> list[Part]:
    """The effects in words (the card screen's "W"): "Now: …", "In 2 quarters: …"."""
    out: list[Part] = []
    if resp.effects:
        out.append((t("now", t=effects_text(resp.effects, lang)), "body", None))
    for d in resp.delayed:
        out.append((t("later", n=d.after, t=effects_text(d.effects, lang)), "body", None))
    return out



