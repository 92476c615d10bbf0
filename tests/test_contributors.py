"""Contributors who leave a deadly mission are news: the journal, the quarter summary and the
debrief say so, in words, instead of the troops being refilled silently."""

from __future__ import annotations

from ui_support import make_app, playable_tutorial

from game.engine.world import REGIONS
from game.ui.views.base import fmt_num
from game.ui.views.debrief import journal_line


def test_a_deadly_quarter_makes_contributors_leave_and_the_summary_says_so(tmp_path):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", lang="fr")
    app.start_game(str(folder), seed=2)
    from game.sim.drafters import make_drafter

    drafter = make_drafter("status-quo", 2)
    while app.game.phase != "vote":
        app.act(drafter.choose(app.game))
    for r in REGIONS:  # a quarter deadlier than the worst of 2013-2022, troops everywhere
        app.game.values[f"violence.{r}"] = 95
        app.game.values[f"mission_presence.{r}"] = 90
    for a in ("jnim", "isgs", "traffickers"):
        app.game.values[f"strength.{a}"] = 90
    while app.game.phase not in ("summary", "end"):
        app.act(drafter.choose(app.game))
    news = [e for e in app.game.journal if e["kind"] == "contributors"]
    assert news and news[0]["troops"] > 0 and news[0]["killed"] > 0
    line = journal_line(app.game, news[0], "fr")
    assert "pays contributeurs ont retiré" in line and fmt_num(news[0]["troops"]) in line
    if app.game.phase == "summary":
        app.draw()
        assert app.view.name == "summary"
