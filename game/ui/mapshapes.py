"""Mali's geography as the game draws it: shapes loaded from ``assets/map/mali.json`` and fitted
to a rectangle.

The file is built offline by ``tools/build_map.py`` from Natural Earth (public domain) and GeoNames
(CC BY 4.0); its sources, licences and approximations are in ``assets/map/README.md``. Its shapes
are already projected (equirectangular, x scaled by cos 17.5°, units of degrees of latitude, y to
the north), so fitting them is a scale and an offset that keep the proportions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from game import resources

Point = tuple[float, float]
Ring = list[Point]


@dataclass(frozen=True)
class Region:
    key: str
    polys: list[Ring]
    label: Point  # where its name reads best, inside it
    modelled: bool  # False for Kayes, Koulikoro, Sikasso: drawn neutral
    approximate: bool  # its border is derived, not surveyed (Ménaka)

    @property
    def area(self) -> float:
        """In square projected units (shoelace formula over its rings)."""
        return sum(abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(r, r[1:] + r[:1], strict=True))) / 2
                   for r in self.polys)


@dataclass(frozen=True)
class Town:
    key: str  # its name is the catalogues' place.<key>
    at: Point
    region: str
    rank: int  # 0 the capital, 1 a regional capital, 2 and 3 other places: lower is kept first


@dataclass(frozen=True)
class Country:
    key: str  # named ones: the catalogues' place.<key>; the others are only drawn
    named: bool
    polys: list[Ring]
    label: Point | None


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: the painter caches on it
class MapData:
    view: tuple[float, float, float, float]  # x0, y0, x1, y1: how far the shapes go
    outline: list[Ring]
    regions: dict[str, Region]
    countries: dict[str, Country]
    rivers: list[Ring]
    lakes: list[Ring]
    delta: list[Ring]
    towns: dict[str, Town]

    def bounds(self) -> tuple[float, float, float, float]:
        """Mali's own extent (what a fit must show whole)."""
        xs = [p[0] for ring in self.outline for p in ring]
        ys = [p[1] for ring in self.outline for p in ring]
        return min(xs), min(ys), max(xs), max(ys)


def _ring(raw: Any) -> Ring:
    return [(float(x), float(y)) for x, y in raw]


def _pt(raw: Any) -> Point:
    return float(raw[0]), float(raw[1])


def parse(data: dict[str, Any]) -> MapData:
    regions = {k: Region(k, [_ring(p) for p in r["polys"]], _pt(r["label"]), bool(r["modelled"]),
                         bool(r.get("approximate", False))) for k, r in data["regions"].items()}
    countries = {c.get("key", k): Country(c.get("key", k), "key" in c, [_ring(p) for p in c["polys"]],
                                          _pt(c["label"]) if "label" in c else None)
                 for k, c in data["neighbours"].items()}
    towns = {k: Town(k, _pt(t["at"]), t["region"], int(t["rank"])) for k, t in data["towns"].items()}
    x0, y0, x1, y1 = (float(v) for v in data["view"])
    return MapData((x0, y0, x1, y1), [_ring(p) for p in data["outline"]], regions, countries,
                   [_ring(r) for r in data["rivers"]], [_ring(r) for r in data["lakes"]],
                   [_ring(r) for r in data["delta"]], towns)


@lru_cache(maxsize=1)
def load() -> MapData:
    """The bundled map (read once; nothing is fetched)."""
    path = resources.assets_root() / "map" / "mali.json"
    return parse(json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Fit:
    """Projected units to pixels: Mali whole and centred in a rectangle, proportions kept."""

    scale: float
    ox: float
    oy: float

    @classmethod
    def into(cls, data: MapData, x: int, y: int, w: int, h: int, margin: float = 0.04) -> Fit:
        bx0, by0, bx1, by1 = data.bounds()
        mw, mh = (bx1 - bx0) * (1 + 2 * margin), (by1 - by0) * (1 + 2 * margin)
        s = min(w / mw, h / mh)
        cx, cy = (bx0 + bx1) / 2, (by0 + by1) / 2
        return cls(s, x + w / 2 - cx * s, y + h / 2 + cy * s)

    def pt(self, p: Point) -> tuple[float, float]:
        return self.ox + p[0] * self.scale, self.oy - p[1] * self.scale

    def ring(self, ring: Ring) -> list[tuple[float, float]]:
        return [(self.ox + x * self.scale, self.oy - y * self.scale) for x, y in ring]


def inside(p: Point, ring: Ring) -> bool:
    """Whether ``p`` lies inside ``ring`` (even-odd rule)."""
    x, y = p
    hit = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit
