"""Optional sound: a gavel at the vote, a soft cue for a new card. Off by default.

The mixer starts only when a sound is first played with the setting on, so a silent game never
opens an audio device (and never wakes for it). Without a working audio device the game stays
silent: sound is a nicety, never a reason to stop.
"""

from __future__ import annotations

import pygame

from game import resources

SOUNDS = ("gavel", "card")
VOLUMES = (0.0, 0.25, 0.5, 0.9)  # by the setting's step: off, quiet, normal, loud


class Sounds:
    """Plays the game's sounds at the volume step of the settings (0 = off)."""

    def __init__(self) -> None:
        self._loaded: dict[str, pygame.mixer.Sound] = {}
        self._broken = False
        self.played: list[str] = []  # what was played, for the tests and the auto-play log

    def _ready(self) -> bool:
        if self._broken:
            return False
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=22_050, size=-16, channels=1)
            if not self._loaded:
                folder = resources.assets_root() / "sounds"
                self._loaded = {name: pygame.mixer.Sound(str(folder / f"{name}.wav")) for name in SOUNDS}
        except (pygame.error, OSError, FileNotFoundError):
            self._broken = True
            return False
        return True

    def play(self, name: str, step: int) -> None:
        """Play ``name`` at volume ``step`` (0 to 3); nothing at step 0 or without audio."""
        if step <= 0 or name not in SOUNDS:
            return
        self.played.append(name)
        if not self._ready():
            return
        sound = self._loaded[name]
        sound.set_volume(VOLUMES[max(0, min(len(VOLUMES) - 1, step))])
        sound.play()
