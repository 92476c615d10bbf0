"""Play in a terminal with numbered choices. Reads a keyboard or a pipe (``yes 1 | …``).

Option 1 always moves the game forward, so a pipe of 1s plays a whole game. At the end of input
the game stops cleanly (and says how to resume with a replay file, if one was asked for).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from game import explain
from game.engine import council
from game.engine.actions import Action, Back, CallVote, Continue, Impossible, Respond, Trade
from game.engine.defs import month_label, tr
from game.engine.game import (
    BRIEFING,
    CARD,
    DRAFTING,
    END,
    ENDINGS,
    NEGOTIATION,
    OUTCOMES,
    SUMMARY,
    VOTE,
    Game,
)
from game.engine.world import REGIONAL, REGIONS, SIGNATORIES, SPOILERS, describe, pair_key

WHY_KEYS = (
    "violence.mean", "mission.consent", "politics.implementation", "politics.reconciliation",
    "regional.ownership", "signatories.cohesion", "mission.casualties", "mission.troops",
    "strength.jnim", "strength.isgs", "buyin.algeria", "buyin.au", "buyin.ecowas",
    "mission.impartiality", "violence.mopti", "violence.kidal",
)

T = {
    "continue": {"en": "Continue", "fr": "Continuer"},
    "to_council": {"en": "Send the draft to the Council", "fr": "Soumettre le projet au Conseil"},
    "change": {"en": "Change", "fr": "Modifier"},
    "call_vote": {"en": "Call the vote", "fr": "Passer au vote"},
    "back": {"en": "Back to drafting", "fr": "Revenir à la rédaction"},
    "why": {"en": "w = why did a number change?", "fr": "w = pourquoi ce chiffre a-t-il changé ?"},
    "choice": {"en": "Your choice", "fr": "Votre choix"},
    "adopted": {"en": "ADOPTED", "fr": "ADOPTÉE"},
    "failed": {"en": "NOT ADOPTED", "fr": "NON ADOPTÉE"},
}


class Terminal:
    def __init__(self, game: Game, lang: str = "en", read: Callable[[], str | None] | None = None,
                 out: TextIO | None = None, on_decision: Callable[[Game], None] | None = None):
        self.game = game
        self.lang = lang if lang in ("en", "fr") else "en"
        self.out = out or sys.stdout
        self._read = read or _stdin_reader
        self.on_decision = on_decision

    # --- helpers ----------------------------------------------------------------------------
    def t(self, key: str) -> str:
        return T[key][self.lang]

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def ask(self, choices: int) -> str | None:
        """A number 1..choices, 'w', or '' at the end of input (None)."""
        while True:
            self.out.write(f"{self.t('choice')} [1-{choices}, w]: ")
            self.out.flush()
            line = self._read()
            if line is None:
                self.say()
                return None
            line = line.strip().lower()
            if line == "w" or (line.isdigit() and 1 <= int(line) <= choices):
                return line
            self.say(f"  ? 1–{choices} or w")

    def act(self, action: Action) -> None:
        try:
            self.game.apply(action)
        except Impossible as exc:
            self.say(f"  ! {exc}")
            return
        if self.on_decision:
            self.on_decision(self.game)

    # --- the loop ---------------------------------------------------------------------------
    def run(self) -> bool:
        """Play until the end (True) or until input runs out (False)."""
        handlers = {BRIEFING: self.briefing, DRAFTING: self.drafting, NEGOTIATION: self.negotiation,
                    VOTE: self.vote, CARD: self.card, SUMMARY: self.summary}
        while self.game.phase != END:
            if not handlers[self.game.phase]():
                return False
        self.debrief()
        return True

    def menu(self, items: list[str]) -> str | None:
        for i, item in enumerate(items, 1):
            self.say(f"  {i}. {item}")
        self.say(f"  {self.t('why')}")
        while True:
            answer = self.ask(len(items))
            if answer != "w":
                return answer
            self.why()

    def header(self, title: str) -> None:
        g = self.game
        self.say()
        self.say("=" * 72)
        self.say(f"{title} — {month_label(g.date, self.lang)} — {tr(g.scenario.title, self.lang)}")
        self.say("=" * 72)

    def briefing(self) -> bool:
        g, v, lang = self.game, self.game.values, self.lang
        self.header("Briefing" if lang == "en" else "Rapport du Secrétaire général")
        if g.quarter == 0:
            self.say(tr(g.scenario.summary, lang))
            self.say()
        self.say("Violence by region (0–100):" if lang == "en" else "Violence par région (0–100) :")
        for r in REGIONS:
            bar = "#" * (v[f"violence.{r}"] // 5)
            self.say(f"  {describe('violence.' + r, lang)[len('violence in '):] if lang == 'en' else describe('violence.' + r, lang):<24} {v[f'violence.{r}']:>3} {bar:<20} mission {v[f'mission_presence.{r}']:>3}")
        self.say("Relations among armed actors (−100 hostile … +100 allied):" if lang == "en" else "Relations entre acteurs armés (−100 hostile … +100 allié) :")
        for a in SIGNATORIES:
            for b in SIGNATORIES + SPOILERS:
                if SIGNATORIES.index(a) < (SIGNATORIES + SPOILERS).index(b):
                    self.say(f"  {describe(pair_key(a, b), lang):<44} {v[pair_key(a, b)]:+4d}")
        self.say("Regional buy-in: " + ", ".join(f"{describe('buyin.' + a, lang).split(' ', 2)[-1]} {v['buyin.' + a]}" for a in REGIONAL))
        self.say(f"Mission: {v['mission.troops']} troops, {v['mission.casualties']} killed, ${v['mission.budget']}m/yr, "
                 f"safety {v['mission.safety']}, trust {v['mission.trust']}, consent {v['mission.consent']}")
        self.say(f"Politics: implementation {v['politics.implementation']}, reconciliation {v['politics.reconciliation']}, "
                 f"Bamako's will {v['politics.will']}, cohesion {v['signatories.cohesion']}")
        yes = sum(1 for s in g.predict() if s.vote == council.YES)
        self.say(f"Council mood: {yes}/15 would renew the mandate as it stands.")
        return self.menu([self.t("continue")]) is not None and self._do(Continue())

    def _do(self, action: Action) -> bool:
        self.act(action)
        return True

    def drafting(self) -> bool:
        g, lang = self.game, self.lang
        self.header("Drafting" if lang == "en" else "Rédaction")
        for dim in g.scenario.dimensions:
            self.say(f"  {tr(dim.label, lang):<32} {tr(dim.option(g.draft[dim.id]).label, lang)}")
        items = [self.t("to_council")] + [f"{self.t('change')}: {tr(d.label, lang)}" for d in g.scenario.dimensions]
        answer = self.menu(items)
        if answer is None:
            return False
        k = int(answer)
        if k == 1:
            return self._do(Continue())
        dim = g.scenario.dimensions[k - 2]
        self.say(tr(dim.help, lang))
        labels = []
        for opt in dim.options:
            preview = g.preview_option(dim.id, opt.id)
            shown = sorted(preview.items(), key=lambda kv: -abs(kv[1]))[:4]
            tend = "; ".join(f"{describe(q, lang)} {explain.arrows(c)}" for q, c in shown) or ("as now" if lang == "en" else "comme aujourd'hui")
            mark = "*" if g.draft[dim.id] == opt.id else " "
            labels.append(f"{mark}{tr(opt.label, lang)} — {tr(opt.summary, lang)}\n       tends to: {tend}")
        answer = self.menu(labels)
        if answer is None:
            return False
        from game.engine.actions import Choose

        return self._do(Choose(dim.id, dim.options[int(answer) - 1].id))

    def negotiation(self) -> bool:
        g, lang = self.game, self.lang
        self.header("Negotiation" if lang == "en" else "Négociation")
        stances = g.predict()
        for s in stances:
            m = g.scenario.member(s.member)
            lean = " (undecided)" if s.undecided else ""
            reasons = "; ".join(f"{r.weight:+d} {tr(r.why, lang)}" for r in s.reasons[:2])
            self.say(f"  {tr(m.name, lang) + (' (P5)' if m.permanent else ''):<28} {s.vote.upper():<8}{lean} {reasons}")
        tally = {k: sum(1 for s in stances if s.vote == k) for k in (council.YES, council.NO, council.ABSTAIN)}
        self.say(f"Predicted: {tally['yes']} yes, {tally['no']} no, {tally['abstain']} abstain — nine yes and no veto adopt it.")
        self.say(f"Political capital: {g.values['council.capital']}")
        trades: list[tuple[str, str, int]] = []
        for s in stances:
            if s.vote == council.YES:
                continue
            for r in s.reasons:
                dim = r.option.partition(".")[0]
                if r.weight < 0 and r.option and dim not in g.softened:
                    cost = g.trade_cost(s.member, dim)
                    if cost:
                        trades.append((s.member, dim, cost))
        items = [self.t("call_vote"), self.t("back")] + [
            f"Trade with {tr(g.scenario.member(m).name, lang)}: soften '{tr(g.scenario.dimension(d).label, lang)}' (cost {c})"
            for m, d, c in trades[:8]
        ]
        answer = self.menu(items)
        if answer is None:
            return False
        k = int(answer)
        if k == 1:
            return self._do(CallVote())
        if k == 2:
            return self._do(Back())
        member, dim, _cost = trades[k - 3]
        return self._do(Trade(member, dim))

    def vote(self) -> bool:
        g, lang = self.game, self.lang
        result = g.votes[-1]
        self.header("The vote" if lang == "en" else "Le vote")
        for m in g.council:
            self.say(f"  {tr(m.name, lang):<28} {result.votes[m.id].upper()}")
        yes = sum(1 for v in result.votes.values() if v == council.YES)
        self.say(f"{yes} yes — {self.t('adopted') if result.adopted else self.t('failed')}")
        if not result.adopted:
            self.say("A short technical rollover keeps the mission for one quarter; a second failure ends it.")
        return self.menu([self.t("continue")]) is not None and self._do(Continue())

    def card(self) -> bool:
        g, lang = self.game, self.lang
        card = g.card
        assert card is not None
        self.header(tr(card.title, lang))
        self.say(tr(card.text, lang))
        self.say("Sources: " + "; ".join(card.sources))
        items = []
        for r in card.responses:
            line = f"{tr(r.label, lang)}\n       why: {tr(r.why, lang)}"
            if r.effects:
                line += f"\n       now: {explain.effects_text(r.effects, lang)}"
            for d in r.delayed:
                line += f"\n       in {d.after} quarter(s): {explain.effects_text(d.effects, lang)}"
            if r.follow_ups:
                line += "\n       this will have consequences later"
            items.append(line)
        answer = self.menu(items)
        if answer is None:
            return False
        return self._do(Respond(card.id, card.responses[int(answer) - 1].id))

    def summary(self) -> bool:
        g, lang = self.game, self.lang
        self.header(f"Quarter {g.quarter + 1} — summary" if lang == "en" else f"Trimestre {g.quarter + 1} — bilan")
        changes = g.meters.changes_in(g.quarter)
        for q, c in sorted(changes.items(), key=lambda kv: -abs(kv[1]))[:10]:
            self.say(f"  {describe(q, lang):<44} {c:+d} → {g.values[q]}")
        return self.menu([self.t("continue")]) is not None and self._do(Continue())

    def why(self) -> None:
        lang = self.lang
        for i, key in enumerate(WHY_KEYS, 1):
            self.say(f"    {i:>2}. {describe(key, lang)} = {self.game.values[key]}")
        answer = self.ask(len(WHY_KEYS))
        if answer is None or answer == "w":
            return
        key = WHY_KEYS[int(answer) - 1]
        if key in ("signatories.cohesion", "violence.mean"):
            key = pair_key("cma", "platform") if key == "signatories.cohesion" else "violence.mopti"
            self.say(f"  ({describe(key, lang)}, which drives it)")
        self.say(f"  Why {describe(key, lang)} is {self.game.values[key]}:")
        for line in explain.why_lines(self.game.why(key), self.game.scenario, lang):
            self.say("    " + line)

    def debrief(self) -> None:
        g, lang = self.game, self.lang
        self.header("Debrief" if lang == "en" else "Débriefing")
        self.say(ENDINGS[g.ending or "scenario_end"][lang])
        for key, value in g.outcomes().items():
            self.say(f"  {OUTCOMES[key][lang]:<36} {value}")
        self.say()
        self.say("What actually happened:" if lang == "en" else "Ce qui s'est réellement passé :")
        self.say(tr(g.scenario.history, lang))
        if g.scenario.questions:
            self.say()
            self.say("For discussion:" if lang == "en" else "Pour la discussion :")
            for q in g.scenario.questions:
                self.say(f"  - {tr(q, lang)}")


def _stdin_reader() -> str | None:
    line = sys.stdin.readline()
    return None if line == "" else line
