"""``python -m game new NAME``: a scenario folder that check accepts as it is, with each feature."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from game.content.check import check_paths
from game.content.loader import load_scenario, scenario_folders
from game.sim.simulate import simulate

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, levels: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = os.environ | ({"PENHOLDER_LEVELS": str(levels)} if levels else {})
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, capture_output=True, text=True, env=env)


def test_new_makes_a_scenario_beside_the_others_that_check_accepts(tmp_path: Path) -> None:
    levels = tmp_path / "levels"
    shutil.copytree(ROOT / "levels" / "common", levels / "common")
    made = run("new", "bamako-2016", levels=levels)
    assert made.returncode == 0, made.stderr
    folder = levels / "bamako-2016"
    assert "check: 0 problems, 0 warnings" in made.stdout
    assert "uses: [../common]" in (folder / "scenario.yaml").read_text(encoding="utf-8")
    report = check_paths([folder])
    assert (report.problems, report.warnings) == ([], [])
    strict = run("check", str(folder), "--strict")
    assert strict.returncode == 0 and strict.stdout.strip().endswith("0 problems, 0 warnings"), strict.stdout
    assert scenario_folders(levels) == [folder]  # the game lists it, and no template
    again = run("new", "bamako-2016", levels=levels)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_new_elsewhere_and_bad_names(tmp_path: Path) -> None:
    made = run("new", "my-scenario", "--dir", str(tmp_path))
    assert made.returncode == 0, made.stderr
    report = check_paths([tmp_path / "my-scenario"])
    assert (report.problems, report.warnings) == ([], [])
    for bad in ("My Scenario", "../escape", "_hidden", "a" * 61):
        out = run("new", bad, "--dir", str(tmp_path))
        assert out.returncode == 1 and "cannot name a scenario" in out.stderr, bad
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-scenario"]


def test_the_template_is_never_listed_as_a_scenario() -> None:
    assert all("template" not in str(p) for p in scenario_folders(ROOT / "levels"))
    assert not list((ROOT / "levels").glob("**/__NAME__*"))


def test_the_starter_cards_show_each_feature_and_are_all_played(tmp_path: Path) -> None:
    assert run("new", "feat", "--dir", str(tmp_path)).returncode == 0
    folder = tmp_path / "feat"
    text = (folder / "cards" / "starter.yaml").read_text(encoding="utf-8")
    for feature in ("when:\n      any:", 'when: "', "weight: {base:", "from:", "until:", "mandates:", "once: false",
                    "cooldown:", "later:", "follow_up:", "chance:", "follow_up_only: true", "historical:", "outcome:"):
        assert feature in text, feature
    scenario = load_scenario(folder).scenario
    assert scenario is not None
    drawn: set[str] = set()
    for record in simulate(scenario, 60, 1, "random"):
        drawn |= set(record["draws"])
    assert drawn == {c.id for c in scenario.cards}


def test_the_new_scenario_is_ready_for_french_and_writes_it_as_french_is_printed(tmp_path: Path) -> None:
    # A trainer who adds `languages: [en, fr]` must not meet a problem in the template itself.
    made = run("new", "bilingual", "--dir", str(tmp_path))
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "bilingual"
    scenario = folder / "scenario.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8") + "languages: [en, fr]\n", encoding="utf-8")
    report = check_paths([folder])
    assert (report.problems, report.warnings) == ([], []), report.problems[:3]
    loaded = load_scenario(folder).scenario
    assert loaded is not None
    french = [c.title.get("fr", "") + " " + c.text.get("fr", "") + " ".join(s.get("fr", "") for s in c.sources)
              for c in loaded.cards]
    french += [r.label.get("fr", "") + " " + r.why.get("fr", "") for c in loaded.cards for r in c.responses]
    for text in french:
        assert not any(f" {mark}" in text for mark in ";:?!»"), text  # a narrow or no-break space instead
        assert "« " not in text, text
    # every source line with words reads in French too
    assert all("fr" in s for c in loaded.cards for s in c.sources)
