"""Texts of the foundation: errors, roles, help, status, contacts."""

DE: dict[str, str] = {
    # errors and refusals
    "error.unknown_command": "„!{name}“ kenne ich nicht. !hilfe zeigt alle Befehle.",
    "error.unknown_command_close": "„!{name}“ kenne ich nicht. Meinten Sie !{close}? "
    "!hilfe zeigt alle Befehle.",
    "error.unknown_sub": "„{word}“ passt nicht zu !{name}.",
    "error.unclosed_quote": "Ein Anführungszeichen wurde nicht geschlossen.",
    "error.unknown_option": "Die Angabe „{option}=“ gibt es bei diesem Befehl nicht.",
    "error.extra_words": "Zu viele Angaben: „{words}“.",
    "error.missing_arg": "Es fehlt die Angabe <{arg}>.",
    "error.invalid_arg": "„{value}“ ist für <{arg}> nicht gültig.",
    "error.too_long": "<{arg}> ist zu lang (höchstens {limit} Zeichen).",
    "error.message_too_long": "Die Nachricht ist zu lang (höchstens {limit} Zeichen). Bitte kürzen.",
    "error.reply_too_long": "Die Antwort wäre zu lang für eine Nachricht. "
    "Bitte die Auswahl eingrenzen, z. B. mit einem Suchbegriff.",
    "error.throttled": "Bitte etwas langsamer: höchstens {limit} Befehle pro Minute. "
    "Ihr Befehl wurde nicht ausgeführt.",
    "error.internal": "Das hat leider nicht geklappt – ein interner Fehler. "
    "Die Koordination kann im Protokoll nachsehen (Vorgang {ref}).",
    "error.not_a_user": "„{value}“ ist keine Matrix-Kennung wie @name:example.org.",
    "error.unknown_partner": "„{value}“ ist kein Partner. Möglich: {choices}.",
    "error.not_a_number": "„{value}“ ist keine Nummer wie 12 oder #12.",
    "usage": "Aufruf: {usage}",
    "refusal": "Nur {needed} kann !{command} verwenden. Ihre Rolle: {yours}. "
    "!hilfe {name} zeigt, was Sie tun können.",
    "role.everyone": "alle",
    "role.member": "ein Mitglied der Partner",
    "role.participant": "Partner und Koordination",
    "role.coordinator": "die Koordination",
    "yours.guest": "Gast (nicht in der Konfiguration)",
    "yours.coordinator": "Koordination",
    "yours.member": "Partner ({partner})",
    "yours.both": "Koordination und Partner ({partner})",
    # help
    "help.title": "Befehle von koopbot",
    "help.entry": "{usage} – {text}",
    "help.more": "!hilfe <befehl> zeigt Aufruf und Beispiel, z. B. !hilfe kontakte.",
    "help.privacy": "Datenschutz: Dieser Raum ist für zusammengefasste Aussagen zu Branchen "
    "und Arbeitsmarkt. Keine Daten einzelner Kundinnen und Kunden (Sozialdatenschutz, "
    "§ 35 SGB I, §§ 67 ff. SGB X).",
    "help.command_title": "!{name} (englisch: !{alias})",
    "help.role": "Wer: {role}",
    "help.example": "Beispiel: {example}",
    "help.unknown": "Zu „{name}“ gibt es keinen Befehl. !hilfe zeigt alle.",
    "help.help": "zeigt die Befehle oder die Hilfe zu einem Befehl",
    # status
    "status.help": "zeigt Version, Laufzeit, Speicher und was geplant ist",
    "status.title": "koopbot {version} · läuft seit {uptime}",
    "status.storage": "Speicher: {backend}",
    "status.next_none": "Nächste Erinnerungen: keine geplant",
    "status.next": "Nächste Erinnerungen:",
    "status.open_none": "Offene Runden und Entwürfe: keine",
    # contacts
    "contacts.help": "zeigt die Ansprechpersonen der Partner",
    "contacts.set_help": "setzt Ansprechperson und Vertretung eines Partners",
    "contacts.title": "Ansprechpersonen",
    "contacts.entry": "{partner}: {contact}",
    "contacts.entry_deputy": "{partner}: {contact}, Vertretung {deputy}",
    "contacts.nobody": "niemand benannt",
    "contacts.set": "Ansprechperson für {partner} ist jetzt {contact}.",
    "contacts.set_deputy": "Ansprechperson für {partner} ist jetzt {contact}, Vertretung {deputy}.",
    "contacts.next": "!kontakte zeigt alle Ansprechpersonen.",
    # invites and misc
    "privacy.warning": "Hinweis: Diese Nachricht sieht aus, als enthalte sie Daten einer "
    "einzelnen Person ({reason}). Bitte hier nur zusammengefasste Angaben – "
    "die Nachricht wurde nicht gespeichert.",
    "privacy.reason.customer_number": "Kundennummer",
    "privacy.reason.bg_number": "Nummer einer Bedarfsgemeinschaft",
    "privacy.reason.insurance_number": "Sozialversicherungsnummer",
    "privacy.reason.birth_date": "Geburtsdatum neben einem Namen",
}

EN: dict[str, str] = {
    "error.unknown_command": "I don't know “!{name}”. !help lists all commands.",
    "error.unknown_command_close": "I don't know “!{name}”. Did you mean !{close}? "
    "!help lists all commands.",
    "error.unknown_sub": "“{word}” doesn't fit !{name}.",
    "error.unclosed_quote": "A quotation mark was not closed.",
    "error.unknown_option": "This command has no “{option}=” option.",
    "error.extra_words": "Too many arguments: “{words}”.",
    "error.missing_arg": "<{arg}> is missing.",
    "error.invalid_arg": "“{value}” is not valid for <{arg}>.",
    "error.too_long": "<{arg}> is too long (at most {limit} characters).",
    "error.message_too_long": "The message is too long (at most {limit} characters). Please shorten it.",
    "error.reply_too_long": "The answer would be too long for one message. "
    "Please narrow it down, e.g. with a search term.",
    "error.throttled": "Please slow down: at most {limit} commands per minute. "
    "Your command was not carried out.",
    "error.internal": "Sorry, that didn't work – an internal error. "
    "The coordinators can look it up in the log (reference {ref}).",
    "error.not_a_user": "“{value}” is not a Matrix id like @name:example.org.",
    "error.unknown_partner": "“{value}” is not a partner. Possible: {choices}.",
    "error.not_a_number": "“{value}” is not a number like 12 or #12.",
    "usage": "Usage: {usage}",
    "refusal": "Only {needed} can use !{command}. Your role: {yours}. "
    "!help {name} shows what you can do.",
    "role.everyone": "everyone",
    "role.member": "a partner member",
    "role.participant": "partners and coordinators",
    "role.coordinator": "the coordinators",
    "yours.guest": "guest (not in the configuration)",
    "yours.coordinator": "coordinator",
    "yours.member": "partner ({partner})",
    "yours.both": "coordinator and partner ({partner})",
    "help.title": "koopbot commands",
    "help.entry": "{usage} – {text}",
    "help.more": "!help <command> shows usage and an example, e.g. !help contacts.",
    "help.privacy": "Data protection: this room is for aggregated statements about sectors "
    "and the labour market. No data about individual clients (social data secrecy, "
    "§ 35 SGB I, §§ 67 ff. SGB X).",
    "help.command_title": "!{alias} (German: !{name})",
    "help.role": "Who: {role}",
    "help.example": "Example: {example}",
    "help.unknown": "There is no command “{name}”. !help lists them all.",
    "help.help": "lists the commands or explains one",
    "status.help": "shows version, uptime, storage and what is scheduled",
    "status.title": "koopbot {version} · running for {uptime}",
    "status.storage": "Storage: {backend}",
    "status.next_none": "Next reminders: none scheduled",
    "status.next": "Next reminders:",
    "status.open_none": "Open rounds and drafts: none",
    "contacts.help": "lists each partner's contact persons",
    "contacts.set_help": "sets a partner's contact and deputy",
    "contacts.title": "Contact persons",
    "contacts.entry": "{partner}: {contact}",
    "contacts.entry_deputy": "{partner}: {contact}, deputy {deputy}",
    "contacts.nobody": "nobody named",
    "contacts.set": "{contact} is now the contact for {partner}.",
    "contacts.set_deputy": "{contact} is now the contact for {partner}, deputy {deputy}.",
    "contacts.next": "!contacts lists all contact persons.",
    "privacy.warning": "Note: this message looks as if it carries data about an individual "
    "({reason}). Please post only aggregated information here – the message was not stored.",
    "privacy.reason.customer_number": "a customer number",
    "privacy.reason.bg_number": "a benefit household number",
    "privacy.reason.insurance_number": "a social insurance number",
    "privacy.reason.birth_date": "a birth date next to a name",
}
