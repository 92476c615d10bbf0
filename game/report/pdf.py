"""The report as a PDF (fpdf2): the game's DejaVu fonts, vector charts, page numbers.

The sections and their order are the HTML's (``Report.sections``); the charts are drawn from the
same descriptions (``game.charts``) as the debrief's and the HTML's, as lines, not pictures."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from game.charts import Chart, LineStyle
from game.report.content import Report
from game.report.svg import COLOURS, GRID, MUTED
from game.resources import assets_root

FONT = "DejaVu"
INK = (27, 38, 48)
ACCENT = (0, 97, 143)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


class _Doc(FPDF):
    """A4 pages with the report's footer: its page number of the whole."""

    def __init__(self, report: Report):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        fonts = assets_root() / "fonts"
        self.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 16, 18)
        self.set_title(f"{report.title} — {report.scenario}")
        self.set_creator("Penholder")
        self.set_lang(report.lang)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.set_text_color(*_rgb(MUTED))
        self.cell(0, 5, self.report.words("page", n=self.page_no(), total="{nb}"), align="C")

    # --- text -------------------------------------------------------------------------------
    def para(self, text: str, size: float = 10, bold: bool = False, colour: tuple[int, int, int] = INK,
             indent: float = 0, h: float = 5) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, h, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def heading(self, text: str, need: float = 30) -> None:
        """A section's heading, on a new page unless ``need`` mm of the section fit below it."""
        if self.will_page_break(need):
            self.add_page()
        self.ln(4)
        self.para(text, 15, True, ACCENT, h=7)
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.6)
        self.line(self.l_margin, self.get_y() + 0.5, self.l_margin + self.epw, self.get_y() + 0.5)
        self.ln(3)

    def subheading(self, text: str, size: float = 12) -> None:
        if self.will_page_break(16):
            self.add_page()
        self.ln(1.5)
        self.para(text, size, True, h=6)

    def items(self, lines: list[str], numbered: bool = False) -> None:
        for i, line in enumerate(lines, 1):
            mark = f"{i}." if numbered else "•"
            self.set_font(FONT, "", 10)
            self.set_text_color(*INK)
            y = self.get_y()
            if self.will_page_break(6):
                self.add_page()
                y = self.get_y()
            self.set_xy(self.l_margin + 2, y)
            self.cell(6, 5, mark)
            self.set_xy(self.l_margin + 8, y)
            self.multi_cell(self.epw - 8, 5, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(0.8)


# --- charts ------------------------------------------------------------------------------------
def _marker(pdf: FPDF, x: float, y: float, style: LineStyle, r: float = 0.9) -> None:
    if style.marker == "square":
        pdf.rect(x - r, y - r, 2 * r, 2 * r, style="F")
    elif style.marker == "triangle":
        pdf.polygon([(x, y - r - 0.3), (x - r - 0.3, y + r), (x + r + 0.3, y + r)], style="F")
    elif style.marker == "diamond":
        pdf.polygon([(x, y - r - 0.3), (x + r + 0.3, y), (x, y + r + 0.3), (x - r - 0.3, y)], style="F")
    else:
        pdf.ellipse(x - r, y - r, 2 * r, 2 * r, style="F")


def draw_chart(pdf: FPDF, chart: Chart, x: float, y: float, w: float, h: float) -> None:
    """One chart in the box (x, y, w, h) in mm: its title and last value, axes, marks and lines."""
    pdf.set_draw_color(*_rgb(GRID))
    pdf.set_line_width(0.2)
    pdf.rect(x, y, w, h)
    pdf.set_font(FONT, "B", 8.5)
    pdf.set_text_color(*ACCENT)
    last_w = pdf.get_string_width(chart.last) + 2
    pdf.set_xy(x + 1.5, y + 1.5)
    pdf.multi_cell(w - last_w - 4, 4, chart.title, align="L")
    title_h = pdf.get_y() - (y + 1.5)
    pdf.set_xy(x + w - last_w - 1.5, y + 1.5)
    pdf.cell(last_w, 4, chart.last, align="R")
    left, bottom = x + 9, y + h - 6
    top = y + 1.5 + max(4, title_h) + 2
    pw, ph = w - 9 - 3, bottom - top

    def at(ux: float, uy: float) -> tuple[float, float]:
        return left + pw * ux, bottom - ph * uy

    pdf.set_font(FONT, "", 7)
    pdf.set_text_color(*_rgb(MUTED))
    for uy, label in chart.y_ticks:
        _lx, py = at(0, uy)
        pdf.set_draw_color(*_rgb(GRID))
        pdf.set_line_width(0.2)
        pdf.line(left, py, left + pw, py)
        pdf.text(left - 1.2 - pdf.get_string_width(label), py + 1.2, label)
    for ux, label in chart.x_labels:
        lx, _py = at(ux, 0)
        pdf.text(lx if ux < 0.5 else lx - pdf.get_string_width(label), bottom + 4, label)
    _marks(pdf, chart, at, top)
    for s in chart.series:
        style = s.line_style
        pdf.set_draw_color(*_rgb(COLOURS[s.style % len(COLOURS)]))
        pdf.set_fill_color(*_rgb(COLOURS[s.style % len(COLOURS)]))
        pdf.set_line_width(0.6)
        if style.dash:
            pdf.set_dash_pattern(dash=style.dash[0] * 0.5, gap=style.dash[1] * 0.5)
        points = [at(ux, uy) for ux, uy in s.points]
        if len(points) > 1:
            pdf.polyline(points)
        pdf.set_dash_pattern()
        for px, py in points:
            _marker(pdf, px, py, style)


def _marks(pdf: FPDF, chart: Chart, at: object, top: float) -> None:
    assert callable(at)
    pdf.set_draw_color(*_rgb(MUTED))
    pdf.set_fill_color(*_rgb(MUTED))
    for m in chart.marks:
        mx, base = at(m.x, 0)
        pdf.set_line_width(0.3)
        if m.kind == "card":
            pdf.line(mx, base, mx, base - 1.6)
            continue
        pdf.set_dash_pattern(dash=0.5, gap=0.8)
        pdf.set_line_width(0.2)
        pdf.line(mx, top, mx, base)
        pdf.set_dash_pattern()
        pdf.polygon([(mx, base - 2.2), (mx - 1.3, base), (mx + 1.3, base)], style="F" if m.kind == "vote_ok" else "D")


# --- sections ----------------------------------------------------------------------------------
def _title_block(pdf: _Doc, r: Report) -> None:
    pdf.para(r.title, 20, True, ACCENT, h=9)
    pdf.para(r.scenario, 13, h=7)
    pdf.ln(2)
    pdf.set_fill_color(243, 246, 248)
    top = pdf.get_y()
    pdf.set_y(top + 2)
    for label, value in r.meta:
        pdf.set_font(FONT, "B", 10)
        pdf.set_text_color(*INK)
        pdf.set_x(pdf.l_margin + 3)
        pdf.cell(45, 5.5, label)
        pdf.set_font(FONT, "", 10)
        pdf.multi_cell(pdf.epw - 51, 5.5, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    bottom = pdf.get_y() + 2
    pdf.set_draw_color(*_rgb(GRID))
    pdf.rect(pdf.l_margin, top, pdf.epw, bottom - top)
    pdf.set_y(bottom + 2)


def _discuss(pdf: _Doc, r: Report) -> None:
    if r.objectives:
        pdf.subheading(r.headings["objectives"])
        pdf.items(r.objectives)
    if r.questions:
        pdf.subheading(r.headings["questions"])
        pdf.items(r.questions, numbered=True)


def _legend(pdf: _Doc, r: Report) -> None:
    styles = {s.style: s.line_style for s in r.charts[0].series}
    pdf.set_font(FONT, "B", 9)
    pdf.set_text_color(*INK)
    y = pdf.get_y() + 2
    x = pdf.l_margin
    pdf.text(x, y + 1, r.words("legend"))
    x += pdf.get_string_width(r.words("legend")) + 4
    pdf.set_font(FONT, "", 9)
    for name, i in r.legend:
        style = styles[i]
        pdf.set_draw_color(*_rgb(COLOURS[i % len(COLOURS)]))
        pdf.set_fill_color(*_rgb(COLOURS[i % len(COLOURS)]))
        pdf.set_line_width(0.6)
        if style.dash:
            pdf.set_dash_pattern(dash=style.dash[0] * 0.5, gap=style.dash[1] * 0.5)
        pdf.line(x, y, x + 12, y)
        pdf.set_dash_pattern()
        _marker(pdf, x + 6, y, style)
        pdf.text(x + 14, y + 1, name)
        x += 16 + pdf.get_string_width(name) + 6
    pdf.set_y(y + 5)


def _charts(pdf: _Doc, r: Report) -> None:
    pdf.para(r.chart_note, 9, colour=_rgb(MUTED), h=4.5)
    if r.legend and r.charts:
        _legend(pdf, r)
    pdf.ln(2)
    cw, ch, gap = (pdf.epw - 5) / 2, 58.0, 5.0
    for i, chart in enumerate(r.charts):
        if i % 2 == 0 and pdf.will_page_break(ch + gap):
            pdf.add_page()
        y = pdf.get_y()
        draw_chart(pdf, chart, pdf.l_margin + (i % 2) * (cw + gap), y, cw, ch)
        pdf.set_y(y + (ch + gap if i % 2 == 1 or i == len(r.charts) - 1 else 0))


def _outcomes(pdf: _Doc, r: Report) -> None:
    n = len(r.outcome_header) - 1
    first = max(50.0, min(80.0, pdf.epw - 28 * n))
    widths = (first, *([(pdf.epw - first) / max(1, n)] * n))
    pdf.set_font(FONT, "", 10)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*_rgb(GRID))
    pdf.set_line_width(0.2)
    pdf.set_fill_color(255, 255, 255)
    bold = FontFace(family=FONT, emphasis="BOLD", color=INK, fill_color=(255, 255, 255))
    with pdf.table(col_widths=widths, text_align=("LEFT", *(["RIGHT"] * n)), borders_layout="HORIZONTAL_LINES",
                   line_height=5.5, first_row_as_headings=True, width=pdf.epw, headings_style=bold,
                   cell_fill_mode="NONE") as table:
        head = table.row()
        for h in r.outcome_header:
            head.cell(h)
        for label, values in r.outcome_rows:
            row = table.row()
            row.cell(label)
            for v in values:
                row.cell(v)


def _divergence(pdf: _Doc, r: Report) -> None:
    pdf.items(r.divergence)


def _journal(pdf: _Doc, r: Report) -> None:
    pdf.para(r.words("journal_note"), 9, colour=_rgb(MUTED), h=4.5)
    for team in r.teams:
        if len(r.teams) > 1:
            pdf.subheading(team.name)
        if team.record_count:
            pdf.para(team.record_count, 9.5, h=4.6)
            pdf.ln(1)
        for e in team.journal:
            if pdf.will_page_break(10):
                pdf.add_page()
            pdf.para(e.text, 9.5, h=4.6)
            if e.effects:
                pdf.para(r.words("effects", effects=e.effects), 8.5, colour=_rgb(MUTED), indent=5, h=4.2)
            if e.record:
                pdf.para(e.record, 8.5, colour=_rgb(MUTED), indent=5, h=4.2)
            pdf.ln(1)


def _why(pdf: _Doc, r: Report) -> None:
    pdf.para(r.words("why_note"), 9, colour=_rgb(MUTED), h=4.5)
    for team in r.teams:
        if len(r.teams) > 1:
            pdf.subheading(team.name)
        for w in team.why:
            pdf.subheading(w.title, 10.5)
            for line in w.lines:
                pdf.para(line, 9, indent=4, h=4.5)


def _history(pdf: _Doc, r: Report) -> None:
    for p in r.history.split("\n\n"):
        if p.strip():
            pdf.para(p.strip(), 10)
            pdf.ln(1.5)
    if r.sources:
        pdf.subheading(r.headings["sources"])
        pdf.items(r.sources)


NEED = {"charts": 85, "outcomes": 60}  # mm a section's start needs below its heading
BUILDERS = {"discuss": _discuss, "charts": _charts, "outcomes": _outcomes, "divergence": _divergence,
            "journal": _journal, "why": _why, "history": _history}


def render_pdf(r: Report) -> bytes:
    """The whole report as the bytes of a PDF file."""
    pdf = _Doc(r)
    pdf.add_page()
    _title_block(pdf, r)
    for sid in r.sections:
        pdf.heading(r.headings[sid], NEED.get(sid, 30))
        BUILDERS[sid](pdf, r)
    pdf.ln(4)
    pdf.para(r.footer, 8.5, colour=_rgb(MUTED), h=4.2)
    return bytes(pdf.output())
