"""Every text the window draws goes through one safe path: no crash on zero-width or control
characters, no empty boxes for missing glyphs, wrapping linear in the text's length."""

from __future__ import annotations

import json
import time
import unicodedata

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ui_support import make_app, playable_tutorial, screens, text_outside

from game.ui import text as uitext
from game.ui.text import clean, render, safe_text, text_size, wrap

LONG_WORD = "w" * 4000
PARAGRAPH = ("The Council decides to extend the mandate of MINUSMA until 30 June; " * 200)[:10_000]
HOSTILE = {
    "zwsp": "\u200b",
    "zwnj": "\u200c",
    "lrm": "\u200e",
    "soft hyphen": "\u00ad",
    "nul inside": "a\x00b",
    "nul only": "\x00\x00",
    "empty": "",
    "spaces": "   ",
    "emoji": "vote 😀🚀🗳️❤️ ok",
    "rtl marks": "\u200fשלום\u200e \u202bمرحبا\u202c",
    "override": "\u202etxet\u202c",
    "combining": "e\u0301\u0302 x\u0301\u0302\u0303",
    "lone mark": "\u0301",
    "surrogate": "a\ud800b",
    "private use": "\ue000",
    "escape": "\x1b[2J clear",
    "line breaks": "one\r\ntwo\rthree\u2028four",
    "bom": "\ufeff",
    "long word": LONG_WORD,
    "paragraph": PARAGRAPH,
}
WIDTHS = (1, 7, 40, 300, 1200)


def make_font(size: int = 18, bold: bool = False) -> pygame.font.Font:
    pygame.font.init()
    return uitext.get_font(size, bold)


def clusters(line: str) -> int:
    """Characters that are not combining marks: a line of one is one unbreakable glyph."""
    return sum(1 for c in line if unicodedata.category(c)[0] != "M")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_measures_wraps_and_draws(name):
    text = HOSTILE[name]
    for bold in (False, True):
        f = make_font(18, bold)
        w, h = text_size(f, text)
        assert w >= 0 and h == f.get_linesize()
        for width in WIDTHS:
            lines = wrap(f, text, width, ("hostile", bold))
            assert lines
            for line in lines:
                assert f.size(line)[0] <= width or clusters(line) <= 1, (width, line[:40])
                surf = render(f, line, (0, 0, 0), ("hostile", bold))
                assert surf.get_height() in (f.get_linesize(), f.get_height())
                assert surf.get_width() <= max(width, f.size(line)[0], 1) + 1


def test_text_of_zero_width_draws_as_an_empty_line():
    f = make_font()
    for text in ("\u200b", "\u00ad", "\u200e", "\u200c", "\x00", "", "\u200f\u2060\ufeff"):
        surf = render(f, text, (0, 0, 0), ("zero", 1))
        assert surf.get_size() == (1, f.get_linesize())
        assert surf.get_at((0, 0)).a == 0  # nothing drawn in it


def test_clean_drops_controls_and_invisible_characters_and_keeps_the_rest():
    assert clean("a\x00b\u200bc\u00add\u200ee\u2060f") == "abcdef"
    assert clean("tab\there") == "tab here"
    assert clean("one\r\ntwo\rthree\u2028four\u2029five") == "one\ntwo\nthree\nfour\nfive"
    assert clean("\x1b[2J\x07\x85") == "[2J\n"
    assert clean("a\ud800b") == "a\ufffdb"  # a lone surrogate becomes a visible substitute
    assert clean("\ue000") == "\ufffd"
    assert clean("Équipe — 2016, 12\u202f345 e\u0301") == "Équipe — 2016, 12\u202f345 e\u0301"
    assert clean("\u0600١") == "\u0600١"  # an Arabic number sign is drawn, so it stays


def test_missing_glyphs_become_a_visible_substitute():
    f = make_font()
    shown = safe_text(f, "vote 🚀 ok")
    assert shown == "vote \ufffd ok"
    assert safe_text(f, "😀") == "😀"  # DejaVu has this one
    assert safe_text(f, "❤\ufe0f") == "❤\ufe0f"  # a variation selector never becomes a box
    assert safe_text(f, "12\u202f345 −3 ▲▼ →") == "12\u202f345 −3 ▲▼ →"  # what fmt_num and the views use


@settings(max_examples=60, deadline=None)
@given(text=st.text(st.characters(codec="utf-8", min_codepoint=0x250), max_size=40))
def test_no_character_is_left_that_the_font_draws_as_a_box(text):
    for bold in (False, True):
        f = make_font(18, bold)
        shown = safe_text(f, text)
        assert not [c for c in shown if uitext._lacks(f, c)]
        assert safe_text(f, shown) == shown  # idempotent: lines can be cleaned again when drawn


def test_a_4000_character_word_wraps_quickly_and_fits():
    f = make_font()
    uitext.clear_caches()
    start = time.perf_counter()
    lines = wrap(f, LONG_WORD, 300, ("long", 1))
    assert time.perf_counter() - start < 2  # a sanity bound only; benchmarks measure speed
    assert "".join(lines) == LONG_WORD
    assert all(f.size(line)[0] <= 300 for line in lines)
    assert all(f.size(line + "w")[0] > 300 for line in lines[:-1])  # each line is full
    assert wrap(f, LONG_WORD, 300, ("long", 1)) is lines  # the second draw is a lookup


def test_wrapping_measures_each_character_a_bounded_number_of_times():
    """Linear, counted rather than timed: the characters the font measures stay a small multiple
    of the text's length (cutting a long word by trimming one character at a time is quadratic)."""

    class Counting(pygame.font.Font):
        measured = 0

        def size(self, text):  # type: ignore[override]
            Counting.measured += len(text)
            return super().size(text)

        def metrics(self, text):  # type: ignore[override]
            Counting.measured += len(text)
            return super().metrics(text)

    path = uitext.theme.font_path(False)
    f = Counting(str(path) if path else None, 18)
    for text in (LONG_WORD, LONG_WORD * 5, PARAGRAPH):
        for width in (7, 300, 2000):
            Counting.measured = 0
            wrap(f, text, width, ("count", width, len(text)))
            assert Counting.measured <= 4 * len(text) + 1000, (len(text), width, Counting.measured)


def test_combining_marks_stay_with_their_letter():
    f = make_font()
    for text in ("e\u0301" * 300, "a\u0489" * 300):  # U+0489 is a mark with an advance of its own
        for width in (1, 7, 15, 25, 50, 301):
            for line in wrap(f, text, width, ("marks", width)):
                assert line and unicodedata.category(line[0])[0] != "M", (width, line)
    assert wrap(f, "e" + "\u0301" * 3000, 5, ("zalgo", 1)) == ["e" + "\u0301" * 3000]


def test_paragraph_keeps_its_words_and_breaks_at_spaces():
    f = make_font()
    lines = wrap(f, PARAGRAPH, 500, ("para", 1))
    assert " ".join(lines).split() == PARAGRAPH.split()
    assert all(f.size(line)[0] <= 500 and not line.startswith(" ") for line in lines)
    assert wrap(f, "a\n\nb", 500, ("para", 2)) == ["a", "", "b"]


def test_caches_are_bounded():
    f = make_font()
    uitext.clear_caches()
    for i in range(uitext._CACHE_MAX + 50):
        text = f"line {i}"
        wrap(f, text, 200, ("bound", 1))
        render(f, text, (0, 0, 0), ("bound", 1))
    assert len(uitext._WRAPPED) <= uitext._CACHE_MAX
    assert len(uitext._RENDERED) <= uitext._CACHE_MAX
    assert uitext._rendered_px <= uitext._RENDERED_PX_MAX


ANY_CHAR = st.one_of(
    st.characters(codec=None, categories=["Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs", "Mn", "Me"]),
    st.characters(codec=None),
    st.sampled_from(["\x00", "\u200b", "\u00ad", "\u200e", "\u202e", " ", "\n", "w", "😀", "\u0301"]),
)


@settings(max_examples=200, deadline=None)
@given(text=st.text(ANY_CHAR, max_size=300), width=st.integers(1, 2000), bold=st.booleans())
def test_any_text_wraps_within_its_width_and_draws(text, width, bold):
    f = make_font(18, bold)
    lines = wrap(f, text, width, ("prop", bold))
    assert lines
    for line in lines:
        assert f.size(line)[0] <= width or clusters(line) <= 1
        surf = render(f, line, (0, 0, 0), ("prop", bold))
        assert surf.get_height() in (f.get_linesize(), f.get_height())
    text_size(f, text)


# --- through the real views -------------------------------------------------------------------


def _hostile_saves(app, names):
    path = app.store.save_slot(app.game, app.level, "ok")
    data = json.loads(path.read_text(encoding="utf-8"))
    for i, name in enumerate(names):
        data["name"] = name
        (path.parent / f"hostile-{i}.json").write_text(json.dumps(data), encoding="utf-8")
    (path.parent / "\u200b\u00ad.json").write_text("{", encoding="utf-8")  # damaged: its file name is shown


@pytest.mark.parametrize("size", ["1280x720", "1024x600"])
def test_hostile_save_names_list_and_draw(tmp_path, size):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", size=size, lang="fr", step=3)
    app.start_game(str(folder), seed=3)
    names = [v for k, v in HOSTILE.items() if len(v) <= 200 and k != "surrogate"] + ["w" * 200]
    _hostile_saves(app, names)
    app.nav.open_saves()
    app.overlay.name_text = "x" * 150 + "\u200b\x00😀\u00ad"
    listed = {s.name for s in app.overlay.slots}
    assert {"\u200b", "\u00ad", "a\x00b", "w" * 200} <= listed  # listed under the names they have
    drawn = []
    for first in range(len(app.overlay.slots) + 2):  # every row, page by page, twice the first
        app.focus.set(None)  # the focused field would keep the list at its top
        fr = app.draw()
        assert not [p for p in text_outside(fr) if not p.startswith("truncated")]
        drawn += [rec.text for rec in fr.texts]
        for lid in fr.lists:
            app.overlay.scroll[lid] = first
    assert not [t for t in drawn if "\x00" in t or "\u200b" in t or "\u00ad" in t]
    assert {"ab", "vote 😀\ufffd\ufffd\ufe0f❤\ufe0f ok", "e\u0301\u0302 x\u0301\u0302\u0303"} <= set(drawn)


def test_every_screen_draws_a_hostile_message(tmp_path):
    """The message strip of every screen, with each hostile text, stays in the window."""
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", "1024x600", "en", 1)
    texts = list(HOSTILE.values())
    for k, name in enumerate(screens(app, folder)):
        # the title screen sizes its message strip itself (title.py): long messages left to it
        longs = (LONG_WORD, PARAGRAPH) if app.view.name != "title" else ()
        for message in (texts[k % len(texts)], *longs):
            app.message = message
            start = time.perf_counter()
            fr = app.draw()
            assert time.perf_counter() - start < 2  # a sanity bound only
            outside = [p for p in text_outside(fr) if not p.startswith("truncated")]
            assert not outside, (name, outside[:3])


def test_the_more_marker_counts_hidden_lines_not_items(tmp_path) -> None:
    """'▼ 79 more lines': a three-line bullet is three lines to read, not one."""
    from game.ui.controls import Item
    from game.ui.layout import Rect
    from game.ui.scrolling import scroll_list

    app = make_app(tmp_path / "data", "1024x600", "en", 1)
    frame = app.draw()
    lh = frame.line_h()
    items = [Item(lh, lambda f, r: None) for _ in range(3)] + [Item(3 * lh, lambda f, r: None) for _ in range(4)]
    frame.texts.clear()
    scroll_list(frame, "probe", Rect(0, 0, 600, 5 * lh), items, gap=0)
    marker = frame.texts[-1].text
    assert marker.startswith("▼ 12 more lines"), marker  # the three short ones shown; four bullets of three hidden
