"""A real package: the wheel carries levels/ and assets/, and a game plays from it, away from the
checkout, in a fresh virtual environment."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_wheel_carries_the_data_and_plays_a_whole_game(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(REPO), "-w", str(wheels)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    [wheel] = list(wheels.glob("penholder-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "game/_levels/after-algiers/scenario.yaml" in names
    assert "game/_assets/fonts/DejaVuSans.ttf" in names
    assert sum(n.startswith("game/_levels/") and n.endswith(".yaml") for n in names) == \
        sum(1 for _ in (REPO / "levels").rglob("*.yaml"))
    # the interface catalogues, one per language, as .po sources (compiled in memory by game.i18n)
    assert {n for n in names if n.startswith("game/locale/")} == \
        {str(p.relative_to(REPO)).replace(os.sep, "/") for p in (REPO / "game" / "locale").rglob("*.po")}
    packages = {str(p.parent.relative_to(REPO)).replace(os.sep, ".") for p in (REPO / "game").rglob("__init__.py")}
    assert all(f"{p.replace('.', '/')}/__init__.py" in names for p in packages), "a package is missing from pyproject"

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    inst = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], capture_output=True, text=True,
                          timeout=300)
    assert inst.returncode == 0, inst.stderr[-2000:]
    # the dependencies come from this environment (offline); the game itself only from the wheel
    target = subprocess.run([str(py), "-c", "import site; print(site.getsitepackages()[0])"], capture_output=True,
                            text=True, check=True).stdout.strip()
    Path(target, "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")

    away = tmp_path / "elsewhere"
    away.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PENHOLDER_LEVELS", "PENHOLDER_ASSETS")}
    env["PENHOLDER_DATA"] = str(tmp_path / "data")
    where = subprocess.run([str(py), "-c", "from game import resources; print(resources.levels_root()); print(resources.assets_root())"],
                           capture_output=True, text=True, cwd=away, env=env, timeout=60)
    assert where.returncode == 0, where.stderr
    assert all(line.startswith(str(venv)) for line in where.stdout.split()), where.stdout
    check = subprocess.run([str(py), "-m", "game", "check"], capture_output=True, text=True, cwd=away, env=env, timeout=300)
    assert check.returncode == 0 and "4 scenarios" in check.stdout and "0 problems" in check.stdout, check.stdout + check.stderr
    play = subprocess.run([str(py), "-m", "game", "play", "--text", "--seed", "3", "--level", "after-algiers"],
                          input="1\n" * 4000, capture_output=True, text=True, cwd=away, env=env, timeout=300)
    assert play.returncode == 0, play.stderr[-2000:]
    assert "Debrief" in play.stdout and "What actually happened" in play.stdout
    words = subprocess.run([str(py), "-c", "from game import i18n; print(i18n.LOCALE_DIR); print(i18n.text('debrief', 'fr'))"],
                           capture_output=True, text=True, cwd=away, env=env, timeout=60)
    assert words.returncode == 0, words.stderr
    locale_dir, debrief = words.stdout.splitlines()
    assert locale_dir.startswith(str(venv)) and debrief == "Débriefing"  # the wheel's own catalogues
