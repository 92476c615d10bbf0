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

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from game.engine.actions import Impossible

DOMAIN = "penholder"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE = "en"  # the language every other one falls back to


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> tuple[str, ...]:
    """The languages with a catalogue, English first."""
    found = sorted(p.name for p in LOCALE_DIR.iterdir() if po_path(p.name).is_file())
    return tuple(sorted(found, key=lambda code: code != SOURCE))


def _compile(lang: str) -> gettext.GNUTranslations:
    """The catalogue of ``lang`` compiled from its .po, in memory (fuzzy entries left out)."""
    with po_path(lang).open("rb") as source:
        catalogue = read_po(source, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


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
    return catalogue(SOURCE).pgettext(context, key) != key


def refusal(exc: Impossible, lang: str) -> str:
    """Why an action was refused, in ``lang`` (a refusal without a key keeps its own text)."""
    return word("refusal", exc.key, lang, **exc.params) if exc.key else str(exc)


def placeholders(sentence: str) -> set[str]:
    """The field names a sentence fills in: ``"{n:+d} of {who}"`` -> ``{"n", "who"}``."""
    return {field for _, field, _, _ in Formatter().parse(sentence) if field is not None}
