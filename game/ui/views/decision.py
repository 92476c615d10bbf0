"""A card's response drawn as a decision to sign: its number and words, the reason, and its
expected effects as a compact row of chips (the quantity's icon, arrows that do not rely on colour,
the number, and where or whom), with the effects in words one key away (W on the card screen)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from game import explain, i18n
from game.engine.defs import Response
from game.engine.world import REGIONS
from game.ui import icons
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect
from game.ui.strings import short
from game.ui.text import one_line, wrap
from game.ui.views.base import Part, fmt_num, rich_item

MAX_CHIPS = 6
# The layers of a place or an actor whose chips can name what moves (words: context "chip_layer").
LAYERS = ("violence", "mission_presence", "state_presence", "displacement", "strength", "buyin", "commitment",
          "hostility")


@dataclass(frozen=True)
class Chip:
    quantity: str
    change: int
    later: int = 0  # quarters from now (0: now)
    layered: bool = False  # says what of its place or actor moves: another chip has the same subject

    def words(self, lang: str, date: int | None = None) -> str:
        """What the chip says beside its icon: "Mopti ▼ −3", "JNIM ▲ +4", "Council unity ▼ −3";
        "Violence · Mopti ▲▲ +8" beside "UN · Mopti ▼ −5" when one answer moves both."""
        mark = f"{explain.arrows(self.change)}\u00a0{fmt_num(self.change, sign=True)}"  # never split
        subject = chip_subject(self.quantity, lang, date)
        if self.layered:
            subject = i18n.word("chip_layer", self.quantity.split(".")[0], lang, who=subject)
        return f"{subject} {mark}"


def chip_subject(quantity: str, lang: str, date: int | None = None) -> str:
    """Where or whom a quantity is about, short: a region, an actor, a pair of actors; and for a
    quantity about neither, its name ("Council unity"): an icon alone does not tell a class which
    of two globes or scales moves."""
    parts = quantity.split(".")
    if len(parts) == 2 and parts[1] in REGIONS:
        return i18n.text(f"place.{parts[1]}", lang)
    if len(parts) == 2 and parts[0] in ("strength", "buyin", "commitment", "hostility"):
        return _who(parts[1], lang, date)
    if len(parts) == 3 and parts[0] == "relation":
        return f"{_who(parts[1], lang, date)}–{_who(parts[2], lang, date)}"
    name = i18n.describe(quantity, lang, date)
    return name[:1].upper() + name[1:]


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
    out = out[:MAX_CHIPS]
    # the same place or actor twice (violence and presence in Mopti): each says what moves there
    subjects = [_subject_key(c.quantity) for c in out]
    return [replace(c, layered=True) if k and subjects.count(k) > 1 and
            len({out[i].quantity.split(".")[0] for i, s in enumerate(subjects) if s == k}) > 1 else c
            for c, k in zip(out, subjects, strict=True)]


def _subject_key(quantity: str) -> str:
    """The place or actor a layered quantity is about ('mopti', 'france'), '' for the others."""
    layer, _, rest = quantity.partition(".")
    return rest if layer in LAYERS and rest else ""


def _chip_text(chip: Chip, lang: str, date: int | None) -> tuple[str, str]:
    """The chip's two words: when it lands ("in 2 quarters:", muted; "" now), and what moves."""
    return (i18n.plural("chip_later", chip.later, lang) + " " if chip.later else ""), chip.words(lang, date)


def _chip_w(f: Frame, chip: Chip, lang: str, date: int | None) -> int:
    when, words = _chip_text(chip, lang, date)
    return f.line_h("body") + f.pad // 3 + f.text_w(when) + f.text_w(words) + f.pad


def _rows(f: Frame, items: Sequence[Chip], width: int, lang: str, date: int | None) -> list[list[Chip]]:
    """The chips in rows that fit ``width``; a chip wider than a row has a row of its own (it wraps)."""
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


def _wide_h(f: Frame, chip: Chip, width: int, lang: str, date: int | None) -> int:
    """A lone chip's height: one line, or its words wrapped within the row beside its icon."""
    when, words = _chip_text(chip, lang, date)
    if _chip_w(f, chip, lang, date) <= width:
        return f.line_h("body")
    return max(f.line_h("body"), f.text_h(when + words, _wrap_w(f, width)))


def _wrap_w(f: Frame, width: int) -> int:
    return max(40, width - f.line_h("body") - f.pad // 3 - f.pad // 2)


def decision_item(f: Frame, width: int, cid: str, parts: Sequence[Part], resp: Response, lang: str,
                  date: int | None, action: Callable[[], object] | None, show_chips: bool,
                  room: int | None = None) -> Item:
    """The response as one button: its text blocks, then (``show_chips``) its chips in rows.

    With ``room`` (the height left for it beside folded responses), the rows of chips that do not
    fit are left out; a last line says how many effects no chip shows."""
    inner_w = width - 2 * f.pad
    text_h = f.rich_h([(p[0], p[1]) for p in parts], width)
    shown = chips(resp) if show_chips else []
    rows = _rows(f, shown, inner_w, lang, date)
    gap = f.pad // 3
    heights = [_wide_h(f, row[0], inner_w, lang, date) if len(row) == 1 else f.line_h("body") for row in rows]
    # what no chip shows (past ``MAX_CHIPS``, or past the room) is counted on a last line, never
    # silently dropped
    total = effect_count(resp) if show_chips else 0

    def height() -> int:
        marker = f.line_h("body") + gap if total > sum(map(len, rows)) else 0
        return text_h + sum(rh + gap for rh in heights) + marker + (f.pad // 2 if rows or marker else 0)

    while room is not None and rows and height() > room:
        rows.pop()
        heights.pop()
    left_out = total - sum(map(len, rows))
    more = i18n.plural("chips_left_out", left_out, lang) if left_out else ""
    h = height()

    def draw(fr: Frame, r: Rect) -> None:
        fr.rich_button(cid, r, parts, action)
        y = r.y + text_h
        for row, rh in zip(rows, heights, strict=True):
            x = r.x + fr.pad
            for chip in row:
                x += _draw_chip(fr, x, y, chip, lang, date, inner_w if rh > fr.line_h("body") else 0)
            y += rh + gap
        if more:
            fr.text(Rect(r.x + fr.pad, y, inner_w, fr.line_h("body")), more, "body", fr.pal.muted, box=r)

    return Item(h, draw, (cid,))


def folded_item(f: Frame, width: int, cid: str, label: str, action: Callable[[], object], lines: int = 1) -> Item:
    """A response folded to its first ``lines`` of words ("▸ 2. Ask the Secretary-General …"),
    where the responses do not fit the panel whole (a small window, a large text). Selecting it
    opens it, and only an open response can be chosen: no one answers for effects unseen."""
    font, inner_w = f.fonts.get("bold"), width - 2 * f.pad
    text = f"\u25b8 {label}"
    kept = wrap(font, text, inner_w, f.fonts.spec["bold"])
    if len(kept) > lines:  # the last line kept ends with the cut, at a word's end
        kept = [*kept[:lines - 1], one_line(font, " ".join(kept[lines - 1:]), inner_w)]
    return rich_item(f, width, cid, [("\n".join(kept), "bold", None)], action)


def _draw_chip(f: Frame, x: int, y: int, chip: Chip, lang: str, date: int | None, wrap: int = 0) -> int:
    """One chip; with ``wrap`` (the row's width) its words wrap within it, in one box."""
    size = f.line_h("body")
    when, words = _chip_text(chip, lang, date)
    if wrap:
        tw = _wrap_w(f, wrap)
        box = Rect(x, y, wrap - f.pad // 2, f.text_h(when + words, tw))
        f.fill(box, f.pal.panel, size // 2, f.pal.border)
        f.s.blit(icons.icon_for_quantity(chip.quantity, max(8, size - 6), f.pal.heading), (x + 4, y + 3))
        f.text(Rect(x + size + f.pad // 3, y, tw, box.h), when + words, "body", f.pal.text, box=box)
        return box.w + f.pad // 2
    w = _chip_w(f, chip, lang, date) - f.pad // 2
    box = Rect(x, y, w, size)
    f.fill(box, f.pal.panel, size // 2, f.pal.border)
    f.s.blit(icons.icon_for_quantity(chip.quantity, max(8, size - 6), f.pal.heading), (x + 4, y + 3))
    tx = x + size + f.pad // 3
    if when:
        f.text(Rect(tx, y, f.text_w(when), size), when, "body", f.pal.muted)
        tx += f.text_w(when)
    f.text(Rect(tx, y, max(1, box.right - tx), size), words, "body", f.pal.text, box=box)
    return w + f.pad // 2


def effect_count(resp: Response) -> int:
    """How many effects a response has, now and later (a change of 0 is none)."""
    return sum(1 for c in resp.effects.values() if c) + sum(1 for d in resp.delayed for c in d.effects.values() if c)


def effects_now_and_later(resp: Response, effects_text: Callable[[Mapping[str, int], str], str],
                          lang: str, t: Callable[..., str], keep: int | None = None) -> list[Part]:
    """The effects in words (the card screen's "W"): "Now: …", "In 2 quarters: …"; with ``keep``,
    only that many, the largest of each group first and the ones now before the later ones."""
    out: list[Part] = []
    left = keep
    for after, changes in [(0, resp.effects), *((d.after, d.effects) for d in resp.delayed)]:
        if left is not None:
            changes = dict(sorted(changes.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:left])
            left -= len(changes)
        if changes:
            text = effects_text(changes, lang)
            out.append((t("later", n=after, t=text) if after else t("now", t=text), "body", None))
    return out
