"""The briefing's map of Mali, drawn from the game's state.

Each modelled region carries a plate: its name and violence (a "why?" number), with an arrow when
violence moved since the last renewal; a strip touching it marks who is there: the mission's
presence (a number), the French force and a regional force where they hunt the jihadists, and one
triangle per armed group whose footprint times strength is felt there. Towns are dots with names;
neighbours are named. The labels go through ``game.ui.mapplace``: none covers another, nor a
town's dot, and what does not fit is left out. The still layer is ``game.ui.mappaint``'s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import pygame

from game import i18n
from game.engine.world import EXTREMISTS, REGIONS, SIGNATORIES, SPOILERS
from game.ui import mappaint
from game.ui.frame import Frame
from game.ui.layout import Rect
from game.ui.mapplace import Label, Placer
from game.ui.mapshapes import Fit, inside, load
from game.ui.mapsymbols import draw_arrow, draw_mark, draw_symbol
from game.ui.motion import Tick
from game.ui.strings import short, t
from game.ui.text import Fonts, render

if TYPE_CHECKING:
    from game.engine.game import Game

ARMED_GROUPS = tuple(a for a in SIGNATORIES + SPOILERS if a != "government")  # not the state's army
GROUP_FELT = 10  # footprint % x strength / 100 from which a group shows in a region
FORCE_FELT = 15  # the same, summed over the extremists, from which an outside force hunts there
CHANGE_SHOWN = 3  # violence points since the last renewal from which an arrow shows
MAX_TRIANGLES = 3


@dataclass(frozen=True)
class RegionState:
    key: str
    violence: int
    mission: int
    groups: tuple[str, ...]  # armed groups felt there, strongest first
    french: bool
    regional: bool
    change: int  # violence since the last renewal (0 before the first)


def region_states(game: Game) -> dict[str, RegionState]:
    """What the map shows of each region, from the values, the footprint and the levers."""
    v = game.values
    footprint: Mapping[str, Mapping[str, int]] = game.scenario.footprint
    levers = game.levers_for(game.in_force, game.in_force_softened)[0]
    parallel = levers.get("parallel_force", 0) > 0
    regional = max(levers.get("regional_force", 0), levers.get("g5_support", 0)) > 0
    changes = changes_since_renewal(game)
    out = {}
    for r in REGIONS:
        felt = {a: footprint.get(a, {}).get(r, 0) * v.get(f"strength.{a}", 0) // 100 for a in ARMED_GROUPS}
        groups = tuple(sorted((a for a, n in felt.items() if n >= GROUP_FELT), key=lambda a: -felt[a]))
        hunted = sum(footprint.get(a, {}).get(r, 0) * v.get(f"strength.{a}", 0) // 100 for a in EXTREMISTS)
        out[r] = RegionState(r, v[f"violence.{r}"], v[f"mission_presence.{r}"], groups,
                             parallel and hunted >= FORCE_FELT, regional and hunted >= FORCE_FELT,
                             changes.get(r, 0))
    return out


_CHANGES: dict[tuple[object, ...], dict[str, int]] = {}


def changes_since_renewal(game: Game) -> dict[str, int]:
    """Each region's violence change since the last vote (from the ledger: what moved it)."""
    if not game.votes:
        return {}
    v = game.values
    key = (id(game), game.quarter, len(game.votes), tuple(v[f"violence.{r}"] for r in REGIONS))
    if key not in _CHANGES:  # the ledger is read once per state, not once per frame
        _CHANGES.clear()
        quarters = list(range(game.votes[-1].quarter, game.quarter + 1))
        _CHANGES[key] = {r: sum(c.change for c in game.why(f"violence.{r}", quarters)) for r in REGIONS}
    return _CHANGES[key]


def place_name(key: str, lang: str) -> str:
    """A town's or a country's name (the catalogues' ``place.<key>``: Tombouctou, Algérie)."""
    return i18n.text(f"place.{key}", lang)


@dataclass(frozen=True)
class Plate:
    region: str
    name: str  # empty when the plate had room for its number alone
    number: str
    w: int
    h: int
    name_w: int
    num_w: int


def _plate(f: Frame, s: RegionState, lang: str, level: int) -> Plate:
    """A region's plate: its name and number (level 1), or its number alone (2)."""
    name = short(s.key, lang) if level < 2 else ""
    num = str(s.violence)
    lh = f.line_h("bold")
    name_w, num_w = f.text_w(name + " ") if name else 0, max(f.text_w(num, "bold"), f.text_w(str(s.violence - s.change), "bold"))  # the number it ticks from too
    arrow = lh // 2 + 4 if abs(s.change) >= CHANGE_SHOWN else 0
    return Plate(s.key, name, num, name_w + num_w + arrow + f.pad, lh + 4, name_w, num_w)


def un_label(s: RegionState, lang: str) -> str:
    """The mission's chip: its presence alone (the legend says the blue chip is the UN)."""
    return str(s.mission)


def markers_w(f: Frame, s: RegionState, lang: str) -> int:
    sym = f.line_h() - 8
    w = f.text_w(un_label(s, lang)) + f.pad if s.mission >= 10 else 0
    n = int(s.french) + int(s.regional) + min(MAX_TRIANGLES, len(s.groups))
    return w + n * (sym + 3) if w or n else 0


@dataclass
class Layout:
    dots: dict[str, tuple[float, float]]  # the towns drawn
    dot_r: int
    plates: dict[str, Plate]
    boxes: dict[str, tuple[int, int, int, int]]  # every label placed: region keys, town:…, country:…


_LAYOUTS: dict[tuple[object, ...], Layout] = {}  # the last few layouts: a still screen reuses its own


Mark = tuple[str, str]  # (region, its short text: "1") — a screen's own marks on the map

def cached_layout(f: Frame, r: Rect, fit: Fit, states: Mapping[str, RegionState], lang: str,
                  marks: Sequence[Mark] = ()) -> Layout:
    key = (tuple(r), f.fonts.body, lang, fit, tuple(states.items()), tuple(marks))
    lay = _LAYOUTS.get(key)
    if lay is None:
        if len(_LAYOUTS) >= 8:
            _LAYOUTS.pop(next(iter(_LAYOUTS)))
        lay = _LAYOUTS[key] = layout(f, r, fit, states, lang, marks)
    return lay


def layout(f: Frame, r: Rect, fit: Fit, states: Mapping[str, RegionState], lang: str,
           marks: Sequence[Mark] = ()) -> Layout:
    """Where every label goes. The order is the priority: the screen's marks (``mark:<i>``, each on
    its region's anchor, or as near as room allows), Bamako's plate (a point has the fewest
    spots around it), the regions' plates near their anchors, the main towns' names, the plates
    that found no room yet (smaller, further), the other towns where room is left, the markers
    beside their plates, the neighbours."""
    data = load()
    placer = Placer((r.x + 2, r.y + 2, r.w - 4, r.h - 4))
    # the smaller towns only where the map is big enough for their names beside the main ones
    roomy = fit.scale >= f.line_h() * 4 // 5
    dots = {k: fit.pt(t.at) for k, t in data.towns.items() if t.rank <= 1 or roomy}
    dot_r = max(3, f.line_h() // 6)
    # the main towns' dots are kept clear; the smaller towns come last, where room is left
    placer.points += [(x, y, dot_r + 2) for k, (x, y) in dots.items() if data.towns[k].rank <= 1]
    for i, (region, text) in enumerate(marks):
        side = max(f.line_h("bold") * 5 // 4, f.text_w(text, "bold") + f.pad)
        at = dots["bamako"] if region == "bamako" else fit.pt(data.regions[region].label)
        placer.place(Label(f"mark:{i}", at, side, side, centred=True, rings=4))
    plates: dict[str, Plate] = {}
    _place_plate(f, placer, plates, states["bamako"], dots["bamako"], dot_r, lang)
    towns = sorted((t for t in data.towns.values() if t.key in dots and t.key != "bamako"),
                   key=lambda t: (t.rank, t.key))  # Bamako is named by its plate
    lh = f.line_h()
    by_size = sorted((k for k in REGIONS if k != "bamako"), key=lambda k: data.regions[k].area)
    for tries in (PLATE_TRIES[:1], None, PLATE_TRIES[1:]):
        if tries is None:  # between the plates near their anchors and the smaller ones: the main towns
            for t in towns:
                if t.rank <= 1:
                    placer.place(Label(f"town:{t.key}", dots[t.key], f.text_w(place_name(t.key, lang)) + 4, lh,
                                       gap=dot_r + 2))
            continue
        for k in by_size:  # the smallest regions have the least room: first
            if k not in plates:
                _place_plate(f, placer, plates, states[k], fit.pt(data.regions[k].label), 0, lang, tries)
    for t in towns:
        if t.rank > 1 and not _place_minor_town(placer, t.key, dots[t.key], f.text_w(place_name(t.key, lang)) + 4,
                                                lh, dot_r):
            del dots[t.key]  # no room for its name, or a label covers its spot: left out, dot and all
    for k in sorted(plates, key=lambda k: data.regions[k].area):
        _place_markers(f, placer, k, states[k], lang)
    for c in data.countries.values():
        if c.label is None or not c.named:
            continue
        # at its spot, slid inside the map if need be, and never over Mali: else left out
        w = f.text_w(place_name(c.key, lang)) + 4
        cx, cy = fit.pt(c.label)
        box = placer.clamp((int(cx - w / 2), int(cy - lh / 2), w, lh))
        centre = ((box[0] + w / 2 - fit.ox) / fit.scale, (fit.oy - box[1] - lh / 2) / fit.scale)
        if placer.fits(box) and not any(inside(centre, ring) for ring in data.outline):
            placer.take(f"country:{c.key}", box)
    return Layout(dots, dot_r, plates, dict(placer.placed))


def _place_markers(f: Frame, placer: Placer, k: str, s: RegionState, lang: str) -> None:
    """A region's markers in a strip touching its plate: beneath it, above, then to either side."""
    w = markers_w(f, s, lang)
    if not w:
        return
    w += f.pad
    h = f.line_h() + 4
    px, py, pw, ph = placer.placed[k]
    cx = px + pw // 2 - w // 2
    below, above, mid = py + ph, py - h, py + (ph - h) // 2
    for box in ((cx, below, w, h), (cx, above, w, h), (px + pw, mid, w, h), (px - w, mid, w, h),
                (px, below, w, h), (px + pw - w, below, w, h), (px, above, w, h), (px + pw - w, above, w, h)):
        if placer.fits(box):
            placer.take(f"markers:{k}", box)
            return


def _place_minor_town(placer: Placer, key: str, at: tuple[float, float], w: int, h: int, dot_r: int) -> bool:
    x, y = at
    if not placer.fits((int(x - dot_r - 2), int(y - dot_r - 2), 2 * dot_r + 4, 2 * dot_r + 4)):
        return False
    placer.points.append((x, y, dot_r + 2))
    if placer.place(Label(f"town:{key}", at, w, h, gap=dot_r + 2)) is None:
        placer.points.pop()
        return False
    return True


PLATE_TRIES = ((1, 3), (2, 3), (2, 6))  # (plate level, rings around the anchor), in turn


def _place_plate(f: Frame, placer: Placer, plates: dict[str, Plate], s: RegionState,
                 anchor: tuple[float, float], dot_r: int, lang: str,
                 tries: tuple[tuple[int, int], ...] = PLATE_TRIES) -> None:
    """A region's plate near its anchor, whole, then smaller; only then further out, number alone.
    Beside a point (``dot_r``: Bamako, a dot at this scale) rather than over it."""
    for level, rings in tries:
        p = _plate(f, s, lang, level)
        label = (Label(s.key, anchor, p.w, p.h, gap=dot_r + 4) if dot_r
                 else Label(s.key, anchor, p.w, p.h, centred=True, rings=rings))
        if placer.place(label) is not None:
            plates[s.key] = p
            return


def map_frame(f: Frame) -> Frame:
    """A frame for the map's labels: their text a fifth smaller than the body's (never under 18 px,
    nor over the body), since a map holds many names. What it records goes back to ``f``."""
    px = max(min(f.fonts.body, 18), round(f.fonts.body * 0.82))
    sub = Frame(f.s, f.pal, Fonts(px), f.lang, focus=f.focus, mouse=f.mouse, on_why=f.on_why)
    sub.scroll = f.scroll
    return sub


def draw_map(f: Frame, r: Rect, game: Game, lang: str,
             marks: Sequence[Mark] = (), tick: Tick | None = None) -> dict[str, tuple[int, int, int, int]]:
    """Draw the map into ``r``, ``marks`` (a screen's own: numbered events) first, at their regions,
    ``tick`` its numbers as they count from the last renewal; return the labels' boxes (for the tests)."""
    outer, f = f, map_frame(f)
    try:
        return _draw_map(f, r, game, lang, marks, tick)
    finally:
        outer.texts += f.texts
        outer.truncated += f.truncated
        for control in f.controls:
            outer.register(control)


def _draw_map(f: Frame, r: Rect, game: Game, lang: str, marks: Sequence[Mark], tick: Tick | None) -> dict[str, tuple[int, int, int, int]]:
    data = load()
    whole = r
    fit = Fit.into(data, r.x, r.y, r.w, r.h)
    states = region_states(game)
    lay = cached_layout(f, r, fit, states, lang, marks)
    note = left_out_note(f, lay, states, lang)
    for _ in range(3):  # room beneath the map for the line that names what it leaves out
        if not note or whole.h - r.h - 4 >= f.text_h(note, whole.w):
            break
        if f.text_h(note, whole.w) > whole.h // 4:
            # a small map (the quarter's summary) that would leave out most plates shows none,
            # only its own marks: numbers without their names told a class nothing
            r, note = whole, ""
            fit = Fit.into(data, r.x, r.y, r.w, r.h)
            lay = cached_layout(f, r, fit, states, lang, marks)
            lay = Layout(lay.dots, lay.dot_r, {}, {k: box for k, box in lay.boxes.items()
                                                   if k not in states and not k.startswith("markers:")})
            break
        r = Rect(r.x, r.y, r.w, max(1, whole.h - f.text_h(note, whole.w) - 4))
        fit = Fit.into(data, r.x, r.y, r.w, r.h)
        lay = cached_layout(f, r, fit, states, lang, marks)
        note = left_out_note(f, lay, states, lang)
    bins = tuple((k, mappaint.violence_bin(s.violence)) for k, s in states.items())
    clip = f.s.get_clip()
    f.s.set_clip(whole)
    f.s.blit(mappaint.paint(data, fit, r.size, r.topleft, f.pal, bins), r.topleft)
    for k in lay.plates:  # a plate slid off its anchor points back to it
        box = lay.boxes[k]
        anchor = fit.pt(data.regions[k].label)
        if k != "bamako" and not Rect(box).collidepoint(anchor):
            pygame.draw.line(f.s, f.pal.map_line, anchor, Rect(box).center, 2)
            pygame.draw.circle(f.s, f.pal.map_line, anchor, 3)
    for k, (x, y) in lay.dots.items():
        rad = lay.dot_r + (1 if data.towns[k].rank <= 1 else 0)
        if k == "bamako":  # the district: a disc in its violence colour around the city
            pygame.draw.circle(f.s, f.pal.violence[mappaint.violence_bin(states[k].violence)], (x, y), rad + 3)
            pygame.draw.circle(f.s, f.pal.map_line, (x, y), rad + 3, 2)
        pygame.draw.circle(f.s, f.pal.panel, (x, y), rad + 1)
        pygame.draw.circle(f.s, f.pal.text, (x, y), rad)
    font = f.fonts.get("body")
    for key, box in lay.boxes.items():
        if key.startswith("town:"):
            _halo_text(f, box, place_name(key[5:], lang), f.pal.text, font)
        elif key.startswith("country:"):
            _halo_text(f, box, place_name(key[8:], lang), f.pal.muted, font)
    for k, p in lay.plates.items():
        _draw_plate(f, Rect(lay.boxes[k]), p, states[k], lang, tick)
        if f"markers:{k}" in lay.boxes:
            strip = Rect(lay.boxes[f"markers:{k}"])
            f.fill(strip, f.pal.panel, 4, f.pal.map_line)
            _draw_markers(f, Rect(strip.x, strip.y + 2, strip.w, strip.h - 4), states[k], lang)
    for i, (_region, text) in enumerate(marks):
        if f"mark:{i}" in lay.boxes:
            draw_mark(f, Rect(lay.boxes[f"mark:{i}"]), text)
    if note:
        f.text(Rect(whole.x, r.bottom + 4, whole.w, whole.bottom - r.bottom - 4), note, "body", f.pal.muted)
    f.s.set_clip(clip)
    return lay.boxes


def left_out_note(f: Frame, lay: Layout, states: Mapping[str, RegionState], lang: str) -> str:
    """The line beneath the map that names the regions whose plate, name or markers found no room
    ("" if none): a missing blue chip read as "no UN in Kidal" when the mission stood there at 75."""
    left_out = [k for k, s in states.items() if k not in lay.plates or not lay.plates[k].name
                or (markers_w(f, s, lang) and f"markers:{k}" not in lay.boxes)]
    return t("map_left_out", lang, names=", ".join(place_name(k, lang) for k in left_out)) if left_out else ""


def _halo_text(f: Frame, box: tuple[int, int, int, int], text: str, colour: tuple[int, int, int],
               font: pygame.font.Font) -> None:
    """A name straight on the map, ringed with the panel's colour so it reads over any fill."""
    x, y = box[0] + 2, box[1]
    f.s.blit(_halo(font, f.fonts.spec["body"], text, f.pal.panel), (x - 2, y - 2))
    f.text(Rect(x, y, box[2] - 2, box[3]), text, "body", colour, box=Rect(box))


@lru_cache(maxsize=64)
def _halo(font: pygame.font.Font, key: tuple[int, bool], text: str, colour: tuple[int, int, int]) -> pygame.Surface:
    """The ring drawn under a name: the text in ``colour``, shifted two pixels every way."""
    ink = render(font, text, colour, key)
    out = pygame.Surface((ink.get_width() + 4, ink.get_height() + 4), pygame.SRCALPHA)
    for dx, dy in ((0, 2), (4, 2), (2, 0), (2, 4), (1, 1), (3, 3), (1, 3), (3, 1)):
        out.blit(ink, (dx, dy))
    return out


def _draw_plate(f: Frame, box: Rect, p: Plate, s: RegionState, lang: str, tick: Tick | None = None) -> None:
    pal = f.pal
    lb = f.line_h("bold")
    f.fill(box, pal.panel, 4, pal.map_line)
    head = Rect(box.x, box.y, box.w, lb + 4)
    arrow = lb // 2 + 4 if abs(s.change) >= CHANGE_SHOWN else 0
    x0 = head.x + (box.w - p.name_w - p.num_w - arrow) // 2
    if p.name:
        f.text(Rect(x0, head.y + 2, p.name_w, lb), p.name, "body", pal.text, box=head)
    number = p.number if tick is None else str(tick(s.violence - s.change, s.violence))  # counting, on the briefing
    f.why_number(f"map:violence:{s.key}", Rect(x0 + p.name_w, head.y + 2, p.num_w + 2, lb), number, f"violence.{s.key}", align="left")
    if arrow:
        draw_arrow(f.s, (x0 + p.name_w + p.num_w + 4 + arrow // 2, head.centery), lb // 2, s.change > 0,
                   pal.no if s.change > 0 else pal.yes)


def _draw_markers(f: Frame, box: Rect, s: RegionState, lang: str) -> None:
    """Who is there, in a row centred in ``box``: the mission's presence, the outside forces and
    the armed groups."""
    pal = f.pal
    row_y = box.y
    lh = f.line_h()
    sym = lh - 8
    x = box.x + (box.w - markers_w(f, s, lang)) // 2
    if s.mission >= 10:
        un = un_label(s, lang)
        ur = Rect(x, row_y, f.text_w(un) + f.pad, lh)
        f.fill(ur, pal.primary, 4)
        f.text(ur, un, "body", pal.primary_text, align="center")
        x = ur.right + 3
    cy = row_y + lh // 2
    if s.french:
        draw_symbol(f.s, "french", (x + sym // 2, cy), sym, f)
        x += sym + 3
    if s.regional:
        draw_symbol(f.s, "regional", (x + sym // 2, cy), sym, f)
        x += sym + 3
    for _g in s.groups[:MAX_TRIANGLES]:
        draw_symbol(f.s, "armed", (x + sym // 2, cy), sym, f)
        x += sym + 3
