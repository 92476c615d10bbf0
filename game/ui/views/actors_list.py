"""The briefing's armed actors as a list: every relation in words and numbers, most hostile first.

The web draws fifteen ties between six actors; on a small window at the largest text their
numbers crowd the middle and a class cannot tell which pair a number belongs to. The list says
each pair by name, its relation and how far it moved since the last vote; each number opens "why?"
as on the web."""

from __future__ import annotations

from game.engine.game import Game
from game.engine.world import ARMED, RELATION_PAIRS, pair_key
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.layout import Rect
from game.ui.strings import short, t
from game.ui.views.actors_web import moved_since_vote, relation_text


def tie_rows(game: Game, lang: str) -> list[tuple[str, str, str, str]]:
    """(control id, 'CMA – Platform', '−45 ▼5', quantity), most hostile first (ties: in pair order)."""
    date = game.date
    pairs = sorted(RELATION_PAIRS, key=lambda pair: game.values[pair_key(*pair)])
    return [(f"web:rel:{a}:{b}", f"{short(a, lang, date)} – {short(b, lang, date)}",
             relation_text(game.values[pair_key(a, b)], moved_since_vote(game, pair_key(a, b))), pair_key(a, b))
            for a, b in pairs]


def strength_rows(game: Game, lang: str) -> list[tuple[str, str, str, str]]:
    """(control id, 'CMA, strength', '40', quantity): each actor's strength, in the web's order."""
    return [(f"web:str:{a}", t("web_strength_of", lang, name=short(a, lang, game.date)),
             relation_text(game.values[f"strength.{a}"], moved_since_vote(game, f"strength.{a}"), sign=False), f"strength.{a}")
            for a in ARMED]


def tie_items(f: Frame, width: int, game: Game, lang: str) -> list[Item]:
    """The relations two to a line, then each actor's strength three to a line, where the width
    allows (at 1024×600 and the largest text, all of it in view)."""
    scale = Item(f.text_h(t("web_list_scale", lang), width), lambda fr, r: fr.text(r, t("web_list_scale", lang), color=fr.pal.muted))
    return _rows(f, width, game, tie_rows(game, lang), 2) + _rows(f, width, game, strength_rows(game, lang), 3) + [scale]


def _rows(f: Frame, width: int, game: Game, rows: list[tuple[str, str, str, str]], most: int) -> list[Item]:
    num_w = max(f.text_w(number, "bold") for _c, _n, number, _q in rows) + f.pad
    name_w = max(f.text_w(names) for _c, names, _n, _q in rows)
    per_line = max([n for n in range(1, most + 1) if width >= n * (name_w + num_w + 3 * f.pad)] or [1])
    col_w = width // per_line
    out = []
    for start in range(0, len(rows), per_line):
        line = rows[start:start + per_line]
        h = max(max(f.text_h(names, col_w - num_w - 2 * f.pad) for _c, names, _n, _q in line), f.line_h("bold"))

        def draw(fr: Frame, r: Rect, line: list[tuple[str, str, str, str]] = line) -> None:
            for k, (cid, names, number, q) in enumerate(line):
                x = r.x + k * col_w
                value = game.values[q]
                color = (None if q.startswith("strength.") else fr.pal.allied if value >= 10
                         else fr.pal.hostile if value <= -10 else fr.pal.muted)
                fr.text(Rect(x, r.y, col_w - num_w - 2 * fr.pad, r.h), names)
                fr.why_number(cid, Rect(x + col_w - num_w - fr.pad, r.y, num_w, r.h), number, q, color=color)

        out.append(Item(h, draw, tuple(cid for cid, _n, _num, _q in line)))
    return out
