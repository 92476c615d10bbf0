"""What a player (or a scripted drafter) can do: one small object per decision, carrying its logic.

As in the python-tcod tutorial, each action knows what it does to the game (``perform``); the
``Game`` holds the state and the quarter's flow, and ``Game.apply`` is the one way in. Actions are
plain data so that a game's decisions can be written to a replay file and read back (``to_dict`` /
``action_from_dict``). An action that does not fit the moment raises ``Impossible`` before it
changes anything, with a message key and its parameters, which the front ends put into words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from game.engine import council
from game.engine.phases import BRIEFING, CARD, DRAFTING, NEGOTIATION, SUMMARY, VOTE

if TYPE_CHECKING:
    from game.engine.game import Game

# The English wording of each refusal (for logs and tests); front ends translate the key.
MESSAGES: dict[str, str] = {
    "game_over": "The game is over.",
    "nothing_to_continue": "Nothing to continue to from {phase}.",
    "back_only_from_negotiation": "You can go back to drafting only from the negotiation.",
    "clauses_while_drafting": "Clauses can be changed only while drafting.",
    "no_option": "No option '{option}' for '{dimension}'.",
    "trades_in_negotiation": "Trades happen during the negotiation.",
    "no_member": "No member '{member}'.",
    "not_seated": "{member} does not sit on the Council this year.",
    "already_softened": "That clause is already softened.",
    "no_objection": "This member does not object to that clause.",
    "not_enough_capital": "Not enough political capital for this trade.",
    "vote_after_negotiation": "The vote is called at the end of the negotiation.",
    "not_this_card": "That card is not the one on the table.",
    "no_response": "No response '{response}' on this card.",
}


class Impossible(Exception):
    """The action cannot be taken now. ``key`` names the reason (see ``MESSAGES``), ``params`` fill
    it in; ``str()`` is the English sentence. A text that is not a key is kept as it is (key "")."""

    def __init__(self, key: str, **params: str) -> None:
        self.key = key if key in MESSAGES else ""
        self.params = params
        super().__init__(MESSAGES[key].format(**params) if key in MESSAGES else key)


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
        if game.phase == BRIEFING:
            game.phase = DRAFTING
        elif game.phase == DRAFTING:
            game.phase = NEGOTIATION
        elif game.phase == VOTE:
            game.start_quarter()
        elif game.phase == SUMMARY:
            game.next_quarter()
        else:
            raise Impossible("nothing_to_continue", phase=game.phase)


@dataclass(frozen=True)
class Back(Action):
    """From negotiation back to drafting."""

    kind: ClassVar[str] = "back"

    def perform(self, game: Game) -> None:
        if game.phase != NEGOTIATION:
            raise Impossible("back_only_from_negotiation")
        game.phase = DRAFTING


@dataclass(frozen=True)
class Choose(Action):
    """Pick one option for one clause dimension of the draft (a changed clause loses its trade)."""

    kind: ClassVar[str] = "choose"
    dimension: str
    option: str

    def perform(self, game: Game) -> None:
        if game.phase not in (DRAFTING, NEGOTIATION):
            raise Impossible("clauses_while_drafting")
        try:
            game.scenario.dimension(self.dimension).option(self.option)
        except KeyError:
            raise Impossible("no_option", option=self.option, dimension=self.dimension) from None
        if game.draft.get(self.dimension) != self.option:
            game.draft[self.dimension] = self.option
            game.softened.pop(self.dimension, None)
            game.journal.append({"q": game.quarter, "kind": "choose", "dimension": self.dimension, "option": self.option})


@dataclass(frozen=True)
class Trade(Action):
    """Spend political capital to soften a clause a member objects to."""

    kind: ClassVar[str] = "trade"
    member: str
    dimension: str

    def perform(self, game: Game) -> None:
        if game.phase != NEGOTIATION:
            raise Impossible("trades_in_negotiation")
        try:
            m = game.scenario.member(self.member)
        except KeyError:
            raise Impossible("no_member", member=self.member) from None
        if m not in game.council:
            raise Impossible("not_seated", member=self.member)
        if self.dimension in game.softened:
            raise Impossible("already_softened")
        cost = game.trade_cost(self.member, self.dimension)
        if cost == 0:
            raise Impossible("no_objection")
        if cost > game.values["council.capital"]:
            raise Impossible("not_enough_capital")
        game.softened[self.dimension] = self.member
        game.meters.add("council.capital", -cost, f"trade:{self.member}.{self.dimension}")
        game.journal.append({"q": game.quarter, "kind": "trade", "member": self.member, "dimension": self.dimension, "cost": cost})


@dataclass(frozen=True)
class CallVote(Action):
    """Put the draft to the vote: what the players saw predicted is what is cast (claim 8)."""

    kind: ClassVar[str] = "vote"

    def perform(self, game: Game) -> None:
        if game.phase != NEGOTIATION:
            raise Impossible("vote_after_negotiation")
        stances = game.vote_stances()
        quarter, luck = game.quarter, game.luck
        votes = council.cast(stances, None, game.values["council.unity"], game.scenario.coefficients["unity_pull"],
                             draw=lambda member: luck.draw(quarter, "vote:" + member))
        game.record_vote(votes, council.adopted(game.council, votes), council.unity(votes, stances))


@dataclass(frozen=True)
class Respond(Action):
    """Answer the card in front of the player: its effects now, later, and its follow-ups."""

    kind: ClassVar[str] = "respond"
    card: str
    response: str

    def perform(self, game: Game) -> None:
        if game.phase != CARD or not game.pending or game.pending[0] != self.card:
            raise Impossible("not_this_card")
        card = game.scenario.card(self.card)
        try:
            resp = card.response(self.response)
        except KeyError:
            raise Impossible("no_response", response=self.response) from None
        cause = f"card:{card.id}.{resp.id}"
        for quantity, change in resp.effects.items():
            game.meters.add(quantity, change, cause)
        for delayed in resp.delayed:
            game.queue.append({"due": game.quarter + delayed.after, "effects": dict(delayed.effects), "cause": f"later:{card.id}.{resp.id}"})
        for follow in resp.follow_ups:
            item: dict[str, Any] = {"due": game.quarter + follow.after, "card": follow.card}
            if follow.chance < 100:  # rolled when due, with that quarter's keyed luck
                item["chance"] = follow.chance
            game.queue.append(item)
        game.journal.append({"q": game.quarter, "kind": "card", "card": card.id, "response": resp.id})
        game.pending.pop(0)
        game.refresh()
        if not game.pending:
            game.finish_quarter()


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
