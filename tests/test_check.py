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


# What the broken fixture's own files always report, fuzzed file or not.
BROKEN_CODES = {("broken.yaml", "S102"), ("broken.yaml", "C301"), ("broken.yaml", "R201"), ("broken.yaml", "R202"),
                ("broken.yaml", "R203"), ("broken.yaml", "S103"), ("alias.yaml", "Y002")}


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


def small_world(tmp_path: Path, scenarios: dict[str, str], deck: str = "") -> Path:
    """Scenarios (name -> their cards' YAML) on the tutorial's model, sharing a deck if given."""
    shutil.copytree(LEVELS / "common", tmp_path / "common")
    if deck:
        (tmp_path / "deck" / "cards").mkdir(parents=True)
        (tmp_path / "deck" / "cards" / "deck.yaml").write_text(deck, encoding="utf-8")
    for name, cards in scenarios.items():
        folder = tmp_path / name
        shutil.copytree(LEVELS / "tutorial", folder)
        text = (folder / "scenario.yaml").read_text(encoding="utf-8").replace("id: tutorial", f"id: {name}", 1)
        if deck:
            text = text.replace("uses: [../common]", "uses: [../common, ../deck]")
        (folder / "scenario.yaml").write_text(text, encoding="utf-8")
        (folder / "cards" / "tutorial.yaml").write_text(cards, encoding="utf-8")
    return tmp_path


def cards_yaml(*ids: str, broken: str = "") -> str:
    body = "".join(f"""
  - id: {cid}
    title: {{en: T, fr: T}}
    text: {{en: T, fr: T}}
    sources: ["for tests"]
    responses:
      - {{id: a, label: {{en: a, fr: a}}, why: {{en: a, fr: a}}}}
      - {{id: b, label: {{en: b, fr: b}}, why: {{en: b, fr: b}}}}""" for cid in ids)
    return "cards:" + body + broken + "\n"


def test_summary_counts(tmp_path: Path) -> None:
    one = check_paths([small_world(tmp_path / "one", {"solo": cards_yaml("only")})])
    assert one.summary() == "1 scenario, 1 card, 0 problems, 0 warnings"
    assert one.to_dict() == {"scenarios": 1, "cards": 1, "problems": [], "warnings": []}
    # two scenarios sharing a deck of two cards: the deck's cards and its problem count once
    bad_weight = """
  - id: heavy
    title: {en: T, fr: T}
    text: {en: T, fr: T}
    sources: ["for tests"]
    weight: many
    responses:
      - {id: a, label: {en: a, fr: a}, why: {en: a, fr: a}}
      - {id: b, label: {en: b, fr: b}, why: {en: b, fr: b}}"""
    world = small_world(tmp_path / "two", {"north": cards_yaml("n1", "n2"), "south": cards_yaml("s1", broken=bad_weight.replace("heavy", "s2"))},
                        deck=cards_yaml("d1", broken=bad_weight))
    two = check_paths([world])
    assert two.scenarios == 2 and two.cards == 2 + 2 + 2
    assert sorted((Path(p.path).parent.parent.name, p.code) for p in two.problems) == [("deck", "S103"), ("south", "S103")]
    assert two.summary() == "2 scenarios, 6 cards, 2 problems, 0 warnings"
    data = json.loads(json.dumps(two.to_dict()))
    assert (data["scenarios"], data["cards"], len(data["problems"])) == (2, 6, 2)
    assert [(Path(d["path"]).name, d["code"], d["line"] > 0) for d in data["problems"]] == [("deck.yaml", "S103", True), ("tutorial.yaml", "S103", True)]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_whatever_a_card_file_holds_check_reports_without_raising(broken: Path, raw: bytes) -> None:
    (broken / "cards" / "fuzz.yaml").write_bytes(raw)
    report = check_paths([broken])
    assert report.scenarios == 1
    assert not any(p.code == "X900" for p in report.problems)
    assert all(str(p).isprintable() for p in report.problems)
    # the fuzzed file never hides what the fixture's other files hold...
    assert BROKEN_CODES <= {(Path(p.path).name, p.code) for p in report.problems}
    # ...and whatever the fuzzed file says is a problem with its place, or the valid cards load
    for p in report.problems:
        assert p.code[:1] in "YSRCFW" and p.line >= 0 and p.path.startswith(str(broken)), p
    loaded = load_scenario(broken)
    assert loaded.scenario is not None and "good-card" in loaded.scenario.cards_by_id


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "problems in the content; skipped cards: "),
    ("fr", "problèmes dans le contenu\u202f; cartes ignorées\u00a0: "),
])
def test_the_command_line_says_what_it_skipped_in_the_players_language(broken: Path, lang: str, said: str) -> None:
    import contextlib
    import io

    from game.cli import _load

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert _load(str(broken), "full", lang) is not None
    assert said in err.getvalue() and "typo-field" in err.getvalue(), err.getvalue()


def test_check_takes_the_card_file_just_edited_and_says_what_to_give_otherwise(tmp_path: Path) -> None:
    # a trainer runs check on the file they just saved, on a shared deck, or on a misspelt folder
    edited = check_paths([LEVELS / "tutorial" / "cards" / "tutorial.yaml"])
    assert (edited.scenarios, edited.problems) == (1, [])
    [deck] = check_paths([LEVELS / "decks" / "sahel"]).problems
    assert deck.code == "R212" and "checked with the scenarios that use it" in deck.message
    [typo] = check_paths([LEVELS / "tutorail"]).problems
    assert typo.code == "R212" and "did you mean 'tutorial'" in typo.message
