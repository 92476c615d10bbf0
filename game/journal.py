"""The decision journal in words, and each decision's main consequences, read from the ledger.

Shared by the debrief screen, the terminal and the report (no pygame here). Under a decision, the
record: what the Council actually did for that clause that year (``record.yaml``) or how it
answered that card (``historical:``), so that a class holds its choices against it. A consequence is what the ledger
recorded under the decision's own cause: a clause (``clause:<dimension>.<option>``) from its vote
until the next vote, a card's answer (``card:`` and ``later:``) from the quarter it was given,
a trade, a vote's result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game import i18n
from game.engine.defs import Text, tr
from game.engine.game import ENDINGS, Game
from game.explain import number
from game.i18n import describe, month_label
from game.story import scenario_record

if TYPE_CHECKING:
    from game.sim.record import Resolution

NEVER = 10**6  # a quarter after every game's end


def earlier_answer(g: Game, card_id: str) -> tuple[int, int] | None:
    """(month, response number from 1, 0 if that response is gone) of the last time this game
    answered ``card_id``, or None: a repeatable card that comes back says so, and what the class
    chose then."""
    card = g.scenario.cards_by_id.get(card_id)  # (a reload while playing may have removed it)
    ids = [r.id for r in card.responses] if card is not None else []
    for e in reversed(g.journal):
        if e.get("kind") == "card" and e.get("card") == card_id:
            answer = str(e.get("response"))
            return g.scenario.start + 3 * int(e.get("q", 0)), ids.index(answer) + 1 if answer in ids else 0
    return None


def earlier_words(g: Game, card_id: str, lang: str) -> str:
    """'This happened before, in December 2015: you chose response 1.', or '' the first time."""
    earlier = earlier_answer(g, card_id)
    if earlier is None:
        return ""
    month, n = earlier
    if not n:
        return i18n.text("card_again_plain", lang, month=month_label(month, lang))
    return i18n.text("card_again", lang, month=month_label(month, lang), n=n)


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


# --- the record beside the class's choices ---------------------------------------------------
def _resolution(g: Game, q: int) -> Resolution | None:
    """The resolution the Council adopted in the mandate year of quarter ``q`` (None without a record)."""
    record = scenario_record(g.scenario)
    return record.resolution(min(q // 4 + 1, g.scenario.years)) if record is not None else None


def record_answer(g: Game, card_id: str) -> tuple[str, Text, Text] | None:
    """How the Council answered a card in reality: (response, why, source), the last two per
    language; the scenario's record.yaml answers a shared card its own way, else the card's
    ``historical:``."""
    record = scenario_record(g.scenario)
    if record is not None and card_id in record.cards:
        why, source = record.card_why.get(card_id, ({}, {}))
        return record.cards[card_id], why, source
    card = g.scenario.cards_by_id.get(card_id)
    if card is None or not card.historical:
        return None
    return card.historical, card.historical_why, card.historical_source


def record_note(g: Game, e: dict[str, Any], lang: str) -> str:
    """The record under a journal entry: 'The record: Resolution 2295 (2016): Robust and
    proactive — why', 'Same as the record (…)', a card's real answer; '' when the record is silent."""
    try:
        if e.get("kind") == "choose":
            return _clause_note(g, e, lang)
        if e.get("kind") == "card":
            return _card_note(g, e, lang)
    except KeyError:  # a clause, option or response the content no longer has
        pass
    return ""


def _clause_note(g: Game, e: dict[str, Any], lang: str) -> str:
    res = _resolution(g, int(e.get("q", 0)))
    dim = str(e.get("dimension"))
    if res is None or dim not in res.options:
        return ""
    real, year = res.options[dim], res.date[:4]
    if e.get("option") == real:
        return i18n.text("j_record_same", lang, number=res.number, year=year)
    label = tr(g.scenario.dimension(dim).option(real).label, lang)
    return i18n.text("j_record_clause", lang, number=res.number, year=year, opt=label, why=tr(res.why.get(dim), lang))


def _card_note(g: Game, e: dict[str, Any], lang: str) -> str:
    card_id = str(e.get("card"))
    answer = record_answer(g, card_id)
    if answer is None:
        return ""
    response, why, source = answer
    if e.get("response") == response:
        return i18n.text("j_record_card_same", lang, why=tr(why, lang), source=tr(source, lang))
    label = tr(g.scenario.card(card_id).response(response).label, lang).rstrip(".")  # a dash follows
    return i18n.text("j_record_card", lang, resp=label, why=tr(why, lang), source=tr(source, lang))


def record_matches(g: Game) -> tuple[int, int, int, int]:
    """(clauses matched, clauses compared, card answers matched, card answers compared): every
    adopted resolution's clauses against the record of its year, every card answer against the
    Council's where the record has one."""
    matched = compared = 0
    for vote in g.votes:
        res = _resolution(g, vote.quarter) if vote.adopted else None
        for dim, real in (res.options.items() if res is not None else ()):
            compared += 1
            matched += vote.draft.get(dim) == real
    answers = [(e, record_answer(g, str(e.get("card")))) for e in g.journal if e.get("kind") == "card"]
    known = [(e, a) for e, a in answers if a is not None]
    return matched, compared, sum(e.get("response") == a[0] for e, a in known), len(known)


def record_count(g: Game, lang: str) -> str:
    """'Your resolutions matched the record on 9 of 14 clauses. Your card answers…', or '' when
    nothing could be compared."""
    matched, compared, cards, answered = record_matches(g)
    parts = []
    if compared:
        parts.append(i18n.plural("j_record_count_clauses", matched, lang, total=compared))
    if answered:
        parts.append(i18n.plural("j_record_count_cards", cards, lang, total=answered))
    return " ".join(parts)
