"""Penholder: hold the pen on the UN Security Council's MINUSMA mandate (Mali, 2013–2023)."""

__version__ = "0.1.0"
