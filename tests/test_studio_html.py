"""``balance --html DIR``: one self-contained page with the report's charts and their numbers."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from game.content.loader import levels_root, load_scenario
from game.engine.game import OUTCOMES
from game.studio.balance_html import mean_effects

ROOT = Path(__file__).resolve().parent.parent


def test_balance_writes_a_self_contained_page(tmp_path: Path) -> None:
    env = os.environ | {"SDL_VIDEODRIVER": "dummy"}
    out = subprocess.run([sys.executable, "-m", "game", "balance", "--level", "tutorial", "--games", "12", "--json",
                          "--html", str(tmp_path / "report")], cwd=ROOT, capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)  # --json stays pure JSON on stdout
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert not re.search(r"<script|\bsrc=|<link|url\(http|@import", page)  # nothing fetched, nothing run
    svgs = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(svgs) >= len(OUTCOMES) + 1
    for svg in svgs:
        ET.fromstring(svg)
    for measure in OUTCOMES:
        assert f"<figcaption>{measure}: mean" in page
    for name, per in data["drafters"].items():
        assert f"<th>{name}</th>" in page
        for ending, n in per["endings"].items():
            assert f"{ending} {n}" in page
    sc = load_scenario(levels_root() / "tutorial").scenario
    assert sc is not None
    for card in sc.cards:
        assert f"<td>{card.id}" in page


def test_mean_effects_weigh_each_answer_by_how_often_it_was_given() -> None:
    sc = load_scenario(levels_root() / "tutorial").scenario
    assert sc is not None
    card = sc.cards[0]
    a, b = card.responses[0], card.responses[1]
    records = {"x": [{"answers": {card.id: {a.id: 3}}}], "y": [{"answers": {card.id: {b.id: 1}}}]}
    got = mean_effects(sc, records)[card.id]
    for q in set(a.effects) | set(b.effects):
        assert abs(got[q] - (3 * a.effects.get(q, 0) + b.effects.get(q, 0)) / 4) < 1e-9


def test_a_median_label_at_the_top_of_the_scale_stays_inside_the_chart() -> None:
    import re

    from game.studio.balance_html import outcome_chart

    svg = outcome_chart("cost", {"random": [1200, 3531, 99999], "robust": [5000, 6000, 7000]})
    width = int(re.search(r'width="(\d+)"', svg)[1])
    for x, label in re.findall(r'<text x="([\d.]+)" y="[\d.]+" font-size="10">(median [^<]+)</text>', svg):
        assert float(x) + 6 * len(label) <= width, (x, label)  # 10 px type: at most 6 px a character
