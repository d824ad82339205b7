"""Texts of notices (``!info`` / ``!infos``)."""

DE: dict[str, str] = {
    # notices
    "notices.help": "eine Info über eine Entwicklung speichern (Ansiedlung, Schließung, "
    "Programm), für den eigenen Partner",
    "notices.show_help": "eine Info ganz zeigen",
    "notices.list_help": "die neuesten Infos, neueste zuerst, mit Suchbegriff gefiltert",
    "notices.saved": "Info #{id} gespeichert (für {partner}):",
    "notices.saved_next": "Alle Infos: !infos – sie erscheinen auch in der nächsten "
    "Terminerinnerung.",
    "notices.topic": " · Thema: {topic}",
    "notices.concerns": " · betrifft: {concerns}",
    "notices.entry": "#{id} {partner}: {text}{extras}",
    "notices.head": "Info #{id} von {partner}, {when}",
    "notices.topic_line": "Thema: {topic}",
    "notices.concerns_line": "Betrifft: {concerns}",
    "notices.title": "Die neuesten Infos ({count} insgesamt):",
    "notices.title_found": "Infos mit „{term}“ ({count} gefunden):",
    "notices.title_many": "Die neuesten Infos (über {count} insgesamt):",
    "notices.title_found_many": "Infos mit „{term}“ (über {count} gefunden):",
    "notices.none": "Noch keine Infos. Speichern mit: {usage:info}",
    "notices.none_found": "Keine Info enthält „{term}“. Alle Infos: !infos",
    "notices.more": "… und {count} ältere: die nächsten mit !infos {term}seite={next}, "
    "eingrenzen mit !infos <suchbegriff>.",
    "notices.more_many": "… und über {count} ältere: die nächsten mit !infos {term}"
    "seite={next}, eingrenzen mit !infos <suchbegriff>.",
    "notices.more_uncounted": "… und weitere ältere: die nächsten mit !infos {term}seite={next}.",
    "notices.no_page": "Seite {page} gibt es nicht – die letzte ist Seite {pages}.",
    "notices.list_next": "Eine Info ganz lesen: !info <id>",
    "notices.reminder": "Neu seit der letzten Sitzung: Info {ids}",
    "notices.reminder_more": " und {count} weitere (!infos)",
    "notices.error.too_long": "Die Info ist zu lang ({length} Zeichen, höchstens {limit}). "
    "Bitte kürzen – nichts wurde gespeichert.",
    "notices.error.unknown": "Eine Info #{id} gibt es in diesem Raum nicht. Alle Infos: !infos",
    # export
    "notices.export.help": "lädt die Infos des Raums als Datei hoch (CSV für "
    "Excel/LibreOffice, Markdown, JSON, PDF)",
    "notices.export.title": "Infos der Kooperation",
    "notices.export.file": "infos",
    "notices.export.partners": "Partner",
    "notices.export.period": "Zeitraum",
    "notices.export.period_span": "{start} bis {end}",
    "notices.export.period_from": "ab {start}",
    "notices.export.period_to": "bis {end}",
    "notices.export.period_all": "alle gespeicherten Infos",
    "notices.export.as_of": "Stand",
    "notices.export.entries": "Einträge",
    "notices.export.done": "Infos als {format} hochgeladen: {file} – Einträge: {count}, "
    "Stand {when}.",
    "notices.export.empty": "Im gewählten Zeitraum gibt es keine Infos – es wurde keine Datei "
    "erstellt. Alle Infos: {usage:export infos|kurz}",
    "notices.col.id": "Nr.",
    "notices.col.posted_at": "Gespeichert",
    "notices.col.partner": "Partner",
    "notices.col.topic": "Thema",
    "notices.col.concerns": "Betrifft",
    "notices.col.text": "Text",
    "notices.col.source": "Quelle (Matrix-Ereignis)",
}

EN: dict[str, str] = {
    # notices
    "notices.help": "store a notice about a development (settlement, closure, programme) for "
    "your partner",
    "notices.show_help": "show one notice in full",
    "notices.list_help": "the newest notices, newest first, filtered by a search term",
    "notices.saved": "Notice #{id} saved (for {partner}):",
    "notices.saved_next": "All notices: !notices – they also appear in the next meeting reminder.",
    "notices.topic": " · Topic: {topic}",
    "notices.concerns": " · concerns: {concerns}",
    "notices.entry": "#{id} {partner}: {text}{extras}",
    "notices.head": "Notice #{id} from {partner}, {when}",
    "notices.topic_line": "Topic: {topic}",
    "notices.concerns_line": "Concerns: {concerns}",
    "notices.title": "The newest notices ({count} in all):",
    "notices.title_found": "Notices with “{term}” ({count} found):",
    "notices.title_many": "The newest notices (more than {count} in all):",
    "notices.title_found_many": "Notices with “{term}” (more than {count} found):",
    "notices.none": "No notices yet. Store one with: {usage:info}",
    "notices.none_found": "No notice contains “{term}”. All notices: !notices",
    "notices.more": "… and {count} older ones: the next with !notices {term}page={next}, "
    "narrow down with !notices <term>.",
    "notices.more_many": "… and more than {count} older ones: the next with !notices {term}"
    "page={next}, narrow down with !notices <term>.",
    "notices.more_uncounted": "… and more older ones: the next with !notices {term}page={next}.",
    "notices.no_page": "There is no page {page} – the last one is page {pages}.",
    "notices.list_next": "Read one in full: !notice <id>",
    "notices.reminder": "New since the last meeting: notice {ids}",
    "notices.reminder_more": " and {count} more (!notices)",
    "notices.error.too_long": "The notice is too long ({length} characters, at most {limit}). "
    "Please shorten it – nothing was stored.",
    "notices.error.unknown": "There is no notice #{id} in this room. All notices: !notices",
    # export
    "notices.export.help": "uploads the room's notices as a file (CSV for "
    "Excel/LibreOffice, Markdown, JSON, PDF)",
    "notices.export.title": "Notices of the cooperation",
    "notices.export.file": "notices",
    "notices.export.partners": "Partners",
    "notices.export.period": "Period",
    "notices.export.period_span": "{start} to {end}",
    "notices.export.period_from": "from {start}",
    "notices.export.period_to": "until {end}",
    "notices.export.period_all": "all stored notices",
    "notices.export.as_of": "As of",
    "notices.export.entries": "Entries",
    "notices.export.done": "Notices uploaded as {format}: {file} – entries: {count}, as of {when}.",
    "notices.export.empty": "There are no notices in the chosen period – no file was made. "
    "All notices: {usage:export infos|kurz}",
    "notices.col.id": "No.",
    "notices.col.posted_at": "Stored",
    "notices.col.partner": "Partner",
    "notices.col.topic": "Topic",
    "notices.col.concerns": "Concerns",
    "notices.col.text": "Text",
    "notices.col.source": "Source (Matrix event)",
}
