"""The title screen and the focus, as a teacher drives them with the keyboard on a projector: the
text size raised with Enter keeps the focus on its control whatever the layout does (never on
something that starts a game), Esc closes "Settings…", Tab and the arrows pass greyed buttons,
and Quit and "Settings…" stay in view at the largest text."""

from __future__ import annotations

import pygame
import pytest
from ui_support import key, make_app

from game.engine.actions import Continue
from game.ui.controls import Item
from game.ui.frame import Frame
from game.ui.views.base import View, button_item, compact

LARGEST = 3
SIZES = ("1024x600", "1280x720")


def press(app, k: int, mod: int = 0) -> None:
    app.handle(key(k, mod))
    app.draw()


def no_game_started(app) -> bool:
    return app.game is None and app.view.name == "title" and not app.store.recent_games()


@pytest.mark.parametrize("size", SIZES)
def test_enter_on_the_text_size_raises_it_step_by_step_and_never_starts_a_game(tmp_path, size):
    """The play-tester's keys: Tab, the arrows to "Text size: 2 of 4", then Enter again and again.
    At 3 of 4 the title folds its settings behind "Settings…": the focus stays on the size."""
    app = make_app(tmp_path / "data", size, "fr", 1)
    app.draw()
    press(app, pygame.K_TAB)
    for _ in range(30):
        if app.focus.id == "set:size":
            break
        press(app, pygame.K_DOWN)
    assert app.focus.id == "set:size"
    for step in (2, 3, 0, 1, 2):
        press(app, pygame.K_RETURN)
        frame = app.draw()
        assert app.settings.text_step == step
        assert app.focus.id == "set:size", (step, app.focus.id)
        focused = next(c for c in frame.controls if c.id == "set:size")
        assert focused.rect is not None and frame.window.contains(focused.rect)
        assert no_game_started(app), "Enter on the text size started a game"
    assert app.view.settings_open == compact(frame)


@pytest.mark.parametrize("size", SIZES)
def test_a_layout_change_moves_the_focus_to_no_control_that_starts_a_game(tmp_path, size):
    """Settings… and Back to the menu exist only in the short layout: when the layout grows under
    them, the focus goes to the first setting; it never falls back to a scenario or Continue."""
    app = make_app(tmp_path / "data", size, "fr", LARGEST)
    app.start_game("tutorial", seed=3)  # a game to continue: the title's first choice
    app.act(Continue())
    app.nav.goto_title()
    app.draw()
    for cid in ("title:settings", "title:menu"):
        if cid == "title:menu":
            app.view.toggle_settings()
        app.focus.set(cid)
        app.draw()
        assert app.focus.id == cid
        app.change_settings(text_step=0)  # the full layout: the settings in the menu, no Settings…
        app.draw()
        assert app.focus.id == "set:lang", (cid, app.focus.id)
        app.change_settings(text_step=LARGEST)
        app.draw()
        assert app.focus.id == "set:lang" and app.view.settings_open  # still there, in Settings…
        app.view.toggle_settings()
        app.draw()
    starts = {"title:continue", "title:games"} | {c.id for c in app.focus.controls() if c.id.startswith("scenario:")}
    view = app.view
    view.focused = True
    view.settings_open = False
    assert view.default_focus() not in starts


@pytest.mark.parametrize("size", SIZES)
def test_esc_closes_the_settings_back_to_the_title_menu(tmp_path, size):
    app = make_app(tmp_path / "data", size, "fr", LARGEST)
    frame = app.draw()
    assert compact(frame)
    app.focus.set("title:settings")
    press(app, pygame.K_RETURN)
    assert app.view.settings_open and app.focus.id == "set:lang"
    press(app, pygame.K_ESCAPE)
    assert not app.view.settings_open and app.focus.id == "title:settings"
    press(app, pygame.K_ESCAPE)  # on the menu itself, Esc does nothing
    assert app.running and not app.view.settings_open and app.view.name == "title"


def test_tab_and_the_arrows_pass_greyed_buttons(tmp_path):
    """Fresh data folder: "No game to continue yet" is greyed; on a first briefing, Undo is."""
    app = make_app(tmp_path / "data", "1024x600", "fr", LARGEST)
    frame = app.draw()
    greyed = {c.id for c in frame.controls if c.action is None and c.field is None and c.rect is not None}
    assert "title:continue" in greyed
    press(app, pygame.K_TAB)
    assert app.focus.id not in greyed, "the first Tab lands on a greyed button"
    for k, mod in ((pygame.K_TAB, 0), (pygame.K_TAB, pygame.KMOD_SHIFT), (pygame.K_DOWN, 0), (pygame.K_UP, 0)):
        for _ in range(len(frame.controls) + 2):
            press(app, k, mod)
            assert app.focus.id not in greyed, (k, mod, app.focus.id)
    app.start_game("tutorial", seed=3)
    frame = app.draw()
    undo = next(c for c in frame.controls if c.id == "tool:undo")
    assert undo.action is None  # nothing to undo yet
    for k, mod in ((pygame.K_TAB, 0), (pygame.K_TAB, pygame.KMOD_SHIFT), (pygame.K_DOWN, 0), (pygame.K_UP, 0)):
        for _ in range(len(frame.controls) + 2):
            press(app, k, mod)
            assert app.focus.id != "tool:undo", (k, mod)


class _Greyed(View):
    """A long list where every other button is greyed: most of them scrolled out of view."""

    name = "greyed"

    def draw(self, f: Frame) -> None:
        f.s.fill(f.pal.bg)
        items: list[Item] = [button_item(f, 300, f"b:{i}", f"Button {i}", (lambda: None) if i % 2 == 0 else None,
                                         enabled=i % 2 == 0) for i in range(40)]
        f.scroll_list("long", pygame.Rect(10, 10, 300, 200), items)


def test_the_arrows_pass_a_greyed_button_scrolled_out_of_view(tmp_path):
    app = make_app(tmp_path / "data", "1024x600", "en", 1)
    app.nav.switch_screen(_Greyed(app))
    frame = app.draw()
    assert any(c.rect is None for c in frame.controls)
    seen = []
    for _ in range(25):
        press(app, pygame.K_DOWN)
        seen.append(app.focus.id)
    assert all(int(cid[2:]) % 2 == 0 for cid in seen), seen
    assert "b:40" not in seen and {"b:38", "b:0"} <= set(seen)  # the whole list, around again
    for _ in range(5):
        press(app, pygame.K_UP)
        assert int(app.focus.id[2:]) % 2 == 0


def _many_games(app) -> None:
    for seed in (3, 4, 5):
        assert app.start_game("tutorial", seed=seed, length="lesson")
        app.act(Continue())
    app.nav.goto_title()


@pytest.mark.parametrize("size,step", [("1024x600", LARGEST), ("1280x720", LARGEST), ("1024x600", 1),
                                       ("1280x720", 1)])
def test_quit_and_settings_are_always_in_view_on_the_title(tmp_path, size, step):
    """Continue, the other games, the workshop's buttons and a message: the menu scrolls, Quit
    (and "Settings…" where the settings are behind it) never do."""
    app = make_app(tmp_path / "data", size, "fr", step)
    _many_games(app)
    app.message = "Un message pour la classe, assez long pour prendre deux lignes de la fenêtre du titre."
    frame = app.draw()
    wanted = {"title:quit"} | ({"title:settings"} if compact(frame) else set())
    shown = {c.id: c.rect for c in frame.controls}
    for cid in wanted:
        assert shown.get(cid) is not None, f"{cid} is scrolled out of view"
        assert frame.window.contains(shown[cid])
    others = [c for c in frame.controls if c.rect is not None and c.id not in wanted]
    assert not [c.id for c in others for cid in wanted if c.rect.colliderect(shown[cid])]
    # the arrows reach them from the menu's last entry, and Enter on Settings… opens the settings
    if compact(frame):
        app.focus.set("title:compare")
        press(app, pygame.K_DOWN)
        assert app.focus.id == "title:settings"
        press(app, pygame.K_RETURN)
        assert app.view.settings_open
