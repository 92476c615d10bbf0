"""The story between the numbers: what a response did, the Secretary-General's report at each
renewal, why the game ended, and the few changes of a quarter that matter most, in sentences.

Every sentence is made from the ledger (what moved, by how much, and its largest cause, named by
``explain.cause_text``) and worded by the catalogues (context ``story``, and the plural entries
``story_*``), so the window and the terminal tell the same story in every language. Where a card
author wrote a response's ``outcome``, that text is told instead. Nothing here changes the game.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game import i18n
from game.engine.defs import Card, Response, Scenario, tr
from game.engine.game import Game
from game.engine.world import QUANTITIES, REGIONS
from game.explain import cause_text, number
from game.i18n import describe, month_label

if TYPE_CHECKING:
    from game.sim.record import Record

# Quantities whose changes tell no story: reset by the model each renewal or quarter, or clocks.
QUIET = frozenset(("council.capital", "mission.budget"))
CASUALTIES = "mission.casualties"

# (rises?, size) -> the story's words for a change now (present) and since the last vote (past).
NOW = {(True, 1): "rises_1", (True, 2): "rises_2", (True, 3): "rises_3",
       (False, 1): "falls_1", (False, 2): "falls_2", (False, 3): "falls_3"}
SINCE = {(True, 1): "rose_1", (True, 2): "rose_2", (True, 3): "rose_3",
         (False, 1): "fell_1", (False, 2): "fell_2", (False, 3): "fell_3"}


@dataclass(frozen=True)
class Highlight:
    """One change that matters: the quantity, its net change, its region (or None), in words."""

    quantity: str
    change: int
    region: str | None
    text: str


def weight(quantity: str, change: int) -> int:
    """How much a change matters, on a 0-100 scale: its share of the quantity's range (a
    peacekeeper killed counts for one)."""
    if quantity == CASUALTIES:
        return abs(change)
    lo, hi = QUANTITIES.get(quantity, (0, 100))
    return abs(change) * 100 // max(1, hi - lo)


def size(quantity: str, change: int) -> int:
    """1 slight, 2 plain, 3 sharp."""
    w = weight(quantity, change)
    return 1 if w < 3 else 2 if w < 8 else 3


def region_of(quantity: str) -> str | None:
    """The region a quantity belongs to ('violence.mopti' -> 'mopti'), or None."""
    parts = quantity.split(".")
    return parts[1] if len(parts) == 2 and parts[1] in REGIONS else None


def subject(quantity: str, lang: str, date: int | None = None) -> str:
    """The quantity as the subject of a sentence, capitalised: 'Violence in Mopti'."""
    text = i18n.word("story_what", quantity, lang) if i18n.has("story_what", quantity) else describe(quantity, lang, date)
    return text[:1].upper() + text[1:]


def change_sentence(quantity: str, change: int, lang: str, date: int | None = None) -> str:
    """'Violence in Mopti rises sharply.' — direction and size in words, never a table."""
    if quantity == CASUALTIES:
        return i18n.plural("story_killed", change, lang)
    return i18n.word("story", NOW[change > 0, size(quantity, change)], lang, what=subject(quantity, lang, date))


def ranked(changes: dict[str, int]) -> list[tuple[str, int]]:
    """The changes that tell something, the ones that matter most first."""
    kept = [(q, c) for q, c in changes.items() if c and q not in QUIET and q in QUANTITIES]
    kept.sort(key=lambda qc: (-weight(*qc), qc[0]))
    return kept


def net(game: Game, quarters: Iterable[int], cause: str | None = None) -> dict[str, int]:
    """Each quantity's net change over ``quarters`` in the ledger (only ``cause``'s, if given)."""
    wanted = set(quarters)
    out: dict[str, int] = {}
    for quarter, quantity, change, why in game.meters.ledger:
        if quarter in wanted and (cause is None or why == cause):
            out[quantity] = out.get(quantity, 0) + change
    return out


def main_cause(game: Game, quantity: str, quarters: list[int], lang: str, change: int = 0) -> str:
    """The largest cause of ``quantity``'s change over ``quarters``, in words ('' if none): the
    largest pushing the same way as ``change`` (a fall's cause is not what held it up)."""
    causes = [c for c in game.why(quantity, quarters) if c.change * change >= 0]
    return cause_text(causes[0].cause, game.scenario, lang).rstrip(".") if causes else ""


# --- after a response -----------------------------------------------------------------------
def response_outcome(game: Game, card: Card, response: Response, lang: str) -> str:
    """What happened as a result: the author's ``outcome``, else one or two sentences from the
    largest changes the ledger records for this response (its latest quarter)."""
    authored = tr(response.outcome, lang)
    if authored:
        return authored
    top = ranked(dict(response_changes(game, card, response)))
    told = top[:2]
    # Peacekeepers killed are always told: one death weighs little on the scale, but it is news.
    told += [(q, c) for q, c in top[2:] if q == CASUALTIES]
    sentences = [change_sentence(q, c, lang, game.date) for q, c in told]
    if len(sentences) < 2 and (response.delayed or response.follow_ups):
        sentences.append(i18n.word("story", "more_later", lang))
    return " ".join(sentences) or i18n.word("story", "nothing_moves", lang)


def response_changes(game: Game, card: Card, response: Response) -> list[tuple[str, int]]:
    """Every change the response made in its latest quarter, as the ledger recorded it (after the
    ranges' limits: an effect on a quantity already at its bound changes nothing), the changes
    that matter most first."""
    cause = f"card:{card.id}.{response.id}"
    quarters = [q for q, _n, _c, why in game.meters.ledger if why == cause]
    changes = net(game, quarters[-1:], cause) if quarters else {}
    return sorted(((q, c) for q, c in changes.items() if c), key=lambda qc: (-weight(*qc), qc[0]))


# --- the Secretary-General's report ---------------------------------------------------------
def since_last_vote(game: Game) -> list[int]:
    """The quarters played since the last vote (the current one included once it has started)."""
    start = game.votes[-1].quarter if game.votes else 0
    return list(range(start, game.quarter + 1))


def sg_report(game: Game, lang: str) -> list[str]:
    """Three to five sentences: the report's date, its span, the largest changes since the last
    vote each with its main cause, and where the situation stands."""
    out = [i18n.word("story", "report_open", lang, date=month_label(game.date, lang))]
    quarters = since_last_vote(game)
    changes = ranked(net(game, quarters)) if game.votes else []
    if game.votes:
        out.append(i18n.plural("story_since", max(1, game.quarter - game.votes[-1].quarter), lang))
    else:
        out.append(i18n.word("story", "report_first", lang))
    for quantity, change, cause in distinct(game, changes, quarters, lang, 3):
        if quantity == CASUALTIES:
            out.append(i18n.plural("story_killed_since", change, lang, cause=cause))
        else:
            out.append(i18n.word("story", SINCE[change > 0, size(quantity, change)], lang,
                                 what=subject(quantity, lang, game.date), change=number(change, sign=True), cause=cause))
    if len(out) < 5:
        out.append(standing(game, lang))
    return out[:5]


def standing(game: Game, lang: str) -> str:
    """Where the situation stands: the most violent region, consent and the Agreement."""
    v = game.values
    worst = max(REGIONS, key=lambda r: (v[f"violence.{r}"], r))
    return i18n.word("story", "report_standing", lang, where=i18n.word("in", worst, lang), n=v[f"violence.{worst}"],
                     consent=v["mission.consent"], agreement=v["politics.implementation"])


# --- a quarter's highlights -----------------------------------------------------------------
def quarter_highlights(game: Game, lang: str, n: int = 3) -> list[Highlight]:
    """The ``n`` changes of this quarter that matter most, in words, each with its main cause
    and its region where it has one (for marks on a map)."""
    quarter = game.quarter
    out = []
    for quantity, change, cause in distinct(game, ranked(game.meters.changes_in(quarter)), [quarter], lang, n):
        text = change_sentence(quantity, change, lang, game.date)
        if cause:
            text += " " + i18n.word("story", "main_cause", lang, cause=cause)
        out.append(Highlight(quantity, change, region_of(quantity), text))
    return out


def distinct(game: Game, changes: list[tuple[str, int]], quarters: list[int], lang: str,
             n: int) -> list[tuple[str, int, str]]:
    """The ``n`` first changes with their main cause, one change per cause while others are left
    (three regions moved by the same rule tell one thing), in the order of ``changes``."""
    chosen: list[tuple[str, int, str]] = []
    spare: list[tuple[str, int, str]] = []
    causes: set[str] = set()
    for quantity, change in changes[:4 * n]:
        cause = main_cause(game, quantity, quarters, lang, change)
        (spare if cause in causes else chosen).append((quantity, change, cause))
        causes.add(cause)
        if len(chosen) == n:
            break
    order = {q: i for i, (q, _c) in enumerate(changes)}
    return sorted(chosen + spare[:n - len(chosen)], key=lambda qcc: order[qcc[0]])


# --- the end --------------------------------------------------------------------------------
ENDING_QUANTITY = {"consent_withdrawn": "mission.consent", "contributors_withdraw": "mission.troops",
                   "agreement_collapse": "politics.implementation"}


def end_summary(game: Game, lang: str) -> list[str]:
    """Why the game ended (the ending, its largest cause in the ledger, the date) and how the
    record differs (the resolution the Council actually adopted that year)."""
    kind = game.ending or "scenario_end"
    out = [i18n.word("ending", kind, lang),
           i18n.word("story", "end_when", lang, date=month_label(game.date, lang), n=game.mandate)]
    quantity = ENDING_QUANTITY.get(kind)
    if quantity is not None:
        causes = [c for c in game.why(quantity) if c.change < 0]  # what brought the ending on
        if causes:
            out.append(i18n.word("story", "end_cause", lang, cause=cause_text(causes[0].cause, game.scenario, lang).rstrip("."),
                                 what=describe(quantity, lang, game.date), change=number(causes[0].change, sign=True)))
    elif kind == "failed_renewal" and game.votes:
        yes = sum(v == "yes" for v in game.votes[-1].votes.values())
        out.append(i18n.word("story", "end_votes", lang, yes=yes))
    compared = record_sentence(game, lang)
    if compared:
        out.append(compared)
    return out


def record_sentence(game: Game, lang: str) -> str:
    """The player's last adopted resolution against the one the Council adopted that year."""
    adopted = [r for r in game.votes if r.adopted]
    record = scenario_record(game.scenario)
    if not adopted or record is None:
        return ""
    real = record.resolution(adopted[-1].quarter // 4 + 1)
    if real is None:
        return ""
    sc = game.scenario
    diffs = []
    for dim in sc.dimensions:
        mine, theirs = adopted[-1].draft.get(dim.id), real.options.get(dim.id)
        if mine and theirs and mine != theirs:
            try:
                diffs.append(i18n.word("story", "clause_diff", lang, dim=tr(dim.label, lang),
                                       mine=tr(dim.option(mine).label, lang), theirs=tr(dim.option(theirs).label, lang)))
            except KeyError:
                continue
    year, month, _day = (int(part) for part in real.date.split("-"))
    date = month_label(year * 12 + month - 1, lang)
    if not diffs:
        return i18n.word("story", "record_same", lang, number=real.number, date=date)
    return i18n.plural("story_record_differs", len(diffs), lang, number=real.number, date=date,
                       clauses=i18n.word("story", "clause_sep", lang).join(diffs))


_RECORDS: dict[tuple[str, str, str], Record | None] = {}


def scenario_record(scenario: Scenario) -> Record | None:
    """The scenario's public record (record.yaml), read once per content; None where it has none."""
    from game.content.problems import ContentError
    from game.sim.record import RECORD_FILE, load_record

    key = (scenario.path, scenario.content_hash, scenario.length)  # a lesson's record holds its years only
    if key not in _RECORDS:
        found = None
        if scenario.path and (Path(scenario.path) / RECORD_FILE).is_file():
            try:
                found = load_record(scenario)
            except (ContentError, OSError, ValueError):  # an unreadable record leaves the summary without it
                found = None
        _RECORDS[key] = found
    return _RECORDS[key]
