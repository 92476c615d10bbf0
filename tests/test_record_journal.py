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
from game.content.schema import CardAnswer, CardFile, Provision, file_schema
from game.sim.record import load_record

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
    record = {"resolutions": [{"mandate": 1, "number": 2227, "date": "2015-06-29", "vote": "15-0", "source": "S/RES/2227 (2015)",
                               "clauses": {"duration": {"option": "one-year", "why": why}}}],
              "cards": {"a-card": {"response": "a", "why": why, "source": "S/RES/2227 (2015)"}}, "trajectory": []}
    assert list(Draft202012Validator(file_schema("record")).iter_errors(record)) == []  # an editor's schema too


@pytest.mark.parametrize("why", [{"fr": "Sans anglais."}, {"en": ""}, 7])
def test_a_historical_why_needs_its_english(why: object) -> None:
    data = {"cards": [CARD["cards"][0] | {"historical": {**CARD["cards"][0]["historical"], "why": why}}]}
    with pytest.raises(ValidationError):
        CardFile.model_validate(data)
    with pytest.raises(ValidationError):
        Provision.model_validate({"option": "one-year", "why": why})
    clause = {"option": "one-year", "why": why}
    record = {"resolutions": [{"mandate": 1, "number": 2227, "date": "2015-06-29", "vote": "15-0", "source": "S/RES/2227 (2015)",
                               "clauses": {"duration": clause}}], "trajectory": []}
    if why != {"fr": "Sans anglais."}:  # the editor's schema, as for every text, leaves English to the loader
        assert list(Draft202012Validator(file_schema("record")).iter_errors(record)) != []


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


# --- the journal beside the record ------------------------------------------------------------
def _played(strategy: str, seed: int = 11, name: str = "after-algiers"):
    from game.engine.defs import at_length
    from game.engine.game import END, Game
    from game.sim.drafters import drafter_for

    scenario = at_length(load_scenario(LEVELS / name).scenario, "lesson")
    game = Game(scenario, seed)
    drafter = drafter_for(strategy, seed, scenario)
    while game.phase != END:
        game.apply(drafter.choose(game))
    return game


def _independent_count(game) -> tuple[int, int, int, int]:
    """The matches counted from the files themselves: record.yaml's clauses for each adopted vote's
    year, and the cards' ``historical:`` responses (or record.yaml's own answers)."""
    raw, _ = load_file(str(LEVELS / game.scenario.id / "record.yaml"))
    real = {r["mandate"]: {d: c["option"] for d, c in r["clauses"].items()} for r in raw["resolutions"]}
    answers = {}
    for path in sorted((LEVELS / game.scenario.id / "cards").glob("*.yaml")):
        data, _ = load_file(str(path))
        answers |= {c["id"]: c["historical"]["response"] for c in data["cards"] if "historical" in c}
    answers |= {k: v["response"] for k, v in (raw.get("cards") or {}).items()}
    matched = compared = 0
    for vote in game.votes:
        year = real.get(min(vote.quarter // 4 + 1, game.scenario.years)) if vote.adopted else None
        for dim, option in (year or {}).items():
            compared += 1
            matched += vote.draft[dim] == option
    cards = [e for e in game.journal if e["kind"] == "card" and e["card"] in answers]
    return matched, compared, sum(e["response"] == answers[e["card"]] for e in cards), len(cards)


@pytest.mark.parametrize("strategy", ["regional-transition", "historical", "status-quo"])
def test_the_match_count_is_the_files_own(strategy: str) -> None:
    from game import i18n
    from game.journal import record_count, record_matches

    game = _played(strategy, seed=77)
    counted = record_matches(game)
    assert counted == _independent_count(game)
    assert counted[1] == 18  # two adopted renewals of nine clauses in the lesson
    if strategy == "historical":
        assert counted[0] == counted[1] and counted[2] == counted[3] > 0
    else:
        assert counted[0] < counted[1]
    text = record_count(game, "fr")
    assert text.startswith(i18n.plural("j_record_count_clauses", counted[0], "fr", total=counted[1]))
    assert f"{counted[0]} clause" in text and f"sur {counted[1]}" in text


def test_each_clause_and_card_answer_carries_the_record_in_french() -> None:
    from game import i18n
    from game.engine.defs import tr
    from game.journal import record_note
    from game.sim.record import load_record

    game = _played("regional-transition", seed=77)
    sc = game.scenario
    record = load_record(sc)
    clauses = [e for e in game.journal if e["kind"] == "choose"]
    assert clauses
    for e in clauses:
        res = record.resolution(e["q"] // 4 + 1)
        assert res is not None
        note = record_note(game, e, "fr")
        real = res.options[e["dimension"]]
        if e["option"] == real:
            assert note == i18n.text("j_record_same", "fr", number=res.number, year=res.date[:4])
        else:
            assert note.startswith(f"Dans les faits (résolution {res.number}, {res.date[:4]})\u00a0: ")
            assert str(res.number) in note and tr(sc.dimension(e["dimension"]).option(real).label, "fr") in note
            assert res.why[e["dimension"]]["fr"] in note
    cards = [e for e in game.journal if e["kind"] == "card" and sc.card(e["card"]).historical]
    assert cards
    for e in cards:
        card = sc.card(e["card"])
        note = record_note(game, e, "fr")
        assert card.historical_why["fr"] in note and tr(card.historical_source, "fr") in note
        if e["response"] != card.historical:
            assert tr(card.response(card.historical).label, "fr").rstrip(".") in note
    others = [e for e in game.journal if e["kind"] in ("vote", "end")]
    assert others and all(record_note(game, e, "fr") == "" for e in others)


def test_a_scenario_without_a_record_says_nothing_of_it() -> None:
    from game.journal import record_count, record_note

    game = _played("status-quo", name="tutorial")
    assert record_count(game, "en") == ""
    assert all(record_note(game, e, "en") == "" for e in game.journal)


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_the_terminal_debrief_shows_the_record_in_french() -> None:
    from terminal_support import play

    from game import i18n
    from game.journal import record_count, record_note

    terminal, out, _s = play(["1"] * 600, lang="fr")
    g = terminal.game
    shown = _squash(out.rsplit(i18n.text("tab_journal", "fr"), 1)[1])  # the debrief's journal, to its end
    notes = [record_note(g, e, "fr") for e in g.journal]
    assert any(notes)
    for note in filter(None, notes):
        assert _squash(note) in shown
    assert _squash(record_count(g, "fr")) in shown


def test_the_report_holds_the_record_in_french() -> None:
    from game.journal import record_count, record_note
    from game.report import gather
    from game.report.html import _e, render_html

    game = _played("regional-transition", seed=77)
    html = render_html(gather([("", game)], "fr"))
    notes = [record_note(game, e, "fr") for e in game.journal if record_note(game, e, "fr")]
    assert len(notes) >= 3
    for note in notes:
        assert f'<div class="record">{_e(note)}</div>' in html
    assert f'<p class="record-count">{_e(record_count(game, "fr"))}</p>' in html


@pytest.mark.parametrize("size, step", [("1024x600", 3), ("1280x720", 1)])
def test_the_window_s_journal_shows_the_record_in_french_and_keeps_it_inside(tmp_path: Path, size: str, step: int) -> None:
    import pygame
    from ui_support import key, make_app, text_outside

    from game.journal import record_count, record_note
    from game.session import Session
    from game.ui.views.debrief import DebriefView

    app = make_app(tmp_path / "data", size, "fr", step)
    game = _played("regional-transition", seed=77)
    app.session = Session(game, "after-algiers", None, None)
    view = DebriefView(app)
    app.nav.switch_screen(view)
    view.command("tab", "journal")
    frame = app.draw()
    assert text_outside(frame) == []
    first = [rec.text for rec in frame.texts]
    seen = [" ".join(first)]
    for _ in range(40):  # page the list down to its end, every page inside its boxes and its list
        app.handle(key(pygame.K_PAGEDOWN))
        frame = app.draw()
        assert text_outside(frame) == []
        listed = frame.lists["journal"].rect
        assert all(listed.contains(rec.rect) for rec in frame.texts if listed.colliderect(rec.rect))
        seen.append(" ".join(rec.text for rec in frame.texts))
    shown = _squash(" ".join(seen))
    assert _squash(record_count(game, "fr")) in _squash(" ".join(first))  # at the top of the journal
    notes = [n for n in (record_note(game, e, "fr") for e in game.journal) if n]
    assert len(notes) >= 3
    for note in notes:
        assert _squash(note) in shown, note


def test_a_lesson_reads_its_years_of_the_record_and_the_full_game_all_of_them() -> None:
    """A lesson plays the first years: its record holds those (the later resolutions are the full
    game's, not a mistake), and reading it first leaves the full scenario's record whole."""
    from game import story
    from game.engine.defs import at_length

    full = load_scenario(LEVELS / "after-algiers").scenario
    lesson = at_length(full, "lesson")
    assert [r.mandate for r in load_record(lesson).resolutions] == [1, 2]
    assert story.scenario_record(lesson) is not None and story.scenario_record(lesson).resolution(3) is None
    whole = story.scenario_record(full)
    assert whole is not None and [r.number for r in whole.resolutions] == [2227, 2295, 2364, 2423]


# --- the record's source lines, in the player's language --------------------------------------
SOURCE_FORMS = ["S/RES/2227 (2015)", {"en": "UN SG report on Mali, December 2015", "fr": "Rapport du Secrétaire général"
                                             " de l'ONU sur le Mali, décembre 2015"}]


@pytest.mark.parametrize("source", SOURCE_FORMS)
def test_a_record_source_is_a_plain_line_or_a_line_per_language(source: object) -> None:
    """A card's ``historical: source:`` and a record.yaml card answer's ``source``: the two forms of
    a card's sources, for the loader and for an editor's schema; English required."""
    historical = {**CARD["cards"][0]["historical"], "source": source}
    data = {"cards": [CARD["cards"][0] | {"historical": historical}]}
    parsed = CardFile.model_validate(data).cards[0].historical
    expected = source if isinstance(source, dict) else {"en": source}
    assert parsed is not None and parsed.source == expected
    assert list(Draft202012Validator(file_schema("card")).iter_errors(data)) == []
    answer = {"response": "a", "why": "The Council did.", "source": source}
    assert CardAnswer.model_validate(answer).source == expected
    record = {"resolutions": [], "cards": {"a-card": answer}, "trajectory": []}
    assert list(Draft202012Validator(file_schema("record")).iter_errors(record)) == []
    for wrong in ({"fr": "Sans anglais, décembre 2015"}, {"en": "UN SG report", "fr": 7}, 7):
        with pytest.raises(ValidationError):
            CardFile.model_validate({"cards": [CARD["cards"][0] | {"historical": {**historical, "source": wrong}}]})
        with pytest.raises(ValidationError):
            CardAnswer.model_validate({**answer, "source": wrong})
    assert list(Draft202012Validator(file_schema("record")).iter_errors(
        {"resolutions": [], "cards": {"a-card": {**answer, "source": 7}}, "trajectory": []})) != []


def _record_answers(root: Path, answers: dict[str, tuple[str, object]]) -> None:
    """Give the copy's after-algiers/record.yaml its own answers to cards: {card: (response, source)}."""
    import json

    path = root / "after-algiers" / "record.yaml"
    block = "cards:\n" + "".join(f"  {card}:\n    response: {resp}\n    why: {{en: The Council did so., fr: Le Conseil l'a fait.}}\n"
                                 f"    source: {json.dumps(source, ensure_ascii=False)}\n" for card, (resp, source) in answers.items())
    text = path.read_text(encoding="utf-8")
    assert "\ntrajectory:\n" in text
    path.write_text(text.replace("\ntrajectory:\n", "\n" + block + "\ntrajectory:\n", 1), encoding="utf-8")


def test_the_journal_shows_the_record_s_source_in_the_player_s_language(tmp_path: Path) -> None:
    """« … les pactes d'Anéfis d'octobre 2015 (UN Secretary-General's report on Mali, December 2015) »:
    the French journal showed a card's source in English. A line per language shows the player's
    (a card's ``historical:`` or record.yaml's own answer), a plain line shows as written in every
    language, and a line with no French shows its English."""
    import shutil

    from game.engine.defs import tr
    from game.engine.game import Game
    from game.journal import record_note

    root = tmp_path / "levels"
    shutil.copytree(LEVELS, root)
    council = root / "after-algiers" / "cards" / "council.yaml"  # a card's historical source with no French
    text = council.read_text(encoding="utf-8")
    french = "        fr: \"PassBlue, juin 2017\u202f; Assemblée générale des Nations unies, budget pour 2017-2018\"\n"
    assert french in text
    council.write_text(text.replace(french, "", 1), encoding="utf-8")
    shipped = load_scenario(LEVELS / "after-algiers").scenario
    free = [c for c in shipped.cards if not c.historical][:3]
    _record_answers(root, {free[0].id: (free[0].responses[0].id, {"en": "UN SG report S/2016/281 (April 2016), on Kidal",
                                                                      "fr": "Rapport du Secrétaire général S/2016/281 (avril 2016), sur Kidal"}),
                           free[1].id: (free[1].responses[0].id, "S/RES/2295 (2016)"),
                           free[2].id: (free[2].responses[0].id, {"en": "UN meetings coverage SC/12426"})})
    loaded = load_scenario(root / "after-algiers")
    assert loaded.scenario is not None and [p.shown() for p in loaded.problems if p.code == "F401"] == []
    game = Game(loaded.scenario, 1)

    def note(card: str, lang: str, answer: int = 1) -> str:
        response = game.scenario.card(card).responses[answer - 1].id
        return record_note(game, {"kind": "card", "card": card, "response": response, "q": 0}, lang)

    anefis = game.scenario.card("aa-anefis-clashes")  # a card's own historical answer, in English and French
    assert tr(anefis.historical_source, "fr") == "Rapport du Secrétaire général de l'ONU sur le Mali, décembre 2015"
    for answer in (1, 2):  # the class chose as the Council did, or not
        assert "(Rapport du Secrétaire général de l'ONU sur le Mali, décembre 2015)" in note(anefis.id, "fr", answer)
        assert "UN Secretary-General" not in note(anefis.id, "fr", answer)
        assert "(UN Secretary-General's report on Mali, December 2015)" in note(anefis.id, "en", answer)
    for lang in ("en", "fr"):
        assert "(S/RES/2295 (2016))" in note("aa-regional-proposal", lang)  # a plain line, as written
        assert "(PassBlue, June 2017; UN General Assembly budget for 2017/18)" in note("aa-us-budget", lang)  # no French: English
    assert "(Rapport du Secrétaire général S/2016/281 (avril 2016), sur Kidal)" in note(free[0].id, "fr")
    assert "(UN SG report S/2016/281 (April 2016), on Kidal)" in note(free[0].id, "en")
    assert "Le Conseil l'a fait." in note(free[0].id, "fr")
    for lang in ("en", "fr"):
        assert "(S/RES/2295 (2016))" in note(free[1].id, lang)
        assert "(UN meetings coverage SC/12426)" in note(free[2].id, lang)
