"""A print-and-play deck from a scenario's own files, for workshops without computers (issue 13).

``build_deck(scenario, lang)`` lays out, from a loaded ``Scenario`` and nothing else but the game's
fonts, icons and flags:

1. the rules sheet: how a facilitator plays the scenario on paper, with a field-quarter rule of
   thumb and what the paper version leaves out of the computer's model;
2. a Council sheet for each set of fifteen members that votes during the scenario: flags,
   permanent members, what each wants, its leaning and the clauses it weighs, and a tally box;
   then one page of sources: where the starting figures and each member's position come from;
3. the tracks: a 0–100 line for each main quantity, its start marked, troops, casualties, budget;
4. the cards, four to an A4 page with cut marks, in the order of the quarters they can come in:
   the document header, title, text, months and quarters, each response with its effects as
   arrows and signed numbers (never colour alone), delayed effects, follow-ups, sources.

Every word comes from the catalogues (context ``deck``) or from the cards' own texts, so
``lang="fr"`` gives a French deck (a card without French falls back to English). ``write_deck``
writes the PDF atomically (``game.saves.write_bytes_atomic``: a temporary file, fsync, rename).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos

from game import i18n
from game.engine import rules
from game.engine.defs import Card, Member, Response, Scenario, tr, tr_all
from game.engine.game import Game
from game.engine.preview import project
from game.engine.world import REGIONS
from game.explain import arrows
from game.i18n import describe, month_label
from game.resources import assets_root
from game.saves import write_bytes_atomic
from game.studio.words import COMPARISON

FONT = "DejaVu"
INK = (27, 38, 48)
MUTED = (96, 108, 118)
ACCENT = (0, 97, 143)
LINE = (160, 170, 178)

# The card grid: A4 portrait, 2 × 2 cards of 95 × 138 mm, butted together, cut marks in the margins.
CARD_W, CARD_H = 95.0, 138.0
COLS, ROWS = 2, 2
PER_PAGE = COLS * ROWS
GRID_X = (210.0 - COLS * CARD_W) / 2
GRID_Y = (297.0 - ROWS * CARD_H) / 2
PAD = 4.0
SCALES = (1.3, 1.2, 1.1, 1.0, 0.92, 0.85, 0.78, 0.71, 0.64, 0.58)  # text sizes tried until a card fits its face

# The tracks: quantity -> the track it gets (every 0–100 quantity on one line of 101 boxes).
TRACKS_100: tuple[str, ...] = (
    *(f"violence.{r}" for r in REGIONS),
    "mission.consent", "politics.implementation", "politics.reconciliation",
    "signatories.cohesion", "regional.ownership",
)
TROOP_STEP = 250  # troops: a box per 250, from 0 to 20,000
TROOP_TOP = 20_000
CARD_ICONS = {"security": "shield", "political": "building-bank", "humanitarian": "first-aid-kit",
              "regional": "map-pin", "council": "gavel", "mission": "flag"}
_QUANTITY = re.compile(r"[a-z_]+(?:\.[a-z_]+)+")


def w(key: str, lang: str, **params: object) -> str:
    """A word of the deck's catalogue context."""
    return i18n.word("deck", key, lang, **params)


def wn(key: str, n: int, lang: str, **params: object) -> str:
    """A plural of the deck's catalogue context."""
    return i18n.plural(f"deck.{key}", n, lang, **params)


# --- what the deck holds, worked out from the scenario (no drawing) ------------------------------
@dataclass(frozen=True)
class Placed:
    """A card with the quarters it can be drawn in (1-based, inclusive; ``None`` for a follow-up)."""

    card: Card
    first: int | None
    last: int | None


def quarter_of(scenario: Scenario, month: int) -> int:
    """The quarter (from 1) whose months hold ``month``."""
    return max(0, (month - scenario.start + 2) // 3) + 1


def placed_cards(scenario: Scenario) -> list[Placed]:
    """The deck in play order: by the first quarter a card can come, follow-ups last.

    Only the cards this length of game can bring: a card whose months or mandate years fall
    after the last quarter (a lesson's deck of a four-year scenario) is left out, and so is a
    follow-up that no card left in brings."""
    total = scenario.quarters
    drawn: list[Placed] = []
    follow_ups: dict[str, Card] = {}
    for card in scenario.cards:
        if card.follow_up_only:
            follow_ups[card.id] = card
            continue
        first = 1 if card.start is None else quarter_of(scenario, card.start)
        last = total if card.end is None else min(total, (card.end - scenario.start) // 3 + 1)
        if card.mandates:
            first = max(first, 4 * (min(card.mandates) - 1) + 1)
            last = min(last, 4 * max(card.mandates))
        if first <= last:
            drawn.append(Placed(card, first, last))
    kept: list[Placed] = []
    bringers = [p.card for p in drawn]
    while bringers:  # follow-ups of the cards kept, and theirs in turn
        card = bringers.pop()
        for resp in card.responses:
            for follow in resp.follow_ups:
                brought = follow_ups.pop(follow.card, None)
                if brought is not None:
                    kept.append(Placed(brought, None, None))
                    bringers.append(brought)
    return sorted(drawn + kept, key=lambda p: (p.first is None, p.first or 0, p.last or 0, p.card.id))


def page_count(scenario: Scenario) -> int:
    """Pages of the deck: the rules (3), two Council pages per seating, the sources, the tracks, the card pages."""
    cards = len(placed_cards(scenario))
    return 3 + 2 * len(seatings(scenario)) + 1 + 1 + (cards + PER_PAGE - 1) // PER_PAGE


def seatings(scenario: Scenario) -> list[tuple[int, tuple[Member, ...]]]:
    """(first vote year, the fifteen members) for each distinct Council of the scenario's years."""
    first_year = scenario.start // 12
    out: list[tuple[int, tuple[Member, ...]]] = []
    for year in range(first_year, first_year + scenario.years):
        members = scenario.council(year)
        if not out or {m.id for m in out[-1][1]} != {m.id for m in members}:
            out.append((year, members))
    return out


def num(n: int, lang: str) -> str:
    """A whole number as ``lang`` writes it (6,000 / 6 000)."""
    return str(format_decimal(n, locale=lang))


def effect_line(key: str, change: int, lang: str, date: int | None = None) -> str:
    """'▲▲ +6 violence in Mopti': the size and direction in arrows, then the signed number."""
    return f"{arrows(change)} {change:+d} {describe(key, lang, date)}"


_SIGNS = {">=": "≥", "<=": "≤", "==": "=", "!=": "≠", ">": ">", "<": "<"}


def _compared(match: re.Match[str], lang: str) -> str:
    name, op, value = match[1], match[2], match[3]
    if name == "time.quarter" and value.lstrip("-").isdigit():  # counted from 0 in the files, T1… on the tags
        return w("quarter_is", lang, op=_SIGNS[op], q=int(value) + 1)
    shown = num(int(value), lang) if value.lstrip("-").isdigit() else value
    return f"{describe(name, lang)} {_SIGNS[op]} {shown}"


def condition_text(raw: str, lang: str) -> str:
    """A card's ``when:`` in the reader's words: each quantity named, the signs as printed
    (≥, ≠), 'and', 'or' and 'not' in ``lang``."""
    text = COMPARISON.sub(lambda m: _compared(m, lang), raw)
    text = _QUANTITY.sub(lambda m: describe(m.group(), lang), text)
    text = re.sub(r"\bnot\b", w("not", lang), text)
    return re.sub(r"\band\b", w("and", lang), re.sub(r"\bor\b", w("or", lang), text))


TABLE_KEYS: tuple[str, ...] = (
    *(f"violence.{r}" for r in REGIONS), "mission.consent", "politics.implementation",
    "politics.reconciliation", "signatories.cohesion", "regional.ownership", "mission.troops", "mission.casualties",
)


@dataclass(frozen=True)
class FieldRow:
    """A row of the field table: what a quarter moves, on the model's expected path (no luck, no
    cards). ``option`` empty: the drift under the resolution in force at the start; else what
    choosing that option instead adds. Per quarter: a quarter of the first year's change."""

    dimension: str
    option: str
    per_quarter: Mapping[str, int]


def field_table(scenario: Scenario) -> list[FieldRow]:
    """The drift, then each option that differs from the start's resolution (rows that move nothing
    left out). The same expected path as the drafting screen's tendencies (``Game.preview_option``)."""
    game = Game(scenario, seed=0)
    start = dict(game.values)
    in_force = dict(game.in_force)
    base = _expected(game, in_force)
    rows = [FieldRow("", "", _per_quarter({k: base[k] - start[k] for k in TABLE_KEYS}))]
    for dim in scenario.dimensions:
        for opt in dim.options:
            if in_force.get(dim.id) == opt.id:
                continue
            alt = _expected(game, in_force | {dim.id: opt.id})
            moves = _per_quarter({k: alt[k] - base[k] for k in TABLE_KEYS})
            if moves:
                rows.append(FieldRow(dim.id, opt.id, moves))
    return rows


def _expected(game: Game, draft: Mapping[str, str]) -> dict[str, int]:
    """The values after a year of the rules' expected path under ``draft`` (no luck, no cards):
    the path the drafting screen's previews use."""
    return project(game, game.values, draft, game.quarter, 4, None)[0]


def _per_quarter(year: Mapping[str, int]) -> dict[str, int]:
    """A quarter of each year's change, rounded (troops to the nearest 50)."""
    out = {}
    for key, change in year.items():
        q = rules.part(change, 25)
        if key == "mission.troops":
            q = rules.part(q, 2) * 50
        if q:
            out[key] = q
    return out


def start_values(scenario: Scenario) -> dict[str, int]:
    """The starting values, with the signatories' cohesion worked out from their relations."""
    values = dict(scenario.initial)
    values["signatories.cohesion"] = rules.cohesion(values)
    return values


# --- the document --------------------------------------------------------------------------------
class _Deck(FPDF):
    def __init__(self, scenario: Scenario, lang: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.scenario, self.lang = scenario, lang
        fonts = assets_root() / "fonts"
        self.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(False)
        self.set_margins(14, 12, 14)
        self.set_title(f"{w('title', lang)} — {tr(scenario.title, lang)}")
        self.set_creator("Penholder")
        self.set_lang(lang)
        self.c_margin = 0.6
        self._icons: dict[tuple[str, tuple[int, int, int]], bytes] = {}

    def footer(self) -> None:
        self.set_xy(0, self.h - 8)
        self.set_font(FONT, "", 6.5)
        self.set_text_color(*MUTED)
        self.cell(self.w, 4, w("footer", self.lang, title=tr(self.scenario.title, self.lang), n=self.page_no()),
                  align="C")

    def para(self, text: str, size: float = 9.0, bold: bool = False, colour: tuple[int, int, int] = INK,
             x: float | None = None, width: float | None = None, h: float | None = None) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*colour)
        left = self.l_margin if x is None else x
        self.set_x(left)
        self.multi_cell(width or (self.w - self.r_margin - left), h or size * 0.46, text, align="L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def heading(self, text: str, size: float = 14.0) -> None:
        self.ln(1.5)
        self.para(text, size, True, ACCENT)
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.5)
        y = self.get_y() + 0.6
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.set_y(y + 1.8)

    def icon(self, name: str, x: float, y: float, size: float, colour: tuple[int, int, int]) -> None:
        """An icon of ``assets/icons/`` tinted (its ``currentColor`` replaced)."""
        key = (name, colour)
        if key not in self._icons:
            svg = (assets_root() / "icons" / f"{name}.svg").read_text(encoding="utf-8")
            svg = re.sub(r"^\s*<svg\s+", "<svg ", svg)  # fpdf2 knows an SVG by how it begins
            self._icons[key] = svg.replace("currentColor", "#{:02x}{:02x}{:02x}".format(*colour)).encode("utf-8")
        self.image(self._icons[key], x=x, y=y, w=size, h=size)


# --- the rules sheet -----------------------------------------------------------------------------
def _rules(pdf: _Deck) -> None:
    """Three pages: how to play; the field quarter and its table; the end, what paper leaves out, the log."""
    s, lang = pdf.scenario, pdf.lang
    params = {"quarters": s.quarters, "start": month_label(s.start, lang),
              "floor": s.coefficients.get("consent_floor", 8), "troops": num(s.coefficients.get("troops_floor", 6000), lang),
              "base": s.coefficients.get("cost_base", 150)}
    pdf.add_page()
    pdf.para(w("title", lang), 18, True, ACCENT)
    pdf.para(tr(s.title, lang), 12, True)
    pdf.ln(1)
    pdf.para(tr(s.summary, lang), 8.5, colour=MUTED)
    sections = [
        ("rules_need_h", ["rules_need"]),
        ("rules_setup_h", ["rules_setup_1", "rules_setup_2", "rules_setup_3"]),
        ("rules_renewal_h", ["rules_renewal_1", "rules_renewal_2", "rules_renewal_3", "rules_renewal_4"]),
        ("rules_quarter_h", ["rules_quarter_1", "rules_quarter_2", "rules_quarter_3", "rules_quarter_4"]),
    ]
    for head, keys in sections:
        pdf.heading(w(head, lang), 11.5)
        for i, key in enumerate(keys, 1):
            _numbered(pdf, str(i) if len(keys) > 1 else "•", w(key, lang, **params))
    pdf.heading(w("rules_mandate_h", lang), 11.5)
    for dim in s.dimensions:
        opt = dim.option(s.current_mandate[dim.id])
        others = " / ".join(tr(o.label, lang) for o in dim.options if o.id != opt.id)
        _numbered(pdf, "•", w("rules_clause", lang, dim=tr(dim.label, lang), now=tr(opt.label, lang), others=others))
    pdf.add_page()
    pdf.heading(w("rules_field_h", lang), 11.5)
    pdf.para(w("rules_field_intro", lang), 8.5)
    pdf.ln(1)
    for i in range(1, 7):
        _numbered(pdf, str(i), w(f"rules_field_{i}", lang, **params))
    pdf.heading(w("rules_table_h", lang), 11.5)
    _field_grid(pdf)
    pdf.add_page()
    pdf.heading(w("rules_end_h", lang), 11.5)
    for key in ("rules_end_1", "rules_end_2", "rules_end_3"):
        _numbered(pdf, "•", w(key, lang, **params))
    pdf.heading(w("rules_left_h", lang), 11.5)
    for i in range(1, 7):
        _numbered(pdf, "•", w(f"rules_left_{i}", lang))
    pdf.heading(w("rules_log_h", lang), 11.5)
    _log_grid(pdf, s.quarters)


def _field_grid(pdf: _Deck) -> None:
    """The field table: per quarter, the drift, then what each option other than the start's adds,
    grouped by clause; column heads turned upright so that every name is whole."""
    s, lang = pdf.scenario, pdf.lang
    rows = field_table(s)
    label_w, row_h, head_h = 64.0, 3.5, 30.0
    col = (pdf.epw - label_w) / len(TABLE_KEYS)
    heads = [i18n.text(f"place.{k.split('.')[1]}", lang) if k.startswith("violence.") else w(f"col_{k.split('.')[1]}", lang)
             for k in TABLE_KEYS]
    y = pdf.get_y()
    pdf.set_font(FONT, "B", 6.2)
    head_h = max(head_h, max(pdf.get_string_width(h) for h in heads) + 3)  # every name whole, in any language
    pdf.set_text_color(*INK)
    pdf.set_xy(pdf.l_margin, y + head_h - 7)
    pdf.multi_cell(label_w - 2, 3, w("col_violence", lang), align="L")
    for i, head in enumerate(heads):
        hx = pdf.l_margin + label_w + i * col + col / 2 + 1
        with pdf.rotation(90, hx, y + head_h - 1):
            pdf.text(hx, y + head_h - 1, _fit(pdf, head, head_h - 2))
    y += head_h + 0.5
    pdf.set_draw_color(*LINE)
    pdf.set_line_width(0.15)
    last_dim = None
    for n, row in enumerate(rows):
        if row.dimension and row.dimension != last_dim:
            dim = s.dimension(row.dimension)
            now = tr(dim.option(s.current_mandate[dim.id]).label, lang)
            pdf.set_font(FONT, "B", 6.4)
            pdf.set_text_color(*ACCENT)
            pdf.set_xy(pdf.l_margin, y + 0.6)
            pdf.cell(pdf.epw, row_h, _fit(pdf, f"{tr(dim.label, lang)} — {w('row_start', lang, opt=now)}", pdf.epw))
            y += row_h + 0.6
            last_dim = row.dimension
        label = tr(s.dimension(row.dimension).option(row.option).label, lang) if row.option else w("row_drift", lang)
        if n % 2 == 0:
            pdf.set_fill_color(241, 245, 248)
            pdf.rect(pdf.l_margin, y, pdf.epw, row_h, style="F")
        pdf.set_font(FONT, "B" if not row.option else "", 6.2)
        pdf.set_text_color(*INK)
        pdf.set_xy(pdf.l_margin + (2.5 if row.option else 0.5), y)
        pdf.cell(label_w - 3, row_h, _fit(pdf, label, label_w - 3.5))
        for i, key in enumerate(TABLE_KEYS):
            change = row.per_quarter.get(key, 0)
            pdf.set_xy(pdf.l_margin + label_w + i * col, y)
            pdf.cell(col, row_h, f"{change:+d}" if change else "·", align="C")
        y += row_h
    pdf.set_y(y + 1)


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` at the current font."""
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _numbered(pdf: _Deck, mark: str, text: str) -> None:
    y = pdf.get_y()
    pdf.set_font(FONT, "B", 8.5)
    pdf.set_text_color(*ACCENT)
    pdf.set_xy(pdf.l_margin + 1, y)
    pdf.cell(5, 4, mark)
    pdf.para(text, 8.5, x=pdf.l_margin + 6, h=3.9)
    pdf.ln(0.7)


def _log_grid(pdf: _Deck, quarters: int) -> None:
    """A table to write each quarter down: its date, the card, the response, what moved."""
    lang, s = pdf.lang, pdf.scenario
    heads = [w("log_quarter", lang), w("log_card", lang), w("log_response", lang), w("log_moved", lang)]
    widths = [26.0, 50.0, 36.0, pdf.epw - 112.0]
    rows = min(quarters, max(1, int((pdf.h - 16 - pdf.get_y()) // 7) - 1))
    pdf.set_draw_color(*LINE)
    pdf.set_line_width(0.2)
    pdf.set_font(FONT, "B", 8)
    pdf.set_text_color(*INK)
    x0 = pdf.l_margin
    for head, width in zip(heads, widths, strict=True):
        pdf.set_x(x0)
        pdf.cell(width, 6, head, border=1)
        x0 += width
    pdf.ln(6)
    pdf.set_font(FONT, "", 7.5)
    for q in range(rows):
        x0 = pdf.l_margin
        for i, width in enumerate(widths):
            pdf.set_x(x0)
            label = f"{q + 1} · {month_label(s.start + 3 * q, lang)}" if i == 0 else ""
            pdf.cell(width, 7, label, border=1)
            x0 += width
        pdf.ln(7)


# --- the Council sheet ---------------------------------------------------------------------------
# x widths: flag, name, wants, options it weighs, concerns, vote boxes (landscape: 269 mm in all)
COUNCIL_COLS = (10.0, 34.0, 70.0, 58.0, 75.0, 22.0)
COUNCIL_FIRST_PAGE = 8  # members on a seating's first page; the rest and the tally on the second


def _council(pdf: _Deck, year: int, members: tuple[Member, ...]) -> None:
    lang = pdf.lang
    ordered = sorted(members, key=lambda m: (not m.permanent, tr(m.name, lang)))
    for page, chunk in enumerate((ordered[:COUNCIL_FIRST_PAGE], ordered[COUNCIL_FIRST_PAGE:])):
        pdf.add_page(orientation="L")
        pdf.para(w("council_more" if page else "council_title", lang, year=year), 15, True, ACCENT)
        if not page:
            pdf.para(w("council_how", lang), 7.8, colour=MUTED)
        pdf.ln(1)
        _council_heads(pdf)
        for member in chunk:
            _member_row(pdf, pdf.scenario, member, year)
        if page:
            _tally(pdf)


def _council_heads(pdf: _Deck) -> None:
    x = pdf.l_margin
    pdf.set_font(FONT, "B", 7)
    pdf.set_text_color(*MUTED)
    y = pdf.get_y()
    heads = ("col_member", "col_wants", "col_weighs", "col_concerns", "col_vote")
    widths = (COUNCIL_COLS[0] + COUNCIL_COLS[1], *COUNCIL_COLS[2:])
    for key, width in zip(heads, widths, strict=True):
        pdf.set_xy(x, y)
        pdf.cell(width, 4, w(key, pdf.lang))
        x += width
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, y + 4.5, pdf.l_margin + sum(COUNCIL_COLS), y + 4.5)
    pdf.set_y(y + 5)


def _weighs(s: Scenario, m: Member, year: int, lang: str) -> tuple[list[str], list[str]]:
    """The options a member weighs in ``year`` ('+1 Quiet diplomacy') and its concerns, each
    scaled by the scenario's weight of national positions as the vote scales them."""
    positions = s.coefficients.get("national_positions", 100)
    options, concerns = [], []
    for pref in m.preferences:
        if pref.first_year <= year <= pref.last_year:
            try:
                label = tr(s.dimension(pref.dimension).option(pref.choice).label, lang)
            except KeyError:
                continue
            weight = pref.weight * positions // 100
            if weight:
                options.append(f"{weight:+d} {label}")
    for concern in m.concerns:
        if concern.first_year <= year <= concern.last_year:
            weight = concern.weight * positions // 100
            if weight:
                why = tr(concern.why, lang)
                if concern.written:  # what the facilitator checks, then why it weighs
                    why = f"{condition_text(concern.written, lang)} ({why})"
                concerns.append(w("concern", lang, n=f"{weight:+d}", why=why))
    return options, concerns


def _member_row(pdf: _Deck, s: Scenario, m: Member, year: int) -> None:
    lang = pdf.lang
    flag_w, name_w, wants_w, weighs_w, concerns_w, vote_w = COUNCIL_COLS
    x, top = pdf.l_margin, pdf.get_y()
    options, concerns = _weighs(s, m, year, lang)
    flag = assets_root() / "flags" / "png" / f"{m.id}.png"
    if flag.is_file():
        pdf.image(str(flag), x=x, y=top + 0.8, w=8)
    pdf.set_xy(x + flag_w, top + 0.5)
    pdf.set_font(FONT, "B", 7.8)
    pdf.set_text_color(*INK)
    pdf.multi_cell(name_w - 1, 3.4, tr(m.name, lang), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font(FONT, "B" if m.permanent else "", 6.5)
    pdf.set_text_color(*(ACCENT if m.permanent else MUTED))
    lean = w("leaning", lang, n=f"{m.base:+d}")
    pdf.multi_cell(name_w - 1, 3.0, f"{w('permanent', lang)}\n{lean}" if m.permanent else lean, align="L",
                   new_x=XPos.LEFT, new_y=YPos.NEXT)
    bottom = pdf.get_y()
    cx = x + flag_w + name_w
    for text, width in ((tr(m.wants, lang), wants_w), ("\n".join(options) or "—", weighs_w),
                        ("\n".join(concerns) or "—", concerns_w)):
        pdf.set_xy(cx, top + 0.5)
        pdf.set_font(FONT, "", 6.5)
        pdf.set_text_color(*INK)
        pdf.multi_cell(width - 2, 2.9, text, align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
        bottom = max(bottom, pdf.get_y())
        cx += width
    bottom = max(bottom, top + 9) + 0.6
    pdf.set_font(FONT, "", 5.5)
    pdf.set_text_color(*MUTED)
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.25)
    for i, key in enumerate(("vote_yes", "vote_abstain", "vote_no")):
        bx = cx + i * (vote_w / 3)
        pdf.rect(bx + 1.2, top + 1.2, 4.2, 4.2)
        pdf.text(bx + 0.4, top + 8, w(key, lang))
    pdf.set_draw_color(*LINE)
    pdf.set_line_width(0.15)
    pdf.line(x, bottom, x + sum(COUNCIL_COLS), bottom)
    pdf.set_y(bottom + 0.4)


def _tally(pdf: _Deck) -> None:
    lang = pdf.lang
    y = min(pdf.get_y() + 1.5, pdf.h - 22)
    x = pdf.l_margin
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.4)
    pdf.rect(x, y, pdf.epw, 12)
    pdf.set_font(FONT, "B", 9)
    pdf.set_text_color(*INK)
    slots = ("tally_yes", "tally_abstain", "tally_no", "tally_veto", "tally_result")
    width = pdf.epw / len(slots)
    for i, key in enumerate(slots):
        pdf.set_xy(x + i * width + 2, y + 1.5)
        pdf.cell(width - 4, 4, w(key, lang))
        pdf.set_draw_color(*LINE)
        pdf.set_line_width(0.2)
        pdf.line(x + i * width + 2, y + 10, x + (i + 1) * width - 4, y + 10)


# --- the sources page ----------------------------------------------------------------------------
SOURCE_SCALES = (1.3, 1.2, 1.1, 1.0, 0.92, 0.85, 0.78, 0.71, 0.64, 0.58)  # text sizes tried until one page holds every source
SOURCE_COLUMNS = 2
SOURCE_GAP = 6.0  # mm between the columns


def _folded(name: str) -> str:
    """A name without its accents, so that Égypte sorts with the E's."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(ch))


def _source_groups(s: Scenario, lang: str) -> list[list[_Block]]:
    """The sources page's groups, each kept whole in one column: the starting figures' sources,
    then each member that votes in the scenario's years, by name, with its sources of those years."""
    groups: list[list[_Block]] = []
    if s.state_sources:
        groups.append([_Block(w("sources_start", lang), 9.5, True, ACCENT)]
                      + [_Block("• " + src, 6.8, indent=2.0, gap=0.5) for src in tr_all(s.state_sources, lang)])
    sits: dict[str, list[int]] = {}  # member -> the years it votes in
    members: dict[str, Member] = {}
    first_year = s.start // 12
    for year in range(first_year, first_year + s.years):
        for m in s.council(year):
            members[m.id] = m
            sits.setdefault(m.id, []).append(year)
    shown = {i: m.sources_in(*sits[i]) for i, m in members.items()}  # none dated after the member's seats here
    listed = sorted((m for m in members.values() if shown[m.id]), key=lambda m: _folded(tr(m.name, lang)))
    for i, m in enumerate(listed):
        head = [_Block(w("sources_council", lang), 9.5, True, ACCENT, gap=3.0)] if i == 0 else []
        groups.append(head + [_Block(tr(m.name, lang), 7.4, True, INK, gap=2.0)]
                      + [_Block("• " + src, 6.4, False, MUTED, indent=2.0, gap=0.3) for src in tr_all(shown[m.id], lang)])
    unsourced = sorted((tr(m.name, lang) for m in members.values() if not shown[m.id]), key=_folded)
    if unsourced:  # said, not left out: their reasons on the Council sheet have no source of these years
        groups.append([_Block(w("sources_none", lang, names=", ".join(unsourced)), 6.4, False, MUTED, gap=3.0)])
    return groups


def _columns(pdf: _Deck, groups: list[list[_Block]], width: float, room: float,
             scale: float) -> tuple[list[list[list[_Block]]], bool]:
    """The groups shared out between the columns in order, and whether every one found room."""
    cols: list[list[list[_Block]]] = [[]]
    used = 0.0
    for group in groups:
        h = _measure(pdf, group, width, scale)
        if used + h > room:
            if len(cols) == SOURCE_COLUMNS:
                return cols, False
            cols.append([])
            used = 0.0
            if h > room:
                return cols, False
        cols[-1].append(group)
        used += h
    return cols, True


def _sources(pdf: _Deck) -> None:
    """One portrait page: where the starting figures come from, and each member's sources, so that
    a facilitator can answer "says who?" without a computer."""
    lang = pdf.lang
    pdf.add_page()
    pdf.para(w("sources_title", lang), 15, True, ACCENT)
    pdf.ln(1)
    top = pdf.get_y()
    width = (pdf.epw - SOURCE_GAP * (SOURCE_COLUMNS - 1)) / SOURCE_COLUMNS
    room = pdf.h - 12 - top  # above the footer
    groups = _source_groups(pdf.scenario, lang)
    for scale in SOURCE_SCALES:  # the largest size that holds them all; at the smallest, what fits
        cols, whole = _columns(pdf, groups, width, room, scale)
        if whole:
            break
    for c, col in enumerate(cols):
        x = pdf.l_margin + c * (width + SOURCE_GAP)
        pdf.set_y(top)
        for group in col:
            for b in group:
                _write_block(pdf, b, x, width, scale, XPos.LEFT)


# --- the tracks ----------------------------------------------------------------------------------
def _tracks(pdf: _Deck) -> None:
    s, lang = pdf.scenario, pdf.lang
    values = start_values(s)
    pdf.add_page(orientation="L")
    pdf.para(w("tracks_title", lang), 15, True, ACCENT)
    pdf.para(w("tracks_how", lang), 7.8, colour=MUTED)
    label_w = 52.0
    cell = (pdf.epw - label_w) / 101
    y = pdf.get_y() + 2
    for key in TRACKS_100:
        _track(pdf, describe(key, lang), y, label_w, cell, 101, values.get(key, 0), 1, 10)
        y += 11.2
    troops = values.get("mission.troops", 0)
    cells = TROOP_TOP // TROOP_STEP + 1
    _track(pdf, describe("mission.troops", lang), y, label_w, (pdf.epw - label_w) / cells, cells,
           troops, TROOP_STEP, 4000 // TROOP_STEP)
    y += 13
    boxes = [("mission.casualties", values.get("mission.casualties", 0)), ("mission.budget", values.get("mission.budget", 0))]
    width = pdf.epw / 2
    for i, (key, start) in enumerate(boxes):
        bx = pdf.l_margin + i * width
        pdf.set_draw_color(*INK)
        pdf.set_line_width(0.3)
        pdf.rect(bx, y, width - 4, 22)
        pdf.set_xy(bx + 2, y + 1.5)
        pdf.set_font(FONT, "B", 8.5)
        pdf.set_text_color(*INK)
        pdf.cell(width - 8, 4, f"{describe(key, lang)} — {w('start', lang)} {num(start, lang)}")
        pdf.set_xy(bx + 2, y + 6.5)
        pdf.set_font(FONT, "", 7)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(width - 8, 3.2, w(f"box_{key.split('.')[1]}", lang,
                                          base=s.coefficients.get("cost_base", 150),
                                          per=s.coefficients.get("cost_per_1000_troops", 70)), align="L")


def _track(pdf: _Deck, label: str, y: float, label_w: float, cell: float, cells: int, start: int,
           step: int, every: int) -> None:
    x0 = pdf.l_margin + label_w
    pdf.set_xy(pdf.l_margin, y + 1)
    pdf.set_font(FONT, "B", 7.5)
    pdf.set_text_color(*INK)
    pdf.multi_cell(label_w - 2, 3.2, label, align="L")
    pdf.set_line_width(0.15)
    pdf.set_font(FONT, "", 5)
    at = min(cells - 1, max(0, (start + step // 2) // step))
    for i in range(cells):
        x = x0 + i * cell
        pdf.set_draw_color(*(INK if i % every == 0 else LINE))
        pdf.rect(x, y + 1, cell, 4.5)
        if i % every == 0:
            value = num(i * step, pdf.lang)
            pdf.set_text_color(*MUTED)
            pdf.text(x + cell / 2 - pdf.get_string_width(value) / 2, y, value)
    sx = x0 + at * cell + cell / 2
    pdf.set_fill_color(*INK)
    pdf.polygon([(sx, y + 6), (sx - 1.4, y + 8.4), (sx + 1.4, y + 8.4)], style="F")
    pdf.set_font(FONT, "B", 5.5)
    pdf.set_text_color(*INK)
    shown = f"{w('start', pdf.lang)} {num(start, pdf.lang)}"
    right = sx + 2 + pdf.get_string_width(shown) <= x0 + cells * cell
    pdf.text(sx + 2 if right else sx - 2 - pdf.get_string_width(shown), y + 8.4, shown)


# --- the cards -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Block:
    text: str
    size: float  # at scale 1
    bold: bool = False
    colour: tuple[int, int, int] = INK
    indent: float = 0.0
    gap: float = 0.0  # space above, mm at scale 1


def _card_blocks(pdf: _Deck, placed: Placed, conditions: Mapping[str, str]) -> list[_Block]:
    card, lang, s = placed.card, pdf.lang, pdf.scenario
    date = card.start if card.start is not None else s.start
    blocks = [_Block(tr(card.title, lang), 10.5, True, INK), _Block(tr(card.text, lang), 7.4, gap=1.0)]
    if card.id in conditions:
        blocks.append(_Block(w("only_if", lang, cond=condition_text(conditions[card.id], lang)), 6.4, True, MUTED, gap=0.8))
    for i, resp in enumerate(card.responses):
        blocks.extend(_response_blocks(resp, chr(ord("A") + i), s, lang, date))
    srcs = [tr(t, lang) for t in card.sources]
    if srcs:
        blocks.append(_Block(w("sources", lang) + " " + " · ".join(srcs), 5.4, colour=MUTED, gap=1.6))
    return blocks


def _response_blocks(resp: Response, letter: str, s: Scenario, lang: str, date: int) -> list[_Block]:
    out = [_Block(f"{letter}. {tr(resp.label, lang)}", 7.2, True, ACCENT, gap=1.6)]
    moves = sorted(resp.effects.items(), key=lambda kv: (-abs(kv[1]), kv[0]))
    if moves:
        out.append(_Block("\n".join(effect_line(k, v, lang, date) for k, v in moves), 6.8, indent=3.0, gap=0.4))
    for later in resp.delayed:
        lines = "\n".join(effect_line(k, v, lang, date) for k, v in sorted(later.effects.items()))
        note = tr(later.note, lang).strip().rstrip(".")
        head = wn("later_note", later.after, lang, note=note) if note else wn("later", later.after, lang)
        out.append(_Block(f"{head}\n{lines}", 6.4, indent=3.0, gap=0.4))
    for fu in resp.follow_ups:
        target = s.cards_by_id.get(fu.card)
        title = tr(target.title, lang) if target else fu.card
        key = "follow" if fu.chance >= 100 else "follow_chance"
        out.append(_Block(wn(key, fu.after, lang, card=title, chance=fu.chance, tens=max(1, fu.chance // 10)), 6.4, True, INK,
                          indent=3.0, gap=0.4))
    return out


def _measure(pdf: _Deck, blocks: list[_Block], width: float, scale: float) -> float:
    total = 0.0
    for b in blocks:
        size = b.size * scale
        pdf.set_font(FONT, "B" if b.bold else "", size)
        lines = pdf.multi_cell(width - b.indent, size * 0.42, b.text, dry_run=True, output=MethodReturnValue.LINES)
        assert isinstance(lines, list)
        total += b.gap * scale + len(lines) * size * 0.42
    return total


def _card(pdf: _Deck, placed: Placed, number: int, x: float, y: float, conditions: Mapping[str, str]) -> None:
    card, lang = placed.card, pdf.lang
    inner_x, inner_w = x + PAD, CARD_W - 2 * PAD
    # The header: subject icon, kind and subject, place and months; the quarter tag on the right.
    pdf.icon(CARD_ICONS.get(card.category, "info-circle"), inner_x, y + PAD, 6.0, ACCENT)
    tag = w("followup_tag", lang) if placed.first is None else (
        w("quarter_tag", lang, q=placed.first) if placed.first == placed.last
        else w("quarters_tag", lang, a=placed.first, b=placed.last))
    pdf.set_font(FONT, "B", 8)
    tag_w = pdf.get_string_width(tag) + 3
    pdf.set_fill_color(*ACCENT)
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(x + CARD_W - PAD - tag_w, y + PAD)
    pdf.cell(tag_w, 5, tag, align="C", fill=True)
    pdf.set_xy(x + CARD_W - PAD - tag_w, y + PAD + 5.2)
    pdf.set_font(FONT, "", 6)
    pdf.set_text_color(*MUTED)
    pdf.cell(tag_w, 3, f"#{number}", align="C")
    kind = i18n.word("document", card.document, lang).upper()
    subject = i18n.word("category", card.category, lang)
    pdf.set_xy(inner_x + 7.5, y + PAD - 0.3)
    pdf.set_font(FONT, "B", 6.8)
    pdf.set_text_color(*ACCENT)
    pdf.cell(inner_w - 8 - tag_w, 3.4, f"{kind} · {subject}")
    pdf.set_xy(inner_x + 7.5, y + PAD + 3.2)
    pdf.set_font(FONT, "", 6.3)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(inner_w - 8 - tag_w, 2.9, f"{i18n.text(f'place.{card.place}', lang)} · {_months(card, lang)}",
                   align="L")
    top = y + PAD + 9.5
    pdf.set_draw_color(*LINE)
    pdf.set_line_width(0.2)
    pdf.line(inner_x, top - 1, inner_x + inner_w, top - 1)
    blocks = _card_blocks(pdf, placed, conditions)
    room = y + CARD_H - PAD - top
    scale = next((sc for sc in SCALES if _measure(pdf, blocks, inner_w, sc) <= room), SCALES[-1])
    pdf.set_y(top)
    for b in blocks:
        _write_block(pdf, b, inner_x, inner_w, scale, XPos.LMARGIN)


def _write_block(pdf: FPDF, b: _Block, x: float, width: float, scale: float, new_x: XPos) -> None:
    """One block of text at ``x``, ``width`` wide, its size and gap times ``scale``."""
    size = b.size * scale
    pdf.set_y(pdf.get_y() + b.gap * scale)
    pdf.set_font(FONT, "B" if b.bold else "", size)
    pdf.set_text_color(*b.colour)
    pdf.set_x(x + b.indent)
    pdf.multi_cell(width - b.indent, size * 0.42, b.text, align="L", new_x=new_x, new_y=YPos.NEXT)


def _months(card: Card, lang: str) -> str:
    if card.follow_up_only:
        return w("months_followup", lang)
    if card.start is None and card.end is None:
        return w("months_any", lang)
    if card.start is None:
        return w("months_until", lang, end=month_label(card.end or 0, lang))
    if card.end is None:
        return w("months_from", lang, start=month_label(card.start, lang))
    return w("months", lang, start=month_label(card.start, lang), end=month_label(card.end, lang))


def _cut_marks(pdf: _Deck) -> None:
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.2)
    xs = [GRID_X + i * CARD_W for i in range(COLS + 1)]
    ys = [GRID_Y + j * CARD_H for j in range(ROWS + 1)]
    right, bottom = xs[-1], ys[-1]
    for x in xs:
        pdf.line(x, 1.5, x, GRID_Y - 1.5)
        pdf.line(x, bottom + 1.5, x, pdf.h - 9)
    for y in ys:
        pdf.line(1.5, y, GRID_X - 1.5, y)
        pdf.line(right + 1.5, y, pdf.w - 1.5, y)
    pdf.set_draw_color(*LINE)
    pdf.set_dash_pattern(dash=1, gap=1.5)
    pdf.set_line_width(0.1)
    for x in xs:
        pdf.line(x, GRID_Y, x, bottom)
    for y in ys:
        pdf.line(GRID_X, y, right, y)
    pdf.set_dash_pattern()


def _cards(pdf: _Deck, conditions: Mapping[str, str]) -> None:
    deck = placed_cards(pdf.scenario)
    for start in range(0, len(deck), PER_PAGE):
        pdf.add_page(orientation="P")
        _cut_marks(pdf)
        for i, placed in enumerate(deck[start:start + PER_PAGE]):
            col, row = i % COLS, i // COLS
            _card(pdf, placed, start + i + 1, GRID_X + col * CARD_W, GRID_Y + row * CARD_H, conditions)


# --- the whole deck ------------------------------------------------------------------------------
def build_deck(scenario: Scenario, lang: str = "en", conditions: Mapping[str, str] | None = None) -> FPDF:
    """The deck as an FPDF document. ``conditions`` maps card id -> its ``when:`` as written
    (the command reads them from the card files; without them the cards print none)."""
    pdf = _Deck(scenario, lang)
    _rules(pdf)
    for year, members in seatings(scenario):
        _council(pdf, year, members)
    _sources(pdf)
    _tracks(pdf)
    _cards(pdf, conditions or {})
    return pdf


def write_deck(scenario: Scenario, path: Path | str, lang: str = "en",
               conditions: Mapping[str, str] | None = None) -> int:
    """Write the deck's PDF to ``path`` atomically; the number of pages written."""
    pdf = build_deck(scenario, lang, conditions)
    write_bytes_atomic(path, bytes(pdf.output()))
    return int(pdf.pages_count)
