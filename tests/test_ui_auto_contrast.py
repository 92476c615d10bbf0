"""`--auto` and `--screenshots` can draw in the high-contrast palette (issue 11's screenshots of every
screen include high contrast)."""

from __future__ import annotations

from ui_support import make_app

from game.cli import build_parser
from game.ui import theme


def test_screenshots_can_be_made_in_high_contrast(tmp_path):
    args = build_parser().parse_args(["play", "--auto", "status-quo", "--high-contrast"])
    assert args.high_contrast
    app = make_app(tmp_path / "data", auto="status-quo", high_contrast=True)
    assert app.settings.high_contrast and app.palette().name == theme.palette(True, False).name == "high-contrast"
    plain = make_app(tmp_path / "data2", auto="status-quo")
    assert not plain.settings.high_contrast
