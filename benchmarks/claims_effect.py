"""Each causal claim's effect against the noise between seeds.

For each claim, the same seeds play the model's quarters under two resolutions that differ in the
claim's clause only; the effect is the mean difference of the claim's measure, the spread is the
standard deviation of that measure across seeds (under the first resolution), and the ratio
says whether the effect stands out of the luck (issue 7 asks for more than 1).

    python benchmarks/claims_effect.py [--seeds 40] [--quarters 8]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.content.loader import levels_root, load_scenario  # noqa: E402
from game.engine.defs import Scenario  # noqa: E402
from game.sim import simulate  # noqa: E402

# claim -> (measure, resolution A, resolution B, start state); the claim says B moves the measure
CLAIMS: dict[str, tuple[str, dict[str, str], dict[str, str], dict[str, int]]] = {
    "1 Mali-only frame lets spoilers regroup (Algeria's buy-in)": ("buyin.algeria", {"frame": "mali-only"}, {"frame": "sahel"}, {}),
    "2 robust posture costs impartiality": ("mission.impartiality", {"posture": "traditional"}, {"posture": "robust"}, {}),
    "3 parallel force hits JNIM": ("strength.jnim", {"force": "nobody"}, {"force": "parallel-france"}, {}),
    "4 pressure buys implementation": ("politics.implementation", {"pressure": "quiet"}, {"pressure": "sanctions-threat"}, {}),
    "5 inclusion holds the signatories together": ("signatories.cohesion", {}, {}, {"politics.implementation": 70, "politics.reconciliation": 70}),
    "6 reconciliation damps the centre": ("violence.mopti", {"priority": "agreement"}, {"priority": "reconciliation"}, {}),
    "7 handover raises ownership": ("regional.ownership", {"partnership": "none"}, {"partnership": "handover-supported"}, {}),
    "7 a fast handover opens a gap": ("violence.mean", {"partnership": "handover-supported"}, {"partnership": "handover-fast"}, {}),
    "9 consent multiplies protection (Gao)": ("violence.gao", {}, {}, {"mission.consent": 90}),
    "10 deadly missions lose contributors": ("mission.troops", {}, {}, {
        **{f"violence.{r}": 95 for r in ("kidal", "gao", "timbuktu", "menaka", "mopti", "segou", "bamako")},
        **{f"strength.{a}": 90 for a in ("jnim", "isgs", "traffickers")}, "mission.casualties": 300}),
}


def project(sc: Scenario, changes: dict[str, str], quarters: int, seed: int, start: dict[str, int]) -> dict[str, int]:
    return simulate.project(sc, changes, quarters, seed, start).values


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=40)
    ap.add_argument("--quarters", type=int, default=8)
    args = ap.parse_args()
    sc = load_scenario(levels_root() / "tutorial").scenario
    assert sc is not None
    print(f"{'claim':58} {'effect':>8} {'spread':>8} {'ratio':>7}")
    for name, (measure, a, b, start) in CLAIMS.items():
        start_a = {} if name.startswith(("5", "9", "10")) else start
        xs = [project(sc, a, args.quarters, s, start_a)[measure] for s in range(args.seeds)]
        ys = [project(sc, b, args.quarters, s, start)[measure] for s in range(args.seeds)]
        effect = statistics.fmean(ys) - statistics.fmean(xs)
        spread = statistics.pstdev(xs) or 0.0
        ratio = abs(effect) / spread if spread else float("inf")
        print(f"{name:58} {effect:8.1f} {spread:8.1f} {ratio:7.1f}")
    # Claim 8 is about the Council: the same change of draft moves members differently. Its
    # measure is the gap between the member it moves most toward yes and the one it moves most
    # toward no, from each seed's state after the quarters (concerns read the state).
    gaps = [_council_gap(sc, args.quarters, s) for s in range(args.seeds)]
    effect, spread = statistics.fmean(gaps), statistics.pstdev(gaps)
    ratio = abs(effect) / spread if spread else float("inf")
    print(f"{'8 members weigh one draft differently (score gap)':58} {effect:8.1f} {spread:8.1f} {ratio:7.1f}")
    return 0


def _council_gap(sc: Scenario, quarters: int, seed: int) -> int:
    from game.engine import council
    from game.engine.game import Game

    values = project(sc, {}, quarters, seed, {})
    members = Game(sc, seed).council
    sovereign = dict(sc.current_mandate) | {"rights": "minimal", "pressure": "quiet"}
    intrusive = dict(sc.current_mandate) | {"rights": "public-reporting", "pressure": "sanctions-threat"}
    shifts = [council.stance(m, intrusive, {}, values).score - council.stance(m, sovereign, {}, values).score for m in members]
    return max(shifts) - min(shifts)


if __name__ == "__main__":
    raise SystemExit(main())
