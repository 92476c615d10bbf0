"""Play in a terminal with numbered choices. Reads a keyboard or a pipe (``yes 1 | …``).

Option 1 always moves the game forward, so a pipe of 1s plays a whole game. Driven by a
``Session``, every decision is autosaved and ``u`` takes the last one back; at the end of input
the game stops cleanly and the command line prints how to resume it (``play --text --continue``).
Everything shown goes through ``say``: control characters escaped, lines wrapped to the terminal.
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
from collections.abc import Callable
from typing import TextIO

from game import explain, i18n, story
from game.content.problems import printable as _escape_for_terminal
from game.engine import council
from game.engine.actions import Action, Back, CallVote, Choose, Continue, Impossible, Respond, Trade
from game.engine.defs import tr, tr_all
from game.engine.game import Game
from game.engine.phases import BRIEFING, CARD, DRAFTING, END, NEGOTIATION, SUMMARY, VOTE
from game.engine.world import REGIONAL, REGIONS, SIGNATORIES, SPOILERS, pair_key
from game.i18n import describe, month_label
from game.session import Session

WHY_KEYS = (
    "violence.mean", "mission.consent", "politics.implementation", "politics.reconciliation",
    "regional.ownership", "signatories.cohesion", "mission.casualties", "mission.troops",
    "strength.jnim", "strength.isgs", "buyin.algeria", "buyin.au", "buyin.ecowas",
    "mission.impartiality", "violence.mopti", "violence.kidal",
)

def printable(text: str) -> str:
    """Text safe for a terminal: control and invisible characters shown as escapes (\\x1b),
    never obeyed; newlines and tabs stay. The same escaping as ``check``'s output."""
    return _escape_for_terminal(text, "\n\t\u00a0\u202f")  # French typography's no-break spaces


MIN_WIDTH, MAX_WIDTH = 20, 100  # past 100 columns lines get hard to follow


def terminal_width() -> int:
    """Columns to wrap to: the terminal's ($COLUMNS, else the tty's, else 80), kept readable."""
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(MIN_WIDTH, min(MAX_WIDTH, columns - 1 if columns > MIN_WIDTH else columns))


def wrap(text: str, width: int) -> str:
    """Each line wrapped to ``width``; a wrapped line's continuation keeps its indent, plus two
    spaces for list items, so menus stay readable. Linear in the text's length."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        item = re.match(r" *(?:\d+\.|-|\*|>>)? *", line)  # indent, and a list mark if any
        more = " " * len(item.group()) if item else ""
        if len(more) > width // 2:
            more = ""
        # the line's own leading spaces are kept by textwrap; continuations align after the mark
        out.append(textwrap.fill(line, width, subsequent_indent=more, break_on_hyphens=False))
    return "\n".join(out)


class Terminal:
    def __init__(self, game: Game, lang: str = "en", read: Callable[[], str | None] | None = None,
                 out: TextIO | None = None, on_decision: Callable[[Game], None] | None = None,
                 session: Session | None = None):
        self.session = session
        self.game = session.game if session is not None else game
        self.lang = lang if lang in i18n.languages() else i18n.SOURCE
        self.out = out or sys.stdout
        self._read = read or _stdin_reader
        self.on_decision = on_decision
        self.guided: set[str] = set()  # phases whose tutorial hint has been shown
        self.width = terminal_width()

    # --- helpers ----------------------------------------------------------------------------
    def t(self, key: str, **fields: object) -> str:
        """The catalogue's sentence ``key`` (the window's own words, shared)."""
        return i18n.text(key, self.lang, **fields)

    def vote_word(self, vote: str) -> str:
        return self.t(vote)  # yes, no, abstain: the window's words

    def say(self, text: str = "") -> None:
        print(wrap(printable(text), self.width), file=self.out)

    def ask(self, choices: int) -> str | None:
        """A number 1..choices, 'w', or '' at the end of input (None)."""
        while True:
            self.out.write(self.t("term.choice", n=choices) + " ")
            self.out.flush()
            line = self._read()
            if line is None:
                self.say()
                return None
            line = line.strip().lower()
            # ASCII digits only: '²' or Arabic-Indic digits pass str.isdigit but are not choices
            if line == "w" or (re.fullmatch(r"[0-9]{1,4}", line) and 1 <= int(line) <= choices):
                return line
            if line == "u" and self.session is not None:
                self.undo()
                continue
            self.say("  " + self.t("term.retry_undo" if self.session is not None else "term.retry", low=1, high=choices))

    def act(self, action: Action) -> None:
        try:
            if self.session is not None:
                self.session.act(action)  # applies, then autosaves this game
            else:
                self.game.apply(action)
        except Impossible as exc:
            self.say(f"  ! {i18n.refusal(exc, self.lang)}")
            return
        if self.session is not None and self.session.save_error is not None:
            self.say(f"  ! {self.session.save_error.text(self.lang)}")
        if self.on_decision:
            self.on_decision(self.game)

    def undo(self) -> None:
        """u at a prompt: take back the last decision (the screen is shown again)."""
        assert self.session is not None
        try:
            self.session.undo()
        except Impossible:
            self.say("  ! " + self.t("nothing_to_undo"))
            return
        self.game = self.session.game
        self.say("  " + self.t("undone"))
        raise _Redraw

    # --- the loop ---------------------------------------------------------------------------
    def run(self) -> bool:
        """Play until the end (True) or until input runs out (False)."""
        handlers = {BRIEFING: self.briefing, DRAFTING: self.drafting, NEGOTIATION: self.negotiation,
                    VOTE: self.vote, CARD: self.card, SUMMARY: self.summary}
        while self.game.phase != END:
            try:
                if not handlers[self.game.phase]():
                    return False
            except _Redraw:
                continue
        self.debrief()
        return True

    def menu(self, items: list[str]) -> str | None:
        for i, item in enumerate(items, 1):
            self.say(f"  {i}. {item}")
        self.say(f"  {self.t('term.why')}")
        if self.session is not None and self.session.can_undo():
            self.say(f"  {self.t('term.undo_hint')}")
        while True:
            answer = self.ask(len(items))
            if answer != "w":
                return answer
            self.why()

    def header(self, title: str) -> None:
        g = self.game
        self.say()
        self.say("=" * min(72, self.width))
        self.say(f"{title} — {month_label(g.date, self.lang)} — {tr(g.scenario.title, self.lang)}")
        self.say("=" * min(72, self.width))
        hint = g.scenario.guide.get(g.phase)
        if hint and g.phase not in self.guided:
            self.guided.add(g.phase)
            self.say(f">> {tr(hint, self.lang)}")
            self.say()

    def briefing(self) -> bool:
        g, v, lang = self.game, self.game.values, self.lang
        self.header(self.t("briefing"))
        if g.quarter == 0 and g.scenario.objectives:  # the first year opens with what the class is to learn
            self.say(self.t("objectives"))
            for objective in g.scenario.objectives:
                self.say("• " + tr(objective, lang))
            self.say()
        self.say(self.t("sg_report"))
        self.say(" ".join(story.sg_report(g, lang)))
        self.say()
        if g.quarter == 0:
            self.say(tr(g.scenario.summary, lang))
            self.say()
        self.say(self.t("term.violence_by_region"))
        for r in REGIONS:
            bar = "#" * (v[f"violence.{r}"] // 5)
            self.say(self.t("term.region_row", name=i18n.word("name", r, lang), violence=v[f"violence.{r}"], bar=bar,
                            presence=v[f"mission_presence.{r}"]))
        self.say(self.t("term.relations"))
        for a in SIGNATORIES:
            for b in SIGNATORIES + SPOILERS:
                if SIGNATORIES.index(a) < (SIGNATORIES + SPOILERS).index(b):
                    self.say(f"  {describe(pair_key(a, b), lang):<44} {v[pair_key(a, b)]:+4d}")
        self.say(self.t("colon", label=self.t("buyin"), text=", ".join(f"{i18n.word('name', a, lang)} {v['buyin.' + a]}" for a in REGIONAL)))
        self.say(self.t("term.mission", troops=v["mission.troops"], killed=v["mission.casualties"], budget=v["mission.budget"],
                        safety=v["mission.safety"], trust=v["mission.trust"], consent=v["mission.consent"]))
        self.say(self.t("term.politics", impl=v["politics.implementation"], recon=v["politics.reconciliation"],
                        will=v["politics.will"], cohesion=v["signatories.cohesion"]))
        stances = g.predict()
        yes = sum(1 for s in stances if s.vote == council.YES)
        no = sum(1 for s in stances if s.vote == council.NO)
        self.say(self.t("mood_line", yes=yes, no=no, n=len(stances) - yes - no))
        return self.menu([self.t("continue")]) is not None and self._do(Continue())

    def _do(self, action: Action) -> bool:
        self.act(action)
        return True

    def drafting(self) -> bool:
        g, lang = self.game, self.lang
        self.header(self.t("drafting"))
        for dim in g.scenario.dimensions:
            self.say(f"  {tr(dim.label, lang):<32} {tr(dim.option(g.draft[dim.id]).label, lang)}")
        items = [self.t("to_council")] + [self.t("colon", label=self.t("term.change"), text=tr(d.label, lang)) for d in g.scenario.dimensions]
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
            tend = "; ".join(f"{describe(q, lang)} {explain.arrows(c)}" for q, c in shown) or self.t("as_now")
            mark = "*" if g.draft[dim.id] == opt.id else " "
            labels.append(f"{mark}{tr(opt.label, lang)} — {tr(opt.summary, lang)}\n       {self.t('tends')} {tend}")
        answer = self.menu(labels)
        if answer is None:
            return False
        return self._do(Choose(dim.id, dim.options[int(answer) - 1].id))

    def negotiation(self) -> bool:
        g, lang = self.game, self.lang
        self.header(self.t("term.negotiation"))
        stances = g.predict()
        for s in stances:
            m = g.scenario.member(s.member)
            lean = f" ({self.t('undecided')})" if s.undecided else ""
            reasons = "; ".join(f"{r.weight:+d} {tr(r.why, lang)}" for r in s.reasons[:2])
            name = self.t("term.permanent", name=tr(m.name, lang)) if m.permanent else tr(m.name, lang)
            self.say(f"  {name:<28} {self.vote_word(s.vote):<11}{lean} {reasons}")
        tally = {k: sum(1 for s in stances if s.vote == k) for k in (council.YES, council.NO, council.ABSTAIN)}
        self.say(self.t("predicted", yes=tally["yes"], no=tally["no"], n=tally["abstain"]))
        self.say(self.t("capital", n=g.values["council.capital"]))
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
        items = [self.t("call_vote"), self.t("back_to_draft")] + [
            self.t("trade_btn", name=tr(g.scenario.member(m).name, lang), dim=tr(g.scenario.dimension(d).label, lang), cost=c)
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
        self.header(self.t("vote_title"))
        for m in g.council:
            self.say(f"  {tr(m.name, lang):<28} {self.vote_word(result.votes[m.id])}")
        counts = [sum(1 for v in result.votes.values() if v == k) for k in (council.YES, council.NO, council.ABSTAIN)]
        tally = self.t("tally", yes=counts[0], no=counts[1], n=counts[2])
        self.say(f"{tally} — {self.t('adopted') if result.adopted else self.t('not_adopted')}")
        if not result.adopted:
            self.say(self.t("rollover"))
        return self.menu([self.t("continue")]) is not None and self._do(Continue())

    def card(self) -> bool:
        g, lang = self.game, self.lang
        card = g.card
        assert card is not None
        self.header(tr(card.title, lang))
        self.say(tr(card.text, lang))
        self.say(self.t("colon", label=self.t("sources"), text="; ".join(tr_all(card.sources, self.lang))))
        items = []
        for r in card.responses:
            line = f"{tr(r.label, lang)}\n       " + self.t("colon", label=self.t("term.why_short"), text=tr(r.why, lang))
            if r.effects:
                line += "\n       " + self.t("now", t=explain.effects_text(r.effects, lang))
            for d in r.delayed:
                line += "\n       " + self.t("later", n=d.after, t=explain.effects_text(d.effects, lang))
            if r.follow_ups:
                line += "\n       " + self.t("follow_up")
            items.append(line)
        answer = self.menu(items)
        if answer is None:
            return False
        resp = card.responses[int(answer) - 1]
        self.act(Respond(card.id, resp.id))
        if g.decisions and g.decisions[-1] == Respond(card.id, resp.id).to_dict():  # what happened, in words
            self.say(self.t("story_outcome"))
            self.say(story.response_outcome(g, card, resp, lang))
        return True

    def summary(self) -> bool:
        g, lang = self.game, self.lang
        self.header(self.t("summary", n=g.quarter + 1))
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
        self.say("  " + self.t("why_title", q=describe(key, lang), v=self.game.values[key]))
        for line in explain.why_lines(self.game.why(key), self.game.scenario, lang):
            self.say("    " + line)

    def debrief(self) -> None:
        g, lang = self.game, self.lang
        self.header(self.t("ending_screen"))  # why it ended and how the record differs (the first line: the ending)
        for sentence in story.end_summary(g, lang):
            self.say(sentence)
        self.header(self.t("debrief"))
        for key, value in g.outcomes().items():
            self.say(f"  {i18n.word('outcome', key, lang):<36} {value}")
        self.say()
        self.say(self.t("history"))
        self.say(tr(g.scenario.history, lang))
        if g.scenario.questions:
            self.say()
            self.say(self.t("questions"))
            for q in g.scenario.questions:
                self.say(f"  - {tr(q, lang)}")


class _Redraw(Exception):
    """Undo changed the game: show the current screen again."""


def _stdin_reader() -> str | None:
    if sys.stdin is None or sys.stdin.closed:
        return None  # started with stdin closed: nothing to read, the game stops cleanly
    try:
        line = sys.stdin.readline()
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return None if line == "" else line
