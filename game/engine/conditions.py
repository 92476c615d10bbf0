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
import functools
import itertools
import math
import operator
import re
import unicodedata
import warnings
from collections.abc import Callable, Mapping
from typing import Any, NoReturn

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
MAX_NUMBER = 1_000_000_000  # far beyond any quantity's range: a bigger number is a typo

# Letters of other alphabets that look like Latin ones: the usual culprits of copy and paste.
_LOOK_ALIKES: dict[str, str] = dict(zip(
    "аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХУІЈЅοαιντκρχυϲΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwhlABEKMHOPCTXYIJSoaivtkpxucABEZHIKMNOPTYX",
    strict=True,
))


_CONTROL_NAMES = {0: "NUL", 7: "BELL", 8: "BACKSPACE", 9: "TAB", 10: "LINE FEED", 11: "VERTICAL TAB",
                  12: "FORM FEED", 13: "CARRIAGE RETURN", 27: "ESCAPE", 127: "DELETE"}


def character_name(ch: str) -> str:
    """``U+0430 CYRILLIC SMALL LETTER A``: how a message names a character a person cannot see."""
    code = ord(ch)
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(code) or ("CONTROL" if unicodedata.category(ch) == "Cc" else "UNNAMED")
    return f"U+{code:04X} {name}"


def char_problem(ch: str) -> str | None:
    """What is wrong with one character of a name, in plain words; None for plain ASCII."""
    if " " < ch <= "~":
        return None
    if ch in _LOOK_ALIKES:
        return f"{character_name(ch)}, a look-alike of the Latin '{_LOOK_ALIKES[ch]}': retype it on an English keyboard"
    folded = unicodedata.normalize("NFKC", ch)
    if folded != ch and folded.isascii() and folded.isprintable() and folded.strip():
        return f"{character_name(ch)}: type a plain '{folded}' instead"
    if ch == " ":
        return "a space: names have none"
    if not ch.isprintable():
        return f"an invisible or control character ({character_name(ch)}): delete it"
    return f"{character_name(ch)}, which names never use: they hold only a-z, 0-9, '.', '-' and '_'"


def odd_characters(name: str) -> str | None:
    """Why a name that should be plain ASCII is not, in plain words; None if it is plain.

    A name with a Cyrillic 'а' or a full-width 'ｖ' looks identical to the real one, so a
    "did you mean" would show the same name twice: say which character is wrong instead.
    """
    if name != name.strip(" "):
        return f"it has a space {'at the start' if name[:1] == ' ' else 'at the end'}: remove it"
    for pos, ch in enumerate(name, 1):
        problem = char_problem(ch)
        if problem is not None:
            return f"character {pos} is {problem}"
    return None


# The record's names for groups and bodies the model folds into one actor (levels/README.md,
# "The actors"): 'strength.gatia' is the Platform's strength, not the closest spelling (the CMA's).
GROUP_ACTORS: dict[str, tuple[str, ...]] = {
    "gatia": ("platform",), "cmfpr": ("platform",), "fama": ("government",), "mnla": ("cma",), "hcua": ("cma",),
    "maa": ("cma", "platform"), "ansar_dine": ("jnim",), "ansardine": ("jnim",), "aqim": ("jnim",), "aqmi": ("jnim",),
    "macina": ("jnim",), "katiba_macina": ("jnim",), "flm": ("jnim",), "gsim": ("jnim",),
    "mourabitoun": ("jnim", "isgs"), "al_mourabitoun": ("jnim", "isgs"), "mujao": ("isgs",), "mujwa": ("isgs",),
    "eigs": ("isgs",), "isis": ("isgs",), "cedeao": ("ecowas",), "ua": ("au",), "barkhane": ("france",),
    "serval": ("france",),
}


def name_hint(name: str, known: Mapping[str, object] | Any) -> str:
    """The " (…)" that follows 'unknown X': what is odd about the name, the actor a group's own
    name belongs to, or the closest known one."""
    odd = odd_characters(name)
    if odd is not None:
        return f" ({odd})"
    choices = tuple(sorted(set(known)))
    family, *parts = name.split(".")
    groups = [part for part in parts if part.lower().replace("-", "_") in GROUP_ACTORS]
    if groups:
        options = [GROUP_ACTORS.get(part.lower().replace("-", "_"), (part,)) for part in parts]
        found = [c for c in (".".join((family, *combo)) for combo in itertools.product(*options))
                 for c in (c, _swapped(c)) if c in choices]
        if found:
            said = " or ".join(f"'{f}'" for f in dict.fromkeys(found))
            return f" ({', '.join(groups)}: written as the actor's id; did you mean {said}?)"
    return _closest(name, choices)


def _swapped(name: str) -> str:
    """A relation's two actors the other way round (relation.platform.cma, relation.cma.platform)."""
    parts = name.split(".")
    return ".".join((parts[0], parts[2], parts[1])) if len(parts) == 3 else name


@functools.lru_cache(maxsize=4096)
def _closest(name: str, choices: tuple[str, ...]) -> str:
    """did_you_mean, remembered (a typo copied into 19,400 conditions is looked up once) and,
    for a dotted name whose first part is right (``violence.goa``), looked up among the names of
    that family only: difflib costs milliseconds a name, and a file can hold thousands."""
    head = name.split(".", 1)[0] + "."
    family = [c for c in choices if c.startswith(head)] if "." in name else []
    return (did_you_mean(name, family) if family else "") or did_you_mean(name, choices)


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
        raise ConditionError(f"unknown quantity '{name}'{name_hint(name, known)}", col)
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


NOT_A_CONDITION = (
    "this is not a condition: a condition compares a quantity with a number, such as 'violence.gao > 60',"
    " and may join comparisons with and, or, not and parentheses"
)


def _compile_ast(node: ast.AST, known: Mapping[str, object]) -> Condition:
    col = getattr(node, "col_offset", -1) + 1
    if isinstance(node, ast.BoolOp):
        parts = [_compile_ast(v, known) for v in node.values]
        return _all(parts) if isinstance(node.op, ast.And) else _any(parts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        inner = _compile_ast(node.operand, known)
        return lambda s: not inner(s)
    if isinstance(node, ast.Compare):
        return _compile_compare(node, known, col)
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        value = node.value
        return lambda s: value
    _refuse(node, col, _NOT_CONDITIONS, NOT_A_CONDITION)


def _compile_compare(node: ast.Compare, known: Mapping[str, object], col: int) -> Condition:
    """``a < b <= c``: each link a test, all of them holding."""
    operands = [node.left, *node.comparators]
    tests: list[Condition] = []
    for i, op in enumerate(node.ops):
        if type(op) not in _AST_OPS:
            raise ConditionError("only <, <=, >, >=, ==, != compare values", col)
        tests.append(_operand_test(operands[i], _AST_OPS[type(op)], operands[i + 1], known))
    return _all(tests)


def _refuse(node: ast.AST, col: int, table: tuple[tuple[Any, str], ...], otherwise: str) -> NoReturn:
    """Raise the plain-words message for a piece of syntax a condition does not allow."""
    for kinds, message in table:
        if isinstance(node, kinds):
            raise ConditionError(message, col)
    raise ConditionError(otherwise, col)


_ARITHMETIC = ("arithmetic (+ - * / %) is not allowed in conditions: compare a quantity with a number,"
               " for example 'violence.gao > 60'")
_CALLS = "function calls are not allowed in conditions"
_INDEXING = "indexing ([…]) is not allowed in conditions"
# What a whole condition may not be, and what each side of a comparison may not be.
_NOT_CONDITIONS: tuple[tuple[Any, str], ...] = (
    (ast.Call, _CALLS),
    (ast.Subscript, _INDEXING),
    ((ast.Attribute, ast.Name), "a quantity alone is not a condition: compare it (for example 'violence.gao > 50')"),
    (ast.BinOp, _ARITHMETIC),
    (ast.Constant, f"a number or a text alone is not a condition: {NOT_A_CONDITION[len('this is not a condition: '):]}"),
)
_NOT_OPERANDS: tuple[tuple[Any, str], ...] = (
    (ast.Call, _CALLS),
    (ast.Subscript, _INDEXING),
    (ast.BinOp, _ARITHMETIC),
    (ast.Compare, "a comparison cannot be compared again: join comparisons with and / or"),
)


def _operand(node: ast.AST, known: Mapping[str, object]) -> tuple[str, Any]:
    """('q', name) for a quantity, ('n', number) for a number literal."""
    col = getattr(node, "col_offset", -1) + 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        kind, value = _operand(node.operand, known)
        if kind != "n":
            raise ConditionError("a minus sign goes before a number only", col)
        return "n", -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return "n", _number(node.value, col)
    if isinstance(node, (ast.Attribute, ast.Name)):
        return "q", _quantity(_readable_name(node, col), col, known)
    if isinstance(node, ast.Constant):
        kind = "true or false" if isinstance(node.value, bool) else "a text or other value"
        raise ConditionError(f"only numbers can be compared with a quantity, not {kind}", col)
    _refuse(node, col, _NOT_OPERANDS,
            "each side of a comparison is a quantity (such as violence.gao) or a number (such as 60)")


def _readable_name(node: ast.Attribute | ast.Name, col: int) -> str:
    """The dotted name a condition reads; private or computed names are refused."""
    name = _dotted(node)
    if name is None:
        raise ConditionError("only quantity names like 'violence.gao' may be read", col)
    if name.startswith("_") or "._" in name or "__" in name:
        raise ConditionError("names starting with '_' are not allowed", col)
    return name


def _number(value: Any, col: int = 0) -> int | float:
    """A number a condition may compare with: finite and of a sane size."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise ConditionError("the value compared with is a number, such as 60", col)
    if isinstance(value, float) and not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise ConditionError(f"the number is out of scale: use a number between -{MAX_NUMBER:,} and {MAX_NUMBER:,}", col)
    return value


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
    # Python folds full-width letters into ASCII ones silently: a condition is ASCII or refused.
    for pos, ch in enumerate(source, 1):
        problem = None if ch == " " else char_problem(ch)
        if problem is not None:
            word = source[:pos].split(" ")[-1] + source[pos:].split(" ")[0]
            raise ConditionError(f"in '{word}', character {pos} of the condition is {problem}", pos)
    if not source:
        raise ConditionError(f"the condition is empty: {NOT_A_CONDITION[len('this is not a condition: '):]}", 1)
    if "&&" in source or "||" in source:
        raise ConditionError("write 'and' / 'or', not '&&' / '||'", source.find("&") + 1 or source.find("|") + 1)
    turned = re.search(r"=<|=>|=!", source)  # the two signs of <=, >= or != the other way round
    if turned:
        raise ConditionError(f"write '{turned[0][::-1]}', not '{turned[0]}' (the '=' comes second)", turned.start() + 1)
    single = re.search(r"(?<![<>=!])=(?!=)", source)
    if single:
        raise ConditionError("use '==' to test that a quantity equals a number (a single '=' does not compare)",
                             single.start() + 1)
    try:
        with warnings.catch_warnings():  # "invalid decimal literal" and the like: not for a designer's terminal
            warnings.simplefilter("ignore")
            tree = ast.parse(source, mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError) as exc:
        raise ConditionError(_syntax_message(exc), getattr(exc, "offset", 0) or 0) from None
    return _compile_ast(tree.body, known)


def _syntax_message(exc: BaseException) -> str:
    """Python's parser messages, kept where they help (brackets) and plain words otherwise."""
    msg = getattr(exc, "msg", "") or ""
    if "never closed" in msg or "unmatched" in msg or "does not match" in msg:
        return f"cannot read this condition: {msg} (check the parentheses)"
    return ("cannot read this condition here: write comparisons such as 'violence.gao > 60',"
            " joined with and, or, not")


MAX_TREE_DEPTH = 32


def compile_tree(tree: Any, known: Mapping[str, object] = READABLE, _depth: int = 0) -> Condition:
    """Compile the structured form (plain dicts and lists, as loaded from YAML)."""
    if isinstance(tree, str):
        return compile_string(tree, known)
    if _depth > MAX_TREE_DEPTH:
        raise ConditionError(f"conditions nested more than {MAX_TREE_DEPTH} deep: simplify this one")
    if not isinstance(tree, Mapping) or len(tree) != 1 and "quantity" not in tree:
        raise ConditionError(_SHAPE)
    if "all" in tree or "any" in tree:
        return _compile_group(tree, "all" if "all" in tree else "any", known, _depth)
    if "not" in tree:
        inner = compile_tree(tree["not"], known, _depth + 1)
        return lambda s: not inner(s)
    return _compile_comparison(tree, known)


_SHAPE = "a condition is one of: all, any, not, or {quantity, op, value}"


def _compile_group(tree: Mapping[str, Any], key: str, known: Mapping[str, object], depth: int) -> Condition:
    """``all:`` or ``any:`` of a list of conditions."""
    if not isinstance(tree[key], list):
        raise ConditionError(f"'{key}' holds a list of conditions")
    parts = [compile_tree(t, known, depth + 1) for t in tree[key]]
    if not parts:
        raise ConditionError(f"'{key}' needs at least one condition")
    return _all(parts) if key == "all" else _any(parts)


def _compile_comparison(tree: Mapping[str, Any], known: Mapping[str, object]) -> Condition:
    """``{quantity, op, value}``."""
    if set(tree) != {"quantity", "op", "value"}:
        raise ConditionError(_SHAPE)
    op = tree["op"]
    if not isinstance(op, str) or op not in OPERATORS:
        raise ConditionError(f"unknown operator: use one of {', '.join(OPERATORS)}")
    if not isinstance(tree["quantity"], str):
        raise ConditionError("'quantity' names a quantity, such as violence.gao")
    return _compare(_quantity(tree["quantity"], 0, known), op, _number(tree["value"]))


def _names_in_string(text: str) -> list[str]:
    """The dotted names the string form of a condition reads ([] if it cannot be parsed)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = ast.parse(" ".join(text.split()), mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return []
    inner = {id(n.value) for n in ast.walk(parsed) if isinstance(n, ast.Attribute)}
    names = {_dotted(n) for n in ast.walk(parsed) if isinstance(n, ast.Attribute) and id(n) not in inner}
    return sorted({canonical(n) for n in names if n})


def quantities_in(tree: Any) -> list[str]:
    """Every quantity name a condition reads (for reference checks and the chain graph)."""
    if isinstance(tree, str):
        return _names_in_string(tree)
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


def condition_source(raw: object) -> str:
    """A ``when:`` as one line, whichever form it was written in: the line itself, or the
    structured form (``all``, ``any``, ``not``, ``{quantity, op, value}``) written as one."""
    if isinstance(raw, str):
        return " ".join(raw.split())
    if isinstance(raw, dict):
        for key, joint in (("all", " and "), ("any", " or ")):
            if isinstance(raw.get(key), list):
                parts = [condition_source(part) for part in raw[key]]
                return joint.join(f"({part})" if " " in part and len(parts) > 1 else part for part in parts)
        if raw.get("not") is not None:
            return f"not ({condition_source(raw['not'])})"
        if {"quantity", "op", "value"} <= raw.keys():
            return f"{raw['quantity']} {raw['op']} {raw['value']}"
    return ""
