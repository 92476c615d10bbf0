"""The Security Council: how each member weighs a draft, and how the vote goes (claim 8).

A member's score is its disposition toward renewal, plus its preference for each option in the
draft (halved for a softened clause, ignored where a trade bought it off), plus its concerns about
the state of things (conditions like ``mission.consent < 40``). Each preference and concern holds
in its own years only (``from``/``until`` in the profile), so that no reason cites a later event. Score >= 1: yes; <= -2: no (a veto
for a permanent member); in between: abstain. A member within one point of the yes line is
*undecided*: the prediction shows its lean, and the vote itself may tip it either way.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from typing import NamedTuple

from game.engine.defs import Concern, Member, Preference, Text, holds_in

YES, NO, ABSTAIN = "yes", "no", "abstain"
YES_LINE = 1
NO_LINE = -2
VOTES_NEEDED = 9


class Reason(NamedTuple):
    weight: int
    why: Text
    option: str = ""  # "dimension.option" when a clause is the reason
    quantity: str = ""  # the quantity a concern reads when the state is the reason


class Stance(NamedTuple):
    member: str
    score: int
    vote: str
    undecided: bool
    reasons: tuple[Reason, ...] = ()


def stance(
    member: Member,
    draft: Mapping[str, str],
    softened: Mapping[str, str],
    values: Mapping[str, int],
    with_reasons: bool = True,
    positions: int = 100,
) -> Stance:
    """How ``member`` sees the draft now. ``softened`` maps dimension -> member who asked.

    ``positions`` is the weight (%) of national positions, preferences and concerns alike, against
    the disposition to renew (the scenario's ``national_positions``; 0 makes every member alike).
    Without reasons (the vote itself, simulations) the score is the same and cheaper to get."""
    score = member.base
    reasons: list[Reason] = []
    preferences, concerns = _in_year(member, values.get("time.year", 0))
    for pref in preferences:
        if draft.get(pref.dimension) != pref.choice:
            continue
        weight = _preference_weight(member.id, pref, softened, positions)
        if weight:
            score += weight
            if with_reasons:
                reasons.append(Reason(weight, pref.why, pref.option))
    for concern in concerns:
        if concern.when(values):
            weight = concern.weight if positions == 100 else concern.weight * positions // 100
            if weight:
                score += weight
                if with_reasons:
                    reasons.append(Reason(weight, concern.why, "", concern.quantity))
    if len(reasons) > 1:
        reasons.sort(key=_by_size)
    if score >= YES_LINE:
        vote = YES
    elif score <= NO_LINE:
        vote = NO
    else:
        vote = ABSTAIN
    undecided = score in (YES_LINE - 1, YES_LINE)
    return Stance(member.id, score, vote, undecided, tuple(reasons))


def _in_year(member: Member, year: int) -> tuple[tuple[Preference, ...], tuple[Concern, ...]]:
    """The member's preferences and concerns that hold in ``year`` (worked out once per member and
    year, and kept on the member: definitions are immutable)."""
    cache: dict[int, tuple[tuple[Preference, ...], tuple[Concern, ...]]] | None = member.__dict__.get("_in_year")
    if cache is None:
        cache = member.__dict__["_in_year"] = {}
    held = cache.get(year)
    if held is None:
        held = cache[year] = (
            tuple(p for p in member.preferences if holds_in(p, year)),
            tuple(c for c in member.concerns if holds_in(c, year)),
        )
    return held


def _preference_weight(member: str, pref: Preference, softened: Mapping[str, str], positions: int) -> int:
    """What a preference the draft meets adds to a member's score (0: nothing)."""
    dim = pref.dimension
    weight = pref.weight if positions == 100 else pref.weight * positions // 100
    if dim in softened:
        weight = 0 if softened[dim] == member else int(weight / 2)
    return weight


def _by_size(reason: Reason) -> int:
    return -abs(reason.weight)


def predict(
    members: tuple[Member, ...], draft: Mapping[str, str], softened: Mapping[str, str], values: Mapping[str, int],
    with_reasons: bool = True, positions: int = 100,
) -> list[Stance]:
    return [stance(m, draft, softened, values, with_reasons, positions) for m in members]


def cast(stances: list[Stance], rng: random.Random | None, unity: int = 50, unity_pull: int = 0,
         draw: Callable[[str], float] | None = None) -> dict[str, str]:
    """The votes as cast: undecided members tip with a chance (none without luck).

    ``draw(member)`` gives each member's own roll (the game's keyed luck: the same for that member
    whoever else is undecided); without it, ``rng`` rolls for the undecided in turn.
    A united Council pulls its undecided members along: each point of ``unity`` above 50 adds
    ``unity_pull`` per mille to their chance of voting yes (and a divided one takes it away)."""
    votes: dict[str, str] = {}
    shift = (unity - 50) * unity_pull
    for s in stances:
        vote = s.vote
        if s.undecided and (draw is not None or rng is not None):
            chance_yes = (700 if s.score >= YES_LINE else 350) + shift
            roll = draw(s.member) if draw is not None else rng.random()  # type: ignore[union-attr]
            vote = YES if roll * 1000 < chance_yes else ABSTAIN
        votes[s.member] = vote
    return votes


def adopted(members: tuple[Member, ...], votes: Mapping[str, str]) -> bool:
    """Nine yes and no veto."""
    yes = sum(1 for v in votes.values() if v == YES)
    veto = any(m.permanent and votes.get(m.id) == NO for m in members)
    return yes >= VOTES_NEEDED and not veto


# How much a yes says, by the member's score: a unanimous vote of reluctant members is not the
# united Council of members who all want the text (the record: 15-0 votes with reservations).
# A yes at the yes line counts RELUCTANT_YES, each point above it CONVICTION more, up to 100.
RELUCTANT_YES = 70
CONVICTION = 10
ABSTAIN_POINTS = 50


def unity(votes: Mapping[str, str], stances: list[Stance] | None = None) -> int:
    """0..100: how united the Council was. Without stances: yes 100, abstain 50, no 0.

    With the stances the votes were cast from, a yes counts by conviction (see RELUCTANT_YES)."""
    if not votes:
        return 0
    score = {s.member: s.score for s in stances} if stances is not None else {}
    points = 0
    for member, vote in votes.items():
        if vote == YES:
            held = score.get(member)
            points += 100 if held is None else min(100, RELUCTANT_YES + CONVICTION * max(0, held - YES_LINE))
        elif vote == ABSTAIN:
            points += ABSTAIN_POINTS
    return points // len(votes)


def trade_cost(member: Member, draft: Mapping[str, str], dimension: str, year: int = 0) -> int:
    """Capital a trade costs: the weight of the member's objection to that clause (at least 1).

    ``year`` 0 means any year (tools); the game passes the year of the vote."""
    for pref in member.preferences:
        if year and not holds_in(pref, year):
            continue
        if pref.dimension == dimension and draft.get(dimension) == pref.choice and pref.weight < 0:
            return max(1, -pref.weight)
    return 0  # nothing to trade: the member does not object to this clause
