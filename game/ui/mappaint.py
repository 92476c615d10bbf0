"""The map's still layer: neighbours, regions shaded and hatched by violence, the Niger and its
inner delta, lakes and borders, painted once into an image and reused until what it shows changes.

Violence has two channels: the palette's colour ramp and a hatching that gets denser bin by bin
(none, sparse, dense, crossed, dense crossed), so the map still reads in grey or for a colour-blind
student. ``hatch_swatch`` draws the same pattern for the legend.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.ui.mapshapes import Fit, MapData, Ring
from game.ui.theme import Color, Palette, ink_on

# spacing of the hatching's lines, in pixels, and whether they cross; one per violence bin
HATCH: tuple[tuple[int, bool], ...] = ((0, False), (11, False), (6, False), (8, True), (5, True))


def violence_bin(v: int) -> int:
    return max(0, min(4, v // 20))


def high_contrast(pal: Palette) -> bool:
    return pal.name.startswith("high-contrast")


def land_colour(pal: Palette) -> Color:
    """Neighbouring countries: quieter than Mali, warm like paper (near black in high contrast)."""
    return (20, 20, 20) if high_contrast(pal) else (244, 241, 233)


def water_colour(pal: Palette) -> Color:
    return pal.accent if high_contrast(pal) else (43, 120, 190)


def _hatch_lines(surf: pygame.Surface, level: int, colour: tuple[int, int, int, int], width: int = 1) -> None:
    spacing, cross = HATCH[level]
    if spacing <= 0:
        return
    w, h = surf.get_size()
    for k in range(-h, w + h, spacing):
        pygame.draw.line(surf, colour, (k, h), (k + h, 0), width)
        if cross:
            pygame.draw.line(surf, colour, (k, 0), (k + h, h), width)


def hatch_colour(fill: Color) -> tuple[int, int, int, int]:
    ink = ink_on(fill)
    return (*ink, 150) if ink == (255, 255, 255) else (*ink, 115)


def hatch_swatch(surf: pygame.Surface, rect: pygame.Rect, fill: Color, level: int, line: Color) -> None:
    """A legend's sample of one violence bin: its colour and its hatching."""
    surf.blit(_swatch(rect.size, fill, level, line), rect)


@lru_cache(maxsize=32)
def _swatch(size: tuple[int, int], fill: Color, level: int, line: Color) -> pygame.Surface:
    out = pygame.Surface(size)
    out.fill(fill)
    layer = pygame.Surface(size, pygame.SRCALPHA)
    _hatch_lines(layer, level, hatch_colour(fill))
    out.blit(layer, (0, 0))
    pygame.draw.rect(out, line, out.get_rect(), 1)
    return out


def _hatched_polygon(dest: pygame.Surface, pts: list[tuple[float, float]], fill: Color, level: int) -> None:
    pygame.draw.polygon(dest, fill, pts)
    if HATCH[level][0] <= 0 or len(pts) < 3:
        return
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, y0 = int(min(xs)), int(min(ys))
    w, h = int(max(xs)) - x0 + 2, int(max(ys)) - y0 + 2
    # lines over the polygon's box, then cut to its shape by a mask (min of the two alphas)
    layer = pygame.Surface((w, h), pygame.SRCALPHA)
    _hatch_lines(layer, level, hatch_colour(fill))
    mask = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.draw.polygon(mask, (255, 255, 255, 255), [(x - x0, y - y0) for x, y in pts])
    layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    dest.blit(layer, (x0, y0))


def _shared_edges(a: list[Ring], b: list[Ring]) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Segments two regions have in common (the derived Gao–Ménaka line)."""
    pts_b = {p for ring in b for p in ring}
    out = []
    for ring in a:
        for i, p in enumerate(ring):
            q = ring[(i + 1) % len(ring)]
            if p in pts_b and q in pts_b:
                out.append((p, q))
    return out


def paint(data: MapData, fit: Fit, size: tuple[int, int], offset: tuple[int, int], pal: Palette,
          bins: tuple[tuple[str, int], ...]) -> pygame.Surface:
    """The still layer for a map rect of ``size`` at ``offset`` on the screen."""
    return _paint(data, fit, size, offset, pal, bins)


@lru_cache(maxsize=4)
def _paint(data: MapData, fit: Fit, size: tuple[int, int], offset: tuple[int, int], pal: Palette,
           bins: tuple[tuple[str, int], ...]) -> pygame.Surface:
    surf = pygame.Surface(size)
    surf.fill(pal.bg)
    dx, dy = -offset[0], -offset[1]
    local = Fit(fit.scale, fit.ox + dx, fit.oy + dy)
    border = pal.muted if high_contrast(pal) else (150, 150, 140)
    for country in data.countries.values():
        for ring in country.polys:
            pts = local.ring(ring)
            pygame.draw.polygon(surf, land_colour(pal), pts)
            pygame.draw.polygon(surf, border, pts, 1)
    level = dict(bins)
    for key, region in data.regions.items():
        for ring in region.polys:
            pts = local.ring(ring)
            if key in level:
                _hatched_polygon(surf, pts, pal.violence[level[key]], level[key])
            else:
                pygame.draw.polygon(surf, pal.map_other, pts)
    water = water_colour(pal)
    delta = pygame.Surface(size, pygame.SRCALPHA)
    for ring in data.delta:
        pygame.draw.polygon(delta, (*water, 70), local.ring(ring))
    surf.blit(delta, (0, 0))
    for ring in data.delta:
        pts = local.ring(ring)
        for i, p in enumerate(pts):
            _dashed(surf, p, pts[(i + 1) % len(pts)], water, 1, 4)
    for ring in data.lakes:
        pygame.draw.polygon(surf, water, local.ring(ring))
    width = max(2, round(fit.scale / 9))
    for river in data.rivers:
        pygame.draw.lines(surf, water, False, local.ring(river), width)
    for region in data.regions.values():
        for ring in region.polys:
            pygame.draw.polygon(surf, pal.map_line, local.ring(ring), 1)
    if "gao" in data.regions and "menaka" in data.regions:
        # Ménaka's border with Gao is derived, not surveyed: dashed, over its solid drawing
        gm = _shared_edges(data.regions["menaka"].polys, data.regions["gao"].polys)
        erase = pal.violence[level["menaka"]] if "menaka" in level else pal.map_other
        for p, q in gm:
            pygame.draw.line(surf, erase, local.pt(p), local.pt(q), 1)
            _dashed(surf, local.pt(p), local.pt(q), pal.map_line, 2, 5)
    for ring in data.outline:
        pygame.draw.polygon(surf, pal.map_line, local.ring(ring), 3)
    return surf


def _dashed(surf: pygame.Surface, a: tuple[float, float], b: tuple[float, float], colour: Color,
            width: int, dash: int) -> None:
    length = max(1.0, ((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5)
    t = 0.0
    while t < length:
        t1 = min(length, t + dash)
        p0 = (a[0] + (b[0] - a[0]) * t / length, a[1] + (b[1] - a[1]) * t / length)
        p1 = (a[0] + (b[0] - a[0]) * t1 / length, a[1] + (b[1] - a[1]) * t1 / length)
        pygame.draw.line(surf, colour, p0, p1, width)
        t += 2 * dash
