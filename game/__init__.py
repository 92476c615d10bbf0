"""Penholder: hold the pen on the UN Security Council's MINUSMA mandate (Mali, 2013–2023)."""

from game import accel as _accel

__version__ = "0.1.0"

# Before any engine module is imported: use a compiled build of the engine if one exists for
# these exact sources (``python -m game accelerate``), else the .py files. See game/accel.
_accel.install()
