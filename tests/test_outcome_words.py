"""The debrief's outcome measures say how each is made: "regional ownership" on the charts (the
quantity) and on the outcome tab (half of it, half the AU's, ECOWAS's and Algeria's buy-in) once
showed two numbers under one name, 9 and 22, and a teacher could not say which was right."""

from __future__ import annotations

from pathlib import Path

from ui_support import make_app, playable_tutorial, screens, text_outside

from game import i18n
from game.engine.game import OUTCOMES


def test_the_outcome_tab_says_how_each_measure_is_made_in_french(tmp_path: Path) -> None:
    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    for name in screens(app, playable_tutorial(tmp_path)):
        if name == "debrief-outcome":
            break
    else:
        raise AssertionError("no outcome tab")
    view = app.view
    seen: list[str] = []
    first = 0
    while True:  # every line of the scrolled list
        view.scroll["outcome"] = first
        frame = app.draw()
        assert not text_outside(frame) and not frame.truncated
        seen += [rec.text for rec in frame.texts]
        info = frame.lists["outcome"]
        if info.first + info.shown >= info.total:
            break
        first = info.first + max(1, info.shown)
    words = " ".join(" ".join(seen).split())
    for key in OUTCOMES:
        means = " ".join(i18n.word("outcome_means", key, "fr").split())
        assert means[:40] in words, key
    assert "pour moitié le soutien de l'UA, de la CEDEAO et de l'Algérie" in words
