"""The workshop screens' pictures in docs/screenshots/: the title's Join a session and New session
code, Compare teams (each tab) and the debrief's What if… (the journal's action, the choice, both
trajectories, the differences), at 1280×720 and 1024×600, in French, at the largest text.

Three teams play After Algiers at lesson length with one session code (scripted drafters), their
team files in a scratch data folder; nothing of the class's own data is read or written.

    python tools/workshop_screenshots.py [OUT_FOLDER]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame  # noqa: E402

from game.codes import make  # noqa: E402
from game.engine.defs import at_length  # noqa: E402
from game.engine.game import Game  # noqa: E402
from game.saves import replay_dict, write_json_atomic  # noqa: E402
from game.session import Session  # noqa: E402
from game.sim.drafters import drafter_for  # noqa: E402
from game.sim.whatif import whatif  # noqa: E402
from game.store import Store  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.views.compare import CompareView  # noqa: E402
from game.ui.views.debrief import DebriefView  # noqa: E402
from game.ui.views.whatif import WhatIfChoice, WhatIfView, changeable  # noqa: E402
from game.ui.views.workshop import CodeOverlay, JoinOverlay  # noqa: E402
from game.ui.workshop import bundled, teams_folder  # noqa: E402

LEVEL, SEED = "after-algiers", 2016
TEAMS = (("Bleue", "status-quo"), ("Rouge", "regional-transition"), ("Verte", "robust"))


def played(scenario: object, strategy: str) -> Game:
    game = Game(scenario, SEED)  # type: ignore[arg-type]
    drafter = drafter_for(strategy, SEED, scenario)  # type: ignore[arg-type]
    while game.phase != "end":
        game.apply(drafter.choose(game))
    return game


def shoot(app: App, out: Path, name: str) -> None:
    app.draw()
    pygame.image.save(app.display.screen, str(out / f"{name}.png"))
    print(out / f"{name}.png")


def one_size(size: str, out: Path, data: Path) -> None:
    args = argparse.Namespace(level="tutorial", seed=None, lang="fr", auto=None, screenshots=None, size=size,
                              text=False, save_replay=None)
    app = App(args, Store(data))
    app.settings.lang, app.settings.text_step = "fr", 3
    app.open()
    scenario = at_length(bundled(app)[LEVEL][1], "lesson")
    code = make(scenario, "lesson", SEED)
    folder = teams_folder(app.store)
    folder.mkdir(parents=True, exist_ok=True)
    games = {}
    for name, strategy in TEAMS:
        games[name] = played(scenario, strategy)
        write_json_atomic(str(folder / f"{name.lower()}-{code}.json"), replay_dict(games[name], name, code))
    join = JoinOverlay(app)
    join.code.text, join.team.text = code, "Bleue"
    app.nav.push(join)
    shoot(app, out, f"workshop-join-{size}-fr")
    app.nav.pop()
    app.nav.push(CodeOverlay(app, LEVEL, "lesson"))
    shoot(app, out, f"workshop-code-{size}-fr")
    view = CompareView(app)
    app.nav.switch_screen(view)
    for tab in ("teams", "clauses", "outcomes", "charts", "parted"):
        view.command("tab", tab)
        shoot(app, out, f"compare-{tab}-{size}-fr")
    game = games["Rouge"]
    app.session = Session(game, LEVEL, None, None)
    debrief = DebriefView(app)
    app.nav.switch_screen(debrief)
    debrief.command("tab", "journal")
    shoot(app, out, f"whatif-journal-{size}-fr")
    index = next(i for i in changeable(game) if game.decisions[i - 1]["do"] == "choose")
    app.nav.push(WhatIfChoice(app, debrief, index))
    shoot(app, out, f"whatif-choice-{size}-fr")
    app.nav.pop()
    d = game.decisions[index - 1]
    for option in (o.id for o in game.scenario.dimension(d["dimension"]).options if o.id != d["option"]):
        result = whatif(game.scenario, game.seed, list(game.decisions), index, option)
        if result.first_divergence() is not None:
            break
    what = WhatIfView(app, result, option, debrief)
    app.nav.switch_screen(what)
    for tab in ("charts", "differences"):
        what.command("tab", tab)
        shoot(app, out, f"whatif-{tab}-{size}-fr")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["PENHOLDER_DATA"] = scratch
        for size in ("1280x720", "1024x600"):
            one_size(size, out, Path(scratch) / size)
    pygame.display.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
