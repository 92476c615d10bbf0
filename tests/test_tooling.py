"""CI cannot turn red by itself: the tools are pinned, CI installs with the constraints file, and
warnings fail the tests."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def pins() -> dict[str, str]:
    out: dict[str, str] = {}
    for raw in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep and version, f"constraints.txt pins exact versions: {raw!r}"
            out[canonicalize_name(name)] = version
    return out


def requirements() -> list[Requirement]:
    project = PYPROJECT["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


def test_every_dependency_is_pinned_within_its_range() -> None:
    pinned = pins()
    for req in requirements():
        name = canonicalize_name(req.name)
        assert name in pinned, f"{req.name} is missing from constraints.txt"
        assert req.specifier.contains(pinned[name], prereleases=True), f"{req.name}=={pinned[name]} is outside {req.specifier}"


def test_ruff_is_pinned_exactly_and_installed_at_that_version() -> None:
    # test_code_health asserts ruff's output: another version may flag other things.
    [ruff] = [r for r in requirements() if r.name == "ruff"]
    [spec] = list(ruff.specifier)
    assert spec.operator == "==" and spec.version == pins()["ruff"]
    assert metadata.version("ruff") == spec.version, "reinstall the test extras: pip install -e '.[test]'"


def test_pygame_ce_is_capped_below_its_next_major() -> None:
    # The layout tests depend on font metrics.
    [pygame] = [r for r in requirements() if r.name == "pygame-ce"]
    assert not pygame.specifier.contains("3.0") and pygame.specifier.contains(pins()["pygame-ce"])


def test_ci_installs_with_the_constraints_and_runs_the_readme_s_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r'^export PIP_CONSTRAINT="\$PWD/constraints\.txt"$', ci, re.M)
    assert ci.index("PIP_CONSTRAINT") < ci.index('bash -c "$test_cmd"')


def test_warnings_are_errors() -> None:
    assert PYPROJECT["tool"]["pytest"]["ini_options"]["filterwarnings"][0] == "error"
