"""The condition language: a whitelist compiled to closures, never eval."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.conditions import (
    ConditionError,
    compile_string,
    compile_tree,
    name_hint,
    quantities_in,
)
from game.engine.world import READABLE

STATE = {name: 0 for name in READABLE} | {"violence.gao": 70, "relation.cma.platform": -30, "buyin.algeria": 55}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("violence.gao > 60", True),
        ("violence.gao > 60 and relation.cma.platform < -20", True),
        ("violence.gao > 80 or buyin.algeria >= 55", True),
        ("not violence.gao > 60", False),
        ("relation.platform.cma == -30", True),  # either order names the same relation
        ("40 < violence.gao <= 70", True),
        ("(violence.gao < 10 or buyin.algeria > 50) and not relation.cma.platform > 0", True),
        ("violence.gao < buyin.algeria", False),
    ],
)
def test_string_form(text: str, expected: bool) -> None:
    assert compile_string(text)(STATE) is expected


def test_structured_form_matches_the_string_form() -> None:
    tree = {"all": [{"quantity": "violence.gao", "op": ">", "value": 60},
                    {"not": {"quantity": "buyin.algeria", "op": "<", "value": 50}}]}
    assert compile_tree(tree)(STATE) is True
    assert compile_tree({"any": [{"quantity": "violence.gao", "op": "<", "value": 5}]})(STATE) is False


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("__import__('os').system('echo hi')", "function calls"),
        ("violence.gao.__class__ > 1", "'_' are not allowed"),
        ("violence.gao.x > 1", "unknown quantity"),
        ("violence.__class__ > 1", "'_' are not allowed"),
        ("open('x') > 1", "function calls"),
        ("violence['gao'] > 1", "indexing"),
        ("(lambda: 1)() > 0", "function calls"),
        ("violence.gao > 'x'", "only numbers"),
        ("violence.gao", "alone is not a condition"),
        ("violence.gao + 1 > 2", "arithmetic"),
        ("violence.goa > 2", "did you mean 'violence.gao'"),
        ("violence.gao > 2 &&  buyin.au > 1", "'and'"),
        ("violence.gao >", "cannot read"),
        ("[x for x in ()]", "this is not a condition: a condition compares a quantity with a number"),
        ("violence.gao - 5", "arithmetic (+ - * / %) is not allowed"),
        ("violence.gao % 2 > 1", "arithmetic"),
        ("5", "a number or a text alone is not a condition"),
        ("violence.gao = 5", "use '=='"),
        ("violence.gao =< 5", "write '<=', not '=<'"),
        ("violence.gao => 5", "write '>=', not '=>'"),
        ("violence.gao > 1e400", "out of scale"),
        ("violence.gao > 10000000000", "out of scale"),
        ("violence.gao > (", "'(' was never closed (check the parentheses)"),
        ("violence.gao > > 1", "cannot read this condition here: write comparisons such as"),
        ("(violence.gao > 1) > 2", "a comparison cannot be compared again"),
        ("violence.g\u0430o > 5", "U+0430 CYRILLIC SMALL LETTER A, a look-alike of the Latin 'a'"),
        ("\uff56iolence.gao > 5", "U+FF56 FULLWIDTH LATIN SMALL LETTER V: type a plain 'v' instead"),
        ("violence.gao\u200b > 5", "U+200B ZERO WIDTH SPACE"),
        ("   ", "the condition is empty"),
    ],
)
def test_refused_conditions_say_why(text: str, fragment: str) -> None:
    with pytest.raises(ConditionError) as info:
        compile_string(text)
    assert fragment in str(info.value)


def test_python_s_warnings_do_not_reach_the_terminal(recwarn: pytest.WarningsRecorder) -> None:
    with pytest.raises(ConditionError):
        compile_string("violence.gao > 1and buyin.au < 2x")
    assert not recwarn.list


def test_no_message_names_python_internals() -> None:
    for text in ("violence.gao + 1", "1 + 2", "-violence.gao > 1", "violence.gao > 1 if 1 else 0", "{1: 2}", "..."):
        with pytest.raises(ConditionError) as info:
            compile_string(text)
        assert not any(word in str(info.value) for word in ("BinOp", "IfExp", "Dict", "Ellipsis", "UnaryOp", "Constant"))


@pytest.mark.parametrize(
    "tree",
    [{"all": 5}, {"quantity": ["x"], "op": ">", "value": 1}, {"quantity": "violence.gao", "op": ["x"], "value": 1},
     {"quantity": "violence.gao", "op": ">"}, {"quantity": "violence.gao", "op": ">", "value": "x"},
     {"quantity": "violence.gao", "op": ">", "value": float("inf")}, {"not": {"not": {"all": []}}}, 5, None, [1]],
)
def test_malformed_trees_are_refused_cleanly(tree: object) -> None:
    with pytest.raises(ConditionError):
        compile_tree(tree)


def test_a_tree_too_deep_is_refused() -> None:
    tree: object = {"quantity": "violence.gao", "op": ">", "value": 1}
    for _ in range(40):
        tree = {"not": tree}
    with pytest.raises(ConditionError, match="nested more than"):
        compile_tree(tree)


def test_name_hints_say_what_is_odd_before_suggesting() -> None:
    known = ["violence.gao", "when"]
    assert name_hint("violence.goa", known) == " (did you mean 'violence.gao'?)"
    assert name_hint("when ", known) == " (it has a space at the end: remove it)"
    assert "U+0430 CYRILLIC SMALL LETTER A" in name_hint("violence.g\u0430o", known)
    assert "did you mean" not in name_hint("violence.g\u0430o", known)
    assert name_hint("nothing-like-it", known) == ""


def test_quantities_in_lists_what_a_condition_reads() -> None:
    assert quantities_in("violence.gao > 1 and relation.platform.cma < 0") == ["relation.cma.platform", "violence.gao"]


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_any_text_compiles_or_is_refused_cleanly(text: str) -> None:
    try:
        condition = compile_string(text)
    except ConditionError:
        return
    assert condition(STATE) in (True, False)
