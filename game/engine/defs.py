"""Immutable definitions the engine plays: a scenario, its clauses, Council members and cards.

The content layer (``game/content``) builds these from checked YAML; tests build them directly.
Texts are ``Text`` mappings of language code to string, ``en`` always present.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol

from game.engine.conditions import Condition, always

Text = Mapping[str, str]


def tr(text: Text | None, lang: str) -> str:
    """The text in ``lang``, falling back to English."""
    if not text:
        return ""
    return text.get(lang) or text.get("en", "")


def tr_all(texts: Iterable[Text], lang: str) -> list[str]:
    """Each text in ``lang`` (source lists: a line per source)."""
    return [tr(t, lang) for t in texts]


class Dated(Protocol):
    """Something that holds from one year to another, both included: a member's reason or source."""

    @property
    def first_year(self) -> int: ...

    @property
    def last_year(self) -> int: ...


def holds_in(item: Dated, year: int) -> bool:
    """Whether ``item`` holds in ``year``: a reason counts at its votes, a source is shown with them."""
    return item.first_year <= year <= item.last_year


# Levers: what a clause option sets, and what the rules read. name -> meaning.
LEVERS: dict[str, str] = {
    "duration": "quarters until the next renewal (2 = six months, 4 = one year)",
    "troop_ceiling": "authorised uniformed personnel",
    "robust": "how robust the mission's posture is (0 traditional, 100 offensive)",
    "mission_force": "the mission itself carries coercive force",
    "parallel_force": "a parallel force outside the mission's command (France) carries coercion",
    "regional_force": "a regional force (AU/ECOWAS, G5) carries coercion",
    "regional_frame": "how far the mandate is framed Sahel-wide rather than Mali-only",
    "agreement_focus": "priority on implementing the peace agreement",
    "centre_focus": "priority on protecting civilians in central Mali",
    "elections_focus": "priority on elections and the transition",
    "reconciliation_focus": "priority on local reconciliation with civil society",
    "pressure": "pressure on Bamako (0 quiet diplomacy, 100 benchmarks and sanctions)",
    "handover": "a roadmap handing the mission to the AU and ECOWAS",
    "outside_support": "outside funding and enablers continue during a handover",
    "g5_support": "support to the G5 Sahel joint force",
    "hr_monitoring": "human-rights monitoring and public reporting",
}
LEVER_DEFAULTS: dict[str, int] = {"duration": 4}


@dataclass(frozen=True)
class Option:
    id: str
    label: Text
    summary: Text
    levers: Mapping[str, int]
    each_quarter: Mapping[str, int] = field(default_factory=dict)  # direct effects per quarter
    line: int = 0


@dataclass(frozen=True)
class Dimension:
    id: str
    label: Text
    help: Text
    options: tuple[Option, ...]
    line: int = 0

    def option(self, option_id: str) -> Option:
        for opt in self.options:
            if opt.id == option_id:
                return opt
        raise KeyError(option_id)


@dataclass(frozen=True)
class Preference:
    option: str  # "dimension.option"
    weight: int  # + favours, - opposes
    why: Text
    first_year: int = 0  # the years in which it holds, so that no reason cites a later event
    last_year: int = 9999

    dimension: str = field(init=False)
    choice: str = field(init=False)

    def __post_init__(self) -> None:
        dim, _, opt = self.option.partition(".")
        object.__setattr__(self, "dimension", dim)
        object.__setattr__(self, "choice", opt)


@dataclass(frozen=True)
class Concern:
    """A state-dependent push on a member's vote ("consent below 40 worries Russia")."""

    when: Condition
    weight: int
    why: Text
    source: str = ""
    first_year: int = 0  # the years in which it holds
    last_year: int = 9999
    quantity: str = ""  # the quantity its condition reads, so that a screen can show that quantity's icon
    written: str = ""  # its condition as the file writes it, on one line (the paper deck prints it)


@dataclass(frozen=True)
class MemberSource:
    """One source of a member's stance, with the years it may be shown in (a press release of
    2022 is not a source of a 2015 vote)."""

    line: Text  # a line per language, like a card's source
    first_year: int = 0
    last_year: int = 9999


@dataclass(frozen=True)
class Member:
    id: str
    name: Text
    permanent: bool
    african: bool
    base: int  # disposition toward renewing at all
    wants: Text
    trade: Text
    preferences: tuple[Preference, ...]
    concerns: tuple[Concern, ...] = ()
    sources: tuple[MemberSource, ...] = ()  # where its stance comes from, each in its years

    def sources_in(self, *years: int) -> tuple[Text, ...]:
        """The lines of its sources that hold in any of ``years``: the vote's year in a game, every
        year it sits in a scenario for the deck."""
        return tuple(s.line for s in self.sources if any(holds_in(s, y) for y in years))


@dataclass(frozen=True)
class Delayed:
    after: int  # quarters
    effects: Mapping[str, int]
    note: Text = field(default_factory=dict)


@dataclass(frozen=True)
class FollowUp:
    card: str
    after: int  # quarters
    chance: int = 100  # percent: rolled when it is due (keyed luck), 100 = always


@dataclass(frozen=True)
class Response:
    id: str
    label: Text
    why: Text
    effects: Mapping[str, int]
    delayed: tuple[Delayed, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    outcome: Text = field(default_factory=dict)  # what happened as a result, in the card's voice


@dataclass(frozen=True)
class Weight:
    """``base`` plus ``factor`` per 100 of ``quantity`` (a weight that grows or falls)."""

    base: int
    quantity: str | None = None
    factor: int = 0

    def value(self, state: Mapping[str, int]) -> int:
        if self.quantity is None:
            return self.base
        return max(0, self.base + self.factor * state[self.quantity] // 100)


@dataclass(frozen=True)
class Card:
    id: str
    title: Text
    text: Text
    responses: tuple[Response, ...]
    sources: tuple[Text, ...]  # a line per language where the description is translated
    condition: Condition = always
    weight: Weight = Weight(10)
    once: bool = True
    cooldown: int = 0  # quarters before a repeatable card can return
    start: int | None = None  # year*12 + month-1, inclusive
    end: int | None = None
    mandates: tuple[int, ...] = ()  # mandate years (from 1) it belongs to; empty = any
    follow_up_only: bool = False  # drawn only when a response queues it
    historical: str = ""  # the response closest to what the Council did ("" if the card names none)
    historical_source: Text = field(default_factory=dict)  # where that is written down, per language
    historical_why: Text = field(default_factory=dict)  # what the Council did, per language
    document: str = "cable"  # what it looks like: cable, wire, report, letter or opinion (game/content/cardmeta.py)
    category: str = "political"  # its subject: security, political, humanitarian, regional, council, mission
    place: str = "bamako"  # a region id, or new-york
    file: str = ""
    line: int = 0

    def response(self, response_id: str) -> Response:
        for resp in self.responses:
            if resp.id == response_id:
                return resp
        raise KeyError(response_id)


@dataclass(frozen=True)
class Scenario:
    id: str
    title: Text
    summary: Text
    theme: Text
    minutes: int
    start: int  # year*12 + month-1
    years: int  # mandate years the scenario covers
    initial: Mapping[str, int]  # every quantity's starting value
    footprint: Mapping[str, Mapping[str, int]]  # armed actor -> region -> 0..100 presence
    deployment: Mapping[str, int]  # region -> share of the mission's deployment (weights)
    coefficients: Mapping[str, int]
    dimensions: tuple[Dimension, ...]
    current_mandate: Mapping[str, str]  # dimension -> option in force at the start
    members: tuple[Member, ...]  # every member that sits in some year of the scenario
    cards: tuple[Card, ...]
    objectives: tuple[Text, ...] = ()
    questions: tuple[Text, ...] = ()
    history: Text = field(default_factory=dict)
    sources: tuple[Text, ...] = ()
    state_sources: tuple[Text, ...] = ()  # where the starting figures come from
    content_hash: str = ""
    path: str = ""
    seats: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # vote year -> 15 member ids
    guide: Mapping[str, Text] = field(default_factory=dict)  # phase -> a hint for first-time players
    length: str = "full"  # which length this is (LENGTHS); at_length() makes the others
    max_cards: int = 2  # cards a quarter can bring by chance (follow-ups come on top)
    lesson: Mapping[str, int] = field(default_factory=dict)  # years, minutes, cards_per_quarter

    def council(self, year: int) -> tuple[Member, ...]:
        """The fifteen members who vote in ``year`` (the latest listed year not after it)."""
        if not self.seats:
            return self.members
        cache: dict[int, tuple[Member, ...]] = self.__dict__.setdefault("_council_cache", {})
        if year not in cache:
            years = sorted(self.seats)
            chosen = years[0]
            for y in years:
                if y <= year:
                    chosen = y
            by_id = {m.id: m for m in self.members}
            cache[year] = tuple(by_id[i] for i in self.seats[chosen])
        return cache[year]

    def dimension(self, dim_id: str) -> Dimension:
        for dim in self.dimensions:
            if dim.id == dim_id:
                return dim
        raise KeyError(dim_id)

    def member(self, member_id: str) -> Member:
        for m in self.members:
            if m.id == member_id:
                return m
        raise KeyError(member_id)

    def card(self, card_id: str) -> Card:
        return self.cards_by_id[card_id]

    @property
    def cards_by_id(self) -> dict[str, Card]:
        cached = self.__dict__.get("_cards_by_id")
        if cached is None:
            cached = {c.id: c for c in self.cards}
            object.__setattr__(self, "_cards_by_id", cached)
        return cached

    def in_season(self, date: int, mandate: int) -> list[Card]:
        """Cards that may be drawn by chance at this date and mandate year (cached: immutable)."""
        cache: dict[tuple[int, int], list[Card]] = self.__dict__.setdefault("_season_cache", {})
        key = (date, mandate)
        if key not in cache:
            cache[key] = [
                c for c in self.cards
                if not c.follow_up_only
                and (c.start is None or date >= c.start)
                and (c.end is None or date <= c.end)
                and (not c.mandates or mandate in c.mandates)
            ]
        return cache[key]

    @property
    def quarters(self) -> int:
        return self.years * 4


def month_index(text: str) -> int:
    """'2015-06' -> 2015*12 + 5. Raises ValueError on anything else."""
    year_s, _, month_s = text.partition("-")
    year, month = int(year_s), int(month_s or "1")
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        raise ValueError(f"not a date YYYY-MM: {text!r}")
    return year * 12 + month - 1


LENGTHS: tuple[str, ...] = ("full", "lesson")


def at_length(scenario: Scenario, length: str) -> Scenario:
    """The scenario at a length: ``full`` as written, or ``lesson`` for one class period (its first
    mandate years, fewer cards a quarter). ``ValueError`` if the scenario has no such length."""
    if length == scenario.length:
        return scenario
    if length == "full":
        raise ValueError("a shortened scenario cannot be made full again: load it anew")
    if length != "lesson" or not scenario.lesson:
        raise ValueError(f"scenario {scenario.id!r} has no {length!r} length")
    spec = scenario.lesson
    return replace(scenario, length="lesson", years=min(scenario.years, spec["years"]), minutes=spec["minutes"],
                   max_cards=spec.get("cards_per_quarter", 1))
