"""The report (issue 12): HTML and PDF for one team and for a comparison, in English and French,
every section in both, the debrief's charts in both, written atomically, exported from the debrief."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from game import charts
from game.cli import main
from game.content.loader import levels_root, load_scenario
from game.engine.defs import Scenario, at_length
from game.engine.game import END, Game
from game.journal import consequences
from game.report import gather, write_report
from game.report.html import render_html
from game.saves import replay_dict
from game.sim.drafters import drafter_for

PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture(scope="module")
def lesson() -> Scenario:
    scenario = load_scenario(levels_root() / "after-algiers").scenario
    assert scenario is not None
    return at_length(scenario, "lesson")


def played(scenario: Scenario, strategy: str, seed: int = 77) -> Game:
    game = Game(scenario, seed)
    drafter = drafter_for(strategy, seed, scenario)
    while game.phase != END:
        game.apply(drafter.choose(game))
    return game


@pytest.fixture(scope="module")
def games(lesson: Scenario) -> dict[str, Game]:
    return {"Blue": played(lesson, "status-quo"), "Red": played(lesson, "regional-transition")}


@pytest.fixture
def team_files(games: dict[str, Game], tmp_path: Path) -> list[str]:
    paths = []
    for name, game in games.items():
        path = tmp_path / f"{name.lower()}.json"
        path.write_text(json.dumps(replay_dict(game, name, "AA-TEST")), encoding="utf-8")
        paths.append(str(path))
    return paths


class _Outline(HTMLParser):
    """The HTML's h2 headings, whether it calls for anything outside the file, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.h2: list[str] = []
        self.outside: list[str] = []
        self.scripts = 0
        self._in_h2 = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_h2 = tag == "h2"
        if self._in_h2:
            self.h2.append("")
        self.scripts += tag in ("script", "link", "img", "iframe", "object")
        self.outside += [v for k, v in attrs if k in ("src", "href") and v]

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data: str) -> None:
        if self._in_h2:
            self.h2[-1] += data
        self.text.append(data)


def outline(html: str) -> _Outline:
    parser = _Outline()
    parser.feed(html)
    return parser


def pdf_text(path: Path) -> str:
    out = subprocess.run([str(PDFTOTEXT), "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", out.stdout)


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("teams", [["Blue"], ["Blue", "Red"]])
def test_the_report_is_written_with_every_section(games: dict[str, Game], tmp_path: Path, lang: str,
                                                   teams: list[str]) -> None:
    pairs = [(name, games[name]) for name in teams]
    paths = write_report(pairs, tmp_path, lang, ["AA-TEST"] * len(pairs))
    assert [p.suffix for p in paths] == [".html", ".pdf"] and all(p.stat().st_size > 1000 for p in paths)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no temporary file left
    report = gather(pairs, lang, ["AA-TEST"])
    expected = ["discuss", "charts", "outcomes", "journal", "why", "history"]
    if len(teams) > 1:
        expected.insert(3, "divergence")
    assert list(report.sections) == expected
    html = paths[0].read_text(encoding="utf-8")
    parsed = outline(html)
    assert parsed.h2 == [report.headings[s] for s in expected]
    assert parsed.outside == [] and parsed.scripts == 0  # self-contained: nothing fetched, nothing run
    assert html.count("<svg class=\"chart\"") == len(charts.CHART_KEYS)
    body = " ".join(parsed.text)
    for part in (report.objectives + report.questions + [q for _l, q in report.meta]):
        assert part in body
    for team in report.teams:
        assert all(e.text in body for e in team.journal)
        assert all(w.title in body for w in team.why)
        assert any(e.effects for e in team.journal)  # the decisions' consequences are there
    assert report.sources and all(s in body for s in report.sources)
    assert pdf_pages(paths[1]) >= 3
    if PDFTOTEXT:
        text = pdf_text(paths[1])
        for sid in expected:
            assert re.sub(r"\s+", " ", report.headings[sid]) in text, sid
        assert report.scenario in text and "AA-TEST" in text
        assert ("Page 1 of" if lang == "en" else "Page 1 sur") in text


def test_french_report_reads_french(games: dict[str, Game]) -> None:
    report = gather([("Blue", games["Blue"]), ("Red", games["Red"])], "fr")
    assert report.headings["why"].startswith("Pourquoi\u202f?")
    assert report.title == "Rapport de débriefing\u00a0: 2 équipes comparées"
    html = render_html(report)
    assert '<html lang="fr">' in html and "Journal des décisions" in html and "Decision journal" not in html
    assert "Blue et Red se séparent à la décision" in report.divergence[0]


def test_the_same_chart_descriptions_feed_both_outputs(games: dict[str, Game], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import game.report.html as html_mod
    import game.report.pdf as pdf_mod

    seen: dict[str, list[charts.Chart]] = {"svg": [], "pdf": []}
    real_svg, real_pdf = html_mod.svg_chart, pdf_mod.draw_chart

    def svg(chart: charts.Chart) -> str:
        seen["svg"].append(chart)
        return real_svg(chart)

    def pdf(doc: object, chart: charts.Chart, x: float, y: float, w: float, h: float) -> None:
        seen["pdf"].append(chart)
        real_pdf(doc, chart, x, y, w, h)  # type: ignore[arg-type]

    monkeypatch.setattr(html_mod, "svg_chart", svg)
    monkeypatch.setattr(pdf_mod, "draw_chart", pdf)
    pairs = [("Blue", games["Blue"]), ("Red", games["Red"])]
    write_report(pairs, tmp_path, "en")
    described = [charts.describe(pairs, key, "en") for key in charts.CHART_KEYS]
    assert seen["svg"] == seen["pdf"] == described


def test_a_comparison_overlays_one_line_a_team_told_apart_without_colour(games: dict[str, Game]) -> None:
    pairs = [("Blue", games["Blue"]), ("Red", games["Red"])]
    chart = charts.describe(pairs, "regional.ownership", "en")
    assert [s.name for s in chart.series] == ["Blue", "Red"]
    a, b = (s.line_style for s in chart.series)
    assert a.dash != b.dash and a.marker != b.marker
    assert chart.last == f"{games['Blue'].values['regional.ownership']} · {games['Red'].values['regional.ownership']}"
    assert all(0 <= x <= 1 and 0 <= y <= 1 for s in chart.series for x, y in s.points)
    assert {m.kind for m in chart.marks} <= {"vote_ok", "vote_ko"}  # no card ticks crowding a comparison
    svg = ET.fromstring(__import__("game.report.svg", fromlist=["svg_chart"]).svg_chart(chart))
    dashes = [p.get("stroke-dasharray") for p in svg.iter("{http://www.w3.org/2000/svg}polyline")] or \
             [p.get("stroke-dasharray") for p in svg.iter("polyline")]
    assert len(dashes) == 2 and dashes[0] != dashes[1]
    assert "Legend" in render_html(gather(pairs, "en"))


def test_a_chart_marks_the_votes_and_the_cards_on_its_time_axis(games: dict[str, Game]) -> None:
    g = games["Red"]
    chart = charts.describe([("", g)], "violence.mean", "en")
    votes = [m for m in chart.marks if m.kind.startswith("vote")]
    assert len(votes) == len(g.votes)
    assert len([m for m in chart.marks if m.kind == "card"]) == len({(e["q"], e["card"]) for e in g.journal
                                                                     if e["kind"] == "card"})
    assert chart.x_labels[0] == (0.0, "Jun 2015") and chart.x_labels[-1][0] == 1.0
    assert [label for _y, label in chart.y_ticks] == ["0", "50", "100"]


def test_a_decision_s_consequences_are_the_ledger_s_under_its_cause(games: dict[str, Game]) -> None:
    g = games["Red"]
    later = {c.removeprefix("later:") for _q, _n, _c, c in g.meters.ledger if c.startswith("later:")}
    entry = next(e for e in g.journal if e["kind"] == "card" and f"{e['card']}.{e['response']}" in later)
    cause = f"card:{entry['card']}.{entry['response']}"
    totals: dict[str, int] = {}
    for q, name, change, c in g.meters.ledger:
        if c in (cause, "later:" + cause.removeprefix("card:")) and q >= entry["q"]:
            totals[name] = totals.get(name, 0) + change
    found = consequences(g, entry, limit=50)
    assert found and dict(found) == {k: v for k, v in totals.items() if v}
    assert consequences(g, {"q": 0, "kind": "end", "ending": "scenario_end"}) == []


def test_the_command_writes_one_report_and_a_comparison(team_files: list[str], tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["report", team_files[0], "--out", str(out)]) == 0
    assert main(["report", *team_files, "--out", str(out), "--lang", "fr"]) == 0
    printed = capsys.readouterr().out.split()
    assert [Path(p).name for p in printed] == [
        "report-after-algiers-blue-en.html", "report-after-algiers-blue-en.pdf",
        "report-after-algiers-2-teams-fr.html", "report-after-algiers-2-teams-fr.pdf"]
    assert all(Path(p).is_file() for p in printed)
    assert "Code de session" in Path(printed[2]).read_text(encoding="utf-8")


def test_the_command_refuses_unreadable_files_and_mixed_scenarios(team_files: list[str], tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["report", str(bad), "--out", str(tmp_path / "o")]) == 1
    assert "bad.json" in capsys.readouterr().err
    tutorial = load_scenario(levels_root() / "tutorial").scenario
    assert tutorial is not None
    other = tmp_path / "other.json"
    other.write_text(json.dumps(replay_dict(played(tutorial, "status-quo"), "Green")), encoding="utf-8")
    assert main(["report", team_files[0], str(other), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "different scenarios" in err and "tutorial" in err and "after-algiers" in err
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_the_debrief_exports_the_report(tmp_path: Path) -> None:
    import pygame
    from ui_support import key, make_app, playable_tutorial, screens

    app = make_app(tmp_path, "1024x600", "fr", step=3)
    for name in screens(app, playable_tutorial(tmp_path)):
        if name == "debrief-charts":
            break
    frame = app.draw()
    assert [c.label for c in frame.controls if c.id == "act:report"] == ["Exporter le rapport (E)"]
    app.handle(key(pygame.K_e))
    written = sorted((tmp_path / "reports").rglob("report-*"))
    assert [p.suffix for p in written] == [".html", ".pdf"]
    assert app.message == f"Rapport écrit\u00a0: {written[0].parent}"
    app.present()
