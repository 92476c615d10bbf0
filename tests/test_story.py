"""The story between the numbers (game/story.py): what a response did, the Secretary-General's
report, why the game ended, a quarter's highlights; and the screens that tell them."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from ui_support import make_app, playable_tutorial, screens, text_outside

from game import i18n, story
from game.content.check import check_paths
from game.content.loader import levels_root, load_scenario
from game.engine.actions import Respond
from game.engine.defs import Delayed
from game.engine.game import Game
from game.explain import cause_text, effects_text
from game.i18n import month_label
from game.sim.drafters import make_drafter


def scenario(name: str):
    loaded = load_scenario(levels_root() / name)
    assert loaded.scenario is not None, loaded.problems[:3]
    return loaded.scenario


def play_until(game: Game, done, seed: int = 3) -> Game:
    drafter = make_drafter("status-quo", seed)
    for _ in range(2000):
        if done(game) or game.phase == "end":
            break
        game.apply(drafter.choose(game))
    return game


def test_an_authored_outcome_is_told_in_the_players_language():
    sc = scenario("tutorial")
    game = play_until(Game(sc, 3), lambda g: g.phase == "card")
    card = game.card
    assert card is not None
    resp = card.responses[0]
    assert resp.outcome.get("fr"), f"{card.id}.{resp.id} has no French outcome"
    game.apply(Respond(card.id, resp.id))
    assert story.response_outcome(game, card, resp, "fr") == resp.outcome["fr"]
    assert story.response_outcome(game, card, resp, "en") == resp.outcome["en"]


def test_without_an_outcome_the_largest_effect_is_told_in_words():
    sc = scenario("tutorial")
    game = Game(sc, 3)
    card = sc.card("tut-anefis-clashes")
    resp = replace(card.response("silence"), outcome={})
    cause = f"card:{card.id}.{resp.id}"
    game.meters.ledger += [(0, "displacement.kidal", 2, cause), (0, "violence.kidal", 9, cause),
                           (0, "violence.gao", 30, "rule:spillover")]  # another cause's change is not told
    en = story.response_outcome(game, card, resp, "en")
    fr = story.response_outcome(game, card, resp, "fr")
    assert en.startswith("Violence in Kidal rises sharply.") and "Gao" not in en
    assert fr.startswith("Violence à Kidal\u00a0: forte hausse.")
    assert "displacement in Kidal rises slightly".lower() in en.lower()
    assert len(en.split(". ")) <= 2 and "|" not in en  # one or two sentences, never a table


def test_a_peacekeepers_death_is_told_as_one_and_a_fall_as_a_fall():
    assert story.change_sentence("mission.casualties", 1, "fr") == "1 casque bleu est tué."
    assert story.change_sentence("mission.casualties", 3, "en") == "3 peacekeepers are killed."
    assert story.change_sentence("mission.consent", -2, "en") == "Host-state consent falls slightly."
    assert story.change_sentence("relation.cma.platform", -30, "en").endswith("falls sharply.")  # a range of 200


def test_the_secretary_generals_report_has_three_to_five_sentences_and_names_causes():
    sc = scenario("after-algiers")
    game = Game(sc, 3)
    first = story.sg_report(game, "fr")
    assert 3 <= len(first) <= 5 and month_label(game.date, "fr") in first[0]
    game = play_until(game, lambda g: g.phase == "briefing" and len(g.votes) == 1)
    assert game.phase == "briefing"
    for lang in ("en", "fr"):
        report = story.sg_report(game, lang)
        assert 3 <= len(report) <= 5, report
        quarters = story.since_last_vote(game)
        causes = {cause_text(c.cause, sc, lang).rstrip(".") for q in game.meters.values
                  for c in game.why(q, quarters)[:1]}
        assert any(c and c in sentence for sentence in report[2:] for c in causes), report


def test_the_end_summary_names_the_ending_its_date_and_the_record():
    sc = scenario("after-algiers")
    game = play_until(Game(sc, 3), lambda g: False)
    assert game.phase == "end"
    for lang in ("en", "fr"):
        summary = story.end_summary(game, lang)
        assert summary[0] == i18n.word("ending", game.ending or "scenario_end", lang)
        assert month_label(game.date, lang) in summary[1]
        assert any("2423" in s for s in summary), summary  # the record's resolution of that year


def test_an_early_end_names_its_cause_from_the_ledger():
    sc = scenario("tutorial")
    game = Game(sc, 3)
    game.meters.add("mission.consent", -60, "card:tut-radisson.stay-course")
    game.end("consent_withdrawn")
    summary = story.end_summary(game, "en")
    assert "Hostage-taking at a Bamako hotel" in " ".join(summary)


@pytest.mark.parametrize("n", [1, 3])
def test_highlights_are_few_in_words_with_their_region(n):
    sc = scenario("after-algiers")
    game = play_until(Game(sc, 3), lambda g: g.phase == "summary")
    found = story.quarter_highlights(game, "fr", n)
    assert 1 <= len(found) <= n
    changes = game.meters.changes_in(game.quarter)
    for h in found:
        assert changes[h.quantity] == h.change and h.text
        assert h.region == (h.quantity.split(".")[1] if h.quantity.split(".")[0] in ("violence", "displacement",
                                                                                     "mission_presence", "state_presence") else None)


def test_a_long_outcome_is_warned_on_its_line(tmp_path):
    root = tmp_path / "levels"
    shutil.copytree(levels_root(), root)
    path = root / "tutorial" / "cards" / "tutorial.yaml"
    start = 'en: "Algeria\'s envoys shuttle'
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(start, start.replace('"', '"' + "many " * 60), 1), encoding="utf-8")
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "many many" in t)
    found = [w for w in check_paths([root / "tutorial"]).warnings if w.code == "W506"]
    assert [w.line for w in found if "outcome of response 'mediate' (en)" in w.message] == [line], found


@pytest.mark.parametrize("size", ["1280x720", "1024x600"])
def test_the_story_screens_keep_their_text_in_their_boxes(tmp_path, size):
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", size, "fr", 3)
    seen = {}
    for name in screens(app, folder):
        if name in ("outcome", "ending", "summary", "briefing-map"):
            frame = app.draw()
            seen[name] = [r.text for r in frame.texts] + [c.id for c in frame.controls]
            assert not text_outside(frame), (name, text_outside(frame)[:3])
            assert app.focus.id == ("act:continue" if name != "summary" else app.focus.id)
    assert set(seen) == {"outcome", "ending", "summary", "briefing-map"}
    assert any(i18n.text("objectives", "fr").split()[0] in t for t in seen["briefing-map"])  # the first year opens with them
    assert "act:details" in seen["summary"]  # the full table stays behind "Details"
    assert any(i18n.text("to_debrief", "fr") in t for t in seen["ending"])


def test_details_scrolls_to_the_table_it_opens(tmp_path):
    """At 1024×600 and the largest text the table began below the fold: pressing "Details" seemed
    to do nothing but change its own label."""
    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    for name in screens(app, playable_tutorial(tmp_path)):
        if name == "summary":
            break
    view = app.view
    before = {r.text for r in app.draw().texts}
    view.toggle_details()
    frame = app.draw()
    changes = frame.lists["changes"]
    assert changes.first > 0  # scrolled to the table
    assert any(cid.startswith("chg:") for ids in changes.item_ids[changes.first:changes.first + changes.shown] for cid in ids)
    assert {r.text for r in frame.texts} != before and not text_outside(frame)
    view.toggle_details()  # closing it leaves the list where the reader put it
    app.draw()


def test_a_renewal_briefing_opens_with_the_report(tmp_path):
    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    assert app.start_game(str(levels_root() / "after-algiers"), seed=3)
    drafter = make_drafter("status-quo", 3)
    while not (app.game.phase == "briefing" and app.game.votes):
        app.act(drafter.choose(app.game))
    frame = app.draw()
    drawn = " ".join(r.text for r in frame.texts)
    assert i18n.text("sg_report", "fr") in drawn and "Rapport du Secrétaire général sur la situation" in drawn
    assert not text_outside(frame)


def test_a_fall_is_blamed_on_what_pulled_it_down_not_on_what_held_it_up():
    sc = scenario("tutorial")
    game = Game(sc, 3)
    game.meters.ledger = [(0, "mission.consent", 9, "card:tut-radisson.solidarity"),
                          (0, "mission.consent", -12, "card:tut-hippo.shelve")]
    (highlight,) = story.quarter_highlights(game, "en", 1)
    assert highlight.text.startswith("Host-state consent falls.")
    assert "The HIPPO report lands" in highlight.text and "Bamako hotel" not in highlight.text


def test_peacekeepers_killed_are_told_even_when_larger_changes_come_first():
    sc = scenario("tutorial")
    game = Game(sc, 3)
    card = sc.card("tut-anefis-clashes")
    resp = replace(card.response("silence"), outcome={})
    cause = f"card:{card.id}.{resp.id}"
    game.meters.ledger += [(0, "violence.kidal", 9, cause), (0, "displacement.kidal", 6, cause),
                           (0, "mission.safety", -4, cause), (0, "mission.casualties", 1, cause)]
    en = story.response_outcome(game, card, resp, "en")
    assert en.startswith("Violence in Kidal rises sharply.") and en.endswith("1 peacekeeper is killed.")
    assert "safety" not in en.lower()  # the others stay two, the death is added
    assert story.response_changes(game, card, resp)[-1] == ("mission.casualties", 1)
    assert [q for q, _c in story.response_changes(game, card, resp)] == [
        "violence.kidal", "displacement.kidal", "mission.safety", "mission.casualties"]


def test_the_outcome_screen_lists_every_change_with_its_why_and_what_is_still_to_come(tmp_path):
    from game.ui.views.outcome import OutcomeView

    app = make_app(tmp_path / "data", "1024x600", "fr", 0)
    assert app.start_game(str(levels_root() / "tutorial"), seed=3)
    drafter = make_drafter("status-quo", 3)
    while app.game.phase != "card":
        app.act(drafter.choose(app.game))
    card = app.game.card
    resp = card.responses[0]
    app.act(Respond(card.id, resp.id))
    # What the response set in motion is shown too (given here, whatever the card drawn holds).
    later = Delayed(2, {"mission_presence.kidal": -3}, {"en": "Gaps in the north.", "fr": "Des vides au nord."})
    view = OutcomeView(app, card, replace(resp, delayed=(later,)))
    app.nav.switch_screen(view)
    frame = app.draw()
    assert not text_outside(frame)
    shown = story.response_changes(app.game, card, resp)
    assert shown and sorted(q for q, _c in shown) == sorted(q for q, c in resp.effects.items() if c)
    ids = {c.id for c in frame.controls}
    assert {f"chg:{i}" for i in range(len(shown))} <= ids  # each change opens its "why?"
    drawn = " ".join(r.text for r in frame.texts)
    assert i18n.text("outcome_changes", "fr") in drawn
    assert i18n.text("outcome_later", "fr") in drawn and "Des vides au nord." in drawn
    assert i18n.plural("later", 2, "fr", t=effects_text(later.effects, "fr")) in drawn
