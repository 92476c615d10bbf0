"""One icon set: every quantity and every kind of card has an icon that ships, with its licence."""

from __future__ import annotations

import re

from game import resources
from game.engine.world import DERIVED, QUANTITIES
from game.ui import icons

ICONS = resources.assets_root() / "icons"


def test_every_quantity_has_its_own_icon_file() -> None:
    for key in [*QUANTITIES, *DERIVED]:
        if key.startswith("time."):
            continue  # the date is written out, it has no icon
        name = icons.quantity_icon_name(key)
        assert name != icons.FALLBACK, f"{key} has no icon"
        assert (ICONS / f"{name}.svg").is_file(), f"{key}: {name}.svg is not in assets/icons"


def test_every_card_kind_and_every_shipped_icon_is_documented_with_the_licence() -> None:
    readme = (ICONS / "README.md").read_text(encoding="utf-8")
    assert "MIT" in readme and (ICONS / "LICENSE").is_file()
    documented = set(re.findall(r"[a-z][a-z-]+", " ".join(
        line.split("|")[1] for line in readme.splitlines() if line.startswith("| ") and "---" not in line)))
    shipped = {p.stem for p in ICONS.glob("*.svg")}
    assert shipped <= documented, f"undocumented icons: {sorted(shipped - documented)}"
    for name in icons.CARD_KINDS.values():
        assert name in shipped


def test_an_icon_is_drawn_in_the_colour_asked_at_the_size_asked() -> None:
    surface = icons.icon("shield", 48, (200, 30, 30))  # before any display mode: no convert_alpha
    assert surface.get_size() == (48, 48)
    drawn = [surface.get_at((x, y)) for x in range(48) for y in range(48) if surface.get_at((x, y)).a > 200]
    assert drawn, "the icon drew nothing"
    assert all(c.r > 150 and c.g < 90 and c.b < 90 for c in drawn)
