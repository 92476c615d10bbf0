"""Keyboard, mouse and small screens (issue 10): the way forward within a few Tabs on every screen,
numbers reached with the arrows and not as Tab stops, shortcut keys shown on their buttons, a
clause's options opened by Enter, every number of the web of relations on its own edge, every
control on screen and clear of the others at 1024×600 and the largest text, saves named as a
teacher says them. All checked from the layout the frame records."""

from __future__ import annotations

import pygame
import pytest
from ui_support import key, make_app, playable_tutorial, screens, text_outside

LARGEST = 3


def tabs_to(app, target: str, limit: int = 60) -> int | None:
    """How many Tabs from where the focus is until it is on ``target`` (None: never)."""
    for n in range(limit + 1):
        if app.focus.id == target:
            return n
        app.handle(key(pygame.K_TAB))
        app.draw()
    return None


def way_forward(frame) -> str | None:
    """The screen's main way forward: its primary bottom-bar action (the last one)."""
    actions = [c.id for c in frame.controls if c.kind == "action" and c.action is not None]
    return actions[-1] if actions else None


@pytest.mark.parametrize("size,lang", [("1024x600", "fr"), ("1280x720", "en")])
def test_the_way_forward_is_within_ten_tabs_on_every_screen(tmp_path, size, lang):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", size, lang, LARGEST)
    counts = {}
    for name in screens(app, folder):
        frame = app.draw()
        target = way_forward(frame)
        if name == "vote-mid" or target is None:
            continue
        saved = app.focus.id
        from_default = tabs_to(app, target)
        app.focus.set(frame.controls[0].id)  # the worst start: the first control of the screen
        app.draw()
        from_first = tabs_to(app, target)
        app.focus.set(saved)
        counts[name] = (from_default, from_first)
        assert from_default is not None and from_first is not None, f"{name}: Tab never reaches {target}"
    assert {"briefing-map", "briefing-web", "drafting", "chamber", "summary", "debrief-charts"} <= set(counts)
    too_far = {n: c for n, c in counts.items() if max(c) > 10}
    assert not too_far, too_far


def test_numbers_are_no_tab_stops_but_the_arrows_and_a_click_reach_them(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", "1280x720", "en", 1)
    for name in screens(app, folder):
        if name == "briefing-web":
            break
    frame = app.draw()
    numbers = [c for c in frame.controls if c.id.startswith("web:")]
    assert len(numbers) >= 10 and all(c.kind == "number" for c in numbers)
    stops = app.focus.stops()
    assert sum(1 for stop in stops if stop[0].id.startswith("web:")) == 1, "the web's numbers make one stop"
    # Tab lands on the first number only; Down walks through the others
    visited = set()
    for _ in range(len(frame.controls) + 1):
        app.handle(key(pygame.K_TAB))
        app.draw()
        visited.add(app.focus.id)
    assert numbers[0].id in visited and not {c.id for c in numbers[1:]} & visited
    app.focus.set(numbers[0].id)
    for c in numbers[1:]:
        app.handle(key(pygame.K_DOWN))
        assert app.focus.id == c.id
    # '?' on a number opens its why; Esc brings the screen back; a click opens it too
    app.draw()
    app.handle(key(pygame.K_SLASH, pygame.KMOD_SHIFT, "?"))
    assert app.overlay is not None and app.overlay.name == "why"
    app.handle(key(pygame.K_ESCAPE))
    assert app.overlay is None
    frame = app.draw()
    target = next(c for c in frame.controls if c.kind == "number")
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=target.rect.center))
    assert app.overlay is not None and app.overlay.name == "why"


def test_tab_enters_a_panel_where_it_was_left(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", "1280x720", "en", 1)
    for name in screens(app, folder):
        if name == "drafting":
            break
    app.draw()
    assert app.focus.id == "dim:0"
    app.handle(key(pygame.K_DOWN))
    app.handle(key(pygame.K_DOWN))
    app.draw()
    assert app.focus.id == "dim:2"
    app.handle(key(pygame.K_TAB))
    app.draw()
    assert not app.focus.id.startswith("dim:")
    app.handle(key(pygame.K_TAB, pygame.KMOD_SHIFT))
    app.draw()
    assert app.focus.id == "dim:2"


@pytest.mark.parametrize("size,lang,step", [("1024x600", "fr", LARGEST), ("1280x720", "en", 1)])
def test_every_shortcut_key_is_shown_on_its_button(tmp_path, size, lang, step):
    """Every key a screen answers to is on a button; a row of tabs too narrow for the keys (a
    large text) leaves them to the help rather than wrap and take the map's height."""
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", size, lang, step)
    letters = {getattr(pygame, f"K_{c}"): c.upper() for c in "abcdefghijklmnopqrstuvwxyz"}
    shown_somewhere = set()
    for name in screens(app, folder):
        frame = app.draw()
        view = app.nav.top.view
        caps = view.shortcuts()
        for k in view.keymap:  # every letter a screen answers to is the cap of one of its buttons
            if k in letters:
                assert letters[k] in caps.values(), f"{name}: the key {letters[k]} is shown on no button"
        for c in frame.controls:
            if c.id in caps and c.rect is not None:
                if c.kind == "tab" and step == LARGEST:
                    continue
                assert c.label.endswith(f"({caps[c.id]})"), f"{name}: {c.id} {c.label!r} hides its key"
                shown_somewhere.add(caps[c.id])
    assert {"V", "B", "F1"} | ({"M", "A"} if step != LARGEST else set()) <= shown_somewhere


def _seg_dist(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    k = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return ((p[0] - a[0] - k * dx) ** 2 + (p[1] - a[1] - k * dy) ** 2) ** 0.5


@pytest.mark.parametrize("size,step,lang", [("1280x720", 1, "en"), ("1024x600", LARGEST, "fr"),
                                            ("1280x720", LARGEST, "fr"), ("1920x1080", 0, "en")])
def test_every_number_of_the_web_sits_on_its_own_tie(tmp_path, size, step, lang):
    from game.engine.world import RELATION_PAIRS
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", size, lang, step)
    for name in screens(app, folder):
        if name == "briefing-web":
            break
    app.view.web_list = False  # the web itself (a narrow window opens on the list: below)
    frame = app.draw()
    pos = app.view.web_places
    assert set(pos) == {a for pair in RELATION_PAIRS for a in pair}
    labels = {c.id: c.rect for c in frame.controls if c.id.startswith("web:rel:")}
    assert len(labels) == len(RELATION_PAIRS)
    wrong = []
    for a, b in RELATION_PAIRS:
        centre = labels[f"web:rel:{a}:{b}"].center
        own = _seg_dist(centre, pos[a], pos[b])
        for c, d in RELATION_PAIRS:
            if (c, d) != (a, b) and _seg_dist(centre, pos[c], pos[d]) <= own:
                wrong.append(f"{a}–{b}'s number is as near {c}–{d}")
    assert not wrong, wrong
    boxes = list(labels.values()) + [c.rect for c in frame.controls if c.id.startswith("web:strength:")]
    overlaps = [(i, j) for i in range(len(boxes)) for j in range(i) if boxes[i].colliderect(boxes[j])]
    assert not overlaps, overlaps


def test_a_narrow_window_lists_the_relations_by_name_and_t_shows_the_web(tmp_path):
    """At 1024×600 and the largest text the web's fifteen numbers crowded its middle: the tab opens
    on a list that names each pair, every number a "why?", and T switches to the web and back."""
    from game.engine.world import RELATION_PAIRS
    from game.ui.strings import short

    app = make_app(tmp_path / "data", "1024x600", "fr", LARGEST)
    for name in screens(app, playable_tutorial(tmp_path)):
        if name == "briefing-web":
            break
    view = app.view
    frame = app.draw()
    assert view.web_as_list()
    ids = {c.id for c in frame.controls}
    assert {f"web:rel:{a}:{b}" for a, b in RELATION_PAIRS} <= ids  # shown or one scroll away
    words = " ".join(r.text for r in frame.texts)
    assert f"{short('cma', 'fr')} – {short('platform', 'fr')}" in words and not text_outside(frame)
    view.command("web_list", None)
    app.draw()
    assert not view.web_as_list() and view.web_places  # the web, drawn
    view.command("web_list", None)
    assert view.web_as_list()


def _played(app, folder, quarters: int):
    """A game of the tutorial played on (status quo) until ``quarters`` quarters have passed."""
    from game.sim.drafters import make_drafter

    assert app.start_game(str(folder), seed=7)
    drafter = make_drafter("status-quo", app.game.seed)
    while app.game.quarter < quarters and app.game.phase != "end":
        app.act(drafter.choose(app.game))


# the tutorial's four quarters played: a finished game, never "quarter 5" of four
@pytest.mark.parametrize("lang,words", [("en", ("Jun 2016", "finished")), ("fr", ("juin 2016", "terminée"))])
def test_saves_and_continue_name_the_game_as_a_teacher_says_it(tmp_path, lang, words):
    from game.engine.defs import tr

    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", "1024x600", lang, LARGEST)
    _played(app, folder, 4)
    title = tr(app.game.scenario.title, lang)
    app.store.save_slot(app.game, app.level, "Group B")
    expected = " · ".join((title, *words))
    app.nav.open_saves()
    frame = app.draw()
    lines = [rec.text for rec in frame.texts]
    assert any(line.startswith("Group B") for line in lines)
    shown = " ".join(lines)
    assert expected in shown, shown
    # the title's Continue says which game it resumes, and resumes that one
    app.nav.goto_title()
    frame = app.draw()
    assert expected in " ".join(rec.text for rec in frame.texts)
    cont = next(c for c in frame.controls if c.id == "title:continue")
    game_id = app.session.game_id if hasattr(app.session, "game_id") else None
    app.session = None
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=cont.rect.center))
    assert app.game is not None and app.game.quarter == 4 and app.view.name != "title"
    if game_id is not None:
        assert app.session.game_id == game_id


def _all_in_view_and_apart(frame, ids=None):
    """Problems: a control not drawn (scrolled away), outside the window, or over another one."""
    win = frame.window
    controls = [c for c in frame.controls if ids is None or ids(c.id)]
    bad = [f"{c.id} is not in view" for c in controls if c.rect is None]
    shown = [c for c in controls if c.rect is not None]
    bad += [f"{c.id} leaves the window" for c in shown if not win.contains(c.rect)]
    bad += [f"{a.id} overlaps {b.id}" for i, a in enumerate(shown) for b in shown[:i] if a.rect.colliderect(b.rect)]
    return bad


@pytest.mark.parametrize("size,lang", [("1024x600", "fr"), ("1024x600", "en"), ("1280x720", "fr")])
def test_the_compact_layout_keeps_every_control_in_view(tmp_path, size, lang):
    """At the largest text: the title shows every scenario and Quit, drafting all the clauses and
    the open clause's options, the chamber and the vote all fifteen seats; none overlap."""
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", size, lang, LARGEST)
    seen = set()
    for name in screens(app, folder):
        frame = app.draw()
        if name in ("title", "drafting", "drafting-options", "chamber", "vote", "briefing-web"):
            seen.add(name)
            problems = _all_in_view_and_apart(frame)
            assert not problems, f"{name}: {problems}"
        if name == "title":
            ids = {c.id for c in frame.controls}
            assert {f"scenario:{i}" for i in range(len(app.view.scenarios))} | {"title:quit"} <= ids
            app.view.toggle_settings()  # the settings, in the menu's place, all in view too
            frame = app.draw()
            assert app.focus.id == "set:lang"
            assert not _all_in_view_and_apart(frame), _all_in_view_and_apart(frame)
            assert {"set:lang", "set:size", "set:contrast", "title:menu"} <= {c.id for c in frame.controls}
            app.view.toggle_settings()
        if name == "drafting":
            dims = app.game.scenario.dimensions
            assert sum(1 for c in frame.controls if c.id.startswith("dim:")) == len(dims) == 9
        if name in ("chamber", "vote"):
            assert sum(1 for c in frame.controls if c.id.startswith("seat:")) == 15 or name == "vote"
    assert seen == {"title", "drafting", "drafting-options", "chamber", "vote", "briefing-web"}


@pytest.mark.parametrize("size,step", [("1024x600", LARGEST), ("1280x720", 1)])
def test_enter_on_a_clause_opens_its_options_with_the_focus_in_them(tmp_path, size, step):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", size, "fr", step)
    for name in screens(app, folder):
        if name == "drafting":
            break
    dims = app.game.scenario.dimensions
    for k in (len(dims) - 1, 2):
        app.focus.set(f"dim:{k}")
        app.draw()
        app.handle(key(pygame.K_RETURN))
        frame = app.draw()
        chosen = [o.id for o in dims[k].options].index(app.game.draft[dims[k].id])
        assert app.focus.id == f"opt:{chosen}"
        focused = next(c for c in frame.controls if c.id == app.focus.id)
        assert focused.rect is not None and frame.window.contains(focused.rect)
        options = [c for c in frame.controls if c.id.startswith("opt:")]
        assert len(options) == len(dims[k].options)
        # Esc goes back to the clause
        app.handle(key(pygame.K_ESCAPE))
        assert app.focus.id == f"dim:{k}"
