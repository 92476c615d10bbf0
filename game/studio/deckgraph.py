"""``python -m game graph``: a deck drawn on one page, time from left to right.

One column per field quarter of the scenario, one row per card. A card's box sits at the first
quarter it can come in (a follow-up: the earliest quarter a response can bring it), and a thin
bar behind the row spans every quarter its months and mandate years allow. Arrows join a card to
the follow-ups its responses bring, labelled with the delay ("+2 q") and any chance ("40%").
Cards that are never drawn (no quarter fits, or no scripted drafter drew them in the games
played) are hatched and say so in words, so the page reads without colour. Dashed vertical
lines mark the renewals, where a new mandate year begins.

The layout is a list of drawing primitives; ``svg`` writes them as SVG text, ``png`` draws them
with pygame, so both pictures are the same.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from game.engine.defs import Card, Scenario
from game.i18n import month_label

COL_W, ROW_H, BOX_W, BOX_H = 96, 26, 230, 20
LEFT, TOP, RIGHT, BOTTOM = 16, 96, BOX_W + 440, 40  # right: a last-quarter box, then the notes
CHAR_W = 7.2  # about the width of a bold character at FONT, for the label's backing
FONT = 11
INK, MUTED, FAINT, PAPER, NEVER, BAND = "#1b1b1b", "#555555", "#d9d9d9", "#ffffff", "#8c8c8c", "#f3f3f3"


@dataclass
class Box:
    card: str
    x: float
    y: float
    never: bool
    follow_up: bool
    note: str = ""


@dataclass
class Drawing:
    width: int
    height: int
    title: str
    texts: list[tuple[float, float, str, str, int, bool]] = field(default_factory=list)  # x, y, text, colour, size, bold
    lines: list[tuple[float, float, float, float, str, float, bool]] = field(default_factory=list)  # ..., width, dashed
    arrows: list[tuple[float, float, float, float, str]] = field(default_factory=list)  # from, to, label
    boxes: list[Box] = field(default_factory=list)
    bands: list[float] = field(default_factory=list)  # the top of every other row, shaded to guide the eye


def season(card: Card, scenario: Scenario) -> list[int]:
    """The quarters (from 0) whose month and mandate year let the card be drawn by chance."""
    out = []
    for q in range(scenario.quarters):
        date, mandate = scenario.start + 3 * q, q // 4 + 1
        if card.start is not None and date < card.start or card.end is not None and date > card.end:
            continue
        if card.mandates and mandate not in card.mandates:
            continue
        out.append(q)
    return out


def _first_quarters(scenario: Scenario) -> dict[str, int | None]:
    """Each card's earliest quarter: its season's first, or for a follow-up its bringers' plus the delay."""
    first: dict[str, int | None] = {}
    for c in scenario.cards:
        s = season(c, scenario)
        first[c.id] = None if c.follow_up_only else (s[0] if s else None)
    for _ in range(len(scenario.cards)):  # chains: settle in at most as many rounds as cards
        changed = False
        for c in scenario.cards:
            base = first.get(c.id)
            if base is None:
                continue
            for r in c.responses:
                for f in r.follow_ups:
                    due = base + f.after
                    target = scenario.cards_by_id.get(f.card)
                    if target is not None and target.follow_up_only and due < scenario.quarters:
                        if first.get(f.card) is None or due < (first[f.card] or 0):
                            first[f.card] = due
                            changed = True
        if not changed:
            break
    return first


def _order(scenario: Scenario, first: Mapping[str, int | None]) -> list[str]:
    """Rows: cards by first quarter, each followed at once by the follow-ups it brings (depth first)."""
    children: dict[str, list[str]] = {}
    brought: set[str] = set()
    for c in scenario.cards:
        for r in c.responses:
            for f in r.follow_ups:
                if f.card not in children.setdefault(c.id, []):
                    children[c.id].append(f.card)
                    brought.add(f.card)
    def key(cid: str) -> tuple[int, str]:
        q = first.get(cid)
        return (q if q is not None else 10_000, cid)
    roots = sorted((c.id for c in scenario.cards if c.id not in brought or not scenario.card(c.id).follow_up_only), key=key)
    out: list[str] = []
    seen: set[str] = set()

    def visit(cid: str) -> None:
        if cid in seen:
            return
        seen.add(cid)
        out.append(cid)
        for child in sorted(children.get(cid, []), key=key):
            if scenario.card(child).follow_up_only:
                visit(child)

    for cid in roots:
        visit(cid)
    out.extend(sorted((c.id for c in scenario.cards if c.id not in seen), key=key))
    return out


def layout(scenario: Scenario, drawn: Mapping[str, float] | None = None) -> Drawing:
    """The page for ``scenario``; ``drawn``: card -> the largest share of games any drafter drew it in."""
    quarters = scenario.quarters
    first = _first_quarters(scenario)
    rows = _order(scenario, first)
    width = LEFT + quarters * COL_W + RIGHT
    height = TOP + len(rows) * ROW_H + BOTTOM
    d = Drawing(width, height, f"{scenario.id}: {len(rows)} cards over {quarters} quarters")
    d.texts.append((LEFT, 22, d.title, INK, 15, True))
    d.texts.append((LEFT, 40, "box: the first quarter a card can come; bar: every quarter it can be drawn;"
                    " arrow: a follow-up, with its delay; hatched: never drawn", MUTED, FONT, False))
    for q in range(quarters + 1):
        x = LEFT + q * COL_W
        renewal = q % 4 == 0
        d.lines.append((x, TOP - 8, x, height - BOTTOM + 8, MUTED if renewal else FAINT, 1.2 if renewal else 0.6, renewal))
        if q < quarters:
            d.texts.append((x + 3, TOP - 12, month_label(scenario.start + 3 * q), INK if renewal else MUTED, FONT - 1, renewal))
        if renewal and q < quarters:
            d.texts.append((x + 3, TOP - 30, f"mandate {q // 4 + 1}", INK, FONT, True))
    notes_x = LEFT + quarters * COL_W + BOX_W + 16
    d.texts.append((notes_x, TOP - 12, "when it can come", INK, FONT - 1, True))
    for i, cid in enumerate(rows):
        card = scenario.card(cid)
        y = TOP + i * ROW_H + (ROW_H - BOX_H) / 2
        if i % 2:
            d.bands.append(TOP + i * ROW_H)
        s = season(card, scenario) if not card.follow_up_only else []
        if s:
            d.lines.append((LEFT + s[0] * COL_W, y + BOX_H / 2, LEFT + (s[-1] + 1) * COL_W, y + BOX_H / 2, FAINT, 6.0, False))
        at = first.get(cid)
        never = at is None or (drawn is not None and drawn.get(cid, 0.0) == 0.0)
        why = "never drawn: no quarter fits" if at is None else "never drawn in the games played" if never else ""
        gates = _gate_note(card, scenario)
        note = "; ".join(x for x in (why, gates) if x)
        d.boxes.append(Box(cid, LEFT + (at or 0) * COL_W + 2, y, never, card.follow_up_only, note))
        if note:
            d.texts.append((notes_x, y + BOX_H - 6, note, INK if never else MUTED, FONT, never))
    box_at = {b.card: b for b in d.boxes}
    for c in scenario.cards:
        for r in c.responses:
            for f in r.follow_ups:
                a, b = box_at.get(c.id), box_at.get(f.card)
                if a is None or b is None:
                    continue
                label = f"+{f.after} q" + ("" if f.chance >= 100 else f", {f.chance}%")
                d.arrows.append((a.x + 14, a.y + BOX_H, b.x, b.y + BOX_H / 2, label))
    return d


def _gate_note(card: Card, scenario: Scenario) -> str:
    parts = []
    if card.follow_up_only:
        parts.append("follow-up")
    if card.start is not None:
        parts.append(f"from {month_label(card.start)}")
    if card.end is not None:
        parts.append(f"until {month_label(card.end)}")
    if card.mandates:
        parts.append("mandate " + ", ".join(str(m) for m in card.mandates))
    return ", ".join(parts)


# --- SVG ----------------------------------------------------------------------------------------
def svg(d: Drawing) -> str:
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{d.width}" height="{d.height}" viewBox="0 0 {d.width} {d.height}"'
           f' font-family="DejaVu Sans, Verdana, sans-serif" font-size="{FONT}">',
           f"<title>{escape(d.title)}</title>",
           "<defs>",
           f'<pattern id="never" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
           f'<rect width="6" height="6" fill="{PAPER}"/><line x1="0" y1="0" x2="0" y2="6" stroke="{NEVER}" stroke-width="2"/></pattern>',
           f'<marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
           f'<path d="M0,0 L10,5 L0,10 z" fill="{INK}"/></marker>',
           "</defs>",
           f'<rect width="{d.width}" height="{d.height}" fill="{PAPER}"/>']
    out.extend(f'<rect x="0" y="{y:.1f}" width="{d.width}" height="{ROW_H}" fill="{BAND}"/>' for y in d.bands)
    for x1, y1, x2, y2, colour, w, dashed in d.lines:
        dash = ' stroke-dasharray="5 4"' if dashed else ""
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" stroke-width="{w}"{dash}/>')
    for x1, y1, x2, y2, label in d.arrows:
        mid_x = x1
        out.append(f'<path d="M{x1:.1f},{y1:.1f} L{mid_x:.1f},{y2:.1f} L{x2 - 2:.1f},{y2:.1f}" fill="none" stroke="{INK}"'
                   ' stroke-width="1.2" marker-end="url(#head)"/>')
        out.append(f'<text x="{mid_x + 3:.1f}" y="{y2 - 3:.1f}" font-size="{FONT - 2}" fill="{INK}">{escape(label)}</text>')
    for b in d.boxes:
        fill = "url(#never)" if b.never else PAPER
        dash = ' stroke-dasharray="3 2"' if b.follow_up else ""
        out.append(f'<g><title>{escape(b.card)}{": " + escape(b.note) if b.note else ""}</title>'
                   f'<rect x="{b.x:.1f}" y="{b.y:.1f}" width="{BOX_W}" height="{BOX_H}" rx="3" fill="{fill}" stroke="{INK}"'
                   f' stroke-width="1"{dash}/>'
                   + (f'<rect x="{b.x + 3:.1f}" y="{b.y + 3:.1f}" width="{len(b.card) * CHAR_W + 4:.1f}" height="{BOX_H - 6}"'
                      f' fill="{PAPER}"/>' if b.never else "")
                   + f'<text x="{b.x + 5:.1f}" y="{b.y + BOX_H - 6:.1f}" fill="{INK}" font-weight="bold">{escape(b.card)}</text></g>')
    for x, y, text, colour, size, bold in d.texts:
        weight = ' font-weight="bold"' if bold else ""
        out.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{colour}"{weight}>{escape(text)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


# --- PNG (pygame) ---------------------------------------------------------------------------------
def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def png(d: Drawing, path: Path) -> None:
    """The same drawing as a PNG (pygame, offscreen)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.resources import assets_root

    pygame.font.init()
    fonts: dict[tuple[int, bool], pygame.font.Font] = {}

    def font(size: int, bold: bool) -> pygame.font.Font:
        if (size, bold) not in fonts:
            name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
            fonts[size, bold] = pygame.font.Font(str(assets_root() / "fonts" / name), size + 1)
        return fonts[size, bold]

    surf = pygame.Surface((d.width, d.height))
    surf.fill(_rgb(PAPER))
    for y in d.bands:
        pygame.draw.rect(surf, _rgb(BAND), (0, round(y), d.width, ROW_H))

    def text(x: float, y: float, s: str, colour: str, size: int, bold: bool) -> None:
        img = font(size, bold).render(s, True, _rgb(colour))
        surf.blit(img, (x, y - img.get_height() + 3))

    for x1, y1, x2, y2, colour, w, dashed in d.lines:
        if dashed:
            y = y1
            while y < y2:
                pygame.draw.line(surf, _rgb(colour), (x1, y), (x2, min(y + 5, y2)), max(1, round(w)))
                y += 9
        else:
            pygame.draw.line(surf, _rgb(colour), (x1, y1), (x2, y2), max(1, round(w)))
    for x1, y1, x2, y2, label in d.arrows:
        pygame.draw.lines(surf, _rgb(INK), False, [(x1, y1), (x1, y2), (x2 - 2, y2)], 1)
        pygame.draw.polygon(surf, _rgb(INK), [(x2, y2), (x2 - 7, y2 - 4), (x2 - 7, y2 + 4)])
        text(x1 + 3, y2 - 3, label, INK, FONT - 2, False)
    for b in d.boxes:
        rect = pygame.Rect(round(b.x), round(b.y), BOX_W, BOX_H)
        pygame.draw.rect(surf, _rgb(PAPER), rect)
        if b.never:
            clip = surf.get_clip()
            surf.set_clip(rect)
            for k in range(-BOX_H, BOX_W, 6):
                pygame.draw.line(surf, _rgb(NEVER), (rect.x + k, rect.bottom), (rect.x + k + BOX_H, rect.y), 2)
            surf.set_clip(clip)
        pygame.draw.rect(surf, _rgb(INK), rect, 1, border_radius=3)
        if b.never:
            w = font(FONT, True).size(b.card)[0]
            pygame.draw.rect(surf, _rgb(PAPER), (rect.x + 3, rect.y + 3, w + 4, BOX_H - 6))
        text(b.x + 5, b.y + BOX_H - 6, b.card, INK, FONT, True)
    for x, y, s, colour, size, bold in d.texts:
        text(x, y, s, colour, size, bold)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp.png")
    pygame.image.save(surf, str(tmp))
    os.replace(tmp, path)
