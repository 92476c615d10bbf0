"""The game's own bookkeeping, aimed at what the mutation run (benchmarks/mutation.py) showed
untested in ``game/engine/game.py``: which mandate year and which Council a quarter belongs to,
the levers a clause sets outright, the first renewal's capital, a vote's unity when it is zero or
unknown, the stances the players see, a second card's and a follow-up's roll at its very edge
(per mille, per cent), which saves load and what a damaged one's message quotes, and which
decision a replay names."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import pytest
from lab import card, drawn, make_lab, play_out, to_the_field

from game.content.loader import levels_root, load_scenario
from game.engine import council, rules
from game.engine.actions import CallVote, Choose, Continue, Respond
from game.engine.defs import Scenario
from game.engine.game import BRIEFING, CARD, Game, VoteResult, replay
from game.engine.ledger import Meters
from game.engine.luck import Luck


@pytest.fixture(scope="module")
def consent() -> Scenario:
    """Two mandate years, June 2021 to June 2023, and the Council changing in January 2022."""
    loaded = load_scenario(levels_root() / "consent").scenario
    assert loaded is not None
    return loaded


def test_a_mandate_year_is_four_quarters_and_the_last_stays_current(consent: Scenario) -> None:
    game = Game(consent, 1)
    assert consent.years == 2
    seen = {}
    for quarter in (0, 3, 4, 7, 8, 11):
        game.quarter = quarter
        seen[quarter] = game.mandate
    assert seen == {0: 1, 3: 1, 4: 2, 7: 2, 8: 2, 11: 2}


def test_the_council_seated_is_the_one_of_the_vote_s_calendar_year(consent: Scenario) -> None:
    # Estonia sat on the Council in 2020-2021, Albania in 2022-2023 (the scenario's seats).
    game = Game(consent, 1)
    assert game.date // 12 == 2021
    first = {m.id for m in game.council}
    assert "estonia" in first and "albania" not in first
    game.quarter = 3  # March 2022
    second = {m.id for m in game.council}
    assert "albania" in second and "estonia" not in second
    assert len(first) == len(second) == 15


def test_a_count_lever_is_set_outright_never_clamped_nor_halved(consent: Scenario) -> None:
    game = Game(consent, 1)
    draft = dict(game.draft) | {"troops": "raise", "duration": "six-months"}
    ceiling = consent.dimension("troops").option("raise").levers["troop_ceiling"]
    duration = consent.dimension("duration").option("six-months").levers["duration"]
    assert ceiling > 100  # a number of troops, not a 0-100 push
    for softened in ({}, {"troops": "china", "duration": "china"}):
        levers, cause = game.levers_for(draft, softened)
        assert levers["troop_ceiling"] == ceiling
        assert levers["duration"] == duration
        assert cause["troop_ceiling"] == "clause:troops.raise"


def test_two_clauses_pushing_one_lever_add_up(tmp_path: Path) -> None:
    patch = ("        levers: {hr_monitoring: 80}", "        levers: {hr_monitoring: 80, robust: 10}")
    game = Game(make_lab(tmp_path, clauses_patch=patch), 1)
    traditional = dict(game.draft) | {"posture": "traditional", "rights": "minimal"}
    reporting = traditional | {"rights": "public-reporting"}
    alone, _ = game.levers_for(traditional, {})
    both, _ = game.levers_for(reporting, {})
    assert both["robust"] == min(100, alone["robust"] + 10)
    assert both["hr_monitoring"] > alone["hr_monitoring"]


def test_the_first_renewal_s_capital_is_a_fresh_allowance(tmp_path: Path) -> None:
    # Carry all unspent capital and give standing no weight: the first renewal must still bring
    # the allowance alone, whatever capital the scenario's starting state names.
    coefficients = {"capital_carry": 100, "standing_capital": 0}
    sc = make_lab(tmp_path, coefficients=coefficients)
    game = Game(sc, 1)
    assert game.values["council.capital"] == sc.coefficients["capital_per_mandate"]


def test_a_vote_without_its_unity_counts_its_votes_and_a_unity_of_zero_is_kept() -> None:
    votes = {"a": council.YES, "b": council.ABSTAIN, "c": council.NO}
    counted = council.unity(votes)
    assert counted > 0
    assert VoteResult(0, votes, False, {}).unity_at_vote() == counted  # a save from before unity
    assert VoteResult(0, votes, False, {}, 0).unity_at_vote() == 0  # a Council that held nothing
    assert VoteResult(0, votes, False, {}, 1).unity_at_vote() == 1


def test_the_stances_shown_are_one_per_seated_member_and_follow_the_draft(consent: Scenario) -> None:
    game = Game(consent, 1)
    game.apply(Continue())
    before = game.predict()
    assert [s.member for s in before] == [m.id for m in game.council]
    assert game.predict() == before  # asked again, nothing changed: the same answer
    game.apply(Choose("force", "mission"))
    cast = game.vote_stances()  # the vote reads the new draft, not the stances shown before it
    after = game.predict()
    assert [s.score for s in after] != [s.score for s in before]
    assert [(s.member, s.score, s.vote) for s in cast] == [(s.member, s.score, s.vote) for s in after]
    assert game.vote_stances() == after


def test_a_save_of_this_format_loads_and_another_format_is_refused(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path), 1)
    to_the_field(game)
    data = game.to_dict()
    # Saves already on players' disks say format 1: they must keep loading.
    assert Game.from_dict(game.scenario, data | {"format": 1}).to_dict() == data
    for other in (0, 2):
        with pytest.raises(ValueError, match="unknown save format"):
            Game.from_dict(game.scenario, data | {"format": other})


def test_a_clause_that_sets_a_lever_to_nothing_is_still_its_cause(consent: Scenario) -> None:
    # A Mali-only frame puts the regional frame at 0: "why?" names that choice, not a rule.
    game = Game(consent, 1)
    draft = dict(game.draft) | {"frame": "mali-only", "partnership": "none", "force": "nobody"}
    assert consent.dimension("frame").option("mali-only").levers["regional_frame"] == 0
    levers, cause = game.levers_for(draft, {})
    assert levers["regional_frame"] == 0 and cause["regional_frame"] == "clause:frame.mali-only"


def test_a_lever_two_clauses_add_to_is_theirs_in_the_shares_they_add(consent: Scenario) -> None:
    # A robust posture (60) and a mission force (10) both make the mission robust: what the
    # robustness costs impartiality is six sevenths the posture's, one seventh the force's.
    game = Game(consent, 1)
    draft = dict(game.draft) | {"posture": "robust", "force": "mission"}
    levers, cause = game.levers_for(draft, {})
    shares = game.lever_shares(draft, {})
    assert levers["robust"] == 70 and cause["robust"] == "clause:posture.robust"
    assert shares["robust"] == (("clause:posture.robust", 60), ("clause:force.mission", 10))
    assert "duration" not in shares and "troop_ceiling" not in shares  # set outright, never shared
    plan = rules.prepare(dict(consent.coefficients) | {"robust_impartiality": 100, "force_impartiality": 0},
                         consent.footprint, consent.deployment)
    meters = Meters(dict(game.values) | {"mission.impartiality": 100}, game.meters.ranges)
    rules.commitment(rules.Quarter(meters, levers, cause, plan, None, shares))
    lost = {c: n for _q, name, n, c in meters.ledger if name == "mission.impartiality" and n < 0}
    assert lost == {"clause:posture.robust": -60, "clause:force.mission": -10}
    # without the shares (a preview's), the strongest clause answers for it all, as before
    meters = Meters(dict(game.values) | {"mission.impartiality": 100}, game.meters.ranges)
    rules.commitment(rules.Quarter(meters, levers, cause, plan, None))
    assert {c for _q, name, n, c in meters.ledger if name == "mission.impartiality" and n < 0} == {"clause:posture.robust"}


def test_a_one_quarter_mandate_comes_back_after_one_quarter(tmp_path: Path) -> None:
    patch = ("        levers: {duration: 2}", "        levers: {duration: 1}")
    game = Game(make_lab(tmp_path, clauses_patch=patch), 1)
    game.apply(Continue())
    game.apply(Choose("duration", "six-months"))
    game.apply(Continue())
    game.apply(CallVote())
    assert game.votes[-1].adopted and game.mandate_left == 1
    game.apply(Continue())  # the first quarter
    while game.phase == CARD:
        card = game.card
        assert card is not None
        game.apply(Respond(card.id, card.responses[0].id))
    game.apply(Continue())  # its summary: the renewal is due already
    assert (game.phase, game.quarter) == (BRIEFING, 1)


def test_a_second_card_comes_about_as_often_as_its_chance_says(tmp_path: Path) -> None:
    cards = [card(f"c{i}") for i in range(40)]
    game = Game(make_lab(tmp_path, cards, {"second_card_chance": 500}, years=4), 3)
    play_out(game)
    per_quarter = Counter(q for q, _c in drawn(game))
    assert len(per_quarter) == 16
    doubles = sum(1 for n in per_quarter.values() if n == 2)
    assert 2 <= doubles <= 14  # one quarter in two, give or take luck (16 quarters)


def test_a_second_card_comes_when_the_roll_in_per_mille_is_under_the_chance(tmp_path: Path) -> None:
    # The first field quarter's roll, read from the luck itself: a seed whose roll sits just under a
    # whole per mille, closer to it than a thousandth of itself, so that counting per 1001 would differ.
    def roll(seed: int) -> float:
        return Luck(seed).draw(0, "second_card") * 1000

    seed = next(s for s in range(1, 10_000) if 100 < roll(s) < 999 and math.ceil(roll(s)) - roll(s) < roll(s) / 1000)
    above, below = math.ceil(roll(seed)), math.floor(roll(seed))
    cards = [card(f"c{i}") for i in range(4)]
    for chance, count in ((above, 2), (below, 1)):
        game = Game(make_lab(tmp_path / str(chance), cards, {"second_card_chance": chance}), seed)
        to_the_field(game)
        assert game.quarter == 0
        assert len(game.pending) == count, (seed, roll(seed), chance)


def _sequel_share(tmp_path: Path, chance: int, seeds: int) -> int:
    """In how many of ``seeds`` games the follow-up of an accepted offer comes, a quarter later."""
    follow = f"[{{card: sequel, after: 1, chance: {chance}}}]"
    offer = card("offer", responses=f"""
      - {{id: act, label: {{en: Act, fr: Agir}}, why: {{en: a, fr: a}}, follow_up: {follow}}}
      - {{id: wait, label: {{en: Wait, fr: Attendre}}, why: {{en: w, fr: w}}}}""")
    sequel = card("sequel", extra="    follow_up_only: true\n")
    sc = make_lab(tmp_path / str(chance), [offer, sequel], {"second_card_chance": 0})
    came = 0
    for seed in range(1, seeds + 1):
        game = Game(sc, seed)
        to_the_field(game)
        game.apply(Respond("offer", "act"))
        game.apply(Continue())
        came += "sequel" in game.pending
    return came


def test_a_follow_up_comes_when_its_roll_in_per_cent_is_under_its_chance(tmp_path: Path) -> None:
    # The sequel's roll in the quarter it is due (the next one), read from the luck itself: a seed
    # whose roll sits just under a whole per cent, closer to it than a hundredth of itself.
    def roll(seed: int) -> float:
        return Luck(seed).draw(1, "follow_up:sequel") * 100

    seed = next(s for s in range(1, 10_000) if 20 < roll(s) < 98 and math.ceil(roll(s)) - roll(s) < roll(s) / 100)
    for chance, comes in ((math.ceil(roll(seed)), True), (math.floor(roll(seed)), False)):
        follow = f"[{{card: sequel, after: 1, chance: {chance}}}]"
        offer = card("offer", responses=f"""
      - {{id: act, label: {{en: Act, fr: Agir}}, why: {{en: a, fr: a}}, follow_up: {follow}}}
      - {{id: wait, label: {{en: Wait, fr: Attendre}}, why: {{en: w, fr: w}}}}""")
        sequel = card("sequel", extra="    follow_up_only: true\n")
        game = Game(make_lab(tmp_path / str(chance), [offer, sequel], {"second_card_chance": 0}), seed)
        to_the_field(game)
        game.apply(Respond("offer", "act"))
        game.apply(Continue())
        assert game.quarter == 1
        assert ("sequel" in game.pending) == comes, (seed, roll(seed), chance)


def test_a_follow_up_with_a_chance_comes_in_about_that_share_of_games(tmp_path: Path) -> None:
    assert _sequel_share(tmp_path, 100, 10) == 10
    assert 6 <= _sequel_share(tmp_path, 40, 40) <= 28  # about 16 of 40


@pytest.mark.parametrize(("quarters", "short"), [(2, True), (3, False)])
def test_only_a_renewal_after_six_months_or_less_brings_less_capital(tmp_path: Path, quarters: int, short: bool) -> None:
    patch = ("        levers: {duration: 2}", f"        levers: {{duration: {quarters}}}")
    coefficients = {"capital_carry": 0, "standing_capital": 0, "short_mandate_capital": 50, "second_card_chance": 0}
    game = Game(make_lab(tmp_path, clauses_patch=patch, coefficients=coefficients), 1)
    game.apply(Continue())
    game.apply(Choose("duration", "six-months"))
    game.apply(Continue())
    game.apply(CallVote())
    while game.phase != BRIEFING:
        if game.phase == CARD:
            c = game.card
            assert c is not None
            game.apply(Respond(c.id, c.responses[0].id))
        else:
            game.apply(Continue())
    assert game.quarter == quarters
    allowance = game.scenario.coefficients["capital_per_mandate"]
    assert game.values["council.capital"] == (rules.pct(allowance, 50) if short else allowance)


def test_before_any_quarter_the_outcomes_read_the_present_violence_and_no_displacement(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path), 1)
    assert game.timeline == []
    game.meters.values["violence.mean"] = 4
    assert game.outcomes()["human_security"] == 100 - 28 // 10  # 70 % of the mean violence, rounded down


def test_a_save_in_an_unknown_phase_is_refused(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path), 1)
    data = game.to_dict()
    for phase in ("nowhere", 3):
        with pytest.raises(ValueError, match="unknown phase"):
            Game.from_dict(game.scenario, data | {"phase": phase})


def test_a_damaged_save_s_message_quotes_only_the_start_of_what_it_names(tmp_path: Path) -> None:
    # A hostile or broken save must not flood the message shown to the player.
    game = Game(make_lab(tmp_path), 1)
    data = game.to_dict()
    with pytest.raises(ValueError) as phase:
        Game.from_dict(game.scenario, data | {"phase": "p" * 39 + "q" * 30})
    assert str(phase.value) == "unknown phase '" + "p" * 39 + "q'"
    with pytest.raises(ValueError) as clause:
        Game.from_dict(game.scenario, data | {"draft": data["draft"] | {"d" * 39 + "e" * 30: "robust"}})
    assert str(clause.value).endswith("no longer has: " + "d" * 39 + "e")
    with pytest.raises(ValueError) as length:
        Game.from_dict(game.scenario, data | {"length": "l" * 19 + "m" * 30})
    assert str(length.value).startswith("this save was made at the '" + "l" * 19 + "m' length")


def test_a_replay_names_the_first_decision_that_no_longer_fits_counting_from_one(tmp_path: Path) -> None:
    bad = {"do": "respond", "card": "nope", "response": "x"}
    decisions = [Continue().to_dict(), Continue().to_dict(), bad]
    with pytest.raises(ValueError, match=r"^decision 3 \("):
        replay(make_lab(tmp_path), 1, decisions)


def test_a_save_naming_an_option_or_a_clause_the_scenario_lacks_is_refused(tmp_path: Path) -> None:
    game = Game(make_lab(tmp_path), 1)
    data = game.to_dict()
    for draft in (data["draft"] | {"posture": "gone"}, data["draft"] | {"gone": "robust"}):
        with pytest.raises(ValueError, match="no longer has"):
            Game.from_dict(game.scenario, data | {"draft": draft})
