"""Play in a terminal with numbered choices. Reads a keyboard or a pipe (``yes 1 | …``).

Option 1 always moves the game forward, so a pipe of 1s plays a whole game. Driven by a
``Session``, every decision is autosaved and ``u`` takes the last one back; at the end of input
the game stops cleanly and the command line prints how to resume it (``play --text --continue``).
Everything shown goes through ``say`` (``game/frontends/console.py``): control characters
escaped, lines wrapped to the terminal with hanging indents, and paged at its height where a
person reads it. ``w`` at a prompt explains any number the current screen shows (``show``
records them as they are printed), then shows the choices again.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import TextIO

from game import explain, i18n, journal, story
from game.engine import council
from game.engine.actions import Action, Back, CallVote, Choose, Continue, Impossible, Respond, Trade
from game.engine.defs import tr, tr_all
from game.engine.game import Game
from game.engine.phases import BRIEFING, CARD, DRAFTING, END, NEGOTIATION, SUMMARY, VOTE
from game.engine.world import REGIONAL, REGIONS, SIGNATORIES, SPOILERS, pair_key
from game.frontends.console import Console, printable, sparkline, terminal_width, wrap
from game.i18n import describe, month_label
from game.session import Session, undo_refused

# Asked "why?" where a screen shows no number of its own (the drafting screen): the key measures.
WHY_KEYS = (
    "violence.mean", "mission.consent", "politics.implementation", "politics.reconciliation",
    "regional.ownership", "signatories.cohesion", "mission.casualties", "mission.troops",
    "strength.jnim", "strength.isgs", "buyin.algeria", "buyin.au", "buyin.ecowas",
    "mission.impartiality", "violence.mopti", "violence.kidal",
)
VOTE_MARKS = "+-"  # under the debrief's charts: a renewal vote adopted, one not adopted
__all__ = ["VOTE_MARKS", "WHY_KEYS", "Terminal", "printable", "terminal_width", "wrap"]


class Terminal:
    def __init__(self, game: Game, lang: str = "en", read: Callable[[], str | None] | None = None,
                 out: TextIO | None = None, on_decision: Callable[[Game], None] | None = None,
                 session: Session | None = None, size: tuple[int, int] | None = None,
                 paging: bool | None = None, reload: Callable[[], tuple[str, bool]] | None = None):
        self.session = session
        self.reload = reload  # play --watch: after each line typed, (what to say, show the screen again?)
        self.game = session.game if session is not None else game
        self.lang = lang if lang in i18n.languages() else i18n.SOURCE
        self.out = out or sys.stdout
        self.on_decision = on_decision
        self.guided: set[str] = set()  # phases whose tutorial hint has been shown
        # size (columns, lines) and paging default to the terminal's (see game/frontends/console.py)
        self.console = Console(self.out, read or _stdin_reader, self.lang, size=size, paging=paging)
        self.width = self.console.width
        self.shown: list[str] = []  # the quantities whose numbers the current screen shows, in order

    # --- helpers ----------------------------------------------------------------------------
    def t(self, key: str, **fields: object) -> str:
        """The catalogue's sentence ``key`` (the window's own words, shared)."""
        return i18n.text(key, self.lang, **fields)

    def vote_word(self, vote: str) -> str:
        return self.t(vote)  # yes, no, abstain: the window's words

    def say(self, text: str = "", hang: int | None = None) -> None:
        """Every line the game shows: escaped, wrapped, paged (``hang``: continuation indent)."""
        self.console.say(text, hang)

    def show(self, *keys: str) -> None:
        """Note quantities whose numbers this screen shows, so ``w`` can explain any of them."""
        for key in keys:
            if key in self.game.values and key not in self.shown:
                self.shown.append(key)

    def ask(self, choices: int) -> str | None:
        """A number 1..choices, 'w', or '' at the end of input (None)."""
        while True:
            line = self.console.prompt(self.t("term.choice", n=choices))
            if line is None:
                self.say()
                return None
            if self.reload is not None:
                said, again = self.reload()
                if said:
                    self.say(f"  ! {said}", hang=4)
                if again:  # the content was reloaded: this screen again, from the new content
                    self.game = self.session.game if self.session is not None else self.game
                    raise _Redraw
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
            self.say(f"  ! {i18n.refusal(exc, self.lang)}", hang=4)
            return
        if self.session is not None and self.session.save_error is not None:
            self.say(f"  ! {self.session.save_error.text(self.lang)}", hang=4)
        if self.on_decision:
            self.on_decision(self.game)

    def undo(self) -> None:
        """u at a prompt: take back the last decision (the screen is shown again)."""
        assert self.session is not None
        try:
            self.session.undo()
        except Impossible as exc:
            self.say("  ! " + undo_refused(exc, self.lang), hang=4)
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
        self.console.wait()
        return True

    def menu(self, items: list[str]) -> str | None:
        """The numbered choices; after ``w`` and its answer they are shown again."""
        while True:
            lines = [f"  {i}. {item}" for i, item in enumerate(items, 1)] + [f"  {self.t('term.why')}"]
            if self.session is not None and self.session.can_undo():
                lines.append(f"  {self.t('term.undo_hint')}")
            self.console.keep_together(lines)
            for line in lines:
                self.say(line)
            answer = self.ask(len(items))
            if answer != "w":
                return answer
            if not self.why():
                return None

    def header(self, title: str) -> None:
        g = self.game
        self.shown = []  # a new screen: its own numbers
        rule = "=" * min(72, self.width)
        self.say()
        self.say(rule)
        self.say(f"{title} — {month_label(g.date, self.lang)} — {tr(g.scenario.title, self.lang)}")
        self.say(rule)
        hint = g.scenario.guide.get(g.phase)
        if hint and g.phase not in self.guided:
            self.guided.add(g.phase)
            self.say(f">> {tr(hint, self.lang)}")
            self.say()

    def column(self, labels: list[str], most: int) -> int:
        """The width of a table's first column: its longest label, at most ``most`` columns."""
        return min(most, max((len(label) for label in labels), default=0))

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
            self.show(f"violence.{r}", f"mission_presence.{r}")
            self.say(self.t("term.region_row", name=i18n.word("name", r, lang), violence=v[f"violence.{r}"], bar=bar,
                            presence=v[f"mission_presence.{r}"]))
        self.say(self.t("term.relations"))
        pairs = [pair_key(a, b) for a in SIGNATORIES for b in SIGNATORIES + SPOILERS
                 if SIGNATORIES.index(a) < (SIGNATORIES + SPOILERS).index(b)]
        wide = self.column([describe(k, lang) for k in pairs], self.width - 8)
        for key in pairs:
            self.show(key)
            self.say(f"  {describe(key, lang):<{wide}} {v[key]:+4d}", hang=4)
        self.show(*(f"buyin.{a}" for a in REGIONAL))
        self.say(self.t("colon", label=self.t("buyin"), text=", ".join(f"{i18n.word('name', a, lang)} {v['buyin.' + a]}" for a in REGIONAL)), hang=2)
        self.show("mission.troops", "mission.casualties", "mission.budget", "mission.safety", "mission.trust", "mission.consent")
        self.say(self.t("term.mission", troops=v["mission.troops"], killed=v["mission.casualties"], budget=v["mission.budget"],
                        safety=v["mission.safety"], trust=v["mission.trust"], consent=v["mission.consent"]), hang=2)
        self.show("politics.implementation", "politics.reconciliation", "politics.will", "signatories.cohesion")
        self.say(self.t("term.politics", impl=v["politics.implementation"], recon=v["politics.reconciliation"],
                        will=v["politics.will"], cohesion=v["signatories.cohesion"]), hang=2)
        stances = g.predict()
        yes = sum(1 for s in stances if s.vote == council.YES)
        no = sum(1 for s in stances if s.vote == council.NO)
        self.say(self.t("mood_line", yes=yes, no=no, n=len(stances) - yes - no))
        if g.quarter == 0 and g.scenario.state_sources:  # the figures above are the scenario's own, from these
            self.say()
            self.say(self.t("state_sources"))
            for source in tr_all(g.scenario.state_sources, lang):
                self.say("• " + source, hang=2)
        return self.menu([self.t("continue")]) is not None and self._do(Continue())

    def _do(self, action: Action) -> bool:
        self.act(action)
        return True

    def drafting(self) -> bool:
        g, lang = self.game, self.lang
        self.header(self.t("drafting"))
        wide = self.column([tr(d.label, lang) for d in g.scenario.dimensions], self.width // 2 - 2)
        for dim in g.scenario.dimensions:
            self.say(f"  {tr(dim.label, lang):<{wide}}  {tr(dim.option(g.draft[dim.id]).label, lang)}", hang=wide + 4)
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
            self.show(*(q for q, _c in shown))
            tend = self.t("list_sep").join(f"{describe(q, lang)} {explain.arrows(c)}" for q, c in shown) or self.t("as_now")
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
        names = [self.t("term.permanent", name=tr(g.scenario.member(s.member).name, lang))
                 if g.scenario.member(s.member).permanent else tr(g.scenario.member(s.member).name, lang) for s in stances]
        wide = self.column(names, self.width // 2)
        for s, name in zip(stances, names, strict=True):
            lean = f" ({self.t('undecided')})" if s.undecided else ""
            rows = [(f"  {name:<{wide}}  {self.vote_word(s.vote)}{lean}", 4)]
            for r in s.reasons[:2]:  # each reason on its own line, wrapped under its own words
                weight = f"{r.weight:+d}"
                rows.append((f"      {weight} {tr(r.why, lang)}", 7 + len(weight)))
            self.console.need(sum(len(wrap(printable(text), self.width, hang).split("\n")) for text, hang in rows))
            for text, hang in rows:  # a member and its reasons on one screen
                self.say(text, hang=hang)
        tally = {k: sum(1 for s in stances if s.vote == k) for k in (council.YES, council.NO, council.ABSTAIN)}
        self.say(self.t("predicted", yes=tally["yes"], no=tally["no"], n=tally["abstain"]))
        self.show("council.capital")
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
        ] + [self.t("term.sources")]  # last, so that the numbers of the others never move
        answer = self.menu(items)
        if answer is None:
            return False
        k = int(answer)
        if k == 1:
            return self._do(CallVote())
        if k == 2:
            return self._do(Back())
        if k == len(items):
            self.member_sources([s.member for s in stances])
            raise _Redraw  # then the negotiation again, its choices with it
        member, dim, _cost = trades[k - 3]
        return self._do(Trade(member, dim))

    def member_sources(self, members: list[str]) -> None:
        """Each member's sources, in the player's language: where its reasons come from."""
        g, lang = self.game, self.lang
        self.say()
        self.say(self.t("term.sources"))
        for member_id in members:
            m = g.scenario.member(member_id)
            self.say("  " + tr(m.name, lang))
            sources = m.sources_in(g.date // 12)  # this vote's year: none from a later one
            for source in tr_all(sources, lang):
                self.say("    • " + source, hang=6)
            if not sources:
                self.say("    " + self.t("no_sources", name=tr(m.name, lang), year=g.date // 12), hang=4)
        self.say()

    def vote(self) -> bool:
        g, lang = self.game, self.lang
        result = g.votes[-1]
        self.header(self.t("vote_title"))
        wide = self.column([tr(m.name, lang) for m in g.council], self.width // 2)
        for m in g.council:
            self.say(f"  {tr(m.name, lang):<{wide}}  {self.vote_word(result.votes[m.id])}", hang=4)
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
        again = journal.earlier_words(g, card.id, lang)
        if again:
            self.say(again)
        self.say(tr(card.text, lang))
        self.say(self.t("colon", label=self.t("sources"), text=self.t("list_sep").join(tr_all(card.sources, self.lang))), hang=2)
        items = []
        for r in card.responses:
            line = f"{tr(r.label, lang)}\n       " + self.t("colon", label=self.t("term.why_short"), text=tr(r.why, lang))
            if r.effects:
                self.show(*r.effects)
                line += "\n       " + self.t("now", t=explain.effects_text(r.effects, lang))
            for d in r.delayed:
                self.show(*d.effects)
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
            changes = story.response_changes(g, card, resp)
            if changes:  # every change, as the window lists it ('w' explains any of them)
                self.say(self.t("outcome_changes"))
                wide = self.column([describe(q, lang, g.date) for q, _c in changes], self.width - 16)
                for q, c in changes:
                    self.show(q)
                    self.say(f"  {describe(q, lang, g.date):<{wide}} {c:+d} → {g.values[q]}", hang=4)
            if resp.delayed:
                self.say(self.t("outcome_later"))
                for d in resp.delayed:
                    note = tr(d.note, lang)
                    self.say("  " + self.t("later", n=d.after, t=explain.effects_text(d.effects, lang))
                             + (f" ({note})" if note else ""), hang=4)
        return True

    def summary(self) -> bool:
        g, lang = self.game, self.lang
        self.header(self.t("summary", n=g.quarter + 1))
        changes = sorted(g.meters.changes_in(g.quarter).items(), key=lambda kv: -abs(kv[1]))[:10]
        wide = self.column([describe(q, lang) for q, _c in changes], self.width - 16)
        for q, c in changes:
            self.show(q)
            self.say(f"  {describe(q, lang):<{wide}} {c:+d} → {g.values[q]}", hang=4)
        return self.menu([self.t("continue")]) is not None and self._do(Continue())

    def why(self) -> bool:
        """``w``: the numbers this screen shows (else the key measures), then the causes of the one
        chosen. False when input ended."""
        lang, values = self.lang, self.game.values
        keys = self.shown or [k for k in WHY_KEYS if k in values]
        self.say("  " + self.t("term.why_list"))
        for i, key in enumerate(keys, 1):
            self.say(f"    {i:>2}. {describe(key, lang)} = {values[key]}")
        while True:
            line = self.console.prompt(self.t("term.why_pick", n=len(keys)))
            if line is None:
                self.say()
                return False
            line = line.strip()
            if line == "" or line.lower() == "w":
                return True  # back to the choices
            if re.fullmatch(r"[0-9]{1,4}", line) and 1 <= int(line) <= len(keys):
                break
            self.say("  " + self.t("term.why_retry", low=1, high=len(keys)))
        key = keys[int(line) - 1]
        self.say("  " + self.t("why_title", q=describe(key, lang), v=values[key]))
        lines = explain.why_lines(self.game.why(key), self.game.scenario, lang) or [self.t("why_none")]
        for text in lines:
            self.say("    " + text, hang=8)
        self.say()
        return True

    # --- the debrief --------------------------------------------------------------------------
    def debrief(self) -> None:
        """The outcomes, the measures over time, what actually happened, the journal, questions."""
        g, lang = self.game, self.lang
        self.header(self.t("ending_screen"))  # why it ended and how the record differs (the first line: the ending)
        for sentence in story.end_summary(g, lang):
            self.say(sentence)
        self.header(self.t("debrief"))
        outcomes = g.outcomes()
        wide = self.column([i18n.word("outcome", k, lang) for k in outcomes], self.width - 10)
        for key, value in outcomes.items():
            self.say(f"  {i18n.word('outcome', key, lang):<{wide}} {value:>6}", hang=4)
            self.say(f"    {i18n.word('outcome_means', key, lang)}", hang=4)  # how it is made
        self.charts()
        if tr(g.scenario.history, lang):
            self.heading(self.t("history"))
            self.say(tr(g.scenario.history, lang))
            if g.scenario.sources:
                self.say(self.t("sources"))
                for source in tr_all(g.scenario.sources, self.lang):
                    self.say(f"  - {source}")
        self.journal()
        if g.scenario.questions:
            sizes = [len(wrap(printable(f"  {i}. {tr(q, lang)}"), self.width).split("\n"))
                     for i, q in enumerate(g.scenario.questions, 1)]
            self.heading(self.t("questions"), keep=sizes[0])  # the heading stays with its first question
            for i, q in enumerate(g.scenario.questions, 1):
                self.console.need(sizes[i - 1])
                self.say(f"  {i}. {tr(q, lang)}")

    def heading(self, title: str, keep: int = 2) -> None:
        """A section's title, underlined, kept on one screen with ``keep`` lines after it."""
        self.console.need(3 + keep)
        self.say()
        self.say(title)
        self.say("-" * min(len(title), self.width))

    def charts(self) -> None:
        """The debrief's measures over time: one small chart a line, on the same 0–100 scale."""
        from game.charts import CHART_KEYS, quantity_title

        g, lang = self.game, self.lang
        self.heading(self.t("tab_charts"), keep=len(CHART_KEYS) + 4)  # the legend, the charts, the votes
        if not g.timeline:
            self.say(self.t("no_timeline"))
            return
        marks = self.console.sparks()
        first = month_label(g.scenario.start + 3 * g.timeline[0]["quarter"], lang)
        last = month_label(g.scenario.start + 3 * g.timeline[-1]["quarter"], lang)
        self.say(self.t("term.chart_legend", first=first, last=last, low=marks[0], high=marks[-1], adopted=VOTE_MARKS[0],
                        failed=VOTE_MARKS[1]), hang=2)
        titles = {k: quantity_title(k, lang) for k in CHART_KEYS}
        votes_label = self.t("term.chart_votes")
        room = self.width - 2 - 2 * 5  # the line's indent, and the first and last values
        n = len(g.timeline)
        wide = self.column([*titles.values(), votes_label], room - min(n, room - 2) - 3)
        for key in CHART_KEYS:
            series = _fit([row.get(key, 0) for row in g.timeline], room - 2)
            spark = f"{series[0]:>3} {sparkline(series, marks=marks)} {series[-1]}"
            if len(titles[key]) <= wide:
                self.say(f"  {titles[key]:<{wide}} {spark}")
            else:  # a long name: the chart on the next line
                self.say(f"  {titles[key]}", hang=4)
                self.say(f"  {'':<{wide}} {spark}")
        if n <= room - 2 and len(votes_label) <= wide:  # under the quarters: the renewal votes
            result = {v.quarter: v.adopted for v in g.votes}
            row = "".join(" " if r["quarter"] not in result else VOTE_MARKS[0] if result[r["quarter"]] else VOTE_MARKS[1]
                          for r in g.timeline)
            self.say(f"  {votes_label:<{wide}} {'':>3} {row}")

    def journal(self) -> None:
        """Every decision, and what the ledger says it moved most."""
        from game.journal import consequences_text, journal_line, record_count, record_note

        g, lang = self.game, self.lang
        if not g.journal:
            return
        self.heading(self.t("tab_journal"))
        count = record_count(g, lang)  # how often the class did what the Council did
        if count:
            self.say(count, hang=2)
        for entry in g.journal:  # an entry is not split by "Enter for more"
            lines = [f"  - {journal_line(g, entry, lang)}"]
            moved = consequences_text(g, entry, lang)
            if moved:
                lines.append(f"      → {moved}")
            note = record_note(g, entry, lang)
            if note:  # what the Council actually did, under the decision
                lines.append(f"      {note}")
            self.console.need(sum(len(wrap(printable(x), self.width, hang=8).split("\n")) for x in lines))
            for line in lines:
                self.say(line, hang=8 if line.startswith("      ") else None)


def _fit(values: list[int], room: int) -> list[int]:
    """At most ``room`` values, evenly taken (the first and the last kept)."""
    if len(values) <= room or room < 2:
        return values
    step = (len(values) - 1) / (room - 1)
    return [values[round(i * step)] for i in range(room)]


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
