"""A card drawn as the document it is: a header strip with its kind (code cable, press wire, report
extract, letter), its subject's icon, its place and date, and a small locator map of Mali with the
place marked (New York: the Council's gavel instead)."""

from __future__ import annotations

import pygame

from game import i18n
from game.content.cardmeta import NEW_YORK
from game.engine.defs import Card
from game.i18n import month_label
from game.ui import icons, mapshapes
from game.ui.frame import Frame
from game.ui.layout import Rect


def header_h(f: Frame) -> int:
    """The header's height: two lines of small text, or the locator map, whichever is taller."""
    return max(2 * f.line_h("body") + f.pad, locator_size(f)) + f.pad // 2


def locator_size(f: Frame) -> int:
    return max(48, 3 * f.line_h("body"))


def header_words(card: Card, date: int, lang: str) -> tuple[str, str]:
    """("PRESS WIRE · Security", "Gao · September 2016"): what the header says, in ``lang``."""
    kind = i18n.word("document", card.document, lang)
    subject = i18n.word("category", card.category, lang)
    place = i18n.text(f"place.{card.place}", lang)
    return f"{kind.upper()} · {subject}", f"{place} · {month_label(date, lang)}"


def draw_header(f: Frame, r: Rect, card: Card, date: int, lang: str) -> Rect:
    """Draw the header at the top of ``r``; return what is left below it for the card's title and text."""
    h = header_h(f)
    strip = Rect(r.x, r.y, r.w, h - f.pad // 2)
    size = locator_size(f)
    icon_size = f.line_h("bold")
    x = strip.x
    f.s.blit(icons.icon(icons.CARD_KINDS.get(card.category, icons.FALLBACK), icon_size, f.pal.heading), (x, strip.y))
    text_x = x + icon_size + f.pad // 2
    text_w = max(1, strip.right - size - f.pad - text_x)
    first, second = header_words(card, date, lang)
    used = f.text(Rect(text_x, strip.y, text_w, f.line_h("bold") * 2), first, "bold", f.pal.heading)
    f.text(Rect(text_x, strip.y + used, text_w, f.line_h("body") * 2), second, "body", f.pal.muted)
    draw_locator(f, Rect(strip.right - size, strip.y, size, size), card.place)
    pygame.draw.line(f.s, f.pal.border, (r.x, r.y + h - f.pad // 2), (r.right, r.y + h - f.pad // 2), 1)
    return Rect(r.x, r.y + h, r.w, max(0, r.h - h))


def draw_locator(f: Frame, box: Rect, place: str) -> None:
    """Mali's regions in outline, the card's region filled; New York is the Council's gavel."""
    if place == NEW_YORK:
        f.s.blit(icons.icon("gavel", min(box.w, box.h), f.pal.accent), (box.x, box.y))
        return
    data = mapshapes.load()
    fit = mapshapes.Fit.into(data, box.x, box.y, box.w, box.h)
    for key, region in data.regions.items():
        for ring in region.polys:
            points = fit.ring(ring)
            if len(points) < 3:
                continue
            if key == place:
                pygame.draw.polygon(f.s, f.pal.accent, points)
            pygame.draw.polygon(f.s, f.pal.border, points, 1)
    for ring in data.outline:
        points = fit.ring(ring)
        if len(points) >= 3:
            pygame.draw.polygon(f.s, f.pal.muted, points, 2)
