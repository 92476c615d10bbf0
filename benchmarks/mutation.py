"""Mutation testing of the engine: does the test suite notice when the rules are wrong?

    python benchmarks/mutation.py [--module council] [--module game] [--limit 60] [--seed 1]
                                  [--timeout 60] [--list] [--quiet]
                                  [--tests tests/test_council.py ...]

Each mutant changes exactly one thing in one engine module (``game/engine/rules.py``,
``council.py`` or ``game.py``):

- a comparison: ``<`` ↔ ``<=``, ``>`` ↔ ``>=``, ``==`` ↔ ``!=``, ``in`` ↔ ``not in``,
  ``is`` ↔ ``is not``;
- an arithmetic operator (also in ``+=``): ``+`` ↔ ``-``, ``*`` → ``//``, ``//`` and ``/`` → ``*``,
  ``%`` → ``//``;
- a boolean operator: ``and`` ↔ ``or``; a ``not`` dropped;
- a sign: ``-x`` → ``x``;
- an integer constant: ``n`` → ``n + 1``.

Docstrings, type annotations and lines marked ``# pragma: no mutate`` are left alone.

How a mutant is run: the test modules' heavy imports are made once in this process; for each
mutant a child is forked, the mutated module's code is executed again into the existing module
object (so ``council.adopted`` is the mutant's), every name other ``game.*`` modules imported from
it (``from game.engine.council import YES``) is rebound to the mutant's, and pytest runs the chosen
fast tests with ``-x`` in the child. A failing run (or a run over ``--timeout``) kills the mutant;
a passing one lets it survive. The unmutated module is run the same way first: if that fails, the
figures would mean nothing and the script stops. It is run again at the end: the children read the
tests and the levels from disk, so an edit made to the checkout during the run (a level a preloaded
loader no longer reads, a test half written) would kill every later mutant; the figures are then
void, and the script says so. On a checkout others are editing, run a copy (``git archive HEAD``).
A module's own tests run first (``FIRST``): with ``-x`` the first failure ends a child, so a mutant
dies in a second rather than after the whole list; the set of tests, hence each verdict, is the
same. POSIX only (``os.fork``).

Prints, for each module, the mutants found and tried, killed and surviving, the surviving share,
and each survivor (line, code before and after), so that a reviewer can tell a missing test from
an equivalent mutant. Survivors listed in ``EQUIVALENT`` (mutants that change no behaviour, each
with its reason) are printed apart and left out of the share: the share counts the mutants that
change what the game does. Asserts nothing: the figures are for the report.
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import os
import random
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = {
    "rules": "game.engine.rules",
    "council": "game.engine.council",
    "game": "game.engine.game",
}
# Fast tests that exercise the engine (missing files are skipped: the list outlives renames).
DEFAULT_TESTS = (
    "tests/test_council.py",
    "tests/test_engine_loop.py",
    "tests/test_game.py",
    "tests/test_game_actions.py",
    "tests/test_contributors.py",
    "tests/test_clauses_matter.py",
    "tests/test_claims.py",
    "tests/test_claims_neutralised.py",
    "tests/test_fidelity.py",
    "tests/test_record_council.py",
    "tests/test_properties.py",
    "tests/test_rules_sections.py",
    "tests/test_rules_thresholds.py",
    "tests/test_inert.py",
    "tests/test_luck.py",
    "tests/test_previews.py",
)
# Per module, the tests that kill most of its mutants fastest, moved to the front of the list.
FIRST: dict[str, tuple[str, ...]] = {
    "rules": ("tests/test_rules_thresholds.py", "tests/test_rules_sections.py"),
}
PRAGMA = "pragma: no mutate"

# Mutants that change no behaviour, so no test can kill them: (module, the mutated line as written,
# stripped, code before, code after) -> why. Keyed by the line's text, not its number, so that the
# list outlives edits elsewhere in the module; an entry whose line has changed simply stops matching.
_SECTION_ORDER = "field_quarter runs every section in SECTIONS order, and the one that sets this runs before any that reads it"
EQUIVALENT: dict[tuple[str, str, str, str], str] = {
    ("game", "unity: int = -1  # from the members' positions at the vote (-1: a save from before, count the votes)", "1", "2"):
        "any negative default means 'count the votes': unity_at_vote only asks whether it is >= 0",
    ("game", "self.mandate_left = 0", "0", "1"):
        "the game starts at the briefing, and every vote sets mandate_left before a quarter reads it",
    ("game", "if self._prediction is None or self._prediction[0] != key:", "0", "1"):
        "a cache that always misses: predict() recomputes the same stances, with their reasons, from the same inputs",
    ("game", "return self.scenario.card(self.pending[0]) if self.phase == CARD and self.pending else None",
     "self.phase == CARD and self.pending", "self.phase == CARD or self.pending"):
        "cards are pending only in the card phase: start_quarter enters it with them, Respond leaves it with none left",
    ("game", 'self.mandate_left = max(1, self._levers.get("duration", 4))', "4", "5"):
        "levers_for starts from LEVER_DEFAULTS, which holds a duration: the default of get() is never used",
    ("game", 'draws = 2 if self.luck.draw(self.quarter, "second_card") * 1000 < sc.coefficients["second_card_chance"] else 1',
     "self.luck.draw(self.quarter, 'second_card') * 1000 < sc.coefficients['second_card_chance']",
     "self.luck.draw(self.quarter, 'second_card') * 1000 <= sc.coefficients['second_card_chance'"):
        "differs only when a 53-bit draw times 1000 lands exactly on the whole per mille",
    ("game", 'draws = 2 if self.luck.draw(self.quarter, "second_card") * 1000 < sc.coefficients["second_card_chance"] else 1',
     "2", "3"): "min(3, max_cards) == min(2, max_cards): cards_per_quarter is at most 2 (schema), and 2 by default",
    ("game", 'return chance >= 100 or self.luck.draw(self.quarter, f"follow_up:{item[\'card\']}") * 100 < chance',
     "chance >= 100", "chance > 100"): "at a chance of 100 the roll, a draw below 1 times 100, is always under 100",
    ("game", 'return chance >= 100 or self.luck.draw(self.quarter, f"follow_up:{item[\'card\']}") * 100 < chance',
     'self.luck.draw(self.quarter, f"follow_up:{item[\'card\']}") * 100 < chance',
     'self.luck.draw(self.quarter, f"follow_up:{item[\'card\']}") * 100 <= chance'):
        "differs only when a 53-bit draw times 100 lands exactly on the whole per cent",
    ("game", "if n + 1 < draws:", "n + 1 < draws", "n + 1 <= draws"):
        "it also takes the last card drawn out of the candidates after the last draw, which no draw then reads",
    ("game", "if n + 1 < draws:", "n + 1", "n - 1"):
        "it also takes the last card drawn out of the candidates after the last draw, which no draw then reads",
    ("game", 'chance = int(item.get("chance", 100))', "100", "101"):
        "a follow-up without a chance comes for certain either way: 100 and 101 both pass chance >= 100",
    ("game", 'return chance >= 100 or self.luck.draw(self.quarter, f"follow_up:{item[\'card\']}") * 100 < chance',
     "100", "101"):
        "for the 100 of chance >= 100: at a chance of 100 the roll, a draw below 1 times 100, is always under 100 "
        "(the line's other 100, of the roll, has the same key; "
        "test_a_follow_up_comes_when_its_roll_in_per_cent_is_under_its_chance kills it)",
    ("game", "return cands[min(pick, len(cands) - 1)][0].id", "len(cands) - 1", "len(cands) + 1"):
        "a guard that never acts: the draw times the total is below the last cumulative weight, so pick <= len - 1",
    ("game", 'short = self._levers.get("duration", 4) <= 2  # another vote so soon costs capital', "4", "5"):
        "levers_for starts from LEVER_DEFAULTS, which holds a duration: the default of get() is never used",
    ("game", 'game.votes = [VoteResult(int(r["quarter"]), dict(r["votes"]), bool(r["adopted"]), dict(r["draft"]), int(r.get("unity", -1)))',
     "1", "2"): "any negative default means 'count the votes': unity_at_vote only asks whether it is >= 0",
    ("council", 'preferences, concerns = _in_year(member, values.get("time.year", 0))', "0", "1"):
        "without a year, 0 and 1 select the same reasons: an undated one holds from 0 to 9999, and a dated one "
        "from no earlier than 1990 (the schema's bounds), so both years fall inside every undated span and before every dated one",
    ("council", "weight = concern.weight if positions == 100 else concern.weight * positions // 100", "100", "101"):
        "at positions 100 the scaled branch gives weight * 100 // 100, the weight itself: the test only skips the arithmetic",
    ("council", "weight = pref.weight if positions == 100 else pref.weight * positions // 100", "100", "101"):
        "at positions 100 the scaled branch gives weight * 100 // 100, the weight itself: the test only skips the arithmetic",
    ("council", "if len(reasons) > 1:", "len(reasons) > 1", "len(reasons) >= 1"):
        "sorting a list of one reason leaves it as it is: the guard only skips a call",
    ("rules", "if num >= 0:", "num >= 0", "num > 0"): "at 0 both roundings give 0",
    ("rules", "if num >= 0:", "0", "1"): "num is an integer: num >= 1 is num > 0, and at 0 both roundings give 0",
    ("rules", "return (num + 50) // 100 if num >= 0 else -((50 - num) // 100)", "num >= 0", "num > 0"):
        "at 0 both roundings give 0",
    ("rules", "return (num + 50) // 100 if num >= 0 else -((50 - num) // 100)", "0", "1"):
        "num is an integer: num >= 1 is num > 0, and at 0 both roundings give 0",
    ("rules", "_SCALES: tuple[int, ...] = tuple(100 ** n for n in range(9))  # part's denominators, by how many percents", "9", "10"):
        "a tenth denominator no call reaches: the engine gives part at most five percents",
    ("rules", "top = max((cma.get(r, 0) for r in REGIONS), default=0) or 1", "0", "1"):
        "either 0: REGIONS is never empty, so max's default is never used; and footprints are whole "
        "numbers, so counting the CMA's missing regions as 1 changes no maximum that `or 1` does not already lift to 1",
    ("rules", "top = max((cma.get(r, 0) for r in REGIONS), default=0) or 1", "1", "2"):
        "only when the CMA is nowhere, and then every clash share is 0 whatever the divisor",
    ("rules", "if a != b and ARMED.index(a) < ARMED.index(b))", "ARMED.index(a) < ARMED.index(b)",
     "ARMED.index(a) <= ARMED.index(b)"): "a != b already rules out equal indices",
    ("rules", "if raw <= knee:", "raw <= knee", "raw < knee"): "at raw == knee the curve gives knee + span * 0 // span = raw",
    ("rules", "return knee + span * over // (over + span) if span > 0 else 100", "span > 0", "span >= 0"):
        "at span 0 (knee 100) the curve gives 100 + 0, the same 100",
    ("rules", "return (100 - strength) * 100 // max(1, 100 - knee)", "1", "2"):
        "the guard differs only at knee 99 or more, where the only strength above the knee is 100, with room 0 either way",
    ("rules", 'add(key, regrowth if v[key] <= knee else pct(regrowth, room(v[key], knee)), "rule:regrowth")',
     "v[key] <= knee", "v[key] < knee"): "at the knee room is 100, and pct(regrowth, 100) is regrowth",
    ("rules", "if above > 0:", "above > 0", "above >= 0"): "at no ownership above the floor the fading removes min(decay, 0) = 0",
    ("rules", "if killed > bearable:", "killed > bearable", "killed >= bearable"):
        "killing just what they bear withdraws tcc_withdrawal * 0 = 0 troops",
    ("rules", 'if L.get("duration", 4) <= 2:', "4", "5"):
        "levers_for starts from LEVER_DEFAULTS, which holds a duration: the default of get() is never used",
    ("rules", "if v[key] < 0:", "v[key] < 0", "v[key] <= 0"): "a relation at 0 mends by part(truce, 0, mediators) = 0",
    ("rules", "elif new > hi:", "new > hi", "new >= hi"): "at new == hi it sets new to hi: no change",
    ("rules", "self.killed = 0", "0", "1"): _SECTION_ORDER + " (casualties sets it every quarter; only the game reads it, after)",
    ("rules", "self.expected_deaths = 0  # in hundredths: the previews' expected toll, not floored", "0", "1"):
        _SECTION_ORDER + " (casualties sets it every quarter; only the previews read it, after)",
    ("rules", 'self.support = levers.get("outside_support", 0)', "0", "1"):
        "outside support is read only as support // 2, and 1 // 2 is 0 // 2",
    ("rules", "if v[key] > knee:", "v[key] > knee", "v[key] >= knee"): "at the knee a partner loses pct(0, expectations) = 0",
    ("rules", "if hostility_ab <= 0:", "hostility_ab <= 0", "hostility_ab < 0"):
        "a relation at 0 makes no war: pct(rivalry_violence, 0) and pct(rivalry_attrition, 0) are 0",
    ("rules", "if walked > 0:", "0", "1"): "walked is 100 less twice an integer mean: even, never 1",
    ("rules", "if v[key] < 0:", "0", "1"): "a relation at 0 mends by part(truce, 0, mediators) = 0",
    ("rules", "if hostile and clash:", "hostile and clash", "hostile or clash"):
        "either at 0 makes pct(hostile, clash) 0, and a change of 0 is not recorded",
    ("rules", "if room > 0:", "room > 0", "room >= 0"):
        "at no room left presence and the state remove min(0, shield) = 0, and room only falls below 0",
    ("rules", "total = sum(deployment.values()) or 1", "1", "2"):
        "only when every weight is 0, and then every share is 0 whatever the divisor",
    ("rules", "if new < lo:", "new < lo", "new <= lo"): "at new == lo it sets new to lo: no change",
    ("rules", "self.split = 0", "0", "1"): _SECTION_ORDER + " (spoilers, before politics)",
    ("rules", "self.grievance = 0", "0", "1"): _SECTION_ORDER + " (recruitment, before violence)",
    ("rules", "self.mediators = 0", "0", "1"): _SECTION_ORDER + " (commitment, before politics and alliances)",
    ("rules", "self.violence_mean = 0", "0", "1"): _SECTION_ORDER + " (politics, before alliances)",
    ("rules", "if robust and room > 0:", "robust and room > 0", "robust or room > 0"):
        "without a robust lever the robust shield is 0, and a change of 0 is not recorded",
    ("rules", "if robust and room > 0:", "room > 0", "room >= 0"): "with no room left the shield removes min(0, shield) = 0",
    ("rules", "if v[tie] > 0:", "v[tie] > 0", "v[tie] >= 0"):
        "a tie of 0 adds nothing: 0 to collusion's ties, pct(trafficking_pull, 0) = 0 to trafficking's pull",
    ("rules", "if walked > 0:", "walked > 0", "walked >= 0"): "nothing walked away from unravels pct(abandonment, 0) = 0",
}

_COMPARE_SWAP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}
_BINOP_SWAP: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult,
    ast.Div: ast.Mult, ast.Mod: ast.FloorDiv,
}


@dataclass(frozen=True)
class Mutant:
    module: str  # key of MODULES
    index: int  # the index-th mutable site of the module, in ast.walk order
    line: int
    kind: str
    before: str
    after: str
    source: str = ""  # the mutated line as written, stripped (what EQUIVALENT is keyed by)

    def label(self) -> str:
        return f"{self.module}:{self.line} {self.kind}: {self.before}  ->  {self.after}"

    def equivalent(self) -> str | None:
        """Why this mutant changes no behaviour, if EQUIVALENT says so."""
        return EQUIVALENT.get((self.module, self.source, self.before, self.after))


def _protected(tree: ast.Module) -> set[int]:
    """ids of nodes never mutated: docstrings and annotations (they change no behaviour)."""
    skip: set[int] = set()

    def protect(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            protect(body[0])
        if isinstance(node, ast.AnnAssign):
            protect(node.annotation)
        elif isinstance(node, ast.arg):
            protect(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            protect(node.returns)
    return skip


def _sites(tree: ast.Module, lines: list[str]) -> list[tuple[ast.AST, int, str]]:
    """Every place a mutation applies: (node, which part, kind), in a stable order."""
    skip = _protected(tree)
    out: list[tuple[ast.AST, int, str]] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        line = getattr(node, "lineno", 0)
        if line and PRAGMA in lines[line - 1]:
            continue
        if isinstance(node, ast.Compare):
            out.extend((node, i, "comparison") for i, op in enumerate(node.ops) if type(op) in _COMPARE_SWAP)
        elif isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in _BINOP_SWAP:
            out.append((node, 0, "arithmetic"))
        elif isinstance(node, ast.BoolOp):
            out.append((node, 0, "boolean"))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.Not)):
            out.append((node, 0, "sign" if isinstance(node.op, ast.USub) else "boolean"))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            out.append((node, 0, "constant"))
    return out


def _mutate(node: ast.AST, part: int) -> ast.AST:
    """A mutated copy of ``node`` (the tree itself is never changed in place)."""
    new = copy.copy(node)
    if isinstance(new, ast.Compare):
        ops = list(new.ops)
        ops[part] = _COMPARE_SWAP[type(ops[part])]()
        new.ops = ops
    elif isinstance(new, (ast.BinOp, ast.AugAssign)):
        new.op = _BINOP_SWAP[type(new.op)]()
    elif isinstance(new, ast.BoolOp):
        new.op = ast.Or() if isinstance(new.op, ast.And) else ast.And()
    elif isinstance(new, ast.UnaryOp):
        return new.operand  # -x -> x, not x -> x
    elif isinstance(new, ast.Constant):
        new.value = new.value + 1
    return new


class _Replace(ast.NodeTransformer):
    def __init__(self, target: ast.AST, replacement: ast.AST):
        self.target, self.replacement = target, replacement

    def visit(self, node: ast.AST) -> ast.AST:
        if node is self.target:
            return self.replacement
        return super().visit(node)


def _source(module: str) -> tuple[Path, str]:
    path = ROOT / (MODULES[module].replace(".", "/") + ".py")
    return path, path.read_text(encoding="utf-8")


def mutants_of(module: str) -> list[Mutant]:
    _path, text = _source(module)
    tree = ast.parse(text)
    out = []
    lines = text.splitlines()
    for index, (node, part, kind) in enumerate(_sites(tree, lines)):
        before = ast.unparse(node).split("\n")[0]
        after = ast.unparse(_mutate(node, part)).split("\n")[0]
        out.append(Mutant(module, index, node.lineno, kind, before[:90], after[:90], lines[node.lineno - 1].strip()))
    return out


def mutated_tree(mutant: Mutant) -> ast.Module:
    _path, text = _source(mutant.module)
    tree = ast.parse(text)
    node, part, _kind = _sites(tree, text.splitlines())[mutant.index]
    new_tree = _Replace(node, _mutate(node, part)).visit(tree)
    return ast.fix_missing_locations(new_tree)


def _install(mutant: Mutant) -> None:
    """Run the mutant's code into the live module and rebind what other modules imported."""
    name = MODULES[mutant.module]
    module = sys.modules[name]
    old = dict(vars(module))
    code = compile(mutated_tree(mutant), module.__file__ or name, "exec")
    exec(code, vars(module))
    fresh = vars(module)
    for other in list(sys.modules.values()):
        if other is module or not getattr(other, "__name__", "").startswith("game"):
            continue
        space = vars(other)
        for key, value in list(space.items()):
            if key in old and value is old[key] and fresh.get(key) is not value:
                space[key] = fresh[key]


def _preload() -> None:
    """Import once, in the parent, what every child needs: a fork then starts warm."""
    import hypothesis  # noqa: F401
    import pytest  # noqa: F401

    import game.content.loader  # noqa: F401
    import game.saves  # noqa: F401
    import game.sim.simulate  # noqa: F401
    import game.store  # noqa: F401
    for name in MODULES.values():
        __import__(name)


def _run_child(mutant: Mutant | None, tests: list[str], quiet: bool) -> int:
    """In a forked child: install the mutant, run pytest, return its exit status."""
    import pytest

    os.chdir(tempfile.mkdtemp(prefix="mutation-"))  # hypothesis keeps its database in the cwd
    if quiet:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
    if mutant is not None:
        _install(mutant)
    args = ["-x", "-q", "-p", "no:cacheprovider", f"--rootdir={ROOT}", "-c", str(ROOT / "pyproject.toml"),
            "-W", "ignore", *tests]
    return int(pytest.main(args))


def run_one(mutant: Mutant | None, tests: list[str], timeout: float, quiet: bool) -> tuple[str, float]:
    """'killed', 'survived' or 'timeout' (a timeout kills the mutant), and the seconds taken."""
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child
        status = 3
        try:
            status = _run_child(mutant, tests, quiet)
        except BaseException:  # a mutant that breaks the import is killed, like any failure
            status = 3
        finally:
            os._exit(status)
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            return ("survived" if code == 0 else "killed"), time.monotonic() - start
        if time.monotonic() - start > timeout:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout", time.monotonic() - start
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", action="append", choices=sorted(MODULES), help="repeatable; default: all three")
    parser.add_argument("--limit", type=int, default=0, help="at most N mutants per module, sampled with --seed (0: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=0, help="seconds per mutant (default: 3x the clean run, at least 20)")
    parser.add_argument("--tests", nargs="+", help="test files or node ids (default: the engine's fast tests)")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--quiet", action="store_true", help="only the figures, not each survivor")
    parser.add_argument("--json", metavar="FILE", help="also write the results there")
    args = parser.parse_args(argv)
    if not hasattr(os, "fork"):
        parser.error("this script forks a child per mutant: run it on Linux or macOS")

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    sys.path.insert(0, str(ROOT))
    modules = args.module or list(MODULES)
    tests = args.tests or [str(ROOT / t) for t in DEFAULT_TESTS if (ROOT / t).exists()]
    rng = random.Random(args.seed)
    chosen: dict[str, tuple[int, list[Mutant]]] = {}
    for module in modules:
        every = mutants_of(module)
        picked = every if not args.limit or args.limit >= len(every) else rng.sample(every, args.limit)
        chosen[module] = (len(every), sorted(picked, key=lambda m: (m.line, m.index)))
    if args.list:
        for _n, picked in chosen.values():
            for m in picked:
                print(m.label())
        return 0

    _preload()
    print(f"tests: {' '.join(os.path.relpath(t, ROOT) for t in tests)}", flush=True)
    verdict, clean_seconds = run_one(None, tests, 600, quiet=True)
    if verdict != "survived":
        print("the unmutated code fails these tests: fix that first (rerun with the tests alone to see why)")
        return 2
    timeout = args.timeout or max(20.0, 3 * clean_seconds)
    print(f"clean run: {clean_seconds:.1f} s; timeout per mutant {timeout:.0f} s", flush=True)

    results: dict[str, dict[str, object]] = {}
    for module, (found, picked) in chosen.items():
        first = [t for t in tests if os.path.relpath(t, ROOT) in FIRST.get(module, ())]
        ordered = first + [t for t in tests if t not in first]
        counts = {"killed": 0, "survived": 0, "timeout": 0, "equivalent": 0}
        survivors: list[str] = []
        equivalents: list[str] = []
        started = time.monotonic()
        for m in picked:
            outcome, _seconds = run_one(m, ordered, timeout, quiet=True)
            reason = m.equivalent() if outcome == "survived" else None
            if reason is not None:
                counts["equivalent"] += 1
                equivalents.append(f"{m.label()}  ({reason})")
                if not args.quiet:
                    print(f"  equivalent  {m.label()}  ({reason})", flush=True)
                continue
            counts[outcome] += 1
            if outcome == "survived":
                survivors.append(m.label())
                if not args.quiet:
                    print(f"  survived  {m.label()}", flush=True)
        tried = len(picked)
        counted = tried - counts["equivalent"]  # the mutants that change behaviour
        share = 100 * counts["survived"] / counted if counted else 0.0
        print(f"{MODULES[module]}: {found} mutants, {tried} tried, {counts['killed'] + counts['timeout']} killed "
              f"({counts['timeout']} by timeout), {counts['equivalent']} equivalent (left out), "
              f"{counts['survived']} survived: {share:.0f}% of {counted} surviving "
              f"({time.monotonic() - started:.0f} s)", flush=True)
        results[module] = {"found": found, "tried": tried, **counts, "surviving_share": round(share, 1),
                           "survivors": survivors, "equivalents": equivalents}
    if run_one(None, tests, 600, quiet=True)[0] != "survived":
        print("the unmutated code no longer passes these tests: the checkout changed during the run, "
              "so the figures above mean nothing (run a copy of the checkout)")
        return 2
    if args.json:
        Path(args.json).write_text(json.dumps({"seed": args.seed, "limit": args.limit, "results": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
