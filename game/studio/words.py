"""A card's conditions, weight and gates said in words, for designers (``preview``).

In the designer's language (``--lang``): the words come from the catalogues' ``studio`` context,
and each quantity is named in words with its id beside it, as a card file writes it.
"""

from __future__ import annotations

import re
from typing import Any

from game import i18n
from game.engine.defs import Card, Scenario
from game.i18n import describe, month_label

OPS = {">": "above", ">=": "at_least", "<": "below", "<=": "at_most", "==": "exactly", "!=": "other_than"}
# A comparison in a one-line condition: (quantity, sign, number); the paper deck reads it too.
COMPARISON = re.compile(r"([a-z_]+(?:\.[a-z_]+){1,2})\s*(>=|<=|==|!=|>|<)\s*(-?[0-9]+(?:\.[0-9]+)?)")


def w(key: str, lang: str, **params: object) -> str:
    """A word of the designer tools' catalogue context."""
    return i18n.word("studio", key, lang, **params)


def _name(quantity: str, lang: str) -> str:
    try:
        return f"{describe(quantity, lang)} ({quantity})"
    except (KeyError, ValueError):
        return quantity


def _compare(quantity: str, op: str, value: object, lang: str) -> str:
    said = w(OPS[op], lang, value=value) if op in OPS else f"{op} {value}"
    return f"{_name(quantity, lang)} {said}"


def condition_words(raw: Any, lang: str = "en") -> str:
    """A ``when:`` as written in the card file (a string or a tree), in words."""
    if raw is None:
        return w("always", lang)
    if isinstance(raw, str):
        # the joining words first, so that a quantity's name in words is never read as one
        text = re.sub(r"\b(and|or|not)\b", lambda m: w(m[1], lang), raw)
        return COMPARISON.sub(lambda m: _compare(m[1], m[2], m[3], lang), text)
    if isinstance(raw, dict):
        for key, said in (("all", "all_of"), ("any", "any_of")):
            if key in raw:
                return w(said, lang, parts="; ".join(f"({condition_words(p, lang)})" for p in raw[key]))
        if "not" in raw:
            return f"{w('not', lang)} ({condition_words(raw['not'], lang)})"
        return _compare(str(raw.get("quantity")), str(raw.get("op")), raw.get("value"), lang)
    return str(raw)


def weight_words(card: Card, lang: str = "en") -> str:
    weight = card.weight
    if weight.quantity is None:
        return w("weight_plain", lang, base=weight.base)
    return w("weight_grows" if weight.factor > 0 else "weight_falls", lang, base=weight.base, factor=weight.factor,
             q=_name(weight.quantity, lang), at0=max(0, weight.base), at100=max(0, weight.base + weight.factor))


def gate_words(card: Card, scenario: Scenario, lang: str = "en") -> list[str]:
    """When the card can come: its months, mandate years, repeat rule, follow-up rule."""
    lines = []
    if card.follow_up_only:
        lines.append(w("follow_up_only", lang))
    else:
        if card.start is None and card.end is None:
            lines.append(w("months_any", lang))
        elif card.start is None:
            lines.append(w("months_until", lang, end=month_label(card.end, lang)))  # type: ignore[arg-type]
        elif card.end is None:
            lines.append(w("months_from", lang, start=month_label(card.start, lang)))
        else:
            lines.append(w("months", lang, start=month_label(card.start, lang), end=month_label(card.end, lang)))
        years = ", ".join(str(m) for m in card.mandates) if card.mandates else w("any", lang)
        lines.append(w("mandates", lang, years=years, n=scenario.years))
        lines.append(w("once", lang) if card.once else i18n.plural("studio.repeatable", card.cooldown + 1, lang))
    brought = [i18n.plural("studio.brought_item" if f.chance >= 100 else "studio.brought_chance", f.after, lang,
                           card=c.id, response=r.id, chance=f.chance)
               for c in scenario.cards for r in c.responses for f in r.follow_ups if f.card == card.id]
    if brought:
        lines.append(w("brought_by", lang, items="; ".join(brought)))
    return lines
