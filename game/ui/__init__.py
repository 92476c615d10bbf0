"""The pygame-ce window: one view per screen, a stack of screens and overlays, one input
handler per mode, and a small immediate-mode layout system.

Everything here reads the engine (``game.engine``) and drives it with actions through the game's
session (``game.session``, shared with the terminal); no game rule lives in the window. Start it
with ``game.ui.app.run_window(args)`` (``python -m game``).

- ``app``: holds the parts together, draws a frame, plays one game (act, undo, continue, settings);
- ``display``: the window, its size, full screen, fonts for its height;
- ``navigator``: the stack of screens and overlays, each with its focus; the ways between views;
- ``focus``: focus and mouse over the last frame's controls, lists that follow the focus;
- ``handlers``: one input handler per mode (screen, overlay, question, text field, vote shown);
- ``loop``: the event loop, which draws only when something changed;
- ``autoplay``: ``--auto`` and ``--screenshots``;
- ``levels``: the scenarios the window plays, compiled once;
- ``frame`` (drawing), ``layout`` (rects), ``text`` (fonts, safe text, wrapping, caches),
  ``controls`` (what a frame records), ``scrolling`` (lists that scroll by whole items),
  ``theme`` (palettes, sizes, font files), ``mapshapes`` (Mali's outline), ``strings`` (words);
- ``views``: the screens and overlays.
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no banner on a teacher's terminal
