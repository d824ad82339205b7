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
    "notices.none": "Noch keine Infos. Speichern mit: {usage:info}",
    "notices.none_found": "Keine Info enthält „{term}“. Alle Infos: !infos",
    "notices.more": "… und {count} ältere. Eingrenzen mit !infos <suchbegriff>.",
    "notices.list_next": "Eine Info ganz lesen: !info <id>",
    "notices.reminder": "Neu seit der letzten Sitzung: Info {ids}",
    "notices.reminder_more": " und {count} weitere (!infos)",
    "notices.error.too_long": "Die Info ist zu lang ({length} Zeichen, höchstens {limit}). "
    "Bitte kürzen – nichts wurde gespeichert.",
    "notices.error.unknown": "Eine Info #{id} gibt es in diesem Raum nicht. Alle Infos: !infos",
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
    "notices.none": "No notices yet. Store one with: !notice <text> [topic=…] [concerns=…]",
    "notices.none_found": "No notice contains “{term}”. All notices: !notices",
    "notices.more": "… and {count} older ones. Narrow down with !notices <term>.",
    "notices.list_next": "Read one in full: !notice <id>",
    "notices.reminder": "New since the last meeting: notice {ids}",
    "notices.reminder_more": " and {count} more (!notices)",
    "notices.error.too_long": "The notice is too long ({length} characters, at most {limit}). "
    "Please shorten it – nothing was stored.",
    "notices.error.unknown": "There is no notice #{id} in this room. All notices: !notices",
}
