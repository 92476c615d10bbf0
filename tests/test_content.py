"""The bundled campaign: enough cards, sourced, reachable, and real dilemmas."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content.loader import load_scenario, scenario_folders
from game.engine.conditions import always
from game.engine.defs import Card, Response, Scenario
from game.engine.world import SIGNATORY_PAIRS, SPOILERS, pair_key

LEVELS = Path(__file__).resolve().parent.parent / "levels"
BAD_PREFIXES = ("violence.", "displacement.")
BAD = {"mission.casualties", "mission.budget"} | {f"strength.{s}" for s in SPOILERS}
SIGNATORY_RELATIONS = {pair_key(a, b) for a, b in SIGNATORY_PAIRS}


@pytest.fixture(scope="module")
def scenarios() -> list[Scenario]:
    out = []
    for folder in scenario_folders(LEVELS):
        loaded = load_scenario(folder)
        assert loaded.scenario is not None and not loaded.problems, folder
        out.append(loaded.scenario)
    return out


def all_cards(scenarios: list[Scenario]) -> dict[str, Card]:
    return {c.id: c for sc in scenarios for c in sc.cards}


def polarity(quantity: str) -> int:
    """+1 when more is better for the people and the peace, -1 when less is, 0 when it depends."""
    if quantity.startswith(BAD_PREFIXES) or quantity in BAD:
        return -1
    if quantity.startswith("relation."):
        return 1 if quantity in SIGNATORY_RELATIONS else 0
    return 0 if quantity.startswith("strength.") else 1


def total_effects(response: Response) -> dict[str, int]:
    effects = dict(response.effects)
    for later in response.delayed:
        for quantity, change in later.effects.items():
            effects[quantity] = effects.get(quantity, 0) + change
    return effects


def test_the_campaign_has_four_scenarios_and_120_sourced_cards(scenarios: list[Scenario]) -> None:
    assert {sc.id for sc in scenarios} == {"tutorial", "after-algiers", "serval-to-minusma", "consent"}
    cards = all_cards(scenarios)
    assert len(cards) >= 120
    assert all(card.sources for card in cards.values())
    undated = [c.id for c in cards.values()
               if c.start is None and c.end is None and not c.mandates and c.condition is always and not c.follow_up_only]
    assert undated == []  # every card is dated, phased or gated by a condition


def test_at_least_ten_chains_and_every_follow_up_is_reachable(scenarios: list[Scenario]) -> None:
    for sc in scenarios:
        queued = {f.card for c in sc.cards for r in c.responses for f in r.follow_ups}
        unreachable = [c.id for c in sc.cards if c.follow_up_only and c.id not in queued]
        assert not unreachable, (sc.id, unreachable)
    cards = all_cards(scenarios)
    chains = {(c.id, f.card) for c in cards.values() for r in c.responses for f in r.follow_ups}
    assert len(chains) >= 10


def test_no_response_is_best_on_every_measure(scenarios: list[Scenario]) -> None:
    dominant = []
    for card in all_cards(scenarios).values():
        effects = [(r, total_effects(r)) for r in card.responses]
        if any(r.follow_ups for r in card.responses):
            continue  # a follow-up is a consequence the numbers do not show
        measures = {q for _r, e in effects for q in e if polarity(q)}
        for response, mine in effects:
            if all(all(polarity(q) * mine.get(q, 0) >= polarity(q) * theirs.get(q, 0) for q in measures)
                   for other, theirs in effects if other is not response):
                dominant.append(f"{card.id}.{response.id}")
    assert dominant == []


def test_scenarios_carry_their_teaching_material(scenarios: list[Scenario]) -> None:
    for sc in scenarios:
        assert 3 <= len(sc.objectives) <= 5, sc.id
        assert 5 <= len(sc.questions) <= 8, sc.id
        assert sc.history.get("en") and sc.sources, sc.id
        for year, seats in sc.seats.items():
            assert len(set(seats)) == 15, (sc.id, year)
    bilingual = [sc for sc in scenarios if sc.id in ("tutorial", "after-algiers")]
    for sc in bilingual:
        assert all(c.title.get("fr") and c.text.get("fr") for c in sc.cards), sc.id


# --- no anachronisms: a text never cites a year or a resolution later than the scene it is in ---
YEAR = re.compile(r"(?<!\d)(19\d\d|20[0-2]\d)(?!\d)")
NUMBER = re.compile(r"(?<![\d/.,])(\d{4})(?![\d,])")
# The resolutions our texts cite, with the year each was adopted (UN press releases).
RESOLUTION_YEARS = {"1904": 2009, "2085": 2012, "2100": 2013, "2133": 2014, "2164": 2014, "2227": 2015,
                    "2295": 2016, "2320": 2016, "2359": 2017, "2364": 2017, "2374": 2017, "2391": 2017,
                    "2423": 2018, "2480": 2019, "2531": 2020, "2584": 2021, "2640": 2022, "2690": 2023}


def latest_year_cited(texts: list[str]) -> tuple[int, str]:
    """The latest year a set of texts names, directly or through a resolution number, and where."""
    best = (0, "")
    for text in texts:
        years = [int(y) for y in YEAR.findall(text)]
        years += [RESOLUTION_YEARS[n] for n in NUMBER.findall(text) if n in RESOLUTION_YEARS]
        if years and max(years) > best[0]:
            best = (max(years), text[:90])
    return best


def langs(*texts: dict[str, str]) -> list[str]:
    return [s for t in texts for s in t.values()]


def card_texts(card: Card) -> list[str]:
    out = langs(card.title, card.text) + [line for source in card.sources for line in source.values()]
    for r in card.responses:
        out += langs(r.label, r.why) + [s for d in r.delayed for s in d.note.values()]
    return out


def first_shown(sc: Scenario) -> dict[str, int]:
    """Each card's earliest possible date (month index) in this scenario; follow-ups from their causes."""
    quarters = [sc.start + 3 * q for q in range(4 * sc.years)]
    first: dict[str, int] = {}
    for card in sc.cards:
        if card.follow_up_only:
            continue
        for q, date in enumerate(quarters):
            if ((card.start is None or date >= card.start) and (card.end is None or date <= card.end)
                    and (not card.mandates or q // 4 + 1 in card.mandates)):
                first[card.id] = date
                break
    changed = True
    while changed:  # chains: a follow-up of a follow-up
        changed = False
        for card in sc.cards:
            if card.id not in first:
                continue
            for r in card.responses:
                for f in r.follow_ups:
                    due = first[card.id] + 3 * f.after
                    if due <= quarters[-1] and due < first.get(f.card, due + 1):
                        first[f.card] = due
                        changed = True
    return first


def test_no_card_cites_a_later_year_than_it_can_be_shown_in(scenarios: list[Scenario]) -> None:
    late = []
    for sc in scenarios:
        for card_id, date in first_shown(sc).items():
            year, where = latest_year_cited(card_texts(sc.card(card_id)))
            if year > date // 12:
                late.append((sc.id, card_id, date // 12, year, where))
    assert late == []


def test_clauses_and_council_reasons_cite_nothing_later_than_their_vote(scenarios: list[Scenario]) -> None:
    late = []
    for sc in scenarios:
        start_year = sc.start // 12
        for dim in sc.dimensions:
            texts = langs(dim.label, dim.help) + [s for o in dim.options for s in langs(o.label, o.summary)]
            year, where = latest_year_cited(texts)
            if year > start_year:
                late.append((sc.id, dim.id, start_year, year, where))
        for k in range(sc.years):
            vote_year = start_year + k
            for m in sc.council(vote_year):
                texts = langs(m.wants, m.trade) + [s for p in m.preferences for s in p.why.values()]
                texts += [s for c in m.concerns for s in c.why.values()]
                year, where = latest_year_cited(texts)
                if year > vote_year:
                    late.append((sc.id, m.id, vote_year, year, where))
        year, where = latest_year_cited(langs(sc.summary))  # the briefing may name the years the game covers
        if year > (sc.start + 12 * sc.years) // 12:
            late.append((sc.id, "summary", start_year, year, where))
    assert late == []


# Actors and operations named only from the month they existed (fact reference, timeline and actors).
FOUNDED = {"JNIM": (2017, 3), "Jama'at Nusrat": (2017, 3), "Islamic State in the Greater Sahara": (2015, 5),
           "ISGS": (2015, 5), "Barkhane": (2014, 8), "GATIA": (2014, 8), "G5 Sahel": (2014, 2),
           "Wagner": (2021, 12), "Takuba": (2020, 3), "CSP": (2021, 5), "Dan Na Ambassagou": (2016, 12)}


def test_cards_name_actors_only_once_they_exist(scenarios: list[Scenario]) -> None:
    early = []
    for sc in scenarios:
        for card_id, date in first_shown(sc).items():
            text = " ".join(card_texts(sc.card(card_id)))
            for name, (year, month) in FOUNDED.items():
                if re.search(rf"\b{re.escape(name)}\b", text) and date < year * 12 + month - 1:
                    early.append((sc.id, card_id, name))
    assert early == []
