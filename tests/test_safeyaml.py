"""The strict YAML reader: what it refuses, where it says the problem is, how it types values."""

from __future__ import annotations

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
        ("a: [1, 2\n", "Y001", 2),
        ("a: 1\n---\nb: 2\n", "Y010", 2),
        ("? [1, 2]\n: x\n", "Y009", 1),
    ],
)
def test_refusals_name_their_line(text: str, code: str, line: int) -> None:
    assert refused(text) == (code, line)


def test_depth_is_capped() -> None:
    deep = "a: " + "[" * (safeyaml.MAX_DEPTH + 2) + "]" * (safeyaml.MAX_DEPTH + 2) + "\n"
    assert refused(deep)[0] == "Y005"


def test_long_strings_and_big_files_are_refused() -> None:
    assert refused("a: " + "x" * (safeyaml.MAX_STRING + 1) + "\n")[0] == "Y007"
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
