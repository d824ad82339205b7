"""The 21 sections A–U of the German classification of economic activities (WZ 2008).

A section is found by its letter, its official German or English name, a documented
alias ("Logistik" → H, "Pflege" → Q) or a clear prefix of any of these. An unknown
sector raises an :class:`ArgError` that names the closest matches (difflib).

Aliases (also listed in docs/anleitung.md): Landwirtschaft → A, Bergbau → B,
Industrie/Produktion/Herstellung/Manufacturing → C, Energie → D, Wasser/Entsorgung → E,
Bau/Handwerk → F, Handel/Einzelhandel/Kfz → G, Logistik/Verkehr/Transport/Lager → H,
Gastronomie/Gastgewerbe/Hotel/Tourismus → I, IT/Medien/Telekommunikation → J,
Banken/Finanzen/Versicherungen → K, Immobilien → L, Beratung/Forschung/Ingenieure → M,
Zeitarbeit/Leiharbeit/Reinigung/Sicherheit → N, Verwaltung/öffentlicher Dienst → O,
Bildung/Schule/Weiterbildung → P, Pflege/Gesundheit/Soziales/Kita → Q, Kultur/Sport → R,
Dienstleistungen/Friseur → S, Haushalte → T, Exterritorial → U.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from commands.core.errors import ArgError


@dataclass(frozen=True)
class Section:
    letter: str
    german: str
    english: str

    def name(self, language: str) -> str:
        return self.german if language == "de" else self.english

    def title(self, language: str) -> str:
        """``C Verarbeitendes Gewerbe``."""
        return f"{self.letter} {self.name(language)}"


SECTIONS: tuple[Section, ...] = (
    Section("A", "Land- und Forstwirtschaft, Fischerei", "Agriculture, forestry and fishing"),
    Section("B", "Bergbau und Gewinnung von Steinen und Erden", "Mining and quarrying"),
    Section("C", "Verarbeitendes Gewerbe", "Manufacturing"),
    Section("D", "Energieversorgung", "Electricity, gas, steam and air conditioning supply"),
    Section(
        "E",
        "Wasserversorgung; Abwasser- und Abfallentsorgung und Beseitigung von "
        "Umweltverschmutzungen",
        "Water supply; sewerage, waste management and remediation activities",
    ),
    Section("F", "Baugewerbe", "Construction"),
    Section(
        "G",
        "Handel; Instandhaltung und Reparatur von Kraftfahrzeugen",
        "Wholesale and retail trade; repair of motor vehicles and motorcycles",
    ),
    Section("H", "Verkehr und Lagerei", "Transportation and storage"),
    Section("I", "Gastgewerbe", "Accommodation and food service activities"),
    Section("J", "Information und Kommunikation", "Information and communication"),
    Section(
        "K",
        "Erbringung von Finanz- und Versicherungsdienstleistungen",
        "Financial and insurance activities",
    ),
    Section("L", "Grundstücks- und Wohnungswesen", "Real estate activities"),
    Section(
        "M",
        "Erbringung von freiberuflichen, wissenschaftlichen und technischen Dienstleistungen",
        "Professional, scientific and technical activities",
    ),
    Section(
        "N",
        "Erbringung von sonstigen wirtschaftlichen Dienstleistungen",
        "Administrative and support service activities",
    ),
    Section(
        "O",
        "Öffentliche Verwaltung, Verteidigung; Sozialversicherung",
        "Public administration and defence; compulsory social security",
    ),
    Section("P", "Erziehung und Unterricht", "Education"),
    Section("Q", "Gesundheits- und Sozialwesen", "Human health and social work activities"),
    Section("R", "Kunst, Unterhaltung und Erholung", "Arts, entertainment and recreation"),
    Section(
        "S",
        "Erbringung von sonstigen Dienstleistungen",
        "Other service activities",
    ),
    Section(
        "T",
        "Private Haushalte mit Hauspersonal; Herstellung von Waren und Erbringung von "
        "Dienstleistungen durch private Haushalte für den Eigenbedarf",
        "Activities of households as employers; undifferentiated goods- and "
        "services-producing activities of households for own use",
    ),
    Section(
        "U",
        "Exterritoriale Organisationen und Körperschaften",
        "Activities of extraterritorial organisations and bodies",
    ),
)

BY_LETTER: dict[str, Section] = {s.letter: s for s in SECTIONS}

#: Everyday words for sections, documented in the module docstring and the staff guide.
ALIASES: dict[str, str] = {
    "landwirtschaft": "A",
    "forstwirtschaft": "A",
    "agriculture": "A",
    "bergbau": "B",
    "mining": "B",
    "industrie": "C",
    "produktion": "C",
    "herstellung": "C",
    "industry": "C",
    "energie": "D",
    "energy": "D",
    "wasser": "E",
    "entsorgung": "E",
    "abfall": "E",
    "bau": "F",
    "handwerk": "F",
    "handel": "G",
    "einzelhandel": "G",
    "großhandel": "G",
    "kfz": "G",
    "retail": "G",
    "trade": "G",
    "logistik": "H",
    "verkehr": "H",
    "transport": "H",
    "lager": "H",
    "logistics": "H",
    "gastronomie": "I",
    "hotel": "I",
    "tourismus": "I",
    "hospitality": "I",
    "it": "J",
    "medien": "J",
    "telekommunikation": "J",
    "banken": "K",
    "finanzen": "K",
    "versicherungen": "K",
    "finance": "K",
    "immobilien": "L",
    "beratung": "M",
    "forschung": "M",
    "ingenieure": "M",
    "zeitarbeit": "N",
    "leiharbeit": "N",
    "reinigung": "N",
    "sicherheit": "N",
    "verwaltung": "O",
    "öffentlicher dienst": "O",
    "bildung": "P",
    "schule": "P",
    "weiterbildung": "P",
    "pflege": "Q",
    "gesundheit": "Q",
    "soziales": "Q",
    "kita": "Q",
    "health": "Q",
    "care": "Q",
    "kultur": "R",
    "sport": "R",
    "dienstleistungen": "S",
    "friseur": "S",
    "haushalte": "T",
    "exterritorial": "U",
}


def _names() -> dict[str, str]:
    """Every lookup word (casefolded) → letter."""
    names = {alias.casefold(): letter for alias, letter in ALIASES.items()}  # ß → ss
    for section in SECTIONS:
        names[section.german.casefold()] = section.letter
        names[section.english.casefold()] = section.letter
    return names


NAMES: dict[str, str] = _names()


def find_section(text: str) -> Section:
    """The section a user means; raises :class:`ArgError` with the closest matches."""
    wanted = " ".join(text.split()).casefold()
    if len(wanted) == 1 and wanted.upper() in BY_LETTER:
        return BY_LETTER[wanted.upper()]
    if wanted in NAMES:
        return BY_LETTER[NAMES[wanted]]
    if len(wanted) >= 3:
        prefixed = {letter for name, letter in NAMES.items() if name.startswith(wanted)}
        if len(prefixed) == 1:
            return BY_LETTER[prefixed.pop()]
    close = difflib.get_close_matches(wanted, NAMES, n=8, cutoff=0.6)
    letters = list(dict.fromkeys(NAMES[name] for name in close))[:3]
    if letters:
        suggestions = ", ".join(f"{letter} {BY_LETTER[letter].german}" for letter in letters)
        raise ArgError("sectors.error.unknown_close", value=text[:40], close=suggestions)
    raise ArgError("sectors.error.unknown", value=text[:40])


def section_or_none(text: str) -> Section | None:
    """:func:`find_section` without complaints (for ``betrifft=``, which may be free text)."""
    try:
        return find_section(text)
    except ArgError:
        return None
