"""Exact lines, plain words (issue 13): each mistake a trainer made, reported on its own line in
words they can act on, with the YAML reader's own words kept after the sentence."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content.check import check_paths
from game.content.loader import load_scenario
from game.content.problems import Problem

LEVELS = Path(__file__).resolve().parent.parent / "levels"
RESPONSES = """    responses:
      - {id: a, label: {en: a, fr: a}, why: {en: a, fr: a}}
      - {id: b, label: {en: b, fr: b}, why: {en: b, fr: b}}
"""


def card(cid: str, body: str = "    title: {en: T, fr: T}\n    text: {en: T, fr: T}\n") -> str:
    return f"  - id: {cid}\n{body}    sources: [\"for tests\"]\n{RESPONSES}"


@pytest.fixture()
def lab(tmp_path: Path) -> Path:
    folder = tmp_path / "lab"
    shutil.copytree(LEVELS / "tutorial", folder)
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    (folder / "scenario.yaml").write_text(text.replace("uses: [../common]", f"uses: [{(LEVELS / 'common').as_posix()}]"), encoding="utf-8")
    return folder


def write(lab: Path, name: str, text: str) -> Path:
    path = lab / "cards" / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, fragment: str, nth: int = 1) -> int:
    hits = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line]
    return hits[nth - 1]


def problems_in(folder: Path, path: Path, code: str) -> list[Problem]:
    return [p for p in check_paths([folder]).problems if Path(p.path) == path and p.code == code]


def test_a_missing_english_text_points_at_text(lab: Path) -> None:
    path = write(lab, "texts.yaml", "cards:\n"
                 + card("no-en", "    title: {en: T, fr: T}\n    text:\n      fr: Seulement en français.\n")
                 + card("fr-only", "    title: {en: T, fr: T}\n    text: {fr: Seulement}\n"))
    found = problems_in(lab, path, "S101")
    assert [p.line for p in found] == [line_of(path, "text:", 1), line_of(path, "text:", 2)], found
    assert all("'text' has no English text" in p.message and "'en:'" in p.message for p in found), found


def test_a_duplicate_id_names_both_files_and_lines_and_blames_the_second(lab: Path) -> None:
    first = write(lab, "a.yaml", "cards:\n" + card("keep") + card("twice"))
    second = write(lab, "b.yaml", "cards:\n" + card("other") + card("twice"))
    [dup] = [p for p in check_paths([lab]).problems if p.code == "R203"]
    assert (Path(dup.path), dup.line) == (second, line_of(second, "id: twice")), dup
    assert f"{first}:{line_of(first, 'id: twice')}" in dup.message, dup
    loaded = load_scenario(lab)
    assert loaded.scenario is not None and loaded.scenario.card("twice").file == str(first)


def test_a_duplicate_of_a_card_the_schema_refused_is_still_found(lab: Path) -> None:
    write(lab, "a.yaml", "cards:\n" + card("twice", "    title: {en: T, fr: T}\n    text: {en: T, fr: T}\n    weight: lots\n"))
    second = write(lab, "b.yaml", "cards:\n" + card("twice"))
    [dup] = [p for p in check_paths([lab]).problems if p.code == "R203"]
    assert (Path(dup.path), dup.line) == (second, line_of(second, "id: twice"))


def test_a_missing_colon_is_reported_on_its_own_line(lab: Path) -> None:
    path = write(lab, "colon.yaml", "cards:\n  - id: x\n    title\n      en: T\n    text: {en: T}\n")
    [p] = problems_in(lab, path, "Y001")
    assert (p.line, p.col) == (3, 5), p
    assert p.message.startswith("this line has no ':' after its name") and "could not find expected ':'" in p.message


@pytest.mark.parametrize(("text", "line", "sentence", "parser"), [
    ("cards:\n  - id: x\n    title: Kidal: again\n", 3, "must be put in quotes", "mapping values are not allowed in this context"),
    ("cards:\n  - id: a\n  - id: b\n  sources: x\n", 4, "a list is broken here", "did not find expected '-' indicator"),
    ("cards:\n\t- id: x\n", 2, "indent with spaces, not tabs", "found character that cannot start any token"),
    # a French apostrophe, or a quoted word, closes the quotes before the text ends (not an indentation)
    ("cards:\n  - id: x\n    title:\n      fr: 'Embuscade près d'Aguelhok'\n", 4, "write an apostrophe twice (d''Aguelhok)",
     "did not find expected key"),
    ("cards:\n  - id: x\n    title:\n      en: \"Aguelhok\" is attacked again\n", 4, "put the whole text in single quotes",
     "did not find expected key"),
    ("cards:\n  - id: x\n    title: {en: 'd'Aguelhok', fr: b}\n", 3, "inside '…' write an apostrophe twice",
     "did not find expected ',' or '}'"),
    # a bracket left open is where it opened, not the end of the file
    ("cards:\n  - id: x\n    title: [unclosed\n\n\n", 3, "needs a comma between items and a closing ]",
     "did not find expected ',' or ']'"),
])
def test_yaml_messages_are_sentences_with_the_parsers_words_after(lab: Path, text: str, line: int, sentence: str, parser: str) -> None:
    path = write(lab, "yaml.yaml", text)
    [p] = problems_in(lab, path, "Y001")
    assert p.line == line, p
    assert p.message.index(sentence) < p.message.index(f"(YAML syntax: {parser})"), p


def test_a_field_left_empty_is_said_in_words(lab: Path) -> None:
    path = write(lab, "empty.yaml", "cards:\n" + card("empty", "    title:\n    text: {en: T, fr: T}\n"))
    [p] = [p for p in problems_in(lab, path, "S103") if p.line == line_of(path, "title:")]
    assert p.message.startswith("nothing is written after 'title:'"), p
    assert p.message.endswith("expected a mapping, got None)"), p


def lab_using(tmp_path: Path, uses: str) -> Path:
    """A copy of the tutorial beside a copy of common/, its ``uses:`` line rewritten; its scenario.yaml."""
    shutil.copytree(LEVELS / "common", tmp_path / "common")
    shutil.copytree(LEVELS / "tutorial", tmp_path / "lab")
    main = tmp_path / "lab" / "scenario.yaml"
    main.write_text(main.read_text(encoding="utf-8").replace("uses: [../common]", f"uses: {uses}"), encoding="utf-8")
    return main


def test_a_misspelt_uses_folder_is_one_problem_with_did_you_mean(tmp_path: Path) -> None:
    main = lab_using(tmp_path, "[../comon]")
    report = check_paths([tmp_path / "lab"])
    assert [(p.code, p.line) for p in report.problems] == [("R212", line_of(main, "uses:"))], "\n".join(map(str, report.problems))
    assert "'../comon' not found (did you mean '../common'?)" in report.problems[0].message


def test_a_scenario_that_uses_its_own_folder_is_one_problem_not_a_duplicate_of_every_card(tmp_path: Path) -> None:
    """It was reported as 12 R203 duplicates, each card 'also used' on its own line."""
    main = lab_using(tmp_path, "[../lab, ../common]")
    report = check_paths([tmp_path / "lab"])
    assert [(p.code, p.line) for p in report.problems] == [("R212", line_of(main, "uses:"))], "\n".join(map(str, report.problems))
    assert "names this scenario's own folder ('../lab')" in report.problems[0].message
    loaded = load_scenario(tmp_path / "lab")
    assert loaded.scenario is not None and len(loaded.scenario.cards) == len(load_scenario(LEVELS / "tutorial").scenario.cards)


def test_field_errors_do_not_hide_reference_errors(lab: Path) -> None:
    body = ("    title: {en: T, fr: T}\n    text: {en: T, fr: T}\n    weight: lots\n"
            '    when: "violence.goa > 3 and buyin.algria < 50"\n'
            "    sources: [\"for tests\"]\n"
            "    responses:\n"
            "      - {id: a, label: {en: a, fr: a}, why: {en: a, fr: a}, effects: {strenght.jnim: 2}, follow_up: [{card: nope, after: 1}]}\n"
            "      - {id: b, label: {en: b, fr: b}, why: {en: b, fr: b}}\n")
    path = write(lab, "refs.yaml", "cards:\n  - id: refs\n" + body)
    problems = [p for p in check_paths([lab]).problems if Path(p.path) == path]
    got = {(p.code, p.line, p.message.split("'")[-2 if p.code == "S103" else 1]) for p in problems}
    when, resp = line_of(path, "when:"), line_of(path, "strenght")
    # (the card is named by its id, as its author finds it: not pydantic's 'cards.0.weight')
    assert [p.message.split(":")[0] for p in problems if p.code == "S103"] == ["card 'refs', weight"], problems
    assert got == {("S103", line_of(path, "weight:"), "lots"), ("C301", when, "violence.goa"), ("C301", when, "buyin.algria"),
                   ("R201", resp, "strenght.jnim"), ("R202", resp, "nope")}, got


def test_every_misspelt_quantity_of_a_condition_is_reported(lab: Path) -> None:
    structured = ('    when:\n      any:\n        - {quantity: violence.goa, op: ">", value: 3}\n'
                  '        - not: {quantity: mision.trust, op: "<", value: 3}\n')
    path = write(lab, "cond.yaml", "cards:\n"
                 + card("text-form", '    title: {en: T, fr: T}\n    text: {en: T, fr: T}\n    when: "violence.goa > 3 or buyin.algria < 5"\n')
                 + card("tree-form", "    title: {en: T, fr: T}\n    text: {en: T, fr: T}\n" + structured))
    found = problems_in(lab, path, "C301")
    text_line = line_of(path, "violence.goa > 3 or")
    row = path.read_text(encoding="utf-8").splitlines()[text_line - 1]
    goa = "condition: unknown quantity 'violence.goa' (did you mean 'violence.gao'?)"
    assert sorted((p.line, p.message) for p in found) == sorted([
        (text_line, goa),
        (text_line, "condition: unknown quantity 'buyin.algria' (did you mean 'buyin.algeria'?)"),
        (line_of(path, "quantity: violence.goa"), goa),
        (line_of(path, "mision.trust"), "condition: unknown quantity 'mision.trust' (did you mean 'mission.trust'?)"),
    ]), found
    # in the text form, each at its own column
    assert sorted(p.col for p in found if p.line == text_line) == [row.index("violence.goa") + 1, row.index("buyin.algria") + 1]


def test_a_follow_up_to_a_refused_card_says_so_instead_of_unknown(lab: Path) -> None:
    bringer = card("bringer", "    title: {en: T, fr: T}\n    text: {en: T, fr: T}\n").replace(
        "why: {en: a, fr: a}}", "why: {en: a, fr: a}, follow_up: [{card: broken, after: 1}]}", 1)
    path = write(lab, "chain.yaml", "cards:\n" + bringer
                 + card("broken", "    title: {en: T, fr: T}\n    text: {en: T, fr: T}\n    weight: lots\n"))
    [p] = problems_in(lab, path, "R202")
    assert p.line == line_of(path, "card: broken") and "has problems of its own" in p.message, p


def test_texts_are_keyed_by_language_code_and_the_scenario_declares_which_it_needs(tmp_path) -> None:
    """A third language is one more line under each text; the scenario's languages say which are required."""
    from conftest import problems_after_edit
    from pydantic import TypeAdapter, ValidationError

    from game.content import schema

    found, _ = problems_after_edit(tmp_path, "tutorial/scenario.yaml", "languages: [en, fr]", "languages: [en, fr, de]",
                                   "tutorial", "F401")
    assert len(found) > 50 and all("German text ('de:')" in p.message for p in found)  # every text lacks it
    text = TypeAdapter(schema.Text)
    assert text.validate_python({"en": "E", "de": "D", "pt-BR": "P"}) == {"en": "E", "de": "D", "pt-BR": "P"}
    assert text.validate_python("Plain") == {"en": "Plain"}
    for bad in ({"de": "D"}, {"en": "E", "German": "D"}):
        with pytest.raises(ValidationError):
            text.validate_python(bad)


def test_a_source_line_may_be_translated_and_shows_in_the_players_language(tmp_path) -> None:
    from conftest import problems_after_edit

    from game.content.loader import load_scenario
    from game.engine.defs import tr

    card_file = LEVELS / "decks" / "sahel" / "cards" / "sahel.yaml"
    old = next(line for line in card_file.read_text(encoding="utf-8").splitlines() if line == "    sources:")
    title = "      - \"Getting a Grip on Central Sahel's Gold Rush\""  # a one-line source: a title as published
    new = old + '\n      - en: "Press reports of the fighting"\n        fr: "Dépêches sur les combats"\n' + title
    problems, _ = problems_after_edit(tmp_path, "decks/sahel/cards/sahel.yaml", old, new, "after-algiers", "S103")
    assert problems == []
    scenario = load_scenario(tmp_path / "levels" / "after-algiers").scenario
    assert scenario is not None
    card = next(c for c in scenario.cards if any("Press reports of the fighting" in s.values() for s in c.sources))
    lines = {lang: [tr(s, lang) for s in card.sources] for lang in ("en", "fr")}
    assert "Dépêches sur les combats" in lines["fr"] and "Press reports of the fighting" in lines["en"]
    assert title.strip()[3:-1] in lines["fr"]  # a one-line source (a title as published) stays as it is


def test_a_very_long_text_sets_aside_its_card_not_its_file(lab: Path) -> None:
    # A pasted report of 9,000 characters: the schema's limit refuses that card, at its text,
    # and the file's other card still plays (the YAML reader caps only the file and its keys).
    long_text = "word " * 1800
    path = write(lab, "long.yaml", "cards:\n"
                 + card("pasted", f"    title: {{en: T, fr: T}}\n    text:\n      en: {long_text}\n      fr: T\n")
                 + card("still-here"))
    found = [p for p in check_paths([lab]).problems if Path(p.path) == path]
    assert [(p.code, p.line) for p in found] == [("S103", line_of(path, "en: word"))], found
    assert "longer than 4000 characters" in found[0].message
    scenario = load_scenario(lab).scenario
    assert scenario is not None
    ids = {c.id for c in scenario.cards}
    assert "still-here" in ids and "pasted" not in ids


def test_every_missing_field_of_a_card_and_of_a_response_is_reported(lab: Path) -> None:
    path = write(lab, "missing.yaml", "cards:\n  - id: bare\n    sources: [\"for tests\"]\n    responses:\n"
                 "      - {id: a, label: {en: a, fr: a}}\n      - {id: b, label: {en: b, fr: b}, why: {en: b, fr: b}}\n")
    found = sorted((p.line, p.message) for p in problems_in(lab, path, "S101"))
    assert found == [(2, "missing field 'text'"), (2, "missing field 'title'"), (5, "missing field 'why'")], found


def test_a_field_error_hides_neither_delayed_effects_nor_the_historical_answer(lab: Path) -> None:
    body = ("    title: {en: T, fr: T}\n    text: {en: T, fr: T}\n    sources: [\"for tests\"]\n"
            "    historical: {response: pres, why: x, source: SC/1}\n"
            "    responses:\n"
            "      - id: a\n        label: {en: a, fr: 12}\n        why: {en: a, fr: a}\n"
            "        later:\n          - {after: 1, effects: {mission.trus: 2}, note: {en: x, fr: x}}\n"
            "      - {id: b, label: {en: b, fr: b}, why: {en: b, fr: b}}\n")
    path = write(lab, "later.yaml", "cards:\n  - id: later-refs\n" + body)
    got = {(p.code, p.line) for p in check_paths([lab]).problems if Path(p.path) == path}
    assert got == {("S103", line_of(path, "fr: 12")), ("R201", line_of(path, "mission.trus")),
                   ("R215", line_of(path, "historical:"))}, got


def test_a_follow_up_brought_by_a_refused_card_is_not_also_said_to_be_brought_by_none(lab: Path) -> None:
    bringer = card("bringer", "    title: {en: T, fr: T}\n    text: {en: T, fr: T}\n    weight: lots\n").replace(
        "      - {id: b,", "      - {id: c, label: {en: c, fr: c}, why: {en: c, fr: c}, follow_up: [{card: brought, after: 1}]}\n      - {id: b,")
    path = write(lab, "chain.yaml", "cards:\n" + bringer
                 + card("brought", "    title: {en: T, fr: T}\n    text: {en: T, fr: T}\n    follow_up_only: true\n"))
    report = check_paths([lab])
    assert [p.code for p in report.problems if Path(p.path) == path] == ["S103"]  # the weight, where it is
    assert [w for w in report.warnings if Path(w.path) == path and w.code == "W504"] == []


@pytest.mark.parametrize(("written", "meant"), [
    ("strength.gatia", "'strength.platform'"), ("strength.fama", "'strength.government'"),
    ("strength.macina", "'strength.jnim'"), ("strength.mourabitoun", "'strength.jnim' or 'strength.isgs'"),
    ("buyin.cedeao", "'buyin.ecowas'"), ("relation.gatia.cma", "'relation.cma.platform'"),
])
def test_a_groups_own_name_is_led_to_the_actor_the_guide_puts_it_in(lab: Path, written: str, meant: str) -> None:
    # the closest spelling of strength.gatia is strength.cma: the Platform's enemy, the wrong actor
    path = write(lab, "groups.yaml", "cards:\n" + card("groups").replace("      - {id: b,", f"      - {{id: c, label: {{en: c, fr: c}}, why: {{en: c, fr: c}}, effects: {{{written}: 1}}}}\n      - {{id: b,"))
    [p] = problems_in(lab, path, "R201")
    assert f"did you mean {meant}?" in p.message, p


@pytest.mark.parametrize(("written", "hint"), [
    ('"\u22123"', "type the minus sign as '-'"),  # the guide's printed minus, pasted
    ('"2"', "a number in quotes is text, remove the quotes"),
])
def test_a_number_written_as_text_says_what_to_type(lab: Path, written: str, hint: str) -> None:
    path = write(lab, "numbers.yaml", "cards:\n" + card("numbers").replace(
        "      - {id: b,", f"      - {{id: c, label: {{en: c, fr: c}}, why: {{en: c, fr: c}}, effects: {{violence.gao: {written}}}}}\n      - {{id: b,"))
    [p] = problems_in(lab, path, "S103")
    assert "expected a whole number" in p.message, p
    assert hint in p.message, p


def test_a_refused_scenario_file_does_not_hide_its_cards_problems(lab: Path) -> None:
    scenario = lab / "scenario.yaml"
    text = scenario.read_text(encoding="utf-8")
    minutes = next(line for line in text.splitlines() if line.startswith("minutes:"))
    scenario.write_text(text.replace(minutes + "\n", ""), encoding="utf-8")
    path = write(lab, "typo.yaml", "cards:\n" + card("typo").replace(
        "      - {id: b,", "      - {id: c, label: {en: c, fr: c}, why: {en: c, fr: c}, effects: {commitment.cmaa: 2}}\n      - {id: b,"))
    problems = check_paths([lab]).problems
    assert any(p.code == "S101" and "minutes" in p.message and Path(p.path) == scenario for p in problems), problems
    assert [p.code for p in problems if Path(p.path) == path] == ["R201"], problems


@pytest.mark.parametrize("written", ["June 2016", "2016-6", "2016/06"])
def test_a_date_is_explained_as_a_month_with_an_example_not_a_pattern(lab: Path, written: str) -> None:
    path = write(lab, "dates.yaml", "cards:\n" + card("dated", f"    title: {{en: T, fr: T}}\n    text: {{en: T, fr: T}}\n    from: {written}\n"))
    [p] = problems_in(lab, path, "S103")
    assert p.line == line_of(path, "from:") and "is not a month: write it YYYY-MM, for example 2015-06" in p.message, p
    assert "^(19|20)" not in p.message  # the schema's pattern is not shown
