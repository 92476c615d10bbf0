"""Mali's seven modelled regions as simple polygons (longitude, latitude), drawn by the game.

A schematic, not a survey: borders are simplified to a few points so that the shapes read at a
glance. The south-west (Kayes, Koulikoro, Sikasso) is not modelled and is drawn neutral; Bamako is
the capital district, drawn small.
"""

from __future__ import annotations

Point = tuple[float, float]

# Mali's outline, clockwise from the north-west.
OUTLINE: list[Point] = [
    (-6.0, 21.3), (-4.8, 25.0), (1.2, 21.1), (4.25, 19.15), (4.2, 16.4), (3.5, 15.4), (1.3, 15.3),
    (0.2, 14.9), (-0.5, 15.1), (-1.9, 14.6), (-2.9, 13.6), (-3.9, 13.4), (-4.4, 12.6), (-5.3, 11.8),
    (-5.5, 10.4), (-6.2, 10.2), (-7.9, 10.3), (-8.4, 11.4), (-9.3, 12.4), (-11.4, 12.4), (-12.2, 14.7),
    (-11.4, 15.6), (-10.7, 15.1), (-9.4, 15.4), (-5.5, 15.5), (-5.5, 16.4),
]

REGION_SHAPES: dict[str, list[Point]] = {
    "timbuktu": [(-6.0, 21.3), (-4.8, 25.0), (0.0, 21.9), (0.0, 18.0), (-1.2, 18.0), (-1.2, 15.3),
                 (-2.4, 15.1), (-4.2, 15.2), (-5.0, 15.45), (-5.5, 15.5), (-5.5, 16.4)],
    "kidal": [(0.0, 21.9), (1.2, 21.1), (4.25, 19.15), (4.22, 17.6), (1.8, 17.3), (0.0, 18.0)],
    "gao": [(-1.2, 18.0), (0.0, 18.0), (1.8, 17.3), (1.8, 15.3), (1.3, 15.3), (0.2, 14.9), (-0.5, 15.1),
            (-1.2, 15.3)],
    "menaka": [(1.8, 17.3), (4.22, 17.6), (4.2, 16.4), (3.5, 15.4), (1.8, 15.3)],
    "mopti": [(-5.0, 15.45), (-4.2, 15.2), (-2.4, 15.1), (-1.2, 15.3), (-0.5, 15.1), (-1.9, 14.6),
              (-2.9, 13.6), (-3.9, 13.4), (-4.5, 13.8), (-5.0, 14.3)],
    "segou": [(-7.2, 15.45), (-5.5, 15.5), (-5.0, 15.45), (-5.0, 14.3), (-4.5, 13.8), (-4.4, 12.9),
              (-5.4, 12.6), (-6.6, 12.8), (-7.2, 13.6)],
    "bamako": [(-8.35, 12.95), (-7.65, 12.95), (-7.65, 12.35), (-8.35, 12.35)],
}

# Where each region's label goes (inside the shape, or beside a small one).
ANCHORS: dict[str, Point] = {
    "timbuktu": (-3.2, 19.3),
    "kidal": (2.1, 19.4),
    "gao": (0.3, 16.4),
    "menaka": (3.0, 16.5),
    "mopti": (-3.0, 14.5),
    "segou": (-5.9, 14.1),
    "bamako": (-9.9, 11.6),
}

LON_MIN, LON_MAX = -12.4, 4.5
LAT_MIN, LAT_MAX = 10.0, 25.2


def projector(x: int, y: int, w: int, h: int) -> tuple[float, float, float, float]:
    """Scale and offsets fitting the map into (x, y, w, h), keeping its proportions."""
    sx = w / (LON_MAX - LON_MIN)
    sy = h / (LAT_MAX - LAT_MIN)
    s = min(sx, sy)
    ox = x + (w - s * (LON_MAX - LON_MIN)) / 2
    oy = y + (h - s * (LAT_MAX - LAT_MIN)) / 2
    return s, ox, oy, s * (LAT_MAX - LAT_MIN)


def project(p: Point, proj: tuple[float, float, float, float]) -> tuple[float, float]:
    s, ox, oy, hh = proj
    lon, lat = p
    return ox + (lon - LON_MIN) * s, oy + (LAT_MAX - lat) * s
