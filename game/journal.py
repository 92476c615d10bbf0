"""The decision journal in words, and each decision's main consequences, read from the ledger.

Shared by the debrief screen and the report (no pygame here). A consequence is what the ledger
recorded under the decision's own cause: a clause (``clause:<dimension>.<option>``) from its vote
until the next vote, a card's answer (``card:`` and ``later:``) from the quarter it was given,
a trade, a vote's result.
"""

from __future__ import annotations

from typing import Any

from game import i18n
from game.engine.defs import tr
from game.engine.game import ENDINGS, Game
from game.i18n import describe, month_label

NEVER = 10**6  # a quarter after every game's end


def number(value: int, sign: bool = False) -> str:
    """12 345 with a narrow no-break space; a real minus sign; '+' when asked."""
    text = f"{abs(value):,}".replace(",", "\u202f")
    if value < 0:
        return "−" + text
    return ("+" + text) if sign and value > 0 else text


def journal_line(g: Game, e: dict[str, Any], lang: str) -> str:
    sc = g.scenario
    q = int(e.get("q", 0))
    when = f"{i18n.text('quarter_n', lang, n=q + 1)} · {month_label(sc.start + 3 * q, lang)} — "
    kind = e.get("kind")
    try:
        if kind == "choose":
            dim = sc.dimension(e["dimension"])
            return when + i18n.text("j_choose", lang, dim=tr(dim.label, lang), opt=tr(dim.option(e["option"]).label, lang))
        if kind == "trade":
            return when + i18n.text("j_trade", lang, name=tr(sc.member(e["member"]).name, lang),
                                    dim=tr(sc.dimension(e["dimension"]).label, lang), cost=e.get("cost", "?"))
        if kind == "vote":
            return when + i18n.text("j_vote_ok" if e.get("adopted") else "j_vote_ko", lang, yes=e.get("yes", "?"))
        if kind == "card":
            card = sc.card(e["card"])
            return when + i18n.text("j_card", lang, card=tr(card.title, lang),
                                    resp=tr(card.response(e["response"]).label, lang))
        if kind == "contributors":
            return when + i18n.text("j_contributors", lang, troops=number(int(e["troops"])), killed=e["killed"])
        if kind == "end":
            return when + i18n.text("j_end", lang, t=ending_words(str(e.get("ending", "")), lang))
    except KeyError:
        pass
    return when + str(kind)


def ending_words(key: str, lang: str) -> str:
    """An ending's words; a key from another version of the game is shown as it is."""
    return i18n.word("ending", key, lang) if key in ENDINGS else key


def _causes_of(e: dict[str, Any]) -> tuple[str, ...]:
    kind = e.get("kind")
    if kind == "choose":
        return (f"clause:{e.get('dimension')}.{e.get('option')}",)
    if kind == "card":
        return (f"card:{e.get('card')}.{e.get('response')}", f"later:{e.get('card')}.{e.get('response')}")
    if kind == "trade":
        return (f"trade:{e.get('member')}.{e.get('dimension')}",)
    if kind == "vote":
        return ("vote:adopted" if e.get("adopted") else "vote:failed",)
    return ()


def _window(g: Game, e: dict[str, Any]) -> tuple[int, int]:
    """The quarters whose ledger belongs to this decision: from its quarter until the same
    clause, or the same card, is decided again in a later quarter (a vote: until the next vote)."""
    q = int(e.get("q", 0))
    kind = e.get("kind")
    if kind == "vote":
        return q, min((v.quarter for v in g.votes if v.quarter > q), default=NEVER)
    field = {"choose": "dimension", "card": "card", "trade": "dimension"}.get(str(kind), "")
    again = [int(x.get("q", 0)) for x in g.journal
             if x.get("kind") == kind and x.get(field) == e.get(field) and int(x.get("q", 0)) > q]
    return q, min(again, default=NEVER)


def consequences(g: Game, e: dict[str, Any], limit: int = 3) -> list[tuple[str, int]]:
    """The quantities this decision moved most (by the share of their range), with the net change."""
    causes = _causes_of(e)
    if not causes:
        return []
    lo, hi = _window(g, e)
    totals: dict[str, int] = {}
    for quarter, quantity, change, cause in g.meters.ledger:
        if cause in causes and lo <= quarter < hi:
            totals[quantity] = totals.get(quantity, 0) + change
    ranges = g.meters.ranges

    def weight(item: tuple[str, int]) -> tuple[int, str]:
        low, high = ranges.get(item[0], (0, 100))
        return -abs(item[1]) * 1000 // max(1, high - low), item[0]

    return sorted(((k, v) for k, v in totals.items() if v), key=weight)[:limit]


def consequences_text(g: Game, e: dict[str, Any], lang: str, limit: int = 3) -> str:
    """'violence in Gao −5, buy-in of Algeria +3', or '' when the ledger holds nothing for it."""
    date = g.scenario.start + 3 * int(e.get("q", 0))
    return ", ".join(f"{describe(k, lang, date)} {number(v, sign=True)}" for k, v in consequences(g, e, limit))
