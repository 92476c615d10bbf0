"""The card designer's guide stands alone, in English (levels/README.md) and in French
(levels/LISEZMOI.md): no program files, no paths outside the repository, and its glossary, lever
table and scenario table say what the loader knows (so they cannot go stale, in either edition)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import NamedTuple

import pytest

from game.content.schema import CardModel, ResponseModel, ScenarioModel
from game.engine.defs import LEVERS
from game.engine.world import READABLE, canonical

ROOT = Path(__file__).resolve().parent.parent


class Guide(NamedTuple):
    """One edition of the guide and the words its tables and headings use."""

    path: Path
    glossary: str  # the glossary's heading
    actors: str  # the actors' heading
    name_range: str  # the glossary tables' header
    lever: str  # the lever table's header
    field: str  # the field tables' header
    yes: str  # "required" in those tables
    months: str  # which months the quarters fall on

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


GUIDES = {
    "en": Guide(ROOT / "levels" / "README.md", "## Glossary: every quantity", "## The actors", "| Name | Range |",
                "| Lever |", "| Field | Required | What it holds |", "yes", "June, September,\nDecember and March"),
    "fr": Guide(ROOT / "levels" / "LISEZMOI.md", "## Glossaire\u00a0: chaque quantité", "## Les acteurs", "| Nom | Plage |",
                "| Levier |", "| Champ | Requis | Ce qu'il contient |", "oui", "juin, septembre,\ndécembre et mars"),
}


@pytest.fixture(params=sorted(GUIDES))
def guide(request: pytest.FixtureRequest) -> Guide:
    return GUIDES[request.param]


def section(text: str, title: str) -> str:
    start = text.index(title)
    end = text.find("\n## ", start + len(title))
    return text[start:end if end > 0 else None]


def table_rows(text: str, header: str) -> list[list[str]]:
    """The rows of the Markdown table whose header row starts with ``header``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def test_the_guide_names_no_program_file(guide: Guide) -> None:
    text = guide.text
    assert re.findall(r"[\w/.-]+\.py\b", text) == []
    assert "LEVERS" not in text and "defs" not in text


def test_every_path_stays_in_the_repository(guide: Guide) -> None:
    text = guide.text
    words = set(re.findall(r"`([^`\s]+)`", text)) | set(re.findall(r"(?<![\w.])(\.\./[^\s`,\]]+)", text))
    paths = {w.strip("[],") for w in words if "/" in w and not w.startswith("http")}
    paths |= set(re.findall(r"\]\(([^)]+)\)", text))  # Markdown links
    assert paths, "the guide shows relative paths such as ../common"
    for path in paths:
        assert not path.startswith(("/", "~")), path
        # Paths in the guide are relative to the guide or to a scenario folder under it.
        for base in (guide.path.parent, guide.path.parent / "some-scenario"):
            resolved = (base / path).resolve()
            assert resolved.is_relative_to(ROOT), f"{path} leaves the repository"
    assert "shared/design" not in text


def placeholders(text: str) -> dict[str, list[str]]:
    found = dict(re.findall(r"^- `<(\w+)>`: (.+)$", text, re.M))
    return {name: re.findall(r"`(\w+)`", ids) for name, ids in found.items()}


def expand(name: str, ids: dict[str, list[str]]) -> set[str]:
    slots = re.findall(r"<(\w+)>", name)
    if not slots:
        return {name}
    out = set()
    for combo in itertools.product(*(ids[s] for s in slots)):
        full = name
        for value in combo:
            full = re.sub(r"<\w+>", value, full, count=1)
        parts = full.split(".")
        if parts[0] == "relation" and parts[1] == parts[2]:
            continue  # an actor has no relation with itself
        out.add(canonical(full))
    return out


def test_the_glossary_lists_every_quantity_the_loader_knows_and_no_other(guide: Guide) -> None:
    glossary = section(guide.text, guide.glossary)
    ids = placeholders(guide.text)
    listed: set[str] = set()
    for header in (guide.name_range,):
        for text in glossary.split(header)[1:]:
            for row in table_rows(header + text, header):
                assert len(row) == 4 and all(row), row  # name, range, meaning, direction
                listed |= expand(row[0].strip("`"), ids)
    assert listed == set(READABLE), (sorted(set(READABLE) - listed), sorted(listed - set(READABLE)))


def test_the_glossary_gives_each_quantitys_range(guide: Guide) -> None:
    glossary = section(guide.text, guide.glossary)
    ids = placeholders(guide.text)
    header = guide.name_range
    for text in glossary.split(header)[1:]:
        for name, rng, *_ in table_rows(header + text, header):
            # (thousands: 1,000 in English, 1\u202f000 in French)
            low, high = (int(re.sub("[,\u202f\u00a0]", "", x).replace("−", "-")) for x in re.split(r"(?<=\d)–", rng))
            for q in expand(name.strip("`"), ids):
                assert READABLE[q] == (low, high), (q, rng)


def test_the_lever_table_lists_every_lever(guide: Guide) -> None:
    rows = table_rows(guide.text, guide.lever)
    assert {r[0].strip("`") for r in rows} == set(LEVERS)


def test_the_field_tables_say_which_fields_are_required(guide: Guide) -> None:
    header = guide.field
    pieces = guide.text.split(header)[1:]
    assert len(pieces) == 3  # a card's fields, a response's, the scenario's, in that order
    for piece, model in zip(pieces, (CardModel, ResponseModel, ScenarioModel), strict=True):
        table: dict[str, str] = {}
        for row in table_rows(header + piece, header):
            for field in re.findall(r"`(\w+)`", row[0]):
                table[field] = row[1]
        fields = {f.alias or n for n, f in model.model_fields.items()}
        required = {f.alias or n for n, f in model.model_fields.items() if f.is_required()}
        assert {k for k, v in table.items() if v == guide.yes} == required, model.__name__
        if model is ScenarioModel:
            assert set(table) == fields
        else:  # every field of the shipped schema is in the table (another helper's new one included)
            assert set(table) <= fields and required <= set(table), model.__name__


def test_the_guide_says_which_month_a_may_event_needs(guide: Guide) -> None:
    text = guide.text
    assert "`from: 2016-06`" in text and guide.months in text
    assert "GATIA" in section(text, guide.actors) and "Katiba Macina" in section(text, guide.actors)
    assert "chance:" in text


def test_both_editions_hold_the_same_examples_and_code() -> None:
    """The French guide is the English one's equal: the same YAML examples, byte for byte, the
    same commands; each names the other at its top."""
    en, fr = GUIDES["en"].text, GUIDES["fr"].text
    examples = re.compile(r"```yaml\n# example: \w+\n.*?```", re.S)
    assert examples.findall(en) == examples.findall(fr) and len(examples.findall(en)) == 2
    commands = re.compile(r"python -m game [^`\n#]*")  # (their comments are translated)
    assert {c.strip() for c in commands.findall(en)} == {c.strip() for c in commands.findall(fr)}
    assert "LISEZMOI.md" in en.split("\n## ")[0] and "README.md" in fr.split("\n## ")[0]


def test_the_french_guide_keeps_french_typography() -> None:
    """A no-break space before : ; ! ? and inside « », outside code (as the cards' French)."""
    body = re.sub(r"```.*?```", "", GUIDES["fr"].text, flags=re.S)
    lines = [line for line in body.splitlines()
             if not line.startswith(("*English", "- `<"))  # the link to the English; the placeholder lists
             and not re.match(r" {4,}\S", line)]  # a YAML sample indented inside a list
    body = re.sub(r"`[^`\n]*`", "", "\n".join(lines))
    body = re.sub(r"\]\([^)]*\)", "]", body)
    tight = [m.group(0) for m in re.finditer(r"\S[:;!?](?=\s|$)", body, re.M)]
    assert not tight, f"no space before: {tight[:5]}"
    assert not re.search(r"«\S|\S»", body), "a space inside « »"
    loose = [m.group(0) for m in re.finditer(r"\S {1,2}[:;!?»]|« ", body)]
    assert not loose, f"a no-break space belongs there: {loose[:5]}"
