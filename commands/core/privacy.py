"""Does a message look like it carries data about an individual client?

The room is for aggregated statements only. This is a heuristic net for obvious slips —
customer numbers, insurance numbers, a birth date next to a name — not a classifier.
"""

from __future__ import annotations

import re
from datetime import date

# Agentur für Arbeit customer number, e.g. 123A456789 (3 digits, letter, 6 digits).
_CUSTOMER_NUMBER = re.compile(r"\b\d{3}[A-Z]\d{6}\b")
# Jobcenter "Nummer der Bedarfsgemeinschaft", e.g. 12345//1234567 or 12345BG1234567.
_BG_NUMBER = re.compile(r"\b\d{5}\s?(//|BG)\s?\d{7}\b", re.IGNORECASE)
# Social insurance number, e.g. 12 150780 M 123.
_INSURANCE_NUMBER = re.compile(r"\b\d{2}\s?[0-3]\d[01]\d\d{2}\s?[A-Z]\s?\d{3}\b")
_NUMBER_LABEL = re.compile(
    r"\b(kd\.?-?nr\.?|kunden-?nr\.?|kundennummer|bg-?nr\.?|aktenzeichen)\s*:?\s*[\w/-]*\d{4,}",
    re.IGNORECASE,
)
_DATE = re.compile(r"\b([0-3]?\d)\.([01]?\d)\.((?:19|20)\d{2})\b")
_BIRTH_WORD = re.compile(r"\b(geb\.|geboren|geburtsdatum|jahrgang)", re.IGNORECASE)
_PERSON = re.compile(r"\b(Herr|Frau|Hr\.|Fr\.|Kunde|Kundin)\s+[A-ZÄÖÜ][a-zäöüß]+")


def client_data_reason(text: str, today: date) -> str | None:
    """The kind of client data ``text`` seems to carry (a catalogue key suffix), else None."""
    if _CUSTOMER_NUMBER.search(text) or _NUMBER_LABEL.search(text):
        return "customer_number"
    if _BG_NUMBER.search(text):
        return "bg_number"
    if _INSURANCE_NUMBER.search(text):
        return "insurance_number"
    birth_dates = [m for m in _DATE.finditer(text) if _plausible_birth_year(int(m.group(3)), today)]
    if birth_dates and (_BIRTH_WORD.search(text) or _PERSON.search(text)):
        return "birth_date"
    return None


def _plausible_birth_year(year: int, today: date) -> bool:
    return 1920 <= year <= today.year - 14
