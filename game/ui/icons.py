"""The game's icons: one set (Tabler, MIT, in ``assets/icons/``), one icon per kind of quantity and
per kind of card, tinted with the palette's colour.

Views ask for ``icon_for_quantity("violence.mopti", size, colour)`` or ``icon("gavel", ...)``; the
meaning of each icon lives here and in ``assets/icons/README.md`` only, so the map, the summary,
the chamber, the debrief and the "why?" all show the same picture for the same thing.
"""

from __future__ import annotations

import io
from functools import lru_cache

import pygame

from game import resources

# A quantity's icon by its family (the part before the dot), or by its full key where one key of a
# family means something else (mission.budget is money, mission.troops are people).
_BY_KEY = {
    "mission.troops": "helmet",
    "mission.casualties": "ribbon-health",  # remembrance: a grave carries a cross, a candle read as "i"
    "mission.budget": "coin",
    "mission.safety": "shield",
    "mission.trust": "users",
    "mission.impartiality": "scale",
    "mission.consent": "signature",
    "politics.implementation": "checklist",
    "politics.reconciliation": "heart-handshake",
    "politics.will": "building-bank",
    "council.standing": "speakerphone",
    "council.capital": "speakerphone",
    "council.unity": "gavel",
    "signatories.cohesion": "users-group",
}
_BY_FAMILY = {
    "violence": "flame",
    "displacement": "tent",
    "buyin": "world",
    "regional": "world",
    "strength": "users-group",
    "relation": "users-group",
    "hostility": "users-group",
    "commitment": "route",
    "state_presence": "building-bank",
    "mission_presence": "flag",
    "council": "gavel",
    "mission": "flag",
    "politics": "checklist",
}
CARD_KINDS = {
    "security": "shield",
    "political": "building-bank",
    "humanitarian": "first-aid-kit",
    "regional": "map-pin",
    "council": "gavel",
    "mission": "flag",
}
FALLBACK = "info-circle"
CLAUSE = "file-pencil"  # a reason that is the draft's own words (a member's preference), not a quantity


def quantity_icon_name(key: str) -> str:
    """The icon file's name for a quantity key (``violence.mopti`` → ``flame``)."""
    return _BY_KEY.get(key) or _BY_FAMILY.get(key.split(".", 1)[0], FALLBACK)


def _svg_text(name: str) -> str:
    folder = resources.assets_root() / "icons"
    path = folder / f"{name}.svg"
    if not path.is_file():
        path = folder / f"{FALLBACK}.svg"
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=512)
def icon(name: str, size: int, colour: tuple[int, int, int]) -> pygame.Surface:
    """The icon ``name`` as a ``size``×``size`` surface drawn in ``colour`` (cached)."""
    hex_colour = "#{:02x}{:02x}{:02x}".format(*colour[:3])
    text = (_svg_text(name).replace("currentColor", hex_colour)
            .replace('width="24"', f'width="{size}"').replace('height="24"', f'height="{size}"'))
    try:
        return pygame.image.load(io.BytesIO(text.encode("utf-8")), "icon.svg").convert_alpha()
    except pygame.error:  # no display mode yet (convert needs one), or an SVG the renderer refuses
        try:
            return pygame.image.load(io.BytesIO(text.encode("utf-8")), "icon.svg")
        except pygame.error:
            return pygame.Surface((size, size), pygame.SRCALPHA)


def icon_for_quantity(key: str, size: int, colour: tuple[int, int, int]) -> pygame.Surface:
    """The icon of a quantity, as ``icon`` draws it."""
    return icon(quantity_icon_name(key), size, colour)
