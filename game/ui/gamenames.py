"""Games named as a teacher names them: "After Algiers · Sep 2016 · quarter 6" (the scenario's
title, the month in the game, the quarter), for the saves, the Continue list and the title's
Continue button. ``scenarios`` is the title screen's list (``views.title.scenario_list``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.engine.defs import tr
from game.store import GameInfo, date_label
from game.ui.strings import t

if TYPE_CHECKING:
    from game.ui.app import App


def scenario_title(titles: dict[str, Any], level: str, scenario: str, lang: str) -> str:
    """A game's scenario by its title, whether its level is a name or a folder path."""
    for key in (Path(level).name, scenario):
        if key in titles:
            return tr(titles[key], lang)
    return scenario


def game_label(title: str, date: str, quarter: int, lang: str) -> str:
    """'After Algiers · Sep 2016 · quarter 6' (``quarter`` counts from 0, as the game does)."""
    return t("game_where", lang, title=title, date=date_label(date, lang) or "—", q=quarter + 1)


def game_name(info: GameInfo, lang: str, scenarios: list[dict[str, Any]]) -> str:
    """``game_label`` for a game of the Continue list."""
    titles = {sc["folder"].name: sc["title"] for sc in scenarios}
    return game_label(scenario_title(titles, info.level, info.scenario, lang), info.date, info.quarter, lang)


def latest_game(app: App) -> tuple[GameInfo | None, int]:
    """The game Continue resumes (the one played last that can be read), and how many games can
    be continued in all."""
    games = [g for g in app.store.recent_games() if g.problem is None]
    return (games[0] if games else None), len(games)
