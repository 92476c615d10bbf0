"""The fixed shape of the model: who and where the game is about, and every quantity it moves.

Values and coefficients come from a scenario's YAML; the *names* are fixed here because the rules
(``rules.py``) read them (their words are in the interface catalogues: ``game.i18n.describe``). A quantity is named by a dotted path, the same in the engine, in card
conditions and effects, and in the "why?" answers: ``violence.gao``, ``relation.cma.platform``,
``buyin.algeria``, ``mission.consent``…
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable

REGIONS: tuple[str, ...] = ("kidal", "gao", "timbuktu", "menaka", "mopti", "segou", "bamako")
CENTRE: tuple[str, ...] = ("mopti", "segou")  # where communal violence and reconciliation matter most

SIGNATORIES: tuple[str, ...] = ("government", "cma", "platform")
SPOILERS: tuple[str, ...] = ("jnim", "isgs", "traffickers")
EXTREMISTS: tuple[str, ...] = ("jnim", "isgs")  # what a counter-terrorism force hunts
ARMED: tuple[str, ...] = SIGNATORIES + SPOILERS

REGIONAL: tuple[str, ...] = (
    "algeria", "au", "ecowas", "france", "chad", "niger", "burkina_faso", "mauritania",
)
REGIONAL_BODIES: tuple[str, ...] = ("au", "ecowas")  # who takes over in a regional handover
MEDIATORS: tuple[str, ...] = ("algeria", "au", "ecowas")  # whose buy-in makes mediation work
NEIGHBOURS: tuple[str, ...] = ("algeria", "niger", "burkina_faso", "mauritania", "chad")

# Scalar quantities of the mission, the politics, the region and the Council: name -> (min, max).
SCALARS: dict[str, tuple[int, int]] = {
    "mission.troops": (0, 20_000),
    "mission.casualties": (0, 100_000),  # cumulative deaths of peacekeepers
    "mission.budget": (0, 5_000),  # yearly cost, millions of US dollars
    "mission.safety": (0, 100),
    "mission.trust": (0, 100),  # local population's trust
    "mission.impartiality": (0, 100),  # how the armed groups see the mission
    "mission.consent": (0, 100),  # host-state consent
    "politics.implementation": (0, 100),
    "politics.reconciliation": (0, 100),
    "politics.will": (0, 100),  # Bamako's political will to implement
    "regional.capacity": (0, 100),  # AU and ECOWAS capacity to carry a mission
    "regional.ownership": (0, 100),
    "council.capital": (0, 20),  # political capital left for trades this mandate
    "council.standing": (0, 100),  # the penholder's standing in the Council
    "council.unity": (0, 100),
}

# Read-only quantities computed from the others, usable in conditions, not in effects.
DERIVED: dict[str, tuple[int, int]] = {
    "signatories.cohesion": (0, 100),
    "time.quarter": (0, 1_000),  # quarters played since the start, from 0
    "time.mandate": (1, 100),  # which mandate year this is, from 1
    "time.year": (1900, 2100),
    "violence.mean": (0, 100),
}

REGION_LAYERS: tuple[str, ...] = ("violence", "state_presence", "mission_presence", "displacement")


def pair_key(a: str, b: str) -> str:
    """The canonical name of the relation between two armed actors (order of ``ARMED``)."""
    ia, ib = ARMED.index(a), ARMED.index(b)
    if ia > ib:
        a, b = b, a
    return sys.intern(f"relation.{a}.{b}")


RELATION_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (a, b) for i, a in enumerate(ARMED) for b in ARMED[i + 1 :]
)
SIGNATORY_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (a, b) for i, a in enumerate(SIGNATORIES) for b in SIGNATORIES[i + 1 :]
)


def quantity_ranges() -> dict[str, tuple[int, int]]:
    """Every quantity an effect may change, with its range."""
    ranges: dict[str, tuple[int, int]] = {}
    for layer in REGION_LAYERS:
        for region in REGIONS:
            ranges[sys.intern(f"{layer}.{region}")] = (0, 100)
    for a, b in RELATION_PAIRS:
        ranges[pair_key(a, b)] = (-100, 100)
    for actor in SIGNATORIES:
        ranges[sys.intern(f"commitment.{actor}")] = (0, 100)
    for actor in ARMED:
        ranges[sys.intern(f"strength.{actor}")] = (0, 100)
    for actor in REGIONAL:
        ranges[sys.intern(f"buyin.{actor}")] = (0, 100)
    ranges.update(SCALARS)
    return ranges


QUANTITIES: dict[str, tuple[int, int]] = quantity_ranges()
READABLE: dict[str, tuple[int, int]] = {**QUANTITIES, **DERIVED}


def canonical(name: str) -> str:
    """Accept ``relation.platform.cma`` as well as ``relation.cma.platform``."""
    parts = name.split(".")
    if len(parts) == 3 and parts[0] == "relation" and parts[1] in ARMED and parts[2] in ARMED:
        if parts[1] != parts[2]:
            return pair_key(parts[1], parts[2])
    return name


# Names of their time: before these dates the record knows these actors under other names
# (JNIM was formed on 2 March 2017 from Ansar Dine, AQIM's Sahara branch, al-Mourabitoun and the
# Katiba Macina; the Islamic State in the Greater Sahara split from al-Mourabitoun in May 2015;
# the pro-government Platform formed in Algiers on 14 June 2014, and the northern movements, the
# MNLA, the HCUA and the MAA, went to the Algiers talks as the CMA from 2014).
# actor -> the month index before which the older names apply. The names themselves, like every
# name and label of the model, are words of the interface catalogues (game/locale, game/i18n.py).
ERA_NAMES: dict[str, int] = {
    "jnim": 2017 * 12 + 2,
    "isgs": 2015 * 12 + 4,
    "platform": 2014 * 12 + 5,
    "cma": 2014 * 12 + 5,
}
# Quantities named for their time too: before the Algiers Agreement was signed (15 May 2015) the
# agreement being implemented is the Ouagadougou preliminary agreement of June 2013.
QUANTITY_ERAS: dict[str, int] = {
    "politics.implementation": 2015 * 12 + 4,
}

def closest(word: str, choices: Iterable[str]) -> str | None:
    """The known name closest to ``word``, if one is close enough to be a misspelling of it."""
    close = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" suffix when a close known name exists, else ''."""
    close = closest(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


# What each read-only quantity is computed from, and the divisor that turns a change of the parts
# into a change of the whole ("why did mean violence move?" = the causes of its parts, shared out).
DERIVED_PARTS: dict[str, tuple[tuple[str, ...], int]] = {
    "violence.mean": (tuple(f"violence.{r}" for r in REGIONS), len(REGIONS)),
    # cohesion = (mean relation + 100) / 2, so each point of relation counts 1 / (2 × pairs)
    "signatories.cohesion": (tuple(pair_key(a, b) for a, b in SIGNATORY_PAIRS), 2 * len(SIGNATORY_PAIRS)),
}
