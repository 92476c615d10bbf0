"""The condition language: a whitelist compiled to closures, never eval."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.conditions import ConditionError, compile_string, compile_tree, quantities_in
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
    ],
)
def test_refused_conditions_say_why(text: str, fragment: str) -> None:
    with pytest.raises(ConditionError) as info:
        compile_string(text)
    assert fragment in str(info.value)


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
