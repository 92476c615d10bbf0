"""The print-and-play deck (issue 13): the PDF is written whole, has the pages the scenario needs,
carries every card's title in its language, and its pages are pictures with something on them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.content.loader import levels_root, load_scenario
from game.engine.defs import Scenario, tr
from game.studio import deck
from game.studio.deck import field_table, page_count, placed_cards, write_deck

POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdftoppm) not installed")


@pytest.fixture(scope="module")
def tutorial() -> Scenario:
    loaded = load_scenario(levels_root() / "tutorial")
    assert loaded.scenario is not None
    return loaded.scenario


@pytest.fixture(scope="module")
def pdfs(tutorial: Scenario, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("deck")
    out = {}
    for lang in ("en", "fr"):
        out[lang] = folder / f"tutorial-{lang}.pdf"
        assert write_deck(tutorial, out[lang], lang) == page_count(tutorial)
    return out


def _text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def test_the_pdf_is_written_with_the_pages_the_scenario_needs(tutorial: Scenario, pdfs: dict[str, Path]) -> None:
    data = pdfs["en"].read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    # three rules pages, two Council pages for its one seating, the sources, the tracks, 12 cards at 4 a page
    assert page_count(tutorial) == 3 + 2 + 1 + 1 + 3
    assert not list(pdfs["en"].parent.glob(".*.tmp"))  # no temporary file left beside it


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_card_title_and_council_member_is_in_the_pdf(tutorial: Scenario, pdfs: dict[str, Path], lang: str) -> None:
    text = _text(pdfs[lang])
    for card in tutorial.cards:
        title = " ".join(tr(card.title, lang).split())
        assert title in text, f"{card.id}: {title!r} missing"
    for member in tutorial.council(tutorial.start // 12):
        assert tr(member.name, lang) in text


@needs_poppler
def test_the_french_deck_speaks_french(pdfs: dict[str, Path]) -> None:
    fr, en = _text(pdfs["fr"]), _text(pdfs["en"])
    assert "Jeu à imprimer" in fr and "Le Conseil de sécurité, 2015" in fr and "Les jauges" in fr
    assert "Print-and-play deck" in en and "Print-and-play deck" not in fr
    assert "Combats à Anéfis" in fr and "Fighting at Anefis" not in fr


@needs_poppler
def test_a_response_s_effects_are_printed_as_arrows_and_numbers(pdfs: dict[str, Path]) -> None:
    text = _text(pdfs["en"])
    # Fighting at Anefis, "say nothing": violence in Kidal +4, then two quarters later the CMA's grudge
    assert "▲ +4 violence in Kidal" in text
    assert "2 quarters later (The CMA reads silence as taking sides):" in text
    assert "▼ -8 relation between the CMA and the Platform" in text or "-8 relation" in text
    assert "Brings “A truce for Anefis” one quarter later." in text


def test_cards_are_in_the_order_of_their_quarters_follow_ups_last(tutorial: Scenario) -> None:
    placed = placed_cards(tutorial)
    firsts = [p.first for p in placed if p.first is not None]
    assert firsts == sorted(firsts)
    assert [p.card.id for p in placed if p.first is None] == ["tut-anefis-truce"]
    by_id = {p.card.id: p for p in placed}
    # Anefis, August 2015: a game that starts in June 2015 plays it in its second quarter only
    assert (by_id["tut-anefis-clashes"].first, by_id["tut-anefis-clashes"].last) == (2, 2)
    assert (by_id["tut-radisson"].first, by_id["tut-radisson"].last) == (3, 3)


def test_the_field_table_is_the_model_s_expected_path(tutorial: Scenario) -> None:
    rows = field_table(tutorial)
    drift = rows[0]
    assert drift.option == "" and drift.per_quarter
    by = {(r.dimension, r.option): r.per_quarter for r in rows[1:]}
    # what the drafting screen's tendencies say, a quarter at a time: a sanctions threat costs
    # consent, a fast handover raises violence everywhere, raising the ceiling adds troops
    assert by[("pressure", "sanctions-threat")]["mission.consent"] < 0
    assert all(by[("partnership", "handover-fast")][f"violence.{r}"] > 0 for r in ("kidal", "gao", "mopti"))
    assert by[("troops", "raise")]["mission.troops"] > 0
    assert ("posture", "traditional") not in by  # the option in force at the start has no row


@needs_poppler
def test_the_sources_page_says_where_the_figures_and_positions_come_from_in_french(
        tutorial: Scenario, pdfs: dict[str, Path]) -> None:
    """One page after the Council sheets: the starting figures' sources, then every member's, in French."""
    done = subprocess.run(["pdftotext", "-f", "6", "-l", "6", "-raw", str(pdfs["fr"]), "-"],
                          capture_output=True, text=True, check=True)
    page = " ".join(done.stdout.split())
    assert "D'où viennent les chiffres de départ" in page and "D'où vient la position de chaque membre" in page
    for source in tutorial.state_sources:
        assert " ".join(source["fr"].split())[:40] in page
    none = page.partition("Le jeu n'a pas de source sur les positions de ces membres pendant ces années")[2]
    assert none  # said, not left out: the members with no source of the game's years
    for member in tutorial.council(tutorial.start // 12):
        if not member.sources_in(2015):  # none of its sources is as old as the game: named in that line
            assert tr(member.name, "fr") in none, member.id
            continue
        assert tr(member.name, "fr") in page
        first = " ".join(tr(member.sources_in(2015)[0], "fr").split())[:30]
        assert first in page, f"{member.id}: {first!r}"
    assert "SC/14953" not in page  # a press release of 2022 is no source of a 2015 game
    assert "Council membership" not in page  # the English of a translated line is not printed


def _member_lines(scenario: Scenario, member: str, lang: str = "en") -> list[str]:
    """The lines the sources page prints under one member's name (empty if it is not there)."""
    name = tr(scenario.member(member).name, lang)
    for group in deck._source_groups(scenario, lang):
        texts = [b.text for b in group]
        if name in texts:
            return texts[texts.index(name) + 1:]
    return []


@pytest.mark.parametrize(("level", "shown", "hidden"), [
    ("tutorial", ["Chinese contingent in Gao"], ["SC/14953", "SC/15341", "13 Jun 2022"]),  # the 2015 vote
    ("consent", ["SC/14953 (2022)", "13 Jun 2022", "Chinese contingent"], ["SC/15341"]),  # votes of 2021 and 2022
])
def test_the_sources_page_prints_only_the_sources_of_the_years_a_member_votes_in(
        level: str, shown: list[str], hidden: list[str]) -> None:
    loaded = load_scenario(levels_root() / level)
    assert loaded.scenario is not None
    lines = " ".join(_member_lines(loaded.scenario, "china"))
    for words in shown:
        assert words in lines, (words, lines)
    for words in hidden:
        assert words not in lines, (words, lines)


@needs_poppler
@pytest.mark.parametrize("page", [1, 8])  # the rules' first page, the first page of cards (the sources page: its text, above)
def test_pages_render_as_pictures_that_are_not_blank(pdfs: dict[str, Path], tmp_path: Path, page: int) -> None:
    pygame = pytest.importorskip("pygame")
    stem = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", str(page), "-l", str(page), str(pdfs["fr"]), str(stem)],
                   check=True)
    [png] = list(tmp_path.glob("page-*.png"))
    image = pygame.image.load(str(png))
    w, h = image.get_size()
    assert (w, h) == (414, 585)  # A4 portrait at 50 dpi
    dark = sum(1 for x in range(0, w, 3) for y in range(0, h, 3) if sum(image.get_at((x, y))[:3]) < 384)
    assert dark > 400, f"page {page} looks blank: {dark} dark samples"


def test_the_command_writes_the_deck(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "deck.pdf"
    done = subprocess.run([sys.executable, "-m", "game", "deck", "--level", "tutorial", "--pdf", str(out), "--lang", "fr"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert out.is_file() and "10 pages" in done.stdout


def test_a_failed_write_leaves_the_old_file_whole(tutorial: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "deck.pdf"
    target.write_bytes(b"the old deck")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("game.saves.os.replace", broken)
    with pytest.raises(OSError):
        deck.write_deck(tutorial, target)
    assert target.read_bytes() == b"the old deck"
    assert list(tmp_path.iterdir()) == [target]


def test_a_lesson_deck_holds_only_the_cards_a_lesson_can_bring_and_no_tag_runs_backwards() -> None:
    from game.engine.defs import at_length

    loaded = load_scenario(levels_root() / "after-algiers")
    assert loaded.scenario is not None
    full, lesson = loaded.scenario, at_length(loaded.scenario, "lesson")
    placed = placed_cards(lesson)
    assert len(placed) < len(placed_cards(full))
    assert all(p.first <= p.last <= lesson.quarters for p in placed if p.first is not None and p.last is not None)
    kept = {p.card.id for p in placed}
    brought = {f.card for p in placed for r in p.card.responses for f in r.follow_ups}
    # every follow-up printed is brought by a card printed, and every card printed brings its own
    assert {p.card.id for p in placed if p.first is None} <= brought and brought <= kept
    assert page_count(lesson) == 3 + 2 * len(deck.seatings(lesson)) + 2 + -(-len(placed) // deck.PER_PAGE)


def test_every_condition_is_printed_in_words_whichever_form_it_is_written_in() -> None:
    from game.commands.deck import card_conditions
    from game.studio.deck import condition_text

    loaded = load_scenario(levels_root() / "after-algiers")
    assert loaded.scenario is not None
    conditions = card_conditions(loaded.scenario)
    # aa-rehatting's condition is written as 'any:' in its file
    assert condition_text(conditions["aa-rehatting"], "fr").count(" ou ") == 1
    assert condition_text("time.quarter >= 1", "en") == "the quarter ≥ T2"
    assert condition_text("not (mission.consent < 20) and violence.gao != 50", "fr") == \
        "non (consentement de l'État hôte < 20) et violence à Gao ≠ 50"
    assert condition_text("mission.troops > 6000", "fr") == "effectifs > 6\u202f000"
