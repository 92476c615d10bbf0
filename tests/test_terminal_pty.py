"""The command itself on a real pseudo-terminal of 80 × 24: it sees a terminal on both ends, so
it pages and its debrief waits for Enter; the same game piped does neither (test_terminal_wrap)."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game import i18n

pty = pytest.importorskip("pty")
REPO = Path(__file__).resolve().parent.parent


def on_a_terminal(tmp_path: Path, answers: str, *args: str, timeout: float = 120) -> str:
    """Run ``play --text`` on a pseudo-terminal of 80 columns and 24 lines; what it showed."""
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env |= {"PENHOLDER_DATA": str(tmp_path), "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([sys.executable, "-m", "game", "play", "--text", "--level", "after-algiers", "--length",
                             "lesson", "--seed", "3", *args], stdin=slave, stdout=slave, stderr=slave, cwd=REPO,
                            env=env, close_fds=True)
    os.close(slave)
    shown = bytearray()
    pending = answers.encode()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _w, _x = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the other end closed: the game is over
                    break
                if not chunk:
                    break
                shown += chunk
            elif pending and shown.endswith(b" "):  # a prompt waits (every prompt ends with a space): answer it
                line, _nl, pending = pending.partition(b"\n")
                os.write(master, line + b"\n")
            elif proc.poll() is not None:
                break
    finally:
        proc.kill() if proc.poll() is None else None
        proc.wait(timeout=30)
        os.close(master)
    return shown.decode("utf-8", "replace").replace("\r\n", "\n")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux pseudo-terminal")
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_on_a_terminal_the_game_pages_and_the_debrief_waits(tmp_path: Path, lang: str) -> None:
    shown = on_a_terminal(tmp_path, "1\n" * 3000, *(["--lang", lang] if lang != "en" else []))
    more, finish = i18n.text("term.more", lang), i18n.text("term.finish", lang)
    assert more in shown
    assert i18n.text("debrief", lang) in shown
    assert shown.rstrip("1\n ").endswith(finish)  # the last thing asked (then the echo of what was typed)
    first = shown[shown.index("=" * 72) - 1:shown.index(more)]  # the briefing, before "more"
    assert 20 <= first.count("\n") <= 23  # it filled the screen: 23 lines, then the question
    assert max(len(line) for line in shown.splitlines()) <= 80
