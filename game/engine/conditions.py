"""Card conditions, compiled to closures without ``eval``.

Two forms, same meaning:

- a short string, parsed with ``ast`` against a whitelist: comparisons between known quantity
  names and numbers, ``and`` / ``or`` / ``not``, parentheses, unary minus. Nothing else — no
  calls, attributes of anything but a quantity path, subscripts, lambdas, names of builtins::

      violence.gao > 60 and relation.cma.platform < -20

- a structured tree of plain data: ``{all: [...]}``, ``{any: [...]}``, ``{not: cond}``, or a
  comparison ``{quantity: violence.gao, op: ">", value: 60}``.

Both compile to a function ``state -> bool`` where ``state`` maps quantity names to integers.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping
from typing import Any

from game.engine.world import READABLE, canonical, did_you_mean

Condition = Callable[[Mapping[str, int]], bool]

OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
    "==": operator.eq, "!=": operator.ne,
}
_AST_OPS: dict[type, str] = {
    ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
}
MAX_CONDITION_LENGTH = 500


class ConditionError(ValueError):
    """A condition that cannot be compiled; ``col`` counts from 1 within the string."""

    def __init__(self, message: str, col: int = 0):
        super().__init__(message)
        self.col = col


def always(_state: Mapping[str, int]) -> bool:
    return True


def _all(parts: list[Condition]) -> Condition:
    """``a and b and …`` as nested closures (faster than ``all()`` over a generator)."""
    if len(parts) == 1:
        return parts[0]
    first, rest = parts[0], _all(parts[1:])
    return lambda s: first(s) and rest(s)


def _any(parts: list[Condition]) -> Condition:
    if len(parts) == 1:
        return parts[0]
    first, rest = parts[0], _any(parts[1:])
    return lambda s: first(s) or rest(s)


def _dotted(node: ast.AST) -> str | None:
    """``violence.gao`` as an ast.Attribute chain over a Name, or None for anything else."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _quantity(name: str, col: int, known: Mapping[str, object]) -> str:
    name = canonical(name)
    if name not in known:
        raise ConditionError(f"unknown quantity '{name}'{did_you_mean(name, known)}", col)
    return name


def _compare(name: str, op: str, value: int | float) -> Condition:
    if op == ">":
        return lambda s: s[name] > value
    if op == "<":
        return lambda s: s[name] < value
    if op == ">=":
        return lambda s: s[name] >= value
    if op == "<=":
        return lambda s: s[name] <= value
    fn = OPERATORS[op]
    return lambda s: fn(s[name], value)


def _compile_ast(node: ast.AST, known: Mapping[str, object]) -> Condition:
    col = getattr(node, "col_offset", -1) + 1
    if isinstance(node, ast.BoolOp):
        parts = [_compile_ast(v, known) for v in node.values]
        return _all(parts) if isinstance(node.op, ast.And) else _any(parts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _compile_ast(node.operand, known)
        return lambda s: not inner(s)
    if isinstance(node, ast.Compare):
        operands = [node.left, *node.comparators]
        tests: list[Condition] = []
        for i, op in enumerate(node.ops):
            if type(op) not in _AST_OPS:
                raise ConditionError("only <, <=, >, >=, ==, != compare values", col)
            tests.append(_operand_test(operands[i], _AST_OPS[type(op)], operands[i + 1], known))
        return _all(tests)
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        value = node.value
        return lambda s: value
    if isinstance(node, ast.Call):
        raise ConditionError("function calls are not allowed in conditions", col)
    if isinstance(node, ast.Subscript):
        raise ConditionError("indexing ([…]) is not allowed in conditions", col)
    if isinstance(node, (ast.Attribute, ast.Name)):
        raise ConditionError(
            "a quantity alone is not a condition: compare it (for example 'violence.gao > 50')", col
        )
    raise ConditionError(f"'{type(node).__name__}' is not allowed in conditions", col)


def _operand(node: ast.AST, known: Mapping[str, object]) -> tuple[str, Any]:
    """('q', name) for a quantity, ('n', number) for a number literal."""
    col = getattr(node, "col_offset", -1) + 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        kind, value = _operand(node.operand, known)
        if kind != "n":
            raise ConditionError("a minus sign goes before a number only", col)
        return "n", -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return "n", node.value
    if isinstance(node, (ast.Attribute, ast.Name)):
        name = _dotted(node)
        if name is None:
            raise ConditionError("only quantity names like 'violence.gao' may be read", col)
        if name.startswith("_") or "._" in name or "__" in name:
            raise ConditionError("names starting with '_' are not allowed", col)
        return "q", _quantity(name, col, known)
    if isinstance(node, ast.Call):
        raise ConditionError("function calls are not allowed in conditions", col)
    if isinstance(node, ast.Subscript):
        raise ConditionError("indexing ([…]) is not allowed in conditions", col)
    if isinstance(node, ast.Constant):
        raise ConditionError(f"only numbers can be compared, not {node.value!r}", col)
    if isinstance(node, ast.BinOp):
        raise ConditionError("arithmetic (+ - * /) is not allowed in conditions: compare a quantity with a number", col)
    raise ConditionError(f"'{type(node).__name__}' is not allowed in conditions", col)


def _operand_test(left: ast.AST, op: str, right: ast.AST, known: Mapping[str, object]) -> Condition:
    lk, lv = _operand(left, known)
    rk, rv = _operand(right, known)
    fn = OPERATORS[op]
    if lk == "q" and rk == "n":
        return _compare(lv, op, rv)
    if lk == "n" and rk == "q":
        return lambda s: fn(lv, s[rv])
    if lk == "q" and rk == "q":
        return lambda s: fn(s[lv], s[rv])
    return lambda s: fn(lv, rv)


def compile_string(text: str, known: Mapping[str, object] = READABLE) -> Condition:
    """Compile the string form; raise ``ConditionError`` with a column on anything refused."""
    if len(text) > MAX_CONDITION_LENGTH:
        raise ConditionError(f"condition longer than {MAX_CONDITION_LENGTH} characters", 1)
    source = " ".join(text.split())  # one line: YAML folding must not change the meaning
    if "&&" in source or "||" in source:
        raise ConditionError("write 'and' / 'or', not '&&' / '||'", source.find("&") + 1 or source.find("|") + 1)
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise ConditionError(f"cannot read this condition: {exc.msg}", exc.offset or 0) from None
    return _compile_ast(tree.body, known)


def compile_tree(tree: Any, known: Mapping[str, object] = READABLE) -> Condition:
    """Compile the structured form (plain dicts and lists, as loaded from YAML)."""
    if isinstance(tree, str):
        return compile_string(tree, known)
    if not isinstance(tree, Mapping) or len(tree) != 1 and "quantity" not in tree:
        raise ConditionError("a condition is one of: all, any, not, or {quantity, op, value}")
    if "all" in tree or "any" in tree:
        key = "all" if "all" in tree else "any"
        parts = [compile_tree(t, known) for t in tree[key]]
        if not parts:
            raise ConditionError(f"'{key}' needs at least one condition")
        return _all(parts) if key == "all" else _any(parts)
    if "not" in tree:
        inner = compile_tree(tree["not"], known)
        return lambda s: not inner(s)
    op = tree.get("op")
    if op not in OPERATORS:
        raise ConditionError(f"unknown operator {op!r}: use one of {', '.join(OPERATORS)}")
    return _compare(_quantity(str(tree["quantity"]), 0, known), op, tree["value"])


def quantities_in(tree: Any) -> list[str]:
    """Every quantity name a condition reads (for reference checks and the chain graph)."""
    if isinstance(tree, str):
        try:
            parsed = ast.parse(" ".join(tree.split()), mode="eval")
        except SyntaxError:
            return []
        inner = {id(n.value) for n in ast.walk(parsed) if isinstance(n, ast.Attribute)}
        names = {_dotted(n) for n in ast.walk(parsed) if isinstance(n, ast.Attribute) and id(n) not in inner}
        return sorted({canonical(n) for n in names if n})
    if isinstance(tree, Mapping):
        found: list[str] = []
        for key in ("all", "any"):
            for sub in tree.get(key, []) or []:
                found.extend(quantities_in(sub))
        if "not" in tree:
            found.extend(quantities_in(tree["not"]))
        if "quantity" in tree:
            found.append(canonical(str(tree["quantity"])))
        return sorted(set(found))
    return []
