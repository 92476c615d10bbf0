"""Games named as a teacher names them: "After Algiers · Sep 2016 · quarter 6" (the scenario's
title, the month in the game, the quarter), or "… · finished" once the game is over, for the
saves, the Continue list and the title's Continue button; two games that would read alike are
told apart by when they were last played. ``scenarios`` is the title screen's list
(``views.title.scenario_list``)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.engine.defs import tr
from game.engine.phases import END
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


def game_label(title: str, date: str, quarter: int, lang: str, phase: str = "") -> str:
    """'After Algiers · Sep 2016 · quarter 6' (``quarter`` counts from 0, as the game does); a
    finished game is past its last quarter: 'After Algiers · Jun 2017 · finished'."""
    when = date_label(date, lang) or "—"
    if phase == END:
        return t("game_finished", lang, title=title, date=when)
    return t("game_where", lang, title=title, date=when, q=quarter + 1)


def game_name(info: GameInfo, lang: str, scenarios: list[dict[str, Any]]) -> str:
    """``game_label`` for a game of the Continue list."""
    titles = {sc["folder"].name: sc["title"] for sc in scenarios}
    return game_label(scenario_title(titles, info.level, info.scenario, lang), info.date, info.quarter, lang,
                      info.phase)


def played(name: str, saved_at: str, lang: str) -> str:
    """``name`` with when its game was last played: 'at 17:53' today, else with the day."""
    day, _sep, clock = saved_at.partition(" ")
    if not clock:  # not the time the game writes: the games are then numbered
        return name
    if day == time.strftime("%Y-%m-%d"):
        return t("game_played_at", lang, name=name, time=clock)
    return t("game_played_on", lang, name=name, day=day, time=clock)


def game_names(infos: Sequence[GameInfo], lang: str, scenarios: list[dict[str, Any]], *,
               timed: bool = True) -> list[str]:
    """Each game's ``game_name``, told apart where two would read alike: with when it was last
    played (``timed``; the Continue list says that on a line of its own), then, for games played
    within the same minute, a number counted from the oldest."""
    names = [game_name(g, lang, scenarios) for g in infos]
    alike = Counter(names)
    if timed:
        names = [played(n, g.saved_at, lang) if alike[n] > 1 else n for n, g in zip(names, infos, strict=True)]
    keys = [(n, "" if timed else g.saved_at) for n, g in zip(names, infos, strict=True)]
    alike_still = Counter(keys)
    seen: Counter[tuple[str, str]] = Counter()
    out = list(names)
    for k in reversed(range(len(keys))):  # the list is the most recent first: count from its end
        if alike_still[keys[k]] > 1:
            seen[keys[k]] += 1
            out[k] = t("game_nth", lang, name=names[k], n=seen[keys[k]])
    return out


def playable_games(app: App) -> list[GameInfo]:
    """The games that can be continued (their files can be read), the one played last first."""
    return [g for g in app.store.recent_games() if g.problem is None]

