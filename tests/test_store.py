"""Never lose a game: one autosave per game, hand-edited and hostile files, kill -9 mid-write.

These run without pygame: the store and the session are what the window and the terminal share.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.loader import levels_root, load_scenario
from game.engine.actions import Back, Continue
from game.saves import SaveError, read_json
from game.session import Session, SessionError
from game.store import (
    AUTOSAVE,
    KEPT_SPACES,
    MAX_SAVE_NAME,
    PREVIOUS,
    Settings,
    Store,
    clean_name,
    slug,
)

REPO = Path(__file__).resolve().parent.parent
_CACHE: dict[str, object] = {}


def load(level: str):
    if level not in _CACHE:
        _CACHE[level] = load_scenario(levels_root() / level).scenario
    return _CACHE[level]


def played(store: Store, moves: int = 3, seed: int = 5) -> Session:
    """A tutorial game after ``moves`` decisions of the status-quo drafter."""
    from game.sim.drafters import make_drafter

    s = Session.new(load("tutorial"), "tutorial", seed, store)
    drafter = make_drafter("status-quo", seed)
    for _ in range(moves):
        s.act(drafter.choose(s.game))
    return s


def step(s: Session) -> None:
    from game.sim.drafters import make_drafter

    s.act(make_drafter("status-quo", 1).choose(s.game))


def test_each_game_has_its_own_autosave_and_the_most_recent_continues(tmp_path):
    store = Store(tmp_path)
    a = played(store, 2, seed=1)
    b = played(store, 1, seed=2)
    assert a.game_id != b.game_id
    assert {p.parent.name for p in (tmp_path / "games").glob("*/" + AUTOSAVE)} == {a.game_id, b.game_id}
    resumed, notices = Session.resume(Store(tmp_path), load)
    assert resumed.game_id == b.game_id and resumed.game.decisions == b.game.decisions and not notices
    other, _ = Session.resume(Store(tmp_path), load, a.game_id)
    assert other.game.decisions == a.game.decisions


def test_nothing_to_continue_is_a_message(tmp_path):
    with pytest.raises(SessionError) as exc:
        Session.resume(Store(tmp_path), load)
    assert "no game" in str(exc.value)
    assert "aucune" in exc.value.text("fr")


def test_the_autosave_of_version_one_gets_a_game_folder(tmp_path):
    s = played(Store(tmp_path / "new"))
    old = json.loads((tmp_path / "new" / "games" / s.game_id / AUTOSAVE).read_text(encoding="utf-8"))
    old["version"] = 1
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "autosave.json").write_text(json.dumps(old), encoding="utf-8")
    resumed, _ = Session.resume(Store(tmp_path / "old"), load)
    assert resumed.game.decisions == s.game.decisions
    assert not (tmp_path / "old" / "autosave.json").exists()


def test_a_clause_added_since_the_save_resumes_by_replay_with_a_notice(tmp_path):
    import dataclasses

    store = Store(tmp_path)
    s = played(store)
    path = tmp_path / "games" / s.game_id / AUTOSAVE
    data = json.loads(path.read_text(encoding="utf-8"))
    # the save was made when the scenario had one clause fewer, and another content version
    dropped = data["content"]["clauses"].popitem()[0]
    data["content"]["hash"] = "older"
    data["game"]["draft"].pop(dropped)
    path.write_text(json.dumps(data), encoding="utf-8")
    resumed, notices = Session.resume(Store(tmp_path), load)
    words = " ".join(n.text("en") for n in notices)
    assert f"clauses added: {dropped}" in words and "replaying" in words
    assert set(resumed.game.draft) == {d.id for d in load("tutorial").dimensions}
    # and if the decisions no longer fit either, it is refused with a message, never a crash
    data["replay"]["decisions"] = [{"do": "choose", "dimension": "nonexistent", "option": "x"}]
    path.write_text(json.dumps(data), encoding="utf-8")
    (path.parent / PREVIOUS).unlink()
    with pytest.raises(SessionError) as exc:
        Session.resume(Store(tmp_path), load)
    assert "cannot be continued" in str(exc.value)
    assert path.exists()  # kept for a later version to read
    assert dataclasses.is_dataclass(resumed.game) is False


# --- hand-edited and hostile files ------------------------------------------------------------
def _edit(data: dict, case: str) -> bytes | None:
    """A save edited by hand in one of the ways a curious student does; bytes to write."""
    if case == "huge_int":
        return json.dumps(data).replace('"quarter":', '"quarter": 1' + "0" * 5000 + ', "x":', 1).encode()
    if case == "unknown_phase":
        data["phase"] = "party"
        data["game"]["phase"] = "party"
    elif case == "long_level":
        data["level"] = "x" * 5000
    elif case == "nul_level":
        data["level"] = "tuto\x00rial"
    elif case == "decisions_not_list":
        data["replay"]["decisions"] = {"do": "continue"}
        data["game"]["values"] = "broken"
    elif case == "decision_is_list":
        data["replay"]["decisions"] = [["do", "continue"]]
        data["game"]["values"] = "broken"
    elif case == "infinity":
        return json.dumps(data).replace('"quarter":', '"quarter": Infinity, "x":', 1).encode()
    elif case == "values_list":
        data["game"]["values"] = [1, 2, 3]
        data["replay"] = None
    elif case == "out_of_range":
        data["game"]["values"]["mission.consent"] = 10**40
        data["replay"] = None
    elif case == "bad_utf8":
        return json.dumps(data).encode()[:200] + b"\xff\xfe" + json.dumps(data).encode()[200:]
    elif case == "deep":
        return b"[" * 100_000 + b"]" * 100_000
    return json.dumps(data).encode()


CASES = ["huge_int", "unknown_phase", "long_level", "nul_level", "decisions_not_list", "decision_is_list",
         "infinity", "values_list", "out_of_range", "bad_utf8", "deep"]


@pytest.mark.parametrize("case", CASES)
def test_a_hand_edited_autosave_never_crashes_and_the_previous_good_one_loads(tmp_path, case):
    store = Store(tmp_path)
    s = played(store, 3)
    played_before = list(s.game.decisions)
    step(s)
    path = tmp_path / "games" / s.game_id / AUTOSAVE
    edited = _edit(json.loads(path.read_bytes()), case)
    path.write_bytes(edited)
    resumed, notices = Session.resume(Store(tmp_path), load)
    if case == "unknown_phase":  # the decisions are intact: the game is rebuilt from them
        assert resumed.game.decisions == s.game.decisions and resumed.game.phase != "party"
        return
    assert resumed.game.decisions == played_before  # the previous good save
    words = " ".join(n.text("en") for n in notices)
    assert "could not be read" in words and "kept as" in words
    for bad in ("Traceback", "JSONDecodeError", "set_int_max_str_digits", "unhashable"):
        assert bad not in words
    [aside] = path.parent.glob("autosave.unreadable-*.json")
    assert aside.read_bytes() == edited


@pytest.mark.parametrize("case", ["fifo", "dev_zero", "folder", "loop"])
def test_a_save_that_is_not_a_file_is_refused_at_once(tmp_path, case):
    path = tmp_path / "slot.json"
    if case == "fifo":
        os.mkfifo(path)
    elif case == "dev_zero":
        path.symlink_to("/dev/zero")
    elif case == "folder":
        path.mkdir()
    else:
        path.symlink_to(tmp_path / "slot2.json")
        (tmp_path / "slot2.json").symlink_to(path)
    start = time.monotonic()
    with pytest.raises(SaveError) as exc:
        read_json(path)
    assert time.monotonic() - start < 5
    assert "slot.json" in str(exc.value)


def test_a_slot_full_of_junk_lists_as_damaged_and_settings_fall_back(tmp_path):
    store = Store(tmp_path)
    (tmp_path / "slots").mkdir()
    (tmp_path / "slots" / "a.json").write_text('{"kind": "penholder-window-save", "version": 2, "quarter": NaN}')
    os.mkfifo(tmp_path / "slots" / "b.json")
    infos = store.list_slots()
    assert len(infos) == 2 and all(i.error for i in infos)
    assert "NaN" in " ".join(i.error for i in infos)
    (tmp_path / "settings.json").write_text('{"text_step": Infinity, "lang": "fr"}')
    assert store.load_settings().text_step == 1


# --- names ------------------------------------------------------------------------------------
def test_slot_names_keep_their_letters():
    assert slug("équipe") == "equipe"
    assert slug("Équipe Bleue — 2016") == "equipe-bleue-2016"
    assert slug("فريق") == "فريق"
    assert slug("\u200b\u200c\u00ad") == "save"


def test_a_save_name_keeps_french_no_break_spaces_and_drops_invisible_characters(tmp_path):
    """The list showed "Tutoriel: votre…" where the confirmation said "Tutoriel : …"."""
    from game.engine.game import Game

    assert clean_name("Tutoriel\u00a0: le mandat\u202f!") == "Tutoriel\u00a0: le mandat\u202f!"
    assert clean_name("a\u200bb\x07c\u2028d\u202ee\u00ad") == "abcde"
    store = Store(tmp_path)
    name = "Tutoriel\u00a0: votre premier mandat — juin 2015 · équipe\u202f! des Bleus, au fond de la classe\x1b"
    path = store.save_slot(Game(load("tutorial"), 1), "tutorial", name)
    [slot] = store.list_slots()
    assert slot.path == path and slot.name == name[:-1]  # a team's whole name, past 40 characters
    assert len(path.stem) <= 40 and path.stem.isascii()
    long = store.save_slot(Game(load("tutorial"), 1), "tutorial", "x" * 500)
    assert {s.name for s in store.list_slots() if s.path == long} == {"x" * MAX_SAVE_NAME}


def test_a_save_never_takes_a_file_name_windows_keeps_for_a_device(tmp_path):
    from game.engine.game import Game

    store = Store(tmp_path)
    for name in ("Aux", "con", "NUL", "com1"):
        path = store.save_slot(Game(load("tutorial"), 1), "tutorial", name)
        assert path.stem.lower().split(".")[0] not in {"aux", "con", "nul", "com1"}, path
    assert {s.name for s in store.list_slots()} == {"Aux", "con", "NUL", "com1"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=120))
def test_any_slot_name_saves_inside_the_slots_folder_and_lists(tmp_path, name):
    store = Store(tmp_path)
    game = load("tutorial")
    from game.engine.game import Game

    path = store.save_slot(Game(game, 1), "tutorial", name)
    assert path.parent == tmp_path / "slots" and path.suffix == ".json"
    listed = {i.path: i for i in store.list_slots()}
    assert listed[path].error is None
    assert all(c.isprintable() or c in KEPT_SPACES for c in listed[path].name)  # French no-break spaces kept


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_mutated_save_resumes_or_says_why(tmp_path, data):
    store = Store(tmp_path / str(random.random()))
    s = played(store, 2)
    path = store.games_dir / s.game_id / AUTOSAVE
    save = json.loads(path.read_bytes())
    (path.parent / PREVIOUS).unlink()
    # replace one value anywhere in the save by an arbitrary JSON value
    leaves = []

    def walk(node, trail):
        if isinstance(node, dict):
            for k, v in node.items():
                leaves.append((*trail, k))
                walk(v, (*trail, k))
        elif isinstance(node, list) and len(node) < 30:
            for i, v in enumerate(node):
                leaves.append((*trail, i))
                walk(v, (*trail, i))

    walk(save, ())
    where = data.draw(st.sampled_from(leaves))
    value = data.draw(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                                   lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3),
                                   max_leaves=6))
    node = save
    for k in where[:-1]:
        node = node[k]
    node[where[-1]] = value
    path.write_text(json.dumps(save), encoding="utf-8")
    try:
        resumed, _ = Session.resume(Store(store.root), load)
    except SessionError as exc:
        assert exc.text("fr") and "Traceback" not in str(exc)
        return
    if resumed.game.phase != "end":
        step(resumed)


# --- a write cut short (disk full) -----------------------------------------------------------
@contextlib.contextmanager
def files_capped_at(size: int):
    """Writes past ``size`` bytes fail with EFBIG, as on a full disk, wherever they happen."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an error, not a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


@pytest.mark.skipif(resource is None, reason="POSIX file-size limits")
def test_a_write_cut_short_leaves_the_current_save_whole_and_says_so(tmp_path):
    s = played(Store(tmp_path), moves=1)
    current = tmp_path / "games" / s.game_id / AUTOSAVE
    before = current.read_bytes()
    s.game.apply(Continue())  # two decisions more: the next save is longer than this one
    s.game.apply(Back())
    # The previous good copy (as long as the current file) can still be written; the new save cannot.
    with files_capped_at(len(before) + 8):
        s.autosave()
    assert s.save_error is not None  # the player is told; the game goes on
    assert current.read_bytes() == before  # a write in place would have left half a save here
    assert (current.parent / PREVIOUS).read_bytes() == before
    assert not [p.name for p in current.parent.iterdir() if p.name.endswith(".tmp")]
    resumed, _ = Session.resume(Store(tmp_path), load, s.game_id)
    assert resumed.game.decisions == s.game.decisions[:-2]
    s.autosave()  # once there is room again, the save catches up
    assert Session.resume(Store(tmp_path), load, s.game_id)[0].game.decisions == s.game.decisions


# --- kill -9 in the middle of autosaves -------------------------------------------------------
WRITER = textwrap.dedent("""
    import sys
    from game.content.loader import levels_root, load_scenario
    from game.session import Session
    from game.sim.drafters import make_drafter
    from game.store import Store
    sc = load_scenario(levels_root() / "tutorial").scenario
    store = Store(sys.argv[1])
    s = Session.new(sc, "tutorial", 3, store)
    drafter = make_drafter("status-quo", 3)
    print("ready", flush=True)
    while True:
        if s.game.phase != "end":
            s.act(drafter.choose(s.game))
        s.autosave()
""")


def test_kill_nine_at_random_points_always_leaves_a_loadable_save(tmp_path):
    rng = random.Random(8)
    root = tmp_path / "data"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    kills = 25
    for i in range(kills):
        # The context closes the pipe: warnings are errors in this suite, ResourceWarning included.
        with subprocess.Popen([sys.executable, str(script), str(root)], stdout=subprocess.PIPE,
                              cwd=REPO, env=os.environ | {"PYTHONPATH": str(REPO)}) as proc:
            assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
            time.sleep(rng.uniform(0.0, 0.15))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        store = Store(root)
        for folder in store.games_dir.iterdir():
            assert (folder / AUTOSAVE).exists(), f"kill {i}: {sorted(p.name for p in folder.iterdir())}"
        for info in store.recent_games():
            Session.resume(store, load, info.game_id)
    # temporary files of killed writes are removed when the store opens (once they are stale)
    store = Store(root)
    store.cleanup_temp(max_age=0)
    assert not list(root.rglob("*.tmp"))


def test_stale_temporary_files_are_removed_when_the_store_opens(tmp_path):
    s = played(Store(tmp_path))
    folder = tmp_path / "games" / s.game_id
    stale, fresh = folder / ".autosave.json.abc.tmp", folder / ".autosave.json.def.tmp"
    stale.write_text("half a save")
    fresh.write_text("another window is writing this one")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    Store(tmp_path)
    assert not stale.exists() and fresh.exists()


# --- settings -----------------------------------------------------------------------------------
def test_settings_round_trip_through_their_file(tmp_path):
    store = Store(tmp_path)
    assert store.load_settings() == Settings()  # no file yet: the defaults
    chosen = Settings(lang="fr", text_step=3, high_contrast=True, colour_blind=True, previews=False, undo_allowed=False)
    store.save_settings(chosen)
    assert json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))["lang"] == "fr"
    assert Store(tmp_path).load_settings() == chosen


@pytest.mark.parametrize(("data", "expected"), [
    ({"lang": "de"}, Settings()),  # a language we do not have: English
    ({"text_step": 9}, Settings(text_step=3)),  # sizes kept within 0..3
    ({"text_step": -4}, Settings(text_step=0)),
    ({"text_step": 2}, Settings(text_step=2)),
    ({"high_contrast": 1, "previews": 0}, Settings()),  # 1 is not true: only booleans count
    ({"text_step": True}, Settings()),  # and true is not a size
    ({"lang": ["fr"], "undo_allowed": "no"}, Settings()),
    ({"colour_blind": True, "unknown": 5}, Settings(colour_blind=True)),  # unknown keys ignored
    ([1, 2], Settings()),
    ("fr", Settings()),
    (None, Settings()),
])
def test_settings_keep_only_what_they_understand(data, expected):
    assert Settings.from_dict(data) == expected


def test_a_settings_file_that_cannot_be_read_gives_the_defaults(tmp_path):
    store = Store(tmp_path)
    for junk in (b"{not json", b"\xff\xfe", b"[]", b'{"lang": "fr"', b"\x00" * 10):
        (tmp_path / "settings.json").write_bytes(junk)
        assert store.load_settings() == Settings(), junk
    (tmp_path / "settings.json").write_bytes(b'{"lang": "fr", "text_step": 1e999}')
    assert store.load_settings() == Settings(lang="fr")  # what is right is kept, the rest defaults
    (tmp_path / "settings.json").unlink()
    (tmp_path / "settings.json").mkdir()  # a folder in its place
    assert store.load_settings() == Settings()
    store.save_settings(Settings(lang="fr"))  # cannot be written either: no crash, nothing lost
    assert (tmp_path / "settings.json").is_dir()


@pytest.mark.parametrize("kind", ["data-is-a-file", "games-is-a-file"])
def test_a_data_folder_that_cannot_be_written_plays_on_and_says_why(tmp_path, kind):
    """A locked school profile (or a file where the data folder should be) crashed the game as it
    started: making the new game's folder was the one write nothing guarded. (A read-only folder
    cannot be made here: the tests may run as root, who writes anywhere.)"""
    root = tmp_path / "data"
    if kind == "data-is-a-file":
        root.write_text("not a folder")
    else:
        root.mkdir()
        (root / "games").write_text("not a folder")
    s = Session.new(load("tutorial"), "tutorial", 3, Store(root))
    step(s)  # and the game goes on
    assert s.save_error is not None and s.save_error.key == "autosave_failed"
    assert "could not be saved" in s.save_error.text("en")


def test_a_game_continued_in_two_places_keeps_both_and_says_so(tmp_path):
    """Two terminals continuing the same game each wrote over the other's autosave: the one that
    saved last silently replaced the other's decisions. Now the second goes on as a new game."""
    first = played(Store(tmp_path), 2, seed=4)
    here, _ = Session.resume(Store(tmp_path), load, first.game_id)
    there, _ = Session.resume(Store(tmp_path), load, first.game_id)
    step(there)
    step(there)  # the other window plays on and saves
    theirs = read_json(tmp_path / "games" / first.game_id / AUTOSAVE)
    step(here)
    assert read_json(tmp_path / "games" / first.game_id / AUTOSAVE) == theirs  # untouched
    assert here.game_id != first.game_id and here.save_error is not None
    assert here.save_error.key == "saved_elsewhere"
    assert first.game_id in here.save_error.text("en") and here.game_id in here.save_error.text("fr")
    mine = read_json(tmp_path / "games" / here.game_id / AUTOSAVE)
    assert mine["replay"]["decisions"] == here.game.decisions != theirs["replay"]["decisions"]
    step(here)  # and from then on it saves in its own folder, without a word
    assert here.save_error is None and read_json(tmp_path / "games" / here.game_id / AUTOSAVE)["replay"]["decisions"] == here.game.decisions


def test_a_save_whose_scenario_is_gone_says_so_once_and_leaves_no_empty_folder(tmp_path):
    s = played(Store(tmp_path), 2, seed=6)
    path = tmp_path / "games" / s.game_id / AUTOSAVE
    data = read_json(path)
    data["level"] = "/nonexistent/level"
    path.write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "games" / s.game_id / PREVIOUS).unlink(missing_ok=True)
    from game.store import read_save

    def no_level(level: str):
        return None if level == "/nonexistent/level" else load(level)

    folders = set((tmp_path / "games").iterdir())
    with pytest.raises(SessionError) as exc:
        Session.from_save(read_save(path), no_level, Store(tmp_path), "lesson.json")
    words = exc.value.text("en")
    assert words.count("cannot be continued") == 1 and "lesson.json" in words and "/nonexistent/level" in words
    assert set((tmp_path / "games").iterdir()) == folders  # no empty game folder left behind
    with pytest.raises(SessionError) as exc:
        Session.resume(Store(tmp_path), no_level, s.game_id)
    assert exc.value.text("fr").count("ne peut pas être reprise") == 1


def test_the_terminal_says_nothing_was_kept_where_no_save_could_be_written(tmp_path):
    """It offered '--continue <id>' for a game of which nothing was on disk."""
    data = tmp_path / "data"
    data.write_text("not a folder")
    env = {**os.environ, "PENHOLDER_DATA": str(data), "SDL_VIDEODRIVER": "dummy"}
    run = subprocess.run([sys.executable, "-m", "game", "play", "--text", "--seed", "1", "--level", "tutorial", "--lang", "fr"],
                         input="1\n1\n", capture_output=True, text=True, env=env, cwd=REPO, timeout=60)
    assert "Traceback" not in run.stderr and run.returncode == 0
    assert "un fichier se trouve à la place du dossier de données" in run.stderr
    assert "Rien de cette partie n'a pu être gardé" in run.stderr and "--continue" not in run.stderr


def test_the_window_starts_a_game_where_the_data_folder_is_a_file_and_says_why(tmp_path):
    from ui_support import make_app

    data = tmp_path / "data"
    data.write_text("not a folder")
    app = make_app(data, "1024x600", "fr")
    assert app.start_game("tutorial")  # it used to crash here
    words = " ".join(r.text for r in app.draw().texts).replace("\n", " ")
    assert "un fichier se trouve à la place du dossier de données" in words


def test_continue_lists_only_games_it_can_continue(tmp_path):
    """A folder whose name the store refuses (hidden, a space, too long) was listed, then refused."""
    s = played(Store(tmp_path), 1, seed=2)
    good = tmp_path / "games" / s.game_id
    for name in (".hidden", "with space", "x" * 121):
        (tmp_path / "games" / name).mkdir()
        (tmp_path / "games" / name / AUTOSAVE).write_bytes((good / AUTOSAVE).read_bytes())
    listed = [g.game_id for g in Store(tmp_path).recent_games()]
    assert listed == [s.game_id]
    for info in Store(tmp_path).recent_games():
        Session.resume(Store(tmp_path), load, info.game_id)  # each one listed continues


def test_a_game_whose_card_was_removed_says_it_continues_from_its_saved_state(tmp_path):
    """The game said only 'cards removed: …' and went on from its saved state, silently: the
    README promises it rebuilds the game or says why it cannot."""
    import dataclasses

    from game.sim.drafters import make_drafter

    s = Session.new(load("tutorial"), "tutorial", 5, Store(tmp_path))
    drafter = make_drafter("status-quo", 5)
    while not any(e.get("kind") == "card" for e in s.game.journal):
        s.act(drafter.choose(s.game))
    answered = next(e["card"] for e in s.game.journal if e.get("kind") == "card")
    full = load("tutorial")
    without = dataclasses.replace(full, cards=tuple(c for c in full.cards if c.id != answered))

    resumed, notices = Session.resume(Store(tmp_path), lambda level: without, s.game_id)
    words = " ".join(n.text("en") for n in notices)
    assert "no longer replay" in words and "continues from its saved state" in words
    assert resumed.game.quarter == s.game.quarter
    assert f"(respond {answered} " in words and "{" not in words  # the decision in words, not a dict


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_file_written_whole_is_as_readable_as_any_file_and_keeps_the_mode_it_had(tmp_path):
    # A deck PDF or a report put on a class's shared folder: mkstemp alone leaves it 0600.
    from game.saves import write_bytes_atomic

    umask = os.umask(0o022)
    os.umask(umask)
    new = tmp_path / "deck.pdf"
    write_bytes_atomic(new, b"%PDF")
    assert new.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "private.json"
    kept.write_bytes(b"{}")
    kept.chmod(0o600)
    write_bytes_atomic(kept, b"{}")
    assert kept.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("links", [True, False])
def test_a_named_save_never_replaces_one_written_under_its_name_meanwhile(tmp_path: Path, monkeypatch, links: bool) -> None:
    """Two windows saving 'Team A' at the same instant both see the name free: the second one to
    publish its file must take the next name, not replace the first's save (with hard links, and
    on a file system without them, such as a FAT memory stick)."""
    from game.engine.game import Game

    store = Store(tmp_path)
    game = Game(load("tutorial"), 1)
    first = store.slot_path("Team A")
    free = Store.slot_path

    def raced(self: Store, name: str) -> Path:  # the other window publishes between check and write
        path = free(self, name)
        if not path.exists() and path == first and not raced.done:  # type: ignore[attr-defined]
            raced.done = True  # type: ignore[attr-defined]
            store.save_slot(Game(load("tutorial"), 2), "tutorial", "Team A")
        return path

    raced.done = False  # type: ignore[attr-defined]
    if not links:
        def no_link(src: object, dst: object) -> None:
            raise PermissionError(1, "Operation not permitted")
        monkeypatch.setattr(os, "link", no_link)
    monkeypatch.setattr(Store, "slot_path", raced)
    mine = store.save_slot(game, "tutorial", "Team A")
    assert mine != first and first.exists()
    assert read_json(first)["replay"]["seed"] == 2 and read_json(mine)["replay"]["seed"] == 1
    assert sorted(p.name for p in store.slots_dir.iterdir()) == sorted([first.name, mine.name])  # no temp left
