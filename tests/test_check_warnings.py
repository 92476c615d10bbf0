"""``check``'s warnings (W codes): each silent mistake of issue 13 at its file and line.

A copy of the tutorial, made three mandate years long, gets cards that each trip one warning (a
comment on the line names it), and cards that look alike but are right and must stay quiet.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.content import check
from game.content.check import check_paths
from game.content.problems import Problem
from game.content.warnings import CODES, reversed_sign

LEVELS = Path(__file__).resolve().parent.parent / "levels"
README = LEVELS / "README.md"


def card(cid: str, extra: str = "", effects: str = "{violence.gao: -2}", label: str = "Do a",
         title: str = "", text: str = "Something happens.") -> str:
    return f"""
  - id: {cid}
    title:
      en: {title or cid.replace('-', ' ').capitalize()}
      fr: {cid}
    text:
      en: {text}
      fr: Il se passe quelque chose.
    sources: ["for tests"]{extra}
    responses:
      - id: a
        label:
          en: {label}
          fr: Faire a
        why: {{en: Because, fr: Parce que}}
        effects: {effects}
      - {{id: b, label: {{en: Do b, fr: Faire b}}, why: {{en: Because, fr: Parce que}}}}"""


LONG_TEXT = " ".join(["word"] * 230)
LONG_LABEL = " ".join(["step"] * 40)
LONG_TITLE = "A" * 90

CARDS = "cards:" + "".join([
    card("w-late", "\n    from: 2019-01  # W501-late"),
    card("w-between", "\n    from: 2015-07  # W501-between\n    until: 2015-08"),
    card("w-mandate", "\n    mandates: [4]  # W502-mandate"),
    card("w-mandate-months", "\n    from: 2015-06\n    until: 2016-03\n    mandates: [2, 3]  # W502-meet"),
    card("w-range", '\n    when: "violence.gao > 100"  # W503-range'),
    card("w-clash", "\n    when:  # W503-clash\n      all:\n        - {quantity: violence.gao, op: \">\", value: 60}"
                    "\n        - {quantity: violence.gao, op: \"<\", value: 40}"),
    card("w-time", '\n    when: "time.mandate > 3 or time.year < 2015"  # W503-time'),
    card("w-orphan", "\n    follow_up_only: true  # W504-orphan"),
    card("w-ignored", "\n    follow_up_only: true\n    when: \"violence.gao > 10\"  # W505-when\n    from: 2016-03  # W505-from"),
    card("w-brings", "", effects="{violence.gao: -2}\n        follow_up: [{card: w-ignored, after: 1}]"),
    card("w-long", title=LONG_TITLE, text=LONG_TEXT, label=LONG_LABEL),
    card("w-strong", effects="{violence.gao: 60}  # W507-strong"),
    card("w-savings", label="Accept savings on logistics", effects="{mission.budget: 30}  # W508-savings"),
    card("w-troops", label="Send more troops to Gao", effects="{mission.troops: -500}  # W508-troops"),
    card("w-dead", effects="{mission.casualties: -2}  # W508-dead"),
    card("w-event", "\n    from: 2016-03", title="An ambush near Kidal"),
    # Right, though they look like the ones above: none of these may warn.
    card("ok-fund", label="Fund the contractors from a trust fund", effects="{mission.budget: -20}"),
    card("ok-cut-convoys", label="Cut the number of road convoys", effects="{mission.budget: 40}"),
    card("ok-hold", '\n    when: "not violence.gao > 100 and violence.gao >= 100"\n    mandates: [3]\n    from: 2017-06'),
    card("ok-other-event", "\n    from: 2016-03", title="Talks open in Algiers"),
]) + "\n"

DECK = "cards:" + card("deck-ambush", "\n    from: 2016-03  # deck-ambush", title="Ambush near Kidal") + "\n"


def line_of(path: Path, fragment: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def tutorial_copy(folder: Path, *, also: str = "", years: int = 1, renamed: bool = False) -> Path:
    """A copy of the tutorial at ``folder`` that reads the shipped common deck (and ``also``),
    ``years`` long; ``renamed`` gives it the folder's name as its id."""
    shutil.copytree(LEVELS / "tutorial", folder)
    scenario = folder / "scenario.yaml"
    text = scenario.read_text(encoding="utf-8")
    if renamed:
        text = text.replace("id: tutorial", f"id: {folder.name}", 1)
    text = text.replace("uses: [../common]", f"uses: [{(LEVELS / 'common').as_posix()}{also}]").replace("years: 1\n", f"years: {years}\n")
    scenario.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture()
def lab(tmp_path: Path) -> Path:
    """The tutorial, three years long, reading a shared deck and the cards above."""
    folder = tutorial_copy(tmp_path / "lab", also=", ../deck", years=3)
    (tmp_path / "deck" / "cards").mkdir(parents=True)
    (tmp_path / "deck" / "cards" / "deck.yaml").write_text(DECK, encoding="utf-8")
    (folder / "cards" / "tutorial.yaml").write_text(CARDS, encoding="utf-8")
    return folder


def warned(report: check.Report, code: str, path: Path) -> list[Problem]:
    return [w for w in report.warnings if w.code == code and Path(w.path) == path]


MARKED = [("W501", "W501-late", "2019-01"), ("W501", "W501-between", "between 2015-07 and 2015-08"),
          ("W502", "W502-mandate", "3 mandate years"), ("W502", "W502-meet", "never meet"),
          ("W503", "W503-range", "violence.gao ranges from 0 to 100"), ("W503", "W503-clash", "violence.gao"),
          ("W503", "W503-time", "time.mandate ranges from 1 to 3; time.year ranges from 2015 to 2018"), ("W504", "W504-orphan", "no response brings"),
          ("W505", "W505-when", "'when' is ignored"), ("W505", "W505-from", "'from' is ignored"),
          ("W507", "W507-strong", "+60 to violence.gao"), ("W508", "W508-savings", "save money"),
          ("W508", "W508-troops", "add troops"), ("W508", "W508-dead", "never goes down")]


@pytest.mark.parametrize(("code", "marker", "words"), MARKED, ids=[m[1] for m in MARKED])
def test_each_warning_is_on_the_line_of_its_mistake(lab: Path, code: str, marker: str, words: str) -> None:
    report = check_paths([lab])
    path = lab / "cards" / "tutorial.yaml"
    mine = [w for w in warned(report, code, path) if w.line == line_of(path, marker)]
    assert len(mine) == 1, "\n".join(map(str, report.warnings))
    assert words in mine[0].message, mine[0]


def test_texts_over_the_guides_lengths(lab: Path) -> None:
    path = lab / "cards" / "tutorial.yaml"
    report = check_paths([lab])
    got = {(w.line, w.message.split(":")[0]) for w in warned(report, "W506", path)}
    assert got == {(line_of(path, LONG_TITLE), "the title (en) has 90 characters"),
                   (line_of(path, LONG_TEXT), "the text (en) has 230 words"),
                   (line_of(path, LONG_LABEL), "response 'a' (en) has 40 words")}, got


def test_two_cards_on_one_event_across_the_scenario_and_the_shared_deck(lab: Path) -> None:
    report = check_paths([lab])
    path = lab / "cards" / "tutorial.yaml"
    [same] = warned(report, "W509", path)
    assert same.line == line_of(path, "id: w-event") + 1  # its title
    deck = lab.parent / "deck" / "cards" / "deck.yaml"
    assert f"'deck-ambush' ({deck}:{line_of(deck, 'id: deck-ambush')})" in same.message, same


def test_what_is_right_stays_quiet(lab: Path) -> None:
    report = check_paths([lab])
    text = (lab / "cards" / "tutorial.yaml").read_text(encoding="utf-8").splitlines()
    first_ok = next(i for i, line in enumerate(text, 1) if "id: ok-fund" in line)
    assert [str(w) for w in report.warnings if w.line >= first_ok] == []
    assert report.problems == [], "\n".join(map(str, report.problems))
    # exactly the warnings planted: nothing on w-brings, nothing twice
    assert len(report.warnings) == len(MARKED) + 3 + 1, "\n".join(map(str, report.warnings))


def test_exit_codes_summary_and_json(lab: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check.run([str(lab)], as_json=False) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"1 scenario, {CARDS.count(chr(10) + '  - id: ') + 1} cards, 0 problems, {len(MARKED) + 4} warnings"
    assert sum(" W5" in line for line in out) == len(MARKED) + 4
    assert check.run([str(lab)], as_json=False, strict=True) == 1
    capsys.readouterr()
    assert check.run([str(lab)], as_json=True) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["problems"] == [] and len(data["warnings"]) == len(MARKED) + 4
    assert {"path", "line", "col", "code", "message"} <= set(data["warnings"][0])


def test_the_shipped_levels_give_no_warning() -> None:
    report = check_paths([LEVELS])
    assert report.problems == [] and report.warnings == [], "\n".join(map(str, report.warnings))
    assert check.run([str(LEVELS)], as_json=False, strict=True) == 0


def test_a_shared_card_warns_only_if_no_scenario_checked_draws_it(tmp_path: Path) -> None:
    """A deck shared by a one-year and a three-year scenario: its 2017 card is for the longer one."""
    (tmp_path / "deck" / "cards").mkdir(parents=True)
    (tmp_path / "deck" / "cards" / "deck.yaml").write_text("cards:" + card("deck-late", "\n    from: 2017-06") + "\n", encoding="utf-8")
    for name, years in (("short", 1), ("long", 3)):
        folder = tutorial_copy(tmp_path / name, also=", ../deck", years=years, renamed=True)
        (folder / "cards" / "tutorial.yaml").write_text("cards:" + card(f"{name}-own") + "\n", encoding="utf-8")
    [alone] = check_paths([tmp_path / "short"]).warnings
    assert alone.code == "W501" and Path(alone.path).name == "deck.yaml" and "shared folder" in alone.message, alone
    assert check_paths([tmp_path / "short", tmp_path / "long"]).warnings == []
    assert check_paths([tmp_path]).warnings == []


def test_sign_rule_is_conservative() -> None:
    assert reversed_sign("mission.budget", -20, "Fund mine-protected vehicles") == ""
    assert reversed_sign("mission.budget", -20, "Pay the contractors from a trust fund") == ""
    assert reversed_sign("mission.budget", 40, "Cut the number of road convoys") == ""
    assert reversed_sign("mission.budget", -60, "Accept savings on logistics") == ""
    assert reversed_sign("mission.budget", 60, "Accept budget cuts in aviation") != ""
    assert reversed_sign("mission.troops", 800, "Repatriate units that fail UN standards") != ""
    assert reversed_sign("mission.troops", -800, "Reinforce the mission's camp") == ""
    assert reversed_sign("violence.gao", 5, "Call for a ceasefire") == ""  # violence: words cannot judge
    assert reversed_sign("council.capital", 2, "Spend political capital on a trade") != ""


@pytest.mark.parametrize(("quantity", "change", "label", "plain"), [
    ("mission.troops", 300, "Refuse to withdraw: send two more battalions to Kidal.", "Withdraw two battalions from Kidal."),
    ("mission.troops", 300, "Do not repatriate the units; ask for 300 more troops.", "Repatriate the units."),
    ("mission.troops", 300, "Stop the withdrawal of the Swedish unit and reinforce Kidal.", "Accept the withdrawal of the Swedish unit."),
    ("mission.budget", 15, "Reject budget cuts and add helicopters.", "Accept budget cuts and add helicopters."),
    ("mission.troops", 300, "Ne pas retirer les troupes de Kidal.", "Retirer les troupes de Kidal."),
])
def test_words_turned_round_or_pointing_both_ways_are_not_judged(quantity: str, change: int, label: str, plain: str) -> None:
    # A trainer's correct card, flagged by a warning they cannot silence, fails --strict; the
    # same effect beside the plain phrase is still warned.
    assert reversed_sign(quantity, change, label) == ""
    assert reversed_sign(quantity, change, plain) != ""


def test_every_warning_code_is_in_the_guide() -> None:
    guide = README.read_text(encoding="utf-8")
    for code in CODES:
        assert f"`{code}`" in guide, code


CHINA_SOURCES = '''sources:
  - "UN press release SC/99999 (2017): planted, shown in 2015"  # W510-plain
  - line:
      en: "Press reports, June 2016: planted, dated too early"  # W510-dated
      fr: "Presse, juin 2016 : planté, daté trop tôt"
    from: 2015
  - line: "UN press release SC/99998 (2017): dated from its year"
    from: 2017
  - "A contingent in Gao, 2013–2023"
  - "UN press release on Resolution 2085 (2012)"
'''


@pytest.fixture()
def council_lab(tmp_path: Path) -> Path:
    """The shipped levels with China's sources replaced by the lines above: two shown at a vote
    before a year they name, and three that are right (dated from their year, a span, a resolution
    number)."""
    levels = tmp_path / "levels"
    shutil.copytree(LEVELS, levels)
    china = levels / "common" / "council" / "china.yaml"
    text = china.read_text(encoding="utf-8")
    china.write_text(text[:text.index("sources:")] + CHINA_SOURCES, encoding="utf-8")
    return levels


def test_a_member_s_source_that_names_a_later_year_than_a_vote_it_is_shown_at(council_lab: Path) -> None:
    china = council_lab / "common" / "council" / "china.yaml"
    report = check_paths([council_lab / "tutorial", council_lab / "consent"])
    assert [p for p in report.problems if Path(p.path) == china] == [], "\n".join(map(str, report.problems))
    got = sorted((w.line, w.message) for w in warned(report, "W510", china))
    assert [line for line, _ in got] == [line_of(china, "W510-plain"), line_of(china, "W510-dated") - 1]
    assert "names 2017 but is shown at the vote of 2015" in got[0][1] and "'from: 2017'" in got[0][1]
    assert "names 2016 but is shown at the vote of 2015" in got[1][1]
    assert [w for w in report.warnings if w.code != "W510"] == []


def test_a_source_warns_at_the_earliest_vote_of_the_scenarios_checked(council_lab: Path) -> None:
    """Consent seats China from 2021 only, so no line of 2016 or 2017 is a mistake there; checked
    with every scenario, each line warns once, at the first vote that shows it: 2013 for the plain
    one (Serval to MINUSMA), 2015 for the one dated from 2015."""
    china = council_lab / "common" / "council" / "china.yaml"
    assert warned(check_paths([council_lab / "consent"]), "W510", china) == []
    every = sorted((w.line, w.message) for w in warned(check_paths([council_lab]), "W510", china))
    assert len(every) == 2, every
    assert "names 2017 but is shown at the vote of 2013" in every[0][1]
    assert "names 2016 but is shown at the vote of 2015" in every[1][1]


def test_a_delayed_effect_or_follow_up_due_after_the_last_quarter_is_warned(tmp_path: Path) -> None:
    # The tutorial has four quarters; a card that comes in its last one cannot bring anything later.
    folder = tutorial_copy(tmp_path / "late")
    late = card("w-late-effect", "\n    from: 2016-03",
                effects="{violence.gao: -2}\n        later:\n          - {after: 1, effects: {violence.gao: 1}}  # W511-later")
    (folder / "cards" / "late.yaml").write_text("cards:" + late + "\n", encoding="utf-8")
    found = [w for w in check_paths([folder]).warnings if w.code == "W511"]
    path = folder / "cards" / "late.yaml"
    assert [(Path(w.path), w.line) for w in found] == [(path, line_of(path, "W511-later"))], found
    assert "quarter 4 of 4" in found[0].message and "never arrives" in found[0].message


CUT_CARDS = """cards:
  - id: w-cut
    title: Camp #2 attacked near Kidal
    text:
      en: Gunmen attack camp #2 at dawn.
      fr: "Des hommes armés attaquent le camp #2 à l'aube."
    sources:
      - UN SG report #4 (2015)
      - "Press wire #5"
    weight: 30  #often
    responses:
      - id: a
        label:
          en: Send a patrol
          fr: Envoyer la patrouille #6
        why: {en: Because, fr: Parce que}
        effects: {violence.gao: -2}
      - id: b
        label: Wait   # a comment, meant as one
        why:
          en: >-
            Hold on #7 is kept in a folded text.
          fr: Parce que
"""


def test_an_unquoted_text_cut_short_by_a_hash_is_warned_at_the_hash(tmp_path: Path) -> None:
    # YAML ends an unquoted text at ' #' and drops the rest as a comment: the card plays, its
    # words cut. Quoted and folded texts keep their '#', and a '# note' after a text is a comment.
    folder = tutorial_copy(tmp_path / "cut")
    path = folder / "cards" / "cut.yaml"
    path.write_text(CUT_CARDS, encoding="utf-8")
    report = check_paths([folder])
    lines = CUT_CARDS.splitlines()
    found = warned(report, "W512", path)
    marks = ((3, "#2 attacked near Kidal", "en"), (5, "#2 at dawn.", "en"), (8, "#4 (2015)", "en"), (15, "#6", "fr"))
    assert [(w.line, w.col) for w in found] == [(n, lines[n - 1].index(mark) + 1) for n, mark, _lang in marks], found
    for w, (_n, mark, lang) in zip(found, marks, strict=True):
        assert f"this text ({lang}) stops before '{mark}'" in w.message, w
    assert "double quotes" in found[0].message
    # (the one-line texts have no French: the tutorial asks for it, and says so)
    assert {p.code for p in report.problems} == {"F401"}, "\n".join(map(str, report.problems))
