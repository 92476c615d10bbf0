"""At the largest text on a small screen, what an option does is readable while the class weighs
it: the clause grid keeps only the open clause while the options have the focus (a play-tester saw
one line of the summary, and the tendency below the fold)."""

from __future__ import annotations

from pathlib import Path

from ui_support import make_app

from game.content.loader import levels_root
from game.engine.actions import Continue
from game.engine.defs import tr
from game.ui.views.drafting import tendency_text


def _drafting(tmp_path: Path):  # type: ignore[no-untyped-def]
    app = make_app(tmp_path, "1024x600", "fr", 3)
    assert app.start_game(str(levels_root() / "after-algiers"), seed=1), app.message
    app.act(Continue())
    app.nav.sync_view()
    assert app.view.name == "drafting"
    return app


def test_an_options_summary_and_tendency_are_whole_while_the_options_have_the_focus(tmp_path: Path) -> None:
    app = _drafting(tmp_path)
    view, g = app.view, app.game
    dims = [d.id for d in g.scenario.dimensions]
    view.select(dims.index("partnership"))
    app.focus.set("opt:2")
    frame = app.draw()
    drawn = " ".join(rec.text for rec in frame.texts)
    option = g.scenario.dimension("partnership").options[2]
    assert " ".join(tr(option.summary, "fr").split()) in " ".join(drawn.split())
    tendency = tendency_text(g, "partnership", option.id, "fr")
    assert " ".join(tendency.split()) in " ".join(drawn.split())
    assert [c.id for c in frame.controls if c.id.startswith("dim:")] == [f"dim:{dims.index('partnership')}"]
    # Back on the clauses, every clause is there again.
    app.focus.set(f"dim:{dims.index('partnership')}")
    frame = app.draw()
    assert len([c for c in frame.controls if c.id.startswith("dim:")]) == len(dims)
