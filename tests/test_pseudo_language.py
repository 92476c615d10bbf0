"""A pseudo-language shows that adding a language means adding a catalogue, and nothing else.

"xx" is English with its letters accented and every sentence lengthened by a third, made from the
English catalogue in a temporary locale folder. Every screen of the window is drawn in it: no
interface word may be left in plain English (the content's texts, which have no "xx", fall back to
English and are told apart by their words). The terminal plays a whole game in it too.
"""

from __future__ import annotations

import io
import re
import shutil
import string
from collections.abc import Iterator, Mapping
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po, write_po
from ui_support import make_app, playable_tutorial, screens

from game import i18n

PSEUDO = str.maketrans("aeiouycnszAEIOUYCNSZ", "áéíóúýçñšžÁÉÍÓÚÝÇÑŠŽ")
MARKED = frozenset("áéíóúýçñšžÁÉÍÓÚÝÇÑŠŽ")


def pseudo(sentence: str) -> str:
    """Accented and a third longer; placeholders ({n}, {n:+d}) kept as they are."""
    parts = re.split(r"(\{[^{}]*\})", sentence)
    out = "".join(p if i % 2 else p.translate(PSEUDO) for i, p in enumerate(parts))
    return out + "·" * (len(sentence) // 3) if sentence.strip() else out


@pytest.fixture()
def pseudo_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    locale = tmp_path / "locale"
    (locale / "en" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(i18n.po_path("en"), locale / "en" / "LC_MESSAGES" / "penholder.po")
    with i18n.po_path("en").open("rb") as f:
        catalogue = read_po(f, locale="en")
    catalogue.locale = None  # a made-up language: the English plural rule
    for m in catalogue:
        if m.id:
            m.string = tuple(pseudo(s) for s in m.string) if isinstance(m.string, tuple) else pseudo(m.string)
    (locale / "xx" / "LC_MESSAGES").mkdir(parents=True)
    with (locale / "xx" / "LC_MESSAGES" / "penholder.po").open("wb") as f:
        write_po(f, catalogue)
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    i18n.catalogue.cache_clear()
    assert i18n.languages() == ("en", "xx")
    yield "xx"
    i18n.catalogue.cache_clear()


def _content_texts(obj: Any, seen: set[int] | None = None) -> Iterator[str]:
    """Every text a scenario carries (its own words, which fall back to English)."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, Mapping):
        for k, v in obj.items():
            yield from _content_texts(k, seen)
            yield from _content_texts(v, seen)
    elif isinstance(obj, list | tuple | set | frozenset):
        for v in obj:
            yield from _content_texts(v, seen)
    elif is_dataclass(obj) and not isinstance(obj, type):
        for f in fields(obj):
            yield from _content_texts(getattr(obj, f.name), seen)


WORD = re.compile(r"[^\W\d_\u2460-\u24ff]+", re.UNICODE)  # circled numbers (①, a summary's marks) are no words


def english_words(line: str, content: set[str]) -> list[str]:
    """The words of a drawn line that came from neither the pseudo catalogue nor the content."""
    return [w for w in WORD.findall(line) if not (set(w) & MARKED) and w not in content]


def test_every_screen_is_drawn_without_an_english_interface_word(pseudo_language: str, tmp_path: Path) -> None:
    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", lang=pseudo_language)
    # the game's name, key names (F1, F11, and the letters on shortcut buttons: "Vote (V)"), the save
    # the helper makes ("a slot"), and later what the scenarios and the title list say
    content: set[str] = {"Penholder", "a", "slot", *string.ascii_uppercase}
    left: dict[str, set[str]] = {}
    walked = False
    for name in screens(app, folder):
        if app.game is not None and not walked:
            walked = True
            content |= {w for text in _content_texts(app.game.scenario) for w in WORD.findall(text)}
        if name == "title":
            from game.ui.views.title import scenario_list

            content |= {w for sc in scenario_list() for text in _content_texts(sc) for w in WORD.findall(text)}
        frame = app.draw()
        for rec in frame.texts:
            words = english_words(rec.text, content)
            if words:
                left.setdefault(name, set()).update(words)
    assert left == {}


def test_the_scan_finds_an_english_word() -> None:
    assert english_words(f"{pseudo('Quarter')} 3 Continue", {"Mali"}) == ["Continue"]
    assert english_words("Mali 45", {"Mali"}) == []


def test_the_terminal_plays_a_game_in_the_new_language(pseudo_language: str, tmp_path: Path) -> None:
    from game.content.loader import load_scenario
    from game.engine.game import Game
    from game.frontends.terminal import Terminal

    scenario = load_scenario(playable_tutorial(tmp_path)).scenario
    assert scenario is not None
    out = io.StringIO()
    answers = iter(["1"] * 3000)
    terminal = Terminal(Game(scenario, 3), lang=pseudo_language, read=lambda: next(answers, None), out=out)
    assert terminal.lang == "xx" and terminal.run()
    content = {w for text in _content_texts(scenario) for w in WORD.findall(text)} | {"w", "P"}  # the w key, P5
    left = {w for line in out.getvalue().splitlines() for w in english_words(line, content)}
    assert left == set()
