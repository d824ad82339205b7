"""Texts of ``!status``."""

from commands.core.plural import Entry, Plural

DE: dict[str, Entry] = {
    # status
    "status.help": "zeigt Version, Laufzeit, Speicher, die nächsten Erinnerungen, offene Runden "
    "und Entwürfe; der Koordination auch, was im Ausgang wartet",
    "status.title": "koopbot {version} · läuft seit {uptime}",
    "status.storage": "Speicher: {backend}",
    "status.next_none": "Nächste Erinnerungen: keine geplant",
    "status.next": "Nächste Erinnerungen:",
    "status.open_none": "Offene Runden und Entwürfe: keine",
    "status.outbox_empty": "Ausgang: leer",
    "status.outbox": Plural(
        one="Ausgang: 1 Nachricht wartet seit {age}",
        other="Ausgang: {count} Nachrichten warten, die älteste seit {age}",
    ),
}

EN: dict[str, Entry] = {
    "status.help": "shows version, uptime, storage, the next reminders, open rounds and drafts; "
    "coordinators also see what waits in the outbox",
    "status.title": "koopbot {version} · running for {uptime}",
    "status.storage": "Storage: {backend}",
    "status.next_none": "Next reminders: none scheduled",
    "status.next": "Next reminders:",
    "status.open_none": "Open rounds and drafts: none",
    "status.outbox_empty": "Outbox: empty",
    "status.outbox": Plural(
        one="Outbox: 1 message waiting for {age}",
        other="Outbox: {count} messages waiting, the oldest for {age}",
    ),
}
