"""The ``penholder`` command (``python -m game``): play, check, schema, simulate, replay."""

from __future__ import annotations

import argparse
import json
import os
import sys

from game.content.loader import Loaded, levels_root, load_scenario, resolve_level

DEFAULT_LEVEL = "tutorial"


def _load(level: str) -> Loaded | None:
    """Load a scenario for play; print what was skipped; None (with a message) if unplayable."""
    folder = resolve_level(level)
    loaded = load_scenario(folder)
    if loaded.scenario is None:
        print(f"penholder: cannot play '{level}':", file=sys.stderr)
        for p in loaded.problems[:20]:
            print(f"  {p}", file=sys.stderr)
        return None
    if loaded.problems:
        print(f"penholder: {len(loaded.problems)} problem(s) in the content; skipped cards: "
              f"{', '.join(loaded.cards_skipped) or 'none'} (run 'python -m game check' for details)", file=sys.stderr)
    return loaded


def cmd_check(args: argparse.Namespace) -> int:
    from game.content import check

    paths = args.paths or [str(levels_root())]
    return check.run(paths, args.json)


def cmd_schema(args: argparse.Namespace) -> int:
    from game.content.schema import card_file_schema

    print(json.dumps(card_file_schema(), indent=2, ensure_ascii=False))
    return 0


def cmd_play(args: argparse.Namespace) -> int:
    use_window = not args.text and (args.auto or args.screenshots or _window_available())
    if use_window:
        try:
            from game.ui.app import WindowUnavailable, run_window
        except ImportError:
            use_window = False
        else:
            try:
                return run_window(args)
            except WindowUnavailable as exc:
                if args.auto or args.screenshots:
                    print(f"penholder: no window can be opened here ({exc}); set SDL_VIDEODRIVER=dummy", file=sys.stderr)
                    return 2
                print(f"penholder: no window here ({exc}); playing in the terminal.", file=sys.stderr)
    return play_in_terminal(args)


def _safe_streams() -> None:
    """Output that cannot encode a character degrades it ('?'), never crashes; a closed stdout
    becomes a sink, so the game still autosaves and says how to resume on stderr."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
        elif hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def play_in_terminal(args: argparse.Namespace) -> int:
    """The terminal game, on the same store as the window: autosave after every decision,
    ``--continue`` to resume, and the resume command printed when the game stops early."""
    from game.engine.game import Game
    from game.frontends.terminal import Terminal
    from game.saves import replay_dict, write_json_atomic
    from game.session import Session, SessionError
    from game.store import Store

    _safe_streams()
    store = Store()
    lang = args.lang
    if getattr(args, "resume", None):
        def load_level(level: str):  # type: ignore[no-untyped-def]
            loaded = _load(level)
            return loaded.scenario if loaded is not None else None

        try:
            session, notices = Session.resume(store, load_level, None if args.resume == "latest" else args.resume)
        except SessionError as exc:
            print(f"penholder: {exc.text(lang)}", file=sys.stderr)
            return 1
        for n in notices:
            print(f"penholder: {n.text(lang)}", file=sys.stderr)
    else:
        loaded = _load(args.level)
        if loaded is None:
            return 2
        session = Session.new(loaded.scenario, args.level, args.seed, store)  # type: ignore[arg-type]

    def record(g: Game) -> None:
        if args.save_replay:
            write_json_atomic(args.save_replay, replay_dict(g))

    finished = False
    try:
        finished = Terminal(session.game, lang, on_decision=record, session=session).run()
    except KeyboardInterrupt:
        pass
    except BrokenPipeError:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - the reader went away
    finally:
        record(session.game)
        if not finished:
            hint = ("(la partie s'arrête ici ; elle est enregistrée. Pour la reprendre : "
                    if lang == "fr" else "(the game stops here; it is saved. To resume it: ")
            print(f"{hint}{session.resume_command()})", file=sys.stderr)
    return 0


def _window_available() -> bool:
    """The window is the default where a real display exists; else the terminal, saying why.

    On Linux and the BSDs a window needs X11 or Wayland: without DISPLAY or WAYLAND_DISPLAY
    (SSH without X), SDL would open an invisible offscreen window and the game would seem to hang.
    An explicit SDL_VIDEODRIVER (dummy, offscreen, kmsdrm…) is the user's choice and is kept."""
    if os.environ.get("PENHOLDER_TEXT"):
        return False
    if (sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
            and not os.environ.get("SDL_VIDEODRIVER")
            and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))):
        print("penholder: no display here (DISPLAY and WAYLAND_DISPLAY are not set); playing in the terminal.",
              file=sys.stderr)
        return False
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen") and sys.stdin is not None and sys.stdin.isatty():
        print("penholder: SDL_VIDEODRIVER is set to an offscreen driver; playing in the terminal.", file=sys.stderr)
        return False
    try:
        import game.ui.app  # noqa: F401
    except ImportError:
        return False
    return True


def cmd_replay(args: argparse.Namespace) -> int:
    from game.saves import SaveError, load_replay, read_json

    try:
        data = read_json(args.file)
    except SaveError as exc:
        print(f"penholder: {exc}", file=sys.stderr)
        return 2
    level = args.level or (data.get("scenario") if isinstance(data, dict) else None) or DEFAULT_LEVEL
    loaded = _load(str(level))
    if loaded is None:
        return 2
    try:
        game, warnings = load_replay(data, loaded.scenario)  # type: ignore[arg-type]
    except SaveError as exc:
        print(f"penholder: {exc}", file=sys.stderr)
        return 1
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"replayed {len(game.decisions)} decisions: ending {game.ending or '(game not finished)'}, {len(game.timeline)} quarters")
    if game.ending:
        for key, value in game.outcomes().items():
            print(f"  {key:<20} {value}")
    if args.verify:
        recorded = data.get("outcomes")
        if data.get("ending") != game.ending or (recorded is not None and recorded != game.outcomes()):
            print("verify: the replayed game DIFFERS from the recorded one", file=sys.stderr)
            return 1
        print("verify: identical")
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    from game.sim.drafters import DRAFTERS
    from game.sim.simulate import run

    if args.strategy not in DRAFTERS:
        print(f"penholder: unknown strategy '{args.strategy}' (one of: {', '.join(DRAFTERS)})", file=sys.stderr)
        return 2
    loaded = _load(args.level)
    if loaded is None:
        return 2
    print(run(loaded.scenario, args.games, args.seed, args.strategy, args.json, args.timeline))  # type: ignore[arg-type]
    return 0


def cmd_fidelity(args: argparse.Namespace) -> int:
    from game.content.problems import ContentError
    from game.sim.fidelity import run

    loaded = _load(args.level)
    if loaded is None:
        return 2
    try:
        print(run(loaded.scenario, args.games, args.seed, args.json))  # type: ignore[arg-type]
    except ContentError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        return 1
    return 0


def cmd_balance(args: argparse.Namespace) -> int:
    from game.sim.balance import run

    loaded = _load(args.level)
    if loaded is None:
        return 2
    print(run(loaded.scenario, args.games, args.seed, args.jobs, args.json))  # type: ignore[arg-type]
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="penholder", description="Hold the pen on MINUSMA's mandate.")
    sub = parser.add_subparsers(dest="command")

    play = sub.add_parser("play", help="play a scenario (window, or --text for the terminal)")
    _play_args(play)
    play.set_defaults(func=cmd_play)

    check = sub.add_parser("check", help="check scenarios and cards: path:line:col: CODE message")
    check.add_argument("paths", nargs="*", help="scenario folders or folders of scenarios (default: levels/)")
    check.add_argument("--json", action="store_true", help="print the problems as JSON")
    check.set_defaults(func=cmd_check)

    schema = sub.add_parser("schema", help="print the JSON Schema of a card file (for editors)")
    schema.set_defaults(func=cmd_schema)

    sim = sub.add_parser("simulate", help="play many games with a scripted drafter")
    sim.add_argument("--level", default=DEFAULT_LEVEL)
    sim.add_argument("--games", type=int, default=100)
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--strategy", default="status-quo")
    sim.add_argument("--json", action="store_true")
    sim.add_argument("--timeline", action="store_true",
                     help="with --json: each game's quarters (every quantity), its votes and the date it ended")
    sim.set_defaults(func=cmd_simulate)

    fid = sub.add_parser("fidelity", help="the historical drafter against the scenario's record.yaml")
    fid.add_argument("--level", default="after-algiers", help="a scenario with a record.yaml (default: after-algiers)")
    fid.add_argument("--games", type=int, default=300, help="seeds to play (default: 300)")
    fid.add_argument("--seed", type=int, default=1, help="first seed (default: 1)")
    fid.add_argument("--json", action="store_true", help="print the report as JSON")
    fid.set_defaults(func=cmd_fidelity)

    bal = sub.add_parser("balance", help="balance report: every drafter, outcomes, endings, dead cards")
    bal.add_argument("--level", default=DEFAULT_LEVEL)
    bal.add_argument("--games", type=int, default=500, help="games per drafter")
    bal.add_argument("--seed", type=int, default=1)
    bal.add_argument("--jobs", type=int, default=1, help="processes to use (the result does not depend on it)")
    bal.add_argument("--json", action="store_true")
    bal.set_defaults(func=cmd_balance)

    rep = sub.add_parser("replay", help="replay a replay file; --verify checks it gives the same game")
    rep.add_argument("file")
    rep.add_argument("--level", default=None, help="scenario (default: the one named in the file)")
    rep.add_argument("--verify", action="store_true")
    rep.set_defaults(func=cmd_replay)
    return parser


def _play_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--level", default=DEFAULT_LEVEL, help="a scenario name under levels/ or a scenario folder")
    p.add_argument("--seed", type=int, default=None, help="the game's luck (default: a new seed)")
    p.add_argument("--text", action="store_true", help="play in the terminal")
    p.add_argument("--lang", default="en", choices=["en", "fr"])
    p.add_argument("--save-replay", default=None, metavar="FILE", help="write a replay file as you play")
    p.add_argument("--auto", default=None, metavar="STRATEGY", help="let a scripted drafter play")
    p.add_argument("--screenshots", default=None, metavar="DIR", help="save a PNG of every screen")
    p.add_argument("--size", default="1280x720", help="window size, WxH")
    p.add_argument("--continue", dest="resume", nargs="?", const="latest", default=None, metavar="GAME_ID",
                   help="resume the most recent game (or the game GAME_ID) from its autosave")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["play", *argv]
    args = parser.parse_args(argv)
    if getattr(args, "seed", 0) is None:
        args.seed = int.from_bytes(os.urandom(4), "big") % 1_000_000
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print()
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))

