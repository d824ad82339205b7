"""Texts of meetings, agendas and reminders."""

DE: dict[str, str] = {
    # help
    "meetings.help_new": "legt einen Termin oder eine Terminserie an (wiederholung= z. B. "
    "wöchentlich, alle zwei Wochen, jeden ersten Dienstag im Monat, monatlich am 15. oder eine "
    "RRULE); Feiertage in Sachsen-Anhalt werden gemeldet",
    "meetings.help_list": "zeigt die nächsten Termine, je Termin das nächste Datum",
    "meetings.help_show": "zeigt einen Termin mit Serie, Tagesordnung und nächster Erinnerung",
    "meetings.help_cancel": "sagt den nächsten Termin ab (am=… ein bestimmter, serie die ganze "
    "Serie); die Erinnerungen entfallen",
    "meetings.help_move": "verschiebt den nächsten Termin (am=… ein bestimmter, serie die ganze "
    "Serie); die Erinnerungen folgen",
    "meetings.help_ics": "lädt den Termin als Kalenderdatei (.ics, Serie mit RRULE, Zeitzone "
    "Europe/Berlin) für Outlook oder Thunderbird hoch",
    "meetings.help_agenda": "setzt einen Punkt auf die Tagesordnung des nächsten Termins (am=… "
    "eines späteren), mit Ihrem Partner",
    # input errors
    "recur.unknown": "„{value}“ verstehe ich nicht als Wiederholung – z. B. „wöchentlich“, "
    "„alle zwei Wochen“, „jeden ersten Dienstag im Monat“, „monatlich am 15.“ "
    "oder eine RRULE wie FREQ=MONTHLY;BYDAY=1TU.",
    "recur.bad_rrule": "„{value}“ ist keine gültige RRULE – z. B. FREQ=MONTHLY;BYDAY=2TU.",
    "recur.too_often": "„{value}“ wiederholt sich zu oft: Serien gibt es wöchentlich, "
    "monatlich oder jährlich.",
    "recur.unsupported_part": "„{part}“ wird in einer RRULE hier nicht unterstützt "
    "(möglich: INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT, UNTIL).",
    "meetings.bad_scope": "„{value}“ verstehe ich nicht – hier ist nur „serie“ möglich.",
    "meetings.not_found": "Termin #{id} gibt es hier nicht. !termine zeigt die nächsten Termine.",
    "meetings.in_past": "{when} liegt in der Vergangenheit – bitte einen Zeitpunkt in der Zukunft.",
    "meetings.rule_mismatch": "{day} passt nicht zu „{rule}“ – der nächste passende Tag "
    "wäre {next}.",
    "meetings.rule_never": "„{rule}“ ergibt ab {day} keinen Termin.",
    "meetings.already_cancelled": "Termin #{id} ist bereits abgesagt.",
    "meetings.nothing_ahead": "Termin #{id} hat keinen weiteren Termin mehr – "
    "!termine zeigt die nächsten.",
    "meetings.not_on_day": "Termin #{id} findet am {day} nicht statt. !termin {id} zeigt die Daten.",
    # what a meeting looks like
    "meetings.created": "Termin #{id} angelegt: {title}",
    "meetings.when_where": "{when} · {place}",
    "meetings.series": "Serie: {rule} (danach {next})",
    "meetings.series_last": "Serie: {rule}",
    "meetings.reminders": "Erinnerungen {offsets} vorher.",
    "meetings.no_reminders": "Es sind keine Erinnerungen eingestellt.",
    "meetings.no_reminders_ahead": "Für diesen Termin ist keine Erinnerung mehr fällig – "
    "er ist zu bald.",
    "meetings.holiday": "⚠ {day} ist ein Feiertag in Sachsen-Anhalt ({name}). Verschieben: "
    "{usage:termin verschieben|kurz id am=date}",
    "meetings.next_steps": "Tagesordnung ergänzen: {usage:tagesordnung|kurz id} · "
    "Kalenderdatei: !termin ics {id}",
    "meetings.and": "und",
    "meetings.coordination": "Koordination",
    "meetings.list_title": "Nächste Termine",
    "meetings.list_entry": "#{id} {title} – {when}",
    "meetings.list_empty": "Es sind keine Termine geplant. Die Koordination legt einen an: "
    "{usage:termin neu|kurz}",
    "meetings.list_more": "{usage:termin} zeigt einen Termin mit Tagesordnung.",
    "meetings.show_title": "Termin #{id}: {title}",
    "meetings.show_cancelled": "Termin #{id}: {title} – abgesagt",
    "meetings.show_past": "Termin #{id}: {title} – hat stattgefunden",
    "meetings.moved_from": "{when} (verschoben vom {original})",
    "meetings.changes_cancelled": "Abgesagt: {days}",
    "meetings.agenda_title": "Tagesordnung für {day}:",
    "meetings.agenda_empty": "Tagesordnung für {day}: noch leer – {usage:tagesordnung|kurz id}",
    "meetings.agenda_entry": "{text} – {author} ({partner})",
    "meetings.next_reminder": "Nächste Erinnerung: {when} ({offset} vorher)",
    "meetings.show_next": "{usage:tagesordnung|kurz id} ergänzt die Tagesordnung, "
    "!termin ics {id} lädt die Kalenderdatei.",
    # changes, announced in the room
    "meetings.cancelled_single": "Termin #{id} am {when} abgesagt: {title}. "
    "Die Erinnerungen dafür entfallen.",
    "meetings.series_goes_on": "Die Serie geht weiter, nächster Termin: {when}.",
    "meetings.cancelled_series": "Serie #{id} abgesagt: {title}. Alle weiteren Termine und "
    "ihre Erinnerungen entfallen.",
    "meetings.moved_single": "Termin #{id} verschoben: {title} ist jetzt am {when} (statt {old}).",
    "meetings.moved_series": "Serie #{id} verschoben: {title} ab {when}.",
    "meetings.reminders_follow": "Die Erinnerungen richten sich nach dem neuen Termin.",
    "meetings.notify": "Zur Kenntnis: {people}",
    "meetings.ics_done": "Kalenderdatei für Termin #{id} ({title}): {file} – in Outlook oder "
    "Thunderbird öffnen, um den Termin zu übernehmen.",
    "meetings.agenda_added": "Punkt {number} für Termin #{id} am {day} notiert: {text} ({partner})",
    "meetings.agenda_added_next": "!termin {id} zeigt die ganze Tagesordnung.",
    # reminders
    "reminder.today": "🔔 Heute: {title} (#{id})",
    "reminder.tomorrow": "🔔 Morgen: {title} (#{id})",
    "reminder.in_days": "🔔 In {days} Tagen: {title} (#{id})",
    "reminder.late": "{head} (verspätet)",
    "reminder.agenda": "Tagesordnung: {items}",
    "reminder.agenda_empty": "Tagesordnung: noch leer – {usage:tagesordnung|kurz id}",
    "reminder.agenda_item": "{number}. {text} ({partner})",
    "reminder.agenda_more": "… und {count} weitere (!termin {id})",
    "reminder.contact": "{person} ({partner})",
    "reminder.holiday": "⚠ Feiertag in Sachsen-Anhalt: {name}. Verschieben? "
    "{usage:termin verschieben|kurz id am=date}",
    "reminder.missed_item": "#{id} {title}, {when} ({offset} vorher)",
    "reminder.missed_next": "!termine zeigt, was als Nächstes ansteht.",
    "meetings.status_entry": "{when}: #{id} {title} ({offset} vorher)",
    # series in words
    "recur.weekly": "jeden {weekday}",
    "recur.weekly_days": "wöchentlich am {days}",
    "recur.every_weeks": "alle {n} Wochen am {weekday}",
    "recur.monthly_day": "monatlich am {day}.",
    "recur.every_months_day": "alle {n} Monate am {day}.",
    "recur.monthly_nth": "jeden {ordinal} {weekday} im Monat",
    "recur.every_months_nth": "jeden {ordinal} {weekday} alle {n} Monate",
    "recur.yearly": "jährlich am {day}",
    "recur.raw": "RRULE {rule}",
    "recur.count": "{rule}, {n}-mal",
    "recur.until": "{rule}, bis {day}",
    "weekday.MO": "Montag",
    "weekday.TU": "Dienstag",
    "weekday.WE": "Mittwoch",
    "weekday.TH": "Donnerstag",
    "weekday.FR": "Freitag",
    "weekday.SA": "Samstag",
    "weekday.SU": "Sonntag",
    "ordinal.1": "ersten",
    "ordinal.2": "zweiten",
    "ordinal.3": "dritten",
    "ordinal.4": "vierten",
    "ordinal.5": "fünften",
    "ordinal.-1": "letzten",
    "ordinal.-2": "vorletzten",
    "number.2": "zwei",
    "number.3": "drei",
    "number.4": "vier",
    "number.5": "fünf",
    "number.6": "sechs",
}

EN: dict[str, str] = {
    "meetings.help_new": "schedules a meeting or a series of meetings (repeat= e.g. weekly, "
    "every second Tuesday of the month or an RRULE); public holidays in Saxony-Anhalt are "
    "pointed out",
    "meetings.help_list": "lists the next meetings, each with its next date",
    "meetings.help_show": "shows a meeting with its series, agenda and next reminder",
    "meetings.help_cancel": "cancels the next meeting (on=… a given one, series the whole "
    "series); its reminders are dropped",
    "meetings.help_move": "moves the next meeting (on=… a given one, series the whole series); "
    "the reminders follow",
    "meetings.help_ics": "uploads the meeting as a calendar file (.ics, series as RRULE, time "
    "zone Europe/Berlin) for Outlook or Thunderbird",
    "meetings.help_agenda": "adds an item to the agenda of the next meeting (on=… a later one), "
    "with your partner",
    "recur.unknown": "I don't understand “{value}” as a repetition – e.g. “weekly”, "
    "“every two weeks”, “every first Tuesday of the month”, “monthly on the 15th” "
    "or an RRULE like FREQ=MONTHLY;BYDAY=1TU.",
    "recur.bad_rrule": "“{value}” is not a valid RRULE – e.g. FREQ=MONTHLY;BYDAY=2TU.",
    "recur.too_often": "“{value}” repeats too often: series are weekly, monthly or yearly.",
    "recur.unsupported_part": "“{part}” is not supported in an RRULE here "
    "(possible: INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT, UNTIL).",
    "meetings.bad_scope": "I don't understand “{value}” – only “series” is possible here.",
    "meetings.not_found": "There is no meeting #{id} here. !meetings lists the next meetings.",
    "meetings.in_past": "{when} is in the past – please choose a time in the future.",
    "meetings.rule_mismatch": "{day} does not fit “{rule}” – the next matching day would be {next}.",
    "meetings.rule_never": "“{rule}” gives no meeting from {day} on.",
    "meetings.already_cancelled": "Meeting #{id} is already cancelled.",
    "meetings.nothing_ahead": "Meeting #{id} has no further date – !meetings lists the next ones.",
    "meetings.not_on_day": "Meeting #{id} does not take place on {day}. !meeting {id} shows its dates.",
    "meetings.created": "Meeting #{id} scheduled: {title}",
    "meetings.when_where": "{when} · {place}",
    "meetings.series": "Series: {rule} (then {next})",
    "meetings.series_last": "Series: {rule}",
    "meetings.reminders": "Reminders {offsets} before.",
    "meetings.no_reminders": "No reminders are configured.",
    "meetings.no_reminders_ahead": "No reminder is due for this meeting any more – it is too soon.",
    "meetings.holiday": "⚠ {day} is a public holiday in Saxony-Anhalt ({name}). To move it: "
    "{usage:termin verschieben|kurz id am=date}",
    "meetings.next_steps": "Add to the agenda: {usage:tagesordnung|kurz id} · Calendar file: !meeting ics {id}",
    "meetings.and": "and",
    "meetings.coordination": "Coordination",
    "meetings.list_title": "Next meetings",
    "meetings.list_entry": "#{id} {title} – {when}",
    "meetings.list_empty": "No meetings are scheduled. The coordinators schedule one with "
    "{usage:termin neu|kurz}",
    "meetings.list_more": "{usage:termin} shows a meeting with its agenda.",
    "meetings.show_title": "Meeting #{id}: {title}",
    "meetings.show_cancelled": "Meeting #{id}: {title} – cancelled",
    "meetings.show_past": "Meeting #{id}: {title} – has taken place",
    "meetings.moved_from": "{when} (moved from {original})",
    "meetings.changes_cancelled": "Cancelled: {days}",
    "meetings.agenda_title": "Agenda for {day}:",
    "meetings.agenda_empty": "Agenda for {day}: still empty – {usage:tagesordnung|kurz id}",
    "meetings.agenda_entry": "{text} – {author} ({partner})",
    "meetings.next_reminder": "Next reminder: {when} ({offset} before)",
    "meetings.show_next": "{usage:tagesordnung|kurz id} adds to the agenda, !meeting ics {id} "
    "uploads the calendar file.",
    "meetings.cancelled_single": "Meeting #{id} on {when} cancelled: {title}. "
    "Its reminders are dropped.",
    "meetings.series_goes_on": "The series goes on, next meeting: {when}.",
    "meetings.cancelled_series": "Series #{id} cancelled: {title}. All further meetings and "
    "their reminders are dropped.",
    "meetings.moved_single": "Meeting #{id} moved: {title} is now on {when} (instead of {old}).",
    "meetings.moved_series": "Series #{id} moved: {title} from {when} on.",
    "meetings.reminders_follow": "The reminders follow the new date.",
    "meetings.notify": "For your information: {people}",
    "meetings.ics_done": "Calendar file for meeting #{id} ({title}): {file} – open it in Outlook "
    "or Thunderbird to add the meeting.",
    "meetings.agenda_added": "Item {number} for meeting #{id} on {day} noted: {text} ({partner})",
    "meetings.agenda_added_next": "!meeting {id} shows the whole agenda.",
    "reminder.today": "🔔 Today: {title} (#{id})",
    "reminder.tomorrow": "🔔 Tomorrow: {title} (#{id})",
    "reminder.in_days": "🔔 In {days} days: {title} (#{id})",
    "reminder.late": "{head} (late)",
    "reminder.agenda": "Agenda: {items}",
    "reminder.agenda_empty": "Agenda: still empty – {usage:tagesordnung|kurz id}",
    "reminder.agenda_item": "{number}. {text} ({partner})",
    "reminder.agenda_more": "… and {count} more (!meeting {id})",
    "reminder.contact": "{person} ({partner})",
    "reminder.holiday": "⚠ Public holiday in Saxony-Anhalt: {name}. Move it? "
    "{usage:termin verschieben|kurz id am=date}",
    "reminder.missed_item": "#{id} {title}, {when} ({offset} before)",
    "reminder.missed_next": "!meetings shows what comes next.",
    "meetings.status_entry": "{when}: #{id} {title} ({offset} before)",
    "recur.weekly": "every {weekday}",
    "recur.weekly_days": "weekly on {days}",
    "recur.every_weeks": "every {n} weeks on {weekday}",
    "recur.monthly_day": "monthly on day {day}",
    "recur.every_months_day": "every {n} months on day {day}",
    "recur.monthly_nth": "every {ordinal} {weekday} of the month",
    "recur.every_months_nth": "every {ordinal} {weekday} every {n} months",
    "recur.yearly": "yearly on {day}",
    "recur.raw": "RRULE {rule}",
    "recur.count": "{rule}, {n} times",
    "recur.until": "{rule}, until {day}",
    "weekday.MO": "Monday",
    "weekday.TU": "Tuesday",
    "weekday.WE": "Wednesday",
    "weekday.TH": "Thursday",
    "weekday.FR": "Friday",
    "weekday.SA": "Saturday",
    "weekday.SU": "Sunday",
    "ordinal.1": "first",
    "ordinal.2": "second",
    "ordinal.3": "third",
    "ordinal.4": "fourth",
    "ordinal.5": "fifth",
    "ordinal.-1": "last",
    "ordinal.-2": "second-to-last",
    "number.2": "two",
    "number.3": "three",
    "number.4": "four",
    "number.5": "five",
    "number.6": "six",
}
