"""The public record of a scenario, as data: what the Council adopted, and where Mali went.

A scenario's ``record.yaml`` holds, for each mandate year, the resolution actually adopted
(number, date, vote, source) and the clause option closest to each of its provisions, with a line
saying why (a plain line is English, or a line per language: the debrief's journal shows it); the
responses to cards closest to what really happened, each with why and its source (a plain line, the
same in every language, or a line per language: the journal shows both in the player's language);
and the record's trajectory as checkable lines (a quantity, a period, a direction, a source: read
by ``fidelity``, in English, like the resolutions' sources). The historical drafter plays
the first two; ``python -m game fidelity`` holds the model's games against the third.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.content.problems import ContentError, Problem, did_you_mean
from game.content.safeyaml import Positions, load_file
from game.content.schema import RecordModel
from game.engine.defs import Scenario, Text, month_index
from game.engine.world import DERIVED, QUANTITIES

RECORD_FILE = "record.yaml"  # its model is game.content.schema's RecordModel, beside the other kinds'


@dataclass(frozen=True)
class Resolution:
    mandate: int  # 1 = the scenario's first vote
    number: int
    date: str
    yes: int
    no: int
    abstaining: int
    abstain: tuple[str, ...]
    source: str
    options: dict[str, str]  # dimension -> option
    why: dict[str, Text]  # dimension -> why that option, per language


@dataclass(frozen=True)
class Line:
    id: str
    quantity: str | None
    start: int  # month index
    end: int
    direction: str
    level: int | None
    text: str
    source: str
    by: int = 1


@dataclass(frozen=True)
class Record:
    resolutions: tuple[Resolution, ...]
    cards: dict[str, str]  # card id -> historical response id
    trajectory: tuple[Line, ...]
    path: str
    card_why: dict[str, tuple[Text, Text]] = field(default_factory=dict)  # card id -> (why, source), per language

    def resolution(self, mandate: int) -> Resolution | None:
        return next((r for r in self.resolutions if r.mandate == mandate), None)


def load_record(scenario: Scenario) -> Record:
    """The scenario's record, checked against the scenario; ``ContentError`` with file and line."""
    path = Path(scenario.path) / RECORD_FILE
    if not path.is_file():
        raise ContentError([Problem(str(path), 0, 0, "R001", "this scenario has no record.yaml: fidelity needs one")])
    data, positions = load_file(str(path))
    try:
        model = RecordModel.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            line, col = _position(positions, loc)
            problems.append(Problem(str(path), line, col, "R002", f"{'.'.join(map(str, loc))}: {err['msg']}"))
        raise ContentError(problems) from None
    return _compile(model, scenario, str(path), positions)


def _position(positions: Positions, loc: tuple[Any, ...]) -> tuple[int, int]:
    while loc and loc not in positions:
        loc = loc[:-1]
    return positions.get(loc, (1, 1))


def _compile(model: RecordModel, scenario: Scenario, path: str, positions: Positions) -> Record:
    problems: list[Problem] = []

    def bad(loc: tuple[Any, ...], code: str, message: str) -> None:
        line, col = _position(positions, loc)
        problems.append(Problem(path, line, col, code, message))

    dims = {d.id: [o.id for o in d.options] for d in scenario.dimensions}
    resolutions = []
    for i, r in enumerate(model.resolutions):
        if r.mandate > scenario.years:
            if scenario.length == "lesson":  # a lesson plays the first years: the later ones are the full game's
                continue
            bad(("resolutions", i, "mandate"), "R003", f"mandate {r.mandate} is past the scenario's {scenario.years} years")
        for dim, prov in r.clauses.items():
            if dim not in dims:
                bad(("resolutions", i, "clauses", dim), "R004", f"no clause '{dim}'{did_you_mean(dim, dims)}")
            elif prov.option not in dims[dim]:
                bad(("resolutions", i, "clauses", dim, "option"), "R005",
                    f"clause '{dim}' has no option '{prov.option}'{did_you_mean(prov.option, dims[dim])}")
        missing = sorted(set(dims) - set(r.clauses))
        if missing:
            bad(("resolutions", i, "clauses"), "R006", f"resolution {r.number} maps no option for: {', '.join(missing)}")
        counts = [int(v) for v in r.vote.split("-")] + [0]
        resolutions.append(Resolution(r.mandate, r.number, r.date, counts[0], counts[1], counts[2], tuple(r.abstain),
                                      r.source, {d: p.option for d, p in r.clauses.items()},
                                      {d: dict(p.why) for d, p in r.clauses.items()}))
    cards = scenario.cards_by_id
    answers = {}
    card_why: dict[str, tuple[Text, Text]] = {}
    for card_id, ans in model.cards.items():
        card = cards.get(card_id)
        if card is None:
            bad(("cards", card_id), "R007", f"no card '{card_id}'{did_you_mean(card_id, list(cards))}")
        elif ans.response not in [r.id for r in card.responses]:
            bad(("cards", card_id, "response"), "R008", f"card '{card_id}' has no response '{ans.response}'")
        else:
            answers[card_id] = ans.response
            card_why[card_id] = (dict(ans.why), dict(ans.source))
    known = set(QUANTITIES) | set(DERIVED)
    lines = []
    for i, ln in enumerate(model.trajectory):
        if ln.direction != "lasts" and ln.quantity not in known:
            bad(("trajectory", i, "quantity"), "R009", f"no quantity '{ln.quantity}'{did_you_mean(str(ln.quantity), sorted(known))}")
        if ln.direction in ("above", "below") and ln.level is None:
            bad(("trajectory", i, "level"), "R010", f"'{ln.direction}' needs a level")
        start, end = month_index(ln.start), month_index(ln.end)
        if end < start:
            bad(("trajectory", i, "end"), "R011", "the period ends before it starts")
        lines.append(Line(ln.id, ln.quantity, start, end, ln.direction, ln.level, ln.text, ln.source, ln.by))
    if problems:
        raise ContentError(problems)
    return Record(tuple(resolutions), answers, tuple(lines), path, card_why)
