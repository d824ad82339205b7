"""Texts of the joint press releases (``!pm`` / ``!pr``)."""

from commands.core.plural import Entry, Plural

DE: dict[str, Entry] = {
    "pm.help.show": "listet die gemeinsamen Pressemitteilungen oder zeigt eine mit Text und "
    "Stand der Freigaben",
    "pm.help.draft": "legt einen Entwurf an: Titel in der ersten Zeile, Text ab der zweiten "
    "(Markdown: **fett**, *kursiv*, Listen)",
    "pm.help.revise": "legt eine neue Version an – <text> ist der ganze neue Text; er beginnt "
    "nach der Nummer oder in der nächsten Zeile – und zeigt die Änderungen Wort für Wort; alle "
    "Freigaben beginnen neu",
    "pm.help.approve": "gibt die aktuelle Version für Ihre Organisation frei "
    "(oder ✅/👍 als Reaktion auf den Entwurf); nach der letzten Freigabe wird der Text "
    "einmal veröffentlicht",
    "pm.help.reject": "bittet mit Begründung um Änderungen (erwähnt die Verfasserin)",
    "pm.help.withdraw": "zieht die Freigabe Ihrer Organisation zurück (oder die Reaktion "
    "entfernen), solange noch nicht alle freigegeben haben",
    "pm.help.history": "zeigt, wer wann welche Version angelegt, freigegeben oder abgelehnt hat",
    "pm.help.export": "lädt den Text als Markdown- oder Textdatei hoch (md oder txt)",
    "pm.help.search": "durchsucht Titel und aktuellen Text aller Pressemitteilungen, "
    "neueste zuerst",
    "pm.who": "{name} ({partner})",
    "pm.status.draft": "Entwurf",
    "pm.status.approved": "Freigegeben",
    "pm.status.changes": "Änderungen erbeten",
    "pm.head": "PM #{id} · Version {version} · {status}",
    "pm.partner": "{mark} {partner}",
    "pm.partner_reason": "{mark} {partner} – „{reason}“",
    "pm.deadline": "Frist: {day}",
    "pm.next_open": "Freigeben: !pm freigeben {id} oder ✅/👍 als Reaktion auf diese Nachricht. "
    "Änderungen erbitten: {usage:pm ablehnen|kurz id}",
    "pm.next_done": "Von allen Partnern freigegeben. !pm export {id} lädt den Text als Datei hoch, "
    "!pm verlauf {id} zeigt den Verlauf.",
    "pm.revised": "Neue Version {version} von {who} – die bisherigen Freigaben gelten nicht mehr.",
    "pm.diff_title": "Änderungen gegenüber Version {version}:",
    "pm.diff_heading": "Titel: ",
    "pm.diff_same_text": "Der Text ist unverändert.",
    "pm.approve.done": "✅ PM #{id}: Freigabe durch {partner} (Version {version}).",
    "pm.approve.already": "PM #{id} ist für {partner} bereits freigegeben (Version {version}) – "
    "es hat sich nichts geändert.",
    "pm.approve.missing": "Noch ausstehend: {partners}.",
    "pm.approve.complete": "Alle Partner haben Version {version} freigegeben – "
    "der endgültige Text folgt als eigene Nachricht.",
    "pm.withdraw.done": "↩ PM #{id}: Freigabe durch {partner} zurückgezogen (Version {version}).",
    "pm.reject.done": "✋ PM #{id}: {partner} bittet um Änderungen an Version {version}: „{reason}“",
    "pm.reject.next": "{authors}: bitte überarbeiten mit !pm überarbeiten {id} "
    "und dem neuen Text ab der zweiten Zeile.",
    "pm.final.title": "📢 Gemeinsame Pressemitteilung freigegeben: PM #{id}, Version {version}",
    "pm.final.approvals": "Freigegeben von:",
    "pm.final.approval": "{partner}: {person}, Version {version}, {when}",
    "pm.final.approvals_org": "Freigaben:",
    "pm.final.approval_org": "{partner}: freigegeben am {when}, Version {version}",
    "pm.final.next": "Die Freigabe ist gespeichert. !pm export {id} lädt den Text als Datei hoch.",
    "pm.reaction.kept": "PM #{id} ist bereits von allen Partnern freigegeben; "
    "die Freigabe durch {partner} bleibt bestehen.",
    "pm.error.unknown": "Eine Pressemitteilung #{id} gibt es in diesem Raum nicht. !pm zeigt alle.",
    "pm.error.not_member": "PM #{id} freigeben kann nur ein Mitglied der Partner, "
    "für die eigene Organisation. Ihre Rolle: {yours}.",
    "pm.error.published": "PM #{id} ist bereits von allen Partnern freigegeben und veröffentlicht "
    "(Version {version}). Für eine neue Fassung legen Sie bitte einen neuen Entwurf an.",
    "pm.error.old_version": "PM #{id}: Version {version} ist nicht mehr aktuell, aktuell ist "
    "Version {current}. Bitte Version {current} lesen (!pm {id}) und freigeben.",
    "pm.error.not_approved": "PM #{id} ist für {partner} nicht freigegeben – "
    "es gibt nichts zurückzuziehen.",
    "pm.error.no_text": "Bitte den Titel in die erste Zeile und den Text ab der zweiten Zeile "
    "schreiben.",
    "pm.error.no_revision_text": "Bitte den neuen Text ab der zweiten Zeile schreiben.",
    "pm.error.title_too_long": "Der Titel ist zu lang (höchstens {limit} Zeichen).",
    "pm.error.text_too_long": "Der Text ist zu lang ({length} Zeichen, höchstens {limit}). "
    "Bitte kürzen.",
    "pm.error.unchanged": "Titel und Text von PM #{id} sind unverändert – "
    "es wurde keine neue Version angelegt.",
    "pm.error.past_date": "Die Frist „{value}“ liegt in der Vergangenheit.",
    "pm.error.not_sub": "„{value}“ ist weder eine Nummer noch ein Teil von !pm. Möglich: "
    "entwurf, überarbeiten, freigeben, ablehnen, zurückziehen, verlauf, export, suche.",
    "pm.status_open": "Offene Entwürfe: {drafts}",
    "pm.status_open_one": "PM #{id} (ausstehend: {partners})",
    "pm.list.empty": "Noch keine Pressemitteilungen. Einen Entwurf legen Sie mit "
    "{usage:pm entwurf|kurz} an, der Text folgt ab der zweiten Zeile.",
    "pm.list.title": "Pressemitteilungen (neueste zuerst)",
    "pm.list.entry": "#{id} {title} · Version {version} · {status}",
    "pm.list.missing": " – ausstehend: {partners}",
    "pm.list.deadline": " · Frist {day}",
    "pm.list.more": "!pm <nummer> zeigt Text und Stand, z. B. !pm {id}.",
    "pm.search.title": "Pressemitteilungen mit „{term}“ ({count} gefunden, neueste zuerst):",
    "pm.search.title_many": "Pressemitteilungen mit „{term}“ (über {count} gefunden, "
    "neueste zuerst):",
    "pm.search.none": "Keine Pressemitteilung enthält „{term}“ in Titel oder aktuellem Text. "
    "Alle Pressemitteilungen: !pm",
    "pm.search.more": Plural(
        one="… und 1 ältere: die nächste mit !pm suche {term} seite={next}",
        other="… und {count} ältere: die nächsten mit !pm suche {term} seite={next}",
    ),
    "pm.search.more_many": "… und über {count} ältere: die nächsten mit !pm suche {term} "
    "seite={next}",
    "pm.search.more_uncounted": "… und weitere ältere: die nächsten mit !pm suche {term} "
    "seite={next}",
    "pm.search.no_page": "Seite {page} gibt es nicht – die letzte ist Seite {pages}.",
    "pm.history.title": "Verlauf von PM #{id} „{title}“",
    "pm.history.older": "({count} ältere Einträge nicht gezeigt)",
    "pm.history.entry": "{when} · Version {version} · {what}",
    "pm.history.created": "Entwurf angelegt von {who}",
    "pm.history.revised": "überarbeitet von {who}",
    "pm.history.approved": "freigegeben von {who}",
    "pm.history.approved_reaction": "freigegeben von {who} – per Reaktion",
    "pm.history.withdrawn": "Freigabe zurückgezogen von {who}",
    "pm.history.withdrawn_reaction": "Freigabe zurückgezogen von {who} – Reaktion entfernt",
    "pm.history.changes_requested": "Änderungen erbeten von {who}: „{reason}“",
    "pm.history.published": "veröffentlicht – alle Partner haben freigegeben",
    "pm.export.done": "PM #{id}, Version {version} ({status}) als Datei {file}.",
    "pm.export.draft_note": "Hinweis: noch nicht von allen Partnern freigegeben.",
    "pm.export.exported": "Exportiert: {when}",
    "pm.remind.tomorrow": "⏰ PM #{id} „{title}“: Die Frist endet morgen, {day}.",
    "pm.remind.today": "⏰ PM #{id} „{title}“: Die Frist endet heute, {day}.",
    "pm.remind.late": "{head} (verspätet)",
    "pm.remind.missing": "Freigabe ausstehend: {partners}.",
    "pm.remind.ask": "{people}: bitte !pm {id} lesen und freigeben (!pm freigeben {id}) "
    "oder Änderungen erbitten ({usage:pm ablehnen|kurz id}).",
    "pm.remind.ask_all": "Bitte !pm {id} lesen und freigeben (!pm freigeben {id}) "
    "oder Änderungen erbitten ({usage:pm ablehnen|kurz id}).",
    "pm.remind.changes": "Änderungen erbeten von: {partners}.",
    "pm.remind.revise": "{people}: bitte überarbeiten (!pm überarbeiten {id}).",
    "pm.remind.missed_item": "PM #{id} „{title}“, Frist {day} (Erinnerung {when})",
    "pm.remind.missed_next": "!pm zeigt den Stand der Pressemitteilungen.",
}

EN: dict[str, Entry] = {
    "pm.help.show": "lists the press releases or shows one with its text and approvals",
    "pm.help.draft": "creates a draft: title on the first line, text from the second "
    "(Markdown: **bold**, *italic*, lists)",
    "pm.help.revise": "makes a new version – <text> is the whole new text; it starts after the "
    "number or on the next line – and shows the changes word by word; all approvals start over",
    "pm.help.approve": "approves the current version for your organisation "
    "(or react ✅/👍 to the draft); after the last approval the text is published once",
    "pm.help.reject": "requests changes, with a reason (mentions the author)",
    "pm.help.withdraw": "withdraws your organisation's approval (or remove the reaction) while "
    "not all have approved",
    "pm.help.history": "shows who created, approved or rejected which version when",
    "pm.help.export": "uploads the text as a file (md or txt)",
    "pm.help.search": "searches the title and current text of every press release, newest first",
    "pm.who": "{name} ({partner})",
    "pm.status.draft": "Draft",
    "pm.status.approved": "Approved",
    "pm.status.changes": "Changes requested",
    "pm.head": "PM #{id} · Version {version} · {status}",
    "pm.partner": "{mark} {partner}",
    "pm.partner_reason": "{mark} {partner} – “{reason}”",
    "pm.deadline": "Deadline: {day}",
    "pm.next_open": "Approve: !pr approve {id} or react ✅/👍 to this message. "
    "Request changes: {usage:pm ablehnen|kurz id}",
    "pm.next_done": "Approved by all partners. !pr export {id} uploads the text as a file, "
    "!pr history {id} shows the history.",
    "pm.revised": "New version {version} by {who} – earlier approvals no longer count.",
    "pm.diff_title": "Changes since version {version}:",
    "pm.diff_heading": "Title: ",
    "pm.diff_same_text": "The text is unchanged.",
    "pm.approve.done": "✅ PM #{id}: approved by {partner} (version {version}).",
    "pm.approve.already": "PM #{id} is already approved for {partner} (version {version}) – "
    "nothing changed.",
    "pm.approve.missing": "Still missing: {partners}.",
    "pm.approve.complete": "All partners approved version {version} – "
    "the final text follows as a separate message.",
    "pm.withdraw.done": "↩ PM #{id}: approval by {partner} withdrawn (version {version}).",
    "pm.reject.done": "✋ PM #{id}: {partner} requests changes to version {version}: “{reason}”",
    "pm.reject.next": "{authors}: please revise with !pr revise {id} "
    "and the new text from the second line.",
    "pm.final.title": "📢 Joint press release approved: PM #{id}, version {version}",
    "pm.final.approvals": "Approved by:",
    "pm.final.approval": "{partner}: {person}, version {version}, {when}",
    "pm.final.approvals_org": "Approvals:",
    "pm.final.approval_org": "{partner}: approved on {when}, version {version}",
    "pm.final.next": "The approval is recorded. !pr export {id} uploads the text as a file.",
    "pm.reaction.kept": "PM #{id} is already approved by all partners; "
    "the approval by {partner} stands.",
    "pm.error.unknown": "There is no press release #{id} in this room. !pr lists them all.",
    "pm.error.not_member": "Only a partner member can approve PM #{id}, "
    "for their own organisation. Your role: {yours}.",
    "pm.error.published": "PM #{id} is already approved by all partners and published "
    "(version {version}). For a new text please create a new draft.",
    "pm.error.old_version": "PM #{id}: version {version} is no longer current, the current one "
    "is version {current}. Please read version {current} (!pr {id}) and approve it.",
    "pm.error.not_approved": "PM #{id} is not approved for {partner} – nothing to withdraw.",
    "pm.error.no_text": "Please write the title on the first line and the text from the "
    "second line on.",
    "pm.error.no_revision_text": "Please write the new text from the second line on.",
    "pm.error.title_too_long": "The title is too long (at most {limit} characters).",
    "pm.error.text_too_long": "The text is too long ({length} characters, at most {limit}). "
    "Please shorten it.",
    "pm.error.unchanged": "Title and text of PM #{id} are unchanged – no new version was made.",
    "pm.error.past_date": "The deadline “{value}” is in the past.",
    "pm.error.not_sub": "“{value}” is neither a number nor part of !pr. Possible: "
    "draft, revise, approve, reject, withdraw, history, export, search.",
    "pm.status_open": "Open drafts: {drafts}",
    "pm.status_open_one": "PM #{id} (missing: {partners})",
    "pm.list.empty": "No press releases yet. Create a draft with {usage:pm entwurf|kurz}, "
    "the text following from the second line.",
    "pm.list.title": "Press releases (newest first)",
    "pm.list.entry": "#{id} {title} · Version {version} · {status}",
    "pm.list.missing": " – missing: {partners}",
    "pm.list.deadline": " · deadline {day}",
    "pm.list.more": "!pr <number> shows text and state, e.g. !pr {id}.",
    "pm.search.title": "Press releases with “{term}” ({count} found, newest first):",
    "pm.search.title_many": "Press releases with “{term}” (more than {count} found, newest first):",
    "pm.search.none": "No press release contains “{term}” in its title or current text. "
    "All press releases: !pr",
    "pm.search.more": Plural(
        one="… and 1 older one: the next with !pr search {term} page={next}",
        other="… and {count} older ones: the next with !pr search {term} page={next}",
    ),
    "pm.search.more_many": "… and more than {count} older ones: the next with !pr search "
    "{term} page={next}",
    "pm.search.more_uncounted": "… and more older ones: the next with !pr search {term} "
    "page={next}",
    "pm.search.no_page": "There is no page {page} – the last one is page {pages}.",
    "pm.history.title": "History of PM #{id} “{title}”",
    "pm.history.older": "({count} older entries not shown)",
    "pm.history.entry": "{when} · version {version} · {what}",
    "pm.history.created": "draft created by {who}",
    "pm.history.revised": "revised by {who}",
    "pm.history.approved": "approved by {who}",
    "pm.history.approved_reaction": "approved by {who} – by reaction",
    "pm.history.withdrawn": "approval withdrawn by {who}",
    "pm.history.withdrawn_reaction": "approval withdrawn by {who} – reaction removed",
    "pm.history.changes_requested": "changes requested by {who}: “{reason}”",
    "pm.history.published": "published – all partners approved",
    "pm.export.done": "PM #{id}, version {version} ({status}) as file {file}.",
    "pm.export.draft_note": "Note: not yet approved by all partners.",
    "pm.export.exported": "Exported: {when}",
    "pm.remind.tomorrow": "⏰ PM #{id} “{title}”: the deadline ends tomorrow, {day}.",
    "pm.remind.today": "⏰ PM #{id} “{title}”: the deadline ends today, {day}.",
    "pm.remind.late": "{head} (late)",
    "pm.remind.missing": "Approval missing: {partners}.",
    "pm.remind.ask": "{people}: please read !pr {id} and approve it (!pr approve {id}) "
    "or request changes ({usage:pm ablehnen|kurz id}).",
    "pm.remind.ask_all": "Please read !pr {id} and approve it (!pr approve {id}) "
    "or request changes ({usage:pm ablehnen|kurz id}).",
    "pm.remind.changes": "Changes requested by: {partners}.",
    "pm.remind.revise": "{people}: please revise (!pr revise {id}).",
    "pm.remind.missed_item": "PM #{id} “{title}”, deadline {day} (reminder {when})",
    "pm.remind.missed_next": "!pr shows where the press releases stand.",
}
