"""Texts of ``!anwesend``, ``!anwesenheit`` and ``!protokoll`` (the minutes of a Sitzung)."""

from commands.core.plural import Entry, Plural

DE: dict[str, Entry] = {
    "minutes.help.present": "trägt Ihre Organisation als anwesend bei einer Sitzung ein",
    "minutes.help.attendance": "hält fest, welche Partner bei einer Sitzung anwesend waren",
    "minutes.help.minutes": "erstellt das Ergebnisprotokoll einer Sitzung (PDF oder Markdown)",
    "minutes.present_done": "Eingetragen: {partner} war bei „{title}“ (#{id}) am {day} "
    "anwesend. Anwesend: {present}. Das Protokoll: {usage:protokoll|kurz id}",
    "minutes.present_already": "{partner} ist bei „{title}“ (#{id}) am {day} schon als "
    "anwesend eingetragen. Anwesend: {present}.",
    "minutes.attendance_done": "Anwesenheit bei „{title}“ (#{id}) am {day} festgehalten – "
    "anwesend: {present}; nicht anwesend: {absent}. Das Protokoll: {usage:protokoll|kurz id}",
    "minutes.nobody": "niemand",
    "minutes.unknown_partner": "„{value}“ ist kein Partner. Möglich: {choices} – oder „keine“, "
    "wenn niemand anwesend war.",
    "minutes.not_a_sitting": "„{title}“ (#{id}) hatte am {day} keine Sitzung. "
    "Die letzte Sitzung bis dahin: {last} – z. B. am={date}.",
    "minutes.not_a_sitting_none": "„{title}“ (#{id}) hatte am {day} keine Sitzung und hat bis "
    "dahin nicht getagt. !termin {id} zeigt die Termine.",
    "minutes.not_yet": "„{title}“ (#{id}) hat noch nicht getagt. Anwesenheit und Protokoll "
    "gibt es ab dem Tag der ersten Sitzung ({next}).",
    "minutes.not_yet_none": "„{title}“ (#{id}) hat noch nicht getagt. !termin {id} zeigt die "
    "Termine.",
    "minutes.in_future": "Die Sitzung am {day} liegt noch vor uns. Anwesenheit lässt sich ab "
    "dem Tag der Sitzung eintragen.",
    "minutes.bad_format": "„{value}“ ist kein Format für das Protokoll. Möglich: pdf, md.",
    "minutes.done": "Ergebnisprotokoll „{title}“ (#{id}) vom {day}{draft}. Datei: {file}",
    "minutes.counts": "Darin: {decisions}, {actions}.",
    "minutes.count_decisions": Plural(one="1 Beschluss", other="{count} Beschlüsse"),
    "minutes.count_actions": Plural(one="1 offene Aufgabe", other="{count} offene Aufgaben"),
    "minutes.draft_mark": " (Entwurf – die Sitzung ist noch nicht beendet)",
    "minutes.anchor": "Anker in der Beschlusskette: {anchor} – prüfen mit "
    "koopbot verify-log --expect {anchor}",
    "minutes.no_anchor": "Die Beschlusskette ist noch leer; das Protokoll trägt keinen Anker.",
    "minutes.next": "Ändert sich etwas, einfach {usage:protokoll|kurz id} erneut senden.",
    # the document
    "minutes.doc.title": "Ergebnisprotokoll: {title}",
    "minutes.doc.title_draft": "Ergebnisprotokoll (ENTWURF): {title}",
    "minutes.doc.file": "ergebnisprotokoll",
    "minutes.doc.footer": "Ergebnisprotokoll {title}, {day} · Seite {page} von {pages}",
    "minutes.doc.meeting": "Termin",
    "minutes.doc.date": "Datum",
    "minutes.doc.place": "Ort",
    "minutes.doc.present": "Anwesend",
    "minutes.doc.absent": "Nicht anwesend",
    "minutes.doc.not_recorded": "nicht erfasst",
    "minutes.doc.as_of": "Stand",
    "minutes.doc.anchor": "Anker (Beschlusskette)",
    "minutes.doc.anchor_none": "keiner (Beschlusskette leer)",
    "minutes.doc.draft": "ENTWURF – die Sitzung ist noch nicht beendet (Ende {end}). "
    "Nach der Sitzung erneut erstellen.",
    "minutes.doc.agenda": "Tagesordnung und Beschlüsse",
    "minutes.doc.agenda_none": "Für diese Sitzung war keine Tagesordnung eingetragen.",
    "minutes.doc.item": "TOP {number}: {text} ({partner})",
    "minutes.doc.item_none": "Kein Beschluss zu diesem Punkt.",
    "minutes.doc.other": "Weitere Beschlüsse dieses Tages",
    "minutes.doc.decision": "#{id} {subject} – {outcome}, {status}",
    "minutes.doc.on_item": " (TOP: {item})",
    "minutes.doc.responsible": "; verantwortlich: {person}",
    "minutes.doc.deadline": "; Frist: {day}",
    "minutes.doc.notices": "Neu seit der letzten Sitzung ({since})",
    "minutes.doc.notices_first": "Neu seit Anlage des Termins ({since})",
    "minutes.doc.notices_none": "Keine neuen Infos.",
    "minutes.doc.notice": "Info #{id} ({partner}, {day}){topic}: {text}",
    "minutes.doc.topic": " – Thema: {topic}",
    "minutes.doc.actions": "Offene Aufgaben",
    "minutes.doc.actions_none": "Keine offenen Aufgaben.",
    "minutes.col.no": "Nr.",
    "minutes.col.task": "Aufgabe",
    "minutes.col.responsible": "Verantwortlich",
    "minutes.col.deadline": "Frist",
    "minutes.col.state": "Stand",
    "minutes.state.open": "offen",
    "minutes.state.overdue": "ÜBERFÄLLIG",
    "minutes.none": "–",
}

EN: dict[str, Entry] = {
    "minutes.help.present": "records your organisation as present at a meeting",
    "minutes.help.attendance": "records which partners were present at a meeting",
    "minutes.help.minutes": "makes the minutes of a meeting (PDF or Markdown)",
    "minutes.present_done": "Recorded: {partner} was present at “{title}” (#{id}) on {day}. "
    "Present: {present}. The minutes: {usage:protokoll|kurz id}",
    "minutes.present_already": "{partner} is already recorded as present at “{title}” (#{id}) "
    "on {day}. Present: {present}.",
    "minutes.attendance_done": "Attendance at “{title}” (#{id}) on {day} recorded – present: "
    "{present}; absent: {absent}. The minutes: {usage:protokoll|kurz id}",
    "minutes.nobody": "nobody",
    "minutes.unknown_partner": "“{value}” is not a partner. Possible: {choices} – or “none” "
    "if nobody was present.",
    "minutes.not_a_sitting": "“{title}” (#{id}) did not meet on {day}. The last meeting "
    "until then: {last} – e.g. on={date}.",
    "minutes.not_a_sitting_none": "“{title}” (#{id}) did not meet on {day} and had not met "
    "before. !meeting {id} shows its dates.",
    "minutes.not_yet": "“{title}” (#{id}) has not met yet. Attendance and minutes are "
    "possible from the day of its first meeting ({next}).",
    "minutes.not_yet_none": "“{title}” (#{id}) has not met yet. !meeting {id} shows its dates.",
    "minutes.in_future": "The meeting on {day} is still ahead. Attendance can be recorded from "
    "the day of the meeting.",
    "minutes.bad_format": "“{value}” is not a format for the minutes. Possible: pdf, md.",
    "minutes.done": "Minutes of “{title}” (#{id}) on {day}{draft}. File: {file}",
    "minutes.counts": "Contents: {decisions}, {actions}.",
    "minutes.count_decisions": Plural(one="1 decision", other="{count} decisions"),
    "minutes.count_actions": Plural(one="1 open action", other="{count} open actions"),
    "minutes.draft_mark": " (draft – the meeting has not ended yet)",
    "minutes.anchor": "Anchor in the decision chain: {anchor} – check with "
    "koopbot verify-log --expect {anchor}",
    "minutes.no_anchor": "The decision chain is still empty; the minutes carry no anchor.",
    "minutes.next": "If anything changes, simply send {usage:protokoll|kurz id} again.",
    "minutes.doc.title": "Minutes: {title}",
    "minutes.doc.title_draft": "Minutes (DRAFT): {title}",
    "minutes.doc.file": "minutes",
    "minutes.doc.footer": "Minutes {title}, {day} · Page {page} of {pages}",
    "minutes.doc.meeting": "Meeting",
    "minutes.doc.date": "Date",
    "minutes.doc.place": "Place",
    "minutes.doc.present": "Present",
    "minutes.doc.absent": "Absent",
    "minutes.doc.not_recorded": "not recorded",
    "minutes.doc.as_of": "As of",
    "minutes.doc.anchor": "Anchor (decision chain)",
    "minutes.doc.anchor_none": "none (decision chain empty)",
    "minutes.doc.draft": "DRAFT – the meeting has not ended yet (ends {end}). "
    "Make the minutes again after the meeting.",
    "minutes.doc.agenda": "Agenda and decisions",
    "minutes.doc.agenda_none": "No agenda was recorded for this meeting.",
    "minutes.doc.item": "Item {number}: {text} ({partner})",
    "minutes.doc.item_none": "No decision on this item.",
    "minutes.doc.other": "Other decisions of the day",
    "minutes.doc.decision": "#{id} {subject} – {outcome}, {status}",
    "minutes.doc.on_item": " (item: {item})",
    "minutes.doc.responsible": "; responsible: {person}",
    "minutes.doc.deadline": "; deadline: {day}",
    "minutes.doc.notices": "New since the last meeting ({since})",
    "minutes.doc.notices_first": "New since the meeting was created ({since})",
    "minutes.doc.notices_none": "No new notices.",
    "minutes.doc.notice": "Notice #{id} ({partner}, {day}){topic}: {text}",
    "minutes.doc.topic": " – topic: {topic}",
    "minutes.doc.actions": "Open actions",
    "minutes.doc.actions_none": "No open actions.",
    "minutes.col.no": "No.",
    "minutes.col.task": "Action",
    "minutes.col.responsible": "Responsible",
    "minutes.col.deadline": "Deadline",
    "minutes.col.state": "State",
    "minutes.state.open": "open",
    "minutes.state.overdue": "OVERDUE",
    "minutes.none": "–",
}
