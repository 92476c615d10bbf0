"""The map: its data loads, every game region has a shape, towns lie in Mali, the label placer
never lets two labels overlap, and the briefing draws the map with its labels apart."""

from __future__ import annotations

import json

import pytest
from ui_support import make_app, playable_tutorial, screens

from game import resources
from game.engine.world import REGIONS
from game.ui import mapplace, mapshapes
from game.ui.mapplace import Label, Placer, overlap

TOWNS = {"bamako", "segou", "mopti", "sevare", "timbuktu", "gao", "kidal", "menaka", "tessalit", "aguelhok",
         "anefis", "ber", "lere", "boni"}
NEIGHBOURS = {"algeria", "niger", "burkina_faso", "mauritania", "senegal", "guinea", "cote_divoire"}


def area(ring: mapshapes.Ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def test_the_map_data_loads_with_its_licence_beside_it() -> None:
    data = mapshapes.load()
    folder = resources.assets_root() / "map"
    assert (folder / "README.md").is_file()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "Natural Earth" in readme and "GeoNames" in readme and "CC BY 4.0" in readme
    assert data.outline and data.rivers and data.delta
    assert (folder / "mali.json").stat().st_size < 100_000  # simplified: the raw data does not ship


def test_every_game_region_has_a_polygon_inside_mali() -> None:
    data = mapshapes.load()
    for region in REGIONS:
        shape = data.regions[region]
        assert shape.modelled and shape.polys, region
        assert area(shape.polys[0]) > 0
        assert any(mapshapes.inside(shape.label, ring) for ring in shape.polys), region
    # the regions and the south-west the game does not model tile Mali: their areas add up to its own
    total = sum(area(p) for r in data.regions.values() for p in r.polys)
    assert total == pytest.approx(sum(area(p) for p in data.outline), rel=0.01)
    assert data.regions["menaka"].approximate  # a derived border, dashed on the map


def test_towns_fall_inside_mali_and_in_their_region() -> None:
    data = mapshapes.load()
    assert set(data.towns) == TOWNS
    for key, town in data.towns.items():
        assert any(mapshapes.inside(town.at, ring) for ring in data.outline), key
        assert any(mapshapes.inside(town.at, ring) for ring in data.regions[town.region].polys), key
    assert data.towns["kidal"].region == "kidal" and data.towns["menaka"].region == "menaka"
    assert data.towns["timbuktu"].region == "timbuktu" and data.towns["boni"].region == "mopti"


def test_the_seven_neighbours_are_named_and_placed_outside_mali() -> None:
    data = mapshapes.load()
    named = {k for k, c in data.countries.items() if c.named}
    assert named == NEIGHBOURS
    for key in named:
        label = data.countries[key].label
        assert label is not None and not any(mapshapes.inside(label, r) for r in data.outline), key


def test_the_projection_keeps_proportions_and_north_up() -> None:
    data = mapshapes.load()
    raw = json.loads((resources.assets_root() / "map" / "mali.json").read_text(encoding="utf-8"))
    assert raw["projection"]["kind"] == "equirectangular" and 10 < raw["projection"]["lat0"] < 25
    for w, h in ((400, 400), (800, 300), (300, 700)):
        fit = mapshapes.Fit.into(data, 0, 0, w, h)
        x0, y0, x1, y1 = data.bounds()
        (px0, py0), (px1, py1) = fit.pt((x0, y0)), fit.pt((x1, y1))
        assert 0 <= px0 < px1 <= w and 0 <= py1 < py0 <= h  # Mali whole, the north at the top
        assert (px1 - px0) / (py0 - py1) == pytest.approx((x1 - x0) / (y1 - y0))


def test_the_placer_never_overlaps_and_drops_what_does_not_fit() -> None:
    placer = Placer((0, 0, 300, 60))
    dots = [(20.0 + 30 * i, 30.0) for i in range(9)]  # a crowded row: not all can be named
    placer.points += [(x, y, 4) for x, y in dots]
    boxes = [placer.place(Label(f"l{i}", d, 70, 20)) for i, d in enumerate(dots)]
    placed = [b for b in boxes if b is not None]
    assert 3 <= len(placed) < len(dots)  # what finds no room is left out, not drawn over
    for i, a in enumerate(placed):
        assert not any(overlap(a, b) for b in placed[i + 1:])
        assert 0 <= a[0] and a[0] + a[2] <= 300 and 0 <= a[1] and a[1] + a[3] <= 60
        assert not any(mapplace._circle_hits(a, x, y, 4) for x, y in dots)  # no label covers a dot
    assert boxes[0] is not None and boxes[0][0] > dots[0][0]  # the first choice: right of its point


def test_a_region_label_is_slid_inside_the_map_rather_than_sent_away() -> None:
    placer = Placer((0, 0, 300, 200))
    box = placer.place(Label("r", (295, 100), 80, 30, centred=True))
    assert box is not None and box[0] + box[2] == 300 and box[1] <= 100 <= box[1] + box[3]


@pytest.mark.parametrize("size,step,lang", [("1280x720", 0, "en"), ("1024x600", 3, "fr"), ("1280x720", 3, "fr")])
def test_the_briefing_map_places_its_labels_apart(tmp_path, size, step, lang) -> None:
    from game.ui import mapdraw

    folder = playable_tutorial(tmp_path)
    app = make_app(tmp_path / "data", size, lang, step)
    seen: list[dict[str, tuple[int, int, int, int]]] = []
    real = mapdraw.draw_map

    def spy(*args, **kw):  # type: ignore[no-untyped-def]
        boxes = real(*args, **kw)
        seen.append(boxes)
        return boxes

    mapdraw.draw_map = spy
    try:
        for name in screens(app, folder):
            if name == "briefing-map":
                app.draw()
                break
    finally:
        mapdraw.draw_map = real
    boxes = seen[-1]
    assert set(REGIONS) <= set(boxes)  # every region's plate, with its violence number
    items = list(boxes.values())
    for i, a in enumerate(items):
        assert not any(overlap(a, b) for b in items[i + 1:])
    main = {f"town:{t}" for t in ("gao", "kidal", "mopti", "segou", "menaka", "timbuktu")}
    assert len(main & set(boxes)) >= (4 if step == 0 else 3)  # most main towns named, even at the largest text
    if step == 0:
        assert len([k for k in boxes if k.startswith("country:")]) >= 4
        assert any(k.startswith("markers:") for k in boxes)
