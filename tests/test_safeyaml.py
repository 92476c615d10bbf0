"""The strict YAML reader: what it refuses, where it says the problem is, how it types values."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content import safeyaml
from game.content.problems import ContentError
from game.content.safeyaml import load_text


def refused(text: str) -> tuple[str, int]:
    with pytest.raises(ContentError) as info:
        load_text(text, "card.yaml")
    problem = info.value.problems[0]
    assert problem.path == "card.yaml"
    return problem.code, problem.line


def test_plain_scalars_are_typed_strictly() -> None:
    data, _ = load_text("a: yes\nb: NO\nc: 012\nd: 1:20\ne: 2015-06\nf: true\ng: null\nh: -7\ni: 2.5\nj: '3'\n", "x")
    assert data == {"a": "yes", "b": "NO", "c": "012", "d": "1:20", "e": "2015-06", "f": True,
                    "g": None, "h": -7, "i": 2.5, "j": "3"}


def test_positions_are_kept_for_every_value() -> None:
    _, positions = load_text("cards:\n  - id: x\n    weight: 5\n", "x")
    assert positions[("cards", 0, "id")] == (2, 5)
    assert positions[("cards", 0, "weight")] == (3, 5)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: &x 1\nb: *x\n", "Y002", 1),
        ("a: 1\nb: !!python/object:os.system {}\n", "Y003", 2),
        ("a: !custom 1\n", "Y003", 1),
        ("a: 1\nb: 2\na: 3\n", "Y004", 3),
        ("a: [1, 2\n", "Y001", 1),  # an unclosed [ is where it opened
        ("a: 1\n---\nb: 2\n", "Y010", 2),
        ("? [1, 2]\n: x\n", "Y009", 1),
    ],
)
def test_refusals_name_their_line(text: str, code: str, line: int) -> None:
    assert refused(text) == (code, line)


def test_depth_is_capped() -> None:
    deep = "a: " + "[" * (safeyaml.MAX_DEPTH + 2) + "]" * (safeyaml.MAX_DEPTH + 2) + "\n"
    assert refused(deep)[0] == "Y005"


def test_long_keys_and_big_files_are_refused_long_values_left_to_the_schema() -> None:
    # YAML itself refuses a key of over 1,024 characters on one line; "? " writes a longer one
    assert refused("? " + "x" * (safeyaml.MAX_KEY + 1) + "\n: a\n")[0] == "Y007"
    assert load_text("a: " + "x" * (safeyaml.MAX_KEY + 1) + "\n", "card.yaml")[0] == {"a": "x" * (safeyaml.MAX_KEY + 1)}
    assert refused("# " + "x" * safeyaml.MAX_FILE_BYTES + "\n")[0] == "Y006"


def test_bad_bytes_are_reported_on_their_line(tmp_path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"id: ok\ntitle: caf\xe9\n")
    with pytest.raises(ContentError) as info:
        safeyaml.load_file(str(path))
    assert (info.value.problems[0].code, info.value.problems[0].line) == ("Y008", 2)


def test_alias_bomb_costs_nothing() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    )
    assert refused(bomb)[0] == "Y002"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_data_or_a_content_error(tmp_path_factory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.yaml"
    path.write_bytes(raw)
    try:
        safeyaml.load_file(str(path))
    except ContentError as exc:
        assert exc.problems and all(p.code.startswith("Y") for p in exc.problems)


@pytest.mark.parametrize(
    ("text", "line"),
    [("a: 1\nb: " + "1" * 5000 + "\n", 2), ("a: -" + "9" * 16 + "\n", 1), ("a: 1.0e309\n", 1), ("a: 1.0e300\n", 1)],
)
def test_numbers_no_content_needs_are_refused_before_python_converts_them(text: str, line: int) -> None:
    with pytest.raises(ContentError) as info:
        load_text(text, "card.yaml")
    problem = info.value.problems[0]
    assert (problem.code, problem.line) == ("Y011", line)
    assert "far too large" in problem.message and "sys." not in problem.message
    assert len(problem.message) < 120  # the number is cut short, not printed whole


def test_numbers_of_a_sane_size_are_kept() -> None:
    assert load_text("a: 999999999999999\nb: -2.5e3\nc: '1" + "0" * 40 + "'\n", "x")[0] == {
        "a": 999_999_999_999_999, "b": -2500.0, "c": "1" + "0" * 40}


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("a:\n\t- b\n", 2, "indent with spaces, not tabs"),
        ("a: b: c\n", 1, "must be put in quotes"),
        ("a: @x\n", 1, "a value starting with @ must be put in quotes"),
        ('a: "b\n', 2, "a quote or a bracket is not closed"),
        ("a: ok\nb: x\x01\n", 2, "control character (U+0001)"),
        ("a: ok\nb: \x7f\n", 2, "control character (U+007F)"),
    ],
)
def test_yaml_mistakes_say_what_to_do(text: str, line: int, fragment: str) -> None:
    with pytest.raises(ContentError) as info:
        load_text(text, "card.yaml")
    problem = info.value.problems[0]
    assert problem.line == line and fragment in problem.message, str(problem)
    assert "\n" not in problem.message and "<unicode string>" not in problem.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX special files")
def test_read_file_refuses_what_is_not_a_regular_file(tmp_path) -> None:
    os.mkfifo(tmp_path / "fifo.yaml")
    os.symlink("loop.yaml", tmp_path / "loop.yaml")
    os.symlink("/dev/zero", tmp_path / "zero.yaml")
    for name, fragment in [("fifo.yaml", "not a regular file"), ("loop.yaml", "leads back to itself"),
                           ("zero.yaml", "not a regular file"), ("missing.yaml", "not found"), (".", "not a regular file")]:
        with pytest.raises(ContentError) as info:
            safeyaml.read_file(str(tmp_path / name))
        assert info.value.problems[0].code == "Y000" and fragment in info.value.problems[0].message
    with pytest.raises(ContentError) as info:
        safeyaml.read_file(str(tmp_path / "a\0b.yaml"))
    assert "NUL" in info.value.problems[0].message
