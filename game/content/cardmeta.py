"""What a card is as a document: its kind of document, its subject (category) and its place.

A card may say them (``document: wire``, ``category: humanitarian``, ``place: gao``). Where it does
not, they are read from what the card already holds, so that every shipped card looks like a
document without 144 new lines to write:

- the place is the first region or town its title names, else its text, else the region its
  responses move most (violence, presence, displacement there); a card that names and moves no
  region is told from New York (Council) or Bamako (everything else);
- the category is what its English title and text speak of most (attacks and armed groups are
  security, the displaced and aid humanitarian, the Council's resolutions and vetoes the Council,
  the neighbours and regional bodies regional, the blue helmets and their camps the mission, the
  agreement, elections and Bamako's government political; a title's word counts three times); a
  card whose words say none of these takes the family of quantities its responses move most (the
  mission's consent, budget and trust, which nearly every response pays, count for nothing): armed
  groups and violence are security, the agreement and Bamako's politics are political, displacement is humanitarian, the
  neighbours and regional bodies are regional, the Council is the Council, the mission is the mission;
- the document follows its first source: an opinion piece (op-ed) stays one, press reports make a press wire, a Secretary-General's or
  panel's report a report extract, a statement or a letter of a government a letter; anything else
  is the mission's code cable to New York.
The derivation is a presentation choice, not a fact: a designer who knows better writes the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from game.engine.world import REGIONS

DOCUMENTS: tuple[str, ...] = ("cable", "wire", "report", "letter", "opinion")
CATEGORIES: tuple[str, ...] = ("security", "political", "humanitarian", "regional", "council", "mission")
NEW_YORK, BAMAKO = "new-york", "bamako"
PLACES: tuple[str, ...] = (*REGIONS, NEW_YORK)

_FAMILY_CATEGORY = {
    "violence": "security", "strength": "security", "hostility": "security", "relation": "political",
    "commitment": "political", "politics": "political", "state_presence": "political",
    "displacement": "humanitarian", "buyin": "regional", "regional": "regional", "council": "council",
    "mission": "mission", "mission_presence": "mission",
}
_PLACED = ("violence", "state_presence", "mission_presence", "displacement")
_PAID_BY_ALL = frozenset({"mission.consent", "mission.budget", "mission.trust", "council.capital"})
# Names in a card's words, and the region (or New York) they stand for. Towns go to their region.
_NAMES: tuple[tuple[str, str], ...] = (
    ("new york", NEW_YORK), ("security council", NEW_YORK), ("conseil de sécurité", NEW_YORK),
    ("kidal", "kidal"), ("aguelhok", "kidal"), ("tessalit", "kidal"), ("anefis", "kidal"), ("anéfis", "kidal"),
    ("ménaka", "menaka"), ("menaka", "menaka"), ("gao", "gao"), ("ansongo", "gao"), ("bourem", "gao"),
    ("timbuktu", "timbuktu"), ("tombouctou", "timbuktu"), ("ber", "timbuktu"), ("léré", "timbuktu"),
    ("goundam", "timbuktu"), ("mopti", "mopti"), ("sévaré", "mopti"), ("sevare", "mopti"), ("boni", "mopti"),
    ("ogossagou", "mopti"), ("djenné", "mopti"), ("koro", "mopti"), ("bandiagara", "mopti"),
    ("ségou", "segou"), ("segou", "segou"), ("niono", "segou"), ("bamako", "bamako"), ("koulikoro", "bamako"),
)
# The first source's words that tell what kind of document carried the news, in order.
_SOURCE_KINDS = (
    ("opinion", ("opinion piece", "op-ed", "tribune", "global observatory")),  # a published argument, not news
    ("wire", ("press report", "press reports", "afp", "reuters", "rfi", "jeune afrique", "dépêche", "news")),
    ("report", ("report", "s/20", "panel of experts", "rapport")),
    ("letter", ("letter", "statement", "communiqué", "declaration", "lettre")),
)


_SUBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "security": ("attack", "ambush", "killed", "mine", "mines", "jihadist", "jnim", "isgs", "katiba", "raid",
                 "gunmen", "fighting", "clash", "clashes", "massacre", "bomb", "militia", "hostage", "kidnapped"),
    "humanitarian": ("displaced", "refugees", "hunger", "aid", "famine", "schools", "humanitarian", "cholera",
                     "flood", "families"),
    "council": ("council", "resolution", "veto", "penholder", "new york", "sanctions", "vote"),
    "regional": ("ecowas", "african union", "algeria", "algiers", "g5", "niger", "burkina", "mauritania",
                 "chad", "neighbour", "neighbours", "regional", "france", "barkhane", "wagner", "russia"),
    "mission": ("blue helmets", "peacekeepers", "peacekeeper", "camp", "convoy", "minusma", "contingent",
                "the mission", "troops"),
    "political": ("agreement", "election", "elections", "government", "minister", "president", "transition",
                  "referendum", "cma", "platform", "cantonment", "dialogue", "coup", "junta", "interim"),
}


def subject_of(title: str, text: str) -> str:
    """The category a card's English words speak of most ("" when they name none)."""
    scores = {cat: 3 * _count(title, words) + _count(text, words) for cat, words in _SUBJECT_WORDS.items()}
    best = max(CATEGORIES, key=lambda c: scores[c])  # ties: the order of CATEGORIES
    return best if scores[best] else ""


def _count(text: str, words: tuple[str, ...]) -> int:
    lowered = f" {text.lower()} "
    return sum(1 for w in words if _word_at(lowered, w) >= 0)


def derive(effects: Iterable[Mapping[str, int]], first_source: str, words: Iterable[str] = ()) -> tuple[str, str, str]:
    """(document, category, place) for a card with these responses' effects and these words
    (its English title, then its text)."""
    by_family: dict[str, int] = {}
    by_region: dict[str, int] = {}
    for changes in effects:
        for key, change in changes.items():
            family, _, rest = key.partition(".")
            if key not in _PAID_BY_ALL:
                by_family[family] = by_family.get(family, 0) + abs(change)
            if family in _PLACED and rest in REGIONS:
                by_region[rest] = by_region.get(rest, 0) + abs(change)
    scores: dict[str, int] = {}
    for family, total in by_family.items():
        cat = _FAMILY_CATEGORY.get(family)
        if cat:
            scores[cat] = scores.get(cat, 0) + total
    texts = list(words)
    category = subject_of(texts[0], " ".join(texts[1:])) if texts else ""
    if not category:
        category = max(sorted(scores), key=lambda c: scores[c]) if scores else "political"
    place = named_place(texts)
    if not place:
        if by_region:
            place = max(sorted(by_region), key=lambda r: by_region[r])
        else:
            place = NEW_YORK if category == "council" else BAMAKO
    return document_of(first_source), category, place


def named_place(words: Iterable[str]) -> str:
    """The first place a text names (by whole word), searching the texts in order ("" if none)."""
    for text in words:
        lowered = f" {text.lower()} "
        found = [(i, region) for name, region in _NAMES
                 for i in [_word_at(lowered, name)] if i >= 0]
        if found:
            return min(found)[1]
    return ""


def _word_at(text: str, name: str) -> int:
    start = 0
    while (i := text.find(name, start)) >= 0:
        before, after = text[i - 1], text[i + len(name): i + len(name) + 1]
        if not before.isalnum() and not after.isalnum():
            return i
        start = i + 1
    return -1


def document_of(source: str) -> str:
    """The kind of document a source line suggests (``cable`` when it suggests none)."""
    words = source.lower()
    for kind, marks in _SOURCE_KINDS:
        if any(mark in words for mark in marks):
            return kind
    return "cable"
