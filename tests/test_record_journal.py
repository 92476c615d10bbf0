"""The debrief's journal holds the class's choices against the record: what the Council adopted
for each clause (record.yaml) and how it answered each card (``historical:``), in the player's
language; the content says it in English and French, a plain line still being the English."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from game.content.loader import load_scenario
from game.content.safeyaml import load_file
from game.content.schema import CardFile, file_schema
from game.sim.record import CardAnswer, Provision, load_record

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ROOT / "levels"
RECORDED = ("after-algiers", "consent", "serval-to-minusma")

CARD = {"cards": [{
    "id": "plain", "title": "A plain title", "text": "Plain text.", "sources": ["composite"],
    "responses": [{"id": "a", "label": "Do it.", "why": "Because."}, {"id": "b", "label": "Wait.", "why": "Patience."}],
    "historical": {"response": "a", "why": "The Council did.", "source": "S/RES/2227 (2015)"},
}]}


@pytest.mark.parametrize("why", ["The Council did.", {"en": "The Council did.", "fr": "Le Conseil l'a fait."}])
def test_a_historical_why_is_a_plain_line_or_a_line_per_language(why: object) -> None:
    data = {"cards": [CARD["cards"][0] | {"historical": {**CARD["cards"][0]["historical"], "why": why}}]}
    parsed = CardFile.model_validate(data).cards[0].historical
    assert parsed is not None and parsed.why["en"] == "The Council did."
    assert list(Draft202012Validator(file_schema("card")).iter_errors(data)) == []
    assert Provision.model_validate({"option": "one-year", "why": why}).why["en"] == "The Council did."
    assert CardAnswer.model_validate({"response": "a", "why": why, "source": "S/RES/2227 (2015)"}).why["en"] == "The Council did."


@pytest.mark.parametrize("why", [{"fr": "Sans anglais."}, {"en": ""}, 7])
def test_a_historical_why_needs_its_english(why: object) -> None:
    data = {"cards": [CARD["cards"][0] | {"historical": {**CARD["cards"][0]["historical"], "why": why}}]}
    with pytest.raises(ValidationError):
        CardFile.model_validate(data)
    with pytest.raises(ValidationError):
        Provision.model_validate({"option": "one-year", "why": why})


@pytest.mark.parametrize("name", RECORDED)
def test_every_why_of_the_record_reads_in_french(name: str) -> None:
    """Each clause of each resolution and each card's historical answer has its French line."""
    sc = load_scenario(LEVELS / name).scenario
    record = load_record(sc)
    for res in record.resolutions:
        assert {d.id for d in sc.dimensions} <= set(res.why)
        for dim, why in res.why.items():
            assert why.get("en") and why.get("fr") and why["fr"] != why["en"], (res.number, dim)
    answered = [c for c in sc.cards if c.historical]
    assert answered or name == "serval-to-minusma"
    for card in answered:
        assert card.historical_why.get("en") and card.historical_why.get("fr"), card.id
    raw, _ = load_file(str(LEVELS / name / "record.yaml"))  # the file itself, read apart from the loader
    assert raw["resolutions"][0]["clauses"]["duration"]["why"]["fr"] == record.resolutions[0].why["duration"]["fr"]
