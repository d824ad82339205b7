"""Texts of ``koopbot check-config`` and of an unusable configuration at the shell: what is
wrong with which key, and how to fix it."""

from commands.core.plural import Entry

DE: dict[str, Entry] = {
    "config.invalid": "Die Konfiguration ist ungültig:",
    "config.problem": "  {where}: {what}",
    "config.hint": "Vorlage mit allen Schlüsseln: config/example.toml. Danach erneut: "
    "koopbot check-config",
    "config.ok": "OK: {partners} Partner, {coordinators} Koordination, {rooms} Raum/Räume, "
    "Speicher {storage}, Sprache {language}, Zeitzone {zone}",
    "config.partner": "  {id}: {name} – {members} Mitglied(er)",
    "config.kind.missing": "Pflichtangabe fehlt – bitte eintragen.",
    "config.kind.unknown_key": "unbekannter Schlüssel – Schreibweise prüfen.",
    "config.kind.file_not_found": "Datei nicht gefunden – Pfad prüfen (--config oder "
    "KOOPBOT_CONFIG).",
    "config.kind.toml": "kein gültiges TOML ({value}).",
    "config.kind.user_id": "„{value}“ ist keine Matrix-Kennung – Form @name:example.org.",
    "config.kind.homeserver": "„{value}“ ist keine Adresse – Form https://matrix.example.org.",
    "config.kind.room": "„{value}“ ist weder eine Raum-ID (!id:server) noch ein Alias "
    "(#name:server).",
    "config.kind.storage_url": "diese Datenbank-Adresse geht nicht – sqlite+aiosqlite:///DATEI "
    "oder postgresql+asyncpg://NUTZER@HOST/DB angeben.",
    "config.kind.timezone": "„{value}“ ist keine Zeitzone – z. B. Europe/Berlin.",
    "config.kind.duration": "„{value}“ ist keine Dauer – z. B. 7d, 1h oder 30m.",
    "config.kind.partner_id": "„{value}“ geht nicht – nur Kleinbuchstaben, Ziffern, - und _ "
    "(z. B. stadt).",
    "config.kind.language": "„{value}“ geht nicht – de oder en.",
    "config.kind.credentials": "matrix.password oder matrix.access_token fehlt – am besten als "
    "Umgebungsvariable KOOPBOT_MATRIX__PASSWORD setzen.",
    "config.kind.partner_twice": "eine Partner-ID steht zweimal – jede ID nur einmal vergeben.",
    "config.kind.member_twice": "eine Person ist Mitglied zweier Partner – nur bei einem "
    "eintragen.",
    "config.kind.other": "ungültig ({english}).",
    # what check-config refuses although each value alone is valid
    "config.need.partners": "Es ist kein Partner eingetragen – je Partner einen Abschnitt "
    "[[partners]] mit id, name und members anlegen.",
    "config.need.coordinators": "Es ist keine Koordination eingetragen – coordinators = "
    '["@name:example.org"] setzen.',
    "config.need.rooms": "Es ist kein Raum eingetragen – unter [matrix] rooms = "
    '["!raumid:example.org"] setzen.',
    "config.need.user_id": "matrix.user_id fehlt – die Kennung des Bots, z. B. "
    '"@koopbot:example.org", unter [matrix] eintragen.',
    "config.need.homeserver": "matrix.homeserver fehlt – die Adresse des Homeservers, z. B. "
    '"https://matrix.example.org", unter [matrix] eintragen.',
}

EN: dict[str, Entry] = {
    "config.invalid": "The configuration is invalid:",
    "config.problem": "  {where}: {what}",
    "config.hint": "Template with every key: config/example.toml. Then again: koopbot check-config",
    "config.ok": "OK: {partners} partner(s), {coordinators} coordinator(s), {rooms} room(s), "
    "storage {storage}, language {language}, time zone {zone}",
    "config.partner": "  {id}: {name} – {members} member(s)",
    "config.kind.missing": "required key is missing – please add it.",
    "config.kind.unknown_key": "unknown key – check the spelling.",
    "config.kind.file_not_found": "file not found – check the path (--config or KOOPBOT_CONFIG).",
    "config.kind.toml": "not valid TOML ({value}).",
    "config.kind.user_id": "“{value}” is not a Matrix user id – form @name:example.org.",
    "config.kind.homeserver": "“{value}” is not an address – form https://matrix.example.org.",
    "config.kind.room": "“{value}” is neither a room id (!id:server) nor an alias (#name:server).",
    "config.kind.storage_url": "this database address does not work – use "
    "sqlite+aiosqlite:///FILE or postgresql+asyncpg://USER@HOST/DB.",
    "config.kind.timezone": "“{value}” is not a time zone – e.g. Europe/Berlin.",
    "config.kind.duration": "“{value}” is not a duration – e.g. 7d, 1h or 30m.",
    "config.kind.partner_id": "“{value}” does not work – lower-case letters, digits, - and _ "
    "only (e.g. stadt).",
    "config.kind.language": "“{value}” does not work – de or en.",
    "config.kind.credentials": "matrix.password or matrix.access_token is missing – best set "
    "the environment variable KOOPBOT_MATRIX__PASSWORD.",
    "config.kind.partner_twice": "a partner id is used twice – give each id once.",
    "config.kind.member_twice": "a person is a member of two partners – list them with one.",
    "config.kind.other": "invalid ({english}).",
    "config.need.partners": "No partner is configured – add a [[partners]] section with id, "
    "name and members for each.",
    "config.need.coordinators": "No coordinator is configured – set coordinators = "
    '["@name:example.org"].',
    "config.need.rooms": 'No room is configured – set rooms = ["!roomid:example.org"] under '
    "[matrix].",
    "config.need.user_id": "matrix.user_id is missing – add the bot's id, e.g. "
    '"@koopbot:example.org", under [matrix].',
    "config.need.homeserver": "matrix.homeserver is missing – add the homeserver's address, "
    'e.g. "https://matrix.example.org", under [matrix].',
}
