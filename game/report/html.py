"""The report as one self-contained HTML file: inline CSS, inline SVG charts, no script, no network.

It reads well on screen and printed (the charts keep to their page, sections start clear)."""

from __future__ import annotations

from html import escape

from game.report.content import Report
from game.report.svg import legend_swatch, svg_chart

CSS = """
:root { --ink: #1B2630; --muted: #5B6670; --rule: #C9D1D9; --accent: #00618F; --panel: #F3F6F8; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: var(--ink); margin: 0 auto; max-width: 62rem;
       padding: 1.5rem; line-height: 1.45; }
h1 { color: var(--accent); margin: 0 0 .2rem; font-size: 1.8rem; }
h2 { color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2rem; }
h3 { margin: 1.2rem 0 .4rem; }
h4 { margin: .9rem 0 .2rem; font-size: 1rem; }
.scenario { font-size: 1.2rem; margin: 0 0 1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; background: var(--panel);
          padding: .8rem 1rem; border-radius: .4rem; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
.note { color: var(--muted); }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 1rem; }
figure { margin: 0; border: 1px solid var(--rule); border-radius: .4rem; padding: .5rem; break-inside: avoid; }
figcaption { display: flex; justify-content: space-between; font-weight: bold; color: var(--accent); }
svg.chart { width: 100%; height: auto; }
.legend { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: center; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: .35rem .6rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { border-bottom: 2px solid var(--ink); }
ol.journal li { margin-bottom: .35rem; }
.effects { color: var(--muted); font-size: .92rem; }
.record { color: var(--muted); font-size: .92rem; font-style: italic; }
.record-count { font-weight: 600; }
ul.why { list-style: none; padding-left: 1rem; margin: 0; font-variant-numeric: tabular-nums; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .9rem; border-top: 1px solid var(--rule); padding-top: .5rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  section { break-before: auto; }
  .grid { grid-template-columns: repeat(2, 1fr); }
  figure, tr, li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _discuss(r: Report) -> list[str]:
    out = []
    if r.objectives:
        out.append(f"<h3>{_e(r.headings['objectives'])}</h3><ul>")
        out += [f"<li>{_e(o)}</li>" for o in r.objectives]
        out.append("</ul>")
    if r.questions:
        out.append(f"<h3>{_e(r.headings['questions'])}</h3><ol>")
        out += [f"<li>{_e(q)}</li>" for q in r.questions]
        out.append("</ol>")
    return out


def _charts(r: Report) -> list[str]:
    out = [f'<p class="note">{_e(r.chart_note)}</p>']
    if r.legend and r.charts:
        styles = {s.style: s.line_style for s in r.charts[0].series}
        items = "".join(f"<span>{legend_swatch(i, styles[i])} {_e(name)}</span>" for name, i in r.legend)
        out.append(f'<div class="legend"><strong>{_e(r.words("legend"))}</strong>{items}</div>')
    out.append('<div class="grid">')
    for c in r.charts:
        out.append(f"<figure><figcaption><span>{_e(c.title)}</span><span>{_e(c.last)}</span></figcaption>"
                   f"{svg_chart(c)}</figure>")
    out.append("</div>")
    return out


def _outcomes(r: Report) -> list[str]:
    head = "".join(f'<th scope="col" class="{"num" if i else ""}">{_e(h)}</th>'  # a figure's head over its figures
                   for i, h in enumerate(r.outcome_header))
    rows = "".join(f'<tr><th scope="row">{_e(label)}</th>' + "".join(f'<td class="num">{_e(v)}</td>' for v in values)
                   + "</tr>" for label, values in r.outcome_rows)
    return [f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"]


def _divergence(r: Report) -> list[str]:
    return ["<ul>"] + [f"<li>{_e(d)}</li>" for d in r.divergence] + ["</ul>"]


def _journal(r: Report) -> list[str]:
    out = [f'<p class="note">{_e(r.words("journal_note"))}</p>']
    for team in r.teams:
        if len(r.teams) > 1:
            out.append(f"<h3>{_e(team.name)}</h3>")
        if team.record_count:
            out.append(f'<p class="record-count">{_e(team.record_count)}</p>')
        out.append('<ol class="journal">')
        for e in team.journal:
            effects = f'<div class="effects">{_e(r.words("effects", effects=e.effects))}</div>' if e.effects else ""
            record = f'<div class="record">{_e(e.record)}</div>' if e.record else ""
            out.append(f"<li>{_e(e.text)}{effects}{record}</li>")
        out.append("</ol>")
    return out


def _why(r: Report) -> list[str]:
    out = [f'<p class="note">{_e(r.words("why_note"))}</p>']
    for team in r.teams:
        if len(r.teams) > 1:
            out.append(f"<h3>{_e(team.name)}</h3>")
        for w in team.why:
            out.append(f"<h4>{_e(w.title)}</h4><ul class=\"why\">")
            out += [f"<li>{_e(line)}</li>" for line in w.lines]
            out.append("</ul>")
    return out


def _history(r: Report) -> list[str]:
    out = [f"<p>{_e(p.strip())}</p>" for p in r.history.split("\n\n") if p.strip()]
    if r.sources:
        out.append(f"<h3>{_e(r.headings['sources'])}</h3><ul>")
        out += [f"<li>{_e(s)}</li>" for s in r.sources]
        out.append("</ul>")
    return out


BUILDERS = {"discuss": _discuss, "charts": _charts, "outcomes": _outcomes, "divergence": _divergence,
            "journal": _journal, "why": _why, "history": _history}


def render_html(r: Report) -> str:
    """The whole report as one HTML document."""
    meta = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in r.meta)
    parts = [
        "<!DOCTYPE html>", f'<html lang="{_e(r.lang)}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(r.title)} — {_e(r.scenario)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
        f'<header><h1>{_e(r.title)}</h1><p class="scenario">{_e(r.scenario)}</p><dl class="meta">{meta}</dl></header>',
    ]
    for sid in r.sections:
        parts.append(f'<section id="{sid}"><h2>{_e(r.headings[sid])}</h2>')
        parts.extend(BUILDERS[sid](r))
        parts.append("</section>")
    parts += [f"<footer>{_e(r.footer)}</footer>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
