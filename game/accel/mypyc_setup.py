"""Run by ``game.accel.build`` (``python -c`` with this text, in a copy of the sources): mypyc
turns the modules named on the command line into C, setuptools compiles them in place, on every
core. Not imported by the game."""

import os
import sys

from mypyc.build import mypycify
from setuptools import setup  # type: ignore[import-untyped]

setup(
    name="penholder-engine",
    ext_modules=mypycify(sys.argv[1:], opt_level="3", multi_file=True),
    script_args=["build_ext", "--inplace", "--parallel", str(os.cpu_count() or 1)],
)
