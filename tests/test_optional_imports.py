"""Commands import the libraries they need where they use them: 'check' and 'simulate' run in an
environment installed before fpdf2, websockets and watchfiles were dependencies, and a command
that needs a missing one says to reinstall instead of failing with a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run with these packages hidden, as in an install that predates them.
HIDE = ("import sys; [sys.modules.__setitem__(m, None) for m in ('websockets', 'fpdf', 'watchfiles')];"
        " from game.cli import main; raise SystemExit(main(sys.argv[1:]))")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", HIDE, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def test_check_and_help_run_without_the_workshop_and_report_libraries() -> None:
    checked = run("check", "levels/tutorial")
    assert checked.returncode == 0, checked.stderr
    assert "0 problems" in checked.stdout and "Traceback" not in checked.stderr
    helped = run("--help")
    assert helped.returncode == 0 and "host" in helped.stdout and "report" in helped.stdout


def test_a_command_that_needs_a_missing_library_says_to_reinstall(tmp_path: Path) -> None:
    hosted = run("host", "--headless", "--level", "tutorial", "--folder", str(tmp_path))
    assert hosted.returncode == 1 and "Traceback" not in hosted.stderr
    assert "'websockets'" in hosted.stderr and "pip install -e ." in hosted.stderr
