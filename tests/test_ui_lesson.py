"""The title screen suggests the lesson length and shows its minutes; one control switches to the
full length; a game started from the title plays at the length shown."""

from __future__ import annotations

from pathlib import Path

from ui_support import make_app

from game.content.loader import levels_root


def _title(app):  # noqa: ANN001, ANN202 - the window's App, drawn once
    app.nav.goto_title()
    app.present()
    return app.view


def test_the_title_suggests_the_lesson_and_starts_it(tmp_path: Path) -> None:
    app = make_app(tmp_path / "data", lang="fr")
    view = _title(app)
    assert view.length == "lesson"
    after_algiers = next(sc for sc in view.scenarios if Path(sc["folder"]).name == "after-algiers")
    assert after_algiers["lesson_minutes"] == 45 and after_algiers["minutes"] > 45
    view.start(levels_root() / "after-algiers")
    assert app.game.scenario.length == "lesson" and app.game.scenario.years == 2


def test_one_control_switches_to_the_full_length(tmp_path: Path) -> None:
    app = make_app(tmp_path / "data")
    view = _title(app)
    assert any(c.id == "title:length" for c in app.focus.controls()), [c.id for c in app.focus.controls()]
    view.toggle_length()
    assert view.length == "full"
    view.start(levels_root() / "after-algiers")
    assert app.game.scenario.length == "full" and app.game.scenario.years == 4
