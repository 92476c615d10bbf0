"""The window's own words, in English and French (content texts come from the scenario)."""

from __future__ import annotations

S: dict[str, tuple[str, str]] = {
    # title screen
    "app_title": ("Penholder", "Porte-plume"),
    "app_subtitle": ("Hold the pen on MINUSMA's mandate — Mali, 2013–2023",
                     "Tenez la plume du mandat de la MINUSMA — Mali, 2013-2023"),
    "scenarios": ("Choose a scenario", "Choisir un scénario"),
    "minutes": ("about {n} minutes", "environ {n} minutes"),
    "years": ("{n} mandate year(s)", "{n} année(s) de mandat"),
    "unplayable": ("cannot be played: {msg}", "injouable : {msg}"),
    "settings": ("Settings", "Réglages"),
    "language": ("Language: English", "Langue : français"),
    "text_size": ("Text size: {n} of 4", "Taille du texte : {n} sur 4"),
    "contrast": ("High contrast: {v}", "Contraste élevé : {v}"),
    "palette": ("Colour-blind-safe palette: {v}", "Palette pour daltoniens : {v}"),
    "previews": ("Effect previews: {v}", "Aperçu des effets : {v}"),
    "undo_setting": ("Undo allowed (teacher): {v}", "Annulation permise (enseignant) : {v}"),
    "on": ("on", "oui"),
    "off": ("off", "non"),
    "continue_game": ("Continue a game…", "Reprendre une partie…"),
    "continue_title": ("Continue a game", "Reprendre une partie"),
    "continue_btn": ("Continue", "Reprendre"),
    "game_line": ("{date} in the game · last decision {when}", "{date} dans la partie · dernière décision {when}"),
    "continue_none": ("No game to continue yet", "Aucune partie à reprendre"),
    "load": ("Saved games…", "Parties enregistrées…"),
    "help": ("Help (F1)", "Aide (F1)"),
    "quit": ("Quit", "Quitter"),
    "loading": ("Loading the scenario…", "Chargement du scénario…"),
    # chrome
    "menu": ("Menu", "Menu"),
    "undo": ("Undo", "Annuler"),
    "saves": ("Saves", "Sauvegardes"),
    "help_short": ("Help", "Aide"),
    "continue": ("Continue", "Continuer"),
    "back": ("Back", "Retour"),
    "close": ("Close (Esc)", "Fermer (Échap)"),
    "nothing_to_undo": ("There is no decision to undo.", "Il n'y a pas de décision à annuler."),
    "undo_off": ("Undo is switched off in the settings.", "L'annulation est désactivée dans les réglages."),
    "undone": ("Last decision undone.", "Dernière décision annulée."),
    "autosave_failed": ("The autosave could not be written: {msg}", "La sauvegarde automatique a échoué : {msg}"),
    "quarter_n": ("Quarter {n}", "Trimestre {n}"),
    "mandate_n": ("mandate year {n}", "année de mandat {n}"),
    # briefing
    "briefing": ("Briefing", "Rapport du Secrétaire général"),
    "tab_map": ("Map of Mali", "Carte du Mali"),
    "tab_web": ("Armed actors", "Acteurs armés"),
    "violence_legend": ("Violence (0–100)", "Violence (0-100)"),
    "region": ("Region", "Région"),
    "violence": ("Violence", "Violence"),
    "displaced": ("Displaced", "Déplacés"),
    "mission_marker": ("UN = mission present (number: presence 0–100)",
                       "ONU = mission présente (chiffre : présence 0-100)"),
    "situation": ("Situation", "Situation"),
    "mission": ("The mission", "La mission"),
    "politics": ("Politics", "Politique"),
    "council_mood": ("The Council's mood", "L'humeur du Conseil"),
    "mood_line": ("{yes} of 15 would vote yes to the mandate as it stands; {no} no, {abst} abstain.",
                  "{yes} membres sur 15 voteraient pour le mandat tel quel ; {no} contre, {abst} abstentions."),
    "veto_risk": ("Veto threatened by: {names}", "Menace de veto : {names}"),
    "no_veto": ("No permanent member threatens a veto.", "Aucun membre permanent ne menace d'un veto."),
    "buyin": ("Regional buy-in (0–100)", "Adhésion régionale (0-100)"),
    "parallel_force": ("Coercive force now: {opt}", "Force coercitive actuelle : {opt}"),
    "web_legend_pos": ("solid line: allied (+)", "trait plein : alliés (+)"),
    "web_legend_neg": ("dashed line: hostile (−)", "tirets : hostiles (−)"),
    "web_legend_size": ("thicker = stronger; number = −100…+100", "plus épais = plus fort ; chiffre = −100…+100"),
    "web_legend_change": ("▲▼ and a ring: changed since the last briefing",
                          "▲▼ et un halo : changé depuis le dernier rapport"),
    "strength": ("strength {n}", "force {n}"),
    # drafting
    "drafting": ("Drafting the resolution", "Rédaction de la résolution"),
    "dimensions": ("Clauses", "Clauses"),
    "options_for": ("Options — {dim}", "Options — {dim}"),
    "tends": ("Tends to (next year):", "Tendance (sur un an) :"),
    "as_now": ("no change from the mandate in force", "aucun changement par rapport au mandat en vigueur"),
    "in_draft": ("in the draft", "dans le projet"),
    "the_draft": ("The draft resolution", "Le projet de résolution"),
    "preamble": ("The Security Council, acting under Chapter VII of the Charter of the United Nations,",
                 "Le Conseil de sécurité, agissant en vertu du Chapitre VII de la Charte des Nations Unies,"),
    "decides": ("Decides — {dim}: {opt}.", "Décide — {dim} : {opt}."),
    "softened_mark": (" (softened for {who})", " (adouci pour {who})"),
    "to_council": ("Send the draft to the Council", "Soumettre le projet au Conseil"),
    "previews_off": ("Effect previews are off (Settings).", "Aperçu des effets désactivé (Réglages)."),
    # chamber
    "chamber": ("The Council chamber", "La salle du Conseil"),
    "vote_title": ("The vote", "Le vote"),
    "yes": ("YES", "POUR"),
    "no": ("NO", "CONTRE"),
    "abstain": ("ABSTAIN", "ABST."),
    "veto": ("VETO", "VETO"),
    "undecided": ("undecided", "indécis"),
    "p5": ("permanent", "permanent"),
    "african": ("African member", "membre africain"),
    "predicted": ("Predicted: {yes} yes, {no} no, {abst} abstain — nine yes and no veto adopt it.",
                  "Prévision : {yes} pour, {no} contre, {abst} abstentions — neuf voix sans veto l'adoptent."),
    "capital": ("Political capital: {n}", "Capital politique : {n}"),
    "call_vote": ("Call the vote", "Passer au vote"),
    "back_to_draft": ("Back to drafting", "Revenir à la rédaction"),
    "reasons": ("Why {name} votes this way", "Pourquoi {name} vote ainsi"),
    "base_reason": ("{n:+d} disposition toward renewing the mission", "{n:+d} disposition à renouveler la mission"),
    "wants": ("Wants: {t}", "Souhaite : {t}"),
    "trades": ("Trades on offer", "Marchandages possibles"),
    "trade_btn": ("Soften “{dim}” for {name} — cost {cost}", "Adoucir « {dim} » pour {name} — coût {cost}"),
    "no_trades": ("No trade on offer with this member.", "Aucun marchandage possible avec ce membre."),
    "adopted": ("ADOPTED", "ADOPTÉE"),
    "not_adopted": ("NOT ADOPTED", "NON ADOPTÉE"),
    "tally": ("{yes} yes · {no} no · {abst} abstain", "{yes} pour · {no} contre · {abst} abstentions"),
    "vetoed_by": ("Vetoed by {names}.", "Veto de : {names}."),
    "rollover": ("A short technical rollover keeps the mission for one quarter; a second failure ends it.",
                 "Un court renouvellement technique maintient la mission un trimestre ; un second échec y met fin."),
    "voting": ("The members vote…", "Les membres votent…"),
    "skip": ("Enter: show all", "Entrée : tout afficher"),
    "to_field": ("To the field", "Sur le terrain"),
    # field
    "field": ("In the field", "Sur le terrain"),
    "sources": ("Sources", "Sources"),
    "responses": ("Your response (keys 1–{n})", "Votre réponse (touches 1 à {n})"),
    "now": ("Now: {t}", "Tout de suite : {t}"),
    "later": ("In {n} quarter(s): {t}", "Dans {n} trimestre(s) : {t}"),
    "follow_up": ("This will have consequences later.", "Cela aura des suites."),
    "no_effect": ("No direct effect.", "Pas d'effet direct."),
    "key_figures": ("Key figures", "Chiffres clés"),
    "summary": ("Quarter {n} — what changed", "Trimestre {n} — ce qui a changé"),
    "nothing_changed": ("Nothing moved this quarter.", "Rien n'a bougé ce trimestre."),
    "summary_hint": ("Select a line to see why it moved.", "Choisissez une ligne pour voir pourquoi."),
    # debrief
    "debrief": ("Debrief", "Débriefing"),
    "tab_charts": ("Measures over time", "Évolution"),
    "tab_outcome": ("Outcome", "Bilan"),
    "tab_journal": ("Decision journal", "Journal des décisions"),
    "tab_discuss": ("Discussion", "Discussion"),
    "history": ("What actually happened", "Ce qui s'est réellement passé"),
    "questions": ("For discussion", "Pour la discussion"),
    "objectives": ("Learning objectives", "Objectifs pédagogiques"),
    "no_timeline": ("No quarter was played.", "Aucun trimestre n'a été joué."),
    "j_choose": ("{dim}: {opt}", "{dim} : {opt}"),
    "j_trade": ("Trade with {name}: softened “{dim}” (cost {cost})", "Marchandage avec {name} : « {dim} » adoucie (coût {cost})"),
    "j_vote_ok": ("Vote: adopted ({yes} yes)", "Vote : adoptée ({yes} pour)"),
    "j_vote_ko": ("Vote: not adopted ({yes} yes)", "Vote : non adoptée ({yes} pour)"),
    "j_card": ("“{card}” → {resp}", "« {card} » → {resp}"),
    "j_end": ("End: {t}", "Fin : {t}"),
    "new_game": ("Back to the title screen", "Retour à l'écran titre"),
    # why
    "why_title": ("{q}: {v} — why?", "{q} : {v} — pourquoi ?"),
    "why_quarter": ("{q}: what moved it this quarter", "{q} : ce qui l'a fait bouger ce trimestre"),
    "why_none": ("Nothing has moved it yet: this is its starting value.",
                 "Rien ne l'a encore fait bouger : c'est sa valeur de départ."),
    "why_derived": ("Computed from: {parts}", "Calculé à partir de : {parts}"),
    "why_hint": ("Largest causes first.", "Les causes les plus fortes d'abord."),
    # saves
    "j_contributors": ("troop contributors withdrew {troops} troops after {killed} peacekeepers were killed this quarter",
                       "des pays contributeurs ont retiré {troops} militaires après la mort de {killed} casques bleus ce trimestre"),
    "saves_title": ("Saved games", "Parties enregistrées"),
    "save_name": ("Name of the new save:", "Nom de la nouvelle sauvegarde :"),
    "save_here": ("Save the current game", "Enregistrer la partie en cours"),
    "no_game": ("No game in progress to save.", "Aucune partie en cours à enregistrer."),
    "no_slots": ("No saved game yet.", "Aucune partie enregistrée."),
    "load_btn": ("Load", "Charger"),
    "delete_btn": ("Delete", "Supprimer"),
    "saved": ("Saved as “{name}”.", "Enregistrée sous « {name} »."),
    "damaged": ("damaged: {msg}", "endommagée : {msg}"),
    "confirm_delete": ("Delete “{name}”?", "Supprimer\u00a0«\u00a0{name}\u00a0»\u00a0?"),
    "confirm_delete_hint": ("It goes to the bin below, where it can be restored.",
                            "Elle ira dans la corbeille ci-dessous, d'où on peut la restaurer."),
    "yes_delete": ("Yes, delete", "Oui, supprimer"),
    "no_keep": ("No, keep it", "Non, garder"),
    "deleted": ("“{name}” is in the bin; it can be restored there.", "« {name} » est dans la corbeille ; on peut l'y restaurer."),
    "restored": ("“{name}” is back among the saved games.", "« {name} » est de retour parmi les parties enregistrées."),
    "bin_title": ("Bin", "Corbeille"),
    "bin_hint": ("Deleted saves stay here until the bin is emptied.", "Les sauvegardes supprimées restent ici jusqu'à ce que la corbeille soit vidée."),
    "bin_show": ("Show ({n})", "Afficher ({n})"),
    "bin_hide": ("Hide", "Masquer"),
    "bin_empty": ("The bin is empty.", "La corbeille est vide."),
    "restore_btn": ("Restore", "Restaurer"),
    "empty_bin": ("Empty the bin", "Vider la corbeille"),
    "confirm_empty": ("Delete the {n} save(s) in the bin for good?", "Supprimer définitivement les {n} sauvegarde(s) de la corbeille\u00a0?"),
    "confirm_empty_hint": ("This cannot be undone.", "C'est irréversible."),
    "yes_empty": ("Yes, empty it", "Oui, vider"),
    "bin_emptied": ("The bin was emptied ({n} save(s)).", "La corbeille a été vidée ({n} sauvegarde(s))."),
    "prev_loaded": ("The last save could not be read ({msg}). The previous good save was loaded instead.",
                    "La dernière sauvegarde est illisible ({msg}). La sauvegarde précédente a été chargée."),
    "none_loaded": ("No save could be read ({msg}).", "Aucune sauvegarde lisible ({msg})."),
    "replayed": ("The scenario changed since this save; the decisions were replayed.",
                 "Le scénario a changé depuis cette sauvegarde ; les décisions ont été rejouées."),
    # help
    "help_title": ("Help", "Aide"),
}

HELP_KEYS: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("Tab / Shift+Tab, ↑ ↓", "move the focus ring"),
        ("Enter or Space", "use what has the focus"),
        ("1 – 9", "pick a response or an option"),
        ("Esc", "back, or close a window"),
        ("PgUp / PgDn, wheel", "scroll a long list"),
        ("Ctrl+Z", "undo the last decision"),
        ("F1", "this help"),
        ("F11", "full screen"),
        ("Any number", "select it (focus + Enter, or click) to see why it moved"),
    ],
    "fr": [
        ("Tab / Maj+Tab, ↑ ↓", "déplacer le cadre de sélection"),
        ("Entrée ou Espace", "activer l'élément sélectionné"),
        ("1 – 9", "choisir une réponse ou une option"),
        ("Échap", "revenir, ou fermer une fenêtre"),
        ("PgPréc / PgSuiv, molette", "faire défiler une longue liste"),
        ("Ctrl+Z", "annuler la dernière décision"),
        ("F1", "cette aide"),
        ("F11", "plein écran"),
        ("Tout chiffre", "le sélectionner (cadre + Entrée, ou clic) pour voir pourquoi il a bougé"),
    ],
}

HELP_SCREENS: dict[str, tuple[str, str]] = {
    "title": ("Choose a scenario to start a new game, or continue the last one. Settings change the language, "
              "the text size, the contrast and the palette; a teacher can switch undo off.",
              "Choisissez un scénario pour commencer, ou reprenez la dernière partie. Les réglages changent la "
              "langue, la taille du texte, le contraste et la palette ; l'enseignant peut désactiver l'annulation."),
    "briefing": ("The Secretary-General's report: violence and presence region by region, the relations among armed "
                 "actors, regional buy-in, the mission and the Council's mood. Read it, then draft.",
                 "Le rapport du Secrétaire général : violence et présence par région, relations entre acteurs armés, "
                 "adhésion régionale, la mission et l'humeur du Conseil. Lisez-le, puis rédigez."),
    "drafting": ("Pick one option per clause. Each option shows what it tends to do over a year, with arrows "
                 "(▲ rise, ▼ fall; more arrows, bigger change). Then send the draft to the Council.",
                 "Choisissez une option par clause. Chaque option montre sa tendance sur un an, avec des flèches "
                 "(▲ hausse, ▼ baisse ; plus de flèches, plus fort). Puis soumettez le projet au Conseil."),
    "chamber": ("Fifteen members vote: nine yes and no veto adopt the resolution. Select a seat to see its reasons; "
                "spend political capital to soften a clause a member objects to. Then call the vote.",
                "Quinze membres votent : neuf voix et aucun veto adoptent la résolution. Choisissez un siège pour "
                "voir ses raisons ; dépensez du capital politique pour adoucir une clause. Puis passez au vote."),
    "vote": ("The members vote one by one. A failed vote gives a short technical rollover; two in a row end the mission.",
             "Les membres votent un par un. Un échec donne un court renouvellement technique ; deux de suite mettent fin à la mission."),
    "card": ("Something happens in Mali. Read the card and its sources, then answer with keys 1–3 or a click.",
             "Un événement survient au Mali. Lisez la carte et ses sources, puis répondez avec les touches 1 à 3 ou un clic."),
    "summary": ("What the quarter changed. Select any line to see what moved it.",
                "Ce que le trimestre a changé. Choisissez une ligne pour voir ce qui l'a fait bouger."),
    "debrief": ("The end of the game: measures over time, the outcome beside what really happened, your decisions, "
                "and questions for the class.",
                "La fin de la partie : l'évolution des mesures, le bilan face à l'histoire, vos décisions et des "
                "questions pour la classe."),
    "saves": ("Save the current game under a name, or load or delete a saved game.",
              "Enregistrez la partie sous un nom, ou chargez ou supprimez une partie enregistrée."),
}

SHORT: dict[str, tuple[str, str]] = {
    "government": ("Government", "Gouvernement"),
    "cma": ("CMA", "CMA"),
    "platform": ("Platform", "Plateforme"),
    "jnim": ("JNIM", "JNIM"),
    "isgs": ("ISGS", "EIGS"),
    "traffickers": ("Traffickers", "Trafiquants"),
}


def t(key: str, lang: str, **fmt: object) -> str:
    """The interface text ``key`` in ``lang`` (English if French is missing), formatted."""
    pair = S.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "fr" and pair[1] else pair[0]
    return text.format(**fmt) if fmt else text


def short(actor: str, lang: str, date: int | None = None) -> str:
    """An actor's short name; with ``date``, the name of that time (no JNIM before 2017)."""
    from game.engine.world import ERA_NAMES

    era = ERA_NAMES.get(actor)
    if era is not None and date is not None and date < era[0]:
        return era[2].get(lang) or era[2]["en"]
    pair = SHORT.get(actor)
    return (pair[1] if lang == "fr" else pair[0]) if pair else actor
