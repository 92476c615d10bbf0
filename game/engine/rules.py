"""The quarterly dynamics of the model: how Mali moves between two decisions.

Every rule reads the levers of the resolution in force and the scenario's coefficients (named in
``COEFFICIENTS``, valued and explained in the scenario's YAML) and moves quantities through
``Meters.add`` with its cause: the clause whose lever drives it, or the rule itself. The design's
ten causal claims live here; the comments name them (claim 1 … claim 10).

All arithmetic is on integers; ``part`` rounds half away from zero so that the same inputs give
the same numbers on every machine.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from game.engine.ledger import Meters
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
    "troop_step": "troops the mission can gain or lose in a quarter on the way to its ceiling",
    "troops_full_presence": "troops needed for full presence everywhere the mission deploys",
    "presence_follow": "% of the gap to its target presence the mission closes each quarter",
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
    "ownership_decay": "regional ownership lost per quarter with neither frame nor handover",
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
    "hostility_violence": "violence in the north from open hostility between signatories",
    "communal_violence": "communal violence in the centre when there is no reconciliation",
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
    "will_drift": "Bamako's will lost per quarter under quiet diplomacy",
    "elections_will": "Bamako's will gained per quarter under an elections priority",
    "quiet_consent": "consent regained per quarter under full quiet diplomacy",
    "pressure_consent": "consent lost per quarter under full pressure above Bamako's tolerance",
    "pressure_tolerance": "pressure Bamako tolerates before consent erodes",
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

# Causes of the rules (for "why?" answers): rule key -> readable explanation.
RULES: dict[str, dict[str, str]] = {
    "deployment": {"en": "troops move toward the ceiling", "fr": "les effectifs rejoignent le plafond"},
    "presence": {"en": "mission deploys where its troops allow", "fr": "la mission se déploie selon ses effectifs"},
    "sidelined": {"en": "regional actors sidelined by a Mali-only frame", "fr": "acteurs régionaux tenus à l'écart par un cadre malien"},
    "capacity_drift": {"en": "regional capacity fades without a handover", "fr": "les capacités régionales s'étiolent sans transfert"},
    "ownership_drift": {"en": "ownership fades without a regional role", "fr": "l'appropriation s'étiole sans rôle régional"},
    "regrowth": {"en": "spoilers regroup across open borders", "fr": "les groupes se reconstituent à travers des frontières ouvertes"},
    "attrition": {"en": "spoilers' losses and desertions", "fr": "pertes et défections des groupes"},
    "splits": {"en": "spoilers exploit splits among signatories", "fr": "les groupes exploitent les divisions des signataires"},
    "violence_drivers": {"en": "armed groups' presence drives violence", "fr": "la présence des groupes armés nourrit la violence"},
    "violence_fades": {"en": "violence fades where its drivers weaken", "fr": "la violence retombe quand ses causes faiblissent"},
    "hostility": {"en": "fighting between signatories", "fr": "combats entre signataires"},
    "communal": {"en": "communal violence in the centre", "fr": "violences intercommunautaires au centre"},
    "protection": {"en": "the mission's presence protects", "fr": "la présence de la mission protège"},
    "state": {"en": "the state's presence protects", "fr": "la présence de l'État protège"},
    "reconciliation_damps": {"en": "reconciliation damps violence", "fr": "la réconciliation apaise la violence"},
    "displacement": {"en": "people flee violence and return when it ebbs", "fr": "les populations fuient la violence et reviennent quand elle baisse"},
    "casualties": {"en": "attacks on peacekeepers", "fr": "attaques contre les casques bleus"},
    "contributors_leave": {"en": "troop contributors withdraw after losses", "fr": "les pays contributeurs se retirent après des pertes"},
    "safety": {"en": "losses this quarter", "fr": "pertes du trimestre"},
    "impartiality_recovers": {"en": "a traditional posture restores impartiality", "fr": "une posture traditionnelle restaure l'impartialité"},
    "partiality": {"en": "armed groups see the mission as partial", "fr": "les groupes armés jugent la mission partiale"},
    "implementation_commitment": {"en": "implementation (or its absence) shapes commitment", "fr": "la mise en œuvre (ou son absence) façonne l'engagement"},
    "mediation": {"en": "mediation backed by regional buy-in", "fr": "médiation soutenue par l'adhésion régionale"},
    "split_decay": {"en": "split signatories stall implementation", "fr": "des signataires divisés bloquent la mise en œuvre"},
    "violence_erodes": {"en": "violence erodes reconciliation", "fr": "la violence érode la réconciliation"},
    "insecurity": {"en": "insecurity erodes Bamako's consent", "fr": "l'insécurité érode le consentement de Bamako"},
    "inclusion": {"en": "inclusion (implementation and reconciliation) draws signatories together", "fr": "l'inclusion rapproche les signataires"},
    "defection": {"en": "a signatory defects (violence, exclusion, trafficking income)", "fr": "un signataire fait défection (violence, exclusion, trafic)"},
    "courting": {"en": "spoilers court split signatories", "fr": "les groupes courtisent des signataires divisés"},
    "cost": {"en": "cost of troops and staff", "fr": "coût des troupes et du personnel"},
}


def part(value: int, *percents: int) -> int:
    """``value`` times each percent / 100, rounded half away from zero, in integers."""
    num = value
    den = 1
    for p in percents:
        num *= p
        den *= 100
    if num >= 0:
        return (num + den // 2) // den
    return -((-num + den // 2) // den)


def mean(values: list[int]) -> int:
    """Integer mean, rounded down (0 for no values)."""
    return sum(values) // len(values) if values else 0


def cohesion(values: Mapping[str, int]) -> int:
    """Signatories' cohesion, 0..100, derived from their relations (−100..100)."""
    total = sum(values[pair_key(a, b)] for a, b in SIGNATORY_PAIRS)
    return (total // len(SIGNATORY_PAIRS) + 100) // 2


def field_quarter(
    m: Meters,
    levers: Mapping[str, int],
    lever_cause: Mapping[str, str],
    coefficients: Mapping[str, int],
    footprint: Mapping[str, Mapping[str, int]],
    deployment: Mapping[str, int],
    rng: random.Random | None,
) -> None:
    """Move the world by one quarter. ``rng`` None gives the expected path (for previews)."""
    C = coefficients
    v = m.values
    L = levers

    def why(lever: str, fallback: str) -> str:
        return lever_cause.get(lever, fallback)

    consent = v["mission.consent"]

    # --- The mission's size and where it stands --------------------------------------------
    gap = L.get("troop_ceiling", v["mission.troops"]) - v["mission.troops"]
    step = max(-C["troop_step"], min(C["troop_step"], gap))
    m.add("mission.troops", step, why("troop_ceiling", "rule:deployment"))
    troops = v["mission.troops"]
    centre = L.get("centre_focus", 0)
    total_weight = sum(deployment.values()) or 1
    for region in REGIONS:
        share = deployment.get(region, 0) * 100 // total_weight
        shift = part(C["centre_shift"], centre)
        share = share + shift // len(CENTRE) if region in CENTRE else part(share, 100 - shift)
        target = min(100, troops * share * len(REGIONS) // max(1, C["troops_full_presence"]))
        key = f"mission_presence.{region}"
        cause = why("centre_focus", "rule:presence") if region in CENTRE and centre else "rule:presence"
        m.add(key, part(target - v[key], C["presence_follow"]), cause)

    # --- Regional buy-in, capacity and ownership (claims 1 and 7) ---------------------------
    frame = L.get("regional_frame", 0)
    handover = L.get("handover", 0)
    support = L.get("outside_support", 0)
    for actor in REGIONAL:
        key = f"buyin.{actor}"
        if actor == "france":
            m.add(key, part(C["france_parallel_gain"], L.get("parallel_force", 0)), why("parallel_force", "rule:sidelined"))
            m.add(key, -part(C["france_sidelined"], handover), why("handover", "rule:sidelined"))
            continue
        m.add(key, part(C["buyin_frame_gain"], frame), why("regional_frame", "rule:sidelined"))
        m.add(key, -part(C["buyin_sidelined"], 100 - frame), "rule:sidelined")
        if actor in REGIONAL_BODIES:
            m.add(key, part(C["buyin_handover_gain"], handover), why("handover", "rule:sidelined"))
    bodies = mean([v[f"buyin.{a}"] for a in REGIONAL_BODIES])
    if handover:
        growth = part(C["capacity_growth"], handover, 50 + support // 2, bodies)
        m.add("regional.capacity", growth, why("handover", "rule:capacity_drift"))
    else:
        m.add("regional.capacity", -C["capacity_decay"], "rule:capacity_drift")
    m.add("regional.ownership", part(C["ownership_gain"], handover), why("handover", "rule:ownership_drift"))
    m.add("regional.ownership", part(C["ownership_frame"], frame), why("regional_frame", "rule:ownership_drift"))
    if not handover and frame < 50:
        m.add("regional.ownership", -C["ownership_decay"], "rule:ownership_drift")

    # --- Spoilers (claims 1, 3 and 5) ------------------------------------------------------
    neighbours = mean([v[f"buyin.{a}"] for a in NEIGHBOURS])
    border = part(neighbours, 20 + part(80, frame))  # border cooperation, 0..100
    split = 100 - cohesion(v)
    capacity = v["regional.capacity"]
    for actor in SPOILERS:
        key = f"strength.{actor}"
        m.add(key, part(C["spoiler_regrowth"], 100 - border), "rule:regrowth")
        m.add(key, -part(v[key], C["spoiler_decay"]), "rule:attrition")
        m.add(key, part(C["split_exploit"], split), "rule:splits")
        m.add(key, -part(C["robust_attrition"], L.get("robust", 0), consent), why("robust", "rule:attrition"))
        if actor in EXTREMISTS:
            m.add(key, -part(C["ct_strike"], L.get("parallel_force", 0)), why("parallel_force", "rule:attrition"))
            m.add(key, -part(C["regional_strike"], L.get("regional_force", 0), capacity), why("regional_force", "rule:attrition"))
            m.add(key, -part(C["mission_strike"], L.get("mission_force", 0), consent), why("mission_force", "rule:attrition"))
            g5 = mean([v[f"buyin.{a}"] for a in ("chad", "niger", "burkina_faso", "mauritania")])
            m.add(key, -part(C["g5_strike"], L.get("g5_support", 0), g5), why("g5_support", "rule:attrition"))

    # --- Violence per region (claims 2, 6 and 7) -------------------------------------------
    robust = L.get("robust", 0)
    reconciliation = v["politics.reconciliation"]
    hostility = max(0, -v[pair_key("government", "cma")]) + max(0, -v[pair_key("cma", "platform")])
    gap_open = part(C["handover_gap"], handover, 100 - capacity, 100 - support)
    inertia = C["violence_inertia"]
    for region in REGIONS:
        key = f"violence.{region}"
        drive = sum(part(v[f"strength.{a}"], footprint.get(a, {}).get(region, 0), C["spoiler_violence"]) for a in ARMED)
        presence = v[f"mission_presence.{region}"]
        m.add(key, part(drive, inertia), "rule:violence_drivers")
        m.add(key, -part(v[key], inertia), "rule:violence_fades")
        if region in ("kidal", "gao", "timbuktu", "menaka") and hostility:
            m.add(key, part(C["hostility_violence"], min(100, hostility), inertia), "rule:hostility")
        if region in CENTRE:
            m.add(key, part(C["communal_violence"], 100 - reconciliation, inertia), "rule:communal")
            m.add(key, -part(C["recon_damp_centre"], reconciliation, inertia), why("reconciliation_focus", "rule:reconciliation_damps"))
        else:
            m.add(key, -part(C["recon_damp_elsewhere"], reconciliation, inertia), why("reconciliation_focus", "rule:reconciliation_damps"))
        m.add(key, -part(C["presence_protection"], presence, consent, inertia), "rule:protection")
        m.add(key, -part(C["robust_protection"], robust, presence, inertia), why("robust", "rule:protection"))
        m.add(key, -part(C["state_protection"], v[f"state_presence.{region}"], inertia), "rule:state")
        if gap_open and region != "bamako":
            m.add(key, part(gap_open, inertia), why("handover", "rule:violence_drivers"))
        disp = f"displacement.{region}"
        m.add(disp, part(v[key] - v[disp], C["displacement_follow"]), "rule:displacement")

    # --- Casualties and contributors (claims 2 and 10) -------------------------------------
    exposure = sum(part(v[f"violence.{r}"], v[f"mission_presence.{r}"]) for r in REGIONS)
    rate = C["casualty_rate"] + part(C["robust_casualty"], robust)
    expected = exposure * rate * max(1, troops) // 10000
    killed = expected // 100
    if rng is not None and rng.random() * 100 < expected % 100:
        killed += 1  # the fraction of a death is a chance, not a rounding
    m.add("mission.casualties", killed, why("robust", "rule:casualties") if robust >= 50 else "rule:casualties")
    m.add("mission.safety", part(100 - C["safety_per_casualty"] * killed - v["mission.safety"], 50), "rule:safety")
    if killed > C["tcc_threshold"]:
        m.add("mission.troops", -C["tcc_withdrawal"] * (killed - C["tcc_threshold"]), "rule:contributors_leave")

    # --- Impartiality and commitment (claim 2) ---------------------------------------------
    m.add("mission.impartiality", -part(C["robust_impartiality"], robust), why("robust", "rule:partiality"))
    m.add("mission.impartiality", -part(C["force_impartiality"], L.get("mission_force", 0)), why("mission_force", "rule:partiality"))
    m.add("mission.impartiality", part(C["impartiality_recovery"], 100 - robust), "rule:impartiality_recovers")
    m.add("commitment.cma", -part(C["partiality_commitment"], 100 - v["mission.impartiality"]), "rule:partiality")
    for actor in SIGNATORIES:
        m.add(f"commitment.{actor}", part(C["implementation_commitment"], v["politics.implementation"] - C["inclusion_neutral"]), "rule:implementation_commitment")

    # --- Politics (claims 1, 4, 6 and 9) ---------------------------------------------------
    mediation = mean([v[f"buyin.{a}"] for a in MEDIATORS])
    pressure = L.get("pressure", 0)
    will = v["politics.will"]
    violence_mean = mean([v[f"violence.{r}"] for r in REGIONS])
    m.add("politics.implementation", part(C["impl_gain"], L.get("agreement_focus", 0), mediation, will, consent) , why("agreement_focus", "rule:mediation"))
    m.add("politics.implementation", part(C["pressure_impl"], pressure), why("pressure", "rule:mediation"))
    m.add("politics.implementation", -part(C["impl_decay"], split), "rule:split_decay")
    m.add("politics.reconciliation", part(C["recon_gain"], L.get("reconciliation_focus", 0)), why("reconciliation_focus", "rule:inclusion"))
    m.add("politics.reconciliation", part(C["pressure_recon"], pressure), why("pressure", "rule:inclusion"))
    m.add("politics.reconciliation", -part(C["recon_violence_loss"], violence_mean), "rule:violence_erodes")
    m.add("politics.will", part(C["pressure_will"], pressure), why("pressure", "rule:mediation"))
    m.add("politics.will", -part(C["will_drift"], 100 - pressure), why("pressure", "rule:mediation"))
    m.add("politics.will", part(C["elections_will"], L.get("elections_focus", 0)), why("elections_focus", "rule:mediation"))
    m.add("mission.consent", part(C["quiet_consent"], 100 - pressure), why("pressure", "rule:insecurity"))
    m.add("mission.consent", -part(C["pressure_consent"], max(0, pressure - C["pressure_tolerance"])), why("pressure", "rule:insecurity"))
    m.add("mission.consent", -part(C["ct_sovereignty"], L.get("parallel_force", 0)), why("parallel_force", "rule:insecurity"))
    m.add("mission.consent", -part(C["hr_consent"], L.get("hr_monitoring", 0)), why("hr_monitoring", "rule:insecurity"))
    m.add("mission.consent", -part(C["insecurity_consent"], max(0, 2 * violence_mean - 100)), "rule:insecurity")
    m.add("mission.trust", -part(C["ct_trust"], L.get("parallel_force", 0)), why("parallel_force", "rule:protection"))
    m.add("mission.trust", part(C["hr_trust"], L.get("hr_monitoring", 0)), why("hr_monitoring", "rule:protection"))
    m.add("mission.trust", part(C["protection_trust"], 100 - 2 * violence_mean if violence_mean < 50 else -(2 * violence_mean - 100)), "rule:protection")

    # --- Alliances among the armed actors (claim 5) ----------------------------------------
    inclusion = (v["politics.implementation"] + v["politics.reconciliation"]) // 2
    for a, b in SIGNATORY_PAIRS:
        m.add(pair_key(a, b), part(C["inclusion_drift"], inclusion - C["inclusion_neutral"]), "rule:inclusion")
    split = 100 - cohesion(v)
    for s in SIGNATORIES[1:]:
        for spoiler in SPOILERS:
            m.add(pair_key(s, spoiler), part(C["spoiler_courting"], split), "rule:courting")
    chance = (
        C["defection_base"]
        + part(C["defection_violence"], violence_mean)
        + part(C["defection_exclusion"], 100 - inclusion)
        + part(C["defection_trafficking"], v["strength.traffickers"])
        - part(C["defection_inclusion"], inclusion)
    )
    if rng is not None and rng.random() * 1000 < chance:
        # The least committed of the CMA and the Platform breaks with the others.
        defector = min(SIGNATORIES[1:], key=lambda s: (v[f"commitment.{s}"], s))
        for other in SIGNATORIES:
            if other != defector:
                m.add(pair_key(defector, other), -C["defection_shock"], "rule:defection")
        m.add(f"commitment.{defector}", -C["defection_commitment"], "rule:defection")
        m.add(pair_key(defector, "jnim"), C["defection_shock"] // 2, "rule:defection")

    # --- Cost -------------------------------------------------------------------------------
    budget = C["cost_base"] + v["mission.troops"] * C["cost_per_1000_troops"] // 1000
    m.set("mission.budget", budget, "rule:cost")


def update_derived(values: dict[str, int], start: int, quarter: int, mandate: int) -> None:
    """Refresh the read-only quantities conditions may read."""
    values["signatories.cohesion"] = cohesion(values)
    values["violence.mean"] = sum(values[f"violence.{r}"] for r in REGIONS) // len(REGIONS)
    values["time.quarter"] = quarter
    values["time.mandate"] = mandate
    values["time.year"] = (start + 3 * quarter) // 12
