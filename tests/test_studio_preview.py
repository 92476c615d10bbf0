"""``python -m game preview CARD_ID``: the card as the player sees it, its gates in words, its draw shares."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pygame

from game.content.loader import levels_root, load_scenario
from game.engine.defs import Scenario
from game.engine.phases import CARD
from game.i18n import describe
from game.studio.preview import notes, stage, terminal_view
from game.studio.reach import draw_shares
from game.studio.words import condition_words

ROOT = Path(__file__).resolve().parent.parent


def scenario(name: str) -> Scenario:
    loaded = load_scenario(levels_root() / name)
    assert loaded.scenario is not None
    return loaded.scenario


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, capture_output=True, text=True, env=env)


def test_stage_puts_the_card_on_screen_where_it_could_come() -> None:
    sc = scenario("after-algiers")
    for card in sc.cards[:12]:
        staged = stage(sc, card.id)
        game = staged.game
        assert game.phase == CARD and game.card is not None and game.card.id == card.id
        if staged.fitting and not card.follow_up_only:
            assert card.start is None or game.date >= card.start
            assert card.end is None or game.date <= card.end
            assert not card.mandates or game.mandate in card.mandates


def test_a_follow_up_is_shown_after_the_response_that_brings_it() -> None:
    sc = scenario("after-algiers")
    staged = stage(sc, "aa-anefis-pact")
    assert staged.fitting
    answered = [(e["q"], e["card"], e["response"]) for e in staged.game.journal if e.get("kind") == "card"]
    assert any(card == "aa-anefis-clashes" and resp == "mediate" and q + 1 == staged.game.quarter  # after: 1
               for q, card, resp in answered), answered


def test_the_terminal_view_is_the_players_in_either_language() -> None:
    sc = scenario("tutorial")
    card = sc.card("tut-hippo")
    for lang in ("en", "fr"):
        text = terminal_view(stage(sc, card.id).game, lang)
        assert card.title[lang] in text
        for r in card.responses:
            assert r.label[lang][:40] in text.replace("\n       ", " ")
    assert "Sources" in terminal_view(stage(sc, card.id).game, "en")


def test_conditions_and_weight_are_said_in_words() -> None:
    words = condition_words("violence.gao > 60 and relation.cma.platform < -20")
    assert f"{describe('violence.gao')} (violence.gao) above 60" in words
    assert "below -20" in words
    tree = condition_words({"any": [{"quantity": "violence.kidal", "op": ">=", "value": 30},
                                    {"not": {"quantity": "mission.consent", "op": "<", "value": 20}}]})
    assert tree.startswith("any of: ") and "at least 30" in tree and "not (" in tree
    sc = scenario("tutorial")
    lines = notes(sc, sc.card("tut-hippo"), {"random": {"tut-hippo": 0.25}}, 40)
    assert any(line.startswith("condition: ") for line in lines)
    assert any(line.startswith("weight: ") for line in lines)
    assert "  random                25.0%" in lines


def test_the_record_s_answer_is_shown_with_its_source_in_the_designer_s_language() -> None:
    """The designer's notes give the card's historical answer and its source, in the language asked
    (a plain line as written)."""
    sc = scenario("after-algiers")
    anefis = sc.card("aa-anefis-clashes")
    assert "la réponse de l'histoire\u00a0: mediate (Rapport du Secrétaire général de l'ONU sur le Mali, décembre 2015)" in notes(
        sc, anefis, None, 0, lang="fr")
    assert "the record's answer: mediate (UN Secretary-General's report on Mali, December 2015)" in notes(sc, anefis, None, 0)
    plain = sc.card("aa-regional-proposal")
    assert any(line.endswith(f"{plain.historical} (S/RES/2295 (2016))") for line in notes(sc, plain, None, 0, lang="fr"))


def test_draw_shares_agree_with_simulate() -> None:
    from game.sim.simulate import simulate, summarise

    sc = scenario("tutorial")
    shares = draw_shares(sc, 15, 4)
    summary = summarise(list(simulate(sc, 15, 4, "robust")), sc)
    assert {k: round(v, 4) for k, v in shares["robust"].items()} == summary["card_share_of_games"]


def test_the_command_prints_the_card_and_saves_the_windows_card_screen(tmp_path: Path) -> None:
    png = tmp_path / "card.png"
    out = run("preview", "tut-hippo", "--level", "tutorial", "--lang", "fr", "--games", "5", "--png", str(png))
    assert out.returncode == 0, out.stderr
    sc = scenario("tutorial")
    assert sc.card("tut-hippo").title["fr"] in out.stdout
    # the designer's notes speak the language asked for, like the card
    assert "tirée dans (part de 5 parties par joueur automatique)\u00a0:" in out.stdout
    assert "— pour le concepteur\u00a0: tut-hippo" in out.stdout and "for the designer" not in out.stdout
    assert "status-quo" in out.stdout and "random" in out.stdout
    image = pygame.image.load(str(png))
    assert image.get_size() == (1280, 720)
    other = tmp_path / "other.png"
    assert run("preview", "tut-radisson", "--level", "tutorial", "--games", "0", "--png", str(other)).returncode == 0
    assert png.read_bytes() != other.read_bytes()


def test_an_unknown_card_says_which_there_are() -> None:
    out = run("preview", "tut-hipo", "--level", "tutorial", "--games", "0")
    assert out.returncode == 1
    assert "did you mean 'tut-hippo'" in out.stderr
