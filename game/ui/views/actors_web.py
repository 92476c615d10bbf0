"""The briefing's web of armed actors: six actors on a hexagon, signatories on the left and
spoilers on the right, sized by strength, tied by their relations (solid: allied, dashed:
hostile), with the ties that moved since the last vote highlighted. Every number opens "why?".

``draw_web`` draws it in parts: the legend, the nodes' places, the ties, the nodes, the ties' labels.
"""

from __future__ import annotations

import math

import pygame

from game.engine.game import Game
from game.engine.world import ARMED, RELATION_PAIRS, pair_key
from game.explain import number
from game.ui.frame import Frame
from game.ui.layout import Rect, columns, take_bottom, take_right
from game.ui.strings import short, t

ORDER = ("isgs", "jnim", "government", "cma", "platform", "traffickers")  # at 0°, 60°, 120°, …
ANGLES = {actor: 60 * k for k, actor in enumerate(ORDER)}
SIGNATORIES = ("government", "cma", "platform")
Point = tuple[float, float]


def changes_since(game: Game, quantity: str, since: int) -> int:
    return sum(c for q, name, c, _cause in game.meters.ledger if name == quantity and q >= since)


def moved_since_vote(game: Game, quantity: str) -> int:
    """How far ``quantity`` moved since the last renewal (0 before the first)."""
    return changes_since(game, quantity, game.votes[-1].quarter) if game.votes else 0


def relation_text(value: int, delta: int, sign: bool = True) -> str:
    """'−45 ▼5': a figure, and its move since the last vote when it is five or more (the web's
    labels and the list's numbers; ``sign``: '+' on a relation, none on a strength)."""
    text = number(value, sign=sign)
    return text + (f" {'▲' if delta > 0 else '▼'}{abs(delta)}" if abs(delta) >= 5 else "")


def draw_web(f: Frame, rect: Rect, game: Game, lang: str, pulse: float = 0.0) -> dict[str, Point]:
    """Draw the web in ``rect``; return the nodes' centres (the ends of the ties). The nodes stand
    where they stood last year whatever the values (their labels sized for every name an actor
    takes, before and after it was renamed); ``pulse`` (0 to 1) thickens the ties that moved."""
    area = draw_legend(f, rect, lang)
    since = game.votes[-1].quarter if game.votes else None
    names = [short(a, lang, d) for a in ARMED for d in (None, -10**6)]
    label_w = max(f.text_w(n, "bold") for n in names) + 2 * f.pad
    label_w = max(label_w, f.text_w(t("strength", lang, n=100)) + 2 * f.pad)
    label_h = f.line_h("bold") * 2 + 6
    pos = node_places(f, area, label_w, label_h)
    draw_ties(f, game, pos, since, pulse)
    boxes = draw_nodes(f, game, lang, pos, area, (label_w, label_h), stacked(f, area, label_w, label_h))
    draw_tie_labels(f, game, pos, area, since, boxes)
    return pos


def draw_legend(f: Frame, rect: Rect, lang: str) -> Rect:
    """The legend beside the web when the area is wide, else beneath it; returns the web's area."""
    pal = f.pal
    legend = [t("web_legend_pos", lang), t("web_legend_neg", lang), t("web_legend_size", lang),
              t("web_legend_change", lang)]
    sample_w = max(40, f.gap * 3)

    def sample(i: int, x: int, mid: int) -> None:
        if i == 0:
            pygame.draw.line(f.s, pal.allied, (x, mid), (x + sample_w - 8, mid), 5)
        else:
            f.dashed_line((x, mid), (x + sample_w - 8, mid), pal.hostile, 5, 7)

    if rect.w > 1.7 * rect.h:
        legend_r, area = take_right(rect, max(rect.w // 4, 11 * f.fonts.body), f.gap)
        y = legend_r.y
        for i, text in enumerate(legend):
            with_sample = i < 2
            tw = legend_r.w - (sample_w if with_sample else 0)
            h = f.text_h(text, tw)
            if with_sample:
                sample(i, legend_r.x, y + f.line_h() // 2)
            f.text(Rect(legend_r.right - tw, y, tw, h), text, "body", pal.text if with_sample else pal.muted)
            y += h + f.pad
        return area
    leg_cols = columns(Rect(rect.x, 0, rect.w, 0), [1, 1], f.gap)
    row1 = max(f.text_h(legend[0], leg_cols[0].w - sample_w - f.pad), f.text_h(legend[1], leg_cols[1].w - sample_w - f.pad))
    row2 = max(f.text_h(legend[2], leg_cols[0].w), f.text_h(legend[3], leg_cols[1].w))
    legend_r, area = take_bottom(rect, row1 + row2 + f.pad, f.pad)
    for i, col in enumerate(leg_cols):
        x, y = col.x, legend_r.y
        sample(i, x, y + f.line_h() // 2)
        f.text(Rect(x + sample_w, y, col.w - sample_w - f.pad, row1), legend[i], "body")
        f.text(Rect(col.x, y + row1, col.w, row2), legend[2 + i], "body", pal.muted)
    return area


def _radii(f: Frame, area: Rect, label_w: int, label_h: int, stack: bool) -> tuple[float, float]:
    if stack:
        rx = max(30.0, area.w / 2 - label_w * 3 / 4 - f.pad)
    else:
        rx = max(30.0, (area.w - 2 * label_w) / 2 - 2 * f.pad)
    ry = max(20.0, min(rx * 0.87, (area.h - 2 * label_h) / 2 - f.pad))
    return min(rx, ry / 0.87 * 1.6), ry


def stacked(f: Frame, area: Rect, label_w: int, label_h: int) -> bool:
    """True when the side actors' labels go above their nodes too, leaning outward: labels beside
    them would squeeze the hexagon (a narrow area: a small window, a large text, long names)."""
    return _radii(f, area, label_w, label_h, True)[0] > 1.2 * _radii(f, area, label_w, label_h, False)[0]


def node_places(f: Frame, area: Rect, label_w: int, label_h: int) -> dict[str, Point]:
    """A hexagon, flat side up, or a flattened one when the area is wide and short."""
    cx, cy = area.centerx, area.centery
    rx, ry = _radii(f, area, label_w, label_h, stacked(f, area, label_w, label_h))
    return {actor: (cx + rx * math.cos(math.radians(a)), cy - ry * math.sin(math.radians(a)) / 0.866)
            for actor, a in ANGLES.items()}


def draw_ties(f: Frame, game: Game, pos: dict[str, Point], since: int | None, pulse: float = 0.0) -> None:
    """The relations, weakest first so that strong ties are drawn on top."""
    pal, v = f.pal, game.values
    for a, b in sorted(RELATION_PAIRS, key=lambda p: abs(v[pair_key(*p)])):
        val = v[pair_key(a, b)]
        width = 1 + abs(val) * 9 // 100
        p0, p1 = pos[a], pos[b]
        if since is not None and abs(changes_since(game, pair_key(a, b), since)) >= 10:
            pygame.draw.line(f.s, pal.focus if pal.name.startswith("high") else pal.accent, p0, p1,
                             width + 5 + round(8 * pulse))
        if val >= 10:
            pygame.draw.line(f.s, pal.allied, p0, p1, width)
        elif val <= -10:
            f.dashed_line(p0, p1, pal.hostile, width, 10)
        else:
            f.dashed_line(p0, p1, pal.muted, 1, 3)


def label_box(x: float, y: float, rr: int, angle: int, size: tuple[int, int], stack: bool = False) -> Rect:
    """Where a node's label goes: upper and lower ones lean outward, so neighbours never overlap;
    the side ones beside their node, or (``stack``) above it, leaning outward too."""
    label_w, label_h = size
    if stack and angle in (0, 180):
        lean = label_w // 4 if angle == 0 else label_w - label_w // 4
        return Rect(int(x - lean), int(y - rr - 6 - label_h), label_w, label_h)
    lean = label_w // 4 if angle in (60, 300) else label_w - label_w // 4
    if angle in (60, 120):
        return Rect(int(x - lean), int(y - rr - 6 - label_h), label_w, label_h)
    if angle in (240, 300):
        return Rect(int(x - lean), int(y + rr + 6), label_w, label_h)
    if angle == 0:
        return Rect(int(x + rr + 6), int(y - label_h / 2), label_w, label_h)
    return Rect(int(x - rr - 6 - label_w), int(y - label_h / 2), label_w, label_h)


def draw_nodes(f: Frame, game: Game, lang: str, pos: dict[str, Point], area: Rect,
               size: tuple[int, int], stack: bool = False) -> list[Rect]:
    """Each actor as a disc sized by its strength, with its name and strength; returns the rects
    the ties' labels must avoid."""
    pal = f.pal
    boxes: list[Rect] = []
    lh = f.line_h("bold")
    for actor in ORDER:
        x, y = pos[actor]
        strength = game.values[f"strength.{actor}"]
        rr = 8 + strength * 14 // 100
        pygame.draw.circle(f.s, pal.panel, (x, y), rr + 3)
        pygame.draw.circle(f.s, pal.heading if actor in SIGNATORIES else pal.text, (x, y), rr)
        box = label_box(x, y, rr, ANGLES[actor], size, stack)
        box.clamp_ip(area)
        boxes.append(box)
        boxes.append(Rect(int(x - rr), int(y - rr), 2 * rr, 2 * rr))
        f.fill(box, pal.panel, 4, pal.border)
        f.text(Rect(box.x, box.y + 3, box.w, lh), short(actor, lang, game.date), "bold", pal.text, align="center",
               box=box)
        label = t("strength", lang, n=strength)
        prefix = label[: -len(str(strength))]
        pre_w = f.text_w(prefix)
        num_w = f.text_w(str(strength), "bold")
        x0 = box.x + (box.w - pre_w - num_w) // 2
        f.text(Rect(x0, box.y + 3 + lh, pre_w, lh), prefix, "body", pal.muted, box=box)
        f.why_number(f"web:strength:{actor}", Rect(x0 + pre_w, box.y + 3 + lh, num_w + 2, lh), str(strength),
                     f"strength.{actor}", align="left")
    return boxes


def flipped(game: Game, quantity: str, since: int | None) -> bool:
    """True when a relation changed sign since the last vote (allied then, hostile now, or back)."""
    if since is None:
        return False
    now = game.values[quantity]
    then = now - changes_since(game, quantity, since)
    return (then >= 10 and now <= -10) or (then <= -10 and now >= 10)


def seg_dist(p: Point, a: Point, b: Point) -> float:
    """How far the point ``p`` is from the segment ``a``–``b``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    span = dx * dx + dy * dy
    k = 0.0 if span == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / span))
    return math.hypot(p[0] - (a[0] + k * dx), p[1] - (a[1] + k * dy))


# Where along a tie its label may sit (the middle first), and how far off the line, in label heights.
ALONG = tuple(0.5 + sign * k / 40 for k in range(17) for sign in ((1,) if k == 0 else (-1, 1)))
ACROSS = (0.0, 0.3, -0.3, 0.6, -0.6, 0.9, -0.9)


def tie_spots(p0: Point, p1: Point, others: list[tuple[Point, Point]], w: int, h: int,
              area: Rect) -> list[tuple[Rect, float]]:
    """The label's possible boxes along its tie, each with its margin: how much nearer its centre
    is to its own tie than to any other (a label with no margin could be read as another's)."""
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    length = max(1.0, math.hypot(dx, dy))
    nx, ny = -dy / length, dx / length
    out = []
    for along in ALONG:
        for across in ACROSS:
            x = p0[0] + dx * along + nx * across * h
            y = p0[1] + dy * along + ny * across * h
            box = Rect(int(x - w / 2), int(y - h / 2), w, h)
            box.clamp_ip(area)
            c = (float(box.centerx), float(box.centery))
            nearest_other = min((seg_dist(c, a, b) for a, b in others), default=1e9)
            out.append((box, nearest_other - seg_dist(c, p0, p1)))
    return out


def _spot_cost(spot: tuple[Rect, float], placed: list[Rect], need: float) -> tuple[int, int, float]:
    """Spots on its own tie with room to spare first, then the fewest overlaps."""
    box, margin = spot
    clash = sum(1 for p in placed if box.colliderect(p))
    return (0 if margin >= need else 1, clash, -min(margin, need))


_PLACED: dict[tuple[object, ...], list[Rect]] = {}


def place_tie_labels(ties: list[tuple[Point, Point, int, int]], area: Rect, avoid: list[Rect]) -> list[Rect]:
    """``find_tie_labels``, remembered: the web is drawn again at every frame, the same."""
    key = (tuple(ties), tuple(area), tuple(tuple(r) for r in avoid))
    if key not in _PLACED:
        if len(_PLACED) > 64:
            _PLACED.clear()
        _PLACED[key] = find_tie_labels(ties, area, avoid)
    return [Rect(r) for r in _PLACED[key]]


def find_tie_labels(ties: list[tuple[Point, Point, int, int]], area: Rect, avoid: list[Rect]) -> list[Rect]:
    """A box for each tie's label (width, height), on its own tie: nearer it than any other tie,
    clear of the nodes and of the labels placed before. Labels are placed one by one, in a few
    orders (the ties with the fewest good spots first, …); the order that leaves the fewest labels
    off their tie or overlapping wins."""
    spots = [tie_spots(p0, p1, [(a, b) for j, (a, b, _w, _h) in enumerate(ties) if j != i], w, h, area)
             for i, (p0, p1, w, h) in enumerate(ties)]
    need = max(2.0, min((h for _a, _b, _w, h in ties), default=0) / 4)
    scarce = sorted(range(len(ties)), key=lambda i: sum(1 for _b, m in spots[i] if m >= need))
    natural = list(range(len(ties)))
    best: tuple[tuple[int, int], list[Rect]] | None = None
    orders = [scarce, natural, natural[::-1], scarce[::-1]] + [scarce[k:] + scarce[:k] for k in range(1, len(scarce))]
    for order in orders:
        placed = list(avoid)
        chosen: dict[int, Rect] = {}
        off = clashes = 0
        for i in order:
            # the first best spot: the middle when it is clear
            box, margin = min(spots[i], key=lambda spot, placed=placed: _spot_cost(spot, placed, need))  # type: ignore[misc]
            off += margin <= 0
            clashes += sum(1 for p in placed if box.colliderect(p))
            chosen[i] = box
            placed.append(box.inflate(2, 2))
        if best is None or (off, clashes) < best[0]:
            best = ((off, clashes), [chosen[i] for i in natural])
        if not off and not clashes:
            break
    return best[1] if best is not None else []


def draw_tie_labels(f: Frame, game: Game, pos: dict[str, Point], area: Rect, since: int | None,
                    avoid: list[Rect]) -> None:
    """Each relation's number, with how far it moved since the last vote (▲5, ▼12)."""
    pal = f.pal
    texts, ties = [], []
    for a, b in RELATION_PAIRS:
        q = pair_key(a, b)
        label = relation_text(game.values[q], changes_since(game, q, since) if since is not None else 0)
        texts.append(label)
        ties.append((pos[a], pos[b], f.text_w(label, "bold") + f.pad, f.line_h("bold") + 2))
    boxes = place_tie_labels(ties, area, avoid)
    for (a, b), label, chosen in zip(RELATION_PAIRS, texts, boxes, strict=True):
        q = pair_key(a, b)
        val = game.values[q]
        color = pal.allied if val >= 10 else pal.hostile if val <= -10 else pal.muted
        f.fill(chosen, pal.panel, 4, None if flipped(game, q, since) else color, 2)
        if flipped(game, q, since):  # from allied to hostile, or back: a dashed outline
            f.dashed_rect(chosen, color)
        f.why_number(f"web:rel:{a}:{b}", Rect(chosen.x, chosen.y + 1, chosen.w - f.pad // 2, chosen.h),
                     label, q, align="center", color=color)
