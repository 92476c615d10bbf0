"""The French of the content (levels/): every scenario is in English and French, and every French
text (card titles, texts, responses, notes, scenario texts, council profiles, translated source
lines) is typeset as French is: a no-break space (U+00A0) before a colon and inside « », a narrow
no-break space (U+202F) before ; ! and ?, never an ordinary space there, and no English quotes.

The same rules as the interface catalogues (tests/test_translations.py), applied to the YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from game.content.check import check_paths
from game.content.loader import load_scenario, scenario_folders
from game.content.safeyaml import load_file

ROOT = Path(__file__).resolve().parents[1]
LEVELS = ROOT / "levels"
NBSP, NNBSP = "\u00a0", "\u202f"
SCENARIOS = scenario_folders(LEVELS)


def french_texts(data: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every French string in a content file: the value of each ``fr`` key, with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "fr" and isinstance(value, str):
                yield loc + (key,), value
            else:
                yield from french_texts(value, loc + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from french_texts(item, loc + (i,))


def typography_faults(text: str) -> list[str]:
    """What French typography refuses in ``text``, one phrase per fault ([] if none)."""
    faults = []
    for mark in re.finditer(r"[:;!?»]", text):
        at = mark.start()
        before = text[at - 1] if at else ""
        if mark.group() == ":" and before.isdigit() and text[at + 1:at + 2].isdigit():
            continue  # a time or a ratio (10:30, 1:20) takes no space
        wanted = NBSP if mark.group() in ":»" else NNBSP
        if before != wanted:
            name = "no-break space" if wanted == NBSP else "narrow no-break space"
            faults.append(f"{mark.group()!r} after {before!r} (wants a {name}): …{text[max(0, at - 25):at + 5]}…")
    for mark in re.finditer("«", text):
        if text[mark.end():mark.end() + 1] != NBSP:
            faults.append(f"« without a no-break space after it: …{text[mark.start():mark.start() + 25]}…")
    for quote in "“”\"":
        if quote in text:
            faults.append(f"English quote {quote!r} (French writes « »)")
    if re.search(r"\w\((s|es|x)\)", text):
        faults.append("a plural written with brackets, such as '(s)'")
    return faults


def content_files() -> list[Path]:
    return sorted(p for p in LEVELS.rglob("*.yaml"))


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.relative_to(LEVELS).as_posix())
def test_french_texts_follow_french_typography(path: Path) -> None:
    data, positions = load_file(str(path))
    found = []
    for loc, text in french_texts(data):
        line, _col = positions.get(loc, (0, 0))
        found += [f"{path.relative_to(ROOT).as_posix()}:{line}: {fault}" for fault in typography_faults(text)]
    assert not found, "\n".join(found)


def test_there_are_french_texts_to_check() -> None:
    """The walk finds the French: a card file and a scenario each hold many French texts."""
    for path in (LEVELS / "consent" / "cards" / "2021-2023.yaml", LEVELS / "consent" / "scenario.yaml"):
        data, _ = load_file(str(path))
        assert len(list(french_texts(data))) > 10, path


def test_the_typography_rules_refuse_what_they_should() -> None:
    assert typography_faults(f"Le Conseil{NBSP}: la MINUSMA{NNBSP}; oui{NNBSP}? «{NBSP}non{NBSP}»") == []
    assert typography_faults("Heure de la réunion à 10:30") == []
    assert len(typography_faults("Le Conseil : non")) == 1  # an ordinary space before the colon
    assert len(typography_faults(f"oui{NBSP}; non")) == 1  # a wide no-break space before ;
    assert len(typography_faults("Le Conseil: non")) == 1  # no space at all
    assert len(typography_faults(f"«{NBSP}abandon »")) == 1
    assert len(typography_faults(f"« abandon{NBSP}»")) == 1
    assert len(typography_faults("un “abandon”")) == 2
    assert len(typography_faults('un "abandon"')) == 1
    assert len(typography_faults("le(s) casque(s)")) == 1


@pytest.mark.parametrize("folder", SCENARIOS, ids=lambda p: p.name)
def test_every_scenario_declares_english_and_french(folder: Path) -> None:
    data, _ = load_file(str(folder / "scenario.yaml"))
    assert data.get("languages") == ["en", "fr"], f"{folder.name}: languages is {data.get('languages')!r}"
    loaded = load_scenario(folder)
    assert loaded.scenario is not None
    missing = [p.shown() for p in loaded.problems if p.code == "F401"]
    assert missing == [], "\n".join(missing)


def test_all_four_scenarios_are_there() -> None:
    assert {f.name for f in SCENARIOS} >= {"tutorial", "after-algiers", "consent", "serval-to-minusma"}


def test_every_scenario_checks_clean_in_both_languages() -> None:
    """check reports no problem (so no F401: no French text missing) and no warning."""
    report = check_paths([LEVELS])
    assert report.scenarios == len(SCENARIOS)
    assert [p.shown() for p in report.problems] == []
    assert [p.shown() for p in report.warnings] == []


# A source line may stay one line, the same in every language, only when it names a document as
# published and holds no word of a language: a UN symbol (S/RES/2164 (2014), S/2015/426), or a
# report's title. "UN SG report S/2016/819 (September 2016)" showed English in the French game.
DOCUMENT = re.compile(r"S/RES/\d+ \(\d{4}\)|S/\d{4}/\d+")
PUBLISHED_TITLES = {
    "Crisis Group, 'Getting a Grip on Central Sahel's Gold Rush', Africa Report 282 (2019)",
}


def source_lines(path: Path) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """A card file's card sources and the sources of its historical answers, a scenario's own
    sources and its starting figures' sources, a Council member's sources, or the sources of a
    record.yaml's answers to cards (which the debrief's journal shows), with their paths."""
    data, _ = load_file(str(path))
    if path.name == "record.yaml":
        for card, answer in (data.get("cards") or {}).items():
            yield ("cards", card, "source"), answer["source"]
    elif "cards" in data:
        for i, card in enumerate(data["cards"]):
            for j, source in enumerate(card.get("sources", [])):
                yield ("cards", i, "sources", j), source
            if "historical" in card:
                yield ("cards", i, "historical", "source"), card["historical"]["source"]
    else:
        for field in ("sources", "state_sources"):
            for j, source in enumerate(data.get(field, [])):
                if isinstance(source, dict) and "line" in source:  # a member's source with its years
                    yield (field, j, "line"), source["line"]
                else:
                    yield (field, j), source


def sourced_files() -> list[Path]:
    return sorted([*LEVELS.glob("*/scenario.yaml"), *LEVELS.glob("*/cards/*.yaml"), *LEVELS.glob("decks/*/cards/*.yaml"),
                   *LEVELS.glob("**/council/*.yaml"), *LEVELS.glob("*/record.yaml")])


def test_members_and_starting_figures_are_among_the_sourced_files() -> None:
    """The council profiles and every scenario's state_sources are held to the rule below."""
    files = sourced_files()
    assert len([p for p in files if p.parent.name == "council"]) >= 65
    fields = {loc[0] for p in files if p.name == "scenario.yaml" for loc, _ in source_lines(p)}
    assert fields == {"sources", "state_sources"}


def test_historical_answers_and_record_answers_are_among_the_source_lines(tmp_path: Path) -> None:
    """A card's ``historical: source:`` ("UN Secretary-General's report on Mali, December 2015"
    showed in English in the French journal) and a record.yaml's answers to cards are held to
    the rule below, as the cards' sources are."""
    historical = [(p, loc) for p in sourced_files() for loc, _ in source_lines(p) if "historical" in loc]
    assert len(historical) >= 14
    assert any(p.name == "record.yaml" for p in sourced_files())
    record = tmp_path / "record.yaml"
    record.write_text("resolutions: []\ncards:\n  a-card: {response: a, why: Done., source: UN meetings coverage SC/12426}\n"
                      "trajectory: []\n", encoding="utf-8")
    assert list(source_lines(record)) == [(("cards", "a-card", "source"), "UN meetings coverage SC/12426")]


@pytest.mark.parametrize("path", sourced_files(), ids=lambda p: p.relative_to(LEVELS).as_posix())
def test_a_source_that_describes_in_words_has_its_french(path: Path) -> None:
    """'Press reports, June 2021 (AFP): ...' gets a French line; 'UN SG report S/2015/426' needs none."""
    _, positions = load_file(str(path))
    untranslated = [f"{path.relative_to(ROOT).as_posix()}:{positions[loc][0]}: {source}"
                    for loc, source in source_lines(path)
                    if isinstance(source, str) and not DOCUMENT.fullmatch(source) and source not in PUBLISHED_TITLES]
    assert not untranslated, "a source line that describes something needs 'en:' and 'fr:' lines:\n" + "\n".join(untranslated)


def test_a_plain_document_reference_may_stay_one_line() -> None:
    assert DOCUMENT.fullmatch("S/RES/2164 (2014)") and DOCUMENT.fullmatch("S/2015/426")
    assert not DOCUMENT.fullmatch("UN SG report S/2015/732 (September 2015)")  # "report", "September"
    assert not DOCUMENT.fullmatch("Resolution 2100 (25 April 2013)")
    assert not DOCUMENT.fullmatch("UN SG report S/2015/732 (September 2015): fighting around Anefis")
    assert not DOCUMENT.fullmatch("Press reports, June 2021 (AFP): Macron announces the end of Barkhane")
