"""The Council on the record: each preference and concern holds in its own years, and `check`
refuses a reason that speaks of a later year than the vote it is given at (R217)."""

from __future__ import annotations

from pathlib import Path

from conftest import problems_after_edit

from game.content.loader import levels_root, load_scenario
from game.engine import council
from game.engine.defs import Member, Preference
from game.engine.game import Game


def _member(*prefs: Preference) -> Member:
    return Member("m", {"en": "M"}, False, False, 0, {"en": ""}, {"en": ""}, prefs)


def test_a_preference_counts_only_in_its_years() -> None:
    later = Preference("rights.public-reporting", -2, {"en": "after the coups"}, 2021, 2023)
    member = _member(later)
    draft = {"rights": "public-reporting"}
    assert council.stance(member, draft, {}, {"time.year": 2020}).score == 0
    assert council.stance(member, draft, {}, {"time.year": 2021}).score == -2
    assert council.stance(member, draft, {}, {"time.year": 2024}).score == 0
    # A trade can only buy off an objection that holds in the year of the vote.
    assert council.trade_cost(member, draft, "rights", 2020) == 0
    assert council.trade_cost(member, draft, "rights", 2022) == 2


def test_china_and_russia_worry_about_consent_only_after_the_coups() -> None:
    consent = load_scenario(levels_root() / "consent").scenario
    assert consent is not None
    china = consent.member("china")
    low = dict(Game(consent, 1).values) | {"mission.consent": 40, "time.year": 2021}
    reasons_2021 = {r.why["en"] for r in council.stance(china, dict(consent.current_mandate), {}, low).reasons}
    reasons_2022 = {r.why["en"] for r in council.stance(china, dict(consent.current_mandate), {}, low | {"time.year": 2022}).reasons}
    after_the_coups = next(c.why["en"] for c in china.concerns if c.first_year == 2022)
    assert after_the_coups not in reasons_2021 and after_the_coups in reasons_2022


def test_a_reason_from_the_future_is_refused(tmp_path: Path) -> None:
    problems, lines = problems_after_edit(tmp_path, "common/council/china.yaml", "    from: 2022\n", "", "after-algiers", "R217")
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.path.endswith("china.yaml") and lines[problem.line - 1].strip().startswith("why:")
    assert "2020" in problem.message and "2015" in problem.message
