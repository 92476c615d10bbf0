"""Where the Council's positions and the starting figures come from, shown to the players in
their language: the member's detail in the chamber and the first briefing in the window, the
negotiation and the briefing in the terminal; never a source line's English in a French game."""

from __future__ import annotations

from typing import Any

import pytest
from terminal_support import play
from ui_support import make_app, playable_tutorial, text_outside

from game.content.loader import levels_root, load_scenario
from game.engine.actions import Continue
from game.engine.defs import Scenario, tr

FR_HEADING = "D'où viennent les chiffres de départ"


@pytest.fixture(scope="module")
def tutorial() -> Scenario:
    loaded = load_scenario(levels_root() / "tutorial")
    assert loaded.scenario is not None
    return loaded.scenario


def flat(text: str) -> str:
    return " ".join(text.split())


def scrolled_words(app: Any, list_id: str) -> str:
    """Every line the list ``list_id`` draws from each scroll position, each frame clean."""
    seen = []
    view = app.view
    first = 0
    while True:
        view.scroll[list_id] = first
        frame = app.draw()
        assert text_outside(frame) == [], (first, text_outside(frame)[:3])
        seen += [rec.text for rec in frame.texts]
        info = frame.lists[list_id]
        if info.first + info.shown >= info.total:
            return flat(" ".join(seen))
        first = info.first + max(1, info.shown)


def list_lines(app: Any, list_id: str) -> str:
    """The list's own lines from its start to its end, page after page, in reading order: a
    source drawn line by line (the briefing) may begin on one page and end on the next."""
    lines: list[str] = []
    view = app.view
    view.scroll[list_id] = 0
    while True:
        frame = app.draw()
        info = frame.lists[list_id]
        page = [rec.text for rec in frame.texts if info.rect.contains(rec.rect) and not rec.text.startswith(("▲", "▼"))]
        # the last page is drawn from where the end shows: its first lines may be the previous page's
        k = next(k for k in range(min(len(lines), len(page)), -1, -1) if lines[len(lines) - k:] == page[:k])
        lines += page[k:]
        if info.first + info.shown >= info.total:
            return flat(" ".join(lines))
        view.scroll[list_id] = info.first + max(1, info.shown)


def to_chamber(app: Any, tmp_path: Any) -> None:
    app.start_game(str(playable_tutorial(tmp_path)), seed=7)
    while app.view.name != "chamber":
        app.act(Continue())
    app.draw()


def test_a_member_s_sources_are_in_its_french_detail_in_french(tmp_path: Any, tutorial: Scenario) -> None:
    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    to_chamber(app, tmp_path)
    app.view.pick("china")
    app.focus.set(None)
    words = scrolled_words(app, "detail")
    china = tutorial.member("china")
    assert "Sources" in words
    shown = china.sources_in(2015)
    assert shown
    for source in shown:
        assert flat(source["fr"]) in words, source["fr"]
        assert flat(source["en"]) not in words
    assert "UN press release" not in words


def chamber_words(tmp_path: Any, level: str, year: int, member: str, lang: str = "en") -> str:
    """Every line of ``member``'s detail in the chamber at the vote of ``year`` of ``level``,
    played there by the status-quo drafter."""
    from game.sim.drafters import make_drafter

    app = make_app(tmp_path / "data", "1280x720", lang, 1)
    assert app.start_game(str(levels_root() / level), seed=7), app.message
    drafter = make_drafter("status-quo", app.game.seed)
    while not (app.view.name == "chamber" and app.game.date // 12 == year):
        assert app.game.phase != "end", f"{level} ended before the vote of {year}"
        app.act(drafter.choose(app.game))
    app.draw()
    app.view.pick(member)
    app.focus.set(None)
    return scrolled_words(app, "detail")


def test_a_2015_game_shows_no_source_of_a_later_year(tmp_path: Any) -> None:
    """After Algiers, 2015: China's detail cites its contingent, not the press releases of 2022-23."""
    words = chamber_words(tmp_path, "after-algiers", 2015, "china")
    assert "Chinese contingent in Gao" in words
    for later in ("SC/14953", "SC/15341", "13 Jun 2022"):
        assert later not in words, later


def test_a_2022_game_shows_the_sources_of_its_year(tmp_path: Any) -> None:
    """Consent, the vote of 2022: China's abstention on 2640 is a source of it; 2023's is not yet."""
    words = chamber_words(tmp_path, "consent", 2022, "china")
    assert "UN press release SC/14953 (2022): China abstains on Resolution 2640" in words
    assert "13 Jun 2022" in words and "Chinese contingent in Gao" in words
    assert "SC/15341" not in words


def test_a_member_with_no_source_of_its_year_says_so(tmp_path: Any) -> None:
    """After Algiers, 2015: the United States' sources all date from 2017 on, so its detail says the
    game has none of that year, and that its reasons follow later years; France's does not."""
    words = chamber_words(tmp_path, "after-algiers", 2015, "united-states")
    assert "United States: the game has no source for this member's position in 2015;" in words
    assert "follow what it said in later years" in words
    assert "2017" not in words.partition("Sources")[2]  # none of its later sources passes for this year's
    france = chamber_words(tmp_path, "after-algiers", 2015, "france")
    assert "no source for this member's position" not in france
    assert "Security Council Report, monthly forecasts on Mali" in france  # (no span that runs past the vote)


def test_the_first_briefing_says_where_its_starting_figures_come_from(tmp_path: Any, tutorial: Scenario) -> None:
    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    app.start_game(str(playable_tutorial(tmp_path)), seed=7)
    assert app.view.name == "briefing"
    app.focus.set(None)
    words = scrolled_words(app, "side")
    lines = list_lines(app, "side")
    assert FR_HEADING in words
    for source in tutorial.state_sources:
        assert flat(source["fr"]) in lines, source["fr"]
        assert flat(source["en"]) not in words


def test_the_terminal_shows_the_starting_figures_sources_and_each_member_s(tutorial: Scenario) -> None:
    # briefing (1), drafting: to the Council (1), negotiation: the sources are its last choice
    _terminal, out, _script = play(["1", "1", "3"], lang="fr", size=(100, 40), scenario=tutorial)
    text = flat(out)
    assert FR_HEADING in text
    for source in tutorial.state_sources:
        assert flat(source["fr"]) in text
    assert "3. D'où vient la position de chaque membre (sources)" in text  # every member votes yes: no trade
    unsourced = 0
    for member in tutorial.council(tutorial.start // 12):
        assert tr(member.name, "fr") in text
        for source in member.sources_in(2015):
            assert flat(source["fr"]) in text, source["fr"]
        said = f"{tr(member.name, 'fr')} : le jeu n'a pas de source sur la position de ce membre en 2015"
        assert (said in text) == (not member.sources_in(2015)), member.id
        unsourced += not member.sources_in(2015)
    assert unsourced  # the United States and the United Kingdom: nothing of theirs dates from 2015
    assert "Council membership" not in text and "UN press release" not in text
    assert "SC/14953" not in text and "2016) : résolution 2295" not in text  # no source of a later year
    # after the sources, the negotiation again, its choices with it
    assert text.count("Passer au vote") >= 2
