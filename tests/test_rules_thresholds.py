"""Rules to the point, aimed at what the mutation run (benchmarks/mutation.py) showed untested in
``game/engine/rules.py``: the endings' thresholds and the agreement's clock, the renewal's capital,
and sections whose direction or cause no other test pinned down. Figures come from the
coefficients' documented meaning (levels/common/model.yaml), read from the scenario, so the tests
hold whatever their values."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from fractions import Fraction

import pytest

from game.content.loader import levels_root, load_scenario
from game.engine import rules
from game.engine.defs import Scenario
from game.engine.game import Game
from game.engine.ledger import Meters
from game.engine.world import REGIONS


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    loaded = load_scenario(levels_root() / "tutorial").scenario
    assert loaded is not None
    return loaded


def _collapsing(scenario: Scenario) -> dict[str, int]:
    """A state at the agreement's floors: implementation and every commitment just at them."""
    C = scenario.coefficients
    values = dict(Game(scenario, 1).values)
    values |= {"mission.consent": C["consent_floor"] + 10, "mission.troops": C["troops_floor"] + 100,
               "politics.implementation": C["agreement_floor"]}
    for s in ("government", "cma", "platform"):
        values[f"commitment.{s}"] = C["commitment_floor"]
    return values


def test_the_agreement_collapses_at_its_floors_and_not_above(scenario: Scenario) -> None:
    C = scenario.coefficients
    values = _collapsing(scenario)
    assert rules.ending(values, C) == "agreement_collapse"
    assert rules.ending(values | {"politics.implementation": C["agreement_floor"] + 1}, C) is None
    assert rules.ending(values | {"commitment.government": C["commitment_floor"] + 3}, C) is None


def test_the_agreement_cannot_collapse_before_the_record_s_month(scenario: Scenario) -> None:
    C = scenario.coefficients
    values = _collapsing(scenario)
    year, month = divmod(C["collapse_from"], 100)
    assert 1 <= month <= 12
    at = year * 12 + month - 1  # the game's month index of collapse_from
    assert rules.ending(values, C, at) == "agreement_collapse"
    assert rules.ending(values, C, at - 1) is None
    assert rules.ending(values, C, at - 12) is None  # the same month a year before
    assert rules.ending(values, C, at + 1) == "agreement_collapse"
    assert rules.ending(values, C, (year + 1) * 12) == "agreement_collapse"  # January after
    assert rules.ending(values, C, None) == "agreement_collapse"  # no clock


def test_consent_is_checked_before_the_troops_and_the_agreement(scenario: Scenario) -> None:
    C = scenario.coefficients
    values = _collapsing(scenario) | {"mission.consent": C["consent_floor"], "mission.troops": C["troops_floor"] - 1}
    assert rules.ending(values, C) == "consent_withdrawn"
    assert rules.ending(values | {"mission.consent": C["consent_floor"] + 1}, C) == "contributors_withdraw"


def test_the_renewal_capital_grows_with_standing_carries_part_and_shrinks_when_short(scenario: Scenario) -> None:
    C = dict(scenario.coefficients) | {"capital_per_mandate": 10, "standing_capital": 20, "capital_carry": 50,
                                        "short_mandate_capital": 50}
    fresh = {"council.standing": 50, "council.capital": 0}
    assert rules.renewal_capital(fresh, C, False) == 10
    assert rules.renewal_capital(fresh | {"council.standing": 100}, C, False) == 20
    assert rules.renewal_capital(fresh | {"council.standing": 0}, C, False) == 0
    assert rules.renewal_capital(fresh | {"council.standing": 0}, C | {"standing_capital": 100}, False) == 0  # never below
    assert rules.renewal_capital(fresh | {"council.capital": 8}, C, False) == 14
    assert rules.renewal_capital(fresh | {"council.capital": 8}, C, True) == 7


# --- sections, each run alone (as in test_rules_sections.py), with coefficients we choose --------

def run_with(scenario: Scenario, section: Callable[[rules.Quarter], None], values: Mapping[str, int] | None = None,
             levers: Mapping[str, int] | None = None, coefficients: Mapping[str, int] | None = None,
             luck: object = None, before: tuple[Callable[[rules.Quarter], None], ...] = (),
             deployment: Mapping[str, int] | None = None) -> dict[tuple[str, str], int]:
    """Changes (quantity, cause) -> total from one section (after ``before``), the scenario's
    coefficients (and deployment weights) overridden."""
    game = Game(scenario, 1)
    plan = rules.prepare(dict(scenario.coefficients) | dict(coefficients or {}), scenario.footprint,
                         scenario.deployment if deployment is None else deployment)
    meters = Meters(dict(game.values) | dict(values or {}), game.meters.ranges)
    lever_cause = {name: f"clause:test.{name}" for name in (levers or {})}
    q = rules.Quarter(meters, dict(levers or {}), lever_cause, plan, luck)  # type: ignore[arg-type]
    for earlier in before:
        earlier(q)
    mark = len(meters.ledger)
    section(q)
    out: dict[tuple[str, str], int] = {}
    for _quarter, name, change, cause in meters.ledger[mark:]:
        out[(name, cause)] = out.get((name, cause), 0) + change
    return out


EMPTY = {f"mission_presence.{r}": 0 for r in REGIONS}


def test_presence_follows_the_deployment_weights_and_a_centre_priority_moves_them(scenario: Scenario) -> None:
    # A seventh of full presence spread by the weights (levels/common/model.yaml: deployment) puts
    # each region's target at its weight in %; presence_follow 100 closes the whole gap at once.
    assert sum(scenario.deployment.values()) == 100
    # (presence_knee 100: the hard cap, so that targets are the weights themselves; the knee's own
    # test is below)
    C = {"troops_full_presence": 7000, "presence_follow": 100, "centre_shift": 50, "presence_knee": 100}
    state = EMPTY | {"mission.troops": 1000}
    plain = run_with(scenario, rules.deployment, state, {"troop_ceiling": 1000}, C)
    for region, weight in scenario.deployment.items():
        assert plain.get((f"mission_presence.{region}", "rule:presence"), 0) == weight
    centred = run_with(scenario, rules.deployment, state, {"troop_ceiling": 1000, "centre_focus": 100}, C)
    assert centred[("mission_presence.kidal", "rule:presence")] == rules.pct(scenario.deployment["kidal"], 50)
    for region in ("mopti", "segou"):  # half the deployment moves to the centre, shared by its two regions
        # the troops alone would bring the region's weight; the 25 more are the priority's
        assert centred[(f"mission_presence.{region}", "rule:presence")] == scenario.deployment[region]
        assert centred[(f"mission_presence.{region}", "clause:test.centre_focus")] == 25
    # where presence stood at the weights already, the centre's priority answers for the others' fall
    settled = EMPTY | {"mission.troops": 1000} | {f"mission_presence.{r}": w for r, w in scenario.deployment.items()}
    moved = run_with(scenario, rules.deployment, settled, {"troop_ceiling": 1000, "centre_focus": 100}, C)
    assert moved[("mission_presence.kidal", "clause:test.centre_focus")] == rules.pct(scenario.deployment["kidal"], 50) - scenario.deployment["kidal"]
    assert ("mission_presence.kidal", "rule:presence") not in moved
    # closing part of the gap, up and down; never above full presence
    half = run_with(scenario, rules.deployment, EMPTY | {"mission.troops": 20_000}, {}, C | {"presence_follow": 50})
    assert half[("mission_presence.kidal", "rule:presence")] == 50
    full = {f"mission_presence.{r}": 100 for r in REGIONS}
    leaving = run_with(scenario, rules.deployment, full | {"mission.troops": 0}, {}, C | {"presence_follow": 50})
    assert leaving[("mission_presence.kidal", "rule:presence")] == -50


MIDDLING = {f"buyin.{a}": 50 for a in ("au", "ecowas", "algeria", "france", "chad", "niger", "burkina_faso", "mauritania")}


def test_a_sahel_frame_draws_the_region_in_and_a_mali_only_frame_sidelines_it(scenario: Scenario) -> None:
    C = scenario.coefficients
    framed = run_with(scenario, rules.regional, MIDDLING, {"regional_frame": 100})
    alone = run_with(scenario, rules.regional, MIDDLING, {})
    for actor in ("au", "ecowas", "algeria", "niger"):
        assert framed[(f"buyin.{actor}", "clause:test.regional_frame")] == C["buyin_frame_gain"]
        assert (f"buyin.{actor}", "rule:sidelined") not in framed
        assert alone[(f"buyin.{actor}", "rule:sidelined")] == -C["buyin_sidelined"]
    assert not any(name == "buyin.france" for name, _cause in framed)  # France answers to its own force


def test_algeria_is_wary_of_a_sahel_frame_joined_to_an_outside_force(scenario: Scenario) -> None:
    C = scenario.coefficients
    for outside in ("parallel_force", "regional_force", "g5_support"):
        wary = run_with(scenario, rules.regional, MIDDLING, {"regional_frame": 100, outside: 100})
        # a product of the two clauses: each answers for half of the wariness
        w = C["algeria_wariness"]
        assert wary[("buyin.algeria", "clause:test.regional_frame")] == C["buyin_frame_gain"] - (w - w // 2)
        assert wary.get(("buyin.algeria", f"clause:test.{outside}"), 0) == -(w // 2)
        assert wary[("buyin.au", "clause:test.regional_frame")] == C["buyin_frame_gain"]
    stake = run_with(scenario, rules.regional, MIDDLING, {"agreement_focus": 100})
    assert stake[("buyin.algeria", "clause:test.agreement_focus")] == C["mediator_stake"]
    aside = run_with(scenario, rules.regional, MIDDLING, {"regional_frame": 100}, {"mediator_stake": 100})
    assert aside[("buyin.algeria", "clause:test.regional_frame")] == C["buyin_frame_gain"]  # no stake without the agreement
    assert ("buyin.au", "clause:test.agreement_focus") not in stake


def test_a_handover_builds_the_bodies_capacity_and_ownership_and_costs_france(scenario: Scenario) -> None:
    C = scenario.coefficients
    state = MIDDLING | {"buyin.au": 80, "buyin.ecowas": 80, "regional.capacity": 50, "regional.ownership": 50}
    bare = run_with(scenario, rules.regional, state, {"handover": 100})
    backed = run_with(scenario, rules.regional, state, {"handover": 100, "outside_support": 100})
    assert bare[("buyin.au", "clause:test.handover")] == C["buyin_handover_gain"]
    assert ("buyin.algeria", "clause:test.handover") not in bare  # a mediator, not a body taking over
    assert bare[("buyin.france", "clause:test.handover")] == -C["france_sidelined"]
    # the bodies build as much as they are bought in (80 %), half as fast without outside support
    assert bare[("regional.capacity", "clause:test.handover")] == rules.part(C["capacity_growth"], 50, 80)
    assert backed[("regional.capacity", "clause:test.handover")] == rules.pct(C["capacity_growth"], 80)
    assert bare[("regional.ownership", "clause:test.handover")] == C["ownership_gain"]
    none = run_with(scenario, rules.regional, state, {})
    assert none[("regional.capacity", "rule:capacity_drift")] == -C["capacity_decay"]
    assert none[("regional.ownership", "rule:ownership_drift")] == -C["ownership_decay"]
    france = run_with(scenario, rules.regional, state, {"parallel_force": 100})
    assert france[("buyin.france", "clause:test.parallel_force")] == C["france_parallel_gain"]
    half_frame = run_with(scenario, rules.regional, state, {"regional_frame": 50})
    assert ("regional.ownership", "rule:ownership_drift") not in half_frame  # a frame half Sahel-wide holds it


def test_two_strong_jihadist_groups_fall_out_and_open_war_wears_both(scenario: Scenario) -> None:
    C = {"rivalry_drift": 8, "rivalry_attrition": 6}
    # no other feud: the signatories at peace with both groups
    calm = {f"relation.{a}.{b}": 0 for a in ("cma", "platform") for b in ("jnim", "isgs")}
    strong = calm | {"strength.jnim": 100, "strength.isgs": 100}
    at_peace = run_with(scenario, rules.rivalry, strong | {"relation.jnim.isgs": 0}, {}, C)
    assert at_peace[("relation.jnim.isgs", "rule:rivalry")] == -8
    assert ("strength.jnim", "rule:rivalry") not in at_peace  # no war yet: nobody worn down
    bitter = run_with(scenario, rules.rivalry, strong | {"relation.jnim.isgs": -50}, {}, C)
    assert bitter[("relation.jnim.isgs", "rule:rivalry")] == -4  # half as fast, half way to open war
    weak = run_with(scenario, rules.rivalry, calm | {"strength.jnim": 50, "strength.isgs": 50, "relation.jnim.isgs": 0}, {}, C)
    assert weak[("relation.jnim.isgs", "rule:rivalry")] == -2
    war = run_with(scenario, rules.rivalry, calm | {"strength.jnim": 50, "strength.isgs": 50, "relation.jnim.isgs": -100}, {}, C)
    assert war[("strength.jnim", "rule:rivalry")] == war[("strength.isgs", "rule:rivalry")] == -6


def test_contributors_leave_when_a_quarter_kills_more_than_they_bear(scenario: Scenario) -> None:
    quiet = {f"violence.{r}": 0 for r in REGIONS} | EMPTY
    state = quiet | {"violence.gao": 100, "mission_presence.gao": 50, "mission.casualties": 0, "mission.troops": 10_000}
    C = {"casualty_rate": 10, "robust_casualty": 0, "tcc_threshold": 2, "toll_fatigue": 10, "tcc_withdrawal": 100}
    changes = run_with(scenario, rules.casualties, state, {}, C)  # 50 exposed x 10 / 100: five killed
    assert changes[("mission.casualties", "rule:casualties")] == 5
    assert changes[("mission.troops", "rule:contributors_leave")] == -300
    tired = run_with(scenario, rules.casualties, state | {"mission.casualties": 10}, {}, C)
    assert tired[("mission.troops", "rule:contributors_leave")] == -400  # ten dead already: they bear one fewer
    spent = run_with(scenario, rules.casualties, state | {"mission.casualties": 100}, {}, C)
    assert spent[("mission.troops", "rule:contributors_leave")] == -400  # and always bear at least one
    borne = run_with(scenario, rules.casualties, state, {}, C | {"tcc_threshold": 5})
    assert ("mission.troops", "rule:contributors_leave") not in borne
    # The posture answers for the deaths its extra rate adds, and only those: at half robustness
    # and a robust rate of 10, the rate is 15 — 7 killed, 2 of them the posture's, 5 the exposure's.
    robust = run_with(scenario, rules.casualties, state, {"robust": 50}, C | {"robust_casualty": 10})
    assert robust[("mission.casualties", "clause:test.robust")] == 2
    assert robust[("mission.casualties", "rule:casualties")] == 5
    free = run_with(scenario, rules.casualties, state, {"robust": 50}, C)  # a posture that adds no risk
    assert ("mission.casualties", "clause:test.robust") not in free


def test_a_six_month_mandate_tightens_the_grip_and_costs_consent(scenario: Scenario) -> None:
    C = scenario.coefficients
    short = run_with(scenario, rules.politics, {"mission.consent": 60, "politics.will": 50}, {"duration": 2})
    year = run_with(scenario, rules.politics, {"mission.consent": 60, "politics.will": 50}, {"duration": 4})
    assert short[("mission.consent", "clause:test.duration")] == -C["short_mandate_consent"]
    assert short[("politics.will", "clause:test.duration")] == C["short_mandate_will"]
    assert short[("politics.implementation", "clause:test.duration")] == C["short_mandate_impl"]
    assert not any(cause == "clause:test.duration" for _name, cause in year)


def test_what_the_parties_walk_away_from_unravels(scenario: Scenario) -> None:
    C = scenario.coefficients
    base = {"politics.implementation": 50}
    gone = run_with(scenario, rules.politics, base | {f"commitment.{s}": 0 for s in ("government", "cma", "platform")})
    assert gone[("politics.implementation", "rule:abandonment")] == -C["abandonment"]
    quarter = run_with(scenario, rules.politics, base | {f"commitment.{s}": 25 for s in ("government", "cma", "platform")})
    assert quarter[("politics.implementation", "rule:abandonment")] == -rules.pct(C["abandonment"], 50)
    held = run_with(scenario, rules.politics, base | {f"commitment.{s}": 50 for s in ("government", "cma", "platform")})
    assert ("politics.implementation", "rule:abandonment") not in held


def test_insecurity_erodes_consent_only_above_half_violence(scenario: Scenario) -> None:
    C = scenario.coefficients
    violent = run_with(scenario, rules.politics, {f"violence.{r}": 75 for r in REGIONS} | {"mission.consent": 60})
    assert violent[("mission.consent", "rule:insecurity")] == -rules.pct(C["insecurity_consent"], 50)
    middling = run_with(scenario, rules.politics, {f"violence.{r}": 50 for r in REGIONS} | {"mission.consent": 60})
    assert ("mission.consent", "rule:insecurity") not in middling


class _Always:
    """A luck whose every draw is 0: whatever has a chance happens."""

    def draw(self, quarter: int, purpose: str, n: int = 0) -> float:
        return 0.0


def test_a_defection_breaks_with_bamako_and_reopens_a_feud_only_as_deep_as_it_runs(scenario: Scenario) -> None:
    C = {"defection_shock": 40, "defection_commitment": 10, "truce_hold": 50}
    state = {"commitment.cma": 20, "commitment.platform": 60, "relation.government.cma": 0,
             "relation.cma.platform": -60, "relation.cma.jnim": 0, "relation.government.platform": 0}
    changes = run_with(scenario, rules.alliances, state, {}, C, luck=_Always())
    assert changes[("relation.government.cma", "rule:defection")] == -40  # the least committed walks out
    assert changes[("commitment.cma", "rule:defection")] == -10
    assert changes[("relation.cma.jnim", "rule:defection")] == 20
    assert changes[("relation.cma.platform", "rule:defection")] == -rules.part(40, 100 - rules.pct(50, 40))
    assert ("relation.government.platform", "rule:defection") not in changes
    allied = run_with(scenario, rules.alliances, state | {"relation.cma.platform": 30}, {}, C, luck=_Always())
    assert ("relation.cma.platform", "rule:defection") not in allied  # allies walk out together
    never = run_with(scenario, rules.alliances, state, {}, C, luck=None)
    assert not any(cause == "rule:defection" for _name, cause in never)


def test_spoilers_court_the_signatories_as_far_as_they_are_split(scenario: Scenario) -> None:
    C = scenario.coefficients
    split = {k: -100 for k in ("relation.government.cma", "relation.government.platform", "relation.cma.platform")}
    courted = run_with(scenario, rules.alliances, split | {"relation.cma.jnim": 0})
    assert courted[("relation.cma.jnim", "rule:courting")] == C["spoiler_courting"]
    united = {k: 100 for k in split}
    assert ("relation.cma.jnim", "rule:courting") not in run_with(scenario, rules.alliances, united | {"relation.cma.jnim": 0})


def _gao_quarter(scenario: Scenario, values: Mapping[str, int], levers: Mapping[str, int],
                 coefficients: Mapping[str, int]) -> dict[tuple[str, str], int]:
    """The violence section alone, with every armed actor at full strength and no other feud."""
    strong = {f"strength.{a}": 100 for a in ("government", "cma", "platform", "jnim", "isgs", "traffickers")}
    peace = {k: 0 for k in ("relation.government.cma", "relation.cma.platform")}
    return run_with(scenario, rules.violence, strong | peace | dict(values), levers, coefficients)


# Violence where only what the test names acts: drivers pass through in full and at once, nothing
# damps them, and protection is the presence's alone (consent_protection 100: it scales with consent).
BARE = {"violence_inertia": 100, "spoiler_violence": 100, "dialogue_damp": 0, "hostility_violence": 0,
        "communal_violence": 0, "recon_damp_centre": 0, "recon_damp_elsewhere": 0, "shield_floor": 0,
        "presence_protection": 40, "robust_protection": 0, "state_protection": 0, "handover_gap": 0,
        "centre_reach": 0, "consent_protection": 100}


def test_presence_protects_as_far_as_the_host_consents_then_the_posture_then_the_state(scenario: Scenario) -> None:
    state = {"violence.gao": 100, "mission_presence.gao": 100, "state_presence.gao": 100, "mission.consent": 100}
    full = _gao_quarter(scenario, state, {}, BARE)
    assert full[("violence.gao", "rule:protection")] == -40
    halved = _gao_quarter(scenario, state | {"mission.consent": 50}, {}, BARE)
    assert halved[("violence.gao", "rule:protection")] == -20
    thin = _gao_quarter(scenario, state | {"mission_presence.gao": 50}, {}, BARE)
    assert thin[("violence.gao", "rule:protection")] == -20
    # then a robust posture, then the state, each on what is left: 100 - 40 - 50 leaves 10
    layered = _gao_quarter(scenario, state, {"robust": 100}, BARE | {"robust_protection": 50, "state_protection": 30})
    assert layered[("violence.gao", "rule:protection")] == -40
    assert layered[("violence.gao", "clause:test.robust")] == -50
    assert layered[("violence.gao", "rule:state")] == -10
    # at full weight presence protects as many points as the host consents
    assert _gao_quarter(scenario, state | {"mission.consent": 50}, {}, BARE | {"presence_protection": 100})[
        ("violence.gao", "rule:protection")] == -50
    state_only = _gao_quarter(scenario, state | {"mission_presence.gao": 0}, {}, BARE | {"state_protection": 30})
    assert state_only[("violence.gao", "rule:state")] == -30


def test_talks_calm_the_violence_of_the_groups_bamako_is_on_terms_with(scenario: Scenario) -> None:
    # Gao: JNIM and the ISGS each drive 30 (their footprint there) at full strength.
    terms = {"violence.gao": 100, "mission_presence.gao": 0, "relation.government.jnim": 100,
             "relation.government.isgs": 100}
    talking = _gao_quarter(scenario, terms, {}, BARE | {"dialogue_damp": 50})
    assert talking[("violence.gao", "rule:dialogue")] == -30  # half of each group's 30
    hostile = _gao_quarter(scenario, terms | {"relation.government.jnim": -100, "relation.government.isgs": -100},
                           {}, BARE | {"dialogue_damp": 50})
    assert ("violence.gao", "rule:dialogue") not in hostile
    neutral = _gao_quarter(scenario, terms | {"relation.government.jnim": 0, "relation.government.isgs": 0},
                           {}, BARE | {"dialogue_damp": 40})
    assert neutral[("violence.gao", "rule:dialogue")] == -12  # a fifth of 30, twice: talks at half terms


def test_a_handover_opens_a_gap_outside_the_capital_that_support_narrows(scenario: Scenario) -> None:
    calm = {f"strength.{a}": 0 for a in ("government", "cma", "platform", "jnim", "isgs", "traffickers")}
    state = calm | {f"violence.{r}": 0 for r in REGIONS} | {"regional.capacity": 0}
    coefficients = BARE | {"handover_gap": 40}
    bare = run_with(scenario, rules.violence, state, {"handover": 100}, coefficients)
    backed = run_with(scenario, rules.violence, state, {"handover": 100, "outside_support": 100}, coefficients)
    for region in REGIONS:
        if region == "bamako":
            assert ("violence.bamako", "clause:test.handover") not in bare
        else:
            assert bare[(f"violence.{region}", "clause:test.handover")] == 40
            assert backed[(f"violence.{region}", "clause:test.handover")] == 20  # support closes half


def test_recruitment_follows_absence_grievance_and_harm_abuses_included(scenario: Scenario) -> None:
    C = {"centre_recruitment": 100, "trust_resilience": 0, "ct_grievance": 100, "accountability": 50, "recruitment_fill": 100}
    base = {"politics.reconciliation": 0, "mission.trust": 0, "strength.jnim": 0, "violence.mopti": 50,
            "violence.segou": 50, "state_presence.mopti": 0, "state_presence.segou": 0}
    key = ("strength.jnim", "rule:recruitment")
    assert run_with(scenario, rules.recruitment, base, {}, C)[key] == 50  # harm 50, all else full
    half_state = base | {"state_presence.mopti": 50, "state_presence.segou": 50}
    assert run_with(scenario, rules.recruitment, half_state, {}, C)[key] == 25
    quiet = base | {"violence.mopti": 0, "violence.segou": 0}
    # no violence, but robust operations harm civilians: half of it, public reporting prevents half;
    # those recruits are the robust clause's, not the rule's
    clause = ("strength.jnim", "clause:test.robust")
    reported = run_with(scenario, rules.recruitment, quiet, {"robust": 100, "hr_monitoring": 100}, C)
    assert reported[clause] == 50 and key not in reported
    assert run_with(scenario, rules.recruitment, quiet, {"robust": 100}, C)[clause] == 100
    assert key not in run_with(scenario, rules.recruitment, quiet, {}, C)
    both = run_with(scenario, rules.recruitment, base, {"robust": 100}, C)  # harm 50 + abuses, capped at 100
    assert both[key] == 50 and both[clause] == 50


def test_open_war_is_fought_only_where_both_sides_are(scenario: Scenario) -> None:
    plan = rules.prepare(scenario.coefficients, scenario.footprint, scenario.deployment)
    fp = scenario.footprint
    for key, a_key, b_key, places in plan.wars:
        a, b = a_key.split(".")[1], b_key.split(".")[1]
        both = {f"violence.{r}" for r in REGIONS if fp.get(a, {}).get(r, 0) and fp.get(b, {}).get(r, 0)}
        assert set(places) == both, key
    jnim_isgs = next(places for key, _a, _b, places in plan.wars if key == "relation.jnim.isgs")
    assert "violence.menaka" in jnim_isgs and "violence.kidal" not in jnim_isgs  # the ISGS is not in Kidal
    # the signatories fight where the CMA is: none of it outside the north
    missing = dict(fp) | {"cma": {"kidal": 40, "gao": 10}}
    clash = rules.prepare(scenario.coefficients, missing, scenario.deployment).clash_share
    assert clash == {"kidal": 100, "gao": 25, "timbuktu": 0, "menaka": 0, "mopti": 0, "segou": 0, "bamako": 0}


def test_spoilers_wear_down_collude_and_meet_no_force_the_mandate_does_not_send(scenario: Scenario) -> None:
    C = {"spoiler_decay": 10, "collusion": 20, "regional_strike": 100, "mission_strike": 100, "split_exploit": 0,
         "spoiler_regrowth": 0}
    state = {"strength.isgs": 50, "regional.capacity": 100, "mission.consent": 100,
             **{f"relation.{a}.isgs": 0 for a in ("government", "cma", "platform", "jnim")}, "relation.isgs.traffickers": 0}
    alone = run_with(scenario, rules.spoilers, state, {}, C)
    assert alone[("strength.isgs", "rule:attrition")] == -5  # a tenth of 50, and no strike
    assert ("strength.isgs", "rule:collusion") not in alone
    sheltered = run_with(scenario, rules.spoilers, state | {"relation.cma.isgs": 30, "relation.isgs.traffickers": 20}, {}, C)
    assert sheltered[("strength.isgs", "rule:collusion")] == 10  # a fifth of the ties' 50


def test_impartiality_recovers_in_full_with_no_posture_in_the_mandate(scenario: Scenario) -> None:
    changes = run_with(scenario, rules.commitment, {"mission.impartiality": 0}, {}, {"impartiality_recovery": 100})
    assert changes[("mission.impartiality", "rule:impartiality_recovers")] == 100


def test_commitment_follows_implementation_and_the_mediators_need_the_agreement_first(scenario: Scenario) -> None:
    C = {"implementation_commitment": 10, "inclusion_neutral": 40, "mediation_commitment": 20, "reengage_focus": 50,
         "trafficking_pull": 100, "partiality_commitment": 0}
    state = {"politics.implementation": 40, "commitment.cma": 50, "buyin.algeria": 100, "buyin.au": 100,
             "buyin.ecowas": 100, **{f"relation.{s}.traffickers": 0 for s in ("government", "cma", "platform")}}
    implemented = run_with(scenario, rules.commitment, state | {"politics.implementation": 90}, {}, C)
    assert implemented[("commitment.cma", "rule:implementation_commitment")] == 5  # a tenth of 90 - 40
    aside = run_with(scenario, rules.commitment, state, {}, C)
    assert ("commitment.cma", "rule:implementation_commitment") not in aside  # at the neutral point
    assert aside[("commitment.cma", "rule:mediators_reengage")] == 5  # 20 % of the gap, halved
    first = run_with(scenario, rules.commitment, state, {"agreement_focus": 100}, C)
    # the same 5 the mediators win back anyway, and 5 more the clause's: the agreement put first
    assert first[("commitment.cma", "rule:mediators_reengage")] == 5
    assert first[("commitment.cma", "clause:test.agreement_focus")] == 5
    tied = run_with(scenario, rules.commitment, state | {"relation.cma.traffickers": 1}, {}, C)
    assert tied[("commitment.cma", "rule:trafficking")] == -1
    assert ("commitment.platform", "rule:trafficking") not in tied


def test_implementation_waits_on_the_least_committed_party(scenario: Scenario) -> None:
    C = {"impl_gain": 100, "pressure_impl": 0, "impl_decay": 0, "abandonment": 0, "short_mandate_impl": 0}
    state = {"politics.implementation": 0, "politics.will": 100, "mission.consent": 100,
             "commitment.government": 100, "commitment.cma": 50, "commitment.platform": 100}
    changes = run_with(scenario, rules.politics, state, {"agreement_focus": 100}, C)
    # mediation at half (no mediators this section), the least committed at 50: 50 + 25 %
    assert changes[("politics.implementation", "clause:test.agreement_focus")] == rules.part(100, 50, 75)
    none = run_with(scenario, rules.politics, state, {}, C | {"recon_gain": 100})
    assert ("politics.implementation", "rule:mediation") not in none
    assert ("politics.reconciliation", "rule:inclusion") not in none  # no civil-society priority, no gain


def test_pressure_holds_bamako_s_will_and_costs_consent_beyond_its_tolerance(scenario: Scenario) -> None:
    C = {"pressure_will": 0, "will_drift": 100, "elections_will": 0, "pressure_consent": 100, "pressure_tolerance": 40,
         "quiet_consent": 10, "insecurity_consent": 0, "short_mandate_consent": 0}
    state = {"politics.will": 100, "mission.consent": 100, "council.unity": 0}
    half = run_with(scenario, rules.politics, state, {"pressure": 100}, C)  # a divided Council: pressure 50
    # Left to itself Bamako's will drifts by the whole rate (the rule's); the pressure holds half
    # of it back (the clause's): the clause is not blamed for a drop it made smaller.
    assert half[("politics.will", "rule:own_pace")] == -100 and half[("politics.will", "clause:test.pressure")] == 50
    # consent: the quiet mending (10, the rule's) halved by the pressure (-5), and the pressure
    # beyond tolerance (50 - 40), both the clause's
    lower = run_with(scenario, rules.politics, state | {"mission.consent": 60}, {"pressure": 100}, C)
    assert lower[("mission.consent", "rule:own_pace")] == 10
    assert lower[("mission.consent", "clause:test.pressure")] == -5 - 10
    full = run_with(scenario, rules.politics, state | {"council.unity": 100}, {"pressure": 100}, C)
    assert full[("mission.consent", "clause:test.pressure")] == -60  # 100 pressure, 40 tolerated
    assert ("mission.consent", "rule:own_pace") not in full  # the mending, all taken off: 10 - 10
    quiet = run_with(scenario, rules.politics, state | {"mission.consent": 50}, {}, C)
    assert quiet[("mission.consent", "rule:own_pace")] == 10  # quiet diplomacy, nothing beyond tolerance
    assert ("mission.consent", "rule:insecurity") not in run_with(
        scenario, rules.politics, state | {"mission.consent": 50} | {f"violence.{r}": 50 for r in REGIONS}, {},
        C | {"insecurity_consent": 100, "ct_sovereignty": 100, "hr_consent": 100})


def test_a_parallel_force_and_a_sahel_frame_each_cost_consent(scenario: Scenario) -> None:
    C = scenario.coefficients
    state = {"mission.consent": 60, "mission.trust": 50}
    parallel = run_with(scenario, rules.politics, state, {"parallel_force": 100})
    assert parallel[("mission.consent", "clause:test.parallel_force")] == -C["ct_sovereignty"]
    assert parallel[("mission.trust", "clause:test.parallel_force")] == -C["ct_trust"]
    framed = run_with(scenario, rules.politics, state, {"regional_frame": 100})
    assert framed[("mission.consent", "clause:test.regional_frame")] == -C["frame_sovereignty"]


class _Draw:
    """A luck that always draws the same number."""

    def __init__(self, value: float) -> None:
        self.value = value

    def draw(self, quarter: int, purpose: str, n: int = 0) -> float:
        return self.value


def test_a_defection_s_chance_per_mille(scenario: Scenario) -> None:
    # Only exclusion counts: at inclusion 50 the chance is 200 x 50 % = 100 per mille, times
    # (150 - the least commitment) %: 150 per mille with the CMA at 0, 100 with both parties at 50.
    C = {"defection_base": 0, "defection_violence": 0, "defection_exclusion": 200, "defection_trafficking": 0,
         "defection_inclusion": 0, "defection_shock": 40}
    state = {"politics.implementation": 50, "politics.reconciliation": 50, "commitment.cma": 0,
             "commitment.platform": 50, "relation.government.cma": 0}

    def defects(value: float, values: Mapping[str, int] = state) -> bool:
        changes = run_with(scenario, rules.alliances, values, {}, C, luck=_Draw(value))
        return ("relation.government.cma", "rule:defection") in changes

    assert defects(0.1499) and not defects(0.150)
    assert not defects(0.1505)
    at_half = state | {"commitment.cma": 50}
    assert defects(0.0999, at_half) and not defects(0.100, at_half)
    assert defects(0.04998, at_half | {"politics.implementation": 100, "politics.reconciliation": 100}) is False


def test_a_fraction_of_a_death_is_a_chance(scenario: Scenario) -> None:
    quiet = {f"violence.{r}": 0 for r in REGIONS} | EMPTY
    state = quiet | {"violence.gao": 50, "mission_presence.gao": 100, "mission.casualties": 0}
    C = {"casualty_rate": 1, "robust_casualty": 0}  # 50 exposed x 1 / 100: half a death expected
    key = ("mission.casualties", "rule:casualties")
    assert run_with(scenario, rules.casualties, state, {}, C, luck=_Draw(0.49)).get(key) == 1
    assert key not in run_with(scenario, rules.casualties, state, {}, C, luck=_Draw(0.5))  # a draw below the half
    assert key not in run_with(scenario, rules.casualties, state, {}, C, luck=_Draw(0.51))
    assert key not in run_with(scenario, rules.casualties, state, {}, C)  # no luck: the expected path drops it


def test_violence_moves_toward_what_the_groups_drive_by_its_inertia(scenario: Scenario) -> None:
    # Gao at full strength drives 120 (its footprints); at 50 and inertia 50 it closes half the gap.
    half = _gao_quarter(scenario, {"violence.gao": 50, "mission_presence.gao": 0}, {}, BARE | {"violence_inertia": 50})
    assert half[("violence.gao", "rule:violence_drivers")] == 35
    calm = {f"strength.{a}": 0 for a in ("government", "cma", "platform", "jnim", "isgs", "traffickers")}
    fading = run_with(scenario, rules.violence, calm | {"violence.gao": 60}, {}, BARE | {"violence_inertia": 50})
    assert fading[("violence.gao", "rule:violence_drivers")] == -30


def test_communal_violence_and_the_insurgency_s_reach_are_the_centre_s(scenario: Scenario) -> None:
    calm = {f"strength.{a}": 0 for a in ("government", "cma", "platform", "jnim", "isgs", "traffickers")}
    state = calm | {f"violence.{r}": 0 for r in REGIONS} | {"politics.reconciliation": 0}
    communal = run_with(scenario, rules.violence, state, {}, BARE | {"communal_violence": 40})
    assert communal[("violence.mopti", "rule:communal")] == communal[("violence.segou", "rule:communal")] == 40
    assert ("violence.gao", "rule:communal") not in communal
    # JNIM at full strength, the state half absent, grievances full (recruitment, run first): half its reach
    reach = state | {"strength.jnim": 100, "state_presence.mopti": 50, "state_presence.gao": 50, "mission.trust": 0}
    C = BARE | {"centre_reach": 60, "centre_recruitment": 0, "trust_resilience": 0}
    reached = run_with(scenario, rules.violence, reach, {}, C, before=(rules.recruitment,))
    mopti_drive = scenario.footprint["jnim"]["mopti"]  # its own driving, at full strength
    assert reached[("violence.mopti", "rule:violence_drivers")] == mopti_drive + 30
    gao_drive = scenario.footprint["jnim"]["gao"]
    assert reached[("violence.gao", "rule:violence_drivers")] == gao_drive  # no reach outside the centre


def test_hostility_between_the_cma_and_the_platform_drives_violence_in_the_north(scenario: Scenario) -> None:
    """A feud between the two coalitions (CMA–Platform below zero) adds violence where the CMA is;
    a truce (the relation at zero or above) adds none: the sign of the relation matters, not its size."""
    base = {"relation.government.cma": 0}
    feud = run_with(scenario, rules.violence, base | {"relation.cma.platform": -80})
    truce = run_with(scenario, rules.violence, base | {"relation.cma.platform": 80})
    assert feud.get(("violence.kidal", "rule:hostility"), 0) > 0
    assert truce.get(("violence.kidal", "rule:hostility"), 0) == 0


def test_a_mission_that_carries_the_force_pays_in_impartiality(scenario: Scenario) -> None:
    """The mission carrying the coercive force itself (lever mission_force) costs impartiality, in
    proportion to how far it carries it."""
    full = run_with(scenario, rules.commitment, {"mission.impartiality": 70}, levers={"mission_force": 100})
    half = run_with(scenario, rules.commitment, {"mission.impartiality": 70}, levers={"mission_force": 50})
    cost_full = full.get(("mission.impartiality", "clause:test.mission_force"), 0)
    cost_half = half.get(("mission.impartiality", "clause:test.mission_force"), 0)
    assert cost_full < cost_half < 0


def _rounded(value: int, *percents: int) -> int:
    """The oracle for ``part``: the exact product, rounded half away from zero (fractions, no floors)."""
    exact = Fraction(value)
    for p in percents:
        exact *= Fraction(p, 100)
    whole = int(abs(exact) + Fraction(1, 2))  # int() truncates toward zero: a non-negative floor here
    return whole if exact >= 0 else -whole


def test_part_and_pct_round_every_product_half_away_from_zero() -> None:
    # values whose product lands on .49, .5 and .51 of a unit, both signs, with one to three percents
    for value in range(-260, 261):
        for percent in (1, 3, 7, 49, 50, 51, 99, 100, 150):
            assert rules.pct(value, percent) == rules.part(value, percent) == _rounded(value, percent), (value, percent)
        for a, b in ((50, 50), (1, 1), (99, 3), (20, 5)):
            assert rules.part(value, a, b) == _rounded(value, a, b), (value, a, b)
    assert rules.part(4999, 1, 1) == 0 and rules.part(5000, 1, 1) == 1 and rules.part(-5000, 1, 1) == -1
    assert rules.part(499_999, 1, 1, 1) == 0 and rules.part(500_000, 1, 1, 1) == 1
    assert rules.part(7) == 7  # no percent: the value itself


def test_a_quarter_s_add_returns_the_real_change_and_nothing_when_nothing_moves(scenario: Scenario) -> None:
    """``Quarter.add`` is ``Meters.add`` inlined: it clamps, records and returns the change made."""
    game = Game(scenario, 1)
    meters = Meters(dict(game.values) | {"mission.consent": 90}, game.meters.ranges)
    q = rules.Quarter(meters, {}, {}, game._plan, None)
    lo, hi = game.meters.ranges["mission.consent"]
    assert hi == 100
    assert q.add("mission.consent", 0, "rule:test") == 0
    assert q.add("mission.consent", 30, "rule:test") == 10  # clamped at the top
    assert q.add("mission.consent", 5, "rule:test") == 0  # already there: no change, no record
    assert q.add("mission.consent", -500, "rule:test") == lo - 100
    assert q.add("mission.consent", -1, "rule:test") == 0
    assert [change for _q, _name, change, _cause in meters.ledger] == [10, lo - 100]


def test_a_quiet_quarter_kills_nobody_and_drives_no_contributor_away(scenario: Scenario) -> None:
    """What the game's journal reads: nobody killed, nobody leaving, even with no troops left to lose."""
    quiet = {f"violence.{r}": 0 for r in REGIONS} | EMPTY
    game = Game(scenario, 1)
    for troops in (10_000, 0):
        meters = Meters(dict(game.values) | quiet | {"mission.troops": troops}, game.meters.ranges)
        q = rules.Quarter(meters, {}, {}, game._plan, None)
        rules.casualties(q)
        assert (q.killed, q.contributors_left, q.expected_deaths) == (0, 0, 0)
    # a deadly quarter with no troops left: contributors cannot withdraw what is not there
    state = quiet | {"violence.gao": 100, "mission_presence.gao": 100, "mission.casualties": 0, "mission.troops": 0}
    meters = Meters(dict(game.values) | state, game.meters.ranges)
    plan = rules.prepare(dict(scenario.coefficients) | {"casualty_rate": 10, "robust_casualty": 0, "tcc_threshold": 1,
                                                         "toll_fatigue": 100, "tcc_withdrawal": 100},
                         scenario.footprint, scenario.deployment)
    q = rules.Quarter(meters, {}, {}, plan, None)
    rules.casualties(q)
    assert q.killed == 10 and q.contributors_left == 0


def test_a_parallel_force_strikes_as_hard_as_france_is_engaged(scenario: Scenario) -> None:
    # ct_strike 100 so that every point of the sponsor's engagement shows; france_engagement 100:
    # the strikes scale with France's buy-in, point for point (50 % of it at 50: half the strikes)
    C = {"ct_strike": 100, "france_engagement": 100, **STILL}
    state = {"strength.jnim": 100, "strength.isgs": 100}
    key = ("strength.jnim", "clause:test.parallel_force")
    for buyin, hit in ((100, -100), (99, -99), (50, -50), (1, -1)):
        assert run_with(scenario, rules.spoilers, state | {"buyin.france": buyin}, {"parallel_force": 100}, C)[key] == hit
    assert key not in run_with(scenario, rules.spoilers, state | {"buyin.france": 0}, {"parallel_force": 100}, C)
    half = C | {"france_engagement": 50}  # half the strikes do not depend on France at all
    assert run_with(scenario, rules.spoilers, state | {"buyin.france": 0}, {"parallel_force": 100}, half)[key] == -50


# Spoilers that neither regrow, collude, wear down nor exploit splits: only the strikes move them.
STILL = {"spoiler_regrowth": 0, "collusion": 0, "spoiler_decay": 0, "split_exploit": 0}


def test_protection_cannot_push_violence_below_the_floor_of_what_the_groups_drive(scenario: Scenario) -> None:
    # JNIM alone in Gao, at full strength: it drives its footprint there, and violence already sits
    # at it (inertia 100: the driver step moves nothing). Full protection brings it down to the
    # shield floor's share of that drive, not below; the floor is of the drive, not of the violence.
    drive = scenario.footprint["jnim"]["gao"]
    assert 2 <= drive <= 100
    alone = {f"strength.{a}": 0 for a in ("government", "cma", "platform", "isgs", "traffickers")}
    state = alone | {"strength.jnim": 100, "violence.gao": drive, "mission_presence.gao": 100, "mission.consent": 100}
    key = ("violence.gao", "rule:protection")
    for floor in (50, 20, 0):
        held = _gao_quarter(scenario, state, {}, BARE | {"shield_floor": floor, "presence_protection": 100})
        assert held[key] == -(drive - _rounded(drive, floor)), floor
    # one point above the floor: protection takes that point and no more
    one_above = next(f for f in range(100, 0, -1) if drive - _rounded(drive, f) == 1)
    assert _gao_quarter(scenario, state, {}, BARE | {"shield_floor": one_above})[key] == -1
    unguarded = state | {"mission_presence.gao": 0, "state_presence.gao": 100}  # the state's turn, alone
    assert _gao_quarter(scenario, unguarded, {}, BARE | {"shield_floor": one_above, "state_protection": 40})[
        ("violence.gao", "rule:state")] == -1
    # at the floor: nothing left for presence, posture or state to take
    at_floor = _gao_quarter(scenario, state, {"robust": 100},
                            BARE | {"shield_floor": 100, "robust_protection": 50, "state_protection": 50})
    assert not any(name == "violence.gao" and change for (name, _cause), change in at_floor.items())


def test_presence_saturates_halfway_at_twice_the_knee_s_span_and_never_reaches_full() -> None:
    # saturate's meaning: point for point up to the knee, then knee + span·over / (over + span),
    # span the room left above the knee: over = span gives half of it, and no raw, however
    # large, fills the last point (figures worked by hand, floors of the exact fractions)
    assert rules.saturate(100, 50) == 75  # 50 + 50·50/100
    assert rules.saturate(120, 90) == 97  # 90 + 10·30/40 = 97.5
    assert rules.saturate(130, 70) == 90  # 70 + 30·60/90
    assert rules.saturate(70, 70) == 70 and rules.saturate(69, 70) == 69
    for knee in (0, 50, 90, 98, 99):
        curve = [rules.saturate(raw, knee) for raw in range(0, 5000, 3)]
        assert curve == sorted(curve), knee
        assert max(curve) < 100, knee  # never full presence
    assert rules.saturate(101, 100) == 100 and rules.saturate(5000, 100) == 100  # knee 100: the hard cap


def test_past_the_knee_spoilers_regrow_and_recruit_only_as_far_as_room_is_left(scenario: Scenario) -> None:
    # room: every recruit up to the knee, then the share of the last stretch still unfilled
    assert rules.room(80, 80) == 100 and rules.room(10, 80) == 100
    assert rules.room(90, 80) == 50 and rules.room(85, 80) == 75 and rules.room(100, 80) == 0
    assert rules.room(99, 98) == 50 and rules.room(95, 0) == 5 and rules.room(98, 97) == 66  # two thirds, floored
    assert rules.room(100, 100) == 100  # recruitment_knee 100: recruits never run dry, even at full strength
    # regrowth through open borders (no neighbour cooperates): 20 a quarter up to the knee, then less
    C = STILL | {"spoiler_regrowth": 20, "recruitment_knee": 80, "border_base": 0, "border_frame": 0}
    key = ("strength.isgs", "rule:regrowth")
    for strength, regrown in ((60, 20), (80, 20), (90, 10), (96, 4)):
        assert run_with(scenario, rules.spoilers, {"strength.isgs": strength}, {}, C)[key] == regrown, strength
    assert key not in run_with(scenario, rules.spoilers, {"strength.isgs": 100}, {}, C)
    # recruitment in the centre: a group at 90 recruits at half its room (50 %) times 100 - 45 %
    R = {"centre_recruitment": 20, "trust_resilience": 0, "ct_grievance": 0, "recruitment_fill": 100, "recruitment_knee": 80}
    base = {"politics.reconciliation": 0, "mission.trust": 0, "violence.mopti": 100, "violence.segou": 100,
            "state_presence.mopti": 0, "state_presence.segou": 0}
    recruited = ("strength.jnim", "rule:recruitment")
    assert run_with(scenario, rules.recruitment, base | {"strength.jnim": 80}, {}, R)[recruited] == 12  # 20 × 60 %
    assert run_with(scenario, rules.recruitment, base | {"strength.jnim": 90}, {}, R)[recruited] == 6  # 20 × 27.5 %


def test_the_deployment_weights_become_shares_of_the_whole_and_an_unnamed_region_gets_none(scenario: Scenario) -> None:
    shares = rules.prepare(scenario.coefficients, scenario.footprint, {"gao": 1, "kidal": 2}).shares
    # a third and two thirds of the mission, floored; nobody sent where the weights do not name
    assert shares == {"kidal": 66, "gao": 33, "timbuktu": 0, "menaka": 0, "mopti": 0, "segou": 0, "bamako": 0}


def test_a_lever_no_clause_sets_is_none_of_it(scenario: Scenario) -> None:
    # no regional_frame lever: not the least Sahel-wide frame, a Mali-only one, in full
    C = {"buyin_frame_gain": 100, "buyin_sidelined": 50, "algeria_wariness": 100}
    changes = run_with(scenario, rules.regional, MIDDLING, {}, C)
    assert changes[("buyin.au", "rule:sidelined")] == changes[("buyin.niger", "rule:sidelined")] == -50
    # a full Sahel-wide frame with no outside force, regional force or G5 in the mandate: no wariness
    framed = run_with(scenario, rules.regional, MIDDLING, {"regional_frame": 100}, C)
    assert framed[("buyin.algeria", "clause:test.regional_frame")] == 50  # 50 + 100, clamped at 100
    # no G5 support: no ownership from it, only the fading (to a floor of 0 here: 30 above it, 10 a quarter)
    owned = run_with(scenario, rules.regional, MIDDLING | {"regional.ownership": 30}, {},
                     {"ownership_g5": 100, "ownership_floor": 0, "ownership_decay": 10, "buyin_sidelined": 0})
    assert owned[("regional.ownership", "rule:ownership_drift")] == -10
    # no force in the mandate strikes: not even the G5 at full buy-in with the strongest coefficient
    struck = run_with(scenario, rules.spoilers, {"strength.jnim": 50} | {b: 100 for b in _G5_BUYIN},
                      {}, STILL | {"g5_strike": 100, "ct_strike": 100, "mission_strike": 100, "robust_attrition": 100})
    assert not any(name == "strength.jnim" for name, _cause in struck)
    # and no centre priority moves no troops toward the centre: a region weighing all but the
    # whole deployment keeps all of its share
    placed = run_with(scenario, rules.deployment, EMPTY | {"mission.troops": 1000}, {"troop_ceiling": 1000},
                      {"troops_full_presence": 7000, "presence_follow": 100, "presence_knee": 100, "centre_shift": 100},
                      deployment={"gao": 90, "kidal": 10})
    assert placed[("mission_presence.gao", "rule:presence")] == 90  # 1000 troops x 90 % x 7 regions / 7000


_G5_BUYIN = ("buyin.chad", "buyin.niger", "buyin.burkina_faso", "buyin.mauritania")


def test_full_presence_needs_the_troops_the_coefficient_says(scenario: Scenario) -> None:
    # troops_full_presence 1: a single troop is full presence everywhere; a region with a tenth of
    # the deployment gets a tenth of that troop, which is 7 tenths of its seventh: presence 70
    placed = run_with(scenario, rules.deployment, EMPTY | {"mission.troops": 1}, {"troop_ceiling": 1},
                      {"troops_full_presence": 1, "presence_follow": 100, "presence_knee": 100, "centre_shift": 0},
                      deployment={"gao": 10, "kidal": 90})
    assert placed[("mission_presence.gao", "rule:presence")] == 70
    assert placed[("mission_presence.kidal", "rule:presence")] == 100  # 630, capped at full presence


def test_ownership_fades_down_to_the_floor_the_region_s_engagement_keeps(scenario: Scenario) -> None:
    # ownership_floor 50 of an engagement of 50 keeps 25: from 30 it fades by 5, not 10; from 26 by 1
    C = {"ownership_floor": 50, "ownership_decay": 10, "buyin_sidelined": 0, "buyin_knee": 100}
    key = ("regional.ownership", "rule:ownership_drift")
    assert run_with(scenario, rules.regional, MIDDLING | {"regional.ownership": 30}, {}, C)[key] == -5
    assert run_with(scenario, rules.regional, MIDDLING | {"regional.ownership": 26}, {}, C)[key] == -1
    assert key not in run_with(scenario, rules.regional, MIDDLING | {"regional.ownership": 25}, {}, C)


def test_collusion_counts_only_good_terms_and_at_most_a_full_tie(scenario: Scenario) -> None:
    C = STILL | {"collusion": 50}
    friendless = {"strength.isgs": 0, **{f"relation.{a}.isgs": -20 for a in ("government", "cma", "platform", "jnim")},
                  "relation.isgs.traffickers": 0}
    key = ("strength.isgs", "rule:collusion")
    assert key not in run_with(scenario, rules.spoilers, friendless, {}, C)
    assert run_with(scenario, rules.spoilers, friendless | {"relation.cma.isgs": 2}, {}, C)[key] == 1  # 50 % of 2
    many = friendless | {"relation.cma.isgs": 80, "relation.platform.isgs": 70}
    assert run_with(scenario, rules.spoilers, many, {}, C)[key] == 50  # ties of 150 count as a full 100
    assert run_with(scenario, rules.spoilers, friendless | {"relation.cma.isgs": 1}, {}, C | {"collusion": 100})[key] == 1


def test_spoilers_exploit_the_signatories_split_and_nothing_when_they_hold_together(scenario: Scenario) -> None:
    C = STILL | {"split_exploit": 40}
    pairs = ("relation.government.cma", "relation.government.platform", "relation.cma.platform")
    key = ("strength.isgs", "rule:splits")
    assert key not in run_with(scenario, rules.spoilers, {k: 100 for k in pairs} | {"strength.isgs": 50}, {},
                               C | {"split_exploit": 100})
    assert run_with(scenario, rules.spoilers, {k: 0 for k in pairs} | {"strength.isgs": 50}, {}, C)[key] == 20
    assert run_with(scenario, rules.spoilers, {k: -100 for k in pairs} | {"strength.isgs": 50}, {}, C)[key] == 40


def test_the_signs_of_the_handover_s_consent_the_centre_s_peace_trust_and_displacement(scenario: Scenario) -> None:
    C = scenario.coefficients
    assert C["handover_consent"] > 0
    handed = run_with(scenario, rules.politics, {"mission.consent": 60}, {"handover": 100})
    assert handed[("mission.consent", "clause:test.handover")] == -C["handover_consent"]
    # trust: protection_trust x (100 - twice the mean violence) %: a quarter of violence, half of it
    quiet = {f"violence.{r}": 25 for r in REGIONS} | {"mission.trust": 0}
    trusted = run_with(scenario, rules.politics, quiet, {}, {"protection_trust": 100, "ct_trust": 0, "hr_trust": 0})
    assert trusted[("mission.trust", "rule:protection")] == 50
    # reconciliation damps violence outside the centre too; displacement closes half its gap to violence
    damped = _gao_quarter(scenario, {"politics.reconciliation": 100, "mission_presence.gao": 0, "displacement.gao": 40},
                          {}, BARE | {"recon_damp_elsewhere": 20, "displacement_follow": 50})
    assert damped[("violence.gao", "rule:reconciliation_damps")] == -20  # from 100 (120 driven, capped)
    assert damped[("displacement.gao", "rule:displacement")] == 20  # half of 80 - 40


def test_either_feud_of_the_cma_drives_the_north_s_violence_up_to_a_cap(scenario: Scenario) -> None:
    # Kidal, where the CMA is strongest (clash share 100): hostility_violence x the feuds' depth %
    calm = {f"strength.{a}": 0 for a in ("government", "cma", "platform", "jnim", "isgs", "traffickers")}
    state = calm | {f"violence.{r}": 0 for r in REGIONS}
    C = BARE | {"hostility_violence": 50}
    key = ("violence.kidal", "rule:hostility")
    feuds = ("relation.government.cma", "relation.cma.platform")
    assert run_with(scenario, rules.violence, state | {feuds[0]: -60, feuds[1]: 0}, {}, C)[key] == 30
    assert run_with(scenario, rules.violence, state | {feuds[0]: 0, feuds[1]: -60}, {}, C)[key] == 30
    assert run_with(scenario, rules.violence, state | {feuds[0]: -80, feuds[1]: -80}, {}, C)[key] == 50  # capped at 100
    assert key not in run_with(scenario, rules.violence, state | {feuds[0]: 0, feuds[1]: 0}, {}, C | {"hostility_violence": 100})
    assert key not in run_with(scenario, rules.violence, state | {feuds[0]: 60, feuds[1]: 60}, {}, C)


def test_a_handover_s_gap_narrows_with_the_bodies_capacity_and_outside_support(scenario: Scenario) -> None:
    calm = {f"strength.{a}": 0 for a in ("government", "cma", "platform", "jnim", "isgs", "traffickers")}
    state = calm | {f"violence.{r}": 0 for r in REGIONS} | {"regional.capacity": 50}
    key = ("violence.gao", "clause:test.handover")
    C = BARE | {"handover_gap": 100}
    assert run_with(scenario, rules.violence, state, {"handover": 100}, C)[key] == 50  # half the capacity missing
    assert run_with(scenario, rules.violence, state, {"handover": 100, "outside_support": 100}, C)[key] == 25


def test_a_defection_s_chance_grows_with_violence_and_trafficking_and_falls_with_inclusion(scenario: Scenario) -> None:
    # Both armed signatories at half commitment: the chance is the per mille sum itself.
    none = {"defection_base": 0, "defection_violence": 0, "defection_exclusion": 0, "defection_trafficking": 0,
            "defection_inclusion": 0, "defection_shock": 40}
    state = {"commitment.cma": 50, "commitment.platform": 50, "relation.government.cma": 0,
             "politics.implementation": 100, "politics.reconciliation": 100, "strength.traffickers": 0}
    state |= {f"violence.{r}": 0 for r in REGIONS}

    def defects(value: float, values: Mapping[str, int], C: Mapping[str, int]) -> bool:
        # (politics first: it reads the quarter's mean violence the defection's chance uses)
        changes = run_with(scenario, rules.alliances, values, {}, none | C, luck=_Draw(value), before=(rules.politics,))
        return any(cause == "rule:defection" for _name, cause in changes)

    violent = state | {f"violence.{r}": 50 for r in REGIONS}
    assert defects(0.0999, violent, {"defection_violence": 200}) and not defects(0.1, violent, {"defection_violence": 200})
    traffic = state | {"strength.traffickers": 50}
    assert defects(0.0999, traffic, {"defection_trafficking": 200}) and not defects(0.1, traffic, {"defection_trafficking": 200})
    included = {"defection_base": 300, "defection_inclusion": 200}  # full inclusion removes 200 of 300
    assert defects(0.0999, state, included) and not defects(0.1, state, included)


def test_a_walkout_reopens_a_feud_at_peace_but_not_an_alliance(scenario: Scenario) -> None:
    C = {"defection_shock": 40, "defection_commitment": 10, "truce_hold": 50, "inclusion_drift": 0, "truce_recovery": 0}
    state = {"commitment.cma": 20, "commitment.platform": 60, "relation.government.cma": 0, "relation.cma.jnim": 0}
    key = ("relation.cma.platform", "rule:defection")
    at_peace = run_with(scenario, rules.alliances, state | {"relation.cma.platform": 0}, {}, C, luck=_Always())
    assert at_peace[key] == -20  # a truce at peace spares truce_hold (50 %) of the shock
    assert key not in run_with(scenario, rules.alliances, state | {"relation.cma.platform": 1}, {}, C, luck=_Always())


def test_deaths_safety_and_the_contributors_toll_fatigue_to_the_unit(scenario: Scenario) -> None:
    quiet = {f"violence.{r}": 0 for r in REGIONS} | EMPTY
    state = quiet | {"violence.gao": 50, "mission_presence.gao": 100, "mission.casualties": 0, "mission.safety": 0}
    C = {"casualty_rate": 3, "robust_casualty": 0, "tcc_threshold": 100, "safety_per_casualty": 0}
    key = ("mission.casualties", "rule:casualties")
    # 50 exposed x 3 / 100 = 1.5 deaths expected: one, and a second below a draw of a half
    assert run_with(scenario, rules.casualties, state, {}, C, luck=_Draw(0.499))[key] == 2
    assert run_with(scenario, rules.casualties, state, {}, C, luck=_Draw(0.5))[key] == 1
    # safety closes half its gap to 100 less the quarter's toll
    assert run_with(scenario, rules.casualties, state, {}, C)[("mission.safety", "rule:safety")] == 50
    # toll_fatigue 1: every peacekeeper killed in all (this quarter's five included) lowers by one
    # what a quarter may cost: 10 - 6 = 4 borne, one death too many
    deadly = state | {"violence.gao": 100, "mission.casualties": 1, "mission.troops": 10_000}
    fatigue = {"casualty_rate": 5, "robust_casualty": 0, "tcc_threshold": 10, "toll_fatigue": 1, "tcc_withdrawal": 100}
    assert run_with(scenario, rules.casualties, deadly, {}, fatigue)[("mission.troops", "rule:contributors_leave")] == -100


def test_impartiality_partiality_and_the_mediators_to_the_unit(scenario: Scenario) -> None:
    zero = {"robust_impartiality": 0, "force_impartiality": 0, "implementation_commitment": 0, "trafficking_pull": 0}
    C = zero | {"impartiality_recovery": 50, "partiality_commitment": 50, "mediation_commitment": 100, "reengage_focus": 100}
    state = {"mission.impartiality": 0, "commitment.cma": 50, "commitment.platform": 50,
             "buyin.algeria": 100, "buyin.au": 100, "buyin.ecowas": 100}
    changes = run_with(scenario, rules.commitment, state, {"agreement_focus": 100}, C)
    assert changes[("mission.impartiality", "rule:impartiality_recovers")] == 50
    # partiality reads the impartiality already recovered (50): half of 50
    assert changes[("commitment.cma", "rule:partiality")] == -25
    # reengage_focus 100: all of the mediators' work rides on the agreement put first, so the
    # whole gap of 50 is the clause's, and with the agreement not first they win nobody back
    assert changes[("commitment.platform", "clause:test.agreement_focus")] == 50
    assert ("commitment.platform", "rule:mediators_reengage") not in changes
    aside = run_with(scenario, rules.commitment, state, {}, C)
    assert ("commitment.platform", "rule:mediators_reengage") not in aside
    halfway = run_with(scenario, rules.commitment, state, {"agreement_focus": 100}, C | {"mediation_commitment": 50})
    assert halfway[("commitment.platform", "clause:test.agreement_focus")] == 25  # half the gap of 50


def test_presence_and_the_state_together_stop_at_the_floor(scenario: Scenario) -> None:
    # what presence takes is no longer there for the state: JNIM alone in Gao drives its footprint,
    # the floor keeps half of it; presence takes 10 of what is above, the state the rest, no more
    drive = scenario.footprint["jnim"]["gao"]
    alone = {f"strength.{a}": 0 for a in ("government", "cma", "platform", "isgs", "traffickers")}
    state = alone | {"strength.jnim": 100, "violence.gao": drive, "mission_presence.gao": 100,
                     "state_presence.gao": 100, "mission.consent": 100}
    above = drive - _rounded(drive, 50)
    assert above > 10
    both = _gao_quarter(scenario, state, {}, BARE | {"shield_floor": 50, "presence_protection": 10, "state_protection": 100})
    assert both[("violence.gao", "rule:protection")] == -10
    assert both[("violence.gao", "rule:state")] == -(above - 10)
    robust = _gao_quarter(scenario, state, {"robust": 100},
                          BARE | {"shield_floor": 50, "presence_protection": 10, "robust_protection": 100, "state_protection": 100})
    assert robust[("violence.gao", "clause:test.robust")] == -(above - 10)
    assert ("violence.gao", "rule:state") not in robust


def test_implementation_and_will_move_only_by_the_levers_the_mandate_sets(scenario: Scenario) -> None:
    C = {"impl_gain": 50, "pressure_impl": 0, "impl_decay": 0, "abandonment": 0, "short_mandate_impl": 0,
         "pressure_will": 100, "will_drift": 0, "elections_will": 100, "partiality_commitment": 0,
         "implementation_commitment": 0, "trafficking_pull": 0}
    full = {"politics.implementation": 0, "politics.will": 100, "mission.consent": 100, "buyin.algeria": 100,
            "buyin.au": 100, "buyin.ecowas": 100, **{f"commitment.{s}": 100 for s in ("government", "cma", "platform")}}
    # (commitment first: it sets the mediators' buy-in, 100, that politics reads)
    focused = run_with(scenario, rules.politics, full, {"agreement_focus": 100}, C, before=(rules.commitment,))
    assert focused[("politics.implementation", "clause:test.agreement_focus")] == 50  # every factor full
    idle = run_with(scenario, rules.politics, full | {"politics.will": 50}, {}, C | {"impl_gain": 100}, before=(rules.commitment,))
    assert ("politics.implementation", "rule:mediation") not in idle
    assert ("politics.will", "rule:mediation") not in idle  # no pressure, no elections priority


def test_abandonment_in_proportion_below_half_and_a_nine_month_mandate_is_not_short(scenario: Scenario) -> None:
    C = {"abandonment": 100}
    quarter = run_with(scenario, rules.politics, {"politics.implementation": 80} | {f"commitment.{s}": 25 for s in (
        "government", "cma", "platform")}, {}, C)
    assert quarter[("politics.implementation", "rule:abandonment")] == -50
    nine = run_with(scenario, rules.politics, {"mission.consent": 60, "politics.will": 50}, {"duration": 3})
    assert not any(cause == "clause:test.duration" for _name, cause in nine)


def test_standing_adds_capital_point_for_point_above_half_and_the_year_turns_in_january(scenario: Scenario) -> None:
    C = dict(scenario.coefficients) | {"capital_per_mandate": 10, "standing_capital": 100, "capital_carry": 0}
    assert rules.renewal_capital({"council.standing": 100, "council.capital": 0}, C, False) == 60
    values = dict(Game(scenario, 1).values)
    rules.update_derived(values, 2015 * 12 + 5, 2, 1)  # June 2015, two quarters on: December
    assert values["time.year"] == 2015


def test_a_change_in_two_opposite_parts_is_clamped_once_and_recorded_as_it_happened(scenario: Scenario) -> None:
    """``add_against``: the values of one ``add``; both parts in the ledger when the range lets the
    whole change through; else what changed, put down to the part that points its way."""
    game = Game(scenario, 1)

    def run(value: int, base: int, offset: int) -> tuple[int, list[tuple[int, str]]]:
        meters = Meters(dict(game.values) | {"mission.consent": value}, game.meters.ranges)
        plan = rules.prepare(dict(scenario.coefficients), scenario.footprint, scenario.deployment)
        q = rules.Quarter(meters, {}, {}, plan, None)
        q.add_against("mission.consent", base, "rule:own_pace", offset, "clause:x")
        return meters.values["mission.consent"], [(c, cause) for _q, _n, c, cause in meters.ledger]

    assert run(50, 10, -4) == (56, [(10, "rule:own_pace"), (-4, "clause:x")])
    assert run(97, 10, -4) == (100, [(3, "rule:own_pace")])  # clamped: the rule's part points up
    assert run(2, -10, 4) == (0, [(-2, "rule:own_pace")])
    assert run(2, 4, -10) == (0, [(-2, "clause:x")])  # the clause's part points down
    assert run(50, 10, -10) == (50, [])  # nothing moved, nothing to explain
    assert run(50, 0, -3) == (47, [(-3, "clause:x")])
    assert run(50, 5, 0) == (55, [(5, "rule:own_pace")])
