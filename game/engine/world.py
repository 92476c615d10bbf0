"""The fixed shape of the model: who and where the game is about, and every quantity it moves.

Values and coefficients come from a scenario's YAML; the *names* are fixed here because the rules
(``rules.py``) read them. A quantity is named by a dotted path, the same in the engine, in card
conditions and effects, and in the "why?" answers: ``violence.gao``, ``relation.cma.platform``,
``buyin.algeria``, ``mission.consent``…
"""

from __future__ import annotations

import difflib
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

NAMES: dict[str, dict[str, str]] = {
    "kidal": {"en": "Kidal", "fr": "Kidal"},
    "gao": {"en": "Gao", "fr": "Gao"},
    "timbuktu": {"en": "Timbuktu", "fr": "Tombouctou"},
    "menaka": {"en": "Ménaka", "fr": "Ménaka"},
    "mopti": {"en": "Mopti (centre)", "fr": "Mopti (centre)"},
    "segou": {"en": "Ségou", "fr": "Ségou"},
    "bamako": {"en": "Bamako", "fr": "Bamako"},
    "government": {"en": "Government and army", "fr": "Gouvernement et armée"},
    "cma": {"en": "CMA", "fr": "CMA"},
    "platform": {"en": "Platform", "fr": "Plateforme"},
    "jnim": {"en": "JNIM / Katiba Macina", "fr": "JNIM / Katiba Macina"},
    "isgs": {"en": "ISGS", "fr": "EIGS"},
    "traffickers": {"en": "Trafficking networks", "fr": "Réseaux de trafic"},
    "algeria": {"en": "Algeria", "fr": "Algérie"},
    "au": {"en": "African Union", "fr": "Union africaine"},
    "ecowas": {"en": "ECOWAS", "fr": "CEDEAO"},
    "france": {"en": "France", "fr": "France"},
    "chad": {"en": "Chad", "fr": "Tchad"},
    "niger": {"en": "Niger", "fr": "Niger"},
    "burkina_faso": {"en": "Burkina Faso", "fr": "Burkina Faso"},
    "mauritania": {"en": "Mauritania", "fr": "Mauritanie"},
}

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
    return f"relation.{a}.{b}"


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
            ranges[f"{layer}.{region}"] = (0, 100)
    for a, b in RELATION_PAIRS:
        ranges[pair_key(a, b)] = (-100, 100)
    for actor in SIGNATORIES:
        ranges[f"commitment.{actor}"] = (0, 100)
    for actor in ARMED:
        ranges[f"strength.{actor}"] = (0, 100)
    for actor in REGIONAL:
        ranges[f"buyin.{actor}"] = (0, 100)
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
# Katiba Macina; the Islamic State in the Greater Sahara split from al-Mourabitoun in May 2015).
# date (month index) before which the name applies -> (full name, short name)
ERA_NAMES: dict[str, tuple[int, dict[str, str], dict[str, str]]] = {
    "jnim": (2017 * 12 + 2,
             {"en": "Ansar Dine, AQIM, al-Mourabitoun and the Katiba Macina (JNIM from March 2017)",
              "fr": "Ansar Dine, AQMI, al-Mourabitoun et la katiba Macina (le JNIM à partir de mars 2017)"},
             {"en": "Jihadists", "fr": "Djihadistes"}),
    "isgs": (2015 * 12 + 4,
             {"en": "MUJAO and al-Mourabitoun fighters (ISGS from May 2015)",
              "fr": "combattants du MUJAO et d'al-Mourabitoun (l'EIGS à partir de mai 2015)"},
             {"en": "MUJAO", "fr": "MUJAO"}),
}


def actor_name(actor: str, lang: str = "en", date: int | None = None) -> str:
    """An actor's name as the record had it at ``date`` (a month index), or its usual name."""
    era = ERA_NAMES.get(actor)
    if era is not None and date is not None and date < era[0]:
        return era[1].get(lang) or era[1]["en"]
    return NAMES.get(actor, {}).get(lang, actor)


def describe(name: str, lang: str = "en", date: int | None = None) -> str:
    """A readable label for a quantity: 'violence in Gao', 'relation CMA–Platform'.

    With ``date``, armed groups carry the names of that time (no JNIM before March 2017)."""
    parts = name.split(".")
    if date is not None and any(p in ERA_NAMES for p in parts[1:]):
        if parts[0] == "strength" and len(parts) == 2:
            return f"{'force de' if lang == 'fr' else 'strength of'} {actor_name(parts[1], lang, date)}"
        if parts[0] == "relation" and len(parts) == 3:
            return f"relation {actor_name(parts[1], lang, date)} – {actor_name(parts[2], lang, date)}"
    label = {
        "violence": ("violence in", "violence à"),
        "state_presence": ("state presence in", "présence de l'État à"),
        "mission_presence": ("mission presence in", "présence de la mission à"),
        "displacement": ("displacement in", "déplacements à"),
        "commitment": ("commitment of", "engagement de"),
        "strength": ("strength of", "force de"),
        "buyin": ("buy-in of", "adhésion de"),
    }
    fr = lang == "fr"
    if parts[0] in label and len(parts) == 2 and parts[1] in NAMES:
        return f"{label[parts[0]][fr]} {NAMES.get(parts[1], {}).get(lang, parts[1])}"
    if parts[0] == "relation" and len(parts) == 3:
        a = NAMES.get(parts[1], {}).get(lang, parts[1])
        b = NAMES.get(parts[2], {}).get(lang, parts[2])
        return f"relation {a} – {b}"  # the same word in both languages
    return SCALAR_LABELS.get(name, {}).get(lang) or name


SCALAR_LABELS: dict[str, dict[str, str]] = {
    "mission.troops": {"en": "troops", "fr": "effectifs"},
    "mission.casualties": {"en": "peacekeepers killed", "fr": "casques bleus tués"},
    "mission.budget": {"en": "budget ($m/year)", "fr": "budget (M$/an)"},
    "mission.safety": {"en": "mission safety", "fr": "sécurité de la mission"},
    "mission.trust": {"en": "local trust", "fr": "confiance locale"},
    "mission.impartiality": {"en": "impartiality", "fr": "impartialité"},
    "mission.consent": {"en": "host-state consent", "fr": "consentement de l'État hôte"},
    "politics.implementation": {"en": "implementation of the agreement", "fr": "mise en œuvre de l'Accord"},
    "politics.reconciliation": {"en": "reconciliation", "fr": "réconciliation"},
    "politics.will": {"en": "Bamako's will", "fr": "volonté de Bamako"},
    "regional.capacity": {"en": "AU/ECOWAS capacity", "fr": "capacités UA/CEDEAO"},
    "regional.ownership": {"en": "regional ownership", "fr": "appropriation régionale"},
    "council.capital": {"en": "political capital", "fr": "capital politique"},
    "council.standing": {"en": "penholder's standing", "fr": "crédit du porte-plume"},
    "council.unity": {"en": "Council unity", "fr": "unité du Conseil"},
    "signatories.cohesion": {"en": "signatories' cohesion", "fr": "cohésion des signataires"},
    "violence.mean": {"en": "mean violence", "fr": "violence moyenne"},
}


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" suffix when a close known name exists, else ''."""
    close = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# What each read-only quantity is computed from, and the divisor that turns a change of the parts
# into a change of the whole ("why did mean violence move?" = the causes of its parts, shared out).
DERIVED_PARTS: dict[str, tuple[tuple[str, ...], int]] = {
    "violence.mean": (tuple(f"violence.{r}" for r in REGIONS), len(REGIONS)),
    # cohesion = (mean relation + 100) / 2, so each point of relation counts 1 / (2 × pairs)
    "signatories.cohesion": (tuple(pair_key(a, b) for a, b in SIGNATORY_PAIRS), 2 * len(SIGNATORY_PAIRS)),
}
