"""``python -m game new NAME``: a new scenario folder from the commented template.

The template (``game/studio/template/``) lives outside ``levels/``, so the game never lists it as
a scenario; ``check`` accepts what it makes with no problem and no warning (tests/test_studio_new.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from game.content.schema import ID_PATTERN
from game.saves import write_bytes_atomic

TEMPLATE = Path(__file__).resolve().parent / "template"
FILES = ("scenario.yaml", "cards/starter.yaml")


class ScaffoldError(Exception):
    """Why the folder was not made (a message for the designer)."""


def check_name(name: str) -> str:
    if not re.fullmatch(ID_PATTERN, name) or name.startswith("_"):
        raise ScaffoldError(f"{name!r} cannot name a scenario: use lowercase letters, digits, - and _ "
                            "(at most 60, starting with a letter or a digit), such as 'bamako-2016'")
    return name


def common_path(target: Path, levels: Path) -> str:
    """How the new scenario's ``uses:`` reaches the shared ``common/`` folder: ``../common``
    beside the other scenarios, else the folder's full path."""
    common = levels / "common"
    if target.parent.resolve() == levels.resolve():
        return "../common"
    return common.resolve().as_posix()


def new_scenario(name: str, parent: Path, levels: Path) -> Path:
    """Make ``parent/name/`` from the template; refuse a name in use rather than write over it."""
    check_name(name)
    target = parent / name
    if target.exists():
        raise ScaffoldError(f"{target} already exists: choose another name, or delete that folder first")
    uses = common_path(target, levels)
    for rel in FILES:
        text = (TEMPLATE / rel).read_text(encoding="utf-8")
        text = text.replace("__NAME__", name).replace("__COMMON__", uses)
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(out, text.encode("utf-8"))
    return target
