"""Headless games: ``python -m game simulate`` and the balance figures built on it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from game.engine import rules
from game.engine.actions import Action, CallVote, Continue, Impossible, Respond
from game.engine.defs import Scenario
from game.engine.game import OUTCOMES, Game
from game.engine.ledger import Meters
from game.engine.phases import CARD, END, NEGOTIATION
from game.engine.world import DERIVED, QUANTITIES
from game.sim.drafters import drafter_for

MAX_ACTIONS = 5_000  # a safety net: no scripted game needs a fraction of this


def play_one(scenario: Scenario, seed: int, strategy: str, timeline: list[dict[str, Any]] | None = None) -> Game:
    """Play a whole game with a scripted drafter; fill ``timeline`` (if given) once a quarter."""
    game = Game(scenario, seed)
    drafter = drafter_for(strategy, seed, scenario)
    seen = 0
    for _ in range(MAX_ACTIONS):
        if game.phase == END:
            break
        action = drafter.choose(game)
        try:
            game.apply(action)
        except Impossible:
            # A drafter that asks for the impossible moves on rather than looping.
            game.apply(drafter_fallback(game))
        if timeline is not None and len(game.timeline) > seen:  # the engine closed a quarter
            seen = len(game.timeline)
            timeline.append(snapshot(game))
    return game


def project(scenario: Scenario, changes: dict[str, str], quarters: int = 8, seed: int = 0,
            start: dict[str, int] | None = None) -> Meters:
    """The model's quarterly rules alone, from the scenario's start under a resolution that
    differs from the one in force by ``changes``: no cards, no Council, the same seeded luck for
    any resolution. What the claim tests and the claims benchmark compare."""
    game = Game(scenario, seed)
    levers, cause = game.levers_for(dict(scenario.current_mandate) | changes, {})
    meters = Meters(game.values | (start or {}), {**QUANTITIES, **DERIVED})
    plan = rules.prepare(scenario.coefficients, scenario.footprint, scenario.deployment)
    for q in range(quarters):
        meters.quarter = q
        rules.field_quarter(meters, levers, cause, plan, game.luck)
    rules.update_derived(meters.values, scenario.start, quarters, 1)
    return meters


VALUE_KEYS: tuple[str, ...] = tuple(QUANTITIES) + tuple(k for k in DERIVED if not k.startswith("time."))


def month(index: int) -> str:
    return f"{index // 12}-{index % 12 + 1:02d}"


def snapshot(game: Game) -> dict[str, Any]:
    """Every quantity and derived measure at the end of the quarter's events."""
    return {"date": month(game.date), "values": {k: game.values[k] for k in VALUE_KEYS}}


def votes_of(game: Game) -> list[dict[str, Any]]:
    out = []
    for v in game.votes:
        by: dict[str, list[str]] = {"yes": [], "no": [], "abstain": []}
        for member, vote in sorted(v.votes.items()):
            by.setdefault(vote, []).append(member)
        out.append({"date": month(game.scenario.start + 3 * v.quarter), "adopted": v.adopted, **by})
    return out


def drafter_fallback(game: Game) -> Action:
    """What to do when a drafter's choice is refused: the first response, the vote, or move on."""
    if game.phase == CARD and game.card is not None:
        return Respond(game.card.id, game.card.responses[0].id)
    if game.phase == NEGOTIATION:
        return CallVote()
    return Continue()


def game_record(game: Game, seed: int) -> dict[str, Any]:
    return {
        "seed": seed,
        "ending": game.ending,
        "quarters": len(game.timeline),
        "outcomes": game.outcomes(),
        "votes_failed": sum(1 for v in game.votes if not v.adopted),
        "draws": dict(sorted(game.draws.items())),
    }


def answers_of(game: Game) -> dict[str, dict[str, int]]:
    """card -> response -> how many times the game answered the card with it."""
    out: dict[str, dict[str, int]] = {}
    for e in game.journal:
        if e.get("kind") == "card":
            per = out.setdefault(str(e["card"]), {})
            per[str(e["response"])] = per.get(str(e["response"]), 0) + 1
    return out


def simulate(scenario: Scenario, games: int, seed: int, strategy: str, timeline: bool = False,
             answers: bool = False) -> Iterator[dict[str, Any]]:
    """Game ``i`` uses seed ``seed + i``: the same arguments give the same games.

    With ``timeline``, each record also holds the game's quarters, its votes and the date it ended;
    with ``answers``, how each card was answered (``answers_of``)."""
    for i in range(games):
        quarters: list[dict[str, Any]] | None = [] if timeline else None
        game = play_one(scenario, seed + i, strategy, quarters)
        rec = game_record(game, seed + i)
        if quarters is not None:
            rec.update(timeline=quarters, votes=votes_of(game), ended=month(game.date))
        if answers:
            rec["answers"] = answers_of(game)
        yield rec


def summarise(records: list[dict[str, Any]], scenario: Scenario) -> dict[str, Any]:
    n = max(1, len(records))
    outcomes = {k: round(sum(r["outcomes"][k] for r in records) / n, 1) for k in OUTCOMES}
    endings: dict[str, int] = {}
    draws: dict[str, int] = {c.id: 0 for c in scenario.cards}
    drawn_in: dict[str, int] = {c.id: 0 for c in scenario.cards}
    for r in records:
        endings[r["ending"]] = endings.get(r["ending"], 0) + 1
        for card, count in r["draws"].items():
            draws[card] = draws.get(card, 0) + count
            drawn_in[card] = drawn_in.get(card, 0) + 1
    return {
        "games": len(records),
        "mean_outcomes": outcomes,
        "mean_quarters": round(sum(r["quarters"] for r in records) / n, 2),
        "endings": dict(sorted(endings.items())),
        "card_draws": dict(sorted(draws.items())),
        "card_share_of_games": {k: round(v / n, 4) for k, v in sorted(drawn_in.items())},
    }


def run(scenario: Scenario, games: int, seed: int, strategy: str, as_json: bool, timeline: bool = False) -> str:
    from game.sim.progress import Progress

    progress = Progress(f"simulate {scenario.id}, {strategy}: games", games, enabled=not as_json)
    records = []
    for record in simulate(scenario, games, seed, strategy, timeline):
        records.append(record)
        progress.step()
    progress.close()
    summary = summarise(records, scenario)
    if as_json:
        return json.dumps({"scenario": scenario.id, "strategy": strategy, "seed": seed, "games": records,
                           "summary": summary}, sort_keys=True, ensure_ascii=False)
    lines = [f"{scenario.id}: {games} games, strategy {strategy}, seeds {seed}–{seed + games - 1}"]
    lines.append("mean outcomes: " + ", ".join(f"{k} {v}" for k, v in summary["mean_outcomes"].items()))
    lines.append(f"mean length: {summary['mean_quarters']} quarters")
    lines.append("endings: " + ", ".join(f"{k} {v}" for k, v in summary["endings"].items()))
    dead = [k for k, v in summary["card_draws"].items() if v == 0]
    lines.append(f"cards never drawn: {len(dead)}" + (f" ({', '.join(dead[:12])}{' …' if len(dead) > 12 else ''})" if dead else ""))
    lines.extend(draw_rates(summary, scenario))
    return "\n".join(lines)


def draw_rates(summary: dict[str, Any], scenario: Scenario) -> list[str]:
    """Each card's share of games that drew it, most drawn first, and draws per game."""
    share, draws, n = summary["card_share_of_games"], summary["card_draws"], max(1, summary["games"])
    follow = {c.id for c in scenario.cards if c.follow_up_only}
    order = sorted(share, key=lambda k: (-share[k], k))
    width = max((len(k) for k in order), default=0)
    out = ["card draw rates (share of games that drew it; draws per game):"]
    for k in order:
        note = "  (follow-up)" if k in follow else ""
        out.append(f"  {k:<{width}}  {share[k]:6.1%}  {draws[k] / n:5.2f}{note}")
    return out
