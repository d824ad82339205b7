"""Consent per partner on decisions, as chat transcripts: commands, reactions, the card, the
list, the exports and the nudge; and an amendment that reads as valid under its own words."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
from pypdf import PdfReader
from sqlalchemy import select

from bot.scheduler import Waker
from commands.decisions.consent_reminders import ConsentReminders
from storage.decisions.models import DecisionEntry
from tests.support.chat import Chat

DOCS = Path(__file__).resolve().parents[2] / "docs"
RECORD = "!beschluss Gemeinsame Qualifizierungsoffensive Logistik verantwortlich=@agentur1:test"
PENDING_NEXT = (
    "Zustimmen: !beschluss zustimmen 1 oder ✅/👍 als Reaktion auf diese Nachricht. "
    "Widersprechen: !beschluss widersprechen 1 <grund>"
)


def lines(chat: Chat) -> list[str]:
    return chat.last.splitlines()


def bot_reply(chat: Chat, event_id: str) -> str:
    """The event id of the bot's reply to ``event_id`` (the message a reaction goes on)."""
    (found,) = [
        m["event_id"]
        for m in chat.sent
        if (m["content"].get("m.relates_to") or {}).get("m.in_reply_to", {}).get("event_id")
        == event_id
    ]
    return str(found)


async def stored(chat: Chat) -> list[DecisionEntry]:
    async with chat.sessions() as session:
        return list(await session.scalars(select(DecisionEntry).order_by(DecisionEntry.id)))


def upload(chat: Chat) -> bytes:
    return chat.homeserver.uploads[chat.sent[-1]["content"]["url"]]


async def test_a_partner_records_its_own_consent_and_the_others_confirm_for_theirs(
    chat: Chat,
) -> None:
    await chat.send("stadt1", RECORD)
    assert lines(chat)[1:5] == [
        "Ergebnis: beschlossen",
        "Zustimmung: 1 von 3 Partnern – noch nicht von allen getragen",
        "✅ Landeshauptstadt Magdeburg: Anna Schulz, Di., 1. Dez. 2026, 10:00 Uhr",
        "⏳ Agentur für Arbeit Magdeburg: Zustimmung steht aus",
    ]
    assert lines(chat)[-1] == PENDING_NEXT
    chat.clock.advance(hours=1)
    await chat.send("agentur1", "!beschluss zustimmen 1")
    assert lines(chat) == [
        "✅ Beschluss #1: Zustimmung von Agentur für Arbeit Magdeburg.",
        "Zustimmung: 2 von 3 Partnern – noch nicht von allen getragen",
        "✅ Landeshauptstadt Magdeburg: Anna Schulz, Di., 1. Dez. 2026, 10:00 Uhr",
        "✅ Agentur für Arbeit Magdeburg: Bernd Krüger, Di., 1. Dez. 2026, 11:00 Uhr",
        "⏳ Jobcenter Magdeburg: Zustimmung steht aus",
        PENDING_NEXT,
    ]
    await chat.send("agentur1", "!beschluss zustimmen 1")  # twice: nothing new
    assert lines(chat)[0] == (
        "Beschluss #1 hat die Zustimmung von Agentur für Arbeit Magdeburg bereits – es hat sich "
        "nichts geändert."
    )
    await chat.send("jobcenter1", "!decision approve #1")
    assert lines(chat)[0] == "✅ Beschluss #1: Zustimmung von Jobcenter Magdeburg."
    assert lines(chat)[1] == "Zustimmung: von allen Partnern getragen"
    assert lines(chat)[-1] == "Beschluss #1 ist jetzt von allen Partnern getragen."
    await chat.send("gast", "!beschluss 1")
    card = lines(chat)
    assert card[:7] == [
        "Beschluss #1 · gültig",
        "Gemeinsame Qualifizierungsoffensive Logistik",
        "Ergebnis: beschlossen",
        "Zustimmung: von allen Partnern getragen",
        "✅ Landeshauptstadt Magdeburg: Anna Schulz, Di., 1. Dez. 2026, 10:00 Uhr",
        "✅ Agentur für Arbeit Magdeburg: Bernd Krüger, Di., 1. Dez. 2026, 11:00 Uhr",
        "✅ Jobcenter Magdeburg: Carla Vogt, Di., 1. Dez. 2026, 11:00 Uhr",
    ]
    assert (
        "• #2 · Di., 1. Dez. 2026, 11:00 Uhr · Zustimmung von Bernd Krüger (Agentur) zu #1" in card
    )
    assert PENDING_NEXT not in card
    entries = await stored(chat)
    assert [(e.kind, e.author_partner, e.concerns, e.via) for e in entries] == [
        ("recorded", "stadt", None, None),
        ("consented", "agentur", 1, "command"),
        ("consented", "jobcenter", 1, "command"),
    ]
    assert entries[0].agreed == ["stadt"]
    await chat.send("gast", "!beschluss 2")
    assert lines(chat)[0] == "#2 · Zustimmung zu #1"
    await chat.send("gast", "!beschlüsse")
    assert lines(chat)[1:-1] == [
        "• #1 Gemeinsame Qualifizierungsoffensive Logistik · gültig · Bernd Krüger"
    ]  # consent entries are not decisions; a carried decision needs no consent note


async def test_an_objection_names_its_reason_until_the_partner_consents(chat: Chat) -> None:
    await chat.send("stadt1", RECORD)
    await chat.send("jobcenter1", "!beschluss widersprechen 1 <b>Finanzierung</b> 2027 offen")
    assert lines(chat) == [
        "✋ Beschluss #1: Widerspruch von Jobcenter Magdeburg: „<b>Finanzierung</b> 2027 offen“",
        "Zustimmung: 1 von 3 Partnern – Widerspruch von Jobcenter",
        "✅ Landeshauptstadt Magdeburg: Anna Schulz, Di., 1. Dez. 2026, 10:00 Uhr",
        "⏳ Agentur für Arbeit Magdeburg: Zustimmung steht aus",
        "✋ Jobcenter Magdeburg: Widerspruch von Carla Vogt, Di., 1. Dez. 2026, 10:00 Uhr: "
        "„<b>Finanzierung</b> 2027 offen“",
        PENDING_NEXT,
    ]
    assert "&lt;b&gt;Finanzierung&lt;/b&gt;" in chat.last_html and "<b>Fin" not in chat.last_html
    await chat.send("jobcenter1", "!beschluss widersprechen 1")
    assert lines(chat)[0] == "Es fehlt die Angabe <grund>."
    await chat.send("jobcenter1", "!beschluss zustimmen 1")
    await chat.send("agentur1", "!decision object 1 too late")
    assert lines(chat)[1] == "Zustimmung: 2 von 3 Partnern – Widerspruch von Agentur"
    await chat.send("agentur1", "!beschluss zustimmen 1")
    assert lines(chat)[-1] == "Beschluss #1 ist jetzt von allen Partnern getragen."
    before = len(await stored(chat))
    await chat.send("agentur1", "!beschluss widersprechen 1 doch nicht")
    assert lines(chat) == [
        "Beschluss #1 ist bereits von allen Partnern getragen – ein Widerspruch ist nicht mehr "
        "möglich. Eine Änderung geht über die Koordination (!beschluss ändern oder !beschluss "
        "aufheben)."
    ]
    assert len(await stored(chat)) == before


async def test_only_members_consent_and_only_on_the_valid_version(chat: Chat) -> None:
    await chat.send("stadt1", RECORD)
    for who, role in (("koordination", "Koordination"), ("gast", "Gast")):
        await chat.send(who, "!beschluss zustimmen 1")
        assert lines(chat)[0].startswith(
            "Nur Mitglieder der Partner können !beschluss zustimmen verwenden."
        )
        assert f"Ihre Rolle: {role}" in chat.last
    await chat.send("agentur1", "!beschluss zustimmen 9")
    assert lines(chat) == [
        "Einen Eintrag #9 gibt es im Beschlussprotokoll dieses Raums nicht. !beschlüsse zeigt "
        "alle Beschlüsse."
    ]
    await chat.send("agentur1", "!beschluss zustimmen eins")
    assert lines(chat)[0] == "„eins“ ist keine Nummer wie 12 oder #12."
    await chat.send("koordination", "!beschluss ändern 1 Qualifizierungsoffensive im Juni")
    await chat.send("agentur1", "!beschluss zustimmen 1")
    assert lines(chat) == ["Beschluss #1 ist ersetzt durch #2 – bitte #2 angeben."]
    await chat.send("koordination", "!beschluss erledigt 2")
    await chat.send("agentur1", "!beschluss widersprechen 2 zu spät")
    assert lines(chat)[0].startswith("Beschluss #2 ist bereits erledigt")
    assert [e.kind for e in await stored(chat)] == ["recorded", "amended", "done"]


async def test_a_coordinator_records_the_consent_of_the_partners_present_in_a_meeting(
    chat: Chat,
) -> None:
    await chat.send(
        "koordination", '!beschluss Jobmesse im Frühjahr zustimmung="STADT, Agentur für Arbeit"'
    )
    assert lines(chat)[1:6] == [
        "Ergebnis: beschlossen",
        "Zustimmung: 2 von 3 Partnern – noch nicht von allen getragen",
        "✅ Landeshauptstadt Magdeburg: in der Sitzung, erfasst von der Koordination, "
        "Di., 1. Dez. 2026, 10:00 Uhr",
        "✅ Agentur für Arbeit Magdeburg: in der Sitzung, erfasst von der Koordination, "
        "Di., 1. Dez. 2026, 10:00 Uhr",
        "⏳ Jobcenter Magdeburg: Zustimmung steht aus",
    ]
    await chat.send("koordination", "!decision Second agreed=jobcenter,Stadt,agentur")
    assert lines(chat)[2] == "Zustimmung: von allen Partnern getragen"
    await chat.send("koordination", "!beschluss Ohne Sitzung")
    assert lines(chat)[2] == "Zustimmung: 0 von 3 Partnern – noch nicht von allen getragen"
    await chat.send("koordination", "!beschluss Tun zustimmung=landkreis")
    assert lines(chat)[0] == "„landkreis“ ist kein Partner. Möglich: stadt, agentur, jobcenter."
    await chat.send("agentur1", "!beschluss Tun zustimmung=stadt,agentur")
    assert lines(chat) == [
        "Mit zustimmung= erfasst die Koordination die Zustimmung aus einer Sitzung. Ihr Beschluss "
        "trägt die Zustimmung von Agentur für Arbeit Magdeburg; die anderen Partner stimmen selbst "
        "zu (!beschluss zustimmen <nr>). Bitte ohne zustimmung= erneut senden."
    ]
    entries = await stored(chat)
    assert [e.agreed for e in entries] == [
        ["stadt", "agentur"],
        ["stadt", "agentur", "jobcenter"],
        [],
    ]


async def test_a_reaction_consents_and_removing_it_withdraws_until_all_have_consented(
    chat: Chat,
) -> None:
    recorded = await chat.send("stadt1", RECORD)
    card = bot_reply(chat, recorded)
    first = await chat.react("agentur1", card, "✅️")
    assert chat.last == "✅ Beschluss #1: Zustimmung von Agentur für Arbeit Magdeburg."
    await chat.redact("agentur1", first)
    assert chat.last == "↩ Beschluss #1: Zustimmung von Agentur für Arbeit Magdeburg zurückgezogen."
    sent = len(chat.sent)
    await chat.react("agentur1", card, "🎉")  # not an approving reaction
    await chat.react("agentur1", recorded, "✅")  # not on the bot's message
    assert len(chat.sent) == sent
    await chat.react("koordination", card, "✅")
    assert chat.last.startswith(
        "Zustimmen oder widersprechen kann nur ein Mitglied der Partner, für die eigene "
        "Organisation. Ihre Rolle: Koordination."
    )
    second = await chat.react("agentur1", card, "👍🏽")
    shown = await chat.send("gast", "!beschluss 1")  # the card takes reactions too
    await chat.react("jobcenter1", bot_reply(chat, shown), "✅")
    assert chat.last.splitlines() == [
        "✅ Beschluss #1: Zustimmung von Jobcenter Magdeburg.",
        "Beschluss #1 ist jetzt von allen Partnern getragen.",
    ]
    await chat.redact("agentur1", second)
    assert chat.last == (
        "Beschluss #1 ist bereits von allen Partnern getragen; die Zustimmung von Agentur für "
        "Arbeit Magdeburg bleibt bestehen. Eine Änderung geht über die Koordination (!beschluss "
        "ändern oder !beschluss aufheben)."
    )
    entries = await stored(chat)
    assert [(e.kind, e.author_partner, e.via) for e in entries[1:]] == [
        ("consented", "agentur", "reaction"),
        ("withdrawn", "agentur", "reaction"),
        ("consented", "agentur", "reaction"),
        ("consented", "jobcenter", "reaction"),
    ]
    assert entries[1].source_event_id == first and entries[3].source_event_id == second
    await chat.send("gast", "!beschluss 1")
    assert "Zustimmung: von allen Partnern getragen" in lines(chat)


async def test_a_withdrawal_by_someone_else_or_of_a_command_changes_nothing(chat: Chat) -> None:
    recorded = await chat.send("stadt1", RECORD)
    reaction = await chat.react("agentur1", bot_reply(chat, recorded), "✅")
    command = await chat.send("jobcenter1", "!beschluss zustimmen 1")
    sent = len(chat.sent)
    await chat.redact("stadt1", reaction)  # not their reaction
    await chat.redact("jobcenter1", command)  # a command message, not a reaction
    assert len(chat.sent) == sent
    assert [e.kind for e in await stored(chat)] == ["recorded", "consented", "consented"]


async def test_an_amendment_reads_as_valid_under_its_own_wording_everywhere(chat: Chat) -> None:
    await chat.send("stadt1", "!beschluss Jobmesse im März")
    await chat.send("stadt1", "!beschluss Auftakt der Qualifizierungsoffensive im Mai")
    await chat.send("agentur1", "!beschluss Pflegekräfte gewinnen")
    await chat.send(
        "koordination",
        "!beschluss ändern 2 Auftakt der Qualifizierungsoffensive im Juni zustimmung=alle",
    )
    assert lines(chat)[:2] == [
        "Beschluss #2 geändert: Die neue Fassung ist #4, #2 ist jetzt „ersetzt durch #4“.",
        "Auftakt der Qualifizierungsoffensive im Juni",
    ]
    await chat.send("gast", "!beschlüsse")
    listed = lines(chat)
    assert "• #4 Auftakt der Qualifizierungsoffensive im Juni · gültig" in listed
    assert not any("Mai" in line for line in listed)
    await chat.send("gast", "!beschlüsse ersetzt")
    assert lines(chat)[1:-1] == [
        "• #2 Auftakt der Qualifizierungsoffensive im Mai · ersetzt durch #4"
    ]
    await chat.send("gast", "!beschluss 4")
    card = lines(chat)
    assert card[:2] == ["Beschluss #4 · gültig", "Auftakt der Qualifizierungsoffensive im Juni"]
    assert not any("Mai" in line for line in card[:8])  # the old words only in the history
    await chat.send("gast", "!beschluss 2")
    assert lines(chat)[:2] == [
        "Beschluss #2 · ersetzt durch #4",
        "Auftakt der Qualifizierungsoffensive im Mai",
    ]
    await chat.send("koordination", "!export beschlüsse csv")
    rows = list(csv.reader(io.StringIO(upload(chat).decode("utf-8-sig")), delimiter=";"))
    header, *body = rows
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert (by_id["4"]["Betreff"], by_id["4"]["Status"]) == (
        "Auftakt der Qualifizierungsoffensive im Juni",
        "gültig",
    )
    assert by_id["4"]["Wortlaut"] == "Auftakt der Qualifizierungsoffensive im Juni"
    assert by_id["2"]["Status"] == "ersetzt durch #4"
    await chat.send("koordination", "!export beschlüsse json")
    entries = {e["id"]: e for e in json.loads(upload(chat))["entries"]}
    assert (entries[4]["subject"], entries[4]["status"]) == (
        "Auftakt der Qualifizierungsoffensive im Juni",
        "valid",
    )
    assert (entries[2]["status"], entries[2]["successor_id"]) == ("superseded", 4)
    await chat.send("koordination", "!export beschlüsse md")
    markdown = upload(chat).decode()
    assert "| 4 | 01.12.2026 | Änderung von #2: Auftakt der Qualifizierungsoffensive im Juni |" in (
        markdown
    )
    assert "ersetzt durch #4" in markdown
    await chat.send("koordination", "!export beschlüsse pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(upload(chat))).pages)
    assert "Qualifizierungsoffensive im Juni" in text and "ersetzt durch #4" in text


async def test_the_exports_show_each_partners_consent_who_and_when(chat: Chat) -> None:
    await chat.send("stadt1", RECORD)
    chat.clock.advance(hours=1)
    await chat.send("agentur1", "!beschluss zustimmen 1")
    await chat.send("jobcenter1", "!beschluss widersprechen 1 Haushalt 2027 offen")
    await chat.send("koordination", "!export beschlüsse csv")
    rows = list(csv.reader(io.StringIO(upload(chat).decode("utf-8-sig")), delimiter=";"))
    header, *body = rows
    first = dict(zip(header, body[0], strict=True))
    assert first["Zustimmung"] == (
        "Stadt: zugestimmt – Anna Schulz, 01.12.2026 10:00; Agentur: zugestimmt – Bernd Krüger, "
        "01.12.2026 11:00; Jobcenter: Widerspruch – Carla Vogt, 01.12.2026 11:00: "
        "„Haushalt 2027 offen“"
    )
    consent = dict(zip(header, body[1], strict=True))
    assert (consent["Art"], consent["Zustimmung"]) == ("Zustimmung zu #1", "Agentur")
    assert consent["Erfasst von"] == "Bernd Krüger (@agentur1:test), Agentur für Arbeit Magdeburg"
    objection = dict(zip(header, body[2], strict=True))
    assert (objection["Art"], objection["Wortlaut"]) == ("Widerspruch zu #1", "Haushalt 2027 offen")
    await chat.send("koordination", "!export beschlüsse json")
    document = json.loads(upload(chat))
    jsonschema.validate(document, json.loads((DOCS / "export-schema.json").read_text()))
    decision, consented, objected = document["entries"]
    assert (objected["kind"], objected["wording"]) == ("objected", "Haushalt 2027 offen")
    assert decision["carried"] is False
    assert decision["consents"] == [
        {"partner": "stadt", "state": "consented", "given": "own", "by": "@stadt1:test",
         "at": "2026-12-01T09:00:00.000000Z", "via": None, "entry_id": None, "reason": None},
        {"partner": "agentur", "state": "consented", "given": "own", "by": "@agentur1:test",
         "at": "2026-12-01T10:00:00.000000Z", "via": "command", "entry_id": 2, "reason": None},
        {"partner": "jobcenter", "state": "objected", "given": "own", "by": "@jobcenter1:test",
         "at": "2026-12-01T10:00:00.000000Z", "via": "command", "entry_id": 3,
         "reason": "Haushalt 2027 offen"},
    ]  # fmt: skip
    assert (consented["kind"], consented["concerns"], consented["via"]) == (
        "consented",
        1,
        "command",
    )
    assert "consents" not in consented and "concerns" not in decision
    hashing = document["meta"]["hash"]
    previous = "0" * 64
    for entry in document["entries"]:  # the consent entries recompute from the file too
        content = {key: entry[key] for key in hashing["fields"]}
        content |= {key: entry[key] for key in hashing["optional"] if key in entry}
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        assert hashlib.sha256(canonical.encode()).hexdigest() == entry["hash"]
        previous = entry["hash"]
    assert previous == document["manifest"]["final_hash"]
    await chat.send("koordination", "!export beschlüsse md")
    markdown = upload(chat).decode()
    assert "beschlossen<br>zugestimmt: Stadt, Agentur<br>Widerspruch: Jobcenter" in markdown
    assert "Jobcenter: Widerspruch – Carla Vogt, 01.12.2026 11:00: „Haushalt 2027 offen“" in (
        markdown
    )
    await chat.send("koordination", "!export beschlüsse pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(upload(chat))).pages)
    assert "Widerspruch: Jobcenter" in text
    assert "Agentur: zugestimmt – Bernd Krüger, 01.12.2026 11:00" in text


async def test_pending_partners_are_nudged_once_per_organisation(chat: Chat) -> None:
    source = ConsentReminders(chat.settings)
    waker = Waker(None, [source], chat.sessions, chat.clock, chat.posting, chat.outbox.push)
    await chat.send("stadt1", RECORD)  # Tuesday, 1 December
    await chat.send("stadt1", "!beschluss Zweiter Beschluss")
    await chat.send("jobcenter1", "!beschluss widersprechen 2 Nicht mit uns")
    await chat.send("koordination", "!beschluss Dritter zustimmung=alle")  # carried: no nudge
    async with chat.sessions() as session:
        assert await source.next_due(session, chat.clock.now) == datetime(
            2026, 12, 4, 8, 0, tzinfo=UTC
        )  # Friday 09:00 in Magdeburg, three days later
    before = len(chat.sent)
    await waker.wake()
    assert len(chat.sent) == before  # nothing due yet
    chat.clock.now = datetime(2026, 12, 4, 7, 59, 59, tzinfo=UTC)  # 08:59:59 in Magdeburg
    await waker.wake()
    await chat.outbox.drain()
    assert len(chat.sent) == before  # a second early: still nothing
    chat.clock.now = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)
    await waker.wake()
    await chat.outbox.drain()
    first, second = (m["content"] for m in chat.sent[before:])
    assert first["body"].splitlines() == [
        "Beschluss #1 „Gemeinsame Qualifizierungsoffensive Logistik“ wartet seit Di., "
        "1. Dez. 2026 auf Zustimmung.",
        "Zustimmung: 1 von 3 Partnern – noch nicht von allen getragen",
        "✅ Landeshauptstadt Magdeburg: Anna Schulz, Di., 1. Dez. 2026, 10:00 Uhr",
        "⏳ Agentur für Arbeit Magdeburg: Zustimmung steht aus",
        "⏳ Jobcenter Magdeburg: Zustimmung steht aus",
        "Bernd Krüger, Carla Vogt: bitte für Ihre Organisation zustimmen (!beschluss zustimmen 1) "
        "oder widersprechen (!beschluss widersprechen 1 <grund>).",
    ]
    assert first["m.mentions"]["user_ids"] == ["@agentur1:test", "@jobcenter1:test"]
    assert second["m.mentions"]["user_ids"] == ["@agentur1:test"]  # Jobcenter objected
    chat.clock.advance(days=1)
    await waker.wake()
    assert len(chat.sent) == before + 2  # once
    reminder = chat.sent[before]["event_id"]
    await chat.react("agentur1", reminder, "✅")  # the nudge takes a ✅ like the card
    assert chat.last == "✅ Beschluss #1: Zustimmung von Agentur für Arbeit Magdeburg."


async def test_english_deployment_words_for_consent(sqlite_engine: object, clock: object) -> None:
    from storage.engine import session_factory
    from tests.support.chat import make_settings

    english = Chat(make_settings(language="en"), session_factory(sqlite_engine), clock)  # type: ignore[arg-type]
    await english.send("koordination", "!decision Joint fair agreed=stadt")
    assert english.last.splitlines()[2:6] == [
        "Consent: 1 of 3 partners – not yet carried by all",
        "✅ Landeshauptstadt Magdeburg: in the meeting, recorded by the coordinators, "
        "Tue, 1 Dec 2026, 10:00",
        "⏳ Agentur für Arbeit Magdeburg: consent pending",
        "⏳ Jobcenter Magdeburg: consent pending",
    ]
    await english.send("agentur1", "!decision object 1 not yet")
    assert english.last.splitlines()[0] == (
        "✋ Decision #1: objection from Agentur für Arbeit Magdeburg: “not yet”"
    )


async def test_a_coordinator_who_is_also_a_member_records_a_meeting_or_their_own_consent(
    sqlite_engine: object, clock: object
) -> None:
    from storage.engine import session_factory
    from tests.support.chat import USERS, make_settings

    settings = make_settings(coordinators=[USERS["koordination"], USERS["stadt1"]])
    both = Chat(settings, session_factory(sqlite_engine), clock)  # type: ignore[arg-type]
    await both.send("stadt1", "!beschluss Aus der Sitzung zustimmung=alle")
    assert both.last.splitlines()[2:4] == [
        "Zustimmung: von allen Partnern getragen",
        "✅ Landeshauptstadt Magdeburg: in der Sitzung, erfasst von der Koordination, "
        "Di., 1. Dez. 2026, 10:00 Uhr",
    ]
    assert "erfasst von Anna Schulz (Koordination), Di., 1. Dez. 2026, 10:00 Uhr" in both.last
    await both.send("stadt1", "!beschluss Ohne Sitzung")
    assert both.last.splitlines()[2] == (
        "Zustimmung: 1 von 3 Partnern – noch nicht von allen getragen"
    )
    await both.send("stadt1", "!beschluss zustimmen 2")
    assert both.last.splitlines()[0].startswith("Beschluss #2 hat die Zustimmung von Landes")


async def test_a_nudge_due_while_the_bot_was_away_is_late_or_missed_once(chat: Chat) -> None:
    """The worst moment for a nudge: the bot is away at 09:00 on the nudge's day and nobody
    writes. Back within the grace (6 h) it posts the nudge once, marked late; a version
    whose nudge passed more than the grace ago is listed once in the missed summary. A
    second wake-up posts nothing, and nothing is due any more."""
    source = ConsentReminders(chat.settings)
    waker = Waker(None, [source], chat.sessions, chat.clock, chat.posting, chat.outbox.push)
    await chat.send("stadt1", RECORD)  # Tuesday, 1 December: nudge Friday 09:00
    chat.clock.advance(days=1)
    await chat.send("stadt1", "!beschluss Zweiter Beschluss")  # Wednesday: nudge Saturday
    before = len(chat.sent)
    chat.clock.now = datetime(2026, 12, 5, 10, 30, tzinfo=UTC)  # Saturday 11:30, back again
    await waker.wake()
    await chat.outbox.drain()
    posted = [m["content"]["body"].splitlines()[0] for m in chat.sent[before:]]
    assert posted == [
        "Beschluss #2 „Zweiter Beschluss“ wartet seit Mi., 2. Dez. 2026 auf Zustimmung. "
        "(verspätet)",
        "1 Erinnerung verpasst, während koopbot nicht erreichbar war:",
    ]
    assert chat.sent[-1]["content"]["body"].splitlines()[1] == (
        "• Beschluss #1 „Gemeinsame Qualifizierungsoffensive Logistik“: Erinnerung an die "
        "Zustimmung (Fr., 4. Dez. 2026, 09:00 Uhr)"
    )
    await waker.wake()
    await chat.outbox.drain()
    assert len(chat.sent) == before + 2  # once each
    async with chat.sessions() as session:
        assert await source.next_due(session, chat.clock.now) is None
