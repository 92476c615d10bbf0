"""Shared helpers for the window's tests: an offscreen app, a playable scenario, every screen."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402

from game.content.loader import levels_root, load_scenario  # noqa: E402


def playable_tutorial(tmp_root: Path) -> Path:
    """The bundled tutorial (``tmp_root`` is kept for the callers' signature)."""
    folder = levels_root() / "tutorial"
    loaded = load_scenario(folder)
    assert loaded.scenario is not None, loaded.problems[:5]
    return folder


def make_app(data: Path, size: str = "1280x720", lang: str = "en", step: int = 1, guides: bool = False,
             **kw: Any) -> Any:
    """A window on ``data``; the tutorial's step instructions (overlays over each step's first
    screen) only with ``guides``, so that a test's keys go to the screen it drives."""
    os.environ["PENHOLDER_DATA"] = str(data)
    from game.store import Store
    from game.ui.app import App

    ns = argparse.Namespace(level="tutorial", seed=7, lang=lang, auto=None, screenshots=None, size=size,
                            text=False, save_replay=None)
    for k, v in kw.items():
        setattr(ns, k, v)
    app = App(ns, Store(data))
    app.settings.lang = lang
    app.settings.text_step = step
    app.nav.guides = guides
    app.open()
    return app


def start(app: Any, folder: Path, seed: int = 7) -> None:
    assert app.start_game(str(folder), seed=seed), app.message


def key(k: int, mod: int = 0, uni: str = "") -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=uni, scancode=0)


def screens(app: Any, folder: Path, strategy: str = "status-quo") -> Iterator[str]:
    """Put the app on every screen once (tabs and overlays included); yield each screen's name.

    After each yield the app shows that screen; the caller draws and inspects it."""
    from game.sim.drafters import make_drafter
    from game.ui.views.overlays import HelpOverlay

    app.nav.goto_title()
    yield "title"
    app.nav.push(HelpOverlay(app, "title"))
    yield "help"
    app.nav.pop()
    start(app, folder)
    from game.ui.views.guide import GuideOverlay, step_texts
    texts = step_texts(app.game, app.game.phase)
    if texts:  # the tutorial's instruction over the step it explains
        app.nav.push(GuideOverlay(app, texts))
        yield "guide"
        app.nav.pop()
    app.store.save_slot(app.game, app.level, "a slot")
    app.nav.open_saves()
    yield "saves"
    app.nav.pop()
    drafter = make_drafter(strategy, app.game.seed)
    seen: set[str] = set()
    while True:
        view = app.view
        name = view.name
        if view.name == "vote" and "vote-mid" not in seen:
            seen.add("vote-mid")
            view.shown = 7
            yield "vote-mid"
            view.finish_animation()
        if name not in seen:
            seen.add(name)
            if name == "briefing":
                yield "briefing-map"
                view.command("tab", "web")
                yield "briefing-web"
                view.command("tab", "map")
            elif name == "drafting":
                yield "drafting"
                widest = max(range(len(app.game.scenario.dimensions)),
                             key=lambda i: len(app.game.scenario.dimensions[i].options))
                view.select(widest)
                yield "drafting-options"
                view.select(0)
            elif name == "summary":
                yield "summary"
                changes = app.game.meters.changes_in(app.game.quarter)
                if changes:
                    app.nav.open_why(max(changes, key=lambda q: abs(changes[q])))
                    yield "why"
                    app.nav.open_why("violence.mean")
                    yield "why-derived"
                    app.nav.pop()
            elif name == "card":
                yield "card"
                view.command("respond", 1)  # through the card screen: what happened is shown
                seen.add("outcome")
                yield "outcome"
                app.nav.sync_view()  # its Continue: on to the game's next screen
                continue
            elif name == "debrief":
                for tab in ("charts", "outcome", "journal", "discuss"):
                    view.command("tab", tab)
                    yield f"debrief-{tab}"
                return
            else:
                yield name
        if app.game.phase == "end":
            if view.name == "ending":
                view.to_debrief()
            else:
                app.nav.sync_view()
            continue
        app.act(drafter.choose(app.game))


def text_outside(frame: Any) -> list[str]:
    """Every drawn line of text that leaves its box or the window, and every truncation."""
    win = frame.window
    bad = []
    for rec in frame.texts:
        if not rec.box.contains(rec.rect):
            bad.append(f"outside its box: {rec.text!r} {rec.rect} not in {rec.box}")
        elif not win.contains(rec.rect):
            bad.append(f"outside the window: {rec.text!r} {rec.rect}")
    for rec in frame.truncated:
        bad.append(f"truncated: {rec.text[:60]!r} in {rec.box}")
    return bad
