"""'w' in the terminal explains any number the current screen shows, and then shows the choices
again."""

from __future__ import annotations

import re

from terminal_support import play

from game import i18n
from game.engine.phases import SUMMARY
from game.frontends.terminal import WHY_KEYS
from game.i18n import describe

LISTED = re.compile(r"^ {4,5}(\d+)\. (.+) = (-?\d+)$", re.M)


def listed(out: str) -> dict[str, int]:
    """The numbers 'w' offered: label -> its number in the list."""
    return {m.group(2): int(m.group(1)) for m in LISTED.finditer(out)}


def test_w_offers_every_number_of_the_briefing_and_explains_one_the_old_list_lacked() -> None:
    terminal, out, _s = play(["w"])  # the briefing's numbers, then the end of input
    offered = listed(out)
    shown = terminal.shown
    assert len(offered) == len(shown) > 16  # not a fixed list of 16
    assert "mission_presence.gao" in shown and "mission_presence.gao" not in WHY_KEYS
    assert "relation.cma.platform" in shown or any(k.startswith("relation.") for k in shown)
    for key in shown:  # every number listed is one the screen printed, with the value it printed
        value = terminal.game.values[key]
        assert offered[describe(key, "en")] == shown.index(key) + 1
        assert f"{describe(key, 'en')} = {value}" in out
    n = offered[describe("mission_presence.gao", "en")]
    _t, out, _s = play(["w", str(n), "1"])
    title = i18n.text("why_title", "en", q=describe("mission_presence.gao", "en"), v=terminal.game.values["mission_presence.gao"])
    assert title in out
    after = out.split(title, 1)[1]
    assert "  1. Continue" in after.split(i18n.text("drafting", "en"))[0]  # the choices, shown again
    assert out.count("  1. Continue") == 2


def test_w_on_the_quarter_summary_lists_the_changes_it_shows() -> None:
    answers = ["1"] * 4  # the briefing, the draft, the vote called, its result: then the quarter
    terminal, out, _s = play(answers)
    while terminal.game.phase != SUMMARY and len(answers) < 20:
        answers.append("1")
        terminal, out, _s = play(answers)
    summary_keys = list(terminal.shown)
    assert summary_keys
    _t, out, _s = play([*answers, "w", "1", "1"])
    summary = out.rsplit(i18n.text("summary", "en", n=terminal.game.quarter + 1), 1)[1]
    assert list(listed(summary)) == [describe(k, "en") for k in summary_keys]
    title = i18n.text("why_title", "en", q=describe(summary_keys[0], "en"), v=terminal.game.values[summary_keys[0]])
    assert title in summary
    explanation = summary.split(title, 1)[1]
    assert re.search(r"^ {4}[+-]\d+ ", explanation, re.M)  # its causes, largest first
    assert "  1. Continue" in explanation


def test_a_screen_without_numbers_offers_the_key_measures() -> None:
    terminal, out, _s = play(["1", "w"])  # the drafting screen shows clauses, no number
    assert terminal.shown == []
    assert list(listed(out.split(i18n.text("drafting", "en"), 1)[1])) == [describe(k, "en") for k in WHY_KEYS]


def test_w_refuses_a_number_not_listed_and_enter_goes_back_to_the_choices() -> None:
    first, _out, _s = play(["w"])
    n = len(first.shown)
    _t, out, _s = play(["w", "999", "", "1"])
    assert i18n.text("term.why_retry", "en", low=1, high=n) in out
    assert "— why?" not in out  # no explanation was asked for
    assert out.count("  1. Continue") == 2  # after Enter: the choices again, and the game goes on
    assert i18n.text("drafting", "en") in out


def test_french_w_prompts() -> None:
    _t, out, _s = play(["w", "x"], lang="fr")
    assert i18n.text("term.why_list", "fr") in out
    assert i18n.text("term.why_pick", "fr", n=len(_t.shown)) in out
    assert "Which number" not in out and "go back" not in out
