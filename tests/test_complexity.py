"""No long tangled functions in the content pipeline or the engine (issue 9: at most 15).

Cyclomatic complexity is counted by radon (McCabe's count: one, plus one per branch, loop,
boolean operator, comprehension condition, except clause...). Methods and nested functions are
counted on their own, as radon reports them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

radon_visitors = pytest.importorskip("radon.visitors", reason="radon is not installed: pip install -e '.[test]'")

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 15

# Engine functions allowed above the limit, with their complexity when listed. The list may only
# shrink: a listed function split below the limit must leave it (the test says so), and none may
# grow. It is empty since the quarter was split by section (rules.field_quarter was 75) and the
# conditions, the game's restore and the Council's stance were split: keep it so.
ENGINE_ALLOWED: dict[str, int] = {}


def _blocks(block: object, prefix: str = "") -> Iterator[tuple[str, int]]:
    """(qualified name, complexity) of a radon block and of every method and closure inside it."""
    name = prefix + block.name  # type: ignore[attr-defined]
    if hasattr(block, "methods"):  # a class: its own figure is the mean of its methods
        for method in block.methods:
            yield from _blocks(method, name + ".")
        for inner in getattr(block, "inner_classes", []):
            yield from _blocks(inner, name + ".")
        return
    yield name, block.complexity  # type: ignore[attr-defined]
    for closure in getattr(block, "closures", []):
        yield from _blocks(closure, name + ".")


def measure(source: str) -> dict[str, int]:
    """Complexity of every function, method and closure of ``source``, by qualified name."""
    visitor = radon_visitors.ComplexityVisitor.from_code(source)
    return dict(item for block in visitor.functions + visitor.classes for item in _blocks(block))


def complexities(package: str) -> dict[str, int]:
    """Every function of ``game/<package>/`` by ``path:qualified.name``."""
    found: dict[str, int] = {}
    for path in sorted((ROOT / "game" / package).glob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for name, value in measure(path.read_text(encoding="utf-8")).items():
            found[f"{rel}:{name}"] = value
    return found


def test_the_count_sees_branches_methods_and_closures() -> None:
    # The measure itself, on code whose count is known: 1 + if + elif + for + and = 5.
    source = (
        "class A:\n"
        "    def m(self, x):\n"
        "        def inner(y):\n"
        "            return [z for z in y if z]\n"
        "        if x:\n            return 1\n"
        "        elif x is None:\n            return 2\n"
        "        for _ in range(3):\n            pass\n"
        "        return x and inner(x)\n"
    )
    assert measure(source) == {"A.m": 5, "A.m.inner": 3}


def test_no_function_of_the_content_pipeline_is_above_the_limit() -> None:
    found = complexities("content")
    assert found, "no function found in game/content/"
    over = {name: value for name, value in found.items() if value > LIMIT}
    assert not over, f"split these into parts named for what they do (limit {LIMIT}): {over}"


def test_the_engine_is_within_the_limit_but_for_the_listed_functions() -> None:
    found = complexities("engine")
    over = {name: value for name, value in found.items() if value > LIMIT and name not in ENGINE_ALLOWED}
    assert not over, f"split these into parts named for what they do (limit {LIMIT}): {over}"
    grown = {name: (found[name], most) for name, most in ENGINE_ALLOWED.items() if found.get(name, 0) > most}
    assert not grown, f"listed functions may not grow (now, allowed): {grown}"
    done = sorted(name for name in ENGINE_ALLOWED if found.get(name, 0) <= LIMIT)
    assert not done, f"within the limit now (or gone): remove them from ENGINE_ALLOWED: {done}"
