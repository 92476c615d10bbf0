"""Hostile content: whatever a card designer writes, ``check`` says where and what to do, the game
loads the rest, and nothing it accepts can break the game later."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import signal
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import check, loader, safeyaml
from game.content.loader import Loaded, load_scenario
from game.engine.game import END
from game.sim.simulate import play_one

LEVELS = Path(__file__).resolve().parent.parent / "levels"
TUTORIAL_CARDS = 12
RAW = re.compile(r"Error\b|Exception|unhashable|set_int_max_str_digits|Input should|discriminator|Value error|NoneType")


@contextlib.contextmanager
def deadline(seconds: int = 20) -> Iterator[None]:
    """Fail instead of hanging (a FIFO opened for reading waits for a writer for ever)."""

    def expire(_signum: int, _frame: Any) -> None:
        raise AssertionError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture()
def scenario(tmp_path: Path) -> Path:
    """A copy of the tutorial and of the shared folder it uses, English only."""
    shutil.copytree(LEVELS / "common", tmp_path / "common")
    folder = tmp_path / "tutorial"
    shutil.copytree(LEVELS / "tutorial", folder)
    main = folder / "scenario.yaml"
    main.write_text(main.read_text(encoding="utf-8").replace("languages: [en, fr]", "languages: [en]"), encoding="utf-8")
    return folder


def card(card_id: str, *, title: str = "A title", text: str = "Something happens.", when: str | None = None,
         weight: str = "10", effects: str = "{violence.gao: -2}", follow_up: str = "[]", extra: str = "") -> str:
    """One card in block style, a field a line, so that a test can find each field's line."""
    lines = [f"  - id: {card_id}", f"    title: {title}", f"    text: {text}", '    sources: ["for tests"]']
    if when is not None:
        lines.append(f"    when: {when}")
    lines += [f"    weight: {weight}", *([f"    {extra}"] if extra else []), "    responses:",
              "      - id: a", "        label: Do a", "        why: Because", f"        effects: {effects}",
              f"        follow_up: {follow_up}",
              "      - {id: b, label: Do b, why: Because}"]
    return "\n".join(lines) + "\n"


def write_cards(folder: Path, *cards: str, name: str = "hostile.yaml") -> Path:
    path = folder / "cards" / name
    path.write_text("cards:\n" + "".join(cards), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str, nth: int = 0) -> int:
    lines = [i for i, ln in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1) if fragment in ln]
    return lines[nth]


def problem(loaded: Loaded, path: Path, code: str, fragment: str) -> Any:
    """The one problem of ``path`` with ``code`` whose message holds ``fragment``."""
    found = [p for p in loaded.problems if p.path == str(path) and p.code == code and fragment in p.message]
    assert found, "\n".join(map(str, loaded.problems))
    return found[0]


def assert_rest_loads(loaded: Loaded, extra_cards: int = 0) -> None:
    """The tutorial's own cards are all there: one bad file never costs the others."""
    assert loaded.scenario is not None, "\n".join(map(str, loaded.problems))
    assert sum(c.id.startswith("tut-") for c in loaded.scenario.cards) == TUTORIAL_CARDS
    assert len(loaded.scenario.cards) == TUTORIAL_CARDS + extra_cards


def assert_plain(loaded: Loaded) -> None:
    for p in loaded.problems:
        assert not RAW.search(p.message), str(p)
        assert str(p).isprintable(), repr(str(p))


# --- texts that crash the window or rewrite the terminal ---------------------------------------
@pytest.mark.parametrize(
    ("title", "fragment"),
    [
        ('"A\\0B"', "character 2 is a control character (U+0000 NUL)"),
        ('"\\u200b\\u200b"', "no visible character"),
        ('"\\u00ad"', "no visible character"),
        ('"   "', "no visible character"),
        ('"\\e[2JGone"', "character 1 is a control character (U+001B ESCAPE)"),
        ('"Tab\\there"', "character 4 is a tab"),
        ('"Bidi \\u202eevil"', "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ],
)
def test_a_title_the_window_cannot_draw_is_refused_on_its_line(scenario: Path, title: str, fragment: str) -> None:
    path = write_cards(scenario, card("bad-title", title=title), card("good-one"))
    loaded = load_scenario(scenario)
    p = problem(loaded, path, "S103", fragment)
    assert p.line == line_of(path, "title:")
    assert "delete it" in p.message or "write the text" in p.message
    assert "bad-title" in loaded.cards_skipped
    assert_rest_loads(loaded, extra_cards=1)
    assert_plain(loaded)


def test_a_scenario_title_with_a_nul_is_reported_not_shown(scenario: Path) -> None:
    main = scenario / "scenario.yaml"
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace('en: "Tutorial: your first mandate"', 'en: "Tutorial\\0"'), encoding="utf-8")
    loaded = load_scenario(scenario)
    p = problem(loaded, main, "S103", "U+0000 NUL")
    assert p.line == line_of(main, "Tutorial\\0")
    assert loaded.scenario is None  # never reaches the title screen


# --- numbers --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("weight", "code", "fragment"),
    [
        ("1" + "0" * 5000, "Y011", "is far too large: numbers in content have at most 15 digits"),
        ("1" + "0" * 308, "Y011", "is far too large"),
        ("1.0e308", "Y011", "is far too large"),
        ("5000", "S103", "weight: must be at most 1000, not 5000"),
        ("-1", "S103", "weight: must be at least 0, not -1"),
        ("1.5", "S103", "weight: expected a whole number or a mapping, got 1.5"),
    ],
)
def test_weights_are_bounded(scenario: Path, weight: str, code: str, fragment: str) -> None:
    path = write_cards(scenario, card("heavy", weight=weight), card("good-one"))
    loaded = load_scenario(scenario)
    p = problem(loaded, path, code, fragment)
    assert p.line == line_of(path, "weight:")
    assert_plain(loaded)
    if code == "Y011":  # refused while reading: the whole file goes, and says which cards
        assert loaded.files_skipped == ["tutorial/cards/hostile.yaml"]
        assert {"heavy (in tutorial/cards/hostile.yaml)", "good-one (in tutorial/cards/hostile.yaml)"} <= set(loaded.cards_skipped)
        assert_rest_loads(loaded)
    else:
        assert "heavy" in loaded.cards_skipped
        assert_rest_loads(loaded, extra_cards=1)


def test_effects_are_bounded_by_the_quantity_they_change(scenario: Path) -> None:
    path = write_cards(scenario, card("huge-effect", effects="{violence.gao: 500}"),
                       card("troops", effects="{mission.troops: -900}"))
    loaded = load_scenario(scenario)
    p = problem(loaded, path, "S103", "a change of 500 to violence.gao is out of scale: it ranges from 0 to 100")
    assert p.line == line_of(path, "effects: {violence.gao: 500}")
    assert "huge-effect" in loaded.cards_skipped
    assert_rest_loads(loaded, extra_cards=1)  # 900 troops out of 20,000 is a sane change


def test_an_integer_python_cannot_print_is_reported_in_any_file(scenario: Path) -> None:
    member = scenario.parent / "common" / "council" / "chad.yaml"
    member.write_text(re.sub(r"(?m)^base: .*$", "base: " + "1" * 4400, member.read_text(encoding="utf-8")), encoding="utf-8")
    loaded = load_scenario(scenario)
    p = problem(loaded, member, "Y011", "far too large")
    assert p.line == line_of(member, "base:")
    assert_plain(loaded)


# --- follow-ups -------------------------------------------------------------------------------
def test_two_hundred_follow_ups_are_refused(scenario: Path) -> None:
    many = "[" + ", ".join(["{card: pong, after: 1}"] * 200) + "]"
    back = "[" + ", ".join(["{card: ping, after: 1}"] * 200) + "]"
    path = write_cards(scenario, card("ping", follow_up=many), card("pong", follow_up=back), card("good-one"))
    loaded = load_scenario(scenario)
    p = problem(loaded, path, "S103", "follow_up: holds at most 3 item(s), has 200")
    assert p.line == line_of(path, "follow_up: [{card: pong")
    assert {"ping", "pong"} <= set(loaded.cards_skipped)
    assert_rest_loads(loaded, extra_cards=1)


def test_a_loop_of_follow_ups_is_refused(scenario: Path) -> None:
    path = write_cards(scenario, card("ping", follow_up="[{card: pong, after: 1}]"),
                       card("pong", follow_up="[{card: ping, after: 1}]"), card("good-one"))
    loaded = load_scenario(scenario)
    p = problem(loaded, path, "R213", "follow-ups go round in a loop (ping → pong → ping)")
    assert p.line == line_of(path, "follow_up: [{card: ping")
    assert {"ping", "pong"} <= set(loaded.cards_skipped)
    assert_rest_loads(loaded, extra_cards=1)


def test_a_chain_that_fans_out_is_capped(scenario: Path) -> None:
    three = "[{card: %s, after: 1}, {card: %s, after: 1}, {card: %s, after: 2}]"
    cards = [card("root", follow_up=three % ("a1", "a2", "a3"))]
    cards += [card(f"a{i}", follow_up=three % ("b1", "b2", "b3"), extra="follow_up_only: true") for i in (1, 2, 3)]
    cards += [card(f"b{i}", extra="follow_up_only: true") for i in (1, 2, 3)]
    path = write_cards(scenario, *cards)
    loaded = load_scenario(scenario)
    p = problem(loaded, path, "R214", "bring 12 cards in one chain (at most 8)")
    assert p.line == line_of(path, "responses:")
    assert loaded.cards_skipped == ["root"]
    assert_rest_loads(loaded, extra_cards=6)


# --- paths ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("uses", "fragment"),
    [('"../common\\0"', "U+0000 NUL"), ('"' + "x" * 5000 + '"', "is longer than 300 characters")],
)
def test_a_uses_path_with_a_nul_or_too_long_is_reported(scenario: Path, uses: str, fragment: str) -> None:
    main = scenario / "scenario.yaml"
    main.write_text(main.read_text(encoding="utf-8").replace("uses: [../common]", f"uses: [../common, {uses}]"), encoding="utf-8")
    loaded = load_scenario(scenario)
    p = problem(loaded, main, "S103", fragment)
    assert p.line == line_of(main, "uses:")
    assert_plain(loaded)


def test_a_missing_shared_folder_is_reported_and_the_rest_loads(scenario: Path) -> None:
    main = scenario / "scenario.yaml"
    main.write_text(main.read_text(encoding="utf-8").replace("uses: [../common]", "uses: [../common, ../" + "a/" * 140 + "]"), encoding="utf-8")
    loaded = load_scenario(scenario)
    problem(loaded, main, "R212", "not found")
    assert_rest_loads(loaded)


# --- file reading -------------------------------------------------------------------------------
def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _loop(path: Path) -> None:
    os.symlink(path.name, path)


def _zero(path: Path) -> None:
    os.symlink("/dev/zero", path)


def _folder(path: Path) -> None:
    path.mkdir()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (_fifo, "it is not a regular file (a folder, a device or a pipe)"),
        (_loop, "a link that leads back to itself"),
        (_zero, "it is not a regular file"),
        (_folder, "it is not a regular file"),
    ],
)
def test_what_is_not_a_card_file_is_refused_without_reading_it(scenario: Path, make: Any, fragment: str) -> None:
    path = scenario / "cards" / "odd.yaml"
    make(path)
    with deadline():
        loaded = load_scenario(scenario)
        report = check.check_paths([scenario])
    p = problem(loaded, path, "Y000", fragment)
    assert p.message.startswith("cannot read this file: ")
    assert loaded.files_skipped == ["tutorial/cards/odd.yaml"]
    assert loaded.cards_skipped == ["every card in tutorial/cards/odd.yaml"]
    assert_rest_loads(loaded)
    assert report.scenarios == 1 and report.problems == loaded.problems


def test_a_link_to_a_card_file_is_read(scenario: Path) -> None:
    target = write_cards(scenario, card("linked"), name="real.yml")
    os.symlink(target.name, scenario / "cards" / "link.yaml")
    assert_rest_loads(load_scenario(scenario), extra_cards=1)


def test_reading_stops_past_the_size_cap(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    sizes: list[int] = []
    real_read = os.read
    monkeypatch.setattr(safeyaml.os, "read", lambda fd, n: sizes.append(n) or real_read(fd, n))
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (3 * safeyaml.MAX_FILE_BYTES))
    assert len(safeyaml.read_file(str(big))) == safeyaml.MAX_FILE_BYTES + 1
    assert sum(sizes) <= safeyaml.MAX_FILE_BYTES + 1


def test_each_file_is_read_once_and_messages_survive_its_deletion(scenario: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conditions = "".join(card(f"typo-{i}", when=f"'violence.goa > {i}'") for i in range(50))
    path = write_cards(scenario, conditions)
    reads: list[str] = []
    real = loader.read_file

    def read_then_delete(name: str) -> bytes:
        reads.append(name)
        raw = real(name)
        if name == str(path):
            os.unlink(name)  # gone before any message is written
        return raw

    monkeypatch.setattr(loader, "read_file", read_then_delete)
    loaded = load_scenario(scenario)
    assert len(reads) == len(set(reads))
    typos = [p for p in loaded.problems if p.path == str(path) and p.code == "C301"]
    assert len(typos) == 50
    assert typos[0].col == len("    when: '") + 1  # the column is found in the bytes read
    assert all("did you mean 'violence.gao'" in p.message for p in typos)
    assert_rest_loads(loaded)


def test_the_content_hash_is_of_the_bytes_read(scenario: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = load_scenario(scenario).scenario
    real = loader.read_file
    swapped: list[str] = []

    def read_then_swap(name: str) -> bytes:
        raw = real(name)
        if name.endswith("tutorial.yaml") and not swapped:
            swapped.append(name)
            Path(name).write_text("cards: oops\n", encoding="utf-8")  # changed after reading
        return raw

    monkeypatch.setattr(loader, "read_file", read_then_swap)
    after = load_scenario(scenario).scenario
    assert swapped and before is not None and after is not None
    assert after.content_hash == before.content_hash


# --- messages a person can act on ---------------------------------------------------------------
def test_when_five_says_what_a_condition_is(scenario: Path) -> None:
    path = write_cards(scenario, card("when-five", when="5"))
    loaded = load_scenario(scenario)
    p = problem(loaded, path, "S103", 'a condition is a text such as "violence.gao > 60", or a mapping')
    assert p.line == line_of(path, "when: 5")
    assert_plain(loaded)
    assert_rest_loads(loaded)


def test_an_unknown_field_that_looks_known_says_why(scenario: Path) -> None:
    path = write_cards(scenario, card("spaced", extra='"when ": violence.gao > 1'))
    loaded = load_scenario(scenario)
    p = problem(loaded, path, "S102", "unknown field 'when ' (it has a space at the end: remove it)")
    assert "did you mean" not in p.message
    assert p.line == line_of(path, '"when "')


def test_arithmetic_in_a_condition_is_explained(scenario: Path) -> None:
    path = write_cards(scenario, card("sums", when="'violence.gao + 5'"))
    loaded = load_scenario(scenario)
    p = problem(loaded, path, "C301", "arithmetic (+ - * / %) is not allowed in conditions: compare a quantity with a number")
    assert "BinOp" not in p.message and p.line == line_of(path, "when:")
    assert_rest_loads(loaded)


def test_a_broken_member_profile_is_reported_as_broken_not_as_missing(scenario: Path) -> None:
    china = scenario.parent / "common" / "council" / "china.yaml"
    china.write_text("id: china\nname: [Chin\n", encoding="utf-8")
    loaded = load_scenario(scenario)
    problem(loaded, china, "Y001", "YAML syntax")
    p = problem(loaded, scenario / "scenario.yaml", "R205", "the profile of member 'china' (council/china.yaml) could not be read")
    assert "did you mean" not in p.message and "chad" not in p.message
    assert "common/council/china.yaml" in loaded.files_skipped


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("violence.g\u0430o", "U+0430 CYRILLIC SMALL LETTER A, a look-alike of the Latin 'a': retype it"),
        ("\uff56iolence.gao", "U+FF56 FULLWIDTH LATIN SMALL LETTER V: type a plain 'v' instead"),
        ("violence.gao\u200b", "an invisible or control character (U+200B ZERO WIDTH SPACE): delete it"),
    ],
)
def test_a_look_alike_name_names_the_odd_character(scenario: Path, name: str, fragment: str) -> None:
    path = write_cards(scenario, card("in-effects", effects=f'{{"{name}": 2}}'), card("in-when", when=f"'{name} > 1'"))
    loaded = load_scenario(scenario)
    for code, marker in (("R201", '"' + name), ("C301", "when:")):
        p = problem(loaded, path, code, fragment)
        assert "did you mean" not in p.message
        assert p.line == line_of(path, marker)
    assert {"in-effects", "in-when"} <= set(loaded.cards_skipped)  # refused, never folded silently
    assert_rest_loads(loaded)


def test_a_dropped_file_is_counted_in_what_was_skipped(scenario: Path) -> None:
    path = write_cards(scenario, card("first"), card("second"))
    path.write_text(path.read_text(encoding="utf-8") + "  - id: third\n   title: [\n", encoding="utf-8")
    loaded = load_scenario(scenario)
    problem(loaded, path, "Y001", "YAML syntax")
    assert loaded.files_skipped == ["tutorial/cards/hostile.yaml"]
    assert loaded.cards_skipped == [f"{c} (in tutorial/cards/hostile.yaml)" for c in ("first", "second", "third")]
    assert_rest_loads(loaded)


@pytest.mark.parametrize(
    "fields",
    [{"weight": "{base: [1], grows_with: violence.gao, factor: 1}"}, {"when": "[1]"}, {"when": "{all: 5}"},
     {"when": "{quantity: [x], op: '>', value: 1}"}, {"when": "{quantity: violence.gao, op: [1], value: 1}"},
     {"when": "{not: {not: {not: 5}}}"}, {"when": "{all: [{any: []}]}"}, {"extra": "mandates: [[1]]"},
     {"extra": "from: [2015, 6]"}, {"extra": "cooldown: 1.0e10"}, {"extra": "once: 'yes'"},
     {"title": "{en: [1], fr: {a: b}}"}, {"effects": "[violence.gao]"}, {"text": "{}"}, {"effects": "{[a]: 1}"},
     {"extra": "? [a, b]\n    : c"}, {"follow_up": "[{card: [x], after: 1}]"}, {"weight": "{base: 1}"}],
)
def test_no_raw_exception_text_reaches_a_person(scenario: Path, fields: dict[str, str]) -> None:
    path = write_cards(scenario, card("odd", **fields), card("fine"))
    loaded = load_scenario(scenario)
    mine = [p for p in loaded.problems if p.path == str(path)]
    assert mine
    assert_plain(loaded)
    assert loaded.scenario is not None and "fine" in loaded.scenario.cards_by_id or loaded.files_skipped


def test_check_escapes_what_content_would_send_to_the_terminal(scenario: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_cards(scenario, card("esc", effects='{"\\e[2J\\e[Hviolence.gao": 1}'), card("bidi", extra='"\\rfake\\u202e": 1'))
    for as_json in (False, True):
        check.run([str(scenario)], as_json)
        out = capsys.readouterr().out
        assert out.strip() and all(line.isprintable() for line in out.splitlines())
        assert "\\x1b[2J" in out and "\\u202e" in out
    assert json.loads(out)["problems"]


# --- any card file ----------------------------------------------------------------------------------
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
    | st.sampled_from(["violence.gao > 5", "violence.g\u0430o > 1", "\x00", "\u200b", "\x1b[2J", "1" * 40, "tut-radisson"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
FIELDS = ["id", "title", "text", "sources", "responses", "when", "weight", "once", "cooldown", "from", "until",
          "mandates", "follow_up_only"]


@st.composite
def card_files(draw: st.DrawFn) -> str:
    cards = []
    for n in range(draw(st.integers(1, 3))):
        base: dict[str, Any] = {"id": f"gen-{n}", "title": "T", "text": "T", "sources": ["for tests"],
                                "responses": [{"id": "a", "label": "a", "why": "a", "effects": {"violence.gao": 1}},
                                              {"id": "b", "label": "b", "why": "b"}]}
        for name in draw(st.lists(st.sampled_from(FIELDS), max_size=4)):
            base[name] = draw(VALUES)
        if draw(st.booleans()):
            response = base["responses"][0] if isinstance(base.get("responses"), list) and base["responses"] else {}
            if isinstance(response, dict):
                response[draw(st.sampled_from(["effects", "follow_up", "later", "label", "why", "id"]))] = draw(VALUES)
        cards.append(base)
    # JSON is YAML: every generated value is written exactly, with escapes for control characters.
    return json.dumps({"cards": cards}, ensure_ascii=draw(st.booleans()))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(card_files())
def test_whatever_a_card_file_holds_loading_never_raises_and_check_prints_plain_lines(scenario: Path, text: str) -> None:
    (scenario / "cards" / "generated.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    loaded = load_scenario(scenario)
    assert not any(p.code == "X900" for p in loaded.problems), loaded.problems
    assert_plain(loaded)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        check.run([str(scenario)], as_json=False)
    assert all(line.isprintable() for line in out.getvalue().splitlines())
    assert loaded.scenario is not None
    for card_def in loaded.scenario.cards:  # what check lets through, the game can show and play
        for text_ in (*card_def.title.values(), *card_def.text.values()):
            assert not any(unicodedata.category(ch) == "Cc" and ch != "\n" for ch in text_), repr(text_)
            assert any(unicodedata.category(ch)[0] in "LNPS" for ch in text_), repr(text_)
    game = play_one(loaded.scenario, 1, "random")
    assert game.phase == END


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_place_of_the_model_is_reported_not_taken_for_absent(scenario: Path) -> None:
    model = scenario.parent / "common" / "model.yaml"
    model.unlink()
    os.mkfifo(model)
    with deadline():
        loaded = load_scenario(scenario)
    problem(loaded, model, "Y000", "it is not a regular file")
    assert loaded.scenario is None
    assert all(len(p.message) < 300 for p in loaded.problems)
