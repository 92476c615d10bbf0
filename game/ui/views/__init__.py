"""One view per screen (arcade style), each drawing itself into a frame and mapping its keys.

``base``: the ``View`` and ``GameView`` classes, the top and bottom bars, list entries shared by
the screens. The screens: ``title``, ``briefing`` (with ``actors_web``), ``drafting``, ``chamber``
(the Council and the vote), ``field`` (an event card, the quarter's summary), ``debrief``. The
overlays: ``overlays`` (help, why?) and ``saves`` (continue a game, named saves and their bin).
Which view shows which phase of the game is the navigator's business (``game.ui.navigator``).
"""
