"""Warnings: what ``check`` cannot call wrong but is very likely a mistake.

A problem (``Y``, ``S``, ``R``, ``C``, ``F`` codes) makes the game leave something out; a warning
(``W`` codes) leaves the game as it is and tells the author that a card probably does not do what
they meant: it can never be drawn, nothing brings it, a field of it is ignored, it is longer or
stronger than the card-writing guide advises, an effect seems to go the wrong way, or two cards
tell the same event; or a Council member's source is shown at a vote before a year it names.
``check`` exits 0 with warnings (1 with ``--strict``).

Every warning is worked out from the cards as read (the schema's models with their positions),
never by running a condition: conditions are analysed in their structured or ``ast`` form.
"""

from __future__ import annotations

import ast
import difflib
import math
import re
import unicodedata
import warnings as _py_warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from game.content import schema
from game.content.problems import Problem
from game.engine import defs
from game.engine.conditions import quantities_in
from game.engine.world import QUANTITIES, READABLE, REGIONS, canonical

__all__ = ["CODES", "CardSite", "Deck", "Finding", "SourceSite", "deck_warnings", "is_warning", "source_warnings",
           "year_named"]

# Every warning, with what it means in plain words (levels/README.md shows the same table).
CODES: dict[str, str] = {
    "W501": "a card that can never be drawn: its months fall outside the scenario's quarters",
    "W502": "a card that can never be drawn: its mandate years are not in the scenario",
    "W503": "a card that can never be drawn: its condition cannot hold within the quantities' ranges",
    "W504": "a follow-up card that no response brings",
    "W505": "a field that a follow-up card ignores (when, from, until, mandates, weight)",
    "W506": "a text longer than the card-writing guide advises",
    "W507": "an effect larger than the card-writing guide advises",
    "W508": "an effect whose direction contradicts its response's words or the quantity's meaning",
    "W509": "two cards that tell the same event (same month, same place, close titles)",
    "W510": "a Council member's source that names a year after a vote it is shown at",
    "W511": "a follow-up or delayed effect due after the scenario's last quarter, whenever its card comes",
    "W512": "an unquoted text cut short by a '#', which YAML reads as the start of a comment",
}

# Lengths: the guide's figure with a margin (French runs longer than English), so that only a
# text clearly over the advice is flagged.
TITLE_CHARS = 70  # the guide: "at most about 60 characters"
TEXT_WORDS = 120  # the guide: "at most about 90 words"
LABEL_WORDS = 35  # the guide: "each at most about 25 words"
OUTCOME_WORDS = 50  # the guide: "one or two sentences, about 40 words"
# Effects: the guide says a card "rarely moves a quantity by more than 10 on a 0-100 scale";
# twice that, as a share of each quantity's range, is flagged (20 on 0-100, 40 on a relation,
# 4,000 troops, $1,000 million), and 20 peacekeepers killed (a count with no real top).
EFFECT_SHARE = 20  # percent of the quantity's range
EFFECT_CAP = {"mission.casualties": 20}
MAX_BOXES = 64  # the condition analysis gives up (and says nothing) beyond this many cases

Loc = tuple[str | int, ...]


def is_warning(code: str) -> bool:
    return code.startswith("W")


@dataclass(frozen=True)
class CardSite:
    """One card as read: its model, its file, where its parts are, and whether a shared folder holds it."""

    card: schema.CardModel
    path: str
    at: Callable[[Iterable[str | int]], tuple[int, int]]
    base: Loc
    shared: bool = False
    line_text: Callable[[int], str] | None = None  # a line of the file as read (for what YAML dropped)

    def problem(self, loc: Loc, code: str, message: str) -> Problem:
        line, col = self.at(self.base + loc)
        return Problem(self.path, line, col, code, message)


@dataclass(frozen=True)
class SourceSite:
    """A Council member's source line that names a year after the first vote one scenario shows it at."""

    path: str
    line: int
    col: int
    named: int  # the latest year the line names
    shown: int  # the first vote year at which the scenario shows it


@dataclass(frozen=True)
class Deck:
    """What the warnings need of a scenario: when it is played, the cards it reads, and the
    members' source lines it shows before a year they name."""

    start: int  # month index of the first quarter
    years: int
    sites: Sequence[CardSite]
    sources: Sequence[SourceSite] = ()
    brought: frozenset[str] = frozenset()  # follow-ups named by cards the schema refused (reported there)

    @property
    def quarters(self) -> list[tuple[int, int]]:
        """(month, mandate year) of every quarter in which cards are drawn."""
        return [(self.start + 3 * q, q // 4 + 1) for q in range(4 * self.years)]

    def ranges(self) -> dict[str, tuple[int, int]]:
        """What conditions can read, the time quantities narrowed to this scenario's quarters."""
        last = self.start + 3 * (4 * self.years - 1)
        return {**READABLE, "time.quarter": (0, 4 * self.years - 1), "time.mandate": (1, self.years),
                "time.year": (self.start // 12, last // 12)}


@dataclass(frozen=True)
class Finding:
    """A warning; ``card`` is set for a card of a shared folder whose warning depends on the
    scenario (it is shown only when no scenario checked together does better)."""

    problem: Problem
    card: tuple[str, str] | None = None  # (file, card id)


_SHARED = (" (in every scenario checked that uses this shared folder: check them together, for example"
           " 'python -m game check levels')")


def deck_warnings(deck: Deck) -> list[Finding]:
    """Every warning of one scenario's cards."""
    found: list[Finding] = []
    queued = {f.card for s in deck.sites for r in s.card.responses for f in r.follow_up} | deck.brought
    ranges = deck.ranges()
    for site in deck.sites:
        card = site.card
        depends: list[Problem] = []
        if card.follow_up_only:
            if card.id not in queued:
                depends.append(site.problem(("follow_up_only",), "W504", "no response brings this follow-up card"
                                            " (follow_up_only: true), so it is never played: add it to a response's"
                                            " follow_up, or remove follow_up_only"))
            found += [Finding(p) for p in _ignored_fields(site)]
        else:
            depends += _never_in_season(site, deck)
            depends += _impossible_condition(site, ranges)
            depends += _never_due(site, deck)
        if site.shared:
            found += [Finding(replace(p, message=p.message + _SHARED), (site.path, card.id)) for p in depends]
        else:
            found += [Finding(p) for p in depends]
        found += [Finding(p) for p in _lengths(site)]
        found += [Finding(p) for p in _cut_by_comment(site)]
        found += [Finding(p) for p in _effects(site)]
    found += [Finding(p) for p in _same_events(deck.sites)]
    return found


# --- never drawn --------------------------------------------------------------------------
def _month(index: int) -> str:
    return f"{index // 12}-{index % 12 + 1:02d}"


def _in_months(card: schema.CardModel, month: int) -> bool:
    """Whether ``month`` falls in the card's months (``from``, ``until``, both included)."""
    return (not card.from_ or month >= defs.month_index(card.from_)) and (not card.until or month <= defs.month_index(card.until))


def _years_in_months(card: schema.CardModel, quarters: list[tuple[int, int]]) -> list[int]:
    """The mandate years of the quarters that fall in the card's months (``from``, ``until``)."""
    return [y for m, y in quarters if _in_months(card, m)]


def _mandates_outside(site: CardSite, years: int) -> Problem:
    listed = ", ".join(map(str, site.card.mandates))
    return site.problem(("mandates",), "W502", f"mandates: [{listed}], but this scenario has {years} mandate"
                                               f" year{'s' * (years != 1)} (1 to {years}): the card is never drawn")


def _never_in_season(site: CardSite, deck: Deck) -> list[Problem]:
    """W501 / W502: no quarter of the scenario falls in the card's months and mandate years."""
    card = site.card
    quarters = deck.quarters
    in_months = _years_in_months(card, quarters)
    first, last = _month(quarters[0][0]), _month(quarters[-1][0])
    if card.mandates and not set(card.mandates) & set(range(1, deck.years + 1)):
        return [_mandates_outside(site, deck.years)]
    if not in_months:
        months = ", ".join(sorted({f"{m % 12 + 1:02d}" for m, _y in quarters}))
        return [site.problem(("from",) if card.from_ else ("until",), "W501",
                             f"no quarter of the scenario falls between {card.from_ or 'its start'} and"
                             f" {card.until or 'its end'}: cards are drawn in the months {months}"
                             f" from {first} to {last}, so the card is never drawn")]
    if card.mandates and not set(in_months) & set(card.mandates):
        return [site.problem(("mandates",), "W502",
                             "the card's months and its mandate years never meet (mandate year 1 starts"
                             f" {first}, a new one every 12 months): the card is never drawn")]
    return []


def _first_quarter(card: schema.CardModel, deck: Deck) -> int | None:
    """The first quarter (from 0) in the card's months and mandate years; None if there is none."""
    return next((q for q, (m, y) in enumerate(deck.quarters)
                 if _in_months(card, m) and (not card.mandates or y in card.mandates)), None)


def _never_due(site: CardSite, deck: Deck) -> list[Problem]:
    """W511: a follow-up or delayed effect due after the last quarter even when its card comes
    at the earliest it can (the game ends first, so it never arrives)."""
    card = site.card
    earliest = _first_quarter(card, deck)
    if earliest is None:
        return []  # never drawn at all: W501 or W502 says so
    room = len(deck.quarters) - 1 - earliest  # quarters left after the earliest it can come
    out: list[Problem] = []
    for i, r in enumerate(card.responses):
        due = [(("responses", i, "follow_up", j, "after"), f.after, f"the follow-up {f.card}") for j, f in enumerate(r.follow_up)]
        due += [(("responses", i, "later", j, "after"), x.after, "this delayed effect") for j, x in enumerate(r.later)]
        for loc, after, what in due:
            if after > room:
                out.append(site.problem(loc, "W511", f"{what} comes {after} quarters after the answer, but the card comes at"
                                                     f" the earliest in quarter {earliest + 1} of {len(deck.quarters)}:"
                                                     " the game is over first, so it never arrives; shorten 'after'"))
    return out


# --- conditions that cannot hold ----------------------------------------------------------
Box = dict[str, tuple[int, int]]  # quantity -> the whole numbers it may take (both ends included)
_FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}
_NEGATE = {"<": ">=", ">=": "<", ">": "<=", "<=": ">", "==": "!=", "!=": "=="}
_AST_OPS: dict[type, str] = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}


class _GiveUp(Exception):
    """The condition is too large or of a shape not analysed: say nothing about it."""


def _figure(quantity: str, value: int) -> str:
    """A bound as the guide writes it: 10,000 troops, but the year 2015 (no thousands comma)."""
    return str(value) if quantity.startswith("time.") else f"{value:,}"


def _impossible_condition(site: CardSite, ranges: Mapping[str, tuple[int, int]]) -> list[Problem]:
    """W503: a ``when`` no state of the model can satisfy."""
    cond = site.card.when
    if cond is None:
        return []
    data = cond if isinstance(cond, str) else cond.model_dump(by_alias=True)
    try:
        boxes = _tree_boxes(data, False, ranges)
    except (_GiveUp, ValueError, SyntaxError, RecursionError, MemoryError):
        return []
    if boxes:
        return []
    names = sorted({q for q in quantities_in(data) if q in ranges})
    shown = "; ".join(f"{q} ranges from {_figure(q, ranges[q][0])} to {_figure(q, ranges[q][1])}" for q in names[:4])
    return [site.problem(("when",), "W503", f"this condition can never hold, so the card is never drawn: {shown}")]


def _interval(op: str, value: float, lo: int, hi: int) -> list[tuple[int, int]]:
    """The whole numbers in [lo, hi] for which ``x op value`` holds, as intervals."""
    if op == "!=":
        if value != int(value):
            return [(lo, hi)]
        return [iv for iv in ((lo, min(hi, int(value) - 1)), (max(lo, int(value) + 1), hi)) if iv[0] <= iv[1]]
    bounds = {">": (math.floor(value) + 1, hi), ">=": (math.ceil(value), hi), "<": (lo, math.ceil(value) - 1),
              "<=": (lo, math.floor(value)), "==": (math.ceil(value), math.floor(value))}[op]
    a, b = max(lo, bounds[0]), min(hi, bounds[1])
    return [(a, b)] if a <= b else []


def _compare_boxes(quantity: str, op: str, value: Any, negated: bool, ranges: Mapping[str, tuple[int, int]]) -> list[Box]:
    name = canonical(quantity)
    if name not in ranges or isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _GiveUp
    lo, hi = ranges[name]
    return [{name: iv} for iv in _interval(_NEGATE[op] if negated else op, value, lo, hi)]


def _and(groups: Iterable[list[Box]]) -> list[Box]:
    """Every way all the parts can hold at once (intersections of their cases)."""
    result: list[Box] = [{}]
    for boxes in groups:
        merged: list[Box] = []
        for left in result:
            for right in boxes:
                both = dict(left)
                ok = True
                for q, (a, b) in right.items():
                    a0, b0 = both.get(q, (a, b))
                    both[q] = (max(a, a0), min(b, b0))
                    ok = ok and both[q][0] <= both[q][1]
                if ok:
                    merged.append(both)
        if len(merged) > MAX_BOXES:
            raise _GiveUp
        result = merged
    return result


def _or(groups: Iterable[list[Box]]) -> list[Box]:
    result = [box for boxes in groups for box in boxes]
    if len(result) > MAX_BOXES:
        raise _GiveUp
    return result


def _tree_boxes(data: Any, negated: bool, ranges: Mapping[str, tuple[int, int]]) -> list[Box]:
    """The cases in which a condition (structured form, or a string) holds; [] if none."""
    if isinstance(data, str):
        with _py_warnings.catch_warnings():
            _py_warnings.simplefilter("ignore")
            tree = ast.parse(" ".join(data.split()), mode="eval")
        return _ast_boxes(tree.body, negated, ranges)
    if not isinstance(data, Mapping):
        raise _GiveUp
    for key in ("all", "any"):
        if key in data:
            parts = (_tree_boxes(sub, negated, ranges) for sub in data[key])
            # not (a and b) = not a or not b: negation swaps the two.
            return _and(parts) if (key == "all") != negated else _or(parts)
    if "not" in data:
        return _tree_boxes(data["not"], not negated, ranges)
    return _compare_boxes(str(data.get("quantity")), str(data.get("op")), data.get("value"), negated, ranges)


def _ast_boxes(node: ast.AST, negated: bool, ranges: Mapping[str, tuple[int, int]]) -> list[Box]:
    if isinstance(node, ast.BoolOp):
        parts = (_ast_boxes(v, negated, ranges) for v in node.values)
        return _and(parts) if isinstance(node.op, ast.And) != negated else _or(parts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return _ast_boxes(node.operand, not negated, ranges)
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        return [{}] if node.value != negated else []
    if isinstance(node, ast.Compare):
        operands = [node.left, *node.comparators]
        links = [_link_boxes(operands[i], _AST_OPS[type(op)], operands[i + 1], negated, ranges)
                 for i, op in enumerate(node.ops)]
        # a < b < c holds when every link holds; its negation when any link fails.
        return _or(links) if negated else _and(links)
    raise _GiveUp


def _operand(node: ast.AST) -> tuple[str, Any]:
    """('q', name) or ('n', number); a shape not analysed gives up."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)) and isinstance(node.operand, ast.Constant):
        value = node.operand.value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return "n", -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return "n", node.value
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return "q", ".".join([node.id, *reversed(parts)])
    raise _GiveUp


def _link_boxes(left: ast.AST, op: str, right: ast.AST, negated: bool, ranges: Mapping[str, tuple[int, int]]) -> list[Box]:
    (lk, lv), (rk, rv) = _operand(left), _operand(right)
    if lk == "q" and rk == "n":
        return _compare_boxes(lv, op, rv, negated, ranges)
    if lk == "n" and rk == "q":
        return _compare_boxes(rv, _FLIP[op], lv, negated, ranges)
    return [{}]  # two quantities, or two numbers: not analysed, taken as possible


# --- follow-up cards ----------------------------------------------------------------------
_IGNORED = (("when", "when"), ("from_", "from"), ("until", "until"), ("mandates", "mandates"), ("weight", "weight"))


def _ignored_fields(site: CardSite) -> list[Problem]:
    """W505: a follow-up card comes when a response brings it, whatever these fields say."""
    given = site.card.model_fields_set
    return [site.problem((key,), "W505", f"'{key}' is ignored on a follow-up card (follow_up_only: true): it comes"
                                        " when a response brings it, whatever its condition, months, mandate years or weight;"
                                        f" remove '{key}', or put the condition on the response that brings it")
            for name, key in _IGNORED if name in given]


# --- lengths ------------------------------------------------------------------------------
def _texts(text: Mapping[str, str] | None) -> list[tuple[str, str]]:
    return list(text.items()) if text else []


def _lengths(site: CardSite) -> list[Problem]:
    """W506: a title, text or response label clearly over the guide's lengths."""
    card = site.card
    out: list[Problem] = []
    for lang, title in _texts(card.title):
        if len(title) > TITLE_CHARS:
            out.append(site.problem(("title", lang), "W506", f"the title ({lang}) has {len(title)} characters: the guide"
                                                             f" advises about 60 at most (warned above {TITLE_CHARS}); shorten it"))
    for lang, text in _texts(card.text):
        words = len(text.split())
        if words > TEXT_WORDS:
            out.append(site.problem(("text", lang), "W506", f"the text ({lang}) has {words} words: the guide advises"
                                                            f" about 90 at most (warned above {TEXT_WORDS}); shorten it"))
    for i, r in enumerate(card.responses):
        for lang, label in _texts(r.label):
            words = len(label.split())
            if words > LABEL_WORDS:
                out.append(site.problem(("responses", i, "label", lang), "W506",
                                        f"response '{r.id}' ({lang}) has {words} words: the guide advises about 25 at"
                                        f" most (warned above {LABEL_WORDS}); shorten it"))
        for lang, outcome in _texts(r.outcome):
            words = len(outcome.split())
            if words > OUTCOME_WORDS:
                out.append(site.problem(("responses", i, "outcome", lang), "W506",
                                        f"the outcome of response '{r.id}' ({lang}) has {words} words: the guide"
                                        f" advises about 40 at most (warned above {OUTCOME_WORDS}); shorten it"))
    return out


# --- texts cut by a comment -----------------------------------------------------------------
_COMMENT_AFTER = re.compile(r"[ \t]+#\S")  # ' #2', ' #MeToo': a '#' the author meant; '# note' is a comment


def _card_texts(card: schema.CardModel) -> list[tuple[Loc, Mapping[str, str]]]:
    """Where each of the card's texts is, and the text (one string per language)."""
    found: list[tuple[Loc, Mapping[str, str]]] = [(("title",), card.title), (("text",), card.text)]
    found += [(("sources", i), source) for i, source in enumerate(card.sources)]
    for i, r in enumerate(card.responses):
        found += [(("responses", i, name), text) for name, text in (("label", r.label), ("why", r.why), ("outcome", r.outcome))
                  if text]
        found += [(("responses", i, "later", j, "note"), later.note) for j, later in enumerate(r.later) if later.note]
    if card.historical is not None:
        found += [(("historical", "why"), card.historical.why), (("historical", "source"), card.historical.source)]
    return found


def comment_cut(line: str, col: int, value: str) -> int:
    """The column (from 1) of a '#' that ended the unquoted text ``value`` on its line, where YAML
    dropped the rest as a comment; 0 when the text was quoted, ran to its line's end, or the '#'
    is followed by a space (a comment meant as one).

    ``col`` is where the text or its key begins (a key's text is after its colon)."""
    start = col - 1
    if not value or not line.startswith(value, start):
        key_end = line.find(":", start)
        if key_end < 0:
            return 0
        start = key_end + 1
        while start < len(line) and line[start] in " \t":
            start += 1
        if not line.startswith(value, start):
            return 0
    found = _COMMENT_AFTER.match(line, start + len(value))
    return found.end() - 1 if found else 0  # the '#' is the match's last but one character


def _cut_by_comment(site: CardSite) -> list[Problem]:
    """W512: a text written without quotes that holds ' #': YAML ends the text there, silently."""
    if site.line_text is None:
        return []
    out: list[Problem] = []
    for loc, text in _card_texts(site.card):
        for lang, value in text.items():
            line, col = site.at(site.base + loc + (lang,))  # a plain-string text falls back to its field
            text_line = site.line_text(line)
            at = comment_cut(text_line, col, value)
            if at:
                dropped = text_line[at - 1:].strip()
                out.append(Problem(site.path, line, at, "W512",
                                   f"this text ({lang}) stops before '{_short(dropped)}': written without quotes, a ' #'"
                                   " starts a comment, which YAML drops. Put the whole text in double quotes (\"…\")"
                                   " to keep the '#' and what follows it"))
    return out


def _short(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


# --- effects ------------------------------------------------------------------------------
def _all_effects(card: schema.CardModel) -> list[tuple[Loc, str, str, int]]:
    """(where, response label, quantity, change) of every immediate and delayed effect."""
    found: list[tuple[Loc, str, str, int]] = []
    for i, r in enumerate(card.responses):
        for name, change in r.effects.items():
            found.append((("responses", i, "effects", name), r.label["en"], name, change))
        for j, later in enumerate(r.later):
            for name, change in later.effects.items():
                found.append((("responses", i, "later", j, "effects", name), r.label["en"], name, change))
    return found


def advised_limit(quantity: str) -> int:
    """The largest change the guide's advice leaves unflagged for ``quantity``."""
    lo, hi = QUANTITIES[quantity]
    return EFFECT_CAP.get(quantity, (hi - lo) * EFFECT_SHARE // 100)


def _effects(site: CardSite) -> list[Problem]:
    """W507 (too strong) and W508 (the wrong way) on each effect of the card."""
    out: list[Problem] = []
    for loc, label, name, change in _all_effects(site.card):
        key = canonical(name)
        if key not in QUANTITIES:
            continue  # a problem (R201, R209) already
        limit = advised_limit(key)
        if abs(change) > limit:
            out.append(site.problem(loc, "W507", f"a change of {change:+} to {key} is larger than the guide advises"
                                                 f" (a single card rarely moves a quantity by more than a tenth of its range;"
                                                 f" warned above {limit:,}): let accumulation and follow-ups make big shifts"))
        reason = reversed_sign(key, change, label)
        if reason:
            out.append(site.problem(loc, "W508", f"{change:+} to {key} looks reversed: {reason}"))
    return out


# The few words whose direction on a quantity is beyond doubt, in English and French. Kept small
# on purpose: a warning the author cannot silence must be right. "fund" or "pay" is not among
# them: whose money pays decides whether the mission's cost rises (the mission pays) or falls
# (donors or a trust fund pay), so neither sign can be judged from those words.
_TROOPS = r"(troops|soldiers|peacekeepers|contingents?|battalions?|units?|blue helmets|casques bleus|troupes|soldats|contingents?|bataillons?)"
_SIGNS: tuple[tuple[str, int, re.Pattern[str], str], ...] = (
    ("mission.troops", 1, re.compile(rf"\b(more|additional|extra|send|reinforce\w*|plus de|renforcer)\b(\W+\w+){{0,3}}?\W+{_TROOPS}\b", re.I),
     "its words add troops, but the change lowers mission.troops (the uniformed personnel)"),
    ("mission.troops", -1, re.compile(rf"\b(withdraw\w*|pull\w* out|repatriat\w*|fewer|reduce|cut|retirer|rapatrier|réduire)\b(\W+\w+){{0,3}}?\W+{_TROOPS}\b"
                                      r"|\bsmaller mission\b|\blower the troop ceiling\b|\bdrawdown\b", re.I),
     "its words take troops away, but the change raises mission.troops (the uniformed personnel)"),
    ("mission.budget", -1, re.compile(r"\b(savings?|cheaper|budget cuts?|économies|coupes budgétaires)\b"
                                      r"|\bcut\w*\W+(the\W+)?(budget|costs?|spending)\b", re.I),
     "its words save money, but the change raises mission.budget (the mission's yearly cost)"),
    ("council.capital", -1, re.compile(r"\bspend\w*\W+(\w+\W+)?capital\b|\bdépenser\W+(\w+\W+)?capital\b", re.I),
     "its words spend political capital, but the change raises council.capital"),
)


# Words that turn a phrase round ("refuse to withdraw", "do not repatriate", "reject budget
# cuts", "ne pas retirer"), looked for in the few words before it.
_NEGATION = re.compile(r"\b(not|no|never|don't|do not|refuse\w*|reject\w*|stop\w*|halt\w*|avoid\w*|against|oppos\w*"
                       r"|instead of|rather than|without|resist\w*|block\w*|ne|pas|jamais|rejet\w*|arrêt\w*"
                       r"|évit\w*|contre|sans|plutôt que|au lieu de)\b", re.I)


def _said(words: re.Pattern[str], label: str) -> bool:
    """Whether ``label`` says the phrase outright: a match with no negation in the four words before it."""
    for match in words.finditer(label):
        before = label[:match.start()].split()[-4:]
        if not _NEGATION.search(" ".join(before)):
            return True
    return False


def reversed_sign(quantity: str, change: int, label: str) -> str:
    """Why an effect looks reversed ('' if it does not): against the quantity's meaning, or against
    a response's words whose direction on that quantity is beyond doubt. Words that point both
    ways ("refuse the withdrawal: send more troops"), or a negated phrase, are not judged."""
    if quantity == "mission.casualties" and change < 0:
        return "mission.casualties counts the peacekeepers killed since the start, so it never goes down"
    signs = [(sign, words, reason) for name, sign, words, reason in _SIGNS if name == quantity]
    said = {sign for sign, words, _reason in signs if _said(words, label)}
    if len(said) != 1 or any(words.search(label) for sign, words, _reason in signs if sign not in said):
        return ""
    for sign, _words, reason in signs:
        if sign in said and change * sign < 0:
            return reason
    return ""


# --- two cards on one event ---------------------------------------------------------------
_STOP = frozenset("a an the of in on at to for and or with from by is are as its it new again after over into "
                  "le la les un une des de du d l en au aux et ou pour par sur dans avec est sont".split())


def _folded(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", _folded(text)) if w not in _STOP and len(w) > 1}


def close_titles(a: str, b: str) -> bool:
    """Titles that tell one event: most of their words shared, or nearly the same letters."""
    wa, wb = _words(a), _words(b)
    if wa and wb and len(wa & wb) * 2 >= len(wa | wb):
        return True
    return difflib.SequenceMatcher(None, _folded(a), _folded(b)).ratio() >= 0.8


def _places(card: schema.CardModel) -> set[str]:
    words = _words(card.title["en"]) | _words(card.text["en"])
    return {r for r in REGIONS if r in words}


def _same_events(sites: Sequence[CardSite]) -> list[Problem]:
    """W509: cards of the same month, the same place and close titles, reported on the later one."""
    out: list[Problem] = []
    for j, later in enumerate(sites):
        for first in sites[:j]:
            a, b = first.card, later.card
            if a.id == b.id or not a.from_ or a.from_ != b.from_ or not close_titles(a.title["en"], b.title["en"]):
                continue
            pa, pb = _places(a), _places(b)
            if pa and pb and not pa & pb:
                continue
            line = first.at(first.base)[0]
            out.append(later.problem(("title",), "W509",
                                     f"this card seems to tell the same event as '{a.id}' ({first.path}:{line}):"
                                     f" same month ({a.from_}), close titles; merge them, or make each title say what differs"))
            break
    return out


# --- W510: a member's source dated after a vote it is shown at ------------------------------------
_YEAR = re.compile(r"\b(20[0-9]{2})\b")
# A span ("contingent in Gao, 2013–2023") is a fact from its first year on: its end is not counted.
_SPAN = re.compile(r"\b(20[0-9]{2})\s*[–-]\s*20[0-9]{2}\b")
# Resolution numbers are not years ("Resolution 2085 (2012)", "résolutions 2359 et 2391", "S/RES/2100").
_RESOLUTION = re.compile(r"(?:\brésolutions?|\bresolutions?|\bRES/)\s*[0-9]{4}(?:\s+(?:and|et)\s+[0-9]{4})*",
                         re.IGNORECASE)


def year_named(texts: Iterable[str]) -> int:
    """The latest year (2000-2099) a source line names in any of its languages, 0 if none."""
    years = [0]
    for text in texts:
        text = _SPAN.sub(r"\1", _RESOLUTION.sub(" ", text))
        years += [int(y) for y in _YEAR.findall(text)]
    return max(years)


def source_warnings(sites: Iterable[SourceSite]) -> list[Problem]:
    """W510 once per source line, at the earliest vote any scenario checked shows it at (a file
    of the shared Council is read by every scenario)."""
    earliest: dict[tuple[str, int, int], SourceSite] = {}
    for site in sites:
        key = (site.path, site.line, site.col)
        if key not in earliest or site.shown < earliest[key].shown:
            earliest[key] = site
    return [Problem(s.path, s.line, s.col, "W510",
                    f"this source names {s.named} but is shown at the vote of {s.shown}, which cannot cite it:"
                    f" write it as 'line:' with 'from: {s.named}' (levels/README.md, Council members)")
            for s in earliest.values()]
