"""Rects from the window size: insets, columns, rows, and slices taken off a rect's edges.

Pure geometry on ``pygame.Rect``; nothing here draws. Views lay themselves out with these.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

Rect = pygame.Rect


def inset(r: Rect, dx: int, dy: int | None = None) -> Rect:
    dy = dx if dy is None else dy
    return Rect(r.x + dx, r.y + dy, max(0, r.w - 2 * dx), max(0, r.h - 2 * dy))


def columns(r: Rect, weights: Sequence[float], gap: int) -> list[Rect]:
    """Split ``r`` left to right in proportion to ``weights``."""
    total = sum(weights)
    free = r.w - gap * (len(weights) - 1)
    out, x = [], r.x
    for i, w in enumerate(weights):
        width = free - (x - r.x - gap * i) if i == len(weights) - 1 else int(free * w / total)
        out.append(Rect(x, r.y, width, r.h))
        x += width + gap
    return out


def rows(r: Rect, heights: Sequence[int | None], gap: int) -> list[Rect]:
    """Split ``r`` top to bottom: fixed heights, and ``None`` rows sharing what is left."""
    fixed = sum(h for h in heights if h is not None) + gap * (len(heights) - 1)
    flex = [h for h in heights if h is None]
    share = max(0, r.h - fixed) // len(flex) if flex else 0
    out, y = [], r.y
    for h in heights:
        hh = share if h is None else h
        out.append(Rect(r.x, y, r.w, hh))
        y += hh + gap
    return out


def take_top(r: Rect, h: int, gap: int = 0) -> tuple[Rect, Rect]:
    h = min(h, r.h)
    return Rect(r.x, r.y, r.w, h), Rect(r.x, r.y + h + gap, r.w, max(0, r.h - h - gap))


def take_bottom(r: Rect, h: int, gap: int = 0) -> tuple[Rect, Rect]:
    h = min(h, r.h)
    return Rect(r.x, r.bottom - h, r.w, h), Rect(r.x, r.y, r.w, max(0, r.h - h - gap))


def take_right(r: Rect, w: int, gap: int = 0) -> tuple[Rect, Rect]:
    w = min(w, r.w)
    return Rect(r.right - w, r.y, w, r.h), Rect(r.x, r.y, max(0, r.w - w - gap), r.h)

