"""Scripted drafters: headless players for simulations, balance reports and auto-play.

Each drafter has a preferred resolution (an option per dimension, when offered), trades for the
votes it lacks, and answers cards by scoring each response's effects against what it values.
A drafter's own choices use its own ``random.Random`` (seeded from the game's seed), never the
game's, so the game's luck is the same whoever plays.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NotRequired, TypedDict

from game.engine import council
from game.engine.actions import Action, CallVote, Choose, Continue, Respond, Trade
from game.engine.defs import Dimension, Scenario
from game.engine.game import Game
from game.engine.phases import BRIEFING, DRAFTING, NEGOTIATION, SUMMARY, VOTE

if TYPE_CHECKING:
    from game.sim.record import Record

# A scripted drafter's answer to each card, by (drafter, card id, file, line): cards never change.
_ANSWERS: dict[tuple[str, str, str, int], str] = {}

# Actions without fields, made once: they are immutable, and a drafter returns them thousands of times.
_CONTINUE = Continue()
_CALL_VOTE = CallVote()

# What each drafter values in a card response's effects: quantity prefix -> weight.
_HUMAN = {"violence": -3, "displacement": -2, "mission.trust": 1, "politics.reconciliation": 2}


@dataclass
class Drafter:
    name: str
    description: str
    wants: Mapping[str, str]  # dimension -> option
    values: Mapping[str, int]  # quantity or quantity prefix -> weight for card responses
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    randomise: bool = False
    picks: dict[tuple[object, ...], str] = field(default_factory=dict)  # random drafts, per round
    # The historical drafter: the options of the resolution adopted in each mandate year, and the
    # responses to cards closest to what really happened (the cards' `historical:`, and record.yaml).
    by_mandate: Mapping[int, Mapping[str, str]] = field(default_factory=dict)
    answers: Mapping[str, str] = field(default_factory=dict)
    trades: bool = True
    _round: dict[tuple[int, int], tuple[tuple[str, str], ...]] = field(default_factory=dict, repr=False)

    def choose(self, game: Game) -> Action:
        """The next action for the game's current phase."""
        if game.phase in (BRIEFING, VOTE, SUMMARY):
            return _CONTINUE
        if game.phase == DRAFTING:
            draft = game.draft
            for dim_id, want in self._wanted(game):
                if draft.get(dim_id) != want:
                    return Choose(dim_id, want)
            return _CONTINUE
        if game.phase == NEGOTIATION:
            # a random drafter does not bargain; the historical one drafts what was adopted, as it was
            trade = None if self.randomise or not self.trades else self._trade(game)
            return trade if trade is not None else _CALL_VOTE
        card = game.card  # (None outside the card phase)
        if card is not None:
            if self.randomise:
                return Respond(card.id, card.responses[int(self.rng.random() * len(card.responses))].id)
            historical = self.answers.get(card.id)
            if historical is not None and any(r.id == historical for r in card.responses):
                return Respond(card.id, historical)
            key = (self.name, card.id, card.file, card.line)
            best = _ANSWERS.get(key)
            if best is None:  # effects are fixed, so a drafter's best answer is worked out once
                scored = [(self._score(r.effects) + sum(self._score(d.effects) for d in r.delayed), -i, r.id)
                          for i, r in enumerate(card.responses)]
                best = _ANSWERS[key] = max(scored)[2]
            return Respond(card.id, best)
        return _CONTINUE

    def _wanted(self, game: Game) -> tuple[tuple[str, str], ...]:
        """(dimension, option) the drafter wants this round, in the scenario's order of clauses.

        Worked out once a round (a draft takes one action per changed clause); a random drafter
        draws its options in that order, one draw per dimension, as it always has."""
        key = (game.quarter, game.mandate)
        wanted = self._round.get(key)
        if wanted is None:
            self._round.clear()  # only the current round is ever asked for again
            wanted = self._round[key] = tuple(
                (dim.id, want) for dim in game.scenario.dimensions if (want := self._want(game, dim)) is not None)
        return wanted

    def _want(self, game: Game, dim: Dimension) -> str | None:
        if self.randomise:
            key = ("random-draft", game.quarter, dim.id)
            pick = self.picks.get(key)
            if pick is None:
                pick = self.picks[key] = dim.options[int(self.rng.random() * len(dim.options))].id
            return pick
        want = self.by_mandate.get(game.mandate, self.wants).get(dim.id)
        return want if want is not None and any(o.id == want for o in dim.options) else None

    def _trade(self, game: Game) -> Trade | None:
        """Buy off the cheapest objection while the draft would fail, if capital allows."""
        stances = game.predict()
        votes = {s.member: s.vote for s in stances}
        if council.adopted(game.council, votes):
            return None
        capital = game.values["council.capital"]
        best: tuple[int, str, str] | None = None
        for s in stances:
            if s.vote == council.YES:
                continue
            for reason in s.reasons:
                dim = reason.option.partition(".")[0]
                if reason.weight < 0 and reason.option and dim not in game.softened:
                    cost = game.trade_cost(s.member, dim)
                    if 0 < cost <= capital and (best is None or cost < best[0]):
                        best = (cost, s.member, dim)
        return Trade(best[1], best[2]) if best else None

    def _score(self, effects: Mapping[str, int]) -> int:
        total = 0
        for quantity, change in effects.items():
            weight = self.values.get(quantity)
            if weight is None:
                weight = self.values.get(quantity.split(".")[0], 0)
            total += weight * change
        return total


class DrafterSpec(TypedDict):
    """How a named drafter plays: what it drafts and what it values in card responses."""

    description: str
    wants: dict[str, str]  # dimension -> option
    values: dict[str, int]  # quantity or quantity prefix -> weight
    randomise: NotRequired[bool]
    needs_record: NotRequired[bool]  # drafts from the scenario's record.yaml


DRAFTERS: dict[str, DrafterSpec] = {
    "random": {
        "description": "picks every clause and every response at random",
        "wants": {},
        "values": {},
        "randomise": True,
    },
    "status-quo": {
        "description": "renews the mandate in force and answers cards as cautiously as it can",
        "wants": {},
        "values": {"mission.consent": 2, "council.unity": 1, "mission.casualties": -1, "mission.budget": -1, **_HUMAN},
    },
    "regional-transition": {
        "description": "the opinion piece's proposal: a one-year mandate handing over to the AU and ECOWAS with support, Sahel-wide, pressure on Bamako for reconciliation, France's assignment ended",
        "wants": {"duration": "one-year", "frame": "sahel", "partnership": "handover-supported", "force": "regional-force",
                  "priority": "reconciliation", "pressure": "benchmarks", "posture": "traditional", "rights": "standard"},
        "values": {"buyin": 2, "regional.ownership": 3, "regional.capacity": 2, "politics.reconciliation": 3,
                   "politics.implementation": 2, "violence": -1},
    },
    "historical": {
        "description": "drafts the resolution the Council actually adopted each year (the scenario's record.yaml); "
                       "answers cards as the record says where it says, and elsewhere as status-quo does (cautiously)",
        "wants": {},
        "values": {"mission.consent": 2, "council.unity": 1, "mission.casualties": -1, "mission.budget": -1, **_HUMAN},
        "needs_record": True,
    },
    "robust": {
        "description": "force and counter-terrorism first: robust posture, a parallel French force, more troops, quiet diplomacy",
        "wants": {"posture": "robust", "force": "parallel-france", "troops": "raise", "pressure": "quiet",
                  "priority": "agreement", "frame": "mali-only", "partnership": "g5-support", "rights": "minimal"},
        "values": {"strength.jnim": -3, "strength.isgs": -3, "strength.traffickers": -2, "violence": -2, "mission.consent": 1},
    },
}


def make_drafter(name: str, seed: int, record: Record | None = None) -> Drafter:
    """A fresh drafter; its own rng is seeded from the game's seed so runs are reproducible.

    ``historical`` needs the scenario's record (``game.sim.record.load_record``)."""
    spec = DRAFTERS[name]
    if spec.get("needs_record"):
        if record is None:
            raise ValueError(f"the {name} drafter needs the scenario's record.yaml")
        return Drafter(
            name=name, description=spec["description"], wants={}, values=dict(spec["values"]),
            rng=random.Random(f"drafter:{name}:{seed}"),
            by_mandate={r.mandate: dict(r.options) for r in record.resolutions},
            answers=dict(record.cards), trades=False,
        )
    return Drafter(
        name=name,
        description=spec["description"],
        wants=dict(spec["wants"]),
        values=dict(spec["values"]),
        rng=random.Random(f"drafter:{name}:{seed}"),
        randomise=spec.get("randomise", False),
    )


_RECORDS: dict[str, Record | None] = {}


def has_record(scenario: Scenario) -> bool:
    return _record_of(scenario) is not None


def _record_of(scenario: Scenario) -> Record | None:
    """The scenario's record.yaml, loaded once (None if it has none or it cannot be read)."""
    from game.content.problems import ContentError
    from game.sim.record import load_record

    key = f"{scenario.path}:{scenario.content_hash}:{scenario.length}"  # a lesson's record holds its years only
    if key not in _RECORDS:
        try:
            _RECORDS[key] = load_record(scenario) if scenario.path else None
        except ContentError:
            _RECORDS[key] = None
    return _RECORDS[key]


def available(scenario: Scenario) -> list[str]:
    """The drafters that can play this scenario (historical only where a record exists)."""
    return [n for n, spec in DRAFTERS.items() if not spec.get("needs_record") or has_record(scenario)]


def drafter_for(name: str, seed: int, scenario: Scenario) -> Drafter:
    """``make_drafter`` with the scenario's record where the drafter needs it.

    The historical drafter answers each card as the card's ``historical:`` says, unless the
    scenario's record.yaml answers it its own way (a shared-deck card, say)."""
    drafter = make_drafter(name, seed, _record_of(scenario) if DRAFTERS[name].get("needs_record") else None)
    if DRAFTERS[name].get("needs_record"):
        drafter.answers = {c.id: c.historical for c in scenario.cards if c.historical} | dict(drafter.answers)
    return drafter
