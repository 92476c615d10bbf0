"""``python -m game schema`` accepts what ``check`` accepts: every shipped file, and the shorthands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from game.content.safeyaml import load_text
from game.content.schema import FILE_MODELS, CardFile, file_schema

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ROOT / "levels"


def kind_of(path: Path) -> str | None:
    rel = path.relative_to(LEVELS).parts
    if path.name == "scenario.yaml":
        return "scenario"
    if "cards" in rel[:-1]:
        return "card"
    if "council" in rel[:-1]:
        return "member"
    return {"clauses.yaml": "clauses", "model.yaml": "model", "record.yaml": "record"}.get(path.name)


@pytest.mark.parametrize("kind", sorted(FILE_MODELS))
def test_every_shipped_file_is_valid_against_its_schema(kind: str) -> None:
    validator = Draft202012Validator(file_schema(kind))
    Draft202012Validator.check_schema(validator.schema)
    files = [p for p in sorted(LEVELS.glob("**/*.yaml")) if kind_of(p) == kind]
    assert files, kind
    for path in files:
        data, _ = load_text(path.read_text(encoding="utf-8"), str(path))
        errors = [f"{list(e.absolute_path)}: {e.message[:120]}" for e in validator.iter_errors(data)]
        assert errors == [], f"{path}: {errors[:3]}"


def test_every_content_file_has_a_schema() -> None:
    """No YAML file of levels/ escapes the editor's check (record.yaml included)."""
    left = [p for p in LEVELS.glob("**/*.yaml") if kind_of(p) is None]
    assert left == []


SHORTHAND = {"cards": [{
    "id": "plain", "title": "A plain title", "text": "Plain text.", "sources": ["composite"],
    "when": {"all": ["violence.gao > 10", {"not": {"quantity": "mission.consent", "op": "<", "value": 2.5}}]},
    "weight": {"base": 3, "grows_with": "violence.gao", "factor": -5},
    "responses": [
        {"id": "a", "label": "Do it.", "why": "Because.", "effects": {"violence.gao": -2},
         "later": [{"after": 2, "effects": {"mission.trust": 1}, "note": "Later."}],
         "follow_up": [{"card": "plain-two", "after": 1}]},
        {"id": "b", "label": {"en": "Wait.", "fr": "Attendre."}, "why": "Patience."},
    ],
    "historical": {"response": "a", "why": "The Council did.", "source": "S/RES/2227 (2015)"},
}]}


def test_plain_string_texts_are_accepted_by_both() -> None:
    """A plain string is the English text for the loader: the editor's schema must not flag it."""
    CardFile.model_validate(SHORTHAND)
    assert list(Draft202012Validator(file_schema("card")).iter_errors(SHORTHAND)) == []


def test_schema_command_prints_each_kind() -> None:
    for kind, (_model, title, _glob) in FILE_MODELS.items():
        out = subprocess.run([sys.executable, "-m", "game", "schema", "--file", kind],
                             capture_output=True, text=True, cwd=ROOT, check=True).stdout
        assert json.loads(out)["title"] == title
    bad = subprocess.run([sys.executable, "-m", "game", "schema", "--file", "cards"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "scenario" in bad.stderr


SOURCES = ["UN SG report S/2015/426",
           {"en": "Press reports, May 2015: a pledge", "fr": "Presse, mai 2015\u00a0: une allégeance"}]


@pytest.mark.parametrize("kind, path, field", [
    ("member", "common/council/chad.yaml", "sources"),
    ("scenario", "tutorial/scenario.yaml", "state_sources"),
])
def test_member_and_starting_figure_sources_take_a_line_or_a_line_per_language(kind: str, path: str, field: str) -> None:
    """A member's sources and a scenario's state_sources are source lines: a plain title or en/fr lines."""
    model, _title, _glob = FILE_MODELS[kind]
    data, _ = load_text((LEVELS / path).read_text(encoding="utf-8"), path)
    data[field] = SOURCES
    parsed = model.model_validate(data)
    assert getattr(parsed, field) == [{"en": "UN SG report S/2015/426"}, SOURCES[1]]
    validator = Draft202012Validator(file_schema(kind))
    assert list(validator.iter_errors(data)) == []
    data[field] = [{"fr": "sans anglais"}]  # English is required, as for a card's sources
    with pytest.raises(ValidationError):
        model.model_validate(data)
    data[field] = [7]
    assert list(validator.iter_errors(data)) != []


def test_a_member_s_source_may_carry_the_years_it_holds_in() -> None:
    """A member's source: a plain line, a line per language, or {line, from, until}; the schema
    editors read accepts what the game accepts, and both refuse years on a bare line per language."""
    model, _title, _glob = FILE_MODELS["member"]
    path = "common/council/chad.yaml"
    data, _ = load_text((LEVELS / path).read_text(encoding="utf-8"), path)
    validator = Draft202012Validator(file_schema("member"))
    data["sources"] = [SOURCES[0], {"line": SOURCES[1], "from": 2015},
                       {"line": "UN SG report S/2023/402", "from": 2023, "until": 2023}]
    parsed = model.model_validate(data)
    assert parsed.sources[0] == {"en": "UN SG report S/2015/426"}
    assert (parsed.sources[1].line, parsed.sources[1].from_, parsed.sources[1].until) == (SOURCES[1], 2015, None)
    assert (parsed.sources[2].line, parsed.sources[2].from_, parsed.sources[2].until) == (
        {"en": "UN SG report S/2023/402"}, 2023, 2023)
    assert list(validator.iter_errors(data)) == []
    for wrong in ({"en": "UN SG report S/2015/426", "from": 2015},  # years go beside 'line', not in it
                  {"line": "UN SG report S/2015/426", "from": "2015"},
                  {"line": "UN SG report S/2015/426", "since": 2015}):
        data["sources"] = [wrong]
        with pytest.raises(ValidationError):
            model.model_validate(data)
        assert list(validator.iter_errors(data)) != [], wrong
    data["sources"] = [{"line": {"fr": "sans anglais"}, "from": 2015}]  # English is required here too
    with pytest.raises(ValidationError):
        model.model_validate(data)
