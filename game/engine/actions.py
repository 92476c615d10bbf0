"""What a player (or a scripted drafter) can do: one small object per decision, with ``perform``.

Actions are plain data so that a game's decisions can be written to a replay file and read back
(``to_dict`` / ``action_from_dict``). An action that does not fit the moment raises ``Impossible``
with a message for the player; the game state is then unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from game.engine.game import Game


class Impossible(Exception):
    """The action cannot be taken now; the message says why, in words for the player."""


@dataclass(frozen=True)
class Action:
    kind: ClassVar[str] = ""

    def perform(self, game: Game) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        return {"do": self.kind, **self.__dict__}


@dataclass(frozen=True)
class Continue(Action):
    """Move on: from the briefing to drafting, drafting to negotiation, a result to the field…"""

    kind: ClassVar[str] = "continue"

    def perform(self, game: Game) -> None:
        game.do_continue()


@dataclass(frozen=True)
class Back(Action):
    """From negotiation back to drafting."""

    kind: ClassVar[str] = "back"

    def perform(self, game: Game) -> None:
        game.do_back()


@dataclass(frozen=True)
class Choose(Action):
    """Pick one option for one clause dimension of the draft."""

    kind: ClassVar[str] = "choose"
    dimension: str
    option: str

    def perform(self, game: Game) -> None:
        game.do_choose(self.dimension, self.option)


@dataclass(frozen=True)
class Trade(Action):
    """Spend political capital to soften a clause a member objects to."""

    kind: ClassVar[str] = "trade"
    member: str
    dimension: str

    def perform(self, game: Game) -> None:
        game.do_trade(self.member, self.dimension)


@dataclass(frozen=True)
class CallVote(Action):
    kind: ClassVar[str] = "vote"

    def perform(self, game: Game) -> None:
        game.do_vote()


@dataclass(frozen=True)
class Respond(Action):
    """Answer the card in front of the player."""

    kind: ClassVar[str] = "respond"
    card: str
    response: str

    def perform(self, game: Game) -> None:
        game.do_respond(self.card, self.response)


ACTIONS: dict[str, type[Action]] = {
    cls.kind: cls for cls in (Continue, Back, Choose, Trade, CallVote, Respond)
}


def action_from_dict(data: dict[str, Any]) -> Action:
    """Rebuild an action from a replay or save; raise ``ValueError`` on anything unknown."""
    if not isinstance(data, dict) or data.get("do") not in ACTIONS:
        raise ValueError(f"not a decision: {data!r}")
    cls = ACTIONS[data["do"]]
    fields = {k: v for k, v in data.items() if k != "do"}
    try:
        action = cls(**fields)
    except TypeError as exc:
        raise ValueError(f"bad decision {data!r}: {exc}") from None
    if not all(isinstance(v, str) for v in fields.values()):
        raise ValueError(f"bad decision {data!r}")
    return action
