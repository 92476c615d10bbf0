"""The pygame-ce window: one view per screen, handlers per mode, a small layout system.

Everything here reads the engine (``game.engine``) and drives it with actions; no game rule lives
in the window. Start it with ``game.ui.app.run_window(args)`` (``python -m game``).
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no banner on a teacher's terminal
