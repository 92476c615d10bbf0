"""The quarterly dynamics of the model: how Mali moves between two decisions.

Every rule reads the levers of the resolution in force and the scenario's coefficients (named in
``COEFFICIENTS``, valued and explained in the scenario's YAML) and moves quantities through
``Meters.add`` with its cause: the clause whose lever drives it, or the rule itself. The design's
ten causal claims live here; the comments name them (claim 1 … claim 10).

All arithmetic is on integers; ``part`` rounds half away from zero so that the same inputs give
the same numbers on every machine.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from math import prod
from typing import NamedTuple

from game.engine.ledger import Meters
from game.engine.luck import Luck
from game.engine.world import (
    ARMED,
    CENTRE,
    EXTREMISTS,
    MEDIATORS,
    NEIGHBOURS,
    REGIONAL,
    REGIONAL_BODIES,
    REGIONS,
    SIGNATORIES,
    SIGNATORY_PAIRS,
    SPOILERS,
    pair_key,
)

# Coefficient name -> what it means. Every scenario must give each a value (levels/common/model.yaml
# holds the defaults with the same explanation, and a scenario may override any of them).
COEFFICIENTS: dict[str, str] = {
    "rivalry_drift": "relation two jihadist groups lose per quarter when both are at full strength (competition for ground and recruits)",
    "rivalry_violence": "violence per quarter where two groups at open war are both present",
    "rivalry_attrition": "strength a jihadist group loses per quarter to open war with another armed group",
    "dialogue_damp": "% of the violence a jihadist group drives that talks with the state at full good terms would stop",
    "toll_fatigue": "peacekeepers killed in all for each peacekeeper fewer killed in a quarter that contributors bear",
    "mediation_commitment": "% of the gap to full commitment that mediators at full buy-in win back from each signatory per quarter",
    "reengage_focus": "% of the mediators' re-engagement that needs the mandate to put the agreement first (the mission's good offices)",
    "abandonment": "implementation lost per quarter when the signatories' mean commitment is gone (in proportion below half)",
    "collapse_from": "month (YYYYMM) from which the agreement can collapse: the record's clock",
    "trafficking_pull": "commitment a signatory loses per quarter on full good terms with trafficking networks",
    "shield_floor": "% of the violence armed groups drive in a region that no protection can prevent",
    "capital_carry": "% of the penholder's unspent political capital carried to the next renewal",
    "national_positions": "% weight of the members' national positions (preferences and concerns) in their votes (claim 8)",
    "troop_step": "troops the mission can gain or lose in a quarter on the way to its ceiling",
    "troops_full_presence": "troops needed for full presence everywhere the mission deploys",
    "presence_follow": "% of the gap to its target presence the mission closes each quarter",
    "presence_knee": "presence above which more troops add less and less to a region, never full presence (100: a hard cap)",
    "centre_shift": "% of deployment a central-Mali priority moves to Mopti and Ségou",
    "buyin_frame_gain": "buy-in a regional actor gains per quarter under a fully Sahel-wide frame",
    "buyin_sidelined": "buy-in a regional actor loses per quarter under a Mali-only frame",
    "buyin_handover_gain": "extra buy-in the AU and ECOWAS gain per quarter under a full handover",
    "france_parallel_gain": "buy-in France gains per quarter while its own force carries coercion",
    "france_sidelined": "buy-in France loses per quarter under a full handover",
    "capacity_growth": "capacity the AU and ECOWAS build per quarter under a full, supported handover",
    "capacity_decay": "capacity lost per quarter when no handover is under way",
    "ownership_gain": "regional ownership gained per quarter under a full handover",
    "ownership_frame": "regional ownership gained per quarter under a fully Sahel-wide frame",
    "ownership_decay": "regional ownership lost per quarter with neither frame nor handover, down to its floor",
    "ownership_floor": "% of the region's engagement (mean buy-in of the AU, ECOWAS and the Sahel states) below which ownership does not fade",
    "ownership_g5": "regional ownership gained per quarter under full support to the G5 Sahel joint force",
    "buyin_knee": "buy-in above which a partner's expectations pull it back (100: never)",
    "buyin_expectations": "% of a partner's buy-in above the knee it loses per quarter (it asks more in return: funding, command, a say)",
    "spoiler_regrowth": "strength a spoiler regains per quarter when borders are wide open",
    "spoiler_decay": "% of its strength a spoiler loses per quarter to attrition",
    "split_exploit": "strength spoilers gain per quarter when the signatories are fully split",
    "ct_strike": "strength extremists lose per quarter to a full parallel counter-terrorism force",
    "regional_strike": "strength extremists lose per quarter to a full regional force at full capacity",
    "mission_strike": "strength extremists lose per quarter when the mission itself carries force",
    "robust_attrition": "strength spoilers lose per quarter to a fully robust mission at full consent",
    "g5_strike": "strength extremists lose per quarter to a fully supported G5 force",
    "violence_inertia": "% of the gap between violence and what drives it closed each quarter",
    "spoiler_violence": "violence spoilers at full strength bring where fully present (%)",
    "hostility_violence": "violence from open hostility between signatories where the CMA is strongest (Kidal), less elsewhere in the north",
    "communal_violence": "communal violence in the centre when there is no reconciliation",
    "mediator_stake": "buy-in Algeria gains per quarter when the mandate's priority is fully the peace agreement it mediates",
    "france_engagement": "% of a parallel force's strikes that depend on France's buy-in (at 100: no buy-in, no strikes)",
    "collusion": "strength a spoiler gains per quarter from full good terms with the CMA and the Platform (shelter, routes, recruits)",
    "border_base": "% of the neighbours' buy-in that turns into border cooperation under a Mali-only frame",
    "border_frame": "extra % of their buy-in that turns into border cooperation under a fully Sahel-wide frame",
    "consent_protection": "% of the protection of presence that depends on host-state consent (100: protection scales with consent)",
    "accountability": "% of the abuses of counter-terrorism operations that full public human-rights reporting prevents",
    "algeria_wariness": "Algeria's buy-in lost per quarter under a full Sahel-wide frame joined to an outside force or the G5",
    "frame_sovereignty": "consent lost per quarter under a fully Sahel-wide frame (Bamako's sovereignty)",
    "short_mandate_will": "Bamako's will gained per quarter under a six-month mandate (a tighter grip)",
    "short_mandate_impl": "implementation gained per quarter under a six-month mandate",
    "short_mandate_consent": "consent lost per quarter under a six-month mandate (the short leash is resented)",
    "short_mandate_capital": "% of the penholder's capital available at a six-month renewal (more votes, each costs more)",
    "trust_resilience": "% by which full trust of communities in the mission cuts the grievances armed groups recruit on",
    "unity_pull": "per mille added to an undecided member's chance of voting yes per point of Council unity above 50",
    "standing_capital": "% of the penholder's standing above 50 added to its political capital at each renewal",
    "truce_recovery": "% of a hostile relation between signatories that truces brokered by fully engaged mediators mend each quarter",
    "centre_recruitment": "jihadist strength gained a quarter in the centre with no state, no reconciliation and civilians fully harmed",
    "recruitment_knee": "strength above which a jihadist group's recruitment runs dry, to none at full strength (100: never)",
    "recruitment_fill": "most of the gap to full strength (%) a jihadist group fills with recruits in a quarter (100: no limit)",
    "centre_reach": "violence a full-strength jihadist group drives in a centre region with no state and no reconciliation (%)",
    "ct_grievance": "harm to civilians (0-100) that fully robust or parallel counter-terrorism operations add to grievances",
    "presence_protection": "violence kept down where the mission is fully present, at full consent",
    "robust_protection": "extra violence kept down by a fully robust posture where present",
    "state_protection": "violence kept down where the state is fully present",
    "handover_gap": "violence a full handover opens with no regional capacity and no outside support",
    "recon_damp_centre": "violence damped in the centre by full reconciliation",
    "recon_damp_elsewhere": "violence damped elsewhere by full reconciliation",
    "displacement_follow": "% of the gap between displacement and violence closed each quarter",
    "casualty_rate": "peacekeepers killed per quarter per 100 of violence met by presence",
    "robust_casualty": "extra casualty rate under a fully robust posture",
    "tcc_threshold": "peacekeepers killed in a quarter that troop contributors can bear",
    "tcc_withdrawal": "troops contributors withdraw per death above that threshold",
    "safety_per_casualty": "mission safety lost per peacekeeper killed in a quarter",
    "robust_impartiality": "impartiality lost per quarter under a fully robust posture",
    "force_impartiality": "impartiality lost per quarter when the mission itself carries coercion",
    "impartiality_recovery": "impartiality regained per quarter under a traditional posture",
    "partiality_commitment": "commitment the CMA loses per quarter when the mission looks fully partial",
    "implementation_commitment": "commitment signatories gain per quarter at full implementation",
    "impl_gain": "implementation per quarter with full focus, mediation, will and consent",
    "impl_decay": "implementation lost per quarter when the signatories are fully split",
    "pressure_impl": "implementation gained per quarter under full pressure on Bamako",
    "recon_gain": "reconciliation per quarter under a full civil-society priority",
    "recon_violence_loss": "reconciliation lost per quarter at full mean violence",
    "pressure_recon": "reconciliation gained per quarter under full pressure on Bamako",
    "pressure_will": "Bamako's will gained per quarter under full pressure",
    "will_drift": "Bamako's will lost per quarter when the Council does not push (less the more it pushes)",
    "elections_will": "Bamako's will gained per quarter under an elections priority",
    "quiet_consent": "consent regained per quarter when the Council does not push (less the more it pushes)",
    "pressure_consent": "consent lost per quarter under full pressure above Bamako's tolerance",
    "pressure_tolerance": "pressure Bamako tolerates before consent erodes",
    "handover_consent": "consent Bamako withdraws per quarter under a full handover to regional bodies it does not control",
    "ct_sovereignty": "consent lost per quarter to a force acting outside the mandate",
    "ct_trust": "local trust lost per quarter when the mission is a sideshow to a parallel force",
    "hr_consent": "consent lost per quarter under full public human-rights reporting",
    "hr_trust": "local trust gained per quarter under full human-rights monitoring",
    "insecurity_consent": "consent lost per quarter as mean violence rises above 50",
    "protection_trust": "local trust gained per quarter where the mission protects",
    "inclusion_drift": "relation signatories gain per quarter at full inclusion (and lose at none)",
    "inclusion_neutral": "inclusion (mean of implementation and reconciliation) at which relations and commitment hold steady",
    "defection_base": "chance per mille of a defection each quarter",
    "defection_violence": "added chance per mille at full mean violence",
    "defection_exclusion": "added chance per mille at full exclusion",
    "defection_trafficking": "added chance per mille when trafficking networks are at full strength",
    "defection_inclusion": "chance per mille removed at full inclusion",
    "defection_shock": "relation lost between two signatories when one defects",
    "truce_hold": "% of a defection's shock to a rival signatory's relation that a truce at peace (relation 0) spares; less the deeper the feud",
    "defection_commitment": "commitment the defecting signatory loses",
    "spoiler_courting": "relation spoilers win per quarter with signatories when these are split",
    "cost_per_1000_troops": "yearly cost in $m per thousand uniformed personnel",
    "cost_base": "yearly cost in $m of civilian staff and logistics",
    "capital_per_mandate": "political capital the penholder has for trades at each renewal",
    "failed_vote_standing": "standing the penholder loses when a draft fails",
    "second_card_chance": "chance per mille of a second card in a quarter",
    "consent_floor": "consent at or below which the host state ends the mission",
    "troops_floor": "troops below which contributors' withdrawal ends the mission",
    "agreement_floor": "implementation at or below which, with commitment gone, the agreement collapses",
    "commitment_floor": "mean signatories' commitment at or below which the agreement can collapse",
}

# The rules' causes (``rule:<key>`` in the ledger); what each means, in words, is in the
# interface catalogues (context "rule"), read by the "why?" answers.
RULES: tuple[str, ...] = (
    "deployment", "presence", "sidelined", "expectations", "capacity_drift", "ownership_drift", "regrowth",
    "attrition", "splits", "violence_drivers", "hostility", "communal", "collusion", "rivalry",
    "dialogue", "truces", "recruitment", "protection", "state", "reconciliation_damps",
    "displacement", "casualties", "contributors_leave", "safety", "impartiality_recovers",
    "partiality", "implementation_commitment", "mediation", "trafficking", "mediators_reengage",
    "split_decay", "violence_erodes", "insecurity", "inclusion", "defection", "courting", "abandonment", "cost",
    "renewal", "own_pace",
)


_SCALES: tuple[int, ...] = tuple(100 ** n for n in range(9))  # part's denominators, by how many percents


def part(value: int, *percents: int) -> int:
    """``value`` times each percent / 100, rounded half away from zero, in integers."""
    num = value * prod(percents)
    den = _SCALES[len(percents)]
    if num >= 0:
        return (num + den // 2) // den
    return -((-num + den // 2) // den)


def pct(value: int, percent: int) -> int:
    """``part`` with one percent (the same rounding), cheaper: the hot path of the rules."""
    num = value * percent
    return (num + 50) // 100 if num >= 0 else -((50 - num) // 100)


def mean(values: Mapping[str, int], keys: tuple[str, ...]) -> int:
    """Integer mean of some quantities, rounded down."""
    total = 0
    for key in keys:
        total += values[key]
    return total // len(keys)


# Quantity names, built once: the rules run thousands of times a second in simulations. Interned,
# as the quantities' own names are (``world``, ``Meters``): a dict then finds a key by identity,
# without comparing the characters.
_VIOLENCE = {r: sys.intern(f"violence.{r}") for r in REGIONS}
_PRESENCE = {r: sys.intern(f"mission_presence.{r}") for r in REGIONS}
_STATE = {r: sys.intern(f"state_presence.{r}") for r in REGIONS}
_VIOLENCE_KEYS = tuple(_VIOLENCE[r] for r in REGIONS)
_DISPLACED = {r: sys.intern(f"displacement.{r}") for r in REGIONS}
_EXPOSURE = tuple((_VIOLENCE[r], _PRESENCE[r]) for r in REGIONS)  # violence met by presence
_STRENGTH = {a: sys.intern(f"strength.{a}") for a in ARMED}
_BUYIN = {a: sys.intern(f"buyin.{a}") for a in REGIONAL}
_SIGNATORY_KEYS = tuple(pair_key(a, b) for a, b in SIGNATORY_PAIRS)
_COMMITMENT = tuple(sys.intern(f"commitment.{s}") for s in SIGNATORIES)
_ARMED_SIGNATORIES = tuple((sys.intern(f"commitment.{s}"), s) for s in SIGNATORIES[1:])  # who may defect
_COURTING = tuple(pair_key(s, spoiler) for s in SIGNATORIES[1:] for spoiler in SPOILERS)
_NORTH = frozenset(("kidal", "gao", "timbuktu", "menaka"))
_CENTRE_STATE = tuple(_STATE[r] for r in CENTRE)
# Collusion's relations: a spoiler's ties with every other armed actor.
_TIES = {a: tuple(pair_key(a, b) for b in ARMED if b != a) for a in SPOILERS}
# Open war: two jihadist groups, or a northern signatory and a jihadist group, both present somewhere.
_WARS = tuple((pair_key(a, b), a, b) for a in ("cma", "platform", *EXTREMISTS) for b in EXTREMISTS
              if a != b and ARMED.index(a) < ARMED.index(b))
_EXTREMIST_PAIRS = tuple((pair_key(a, b), _STRENGTH[a], _STRENGTH[b]) for i, a in enumerate(EXTREMISTS) for b in EXTREMISTS[i + 1:])
_TRAFFIC_TIES = tuple((sys.intern(f"commitment.{s}"), pair_key(s, "traffickers")) for s in SIGNATORIES)
_DIALOGUE = {_STRENGTH[a]: pair_key("government", a) for a in EXTREMISTS}
_CENTRE_VIOLENCE = tuple(_VIOLENCE[r] for r in CENTRE)
_G5 = tuple(sys.intern(f"buyin.{a}") for a in ("chad", "niger", "burkina_faso", "mauritania"))
_ENGAGED = tuple(sys.intern(f"buyin.{a}") for a in REGIONAL_BODIES) + _G5  # the region's own engagement, for ownership
_BUYIN_KEYS = tuple(_BUYIN.values())
_BODIES = tuple(sys.intern(f"buyin.{a}") for a in REGIONAL_BODIES)
_NEIGHBOURS = tuple(sys.intern(f"buyin.{a}") for a in NEIGHBOURS)
_MEDIATORS = tuple(sys.intern(f"buyin.{a}") for a in MEDIATORS)
_GOV_CMA = pair_key("government", "cma")
_CMA_PLATFORM = pair_key("cma", "platform")


def cohesion(values: Mapping[str, int]) -> int:
    """Signatories' cohesion, 0..100, derived from their relations (−100..100)."""
    return (mean(values, _SIGNATORY_KEYS) + 100) // 2


def saturate(raw: int, knee: int) -> int:
    """A region's presence from the troops its weight sends (``raw``, where 100 is full presence):
    point for point up to ``knee``, then less and less, never reaching full presence.

    Each company added to a region already thick with troops guards its camps and convoys more
    than it patrols; at ``knee`` 100 this is the old hard cap, ``min(100, raw)``."""
    if raw <= knee:
        return raw
    over, span = raw - knee, 100 - knee
    return knee + span * over // (over + span) if span > 0 else 100


def room(strength: int, knee: int) -> int:
    """% of its recruits a group still finds: all up to ``knee``, then fewer, none at full strength.

    The most fighters a group can field, feed, arm and pay: past it, recruits run dry."""
    if strength <= knee:
        return 100
    return (100 - strength) * 100 // max(1, 100 - knee)


@dataclass(frozen=True)
class Plan:
    """What the rules need from a scenario, arranged once per game for speed."""

    coefficients: Mapping[str, int]
    drivers: Mapping[str, tuple[tuple[str, int], ...]]  # region -> ((strength key, footprint %), …)
    shares: Mapping[str, int]  # region -> % of the mission's deployment
    # open wars: (relation, strength of one side, strength of the other, violence where both are)
    wars: tuple[tuple[str, str, str, tuple[str, ...]], ...] = ()
    # region -> % of the signatories' fighting that happens there (where the CMA, party to both
    # hostile pairs, is strongest: Kidal in 2014, 2016 and 2017)
    clash_share: Mapping[str, int] = field(default_factory=dict)
    # What the hot loops read per region, looked up once per game rather than once per quarter:
    # deployment's (presence key, % of deployment, in the centre), and violence's ``Region`` rows.
    deploy: tuple[tuple[str, int, bool], ...] = field(kw_only=True)
    regions: tuple[Region, ...] = field(kw_only=True)


class Region(NamedTuple):
    """One region as the violence section reads it (keys built once: the loop is hot)."""

    violence: str
    presence: str
    state: str
    displaced: str
    centre: bool
    clash_share: int  # % of the signatories' fighting that happens here
    gap: bool  # a handover's security gap opens here (everywhere but the capital)
    # (strength key, footprint % times the coefficient spoiler_violence, talks can calm it)
    drivers: tuple[tuple[str, int, bool], ...]


def prepare(coefficients: Mapping[str, int], footprint: Mapping[str, Mapping[str, int]], deployment: Mapping[str, int]) -> Plan:
    drivers = {
        r: tuple((_STRENGTH[a], footprint[a][r]) for a in ARMED if footprint.get(a, {}).get(r, 0))
        for r in REGIONS
    }
    total = sum(deployment.values()) or 1
    shares = {r: deployment.get(r, 0) * 100 // total for r in REGIONS}
    wars = tuple(
        (key, _STRENGTH[a], _STRENGTH[b], tuple(_VIOLENCE[r] for r in REGIONS if footprint.get(a, {}).get(r, 0) and footprint.get(b, {}).get(r, 0)))
        for key, a, b in _WARS
    )
    cma = footprint.get("cma", {})
    top = max((cma.get(r, 0) for r in REGIONS), default=0) or 1
    clash_share = {r: cma.get(r, 0) * 100 // top if r in _NORTH else 0 for r in REGIONS}
    deploy = tuple((_PRESENCE[r], shares[r], r in CENTRE) for r in REGIONS)
    return Plan(dict(coefficients), drivers, shares, wars, clash_share, deploy=deploy,
                regions=_regions(drivers, clash_share, coefficients["spoiler_violence"]))


def _regions(drivers: Mapping[str, tuple[tuple[str, int], ...]], clash_share: Mapping[str, int],
             spoiler_violence: int) -> tuple[Region, ...]:
    """The violence section's rows, one per region."""
    return tuple(
        Region(_VIOLENCE[r], _PRESENCE[r], _STATE[r], _DISPLACED[r], r in CENTRE, clash_share[r], r != "bamako",
               tuple((key, share * spoiler_violence, key in _DIALOGUE) for key, share in drivers[r]))
        for r in REGIONS
    )


class Quarter:
    """One field quarter in progress: the state, the levers, and what the sections share.

    Each section of the quarter is a function of its own (``SECTIONS``, called in that order), so
    that each causal claim can be read, and tested, on its own. ``add`` is ``Meters.add``
    again, on the quarter's own references for speed: clamp to the range, record the real change
    with its cause. The sections call ``q.add`` and ``q.why`` as methods, not through local
    names, so that the compiled engine (``game/accel``) calls them directly."""

    __slots__ = ("v", "ranges", "ledger", "L", "C", "plan", "luck", "quarter", "causes", "shared", "consent", "frame", "handover",
                 "support", "parallel", "robust", "split", "war_at", "grievance", "mediators",
                 "violence_mean", "killed", "contributors_left", "expected_deaths")

    def __init__(self, m: Meters, levers: Mapping[str, int], lever_cause: Mapping[str, str], plan: Plan,
                 luck: Luck | None, shares: Mapping[str, tuple[tuple[str, int], ...]] | None = None) -> None:
        v = m.values
        self.v: dict[str, int] = v
        self.ranges: Mapping[str, tuple[int, int]] = m.ranges
        self.ledger: list[tuple[int, str, int, str]] = m.ledger
        self.L = levers
        self.C = plan.coefficients
        self.plan = plan
        self.luck = luck
        self.quarter: int = m.quarter
        self.causes: dict[str, str] = dict(lever_cause)
        # per shared lever: its strongest clause, the others with what each adds, and the total
        self.shared: dict[str, tuple[str, tuple[tuple[str, int], ...], int]] = {
            lever: (parts[0][0], parts[1:], sum(w for _c, w in parts)) for lever, parts in (shares or {}).items()}
        # Read once, at the start of the quarter: every section sees the same consent and levers.
        self.consent = v["mission.consent"]
        self.frame = levers.get("regional_frame", 0)
        self.handover = levers.get("handover", 0)
        self.support = levers.get("outside_support", 0)
        self.parallel = levers.get("parallel_force", 0)
        self.robust = levers.get("robust", 0)
        # Set by the sections, for the sections after them.
        self.split = 0
        self.war_at: dict[str, int] = {}
        self.grievance = 0
        self.mediators = 0
        self.violence_mean = 0
        # For the game's journal (contributors who leave are news): so it need not search the ledger.
        self.killed = 0
        self.contributors_left = 0
        self.expected_deaths = 0  # in hundredths: the previews' expected toll, not floored

    def why(self, lever: str, fallback: str) -> str:
        """The clause whose lever drives a change, or the rule itself."""
        return self.causes.get(lever, fallback)

    def add(self, name: str, change: int, cause: str) -> int:
        if change:
            v = self.v
            old = v[name]
            new = old + change
            lo, hi = self.ranges[name]
            if new < lo:
                new = lo
            elif new > hi:
                new = hi
            if new != old:
                v[name] = new
                delta = new - old
                self.ledger.append((self.quarter, name, delta, cause))
                return delta
        return 0

    def add_against(self, name: str, base: int, base_cause: str, offset: int, offset_cause: str) -> int:
        # One change in two parts of opposite signs: a rule's move, and what a clause takes
        # off it. Clamped once, as one change, so the values are one ``add``'s; both parts
        # are recorded when the range lets the whole change through, else what did change
        # goes to the part that points its way.
        total = base + offset
        delta = self.add(name, total, base_cause)
        if delta and offset:
            ledger, quarter = self.ledger, self.quarter
            if delta == total and base:
                ledger[-1] = (quarter, name, base, base_cause)
                ledger.append((quarter, name, offset, offset_cause))
            elif not base or (delta > 0) != (base > 0):
                ledger[-1] = (quarter, name, delta, offset_cause)
        return delta

    def add_by(self, name: str, change: int, lever: str, fallback: str) -> int:
        # A change a lever drives: the clause's that sets the lever, or, where several clauses
        # add to it (``Game.lever_shares``), theirs in the shares they add, the rounding to
        # the strongest. One clamped change, so the values are one ``add``'s.
        split = self.shared.get(lever)
        if split is None:
            return self.add(name, change, self.causes.get(lever, fallback))
        first, others, total = split
        delta = self.add(name, change, first)
        if delta:
            ledger, quarter = self.ledger, self.quarter
            at = len(ledger) - 1
            size = delta if delta > 0 else -delta
            moved = 0
            for cause, w in others:
                n = size * w // total
                if n:
                    ledger.append((quarter, name, n if delta > 0 else -n, cause))
                    moved += n
            if moved:
                ledger[at] = (quarter, name, delta - moved if delta > 0 else delta + moved, first)
        return delta


def field_quarter(
    m: Meters,
    levers: Mapping[str, int],
    lever_cause: Mapping[str, str],
    plan: Plan,
    luck: Luck | None,
    shares: Mapping[str, tuple[tuple[str, int], ...]] | None = None,
) -> Quarter:
    """Move the world by one quarter. ``luck`` None gives the expected path (for previews);
    ``shares``, the levers several clauses add to (``Game.lever_shares``), for the causes."""
    q = Quarter(m, levers, lever_cause, plan, luck, shares)
    for section in SECTIONS:
        section(q)
    return q


def deployment(q: Quarter) -> None:
    """The mission's size and where it stands."""
    v, L, C = q.v, q.L, q.C
    gap = L.get("troop_ceiling", v["mission.troops"]) - v["mission.troops"]
    step = max(-C["troop_step"], min(C["troop_step"], gap))
    q.add("mission.troops", step, q.why("troop_ceiling", "rule:deployment"))
    troops = v["mission.troops"]
    centre = L.get("centre_focus", 0)
    shift = pct(C["centre_shift"], centre)
    full = max(1, C["troops_full_presence"])
    follow = C["presence_follow"]
    knee = C["presence_knee"]
    centre_cause = q.why("centre_focus", "rule:presence")
    centre_add = shift // len(CENTRE)
    elsewhere = 100 - shift
    regions = len(REGIONS)
    for key, base_share, in_centre in q.plan.deploy:
        share = base_share + centre_add if in_centre else pct(base_share, elsewhere)
        target = saturate(troops * share * regions // full, knee)
        change = pct(target - v[key], follow)
        if not shift or not change:
            q.add(key, change, "rule:presence")
            continue
        # A central-Mali priority answers for the part of the way that its shift of troops makes:
        # the gap between where the troops alone would put presence and where the shift puts it
        # (the centre's gain, and the other regions' loss, which was put down to the troops).
        now, gap = v[key], target - v[key]
        base = saturate(troops * base_share * regions // full, knee)
        if gap > 0:
            lever = change * max(0, target - max(now, base)) // gap
        else:
            lever = -((-change) * max(0, min(now, base) - target) // -gap)
        q.add(key, change - lever, "rule:presence")
        q.add(key, lever, centre_cause)


def regional(q: Quarter) -> None:
    """Regional buy-in, capacity and ownership (claims 1 and 7)."""
    L, C = q.L, q.C
    frame, handover, parallel = q.frame, q.handover, q.parallel
    frame_gain = pct(C["buyin_frame_gain"], frame)
    sidelined = pct(C["buyin_sidelined"], 100 - frame)
    handover_gain = pct(C["buyin_handover_gain"], handover)
    for actor in REGIONAL:
        key = _BUYIN[actor]
        if actor == "france":
            _france(q)
            continue
        if frame_gain:
            q.add_by(key, frame_gain, "regional_frame", "rule:sidelined")
            if actor == "algeria":
                # Algeria, the mediator, is wary of outside forces in its backyard and of the G5
                # frame it is not part of: a Sahel-wide frame with them costs its buy-in.
                forces = (("parallel_force", parallel), ("regional_force", L.get("regional_force", 0)),
                          ("g5_support", L.get("g5_support", 0)))
                by, outside = max(forces, key=lambda lever: lever[1])
                if outside:  # a product of two clauses: each answers for half of it
                    wary = part(C["algeria_wariness"], frame, outside)
                    q.add_by(key, -(wary - wary // 2), "regional_frame", "rule:sidelined")
                    q.add(key, -(wary // 2), q.why(by, "rule:sidelined"))
        q.add(key, -sidelined, "rule:sidelined")
        if handover_gain and actor in REGIONAL_BODIES:
            q.add(key, handover_gain, q.why("handover", "rule:sidelined"))
        if actor == "algeria" and L.get("agreement_focus", 0):
            # The mediator's stake: a mandate built around the peace talks it leads draws Algeria in.
            q.add(key, pct(C["mediator_stake"], L["agreement_focus"]), q.why("agreement_focus", "rule:sidelined"))
    _ownership(q)
    _expectations(q)


def _ownership(q: Quarter) -> None:
    """The region's capacity and ownership: built by a handover, a frame and the G5 force."""
    v, L, C = q.v, q.L, q.C
    frame, handover = q.frame, q.handover
    if handover:
        bodies = mean(v, _BODIES)
        growth = part(C["capacity_growth"], handover, 50 + q.support // 2, bodies)
        q.add("regional.capacity", growth, q.why("handover", "rule:capacity_drift"))
        q.add("regional.ownership", pct(C["ownership_gain"], handover), q.why("handover", "rule:ownership_drift"))
    else:
        q.add("regional.capacity", -C["capacity_decay"], "rule:capacity_drift")
    if frame:
        q.add_by("regional.ownership", pct(C["ownership_frame"], frame), "regional_frame", "rule:ownership_drift")
    g5 = L.get("g5_support", 0)
    if g5:
        # The Sahel states' own joint force is the region owning part of its security.
        q.add("regional.ownership", pct(C["ownership_g5"], g5), q.why("g5_support", "rule:ownership_drift"))
    if not handover and frame < 50:
        # Ownership fades without a regional role, but not below what the region's own engagement
        # keeps of it: the G5 Sahel, the AU's and ECOWAS's envoys and plans exist whatever the mandate.
        above = v["regional.ownership"] - pct(mean(v, _ENGAGED), C["ownership_floor"])
        if above > 0:
            q.add("regional.ownership", -min(C["ownership_decay"], above), "rule:ownership_drift")


def _expectations(q: Quarter) -> None:
    """The more a partner engages, the more it asks in return (funding, command, a say in the
    text) and the more each shortfall costs: past the knee, buy-in slips back (the record: the G5
    funding fight of 2017-2020)."""
    v = q.v
    knee, expectations = q.C["buyin_knee"], q.C["buyin_expectations"]
    for key in _BUYIN_KEYS:
        if v[key] > knee:
            q.add(key, -pct(v[key] - knee, expectations), "rule:expectations")


def _france(q: Quarter) -> None:
    """France's buy-in: it gains while its own force carries coercion, loses under a handover."""
    C = q.C
    if q.parallel:
        q.add("buyin.france", pct(C["france_parallel_gain"], q.parallel), q.why("parallel_force", "rule:sidelined"))
    if q.handover:
        q.add("buyin.france", -pct(C["france_sidelined"], q.handover), q.why("handover", "rule:sidelined"))


def spoilers(q: Quarter) -> None:
    """Spoilers regroup, collude, exploit splits and are struck (claims 1, 3 and 5)."""
    v, L, C = q.v, q.L, q.C
    consent, robust, parallel = q.consent, q.robust, q.parallel
    neighbours = mean(v, _NEIGHBOURS)
    # border cooperation: neighbours can only do so much, and more when planning is Sahel-wide
    border = pct(neighbours, C["border_base"] + pct(C["border_frame"], q.frame))
    q.split = split = 100 - cohesion(v)
    regrowth = pct(C["spoiler_regrowth"], 100 - border)
    exploit = pct(C["split_exploit"], split)
    robust_hit = part(C["robust_attrition"], robust, consent)
    # A parallel force strikes as hard as its sponsor is engaged: Barkhane was France's choice.
    ct_hit = part(C["ct_strike"], parallel, 100 - pct(C["france_engagement"], 100 - v["buyin.france"]))
    regional_hit = part(C["regional_strike"], L.get("regional_force", 0), v["regional.capacity"])
    mission_hit = part(C["mission_strike"], L.get("mission_force", 0), consent)
    g5 = L.get("g5_support", 0)
    g5_hit = part(C["g5_strike"], g5, mean(v, _G5)) if g5 else 0
    decay = C["spoiler_decay"]
    knee = C["recruitment_knee"]
    for actor in SPOILERS:
        key = _STRENGTH[actor]
        q.add(key, regrowth if v[key] <= knee else pct(regrowth, room(v[key], knee)), "rule:regrowth")
        # Collusion: an armed actor on good terms with a spoiler gives it shelter, routes, recruits
        # or money: a signatory, the state's own officials, traffickers, another jihadist group.
        ties = 0
        for tie in _TIES[actor]:
            if v[tie] > 0:
                ties += v[tie]
        if ties:
            q.add(key, pct(C["collusion"], min(100, ties)), "rule:collusion")
        q.add(key, -pct(v[key], decay), "rule:attrition")
        q.add(key, exploit, "rule:splits")
        if robust_hit:
            q.add_by(key, -robust_hit, "robust", "rule:attrition")
        if actor in EXTREMISTS:
            if ct_hit:
                q.add(key, -ct_hit, q.why("parallel_force", "rule:attrition"))
            if regional_hit:
                q.add(key, -regional_hit, q.why("regional_force", "rule:attrition"))
            if mission_hit:
                q.add_by(key, -mission_hit, "mission_force", "rule:attrition")
            if g5_hit:
                q.add(key, -g5_hit, q.why("g5_support", "rule:attrition"))


def rivalry(q: Quarter) -> None:
    """Rivalry and open war between armed groups.

    The record: JNIM and the ISGS cooperate until 2019, then fight from 2020; the Platform's MSA
    and GATIA fight the ISGS around Ménaka in 2018. Two jihadist groups compete for the same
    ground and recruits: the stronger both are, the faster their relation sours. Open war kills
    where both are present and wears both down."""
    v, C = q.v, q.C
    drift_k = C["rivalry_drift"]
    for key, a_key, b_key in _EXTREMIST_PAIRS:
        # (slower as it nears open war: a feud already bitter has less left to lose)
        q.add(key, -part(drift_k, v[a_key], v[b_key], 100 + v[key]), "rule:rivalry")
    war_violence = C["rivalry_violence"]
    war_attrition = C["rivalry_attrition"]
    war_at = q.war_at
    for key, a_key, b_key, places in q.plan.wars:
        hostility_ab = -v[key]
        if hostility_ab <= 0:
            continue
        war = pct(war_violence, hostility_ab)
        for place in places:
            war_at[place] = war_at.get(place, 0) + war
        worn = pct(war_attrition, hostility_ab)
        if worn:  # (a mild hostility wears neither side down: nothing to record)
            q.add(a_key, -worn, "rule:rivalry")
            q.add(b_key, -worn, "rule:rivalry")


def recruitment(q: Quarter) -> None:
    """Recruitment in the centre (the record, 2015-2019: Katiba Macina, then JNIM).

    Armed groups recruit where the state is absent, grievances run high and civilians are harmed,
    counter-terrorism operations included: they do not simply decay toward a floor."""
    v, L, C = q.v, q.L, q.C
    # Communities that trust the mission (protection, public accountability) resist recruitment.
    q.grievance = grievance = pct(100 - v["politics.reconciliation"], 100 - pct(C["trust_resilience"], v["mission.trust"]))
    absence = 100 - mean(v, _CENTRE_STATE)
    # Public human-rights reporting holds forces to account: fewer abuses in operations.
    abuses = pct(C["ct_grievance"], max(q.parallel, q.robust))
    abuses = pct(abuses, 100 - pct(C["accountability"], L.get("hr_monitoring", 0)))
    centre_violence = mean(v, _CENTRE_VIOLENCE)
    harm = min(100, centre_violence + abuses)
    # (a group recruits less as it nears the most it can field: at full strength, half as fast,
    # and none at all once past the knee: see ``room``)
    jnim = v["strength.jnim"]
    saturation = pct(100 - jnim // 2, room(jnim, C["recruitment_knee"]))
    recruits = min(part(C["centre_recruitment"], absence, grievance, harm, saturation), pct(100 - jnim, C["recruitment_fill"]))
    # Recruits must be trained, armed and paid before they count: a quarter fills only part of
    # the gap to full strength, so a group nears its ceiling without sitting on it. The recruits
    # the operations' abuses bring are the clause's that sets them (parallel force, or robust posture).
    without = min(recruits, part(C["centre_recruitment"], absence, grievance, centre_violence, saturation)) if abuses else recruits
    q.add("strength.jnim", without, "rule:recruitment")
    if recruits != without:
        q.add_by("strength.jnim", recruits - without, "parallel_force" if q.parallel >= q.robust else "robust", "rule:recruitment")


def violence(q: Quarter) -> None:
    """Violence per region, and the displacement that follows it (claims 2, 6, 7 and 9)."""
    v, C, plan = q.v, q.C, q.plan
    robust, handover, support = q.robust, q.handover, q.support
    reconciliation = v["politics.reconciliation"]
    grievance = q.grievance
    reach = C["centre_reach"]
    jnim = v["strength.jnim"]
    war_at = q.war_at
    hostility = min(100, max(0, -v[_GOV_CMA]) + max(0, -v[_CMA_PLATFORM]))
    # Outside support narrows the gap but cannot close it: funding and enablers arrive late.
    gap_open = part(C["handover_gap"], handover, 100 - v["regional.capacity"], 100 - support // 2) if handover else 0
    inertia = C["violence_inertia"]
    hostile = part(C["hostility_violence"], hostility, inertia)
    communal = part(C["communal_violence"], 100 - reconciliation, inertia)
    damp_centre = part(C["recon_damp_centre"], reconciliation, inertia)
    damp_elsewhere = part(C["recon_damp_elsewhere"], reconciliation, inertia)
    # The damping reads the stock of reconciliation, not the lever: the clause's part is what it
    # added to that stock (recorded there, in ``politics``). Named for the clause, a default
    # agreement priority that adds nothing to the stock was answered for all of it.
    recon_cause = "rule:reconciliation_damps"
    gap_step = pct(gap_open, inertia)
    follow_displacement = C["displacement_follow"]
    shield_floor = C["shield_floor"]
    # Products of non-negative integers, rounded half up: inlined because this loop is hot.
    # Consent multiplies what presence protects (claim 9): a mission the state obstructs does less.
    consent_eff = 100 - pct(C["consent_protection"], 100 - q.consent)
    protect_k = C["presence_protection"] * consent_eff * inertia  # / 100**3 with presence
    robust_k = C["robust_protection"] * robust * inertia
    state_k = C["state_protection"] * inertia
    # Talks: the better the state's terms with a jihadist group (local truces, dialogue), the less
    # violence that group drives (the record: the national dialogue of 2019 asked for talks; local
    # agreements in the centre, such as Niono in 2021, calmed some districts for a while).
    dialogue = C["dialogue_damp"]
    talks = {k: 100 - pct(dialogue, (v[rel] + 100) // 2) for k, rel in _DIALOGUE.items()}
    gap_cause = q.why("handover", "rule:violence_drivers")
    for key, presence_key, state_key, disp, in_centre, clash, gap_here, drivers in plan.regions:
        drive, calmed = _drive(v, drivers, talks)
        drive += war_at.get(key, 0)
        if in_centre:  # the insurgency reaches where the state is absent and grievances run high
            drive += part(reach, jnim, 100 - v[state_key], grievance)
        presence = v[presence_key]
        # Violence moves toward what the armed groups' presence drives (up, or fading down).
        q.add(key, ((drive - v[key]) * inertia + 50) // 100, "rule:violence_drivers")
        if calmed:
            q.add(key, -pct(calmed, inertia), "rule:dialogue")
        if hostile and clash:
            q.add(key, pct(hostile, clash), "rule:hostility")
        if in_centre:
            q.add(key, communal, "rule:communal")
            q.add(key, -damp_centre, recon_cause)
        else:
            q.add(key, -damp_elsewhere, recon_cause)
        # Protection cannot hold violence below a floor of what the armed groups drive: even the
        # best-guarded capital saw attacks (Bamako: the Radisson Blu, 2015; Kangaba, 2017).
        room = v[key] - pct(drive, shield_floor)
        if room > 0:
            shield = (protect_k * presence + 500_000) // 1_000_000
            q.add(key, -min(room, shield), "rule:protection")
            room -= shield
            if robust and room > 0:
                shield = (robust_k * presence + 500_000) // 1_000_000
                q.add_by(key, -min(room, shield), "robust", "rule:protection")
                room -= shield
            if room > 0:
                q.add(key, -min(room, (state_k * v[state_key] + 5_000) // 10_000), "rule:state")
        if gap_step and gap_here:
            q.add(key, gap_step, gap_cause)
        q.add(disp, pct(v[key] - v[disp], follow_displacement), "rule:displacement")


def _drive(v: Mapping[str, int], drivers: tuple[tuple[str, int, bool], ...], talks: Mapping[str, int]) -> tuple[int, int]:
    """The violence the armed groups present in a region drive, and how much of it talks calm.

    Each driver's weight is its footprint times ``spoiler_violence`` (multiplied once, in ``prepare``)."""
    drive = calmed = 0
    for strength_key, weight, talked in drivers:
        push = (v[strength_key] * weight + 5_000) // 10_000
        drive += push
        if talked:
            calmed += push - pct(push, talks[strength_key])
    return drive, calmed


def casualties(q: Quarter) -> None:
    """Casualties and contributors (claims 2 and 10)."""
    v, C, robust = q.v, q.C, q.robust
    exposure = 0
    for violence_key, presence_key in _EXPOSURE:
        exposure += (v[violence_key] * v[presence_key] + 50) // 100
    robust_rate = pct(C["robust_casualty"], robust)
    rate = C["casualty_rate"] + robust_rate
    # Linear in exposed troops: presence already grows with the troops deployed (claim 10).
    expected = exposure * rate
    killed = expected // 100
    q.expected_deaths = expected
    if q.luck is not None and q.luck.draw(q.quarter, "casualties") * 100 < expected % 100:
        killed += 1  # the fraction of a death is a chance, not a rounding
    # The posture answers only for the deaths its extra rate adds; the others are the exposure's own
    # (every death was put down to a robust clause, as if a traditional mission lost no one).
    extra = killed * robust_rate // rate if robust_rate else 0
    q.killed = q.add("mission.casualties", killed - extra, "rule:casualties")
    if extra:
        q.killed += q.add_by("mission.casualties", extra, "robust", "rule:casualties")
    q.add("mission.safety", pct(100 - C["safety_per_casualty"] * killed - v["mission.safety"], 50), "rule:safety")
    # Contributors bear fewer losses as the mission's toll mounts (the deadliest UN mission of its
    # time): every ``toll_fatigue`` peacekeepers killed in all lowers what a quarter may cost.
    bearable = max(1, C["tcc_threshold"] - v["mission.casualties"] // max(1, C["toll_fatigue"]))
    if killed > bearable:
        q.contributors_left = -q.add("mission.troops", -C["tcc_withdrawal"] * (killed - bearable), "rule:contributors_leave")


def commitment(q: Quarter) -> None:
    """Impartiality, and the signatories' commitment to the agreement (claim 2)."""
    v, L, C, robust = q.v, q.L, q.C, q.robust
    if robust:
        q.add_by("mission.impartiality", -pct(C["robust_impartiality"], robust), "robust", "rule:partiality")
    if L.get("mission_force", 0):
        q.add_by("mission.impartiality", -pct(C["force_impartiality"], L["mission_force"]), "mission_force", "rule:partiality")
    q.add("mission.impartiality", pct(C["impartiality_recovery"], 100 - robust), "rule:impartiality_recovers")
    q.add("commitment.cma", -pct(C["partiality_commitment"], 100 - v["mission.impartiality"]), "rule:partiality")
    commitment_step = pct(C["implementation_commitment"], v["politics.implementation"] - C["inclusion_neutral"])
    q.mediators = mediators = mean(v, _MEDIATORS)
    # Mediators work through the mission's good offices: a mandate that puts the agreement aside
    # (the transition and its elections first, as in 2021-2022) leaves them less to work with.
    reengage = pct(C["mediation_commitment"], 100 - pct(C["reengage_focus"], 100 - L.get("agreement_focus", 0)))
    unfocused = pct(C["mediation_commitment"], 100 - C["reengage_focus"])  # with the agreement put aside
    focus_cause = q.why("agreement_focus", "rule:mediators_reengage")
    for key in _COMMITMENT:
        q.add(key, commitment_step, "rule:implementation_commitment")
        # Mediators bring a wavering party back to the table (the CMA's returns of 2015 and 2017);
        # what a mandate that puts the agreement first adds to it is the clause's.
        back = part(reengage, 100 - v[key], mediators)
        base = part(unfocused, 100 - v[key], mediators) if reengage != unfocused else back
        q.add(key, base, "rule:mediators_reengage")
        if back != base:
            q.add(key, back - base, focus_cause)
    # Trafficking income makes peace costly: a signatory on good terms with the networks (its
    # members, or officials on the state's side) is less bound to the agreement.
    for key, tie in _TRAFFIC_TIES:
        if v[tie] > 0:
            q.add(key, -pct(C["trafficking_pull"], v[tie]), "rule:trafficking")


def politics(q: Quarter) -> None:
    """Implementation, reconciliation, Bamako's will, consent and trust (claims 1, 4, 6 and 9)."""
    v, L, C = q.v, q.L, q.C
    parallel, handover, frame = q.parallel, q.handover, q.frame
    mediation = 50 + q.mediators // 2  # mediators help; they cannot do it all
    # The Council's pressure weighs as much as the Council is united (claim 4): a divided vote
    # tells Bamako that some members will not follow through.
    pressure = pct(L.get("pressure", 0), 50 + v["council.unity"] // 2)
    # The parties implement what they are committed to: the least committed signatory slows all.
    committed = 50 + min(map(v.__getitem__, _COMMITMENT)) // 2
    will = v["politics.will"]
    q.violence_mean = violence_mean = mean(v, _VIOLENCE_KEYS)
    pressure_cause = q.why("pressure", "rule:mediation")
    q.add("politics.implementation", part(C["impl_gain"], L.get("agreement_focus", 0), mediation, will, q.consent, committed), q.why("agreement_focus", "rule:mediation"))
    q.add("politics.implementation", pct(C["pressure_impl"], pressure), pressure_cause)
    q.add("politics.implementation", -pct(C["impl_decay"], q.split), "rule:split_decay")
    # What the parties no longer stand behind unravels: the agreement's bodies stop meeting,
    # disarmament stalls (the record: the CMA suspended its participation in December 2022).
    walked = 100 - 2 * mean(v, _COMMITMENT)
    if walked > 0:
        q.add("politics.implementation", -pct(C["abandonment"], walked), "rule:abandonment")
    q.add("politics.reconciliation", pct(C["recon_gain"], L.get("reconciliation_focus", 0)), q.why("reconciliation_focus", "rule:inclusion"))
    q.add("politics.reconciliation", pct(C["pressure_recon"], pressure), pressure_cause)
    q.add("politics.reconciliation", -pct(C["recon_violence_loss"], violence_mean), "rule:violence_erodes")
    q.add("politics.will", pct(C["pressure_will"], pressure), pressure_cause)
    # Left to its own pace, Bamako's will slackens and its consent mends (the rule: no pressure);
    # what the Council's pressure takes off both is the pressure clause's.
    drift = C["will_drift"]
    q.add_against("politics.will", -drift, "rule:own_pace", drift - pct(drift, 100 - pressure), pressure_cause)
    q.add("politics.will", pct(C["elections_will"], L.get("elections_focus", 0)), q.why("elections_focus", "rule:mediation"))
    # A six-month mandate keeps a tighter grip: Bamako moves faster under the Council's eye, and
    # resents the short leash (claim 4's pressure, by the calendar rather than by threats).
    if L.get("duration", 4) <= 2:
        grip_cause = q.why("duration", "rule:mediation")
        q.add("politics.will", C["short_mandate_will"], grip_cause)
        q.add("politics.implementation", C["short_mandate_impl"], grip_cause)
        q.add("mission.consent", -C["short_mandate_consent"], grip_cause)
    mends = C["quiet_consent"]
    q.add_against("mission.consent", mends, "rule:own_pace", pct(mends, 100 - pressure) - mends, pressure_cause)
    q.add("mission.consent", -pct(C["pressure_consent"], max(0, pressure - C["pressure_tolerance"])), pressure_cause)
    if parallel:
        q.add("mission.consent", -pct(C["ct_sovereignty"], parallel), q.why("parallel_force", "rule:insecurity"))
        q.add("mission.trust", -pct(C["ct_trust"], parallel), q.why("parallel_force", "rule:protection"))
    hr = L.get("hr_monitoring", 0)
    if hr:
        q.add("mission.consent", -pct(C["hr_consent"], hr), q.why("hr_monitoring", "rule:insecurity"))
        q.add("mission.trust", pct(C["hr_trust"], hr), q.why("hr_monitoring", "rule:protection"))
    q.add("mission.consent", -pct(C["insecurity_consent"], max(0, 2 * violence_mean - 100)), "rule:insecurity")
    if handover:
        q.add("mission.consent", -pct(C["handover_consent"], handover), q.why("handover", "rule:insecurity"))
    if frame and not handover:
        # Bamako guards its sovereignty against a UN mandate planned with its neighbours (a
        # handover to an African mission carries its own consent cost, above)
        q.add_by("mission.consent", -pct(C["frame_sovereignty"], frame), "regional_frame", "rule:insecurity")
    q.add("mission.trust", pct(C["protection_trust"], 100 - 2 * violence_mean), "rule:protection")


def alliances(q: Quarter) -> None:
    """Alliances among the armed actors: inclusion, truces, courting, defections (claim 5)."""
    v, C = q.v, q.C
    inclusion = (v["politics.implementation"] + v["politics.reconciliation"]) // 2
    drift = pct(C["inclusion_drift"], inclusion - C["inclusion_neutral"])
    # Alliances shift both ways: open hostility wears the parties out and the mediators broker
    # truces (the Anefis pacts of 2015, the truces of 2017-2018), so no relation sits at a bound.
    truce = C["truce_recovery"]
    mediators = q.mediators
    for key in _SIGNATORY_KEYS:
        q.add(key, drift, "rule:inclusion")
        if v[key] < 0:
            q.add(key, part(truce, -v[key], mediators), "rule:truces")
    courting = pct(C["spoiler_courting"], 100 - cohesion(v))
    for key in _COURTING:
        q.add(key, courting, "rule:courting")
    chance = (
        C["defection_base"]
        + pct(C["defection_violence"], q.violence_mean)
        + pct(C["defection_exclusion"], 100 - inclusion)
        + pct(C["defection_trafficking"], v["strength.traffickers"])
        - pct(C["defection_inclusion"], inclusion)
    )
    # The least committed of the CMA and the Platform is the one who may break: a party held to
    # the agreement (commitment above half) defects less, a wavering one more.
    held, defector = min((v[key], s) for key, s in _ARMED_SIGNATORIES)
    chance = chance * (150 - held) // 100
    if q.luck is not None and q.luck.draw(q.quarter, "defection") * 1000 < chance:
        for other in SIGNATORIES:
            if other == defector:
                continue
            key = pair_key(defector, other)
            if other == "government":
                q.add(key, -C["defection_shock"], "rule:defection")
            elif v[key] <= 0:
                # A walkout is a break with Bamako. Allied movements walk out together (the CSP of
                # 2021-2023); between rivals it reopens the feud only as deep as it still runs: a
                # truce that holds is not undone by a quarrel with the state (the record: the CMA
                # and the Platform kept the truces of 2017-2018 through the CMA's suspensions).
                q.add(key, -part(C["defection_shock"], 100 - pct(C["truce_hold"], 100 + v[key])), "rule:defection")
        q.add(f"commitment.{defector}", -C["defection_commitment"], "rule:defection")
        q.add(pair_key(defector, "jnim"), C["defection_shock"] // 2, "rule:defection")


def cost(q: Quarter) -> None:
    """The mission's yearly cost, from its troops."""
    v, C = q.v, q.C
    budget = C["cost_base"] + v["mission.troops"] * C["cost_per_1000_troops"] // 1000
    q.add("mission.budget", budget - v["mission.budget"], "rule:cost")


# The quarter's sections, in the order they run: each reads what the ones before it moved.
SECTIONS: tuple[Callable[[Quarter], None], ...] = (
    deployment, regional, spoilers, rivalry, recruitment, violence, casualties, commitment,
    politics, alliances, cost,
)


def ending(values: Mapping[str, int], C: Mapping[str, int], date: int | None = None) -> str | None:
    """The ending a quarter's state brings, if any (checked at the end of each quarter).

    ``date`` (year * 12 + month - 1) puts the agreement's collapse on the record's clock: not
    before ``collapse_from``; without a date, no clock."""
    commitment = mean(values, _COMMITMENT)
    if values["mission.consent"] <= C["consent_floor"]:
        return "consent_withdrawn"
    if values["mission.troops"] < C["troops_floor"]:
        return "contributors_withdraw"
    if values["politics.implementation"] <= C["agreement_floor"] and commitment <= C["commitment_floor"]:
        if date is None or date // 12 * 100 + date % 12 + 1 >= C["collapse_from"]:
            return "agreement_collapse"
    return None


def renewal_capital(values: Mapping[str, int], C: Mapping[str, int], short_mandate: bool) -> int:
    """The penholder's political capital for a renewal's trades.

    A fresh allowance that grows with standing, plus part of what was left unspent (card gains
    between votes count); a renewal after only six months brings less."""
    fresh = max(0, C["capital_per_mandate"] + pct(C["standing_capital"], values["council.standing"] - 50))
    capital = fresh + pct(values["council.capital"], C["capital_carry"])
    return pct(capital, C["short_mandate_capital"]) if short_mandate else capital


def update_derived(values: dict[str, int], start: int, quarter: int, mandate: int) -> None:
    """Refresh the read-only quantities conditions may read."""
    values["signatories.cohesion"] = cohesion(values)
    values["violence.mean"] = mean(values, _VIOLENCE_KEYS)
    values["time.quarter"] = quarter
    values["time.mandate"] = mandate
    values["time.year"] = (start + 3 * quarter) // 12
