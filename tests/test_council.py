"""The Council's arithmetic, with hand-made members and figures worked out by hand (claim 8).

Every expectation here is computed from the rules in ``council.py``'s docstring, not by calling
the code under test: a yes at a score of 1, a no (a veto for a permanent member) at -2, nine yes
votes and no veto to adopt, a softened clause at half weight (rounded toward zero), unity as the
share of yes votes with abstentions at half.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from game.engine import council
from game.engine.council import ABSTAIN, NO, YES, Stance
from game.engine.defs import Concern, Member, Preference

WHY = {"en": "because", "fr": "parce que"}


def member(mid: str = "m", base: int = 0, prefs: tuple[Preference, ...] = (), concerns: tuple[Concern, ...] = (),
           permanent: bool = False) -> Member:
    return Member(mid, {"en": mid, "fr": mid}, permanent, False, base, WHY, WHY, prefs, concerns)


def pref(option: str, weight: int, first_year: int = 0, last_year: int = 9999) -> Preference:
    return Preference(option, weight, WHY, first_year, last_year)


def consent_below(limit: int):
    def when(values: Mapping[str, int]) -> bool:
        return values.get("mission.consent", 100) < limit
    return when


DRAFT = {"rights": "public-reporting", "troops": "raise"}


# --- one member's stance ----------------------------------------------------------------------
@pytest.mark.parametrize(("base", "vote", "undecided"), [
    (3, YES, False), (2, YES, False), (1, YES, True), (0, ABSTAIN, True),
    (-1, ABSTAIN, False), (-2, NO, False), (-3, NO, False),
])
def test_the_yes_and_no_lines_and_who_is_undecided(base: int, vote: str, undecided: bool) -> None:
    s = council.stance(member(base=base), {}, {}, {})
    assert (s.score, s.vote, s.undecided) == (base, vote, undecided)


def test_a_preference_counts_only_for_the_option_drafted() -> None:
    m = member(base=1, prefs=(pref("rights.public-reporting", -4), pref("rights.standard", 3), pref("troops.raise", 2)))
    s = council.stance(m, DRAFT, {}, {})
    assert s.score == 1 - 4 + 2
    assert s.vote == ABSTAIN and not s.undecided
    # largest reason first, each naming its clause
    assert [(r.weight, r.option) for r in s.reasons] == [(-4, "rights.public-reporting"), (2, "troops.raise")]
    backwards = member(base=1, prefs=(pref("troops.raise", 2), pref("rights.public-reporting", -4)))
    assert [r.weight for r in council.stance(backwards, DRAFT, {}, {}).reasons] == [-4, 2]


def test_softened_clauses_weigh_half_toward_zero_and_nothing_for_who_asked() -> None:
    m = member("russia", base=0, prefs=(pref("rights.public-reporting", -5), pref("troops.raise", 3)))
    assert council.stance(m, DRAFT, {}, {}).score == -2
    # softened at another member's request: -5 -> -2 (toward zero, not -3), 3 -> 1
    other = council.stance(m, DRAFT, {"rights": "china", "troops": "china"}, {})
    assert other.score == -2 + 1
    assert [r.weight for r in other.reasons] == [-2, 1]
    # softened at its own request, the objection is bought off entirely and gives no reason
    own = council.stance(m, DRAFT, {"rights": "russia"}, {})
    assert own.score == 3
    assert [r.option for r in own.reasons] == ["troops.raise"]


def test_concerns_push_only_when_their_condition_holds() -> None:
    m = member(base=2, concerns=(Concern(consent_below(40), -3, WHY),))
    assert council.stance(m, {}, {}, {"mission.consent": 40}).score == 2
    worried = council.stance(m, {}, {}, {"mission.consent": 39})
    assert (worried.score, worried.vote) == (-1, ABSTAIN)
    assert [r.weight for r in worried.reasons] == [-3]


def test_reasons_hold_only_in_their_years_bounds_included() -> None:
    m = member(base=0, prefs=(pref("troops.raise", 2, first_year=2016, last_year=2018),),
               concerns=(Concern(consent_below(200), -1, WHY, "", 2017, 2017),))
    scores = {year: council.stance(m, DRAFT, {}, {"time.year": year}).score for year in (2015, 2016, 2017, 2018, 2019)}
    assert scores == {2015: 0, 2016: 2, 2017: 1, 2018: 2, 2019: 0}


def test_national_positions_scale_every_reason_but_not_the_disposition() -> None:
    m = member(base=1, prefs=(pref("rights.public-reporting", -5), pref("troops.raise", 3)),
               concerns=(Concern(consent_below(200), 4, WHY),))
    assert council.stance(m, DRAFT, {}, {}, positions=100).score == 1 - 5 + 3 + 4
    # at 50%: -5 -> -3 (floor division), 3 -> 1, 4 -> 2
    assert council.stance(m, DRAFT, {}, {}, positions=50).score == 1 - 3 + 1 + 2
    two = member(base=0, prefs=(pref("troops.raise", 2),), concerns=(Concern(consent_below(200), 2, WHY),))
    assert council.stance(two, DRAFT, {}, {}, positions=50).score == 1 + 1
    flat = council.stance(m, DRAFT, {}, {}, positions=0)
    assert (flat.score, flat.reasons) == (1, ())


def test_without_reasons_the_score_is_the_same() -> None:
    m = member(base=1, prefs=(pref("rights.public-reporting", -4),), concerns=(Concern(consent_below(200), 2, WHY),))
    full, bare = council.stance(m, DRAFT, {}, {}), council.stance(m, DRAFT, {}, {}, with_reasons=False)
    assert (bare.score, bare.vote, bare.undecided, bare.reasons) == (full.score, full.vote, full.undecided, ())
    assert full.score == -1 and len(full.reasons) == 2


def test_predict_gives_one_stance_per_member_in_order() -> None:
    members = (member("a", 2), member("b", -3), member("c", 0, prefs=(pref("troops.raise", -5),)))
    assert [(s.member, s.score, s.vote) for s in council.predict(members, DRAFT, {}, {})] == [
        ("a", 2, YES), ("b", -3, NO), ("c", -5, NO)]


# --- the vote as cast -------------------------------------------------------------------------
class Fixed:
    """A stand-in for random.Random that returns the given draws and counts them."""

    def __init__(self, *draws: float):
        self.draws = list(draws)
        self.calls = 0

    def random(self) -> float:
        self.calls += 1
        return self.draws.pop(0)


def stances(*scores: int) -> list[Stance]:
    return [council.stance(member(f"m{i}", base=s), {}, {}, {}) for i, s in enumerate(scores)]


def test_without_luck_every_member_votes_its_stance() -> None:
    assert council.cast(stances(1, 0, -2, 5), None) == {"m0": YES, "m1": ABSTAIN, "m2": NO, "m3": YES}


@pytest.mark.parametrize(("score", "draw", "vote"), [
    (1, 0.699, YES), (1, 0.700, ABSTAIN),  # a member at the yes line tips yes 70% of the time
    (0, 0.349, YES), (0, 0.350, ABSTAIN),  # one point short, 35%
    (1, 0.6995, YES), (0, 0.3498, YES),  # per mille of the draw, not per 1001
])
def test_undecided_members_tip_with_a_chance(score: int, draw: float, vote: str) -> None:
    assert council.cast(stances(score), Fixed(draw))["m0"] == vote


def test_only_undecided_members_draw_luck() -> None:
    rng = Fixed(0.0)
    votes = council.cast(stances(5, -1, -4, 0, 2), rng)
    assert rng.calls == 1 and votes == {"m0": YES, "m1": ABSTAIN, "m2": NO, "m3": YES, "m4": YES}


def test_with_keyed_luck_each_undecided_member_has_its_own_roll() -> None:
    rolls = {"m0": 0.69, "m1": 0.71, "m2": 0.34, "m3": 0.0}
    asked: list[str] = []

    def draw(mid: str) -> float:
        asked.append(mid)
        return rolls[mid]

    votes = council.cast(stances(1, 1, 0, 3), None, draw=draw)
    assert votes == {"m0": YES, "m1": ABSTAIN, "m2": YES, "m3": YES}
    assert asked == ["m0", "m1", "m2"]  # the decided member rolls nothing


@pytest.mark.parametrize(("unity", "draw", "vote"), [
    (60, 0.399, YES), (60, 0.400, ABSTAIN),  # 10 points above 50 at 5 per mille: 350 + 50
    (40, 0.299, YES), (40, 0.300, ABSTAIN),  # 10 below: 350 - 50
])
def test_a_united_council_pulls_its_undecided_along(unity: int, draw: float, vote: str) -> None:
    assert council.cast(stances(0), Fixed(draw), unity=unity, unity_pull=5)["m0"] == vote


def test_without_a_unity_or_a_pull_the_chance_is_the_plain_one() -> None:
    # A Council of unknown unity counts as neither united nor divided (50), and without a pull
    # even a unanimous one moves nobody: a member at the yes line keeps its 700 per mille.
    assert council.cast(stances(1), Fixed(0.700), unity_pull=5)["m0"] == ABSTAIN
    assert council.cast(stances(1), Fixed(0.699), unity_pull=5)["m0"] == YES
    assert council.cast(stances(1), Fixed(0.700), unity=100)["m0"] == ABSTAIN
    assert council.cast(stances(0), Fixed(0.350), unity=100)["m0"] == ABSTAIN


# --- adoption and unity -----------------------------------------------------------------------
SEATS = tuple(member(f"p{i}", permanent=True) for i in range(5)) + tuple(member(f"e{i}") for i in range(10))


def votes_of(yes: int, no: tuple[str, ...] = ()) -> dict[str, str]:
    ids = [m.id for m in SEATS]
    out = {mid: ABSTAIN for mid in ids}
    for mid in [i for i in ids if i not in no][:yes]:
        out[mid] = YES
    for mid in no:
        out[mid] = NO
    return out


def test_nine_yes_votes_adopt_eight_do_not() -> None:
    assert council.adopted(SEATS, votes_of(9))
    assert not council.adopted(SEATS, votes_of(8))
    assert council.adopted(SEATS, votes_of(15))
    assert not council.adopted(SEATS, votes_of(0))


def test_a_permanent_no_is_a_veto_an_elected_no_is_not() -> None:
    assert not council.adopted(SEATS, votes_of(14, no=("p0",)))
    assert council.adopted(SEATS, votes_of(9, no=("e9", "e8")))
    assert not council.adopted(SEATS, votes_of(8, no=("e9",)))
    # a permanent member's abstention is not a veto
    assert votes_of(9)["p4"] == YES and council.adopted(SEATS, votes_of(9) | {"p4": ABSTAIN, "e9": YES})


@pytest.mark.parametrize(("votes", "expected"), [
    ({}, 0),
    ({"a": YES, "b": YES}, 100),
    ({"a": ABSTAIN, "b": ABSTAIN}, 50),
    ({"a": NO, "b": NO}, 0),
    ({"a": YES, "b": NO, "c": NO}, 33),  # 100/3, rounded down
    ({"a": YES, "b": ABSTAIN, "c": NO}, 50),
    ({"a": YES, "b": YES, "c": ABSTAIN}, 83),  # (100 + 100 + 50) / 3
    ({"a": YES, "b": YES, "c": NO}, 66),  # 200 / 3, rounded down
])
def test_unity_is_the_share_of_yes_with_abstentions_at_half(votes: dict[str, str], expected: int) -> None:
    assert council.unity(votes) == expected


def test_with_the_stances_a_yes_counts_by_conviction() -> None:
    # a yes at the yes line counts 70, each point above it 10 more, at most 100; abstain 50, no 0
    cast_from = stances(1, 2, 5, 0, -3)
    votes = {"m0": YES, "m1": YES, "m2": YES, "m3": ABSTAIN, "m4": NO}
    assert council.unity(votes, cast_from) == (70 + 80 + 100 + 50 + 0) // 5
    assert council.unity({"m2": YES}, cast_from) == 100
    assert council.unity({"m0": YES}, cast_from) == 70
    assert council.unity({"m1": YES}, cast_from) == 80  # one point above the line
    assert council.unity({"m9": YES}, cast_from) == 100  # a member without a stance counts as a plain yes


def test_unity_of_a_fifteen_seat_vote() -> None:
    assert council.unity(votes_of(9)) == (9 * 100 + 6 * 50) // 15  # 80
    assert council.unity(votes_of(11, no=("e0", "e1"))) == (11 * 100 + 2 * 50) // 15  # 80


# --- trades -----------------------------------------------------------------------------------
def test_a_trade_costs_the_weight_of_the_objection() -> None:
    m = member(prefs=(pref("rights.standard", -2), pref("rights.public-reporting", -4), pref("troops.raise", 3)))
    assert council.trade_cost(m, DRAFT, "rights") == 4
    assert council.trade_cost(m, DRAFT, "troops") == 0  # it likes that clause: nothing to buy off
    assert council.trade_cost(m, DRAFT, "posture") == 0  # nothing to say about it
    assert council.trade_cost(m, {"rights": "standard"}, "rights") == 2
    assert council.trade_cost(m, {"rights": "none"}, "rights") == 0
    indifferent = member(prefs=(pref("rights.public-reporting", 0),))
    assert council.trade_cost(indifferent, DRAFT, "rights") == 0  # no objection, nothing to buy


def test_a_trade_costs_at_least_one_and_only_in_the_objection_s_years() -> None:
    m = member(prefs=(pref("rights.public-reporting", -1, first_year=2016, last_year=2017),))
    assert council.trade_cost(m, DRAFT, "rights") == 1  # year 0: any year
    assert [council.trade_cost(m, DRAFT, "rights", year) for year in (2015, 2016, 2017, 2018)] == [0, 1, 1, 0]
