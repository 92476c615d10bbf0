"""The game loop in the lab scenario (``lab.py``): every figure asserted is known in advance.

The lab's Council votes 15-0 with no luck drawn, its cards are ours: so these tests can say exactly
which card comes in which quarter, what a trade costs, when the mission ends and why.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from lab import ELECTED, PERMANENT, card, drawn, make_lab, member_yaml, play_out, to_the_field

from game.engine import council
from game.engine.actions import CallVote, Choose, Continue, Impossible, Respond, Trade
from game.engine.defs import LEVER_DEFAULTS
from game.engine.game import BRIEFING, CARD, END, NEGOTIATION, SUMMARY, VOTE, Game

NO_SECOND = {"second_card_chance": 0}
# The lab plays 2015, before the record's clock lets the Agreement collapse (collapse_from): off here.
NO_CLOCK = {"second_card_chance": 0, "collapse_from": 0}
# A response that changes nothing, for cards whose only job is to be drawn.
QUIET = """
      - {id: a, label: {en: A, fr: A}, why: {en: a, fr: a}}
      - {id: b, label: {en: B, fr: B}, why: {en: b, fr: b}}"""


def responding(effects: str) -> str:
    return f"""
      - {{id: act, label: {{en: Act, fr: Agir}}, why: {{en: a, fr: a}}, effects: {effects}}}
      - {{id: wait, label: {{en: Wait, fr: Attendre}}, why: {{en: w, fr: w}}}}"""


# --- the Council's vote, played ----------------------------------------------------------------
def test_the_lab_council_adopts_fifteen_nil_without_luck(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path), 1)
    game.apply(Continue())
    game.apply(Continue())
    spy = SpyLuck(game.luck)
    game.luck = spy  # type: ignore[assignment]
    game.apply(CallVote())
    assert game.votes[-1].votes == {m: council.YES for m in PERMANENT + ELECTED}
    assert spy.calls == []  # nobody was undecided: the vote drew no luck


class SpyLuck:
    """The game's luck, with a list of every draw asked of it."""

    def __init__(self, luck: Any) -> None:
        self.luck = luck
        self.calls: list[tuple[Any, ...]] = []

    def draw(self, *args: Any) -> float:
        self.calls.append(args)
        return float(self.luck.draw(*args))


def seated(yes: int, abstain_permanent: bool = False) -> dict[str, str]:
    """Profiles for a Council of ``yes`` certain yes votes and certain abstentions (base -1) for the rest."""
    order = list(ELECTED) + list(PERMANENT) if not abstain_permanent else list(PERMANENT) + list(ELECTED)
    abstainers = order[: 15 - yes]
    return {mid: member_yaml(mid, mid in PERMANENT, base=-1) for mid in abstainers}


@pytest.mark.parametrize(("yes", "adopted"), [(9, True), (8, False), (15, True)])
def test_nine_yes_votes_and_no_veto_renew_the_mandate(tmp_path: Path, yes: int, adopted: bool) -> None:
    game = Game(make_lab(tmp_path, members=seated(yes)), 1)
    game.apply(Continue())
    game.apply(Continue())
    game.apply(CallVote())
    result = game.votes[-1]
    assert sum(v == council.YES for v in result.votes.values()) == yes
    assert result.adopted is adopted
    assert game.journal[-1] == {"q": 0, "kind": "vote", "adopted": adopted, "yes": yes}


def test_permanent_abstentions_are_no_veto(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path, members=seated(10, abstain_permanent=True)), 1)
    game.apply(Continue())
    game.apply(Continue())
    game.apply(CallVote())
    assert all(game.votes[-1].votes[p] == council.ABSTAIN for p in PERMANENT)
    assert game.votes[-1].adopted


VETO = {"lab-p1": member_yaml("lab-p1", True, base=3, preferences="""
  - option: troops.raise
    weight: -5
    why: {en: too many troops, fr: trop de troupes}""")}


def test_a_failed_vote_rolls_over_then_ends_the_mission(tmp_path: Path) -> None:
    sc = make_lab(tmp_path, members=VETO)
    game = Game(sc, 1)
    standing = game.values["council.standing"]
    game.apply(Continue())
    game.apply(Choose("troops", "raise"))
    game.apply(Continue())
    assert next(s for s in game.predict() if s.member == "lab-p1").vote == council.NO
    game.apply(CallVote())
    assert not game.votes[-1].adopted and game.votes[-1].votes["lab-p1"] == council.NO
    assert game.phase == VOTE and game.failed_in_row == 1
    assert game.values["council.standing"] == standing - sc.coefficients["failed_vote_standing"]
    assert game.in_force["troops"] == "keep"  # the resolution in force rolls over, unchanged
    game.apply(Continue())  # one quarter of technical rollover...
    while game.phase == CARD:
        game.apply(Respond(game.card.id, game.card.responses[0].id))  # type: ignore[union-attr]
    game.apply(Continue())
    assert (game.phase, game.quarter) == (BRIEFING, 1)  # ...then the Council votes again
    game.apply(Continue())
    game.apply(Continue())
    game.apply(CallVote())
    assert (game.phase, game.ending) == (END, "failed_renewal")
    assert game.journal[-1] == {"q": 1, "kind": "end", "ending": "failed_renewal"}


def test_an_adopted_vote_after_a_failure_clears_the_count_and_puts_the_draft_in_force(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path, members=VETO), 1)
    game.apply(Continue())
    game.apply(Choose("troops", "raise"))
    game.apply(Continue())
    game.apply(CallVote())
    game.apply(Continue())
    while game.phase == CARD:
        game.apply(Respond(game.card.id, game.card.responses[0].id))  # type: ignore[union-attr]
    game.apply(Continue())
    game.apply(Continue())
    game.apply(Choose("troops", "keep"))
    game.apply(Choose("rights", "minimal"))
    game.apply(Continue())
    game.apply(CallVote())
    assert game.votes[-1].adopted and game.failed_in_row == 0
    assert game.in_force["rights"] == "minimal" and game.mandate_left == 4


# --- trades, with the costs the profiles give -------------------------------------------------
OBJECTORS = {
    "lab-e1": member_yaml("lab-e1", False, base=3, preferences="""
  - option: rights.public-reporting
    weight: -3
    why: {en: intrusive, fr: intrusif}"""),
    "lab-e2": member_yaml("lab-e2", False, base=3, preferences="""
  - option: rights.public-reporting
    weight: -4
    why: {en: very intrusive, fr: très intrusif}"""),
}


def negotiating(tmp_path: Path) -> Game:
    game = Game(make_lab(tmp_path, members=OBJECTORS), 1)
    game.apply(Continue())
    game.apply(Choose("rights", "public-reporting"))
    game.apply(Continue())
    assert game.phase == NEGOTIATION
    return game


def score(game: Game, mid: str) -> int:
    return next(s.score for s in game.predict() if s.member == mid)


def test_trades_spend_capital_and_soften_the_clause(tmp_path: Path) -> None:
    game = negotiating(tmp_path)
    assert (score(game, "lab-e1"), score(game, "lab-e2")) == (0, -1)
    capital = game.values["council.capital"]
    assert capital >= 3
    assert game.trade_cost("lab-e1", "rights") == 3
    game.apply(Trade("lab-e1", "rights"))
    assert game.values["council.capital"] == capital - 3
    assert game.meters.ledger[-1] == (0, "council.capital", -3, "trade:lab-e1.rights")
    assert game.journal[-1] == {"q": 0, "kind": "trade", "member": "lab-e1", "dimension": "rights", "cost": 3}
    # bought off for the member who asked; halved toward zero for the other objector (-4 -> -2)
    assert (score(game, "lab-e1"), score(game, "lab-e2")) == (3, 1)
    with pytest.raises(Impossible):
        game.apply(Trade("lab-e2", "rights"))  # already softened
    assert game.values["council.capital"] == capital - 3


def test_a_softened_clause_sets_half_its_levers_once_in_force(tmp_path: Path) -> None:
    game = negotiating(tmp_path)
    game.apply(Trade("lab-e1", "rights"))
    game.apply(CallVote())
    assert game.votes[-1].adopted and game.in_force_softened == {"rights": "lab-e1"}
    full = game.scenario.dimension("rights").option("public-reporting").levers["hr_monitoring"]
    levers, cause = game.levers_for(game.in_force, game.in_force_softened)
    assert levers["hr_monitoring"] == min(100, LEVER_DEFAULTS.get("hr_monitoring", 0) + full // 2)
    assert cause["hr_monitoring"] == "clause:rights.public-reporting"
    unsoftened, _ = game.levers_for(game.in_force, {})
    assert unsoftened["hr_monitoring"] == min(100, LEVER_DEFAULTS.get("hr_monitoring", 0) + full)
    # duration is a number of quarters, never halved
    assert levers["duration"] == unsoftened["duration"] == 4


def test_a_trade_needs_capital_enough_to_the_point(tmp_path: Path) -> None:
    game = negotiating(tmp_path)
    game.meters.set("council.capital", 2, "test")
    with pytest.raises(Impossible):
        game.apply(Trade("lab-e1", "rights"))
    assert game.values["council.capital"] == 2 and game.softened == {}
    game.meters.set("council.capital", 3, "test")
    game.apply(Trade("lab-e1", "rights"))
    assert game.values["council.capital"] == 0 and game.softened == {"rights": "lab-e1"}


def test_trades_refused_change_nothing(tmp_path: Path) -> None:
    game = negotiating(tmp_path)
    before = game.to_dict()
    for member, dim in (("lab-e3", "rights"), ("lab-e1", "troops"), ("russia", "rights"), ("nobody", "rights")):
        with pytest.raises(Impossible):
            game.apply(Trade(member, dim))  # no objection / not on this Council / unknown
    assert game.to_dict() == before
    game.apply(Trade("lab-e1", "rights"))
    # redrafting the clause drops the trade (and the capital stays spent)
    game.apply(Choose("rights", "standard"))
    assert game.softened == {}
    game.apply(Choose("rights", "public-reporting"))
    assert game.softened == {} and score(game, "lab-e1") == 0


# --- cards over a game: one-off, cooldowns, two-card quarters, follow-ups ----------------------
def test_a_one_off_card_comes_once_in_a_game(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path, [card("only")], NO_SECOND, years=2), 3)
    play_out(game)
    assert game.ending == "scenario_end" and game.quarter == 8
    assert drawn(game) == [(0, "only")] and game.draws == {"only": 1}


@pytest.mark.parametrize(("cooldown", "quarters"), [
    (0, [0, 1, 2, 3, 4, 5, 6, 7]),  # 0: it may come back the next quarter
    (1, [0, 1, 2, 3, 4, 5, 6, 7]),
    (2, [0, 2, 4, 6]),
    (3, [0, 3, 6]),
])
def test_a_repeatable_card_returns_after_its_cooldown(tmp_path: Path, cooldown: int, quarters: list[int]) -> None:
    extra = f"    once: false\n    cooldown: {cooldown}\n"
    game = Game(make_lab(tmp_path, [card("again", extra=extra)], NO_SECOND, years=2), 3)
    play_out(game)
    assert [q for q, _c in drawn(game)] == quarters
    assert game.draws == {"again": len(quarters)} and game.last_drawn == {"again": quarters[-1]}


def test_two_card_quarters_come_with_their_chance(tmp_path: Path) -> None:
    cards = [card(f"c{i}") for i in range(6)]
    always = Game(make_lab(tmp_path / "always", cards, {"second_card_chance": 1000}), 5)
    to_the_field(always)
    assert always.phase == CARD and len(always.pending) == 2 and len(set(always.pending)) == 2
    play_out(always)
    assert Counter(q for q, _c in drawn(always)) == {0: 2, 1: 2, 2: 2}  # six one-off cards, two a quarter
    assert sorted(always.draws) == [f"c{i}" for i in range(6)] and set(always.draws.values()) == {1}
    never = Game(make_lab(tmp_path / "never", cards, NO_SECOND), 5)
    play_out(never)
    assert Counter(q for q, _c in drawn(never)) == {0: 1, 1: 1, 2: 1, 3: 1}


def test_a_quarter_without_a_card_goes_straight_to_its_summary(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path, [card("rare", extra='    when: "mission.troops > 19000"\n')]), 1)
    to_the_field(game)
    assert game.phase == SUMMARY and game.pending == [] and game.draws == {}
    assert game.eligible() == []


def test_weights_and_conditions_decide_what_can_be_drawn(tmp_path: Path) -> None:
    cards = [card("heavy", extra="    weight: 30\n"), card("never", extra="    weight: 0\n"),
             card("light", extra="    weight: 1\n"), card("gated", extra='    when: "mission.troops > 19000"\n')]
    game = Game(make_lab(tmp_path, cards, NO_SECOND), 1)
    assert [(c.id, w) for c, w in game.eligible()] == [("heavy", 30), ("light", 1)]
    game.meters.set("mission.troops", 19500, "test")
    assert [c.id for c, _w in game.eligible()] == ["gated", "heavy", "light"]
    # over many games the heavy card comes first about 30 times in 31
    firsts: Counter[str] = Counter()
    sc = game.scenario
    for seed in range(200):
        g = Game(sc, seed)
        to_the_field(g)
        firsts[g.pending[0]] += 1
    assert firsts["never"] == 0 and 150 < firsts["heavy"] < 200 and firsts["light"] >= 1


def test_a_growing_weight_reads_the_state_each_time(tmp_path: Path) -> None:
    # base + factor x quantity / 100, never below 0 (levels/README.md): at a trust of 50 the
    # growing card weighs 4 + 20 x 50 / 100 = 14 and the falling one 6 - 10, so nothing; at 0 both their base.
    cards = [card("grows", extra="    weight: {base: 4, grows_with: mission.trust, factor: 20}\n"),
             card("falls", extra="    weight: {base: 6, grows_with: mission.trust, factor: -20}\n")]
    game = Game(make_lab(tmp_path, cards, NO_SECOND), 1)
    game.meters.set("mission.trust", 50, "test")
    assert [(c.id, w) for c, w in game.eligible()] == [("grows", 14)]
    game.meters.set("mission.trust", 0, "test")
    assert [(c.id, w) for c, w in game.eligible()] == [("falls", 6), ("grows", 4)]


CHAIN = [
    card("opening", responses="""
      - id: go
        label: {en: Go, fr: Aller}
        why: {en: g, fr: g}
        effects: {mission.trust: 4}
        later:
          - {after: 1, effects: {politics.reconciliation: 3}, note: {en: later, fr: plus tard}}
        follow_up:
          - {card: sequel, after: 2}
      - {id: stay, label: {en: Stay, fr: Rester}, why: {en: s, fr: s}}"""),
    card("sequel", extra="    follow_up_only: true\n", responses=responding("{mission.impartiality: 2}")),
]


def test_a_follow_up_is_drawn_when_due_and_its_answer_counts(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path, CHAIN, NO_SECOND), 2)
    to_the_field(game)
    assert game.pending == ["opening"]
    trust = game.values["mission.trust"]
    game.apply(Respond("opening", "go"))
    assert game.values["mission.trust"] == min(100, trust + 4)
    assert {"due": 2, "card": "sequel"} in game.queue
    assert {"due": 1, "effects": {"politics.reconciliation": 3}, "cause": "later:opening.go"} in game.queue
    game.apply(Continue())
    # quarter 1: the delayed effect lands with its cause; no card is left to draw
    assert game.quarter == 1 and game.phase == SUMMARY
    assert (1, "politics.reconciliation", 3, "later:opening.go") in game.meters.ledger
    game.apply(Continue())
    # quarter 2: the follow-up is on the table, though it is never drawn by chance
    assert game.quarter == 2 and game.phase == CARD and game.pending == ["sequel"]
    assert game.queue == []
    game.apply(Respond("sequel", "act"))
    assert (2, "mission.impartiality", 2, "card:sequel.act") in game.meters.ledger
    play_out(game)
    assert drawn(game) == [(0, "opening"), (2, "sequel")] and game.draws == {"opening": 1, "sequel": 1}


def test_the_other_answer_brings_no_follow_up(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path, CHAIN, NO_SECOND), 2)
    play_out(game, {"opening": "stay"})
    assert drawn(game) == [(0, "opening")] and game.queue == []
    assert not any(cause.startswith("later:") for *_x, cause in game.meters.ledger)


def test_answers_to_another_card_or_an_unknown_response_are_refused(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path, CHAIN, NO_SECOND), 2)
    to_the_field(game)
    before = game.to_dict()
    for action in (Respond("sequel", "act"), Respond("opening", "nope"), Continue()):
        with pytest.raises(Impossible):
            game.apply(action)
    assert game.to_dict() == before


# --- clauses' each_quarter effects ------------------------------------------------------------
EACH_QUARTER = ("        levers: {hr_monitoring: 40}", "        levers: {hr_monitoring: 40}\n        each_quarter: {buyin.mauritania: 2}")


def test_a_clause_in_force_adds_its_each_quarter_effects_every_quarter(tmp_path: Path) -> None:
    sc = make_lab(tmp_path, [], NO_SECOND, clauses_patch=EACH_QUARTER)
    assert sc.dimension("rights").option("standard").each_quarter == {"buyin.mauritania": 2}
    game = Game(sc, 4)
    play_out(game)
    mine = [(q, change) for q, name, change, cause in game.meters.ledger
            if name == "buyin.mauritania" and cause == "clause:rights.standard"]
    assert mine == [(q, 2) for q in range(4)]  # no rule of the model moves it with that cause
    other = Game(sc, 4)
    other.apply(Continue())
    other.apply(Choose("rights", "minimal"))
    play_out(other)
    assert not any(cause == "clause:rights.standard" for *_x, cause in other.meters.ledger)
    plain = Game(make_lab(tmp_path / "plain", [], NO_SECOND), 4)
    play_out(plain)
    assert not any(n == "buyin.mauritania" and cause.startswith("clause:") for _q, n, _c, cause in plain.meters.ledger)


# --- endings, played through the loop ---------------------------------------------------------
ENDING_CARDS = {
    "contributors_withdraw": "{mission.troops: -9000}",
    "agreement_collapse": "{politics.implementation: -100, commitment.government: -100, commitment.cma: -100, commitment.platform: -100}",
    "consent_withdrawn": "{mission.consent: -100}",
}


@pytest.mark.parametrize("ending", sorted(ENDING_CARDS))
def test_each_ending_is_reached_through_the_loop(tmp_path: Path, ending: str) -> None:
    sc = make_lab(tmp_path, [card("blow", responses=responding(ENDING_CARDS[ending]))], NO_CLOCK)
    game = Game(sc, 1)
    to_the_field(game)
    game.apply(Respond("blow", "act"))
    assert (game.phase, game.ending, game.quarter) == (END, ending, 0)
    assert game.journal[-1] == {"q": 0, "kind": "end", "ending": ending}
    with pytest.raises(Impossible):
        game.apply(Continue())
    # the other answer lets the mission go on
    spared = Game(sc, 1)
    to_the_field(spared)
    spared.apply(Respond("blow", "wait"))
    assert spared.phase == SUMMARY and spared.ending is None


def test_host_consent_is_checked_first(tmp_path: Path) -> None:
    both = "{mission.consent: -100, mission.troops: -9000}"
    game = Game(make_lab(tmp_path, [card("blow", responses=responding(both))], NO_SECOND), 1)
    to_the_field(game)
    game.apply(Respond("blow", "act"))
    assert game.ending == "consent_withdrawn"


def at_the_card(tmp_path: Path) -> Game:
    game = Game(make_lab(tmp_path, [card("pause")], NO_CLOCK), 1)
    to_the_field(game)
    assert game.phase == CARD
    return game


@pytest.mark.parametrize(("values", "ending"), [
    ({"mission.consent": "consent_floor"}, "consent_withdrawn"),
    ({"mission.consent": "consent_floor+1"}, None),
    ({"mission.troops": "troops_floor-1"}, "contributors_withdraw"),
    ({"mission.troops": "troops_floor"}, None),
    ({"politics.implementation": "agreement_floor", "commitment.government": "commitment_floor",
      "commitment.cma": "commitment_floor", "commitment.platform": "commitment_floor+2"}, "agreement_collapse"),
    ({"politics.implementation": "agreement_floor+1", "commitment.government": "commitment_floor",
      "commitment.cma": "commitment_floor", "commitment.platform": "commitment_floor"}, None),
    ({"politics.implementation": "agreement_floor", "commitment.government": "commitment_floor+1",
      "commitment.cma": "commitment_floor+1", "commitment.platform": "commitment_floor+1"}, None),
])
def test_the_endings_thresholds_to_the_point(tmp_path: Path, values: dict[str, str], ending: str | None) -> None:
    game = at_the_card(tmp_path)
    C = game.scenario.coefficients
    for name, expr in values.items():
        base, _, plus = expr.partition("+")
        base, _, minus = base.partition("-")
        game.meters.set(name, C[base] + int(plus or 0) - int(minus or 0), "test")
    game.apply(Respond("pause", "a"))
    assert game.ending == ending
    assert game.phase == (END if ending else SUMMARY)


def test_contributors_leaving_are_in_the_journal(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path, [card("blow", responses=responding("{mission.troops: -9000}"))], NO_SECOND), 1)
    to_the_field(game)
    game.apply(Respond("blow", "act"))
    assert game.ending == "contributors_withdraw"
    assert (0, "mission.troops", -9000, "card:blow.act") in game.meters.ledger


# --- outcomes, from the design's definitions --------------------------------------------------
def test_outcomes_cover_the_design(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path, [card(f"c{i}") for i in range(3)]), 7)
    play_out(game)
    assert game.ending == "scenario_end" and len(game.timeline) == 4
    tl, v = game.timeline, game.values
    harm = sum((7 * t["violence.mean"] + 3 * t["displacement.mean"]) // 10 for t in tl) // 4
    out = game.outcomes()
    assert set(out) == {"human_security", "implementation", "regional_ownership", "mission_safety", "council_unity", "cost"}
    assert out["human_security"] == 100 - harm
    assert out["implementation"] == v["politics.implementation"]
    assert out["regional_ownership"] == (v["regional.ownership"] + (v["buyin.au"] + v["buyin.ecowas"] + v["buyin.algeria"]) // 3) // 2
    assert out["mission_safety"] == sum(t["mission.safety"] for t in tl) // 4
    assert out["cost"] == game.cost_total == sum(t["mission.budget"] // 4 for t in tl)
    assert 70 <= out["council_unity"] <= 100  # one vote, 15-0


def test_an_early_end_is_scored_as_a_failure_not_a_saving(tmp_path: Path) -> None:
    sc = make_lab(tmp_path, [card("blow", responses=responding("{mission.troops: -9000}"))], NO_SECOND)
    game = Game(sc, 1)
    to_the_field(game)
    game.apply(Respond("blow", "act"))
    assert game.ending == "contributors_withdraw" and len(game.timeline) == 1
    [t] = game.timeline
    out = game.outcomes()
    harm = (7 * t["violence.mean"] + 3 * t["displacement.mean"]) // 10
    assert out["human_security"] == 100 - harm  # the three quarters lost count at the last harm seen
    assert out["mission_safety"] == t["mission.safety"] // 4  # ...and at zero safety
    assert out["cost"] == game.cost_total * 4  # ...and at the cost it was running at


# --- dates, years and levers ------------------------------------------------------------------
def test_cards_keep_to_their_months(tmp_path: Path) -> None:
    # the lab opens in June 2015; quarters fall in 2015-06, 2015-09, 2015-12, 2016-03
    cards = [card("late", extra="    once: false\n    from: 2015-09\n    until: 2015-12\n")]
    game = Game(make_lab(tmp_path, cards, NO_SECOND), 1)
    play_out(game)
    assert drawn(game) == [(1, "late"), (2, "late")]
    assert [game.scenario.start + 3 * q for q in (1, 2)] == [2015 * 12 + 8, 2015 * 12 + 11]


def test_a_trade_counts_only_the_objections_of_the_vote_s_year(tmp_path: Path) -> None:
    dated = {"lab-e1": member_yaml("lab-e1", False, base=3, preferences="""
  - option: rights.public-reporting
    weight: -3
    from: 2015
    until: 2015
    why: {en: intrusive this year, fr: intrusif cette année}
  - option: rights.public-reporting
    weight: -2
    from: 2016
    why: {en: intrusive later, fr: intrusif plus tard}""")}
    game = Game(make_lab(tmp_path, members=dated), 1)
    game.apply(Continue())
    game.apply(Choose("rights", "public-reporting"))
    game.apply(Continue())
    assert game.trade_cost("lab-e1", "rights") == 3  # June 2015: the 2015 objection, not the later one
    assert score(game, "lab-e1") == 0


def test_levers_add_up_within_0_to_100_and_name_their_strongest_clause(tmp_path: Path) -> None:
    patch = ("        levers: {hr_monitoring: 80}", "        levers: {hr_monitoring: 80, robust: 70}")
    game = Game(make_lab(tmp_path, clauses_patch=patch), 1)
    robust = game.scenario.dimension("posture").option("robust").levers["robust"]
    draft = dict(game.draft) | {"posture": "robust", "rights": "public-reporting"}
    levers, cause = game.levers_for(draft, {})
    assert robust + 70 > 100 and levers["robust"] == 100
    assert cause["robust"] == ("clause:rights.public-reporting" if 70 >= robust else "clause:posture.robust")
    softened, _ = game.levers_for(draft, {"rights": "lab-e1"})
    assert softened["robust"] == min(100, LEVER_DEFAULTS.get("robust", 0) + robust + 35)


def test_a_preview_looks_a_year_ahead(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path), 1)
    game.apply(Continue())
    change = game.preview_option("posture", "robust")
    assert change and change == game.preview_option("posture", "robust", quarters=4)
    assert change != game.preview_option("posture", "robust", quarters=1)
    assert game.preview_option("posture", game.scenario.current_mandate["posture"]) == {}


def test_the_timeline_keeps_the_mean_displacement(tmp_path: Path) -> None:
    from game.engine.world import REGIONS

    game = Game(make_lab(tmp_path, [card("c0")]), 7)
    play_out(game)
    v = game.values
    assert game.timeline[-1]["displacement.mean"] == sum(v[f"displacement.{r}"] for r in REGIONS) // len(REGIONS)
    assert game.timeline[-1]["displacement.mean"] > 0


def test_a_save_from_before_unity_by_conviction_counts_the_votes(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path, members=seated(9)), 1)
    to_the_field(game)
    data = game.to_dict()
    for vote in data["votes"]:
        del vote["unity"]
    old = Game.from_dict(game.scenario, data)
    assert old.votes[-1].unity_at_vote() == council.unity(old.votes[-1].votes) == (9 * 100 + 6 * 50) // 15


def test_a_preview_counts_the_option_s_each_quarter_effects(tmp_path: Path) -> None:
    patch = ("        levers: {hr_monitoring: 5}", "        levers: {hr_monitoring: 5}\n        each_quarter: {mission.budget: 40}")
    plain = Game(make_lab(tmp_path / "plain"), 1)
    patched = Game(make_lab(tmp_path / "patched", clauses_patch=patch), 1)
    for g in (plain, patched):
        g.apply(Continue())
    before = plain.preview_option("rights", "minimal").get("mission.budget", 0)
    assert patched.preview_option("rights", "minimal").get("mission.budget", 0) > before


def test_negative_levers_stop_at_zero(tmp_path: Path) -> None:
    patch = ("        levers: {hr_monitoring: 5}", "        levers: {hr_monitoring: 5, robust: -90}")
    game = Game(make_lab(tmp_path, clauses_patch=patch), 1)
    levers, _ = game.levers_for(dict(game.draft) | {"rights": "minimal"}, {})
    assert levers["robust"] == 0


def test_council_unity_is_the_mean_over_the_game_s_votes(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path, members=seated(9), years=2), 1)
    play_out(game)
    assert len(game.votes) == 2 and game.ending == "scenario_end"
    at_votes = [r.unity_at_vote() for r in game.votes]
    assert game.outcomes()["council_unity"] == sum(at_votes) // 2
    assert 0 < game.outcomes()["council_unity"] <= 100
