"""Make the game's two sounds (``assets/sounds/*.wav``), synthesised here, so that they are ours.

- ``gavel.wav``: two knocks of a wooden gavel, for the result of a vote: a low thump (a damped
  sine near 150 Hz) under a short burst of filtered noise (the wood), the second knock softer.
- ``card.wav``: a soft two-note cue (E5 then A5, sines with a slow attack and a long decay) for a
  new card, quiet enough for a classroom.

The noise comes from a seeded generator: running this again writes the same bytes. Run it from the
repository's root: ``python tools/make_sounds.py``.
"""

from __future__ import annotations

import math
import random
import struct
import wave
from pathlib import Path

RATE = 22_050
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"


def _knock(rng: random.Random, length: float, loudness: float) -> list[float]:
    n = int(RATE * length)
    out: list[float] = []
    smooth = 0.0
    for i in range(n):
        t = i / RATE
        thump = math.sin(2 * math.pi * 150 * t) * math.exp(-t * 38)
        smooth = 0.55 * smooth + 0.45 * rng.uniform(-1.0, 1.0)  # a one-pole low-pass: wood, not hiss
        wood = smooth * math.exp(-t * 90)
        out.append(loudness * (0.7 * thump + 0.5 * wood))
    return out


def gavel() -> list[float]:
    rng = random.Random(1945)  # the year of the Charter: any fixed seed would do
    gap = [0.0] * int(RATE * 0.12)
    return _knock(rng, 0.18, 0.9) + gap + _knock(rng, 0.22, 0.6)


def card_cue() -> list[float]:
    out: list[float] = []
    for freq, start in ((659.25, 0.0), (880.0, 0.11)):
        n0 = int(RATE * start)
        n = int(RATE * 0.6)
        if len(out) < n0 + n:
            out.extend([0.0] * (n0 + n - len(out)))
        for i in range(n):
            t = i / RATE
            env = min(1.0, t / 0.015) * math.exp(-t * 7)
            out[n0 + i] += 0.22 * env * math.sin(2 * math.pi * freq * t)
    return out


def write(path: Path, samples: list[float]) -> None:
    peak = max(1e-9, max(abs(s) for s in samples))
    scale = min(1.0, 0.95 / peak)
    frames = b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s * scale)) * 32767)) for s in samples)
    tmp = path.with_suffix(".tmp")
    with wave.open(str(tmp), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(frames)
    tmp.replace(path)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "gavel.wav", gavel())
    write(OUT / "card.wav", card_cue())
    print(f"wrote {OUT / 'gavel.wav'} and {OUT / 'card.wav'}")


if __name__ == "__main__":
    main()
