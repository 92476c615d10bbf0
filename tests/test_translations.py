"""The interface catalogues (game/locale/<lang>/LC_MESSAGES/penholder.po): complete, consistent,
used, and typeset as each language wants.

Entries are keys (a msgid, with a context such as ``rule`` or ``refusal`` for the engine's keys);
English is a catalogue like the others.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from game import i18n
from game.engine.actions import MESSAGES, Impossible

ROOT = Path(__file__).resolve().parents[1]
LANGS = i18n.languages()
OTHERS = [lang for lang in LANGS if lang != i18n.SOURCE]


def load(lang: str) -> Catalog:
    with i18n.po_path(lang).open("rb") as f:
        return read_po(f, locale=lang)


def entries(catalogue: Catalog) -> dict[tuple[str | None, str], Message]:
    """(context, key) -> entry, the header left out."""
    out = {}
    for m in catalogue:
        if m.id:
            key = m.id[0] if isinstance(m.id, tuple) else m.id
            out[(m.context, key)] = m
    return out


def strings(m: Message) -> list[str]:
    return list(m.string) if isinstance(m.string, tuple) else [m.string]


def test_english_and_french_catalogues_exist() -> None:
    assert LANGS[0] == "en" and "fr" in LANGS


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_translated_and_none_is_fuzzy(lang: str) -> None:
    catalogue = load(lang)
    for (ctx, key), m in entries(catalogue).items():
        assert not m.fuzzy, (lang, ctx, key)
        assert all(s.strip() for s in strings(m)), f"{lang}: {ctx or ''}|{key} has an empty translation"
    # a plural entry has as many forms as the language's Plural-Forms header says
    for m in entries(catalogue).values():
        if isinstance(m.id, tuple):
            assert len(strings(m)) == catalogue.num_plurals, (lang, m.id)


@pytest.mark.parametrize("lang", OTHERS)
def test_every_language_has_every_entry_and_its_placeholders(lang: str) -> None:
    source, other = entries(load(i18n.SOURCE)), entries(load(lang))
    assert set(other) == set(source), {"missing": set(source) - set(other), "extra": set(other) - set(source)}
    for key, m in source.items():
        wanted = set().union(*(i18n.placeholders(s) for s in strings(m)))
        for s in strings(other[key]):
            found = i18n.placeholders(s)
            # a singular form may spell out its one ("1 save"): {n} may be left out, nothing else
            if isinstance(m.id, tuple):
                found |= {"n"}
            assert found == wanted | ({"n"} if isinstance(m.id, tuple) else set()), (lang, key, s)
        assert isinstance(m.id, tuple) == isinstance(other[key].id, tuple), (lang, key, "plural in one only")


def test_no_entry_writes_a_plural_with_brackets() -> None:
    for lang in LANGS:
        for key, m in entries(load(lang)).items():
            for s in strings(m):
                assert not re.search(r"\w\((s|es|x)\)", s), (lang, key, s)


# --- French typography ------------------------------------------------------------------------
NBSP, NNBSP = "\u00a0", "\u202f"


def _outside_placeholders(s: str) -> str:
    return re.sub(r"\{[^{}]*\}", "{}", s)


def test_french_typography() -> None:
    """A no-break space (U+00A0) before a colon and inside « », a narrow one (U+202F) before
    ; ! and ?; never an ordinary space there, and no English quotes."""
    for key, m in entries(load("fr")).items():
        for s in strings(m):
            text = _outside_placeholders(s)
            for mark in re.finditer(r"[:;!?»]", text):
                before = text[mark.start() - 1] if mark.start() else ""
                wanted = NBSP if mark.group() in ":»" else NNBSP
                assert before == wanted, f"{key}: {mark.group()!r} after {before!r} in {s!r}"
            for mark in re.finditer("«", text):
                assert text[mark.end():mark.end() + 1] == NBSP, f"{key}: « without a no-break space in {s!r}"
            assert "“" not in text and "”" not in text, f"{key}: English quotes in {s!r}"


def test_the_typography_test_catches_an_ordinary_space() -> None:
    text = _outside_placeholders("Taille du texte : {n:+d}")
    assert text[text.index(":") - 1] == " "  # what test_french_typography refuses
    assert _outside_placeholders("{n:+d} ; x") == "{} ; x"


# --- every entry used, every key used exists ----------------------------------------------------
LOOKUPS = {"t", "tn", "text", "plural"}  # lookups whose first argument is a key


def _lookup_name(func: ast.expr, inside_i18n: bool = False) -> str:
    """``t``/``tn`` (the window's helpers), ``view.t`` (views, the terminal), ``i18n.text`` and
    the other ``i18n`` lookups; '' for any other call (``notice.text(lang)`` is not a lookup)."""
    if isinstance(func, ast.Name) and (func.id in ("t", "tn") or (inside_i18n and func.id in ("text", "word"))):
        return func.id
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        if func.value.id == "i18n" or func.attr in ("t", "tn"):
            return func.attr
    return ""


def _keys(expr: ast.expr) -> set[str]:
    """The keys a lookup's argument names: t("a"), t("a" if x else "b") (f-strings are prefixes)."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, ast.IfExp):
        return _keys(expr.body) | _keys(expr.orelse)
    return set()


def _literals() -> tuple[set[str], set[str], set[tuple[str | None, str]]]:
    """Every string constant in game/ (and the prefixes of f-strings), and the keys the code
    looks up literally: (context, key)."""
    constants: set[str] = set()
    prefixes: set[str] = set()
    looked_up: set[tuple[str | None, str]] = set()
    for path in (ROOT / "game").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                prefixes.add(str(node.values[0].value))
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                # a view's title_key = "field" (a sentence) and help_key = "saves" (its help) are
                # looked up by the base class
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id in ("title_key", "help_key"):
                        looked_up.add((None if target.id == "title_key" else "help", str(node.value.value)))
            if isinstance(node, ast.Call):
                name = _lookup_name(node.func, path.name == "i18n.py")
                args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
                if name in LOOKUPS and node.args:
                    looked_up |= {(None, key) for key in _keys(node.args[0])}
                elif name == "word" and len(args) > 1 and isinstance(args[0], str) and isinstance(args[1], str):
                    looked_up.add((args[0], args[1]))
    return constants, prefixes, looked_up


def test_every_key_the_code_looks_up_has_an_entry() -> None:
    _, _, looked_up = _literals()
    known = set(entries(load(i18n.SOURCE)))
    # the window's and the terminal's t("key") / i18n.word("context", "key") calls
    assert looked_up - known == set()


def test_no_entry_is_unused() -> None:
    """An interface sentence is looked up by name (or built from a prefix: ``help.keys.{i}``); an
    entry of a context names one of the engine's keys (a rule in a ``rule:<key>`` cause, an
    ending, a refusal, an actor…), found among the code's strings."""
    constants, prefixes, looked_up = _literals()
    rule_causes = {c.removeprefix("rule:") for c in constants if c.startswith("rule:")}
    unused = []
    for ctx, key in entries(load(i18n.SOURCE)):
        if ctx is None:  # the interface's sentences: looked up by name, or built from a prefix
            used = (None, key) in looked_up or any(p and key.startswith(p) for p in prefixes)
        elif ctx == "rule":
            used = key in rule_causes
        else:
            used = key in constants or any(p and key.startswith(p) for p in prefixes)
        if not used:
            unused.append((ctx, key))
    assert not unused


def test_the_unused_scan_sees_an_entry_nobody_asks_for() -> None:
    constants, prefixes, _ = _literals()
    assert "no_such_sentence_anywhere" not in constants
    assert not any(p and "no_such_sentence_anywhere".startswith(p) for p in prefixes)


def test_every_rule_cause_and_refusal_has_words() -> None:
    constants, _, _ = _literals()
    rules = {c.removeprefix("rule:") for c in constants if c.startswith("rule:") and len(c) > 5}
    for lang in LANGS:
        for rule in rules:
            assert i18n.word("rule", rule, lang) != rule, (lang, rule)
        for key in MESSAGES:
            assert i18n.word("refusal", key, lang) != key, (lang, key)


# --- lookups --------------------------------------------------------------------------------
def test_plurals_follow_each_language() -> None:
    assert i18n.text("years", "en", n=1) == "1 mandate year"
    assert i18n.text("years", "en", n=2) == "2 mandate years"
    assert i18n.text("years", "fr", n=1) == "1 année de mandat"
    assert i18n.text("years", "fr", n=0) == "0 année de mandat"  # French: 0 is singular
    assert i18n.text("tally", "fr", yes=9, no=2, n=2) == "9 pour · 2 contre · 2 abstentions"
    assert i18n.text("tally", "fr", yes=9, no=2, n=1) == "9 pour · 2 contre · 1 abstention"
    assert i18n.plural("later", 1, "en", t="x") == "In 1 quarter: x"


def test_a_refusal_is_worded_from_its_key() -> None:
    exc = Impossible("no_member", member="xx")
    assert i18n.refusal(exc, "en") == str(exc) == "No member 'xx'."
    assert i18n.refusal(exc, "fr") == f"Aucun membre «{NBSP}xx{NBSP}»."
    assert i18n.refusal(Impossible("a text, not a key"), "fr") == "a text, not a key"


def test_a_missing_translation_falls_back_to_english_then_to_the_key() -> None:
    assert i18n.text("app_title", "xx") == "Penholder"
    assert i18n.text("no_such_key", "fr") == "no_such_key"


# --- no language written into the code ----------------------------------------------------------
WORDED_BY_CATALOGUE = ["game/ui", "game/frontends", "game/explain.py", "game/i18n.py", "game/engine"]


def _language_branches(path: Path) -> list[str]:
    """``lang == "fr"`` tests and ``{"en": …, "fr": …}`` tables: words that bypass the catalogues."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            codes = [s.value for s in sides if isinstance(s, ast.Constant) and s.value in LANGS]
            names = [s for s in sides if isinstance(s, ast.Name | ast.Attribute)
                     and (getattr(s, "id", "") or getattr(s, "attr", "")).endswith("lang")]
            if codes and names:
                found.append(f"{path.name}:{node.lineno}")
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if len(keys & set(LANGS)) >= 2:
                found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_front_end_or_engine_code_chooses_words_by_language() -> None:
    files = [p for entry in WORDED_BY_CATALOGUE for p in ([ROOT / entry] if entry.endswith(".py")
                                                          else (ROOT / entry).rglob("*.py"))]
    assert [hit for p in files for hit in _language_branches(p)] == []


def test_the_branch_scan_sees_one(tmp_path: Path) -> None:
    code = tmp_path / "x.py"
    code.write_text('a = "x" if self.lang == "fr" else "y"\nb = {"en": "Yes", "fr": "Oui"}[lang]\n')
    assert len(_language_branches(code)) == 2


def test_the_english_refusals_are_the_engine_s_log_messages() -> None:
    """actions.MESSAGES keeps English for logs and str(exc): the catalogue must say the same."""
    english = entries(load(i18n.SOURCE))
    assert {k for (ctx, k) in english if ctx == "refusal"} == set(MESSAGES)
    for key, sentence in MESSAGES.items():
        assert english[("refusal", key)].string == sentence, key


@pytest.mark.parametrize("lang", LANGS)
def test_no_entry_is_written_twice(lang: str) -> None:
    """Babel keeps the last of two entries with one key, silently: a second copy would hide an edit."""
    seen: set[tuple[str | None, str]] = set()
    context: str | None = None
    for line in i18n.po_path(lang).read_text(encoding="utf-8").splitlines():
        if line.startswith("msgctxt "):
            context = line[8:]
        elif line.startswith("msgid "):
            key = (context, line[6:])
            assert key not in seen, f"{lang}: {key} is written twice"
            seen.add(key)
            context = None
