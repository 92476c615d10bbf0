"""Figures for the window (issues 4 and 11): startup to first frame, frame times on the busiest
screen and on the chamber while its vote plays, peak memory, idle CPU on the title screen and the
briefing. Prints figures; asserts nothing.

    SDL_VIDEODRIVER=dummy python benchmarks/bench_ui.py [--level tutorial] [--idle 10]

Idle CPU is measured under the dummy driver and, where Xvfb is installed, under a real X display
too (an Xvfb the benchmark starts and stops): the dummy driver hides what a real display costs.

Each figure is measured in a fresh child process (this script run with ``--child``), so that
one measurement does not warm the caches of the next.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def _args(level: str, size: str = "1280x720", **kw: object) -> argparse.Namespace:
    ns = argparse.Namespace(level=level, seed=1, lang="en", auto=None, screenshots=None, size=size, text=False,
                            save_replay=None)
    for k, v in kw.items():
        setattr(ns, k, v)
    return ns


def child_startup(level: str) -> None:
    """What ``python -m game`` does up to its first frame (the title screen)."""
    from game.cli import build_parser  # noqa: F401 - the CLI's own imports count
    from game.ui.app import App

    app = App(_args(level))
    app.open()
    app.present()
    print("FIRST_FRAME", flush=True)
    import pygame

    pygame.display.quit()


def child_frames(level: str, size: str, n: int) -> None:
    """Redraw every screen of a game ``n`` times; print per-screen median and p99 (ms)."""
    import pygame

    sys.path.insert(0, str(REPO / "tests"))
    from ui_support import make_app, playable_tutorial, screens

    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"penholder-bench-{os.getpid()}"
    folder = playable_tutorial(tmp) if level == "tutorial" else Path(level)
    app = make_app(tmp / "data", size)
    results = []
    for name in screens(app, folder):
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            app.draw()
            pygame.display.flip()
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        results.append((statistics.median(times), times[int(len(times) * 0.99) - 1], name))
    for med, p99, name in sorted(results, reverse=True):
        print(f"FRAME {name} {med:.2f} {p99:.2f}")


def child_vote(level: str, size: str) -> None:
    """The chamber with its vote playing: draw it frame by frame as the loop would (the loop's
    clock stepped 1/60 s a frame, from the first seat to the announced result); print the median
    and p99 frame time (ms) and the number of frames."""
    import pygame

    sys.path.insert(0, str(REPO / "tests"))
    from ui_support import make_app, playable_tutorial

    from game.engine.actions import CallVote
    from game.sim.drafters import make_drafter

    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"penholder-bench-{os.getpid()}"
    folder = playable_tutorial(tmp) if level == "tutorial" else Path(level)
    app = make_app(tmp / "data", size)
    assert app.start_game(str(folder), seed=1), app.message
    drafter = make_drafter("status-quo", app.game.seed)
    while app.view.name != "chamber":
        app.act(drafter.choose(app.game))
    app.draw()  # the chamber as the room sees it before the vote
    app.act(CallVote())
    view = app.view
    assert view.name == "vote" and view.animating()
    times, now = [], 0
    while view.animating():
        t0 = time.perf_counter()
        view.tick(now)
        app.draw()
        pygame.display.flip()
        times.append((time.perf_counter() - t0) * 1000)
        now += 1000 // 60
    times.sort()
    print(f"VOTE {statistics.median(times):.2f} {times[int(len(times) * 0.99) - 1]:.2f} {len(times)}")


def child_memory(level: str) -> None:
    """Play a whole game in the window (auto-play), then report the peak resident memory."""
    import resource

    from game.ui.app import App

    sys.path.insert(0, str(REPO / "tests"))
    from ui_support import playable_tutorial

    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"penholder-bench-{os.getpid()}"
    folder = playable_tutorial(tmp) if level == "tutorial" else Path(level)
    os.environ["PENHOLDER_DATA"] = str(tmp / "data")
    app = App(_args(str(folder), auto="status-quo"))
    app.open()
    app.run()
    print("PEAK_MB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, flush=True)


def child_idle(level: str, seconds: float, screen: str = "briefing") -> None:
    """Sit on ``screen`` (title or briefing) in the real event loop for ``seconds``; report CPU use."""
    import pygame

    from game.ui.app import App

    driver = os.environ.get("SDL_VIDEODRIVER", "dummy")
    sys.path.insert(0, str(REPO / "tests"))
    from ui_support import (
        playable_tutorial,  # (it sets the dummy driver for the tests: undone below)
    )

    os.environ["SDL_VIDEODRIVER"] = driver
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"penholder-bench-{os.getpid()}"
    folder = playable_tutorial(tmp) if level == "tutorial" else Path(level)
    os.environ["PENHOLDER_DATA"] = str(tmp / "data")
    app = App(_args(str(folder)))
    app.open()
    if screen == "briefing":
        app.start_game(str(folder), seed=1)
    app.present()
    assert app.view.name == screen, app.view.name
    # A screen's one-off work after its first frame (the title counts what each scenario's files
    # skip; the briefing's figures tick) is done before the idle seconds are counted, and reported.
    settle0 = time.process_time()
    for _ in range(1000):
        view = app.nav.screen
        if not (view.moving() or view.animating()):
            break
        view.tick(pygame.time.get_ticks() + 1000)
        app.present()
    print(f"SETTLE {time.process_time() - settle0:.3f}", flush=True)
    pygame.time.set_timer(pygame.QUIT, int(seconds * 1000), loops=1)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    app.run()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    print(f"IDLE {cpu:.3f} {wall:.3f} {pygame.display.get_driver()}", flush=True)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    """An Xvfb on a free display number, or None where Xvfb is not installed."""
    if shutil.which("Xvfb") is None:
        return None
    for number in range(140, 160):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return proc, f":{number}"
            time.sleep(0.1)
        proc.kill()
    return None


def run_child(*args: str, env: dict[str, str] | None = None) -> tuple[str, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd=REPO, env=env)
    out = []
    first = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("FIRST_FRAME") and first is None:
            first = time.perf_counter() - t0
        out.append(line)
    proc.wait()
    return "".join(out), first if first is not None else time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--level", default="tutorial")
    ap.add_argument("--idle", type=float, default=10.0)
    ap.add_argument("--frames", type=int, default=200)
    ap.add_argument("--child", nargs="*")
    a = ap.parse_args()
    if a.child is not None:
        kind, *rest = a.child
        if kind == "startup":
            child_startup(a.level)
        elif kind == "frames":
            child_frames(a.level, rest[0], a.frames)
        elif kind == "vote":
            child_vote(a.level, rest[0])
        elif kind == "memory":
            child_memory(a.level)
        elif kind == "idle":
            child_idle(a.level, a.idle, rest[0] if rest else "briefing")
        return

    print(f"Penholder window benchmark (SDL_VIDEODRIVER={os.environ.get('SDL_VIDEODRIVER')}, level {a.level})")
    starts = [run_child("startup", "--level", a.level)[1] for _ in range(3)]
    print(f"startup to first frame (process start → title drawn): best {min(starts) * 1000:.0f} ms, "
          f"median {statistics.median(starts) * 1000:.0f} ms  (target < 1500 ms)")
    for size in ("1280x720", "1024x600"):
        out, _ = run_child("frames", size, "--level", a.level, "--frames", str(a.frames))
        rows = [line.split() for line in out.splitlines() if line.startswith("FRAME")]
        if rows:
            _tag, name, med, p99 = rows[0]
            print(f"frame time at {size}, busiest screen '{name}': median {float(med):.2f} ms, "
                  f"p99 {float(p99):.2f} ms  (target median < 8 ms at 1280x720)")
            others = ", ".join(f"{r[1]} {float(r[2]):.1f}" for r in rows[1:6])
            print(f"   next busiest (median ms): {others}")
    out, _ = run_child("vote", "1280x720", "--level", a.level)
    vote = [line.split() for line in out.splitlines() if line.startswith("VOTE")]
    if vote:
        _tag, med, p99, frames = vote[0]
        print(f"frame time at 1280x720, the chamber with its vote playing ({frames} frames at 60 per second, "
              f"first seat to result): median {float(med):.2f} ms, p99 {float(p99):.2f} ms  (target median < 8 ms)")
    else:
        print("frame time during the vote: (failed)")
    out, _ = run_child("memory", "--level", a.level)
    peak = [line.split()[1] for line in out.splitlines() if line.startswith("PEAK_MB")]
    print(f"peak memory of the window over a whole auto-played game: {float(peak[0]):.0f} MB  (target < 250 MB)"
          if peak else "peak memory: (failed)")
    idle_figures(a.level, a.idle)


def idle_figures(level: str, seconds: float) -> None:
    """Idle CPU on the screens without animation, under the dummy driver and a real X display."""
    displays: list[tuple[str, dict[str, str]]] = [("dummy", {**os.environ, "SDL_VIDEODRIVER": "dummy"})]
    xvfb = start_xvfb()
    if xvfb is not None:
        displays.append(("x11 (Xvfb)", {**os.environ, "SDL_VIDEODRIVER": "x11", "DISPLAY": xvfb[1]}))
    else:
        print("idle under a real display: skipped (Xvfb is not installed; apt install xvfb)")
    try:
        for label, env in displays:
            for screen in ("title", "briefing"):
                out, _ = run_child("idle", screen, "--level", level, "--idle", str(seconds), env=env)
                idle = [line.split() for line in out.splitlines() if line.startswith("IDLE")]
                if not idle:
                    print(f"idle on the {screen} under {label}: (failed)")
                    continue
                cpu, wall, driver = float(idle[0][1]), float(idle[0][2]), idle[0][3]
                settle = next((line.split()[1] for line in out.splitlines() if line.startswith("SETTLE")), "?")
                print(f"idle on the {screen} for {wall:.1f} s under {label}: {cpu:.3f} s of CPU = "
                      f"{100 * cpu / wall:.2f}% of one core (driver {driver}; target < 1%); "
                      f"its one-off work after the first frame, before: {settle} s of CPU")
    finally:
        if xvfb is not None:
            xvfb[0].terminate()
            xvfb[0].wait(timeout=10)


if __name__ == "__main__":
    main()
