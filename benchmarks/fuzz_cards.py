"""Mutate the shipped content and see whether ``check`` and the game hold.

    python benchmarks/fuzz_cards.py [--mutants 2000] [--seed 1] [--timeout 10] [--games 3]
                                    [--scenario tutorial ...] [--render] [--show 10]

The bundled ``levels/`` folder is copied once into a temporary folder. Each mutant changes one
file of that copy (a card file, a scenario, a member profile, the clauses or the model) by one
to three mutations — flipped bytes, deleted, duplicated or swapped lines, a value of another type,
huge numbers, deep nesting, control and invisible characters, look-alike letters, random YAML
fragments, follow-up chains, or the file replaced by a FIFO, a link loop, a link to /dev/zero, a
folder, an empty or oversized file — then ``check`` runs in this process on the scenario that
reads the file, under a time limit (``signal.setitimer``), and the file is put back.

Each mutant is one of:

- **handled**: ``check`` answered, every line it printed is printable, and no message carries a
  raw exception (a type name, "unhashable", "sys.set_int_max_str_digits");
- **crashed**: an exception came out of ``check``, it reported a fault of its own (X900), printed
  a control character or showed raw exception text;
- **hung**: ``check`` did not answer within ``--timeout`` seconds.

A handled mutant whose scenario loads is then played: ``--games`` headless games with scripted
drafters (``game.sim``), each saved and restored, and with ``--render`` every new text drawn by
pygame's own renderer. A mutant that ``check`` passed with no problem and that fails in play is
counted as **passed check but failed in play**; one that loaded with problems (cards skipped) and
fails is counted apart. The target is 0 crashed, 0 hung, 0 passed-check-but-failed-in-play.

Prints figures and the first failures; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.content import check  # noqa: E402
from game.content.loader import load_scenario, scenario_folders  # noqa: E402
from game.engine.defs import Scenario  # noqa: E402
from game.engine.game import END, Game  # noqa: E402
from game.sim.simulate import play_one  # noqa: E402

LEVELS = Path(__file__).resolve().parent.parent / "levels"
STRATEGIES = ("random", "status-quo", "robust")
# What a raw exception looks like in a message: a person must never see these.
RAW_EXCEPTION = re.compile(
    r"Traceback|\w+Error\b|Exception\b|unhashable|set_int_max_str_digits|has no attribute|NoneType|<class |"
    r"object at 0x|Input should be|Value error,|discriminator"
)


class Timeout(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``Timeout`` in this thread after ``seconds`` (Unix); no limit where unsupported."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- mutations ------------------------------------------------------------------------------
TYPE_SWAPS = ["[]", "{}", "x", "5", "-1", "0", "true", "null", "1.5", "[1, 2]", "{a: 1}", '""', "''", "~",
              "[[]]", "{en: x}", "'5'", "2015-06", "yes", "-", "[a, b, c]"]
HUGE = ["1" + "0" * 5000, "-" + "9" * 4301, "1" + "0" * 309, "1.0e308", "1.0e309", "-1.0e400", "99999999999999",
        "123456789012345678901234567890", "1.0e-400", "-0", "0.0000001", "4294967296", "9223372036854775808"]
CONTROL = ["\\0", "\\e[2J", "\\e[1A\\r", "\\u200b", "\\u202e", "\\t", "\\r", "\\x7f", "\\x85", "\\u2028", "\\a",
           "\\b", "\\x9b", "\\ufeff", "\\u00ad", "\\u200e", "\\x1b]0;pwned\\x07", "\\U0001F600"]
INVISIBLE = ["\\u200b", "\\u200b\\u200c", " ", "\\u00ad", "\\u200e\\u200f", "\\u3000", "\\u0301"]
FRAGMENTS = ["&a x", "*a", "!!python/object/apply:os.system ['true']", "? complex", "---", "...", "%YAML 1.1",
             "<<: *a", "key: |", "- - -", "{", "]", ": :", "\t- x", "'unterminated", '"\\q"', "@x", "`x`",
             "cards:", "- id: dup", "  - id: tut-budget-squeeze", "when: 5", "when: {all: []}",
             "when: {not: {not: {not: {not: 5}}}}", "weight: {base: 5, grows_with: violence.gao, factor: 1000}",
             "follow_up: [{card: tut-anefis-clashes, after: 1}]", "effects: {mission.troops: 100000}",
             "effects: {violence.mean: 5}", "mandates: [0, 99]", "from: 2099-13", "until: 1900-01",
             "cooldown: 40", "once: false", "a: " + "[" * 40 + "]" * 40, "x: !!binary aGk=", "? [a]: b",
             "\ufeffid: x", "title: {en: '\\0'}", "text: {en: '\\u200b'}", "council: []"]
LOOK_ALIKES = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і"}
CONDITION_BITS = [" + 1", " ** 9", " (", ")", " lambda: 1", " __import__('os')", "[0]", " if 1 else 0", " not not",
                  " = 5", " && 1", " > 1e400", " > " + "9" * 400, " and violence.goa > 1", " or (", " in [1]",
                  " @ 1", " is None", " > 'x'", " ; 1", ".__class__", " > -" * 40, " < 5" * 50]
SCALAR = re.compile(r"^(\s*(?:- )?[\w.\-]+: )(.+)$")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def m_byte_flip(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 3)):
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def _on_text(fn: Callable[[list[str], random.Random], None]) -> Callable[[bytes, random.Random], bytes]:
    def mutate(raw: bytes, rng: random.Random) -> bytes:
        lines = _lines(raw.decode("utf-8", errors="replace"))
        fn(lines, rng)
        return "\n".join(lines).encode("utf-8", errors="surrogatepass")
    mutate.__name__ = fn.__name__
    return mutate


def _scalar_lines(lines: list[str]) -> list[int]:
    return [i for i, ln in enumerate(lines) if SCALAR.match(ln) and not ln.lstrip().startswith("#")]


def _replace_value(lines: list[str], rng: random.Random, make: Callable[[str], str]) -> None:
    found = _scalar_lines(lines)
    if found:
        i = rng.choice(found)
        m = SCALAR.match(lines[i])
        assert m is not None
        lines[i] = m.group(1) + make(m.group(2))


def delete_line(lines: list[str], rng: random.Random) -> None:
    if lines:
        del lines[rng.randrange(len(lines))]


def duplicate_line(lines: list[str], rng: random.Random) -> None:
    if lines:
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])


def swap_lines(lines: list[str], rng: random.Random) -> None:
    if len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]


def type_swap(lines: list[str], rng: random.Random) -> None:
    _replace_value(lines, rng, lambda _v: rng.choice(TYPE_SWAPS))


def huge_number(lines: list[str], rng: random.Random) -> None:
    numeric = [i for i in _scalar_lines(lines) if re.search(r": -?\d+\s*$", lines[i])]
    if numeric:
        i = rng.choice(numeric)
        lines[i] = re.sub(r"-?\d+\s*$", rng.choice(HUGE), lines[i])
    else:
        _replace_value(lines, rng, lambda _v: rng.choice(HUGE))


def deep_nesting(lines: list[str], rng: random.Random) -> None:
    n = rng.randint(5, 60)
    kind = rng.random()
    if kind < 0.4:
        value = "[" * n + "1" + "]" * n
    elif kind < 0.8:
        value = "{a: " * n + "1" + "}" * n
    else:
        value = "{not: " * n + "'violence.gao > 1'" + "}" * n
    _replace_value(lines, rng, lambda _v: value)


def control_chars(lines: list[str], rng: random.Random) -> None:
    def make(value: str) -> str:
        inner = value.strip().strip("'\"").replace("\\", "\\\\").replace('"', '\\"')
        if rng.random() < 0.3:
            return '"' + "".join(rng.choice(INVISIBLE) for _ in range(rng.randint(1, 3))) + '"'
        pos = rng.randint(0, len(inner))
        return '"' + inner[:pos] + rng.choice(CONTROL) + inner[pos:] + '"'
    _replace_value(lines, rng, make)


def raw_control(lines: list[str], rng: random.Random) -> None:
    if lines:
        i = rng.randrange(len(lines))
        pos = rng.randint(0, len(lines[i]))
        lines[i] = lines[i][:pos] + chr(rng.choice([0, 1, 7, 8, 11, 12, 27, 127, 0x85, 0x9B, 0x200B, 0x202E, 0xFEFF])) + lines[i][pos:]


def yaml_fragment(lines: list[str], rng: random.Random) -> None:
    i = rng.randrange(len(lines) + 1)
    indent = re.match(r"\s*", lines[i - 1]).group(0) if i and lines else ""  # type: ignore[union-attr]
    lines.insert(i, indent + rng.choice(FRAGMENTS))


def look_alike(lines: list[str], rng: random.Random) -> None:
    found = _scalar_lines(lines)
    if not found:
        return
    i = rng.choice(found)
    spots = [j for j, ch in enumerate(lines[i]) if ch in LOOK_ALIKES]
    if spots:
        j = rng.choice(spots)
        ch = lines[i][j]
        new = LOOK_ALIKES[ch] if rng.random() < 0.6 else chr(ord(ch) + 0xFEE0)  # Cyrillic, or full-width
        lines[i] = lines[i][:j] + new + lines[i][j + 1:]


def condition_noise(lines: list[str], rng: random.Random) -> None:
    found = [i for i, ln in enumerate(lines) if re.match(r"\s*when: ", ln)]
    if not found:
        return yaml_fragment(lines, rng)
    i = rng.choice(found)
    head, _, value = lines[i].partition("when: ")
    body = value.strip().strip("'\"")
    pos = rng.randint(0, len(body))
    body = body[:pos] + rng.choice(CONDITION_BITS) + body[pos:]
    lines[i] = head + "when: '" + body.replace("'", "''") + "'"


def follow_ups(lines: list[str], rng: random.Random) -> None:
    """Add follow-ups between the file's own cards: chains, loops, fan-out, duplicates."""
    ids = re.findall(r"^  - id: ([\w-]+)", "\n".join(lines), re.MULTILINE)
    spots = [i for i, ln in enumerate(lines) if re.match(r"\s+- id: ", ln) and not ln.startswith("  - ")]
    if not ids or not spots:
        return yaml_fragment(lines, rng)
    for _ in range(rng.randint(1, 4)):
        i = rng.choice(spots)
        indent = re.match(r"\s*", lines[i]).group(0) + "  "  # type: ignore[union-attr]
        count = rng.choice([1, 2, 3, 4, 200])
        targets = ", ".join(f"{{card: {rng.choice(ids)}, after: {rng.randint(1, 3)}}}" for _ in range(count))
        lines.insert(i + 1, f"{indent}follow_up: [{targets}]")


TEXT_MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    m_byte_flip, *(_on_text(f) for f in (delete_line, duplicate_line, swap_lines, type_swap, huge_number, deep_nesting,
                                           control_chars, raw_control, yaml_fragment, look_alike, condition_noise,
                                           follow_ups)),
]
FILE_KINDS = ("fifo", "loop", "dev-zero", "folder", "empty", "oversized", "latin-1", "bom-crlf", "deleted")


def replace_file(path: Path, kind: str, original: bytes) -> None:
    """Put something other than the card file at ``path``."""
    path.unlink()
    if kind == "fifo" and hasattr(os, "mkfifo"):
        os.mkfifo(path)
    elif kind == "loop":
        os.symlink(path.name, path)
    elif kind == "dev-zero" and os.path.exists("/dev/zero"):
        os.symlink("/dev/zero", path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "oversized":
        path.write_bytes(original + b"\n# " + b"x" * (600 * 1024) + b"\n")
    elif kind == "latin-1":
        path.write_bytes(original.decode("utf-8").encode("latin-1", errors="replace"))
    elif kind == "bom-crlf":
        path.write_bytes(b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n"))
    elif kind == "deleted":
        pass
    else:  # a kind this system cannot make
        path.write_bytes(original)


def restore(path: Path, original: bytes) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    elif path.exists():  # a FIFO
        path.unlink()
    path.write_bytes(original)


# --- play -----------------------------------------------------------------------------------
def texts_of(scenario: Scenario) -> Iterator[str]:
    for t in (scenario.title, scenario.summary, scenario.theme, scenario.history, *scenario.objectives,
              *scenario.questions, *scenario.guide.values()):
        yield from t.values()
    for card in scenario.cards:
        yield from card.title.values()
        yield from card.text.values()
        for r in card.responses:
            yield from r.label.values()
            yield from r.why.values()
            for d in r.delayed:
                yield from d.note.values()
    for m in scenario.members:
        for t in (m.name, m.wants, m.trade):
            yield from t.values()
        for p in m.preferences:
            yield from p.why.values()
        for c in m.concerns:
            yield from c.why.values()
    for dim in scenario.dimensions:
        for t in (dim.label, dim.help):
            yield from t.values()
        for o in dim.options:
            yield from o.label.values()
            yield from o.summary.values()


def text_fault(text: str) -> str | None:
    """What the window or the terminal could not show in a text ``check`` accepted."""
    if "\x00" in text:
        return "NUL in a text"
    if any(not (ch.isprintable() or ch == "\n") and ch not in "\u200b\u200c\u200d\u200e\u200f\u00ad\u2060\ufeff" for ch in text):
        return f"control character in a text: {text[:40]!r}"
    if not any(ch.isalnum() or (ch.isprintable() and not ch.isspace()) for ch in text):
        return f"a text with nothing visible: {text[:40]!r}"
    return None


class Renderer:
    """pygame's own text renderer (no safe path in front): what a drawn text must survive."""

    def __init__(self) -> None:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        import pygame

        pygame.font.init()
        self.font = pygame.font.Font(None, 18)

    def draw(self, text: str) -> None:
        for line in text.split("\n"):
            if line.strip():
                self.font.render(line[:400], True, (0, 0, 0))


def play(scenario: Scenario, games: int, seed: int, known_texts: set[str], renderer: Renderer | None) -> str | None:
    """None if the scenario plays; else what went wrong."""
    for text in texts_of(scenario):
        if text in known_texts:
            continue
        fault = text_fault(text)
        if fault:
            return fault
        if renderer is not None:
            renderer.draw(text)
    for i in range(games):
        strategy = STRATEGIES[i % len(STRATEGIES)]
        game = play_one(scenario, seed + i, strategy)
        if game.phase != END:
            return f"game did not finish ({strategy}, seed {seed + i}, quarter {game.quarter})"
        if any(n > 60 for n in game.draws.values()):
            return f"a card was drawn {max(game.draws.values())} times in one game"
        again = Game.from_dict(scenario, json.loads(json.dumps(game.to_dict())))
        if again.to_dict() != game.to_dict():
            return "the saved game does not restore to the same game"
    return None


# --- the run --------------------------------------------------------------------------------
def pick_file(paths: list[Path], rng: random.Random) -> Path:
    """Card files half the time, the scenario file often, profiles, clauses and model the rest
    (there are 60 member profiles: picked uniformly, they would take most of the mutants)."""
    cards = [p for p in paths if p.parent.name == "cards"]
    main = [p for p in paths if p.name == "scenario.yaml"]
    other = [p for p in paths if p not in cards and p not in main]
    roll = rng.random()
    group = cards if roll < 0.55 else main if roll < 0.7 else other
    return rng.choice(group or paths)


def content_files(root: Path, folder: Path) -> list[Path]:
    loaded = load_scenario(folder)
    return sorted({p for p in loaded.files if str(p).startswith(str(root))})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mutants", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds for check, and again for play")
    parser.add_argument("--games", type=int, default=3, help="headless games per mutant that loads")
    parser.add_argument("--scenario", action="append", help="scenario names (default: all bundled)")
    parser.add_argument("--render", action="store_true", help="also draw every new text with pygame")
    parser.add_argument("--show", type=int, default=10, help="failures printed in full")
    parser.add_argument("--memory", type=int, default=3000, help="MB this process may use (a MemoryError, not the OOM killer)")
    args = parser.parse_args()
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (args.memory * 1024 * 1024, resource.RLIM_INFINITY))
    except (ImportError, ValueError, OSError):  # not on this system
        pass
    rng = random.Random(args.seed)
    renderer = Renderer() if args.render else None

    tmp = Path(tempfile.mkdtemp(prefix="penholder-fuzz-"))
    root = tmp / "levels"
    shutil.copytree(LEVELS, root, symlinks=True)
    folders = [f for f in scenario_folders(root) if not args.scenario or f.name in args.scenario]
    files = {f: content_files(root, f) for f in folders}
    known_texts: set[str] = set()
    for f in folders:
        pristine = load_scenario(f).scenario
        if pristine is not None:
            known_texts.update(texts_of(pristine))

    counts: Counter[str] = Counter()
    failures: list[str] = []
    by_mutation: Counter[str] = Counter()
    started = time.perf_counter()
    try:
        for n in range(args.mutants):
            folder = rng.choice(folders)
            target = pick_file(files[folder], rng)
            original = target.read_bytes()
            names: list[str] = []
            if rng.random() < 0.06:
                kind = rng.choice(FILE_KINDS)
                names.append(f"file:{kind}")
                replace_file(target, kind, original)
            else:
                raw = original
                for _ in range(rng.choice((1, 1, 1, 2, 3))):
                    mutation = rng.choice(TEXT_MUTATIONS)
                    names.append(mutation.__name__)
                    raw = mutation(raw, rng)
                target.write_bytes(raw)
            label = f"#{n} {target.relative_to(root)} [{', '.join(names)}]"
            try:
                outcome, detail, loaded_clean, scenario = run_check(folder, args.timeout)
                counts[outcome] += 1
                if outcome != "handled":
                    by_mutation.update(names)
                    failures.append(f"{outcome}: {label}\n{detail}")
                elif scenario is not None:
                    try:
                        with time_limit(args.timeout):
                            fault = play(scenario, args.games, args.seed + n, known_texts, renderer)
                    except Timeout:
                        fault = "play did not finish in time"
                    except Exception:  # noqa: BLE001 - what we are looking for
                        fault = traceback.format_exc(limit=4)
                    if fault:
                        key = "passed-check-but-failed-in-play" if loaded_clean else "loaded-with-problems-but-failed-in-play"
                        counts[key] += 1
                        by_mutation.update(names)
                        failures.append(f"{key}: {label}\n{fault}")
                    else:
                        counts["played"] += 1
            finally:
                restore(target, original)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    elapsed = time.perf_counter() - started
    print(f"{args.mutants} mutants of {', '.join(f.name for f in folders)} (seed {args.seed}) in {elapsed:.0f} s")
    print(f"handled {counts['handled']}, crashed {counts['crashed']}, hung {counts['hung']}, "
          f"passed-check-but-failed-in-play {counts['passed-check-but-failed-in-play']}")
    print(f"  of the handled: {counts['played']} loaded and played, "
          f"{counts['loaded-with-problems-but-failed-in-play']} loaded with problems and failed in play")
    if by_mutation:
        print("  failures by mutation: " + ", ".join(f"{k} {v}" for k, v in by_mutation.most_common()))
    for text in failures[: args.show]:
        print("\n" + text.rstrip())
    return 0


def run_check(folder: Path, timeout: float) -> tuple[str, str, bool, Scenario | None]:
    """(outcome, detail, passed with no problem, the scenario if it loads)."""
    out = io.StringIO()
    try:
        with time_limit(timeout), contextlib.redirect_stdout(out):
            check.run([str(folder)], as_json=False)
            loaded = load_scenario(folder)
    except Timeout:
        return "hung", "", False, None
    except (Exception, MemoryError):  # noqa: BLE001 - what we are looking for
        return "crashed", traceback.format_exc(limit=6), False, None
    printed = out.getvalue().splitlines()
    bad = [ln for ln in printed if not ln.isprintable()]
    if bad:
        return "crashed", f"printed a control character: {bad[0][:200]!r}", False, None
    faults = [ln for ln in printed if " X900 " in ln]
    raw = [ln for ln in printed if RAW_EXCEPTION.search(ln.split(": ", 1)[-1])]
    if faults or raw:
        return "crashed", "\n".join((faults + raw)[:3]), False, None
    return "handled", "", not loaded.problems, loaded.scenario


if __name__ == "__main__":
    raise SystemExit(main())
