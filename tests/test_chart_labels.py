"""The debrief's charts label their events (issue 11): each vote under its mark, the cards that
moved a measure most over it, never one label over another or over the axes' own text, in both
languages and at every size; the report keeps drawing the same charts."""

from __future__ import annotations

import random

import pytest
from ui_support import make_app, screens, text_outside

from game import charts
from game.content.loader import levels_root
from game.engine.actions import CallVote, Choose, Continue
from game.ui.layout import Rect
from game.ui.views import debrief


def test_lanes_never_put_one_label_over_another_nor_over_a_line_led_to_a_label_above() -> None:
    rng = random.Random(5)
    for _ in range(200):
        lanes = charts.Lanes(300, rng.choice([1, 2, 3]), 4)
        placed = []
        for _label in range(rng.randint(1, 9)):
            w = rng.randint(10, 200)
            anchor = rng.randint(0, 300)
            left = round(charts.label_left(anchor, w, 300))
            row = lanes.put(left, w, anchor)
            if row is not None:
                assert 0 <= left and left + w <= 300 and left <= anchor <= left + w
                placed.append((row, left, left + w, anchor))
        for i, (row, a, b, anchor) in enumerate(placed):
            for row2, a2, b2, anchor2 in placed[i + 1:]:
                if row == row2:
                    assert b + 4 <= a2 or b2 + 4 <= a  # apart in a row
                if row2 < row:  # a label nearer the plot never covers the line of one above it
                    assert not a2 - 1 <= anchor <= b2 + 1
                if row < row2:
                    assert not a - 1 <= anchor2 <= b + 1


def _played(level: str, lang: str, size: str = "1280x720", step: int = 1, tmp=None):  # type: ignore[no-untyped-def]
    app = make_app(tmp / f"data-{lang}-{size}-{step}", size, lang, step)
    for name in screens(app, levels_root() / level):
        if name == "debrief-charts":
            return app
    raise AssertionError("no debrief")


def test_the_votes_and_the_key_cards_carry_words_in_each_language(tmp_path) -> None:
    app = _played("after-algiers", "fr", tmp=tmp_path)
    g = app.game
    chart = charts.describe([("", g)], "politics.implementation", "fr")
    votes = [m for m in chart.marks if m.kind.startswith("vote")]
    assert [m.tag for m in votes][0] == "juin 2015\u00a0: adoptée" and votes[0].brief == "✔ 2015"
    english = charts.describe([("", g)], "politics.implementation", "en")
    assert [m.tag for m in english.marks if m.kind.startswith("vote")][0] == "Jun 2015: adopted"
    # The cards labelled are those the ledger says moved the measure most, by at least three points
    # (on the first measure that cards moved so much in this game: which one depends on its draws).
    for measure in ("politics.implementation", "mission.consent", "violence.mean", "mission.safety", "regional.ownership"):
        moved: dict[str, int] = {}
        for c in g.why(measure):
            if c.cause.startswith(("card:", "later:")):
                card = c.cause.partition(":")[2].partition(".")[0]
                moved[card] = moved.get(card, 0) + c.change
        top = sorted((c for c, v in moved.items() if abs(v) >= charts.KEY_CARD_MIN), key=lambda c: (-abs(moved[c]), c))
        if top:
            break
    chart = charts.describe([("", g)], measure, "fr")
    tagged = [m for m in chart.marks if m.kind == "card" and m.tag]
    assert tagged and len(tagged) <= charts.KEY_CARDS
    titles = {g.scenario.card(c).title["fr"] for c in top[: charts.KEY_CARDS]}
    assert {m.tag for m in tagged} == titles
    assert all(m.rank == 99 for m in chart.marks if m.kind == "card" and not m.tag)  # the other cards: ticks


def test_a_vetoed_vote_says_so(tmp_path) -> None:
    app = make_app(tmp_path / "data", "1280x720", "en", 1)
    app.start_game(str(levels_root() / "tutorial"), seed=7)
    while app.view.name != "chamber":
        if app.view.name == "drafting":
            for dim, option in (("rights", "public-reporting"), ("pressure", "sanctions-threat"),
                                ("posture", "ct-support")):
                app.act(Choose(dim, option))
        app.act(Continue())
    app.act(CallVote())
    assert not app.game.votes[-1].adopted
    mark = next(m for m in charts.describe([("", app.game)], "mission.consent", "en").marks if m.kind == "vote_ko")
    assert mark.tag.endswith("vetoed") and mark.brief.startswith("✖")


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


@pytest.mark.parametrize("size,step,lang", [("1280x720", 1, "en"), ("1280x720", 1, "fr"), ("1024x600", 3, "fr"),
                                            ("1280x720", 3, "en"), ("1024x600", 1, "en")])
def test_no_label_lies_over_another_or_over_the_axes_text(tmp_path, monkeypatch, size, step, lang) -> None:
    app = _played("after-algiers", lang, size, step, tmp_path)
    drawn: list[tuple[Rect, charts.Chart]] = []
    real = debrief.draw_chart

    def spy(f, r, chart, why_id):  # type: ignore[no-untyped-def]
        drawn.append((Rect(r), chart))
        real(f, r, chart, why_id)

    monkeypatch.setattr(debrief, "draw_chart", spy)
    frame = app.draw()
    assert len(drawn) == len(charts.CHART_KEYS) and not text_outside(frame)
    words = []
    for r, chart in drawn:
        texts = [rec for rec in frame.texts if r.contains(rec.rect)]
        for i, a in enumerate(texts):
            for b in texts[i + 1:]:
                assert not _overlaps(a.rect, b.rect), (chart.key, a.text, b.text)
        words += [rec.text for rec in texts]
        assert min(rec.rect.h for rec in texts) >= 18  # a label is no smaller than the rest
        votes = [m for m in chart.marks if m.kind.startswith("vote")]
        shown = [m for m in votes if m.tag in words or m.brief in words]
        assert len(shown) >= (len(votes) + 1) // 2, chart.key  # thinned, never all gone
    if (size, step) == ("1280x720", 1):  # with room, the key cards are named over the plots
        titles = {m.tag for _r, c in drawn for m in c.marks if m.kind == "card" and m.tag}
        assert any(w.rstrip("…") and any(t.startswith(w.rstrip("…")) for t in titles) for w in words
                   if w not in {m.tag for _r, c in drawn for m in c.marks if m.kind != "card"})
        assert any(rec.text.startswith("▲") for rec in frame.texts)  # and the key says what the marks are


def test_the_debrief_help_explains_the_charts_marks(tmp_path) -> None:
    """At the largest text the charts keep no room for their key line: F1 says what ▲ and ◆ mean."""
    from ui_support import make_app

    from game import i18n
    from game.ui.views.overlays import HelpOverlay

    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    app.nav.push(HelpOverlay(app, "debrief"))
    frame = app.draw()
    words = " ".join(" ".join(r.text for r in frame.texts).split())
    assert " ".join(i18n.word("chart", "key", "fr").split())[:30] in words, words[:300]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_chart_keeps_its_plot_at_the_smallest_window_and_largest_text(tmp_path, lang) -> None:
    """At 800×500 at the largest text a chart whose title took two lines drew no plot at all
    ('Consentement de l'État hôte', 'Implementation of the agreement'): the title is cut instead."""
    app = _played("after-algiers", lang, "800x500", 3, tmp=tmp_path)
    frame = app.draw()
    axes = [r for r in frame.texts if r.text == "100"]  # each plot's top tick
    assert len(axes) == len(debrief.CHART_KEYS), [r.text for r in frame.texts][:40]


def test_a_title_word_too_long_beside_the_figure_is_never_cut_in_two(tmp_path) -> None:
    """The What if chart at the largest text read 'Consenteme / nt de l'État hôte': a word wider
    than the room beside the figure sends the figure under the title, and every word stays whole."""
    from dataclasses import replace

    from game.ui.chartdraw import draw_chart
    from game.ui.frame import Frame

    app = _played("after-algiers", "fr", "1280x720", 3, tmp=tmp_path)
    chart = replace(charts.describe([("", app.game)], "mission.consent", "fr"), last="66 · 66")
    assert chart.title == "Consentement de l'État hôte"
    frame = Frame(app.display.surface, app.palette(), app.display.fonts, "fr")
    draw_chart(frame, Rect(0, 0, 315, 260), chart, "why:test")
    words = set(chart.title.split())
    drawn = [rec.text for rec in frame.texts if rec.text.strip() and not rec.text[0].isdigit()]
    title_lines = [line for line in drawn if set(line.split()) <= words]
    assert " ".join(title_lines).split() == chart.title.split(), drawn
    figure = next(c for c in frame.controls if c.id == "why:test")
    assert figure.rect is not None and figure.rect.y > 0  # under the title's first line
