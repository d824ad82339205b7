"""Texts of sector assessments (``!branche``) and input rounds (``!runde``)."""

from commands.core.plural import Entry, Plural

DE: dict[str, Entry] = {
    # sectors: words and parsing
    "sectors.trend.growing": "wachsend",
    "sectors.trend.stable": "stabil",
    "sectors.trend.declining": "rückläufig",
    "sectors.error.unknown": "„{value}“ ist keine Branche. Möglich sind die WZ-Abschnitte A–U, "
    "z. B. C, Logistik oder Pflege.",
    "sectors.error.unknown_close": "„{value}“ ist keine Branche. Meinten Sie: {close}?",
    "sectors.error.bad_trend": "„{value}“ ist kein Trend. Möglich: wachsend, steigend, "
    "zunehmend (↑) · stabil, gleichbleibend (→) · rückläufig, sinkend, schrumpfend (↓).",
    "sectors.error.degree_first": "„{value}“ ist kein Trend – bitte das Trendwort zuerst, "
    "z. B. „wachsend stark …“ oder in Anführungszeichen „stark wachsend“. Möglich: wachsend (↑), "
    "stabil (→), rückläufig (↓).",
    "sectors.error.bad_horizon": "„{value}“ ist kein Horizont. Bitte in Monaten, z. B. 6m, 12m "
    "oder 24m.",
    "sectors.error.too_long": "Die Einschätzung ist zu lang ({length} Zeichen, höchstens "
    "{limit}). Bitte kürzen – nichts wurde gespeichert.",
    # sectors: reporting
    "sectors.saved": "Meldung #{id} für Branchenrunde #{round} gespeichert: {sector} – "
    "{partner} {mark} {trend}.",
    "sectors.saved_correction": "Meldung #{id} für Branchenrunde #{round} gespeichert: "
    "{sector} – {partner} {mark} {trend}. Sie ersetzt Ihre Meldung #{old} (bleibt im Verlauf).",
    "sectors.saved_outside": "Meldung #{id} gespeichert (außerhalb einer Runde): {sector} – "
    "{partner} {mark} {trend}.",
    "sectors.demand_line": "Bedarf: {demand}",
    "sectors.horizon_line": "Horizont: {months} Monate",
    "sectors.saved_next": "Übersicht: !branchen · Verlauf: !branche {letter}",
    # sectors: views
    "sectors.round_title": "Branchenrunde #{id} (Frist {deadline})",
    "sectors.round_closed": ", geschlossen am {when}",
    "sectors.pending": " – ausstehend: {partners}",
    "sectors.all_reported": " – alle Partner haben gemeldet",
    "sectors.disagree": "⚠ Uneinig: {sector} – {views}",
    "sectors.column_sector": "Branche",
    "sectors.round_empty": "Noch keine Meldungen. Melden mit: {usage:branche melden}",
    "sectors.overview_next": "↑ wachsend · → stabil · ↓ rückläufig · ⏳ noch keine Meldung · "
    "– zu dieser Branche nichts gemeldet. "
    "Verlauf einer Branche: {usage:branche}",
    "sectors.none": "Noch keine Branchenmeldungen. Die Koordination startet eine Runde mit "
    "{usage:runde start}; melden mit {usage:branche melden|kurz}.",
    "sectors.outside_title": "Keine Branchenrunde – Einschätzungen außerhalb einer Runde:",
    "sectors.outside_next": "↑ wachsend · → stabil · ↓ rückläufig · – zu dieser Branche nichts "
    "gemeldet. Eine Runde startet die "
    "Koordination mit {usage:runde start}.",
    "sectors.history_title": "Verlauf {sector} (neueste zuerst):",
    "sectors.history_none": "Zu {sector} gibt es noch keine Meldung. Melden mit: "
    "{usage:branche melden|kurz}",
    "sectors.history_round": "Runde #{id}",
    "sectors.history_outside": "außerhalb einer Runde",
    "sectors.history_entry": "#{id} {where} · {day} · {partner} {mark} {trend} – {text}{extras}",
    "sectors.demand": " · Bedarf: {demand}",
    "sectors.horizon": " · Horizont: {months} Monate",
    "sectors.replaced": " · (korrigiert, gilt nicht mehr)",
    "sectors.history_more": "Gezeigt sind die 20 neuesten. Alles: !export branchen",
    # sectors: search
    "sectors.search_title": "Branchenmeldungen mit „{term}“ ({count} gefunden, neueste zuerst):",
    "sectors.search_title_many": "Branchenmeldungen mit „{term}“ (über {count} gefunden, "
    "neueste zuerst):",
    "sectors.search_entry": "#{id} {sector} · {where} · {day} · {partner} {mark} {trend} – "
    "{text}{extras}",
    "sectors.search_none": "Keine Branchenmeldung enthält „{term}“. Die aktuelle Runde: "
    "!branchen · Verlauf einer Branche: {usage:branche}",
    "sectors.search_more": Plural(
        one="… und 1 ältere: die nächste mit !branche suche {term} seite={next}",
        other="… und {count} ältere: die nächsten mit !branche suche {term} seite={next}",
    ),
    "sectors.search_more_many": "… und über {count} ältere: die nächsten mit !branche suche "
    "{term} seite={next}",
    "sectors.search_more_uncounted": "… und weitere ältere: die nächsten mit !branche suche "
    "{term} seite={next}",
    "sectors.search_no_page": "Seite {page} gibt es nicht – die letzte ist Seite {pages}.",
    "sectors.search_next": "Eingrenzen mit weiteren Wörtern · Verlauf einer Branche: "
    "{usage:branche}",
    # rounds
    "sectors.started": "Branchenrunde #{id} gestartet, Frist {day}.",
    "sectors.started_next": "Erinnerungen zur Halbzeit und einen Tag vor der Frist gehen an die "
    "Partner, die noch nicht gemeldet haben. Stand: !branchen · Ende: !runde schließen",
    "sectors.announce": "📊 Branchenrunde #{id} ist eröffnet – bitte melden Sie bis {day} Ihre "
    "Einschätzung der Branchen.",
    "sectors.announce_how": "So geht's: {usage:branche melden}, z. B. "
    "!branche melden Logistik wachsend Neue Lager bedarf=Fahrer horizont=12m",
    "sectors.announce_people": "Ansprechpersonen: {people}",
    "sectors.closed": "Branchenrunde #{id} geschlossen.",
    "sectors.closed_missing": "Nicht gemeldet: {partners}.",
    "sectors.closed_complete": "Alle Partner haben gemeldet.",
    "sectors.closed_next": "Ergebnis: !branchen · als Datei: !export branchen",
    "sectors.error.deadline_past": "Die Frist {day} liegt in der Vergangenheit. Bitte ein Datum "
    "ab heute angeben.",
    "sectors.error.round_open": "Branchenrunde #{id} ist noch offen. Erst mit !runde schließen "
    "beenden, dann eine neue starten.",
    "sectors.error.no_round": "Es ist keine Branchenrunde offen. Starten mit: {usage:runde start}",
    # reminders
    "sectors.reminder_open": "Noch offen: Branchenrunde – ausstehend: {partners} "
    "(Frist {deadline})",
    "sectors.reminder_complete": "Branchenrunde #{id}: alle Partner haben gemeldet "
    "(Frist {deadline}) – !branchen",
    "sectors.remind_half": "⏳ Branchenrunde #{id}: Halbzeit – die Frist endet {day}.",
    "sectors.remind_tomorrow": "⏳ Branchenrunde #{id}: Die Frist endet morgen, {day}.",
    "sectors.remind_missing": "Ausstehend: {partners}",
    "sectors.remind_partner": "{partner} ({people})",
    "sectors.remind_partner_nobody": "{partner}",
    "sectors.remind_how": "Bitte melden mit: {usage:branche melden|kurz} – Stand: !branchen",
    "sectors.remind_late": "{head} (verspätet)",
    "sectors.remind_missed_item": "Branchenrunde #{id}, Frist {day} (Erinnerung {when})",
    "sectors.remind_missed_next": "!branchen zeigt den Stand der Runde.",
    # export
    "sectors.export.title": "Branchenmeldungen",
    "sectors.export.file": "branchenmeldungen",
    "sectors.export.partners": "Partner",
    "sectors.export.as_of": "Stand",
    "sectors.export.entries": "Meldungen",
    "sectors.export.outside": "außerhalb",
    "sectors.export.horizon": Plural(one="{count} Monat", other="{count} Monate"),
    "sectors.export.counts": "gilt",
    "sectors.export.replaced": "korrigiert",
    "sectors.export.empty": "Es gibt keine Branchenmeldungen im gewählten Zeitraum.",
    "sectors.export.done": "Branchenmeldungen als {format}: {count} Meldungen in {file}.",
    "sectors.col.id": "Nr.",
    "sectors.col.round": "Runde",
    "sectors.col.deadline": "Frist",
    "sectors.col.sector": "Abschnitt",
    "sectors.col.sector_name": "Branche",
    "sectors.col.partner": "Partner",
    "sectors.col.trend": "Trend",
    "sectors.col.text": "Einschätzung",
    "sectors.col.demand": "Bedarf",
    "sectors.col.horizon": "Horizont",
    "sectors.col.reported_at": "Gemeldet am",
    "sectors.col.state": "Stand",
    "sectors.col.source": "Quelle (Ereignis-ID)",
    # help
    "sectors.help.report": "Einschätzung einer Branche (WZ 2008 A–U) für Ihren Partner melden "
    "(eine neue Meldung korrigiert die alte)",
    "sectors.help.history": "Verlauf einer Branche über alle Runden, mit Bild der Trends je "
    "Partner",
    "sectors.help.overview": "die aktuelle Branchenrunde: Branchen × Partner, Uneinigkeit "
    "zuerst, ausstehende Partner",
    "sectors.help.start": "eine Branchenrunde mit Frist starten und ankündigen; Erinnerungen "
    "zur Halbzeit und am Tag vor der Frist",
    "sectors.help.close": "die offene Branchenrunde schließen",
    "sectors.help.export": "alle Branchenmeldungen als Datei hochladen (CSV für "
    "Excel/LibreOffice, md)",
    "sectors.help.search": "alle Branchenmeldungen des Raums durchsuchen (Text, Bedarf, "
    "Branche), neueste zuerst",
    # the sector picture (commands/sectors/chart.py)
    "sectors.chart.title": "{sector}: Einschätzung der Partner je Runde",
    "sectors.chart.axis": "Trend (−1 rückläufig, 0 stabil, +1 wachsend)",
    "sectors.chart.x_axis": "Branchenrunde (Frist)",
    "sectors.chart.tick": "#{id}\n{day}",
    "sectors.chart.divergent": "uneinig",
    "sectors.chart.file": "branche-{letter}-verlauf.png",
    "sectors.chart.alt": "Diagramm {sector}, Runden {rounds} (−1 rückläufig, 0 stabil, "
    "+1 wachsend): {lines}.",
    "sectors.chart.alt_partner": "{partner} {values}",
    "sectors.chart.alt_none": "{partner} ohne Meldung",
    "sectors.chart.alt_value": "Runde #{id} {value}",
    "sectors.chart.alt_divergent": " Uneinig in Runde {rounds}.",
}

EN: dict[str, Entry] = {
    # sectors: words and parsing
    "sectors.trend.growing": "growing",
    "sectors.trend.stable": "stable",
    "sectors.trend.declining": "declining",
    "sectors.error.unknown": "“{value}” is not a sector. Possible are the WZ sections A–U, "
    "e.g. C, logistics or health.",
    "sectors.error.unknown_close": "“{value}” is not a sector. Did you mean: {close}?",
    "sectors.error.bad_trend": "“{value}” is not a trend. Possible: growing, rising, "
    "increasing (↑) · stable (→) · declining, falling, shrinking (↓).",
    "sectors.error.degree_first": "“{value}” is not a trend – please put the trend word first, "
    "e.g. “growing strongly …”, or quote it: “strongly growing”. Possible: growing (↑), "
    "stable (→), declining (↓).",
    "sectors.error.bad_horizon": "“{value}” is not a horizon. Please give months, e.g. 6m, 12m "
    "or 24m.",
    "sectors.error.too_long": "The assessment is too long ({length} characters, at most "
    "{limit}). Please shorten it – nothing was stored.",
    # sectors: reporting
    "sectors.saved": "Report #{id} for sector round #{round} saved: {sector} – "
    "{partner} {mark} {trend}.",
    "sectors.saved_correction": "Report #{id} for sector round #{round} saved: "
    "{sector} – {partner} {mark} {trend}. It replaces your report #{old} (kept in the history).",
    "sectors.saved_outside": "Report #{id} saved (outside a round): {sector} – "
    "{partner} {mark} {trend}.",
    "sectors.demand_line": "Demand: {demand}",
    "sectors.horizon_line": "Horizon: {months} months",
    "sectors.saved_next": "Overview: !sectors · History: !sector {letter}",
    # sectors: views
    "sectors.round_title": "Sector round #{id} (deadline {deadline})",
    "sectors.round_closed": ", closed on {when}",
    "sectors.pending": " – pending: {partners}",
    "sectors.all_reported": " – all partners have reported",
    "sectors.disagree": "⚠ Disagreement: {sector} – {views}",
    "sectors.column_sector": "Sector",
    "sectors.round_empty": "No reports yet. Report with: {usage:branche melden}",
    "sectors.overview_next": "↑ growing · → stable · ↓ declining · ⏳ no report yet · "
    "– nothing reported on this sector. "
    "History of a sector: {usage:branche}",
    "sectors.none": "No sector reports yet. The coordinators start a round with "
    "{usage:runde start}; report with {usage:branche melden|kurz}.",
    "sectors.outside_title": "No sector round – assessments outside a round:",
    "sectors.outside_next": "↑ growing · → stable · ↓ declining · – nothing reported on this "
    "sector. The coordinators start a "
    "round with {usage:runde start}.",
    "sectors.history_title": "History of {sector} (newest first):",
    "sectors.history_none": "There is no report on {sector} yet. Report with: "
    "{usage:branche melden|kurz}",
    "sectors.history_round": "round #{id}",
    "sectors.history_outside": "outside a round",
    "sectors.history_entry": "#{id} {where} · {day} · {partner} {mark} {trend} – {text}{extras}",
    "sectors.demand": " · demand: {demand}",
    "sectors.horizon": " · horizon: {months} months",
    "sectors.replaced": " · (corrected, no longer counts)",
    "sectors.history_more": "The 20 newest are shown. Everything: !export sectors",
    # sectors: search
    "sectors.search_title": "Sector reports with “{term}” ({count} found, newest first):",
    "sectors.search_title_many": "Sector reports with “{term}” (more than {count} found, "
    "newest first):",
    "sectors.search_entry": "#{id} {sector} · {where} · {day} · {partner} {mark} {trend} – "
    "{text}{extras}",
    "sectors.search_none": "No sector report contains “{term}”. The current round: !sectors · "
    "history of a sector: {usage:branche}",
    "sectors.search_more": Plural(
        one="… and 1 older one: the next with !sector search {term} page={next}",
        other="… and {count} older ones: the next with !sector search {term} page={next}",
    ),
    "sectors.search_more_many": "… and more than {count} older ones: the next with !sector "
    "search {term} page={next}",
    "sectors.search_more_uncounted": "… and more older ones: the next with !sector search "
    "{term} page={next}",
    "sectors.search_no_page": "There is no page {page} – the last one is page {pages}.",
    "sectors.search_next": "Narrow down with more words · history of a sector: {usage:branche}",
    # rounds
    "sectors.started": "Sector round #{id} started, deadline {day}.",
    "sectors.started_next": "Reminders at half-time and a day before the deadline go to the "
    "partners that have not reported. Status: !sectors · End: !round close",
    "sectors.announce": "📊 Sector round #{id} is open – please report your assessment of the "
    "sectors by {day}.",
    "sectors.announce_how": "How: {usage:branche melden}, e.g. !sector report logistics growing New warehouses demand=drivers horizon=12m",
    "sectors.announce_people": "Contacts: {people}",
    "sectors.closed": "Sector round #{id} closed.",
    "sectors.closed_missing": "Not reported: {partners}.",
    "sectors.closed_complete": "All partners have reported.",
    "sectors.closed_next": "Result: !sectors · as a file: !export sectors",
    "sectors.error.deadline_past": "The deadline {day} is in the past. Please give a date from "
    "today on.",
    "sectors.error.round_open": "Sector round #{id} is still open. Close it with !round close "
    "first, then start a new one.",
    "sectors.error.no_round": "No sector round is open. Start one with: {usage:runde start}",
    # reminders
    "sectors.reminder_open": "Still open: sector round – pending: {partners} (deadline {deadline})",
    "sectors.reminder_complete": "Sector round #{id}: all partners have reported "
    "(deadline {deadline}) – !sectors",
    "sectors.remind_half": "⏳ Sector round #{id}: half-time – the deadline is {day}.",
    "sectors.remind_tomorrow": "⏳ Sector round #{id}: the deadline is tomorrow, {day}.",
    "sectors.remind_missing": "Pending: {partners}",
    "sectors.remind_partner": "{partner} ({people})",
    "sectors.remind_partner_nobody": "{partner}",
    "sectors.remind_how": "Please report with: {usage:branche melden|kurz} – status: !sectors",
    "sectors.remind_late": "{head} (late)",
    "sectors.remind_missed_item": "Sector round #{id}, deadline {day} (reminder {when})",
    "sectors.remind_missed_next": "!sectors shows where the round stands.",
    # export
    "sectors.export.title": "Sector reports",
    "sectors.export.file": "sector-reports",
    "sectors.export.partners": "Partners",
    "sectors.export.as_of": "As of",
    "sectors.export.entries": "Reports",
    "sectors.export.outside": "outside",
    "sectors.export.horizon": Plural(one="{count} month", other="{count} months"),
    "sectors.export.counts": "counts",
    "sectors.export.replaced": "corrected",
    "sectors.export.empty": "There are no sector reports in the chosen period.",
    "sectors.export.done": "Sector reports as {format}: {count} reports in {file}.",
    "sectors.col.id": "No.",
    "sectors.col.round": "Round",
    "sectors.col.deadline": "Deadline",
    "sectors.col.sector": "Section",
    "sectors.col.sector_name": "Sector",
    "sectors.col.partner": "Partner",
    "sectors.col.trend": "Trend",
    "sectors.col.text": "Assessment",
    "sectors.col.demand": "Demand",
    "sectors.col.horizon": "Horizon",
    "sectors.col.reported_at": "Reported at",
    "sectors.col.state": "State",
    "sectors.col.source": "Source (event id)",
    # help
    "sectors.help.report": "report your partner's assessment of a sector (WZ 2008 A–U) "
    "(a new report corrects the old one)",
    "sectors.help.history": "history of one sector across all rounds, with a picture of each "
    "partner's trend",
    "sectors.help.overview": "the current sector round: sectors × partners, disagreement first, "
    "partners still missing",
    "sectors.help.start": "start and announce a sector round with a deadline; reminders at half "
    "time and on the day before the deadline",
    "sectors.help.close": "close the open sector round",
    "sectors.help.export": "upload every sector report as a file (CSV for Excel/LibreOffice, md)",
    "sectors.help.search": "search every sector report of the room (text, demand, sector), "
    "newest first",
    "sectors.chart.title": "{sector}: the partners' assessment per round",
    "sectors.chart.axis": "Trend (−1 declining, 0 stable, +1 growing)",
    "sectors.chart.x_axis": "Sector round (deadline)",
    "sectors.chart.tick": "#{id}\n{day}",
    "sectors.chart.divergent": "disagreement",
    "sectors.chart.file": "sector-{letter}-history.png",
    "sectors.chart.alt": "Chart {sector}, rounds {rounds} (−1 declining, 0 stable, "
    "+1 growing): {lines}.",
    "sectors.chart.alt_partner": "{partner} {values}",
    "sectors.chart.alt_none": "{partner} no report",
    "sectors.chart.alt_value": "round #{id} {value}",
    "sectors.chart.alt_divergent": " Disagreement in round {rounds}.",
}
