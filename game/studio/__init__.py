"""The designer's studio: tools that help write content, never needed to play.

``scaffold`` makes a new scenario folder from the commented template (``python -m game new``),
``preview`` shows one card as the player will see it, ``deckgraph`` draws a deck's chains and
gates, and ``reach`` says how often each scripted drafter draws each card.
"""
