"""The loader's reference codes R205-R211, each provoked once in a copy of the tutorial.

Each case breaks one thing and expects its code, in the file and on the line of the mistake, with
the name at fault in the message (the wording itself may change; the place and the name may not).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content.check import check_paths
from game.content.loader import load_scenario

LEVELS = Path(__file__).resolve().parent.parent / "levels"
CARD = """cards:
  - id: only
    title: {en: T, fr: T}
    text: {en: T, fr: T}
    sources: ["for tests"]
    responses:
      - id: a
        label: {en: a, fr: a}
        why: {en: a, fr: a}
        effects: {EFFECT: 2}
      - {id: b, label: {en: b, fr: b}, why: {en: b, fr: b}}
"""


def world(tmp_path: Path) -> Path:
    shutil.copytree(LEVELS / "common", tmp_path / "common")
    shutil.copytree(LEVELS / "tutorial", tmp_path / "lab")
    (tmp_path / "lab" / "cards" / "tutorial.yaml").write_text(CARD.replace("EFFECT", "mission.trust"), encoding="utf-8")
    return tmp_path / "lab"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, fragment: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def test_the_unbroken_copy_loads_clean(tmp_path: Path) -> None:
    loaded = load_scenario(world(tmp_path))
    assert loaded.scenario is not None and loaded.problems == []


SCENARIO, MODEL, CARDS = "lab/scenario.yaml", "common/model.yaml", "lab/cards/tutorial.yaml"
COUNCIL = "council: [china, france, russia, united-kingdom, united-states, "


# (code, file broken, text replaced, replacement, the line's fragment after the edit, name in the message, playable)
CASES = [
    ("R205", SCENARIO, COUNCIL, COUNCIL.replace("china", "atlantis"), "council:", "atlantis", False),
    ("R206", SCENARIO, "  posture: traditional", "  posture: tradition", "posture: tradition", "tradition", False),
    ("R206", SCENARIO, "current_mandate:", "offer:\n  posture: [traditional, nope]\ncurrent_mandate:", "posture: [traditional, nope]", "nope", True),
    ("R207", SCENARIO, "current_mandate:", "coefficients:\n  capital_per_mandat: {value: 3, means: a typo of a coefficient}\ncurrent_mandate:",
     "capital_per_mandat", "capital_per_mandat", True),
    ("R208", MODEL, '  capital_per_mandate: {value: 6, means: "political capital the penholder has for trades at each renewal"}\n', "",
     "id: tutorial", "capital_per_mandate", False),
    ("R209", CARDS, "mission.trust", "violence.mean", "violence.mean", "violence.mean", True),
    ("R210", SCENARIO, "current_mandate:", "deployment: {kidal: 20, atlantis: 5}\ncurrent_mandate:", "deployment:", "atlantis", True),
    ("R210", MODEL, "  isgs: {gao: 30, menaka: 70, mopti: 10}", "  isgs: {gao: 30, menaka: 70, mopti: 10}\n  martians: {gao: 5}", "martians", "martians", True),
    ("R211", SCENARIO, "new-zealand, spain, venezuela]", "new-zealand, spain, spain]", "council:", "fifteen", False),
]


@pytest.mark.parametrize(("code", "where", "old", "new", "fragment", "name", "playable"), CASES,
                         ids=[f"{c[0]}-{c[5]}" for c in CASES])
def test_each_reference_code_points_at_the_mistake(tmp_path: Path, code: str, where: str, old: str, new: str,
                                                   fragment: str, name: str, playable: bool) -> None:
    folder = world(tmp_path)
    path = tmp_path / where
    edit(path, old, new)
    report = check_paths([folder])
    mine = [p for p in report.problems if p.code == code]
    assert mine, "\n".join(map(str, report.problems))
    problem = mine[0]
    target = folder / "scenario.yaml" if code == "R208" else path
    assert Path(problem.path) == target, problem
    assert problem.line == line_of(target, fragment), problem
    assert name in problem.message, problem
    loaded = load_scenario(folder)
    assert (loaded.scenario is not None) is playable


def test_a_council_needs_five_permanent_members(tmp_path: Path) -> None:
    folder = world(tmp_path)
    path = folder / "scenario.yaml"
    edit(path, "united-states, ", "egypt, ")  # fifteen different members, four of them permanent
    report = check_paths([folder])
    problems = [p for p in report.problems if p.code == "R211"]
    assert [("five permanent" in p.message, p.line) for p in problems] == [(True, line_of(path, "council:"))], problems
    assert load_scenario(folder).scenario is None
