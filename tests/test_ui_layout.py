"""Every screen lays out at 1280×720 and 1024×600, at the default and the largest text size, in
English and French, with no text outside its box (checked from the layout records)."""

from __future__ import annotations

import pytest
from ui_support import make_app, playable_tutorial, screens, text_outside

from game.ui import theme
from game.ui.text import Fonts

CONFIGS = [
    ("1280x720", 1, "en"),
    ("1024x600", 1, "en"),
    ("1280x720", 3, "en"),
    ("1024x600", 3, "en"),
    ("1024x600", 3, "fr"),
    ("1280x720", 0, "fr"),
]


@pytest.mark.parametrize("size,step,lang", CONFIGS)
def test_every_screen_keeps_its_text_in_its_boxes(tmp_path, size, step, lang):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", size, lang, step)
    names = []
    problems = []
    for name in screens(app, folder):
        frame = app.draw()
        names.append(name)
        problems += [f"{name}: {p}" for p in text_outside(frame)]
        assert frame.texts, f"{name} drew no text"
    assert {"title", "help", "saves", "briefing-map", "briefing-web", "drafting", "drafting-options", "chamber",
            "vote-mid", "vote", "card", "summary", "why", "why-derived", "debrief-charts", "debrief-outcome",
            "debrief-journal", "debrief-discuss"} <= set(names)
    assert not problems, "\n".join(problems[:20])


def test_high_contrast_and_colour_blind_render(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", "1280x720", "en", 1)
    app.settings.high_contrast = True
    app.settings.colour_blind = True
    for _name in screens(app, folder):
        assert not text_outside(app.draw())


def test_no_text_under_18px_at_720():
    for step in range(len(theme.STEPS)):
        fonts = Fonts(theme.body_px(step, 720))
        assert min(size for size, _bold in fonts.spec.values()) >= 18
    assert theme.body_px(0, 1080) > theme.body_px(0, 720)  # fonts scale with the window


@pytest.mark.parametrize("pal", theme.ALL_PALETTES, ids=lambda p: p.name)
def test_text_contrast_at_least_4_5(pal):
    low = [(name, round(theme.contrast(fg, bg), 2)) for name, fg, bg in theme.contrast_pairs(pal)
           if theme.contrast(fg, bg) < 4.5]
    assert not low, low


@pytest.mark.parametrize("pal", [p for p in theme.ALL_PALETTES if p.name.startswith("high-contrast")], ids=lambda p: p.name)
def test_the_quietest_violence_band_stands_out_from_the_land_around_mali(pal):
    """In high contrast the 0–20 band was near-black on near-black land: Bamako and Ségou vanished.
    (The standard palettes tell Mali's pale yellow from the paper around it by hue and outline.)"""
    from game.ui import mappaint

    quiet = pal.violence[0]
    for around in (mappaint.land_colour(pal), pal.map_other, pal.panel):
        assert theme.contrast(quiet, around) >= 1.5, (pal.name, quiet, around)


def test_font_covers_french():
    import pygame

    pygame.font.init()
    path = theme.font_path()
    assert path is not None and path.is_file()
    assert (path.parent / "LICENSE-DejaVu.txt").is_file()
    font = pygame.font.Font(str(path), 20)
    metrics = font.metrics("éèàçœ«»ÉÀâêîôûù’–—▲▼✔✖○…")
    assert all(m is not None for m in metrics)


@pytest.mark.parametrize("pal", theme.ALL_PALETTES, ids=lambda p: p.name)
def test_a_button_that_cannot_be_pressed_has_a_dashed_edge(tmp_path, pal):
    """In high contrast a disabled button's grey words looked like a working button's white ones."""
    from ui_support import make_app

    from game.ui.layout import Rect

    app = make_app(tmp_path / "data", "1024x600", "en", 1)
    frame = app.draw()
    frame.pal = pal
    for enabled in (True, False):
        r = Rect(100, 100, 300, 40)
        frame.button(f"probe:{enabled}", r, "Nothing to resume", None, enabled=enabled)
        edge = {tuple(frame.s.get_at((x, r.y))[:3]) for x in range(r.x + 20, r.right - 20)}
        assert (len(edge) > 1) == (not enabled), (enabled, edge)  # solid: one colour; dashed: two
