"""Texts of ``!kontakte`` / ``!contacts``."""

DE: dict[str, str] = {
    # contacts
    "contacts.help": "zeigt die Ansprechpersonen der Partner",
    "contacts.set_help": "setzt Ansprechperson und Vertretung eines Partners (nur Mitglieder)",
    "contacts.title": "Ansprechpersonen",
    "contacts.entry": "{partner}: {contact}",
    "contacts.entry_deputy": "{partner}: {contact}, Vertretung {deputy}",
    "contacts.nobody": "niemand benannt",
    "contacts.set": "Ansprechperson für {partner} ist jetzt {contact}.",
    "contacts.set_deputy": "Ansprechperson für {partner} ist jetzt {contact}, Vertretung {deputy}.",
    "contacts.next": "!kontakte zeigt alle Ansprechpersonen.",
    "contacts.not_member": "{person} ist kein Mitglied von {partner}. Die Koordination nimmt "
    "die Person zuerst auf: {usage:mitglied hinzufügen|kurz partner=partner_id person=person}",
    "contacts.same_person": "Ansprechperson und Vertretung müssen verschiedene Personen sein.",
    "contacts.deputy_now_contact": "{deputy} ist jetzt Ansprechperson; die Vertretung ist frei. "
    "Neue Vertretung: vertretung=@name:server anhängen.",
    "contacts.deputy_gone": "Die bisherige Vertretung {deputy} ist kein Mitglied von {partner} "
    "mehr und entfällt.",
}

EN: dict[str, str] = {
    "contacts.help": "lists each partner's contact persons",
    "contacts.set_help": "sets a partner's contact and deputy (members only)",
    "contacts.title": "Contact persons",
    "contacts.entry": "{partner}: {contact}",
    "contacts.entry_deputy": "{partner}: {contact}, deputy {deputy}",
    "contacts.nobody": "nobody named",
    "contacts.set": "{contact} is now the contact for {partner}.",
    "contacts.set_deputy": "{contact} is now the contact for {partner}, deputy {deputy}.",
    "contacts.next": "!contacts lists all contact persons.",
    "contacts.not_member": "{person} is not a member of {partner}. The coordination adds the "
    "person first: {usage:mitglied hinzufügen|kurz partner=partner_id person=person}",
    "contacts.same_person": "Contact and deputy must be different people.",
    "contacts.deputy_now_contact": "{deputy} is now the contact; the deputy is open. "
    "New deputy: add deputy=@name:server.",
    "contacts.deputy_gone": "The former deputy {deputy} is no longer a member of {partner} "
    "and is dropped.",
}
