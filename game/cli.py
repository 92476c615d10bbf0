"""The ``penholder`` command (``python -m game``): play, check, schema, simulate, replay."""

from __future__ import annotations

import argparse
import json
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from game import i18n
from game.content.loader import levels_root, load_scenario, resolve_level, scenario_folders
from game.engine.defs import Scenario, tr
from game.sim.drafters import DRAFTERS

DEFAULT_LEVEL = "tutorial"
DEFAULT_STRATEGY = "status-quo"

# --- argument types: a bad value is a usage error (exit 2) that says what is expected --------
MAX_GAMES = 1_000_000
MAX_JOBS = 64
ALL_CORES = max(1, min(MAX_JOBS, os.cpu_count() or 1))  # what a sweep uses unless told otherwise
MAX_SEED = 999_999_999
MAX_LEVEL_CHARS = 1_000
MIN_SIZE, MAX_SIZE = (800, 500), (7680, 4320)  # the window's own bounds (game.ui.display)
_ASCII_INT = re.compile(r"[+-]?[0-9]{1,19}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Kernel and device trees: writing a replay or a screenshot there is never what a user means.
_SYSTEM_TREES = ("/proc", "/sys", "/dev")


# The languages with an interface catalogue (game/locale/): adding one adds it here too.
LANGUAGES = list(i18n.languages())
LANG_HELP = f"language, one of {', '.join(LANGUAGES)} (default: en)"

def _shown(text: str, limit: int = 200) -> str:
    """A value quoted back in a message: repr escapes control characters; long values are cut."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _integer(text: str, low: int, high: int, what: str) -> int:
    # ASCII digits only (int() also takes Arabic-Indic digits and underscores), and at most
    # 19 of them, so a 5,000-digit number is a plain error, not int()'s digit-limit exception.
    if not _ASCII_INT.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(f"{what} must be a whole number from {low} to {high:,}, not {_shown(text)}")
    value = int(text)
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{what} must be from {low} to {high:,}, not {value}")
    return value


def games_count(text: str) -> int:
    return _integer(text, 1, MAX_GAMES, "the number of games")


def policies_count(text: str) -> int:
    return _integer(text, 1, 100_000, "the number of policies")


def jobs_count(text: str) -> int:
    return _integer(text, 1, MAX_JOBS, "the number of processes")


def seed_number(text: str) -> int:
    return _integer(text, 0, MAX_SEED, "the seed")


def window_size(text: str) -> str:
    """``WxH`` within the sizes the window supports, normalised (``1280x720``)."""
    match = re.fullmatch(r"\s*([0-9]{1,9})\s*[xX×]\s*([0-9]{1,9})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"the size must be WIDTHxHEIGHT, such as 1280x720, not {_shown(text)}")
    w, h = int(match[1]), int(match[2])
    if not (MIN_SIZE[0] <= w <= MAX_SIZE[0] and MIN_SIZE[1] <= h <= MAX_SIZE[1]):
        raise argparse.ArgumentTypeError(
            f"the size must be from {MIN_SIZE[0]}x{MIN_SIZE[1]} to {MAX_SIZE[0]}x{MAX_SIZE[1]}, not {w}x{h}")
    return f"{w}x{h}"


def _plain_path(text: str, what: str) -> Path:
    if not text or len(text) > MAX_LEVEL_CHARS or "\x00" in text:
        raise argparse.ArgumentTypeError(
            f"{what} must be a path of 1 to {MAX_LEVEL_CHARS:,} characters without NUL, not {_shown(text)}")
    return Path(text)


def _kind(path: Path) -> str:
    """'dir', 'file', 'other' or 'missing', without raising (a name too long, a loop, a NUL…)."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):  # under a file: missing, and the walk up says why
        return "missing"
    except (OSError, ValueError):
        return "other"
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


def _in_system_tree(path: Path) -> bool:
    try:
        resolved = str(path.resolve())
    except (OSError, RuntimeError, ValueError):
        return True
    return os.name == "posix" and any(resolved == t or resolved.startswith(t + "/") for t in _SYSTEM_TREES)


def _can_write_in(folder: Path) -> str | None:
    """Why nothing can be written in ``folder`` (None if a file can be). Tries it for real: on
    a read-only mount, or as root, permission bits alone do not tell."""
    try:
        fd, probe = tempfile.mkstemp(prefix=".penholder-probe-", dir=folder)
    except OSError as exc:
        return exc.strerror or str(exc)
    os.close(fd)
    try:
        os.unlink(probe)
    except OSError:
        pass
    return None


def _nearest_existing(path: Path) -> Path:
    """``path`` or its nearest ancestor that exists (where the missing folders would be made)."""
    path = Path(os.path.abspath(path))
    while _kind(path) == "missing" and path.parent != path:
        path = path.parent
    return path


def writable_folder(text: str) -> str:
    """A folder to write into (made if missing): not a file, not read-only, not /proc."""
    path = _plain_path(text, "the folder")
    if _in_system_tree(path):
        raise argparse.ArgumentTypeError(f"{_shown(text)} is in a system folder ({', '.join(_SYSTEM_TREES)}); choose another folder")
    if _kind(path) not in ("dir", "missing"):
        raise argparse.ArgumentTypeError(f"{_shown(text)} is a file, not a folder")
    base = _nearest_existing(path)
    if _kind(base) != "dir":
        raise argparse.ArgumentTypeError(f"{_shown(text)} cannot be made: {_shown(str(base))} is a file, not a folder")
    why = _can_write_in(base)
    if why:
        raise argparse.ArgumentTypeError(f"cannot write in {_shown(str(base))}: {why}")
    return text


def writable_file(text: str, ending: str = ".json") -> str:
    """A file to write (its folders made if missing): not a folder, not a device, not read-only;
    ``ending``: the kind of file, for the example a folder's message gives."""
    path = _plain_path(text, "the file")
    if _in_system_tree(path):
        raise argparse.ArgumentTypeError(f"{_shown(text)} is in a system folder ({', '.join(_SYSTEM_TREES)}); choose another place")
    kind = _kind(path)
    if kind == "dir" or text.endswith(("/", os.sep)):
        raise argparse.ArgumentTypeError(f"{_shown(text)} is a folder; give a file name, such as {_shown(str(path / ('game' + ending)))}")
    if kind == "other":
        raise argparse.ArgumentTypeError(f"{_shown(text)} is not an ordinary file")
    base = _nearest_existing(path.parent)
    if _kind(base) != "dir":
        raise argparse.ArgumentTypeError(f"{_shown(text)} cannot be made: {_shown(str(base))} is a file, not a folder")
    why = _can_write_in(base)
    if why:
        raise argparse.ArgumentTypeError(f"cannot write in {_shown(str(base))}: {why}")
    return text


def file_ending(*endings: str) -> Callable[[str], str]:
    """``writable_file`` for some kinds of file: a name that ends in none of ``endings`` is refused
    (a PNG written under x.jpg, or under a name with no ending, opens nowhere)."""
    def check(text: str) -> str:
        writable_file(text, endings[0])
        if Path(text).suffix.lower() not in endings:
            raise argparse.ArgumentTypeError(f"{_shown(text)}: the file's name must end in {' or '.join(endings)}")
        return text
    return check


def room_url(text: str) -> str:
    from game.room.link import room_address

    try:
        return room_address(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def readable_file(text: str) -> str:
    """An existing ordinary file (not a folder, a FIFO or /dev/zero)."""
    path = _plain_path(text, "the file")
    kind = _kind(path)
    if kind != "file":
        why = {"missing": "does not exist", "dir": "is a folder"}.get(kind, "is not an ordinary file")
        raise argparse.ArgumentTypeError(f"{_shown(text)} {why}")
    return text


def scenario_names() -> list[str]:
    return [p.name for p in scenario_folders(levels_root())]


def level_name(text: str) -> str:
    """A scenario name under levels/ or a scenario folder; an unknown one lists those there are."""
    path = _plain_path(text, "the scenario")
    if _CONTROL.search(text):
        raise argparse.ArgumentTypeError(f"the scenario {_shown(text)} contains control characters")
    if _kind(resolve_level(text) / "scenario.yaml") != "file":
        where = "folder" if _kind(path) == "dir" else "scenario"
        raise argparse.ArgumentTypeError(
            f"no {where} {_shown(text)} with a scenario.yaml; the scenarios are: {', '.join(scenario_names()) or '(none found)'}"
            " (or give the path of a scenario folder)")
    return text


def game_id(text: str) -> str:
    if not re.fullmatch(r"[\w.-]{1,120}", text) or text.startswith("."):  # the store's own rule
        raise argparse.ArgumentTypeError(f"{_shown(text)} is not a game id (letters, digits, '.', '-', '_'; "
                                         "the ids are the names of the folders under games/ in the data folder)")
    return text



def _load(level: str, length: str = "full", lang: str = "en") -> Scenario | None:
    """Load a scenario for play at a length; print what was skipped, in ``lang``; None (with a
    message) if unplayable."""
    from game import i18n
    from game.engine.defs import at_length

    folder = resolve_level(level)
    loaded = load_scenario(folder)
    if loaded.scenario is None:
        print(i18n.text("cli_cannot_play", lang, level=_shown(level)), file=sys.stderr)
        for p in loaded.problems[:20]:
            print(f"  {p}", file=sys.stderr)
        return None
    if loaded.problems:
        print(i18n.plural("cli_skipped", len(loaded.problems), lang,
                          cards=", ".join(loaded.cards_skipped) or i18n.text("cli_no_cards", lang),
                          files=", ".join(loaded.files_skipped) or i18n.text("cli_no_files", lang)), file=sys.stderr)
    try:
        return at_length(loaded.scenario, length)
    except ValueError:
        print(i18n.text("cli_no_lesson", lang, level=_shown(level)), file=sys.stderr)
        return None


def cmd_check(args: argparse.Namespace) -> int:
    from game.content import check

    paths = args.paths or [str(levels_root())]
    return check.run(paths, args.json, args.strict)


def cmd_schema(args: argparse.Namespace) -> int:
    from game.content.schema import file_schema

    print(json.dumps(file_schema(args.file), indent=2, ensure_ascii=False))
    return 0


def cmd_play(args: argparse.Namespace) -> int:
    headless = bool(args.auto or args.screenshots)
    if args.auto and DRAFTERS[args.auto].get("needs_record"):
        _needs_record(args, args.auto)
    invisible = os.environ.get("SDL_VIDEODRIVER", "").strip().lower() in ("dummy", "offscreen")
    if args.screenshots and not args.auto and not args.text and invisible:
        # a person would have to play in a window nobody can see: it would wait forever
        args.parser.error(f"--screenshots without --auto plays in a window, and SDL_VIDEODRIVER="
                          f"{os.environ['SDL_VIDEODRIVER'].strip()} shows none: add --auto STRATEGY")
    if headless and not args.text and not _display_exists() and not os.environ.get("SDL_VIDEODRIVER"):
        if not args.auto:
            # a person would have to play in a window nobody can see
            args.parser.error("--screenshots needs a window to play in, and there is no display here "
                              "(DISPLAY and WAYLAND_DISPLAY are not set): add --auto STRATEGY, or set SDL_VIDEODRIVER")
        print("penholder: no display here; the scripted game runs without a window.", file=sys.stderr)
        os.environ["SDL_VIDEODRIVER"] = "dummy"
    # --continue resumes in the terminal (the window offers its own Continue on its title screen)
    use_window = not args.text and not args.resume and (headless or _window_available(args.lang))
    if use_window:
        try:
            from game.ui.app import WindowUnavailable, run_window
        except ImportError:
            use_window = False
        else:
            try:
                return run_window(args)
            except WindowUnavailable as exc:
                if headless:
                    print(f"penholder: no window can be opened here ({exc}); set SDL_VIDEODRIVER=dummy", file=sys.stderr)
                    return 2
                print(f"penholder: {i18n.text('cli.no_window', args.lang, why=exc)}", file=sys.stderr)
    return play_in_terminal(args)


def _needs_record(args: argparse.Namespace, strategy: str) -> None:
    """The historical drafter plays only scenarios with a record.yaml: a usage error elsewhere."""
    from game.sim.drafters import has_record

    scenario = _load(args.level)
    if scenario is not None and not has_record(scenario):
        with_record = [n for n in scenario_names() if (levels_root() / n / "record.yaml").is_file()]
        args.parser.error(f"the {strategy} strategy needs a scenario with a record.yaml, and {_shown(args.level)} has none"
                          f" (these have one: {', '.join(with_record) or 'none'})")


def _safe_streams() -> None:
    """Output that cannot encode a character degrades it ('?'), never crashes; a closed stdout
    becomes a sink, so the game still autosaves and says how to resume on stderr. Input bytes
    that are not in the terminal's encoding (a Latin-1 'é') become U+FFFD, a choice the prompt
    refuses, instead of a decoding error that would end the game."""
    for name in ("stdin", "stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            if name != "stdin":  # a closed stdin is seen by the reader as the end of input
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
    from game.frontends.terminal import Terminal, printable  # notices may quote a hand-edited save
    from game.saves import replay_dict, write_json_atomic
    from game.session import Session, SessionError
    from game.store import Store
    from game.watch import terminal_watch

    _safe_streams()
    store = Store()
    lang = args.lang
    if getattr(args, "resume", None):
        try:
            session, notices = Session.resume(store, _load, None if args.resume == "latest" else args.resume)
        except SessionError as exc:
            print(f"penholder: {printable(exc.text(lang))}", file=sys.stderr)
            return 1
        for n in notices:
            print(f"penholder: {printable(n.text(lang))}", file=sys.stderr)
    else:
        scenario = _load(args.level, args.length, lang)
        if scenario is None:
            return 2
        session = Session.new(scenario, args.level, args.seed, store)
    if getattr(args, "room", None):  # the live room: decisions sent as they are made; its pause and hold obeyed
        from game.room.link import join

        join(args.room, args.session, args.team or "team", session, lang, wait=lambda line: print(f"  {printable(line)}", flush=True))
        print(f"penholder: {printable(i18n.text('room.joined', lang, address=args.room))}", file=sys.stderr)

    replay_failed: list[str] = []

    def record(g: Game) -> None:
        if not args.save_replay or replay_failed:
            return
        try:
            write_json_atomic(args.save_replay, replay_dict(g, args.team or "", args.session or ""))
        except OSError as exc:  # a full disk or a folder gone: say it once, the game goes on
            replay_failed.append(exc.strerror or str(exc))
            print(f"penholder: {i18n.text('cli.replay_failed', lang, why=replay_failed[0])}", file=sys.stderr)

    watch = terminal_watch(session, lang) if getattr(args, "watch", False) else None
    finished = False
    try:
        finished = Terminal(session.game, lang, on_decision=record, session=session,
                            reload=watch.poll if watch is not None else None).run()
    except KeyboardInterrupt:
        print(file=sys.stderr)  # past the ^C the terminal echoed
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (| head): stop quietly, the game is saved
    finally:
        if watch is not None:
            watch.stop()
        record(session.game)
        if not finished:
            again = session.resume_command() + ("" if lang == "en" else f" --lang {lang}")
            if session.save_error is None:
                print(f"{i18n.text('stops_saved', lang)}{again})", file=sys.stderr)
            else:  # never claim a save that failed: say so, and where it would resume from, if anywhere
                failed = printable(session.save_error.text(lang)).rstrip(". ")
                if session.has_autosave():
                    print(f"{i18n.text('stops_failed', lang, failed=failed)}{again})", file=sys.stderr)
                else:
                    folder = printable(str(session.store.root if session.store else ""))
                    print(i18n.text("stops_unsaved", lang, failed=failed, folder=folder), file=sys.stderr)
    return 0


def _display_exists() -> bool:
    """On Linux and the BSDs a window needs X11 or Wayland (elsewhere the system always has one)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _window_available(lang: str = "en") -> bool:
    """The window is the default where a real display exists; else the terminal, saying why.

    Without DISPLAY or WAYLAND_DISPLAY (SSH without X), SDL would open an invisible offscreen window and the game would seem to hang.
    An explicit SDL_VIDEODRIVER (dummy, offscreen, kmsdrm…) is the user's choice and is kept."""
    if os.environ.get("PENHOLDER_TEXT"):
        return False
    if not os.environ.get("SDL_VIDEODRIVER") and not _display_exists():
        print(f"penholder: {i18n.text('cli.no_display', lang)}", file=sys.stderr)
        return False
    driver = os.environ.get("SDL_VIDEODRIVER", "").strip().lower()
    if driver in ("dummy", "offscreen"):
        # nobody can see that window or type in it: only --auto and --screenshots use it
        print(f"penholder: {i18n.text('cli.invisible_driver', lang, driver=driver)}", file=sys.stderr)
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
    recorded = data if isinstance(data, dict) else {}  # load_replay refuses anything else
    level = args.level or recorded.get("scenario") or DEFAULT_LEVEL
    scenario = _load(str(level))
    if scenario is None:
        return 2
    try:
        game, warnings = load_replay(data, scenario)
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
        outcomes = recorded.get("outcomes")
        if recorded.get("ending") != game.ending or (outcomes is not None and outcomes != game.outcomes()):
            print("verify: the replayed game DIFFERS from the recorded one", file=sys.stderr)
            return 1
        print("verify: identical")
    return 0


def _scenarios_by_id() -> dict[str, Scenario]:
    return {sid: sc for sid, (_folder, sc) in _bundled_scenarios().items()}


def cmd_compare(args: argparse.Namespace) -> int:
    """Teams side by side, from their team files (each game rebuilt from its decisions)."""
    from game.saves import SaveError
    from game.sim.teams import compare_text, rebuild

    scenarios = _scenarios_by_id()
    teams = []
    for path in args.files:
        try:
            teams.append(rebuild(path, scenarios))
        except (SaveError, ValueError) as exc:
            print(f"penholder: {exc}", file=sys.stderr)
            return 1
    if len({t.game.scenario.id for t in teams}) > 1:
        print("penholder: these team files are games of different scenarios: compare one scenario at a time", file=sys.stderr)
        return 1
    print(compare_text(teams, args.lang))
    return 0


def cmd_whatif(args: argparse.Namespace) -> int:
    """The same game with one decision changed, and the same luck."""
    from game.saves import SaveError
    from game.sim.teams import rebuild
    from game.sim.whatif import choices_text, whatif, whatif_text

    try:
        team = rebuild(args.file, _scenarios_by_id())
    except (SaveError, ValueError) as exc:
        print(f"penholder: {exc}", file=sys.stderr)
        return 1
    game = team.game
    if args.decision is None or args.choose is None:
        print(choices_text(game, args.lang))
        if args.decision is None and args.choose is None:
            return 0
        print("penholder: --decision N and --choose OPTION go together (the decisions that can be changed "
              "are listed above, each with its choice in [ ])", file=sys.stderr)
        return 2
    try:
        result = whatif(game.scenario, game.seed, list(game.decisions), args.decision, args.choose)
    except ValueError as exc:
        print(choices_text(game, args.lang))
        print(f"penholder: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"decision": args.decision, "choose": args.choose, "outcomes": result.original.outcomes(),
                          "whatif": result.changed.outcomes(), "difference": result.outcome_changes(),
                          "first_divergence_quarter": result.first_divergence(),
                          "left_out": result.left_out, "fallback": result.fallback}, sort_keys=True, ensure_ascii=False))
        return 0
    print(whatif_text(result, args.choose, args.lang))
    return 0


def cmd_simulate(args: argparse.Namespace) -> int:
    from game.sim.simulate import run

    if DRAFTERS[args.strategy].get("needs_record"):
        _needs_record(args, args.strategy)
    scenario = _load(args.level, args.length)
    if scenario is None:
        return 2
    _compiled_for_long_runs(args, args.games)
    print(run(scenario, args.games, args.seed, args.strategy, args.json, args.timeline))
    return 0


def cmd_fidelity(args: argparse.Namespace) -> int:
    from game.content.problems import ContentError
    from game.sim.fidelity import run

    scenario = _load(args.level)
    if scenario is None:
        return 2
    try:
        print(run(scenario, args.games, args.seed, args.json))
    except ContentError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        return 1
    return 0


def _compiled_for_long_runs(args: argparse.Namespace, games: int) -> None:
    """A long sweep runs on the compiled engine: built once if need be, then this command again
    in a fresh process (this one imported the pure engine already). Nothing was printed yet."""
    from game.accel.build import RESTARTED_ENV, build_for_sweep

    if build_for_sweep(games, say=lambda line: print(line, file=sys.stderr)):
        sys.stdout.flush()
        sys.stderr.flush()
        os.environ[RESTARTED_ENV] = "1"
        os.execv(sys.executable, [sys.executable, "-m", "game", *args.argv])


def _engine_note(args: argparse.Namespace) -> None:
    """On a terminal, after a sweep: which engine played it, and how to get the compiled one."""
    from game import accel
    from game.sim.progress import on_terminal

    if not args.json and on_terminal(sys.stderr):
        print(accel.status(), file=sys.stderr)


def cmd_balance(args: argparse.Namespace) -> int:
    code = _balance(args)
    if code == 0:
        _engine_note(args)
    return code


def _balance(args: argparse.Namespace) -> int:
    from game.sim.balance import run

    scenario = _load(args.level, args.length)
    if scenario is None:
        return 2
    if args.search:
        from game.sim.balance import search, search_table

        data = search(scenario, args.search, args.seed, args.search_games, args.jobs, show_progress=not args.json)
        print(json.dumps(data, sort_keys=True, ensure_ascii=False) if args.json else search_table(data))
        return 0
    from game.sim.drafters import available

    _compiled_for_long_runs(args, args.games * len(available(scenario)))
    if args.html:
        from game.sim.balance import report, table
        from game.studio.balance_html import write

        records: dict[str, list[dict[str, object]]] = {}
        data = report(scenario, args.games, args.seed, args.jobs, show_progress=not args.json, keep=records)
        print(json.dumps(data, sort_keys=True) if args.json else table(data))
        print(f"the report as a page: {write(scenario, data, records, Path(args.html))}", file=sys.stderr)
        return 0
    print(run(scenario, args.games, args.seed, args.jobs, args.json))
    return 0


def _bundled_scenarios() -> dict[str, tuple[Path, Scenario]]:
    """Every bundled scenario that loads, by id, with its folder (for reading session codes)."""
    out: dict[str, tuple[Path, Scenario]] = {}
    for folder in scenario_folders(levels_root()):
        loaded = load_scenario(folder).scenario
        if loaded is not None:
            out[loaded.id] = (folder, loaded)
    return out


def _apply_session(args: argparse.Namespace) -> None:
    """``play --session CODE``: the code decides the scenario, its length and the luck."""
    from game.codes import CodeError, read

    bundled = _bundled_scenarios()
    try:
        found = read(args.session, [sc for _folder, sc in bundled.values()])
    except CodeError as exc:
        args.parser.error(f"session code {_shown(args.session)}: {exc}")
    args.level, args.length, args.seed = bundled[found.scenario][0].name, found.length, found.seed


def cmd_session_new(args: argparse.Namespace) -> int:
    """Make a session code: the scenario, its length, the seed and the content version."""
    from game.codes import make

    scenario = _load(args.level, args.length)
    if scenario is None:
        return 2
    code = make(scenario, args.length, args.seed)
    length = "a lesson (one class period)" if args.length == "lesson" else "full length"
    print(f"Session for {tr(scenario.title, 'en')}, {length}, seed {args.seed}.")
    print("Each team runs: python -m game play --session CODE --team NAME --save-replay NAME.json")
    print(code)
    return 0


def _version() -> str:
    """The installed distribution's version, else the package's own (a plain checkout)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("penholder")
    except PackageNotFoundError:
        from game import __version__

        return __version__


def _strategies_help() -> str:
    return "; ".join(f"{name}: {spec['description']}" for name, spec in DRAFTERS.items())


def _level_arg(p: argparse.ArgumentParser, default: str, note: str = "") -> None:
    names = ", ".join(scenario_names()) or "none found"
    p.add_argument("--level", type=level_name, default=default, metavar="SCENARIO",
                   help=f"a scenario name ({names}) or the path of a scenario folder{note} (default: {default})")


def _length_arg(p: argparse.ArgumentParser, default: str) -> None:
    p.add_argument("--length", default=default, choices=["lesson", "full"],
                   help="lesson: what a class plays in one period with the debrief (its first renewals, one card "
                        f"a quarter); full: the whole scenario, for workshops (default: {default})")


def _seed_arg(p: argparse.ArgumentParser, default: int | None, what: str) -> None:
    shown = "a new random seed" if default is None else str(default)
    p.add_argument("--seed", type=seed_number, default=default,
                   help=f"{what}, a whole number from 0 to {MAX_SEED:,} (default: {shown})")


def _games_arg(p: argparse.ArgumentParser, default: int, what: str) -> None:
    p.add_argument("--games", type=games_count, default=default, metavar="N",
                   help=f"{what}, 1 to {MAX_GAMES:,} (default: {default})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="penholder", description="Hold the pen on MINUSMA's mandate. With no command: play.",
        epilog="Run 'penholder COMMAND --help' for a command's options.")
    parser.add_argument("--version", action="version", version=f"penholder {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="play a scenario (the window, or --text for the terminal; the default command)")
    _play_args(play)
    play.set_defaults(func=cmd_play, parser=play)

    check = sub.add_parser("check", help="check scenarios and cards: path:line:col: CODE message")
    check.add_argument("paths", nargs="*", help="scenario folders or folders of scenarios (default: the bundled levels/)")
    check.add_argument("--json", action="store_true", help="print the problems as JSON (default: text)")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings (W codes) too, not only on problems (default: warnings alone exit 0)")
    check.set_defaults(func=cmd_check, parser=check)

    schema = sub.add_parser("schema", help="print the JSON Schema of a card file (for editors)")
    schema.add_argument("--file", default="card", choices=["card", "scenario", "member", "clauses", "model", "record"],
                        help="the kind of file: card (cards/*.yaml), scenario (scenario.yaml), member (council/*.yaml), "
                             "clauses (clauses.yaml), model (model.yaml) or record (record.yaml) (default: card)")
    schema.set_defaults(func=cmd_schema, parser=schema)

    sim = sub.add_parser("simulate", help="play many games with a scripted drafter")
    _level_arg(sim, DEFAULT_LEVEL)
    _games_arg(sim, 100, "games to play")
    _seed_arg(sim, 1, "the first game's seed (the next games take the following seeds)")
    sim.add_argument("--strategy", default=DEFAULT_STRATEGY, choices=list(DRAFTERS), metavar="STRATEGY",
                     help=f"the drafter that plays, one of {', '.join(DRAFTERS)} (default: {DEFAULT_STRATEGY}). "
                          + _strategies_help())
    _length_arg(sim, "full")
    sim.add_argument("--json", action="store_true", help="print every game as JSON (default: a text summary)")
    sim.add_argument("--timeline", action="store_true",
                     help="with --json: each game's quarters (every quantity), its votes and the date it ended (default: off)")
    sim.set_defaults(func=cmd_simulate, parser=sim)

    fid = sub.add_parser("fidelity", help="the historical drafter against the scenario's record.yaml")
    _level_arg(fid, "after-algiers", ", one with a record.yaml")
    _games_arg(fid, 300, "seeds to play")
    _seed_arg(fid, 1, "the first seed")
    fid.add_argument("--json", action="store_true", help="print the report as JSON (default: text)")
    fid.set_defaults(func=cmd_fidelity, parser=fid)

    bal = sub.add_parser("balance", help="balance report: every drafter, outcomes, endings, dead cards")
    _level_arg(bal, DEFAULT_LEVEL)
    _games_arg(bal, 500, "games per drafter")
    _seed_arg(bal, 1, "the first seed, the same for every drafter")
    _length_arg(bal, "full")
    bal.add_argument("--jobs", type=jobs_count, default=ALL_CORES, metavar="N",
                     help=f"processes to use, 1 to {MAX_JOBS} (default: one per core, {ALL_CORES} here; "
                          "the report does not depend on it)")
    bal.add_argument("--json", action="store_true", help="print the report as JSON (default: text)")
    bal.add_argument("--html", type=writable_folder, default=None, metavar="DIR",
                     help="also write DIR/index.html: the report with charts, one self-contained page (default: none)")
    bal.add_argument("--search", type=policies_count, default=0, metavar="N",
                     help="instead: N random fixed policies (an option per clause per year, a card-answer rule) "
                          "and their Pareto frontier over the six measures (default: off)")
    bal.add_argument("--search-games", type=games_count, default=10, metavar="G",
                     help="games (seeds) per policy in --search (default: 10)")
    bal.set_defaults(func=cmd_balance, parser=bal)

    ses = sub.add_parser("session", help="workshop sessions: 'session new' makes the code every team types")
    ses_sub = ses.add_subparsers(dest="session_command", metavar="ACTION", required=True)
    new = ses_sub.add_parser("new", help="make a session code (printed on the last line)")
    _level_arg(new, DEFAULT_LEVEL)
    _length_arg(new, "lesson")
    _seed_arg(new, None, "the session's luck")
    new.set_defaults(func=cmd_session_new, parser=new)

    cmp_ = sub.add_parser("compare", help="teams side by side, from their team files (play --team NAME --save-replay FILE)")
    cmp_.add_argument("files", nargs="+", type=readable_file, help="team files of one scenario")
    cmp_.add_argument("--lang", default="en", choices=LANGUAGES, help=LANG_HELP)
    cmp_.set_defaults(func=cmd_compare, parser=cmp_)

    wif = sub.add_parser("whatif", help="the same game with one decision changed, and the same luck")
    wif.add_argument("file", type=readable_file, help="a replay or team file")
    wif.add_argument("--decision", type=int, default=None, metavar="N", help="the decision to change (without it: the list)")
    wif.add_argument("--choose", default=None, metavar="OPTION", help="the clause option or the card response to take instead")
    wif.add_argument("--lang", default="en", choices=LANGUAGES, help=LANG_HELP)
    wif.add_argument("--json", action="store_true", help="print the comparison as JSON (default: text)")
    wif.set_defaults(func=cmd_whatif, parser=wif)

    rep = sub.add_parser("replay", help="replay a replay file; --verify checks it gives the same game")
    rep.add_argument("file", type=readable_file, help="a replay file written by 'play --save-replay'")
    rep.add_argument("--level", type=level_name, default=None, metavar="SCENARIO",
                     help=f"a scenario name ({', '.join(scenario_names())}) or folder (default: the one named in the file)")
    rep.add_argument("--verify", action="store_true",
                     help="exit 1 unless the replayed game ends as the recorded one did (default: off)")
    rep.set_defaults(func=cmd_replay, parser=rep)

    from game.commands import register_all  # here, not at the top: those modules import this one
    register_all(sub)
    return parser


def _play_args(p: argparse.ArgumentParser) -> None:
    _level_arg(p, DEFAULT_LEVEL)
    _length_arg(p, "full")
    p.add_argument("--team", default=None, metavar="NAME",
                   help="the team's name, written into the replay file (--save-replay), which then is a team file "
                        "for 'compare' and 'whatif' (default: none)")
    p.add_argument("--session", default=None, metavar="CODE",
                   help="a session code from the facilitator ('session new'): its scenario, length and luck (default: none)")
    p.add_argument("--room", type=room_url, default=None, metavar="ws://HOST:PORT",
                   help="with --session: send the decisions to the facilitator's live room ('host' prints the address; "
                        "default: none)")
    _seed_arg(p, None, "the game's luck")
    p.add_argument("--text", action="store_true",
                   help="play in the terminal (default: the window where a display exists, else the terminal)")
    p.add_argument("--lang", default="en", choices=LANGUAGES, help=LANG_HELP)
    p.add_argument("--save-replay", type=writable_file, default=None, metavar="FILE",
                   help="write a replay file as you play (default: none)")
    p.add_argument("--auto", default=None, choices=list(DRAFTERS), metavar="STRATEGY",
                   help=f"let a scripted drafter play in the window, one of {', '.join(DRAFTERS)} (default: you play)")
    p.add_argument("--screenshots", type=writable_folder, default=None, metavar="DIR",
                   help="save a PNG of every screen in DIR, made if missing (default: none)")
    p.add_argument("--high-contrast", action="store_true",
                   help="with --auto or --screenshots: draw in the high-contrast palette (default: the settings')")
    p.add_argument("--text-step", type=int, choices=range(4), default=1, metavar="N",
                   help="with --auto or --screenshots: the text size, 0 to 3, 3 the largest (default: 1)")
    p.add_argument("--size", type=window_size, default="1280x720", metavar="WxH",
                   help=f"window size, from {MIN_SIZE[0]}x{MIN_SIZE[1]} to {MAX_SIZE[0]}x{MAX_SIZE[1]} (default: 1280x720)")
    p.add_argument("--continue", dest="resume", nargs="?", type=game_id, const="latest", default=None, metavar="GAME_ID",
                   help="resume the most recent game, or the game GAME_ID, from its autosave, in the terminal "
                        "(default: a new game)")
    p.add_argument("--watch", action="store_true",
                   help="reload the scenario's files when one is saved, keeping the game where it is: for writing "
                        "cards while playing (default: off)")


_TOP_LEVEL = ("-h", "--help", "--version")
# Options whose value may look like a short option ("--size -5x-5", "--level -x"): argparse would
# say "expected one argument"; joined as "--size=-5x-5", the value reaches its validator and its
# message. Negative numbers ("--games -5") are already passed through by argparse.
_VALUE_OPTIONS = ("--size", "--level", "--seed", "--games", "--jobs", "--save-replay", "--screenshots")


def _join_dash_values(argv: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(argv):
        item = argv[i]
        nxt = argv[i + 1] if i + 1 < len(argv) else None
        if (item in _VALUE_OPTIONS and nxt is not None and nxt.startswith("-") and not nxt.startswith("--")
                and nxt != "-h"):
            out.append(f"{item}={nxt}")
            i += 2
            continue
        out.append(item)
        i += 1
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _safe_streams()
    parser = build_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in _TOP_LEVEL:
        argv = ["play", *argv]
    args = parser.parse_args(_join_dash_values(argv))
    args.argv = argv  # the command as given, to run it again (on a new compiled engine)
    if getattr(args, "session", None) is not None:
        if not args.session.strip():
            args.parser.error("--session needs a code, such as the one 'session new' prints")
        # the code decides the scenario, the length and the luck: a --level, --seed or --length
        # beside it was silently ignored, and a team played another game than it asked for
        given = sorted({a.split("=", 1)[0] for a in argv if a.split("=", 1)[0] in ("--level", "--seed", "--length")})
        if given:
            args.parser.error(f"--session CODE sets the scenario, its length and the luck: leave out {', '.join(given)}")
        _apply_session(args)
    if getattr(args, "room", None) and not getattr(args, "session", None):
        args.parser.error("--room needs --session CODE: the room plays one session")
    if getattr(args, "seed", 0) is None:
        args.seed = int.from_bytes(os.urandom(4), "big") % 1_000_000
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()  # the reader (head, less) went away: stop quietly, as cat does
        return 0
    except ModuleNotFoundError as exc:  # a dependency imported where it is used (fpdf2, websockets,
        if not exc.name or exc.name.split(".")[0] == "game":  # watchfiles), missing from an older install
            raise
        print(f"penholder: this needs the package '{exc.name.split('.')[0]}', a dependency of the game that is not installed "
              "here: run 'pip install -e .' again", file=sys.stderr)
        return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the flush at exit does not complain a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))

