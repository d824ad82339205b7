"""Joint press releases as chat transcripts: drafting, the approval rules, reading, export."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.core import OutboxMessage
from storage.engine import session_factory
from storage.pr.releases import PressEvent, PressRelease, PressVersion
from tests.support.chat import Chat, make_settings
from tests.support.press import DRAFT, STATES_NONE, TEXT, count, lines, stored


async def test_draft_answers_with_the_exact_status_lines_and_the_rendered_text(chat: Chat) -> None:
    event = await chat.send("stadt1", DRAFT)
    reply = chat.replies_to(event)[0]
    assert reply["body"].splitlines()[:4] == ["PM #1 · Version 1 · Entwurf", *STATES_NONE]
    assert "Gemeinsam für Fachkräfte in der Logistik" in reply["body"]
    assert "• 200 Plätze" in reply["body"]
    html = reply["formatted_body"]
    assert "<strong>Qualifizierungsoffensive</strong>" in html
    assert "<ul><li>200 Plätze</li><li>drei Branchen</li></ul>" in html
    assert "!pm freigeben 1" in reply["body"]
    async with chat.sessions() as session:
        purposes = list(await session.scalars(select(OutboxMessage.purpose)))
    assert purposes == ["pm:1:1"]


async def test_approved_only_when_all_three_partners_approved_then_posted_once(chat: Chat) -> None:
    await chat.send("stadt1", DRAFT)
    await chat.send("agentur1", "!pm freigeben 1")
    assert lines(chat)[:5] == [
        "✅ PM #1: Freigabe durch Agentur für Arbeit Magdeburg (Version 1).",
        "PM #1 · Version 1 · Entwurf",
        "⏳ Landeshauptstadt Magdeburg",
        "✅ Agentur für Arbeit Magdeburg",
        "⏳ Jobcenter Magdeburg",
    ]
    assert lines(chat)[5] == "Noch ausstehend: Landeshauptstadt Magdeburg, Jobcenter Magdeburg."
    await chat.send("jobcenter1", "!pm #1 ", edit=False)
    assert lines(chat)[0] == "PM #1 · Version 1 · Entwurf"
    await chat.send("jobcenter1", "!pm freigeben #1")
    assert lines(chat)[1] == "PM #1 · Version 1 · Entwurf"
    sent_before = len(chat.sent)
    event = await chat.send("stadt2", "!pm freigeben 1")
    assert len(chat.sent) == sent_before + 2  # the reply and the final text, nothing else
    reply, final = chat.sent[-2]["content"], chat.sent[-1]["content"]
    assert reply["m.relates_to"]["m.in_reply_to"]["event_id"] == event
    assert reply["body"].splitlines()[1] == "PM #1 · Version 1 · Freigegeben"
    assert "m.relates_to" not in final  # a top-level post
    assert final["body"].splitlines()[0] == (
        "📢 Gemeinsame Pressemitteilung freigegeben: PM #1, Version 1"
    )
    assert (
        "Agentur für Arbeit Magdeburg: freigegeben am Di., 1. Dez. 2026, 10:00 Uhr, Version 1"
        in (final["body"])
    )
    assert "Landeshauptstadt Magdeburg: freigegeben am" in final["body"]
    assert "stadt2" not in final["body"]  # organisations, not persons (privacy.show_persons)
    assert "<strong>Qualifizierungsoffensive</strong>" in final["formatted_body"]
    assert await count(chat, PressEvent, PressEvent.kind == "published") == 1

    await chat.send("agentur1", "!pm freigeben 1")
    assert lines(chat)[0] == (
        "PM #1 ist für Agentur für Arbeit Magdeburg bereits freigegeben (Version 1) – "
        "es hat sich nichts geändert."
    )
    await chat.send("gast", "!pm 1")
    assert lines(chat)[:4] == [
        "PM #1 · Version 1 · Freigegeben",
        "✅ Landeshauptstadt Magdeburg",
        "✅ Agentur für Arbeit Magdeburg",
        "✅ Jobcenter Magdeburg",
    ]
    finals = [m for m in chat.sent if m["content"]["body"].startswith("📢")]
    assert len(finals) == 1
    assert await count(chat, PressEvent, PressEvent.kind == "published") == 1


async def test_a_member_approves_for_their_own_partner_only(chat: Chat) -> None:
    await chat.send("stadt1", DRAFT)
    await chat.send("jobcenter1", "!pm freigeben 1")
    assert lines(chat)[2:5] == [
        "⏳ Landeshauptstadt Magdeburg",
        "⏳ Agentur für Arbeit Magdeburg",
        "✅ Jobcenter Magdeburg",
    ]
    before = await stored(chat)
    await chat.send("jobcenter1", "!pm freigeben 1 agentur")
    assert lines(chat) == ["Zu viele Angaben: „agentur“.", "Aufruf: !pm freigeben <id> [version=…]"]
    await chat.send("jobcenter1", "!pm freigeben 1 partner=agentur")
    assert lines(chat)[0] == "Die Angabe „partner=“ gibt es bei diesem Befehl nicht."
    assert await stored(chat) == before
    await chat.send("agentur1", "!pm 1")
    assert lines(chat)[2] == "⏳ Agentur für Arbeit Magdeburg"


async def test_a_second_approval_by_the_same_partner_changes_nothing(chat: Chat) -> None:
    await chat.send("stadt1", DRAFT)
    await chat.send("stadt1", "!pm freigeben 1")
    before = await stored(chat)
    await chat.send("stadt2", "!pm freigeben 1")
    assert lines(chat)[0] == (
        "PM #1 ist für Landeshauptstadt Magdeburg bereits freigegeben (Version 1) – "
        "es hat sich nichts geändert."
    )
    await chat.send("stadt1", "!pm freigeben 1")
    assert "bereits freigegeben" in lines(chat)[0]
    assert await stored(chat) == before
    assert lines(chat)[1] == "PM #1 · Version 1 · Entwurf"


async def test_a_revision_resets_all_approvals_and_shows_a_word_diff(chat: Chat) -> None:
    await chat.send("stadt1", DRAFT)
    await chat.send("agentur1", "!pm freigeben 1")
    await chat.send("jobcenter1", "!pm freigeben 1")
    event = await chat.send(
        "agentur1",
        '!pm überarbeiten 1 titel="Gemeinsam für Fachkräfte"\n'
        "Stadt, Agentur und Jobcenter starten eine **Qualifizierungsoffensive**.\n"
        "\n"
        "- 250 Plätze\n"
        "- drei Branchen",
    )
    reply = chat.replies_to(event)[0]
    body = reply["body"].splitlines()
    assert body[:4] == ["PM #1 · Version 2 · Entwurf", *STATES_NONE]
    assert body[4] == (
        "Neue Version 2 von Bernd Krüger (Agentur für Arbeit Magdeburg) – "
        "die bisherigen Freigaben gelten nicht mehr."
    )
    assert body[5] == "Änderungen gegenüber Version 1:"
    assert body[6] == "Titel: Gemeinsam für Fachkräfte [-in der Logistik-]"
    assert "- [-200-] {+250+} Plätze" in body[7]
    assert "<del>200</del> <ins>250</ins>" in reply["formatted_body"]
    assert "• 250 Plätze" in reply["body"]
    async with chat.sessions() as session:
        purposes = list(await session.scalars(select(OutboxMessage.purpose)))
    assert purposes[-1] == "pm:1:2"
    await chat.send("stadt1", "!pm 1")
    assert lines(chat)[:4] == ["PM #1 · Version 2 · Entwurf", *STATES_NONE]
    # The old snapshot is kept as it was approved.
    async with chat.sessions() as session:
        first = await session.scalar(select(PressVersion).where(PressVersion.number == 1))
    assert first is not None and "200 Plätze" in first.text


async def test_request_changes_marks_the_partner_and_mentions_the_author(chat: Chat) -> None:
    await chat.send("stadt1", DRAFT)
    await chat.send("agentur1", "!pm freigeben 1")
    await chat.send("jobcenter1", "!pm ablehnen 1 Bitte Zahlen zur Teilnahme prüfen")
    content = chat.sent[-1]["content"]
    assert content["body"].splitlines() == [
        "✋ PM #1: Jobcenter Magdeburg bittet um Änderungen an Version 1: "
        "„Bitte Zahlen zur Teilnahme prüfen“",
        "PM #1 · Version 1 · Änderungen erbeten",
        "⏳ Landeshauptstadt Magdeburg",
        "✅ Agentur für Arbeit Magdeburg",
        "✋ Jobcenter Magdeburg – „Bitte Zahlen zur Teilnahme prüfen“",
        "Anna Schulz: bitte überarbeiten mit !pm überarbeiten 1 und dem neuen Text ab der "
        "zweiten Zeile.",
    ]
    assert content["m.mentions"]["user_ids"] == ["@stadt1:test"]
    assert 'href="https://matrix.to/#/@stadt1:test"' in content["formatted_body"]
    await chat.send("agentur1", "!pm 1")
    assert lines(chat)[0] == "PM #1 · Version 1 · Änderungen erbeten"
    # Approving after asking for changes turns ✋ into ✅.
    await chat.send("jobcenter1", "!pm freigeben 1")
    assert lines(chat)[4] == "✅ Jobcenter Magdeburg"
    assert lines(chat)[1] == "PM #1 · Version 1 · Entwurf"


async def test_a_coordinator_who_is_no_partner_member_cannot_approve(chat: Chat) -> None:
    await chat.send("koordination", DRAFT)
    assert lines(chat)[0] == "PM #1 · Version 1 · Entwurf"
    before = await stored(chat)
    await chat.send("koordination", "!pm freigeben 1")
    # The dispatcher's refusal names the role needed and the sender's role.
    assert chat.last.startswith("Nur Mitglieder der Partner")
    assert chat.last.endswith(
        "!pm freigeben verwenden. Ihre Rolle: Koordination. !hilfe pm zeigt, was Sie tun können."
    )
    await chat.send("koordination", "!pm ablehnen 1 Bitte kürzen")
    assert chat.last.startswith("Nur Mitglieder der Partner")
    assert "!pm ablehnen verwenden. Ihre Rolle: Koordination." in chat.last
    await chat.send("gast", "!pm freigeben 1")
    assert "Ihre Rolle: Gast (kein Mitglied eines Partners)" in chat.last
    await chat.send("gast", "!pm entwurf Titel\nText")
    assert "!pm entwurf verwenden. Ihre Rolle: Gast" in chat.last
    assert await stored(chat) == before
    await chat.send("koordination", "!pm verlauf 1")
    assert "Entwurf angelegt von Koordination" in chat.last


async def test_withdrawal_by_command_before_publication(chat: Chat) -> None:
    await chat.send("stadt1", DRAFT)
    await chat.send("agentur1", "!pm zurückziehen 1")
    assert chat.last.splitlines()[0] == (
        "PM #1 ist für Agentur für Arbeit Magdeburg nicht freigegeben – "
        "es gibt nichts zurückzuziehen."
    )
    await chat.send("agentur1", "!pm freigeben 1")
    await chat.send("agentur1", "!pr withdraw 1")
    assert lines(chat)[:5] == [
        "↩ PM #1: Freigabe durch Agentur für Arbeit Magdeburg zurückgezogen (Version 1).",
        "PM #1 · Version 1 · Entwurf",
        *STATES_NONE,
    ]


async def test_a_published_release_is_closed(chat: Chat) -> None:
    await chat.send("stadt1", DRAFT)
    for who in ("stadt1", "agentur1", "jobcenter1"):
        await chat.send(who, "!pm freigeben 1")
    before = await stored(chat)
    expected = (
        "PM #1 ist bereits von allen Partnern freigegeben und veröffentlicht (Version 1). "
        "Für eine neue Fassung legen Sie bitte einen neuen Entwurf an."
    )
    await chat.send("stadt1", "!pm überarbeiten 1\nGanz anders")
    assert chat.last == expected
    await chat.send("jobcenter1", "!pm ablehnen 1 Doch nicht")
    assert chat.last == expected
    await chat.send("jobcenter1", "!pm zurückziehen 1")
    assert chat.last == expected
    assert await stored(chat) == before


async def test_an_old_version_is_not_approved_by_command(chat: Chat) -> None:
    await chat.send("stadt1", DRAFT)
    await chat.send("stadt1", "!pm überarbeiten 1\nNeuer Text")
    before = await stored(chat)
    await chat.send("agentur1", "!pm freigeben 1 version=1")
    assert chat.last == (
        "PM #1: Version 1 ist nicht mehr aktuell, aktuell ist Version 2. "
        "Bitte Version 2 lesen (!pm 1) und freigeben."
    )
    assert await stored(chat) == before
    await chat.send("agentur1", "!pm freigeben 1 version=2")
    assert lines(chat)[0] == "✅ PM #1: Freigabe durch Agentur für Arbeit Magdeburg (Version 2)."


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("!pm freigeben 7", "Eine Pressemitteilung #7 gibt es in diesem Raum nicht. !pm zeigt alle."),
        ("!pm 7", "Eine Pressemitteilung #7 gibt es in diesem Raum nicht. !pm zeigt alle."),
        ("!pm überarbeiten 7\nText", "Eine Pressemitteilung #7 gibt es in diesem Raum nicht."),
        ("!pm entwurf Nur ein Titel", "Bitte den Titel in die erste Zeile und den Text ab der"),
        ("!pm entwurf", "Es fehlt die Angabe <titel>."),
        ("!pm ablehnen 1", "Es fehlt die Angabe <grund>."),
        ("!pm überarbeiten 1", "Es fehlt die Angabe <text>."),
        ("!pm freigeben eins", "„eins“ ist keine Nummer wie 12 oder #12."),
        ("!pm freigabe 1", "„freigabe“ ist weder eine Nummer noch ein Teil von !pm."),
        ("!pm entwurf T frist=32.13.2026\nText", "„32.13.2026“ ist kein gültiges Datum – z. B."),
        ("!pm entwurf T frist=30.11.2026\nText", "Die Frist „30.11.2026“ liegt in der Vergangenheit."),
        ("!pm entwurf " + "T" * 201 + "\nText", "Der Titel ist zu lang (höchstens 200 Zeichen)."),
        ("!pm entwurf T\n" + "x" * 4001, "Der Text ist zu lang (4001 Zeichen, höchstens 4000)."),
        ("!pm ablehnen 1 " + "x" * 4001, "Der Text ist zu lang (4001 Zeichen, höchstens 4000)."),
        ("!pm überarbeiten 1\n" + TEXT, "Titel und Text von PM #1 sind unverändert"),
        ("!pm export 1 pdf", "„pdf“ ist für <format> nicht gültig."),
    ],
)  # fmt: skip
async def test_bad_input_gets_one_clear_sentence_and_stores_nothing(
    chat: Chat, command: str, expected: str
) -> None:
    await chat.send("stadt1", DRAFT)
    before = await stored(chat)
    event = await chat.send("agentur1", command)
    reply = chat.replies_to(event)
    assert len(reply) == 1 and reply[0]["body"].startswith(expected), reply[0]["body"]
    assert "Traceback" not in reply[0]["body"]
    assert await stored(chat) == before


async def test_usage_follows_a_user_mistake(chat: Chat) -> None:
    await chat.send("stadt1", "!pm entwurf Nur ein Titel")
    assert lines(chat) == [
        "Bitte den Titel in die erste Zeile und den Text ab der zweiten Zeile schreiben.",
        "Aufruf: !pm entwurf <titel> [frist=…]",
    ]


async def test_hostile_title_and_text_are_escaped_everywhere(chat: Chat) -> None:
    hostile = (
        "!pm entwurf <script>alert(1)</script> & Co\n"
        '**<b>fett</b>** <img src=x onerror=alert(1)> *<i>x</i>* "quoted"\n'
        "- <a href='javascript:x'>Link</a>"
    )
    await chat.send("stadt1", hostile)
    await chat.send("stadt1", "!pm überarbeiten 1\n<iframe src=//evil> neu")
    for who in ("stadt1", "agentur1", "jobcenter1"):
        await chat.send(who, "!pm freigeben 1")
    await chat.send("stadt1", "!pm")
    await chat.send("stadt1", "!pm verlauf 1")
    await chat.send("agentur1", "!pm ablehnen 1 <script>x</script>")
    html = "".join(m["content"].get("formatted_body", "") for m in chat.sent)
    for tag in ("<script", "<img", "<b>", "<i>", "<a href='", "<iframe"):
        assert tag not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "<em>&lt;i&gt;x&lt;/i&gt;</em> &quot;quoted&quot;" in html
    assert "<strong>&lt;b&gt;fett&lt;/b&gt;</strong>" in html
    assert "<ins>&lt;iframe src=//evil&gt; neu</ins>" in html


async def test_edits_of_the_draft_command_never_change_the_snapshot(chat: Chat) -> None:
    event = await chat.send("stadt1", DRAFT)
    await chat.send("agentur1", "!pm freigeben 1")
    sent = len(chat.sent)
    await chat.send("stadt1", "!pm entwurf Anderer Titel\nGanz anderer Text", edit=True)
    await chat.redact("stadt1", event)
    assert len(chat.sent) == sent  # neither the edit nor the redaction is answered
    await chat.send("stadt1", "!pm 1")
    assert "Gemeinsam für Fachkräfte in der Logistik" in chat.last
    assert "Ganz anderer Text" not in chat.last
    assert lines(chat)[2] == "✅ Agentur für Arbeit Magdeburg"
    assert await count(chat, PressRelease) == 1


async def test_list_shows_states_per_partner_organisation(chat: Chat) -> None:
    await chat.send("gast", "!pm")
    assert chat.last.startswith("Noch keine Pressemitteilungen.")
    await chat.send("stadt1", "!pm entwurf Erste frist=08.12.\nText eins")
    await chat.send("stadt1", "!pm entwurf Zweite\nText zwei")
    await chat.send("agentur1", "!pm freigeben 1")
    await chat.send("gast", "!pm")
    assert lines(chat) == [
        "Pressemitteilungen (neueste zuerst)",
        "• #2 Zweite · Version 1 · Entwurf – ausstehend: Stadt, Agentur, Jobcenter",
        "• #1 Erste · Version 1 · Entwurf – ausstehend: Stadt, Jobcenter · Frist Di., 8. Dez. 2026",
        "!pm <nummer> zeigt Text und Stand, z. B. !pm 2.",
    ]


async def test_history_lists_every_step_with_german_times(chat: Chat) -> None:
    await chat.send("stadt1", DRAFT)
    chat.clock.advance(hours=1)
    await chat.send("agentur1", "!pm freigeben 1")
    chat.clock.advance(minutes=30)
    await chat.send("jobcenter1", "!pm ablehnen 1 Zahlen prüfen")
    await chat.send("stadt1", "!pm überarbeiten 1\nNeu")
    await chat.send("gast", "!pm verlauf 1")
    assert "!pm verlauf verwenden. Ihre Rolle: Gast" in chat.last
    await chat.send("agentur1", "!pm verlauf 1")
    assert lines(chat) == [
        "Verlauf von PM #1 „Gemeinsam für Fachkräfte in der Logistik“",
        "• Di., 1. Dez. 2026, 10:00 Uhr · Version 1 · Entwurf angelegt von "
        "Landeshauptstadt Magdeburg",
        "• Di., 1. Dez. 2026, 11:00 Uhr · Version 1 · freigegeben von Agentur für Arbeit Magdeburg",
        "• Di., 1. Dez. 2026, 11:30 Uhr · Version 1 · Änderungen erbeten von "
        "Jobcenter Magdeburg: „Zahlen prüfen“",
        "• Di., 1. Dez. 2026, 11:30 Uhr · Version 2 · überarbeitet von Landeshauptstadt Magdeburg",
    ]


async def test_export_uploads_markdown_or_plain_text(chat: Chat) -> None:
    await chat.send("stadt1", DRAFT)
    await chat.send("agentur1", "!pm export 1")
    notice, file = chat.sent[-2]["content"], chat.sent[-1]["content"]
    assert notice["body"] == "PM #1, Version 1 (Entwurf) als Datei pm-1-v1.md."
    assert file["msgtype"] == "m.file" and file["body"] == "pm-1-v1.md"
    assert file["info"]["mimetype"] == "text/markdown"
    data = chat.homeserver.uploads[file["url"]].decode("utf-8")
    assert data.startswith(
        "# Gemeinsam für Fachkräfte in der Logistik\n\n"
        "Stadt, Agentur und Jobcenter starten eine **Qualifizierungsoffensive**.\n\n- 200 Plätze"
    )
    assert "Hinweis: noch nicht von allen Partnern freigegeben." in data
    for who in ("stadt1", "agentur1", "jobcenter1"):
        await chat.send(who, "!pm freigeben 1")
    await chat.send("koordination", "!pm export 1 txt")
    file = chat.sent[-1]["content"]
    assert file["body"] == "pm-1-v1.txt" and file["info"]["mimetype"] == "text/plain"
    text = chat.homeserver.uploads[file["url"]].decode("utf-8")
    assert text.startswith("Gemeinsam für Fachkräfte in der Logistik\n=====")
    assert "Stadt, Agentur und Jobcenter starten eine Qualifizierungsoffensive." in text
    assert "• 200 Plätze" in text and "**" not in text
    assert "PM #1 · Version 1 · Freigegeben" in text
    assert "- Jobcenter Magdeburg: freigegeben am Di., 1. Dez. 2026, 10:00 Uhr, Version 1" in text
    assert "noch nicht" not in text


async def test_english_names_and_texts(sqlite_engine, clock) -> None:  # type: ignore[no-untyped-def]
    chat = Chat(make_settings(language="en"), session_factory(sqlite_engine), clock)
    await chat.send("stadt1", "!pr draft Skills for logistics deadline=2026-12-08\nThe text.")
    assert lines(chat)[:2] == ["PM #1 · Version 1 · Draft", "⏳ Landeshauptstadt Magdeburg"]
    assert "Deadline: Tue, 8 Dec 2026" in chat.last
    await chat.send("jobcenter1", "!pr reject 1 Check the numbers")
    assert lines(chat)[1] == "PM #1 · Version 1 · Changes requested"
    assert lines(chat)[4] == "✋ Jobcenter Magdeburg – “Check the numbers”"
    for who in ("stadt1", "agentur1", "jobcenter1"):
        await chat.send(who, "!pr approve 1")
    await chat.send("stadt1", "!pr 1")
    assert lines(chat)[0] == "PM #1 · Version 1 · Approved"


async def test_status_names_open_drafts_per_partner(chat: Chat) -> None:
    await chat.send("gast", "!status")
    assert "Offene Runden und Entwürfe: keine" in chat.last
    await chat.send("stadt1", DRAFT)
    await chat.send("stadt1", "!pm entwurf Zweite\nText")
    await chat.send("agentur1", "!pm freigeben 2")
    await chat.send("gast", "!status")
    assert (
        "Offene Entwürfe: PM #1 (ausstehend: Stadt, Agentur, Jobcenter), "
        "PM #2 (ausstehend: Stadt, Jobcenter)"
    ) in chat.last
