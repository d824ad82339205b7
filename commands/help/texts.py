"""Texts of ``!hilfe`` / ``!help``."""

DE: dict[str, str] = {
    # help
    "help.title": "Befehle von koopbot",
    "help.entry": "{usage} – {text}",
    "help.more": "!hilfe <befehl> zeigt Aufruf und Beispiel, z. B. !hilfe kontakte; "
    "!hilfe datenschutz den Datenschutzhinweis.",
    "help.privacy": "Datenschutz: Dieser Raum ist für zusammengefasste Aussagen zu Branchen "
    "und Arbeitsmarkt. Keine Daten einzelner Kundinnen und Kunden (Sozialdatenschutz, "
    "§ 35 SGB I, §§ 67 ff. SGB X).",
    "help.privacy_more": "Steht in einer Nachricht eine Kundennummer, eine Nummer einer "
    "Bedarfsgemeinschaft, eine Sozialversicherungsnummer oder ein Geburtsdatum neben einem "
    "Namen, führt koopbot den Befehl nicht aus und bittet, die Nachricht zu entfernen.",
    "help.command_title": "!{name} (englisch: !{alias})",
    "help.role": "Wer: {role}",
    "help.example": "Beispiel: {example}",
    "help.unknown": "Zu „{name}“ gibt es keinen Befehl. !hilfe zeigt alle.",
    "help.help": "zeigt die Befehle oder die Hilfe zu einem Befehl, mit Datenschutzhinweis",
}

EN: dict[str, str] = {
    "help.title": "koopbot commands",
    "help.entry": "{usage} – {text}",
    "help.more": "!help <command> shows usage and an example, e.g. !help contacts; "
    "!help privacy the privacy note.",
    "help.privacy": "Data protection: this room is for aggregated statements about sectors "
    "and the labour market. No data about individual clients (social data secrecy, "
    "§ 35 SGB I, §§ 67 ff. SGB X).",
    "help.privacy_more": "If a message holds a customer number, a benefit household number, "
    "a social insurance number or a birth date next to a name, koopbot does not carry out "
    "the command and asks to remove the message.",
    "help.command_title": "!{alias} (German: !{name})",
    "help.role": "Who: {role}",
    "help.example": "Example: {example}",
    "help.unknown": "There is no command “{name}”. !help lists them all.",
    "help.help": "lists the commands or explains one, with the privacy note",
}
