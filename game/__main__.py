"""``python -m game``: the same as the ``penholder`` command."""

from game.cli import main

raise SystemExit(main())
