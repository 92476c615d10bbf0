"""Colours, contrast and type: palettes (standard, high contrast, colour-blind-safe), font sizes.

Every colour that carries text is checked for a WCAG contrast of at least 4.5:1 in the tests
(``contrast_pairs``). Meaning is never carried by colour alone: the views always add a number,
a word, a line style or a symbol.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

Color = tuple[int, int, int]

# Text-size steps (pixels at a 720-pixel-high window); the smallest is 18 px.
STEPS: tuple[int, ...] = (18, 20, 23, 26)
MIN_PX = 15  # floor when the window is much smaller than 720 px high


def hex_color(text: str) -> Color:
    text = text.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def luminance(c: Color) -> float:
    def chan(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = c
    return 0.2126 * chan(r) + 0.7152 * chan(g) + 0.0722 * chan(b)


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio, 1..21."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def ink_on(fill: Color, dark: Color = (0, 0, 0), light: Color = (255, 255, 255)) -> Color:
    """The text colour (dark or light) that reads best on ``fill``."""
    return dark if contrast(dark, fill) >= contrast(light, fill) else light


@dataclass(frozen=True)
class Palette:
    name: str
    bg: Color
    panel: Color
    border: Color
    text: Color
    muted: Color
    heading: Color  # UN blue darkened for text on panels
    accent: Color  # UN blue, for lines and marks (not text)
    button: Color
    button_text: Color
    primary: Color  # filled primary button
    primary_text: Color
    selected: Color  # fill of a chosen option / active tab
    selected_text: Color
    hover: Color
    focus: Color
    yes: Color
    no: Color
    abstain: Color
    allied: Color
    hostile: Color
    notice: Color  # message strip
    notice_text: Color
    violence: tuple[Color, ...]  # five bins: 0–19, 20–39, 40–59, 60–79, 80–100
    map_other: Color  # regions the model does not cover
    map_line: Color
    chart: Color
    bar: Color


STANDARD = Palette(
    name="standard",
    bg=hex_color("#E9EEF2"),
    panel=hex_color("#FFFFFF"),
    border=hex_color("#AEB9C3"),
    text=hex_color("#15202B"),
    muted=hex_color("#45525E"),
    heading=hex_color("#005B8A"),
    accent=hex_color("#009EDB"),
    button=hex_color("#F3F6F8"),
    button_text=hex_color("#15202B"),
    primary=hex_color("#00618F"),
    primary_text=hex_color("#FFFFFF"),
    selected=hex_color("#D3ECF8"),
    selected_text=hex_color("#0D1B26"),
    hover=hex_color("#E4F3FA"),
    focus=hex_color("#C24E00"),
    yes=hex_color("#1E6B34"),
    no=hex_color("#B3261E"),
    abstain=hex_color("#5A6570"),
    allied=hex_color("#1E6B34"),
    hostile=hex_color("#B3261E"),
    notice=hex_color("#FFF4D6"),
    notice_text=hex_color("#3D2E00"),
    violence=(hex_color("#FFF5DC"), hex_color("#FDD49E"), hex_color("#F59A5B"), hex_color("#D4452B"), hex_color("#8C1D12")),
    map_other=hex_color("#DCE1E5"),
    map_line=hex_color("#44505C"),
    chart=hex_color("#00618F"),
    bar=hex_color("#009EDB"),
)

# Okabe–Ito colours: blue for yes/allied, vermilion for no/hostile; a cividis-like ramp.
COLOUR_BLIND = replace(
    STANDARD,
    name="colour-blind",
    yes=hex_color("#005A8F"),
    no=hex_color("#A8450A"),
    allied=hex_color("#0072B2"),
    hostile=hex_color("#C25400"),
    violence=(hex_color("#FFF7BC"), hex_color("#D9C56A"), hex_color("#9C8F72"), hex_color("#5B5E78"), hex_color("#1B2A5C")),
)

HIGH_CONTRAST = Palette(
    name="high-contrast",
    bg=hex_color("#000000"),
    panel=hex_color("#000000"),
    border=hex_color("#FFFFFF"),
    text=hex_color("#FFFFFF"),
    muted=hex_color("#E6E6E6"),
    heading=hex_color("#7FD8FF"),
    accent=hex_color("#4CC9FF"),
    button=hex_color("#000000"),
    button_text=hex_color("#FFFFFF"),
    primary=hex_color("#FFE100"),
    primary_text=hex_color("#000000"),
    selected=hex_color("#00395A"),
    selected_text=hex_color("#FFFFFF"),
    hover=hex_color("#1F1F1F"),
    focus=hex_color("#FFE100"),
    yes=hex_color("#7CFC9A"),
    no=hex_color("#FF8A80"),
    abstain=hex_color("#E6E6E6"),
    allied=hex_color("#7CFC9A"),
    hostile=hex_color("#FF8A80"),
    notice=hex_color("#FFE100"),
    notice_text=hex_color("#000000"),
    # the lowest band a dark slate, not near-black: on the black panel and land it vanished
    violence=(hex_color("#2E3F4F"), hex_color("#5C3B00"), hex_color("#A35A00"), hex_color("#E07B00"), hex_color("#FFB000")),
    map_other=hex_color("#1A1A1A"),  # darker than the quietest band of violence, which must stand out
    map_line=hex_color("#FFFFFF"),
    chart=hex_color("#FFE100"),
    bar=hex_color("#4CC9FF"),
)

HIGH_CONTRAST_CB = replace(
    HIGH_CONTRAST,
    name="high-contrast colour-blind",
    yes=hex_color("#8FD3FF"),
    no=hex_color("#FFB070"),
    allied=hex_color("#8FD3FF"),
    hostile=hex_color("#FFB070"),
)


def palette(high_contrast: bool, colour_blind: bool) -> Palette:
    if high_contrast:
        return HIGH_CONTRAST_CB if colour_blind else HIGH_CONTRAST
    return COLOUR_BLIND if colour_blind else STANDARD


ALL_PALETTES: tuple[Palette, ...] = (STANDARD, COLOUR_BLIND, HIGH_CONTRAST, HIGH_CONTRAST_CB)


def contrast_pairs(p: Palette) -> list[tuple[str, Color, Color]]:
    """Every (foreground text, background) pair the views draw text with."""
    pairs = [
        ("text/panel", p.text, p.panel), ("text/bg", p.text, p.bg), ("muted/panel", p.muted, p.panel),
        ("muted/bg", p.muted, p.bg), ("heading/panel", p.heading, p.panel), ("heading/bg", p.heading, p.bg),
        ("button", p.button_text, p.button), ("button/hover", p.button_text, p.hover),
        ("primary", p.primary_text, p.primary), ("selected", p.selected_text, p.selected),
        ("yes/panel", p.yes, p.panel), ("no/panel", p.no, p.panel), ("abstain/panel", p.abstain, p.panel),
        ("allied/panel", p.allied, p.panel), ("hostile/panel", p.hostile, p.panel),
        ("notice", p.notice_text, p.notice), ("text/selected", p.text, p.selected),
        ("muted/selected", p.muted, p.selected), ("text/hover", p.text, p.hover), ("muted/hover", p.muted, p.hover),
        ("heading/selected", p.heading, p.selected), ("yes/selected", p.yes, p.selected),
        ("no/selected", p.no, p.selected), ("abstain/selected", p.abstain, p.selected),
        ("text/map_other", p.text, p.map_other),
    ]
    for i, fill in enumerate(p.violence):
        pairs.append((f"violence{i}", ink_on(fill), fill))
    return pairs


# --- fonts ----------------------------------------------------------------------------------

def font_dir() -> Path:
    """``assets/fonts`` of the checkout or of the wheel, or $PENHOLDER_ASSETS/fonts."""
    from game import resources

    return resources.assets_root() / "fonts"


FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


def font_path(bold: bool = False) -> Path | None:
    path = font_dir() / FONT_FILES[bold]
    return path if path.is_file() else None


def body_px(step: int, height: int) -> int:
    """Body text size for a text-size step and a window height (scales with the height)."""
    step = max(0, min(len(STEPS) - 1, step))
    return max(MIN_PX, round(STEPS[step] * height / 720))
