"""The window's words: lookups in the interface catalogues (game/i18n.py, game/locale/).

Content texts (cards, scenarios) come from the scenario itself. The window and the terminal use
the same catalogue entries, so a sentence reads the same in both front ends.
"""

from __future__ import annotations

from game import i18n
from game.engine.world import ERA_NAMES

HELP_SCREENS: tuple[str, ...] = (
    "title", "briefing", "drafting", "chamber", "vote", "card", "summary", "debrief", "saves",
)
HELP_LINES = 9  # the help's key lines: help.keys.N / help.does.N in the catalogues


def t(key: str, lang: str, **fmt: object) -> str:
    """The interface text ``key`` in ``lang`` (English if the language lacks it), formatted."""
    return i18n.text(key, lang, **fmt)


def tn(key: str, n: int, lang: str, **fmt: object) -> str:
    """The interface text ``key`` in the plural form for ``n`` (``{n}`` is filled in)."""
    return i18n.plural(key, n, lang, **fmt)


def help_lines(lang: str) -> list[tuple[str, str]]:
    """The help's key lines: (keys, what they do)."""
    return [(i18n.text(f"help.keys.{i}", lang), i18n.text(f"help.does.{i}", lang))
            for i in range(1, HELP_LINES + 1)]


def help_screen(screen: str, lang: str) -> str:
    """What the help says about one screen (the title screen's words for an unknown one)."""
    return i18n.word("help", screen if screen in HELP_SCREENS else "title", lang)


def short(actor: str, lang: str, date: int | None = None) -> str:
    """An actor's short name; with ``date``, the name of that time (no JNIM before 2017)."""
    if date is not None and date < ERA_NAMES.get(actor, -1):
        return i18n.word("short_before", actor, lang)
    return i18n.word("short", actor, lang) if i18n.has("short", actor) else actor
