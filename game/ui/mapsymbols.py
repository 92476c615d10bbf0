"""The map's small drawings: a screen's numbered mark, the markers' shapes, the arrows of change.

Their shapes alone tell them apart (a diamond, a ring, a triangle), their colours help."""

from __future__ import annotations

import pygame

from game.ui.frame import Frame
from game.ui.layout import Rect


def draw_mark(f: Frame, box: Rect, text: str) -> None:
    """A screen's mark: its text (a number) in a disc ringed twice, so it reads on any fill."""
    pygame.draw.circle(f.s, f.pal.panel, box.center, min(box.w, box.h) // 2)
    pygame.draw.circle(f.s, f.pal.heading, box.center, min(box.w, box.h) // 2 - 2)
    f.text(box, text, "bold", f.pal.panel, align="center", valign="middle")


def draw_symbol(surf: pygame.Surface, kind: str, centre: tuple[int, int], size: int, f: Frame) -> None:
    """The markers' shapes (their colours help; their shapes alone tell them apart)."""
    cx, cy = centre
    h = size // 2
    if kind == "french":  # a diamond
        pts = [(cx, cy - h), (cx + h, cy), (cx, cy + h), (cx - h, cy)]
        pygame.draw.polygon(surf, f.pal.text, pts)
    elif kind == "regional":  # a ring
        pygame.draw.circle(surf, f.pal.allied, centre, h)
        pygame.draw.circle(surf, f.pal.panel, centre, max(1, h // 2))
    else:  # an armed group: a triangle
        pts = [(cx, cy - h), (cx + h, cy + h), (cx - h, cy + h)]
        pygame.draw.polygon(surf, f.pal.hostile, pts)


def draw_arrow(surf: pygame.Surface, centre: tuple[int, int], size: int, up: bool, colour: tuple[int, int, int]) -> None:
    cx, cy = centre
    h = max(4, size // 2 + 2)
    tip = cy - h if up else cy + h
    base = cy + h if up else cy - h
    pygame.draw.polygon(surf, colour, [(cx, tip), (cx + h, cy), (cx - h, cy)])
    pygame.draw.line(surf, colour, (cx, cy), (cx, base), max(2, h // 2))
