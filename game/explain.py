"""Words for the engine's numbers: causes, effects and tendencies, in the game's language.

Shared by every front end (terminal, pygame window, reports) so that "why?" reads the same
everywhere. The words are the catalogues' (game/i18n.py): the ``cause`` context holds the
templates, ``rule`` the rules' causes. Nothing here changes the game.
"""

from __future__ import annotations

from collections.abc import Mapping

from game import i18n
from game.engine.defs import Scenario, tr
from game.engine.ledger import Contribution
from game.i18n import describe


def cause_text(cause: str, scenario: Scenario, lang: str = "en") -> str:
    """'card:kidal-clash.statement' -> 'card “Fighting in Kidal” → Press statement'."""
    kind, _, rest = cause.partition(":")
    if kind == "rule":
        return i18n.word("rule", rest, lang) if i18n.has("rule", rest) else rest
    if kind == "clause":
        dim_id, _, opt_id = rest.partition(".")
        try:
            dim = scenario.dimension(dim_id)
            return i18n.word("cause", "clause", lang, dim=tr(dim.label, lang), opt=tr(dim.option(opt_id).label, lang))
        except KeyError:
            return rest
    if kind in ("card", "later"):
        card_id, _, resp_id = rest.partition(".")
        card = scenario.cards_by_id.get(card_id)
        if card is None:
            return rest
        try:
            label = tr(card.response(resp_id).label, lang)
        except KeyError:
            label = resp_id
        return i18n.word("cause", kind, lang, card=tr(card.title, lang), resp=label)
    if kind == "trade":
        member_id, _, dim_id = rest.partition(".")
        try:
            name = tr(scenario.member(member_id).name, lang)
            label = tr(scenario.dimension(dim_id).label, lang)
        except KeyError:
            return rest
        return i18n.word("cause", "trade", lang, name=name, dim=label)
    if kind == "vote":
        return i18n.word("cause", "vote_adopted" if rest == "adopted" else "vote_failed", lang)
    return cause


def number(value: int, sign: bool = False) -> str:
    """12 345 with a narrow no-break space; a real minus sign (U+2212); '+' when asked. The one
    way every front end writes a figure (the window's ``fmt_num``, the journal, the why lines)."""
    text = f"{abs(value):,}".replace(",", "\u202f")
    if value < 0:
        return "\u2212" + text
    return ("+" + text) if sign and value > 0 else text


def why_lines(contributions: list[Contribution], scenario: Scenario, lang: str = "en", limit: int = 8) -> list[str]:
    """Largest causes first, as '+5  card “…” → …'."""
    lines = [f"{number(c.change, sign=True)}  {cause_text(c.cause, scenario, lang)}" for c in contributions[:limit]]
    rest = contributions[limit:]
    if rest:
        total = sum(c.change for c in rest)
        lines.append(i18n.plural("other_causes", len(rest), lang, total=total))
    return lines


def effects_text(effects: Mapping[str, int], lang: str = "en") -> str:
    """'violence in Gao −5, buy-in of Algeria +3': every effect, largest first (a card with seven
    lost its seventh to a cut at six)."""
    items = sorted(effects.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
    return ", ".join(f"{describe(k, lang)}\u00a0{number(v, sign=True)}" for k, v in items)  # the number never alone on a line


def arrows(change: int) -> str:
    """A size-and-direction mark that does not rely on colour: ▲▲ big rise, ▼ small fall."""
    size = abs(change)
    n = 0 if size == 0 else 1 if size < 5 else 2 if size < 15 else 3
    return ("▲" if change > 0 else "▼") * n or "·"
