"""Each causal claim, with the rule that carries it neutralised through a coefficient override in
the scenario's YAML (not by editing code): the effect the claim test sees must disappear.

A claim test that still passed with its rule switched off would not be testing that rule.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_claims import SEEDS, mean_over_seeds, project

from game.content.loader import levels_root, load_scenario
from game.engine.defs import Scenario
from game.engine.world import REGIONS

_CACHE: dict[tuple[tuple[str, int], ...], Scenario] = {}


def with_overrides(root: Path, overrides: dict[str, int]) -> Scenario:
    """The tutorial, from a copy of levels/ whose scenario.yaml overrides these coefficients."""
    key = tuple(sorted(overrides.items()))
    if key not in _CACHE:
        folder = root / f"levels-{len(_CACHE)}"
        shutil.copytree(levels_root(), folder)
        lines = ["", "coefficients:"]
        lines += [f"  {name}: {{value: {value}, means: \"neutralised for a test\"}}" for name, value in overrides.items()]
        with open(folder / "tutorial" / "scenario.yaml", "a", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
        loaded = load_scenario(folder / "tutorial")
        assert loaded.scenario is not None, loaded.problems[:5]
        for name, value in overrides.items():
            assert loaded.scenario.coefficients[name] == value
        _CACHE[key] = loaded.scenario
    return _CACHE[key]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("neutralised")


def test_claim_2_without_the_robust_rules_robust_changes_nothing(root: Path) -> None:
    sc = with_overrides(root, {"robust_protection": 0, "robust_attrition": 0, "robust_casualty": 0,
                               "robust_impartiality": 0, "impartiality_recovery": 0, "ct_grievance": 0})
    for seed in SEEDS:
        soft = project(sc, {"posture": "traditional"}, seed=seed)
        hard = project(sc, {"posture": "robust"}, seed=seed)
        where_held = max(REGIONS, key=lambda r: soft[f"mission_presence.{r}"])
        assert hard[f"violence.{where_held}"] >= soft[f"violence.{where_held}"]
        assert hard["mission.impartiality"] >= soft["mission.impartiality"]
    assert mean_over_seeds(sc, {"posture": "robust"}, "mission.casualties") <= mean_over_seeds(
        sc, {"posture": "traditional"}, "mission.casualties")


def test_claim_3_without_strikes_and_sovereignty_costs_a_parallel_force_changes_nothing(root: Path) -> None:
    sc = with_overrides(root, {"ct_strike": 0, "ct_sovereignty": 0, "ct_trust": 0, "ct_grievance": 0})
    for seed in SEEDS:
        nobody = project(sc, {"force": "nobody"}, seed=seed)
        france = project(sc, {"force": "parallel-france"}, seed=seed)
        assert france["strength.jnim"] >= nobody["strength.jnim"]
        assert france["mission.consent"] >= nobody["mission.consent"]
        assert france["mission.trust"] >= nobody["mission.trust"]


def test_claim_4_without_the_pressure_rules_pressure_buys_nothing(root: Path) -> None:
    sc = with_overrides(root, {"pressure_impl": 0, "pressure_recon": 0, "pressure_consent": 0, "quiet_consent": 0,
                               "pressure_will": 0, "will_drift": 0})
    for seed in SEEDS:
        quiet = project(sc, {"pressure": "quiet"}, seed=seed)
        hard = project(sc, {"pressure": "sanctions-threat"}, seed=seed)
        assert hard["politics.implementation"] <= quiet["politics.implementation"]
        assert hard["mission.consent"] >= quiet["mission.consent"]


def test_claim_5_without_the_inclusion_rules_inclusion_does_not_prevent_defections(root: Path) -> None:
    # the violence and trafficking terms too: inclusion damps violence, which also feeds defections
    sc = with_overrides(root, {"defection_inclusion": 0, "defection_exclusion": 0, "defection_violence": 0,
                               "defection_trafficking": 0, "inclusion_drift": 0, "implementation_commitment": 0})
    excluded = {"politics.implementation": 0, "politics.reconciliation": 0}
    included = {"politics.implementation": 70, "politics.reconciliation": 70}

    def defections(start: dict[str, int]) -> int:
        runs = [project(sc, {}, 8, s, start=start) for s in range(12)]
        return sum(1 for m in runs for r in m.ledger if r[3] == "rule:defection" and r[1].startswith("commitment."))

    # with the rule on, exclusion brings more defections (test_claims); off, it brings none extra
    assert defections(excluded) <= defections(included) + 1


def test_claim_6_without_the_reconciliation_rules_the_centre_gains_nothing(root: Path) -> None:
    sc = with_overrides(root, {"recon_gain": 0, "recon_damp_centre": 0, "recon_damp_elsewhere": 0})
    for seed in SEEDS:
        agreement = project(sc, {"priority": "agreement"}, quarters=12, seed=seed)
        recon = project(sc, {"priority": "reconciliation"}, quarters=12, seed=seed)
        assert agreement["violence.mopti"] - recon["violence.mopti"] <= 0


def test_claim_7_without_the_handover_rules_a_handover_changes_nothing(root: Path) -> None:
    sc = with_overrides(root, {"ownership_gain": 0, "buyin_handover_gain": 0, "handover_gap": 0, "capacity_growth": 0,
                               "handover_consent": 0, "france_sidelined": 0, "ownership_decay": 0})
    for seed in SEEDS:
        none = project(sc, {"partnership": "none"}, seed=seed)
        supported = project(sc, {"partnership": "handover-supported"}, seed=seed)
        fast = project(sc, {"partnership": "handover-fast"}, seed=seed)
        assert supported["regional.ownership"] <= none["regional.ownership"] + 1
        assert fast["violence.mean"] <= supported["violence.mean"]


def test_claim_10_without_the_contributors_rule_nobody_leaves(root: Path) -> None:
    sc = with_overrides(root, {"tcc_withdrawal": 0})
    deadly = {f"violence.{r}": 95 for r in REGIONS} | {f"strength.{a}": 90 for a in ("jnim", "isgs", "traffickers")}
    dangerous = project(sc, {"posture": "traditional"}, 4, 0, start=deadly | {"mission.casualties": 300})
    assert not [c for c in dangerous.why("mission.troops") if c.cause == "rule:contributors_leave"]


def test_claim_1_without_the_frame_rules_the_frame_changes_nothing(root: Path) -> None:
    sc = with_overrides(root, {"buyin_frame_gain": 0, "buyin_sidelined": 0, "border_frame": 0, "ownership_frame": 0,
                               "algeria_wariness": 0, "frame_sovereignty": 0})
    for seed in SEEDS:
        mali = project(sc, {"frame": "mali-only"}, seed=seed)
        sahel = project(sc, {"frame": "sahel"}, seed=seed)
        assert mali["buyin.algeria"] >= sahel["buyin.algeria"]
        assert mali["strength.jnim"] + mali["strength.isgs"] <= sahel["strength.jnim"] + sahel["strength.isgs"]


def test_claim_9_without_the_consent_rules_consent_neither_ends_nor_limits_the_mission(root: Path) -> None:
    sc = with_overrides(root, {"consent_protection": 0, "consent_floor": -1})
    low = project(sc, {}, 4, 0, start={"mission.consent": 20})
    high = project(sc, {}, 4, 0, start={"mission.consent": 90})
    protection_low = sum(c.change for c in low.why("violence.gao") if c.cause == "rule:protection")
    protection_high = sum(c.change for c in high.why("violence.gao") if c.cause == "rule:protection")
    assert protection_high >= protection_low  # the same protection whatever the consent
    from game.engine.game import Game

    game = Game(sc, 4)
    game.values["mission.consent"] = 0
    from game.sim.drafters import make_drafter

    drafter = make_drafter("status-quo", 4)
    for _ in range(60):
        if game.phase == "end":
            break
        game.apply(drafter.choose(game))
    assert game.ending != "consent_withdrawn"


def test_claim_8_without_national_positions_every_member_votes_alike(root: Path) -> None:
    from game.engine import council
    from game.engine.game import Game

    flat = with_overrides(root, {"national_positions": 0})
    game = Game(flat, 1)
    sovereign = dict(flat.current_mandate) | {"rights": "minimal", "pressure": "quiet"}
    intrusive = dict(flat.current_mandate) | {"rights": "public-reporting", "pressure": "sanctions-threat"}
    positions = flat.coefficients["national_positions"]
    shifts = {m.id: council.stance(m, intrusive, {}, game.values, positions=positions).score
              - council.stance(m, sovereign, {}, game.values, positions=positions).score for m in game.council}
    assert set(shifts.values()) == {0}
    # The claim's own test, on the same members with their positions, sees them differ.
    real = {m.id: council.stance(m, intrusive, {}, game.values).score - council.stance(m, sovereign, {}, game.values).score
            for m in game.council}
    assert max(real.values()) > min(real.values())
    assert [s.score for s in game.predict()] == [m.base for m in game.council]
