"""The window itself: opening it, its size, full screen, the fonts that fit its height, the veil
drawn under an overlay, and what the video driver can do (sleep in its event wait, be seen).
"""

from __future__ import annotations

import pygame

from game.ui import theme
from game.ui.text import Fonts, clear_caches

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (800, 500)
# Drivers whose event wait really sleeps; others are polled gently.
INVISIBLE_DRIVERS = ("dummy", "offscreen")


def parse_size(text: str | None) -> tuple[int, int]:
    """'1024x600' as a size within the window's bounds; the default size for anything else."""
    try:
        w, h = (int(v) for v in str(text).lower().split("x"))
    except (TypeError, ValueError):
        return DEFAULT_SIZE
    return max(MIN_SIZE[0], min(w, 7680)), max(MIN_SIZE[1], min(h, 4320))


class Display:
    def __init__(self, size: tuple[int, int]):
        self.size = size  # the windowed size, kept while in full screen
        self.screen: pygame.Surface | None = None
        self.fullscreen = False
        self.fonts: Fonts | None = None
        self._veil: pygame.Surface | None = None

    def open(self, title: str = "Penholder") -> None:
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption(title)
        self.screen = pygame.display.set_mode(self.size, pygame.RESIZABLE)
        pygame.key.set_repeat(400, 40)

    def flip(self, title: str) -> None:
        """Show the frame drawn; the window's title follows the player's language (a class that
        switches to French sees "Porte-plume" in the task bar, not "Penholder")."""
        if pygame.display.get_caption()[:1] != (title,):
            pygame.display.set_caption(title)
        pygame.display.flip()

    @property
    def surface(self) -> pygame.Surface:
        assert self.screen is not None, "the window is not open"
        return self.screen

    def fit_fonts(self, text_step: int) -> None:
        """Fonts for the window's height and the player's text size (caches go when they change)."""
        body = theme.body_px(text_step, self.surface.get_height())
        if self.fonts is None or self.fonts.body != body:
            self.fonts = Fonts(body)
            clear_caches()

    def resized(self) -> None:
        surf = pygame.display.get_surface()
        if surf is not None:
            self.screen = surf

    def toggle_fullscreen(self) -> str | None:
        """Into or out of full screen; the error, if the driver refuses."""
        try:
            if not self.fullscreen:
                self.size = self.surface.get_size()
                self.screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
                self.fullscreen = True
            else:
                self.screen = pygame.display.set_mode(self.size, pygame.RESIZABLE)
                self.fullscreen = False
        except pygame.error as exc:
            return f"F11: {exc}"
        return None

    def veil(self) -> None:
        """Darken what is drawn, under an overlay."""
        size = self.surface.get_size()
        if self._veil is None or self._veil.get_size() != size:
            self._veil = pygame.Surface(size)
            self._veil.fill((0, 0, 0))
            self._veil.set_alpha(150)
        self.surface.blit(self._veil, (0, 0))

    @staticmethod
    def driver() -> str:
        return pygame.display.get_driver().lower()

    def visible(self) -> bool:
        return self.driver() not in INVISIBLE_DRIVERS
