"""The phases of a game, in the order a mandate year goes through them (the loop's states)."""

from __future__ import annotations

BRIEFING, DRAFTING, NEGOTIATION, VOTE, CARD, SUMMARY, END = (
    "briefing", "drafting", "negotiation", "vote", "card", "summary", "end",
)

PHASES: frozenset[str] = frozenset((BRIEFING, DRAFTING, NEGOTIATION, VOTE, CARD, SUMMARY, END))
