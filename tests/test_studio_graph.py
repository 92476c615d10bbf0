"""``python -m game graph``: the deck drawn with time across, chains with delays, gates, never-drawn cards."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pygame

from game.content.loader import load_scenario
from game.engine.defs import Scenario
from game.studio.deckgraph import COL_W, LEFT, layout, season, svg
from game.studio.scaffold import new_scenario

ROOT = Path(__file__).resolve().parent.parent
NEVER_CARD = """
  - id: starter-too-late
    from: 2030-01
    title: {en: A card for another decade}
    text: {en: Nothing that this scenario reaches.}
    sources: ["composite, for the test"]
    responses:
      - {id: a, label: Act., why: Because.}
      - {id: b, label: Wait., why: Patience.}
"""


def starter(tmp_path: Path, extra: str = "") -> Scenario:
    folder = new_scenario("graphed", tmp_path, ROOT / "levels")
    if extra:
        cards = folder / "cards" / "starter.yaml"
        cards.write_text(cards.read_text(encoding="utf-8") + extra, encoding="utf-8")
    loaded = load_scenario(folder)
    assert loaded.scenario is not None, loaded.problems[:3]
    return loaded.scenario


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, capture_output=True, text=True, env=env)


def test_seasons_follow_months_and_mandate_years(tmp_path: Path) -> None:
    sc = starter(tmp_path)
    # 2015-06 start, two years: quarters 0..7 are Jun 2015 .. Mar 2017
    assert season(sc.card("starter-market-clashes"), sc) == [0, 1, 2, 3, 4, 5, 6]  # until Dec 2016
    assert season(sc.card("starter-budget-talks"), sc) == [4, 5, 6, 7]  # mandates: [2]


def test_follow_ups_sit_after_their_bringer_with_the_delay_and_chance(tmp_path: Path) -> None:
    d = layout(starter(tmp_path))
    box = {b.card: b for b in d.boxes}
    assert box["starter-truce-tested"].x - box["starter-market-clashes"].x == 2 * COL_W
    assert box["starter-reprisals"].x - box["starter-market-clashes"].x == 1 * COL_W
    assert sorted(a[4] for a in d.arrows) == ["+1 q, 40%", "+2 q"]
    rows = [b.card for b in d.boxes]
    first = rows.index("starter-market-clashes")
    assert set(rows[first + 1:first + 3]) == {"starter-truce-tested", "starter-reprisals"}  # the chain stays together
    assert box["starter-budget-talks"].x == LEFT + 4 * COL_W + 2


def test_never_drawn_cards_are_hatched_and_say_so(tmp_path: Path) -> None:
    sc = starter(tmp_path, NEVER_CARD)
    d = layout(sc)
    box = {b.card: b for b in d.boxes}
    assert box["starter-too-late"].never and "never drawn: no quarter fits" in box["starter-too-late"].note
    assert not box["starter-fuel-convoy"].never
    by_games = layout(sc, {c.id: (0.0 if c.id == "starter-fuel-convoy" else 0.5) for c in sc.cards})
    assert {b.card for b in by_games.boxes if b.never} == {"starter-fuel-convoy", "starter-too-late"}
    text = svg(by_games)
    root = ET.fromstring(text)
    hatched = [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("fill") == "url(#never)"]
    assert len(hatched) == 2
    words = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert sum(w.startswith("never drawn") for w in words) == 2  # in words, not by colour alone
    assert "mandate 2" in words and "+1 q, 40%" in words


def test_the_command_writes_svg_and_png(tmp_path: Path) -> None:
    out = run("graph", "--level", "tutorial", "--out", str(tmp_path / "deck.svg"), "--games", "5")
    assert out.returncode == 0, out.stderr
    assert "12 cards" in out.stdout or "cards" in out.stdout
    ET.parse(tmp_path / "deck.svg")
    out = run("graph", "--level", "tutorial", "--out", str(tmp_path / "deck.png"), "--games", "0")
    assert out.returncode == 0, out.stderr
    image = pygame.image.load(str(tmp_path / "deck.png"))
    assert image.get_width() > 800 and image.get_height() > 300
    bad = run("graph", "--level", "tutorial", "--out", str(tmp_path / "deck.pdf"))
    assert bad.returncode == 2 and ".svg or .png" in bad.stderr
