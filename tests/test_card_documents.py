"""Cards look like the documents they are (issue 11): each has a kind of document, a subject with
its icon and a place on a locator map, written by the designer or read from the card."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from game.content import cardmeta
from game.content.loader import levels_root, load_scenario
from game.ui import icons
from game.ui.views import carddoc

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["tutorial", "after-algiers", "consent", "serval-to-minusma"])
def test_every_shipped_card_is_a_document_with_a_subject_and_a_place(name: str) -> None:
    scenario = load_scenario(levels_root() / name).scenario
    assert scenario is not None
    for card in scenario.cards:
        assert card.document in cardmeta.DOCUMENTS and card.category in cardmeta.CATEGORIES, card.id
        assert card.place in cardmeta.PLACES, card.id
        assert card.category in icons.CARD_KINDS
    assert len({c.category for c in scenario.cards}) >= 4  # not one subject for every card


def test_what_a_card_is_read_from_its_words_its_effects_and_its_source() -> None:
    document, category, place = cardmeta.derive(
        [{"violence.gao": -3, "mission.consent": -5}], "Press reports (AFP), March 2019",
        ("Ogossagou", "Gunmen attack a Fulani village; at least 160 are killed."))
    assert (document, category, place) == ("wire", "security", "mopti")  # the town named, not the effect
    assert cardmeta.derive([{"displacement.timbuktu": 4}], "UN SG report S/2016/498", ("A quiet season", "")) \
        == ("report", "humanitarian", "timbuktu")  # no telling words: what the responses move
    assert cardmeta.derive([{"council.unity": 3}], "Notes of the Council's consultations", ("Closed doors", ""))[2] \
        == cardmeta.NEW_YORK
    assert cardmeta.named_place(["Bergamo and Gaoual are not in Mali"]) == ""  # whole words only


def test_a_designer_who_knows_better_writes_the_fields(tmp_path: Path) -> None:
    root = tmp_path / "levels"
    shutil.copytree(ROOT / "levels", root)
    path = root / "tutorial" / "cards" / "tutorial.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("  - id: ")
    card_id = text[first + 8:text.index("\n", first)].strip()
    line_end = text.index("\n", first) + 1
    path.write_text(text[:line_end] + "    document: letter\n    category: humanitarian\n    place: segou\n"
                    + text[line_end:], encoding="utf-8")
    scenario = load_scenario(root / "tutorial").scenario
    assert scenario is not None
    card = scenario.card(card_id)
    assert (card.document, card.category, card.place) == ("letter", "humanitarian", "segou")


def test_the_header_says_what_the_document_is_in_the_players_language() -> None:
    scenario = load_scenario(levels_root() / "tutorial").scenario
    assert scenario is not None
    card = next(c for c in scenario.cards if c.document == "wire")
    first, second = carddoc.header_words(card, scenario.start, "fr")
    assert first.startswith("DÉPÊCHE · ") and "2015" in second
    first, _ = carddoc.header_words(card, scenario.start, "en")
    assert first.startswith("PRESS WIRE · ")


def test_responses_are_decisions_with_their_effects_as_chips_and_in_words_one_key_away(tmp_path: Path) -> None:
    import pygame
    from ui_support import key, make_app, playable_tutorial, screens, text_outside

    from game.ui.views import decision

    app = make_app(tmp_path / "data", "1280x720", "en", 1)
    for name in screens(app, playable_tutorial(tmp_path)):
        if name == "card":
            break
    card = app.game.card
    resp = next(r for r in card.responses if r.effects)
    shown = decision.chips(resp)
    biggest = max(resp.effects.items(), key=lambda kv: (abs(kv[1]), kv[0]))
    assert shown and (shown[0].quantity, shown[0].change) == biggest  # largest first
    frame = app.draw()
    words = " ".join(r.text for r in frame.texts)
    assert "Now:" not in words and any(c.words("en") in words for c in shown) and not text_outside(frame)
    app.handle(key(pygame.K_w))
    words = " ".join(r.text for r in app.draw().texts)
    assert "Now:" in words  # the same effects, in words
    assert {f"resp:{j}" for j in range(len(card.responses))} <= {c.id for c in app.draw().controls}


def test_a_chip_names_its_actor_in_the_players_language() -> None:
    from game.ui.views.decision import chip_subject

    assert chip_subject("buyin.france", "fr") == "France" and chip_subject("buyin.algeria", "fr") == "Algérie"
    assert chip_subject("buyin.ecowas", "fr") == "CEDEAO" and chip_subject("relation.cma.platform", "fr") == "CMA–Plateforme"
    assert chip_subject("violence.timbuktu", "fr") == "Tombouctou"
    # a quantity about no place and no actor is named: an icon alone left two globes, two scales
    assert chip_subject("mission.consent", "fr") == "Consentement de l'État hôte"
    assert chip_subject("council.unity", "en") == "Council unity"


def test_a_chip_too_wide_for_its_row_wraps_inside_its_box(tmp_path: Path) -> None:
    """A later effect's chip at 1024×600 and the largest text ("in 2 quarters: CMA–Platform ▲▲
    +6") once ran past the answer's edge, its number cut by the border."""
    from ui_support import make_app, text_outside

    from game.content.loader import levels_root
    from game.studio.preview import stage

    scenario = load_scenario(levels_root() / "after-algiers").scenario
    assert scenario is not None
    from game.session import Session
    from game.ui.views import decision

    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    game = stage(scenario, "aa-kidal-clashes").game
    app.session = Session(game, "after-algiers", None, None)
    app.nav.clear_overlays()
    app.nav.sync_view()
    frame = app.draw()
    wide = decision.Chip("relation.cma.platform", 6, later=2).words("fr")
    assert wide in " ".join(r.text for r in frame.texts).replace("\n", " ") or any(
        "+6" in r.text for r in frame.texts)  # wrapped: its number on a line of its own box
    assert not text_outside(frame) and not frame.truncated, (text_outside(frame)[:3], frame.truncated[:3])
    for control in frame.controls:  # every word of an answer stays inside the answer's button
        if control.id.startswith("resp:") and control.rect is not None:
            inside = [r for r in frame.texts if control.rect.collidepoint(r.rect.x, r.rect.centery)]
            assert inside and all(r.rect.right <= control.rect.right for r in inside), control.id


def test_a_card_shows_one_short_source_line_and_the_rest_on_request(tmp_path: Path) -> None:
    import pygame
    from ui_support import key, make_app, playable_tutorial, screens, text_outside

    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    for name in screens(app, playable_tutorial(tmp_path)):
        if name == "card":
            break
    card = app.game.card
    from game.engine.defs import tr

    assert len(card.sources) >= 2  # the tutorial's first card names two
    frame = app.draw()
    lines = [r.text for r in frame.texts if r.text.startswith("Source\u00a0: ")]
    assert len(lines) == 1 and not text_outside(frame) and not frame.truncated
    assert "act:sources" in {c.id for c in frame.controls}
    assert lines[0].endswith(" …") and lines[0][:-2].split()[-1] in tr(card.sources[0], "fr")  # a whole word
    roomy = make_app(tmp_path / "data2", "1280x720", "en", 0)  # room for every source at once
    for name in screens(roomy, playable_tutorial(tmp_path / "again")):
        if name == "card":
            break
    roomy.handle(key(pygame.K_s))
    words = " ".join(r.text for r in roomy.draw().texts)
    assert roomy.view.sources_open and "Fewer sources (S)" in words
    assert all(tr(src, "en")[-20:] in words for src in roomy.game.card.sources)  # each one whole


def test_two_chips_on_one_place_say_what_moves_there() -> None:
    """'Mopti ▲▲ +8' beside 'Mopti ▼▼ −5' told a class only by their icons which was violence."""
    from game.engine.defs import Response
    from game.ui.views import decision

    both = Response("r", {"en": "x"}, {"en": "y"}, {"violence.mopti": 8, "mission_presence.mopti": -5, "buyin.france": 3})
    words = {c.quantity: c.words("fr") for c in decision.chips(both)}
    assert words["violence.mopti"].startswith("Violence · Mopti") and words["mission_presence.mopti"].startswith("ONU · Mopti")
    assert words["buyin.france"].startswith("France ")  # alone on its subject: short
    one = Response("r", {"en": "x"}, {"en": "y"}, {"violence.mopti": 8, "buyin.france": 3})
    assert [c.words("en") for c in decision.chips(one)][0].startswith("Mopti ")


def _staged(tmp_path: Path, size: str, lang: str, step: int, card_id: str) -> Any:
    from ui_support import make_app

    from game.content.loader import levels_root
    from game.session import Session
    from game.studio.preview import stage

    scenario = load_scenario(levels_root() / "after-algiers").scenario
    assert scenario is not None
    app = make_app(tmp_path / "data", size, lang, step)
    app.session = Session(stage(scenario, card_id).game, "after-algiers", None, None)
    app.nav.clear_overlays()
    app.nav.sync_view()
    return app


def test_responses_that_do_not_fit_whole_fold_and_a_folded_one_opens_before_it_can_be_chosen(tmp_path: Path) -> None:
    """At 1024×600 and the largest text, the first response filled the panel and the other two
    were below a "▼ 18 more lines" mark: a class saw one choice of three. Folded, each is a line
    of its words; selecting one opens it (its effects shown), and only the open one answers."""
    import pygame
    from ui_support import key

    from game.engine.defs import tr

    app = _staged(tmp_path, "1024x600", "fr", 3, "aa-kidal-clashes")
    card = app.game.card
    first, second = (" ".join(tr(r.why, "fr").split()[:4]) for r in card.responses[:2])  # their reasons

    def shown() -> tuple[dict[str, Any], str]:
        frame = app.draw()
        rects = {c.id: c.rect for c in frame.controls if c.id.startswith("resp:")}
        return rects, " ".join(r.text for r in frame.texts).replace("\n", " ")

    rects, words = shown()
    assert app.view.folded and all(rects[f"resp:{j}"] is not None for j in range(3)), rects  # three choices in view
    assert first in words and second not in words and "▸ 2. " in words and "▸ 3. " in words
    decided = len(app.game.decisions)
    app.handle(key(pygame.K_2, uni="2"))  # a folded response opens: nothing is answered
    rects, words = shown()
    assert app.game.card is card and len(app.game.decisions) == decided
    assert second in words and "▸ 1. " in words and "▸ 3. " in words and app.focus.id == "resp:1"
    assert "+4 autres effets" in words  # its seven effects' chips do not fit beside the two folded: counted
    app.handle(key(pygame.K_w, uni="w"))  # in words, the same: what does not fit is counted
    _rects, words = shown()
    assert "Tout de suite" in words and "+2 autres effets" in words and "▸ 1. " in words and "▸ 3. " in words
    app.handle(key(pygame.K_w, uni="w"))
    rects, words = shown()
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=rects["resp:2"].center))  # so does a click
    rects, words = shown()
    assert len(app.game.decisions) == decided and "▸ 2. " in words and "▸ 3. " not in words
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=rects["resp:2"].center))  # the open one answers
    assert app.game.decisions[decided] == {"do": "respond", "card": card.id, "response": card.responses[2].id}


def test_responses_that_fit_whole_are_not_folded_and_a_number_answers_at_once(tmp_path: Path) -> None:
    import pygame
    from ui_support import key

    app = _staged(tmp_path, "1280x720", "en", 0, "aa-kidal-clashes")
    card = app.game.card
    words = " ".join(r.text for r in app.draw().texts)
    assert not app.view.folded and "▸" not in words
    decided = len(app.game.decisions)
    app.handle(key(pygame.K_2, uni="2"))
    assert app.game.decisions[decided] == {"do": "respond", "card": card.id, "response": card.responses[1].id}


def test_an_effect_no_chip_shows_is_counted_not_dropped(tmp_path: Path) -> None:
    """A response has at most six chips: the seventh effect of the G5 force's first answer was
    shown nowhere, in chips or in words."""
    import pygame
    from ui_support import key

    from game.i18n import describe

    app = _staged(tmp_path, "1280x720", "en", 0, "aa-g5-force")
    words = " ".join(r.text for r in app.draw().texts)
    assert not app.view.folded and "+1 more effect (W: in words)" in words
    app.handle(key(pygame.K_w, uni="w"))
    words = " ".join(r.text for r in app.draw().texts).replace("\n", " ")
    resp = app.game.card.responses[0]
    assert len(resp.effects) == 7 and "more effect" not in words
    assert all(describe(q, "en") in words for q in resp.effects)  # all seven, in words


@pytest.mark.parametrize("words", [False, True], ids=["chips", "words"])
def test_every_shipped_card_shows_all_its_responses_at_the_smallest_window_and_largest_text(tmp_path: Path, words: bool) -> None:
    """Each answer open in turn, at 1024×600 in French at the largest text: every answer is in
    view (whole or folded), and no word is cut or drawn outside its box. Folding once hid the third
    answer behind a "more" line: its sum left out the list's last gap, and a seventh effect's
    count line was added past the room."""
    from ui_support import make_app, text_outside

    from game.session import Session
    from game.studio.preview import stage

    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    frames = 0
    for level in ("after-algiers", "consent", "serval-to-minusma", "tutorial"):
        scenario = load_scenario(levels_root() / level).scenario
        assert scenario is not None
        for card in scenario.cards:
            try:
                staged = stage(scenario, card.id)
            except LookupError:  # a shared card this scenario's dates never draw (check warns of it)
                continue
            app.session = Session(staged.game, level, None, None)
            app.nav.clear_overlays()
            app.nav.sync_view()
            app.view.words = words
            for j in range(len(card.responses)):
                app.focus.set(f"resp:{j}")
                frame = app.draw()
                hidden = [c.id for c in frame.controls if c.id.startswith("resp:") and c.rect is None]
                assert not hidden and not frame.truncated and not text_outside(frame), (card.id, j, hidden)
                frames += 1
    assert frames > 400


def test_a_card_that_comes_back_says_when_it_came_and_what_the_class_chose(tmp_path: Path) -> None:
    """A repeatable card came back word for word, as if new: a class that saw it a year before
    wondered whether the game had stuck. It now says when it came and which response was chosen."""
    import pygame
    from ui_support import key

    from game.engine.game import CARD
    from game.i18n import month_label
    from game.sim.drafters import drafter_for
    from game.studio.preview import _put_first

    app = _staged(tmp_path, "1280x720", "en", 0, "sh-route-dispute")
    g = app.game
    card = g.card
    assert not card.once  # repeatable
    assert "happened before" not in " ".join(r.text for r in app.draw().texts)  # the first time: nothing
    answered = month_label(g.date, "en")
    app.handle(key(pygame.K_2, uni="2"))
    assert g.journal[-1]["response"] == card.responses[1].id
    quarter, drafter = g.quarter, drafter_for("random", 1, g.scenario)
    while not (g.phase == CARD and g.quarter > quarter):
        g.apply(drafter.choose(g))
    _put_first(g, card.id)  # the card comes again
    app.nav.sync_view()
    words = " ".join(r.text for r in app.draw().texts).replace("\n", " ")
    assert app.game.card is card
    assert f"This happened before, in {answered}: you chose response 2." in words
