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


def test_a_session_code_opens_its_game_and_the_window_keeps_the_team_file(tmp_path: Path) -> None:
    import json

    from game.codes import make
    from game.content.loader import load_scenario
    from game.engine.actions import Continue

    scenario = load_scenario(levels_root() / "after-algiers").scenario
    assert scenario is not None
    code = make(scenario, "lesson", 42)
    team_file = tmp_path / "blue.json"
    app = make_app(tmp_path / "data", level="after-algiers", length="lesson", seed=42, session=code,
                   team="Blue", save_replay=str(team_file))
    assert app.start_game("after-algiers", seed=42, length="lesson")
    app.session.act(Continue())
    app.after_decision()
    data = json.loads(team_file.read_text(encoding="utf-8"))
    assert data["team"] == "Blue" and data["session"] == code and data["length"] == "lesson" and data["seed"] == 42
    assert data["decisions"] == [{"do": "continue"}]
