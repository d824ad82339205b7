"""Texts of the decision log (``!beschluss``), its export and ``koopbot verify-log``."""

from commands.core.plural import Entry, Plural

DE: dict[str, Entry] = {
    # help
    "decisions.help.record": "erfasst einen Beschluss, verknüpft mit der zuletzt begonnenen "
    "Sitzung",
    "decisions.help.show": "zeigt einen Beschluss mit Stand (gültig, erledigt, aufgehoben, "
    "ersetzt durch #n) und Verlauf; ohne Nummer die Liste",
    "decisions.help.amend": "ersetzt einen Beschluss durch eine geänderte Fassung (neuer "
    "Eintrag); die alte gilt als „ersetzt durch #n“",
    "decisions.help.revoke": "hebt einen Beschluss auf (mit Grund; neuer Eintrag, nichts wird "
    "gelöscht)",
    "decisions.help.done": "vermerkt einen Beschluss als erledigt",
    "decisions.help.consent": "stimmt einem Beschluss für Ihre Organisation zu (auch ✅/👍 "
    "als Reaktion auf die Nachricht des Bots zum Beschluss)",
    "decisions.help.object": "widerspricht einem Beschluss für Ihre Organisation, mit Grund",
    "decisions.help.list": "listet und durchsucht die Beschlüsse (Text, Person, Stand wie "
    "gültig, erledigt, überfällig)",
    "decisions.help.export": "lädt das Beschlussprotokoll als Datei hoch (PDF mit Prüfvermerk, "
    "CSV für Excel/LibreOffice, Markdown, JSON)",
    # replies
    "decisions.recorded": "Beschluss #{id} erfasst: {subject}",
    "decisions.recorded_next": "!beschluss {id} zeigt ihn mit Verlauf. Ändern, aufheben oder "
    "als erledigt vermerken kann die Koordination, z. B. mit !beschluss erledigt {id}.",
    "decisions.amended": "Beschluss #{old} geändert: Die neue Fassung ist #{id}, "
    "#{old} ist jetzt „ersetzt durch #{id}“.",
    "decisions.amended_next": "!beschluss {id} zeigt die neue Fassung mit dem ganzen Verlauf.",
    "decisions.revoked": "Beschluss #{old} aufgehoben (Eintrag #{id}): „{reason}“",
    "decisions.revoked_next": "Er bleibt im Protokoll; !beschluss {old} zeigt den Verlauf.",
    "decisions.done": "Beschluss #{old} ist erledigt (Eintrag #{id}).",
    "decisions.done_note": "Vermerk: „{note}“",
    "decisions.done_next": "!beschlüsse gültig zeigt, was noch offen ist.",
    "decisions.who": "{name} ({partner})",
    "decisions.who_file": "{name}, {partner}",
    # details of one decision
    "decisions.line.outcome": "Ergebnis: {outcome}",
    # consent per partner
    "decisions.consent.carried": "Zustimmung: von allen Partnern getragen",
    "decisions.consent.open": "Zustimmung: {given} von {count} Partnern – noch nicht von allen "
    "getragen",
    "decisions.consent.objected": "Zustimmung: {given} von {count} Partnern – Widerspruch von "
    "{partners}",
    "decisions.consent.line_own": "✅ {partner}: {who}, {when}",
    "decisions.consent.line_meeting": "✅ {partner}: in der Sitzung, erfasst von der "
    "Koordination, {when}",
    "decisions.consent.line_recorded": "✅ {partner}: mit dem Beschluss erfasst von {who}, {when}",
    "decisions.consent.line_pending": "⏳ {partner}: Zustimmung steht aus",
    "decisions.consent.line_objected": "✋ {partner}: Widerspruch von {who}, {when}: „{reason}“",
    "decisions.consent.next": "Zustimmen: !beschluss zustimmen {id} oder ✅/👍 als Reaktion auf "
    "diese Nachricht. Widersprechen: {usage:beschluss widersprechen|kurz id}",
    "decisions.consent.done": "✅ Beschluss #{id}: Zustimmung von {partner}.",
    "decisions.consent.already": "Beschluss #{id} hat die Zustimmung von {partner} bereits – es "
    "hat sich nichts geändert.",
    "decisions.consent.carried_now": "Beschluss #{id} ist jetzt von allen Partnern getragen.",
    "decisions.object.done": "✋ Beschluss #{id}: Widerspruch von {partner}: „{reason}“",
    "decisions.withdraw.done": "↩ Beschluss #{id}: Zustimmung von {partner} zurückgezogen.",
    "decisions.withdraw.kept": "Beschluss #{id} ist bereits von allen Partnern getragen; die "
    "Zustimmung von {partner} bleibt bestehen. Eine Änderung geht über die Koordination "
    "(!beschluss ändern oder !beschluss aufheben).",
    "decisions.remind.head": "Beschluss #{id} „{subject}“ wartet seit {day} auf Zustimmung.",
    "decisions.remind.ask": "{people}: bitte für Ihre Organisation zustimmen "
    "(!beschluss zustimmen {id}) oder widersprechen ({usage:beschluss widersprechen|kurz id}).",
    "decisions.remind.ask_all": "Bitte für Ihre Organisation zustimmen (!beschluss zustimmen "
    "{id}) oder widersprechen ({usage:beschluss widersprechen|kurz id}).",
    "decisions.remind.missed_item": "Beschluss #{id} „{subject}“: Erinnerung an die Zustimmung "
    "({when})",
    "decisions.remind.missed_next": "!beschlüsse zeigt die Beschlüsse; !beschluss <nr> zeigt, "
    "wer noch zustimmen muss.",
    "decisions.line.dissent": "Abweichende Meinung: {text}",
    "decisions.line.responsible": "Verantwortlich: {person}",
    "decisions.line.deadline": "Frist: {day}",
    "decisions.line.deadline_overdue": "Frist: {day} (überschritten)",
    "decisions.line.meeting": "Sitzung: {title} (#{id}) am {day}",
    "decisions.line.agenda": "TOP: {item}",
    "decisions.line.decided": "Beschlossen am {day}",
    "decisions.line.recorded": "erfasst von {who}, {when}",
    "decisions.show_title": "Beschluss #{id} · {status}",
    "decisions.show_entry_title": "#{id} · {kind}",
    "decisions.history": "Verlauf:",
    "decisions.history.recorded": "#{id} · {when} · erfasst von {who}",
    "decisions.history.amended": "#{id} · {when} · geändert von {who}: „{text}“",
    "decisions.history.revoked": "#{id} · {when} · aufgehoben von {who}: „{text}“",
    "decisions.history.done": "#{id} · {when} · als erledigt vermerkt von {who}",
    "decisions.history.done_note": "#{id} · {when} · als erledigt vermerkt von {who}: „{text}“",
    "decisions.history.consented": "#{id} · {when} · Zustimmung von {who} ({partner}) zu #{ref}",
    "decisions.history.objected": "#{id} · {when} · Widerspruch von {who} ({partner}) zu #{ref}: "
    "„{text}“",
    "decisions.history.withdrawn": "#{id} · {when} · Zustimmung von {who} ({partner}) zu #{ref} "
    "zurückgezogen",
    "decisions.next.valid": "Die Koordination kann ihn ändern ({usage:beschluss ändern|kurz id}), "
    "aufheben ({usage:beschluss aufheben|kurz id}) oder als erledigt vermerken "
    "({usage:beschluss erledigt|kurz id}).",
    "decisions.next.superseded": "Gültig ist die neuere Fassung: !beschluss {by} zeigt sie.",
    "decisions.next.closed": "Der Eintrag bleibt unverändert im Protokoll (!export beschlüsse).",
    # list
    "decisions.list_title": "Beschlüsse (neueste zuerst)",
    "decisions.list_title_search": "Beschlüsse zu „{term}“ (neueste zuerst)",
    "decisions.list_entry": "#{id} {subject} · {status}{extra}",
    "decisions.list_consent": " · Zustimmung {given} von {count}",
    "decisions.list_responsible": " · {person}",
    "decisions.list_deadline": " · Frist {day}",
    "decisions.list_overdue": " · Frist {day} (überschritten)",
    "decisions.list_more": "{first}–{last} von {total} gezeigt – die nächsten mit "
    "!beschlüsse {term}seite={next}; eingrenzen mit !beschlüsse <suchbegriff> (Text, Person "
    "oder Stand wie gültig, erledigt, überfällig).",
    "decisions.list_more_many": "{first}–{last} von über {total} gezeigt – die nächsten mit "
    "!beschlüsse {term}seite={next}; eingrenzen mit !beschlüsse <suchbegriff> (Text, Person "
    "oder Stand wie gültig, erledigt, überfällig).",
    "decisions.list_last_page": "{first}–{last} von {total} gezeigt (letzte Seite).",
    "decisions.list_no_page": "Seite {page} gibt es nicht – die letzte ist Seite {pages}.",
    "arg.seite": "seite",
    "decisions.list_empty": "Noch keine Beschlüsse. Erfassen mit !beschluss <text> "
    "[verantwortlich=@person] [frist=datum].",
    "decisions.list_none_found": "Keine Beschlüsse zu „{term}“. !beschlüsse zeigt alle.",
    "decisions.list_next": "!beschluss <nr> zeigt einen Beschluss mit Verlauf.",
    # words
    "decisions.status.valid": "gültig",
    "decisions.status.done": "erledigt",
    "decisions.status.revoked": "aufgehoben",
    "decisions.status.superseded": "ersetzt durch #{by}",
    "decisions.status.none": "–",
    "decisions.kind.recorded": "Beschluss",
    "decisions.kind.amended": "Änderung von #{ref}",
    "decisions.kind.revoked": "Aufhebung von #{ref}",
    "decisions.kind.done": "Erledigung von #{ref}",
    "decisions.kind.consented": "Zustimmung zu #{ref}",
    "decisions.kind.objected": "Widerspruch zu #{ref}",
    "decisions.kind.withdrawn": "Rücknahme der Zustimmung zu #{ref}",
    "decisions.outcome.adopted": "beschlossen",
    "decisions.outcome.adopted_with_changes": "geändert beschlossen",
    "decisions.outcome.rejected": "abgelehnt",
    "decisions.outcome.postponed": "vertagt",
    "decisions.outcome.none": "–",
    # mistakes
    "decisions.error.no_text": "Bitte den Wortlaut des Beschlusses angeben, z. B. !beschluss "
    "Gemeinsame Qualifizierungsoffensive Logistik frist=31.03.2027.",
    "decisions.error.too_long": "Der Text ist zu lang ({length} Zeichen, höchstens {limit}). "
    "Bitte kürzen.",
    "decisions.error.subject_too_long": "Der Betreff ist zu lang (höchstens {limit} Zeichen). "
    "Bitte kürzen.",
    "decisions.error.agenda_too_long": "Der Tagesordnungspunkt ist zu lang (höchstens {limit} "
    "Zeichen).",
    "decisions.error.deadline_past": "Die Frist {day} liegt in der Vergangenheit – bitte ein "
    "Datum ab heute angeben.",
    "decisions.error.date_future": "Das Beschlussdatum {day} liegt in der Zukunft – bitte den "
    "Tag angeben, an dem beschlossen wurde.",
    "decisions.error.bad_outcome": "„{value}“ ist kein Ergebnis. Möglich: beschlossen, "
    "geändert beschlossen, abgelehnt, vertagt.",
    "decisions.error.unknown": "Einen Eintrag #{id} gibt es im Beschlussprotokoll dieses Raums "
    "nicht. !beschlüsse zeigt alle Beschlüsse.",
    "decisions.error.not_a_decision": "#{id} ist kein Beschluss, sondern die {kind}. Bitte die "
    "Nummer des Beschlusses angeben.",
    "decisions.error.superseded": "Beschluss #{id} ist ersetzt durch #{by} – bitte #{by} angeben.",
    "decisions.error.closed": "Beschluss #{id} ist bereits {status} und bleibt so im Protokoll. "
    "Für eine neue Regelung bitte einen neuen Beschluss erfassen.",
    "decisions.error.unchanged": "Die neue Fassung gleicht #{id} – es wurde nichts geändert.",
    "decisions.error.show_options": "Zum Anzeigen genügt die Nummer: !beschluss {id}. Angaben "
    "wie frist= gehören zu einem neuen Beschluss mit Text.",
    "decisions.error.not_member": "Zustimmen oder widersprechen kann nur ein Mitglied der "
    "Partner, für die eigene Organisation. Ihre Rolle: {yours}. Die Koordination erfasst die "
    "Zustimmung aus einer Sitzung beim Erfassen mit zustimmung=.",
    "decisions.error.carried": "Beschluss #{id} ist bereits von allen Partnern getragen – ein "
    "Widerspruch ist nicht mehr möglich. Eine Änderung geht über die Koordination "
    "(!beschluss ändern oder !beschluss aufheben).",
    "decisions.error.consent_for_others": "Mit zustimmung= erfasst die Koordination die "
    "Zustimmung aus einer Sitzung. Ihr Beschluss trägt die Zustimmung von {partner}; die "
    "anderen Partner stimmen selbst zu (!beschluss zustimmen <nr>). Bitte ohne zustimmung= "
    "erneut senden.",
    # the export
    "decisions.export.title": "Beschlussprotokoll",
    "decisions.export.file": "beschlussprotokoll",
    "decisions.export.done": Plural(
        one="Beschlussprotokoll als {format}: 1 Eintrag (#{first}), Stand {when} – Datei {file}.",
        other="Beschlussprotokoll als {format}: {count} Einträge (#{first} bis #{last}), "
        "Stand {when} – Datei {file}.",
    ),
    "decisions.export.hash": "Hash des letzten Eintrags (#{last}): {hash} – diese Nachricht "
    "ist der Anker. Prüfen mit: koopbot verify-log --expect {hash}@{last}",
    "decisions.export.empty": "Im gewählten Zeitraum gibt es keine Beschlüsse – es wurde keine "
    "Datei erstellt.",
    "decisions.export.partners": "Partner",
    "decisions.export.period": "Zeitraum",
    "decisions.export.period_all": "alle Beschlüsse",
    "decisions.export.period_from": "ab {start}",
    "decisions.export.period_to": "bis {end}",
    "decisions.export.period_span": "{start} bis {end}",
    "decisions.export.room": "Raum",
    "decisions.export.room_named": "{name} ({id})",
    "decisions.export.all_rooms": "alle Räume",
    "decisions.export.as_of": "Stand",
    "decisions.export.by": "Erstellt von",
    "decisions.export.meeting": "{title} (#{id}), {day}",
    "decisions.export.meeting_same_day": "{title} (#{id})",
    "decisions.export.agenda": "TOP {item}",
    "decisions.export.texts_title": "Wortlaute",
    "decisions.col.id": "Nr.",
    "decisions.col.room": "Raum",
    "decisions.col.kind": "Art",
    "decisions.col.decided_on": "Beschlossen am",
    "decisions.col.meeting": "Sitzung",
    "decisions.col.agenda": "TOP",
    "decisions.col.subject": "Betreff",
    "decisions.col.wording": "Wortlaut",
    "decisions.col.outcome": "Ergebnis",
    "decisions.col.agreed": "Zustimmung",
    "decisions.export.consent_own": "{partner}: zugestimmt – {who}, {when}",
    "decisions.export.consent_meeting": "{partner}: zugestimmt – in der Sitzung, erfasst von der "
    "Koordination, {when}",
    "decisions.export.consent_recorded": "{partner}: zugestimmt – mit dem Beschluss erfasst von "
    "{who}, {when}",
    "decisions.export.consent_pending": "{partner}: Zustimmung steht aus",
    "decisions.export.consent_objected": "{partner}: Widerspruch – {who}, {when}: „{reason}“",
    "decisions.export.brief_consented": "zugestimmt: {partners}",
    "decisions.export.brief_pending": "steht aus: {partners}",
    "decisions.export.brief_objected": "Widerspruch: {partners}",
    "decisions.col.dissent": "Abweichende Meinung",
    "decisions.col.status": "Status",
    "decisions.col.responsible": "Verantwortlich",
    "decisions.col.deadline": "Frist",
    "decisions.col.author": "Erfasst von",
    "decisions.col.recorded_at": "Erfasst am",
    "decisions.col.source": "Quelle (Matrix-Ereignis)",
    "decisions.col.hash": "Hash",
    "decisions.col.prev_hash": "Vorgänger-Hash",
    "decisions.col.when": "Datum · Sitzung",
    "decisions.col.decision": "Beschluss",
    "decisions.manifest.entries": "Einträge",
    "decisions.manifest.first_id": "Erster Eintrag (Nr.)",
    "decisions.manifest.last_id": "Letzter Eintrag (Nr.)",
    "decisions.manifest.final_hash": "Hash des letzten Eintrags",
    "decisions.manifest.chain_length": "Einträge der ganzen Kette beim Export",
    "decisions.manifest.chain_head": "Hash am Ende der Kette beim Export",
    "decisions.manifest.exported_at": "Erstellt (UTC)",
    "decisions.manifest.exported_local": "Erstellt",
    "decisions.manifest.algorithm": "Verfahren",
    "decisions.manifest.algorithm_text": "Jeder Eintrag trägt SHA-256 über seinen Inhalt und den "
    "Hash seines Vorgängers (docs/export-schema.md); koopbot verify-log prüft die Kette in der "
    "Datenbank.",
    # meeting reminder
    "decisions.reminder_overdue": "Beschlüsse über Frist: {ids} – !beschlüsse überfällig zeigt sie.",
    "decisions.reminder_more": " und {count} weitere",
    # koopbot verify-log
    "verify.ok": "Kette intakt: {count} Einträge, letzter Hash {hash}",
    "verify.content": "Kette gebrochen bei Eintrag #{id}: Der Inhalt passt nicht zu seinem "
    "Hash – der Eintrag wurde nach dem Erfassen verändert.",
    "verify.link": "Kette gebrochen bei Eintrag #{id}: Die Verknüpfung passt nicht – sein "
    "Vorgänger-Hash ist nicht der Hash von #{previous} (#{previous} oder die Verknüpfung "
    "wurde verändert).",
    "verify.missing": "Kette gebrochen bei Eintrag #{id}: Die Verknüpfung passt nicht – "
    "Eintrag #{missing} fehlt.",
    "verify.head": "Kette gebrochen nach Eintrag #{id}: Laut der gespeicherten Kettenlänge "
    "müsste es {length} Einträge geben, in der Datenbank stehen {count} – die letzten Einträge "
    "fehlen oder die gespeicherte Länge wurde verändert.",
    "verify.head_hash": "Kette gebrochen nach Eintrag #{id}: Der gespeicherte letzte Hash ist "
    "nicht der Hash von #{id} ({hash}) – die gespeicherte Angabe wurde verändert.",
    "verify.checked": "Einträge vor der Bruchstelle: {count}, intakt bis Hash {hash}.",
    "verify.state": "Abweichung beim aktuellen Stand: Die Kette ist intakt, aber der "
    "gespeicherte Stand von Beschluss #{id} (Tabelle decision_state) passt nicht zu dem, was "
    "die Kette sagt – Listen, Filter und Suche können falsch sein.",
    "verify.anchor_ok": "Anker bestätigt: Eintrag #{id} ergibt, aus dem gespeicherten Inhalt "
    "neu berechnet, den Hash {hash} – die Kette bis #{id} ist genau die exportierte.",
    "verify.anchor_changed": "Abweichung vom Anker: Eintrag #{id} ergibt, aus dem gespeicherten "
    "Inhalt neu berechnet, {actual} statt {hash}. #{id} oder ein Eintrag davor wurde nach dem "
    "Export verändert (auch wenn die Kette in sich stimmig ist). Bitte die Datenbank aus einer "
    "Sicherung vor der Änderung prüfen.",
    "verify.anchor_missing": "Abweichung vom Anker: Eintrag #{id} fehlt in der Datenbank. "
    "Bitte die Datenbank aus einer Sicherung prüfen.",
    "verify.anchor_shorter": "Abweichung vom Anker: Die Datenbank endet nach {count} Einträgen, "
    "der Anker gehört zu Eintrag #{id} – Einträge wurden entfernt. Bitte die Datenbank aus "
    "einer Sicherung prüfen.",
    "verify.anchor_not_found": "Abweichung vom Anker: Kein Eintrag ergibt, aus dem gespeicherten "
    "Inhalt neu berechnet, den Hash {hash} ({count} Einträge geprüft). Die Kette wurde nach dem "
    "Export verändert, oder der Hash stammt aus einer anderen Datenbank. Mit --expect HASH@NR "
    "wird genau Eintrag NR verglichen.",
    "verify.anchor_first_changed": "Erster Eintrag, der von der Exportdatei abweicht: #{id}.",
    "verify.anchor_bad_hash": "„{value}“ ist kein Anker. Erwartet: der Hash aus der Antwort des "
    "Bots (64 Zeichen 0-9/a-f), wahlweise mit Nummer des Eintrags: HASH@NR.",
    "verify.anchor_no_file": "Die Datei {path} gibt es nicht. Bitte den Pfad einer JSON-"
    "Exportdatei angeben.",
    "verify.anchor_bad_file": "{path} ist keine lesbare JSON-Exportdatei des "
    "Beschlussprotokolls. Bitte eine Datei von koopbot export decisions --format json oder "
    "!export beschlüsse json angeben.",
    "verify.anchor_empty_file": "{path} enthält keine Einträge – es gibt nichts zu vergleichen. "
    "Bitte einen Export mit Einträgen angeben.",
}

EN: dict[str, Entry] = {
    "decisions.help.record": "records a decision, linked to the meeting that began last",
    "decisions.help.show": "shows a decision with its state (valid, done, revoked, superseded "
    "by #n) and history; without a number the list",
    "decisions.help.amend": "replaces a decision with an amended version (a new entry); the old "
    "one is “superseded by #n”",
    "decisions.help.revoke": "revokes a decision (with a reason; a new entry, nothing is deleted)",
    "decisions.help.done": "marks a decision as done",
    "decisions.help.consent": "consents to a decision for your organisation (also ✅/👍 as a "
    "reaction to the bot's message about the decision)",
    "decisions.help.object": "objects to a decision for your organisation, with a reason",
    "decisions.help.list": "lists and searches decisions (text, person, state such as valid, "
    "done, overdue)",
    "decisions.help.export": "uploads the decision log as a file (PDF with a verification note, "
    "CSV for Excel/LibreOffice, Markdown, JSON)",
    "decisions.recorded": "Decision #{id} recorded: {subject}",
    "decisions.recorded_next": "!decision {id} shows it with its history. Coordinators can "
    "amend, revoke or mark it done, e.g. with !decision done {id}.",
    "decisions.amended": "Decision #{old} amended: the new version is #{id}, "
    "#{old} is now “superseded by #{id}”.",
    "decisions.amended_next": "!decision {id} shows the new version with the whole history.",
    "decisions.revoked": "Decision #{old} revoked (entry #{id}): “{reason}”",
    "decisions.revoked_next": "It stays in the log; !decision {old} shows its history.",
    "decisions.done": "Decision #{old} is done (entry #{id}).",
    "decisions.done_note": "Note: “{note}”",
    "decisions.done_next": "!decisions valid shows what is still open.",
    "decisions.who": "{name} ({partner})",
    "decisions.who_file": "{name}, {partner}",
    "decisions.line.outcome": "Outcome: {outcome}",
    "decisions.consent.carried": "Consent: carried by all partners",
    "decisions.consent.open": "Consent: {given} of {count} partners – not yet carried by all",
    "decisions.consent.objected": "Consent: {given} of {count} partners – objection from "
    "{partners}",
    "decisions.consent.line_own": "✅ {partner}: {who}, {when}",
    "decisions.consent.line_meeting": "✅ {partner}: in the meeting, recorded by the "
    "coordinators, {when}",
    "decisions.consent.line_recorded": "✅ {partner}: recorded with the decision by {who}, {when}",
    "decisions.consent.line_pending": "⏳ {partner}: consent pending",
    "decisions.consent.line_objected": "✋ {partner}: objection by {who}, {when}: “{reason}”",
    "decisions.consent.next": "Consent: !decision approve {id} or ✅/👍 as a reaction to this "
    "message. Object: {usage:beschluss widersprechen|kurz id}",
    "decisions.consent.done": "✅ Decision #{id}: consent of {partner}.",
    "decisions.consent.already": "Decision #{id} already has the consent of {partner} – nothing "
    "changed.",
    "decisions.consent.carried_now": "Decision #{id} is now carried by all partners.",
    "decisions.object.done": "✋ Decision #{id}: objection from {partner}: “{reason}”",
    "decisions.withdraw.done": "↩ Decision #{id}: consent of {partner} withdrawn.",
    "decisions.withdraw.kept": "Decision #{id} is already carried by all partners; the consent "
    "of {partner} stands. A change goes through the coordinators (!decision amend or "
    "!decision revoke).",
    "decisions.remind.head": "Decision #{id} “{subject}” waits for consent since {day}.",
    "decisions.remind.ask": "{people}: please consent for your organisation (!decision approve "
    "{id}) or object ({usage:beschluss widersprechen|kurz id}).",
    "decisions.remind.ask_all": "Please consent for your organisation (!decision approve {id}) "
    "or object ({usage:beschluss widersprechen|kurz id}).",
    "decisions.remind.missed_item": "Decision #{id} “{subject}”: consent reminder ({when})",
    "decisions.remind.missed_next": "!decisions lists the decisions; !decision <no> shows who "
    "still has to consent.",
    "decisions.line.dissent": "Dissent: {text}",
    "decisions.line.responsible": "Responsible: {person}",
    "decisions.line.deadline": "Deadline: {day}",
    "decisions.line.deadline_overdue": "Deadline: {day} (overdue)",
    "decisions.line.meeting": "Meeting: {title} (#{id}) on {day}",
    "decisions.line.agenda": "Agenda item: {item}",
    "decisions.line.decided": "Decided on {day}",
    "decisions.line.recorded": "recorded by {who}, {when}",
    "decisions.show_title": "Decision #{id} · {status}",
    "decisions.show_entry_title": "#{id} · {kind}",
    "decisions.history": "History:",
    "decisions.history.recorded": "#{id} · {when} · recorded by {who}",
    "decisions.history.amended": "#{id} · {when} · amended by {who}: “{text}”",
    "decisions.history.revoked": "#{id} · {when} · revoked by {who}: “{text}”",
    "decisions.history.done": "#{id} · {when} · marked done by {who}",
    "decisions.history.done_note": "#{id} · {when} · marked done by {who}: “{text}”",
    "decisions.history.consented": "#{id} · {when} · consent by {who} ({partner}) to #{ref}",
    "decisions.history.objected": "#{id} · {when} · objection by {who} ({partner}) to #{ref}: "
    "“{text}”",
    "decisions.history.withdrawn": "#{id} · {when} · consent by {who} ({partner}) to #{ref} "
    "withdrawn",
    "decisions.next.valid": "Coordinators can amend it ({usage:beschluss ändern|kurz id}), revoke "
    "it ({usage:beschluss aufheben|kurz id}) or mark it done ({usage:beschluss erledigt|kurz id}).",
    "decisions.next.superseded": "The newer version applies: !decision {by} shows it.",
    "decisions.next.closed": "The entry stays unchanged in the log (!export decisions).",
    "decisions.list_title": "Decisions (newest first)",
    "decisions.list_title_search": "Decisions about “{term}” (newest first)",
    "decisions.list_entry": "#{id} {subject} · {status}{extra}",
    "decisions.list_consent": " · consent {given} of {count}",
    "decisions.list_responsible": " · {person}",
    "decisions.list_deadline": " · deadline {day}",
    "decisions.list_overdue": " · deadline {day} (overdue)",
    "decisions.list_more": "{first}–{last} of {total} shown – the next ones with "
    "!decisions {term}page={next}; narrow it down with !decisions <term> (text, person or "
    "state such as valid, done, overdue).",
    "decisions.list_more_many": "{first}–{last} of more than {total} shown – the next ones "
    "with !decisions {term}page={next}; narrow it down with !decisions <term> (text, person or "
    "state such as valid, done, overdue).",
    "decisions.list_last_page": "{first}–{last} of {total} shown (last page).",
    "decisions.list_no_page": "There is no page {page} – the last one is page {pages}.",
    "arg.seite": "page",
    "decisions.list_empty": "No decisions yet. Record one with !decision <text> "
    "[responsible=@person] [deadline=date].",
    "decisions.list_none_found": "No decisions about “{term}”. !decisions lists all.",
    "decisions.list_next": "!decision <no> shows a decision with its history.",
    "decisions.status.valid": "valid",
    "decisions.status.done": "done",
    "decisions.status.revoked": "revoked",
    "decisions.status.superseded": "superseded by #{by}",
    "decisions.status.none": "–",
    "decisions.kind.recorded": "Decision",
    "decisions.kind.amended": "Amendment of #{ref}",
    "decisions.kind.revoked": "Revocation of #{ref}",
    "decisions.kind.done": "Completion of #{ref}",
    "decisions.kind.consented": "Consent to #{ref}",
    "decisions.kind.objected": "Objection to #{ref}",
    "decisions.kind.withdrawn": "Withdrawal of consent to #{ref}",
    "decisions.outcome.adopted": "adopted",
    "decisions.outcome.adopted_with_changes": "adopted with changes",
    "decisions.outcome.rejected": "rejected",
    "decisions.outcome.postponed": "postponed",
    "decisions.outcome.none": "–",
    "decisions.error.no_text": "Please give the wording of the decision, e.g. !decision "
    "Joint logistics training drive deadline=2027-03-31.",
    "decisions.error.too_long": "The text is too long ({length} characters, at most {limit}). "
    "Please shorten it.",
    "decisions.error.subject_too_long": "The subject is too long (at most {limit} characters). "
    "Please shorten it.",
    "decisions.error.agenda_too_long": "The agenda item is too long (at most {limit} characters).",
    "decisions.error.deadline_past": "The deadline {day} lies in the past – please give a date "
    "from today on.",
    "decisions.error.date_future": "The decision date {day} lies in the future – please give "
    "the day it was decided.",
    "decisions.error.bad_outcome": "“{value}” is not an outcome. Possible: adopted, adopted with "
    "changes, rejected, postponed.",
    "decisions.error.unknown": "There is no entry #{id} in this room's decision log. "
    "!decisions lists all decisions.",
    "decisions.error.not_a_decision": "#{id} is not a decision but the {kind}. Please give the "
    "decision's number.",
    "decisions.error.superseded": "Decision #{id} is superseded by #{by} – please use #{by}.",
    "decisions.error.closed": "Decision #{id} is already {status} and stays so in the log. "
    "For a new arrangement please record a new decision.",
    "decisions.error.unchanged": "The new version equals #{id} – nothing was changed.",
    "decisions.error.show_options": "To show it, the number is enough: !decision {id}. Options "
    "such as deadline= belong to a new decision with text.",
    "decisions.error.not_member": "Only a partner member can consent or object, for their own "
    "organisation. Your role: {yours}. The coordinators record consent given in a meeting with "
    "agreed= when recording.",
    "decisions.error.carried": "Decision #{id} is already carried by all partners – an "
    "objection is no longer possible. A change goes through the coordinators (!decision amend "
    "or !decision revoke).",
    "decisions.error.consent_for_others": "With agreed= the coordinators record consent given "
    "in a meeting. Your decision carries the consent of {partner}; the other partners consent "
    "themselves (!decision approve <no>). Please send it again without agreed=.",
    "decisions.export.title": "Decision log",
    "decisions.export.file": "decision-log",
    "decisions.export.done": Plural(
        one="Decision log as {format}: 1 entry (#{first}), as of {when} – file {file}.",
        other="Decision log as {format}: {count} entries (#{first} to #{last}), "
        "as of {when} – file {file}.",
    ),
    "decisions.export.hash": "Hash of the last entry (#{last}): {hash} – this message is the "
    "anchor. Check with: koopbot verify-log --expect {hash}@{last}",
    "decisions.export.empty": "There are no decisions in the chosen period – no file was made.",
    "decisions.export.partners": "Partners",
    "decisions.export.period": "Period",
    "decisions.export.period_all": "all decisions",
    "decisions.export.period_from": "from {start}",
    "decisions.export.period_to": "until {end}",
    "decisions.export.period_span": "{start} to {end}",
    "decisions.export.room": "Room",
    "decisions.export.room_named": "{name} ({id})",
    "decisions.export.all_rooms": "all rooms",
    "decisions.export.as_of": "As of",
    "decisions.export.by": "Made by",
    "decisions.export.meeting": "{title} (#{id}), {day}",
    "decisions.export.meeting_same_day": "{title} (#{id})",
    "decisions.export.agenda": "Item {item}",
    "decisions.export.texts_title": "Wordings",
    "decisions.col.id": "No.",
    "decisions.col.room": "Room",
    "decisions.col.kind": "Kind",
    "decisions.col.decided_on": "Decided on",
    "decisions.col.meeting": "Meeting",
    "decisions.col.agenda": "Agenda item",
    "decisions.col.subject": "Subject",
    "decisions.col.wording": "Wording",
    "decisions.col.outcome": "Outcome",
    "decisions.col.agreed": "Agreed",
    "decisions.export.consent_own": "{partner}: consented – {who}, {when}",
    "decisions.export.consent_meeting": "{partner}: consented – in the meeting, recorded by the "
    "coordinators, {when}",
    "decisions.export.consent_recorded": "{partner}: consented – recorded with the decision by "
    "{who}, {when}",
    "decisions.export.consent_pending": "{partner}: consent pending",
    "decisions.export.consent_objected": "{partner}: objection – {who}, {when}: “{reason}”",
    "decisions.export.brief_consented": "consented: {partners}",
    "decisions.export.brief_pending": "pending: {partners}",
    "decisions.export.brief_objected": "objection: {partners}",
    "decisions.col.dissent": "Dissent",
    "decisions.col.status": "Status",
    "decisions.col.responsible": "Responsible",
    "decisions.col.deadline": "Deadline",
    "decisions.col.author": "Recorded by",
    "decisions.col.recorded_at": "Recorded at",
    "decisions.col.source": "Source (Matrix event)",
    "decisions.col.hash": "Hash",
    "decisions.col.prev_hash": "Previous hash",
    "decisions.col.when": "Date · meeting",
    "decisions.col.decision": "Decision",
    "decisions.manifest.entries": "Entries",
    "decisions.manifest.first_id": "First entry (no.)",
    "decisions.manifest.last_id": "Last entry (no.)",
    "decisions.manifest.final_hash": "Hash of the last entry",
    "decisions.manifest.chain_length": "Entries of the whole chain at export",
    "decisions.manifest.chain_head": "Hash at the end of the chain at export",
    "decisions.manifest.exported_at": "Made (UTC)",
    "decisions.manifest.exported_local": "Made",
    "decisions.manifest.algorithm": "Method",
    "decisions.manifest.algorithm_text": "Each entry carries SHA-256 over its content and its "
    "predecessor's hash (docs/export-schema.md); koopbot verify-log checks the chain in the "
    "database.",
    "decisions.reminder_overdue": "Decisions past their deadline: {ids} – !decisions overdue "
    "lists them.",
    "decisions.reminder_more": " and {count} more",
    "verify.ok": "Chain intact: {count} entries, last hash {hash}",
    "verify.content": "Chain broken at entry #{id}: its content does not match its hash – the "
    "entry was changed after it was recorded.",
    "verify.link": "Chain broken at entry #{id}: the link does not match – its previous hash "
    "is not the hash of #{previous} (#{previous} or the link was changed).",
    "verify.missing": "Chain broken at entry #{id}: the link does not match – entry #{missing} "
    "is missing.",
    "verify.head": "Chain broken after entry #{id}: the stored chain length says there should "
    "be {length} entries, the database holds {count} – the last entries are missing or the "
    "stored length was changed.",
    "verify.head_hash": "Chain broken after entry #{id}: the stored last hash is not the hash "
    "of #{id} ({hash}) – the stored value was changed.",
    "verify.checked": "Entries before the break: {count}, intact up to hash {hash}.",
    "verify.state": "Current state differs: the chain is intact, but the stored state of "
    "decision #{id} (table decision_state) does not match what the chain says – lists, "
    "filters and search may be wrong.",
    "verify.anchor_ok": "Anchor confirmed: entry #{id}, recomputed from its stored content, "
    "gives the hash {hash} – the chain up to #{id} is exactly the exported one.",
    "verify.anchor_changed": "Differs from the anchor: entry #{id}, recomputed from the stored "
    "content, gives {actual} instead of {hash}. #{id} or an entry before it was changed after "
    "the export (even if the chain is consistent in itself). Please check the database "
    "against a backup from before the change.",
    "verify.anchor_missing": "Differs from the anchor: entry #{id} is missing from the "
    "database. Please check the database against a backup.",
    "verify.anchor_shorter": "Differs from the anchor: the database ends after {count} "
    "entries, the anchor belongs to entry #{id} – entries were removed. Please check the "
    "database against a backup.",
    "verify.anchor_not_found": "Differs from the anchor: no entry, recomputed from the stored "
    "content, gives the hash {hash} ({count} entries checked). The chain was changed after the "
    "export, or the hash comes from another database. --expect HASH@NO compares exactly "
    "entry NO.",
    "verify.anchor_first_changed": "First entry that differs from the export file: #{id}.",
    "verify.anchor_bad_hash": "“{value}” is not an anchor. Expected: the hash from the bot's "
    "reply (64 characters 0-9/a-f), optionally with the entry's number: HASH@NO.",
    "verify.anchor_no_file": "The file {path} does not exist. Please give the path of a JSON "
    "export file.",
    "verify.anchor_bad_file": "{path} is not a readable JSON export of the decision log. "
    "Please give a file made by koopbot export decisions --format json or "
    "!export decisions json.",
    "verify.anchor_empty_file": "{path} holds no entries – there is nothing to compare. "
    "Please give an export with entries.",
}
