"""A card's conditions, weight and gates said in words, for designers (``preview``, ``graph``).

Designer tools speak English, like ``check``; the quantities are named in the catalogue's words.
"""

from __future__ import annotations

import re
from typing import Any

from game.engine.defs import Card, Scenario
from game.i18n import describe, month_label

OPS = {">": "above", ">=": "at least", "<": "below", "<=": "at most", "==": "exactly", "!=": "other than"}
_COMPARE = re.compile(r"([a-z_]+(?:\.[a-z_]+){1,2})\s*(>=|<=|==|!=|>|<)\s*(-?[0-9]+(?:\.[0-9]+)?)")


def _name(quantity: str) -> str:
    try:
        return f"{describe(quantity)} ({quantity})"
    except (KeyError, ValueError):
        return quantity


def condition_words(raw: Any) -> str:
    """A ``when:`` as written in the card file (a string or a tree), in words."""
    if raw is None:
        return "always (no condition)"
    if isinstance(raw, str):
        return _COMPARE.sub(lambda m: f"{_name(m[1])} {OPS[m[2]]} {m[3]}", raw)
    if isinstance(raw, dict):
        if "all" in raw:
            return "all of: " + "; ".join(f"({condition_words(p)})" for p in raw["all"])
        if "any" in raw:
            return "any of: " + "; ".join(f"({condition_words(p)})" for p in raw["any"])
        if "not" in raw:
            return f"not ({condition_words(raw['not'])})"
        return f"{_name(str(raw.get('quantity')))} {OPS.get(str(raw.get('op')), raw.get('op'))} {raw.get('value')}"
    return str(raw)


def weight_words(card: Card) -> str:
    w = card.weight
    if w.quantity is None:
        return f"{w.base} (the default is 10; a card's chance is its weight against the others that can be drawn)"
    way = "likelier" if w.factor > 0 else "rarer"
    return (f"{w.base} plus {w.factor} per 100 of {_name(w.quantity)}: {way} as it rises"
            f" ({max(0, w.base)} at 0, {max(0, w.base + w.factor)} at 100)")


def gate_words(card: Card, scenario: Scenario) -> list[str]:
    """When the card can come: its months, mandate years, repeat rule, follow-up rule."""
    lines = []
    if card.follow_up_only:
        lines.append("a follow-up only: never drawn by chance, only when a response brings it")
    else:
        start = month_label(card.start) if card.start is not None else "the start"
        end = month_label(card.end) if card.end is not None else "the end"
        lines.append(f"months: from {start} to {end}" if (card.start, card.end) != (None, None) else "months: any")
        years = ", ".join(str(m) for m in card.mandates) if card.mandates else "any"
        lines.append(f"mandate years: {years} (of {scenario.years})")
        lines.append("once a game" if card.once else f"repeatable, at least {card.cooldown + 1} quarters apart")
    brought = [f"{c.id} ({r.id}, after {f.after} quarters{'' if f.chance >= 100 else f', {f.chance}% chance'})"
               for c in scenario.cards for r in c.responses for f in r.follow_ups if f.card == card.id]
    if brought:
        lines.append("brought by: " + "; ".join(brought))
    return lines
