"""``check``: every problem of a run, each with file, line and a message an author can act on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.check import check_paths
from game.content.loader import load_scenario

LEVELS = Path(__file__).resolve().parent.parent / "levels"

BROKEN_CARDS = """\
cards:
  - id: good-card
    title: {en: A good card, fr: Une bonne carte}
    text: {en: Something happens., fr: Il se passe quelque chose.}
    sources: ["composite, for tests"]
    responses:
      - id: a
        label: {en: Do a, fr: Faire a}
        why: {en: Because, fr: Parce que}
        effects: {violence.gao: -2}
      - id: b
        label: {en: Do b, fr: Faire b}
        why: {en: Because, fr: Parce que}
  - id: typo-field
    titel: {en: Misspelt, fr: Mal écrit}
    title: {en: T, fr: T}
    text: {en: T, fr: T}
    sources: ["x for tests"]
    responses:
      - {id: a, label: {en: a, fr: a}, why: {en: a, fr: a}}
      - {id: b, label: {en: b, fr: b}, why: {en: b, fr: b}}
  - id: bad-refs
    title: {en: T, fr: T}
    text: {en: T, fr: T}
    sources: ["x for tests"]
    when: "violence.goa > 3"
    responses:
      - id: a
        label: {en: a, fr: a}
        why: {en: a, fr: a}
        effects: {buyin.algria: 2}
        follow_up: [{card: good-crad, after: 2}]
      - {id: b, label: {en: b, fr: b}, why: {en: b, fr: b}}
  - id: good-card
    title: {en: Duplicate, fr: Doublon}
    text: {en: T, fr: T}
    sources: ["x for tests"]
    responses:
      - {id: a, label: {en: a, fr: a}, why: {en: a, fr: a}}
      - {id: b, label: {en: b, fr: b}, why: {en: b}}
  - id: calls
    title: {en: T, fr: T}
    text: {en: T, fr: T}
    sources: ["x for tests"]
    when: "__import__('os').system('true') > 0"
    weight: many
    responses:
      - {id: a, label: {en: a, fr: a}, why: {en: a, fr: a}}
"""


@pytest.fixture()
def broken(tmp_path: Path) -> Path:
    folder = tmp_path / "broken"
    shutil.copytree(LEVELS / "tutorial", folder)
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    (folder / "scenario.yaml").write_text(text.replace("uses: [../common]", f"uses: [{(LEVELS / 'common').as_posix()}]"), encoding="utf-8")
    (folder / "cards" / "broken.yaml").write_text(BROKEN_CARDS, encoding="utf-8")
    (folder / "cards" / "alias.yaml").write_text("cards: &a\n  - *a\n", encoding="utf-8")
    return folder


def lines_of(folder: Path) -> list[str]:
    return [str(p) for p in check_paths([folder]).problems]


def test_every_problem_is_reported_with_file_line_and_code(broken: Path) -> None:
    report = check_paths([broken])
    text = "\n".join(str(p) for p in report.problems)
    card_file = str(broken / "cards" / "broken.yaml")
    expected = [
        (15, "S102", "unknown field 'titel' (did you mean 'title'?)"),
        (26, "C301", "unknown quantity 'violence.goa' (did you mean 'violence.gao'?)"),
        (31, "R201", "unknown quantity 'buyin.algria' (did you mean 'buyin.algeria'?)"),
        (32, "R202", "unknown card 'good-crad' (did you mean 'good-card'?)"),
        (34, "R203", "card id 'good-card' is also used"),
        (46, "S103", "weight: expected a whole number or a mapping, got 'many'"),
        (47, "S103", "responses: needs at least 2 item(s), has 1"),
    ]
    for line, code, fragment in expected:
        assert any(p.path == card_file and p.line == line and p.code == code and fragment in p.message
                   for p in report.problems), (line, code, fragment, text)
    assert any(p.code == "Y002" and p.path.endswith("alias.yaml") and p.line == 1 for p in report.problems)
    assert any(p.code == "F401" and p.path == card_file and p.line == 40 for p in report.problems), text
    assert all(str(p).startswith(f"{p.path}:{p.line}:{p.col}: {p.code} ") for p in report.problems)


def test_the_game_loads_what_is_valid_and_names_what_it_skipped(broken: Path) -> None:
    loaded = load_scenario(broken)
    assert loaded.scenario is not None
    ids = {c.id for c in loaded.scenario.cards}
    assert "good-card" in ids and "tut-anefis-clashes" in ids
    assert {"typo-field", "bad-refs", "calls"} <= set(loaded.cards_skipped)


def test_clean_content_has_no_problems() -> None:
    report = check_paths([LEVELS])
    assert report.problems == [], "\n".join(map(str, report.problems))
    assert report.scenarios >= 1 and report.cards >= 12


def test_summary_counts(broken: Path) -> None:
    report = check_paths([broken])
    assert report.summary().startswith("1 scenario, ")
    assert json.loads(json.dumps(report.to_dict()))["problems"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_whatever_a_card_file_holds_check_reports_without_raising(broken: Path, raw: bytes) -> None:
    (broken / "cards" / "fuzz.yaml").write_bytes(raw)
    report = check_paths([broken])
    assert report.scenarios == 1
    assert not any(p.code == "X900" for p in report.problems)
    assert all(str(p).isprintable() for p in report.problems)
