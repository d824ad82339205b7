"""The client-data warning: examples that must and must not trigger it."""

from __future__ import annotations

from datetime import date

import pytest

from commands.core.privacy import client_data_reason

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Kunde 123A456789 hat die Maßnahme abgebrochen",
        "Bitte Kd.-Nr. 4711123 prüfen",
        "BG 12345//1234567 braucht einen Platz",
        "SV-Nummer 12 150780 M 123",
        "Herr Müller, geb. 03.04.1987, sucht eine Umschulung",
        "Frau Schmidt (12.05.1999) aus Olvenstedt",
        "Geburtsdatum 1.2.1975 – Kunde Weber",
    ],
)
def test_client_data_is_recognised(text: str) -> None:
    assert client_data_reason(text, TODAY) is not None


@pytest.mark.parametrize(
    "text",
    [
        "!termin neu 08.12.2026 10:00 Koordinierungsrunde",
        "Neuansiedlung Logistikzentrum, ca. 200 Stellen ab Q3",
        "Beschluss #12 Frist 31.03.2027 verantwortlich Herr Krüger",
        "Frau Vogt übernimmt die Vertretung ab 01.01.2027",
        "Bedarf: 35 Berufskraftfahrer, 12 Schweißer",
        "Die Zahl der Arbeitslosen sank um 1.234 auf 10.500",
    ],
)
def test_aggregated_statements_pass(text: str) -> None:
    assert client_data_reason(text, TODAY) is None
