"""levels/README.md stands alone: no program files, no paths outside the repository, and its
glossary, lever table and scenario table say what the loader knows (so they cannot go stale)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from game.content.schema import CardModel, ResponseModel, ScenarioModel
from game.engine.defs import LEVERS
from game.engine.world import READABLE, canonical

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "levels" / "README.md"
TEXT = GUIDE.read_text(encoding="utf-8")


def section(title: str) -> str:
    start = TEXT.index(title)
    end = TEXT.find("\n## ", start + len(title))
    return TEXT[start:end if end > 0 else None]


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


def test_the_guide_names_no_program_file() -> None:
    assert re.findall(r"[\w/.-]+\.py\b", TEXT) == []
    assert "LEVERS" not in TEXT and "defs" not in TEXT


def test_every_path_stays_in_the_repository() -> None:
    words = set(re.findall(r"`([^`\s]+)`", TEXT)) | set(re.findall(r"(?<![\w.])(\.\./[^\s`,\]]+)", TEXT))
    paths = {w.strip("[],") for w in words if "/" in w and not w.startswith("http")}
    paths |= set(re.findall(r"\]\(([^)]+)\)", TEXT))  # Markdown links
    assert paths, "the guide shows relative paths such as ../common"
    for path in paths:
        assert not path.startswith(("/", "~")), path
        # Paths in the guide are relative to the guide or to a scenario folder under it.
        for base in (GUIDE.parent, GUIDE.parent / "some-scenario"):
            resolved = (base / path).resolve()
            assert resolved.is_relative_to(ROOT), f"{path} leaves the repository"
    assert "shared/design" not in TEXT


def placeholders() -> dict[str, list[str]]:
    found = dict(re.findall(r"^- `<(\w+)>`: (.+)$", TEXT, re.M))
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


def test_the_glossary_lists_every_quantity_the_loader_knows_and_no_other() -> None:
    glossary = section("## Glossary: every quantity")
    ids = placeholders()
    listed: set[str] = set()
    for header in ("| Name | Range |",):
        for text in glossary.split(header)[1:]:
            for row in table_rows(header + text, header):
                assert len(row) == 4 and all(row), row  # name, range, meaning, direction
                listed |= expand(row[0].strip("`"), ids)
    assert listed == set(READABLE), (sorted(set(READABLE) - listed), sorted(listed - set(READABLE)))


def test_the_glossary_gives_each_quantitys_range() -> None:
    glossary = section("## Glossary: every quantity")
    ids = placeholders()
    for text in glossary.split("| Name | Range |")[1:]:
        for name, rng, *_ in table_rows("| Name | Range |" + text, "| Name | Range |"):
            low, high = (int(x.replace(",", "").replace("−", "-")) for x in re.split(r"(?<=\d)–", rng))
            for q in expand(name.strip("`"), ids):
                assert READABLE[q] == (low, high), (q, rng)


def test_the_lever_table_lists_every_lever() -> None:
    rows = table_rows(TEXT, "| Lever |")
    assert {r[0].strip("`") for r in rows} == set(LEVERS)


def test_the_field_tables_say_which_fields_are_required() -> None:
    header = "| Field | Required | What it holds |"
    pieces = TEXT.split(header)[1:]
    assert len(pieces) == 3  # a card's fields, a response's, the scenario's, in that order
    for piece, model in zip(pieces, (CardModel, ResponseModel, ScenarioModel), strict=True):
        table: dict[str, str] = {}
        for row in table_rows(header + piece, header):
            for field in re.findall(r"`(\w+)`", row[0]):
                table[field] = row[1]
        fields = {f.alias or n for n, f in model.model_fields.items()}
        required = {f.alias or n for n, f in model.model_fields.items() if f.is_required()}
        assert {k for k, v in table.items() if v == "yes"} == required, model.__name__
        if model is ScenarioModel:
            assert set(table) == fields
        else:  # every field of the shipped schema is in the table (another helper's new one included)
            assert set(table) <= fields and required <= set(table), model.__name__


def test_the_guide_says_which_month_a_may_event_needs() -> None:
    assert "`from: 2016-06`" in TEXT and "June, September,\nDecember and March" in TEXT
    assert "GATIA" in section("## The actors") and "Katiba Macina" in section("## The actors")
    assert "chance:" in TEXT
