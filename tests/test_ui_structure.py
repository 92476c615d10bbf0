"""The window's code keeps the shape it was split into: small modules, one job each, and a
drawing layer that knows nothing of the app."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "game" / "ui"


def _imports(path: Path, *, runtime_only: bool) -> set[str]:
    """Modules a file imports (``runtime_only``: leaving out ``if TYPE_CHECKING:`` blocks)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    if runtime_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
                skip.update(id(n) for n in ast.walk(node))
    names = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_no_module_of_the_window_is_over_400_lines_and_the_app_under_300():
    sizes = {str(p.relative_to(UI)): len(p.read_text(encoding="utf-8").splitlines()) for p in UI.rglob("*.py")}
    assert sizes["app.py"] < 300, sizes["app.py"]
    assert not {k: n for k, n in sizes.items() if n > 400}


def test_the_drawing_layer_knows_nothing_of_the_app():
    app_side = {"game.ui.app", "game.ui.navigator", "game.ui.focus", "game.ui.handlers", "game.ui.autoplay",
                "game.ui.loop", "game.ui.views"}
    for name in ("frame.py", "text.py", "layout.py", "controls.py", "scrolling.py", "theme.py"):
        assert not _imports(UI / name, runtime_only=False) & app_side, name


def test_views_reach_the_app_only_through_its_type():
    for path in (UI / "views").glob("*.py"):
        assert "game.ui.app" not in _imports(path, runtime_only=True), path.name
