"""Texts of the export mechanics (``!export`` and the file formats), shared by every export."""

from commands.core.plural import Entry, Plural

DE: dict[str, Entry] = {
    "export.help": "zeigt, was sich als Datei exportieren lässt",
    "export.title": "Exporte (die Datei wird in den Raum hochgeladen):",
    "export.entry": "{usage} – {text} ({role}). Formate: {formats}; ohne Angabe {default}",
    "export.formats": "Zeitraum mit von=… und bis=….",
    "export.unknown": "„{what}“ kann ich nicht exportieren.",
    "export.bad_format": "„{value}“ ist kein Exportformat. Möglich: {choices}.",
    "export.bad_period": "Der Zeitraum beginnt ({start}) nach seinem Ende ({end}). "
    "Bitte von= und bis= prüfen.",
    "export.texts_title": "Volltexte",
    "export.manifest_title": "Prüfvermerk",
    "export.checks_title": "Prüfliste",
    "export.page": "Seite {page} von {pages}",
    "export.empty_cell": "–",
    "export.written": Plural(
        one="1 Eintrag nach {path} geschrieben ({format}), Hash von #{last}: {hash}. "
        "Anker zum Aufbewahren: {hash}@{last} (koopbot verify-log --expect {hash}@{last}).",
        other="{count} Einträge nach {path} geschrieben ({format}), Hash des letzten Eintrags "
        "#{last}: {hash}. Anker zum Aufbewahren: {hash}@{last} "
        "(koopbot verify-log --expect {hash}@{last}).",
    ),
    "export.nothing": "Keine Einträge im gewählten Zeitraum – {path} enthält nur den Kopf.",
    "export.too_large": "Die Datei {file} wäre {size} groß; der Homeserver nimmt höchstens "
    "{limit} an. Es wurde keine Datei hochgeladen. Bitte den Export für einen kürzeren "
    "Zeitraum wiederholen (von=… bis=…) oder die Betriebsverantwortlichen um den Export auf "
    "dem Server bitten (Beschlüsse: koopbot export decisions).",
    "export.upload_refused": "Die Datei {file} ({size}) hat der Homeserver nicht angenommen. "
    "Bitte den Export für einen kürzeren Zeitraum wiederholen (von=… bis=…) oder die "
    "Betriebsverantwortlichen fragen.",
    "export.upload_lost": "Die Datei {file} ging vor dem Hochladen verloren (der Ordner "
    "matrix.store_path fehlt nach dem Neustart). Bitte den Export wiederholen.",
}

EN: dict[str, Entry] = {
    "export.help": "lists what can be exported as a file",
    "export.title": "Exports (the file is uploaded into the room):",
    "export.entry": "{usage} – {text} ({role}). Formats: {formats}; {default} if none is given",
    "export.formats": "Period with from=… and to=….",
    "export.unknown": "I cannot export “{what}”.",
    "export.bad_format": "“{value}” is not an export format. Possible: {choices}.",
    "export.bad_period": "The period starts ({start}) after it ends ({end}). "
    "Please check from= and to=.",
    "export.texts_title": "Full texts",
    "export.manifest_title": "Verification",
    "export.checks_title": "Check list",
    "export.page": "Page {page} of {pages}",
    "export.empty_cell": "–",
    "export.written": Plural(
        one="1 entry written to {path} ({format}), hash of #{last}: {hash}. Anchor to keep: "
        "{hash}@{last} (koopbot verify-log --expect {hash}@{last}).",
        other="{count} entries written to {path} ({format}), hash of the last entry #{last}: "
        "{hash}. Anchor to keep: {hash}@{last} (koopbot verify-log --expect {hash}@{last}).",
    ),
    "export.nothing": "No entries in the chosen period – {path} holds only the header.",
    "export.too_large": "The file {file} would be {size}; the homeserver accepts at most "
    "{limit}. No file was uploaded. Please repeat the export for a shorter period "
    "(from=… to=…) or ask the operators for the export on the server (decisions: koopbot "
    "export decisions).",
    "export.upload_refused": "The homeserver did not accept the file {file} ({size}). Please "
    "repeat the export for a shorter period (from=… to=…) or ask the operators.",
    "export.upload_lost": "The file {file} was lost before its upload (the folder "
    "matrix.store_path is missing after the restart). Please repeat the export.",
}
