"""play --watch: a card rewritten while a game runs shows its new words and effects from the next
draw, the game where it was; a broken file is a notice and the game goes on; the title screen
says what each scenario's files leave out (issue 13)."""

from __future__ import annotations

import io
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest

from game import i18n
from game.content.loader import levels_root
from game.frontends.terminal import Terminal
from game.session import Session
from game.sim.drafters import make_drafter
from game.watch import TerminalWatch, Watcher, reload_session, skipped_text, watched_folders
from tests.ui_support import make_app

NBSP = "\u00a0"

# A card drawn every quarter of the tutorial (weight far above the others), with two answers.
CARD = """\
cards:
  - id: watch-test
    title: {en: The watched card, fr: La carte surveillée}
    text: {en: "TEXT_EN", fr: "Le texte de la carte."}
    sources: ["Written for tests/test_watch.py"]
    weight: 1000
    once: false
    responses:
      - id: one
        label: {en: The first answer, fr: La première réponse}
        why: {en: It is first., fr: Elle vient en premier.}
        effects: {buyin.algeria: EFFECT}
      - id: two
        label: {en: The second answer, fr: La seconde réponse}
        why: {en: It is second., fr: Elle vient en second.}
        effects: {buyin.algeria: -1}
"""


def card_file(text: str = "The first words of the card.", effect: int = 1) -> str:
    return CARD.replace("TEXT_EN", text).replace("EFFECT", str(effect))


@pytest.fixture
def levels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled levels, used as the bundled ones, with the watched card in the tutorial."""
    root = tmp_path / "levels"
    shutil.copytree(levels_root(), root)
    (root / "tutorial" / "cards" / "watch.yaml").write_text(card_file(), encoding="utf-8")
    monkeypatch.setenv("PENHOLDER_LEVELS", str(root))
    return root


def to_the_card(app: Any) -> None:
    """Start the tutorial and play on until the watched card waits for an answer."""
    assert app.start_game("tutorial", seed=3), app.message
    drafter = make_drafter("status-quo", 3)
    for _ in range(200):
        if app.game.phase == "card":
            break
        app.act(drafter.choose(app.game))
        app.nav.sync_view()
    assert app.game.phase == "card" and app.game.pending[0] == "watch-test"
    assert app.view.name == "card"


def drawn(app: Any) -> str:
    return "\n".join(rec.text for rec in app.draw().texts)


def state(app: Any) -> dict[str, Any]:
    data = app.game.to_dict()
    del data["content_hash"]
    return data


def test_a_card_rewritten_while_playing_shows_its_new_words_and_the_game_stays_where_it_was(
        levels: Path, tmp_path: Path) -> None:
    from game.ui.watching import reload_window

    app = make_app(tmp_path / "data")
    to_the_card(app)
    assert "The first words of the card." in drawn(app)
    before, old_game = state(app), app.game
    path = levels / "tutorial" / "cards" / "watch.yaml"
    path.write_text(card_file("New words, written while the game runs.", effect=7), encoding="utf-8")
    reload_window(app, [path])
    assert app.game is not old_game and state(app) == before  # the quarter, every number, the card waiting
    shown = drawn(app)
    assert "New words, written while the game runs." in shown
    assert "The first words of the card." not in shown
    assert app.message == "watch.yaml reloaded: 1 card changed."
    # the new effects apply when the card is answered
    algeria = app.game.values["buyin.algeria"]
    app.view.command("respond", 1)
    assert app.game.values["buyin.algeria"] - algeria == 7
    # the autosave holds the game on the new content
    assert app.session.store.candidates(app.session.game_id)[0][1].content.hash == app.game.scenario.content_hash


def test_a_broken_scenario_file_is_a_notice_with_its_line_and_the_game_goes_on(levels: Path, tmp_path: Path) -> None:
    from game.ui.watching import reload_window

    app = make_app(tmp_path / "data", lang="fr")
    to_the_card(app)
    game, before = app.game, state(app)
    scenario = levels / "tutorial" / "scenario.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8") + "council: [china\n  oops: {\n", encoding="utf-8")
    reload_window(app, [scenario])
    assert app.game is game and state(app) == before
    assert app.message is not None
    assert app.message.startswith(f"Rechargement de scenario.yaml impossible{NBSP}: scenario.yaml:")
    assert app.message.endswith("La partie continue avec le contenu d'avant.")
    assert "Rechargement" in drawn(app)  # in the message strip, over the card
    app.view.command("respond", 2)  # and the game goes on
    assert app.game.decisions[-1] == {"do": "respond", "card": "watch-test", "response": "two"}


def test_a_card_file_that_no_longer_parses_keeps_the_card_on_screen(levels: Path, tmp_path: Path) -> None:
    from game.ui.watching import reload_window

    app = make_app(tmp_path / "data")
    to_the_card(app)
    game = app.game
    path = levels / "tutorial" / "cards" / "watch.yaml"
    path.write_text("cards:\n  - id: watch-test\n    title: [unclosed\n", encoding="utf-8")
    reload_window(app, [path])
    assert app.game is game
    assert app.message == ("watch.yaml not reloaded: the game still needs the card watch-test (on screen, or queued as a "
                           "follow-up), and the files no longer have it. The game goes on with the content it had."
                           " In the files saved: cards/watch.yaml:3: a [ … ] on one line needs a comma between items and"
                           " a closing ]: close it, or write the items on lines of their own (YAML syntax: did not find"
                           " expected ',' or ']').")
    assert "The first words of the card." in drawn(app)
    # the typo undone: the files are back to what the game plays, and the refusal is over
    path.write_text(card_file(), encoding="utf-8")
    reload_window(app, [path])
    assert app.game is game and app.message == "watch.yaml: the files are back to the content the game plays."


def test_a_save_leaves_what_a_card_did_on_screen(levels: Path, tmp_path: Path) -> None:
    from game.ui.watching import reload_window

    app = make_app(tmp_path / "data")
    to_the_card(app)
    app.view.command("respond", 1)
    assert app.view.name == "outcome"
    path = levels / "tutorial" / "cards" / "watch.yaml"
    path.write_text(card_file("Edited while the outcome is read."), encoding="utf-8")
    reload_window(app, [path])
    assert app.message == "watch.yaml reloaded: 1 card changed."
    assert app.view.name == "outcome"  # the player moves on when they choose


def test_a_save_on_the_title_screen_stays_there_and_the_game_left_is_reloaded(levels: Path, tmp_path: Path) -> None:
    from game.ui.watching import reload_window

    app = make_app(tmp_path / "data")
    to_the_card(app)
    app.nav.goto_title()
    path = levels / "tutorial" / "cards" / "watch.yaml"
    path.write_text(card_file("Saved while the title is shown."), encoding="utf-8")
    reload_window(app, [path])
    assert app.view.name == "title"
    assert app.game.scenario.cards_by_id["watch-test"].text["en"] == "Saved while the title is shown."


def test_a_refused_reload_names_the_saved_files_problem_before_older_ones(levels: Path, tmp_path: Path) -> None:
    from game.ui.watching import reload_window

    app = make_app(tmp_path / "data")
    to_the_card(app)
    # an older, tolerated problem in a card file, sorted before the shared file by its path
    (levels / "tutorial" / "cards" / "aaa.yaml").write_text("cards: [\n", encoding="utf-8")
    model = levels / "common" / "model.yaml"
    model.write_text(model.read_text(encoding="utf-8") + "\noops: [\n", encoding="utf-8")
    reload_window(app, [model])
    assert app.message is not None
    assert app.message.startswith("model.yaml not reloaded: common/model.yaml:"), app.message


def test_a_fault_in_the_reload_is_a_notice_never_a_crash(levels: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import game.watch as watch
    from game.ui.watching import reload_window

    app = make_app(tmp_path / "data")
    to_the_card(app)
    playing = app.game

    def broken(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(watch, "_reload", broken)
    reload_window(app, [levels / "tutorial" / "cards" / "watch.yaml"])
    assert app.game is playing
    assert app.message == ("The content could not be reloaded because of a fault in Penholder (RuntimeError: boom); "
                           "the game goes on with the content it had.")


def test_the_loop_hands_the_watchers_request_to_the_reload(levels: Path, tmp_path: Path) -> None:
    import pygame

    from game.ui import loop
    from game.ui.watching import RELOAD_EVENT

    app = make_app(tmp_path / "data")
    to_the_card(app)
    path = levels / "tutorial" / "cards" / "watch.yaml"
    path.write_text(card_file("Posted by the watcher."), encoding="utf-8")
    pygame.event.clear()
    pygame.event.post(pygame.event.Event(RELOAD_EVENT, paths=[str(path)]))  # what the watcher's thread posts
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert loop.run(app) == 0
    assert "Posted by the watcher." in drawn(app)
    app.running = True
    pygame.event.post(pygame.event.Event(RELOAD_EVENT, paths=[], error="OSError: gone"))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    loop.run(app)
    assert app.message == ("The files are no longer watched (OSError: gone): start the game again with --watch to "
                           "reload them.")


def test_a_problem_in_a_shared_file_is_named_from_the_folder_of_scenarios(levels: Path, tmp_path: Path) -> None:
    app = make_app(tmp_path / "data")
    to_the_card(app)
    game = app.game
    clauses = levels / "common" / "clauses.yaml"
    clauses.write_text("dimensions: [\n", encoding="utf-8")
    result = reload_session(app.session, [clauses])
    assert result is not None and not result.swapped and app.game is game
    assert result.text("en").startswith("clauses.yaml not reloaded: common/clauses.yaml:")


def test_an_unchanged_save_says_nothing(levels: Path, tmp_path: Path) -> None:
    app = make_app(tmp_path / "data")
    to_the_card(app)
    assert reload_session(app.session, [levels / "tutorial" / "cards" / "watch.yaml"]) is None


def test_the_title_says_what_each_scenario_skips(levels: Path, tmp_path: Path) -> None:
    bad = card_file().replace("id: watch-test", "id: broken-one").replace("once: false", "once: false\n    typo: 1")
    (levels / "tutorial" / "cards" / "watch.yaml").write_text(
        card_file() + bad.removeprefix("cards:\n") + bad.removeprefix("cards:\n").replace("broken-one", "broken-two"),
        encoding="utf-8")
    # files that do not parse: one where the card's id can still be read, one where none can
    (levels / "consent" / "cards" / "broken.yaml").write_text("cards:\n  - id: lost-card\n    title: [oops\n", encoding="utf-8")
    (levels / "serval-to-minusma" / "cards" / "broken.yaml").write_text("cards: [\n", encoding="utf-8")
    app = make_app(tmp_path / "data")
    assert "run check" not in drawn(app)  # the first frame comes before the counting (start-up time)
    app.view.tick(0)  # the loop's next turn
    shown = drawn(app)
    assert "2 cards skipped — run check" in shown  # the tutorial
    assert "1 card skipped, 1 file skipped — run check" in shown  # consent
    assert "\n1 file skipped — run check" in shown  # serval-to-minusma
    assert shown.count("run check") == 3  # after-algiers skips nothing
    app = make_app(tmp_path / "data", lang="fr")
    drawn(app)
    app.view.tick(0)
    assert f"2 cartes ignorées — lancez «{NBSP}check{NBSP}»" in drawn(app)


def test_the_skipped_notice_has_plural_forms_in_each_language() -> None:
    assert skipped_text(0, 0, "en") == ""
    assert skipped_text(1, 0, "en") == "1 card skipped — run check"
    assert skipped_text(2, 3, "en") == "2 cards skipped, 3 files skipped — run check"
    assert skipped_text(1, 1, "fr") == f"1 carte ignorée, 1 fichier ignoré — lancez «{NBSP}check{NBSP}»"
    assert i18n.text("watch.changed", "fr", n=0) == "0 carte modifiée"
    assert i18n.text("watch.changed", "fr", n=2) == "2 cartes modifiées"


def test_the_folders_watched_are_the_scenario_and_what_it_uses(levels: Path) -> None:
    assert watched_folders("tutorial") == [(levels / "tutorial").resolve(), (levels / "common").resolve()] or \
        set(watched_folders("tutorial")) == {(levels / "tutorial").resolve(), (levels / "common").resolve()}
    assert watched_folders("tutorial", with_bundled=True) == [levels.resolve()]


def test_the_watcher_thread_sees_a_saved_file(tmp_path: Path) -> None:
    seen: list[list[Path]] = []
    came = threading.Event()

    def changed(paths: list[Path]) -> None:
        seen.append(paths)
        came.set()

    (tmp_path / "cards").mkdir()
    watcher = Watcher([tmp_path], changed, debounce_ms=50).start()
    try:
        for _ in range(20):  # the watch may take a moment to start
            (tmp_path / "cards" / "x.yaml").write_text("cards: []\n", encoding="utf-8")
            (tmp_path / "notes.txt").write_text("not content\n", encoding="utf-8")
            if came.wait(0.5):
                break
        assert came.is_set(), "no change seen within 10 seconds"
    finally:
        watcher.stop()
    assert not watcher.thread.is_alive()
    assert all(p.suffix == ".yaml" for paths in seen for p in paths)
    assert (tmp_path / "cards" / "x.yaml").resolve() in {p.resolve() for paths in seen for p in paths}


def test_the_terminal_shows_the_card_again_with_its_new_words(levels: Path, tmp_path: Path) -> None:
    from game.content.loader import load_scenario
    from game.store import Store

    loaded = load_scenario(levels / "tutorial")
    assert loaded.scenario is not None
    session = Session.new(loaded.scenario, "tutorial", 3, Store(tmp_path / "data"))
    drafter = make_drafter("status-quo", 3)
    while session.game.phase != "card":
        session.act(drafter.choose(session.game))
    assert session.game.pending[0] == "watch-test"
    path = levels / "tutorial" / "cards" / "watch.yaml"
    announced: list[str] = []
    watch = TerminalWatch(session, "en", [levels / "tutorial"], announced.append)  # never started: no thread
    lines = iter(["1"])

    def read() -> str | None:
        if not announced:  # the writer saves the card while the prompt waits
            path.write_text(card_file("Rewritten for the terminal."), encoding="utf-8")
            watch.mark([path])
        return next(lines, None)

    out = io.StringIO()
    Terminal(session.game, "en", read=read, out=out, session=session, paging=False, reload=watch.poll).run()
    text = out.getvalue()
    assert announced == ["watch.yaml changed: press Enter to reload."]
    first, _, again = text.partition("watch.yaml reloaded: 1 card changed.")
    assert "The first words of the card." in first and "Rewritten for the terminal." in again
    assert session.game.phase == "card"  # the line typed before the reload answered nothing


def test_the_windows_scenarios_see_a_card_file_added_since_they_were_compiled(levels: Path) -> None:
    from game.ui.levels import Levels

    cache = Levels()
    first, _ = cache.load("tutorial")
    assert first is not None and "added-later" not in first.cards_by_id
    (levels / "tutorial" / "cards" / "later.yaml").write_text(card_file().replace("watch-test", "added-later"), encoding="utf-8")
    again, _ = cache.load("tutorial")
    assert again is not None and "added-later" in again.cards_by_id


def test_an_undo_the_edited_files_no_longer_fit_says_so(levels: Path, tmp_path: Path) -> None:
    app = make_app(tmp_path / "data")
    to_the_card(app)
    app.view.command("respond", 1)
    # the decisions before the last one replayed on files where the drafting's clause is gone
    app.session.game = app.session.game.__class__.from_dict(app.game.scenario, app.game.to_dict())
    app.session.game.decisions.insert(0, {"do": "respond", "card": "no-such-card", "response": "one"})
    app.do_undo()
    assert app.message is not None and app.message.startswith("Undo is not possible: it plays the game's decisions again"), app.message
    assert "decision 1 (respond no-such-card one) cannot be replayed" in app.message
