"""Texts of the shared core: errors, refusals, roles, the privacy guard, date input and the
summary of timed posts missed while the bot was away."""

from commands.core.plural import Entry, Plural

DE: dict[str, Entry] = {
    # timed deliveries (commands/core/delivery.py)
    "delivery.missed": Plural(
        one="1 Erinnerung verpasst, während koopbot nicht erreichbar war:",
        other="{count} Erinnerungen verpasst, während koopbot nicht erreichbar war:",
    ),
    "delivery.missed_more": "… und {count} weitere",
    # errors and refusals
    "error.unknown_command": "„!{name}“ kenne ich nicht. !hilfe zeigt alle Befehle.",
    "error.unknown_command_close": "„!{name}“ kenne ich nicht. Meinten Sie !{close}? "
    "!hilfe zeigt alle Befehle.",
    "error.unknown_sub": "„{word}“ passt nicht zu !{name}. Möglich sind:",
    "error.sub_needed": "Bei !{name} fehlt, was geschehen soll. Möglich sind:",
    "error.unclosed_quote": "Ein Anführungszeichen wurde nicht geschlossen.",
    "error.unknown_option": "Die Angabe „{option}=“ gibt es bei diesem Befehl nicht.",
    "error.extra_words": "Zu viele Angaben: „{words}“.",
    "error.words_after_option": "Nach „{option}={value}“ steht noch „{words}“. Einen Wert mit "
    'Leerzeichen setzen Sie in Anführungszeichen ({option}="…"), Ihren Text vor die Angaben.',
    "error.duplicate_option": "Die Angabe „{option}=“ steht zweimal. Bitte nur einmal angeben.",
    "error.missing_arg": "Es fehlt die Angabe <{arg}>.",
    "error.invalid_arg": "„{value}“ ist für <{arg}> nicht gültig.",
    "error.invalid_choice": "„{value}“ ist für <{arg}> nicht gültig. Möglich: {choices}.",
    "error.too_long": "<{arg}> ist zu lang (höchstens {limit} Zeichen).",
    "error.message_too_long": "Die Nachricht ist zu lang (höchstens {limit} Zeichen). Bitte kürzen.",
    "error.reply_too_long": "Die Antwort wäre zu lang für eine Nachricht. "
    "Bitte die Auswahl eingrenzen, z. B. mit einem Suchbegriff.",
    "error.throttled": "Bitte etwas langsamer: höchstens {limit} Befehle pro Minute. "
    "Ihr Befehl wurde nicht ausgeführt; ab {again} nimmt der Bot wieder Befehle von Ihnen an.",
    "delivery.late": "⏱ Verspätet zugestellt: fällig war {due}.",
    "error.internal": "Das hat leider nicht geklappt – ein interner Fehler. "
    "Die Koordination kann im Protokoll nachsehen (Vorgang {ref}).",
    "error.not_a_user": "„{value}“ ist keine Matrix-Kennung wie @name:example.org.",
    "error.unknown_partner": "„{value}“ ist kein Partner. Möglich: {choices}.",
    "error.not_a_number": "„{value}“ ist keine Nummer wie 12 oder #12.",
    "plain": "{text}",
    "usage": "Aufruf: {usage}",
    "refusal": "{needed} Ihre Rolle: {yours}. !hilfe {name} zeigt, was Sie tun können.",
    "refusal.member": "Nur Mitglieder der Partner können !{command} verwenden.",
    "refusal.participant": "Nur Partner und die Koordination können !{command} verwenden.",
    "refusal.coordinator": "Nur die Koordination kann !{command} verwenden.",
    "refusal.everyone": "!{command} steht allen offen.",
    "role.everyone": "alle",
    "role.member": "ein Mitglied der Partner",
    "role.participant": "Partner und Koordination",
    "role.coordinator": "die Koordination",
    "yours.guest": "Gast (kein Mitglied eines Partners)",
    "yours.coordinator": "Koordination",
    "yours.member": "Partner ({partner})",
    "yours.both": "Koordination und Partner ({partner})",
    # invites and misc
    "privacy.warning": "Hinweis: Diese Nachricht sieht aus, als enthalte sie Daten einer "
    "einzelnen Person ({reason}). Sie ist noch im Raum zu sehen – bitte löschen Sie sie "
    "(Menü der Nachricht › Entfernen). Hier bitte nur zusammengefasste Angaben.",
    "privacy.redacted": "Hinweis: Diese Nachricht sah aus, als enthalte sie Daten einer "
    "einzelnen Person ({reason}). Ich habe sie aus dem Raum entfernt. Hier bitte nur "
    "zusammengefasste Angaben.",
    "privacy.not_run": "Der Befehl wurde nicht ausgeführt – bitte ohne diese Angaben neu senden.",
    "privacy.redaction_reason": "Mögliche Daten einer einzelnen Person ({reason})",
    "privacy.reason.customer_number": "Kundennummer",
    "privacy.reason.bg_number": "Nummer einer Bedarfsgemeinschaft",
    "privacy.reason.insurance_number": "Sozialversicherungsnummer",
    "privacy.reason.birth_date": "Geburtsdatum neben einem Namen",
    # date input
    "dates.bad_date": "„{value}“ ist kein gültiges Datum – z. B. 08.12.2026 oder 2026-12-08.",
    "dates.past": "„{value}“ liegt in der Vergangenheit – bitte einen Tag ab heute angeben, "
    "z. B. heute, morgen oder 08.12.2026.",
    "dates.too_far": "„{value}“ liegt zu weit weg – Termine gehen höchstens {years} Jahre voraus.",
    "dates.bad_time": "„{value}“ ist keine gültige Uhrzeit – z. B. 10:00 oder 10 Uhr.",
    "dates.no_such_time": "Am {day} gibt es {time} Uhr wegen der Zeitumstellung nicht. "
    "Bitte eine andere Uhrzeit wählen.",
    "dates.bad_duration": "„{value}“ ist keine gültige Dauer – z. B. 90 (Minuten) oder 1h30m.",
    # field names in usages (commands/core/catalogue.py: ARG_LABEL)
    "arg.befehl": "befehl",
    "arg.datum": "datum",
    "arg.format": "format",
    "arg.frist": "frist",
    "arg.grund": "grund",
    "arg.id": "id",
    "arg.nr": "nr",
    "arg.partner": "partner",
    "arg.person": "person",
    "arg.punkt": "punkt",
    "arg.sektor": "sektor",
    "arg.serie": "serie",
    "arg.suchbegriff": "suchbegriff",
    "arg.text": "text",
    "arg.titel": "titel",
    "arg.trend": "trend",
    "arg.vermerk": "vermerk",
    "arg.was": "was",
    "arg.zeit": "zeit",
}

EN: dict[str, Entry] = {
    "delivery.missed": Plural(
        one="1 reminder missed while koopbot was unreachable:",
        other="{count} reminders missed while koopbot was unreachable:",
    ),
    "delivery.missed_more": "… and {count} more",
    "error.unknown_command": "I don't know “!{name}”. !help lists all commands.",
    "error.unknown_command_close": "I don't know “!{name}”. Did you mean !{close}? "
    "!help lists all commands.",
    "error.unknown_sub": "“{word}” doesn't fit !{name}. Possible are:",
    "error.sub_needed": "!{name} needs to know what to do. Possible are:",
    "error.unclosed_quote": "A quotation mark was not closed.",
    "error.unknown_option": "This command has no “{option}=” option.",
    "error.extra_words": "Too many arguments: “{words}”.",
    "error.words_after_option": "“{option}={value}” is followed by “{words}”. Put a value with "
    'spaces in quotation marks ({option}="…") and your text before the options.',
    "error.duplicate_option": "The option “{option}=” is given twice. Please give it once.",
    "error.missing_arg": "<{arg}> is missing.",
    "error.invalid_arg": "“{value}” is not valid for <{arg}>.",
    "error.invalid_choice": "“{value}” is not valid for <{arg}>. Possible: {choices}.",
    "error.too_long": "<{arg}> is too long (at most {limit} characters).",
    "error.message_too_long": "The message is too long (at most {limit} characters). Please shorten it.",
    "error.reply_too_long": "The answer would be too long for one message. "
    "Please narrow it down, e.g. with a search term.",
    "error.throttled": "Please slow down: at most {limit} commands per minute. "
    "Your command was not carried out; from {again} the bot takes your commands again.",
    "delivery.late": "⏱ Delivered late: it was due {due}.",
    "error.internal": "Sorry, that didn't work – an internal error. "
    "The coordinators can look it up in the log (reference {ref}).",
    "error.not_a_user": "“{value}” is not a Matrix id like @name:example.org.",
    "error.unknown_partner": "“{value}” is not a partner. Possible: {choices}.",
    "error.not_a_number": "“{value}” is not a number like 12 or #12.",
    "plain": "{text}",
    "usage": "Usage: {usage}",
    "refusal": "{needed} Your role: {yours}. !help {name} shows what you can do.",
    "refusal.member": "Only partner members can use !{command}.",
    "refusal.participant": "Only partners and coordinators can use !{command}.",
    "refusal.coordinator": "Only the coordinators can use !{command}.",
    "refusal.everyone": "!{command} is open to everyone.",
    "role.everyone": "everyone",
    "role.member": "a partner member",
    "role.participant": "partners and coordinators",
    "role.coordinator": "the coordinators",
    "yours.guest": "guest (not a member of a partner)",
    "yours.coordinator": "coordinator",
    "yours.member": "partner ({partner})",
    "yours.both": "coordinator and partner ({partner})",
    "privacy.warning": "Note: this message looks as if it carries data about an individual "
    "({reason}). It is still visible in the room – please delete it (the message's menu › "
    "Remove). Please post only aggregated information here.",
    "privacy.redacted": "Note: this message looked as if it carried data about an individual "
    "({reason}). I have removed it from the room. Please post only aggregated information "
    "here.",
    "privacy.not_run": "The command was not carried out – please send it again without these "
    "details.",
    "privacy.redaction_reason": "Possible data about an individual ({reason})",
    "privacy.reason.customer_number": "a customer number",
    "privacy.reason.bg_number": "a benefit household number",
    "privacy.reason.insurance_number": "a social insurance number",
    "privacy.reason.birth_date": "a birth date next to a name",
    "dates.bad_date": "“{value}” is not a valid date – e.g. 08.12.2026 or 2026-12-08.",
    "dates.past": "“{value}” lies in the past – please give a day from today on, "
    "e.g. today, tomorrow or 08.12.2026.",
    "dates.too_far": "“{value}” is too far away – meetings are planned at most {years} years ahead.",
    "dates.bad_time": "“{value}” is not a valid time – e.g. 10:00 or 10 Uhr.",
    "dates.no_such_time": "On {day} there is no {time} because of the clock change. "
    "Please choose another time.",
    "dates.bad_duration": "“{value}” is not a valid duration – e.g. 90 (minutes) or 1h30m.",
    # field names in usages
    "arg.befehl": "command",
    "arg.datum": "date",
    "arg.format": "format",
    "arg.frist": "deadline",
    "arg.grund": "reason",
    "arg.id": "id",
    "arg.nr": "no",
    "arg.partner": "partner",
    "arg.person": "person",
    "arg.punkt": "item",
    "arg.sektor": "sector",
    "arg.serie": "series",
    "arg.suchbegriff": "search term",
    "arg.text": "text",
    "arg.titel": "title",
    "arg.trend": "trend",
    "arg.vermerk": "note",
    "arg.was": "what",
    "arg.zeit": "time",
}
