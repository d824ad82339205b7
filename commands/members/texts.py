"""Texts of ``!mitglieder`` / ``!members`` and ``!mitglied`` / ``!member``."""

DE: dict[str, str] = {
    "members.help": "zeigt die Mitglieder der Partner und die Koordination",
    "members.history_help": "zeigt, wer wann Mitglieder aufgenommen oder entfernt hat",
    "members.add_help": "nimmt eine Person in einen Partner oder in die Koordination auf",
    "members.remove_help": "entfernt eine Person aus einem Partner oder der Koordination",
    "members.title": "Mitglieder",
    "members.entry": "{group}: {people}",
    "members.nobody": "niemand",
    "members.coordination": "Koordination",
    # The word that stands for the coordination instead of a partner in !mitglied.
    "members.word": "koordination",
    "members.next": "Die Koordination ändert das mit {usage:mitglied hinzufügen|kurz} und "
    "{usage:mitglied entfernen|kurz}; statt des Partners „koordination“ für die Koordination.",
    "members.added": "{person} ist jetzt Mitglied von {partner} und kann sofort die Befehle "
    "der Partner verwenden.",
    "members.added_coordinator": "{person} gehört jetzt zur Koordination.",
    "members.removed": "{person} ist kein Mitglied von {partner} mehr.",
    "members.removed_coordinator": "{person} gehört nicht mehr zur Koordination.",
    "members.after": "!mitglieder zeigt alle Mitglieder, !mitglieder verlauf die Änderungen.",
    "members.still_contact": "{person} ist hier noch Ansprechperson für {partner}. Bitte neu "
    "setzen: {usage:kontakte setzen|kurz partner=partner_id}",
    "members.still_deputy": "{person} ist hier noch Vertretung für {partner}. Bitte neu "
    "setzen: {usage:kontakte setzen|partner=partner_id}",
    "members.already": "{person} ist schon Mitglied von {partner}. Nichts geändert.",
    "members.already_coordinator": "{person} gehört schon zur Koordination. Nichts geändert.",
    "members.elsewhere": "{person} ist schon Mitglied von {other}; eine Person gehört zu "
    "höchstens einem Partner. Erst {usage:mitglied entfernen|kurz partner=other_id "
    "person=person}, dann neu aufnehmen.",
    "members.not_member": "{person} ist kein Mitglied von {partner}. !mitglieder zeigt, wer "
    "dazugehört.",
    "members.not_coordinator": "{person} gehört nicht zur Koordination. !mitglieder zeigt, "
    "wer dazugehört.",
    "members.last_coordinator": "{person} ist die letzte Person der Koordination und bleibt: "
    "sonst könnte niemand mehr Mitglieder verwalten. Nehmen Sie zuerst jemand anderen auf: "
    "{usage:mitglied hinzufügen|kurz partner=word}",
    "members.unknown_group": "„{value}“ ist weder ein Partner noch die Koordination. "
    "Möglich: {choices}.",
    "members.history_title": "Änderungen der Mitglieder, neueste zuerst",
    "members.history_add": "{when} · {group}: {person} aufgenommen von {by}",
    "members.history_remove": "{when} · {group}: {person} entfernt von {by}",
    "members.history_seed": "{when} · {group}: {person} aus der Konfiguration übernommen",
    "members.history_more": "Ältere Einträge: {count}.",
    "members.history_empty": "Noch keine Änderungen: Die Mitglieder stammen aus der "
    "Konfiguration. Die Koordination ändert sie mit {usage:mitglied hinzufügen|kurz}.",
}

EN: dict[str, str] = {
    "members.help": "lists the partners' members and the coordination",
    "members.history_help": "shows who added or removed members, and when",
    "members.add_help": "adds a person to a partner or to the coordination",
    "members.remove_help": "removes a person from a partner or the coordination",
    "members.title": "Members",
    "members.entry": "{group}: {people}",
    "members.nobody": "nobody",
    "members.coordination": "Coordination",
    "members.word": "coordination",
    "members.next": "The coordination changes this with !member add <partner> <person> and "
    "!member remove <partner> <person>; “coordination” instead of a partner for the "
    "coordination.",
    "members.added": "{person} is now a member of {partner} and can use the partners' "
    "commands right away.",
    "members.added_coordinator": "{person} now belongs to the coordination.",
    "members.removed": "{person} is no longer a member of {partner}.",
    "members.removed_coordinator": "{person} no longer belongs to the coordination.",
    "members.after": "!members lists all members, !members history the changes.",
    "members.still_contact": "{person} is still the contact for {partner} here. Please set "
    "a new one: !contacts set {partner_id} <person>",
    "members.still_deputy": "{person} is still the deputy for {partner} here. Please set "
    "a new one: !contacts set {partner_id} <person> [deputy=…]",
    "members.already": "{person} is already a member of {partner}. Nothing changed.",
    "members.already_coordinator": "{person} already belongs to the coordination. Nothing changed.",
    "members.elsewhere": "{person} is already a member of {other}; a person belongs to one "
    "partner at most. First !member remove {other_id} {person}, "
    "then add again.",
    "members.not_member": "{person} is not a member of {partner}. !members shows who belongs.",
    "members.not_coordinator": "{person} does not belong to the coordination. !members "
    "shows who belongs.",
    "members.last_coordinator": "{person} is the last person of the coordination and stays: "
    "otherwise nobody could manage members any more. Add someone else first: "
    "!member add {word} <person>",
    "members.unknown_group": "“{value}” is neither a partner nor the coordination. "
    "Possible: {choices}.",
    "members.history_title": "Changes of members, newest first",
    "members.history_add": "{when} · {group}: {person} added by {by}",
    "members.history_remove": "{when} · {group}: {person} removed by {by}",
    "members.history_seed": "{when} · {group}: {person} taken from the configuration",
    "members.history_more": "Older entries: {count}.",
    "members.history_empty": "No changes yet: the members come from the configuration. "
    "The coordination changes them with !member add <partner> <person>.",
}
