"""Vendor the flags the Council needs from the MIT-licensed flag-icons package, and rasterise them.

Run by hand when a member is added (not at play time, not in CI):

    cd /tmp && npm pack flag-icons && tar xzf flag-icons-*.tgz
    pip install cairosvg   # only this script needs it
    python assets/flags/build_flags.py /tmp/package

For each row of members.tsv (member id, ISO code) it copies ``flags/4x3/<code>.svg`` to
``svg/<code>.svg`` and renders ``png/<member id>.png``. The game loads the PNGs: pygame-ce can load
SVG, but its renderer (nanosvg) ignores ``<use>`` and many colour names, so China's stars, Mexico's
eagle and Ukraine's yellow came out wrong; cairosvg draws them as published.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = (160, 120)  # 4:3, larger than any seat draws it, so the game only scales down


def members() -> list[tuple[str, str]]:
    rows = []
    for line in (HERE / "members.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            member, code = line.split("\t")
            rows.append((member, code))
    return rows


def main(package: Path) -> int:
    import cairosvg  # type: ignore[import-not-found]

    (HERE / "svg").mkdir(exist_ok=True)
    (HERE / "png").mkdir(exist_ok=True)
    shutil.copy(package / "LICENSE", HERE / "LICENSE-flag-icons.txt")
    for member, code in members():
        source = package / "flags" / "4x3" / f"{code}.svg"
        shutil.copy(source, HERE / "svg" / f"{code}.svg")
        cairosvg.svg2png(url=str(source), write_to=str(HERE / "png" / f"{member}.png"),
                         output_width=SIZE[0], output_height=SIZE[1])
    print(f"{len(members())} flags")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/package")))
