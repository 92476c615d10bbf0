"""The report a teacher takes away: one team's game, or several teams compared, as HTML and PDF.

``content.gather`` collects the sections once from the games; ``html.render_html`` and
``pdf.render_pdf`` write the same sections in the same order; the charts are the debrief's
(``game.charts``). ``write_report`` writes both files atomically and returns their paths.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from game import i18n
from game.engine.game import Game
from game.report.content import Report, gather
from game.saves import write_bytes_atomic
from game.store import slug as _slug


def file_stem(games: Sequence[tuple[str, Game]], lang: str) -> str:
    """'report-after-algiers-blue-en', 'report-after-algiers-3-teams-fr'."""
    sc = games[0][1].scenario.id
    who = _slug(games[0][0]) if len(games) == 1 and games[0][0] else f"{len(games)}-teams" if len(games) > 1 else ""
    return "-".join(p for p in ("report", sc, who, lang) if p)


def write_report(games: Sequence[tuple[str, Game]], out_dir: Path | str, lang: str = "en",
                 sessions: Sequence[str] = ()) -> list[Path]:
    """Write the HTML and the PDF report of these games into ``out_dir`` (made if missing)."""
    from game.report.html import render_html
    from game.report.pdf import render_pdf

    report: Report = gather(games, lang, sessions)
    folder = Path(out_dir)
    stem = file_stem(games, lang)
    html_path, pdf_path = folder / f"{stem}.html", folder / f"{stem}.pdf"
    write_bytes_atomic(html_path, render_html(report).encode("utf-8"))
    write_bytes_atomic(pdf_path, render_pdf(report))
    return [html_path, pdf_path]




def export_game(game: Game, data_root: Path, game_id: str | None, team: str = "", session: str = "",
                lang: str = "en") -> str:
    """The debrief's "Export report": write the game's report into ``<data folder>/reports/<game>/``
    and return the notice that says where (or why it could not be written)."""
    folder = data_root / "reports" / _slug(game_id or f"{game.scenario.id}-{game.seed}")
    try:
        paths = write_report([(team, game)], folder, lang, [session])
    except OSError as exc:
        return i18n.text("report_failed", lang, msg=exc.strerror or str(exc))
    return i18n.text("report_written", lang, path=str(paths[0].parent))


__all__ = ["Report", "export_game", "file_stem", "gather", "write_report"]
