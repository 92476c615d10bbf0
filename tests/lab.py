"""A laboratory scenario for engine tests: the tutorial's setting with cards and a Council we write.

``make_lab`` copies ``levels/tutorial`` and ``levels/common`` into a temporary folder, replaces the
tutorial's cards with the given ones and, by default, seats fifteen members of our own with no
opinion on any clause and a disposition of 3: every vote is a certain 15-0 and no luck is drawn
for it. Tests then know every number they assert, whatever the bundled content says.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from game.content.loader import load_scenario
from game.engine.actions import CallVote, Continue, Respond
from game.engine.defs import Scenario
from game.engine.game import BRIEFING, CARD, DRAFTING, END, NEGOTIATION, SUMMARY, VOTE, Game

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ROOT / "levels"
PERMANENT = ("lab-p1", "lab-p2", "lab-p3", "lab-p4", "lab-p5")
ELECTED = tuple(f"lab-e{i}" for i in range(1, 11))


def card(cid: str, responses: str = "", extra: str = "") -> str:
    """One card in YAML; ``responses`` defaults to two that change nothing."""
    if not responses:
        responses = """
      - {id: a, label: {en: A, fr: A}, why: {en: a, fr: a}}
      - {id: b, label: {en: B, fr: B}, why: {en: b, fr: b}}"""
    return f"""
  - id: {cid}
    title: {{en: {cid}, fr: {cid}}}
    text: {{en: Something happens., fr: Il se passe quelque chose.}}
    sources: ["composite, for the engine's tests"]
{extra}    responses:{responses}
"""


def member_yaml(mid: str, permanent: bool, base: int = 3, preferences: str = "") -> str:
    prefs = preferences or " []"
    return f"""id: {mid}
name: {{en: {mid}, fr: {mid}}}
permanent: {"true" if permanent else "false"}
african: false
base: {base}
wants: {{en: a test, fr: un test}}
trade: {{en: a test, fr: un test}}
preferences:{prefs}
sources: ["for the engine's tests"]
"""


def make_lab(
    tmp_path: Path,
    cards: Sequence[str] = (),
    coefficients: Mapping[str, int] | None = None,
    members: Mapping[str, str] | None = None,
    lab_council: bool = True,
    years: int = 1,
    clauses_patch: tuple[str, str] | None = None,
) -> Scenario:
    """The lab scenario, loaded (problems fail the test). ``members`` overrides profiles by id."""
    common = tmp_path / "common"
    shutil.copytree(LEVELS / "common", common)
    folder = tmp_path / "lab"
    shutil.copytree(LEVELS / "tutorial", folder)
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    text = text.replace("id: tutorial", "id: lab", 1).replace("years: 1", f"years: {years}", 1)
    if lab_council:
        start = text.index("council: [")
        end = text.index("]", start) + 1
        text = text[:start] + f"council: [{', '.join(PERMANENT + ELECTED)}]" + text[end:]
        for mid in PERMANENT + ELECTED:
            (common / "council" / f"{mid}.yaml").write_text(member_yaml(mid, mid in PERMANENT), encoding="utf-8")
    for mid, profile in (members or {}).items():
        (common / "council" / f"{mid}.yaml").write_text(profile, encoding="utf-8")
    if coefficients:
        text += "coefficients:\n" + "".join(f"  {k}: {{value: {v}, means: for the engine's tests}}\n" for k, v in coefficients.items())
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")
    if clauses_patch is not None:
        path = common / "clauses.yaml"
        clauses = path.read_text(encoding="utf-8")
        assert clauses_patch[0] in clauses, clauses_patch[0]
        path.write_text(clauses.replace(clauses_patch[0], clauses_patch[1], 1), encoding="utf-8")
    (folder / "cards" / "tutorial.yaml").write_text("cards:\n" + "".join(cards) if cards else "cards: []\n", encoding="utf-8")
    loaded = load_scenario(folder)
    assert loaded.scenario is not None and not loaded.problems, "\n".join(map(str, loaded.problems))
    return loaded.scenario


def to_the_field(game: Game) -> None:
    """Briefing to the first quarter with the draft unchanged; the vote must adopt."""
    game.apply(Continue())
    game.apply(Continue())
    game.apply(CallVote())
    assert game.votes[-1].adopted
    game.apply(Continue())


def play_out(game: Game, answer: Mapping[str, str] | None = None) -> None:
    """Play to the end: the draft as it stands, each card answered (by ``answer``, else its first response)."""
    answer = answer or {}
    while game.phase != END:
        if game.phase in (BRIEFING, DRAFTING, VOTE, SUMMARY):
            game.apply(Continue())
        elif game.phase == NEGOTIATION:
            game.apply(CallVote())
        elif game.phase == CARD:
            c = game.card
            assert c is not None
            game.apply(Respond(c.id, answer.get(c.id, c.responses[0].id)))


def drawn(game: Game) -> list[tuple[int, str]]:
    """(quarter, card) for every card answered, in order."""
    return [(e["q"], e["card"]) for e in game.journal if e["kind"] == "card"]
