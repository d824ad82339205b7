"""Texts of ``!kontakte`` / ``!contacts``."""

DE: dict[str, str] = {
    # contacts
    "contacts.help": "zeigt die Ansprechpersonen der Partner",
    "contacts.set_help": "setzt Ansprechperson und Vertretung eines Partners",
    "contacts.title": "Ansprechpersonen",
    "contacts.entry": "{partner}: {contact}",
    "contacts.entry_deputy": "{partner}: {contact}, Vertretung {deputy}",
    "contacts.nobody": "niemand benannt",
    "contacts.set": "Ansprechperson für {partner} ist jetzt {contact}.",
    "contacts.set_deputy": "Ansprechperson für {partner} ist jetzt {contact}, Vertretung {deputy}.",
    "contacts.next": "!kontakte zeigt alle Ansprechpersonen.",
}

EN: dict[str, str] = {
    "contacts.help": "lists each partner's contact persons",
    "contacts.set_help": "sets a partner's contact and deputy",
    "contacts.title": "Contact persons",
    "contacts.entry": "{partner}: {contact}",
    "contacts.entry_deputy": "{partner}: {contact}, deputy {deputy}",
    "contacts.nobody": "nobody named",
    "contacts.set": "{contact} is now the contact for {partner}.",
    "contacts.set_deputy": "{contact} is now the contact for {partner}, deputy {deputy}.",
    "contacts.next": "!contacts lists all contact persons.",
}
