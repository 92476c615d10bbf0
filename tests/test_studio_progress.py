"""Long runs show progress on a terminal, and none when piped or with --json; simulate's draw rates."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from game.sim import progress as progress_module
from game.sim.progress import Progress

ROOT = Path(__file__).resolve().parent.parent


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal_and_clears_its_line(monkeypatch: object) -> None:
    stream = FakeTerminal()
    p = Progress("games", 4, stream=stream)
    for _ in range(4):
        p.step()
    p.close()
    out = stream.getvalue()
    assert "games: 4 of 4 (100%)" in out
    assert out.endswith("\r\x1b[K")


def test_progress_is_silent_off_a_terminal_or_when_disabled() -> None:
    piped = io.StringIO()
    p = Progress("games", 3, stream=piped)
    for _ in range(3):
        p.step()
    p.close()
    assert piped.getvalue() == ""
    tty = FakeTerminal()
    q = Progress("games", 3, enabled=False, stream=tty)
    q.step(3)
    q.close()
    assert tty.getvalue() == ""
    assert progress_module.on_terminal(io.StringIO()) is False


def run_with_tty_stderr(*args: str) -> tuple[str, str]:
    """Run the command with stderr on a pseudo-terminal and stdout piped: what a designer's shell does."""
    master, slave = pty.openpty()
    env = os.environ | {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    proc = subprocess.Popen([sys.executable, "-m", "game", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=slave, env=env)
    os.close(slave)
    err = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    out, _ = proc.communicate()
    os.close(master)
    assert proc.returncode == 0, err
    return out.decode(), err.decode()


def test_simulate_and_balance_show_progress_on_a_terminal_only() -> None:
    out, err = run_with_tty_stderr("simulate", "--level", "tutorial", "--games", "8")
    assert "simulate tutorial, status-quo: games: 8 of 8 (100%)" in err
    assert "\r" not in out and "of 8" not in out
    _out, err = run_with_tty_stderr("simulate", "--level", "tutorial", "--games", "8", "--json")
    assert err == ""
    _out, err = run_with_tty_stderr("balance", "--level", "tutorial", "--games", "3")
    assert "balance tutorial: games:" in err and "(100%)" in err
    _out, err = run_with_tty_stderr("balance", "--level", "tutorial", "--games", "3", "--json")
    assert err == ""
    piped = subprocess.run([sys.executable, "-m", "game", "balance", "--level", "tutorial", "--games", "3"],
                           cwd=ROOT, capture_output=True, text=True, check=True)
    assert piped.stderr == ""


def test_simulate_prints_each_cards_draw_rate() -> None:
    out = subprocess.run([sys.executable, "-m", "game", "simulate", "--level", "tutorial", "--games", "20", "--seed", "3"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    import json

    data = json.loads(subprocess.run([sys.executable, "-m", "game", "simulate", "--level", "tutorial", "--games", "20",
                                      "--seed", "3", "--json"], cwd=ROOT, capture_output=True, text=True,
                                     check=True).stdout)
    share = data["summary"]["card_share_of_games"]
    lines = out.splitlines()
    start = lines.index("card draw rates (share of games that drew it; draws per game):")
    rows = {line.split()[0]: line.split()[1] for line in lines[start + 1:]}
    assert set(rows) == set(share)
    for card, rate in share.items():
        assert rows[card] == f"{rate:.1%}", card
