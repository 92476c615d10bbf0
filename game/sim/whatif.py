"""The counterfactual: the same game with one decision changed, and the same luck.

``whatif`` replays a game's decisions with one of them changed (another clause option, or another
response to a card). The luck is keyed to the seed, the quarter and the purpose
(``game.engine.luck``), so both games draw the same luck wherever they are comparable. The other
decisions are kept where they still apply, by this rule:

- decisions are taken in their order; one that no longer fits the moment (a clause no longer on
  the table, a vote called twice) is left out;
- a card the original game never showed, or one whose answer is not in the list, is answered as
  the cautious status-quo drafter would answer it (the ``fallback``), and the original's answer
  to a card that no longer comes is left out;
- once the list runs out, the fallback plays on until the game ends.

Nothing else is invented: the report lists every decision left out and every fallback answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game import i18n
from game.engine.actions import Action, Impossible, Respond, action_from_dict
from game.engine.defs import Scenario
from game.engine.game import CARD, END, OUTCOMES, Game, replay
from game.engine.world import QUANTITIES
from game.explain import cause_text
from game.sim.drafters import drafter_for
from game.sim.teams import cell, decision_text, ending_words

MAX_STEPS = 20_000


@dataclass
class Counterfactual:
    original: Game
    changed: Game
    decision: int  # the index (from 1) of the decision changed
    left_out: list[dict[str, Any]] = field(default_factory=list)
    fallback: list[dict[str, Any]] = field(default_factory=list)

    def outcome_changes(self) -> dict[str, int]:
        a, b = self.original.outcomes(), self.changed.outcomes()
        return {k: b[k] - a[k] for k in a}

    def first_divergence(self) -> int | None:
        """The first quarter whose end differs between the two games (None: they never part)."""
        for q, (x, y) in enumerate(zip(self.original.timeline, self.changed.timeline, strict=False)):
            if x != y:
                return q
        if len(self.original.timeline) != len(self.changed.timeline):
            return min(len(self.original.timeline), len(self.changed.timeline))
        return None

    def largest_differences(self, limit: int = 3) -> list[tuple[str, int]]:
        """The quantities whose final values differ most (in % of their range), with the difference."""
        a, b = self.original.values, self.changed.values
        ranges = self.original.meters.ranges
        diffs = [(q, b[q] - a[q]) for q in QUANTITIES if b[q] != a[q]]
        diffs.sort(key=lambda qd: (-abs(qd[1]) * 100 // max(1, ranges[qd[0]][1] - ranges[qd[0]][0]), qd[0]))
        return diffs[:limit]

    def largest_causes(self, quantity: str, limit: int = 5) -> list[tuple[str, int]]:
        """The causes whose total effect on ``quantity`` differs most between the two games."""
        def totals(game: Game) -> dict[str, int]:
            out: dict[str, int] = {}
            for _q, name, change, cause in game.meters.ledger:
                if name == quantity:
                    out[cause] = out.get(cause, 0) + change
            return out

        a, b = totals(self.original), totals(self.changed)
        diff = {c: b.get(c, 0) - a.get(c, 0) for c in set(a) | set(b)}
        ranked = sorted(((c, d) for c, d in diff.items() if d), key=lambda kv: (-abs(kv[1]), kv[0]))
        return ranked[:limit]


def changed_decision(decision: dict[str, Any], choice: str) -> dict[str, Any]:
    """The decision with another option (a clause) or another response (a card)."""
    kind = decision.get("do")
    if kind == "choose":
        return dict(decision) | {"option": choice}
    if kind == "respond":
        return dict(decision) | {"response": choice}
    raise ValueError(f"decision {decision!r} chooses nothing: pick a clause choice or a card's answer")


def whatif(scenario: Scenario, seed: int, decisions: list[dict[str, Any]], index: int, choice: str) -> Counterfactual:
    """The game of ``decisions`` and the same game with decision ``index`` (from 1) changed to ``choice``."""
    if not 1 <= index <= len(decisions):
        raise ValueError(f"there is no decision {index}: the game has {len(decisions)}")
    if decisions[index - 1].get("do") not in ("choose", "respond"):
        raise ValueError(f"decision {index} ({str(decisions[index - 1].get('do'))[:20]}) chooses nothing: "
                         "change a clause's option or a card's response (whatif FILE alone lists those)")
    original = replay(scenario, seed, decisions)
    wanted = list(decisions)
    wanted[index - 1] = changed_decision(decisions[index - 1], choice)
    # the changed decision must itself be possible where it stood
    probe = replay(scenario, seed, decisions[:index - 1])
    try:
        probe.apply(action_from_dict(wanted[index - 1]))
    except Impossible as exc:
        raise ValueError(f"decision {index} cannot be changed to {choice!r}: {exc}") from None
    result = Counterfactual(original, Game(scenario, seed), index)
    _play(result, wanted)
    return result


def _play(result: Counterfactual, wanted: list[dict[str, Any]]) -> None:
    game = result.changed
    fallback = drafter_for("status-quo", game.seed, game.scenario)
    todo = [action_from_dict(d) for d in wanted]
    for _ in range(MAX_STEPS):
        if game.phase == END:
            return
        if not todo:
            game.apply(fallback.choose(game))
            continue
        if game.phase == CARD and game.card is not None:
            action = _answer_for(game.card.id, todo)
            if action is None:
                action = fallback.choose(game)
                result.fallback.append(action.to_dict() | {"quarter": game.quarter})
            game.apply(action)
            continue
        action = todo.pop(0)
        try:
            game.apply(action)
        except Impossible:
            result.left_out.append(action.to_dict())


def _answer_for(card_id: str, todo: list[Action]) -> Action | None:
    """The list's answer to this card, taken out of the list: among the answers at the head of the
    list (one quarter's), the one for this card; None when there is none. The answers to cards
    that no longer come stay in place, to be left out at the next step."""
    for i, action in enumerate(todo):
        if not isinstance(action, Respond):
            break
        if action.card == card_id:
            return todo.pop(i)
    return None


def choices_text(game: Game, lang: str = "en") -> str:
    """The decisions of a game that ``whatif`` can change, numbered as ``--decision`` takes them."""

    lines = [i18n.text("wif_choices", lang)]
    for n, d in enumerate(game.decisions, 1):
        if d.get("do") in ("choose", "respond"):
            what = d.get("option") if d.get("do") == "choose" else d.get("response")
            lines.append(f"  {n:>4}  {decision_text(d, game.scenario, lang)}  [{what}]")
    if len(lines) == 1:
        lines.append("  " + i18n.text("wif_none", lang))
    return "\n".join(lines)


def whatif_text(result: Counterfactual, choice: str, lang: str = "en") -> str:
    """The comparison of the game as played and the game with one decision changed, in words."""

    game, other = result.original, result.changed
    scenario = game.scenario
    changed = game.decisions[result.decision - 1]
    lines = [i18n.text("wif_changed", lang, k=result.decision, was=decision_text(changed, scenario, lang),
                       now=decision_text(changed_decision(changed, choice), scenario, lang), seed=game.seed)]
    q = result.first_divergence()
    lines.append(i18n.text("wif_never_part", lang) if q is None else i18n.text("wif_part_from", lang, q=q + 1))
    played, what_if, change = i18n.text("wif_as_played", lang), i18n.text("wif_what_if", lang), i18n.text("wif_change", lang)
    lines.append(f"  {'':<32} {played:>12} {what_if:>12} {change:>10}")
    diff = result.outcome_changes()
    for key in OUTCOMES:
        lines.append(f"  {cell(i18n.word('outcome', key, lang), 32):<32} {game.outcomes()[key]:>12} "
                     f"{other.outcomes()[key]:>12} {diff[key]:>+10}")
    lines.append(f"  {cell(i18n.text('cmp_ending', lang), 32):<32} {cell(ending_words(game, lang), 12):>12} "
                 f"{cell(ending_words(other, lang), 12):>12}")
    lines.append(i18n.text("wif_causes", lang))
    for quantity, delta in result.largest_differences(3):
        causes = ", ".join(f"{cause_text(c, scenario, lang)} {d:+}" for c, d in result.largest_causes(quantity, 3))
        lines.append("  " + i18n.text("wif_quantity_ends", lang, what=_capital(i18n.describe(quantity, lang)), d=f"{delta:+}",
                                      causes=causes))
    if result.left_out or result.fallback:
        lines.append(i18n.plural("wif_left_out", len(result.left_out), lang) + " "
                     + i18n.plural("wif_fallback", len(result.fallback), lang))
    return "\n".join(lines)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
