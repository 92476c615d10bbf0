"""The content schema: what a card, a Council member, the clause library and a scenario may hold.

pydantic v2 models, strict (no silent conversions) and closed (unknown fields are errors, with a
"did you mean"). ``python -m game schema`` exports them as JSON Schema for editors. The field
descriptions below are what designers read in their editor's tooltips: keep them plain.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
)
from pydantic_core import PydanticCustomError

from game.engine.conditions import character_name

# Bounds every number in content keeps (documented in the JSON Schema editors show). They are
# generous for design and small enough that no sum, product or draw can overflow.
MAX_WEIGHT = 1000  # a card's weight; the shipped cards use 5-250
MAX_EFFECT = 100_000  # a change to one quantity; the loader also caps it at the quantity's range
MAX_COEFFICIENT = 1_000_000
MAX_FOLLOW_UPS = 3  # follow-up cards one response queues
MAX_CHAIN = 8  # cards one card's chain of follow-ups may bring in all, whatever the responses
MAX_LATER = 4  # delayed effects of one response
MAX_USES = 8
MAX_PATH = 300

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,59}$"
Id = Annotated[str, Field(pattern=ID_PATTERN, description="a stable id: lowercase letters, digits, - and _")]
DATE_PATTERN = r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$"
Date = Annotated[str, Field(pattern=DATE_PATTERN, description="a month, YYYY-MM")]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False)


def _visible(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNPS"


def _clean(value: str, newlines: bool) -> str:
    """Refuse what breaks drawing or printing: control characters, invisible-only text.

    A NUL stops the window's text renderer, a text of zero-width spaces has no width to draw,
    an ESC rewrites the terminal. Line breaks are allowed where a paragraph may have them."""
    if value.isprintable() and value[:1].isalnum():  # the usual text, at C speed
        return value
    for pos, ch in enumerate(value, 1):
        cat = unicodedata.category(ch)
        if ch == "\n" and newlines:
            continue
        if cat in ("Cc", "Zl", "Zp", "Cs") or ch in _BIDI:
            what = "a tab" if ch == "\t" else "a line break" if ch in "\n\r" else f"a control character ({character_name(ch)})"
            raise ValueError(f"character {pos} is {what}, which cannot be shown: delete it"
                             + (" or use a space" if ch in "\t\n\r" else ""))
    if not any(_visible(ch) for ch in value):
        raise ValueError("this text has no visible character (only spaces or invisible ones): write the text")
    return value


# Characters that reorder the rest of a line in editors and terminals ("Trojan source").
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

def _one_line(value: str) -> str:
    return _clean(value, False)


def _paragraph(value: str) -> str:
    return _clean(value, True)


Paragraph = Annotated[str, Field(min_length=1, max_length=4000), AfterValidator(_paragraph)]
Line = Annotated[str, Field(min_length=1, max_length=1000), AfterValidator(_one_line)]
SourceLine = Annotated[str, Field(min_length=3, max_length=400), AfterValidator(_one_line)]
PathLine = Annotated[str, Field(min_length=1, max_length=MAX_PATH), AfterValidator(_one_line)]
Means = Annotated[str, Field(min_length=3, max_length=1000), AfterValidator(_one_line)]


NO_ENGLISH = "text_without_english"
LANGUAGE_CODE = r"^[a-z]{2,3}(-[A-Z]{2})?$"  # "en", "fr", "pt-BR": the name of a catalogue in game/locale/
LanguageCode = Annotated[str, Field(pattern=LANGUAGE_CODE, description="a language code: en, fr, de, pt-BR")]


def _text_shorthand(value: Any) -> Any:
    """A plain string is accepted as the English text."""
    return {"en": value} if isinstance(value, str) else value


def _needs_english(value: dict[str, str]) -> dict[str, str]:
    if "en" not in value:  # the loader words this one for the designer (code S101, at the text's line)
        raise PydanticCustomError(NO_ENGLISH, "every text needs its English version, under 'en:'")
    return value


# One text per language, by language code; English required (it is shown where a language is
# missing). The scenario's ``languages`` says which others every text must have.
Text = Annotated[
    dict[LanguageCode, Paragraph],
    BeforeValidator(_text_shorthand, json_schema_input_type=Paragraph | dict[LanguageCode, Paragraph]),
    AfterValidator(_needs_english),
]
# A source line: a plain line (the same in every language: a document's title as published), or a
# line per language, for a description that reads in the player's language.
# Only language codes as keys, in an editor's schema too: so that {line, from} is told from it.
_SourceLines = Annotated[dict[LanguageCode, SourceLine], Field(json_schema_extra={"additionalProperties": False})]
Source = Annotated[
    dict[LanguageCode, SourceLine],
    BeforeValidator(_text_shorthand, json_schema_input_type=SourceLine | _SourceLines),
    AfterValidator(_needs_english),
]
HistorySource = Annotated[  # a scenario's sources for its history note: longer lines, with their detail
    dict[LanguageCode, Line],
    BeforeValidator(_text_shorthand, json_schema_input_type=Line | dict[LanguageCode, Line]),
    AfterValidator(_needs_english),
]
# A one-line text per language (a plain string is the English): what the record did and why, shown
# in the debrief's journal in the player's language.
LineText = Annotated[
    dict[LanguageCode, Line],
    BeforeValidator(_text_shorthand, json_schema_input_type=Line | dict[LanguageCode, Line]),
    AfterValidator(_needs_english),
]


Change = Annotated[int, Field(ge=-MAX_EFFECT, le=MAX_EFFECT)]
Effects = Annotated[
    dict[str, Change],
    Field(description=f"quantity -> change, e.g. {{violence.gao: -5, buyin.algeria: 3}}; a change is at most"
                      f" the quantity's range (100 for most, {MAX_EFFECT:,} at the very most)"),
]


# --- conditions (structured form) --------------------------------------------------------
class Compare(Strict):
    quantity: str = Field(max_length=60, description="a quantity, e.g. violence.gao")
    op: Literal["<", "<=", ">", ">=", "==", "!="]
    value: Annotated[int, Field(ge=-1_000_000_000, le=1_000_000_000)] | Annotated[float, Field(ge=-1e9, le=1e9)]


class AllOf(Strict):
    all: list[Condition] = Field(min_length=1)


class AnyOf(Strict):
    any: list[Condition] = Field(min_length=1)


class NotOf(Strict):
    not_: Condition = Field(alias="not")


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        for key in ("all", "any", "not"):
            if key in value:
                return key
        return "compare"
    if isinstance(value, BaseModel):
        return {AllOf: "all", AnyOf: "any", NotOf: "not"}.get(type(value), "compare")
    return None


Condition = Annotated[
    Annotated[str, Tag("text"), Field(description="e.g. 'violence.gao > 60 and relation.cma.platform < -20'")]
    | Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")]
    | Annotated[Compare, Tag("compare")],
    Discriminator(_condition_kind),
]
AllOf.model_rebuild()
AnyOf.model_rebuild()
NotOf.model_rebuild()


# --- cards --------------------------------------------------------------------------------
class WeightRule(Strict):
    """A weight that grows (factor > 0) or falls (factor < 0) with a quantity."""

    base: int = Field(ge=0, le=MAX_WEIGHT)
    grows_with: str = Field(max_length=60, description="the quantity the weight follows")
    factor: int = Field(ge=-MAX_WEIGHT, le=MAX_WEIGHT, description="weight added per 100 of the quantity")


class Later(Strict):
    """Effects that land some quarters after the response."""

    after: int = Field(ge=1, le=16, description="quarters from now")
    effects: Effects
    note: Text | None = None


class FollowUpModel(Strict):
    card: Id = Field(description="id of the card drawn as a consequence")
    after: int = Field(ge=1, le=16, description="quarters from now")
    chance: int = Field(default=100, ge=1, le=100,
                        description="percent: how likely the card comes when it is due (default 100, always)")


class ResponseModel(Strict):
    id: Id
    label: Text = Field(description="what the Council or the pen does (about 25 words at most)")
    why: Text = Field(description="why someone would choose this")
    outcome: Text | None = Field(default=None, description="what happened as a result, one or two sentences (about 40 words)")
    effects: Effects = Field(default_factory=dict)
    later: list[Later] = Field(default_factory=list, max_length=MAX_LATER)
    follow_up: list[FollowUpModel] = Field(
        default_factory=list, max_length=MAX_FOLLOW_UPS,
        description=f"cards this response brings later (at most {MAX_FOLLOW_UPS}; a chain of follow-ups ends"
                    f" and brings at most {MAX_CHAIN} cards in all)",
    )


class HistoricalAnswer(Strict):
    """The response closest to what the Council actually did (the historical drafter plays it)."""

    response: Id
    why: LineText = Field(description="what the Council did, in one line: a plain line (English) or a line per language")
    source: Source = Field(description="where that is written down: one line (a document's symbol or title, the same"
                                       " in every language) or a line per language; the debrief's journal shows it")


class CardModel(Strict):
    """An event card."""

    id: Id
    title: Text = Field(description="a headline, about 60 characters at most")
    text: Text = Field(description="what happened, who, what is at stake (about 90 words)")
    sources: list[Source] = Field(min_length=1, max_length=20)
    document: Literal["cable", "wire", "report", "letter", "opinion"] | None = Field(
        default=None, description="what the card looks like: a code cable, a press wire, a report extract, a letter or an opinion piece"
                                  " (default: read from its first source)")
    category: Literal["security", "political", "humanitarian", "regional", "council", "mission"] | None = Field(
        default=None, description="its subject, shown as an icon (default: what its responses move most)")
    place: Literal["kidal", "gao", "timbuktu", "menaka", "mopti", "segou", "bamako", "new-york"] | None = Field(
        default=None, description="where it happens, on the card's locator map (default: the region it moves most)")
    responses: list[ResponseModel] = Field(min_length=2, max_length=3)
    when: Condition | None = Field(default=None, description="when the card can be drawn")
    weight: Annotated[int, Field(ge=0, le=MAX_WEIGHT)] | WeightRule = Field(
        default=10, description=f"how likely, against the others (0 to {MAX_WEIGHT})"
    )
    once: bool = Field(default=True, description="drawn at most once per game")
    cooldown: int = Field(default=0, ge=0, le=40, description="quarters before a repeatable card returns")
    from_: Date | None = Field(default=None, alias="from", description="first month it can be drawn")
    until: Date | None = Field(default=None, description="last month it can be drawn")
    mandates: list[Annotated[int, Field(ge=1, le=20)]] = Field(
        default_factory=list, description="phase: the scenario's mandate years (from 1) it belongs to"
    )
    follow_up_only: bool = Field(default=False, description="drawn only as another card's follow-up")
    historical: HistoricalAnswer | None = Field(
        default=None, description="the response closest to what the Council actually did, with a source"
    )


# --- Council members ----------------------------------------------------------------------
class Years(Strict):
    """The years in which a member's preference, concern or source holds (both ends included)."""

    from_: int | None = Field(default=None, alias="from", ge=1990, le=2100, description="first year it holds")
    until: int | None = Field(default=None, ge=1990, le=2100, description="last year it holds")


class PreferenceModel(Years):
    option: str = Field(max_length=130, description="dimension.option, e.g. posture.robust")
    weight: int = Field(ge=-5, le=5, description="+ favours, - opposes")
    why: Text


class ConcernModel(Years):
    when: Condition
    weight: int = Field(ge=-5, le=5)
    why: Text


class DatedSource(Years):
    """A member's source line that holds only in some years: shown only at votes of those years,
    so that a 2015 game never cites a press release of 2022."""

    line: Source = Field(description="the source line: one line, or a line per language")


def _source_kind(value: Any) -> str:
    if isinstance(value, DatedSource) or (isinstance(value, dict) and {"line", "from", "until"} & value.keys()):
        return "dated"
    return "plain"


# A member's source: a source line (held in every year), or one with the years it holds in.
MemberSource = Annotated[
    Annotated[DatedSource, Tag("dated")] | Annotated[Source, Tag("plain")],
    Discriminator(_source_kind),
]


class MemberModel(Strict):
    """A Council member's profile."""

    id: Id
    name: Text
    permanent: bool = False
    african: bool = False
    base: int = Field(ge=-5, le=10, description="disposition toward renewing the mission at all")
    wants: Text
    trade: Text = Field(description="what a trade can buy from this member")
    preferences: list[PreferenceModel] = Field(default_factory=list)
    concerns: list[ConcernModel] = Field(default_factory=list)
    sources: list[MemberSource] = Field(
        min_length=1, max_length=20,
        description="where its stance comes from, shown with its reasons: a source line, or {line, from, until}"
                    " for one that holds only in those years")


# --- clauses ------------------------------------------------------------------------------
class OptionModel(Strict):
    id: Id
    label: Text
    summary: Text
    levers: dict[str, Annotated[int, Field(ge=-MAX_EFFECT, le=MAX_EFFECT)]] = Field(
        default_factory=dict, description="lever -> value: 0 to 100, duration 1 to 16 quarters, troop_ceiling in troops"
    )
    each_quarter: Effects = Field(default_factory=dict)


class DimensionModel(Strict):
    id: Id
    label: Text
    help: Text
    options: list[OptionModel] = Field(min_length=2)


class ClausesFile(Strict):
    clauses: list[DimensionModel] = Field(min_length=1)


# --- the model's coefficients and defaults ------------------------------------------------
class Coefficient(Strict):
    value: int = Field(ge=-MAX_COEFFICIENT, le=MAX_COEFFICIENT)
    means: Means


class ModelFile(Strict):
    """Coefficients and default starting state shared by scenarios."""

    coefficients: dict[str, Coefficient] = Field(default_factory=dict)
    state: dict[str, Annotated[int, Field(ge=-MAX_EFFECT, le=MAX_EFFECT)]] = Field(default_factory=dict)
    footprint: dict[str, dict[str, Annotated[int, Field(ge=0, le=100)]]] = Field(default_factory=dict)
    deployment: dict[str, Annotated[int, Field(ge=0, le=100)]] = Field(default_factory=dict)


class LessonModel(Strict):
    """The lesson length: what a class plays in one period, debrief included."""

    years: int = Field(ge=1, le=12, description="mandate years played, from the start (renewals)")
    minutes: int = Field(ge=1, le=600, description="about how long it plays, debrief included")
    cards_per_quarter: int = Field(default=1, ge=1, le=2, description="at most this many cards a quarter")


class ScenarioModel(Strict):
    """A scenario: ``levels/<name>/scenario.yaml``."""

    id: Id
    title: Text
    summary: Text
    theme: Text
    minutes: int = Field(ge=1, le=600, description="about how long it plays")
    start: Date
    years: int = Field(ge=1, le=12, description="mandate years covered")
    lesson: LessonModel | None = Field(default=None, description="a shorter length for one class period")
    uses: list[PathLine] = Field(
        default_factory=list, max_length=MAX_USES, description="shared folders (model, clauses, council, cards)"
    )
    languages: list[LanguageCode] = Field(
        default_factory=lambda: ["en"], min_length=1,
        description="the languages every text of the scenario has (check reports a missing one); en always")
    council: list[Id] | dict[Annotated[str, Field(pattern=r"^(19|20)[0-9]{2}$")], list[Id]] = Field(
        description="the fifteen members, or a mapping vote year -> the fifteen members of that year"
    )
    offer: dict[str, list[Id]] = Field(default_factory=dict, description="dimension -> options on offer")
    current_mandate: dict[str, Id]
    coefficients: dict[str, Coefficient] = Field(default_factory=dict)
    state: dict[str, Annotated[int, Field(ge=-MAX_EFFECT, le=MAX_EFFECT)]] = Field(default_factory=dict)
    state_sources: list[Source] = Field(
        min_length=1, max_length=20, description="where the starting figures come from, shown on the briefing")
    footprint: dict[str, dict[str, Annotated[int, Field(ge=0, le=100)]]] = Field(default_factory=dict)
    deployment: dict[str, Annotated[int, Field(ge=0, le=100)]] = Field(default_factory=dict)
    objectives: list[Text] = Field(default_factory=list)
    questions: list[Text] = Field(default_factory=list)
    guide: dict[Literal["briefing", "drafting", "negotiation", "vote", "card", "summary", "end"], Text] = Field(
        default_factory=dict, description="step-by-step hints shown the first time each screen opens (tutorials)"
    )
    history: Text
    sources: list[HistorySource] = Field(min_length=1)


# --- a scenario's record (record.yaml, read by game/sim/record.py) ---------------------------
RecordShort = Annotated[str, StringConstraints(min_length=1, max_length=600)]
RecordMonth = Annotated[str, StringConstraints(pattern=r"^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$")]
RecordDay = Annotated[str, StringConstraints(pattern=r"^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-[0-3][0-9]$")]
VOTE_RE = r"^[0-9]{1,2}-[0-9]{1,2}(-[0-9]{1,2})?$"


class Provision(Strict):
    """The clause option closest to what a resolution provided, and why."""

    option: RecordShort = Field(description="an option of that clause (levels/common/clauses.yaml)")
    why: LineText = Field(description="why that option, in one line: a plain line (English) or a line per language;"
                                      " the debrief's journal shows it")


class ResolutionModel(Strict):
    """The resolution the Council actually adopted in a mandate year."""

    mandate: Annotated[int, Field(ge=1, le=20, description="the scenario's mandate year, from 1")]
    number: Annotated[int, Field(ge=1, le=9999)]
    date: RecordDay
    vote: Annotated[str, StringConstraints(pattern=VOTE_RE)] = Field(description="yes-no or yes-no-abstaining, e.g. 13-0-2")
    abstain: list[RecordShort] = []
    source: RecordShort = Field(description="its symbol and what else it was read from, one line: for `fidelity`"
                                            " (in English), not shown in the game")
    clauses: dict[RecordShort, Provision] = Field(description="every clause of the scenario: its closest option, with why")


class CardAnswer(Strict):
    """How the Council answered a card in reality (a scenario's own answer to a shared card)."""

    response: RecordShort
    why: LineText
    source: Source = Field(description="where that is written down: one line (a document's symbol or title, the same"
                                       " in every language) or a line per language; the debrief's journal shows it")


class TrajectoryLine(Strict):
    """A direction the record took, which ``fidelity`` holds the games against."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,60}$")]
    quantity: RecordShort | None = None  # a quantity or derived measure; None with `lasts`
    start: RecordMonth
    end: RecordMonth
    direction: Literal["rises", "falls", "above", "below", "lasts"]
    level: int | None = None  # for above / below
    by: Annotated[int, Field(ge=1, le=100_000)] = 1  # for rises / falls: the least change that counts
    text: RecordShort
    source: RecordShort = Field(description="where the direction is read from, one line: for `fidelity` (in English),"
                                            " not shown in the game")


class RecordModel(Strict):
    """A scenario's record.yaml: what the Council adopted, how it answered cards, where Mali went."""

    resolutions: list[ResolutionModel]
    cards: dict[RecordShort, CardAnswer] = {}
    trajectory: list[TrajectoryLine]


class CardFile(Strict):
    """A card file holds a list of cards under ``cards:``."""

    cards: list[CardModel] = Field(min_length=1)


def card_file_schema() -> dict[str, Any]:
    """JSON Schema of a card file, for editors."""
    schema = CardFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Penholder card file"
    return schema


# Each kind of content file and the model that reads it, for ``python -m game schema --file KIND``.
FILE_MODELS: dict[str, tuple[type[BaseModel], str, str]] = {
    "card": (CardFile, "Penholder card file", "levels/**/cards/*.yaml"),
    "scenario": (ScenarioModel, "Penholder scenario", "levels/*/scenario.yaml"),
    "member": (MemberModel, "Penholder Council member", "levels/**/council/*.yaml"),
    "clauses": (ClausesFile, "Penholder clause library", "levels/**/clauses.yaml"),
    "model": (ModelFile, "Penholder model coefficients", "levels/**/model.yaml"),
    "record": (RecordModel, "Penholder record", "levels/*/record.yaml"),
}


def file_schema(kind: str = "card") -> dict[str, Any]:
    """JSON Schema of one kind of content file (``FILE_MODELS``), for editors."""
    model, title, _glob = FILE_MODELS[kind]
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema
