"""How long a game takes to play: the decisions a class makes and the words it reads.

A class reading aloud gets through about 130 words a minute, and spends about half a minute on a
decision it discusses (more on a vote); the debrief takes its own ten minutes. ``estimate`` turns
the counts of a played game into those minutes, so that a scenario's stated length can be checked
(``benchmarks/lesson_length.py`` prints the counts; ``tests/test_lesson_length.py`` holds the
lesson to one class period).

What counts as read, screen by screen, is what the window shows a first-time player:
- the scenario's summary and learning objectives, once;
- at each renewal, every clause's name with the labels and summaries of all its options;
- the vote's result (one line per member);
- each card: its title, its text, each response's label and reason, and its first source line;
- each quarter's summary (its headline changes);
- the debrief: the outcome measures, the note on what actually happened and the questions.
Decisions are the choices the player makes: a clause changed, a trade, a vote called, a card
answered. Moving on (Continue) is not a decision.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from game.engine.actions import Action, CallVote, Choose, Respond, Trade
from game.engine.defs import Scenario, tr
from game.engine.game import END, Game
from game.sim.drafters import drafter_for

READING_WORDS_PER_MINUTE = 130
MINUTES_PER_DECISION = 0.5
MINUTES_PER_VOTE = 2.0  # the class watches the vote and reads the Council's reasons
DEBRIEF_MINUTES = 10
SUMMARY_WORDS = 30  # a quarter's summary: its few headline changes, in words
VOTE_WORDS_PER_MEMBER = 4  # "China: yes, for the Agreement first"
OUTCOME_WORDS = 12  # after a response without an authored outcome: a sentence or two made from its effects
REPORT_WORDS = 60  # the Secretary-General's report opening each renewal's briefing (three to five sentences)
ENDING_WORDS = 40  # the end screen: why the game ended, when, and how the record's resolution differs


def words(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True)
class Length:
    decisions: int
    words: int
    votes: int
    cards: int

    def minutes(self) -> int:
        """About how long a class takes, debrief included (see the module's docstring)."""
        reading = self.words / READING_WORDS_PER_MINUTE
        deciding = (self.decisions - self.votes) * MINUTES_PER_DECISION + self.votes * MINUTES_PER_VOTE
        return round(reading + deciding + DEBRIEF_MINUTES)


def count(game: Game, actions: list[Action], lang: str = "en") -> Length:
    """The decisions taken and the words read in a played game (``actions``: every action, in order)."""
    sc = game.scenario
    read = words(tr(sc.summary, lang)) + sum(words(tr(o, lang)) for o in sc.objectives)
    decisions = votes = cards = 0
    for action in actions:
        if isinstance(action, Choose):
            decisions += 1
        elif isinstance(action, Trade):
            decisions += 1
        elif isinstance(action, CallVote):
            decisions += 1
            votes += 1
        elif isinstance(action, Respond):
            decisions += 1
            cards += 1
            card = sc.card(action.card)
            read += words(tr(card.title, lang)) + words(tr(card.text, lang))
            read += sum(words(tr(r.label, lang)) + words(tr(r.why, lang)) for r in card.responses)
            read += words(tr(card.sources[0], lang)) if card.sources else 0  # one source line; details on request
            read += words(tr(card.response(action.response).outcome, lang)) or OUTCOME_WORDS  # what happened
    for vote in game.votes:
        # the drafting screen: every clause with all its options, as a class weighing them reads
        # it; then the vote's result
        read += sum(words(tr(d.label, lang)) + sum(words(tr(o.label, lang)) + words(tr(o.summary, lang)) for o in d.options)
                    for d in sc.dimensions)
        read += len(vote.votes) * VOTE_WORDS_PER_MEMBER
        read += REPORT_WORDS
    read += len(game.timeline) * SUMMARY_WORDS
    read += ENDING_WORDS + words(tr(sc.history, lang)) + sum(words(tr(q, lang)) for q in sc.questions) + 6 * 5
    return Length(decisions, read, votes, cards)


def play_counted(scenario: Scenario, seed: int, strategy: str) -> Length:
    game = Game(scenario, seed)
    drafter = drafter_for(strategy, seed, scenario)
    actions: list[Action] = []
    while game.phase != END:
        action = drafter.choose(game)
        game.apply(action)
        actions.append(action)
    return count(game, actions)


def median_length(scenario: Scenario, strategies: list[str], seeds: range) -> Length:
    """The median counts over the strategies and seeds."""
    runs = [play_counted(scenario, seed, s) for s in strategies for seed in seeds]
    return Length(
        decisions=round(statistics.median(r.decisions for r in runs)),
        words=round(statistics.median(r.words for r in runs)),
        votes=round(statistics.median(r.votes for r in runs)),
        cards=round(statistics.median(r.cards for r in runs)),
    )
