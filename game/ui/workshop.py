"""The workshop from the window: a session code typed on the title screen, a new code for the
facilitator, and where the window keeps its team files.

Joining a session does what ``play --session CODE --team NAME --save-replay FILE`` does: the code
(``game.codes``) decides the scenario, its length and the luck, and the game keeps a team file
(the team's name, the code and every decision) up to date after each decision, in the data
folder's ``teams/`` (``teams_folder``), where the "Compare teams" screen reads by default.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from game.codes import CodeError, SessionCode, make, read
from game.content.loader import levels_root, scenario_folders
from game.engine.defs import Scenario, at_length
from game.store import Store, slug
from game.ui.strings import t

if TYPE_CHECKING:
    from game.ui.app import App

TEAMS = "teams"
MAX_TEAM = 60


def teams_folder(store: Store) -> Path:
    """Where the window writes its team files (and where Compare teams looks first)."""
    return store.root / TEAMS


def bundled(app: App) -> dict[str, tuple[str, Scenario]]:
    """Every bundled scenario that compiles, by id, with the level name the window loads it by."""
    out: dict[str, tuple[str, Scenario]] = {}
    for folder in scenario_folders(levels_root()):
        level = app.levels.name(folder)
        scenario, _problem = app.levels.load(level)
        if scenario is not None:
            out[scenario.id] = (level, scenario)
    return out


def read_code(app: App, code: str) -> tuple[str, SessionCode]:
    """The level and session a code names; ``CodeError`` (its ``key`` says why) if it cannot be used."""
    found = bundled(app)
    typed = "".join(ch for ch in code if ch.isalnum())  # spaces or dashes forgotten: the same code
    session = read(f"{typed[:2]}-{typed[2:]}" if typed else code, [sc for _level, sc in found.values()])
    return found[session.scenario][0], session


def team_file(store: Store, team: str, code: str) -> Path:
    """The team file of one team in one session: ``teams/<team>-<code>.json``."""
    return teams_folder(store) / f"{slug(team or 'team')}-{code}.json"


def join(app: App, code: str, team: str) -> str | None:
    """Start the session's game for this team; None, or why not: a ``CodeError`` key, ``no_folder``
    or ``no_start`` (``problem_words`` puts it in words)."""
    try:
        level, session = read_code(app, code)
    except CodeError as exc:
        return exc.key
    team = " ".join(team.split())[:MAX_TEAM]
    path = team_file(app.store, team, session.code)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return "no_folder"
    args = app.args
    args.session, args.team, args.save_replay = session.code, team, str(path)
    args.joined = True  # the title's other games do not write this team's file
    if not app.start_game(level, seed=session.seed, length=session.length):
        leave(app)
        return "no_start"
    return None


def problem_words(problem: str, lang: str) -> str:
    """Why a session could not be joined, in words."""
    if problem == "no_folder":
        return t("ws.no_folder", lang)
    if problem == "no_start":
        return t("ws.no_start", lang)
    if problem == "bad_room":
        return t("ws.bad_room", lang)
    return t(f"ws.code.{problem}", lang)


def leave(app: App) -> None:
    """A game started from the title after a session: no longer that team's, nor that code's."""
    args = app.args
    if getattr(args, "joined", False):
        args.session = args.team = args.save_replay = None
        args.joined = False


def new_code(app: App, level: str, length: str) -> tuple[str, Scenario] | None:
    """A new session code for the scenario at ``length`` (lesson when it has one), with new luck."""
    scenario = app.load_level(level)
    if scenario is None:
        return None
    if length == "lesson" and not scenario.lesson:
        length = "full"
    scenario = at_length(scenario, length)
    seed = int.from_bytes(os.urandom(4), "big") % 1_000_000
    return make(scenario, length, seed), scenario


__all__ = ["TEAMS", "bundled", "join", "leave", "new_code", "problem_words", "read_code", "team_file", "teams_folder"]
