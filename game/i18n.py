"""The interface's words: gettext catalogues, one per language, shared by every front end.

Each language has a catalogue ``game/locale/<lang>/LC_MESSAGES/penholder.po``. Its msgids are
keys (``"to_council"``, or a key in a context such as ``rule`` or ``refusal`` for the engine's
keys), and English is a catalogue like the others (``en``), so a sentence is changed in one place
and adding a language means adding one catalogue (plus the content's own texts). Plural forms
follow each catalogue's ``Plural-Forms`` header (``ngettext``); placeholders are ``str.format``
fields.

The ``.po`` sources are the only form kept: Babel compiles each one in memory the first time a
language is asked for, and the standard library's ``gettext`` looks the words up. So a fresh
clone, an editable install and the wheel all need no compile step and can never hold a stale
``.mo``. A missing translation falls back to English, then to the key itself.

The engine holds keys only (``Impossible.key``, cause keys, ending keys…); the words are found
here, outside it.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path
from string import Formatter
from typing import Any

from game.engine.actions import Impossible
from game.engine.world import ERA_NAMES, QUANTITY_ERAS

DOMAIN = "penholder"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE = "en"  # the language every other one falls back to


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> tuple[str, ...]:
    """The languages with a catalogue, English first."""
    found = sorted(p.name for p in LOCALE_DIR.iterdir() if po_path(p.name).is_file())
    return tuple(sorted(found, key=lambda code: code != SOURCE))


def _babel() -> tuple[Any, Any]:
    """Babel's .po reader and .mo writer, imported when a catalogue is first needed: commands that
    show no interface words (``check``, ``simulate``) run even where Babel is not installed yet."""
    try:
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po
    except ImportError:
        raise SystemExit("penholder: the interface's words need Babel, a dependency of the game: "
                         "run 'pip install -e .' (or 'pip install Babel') again") from None
    return read_po, write_mo


def _compile(lang: str) -> gettext.GNUTranslations:
    """The catalogue of ``lang`` compiled from its .po, in memory (fuzzy entries left out)."""
    read_po, write_mo = _babel()
    with po_path(lang).open("rb") as source:
        catalogue = read_po(source, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@functools.cache
def _entries() -> frozenset[str]:
    """The English catalogue's msgids, a context joined to its key by EOT as in a .mo file."""
    read_po, _write = _babel()
    with po_path(SOURCE).open("rb") as source:
        ids = [(m.context, str(m.id[0] if isinstance(m.id, tuple | list) else m.id))
               for m in read_po(source, locale=SOURCE, domain=DOMAIN) if m.id]
    return frozenset(f"{context}\x04{key}" if context else key for context, key in ids)


@functools.cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The translations of ``lang``, falling back to English for a missing entry."""
    source = _compile(SOURCE)
    if lang == SOURCE or not po_path(lang).is_file():
        return source
    translations = _compile(lang)
    translations.add_fallback(source)
    return translations


def _fill(text: str, params: dict[str, object]) -> str:
    return text.format(**params) if params else text


def text(key: str, lang: str, **params: object) -> str:
    """The sentence ``key`` in ``lang``, its placeholders filled in. A plural entry asked for with
    an integer ``n`` takes the form ``n`` needs (as ``plural``)."""
    n = params.get("n")
    found = catalogue(lang).ngettext(key, key, n) if isinstance(n, int) else key
    if found == key:  # not a plural entry (gettext alone would give a plural entry's singular)
        found = catalogue(lang).gettext(key)
    return _fill(found, params)


def plural(key: str, n: int, lang: str, **params: object) -> str:
    """The sentence ``key`` in the plural form ``n`` asks for in ``lang``; ``{n}`` is ``n``."""
    return _fill(catalogue(lang).ngettext(key, key, n), {"n": n, **params})


def word(context: str, key: str, lang: str, **params: object) -> str:
    """The entry ``key`` of a context (``rule``, ``ending``, ``name``, ``refusal``…) in ``lang``."""
    return _fill(catalogue(lang).pgettext(context, key), params)


def has(context: str, key: str) -> bool:
    """Whether the English catalogue has ``key`` in ``context`` (so a lookup finds words)."""
    return f"{context}\x04{key}" in _entries()


def refusal(exc: Impossible, lang: str) -> str:
    """Why an action was refused, in ``lang`` (a refusal without a key keeps its own text)."""
    return word("refusal", exc.key, lang, **exc.params) if exc.key else str(exc)


def placeholders(sentence: str) -> set[str]:
    """The field names a sentence fills in: ``"{n:+d} of {who}"`` -> ``{"n", "who"}``."""
    return {field for _, field, _, _ in Formatter().parse(sentence) if field is not None}


# --- the model's names: quantities, actors, months -------------------------------------------
MONTHS: tuple[str, ...] = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LAYERS_IN = ("violence", "state_presence", "mission_presence", "displacement")  # "… in Gao"
_LAYERS_OF = ("commitment", "strength", "buyin")  # "… of the CMA": the article lives in the catalogue


def month_label(index: int, lang: str = SOURCE) -> str:
    """A month index (year × 12 + month − 1) as 'Jun 2015' / 'juin 2015'."""
    month = word("month", MONTHS[index % 12], lang)
    return text("month_year", lang, month=month, year=index // 12)


def actor_name(actor: str, lang: str = SOURCE, date: int | None = None) -> str:
    """An actor's name as the record had it at ``date`` (a month index), or its usual name."""
    if date is not None and date < ERA_NAMES.get(actor, -1):
        return word("name_before", actor, lang)
    return word("name", actor, lang) if has("name", actor) else actor


def _of(actor: str, lang: str, date: int | None) -> str:
    """'of the CMA' / 'de la CMA': each name carries its own article and preposition."""
    if date is not None and date < ERA_NAMES.get(actor, -1):
        return word("of_before", actor, lang)
    return word("of", actor, lang)


def describe(name: str, lang: str = SOURCE, date: int | None = None) -> str:
    """A readable label for a quantity: 'violence in Gao', 'buy-in of the African Union',
    'soutien de l'Union africaine'. With ``date``, armed groups carry the names of that time
    (no JNIM before March 2017). A name the catalogues do not know is shown as it is."""
    parts = name.split(".")
    if len(parts) == 2 and parts[0] in _LAYERS_IN and has("in", parts[1]):
        return word("quantity_of", parts[0], lang, where=word("in", parts[1], lang))
    if len(parts) == 2 and parts[0] in _LAYERS_OF and has("of", parts[1]):
        return word("quantity_of", parts[0], lang, whose=_of(parts[1], lang, date))
    if len(parts) == 3 and parts[0] == "relation" and has("name", parts[1]) and has("name", parts[2]):
        return word("quantity_of", "relation", lang, a=actor_name(parts[1], lang, date),
                    b=actor_name(parts[2], lang, date))
    if date is not None and date < QUANTITY_ERAS.get(name, -1):
        return word("quantity_before", name, lang)
    return word("quantity", name, lang) if has("quantity", name) else name
