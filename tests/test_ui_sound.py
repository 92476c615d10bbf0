"""Sound is off by default; with it on, the gavel falls once when a vote's result is announced and a
soft cue marks a new card; "reduce motion" shows the vote's result at once."""

from __future__ import annotations

from test_ui_vote import to_chamber, to_vote

from game.engine.actions import CallVote, Continue
from game.store import Settings
from game.ui.views.chamber import RESULT_PAUSE_MS, REVEAL_MS


def test_a_class_hears_nothing_by_default(tmp_path):
    assert Settings().sound == 0 and Settings.from_dict({"sound": 9}).sound == 3
    app = to_vote(tmp_path)
    app.view.tick(0)
    app.view.tick(15 * REVEAL_MS + RESULT_PAUSE_MS)
    app.act(Continue())
    assert app.sounds.played == []


def test_with_sound_on_the_gavel_falls_once_at_the_result_and_a_card_has_its_cue(tmp_path):
    app = to_chamber(tmp_path)
    app.settings.sound = 2
    app.act(CallVote())
    app.view.tick(0)
    app.view.tick(7 * REVEAL_MS)
    assert app.sounds.played == []  # not while the members vote
    app.view.tick(15 * REVEAL_MS + RESULT_PAUSE_MS)
    app.view.tick(16 * REVEAL_MS + RESULT_PAUSE_MS)
    app.view.finish_animation()  # "show all" after the end does not knock again
    assert app.sounds.played == ["gavel"]
    while app.view.name != "card":
        app.act(Continue())
    assert app.sounds.played == ["gavel", "card"]


def test_reduce_motion_shows_the_result_at_once(tmp_path):
    app = to_chamber(tmp_path)
    app.settings.reduce_motion = True
    app.act(CallVote())
    assert app.view.name == "vote" and not app.view.animating() and app.view.shown == 15
