"""Effect previews: what an option would change over the next year, told truthfully.

- **Against the mandate in force.** Each option replaces its clause in the resolution in force,
  every other clause as in force, whatever the draft holds.
- **The expected path.** The rules without luck and without events (cards). Peacekeepers killed
  are counted as the rules expect them, fractions included (a quarter's toll is a whole number
  only once luck rounds it): flooring each quarter made an option's toll flicker between years.
- **How sure.** The same year under ``SAMPLE_SEEDS`` keyed luck draws (the base and the option
  under the same draws) gives a range that holds the expected value. Cards are not in it.
- **Why it moved.** The same option's preview at the previous renewal is worked out again from
  the ledger (today's values less every change recorded since that renewal began), so a preview
  that swings between years names its cause: the option in force changed, another clause did, or
  the state (troops, violence, consent...) moved the most.

Everything is cached on the game (``Game.previews``), keyed by the state it depends on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.engine import rules
from game.engine.game import PREVIEW_KEYS
from game.engine.ledger import Meters
from game.engine.luck import Luck

if TYPE_CHECKING:
    from game.engine.game import Game

# Fixed sample seeds for the range: the same state always gives the same range.
SAMPLE_SEEDS: tuple[int, ...] = (101, 202, 303, 404, 505, 606, 707, 808)

# Quantities where less is better (the rest: more is better), to sort gains from costs.
LOWER_IS_BETTER = frozenset(k for k in PREVIEW_KEYS if k.startswith(("violence.", "strength."))) | {
    "mission.casualties", "mission.budget"}

# What a swing must reach to be called one: a change of sign, or a change at least this large
# (in the quantity's own units) and at least half the larger of the two previews.
_SWING_MIN = {"mission.budget": 40, "mission.casualties": 3}
_SWING_DEFAULT = 4

# The state a preview depends on most, with the change that counts as one step of each.
STATE_SCALES: dict[str, int] = {
    "mission.troops": 400, "violence.mean": 3, "mission.consent": 4, "mission.impartiality": 4,
    "mission.casualties": 25, "strength.jnim": 5, "strength.isgs": 5, "politics.implementation": 4,
}


@dataclass(frozen=True)
class Swing:
    """A preview that moved since the previous renewal, and why.

    ``reason`` is ``option`` (this clause's option in force changed: ``detail`` names the old
    one), ``mandate`` (another clause in force changed: ``detail`` names the dimension) or
    ``state`` (``detail`` names the quantity that moved most, from ``was`` to ``now``)."""

    quantity: str
    before: int
    after: int
    reason: str
    detail: str
    was: int = 0
    now: int = 0


def project(game: Game, values: Mapping[str, int], draft: Mapping[str, str], quarter: int, quarters: int,
            luck: Luck | None) -> tuple[dict[str, int], int]:
    """The values after ``quarters`` under ``draft`` from ``values`` at ``quarter``, and the toll
    the rules expect on the way (hundredths of a peacekeeper)."""
    sc = game.scenario
    meters = Meters(values, game.meters.ranges)
    levers, cause = game.levers_for(draft, {})
    plan = game._plan  # noqa: SLF001 - the scenario's rules, made once
    each = [(q, c) for dim in sc.dimensions if dim.id in draft for q, c in dim.option(draft[dim.id]).each_quarter.items()]
    deaths = 0
    for i in range(quarters):
        meters.quarter = quarter + i
        deaths += rules.field_quarter(meters, levers, cause, plan, luck).expected_deaths
        for quantity, change in each:
            meters.add(quantity, change, "preview")
        rules.update_derived(meters.values, sc.start, quarter + i + 1, min((quarter + i + 1) // 4 + 1, sc.years))
    return meters.values, deaths


def _difference(base: tuple[dict[str, int], int], alt: tuple[dict[str, int], int], lucky: bool) -> dict[str, int]:
    out = {k: alt[0][k] - base[0][k] for k in PREVIEW_KEYS}
    if not lucky:  # the expected toll, fractions kept until the year's end
        out["mission.casualties"] = (alt[1] - base[1] + 50) // 100
    return {k: v for k, v in out.items() if v}


def _state_key(game: Game) -> tuple[object, ...]:
    return (game.quarter, len(game.meters.ledger), tuple(game.in_force.items()))


def _cached(game: Game, key: tuple[object, ...], make: Callable[[], object]) -> object:
    hit = game.previews.get(key)
    if hit is None:
        if len(game.previews) > 400:
            game.previews.clear()
        hit = game.previews[key] = make()
    return hit


def _expected_at(game: Game, values: Mapping[str, int], in_force: Mapping[str, str], quarter: int,
                 dimension: str, option: str, quarters: int) -> dict[str, int]:
    if in_force.get(dimension) == option:
        return {}
    base = project(game, values, dict(in_force), quarter, quarters, None)
    alt = project(game, values, dict(in_force) | {dimension: option}, quarter, quarters, None)
    return _difference(base, alt, False)


def expected(game: Game, dimension: str, option: str, quarters: int = 4) -> dict[str, int]:
    """The expected change if ``option`` replaced its clause in the mandate in force."""
    key = ("expected", *_state_key(game), dimension, option, quarters)
    hit = _cached(game, key, lambda: _expected_at(game, game.values, game.in_force, game.quarter, dimension, option, quarters))
    assert isinstance(hit, dict)
    return dict(hit)


def _range(game: Game, dimension: str, option: str, quarters: int) -> dict[str, tuple[int, int]]:
    mid = expected(game, dimension, option, quarters)
    if not mid:
        return {}
    spans: dict[str, tuple[int, int]] = {k: (v, v) for k, v in mid.items()}
    for seed in SAMPLE_SEEDS:
        luck = Luck(seed)
        base = project(game, game.values, dict(game.in_force), game.quarter, quarters, luck)
        alt = project(game, game.values, dict(game.in_force) | {dimension: option}, game.quarter, quarters, luck)
        for k, v in _difference(base, alt, True).items():
            lo, hi = spans.get(k, (0, 0))
            spans[k] = (min(lo, v), max(hi, v))
    return spans


def luck_range(game: Game, dimension: str, option: str, quarters: int = 4) -> dict[str, tuple[int, int]]:
    """For each quantity the option moves, the lowest and highest change under the sample luck
    draws, the expected value always inside. Events (cards) are not in it."""
    key = ("range", *_state_key(game), dimension, option, quarters)
    hit = _cached(game, key, lambda: _range(game, dimension, option, quarters))
    assert isinstance(hit, dict)
    return dict(hit)


def previous_renewal(game: Game) -> tuple[int, dict[str, int], dict[str, str]] | None:
    """The quarter of the previous renewal, the values as it began and the mandate then in force
    (None at the first renewal). The values are today's less every change the ledger recorded
    since; the derived quantities are worked out again."""
    earlier = [r for r in game.votes if r.quarter < game.quarter]
    if not earlier:
        return None
    quarter = earlier[-1].quarter
    values = dict(game.values)
    for q, name, change, _cause in reversed(game.meters.ledger):
        if q < quarter:
            break
        values[name] -= change
    sc = game.scenario
    rules.update_derived(values, sc.start, quarter, min(quarter // 4 + 1, sc.years))
    in_force = dict(sc.current_mandate)
    for r in game.votes:
        if r.quarter >= quarter:
            break
        if r.adopted:
            in_force = dict(r.draft)
    return quarter, values, in_force


def _is_swing(quantity: str, before: int, after: int) -> bool:
    if before * after < 0:
        return max(abs(before), abs(after)) >= 2
    gap = abs(after - before)
    return gap >= _SWING_MIN.get(quantity, _SWING_DEFAULT) and 2 * gap >= max(abs(before), abs(after))


def _reason(game: Game, dimension: str, then: dict[str, int], in_force_then: Mapping[str, str]) -> tuple[str, str, int, int]:
    if in_force_then.get(dimension) != game.in_force.get(dimension):
        return "option", in_force_then.get(dimension, ""), 0, 0
    changed = [d.id for d in game.scenario.dimensions if in_force_then.get(d.id) != game.in_force.get(d.id)]
    if changed:
        return "mandate", changed[0], 0, 0
    moved = max(STATE_SCALES, key=lambda k: (abs(game.values[k] - then[k]) * 1000 // STATE_SCALES[k], k))
    return "state", moved, then[moved], game.values[moved]


def _swing(game: Game, dimension: str, option: str) -> Swing | None:
    found = previous_renewal(game)
    if found is None:
        return None
    quarter, then, in_force_then = found
    before = _expected_at(game, then, in_force_then, quarter, dimension, option, 4)
    after = expected(game, dimension, option)
    swings = [(k, before.get(k, 0), after.get(k, 0)) for k in PREVIEW_KEYS
              if _is_swing(k, before.get(k, 0), after.get(k, 0))]
    if not swings:
        return None
    weight = {"mission.budget": 1, "mission.casualties": 30}
    quantity, b, a = max(swings, key=lambda s: (abs(s[2] - s[1]) * weight.get(s[0], 10), s[0]))
    reason, detail, was, now = _reason(game, dimension, then, in_force_then)
    return Swing(quantity, b, a, reason, detail, was, now)


def swing(game: Game, dimension: str, option: str) -> Swing | None:
    """The largest change of this option's preview since the previous renewal, with its cause,
    or None (first renewal, or nothing moved much)."""
    key = ("swing", *_state_key(game), dimension, option)
    found = game.previews.get(key, False)
    if found is False:
        found = game.previews[key] = _swing(game, dimension, option)
    return found  # type: ignore[no-any-return]


def gains_and_costs(changes: Mapping[str, int], weight: Mapping[str, int], n: int = 2) -> tuple[list[str], list[str]]:
    """The ``n`` largest gains and the ``n`` largest costs among ``changes`` (by weighted size)."""
    def size(k: str) -> tuple[int, str]:
        return -abs(changes[k]) * weight.get(k, 10), k

    good = sorted((k for k, v in changes.items() if (v < 0) == (k in LOWER_IS_BETTER)), key=size)
    bad = sorted((k for k, v in changes.items() if (v < 0) != (k in LOWER_IS_BETTER)), key=size)
    return good[:n], bad[:n]
