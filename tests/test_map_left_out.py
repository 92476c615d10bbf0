"""The map says what it leaves out. At 1024×600 and the largest text some plates and markers find
no room: a missing blue chip read as "no UN in Kidal" when the mission stood there at 75, and the
quarter's small map showed numbers with no region's name."""

from __future__ import annotations

from pathlib import Path

from ui_support import make_app, playable_tutorial, screens, text_outside

from game.content.loader import levels_root
from game.engine.world import REGIONS


def test_the_briefing_map_names_the_regions_it_cannot_show_whole_beneath_it(tmp_path: Path) -> None:
    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    assert app.start_game(str(levels_root() / "consent"), seed=5)
    frame = app.draw()
    assert not text_outside(frame) and not frame.truncated
    note = [r for r in frame.texts if r.text.startswith("Pas tout affiché") or "tableau des régions" in r.text]
    assert note, [r.text for r in frame.texts][:20]
    names = " ".join(r.text for r in frame.texts if r.rect.y >= note[0].rect.y and r.rect.x == note[0].rect.x)
    assert "Ménaka" in names
    plates = [r for r in frame.texts if r.text.startswith(("Kidal", "Gao", "Mopti", "Ségou", "Bamako", "Tombouctou"))
              and r.rect.y < note[0].rect.y]
    assert plates and all(p.rect.bottom <= note[0].rect.y for p in plates)  # the line is beneath the map


def test_a_small_map_that_would_leave_out_most_plates_shows_only_its_marks(tmp_path: Path) -> None:
    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    checked = 0
    for name in screens(app, playable_tutorial(tmp_path)):
        if name != "summary":
            continue
        frame = app.draw()
        boxes = getattr(app.view, "mark_boxes", None)
        if not app.view.marks or boxes is None:
            continue
        assert any(k.startswith("mark:") for k in boxes)  # the numbered events, on their regions
        assert not any(k in REGIONS or k.startswith("markers:") for k in boxes)  # no nameless numbers
        assert "Pas tout affiché" not in " ".join(r.text for r in frame.texts)
        checked += 1
    assert checked
