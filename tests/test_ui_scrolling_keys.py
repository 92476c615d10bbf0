"""The page keys and the "more" line at the largest text (the play-tester's report): the briefing's
report reads to its start and its end with the keyboard alone, a list never scrolls past its end,
each count of "▲ 5  ▼ 1" agrees with its own number, and the quarter's summary shows every
highlight it numbers."""

from __future__ import annotations

from typing import Any

import pygame
import pytest
from ui_support import key, make_app

from game.content.loader import levels_root
from game.sim.drafters import make_drafter
from game.ui import scrolling
from game.ui.controls import Item
from game.ui.layout import Rect

SIZES = ("1024x600", "1280x720")
LARGEST = 3


def _game(tmp_path: Any, size: str, lang: str = "fr") -> Any:
    app = make_app(tmp_path / "data", size, lang, LARGEST)
    assert app.start_game(str(levels_root() / "after-algiers"), seed=1, length="lesson")
    app.draw()
    return app


def _until(app: Any, screen: str) -> Any:
    drafter = make_drafter("status-quo", 1)
    for _ in range(200):
        if app.view.name == screen:
            return app.draw()
        app.act(drafter.choose(app.game))
        app.draw()
    raise AssertionError(f"no {screen}")


def _press(app: Any, k: int) -> Any:
    app.handle(key(k))
    return app.draw()


def _at_end(info: Any) -> bool:
    return info.first + info.shown == info.total


@pytest.mark.parametrize("size", SIZES)
def test_the_report_reads_from_its_start_to_its_end_with_the_keys_alone(tmp_path, size) -> None:
    app = _game(tmp_path, size)
    assert app.view.name == "briefing"
    frame = app.draw()
    side = frame.lists["side"]
    assert not _at_end(side), "the report is longer than its panel at the largest text"
    for _ in range(60):  # Tab into the panel: it enters where the text starts, not on a number far below
        frame = _press(app, pygame.K_TAB)
        if scrolling.holds(frame.lists["side"], app.focus.id):
            break
    assert app.focus.id == scrolling.more_id("side") and frame.lists["side"].first == 0
    pages = 0
    while not _at_end(frame.lists["side"]):  # PgDn to the very end, a page at a time
        before = frame.lists["side"].first
        frame = _press(app, pygame.K_PAGEDOWN)
        assert frame.lists["side"].first > before, "PgDn stopped before the end"
        side = frame.lists["side"]  # line by line: no source taller than the panel, cut off with "…"
        assert not [t.text for t in frame.truncated if side.rect.colliderect(t.rect)]
        pages += 1
        assert pages < 40
    assert pages > 3  # a page, not the whole text at once
    assert _press(app, pygame.K_HOME).lists["side"].first == 0
    assert _at_end(_press(app, pygame.K_END).lists["side"])
    for _ in range(pages + 2):
        frame = _press(app, pygame.K_PAGEUP)
    assert frame.lists["side"].first == 0
    # from a number of the report (the arrows took the focus there): the keys still reach both ends
    app.focus.set("side:capital")
    assert app.draw().lists["side"].first > 0
    assert _at_end(_press(app, pygame.K_END).lists["side"])
    assert app.focus.id == scrolling.more_id("side")  # the focus left the number, which pulled the text back
    assert _press(app, pygame.K_HOME).lists["side"].first == 0
    frame = _press(app, pygame.K_RETURN)  # Enter on the "more" line reads on
    assert frame.lists["side"].first > 0


@pytest.mark.parametrize("size", SIZES)
def test_pgdn_on_a_card_never_hides_its_responses(tmp_path, size) -> None:
    app = _game(tmp_path, size)
    frame = _until(app, "card")
    assert len(app.game.card.responses) == 3
    n = len(app.game.card.responses)

    def shown(frame: Any) -> set[str]:
        return {c.id for c in frame.controls if c.id.startswith("resp:") and c.rect is not None}

    assert shown(frame) == {f"resp:{j}" for j in range(n)}
    frame = _press(app, pygame.K_PAGEDOWN)
    assert shown(frame) == {f"resp:{j}" for j in range(n)} and frame.lists["responses"].first == 0
    assert frame.lists["card"].first > 0  # the card's text read on instead
    # the wheel over the responses (the keys every screen knows): nothing to scroll, nothing hidden
    app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=frame.lists["responses"].rect.center, rel=(0, 0),
                                  buttons=(0, 0, 0)))
    app.handle(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-3, flipped=False))
    frame = app.draw()
    assert shown(frame) == {f"resp:{j}" for j in range(n)} and frame.lists["responses"].first == 0


def test_a_list_never_scrolls_past_its_end_and_marks_what_is_above(tmp_path) -> None:
    app = make_app(tmp_path / "data", "1024x600", "fr", LARGEST)
    frame = app.draw()
    lh = frame.line_h()
    items = [Item(2 * lh, lambda f, r: None) for _ in range(6)]
    for wanted in (5, 99):  # PgDn / End asked for the last item at the top: half the panel empty
        frame.scroll["probe"] = wanted
        frame.texts.clear()
        scrolling.scroll_list(frame, "probe", Rect(0, 0, 600, 8 * lh), items, gap=0)
        info = frame.lists["probe"]
        assert info.first + info.shown == info.total and info.shown == 3  # the last three fill it
        assert frame.texts[-1].text.startswith("▲ 6 lignes de plus")
    frame.scroll["fits"] = 2  # a list that fits whole does not scroll at all
    scrolling.scroll_list(frame, "fits", Rect(0, 0, 600, 20 * lh), items, gap=0)
    assert frame.lists["fits"].first == 0 and frame.lists["fits"].shown == 6


@pytest.mark.parametrize("lang,mixed,same", [
    ("fr", ("▲ 5 lignes de plus", "▼ 1 ligne de plus"), "▲ 2  ▼ 5 lignes de plus"),
    ("en", ("▲ 5 more lines", "▼ 1 more line"), "▲ 2  ▼ 5 more lines"),
])
def test_each_count_of_the_more_line_agrees_with_its_own_number(tmp_path, lang, mixed, same) -> None:
    app = make_app(tmp_path / "data", "1024x600", lang, LARGEST)
    frame = app.draw()
    label = scrolling.more_label(frame, 5, 1, 10_000)
    assert label.startswith(f"{mixed[0]}  {mixed[1]}"), label
    assert scrolling.more_label(frame, 2, 5, 10_000).startswith(same)
    assert scrolling.more_label(frame, 0, 1, 10_000).startswith(mixed[1])
    for width in range(40, 900, 20):  # shortened to fit: never "▼ 1 lignes de plus"
        label = scrolling.more_label(frame, 5, 1, width)
        assert label == "▲ 5  ▼ 1" or label.startswith(f"{mixed[0]}  {mixed[1]}"), (width, label)


@pytest.mark.parametrize("size", SIZES)
def test_the_summary_shows_every_highlight_it_numbers(tmp_path, size) -> None:
    app = _game(tmp_path, size)
    frame = _until(app, "summary")
    from game import story

    highlights = story.quarter_highlights(app.game, "fr")
    assert len(highlights) == 3 and app.view.marks
    listed = frame.lists["changes"].rect
    lines = [rec.text for rec in frame.texts if listed.contains(rec.rect)]
    for n in range(1, len(highlights) + 1):
        assert any(line.startswith(chr(0x2460 + n - 1)) for line in lines), (n, lines)
    app.view.scroll["changes"] = 999  # each highlight's cause is still there, below them (to its end)
    frame = app.draw()
    shown = " ".join(rec.text for rec in frame.texts if listed.contains(rec.rect))
    assert _at_end(frame.lists["changes"]) and highlights[-1].text.split()[-1] in shown, shown
