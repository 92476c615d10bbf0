"""One game: the loop of the design as a small state machine driven by actions.

Phases, in order each mandate: ``briefing`` → ``drafting`` → ``negotiation`` → ``vote`` (the
result) → field quarters (``card`` while a card waits for an answer, then ``summary``) → the next
renewal's ``briefing``, until ``end``.

A ``Game`` is deterministic: its luck is keyed to the seed, the quarter and the purpose of each draw
(``luck.py``), with no clock and no files. ``to_dict``/``from_dict`` save and restore it exactly;
the luck needs no state.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
from typing import Any

from game.engine import council, rules
from game.engine.actions import Action, Impossible, action_from_dict
from game.engine.conditions import Condition, always
from game.engine.council import Stance
from game.engine.defs import LEVER_DEFAULTS, Card, Member, Scenario, Weight
from game.engine.ledger import Contribution, Meters
from game.engine.luck import Luck
from game.engine.phases import BRIEFING, CARD, DRAFTING, END, NEGOTIATION, PHASES, SUMMARY, VOTE
from game.engine.world import DERIVED, DERIVED_PARTS, QUANTITIES, REGIONS

# The phases are re-exported: the front ends name them from here too.
__all__ = [
    "BRIEFING", "CARD", "DRAFTING", "END", "ENDINGS", "Game", "NEGOTIATION", "OUTCOMES", "PHASES",
    "PREVIEW_KEYS", "SAVE_FORMAT", "SUMMARY", "TIMELINE_KEYS", "VOTE", "VoteResult", "timeline_entry",
]

SAVE_FORMAT = 1

# How a game can end. Each key's words are in the interface catalogues (context "ending").
ENDINGS: tuple[str, ...] = (
    "scenario_end", "consent_withdrawn", "failed_renewal", "contributors_withdraw", "agreement_collapse",
)

# What the debrief charts and the quarter summaries follow.
TIMELINE_KEYS: tuple[str, ...] = (
    "violence.mean", "mission.consent", "politics.implementation", "politics.reconciliation",
    "regional.ownership", "signatories.cohesion", "mission.troops", "mission.casualties",
    "mission.safety", "mission.budget", "mission.impartiality", "mission.trust",
)

# The outcome measures, in the debrief's order (their words: context "outcome" in the catalogues).
OUTCOMES: tuple[str, ...] = (
    "human_security", "implementation", "regional_ownership", "mission_safety", "council_unity", "cost",
)


_DISPLACEMENT_KEYS: tuple[str, ...] = tuple(f"displacement.{r}" for r in REGIONS)


def timeline_entry(values: Mapping[str, int], quarter: int) -> dict[str, int]:
    """What the outcome measures keep of a quarter's end (the debrief's charts read it too)."""
    entry = {k: values[k] for k in TIMELINE_KEYS}
    entry["quarter"] = quarter
    entry["displacement.mean"] = sum(map(values.__getitem__, _DISPLACEMENT_KEYS)) // len(REGIONS)
    return entry


@dataclass(frozen=True)
class VoteResult:
    quarter: int
    votes: dict[str, str]
    adopted: bool
    draft: dict[str, str]
    unity: int = -1  # from the members' positions at the vote (-1: a save from before, count the votes)

    def unity_at_vote(self) -> int:
        return self.unity if self.unity >= 0 else council.unity(self.votes)


class Game:
    """A game in progress. Drive it with ``apply(action)``; read it freely."""

    def __init__(self, scenario: Scenario, seed: int):
        self.scenario = scenario
        self.seed = seed
        self.luck = Luck(seed)  # keyed: the same draws for the same quarter and purpose (luck.py)
        self.meters = Meters(scenario.initial, _RANGES)
        self.phase = BRIEFING
        self.quarter = 0  # quarters played so far
        self.draft: dict[str, str] = dict(scenario.current_mandate)
        self.in_force: dict[str, str] = dict(scenario.current_mandate)
        self.softened: dict[str, str] = {}  # dimension -> member who asked for it softened
        self.in_force_softened: dict[str, str] = {}
        self.mandate_left = 0
        self.failed_in_row = 0
        self.pending: list[str] = []  # cards waiting for an answer this quarter
        self.queue: list[dict[str, Any]] = []  # delayed effects and follow-ups, by due quarter
        self.last_drawn: dict[str, int] = {}
        self.draws: dict[str, int] = {}
        self.votes: list[VoteResult] = []
        self.journal: list[dict[str, Any]] = []
        self.decisions: list[dict[str, Any]] = []
        self.timeline: list[dict[str, int]] = []
        self.cost_total = 0
        self.ending: str | None = None
        # The first renewal's capital: a fresh allowance, nothing carried from before the game.
        start = dict(self.values) | {"council.capital": 0}
        self.meters.set("council.capital", rules.renewal_capital(start, scenario.coefficients, False), "rule:renewal")
        self._prediction: tuple[tuple[object, ...], list[Stance]] | None = None
        self.previews: dict[tuple[object, ...], Any] = {}  # preview.py's cache, keyed by the state
        self._plan = _plan_for(scenario)
        self.refresh()
        self._put_in_force()

    # --- reading ------------------------------------------------------------------------
    @property
    def values(self) -> dict[str, int]:
        return self.meters.values

    @property
    def date(self) -> int:
        """Month index (year*12 + month-1) of the current quarter."""
        return self.scenario.start + 3 * self.quarter

    @property
    def mandate(self) -> int:
        """Which mandate year this is, from 1 (the last one stays current once the game ends)."""
        return min(self.quarter // 4 + 1, self.scenario.years)

    @property
    def card(self) -> Card | None:
        """The card waiting for an answer, if any."""
        return self.scenario.card(self.pending[0]) if self.phase == CARD and self.pending else None

    def why(self, quantity: str, quarters: list[int] | None = None) -> list[Contribution]:
        """What moved ``quantity`` (this game, or the given quarters), largest first.

        A derived quantity (mean violence, cohesion) answers with the causes of its parts,
        each scaled to its share of the whole."""
        derived = DERIVED_PARTS.get(quantity)
        if derived is None:
            return self.meters.why(quantity, quarters)
        parts, divisor = derived
        return self.meters.why(quantity, quarters, divisor, parts)

    @property
    def council(self) -> tuple[Member, ...]:
        """The fifteen members voting at this renewal."""
        return self.scenario.council(self.date // 12)

    def _prediction_key(self) -> tuple[object, ...]:
        # The draft, the softened clauses, the state (the ledger only grows) and the year.
        return (tuple(self.draft.items()), tuple(self.softened.items()), len(self.meters.ledger), self.date)

    def predict(self) -> list[Stance]:
        """Each seated member's stance on the draft (cached until the draft or any value changes)."""
        key = self._prediction_key()
        if self._prediction is None or self._prediction[0] != key:
            self._prediction = (key, council.predict(self.council, self.draft, self.softened, self.values,
                                                               positions=self.scenario.coefficients["national_positions"]))
        return list(self._prediction[1])

    def trade_cost(self, member: str, dimension: str) -> int:
        return council.trade_cost(self.scenario.member(member), self.draft, dimension, self.date // 12)

    def levers_for(self, draft: Mapping[str, str], softened: Mapping[str, str]) -> tuple[dict[str, int], dict[str, str]]:
        """The levers a resolution sets, and which clause sets each (for "why?"; where clauses add
        to one lever, the strongest: ``lever_shares`` says how the others share it)."""
        levers, cause, _shares = self._levers_and_causes(draft, softened)
        return levers, cause

    def lever_shares(self, draft: Mapping[str, str], softened: Mapping[str, str]) -> dict[str, tuple[tuple[str, int], ...]]:
        """The levers that several clauses add to, each with its clauses and what each adds, the
        strongest first (the one ``levers_for`` names): a change a lever drives is theirs in
        those shares. A robust posture and a mission force both make the mission robust."""
        return self._levers_and_causes(draft, softened)[2]

    def _levers_and_causes(self, draft: Mapping[str, str], softened: Mapping[str, str]
                           ) -> tuple[dict[str, int], dict[str, str], dict[str, tuple[tuple[str, int], ...]]]:
        levers: dict[str, int] = dict(LEVER_DEFAULTS)
        strongest: dict[str, int] = {}
        cause: dict[str, str] = {}
        parts: dict[str, list[tuple[str, int]]] = {}
        for dim in self.scenario.dimensions:
            opt_id = draft.get(dim.id)
            if opt_id is None:
                continue
            opt = dim.option(opt_id)
            soft = dim.id in softened
            clause = f"clause:{dim.id}.{opt.id}"
            for lever, value in opt.levers.items():
                if lever in _SET_LEVERS:
                    levers[lever] = value
                else:
                    if soft:
                        value //= 2  # a softened clause does half as much
                    levers[lever] = max(0, min(100, levers.get(lever, 0) + value))
                    if value > 0:
                        parts.setdefault(lever, []).append((clause, value))
                if abs(value) >= strongest.get(lever, 0):
                    strongest[lever] = abs(value)
                    cause[lever] = clause
        # the strongest first; between equals the later clause, the one ``levers_for`` names
        shares = {lever: tuple(sorted(reversed(shared), key=lambda share: -share[1]))
                  for lever, shared in parts.items() if len(shared) > 1}
        return levers, cause, shares

    # --- acting -------------------------------------------------------------------------
    def apply(self, action: Action) -> None:
        """Perform an action and log it as a decision (nothing changes if it is impossible)."""
        if self.phase == END:
            raise Impossible("game_over")
        action.perform(self)
        self.decisions.append(action.to_dict())

    def vote_stances(self) -> list[Stance]:
        """The stances a vote is cast from: what the players saw, if nothing changed since."""
        if self._prediction is not None and self._prediction[0] == self._prediction_key():
            return self._prediction[1]
        return council.predict(self.council, self.draft, self.softened, self.values, with_reasons=False,
                               positions=self.scenario.coefficients["national_positions"])

    def record_vote(self, votes: dict[str, str], adopted: bool, unity: int) -> None:
        """The vote's consequences: the mandate in force, or a rollover, or the end (for ``CallVote``)."""
        self.votes.append(VoteResult(self.quarter, votes, adopted, dict(self.draft), unity))
        self.meters.set("council.unity", unity, "vote:" + ("adopted" if adopted else "failed"))
        self.journal.append({"q": self.quarter, "kind": "vote", "adopted": adopted, "yes": sum(v == council.YES for v in votes.values())})
        if adopted:
            self.failed_in_row = 0
            self.in_force = dict(self.draft)
            self.in_force_softened = dict(self.softened)
            self._put_in_force()
            self.mandate_left = max(1, self._levers.get("duration", 4))
        else:
            self.failed_in_row += 1
            self.meters.add("council.standing", -self.scenario.coefficients["failed_vote_standing"], "vote:failed")
            if self.failed_in_row >= 2:
                self.end("failed_renewal")
                return
            self.mandate_left = 1  # a short technical rollover of the resolution in force
        self.phase = VOTE

    # --- the field ------------------------------------------------------------------------
    def refresh(self) -> None:
        rules.update_derived(self.values, self.scenario.start, self.quarter, self.mandate)

    def start_quarter(self) -> None:
        self.meters.quarter = self.quarter
        sc = self.scenario
        due_cards = self._take_due()
        field = rules.field_quarter(self.meters, self._levers, self._lever_cause, self._plan, self.luck,
                                    self._lever_shares)
        if field.contributors_left:
            # Contributors who leave are news, not a silent refill: the journal keeps them.
            self.journal.append({"q": self.quarter, "kind": "contributors", "troops": field.contributors_left,
                                 "killed": field.killed})
        for quantity, change, cause in self._each_quarter:
            self.meters.add(quantity, change, cause)
        self.refresh()
        self.pending = [c for c in due_cards if c in sc.cards_by_id]
        draws = 2 if self.luck.draw(self.quarter, "second_card") * 1000 < sc.coefficients["second_card_chance"] else 1
        draws = min(draws, sc.max_cards)
        candidates = self.eligible()  # nothing changes between the two draws but the first pick
        for n in range(draws):
            drawn = self._draw(candidates, n)
            if drawn is not None:
                self.pending.append(drawn)
                if n + 1 < draws:
                    candidates = [(c, w) for c, w in candidates if c.id != drawn]
        for card_id in self.pending:
            self.draws[card_id] = self.draws.get(card_id, 0) + 1
            self.last_drawn[card_id] = self.quarter
        if self.pending:
            self.phase = CARD
        else:
            self.finish_quarter()

    def _put_in_force(self) -> None:
        """What the quarters read of the resolution in force: its levers, the clause behind each
        lever, several clauses' shares of a lever, and its clauses' direct effects each quarter.

        Worked out once per resolution and scenario (``_in_force_rows``): a sweep's games adopt
        the same few texts thousands of times. The quarters only read what it returns."""
        key = (tuple(self.in_force.items()), tuple(self.in_force_softened.items()))
        cache = _in_force_rows(self.scenario)
        rows = cache.get(key)
        if rows is None:
            levers, cause, shares = self._levers_and_causes(self.in_force, self.in_force_softened)
            each: list[tuple[str, int, str]] = []
            for dim in self.scenario.dimensions:
                opt_id = self.in_force.get(dim.id)
                if opt_id is not None:
                    clause = f"clause:{dim.id}.{opt_id}"
                    each.extend((quantity, change, clause) for quantity, change in dim.option(opt_id).each_quarter.items())
            if len(cache) >= _IN_FORCE_ROWS_KEPT:  # a random drafter's texts are many: keep memory bounded
                cache.clear()
            rows = cache[key] = (levers, cause, shares, tuple(each))
        self._levers, self._lever_cause, self._lever_shares, self._each_quarter = rows

    def _take_due(self) -> list[str]:
        """Apply the delayed effects due this quarter; return the follow-up cards due."""
        due_cards: list[str] = []
        keep: list[dict[str, Any]] = []
        for item in self.queue:
            if item["due"] > self.quarter:
                keep.append(item)
            elif "card" in item:
                if self._follow_up_comes(item):
                    due_cards.append(item["card"])
            else:
                for quantity, change in item["effects"].items():
                    self.meters.add(quantity, change, item["cause"])
        self.queue = keep
        return due_cards

    def _follow_up_comes(self, item: Mapping[str, Any]) -> bool:
        """A follow-up with a ``chance`` (percent) comes only if this quarter's keyed roll for it
        falls under the chance: the same seed gives the same roll, whatever was decided before."""
        chance = int(item.get("chance", 100))
        return chance >= 100 or self.luck.draw(self.quarter, f"follow_up:{item['card']}") * 100 < chance

    def eligible(self) -> list[tuple[Card, int]]:
        """Cards that could be drawn now, with their weights (in id order: deterministic)."""
        out: list[tuple[Card, int]] = []
        values, quarter, pending, last_drawn = self.values, self.quarter, self.pending, self.last_drawn
        for card, card_id, once, gap, condition, weight, fixed in self._in_season():
            if card_id in last_drawn and (once or quarter - last_drawn[card_id] < gap):
                continue
            if card_id in pending or (condition is not None and not condition(values)):
                continue
            w = weight.value(values) if fixed is None else fixed
            if w > 0:
                out.append((card, w))
        return out

    def _in_season(self) -> list[_SeasonRow]:
        """Cards whose dates and mandate years fit now (the hot path: cached on the scenario)."""
        return _season_rows(self.scenario, self.date, self.mandate)

    def _draw(self, cands: list[tuple[Card, int]], n: int) -> str | None:
        if not cands:
            return None
        cumulative = list(accumulate(map(itemgetter(1), cands)))
        total = cumulative[-1]
        pick = bisect.bisect_right(cumulative, self.luck.draw(self.quarter, "card", n) * total)
        return cands[min(pick, len(cands) - 1)][0].id

    def finish_quarter(self) -> None:
        v = self.values
        self.cost_total += v["mission.budget"] // 4
        self.timeline.append(timeline_entry(v, self.quarter))
        ending = rules.ending(v, self.scenario.coefficients, self.date)
        if ending is not None:
            self.end(ending)
        else:
            self.phase = SUMMARY

    def next_quarter(self) -> None:
        self.quarter += 1
        self.mandate_left -= 1
        self.refresh()
        if self.quarter >= self.scenario.quarters:
            self.end("scenario_end")
        elif self.mandate_left <= 0:
            self.meters.quarter = self.quarter
            short = self._levers.get("duration", 4) <= 2  # another vote so soon costs capital
            capital = rules.renewal_capital(self.values, self.scenario.coefficients, short)
            self.meters.set("council.capital", capital, "rule:renewal")
            self.softened = {}
            self.phase = BRIEFING
        else:
            self.start_quarter()

    def end(self, kind: str) -> None:
        self.ending = kind
        self.phase = END
        self.journal.append({"q": self.quarter, "kind": "end", "ending": kind})

    # --- the end ------------------------------------------------------------------------
    def outcomes(self) -> dict[str, int]:
        """The design's outcome measures (0..100, higher is better; cost in $m)."""
        v = self.values
        tl = self.timeline or [{"violence.mean": v["violence.mean"], "displacement.mean": 0, "mission.safety": v["mission.safety"]}]
        n = len(tl)
        # An early end is scored as the failure it is, not as a saving: the quarters the mission
        # did not serve count at the last harm seen (nobody protects), at zero safety (a mission
        # forced out failed its people), and at the cost per quarter it had been running at.
        full = max(n, self.scenario.quarters) if self.ending not in (None, "scenario_end") else n
        missing = full - n
        harm_of = [(7 * t["violence.mean"] + 3 * t["displacement.mean"]) // 10 for t in tl]
        harm = (sum(harm_of) + missing * harm_of[-1]) // full
        bodies = (v["buyin.au"] + v["buyin.ecowas"] + v["buyin.algeria"]) // 3
        unity = sum(r.unity_at_vote() for r in self.votes) // len(self.votes) if self.votes else v["council.unity"]
        return {
            "human_security": 100 - harm,
            "implementation": v["politics.implementation"],
            "regional_ownership": (v["regional.ownership"] + bodies) // 2,
            "mission_safety": sum(t["mission.safety"] for t in tl) // full,
            "council_unity": unity,
            "cost": self.cost_total * full // max(1, n),
        }

    # --- previews (what a choice tends to do) -----------------------------------------------
    def preview_option(self, dimension: str, option: str, quarters: int = 4) -> dict[str, int]:
        """Expected change over ``quarters`` if this option replaced the one in force, every other
        clause as in force: the same comparison whatever the draft holds and whichever year it is.
        The rules' expected path only, without luck and without events (cards); see ``preview.py``
        for its range under luck and how it compares with the previous renewal."""
        from game.engine import preview

        return preview.expected(self, dimension, option, quarters)

    # --- saving -----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": SAVE_FORMAT,
            "scenario": self.scenario.id,
            "content_hash": self.scenario.content_hash,
            "length": self.scenario.length,
            "seed": self.seed,
            "luck": "keyed",  # nothing to store: every draw follows from the seed (luck.py)
            "values": dict(self.values),
            "ledger": [list(r) for r in self.meters.ledger],
            "phase": self.phase,
            "quarter": self.quarter,
            "draft": self.draft,
            "in_force": self.in_force,
            "softened": self.softened,
            "in_force_softened": self.in_force_softened,
            "mandate_left": self.mandate_left,
            "failed_in_row": self.failed_in_row,
            "pending": self.pending,
            "queue": self.queue,
            "last_drawn": self.last_drawn,
            "draws": self.draws,
            "votes": [{"quarter": r.quarter, "votes": r.votes, "adopted": r.adopted, "draft": r.draft, "unity": r.unity} for r in self.votes],
            "journal": self.journal,
            "decisions": self.decisions,
            "timeline": self.timeline,
            "cost_total": self.cost_total,
            "ending": self.ending,
        }

    @classmethod
    def from_dict(cls, scenario: Scenario, data: Mapping[str, Any]) -> Game:
        """Restore a saved game; raise ``ValueError`` if it does not fit this scenario."""
        if data.get("format") != SAVE_FORMAT:
            raise ValueError(f"unknown save format {data.get('format')!r}")
        if data.get("scenario") != scenario.id:
            raise ValueError(f"this save belongs to scenario {data.get('scenario')!r}")
        if data.get("length", "full") != scenario.length:
            raise ValueError(f"this save was made at the {str(data.get('length'))[:20]!r} length, not {scenario.length!r}")
        game = cls(scenario, int(data["seed"]))
        try:
            values = {k: int(v) for k, v in data["values"].items()}
            if set(values) != set(game.values):
                raise ValueError("the save's quantities do not match this version of the game")
            game.meters.values.update(values)
            game.meters.ledger = [(int(q), str(n), int(c), str(cause)) for q, n, c, cause in data["ledger"]]
            game.meters.quarter = int(data["quarter"])
            for name in ("phase", "draft", "in_force", "softened", "in_force_softened", "pending", "queue",
                         "last_drawn", "draws", "journal", "decisions", "timeline", "ending"):
                setattr(game, name, data[name])
            game.quarter = int(data["quarter"])
            game.mandate_left = int(data["mandate_left"])
            game.failed_in_row = int(data["failed_in_row"])
            game.cost_total = int(data["cost_total"])
            game.votes = [VoteResult(int(r["quarter"]), dict(r["votes"]), bool(r["adopted"]), dict(r["draft"]), int(r.get("unity", -1)))
                          for r in data["votes"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"damaged save: {exc}") from None
        _check_restored(scenario, game)
        game._put_in_force()
        return game


def _check_restored(scenario: Scenario, game: Game) -> None:
    """A restored game is one this scenario can play: known phase, values in range, known options and cards."""
    if not isinstance(game.phase, str) or game.phase not in PHASES:
        raise ValueError(f"unknown phase {str(game.phase)[:40]!r}")
    for name, (low, high) in game.meters.ranges.items():
        if not low <= game.meters.values[name] <= high:
            raise ValueError(f"{name} = {game.meters.values[name]} is outside {low}..{high}")
    for name in ("draft", "in_force"):
        _check_mandate(scenario, getattr(game, name), name)
    missing = [c for c in game.pending if c not in scenario.cards_by_id]
    if missing:
        raise ValueError(f"the save refers to cards this scenario no longer has: {', '.join(missing)}")


def _check_mandate(scenario: Scenario, mandate: Any, name: str) -> None:
    """A saved draft or mandate names one known option for every clause of this scenario."""
    if not isinstance(mandate, dict):
        raise ValueError(f"damaged save: {name} is not a mapping")
    dims = {d.id: {o.id for o in d.options} for d in scenario.dimensions}
    added = sorted(set(dims) - set(mandate))
    if added:
        raise ValueError(f"this scenario now has clauses the save lacks: {', '.join(added)}")
    for dim, option in mandate.items():
        if dim not in dims or option not in dims[dim]:
            raise ValueError(f"the save's {name} names a clause option this scenario no longer has: {str(dim)[:40]}")


# What a preview reports: the outcome measures' ingredients and the regions a clause can target,
# so that an option shows its benefits (less violence in the centre) beside its costs.
PREVIEW_KEYS: tuple[str, ...] = (
    "violence.mean", "violence.mopti", "violence.segou", "violence.kidal", "violence.gao", "violence.menaka",
    "mission.casualties", "mission.consent", "mission.trust", "politics.implementation",
    "politics.reconciliation", "regional.ownership", "signatories.cohesion", "mission.impartiality",
    "mission.budget", "strength.jnim", "strength.isgs", "buyin.au", "buyin.algeria",
)


# Levers a clause sets outright (a count, not a 0-100 push): never summed, never softened.
_SET_LEVERS = frozenset(("duration", "troop_ceiling"))

# Every quantity's range, the same for every game (Meters only reads it).
_RANGES: dict[str, tuple[int, int]] = {**QUANTITIES, **DERIVED}

# A card as eligible() reads it: (card, id, once, quarters before it may return, condition or
# None for none, weight, the weight when it is a constant or None). Looked up once, not each quarter.
_SeasonRow = tuple[Card, str, bool, int, Condition | None, Weight, int | None]


def _season_rows(scenario: Scenario, date: int, mandate: int) -> list[_SeasonRow]:
    """``Scenario.in_season`` as rows for eligible() (cached on the scenario, like in_season)."""
    cache: dict[tuple[int, int], list[_SeasonRow]] | None = scenario.__dict__.get("_season_rows")
    if cache is None:
        cache = scenario.__dict__["_season_rows"] = {}
    rows = cache.get((date, mandate))
    if rows is None:
        rows = cache[date, mandate] = [
            (c, c.id, c.once, max(1, c.cooldown), None if c.condition is always else c.condition, c.weight,
             c.weight.base if c.weight.quantity is None else None)
            for c in scenario.in_season(date, mandate)
        ]
    return rows


_InForce = tuple[dict[str, int], dict[str, str], dict[str, tuple[tuple[str, int], ...]], tuple[tuple[str, int, str], ...]]
_IN_FORCE_ROWS_KEPT = 4096


def _in_force_rows(scenario: Scenario) -> dict[tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]], _InForce]:
    """``Game._put_in_force``'s cache, on the scenario (like ``_season_rows``): resolution -> rows."""
    cache = scenario.__dict__.get("_in_force_rows")
    if cache is None:
        cache = scenario.__dict__["_in_force_rows"] = {}
    return cache


def _plan_for(scenario: Scenario) -> rules.Plan:
    """The rules' arrangement of a scenario, made once: scenarios are immutable."""
    plan = scenario.__dict__.get("_rules_plan")
    if plan is None:
        plan = rules.prepare(scenario.coefficients, scenario.footprint, scenario.deployment)
        object.__setattr__(scenario, "_rules_plan", plan)
    return plan


def replay(scenario: Scenario, seed: int, decisions: list[dict[str, Any]]) -> Game:
    """Play ``decisions`` again from the start; ``ValueError`` if one no longer fits."""
    game = Game(scenario, seed)
    for i, data in enumerate(decisions):
        try:
            game.apply(action_from_dict(data))
        except Impossible as exc:
            what = " ".join(str(v)[:60] for v in data.values()) if isinstance(data, dict) else str(data)[:60]
            raise ValueError(f"decision {i + 1} ({what}) cannot be replayed: {exc}") from None
    return game

