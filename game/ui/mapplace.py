"""Where a map's labels go: each tries spots around what it names and takes the first that covers
no label already placed, no marked point and nothing reserved; a label that fits nowhere is left
out rather than drawn over another.

Pure geometry on (x, y, w, h) tuples, so the tests can check what it decides without a window.
Labels are placed in the order given: put the ones that matter most first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[int, int, int, int]  # x, y, w, h


@dataclass(frozen=True)
class Label:
    key: str
    anchor: tuple[float, float]  # the point it names
    w: int
    h: int
    gap: int = 4  # between the point and the label
    centred: bool = False  # a region's name: over its anchor first, then nudged around it
    rings: int = 6  # how far a centred label may be nudged (rings of spots around its anchor)


@dataclass
class Placer:
    area: Box  # labels stay inside it
    points: list[tuple[float, float, float]] = field(default_factory=list)  # x, y, radius to keep clear
    taken: list[Box] = field(default_factory=list)  # reserved and placed boxes
    placed: dict[str, Box] = field(default_factory=dict)

    def reserve(self, box: Box) -> None:
        self.taken.append(box)

    def fits(self, box: Box, own: tuple[float, float] | None = None) -> bool:
        x, y, w, h = box
        ax, ay, aw, ah = self.area
        if x < ax or y < ay or x + w > ax + aw or y + h > ay + ah:
            return False
        if any(overlap(box, t) for t in self.taken):
            return False
        for px, py, r in self.points:
            if own is not None and (px, py) == own:
                continue
            if _circle_hits(box, px, py, r):
                return False
        return True

    def place(self, label: Label) -> Box | None:
        for box in candidates(label):
            if label.centred:
                box = self.clamp(box)  # near the map's edge: slid in rather than pushed far away
            if self.fits(box, label.anchor):
                self.take(label.key, box)
                return box
        return None

    def take(self, key: str, box: Box) -> None:
        self.taken.append(box)
        self.placed[key] = box

    def clamp(self, box: Box) -> Box:
        x, y, w, h = box
        ax, ay, aw, ah = self.area
        return max(ax, min(x, ax + aw - w)), max(ay, min(y, ay + ah - h)), w, h


def candidates(label: Label) -> list[Box]:
    """Spots to try, best first: for a point, right, left, above, below and the corners (the
    cartographer's usual order); for a region's name, over the anchor then rings around it."""
    ax, ay = label.anchor
    w, h = label.w, label.h
    if label.centred:
        out = []
        cx, cy = int(ax - w / 2), int(ay - h / 2)
        for ring in range(0, label.rings):
            step_x, step_y = max(6, w // 4) * ring, max(4, h // 2) * ring
            spots = [(0, 0)] if ring == 0 else [(0, -step_y), (0, step_y), (step_x, 0), (-step_x, 0),
                                                 (step_x, -step_y), (-step_x, -step_y), (step_x, step_y),
                                                 (-step_x, step_y)]
            out += [(cx + dx, cy + dy, w, h) for dx, dy in spots]
        return out
    out = []
    for g in (label.gap, label.gap + h // 2):  # close to the point, then a little further out
        x_r, x_l = int(ax + g), int(ax - g - w)
        y_mid, y_up, y_down = int(ay - h / 2), int(ay - g - h), int(ay + g)
        x_mid = int(ax - w / 2)
        out += [(x_r, y_mid, w, h), (x_l, y_mid, w, h), (x_mid, y_up, w, h), (x_mid, y_down, w, h),
                (x_r, y_up, w, h), (x_l, y_up, w, h), (x_r, y_down, w, h), (x_l, y_down, w, h)]
    return out


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _circle_hits(box: Box, px: float, py: float, r: float) -> bool:
    x, y, w, h = box
    nx, ny = min(max(px, x), x + w), min(max(py, y), y + h)
    return (nx - px) ** 2 + (ny - py) ** 2 < r * r
