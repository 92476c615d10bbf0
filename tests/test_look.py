"""The visual language (issue 11): the briefing's map and its legend, the summary's numbered marks,
subtle motion, the web's stable places and its changes."""

from __future__ import annotations

import math

from ui_support import make_app, playable_tutorial, screens, start, text_outside

from game.content.loader import levels_root
from game.sim.drafters import make_drafter
from game.ui import mapdraw, motion
from game.ui.mapplace import overlap
from game.ui.mapshapes import Fit, load


def _spy_map(monkeypatch) -> list[tuple[object, dict[str, tuple[int, int, int, int]]]]:  # type: ignore[no-untyped-def]
    seen: list[tuple[object, dict[str, tuple[int, int, int, int]]]] = []
    real = mapdraw.draw_map

    def spy(f, r, game, lang, marks=(), tick=None):  # type: ignore[no-untyped-def]
        boxes = real(f, r, game, lang, marks, tick)
        seen.append((r, boxes))
        return boxes

    monkeypatch.setattr(mapdraw, "draw_map", spy)
    return seen


def test_the_briefing_map_gets_the_height_and_its_legend_is_a_button_away(tmp_path, monkeypatch) -> None:
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", "1280x720", "en", 0)
    start(app, folder)
    seen = _spy_map(monkeypatch)
    frame = app.draw()
    r = seen[-1][0]
    ids = [c.id for c in frame.controls]
    assert "act:legend" in ids  # the wide layout: the legend is compact, the map the biggest thing
    assert r.h >= 0.6 * (app.display.screen.get_height() - 200)
    assert not app.view.legend_open
    assert app.view.command("legend", None) and app.view.legend_open
    frame = app.draw()
    assert any("UN" in rec.text or "ONU" in rec.text for rec in frame.texts)  # the whole legend, over the map
    assert seen[-1][0] == r  # the map stays where it was


def _summary(app, folder):  # type: ignore[no-untyped-def]
    for name in screens(app, folder):
        if name == "summary":
            return app.view
    raise AssertionError("no summary")


def test_the_summary_marks_each_highlight_at_its_region(tmp_path, monkeypatch) -> None:
    for size in ("1280x720", "1024x600"):
        folder = playable_tutorial(tmp_path)
        app = make_app(tmp_path / f"data{size}", size, "fr", 3)
        view = _summary(app, folder)
        seen = _spy_map(monkeypatch)
        app.draw()
        r, boxes = seen[-1]
        assert view.marks, "the tutorial's first quarter has regional highlights"
        data = load()
        fit = Fit.into(data, r.x, r.y, r.w, r.h)
        for i, (region, text) in enumerate(view.marks):
            box = boxes[f"mark:{i}"]
            assert text == str(int(text))  # the number of its line
            ax, ay = fit.pt(data.regions[region].label)
            cx, cy = box[0] + box[2] / 2, box[1] + box[3] / 2
            assert math.hypot(cx - ax, cy - ay) <= 2.5 * box[2], (region, box, (ax, ay))
        items = list(boxes.values())
        for i, a in enumerate(items):
            assert not any(overlap(a, b) for b in items[i + 1:])


def test_a_number_ticks_to_its_value_in_at_most_300_ms() -> None:
    m = motion.Motion(False)
    assert m.moving() and m.value(10, 40) == 40  # before its first tick: the true value
    m.tick(1000)
    assert m.value(10, 40) == 10
    m.tick(1150)
    assert 10 < m.value(10, 40) < 40 and m.pulse() > 0.9
    m.tick(1300)
    assert not m.moving() and m.value(10, 40) == 40 and m.pulse() == 0
    still = motion.Motion(True)
    assert not still.moving()
    still.tick(0)
    assert still.value(10, 40) == 40


def test_the_summary_ticks_unless_motion_is_reduced(tmp_path) -> None:
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", "1280x720", "en", 1)
    view = _summary(app, folder)
    assert view.moving()
    view.tick(5000)
    view.tick(5299)
    assert view.moving()
    view.tick(5300)
    assert not view.moving()  # the loop goes back to idle
    app.settings.reduce_motion = True
    app.nav.switch_screen(type(view)(app))
    assert not app.view.moving()


def test_the_webs_nodes_stand_still_from_year_to_year(tmp_path) -> None:
    folder = levels_root() / "after-algiers"  # four years, and the jihadists renamed (JNIM) in 2017
    app = make_app(tmp_path / "data", "1280x720", "fr", 3)
    start(app, folder)
    app.view.command("tab", "web")
    app.draw()
    first = dict(app.view.web_places)
    drafter = make_drafter("status-quo", app.game.seed)
    for _ in range(600):
        app.act(drafter.choose(app.game))
        if len(app.game.votes) >= 3 and app.view.name == "briefing":
            break
    assert app.view.name == "briefing" and app.game.votes
    app.view.tick(0)
    app.view.tick(motion.DURATION_MS)  # the figures have ticked to their values
    assert app.view.moving() is False  # the pulse waits for the web to be shown
    app.view.command("tab", "web")
    assert app.view.moving()  # the ties that moved pulse once
    app.draw()
    assert app.view.web_places == first


def _briefing_after_a_vote(app):  # type: ignore[no-untyped-def]
    start(app, levels_root() / "after-algiers")
    drafter = make_drafter("status-quo", app.game.seed)
    for _ in range(600):
        app.act(drafter.choose(app.game))
        if app.game.votes and app.view.name == "briefing":
            return app.view
    raise AssertionError("no second briefing")


def _number(frame, cid: str) -> str:  # type: ignore[no-untyped-def]
    """The number drawn for the control ``cid`` (a "why?" number)."""
    rect = next(c.rect for c in frame.controls if c.id == cid)
    return "".join(rec.text for rec in frame.texts if rect.colliderect(rec.rect))


def test_the_briefings_figures_tick_from_the_last_vote_unless_motion_is_reduced(tmp_path) -> None:
    from game.ui.views.base import fmt_num
    from game.ui.views.briefing import BriefingView

    app = make_app(tmp_path / "data", "1280x720", "fr", 1)  # the region table beside the map
    view = _briefing_after_a_vote(app)
    values = app.game.values
    frame = app.draw()  # before its first tick a screen shows the true values (tests, screenshots)
    for _ in range(300):  # the side column's figures come after the report, as long as the year made it
        if any(c.id.startswith("side:") and c.rect is not None for c in frame.controls if c.kind == "number"):
            break
        view.scroll["side"] = view.scroll.get("side", 0) + 1
        frame = app.draw()
    shown = {c.id: c.label for c in frame.controls  # a number's label is its quantity
             if c.kind == "number" and c.rect is not None and abs(view.since.get(c.label, 0)) >= 4}
    assert any(cid.startswith("side:") for cid in shown) and any(cid.startswith("tbl:") for cid in shown), view.since
    for cid, q in shown.items():
        assert _number(frame, cid) == fmt_num(values[q]), cid
    assert view.moving()
    view.tick(10_000)  # the loop's first tick: the figures as the last vote left them
    frame = app.draw()
    for cid, q in shown.items():
        assert _number(frame, cid) == fmt_num(values[q] - view.since[q]), cid
    view.tick(10_000 + motion.DURATION_MS // 5)  # a fifth of the way: about half the change (eased)
    frame = app.draw()
    assert not text_outside(frame)  # the rows keep room for both ends: nothing spills as it ticks
    for cid, q in shown.items():
        mid = int(_number(frame, cid).replace("\u202f", "").replace(",", "").replace("\u2212", "-"))
        old, new = values[q] - view.since[q], values[q]
        assert min(old, new) < mid < max(old, new), (cid, old, mid, new)
    view.tick(10_000 + motion.DURATION_MS)
    assert not view.moving()  # the loop goes back to idle
    frame = app.draw()
    for cid, q in shown.items():
        assert _number(frame, cid) == fmt_num(values[q]), cid
    # With reduce motion the figures stand at their values from the first frame.
    app.settings.reduce_motion = True
    still = BriefingView(app)
    still.scroll = dict(view.scroll)  # the same figures in view
    app.nav.switch_screen(still)
    assert not still.moving()
    still.tick(0)
    frame = app.draw()
    for cid, q in shown.items():
        assert _number(frame, cid) == fmt_num(values[q]), cid


def test_the_briefings_figures_tick_again_on_the_tab_that_shows_them(tmp_path) -> None:
    """At 1024×600 the region table has a tab of its own: opened after the count has ended, its
    figures tick from the last vote all the same, as the map's did; the actors' web does not."""
    from game.ui.views.base import fmt_num

    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    view = _briefing_after_a_vote(app)
    app.draw()
    assert not view.wide  # the map alone: the region table is a tab of its own
    view.tick(10_000)
    view.tick(10_000 + motion.DURATION_MS)
    assert not view.moving()  # the map's count is over
    view.command("tab", "regions")
    assert view.moving()
    view.tick(20_000)
    frame = app.draw()
    values = app.game.values
    shown = {c.id: c.label for c in frame.controls
             if c.kind == "number" and c.rect is not None and c.id.startswith("tbl:") and abs(view.since.get(c.label, 0)) >= 4}
    assert shown, view.since
    for cid, q in shown.items():  # the region table starts from where the last vote left it
        assert _number(frame, cid) == fmt_num(values[q] - view.since[q]), cid
    view.tick(20_000 + motion.DURATION_MS)
    assert not view.moving()
    frame = app.draw()
    for cid, q in shown.items():
        assert _number(frame, cid) == fmt_num(values[q]), cid
    view.command("tab", "regions")  # the same tab again: nothing to count
    assert not view.moving()
