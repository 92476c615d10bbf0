"""What the facilitator sees of one team's game: where it is, its draft as voted, its key figures,
and whether its mission is in danger. Computed from the ``Game`` (the room's copy, rebuilt from
the team's decisions), never from figures a client claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.game import Game

# The figures a row shows, in order (their words: the catalogues' "quantity" context).
KEY_FIGURES: tuple[str, ...] = (
    "violence.mean", "mission.consent", "mission.safety", "mission.casualties", "politics.implementation",
    "council.unity",
)
CONSENT_MARGIN = 15  # consent this close to the floor at which Bamako ends the mission: in danger
TROOPS_MARGIN = 1500  # troops this close to the floor below which contributors leave: in danger
FAILED_ENDINGS = ("consent_withdrawn", "failed_renewal", "contributors_withdraw", "agreement_collapse")


@dataclass(frozen=True)
class Standing:
    """One team's game as the room shows it."""

    year: int
    quarter: int  # 1 to 4, in the calendar year
    phase: str
    decisions: int
    draft: dict[str, str] = field(default_factory=dict)  # the last draft put to the vote
    adopted: bool | None = None  # that draft's fate (None: no vote yet)
    figures: dict[str, int] = field(default_factory=dict)
    danger: tuple[str, ...] = ()  # why the mission is in danger: "consent", "troops", "renewal", "ended"
    ending: str | None = None


def danger(game: Game) -> tuple[str, ...]:
    """Why this team's mission is in danger now (empty: it is not)."""
    v, c = game.values, game.scenario.coefficients
    out = []
    if game.ending in FAILED_ENDINGS:
        out.append("ended")
    if v["mission.consent"] <= int(c["consent_floor"]) + CONSENT_MARGIN:
        out.append("consent")
    if v["mission.troops"] <= int(c["troops_floor"]) + TROOPS_MARGIN:
        out.append("troops")
    if game.failed_in_row > 0 and game.ending is None:
        out.append("renewal")  # one more failed vote ends the mission
    return tuple(out)


def standing(game: Game) -> Standing:
    """The room's row for ``game``."""
    last = game.votes[-1] if game.votes else None
    return Standing(
        year=game.date // 12, quarter=game.date % 12 // 3 + 1, phase=game.phase, decisions=len(game.decisions),
        draft=dict(last.draft) if last else {}, adopted=last.adopted if last else None,
        figures={k: game.values[k] for k in KEY_FIGURES}, danger=danger(game), ending=game.ending)


__all__ = ["KEY_FIGURES", "Standing", "danger", "standing"]
