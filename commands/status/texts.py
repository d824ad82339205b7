"""Texts of ``!status``."""

DE: dict[str, str] = {
    # status
    "status.help": "zeigt Version, Laufzeit, Speicher, die nächsten Erinnerungen, offene Runden "
    "und Entwürfe; der Koordination auch, was im Ausgang wartet",
    "status.title": "koopbot {version} · läuft seit {uptime}",
    "status.storage": "Speicher: {backend}",
    "status.next_none": "Nächste Erinnerungen: keine geplant",
    "status.next": "Nächste Erinnerungen:",
    "status.open_none": "Offene Runden und Entwürfe: keine",
    "status.outbox_empty": "Ausgang: leer",
    "status.outbox_one": "Ausgang: 1 Nachricht wartet seit {age}",
    "status.outbox": "Ausgang: {count} Nachrichten warten, die älteste seit {age}",
}

EN: dict[str, str] = {
    "status.help": "shows version, uptime, storage, the next reminders, open rounds and drafts; "
    "coordinators also see what waits in the outbox",
    "status.title": "koopbot {version} · running for {uptime}",
    "status.storage": "Storage: {backend}",
    "status.next_none": "Next reminders: none scheduled",
    "status.next": "Next reminders:",
    "status.open_none": "Open rounds and drafts: none",
    "status.outbox_empty": "Outbox: empty",
    "status.outbox_one": "Outbox: 1 message waiting for {age}",
    "status.outbox": "Outbox: {count} messages waiting, the oldest for {age}",
}
