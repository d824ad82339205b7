"""The decision log through a real Synapse: recording, and the export as a downloadable file."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import nio

from bot.demo.people import body
from tests.integration.conftest import World


def is_file_from_bot(world: World, room: str) -> Any:
    bot = world.ids["koopbot"]
    return lambda e: (
        e.get("room_id") == room
        and e.get("sender") == bot
        and e.get("content", {}).get("msgtype") == "m.file"
    )


async def test_a_coordinators_export_arrives_as_a_csv_file_with_the_decision(
    world: World, tmp_path: Path
) -> None:
    room = await world.new_room()
    stadt, coordinator = world.people["stadt1"], world.people["koordination"]
    agentur = world.ids["agentur1"]
    async with world.bot(room, tmp_path):
        recorded = await stadt.reply_to(
            await stadt.say(
                room,
                "!beschluss Gemeinsame Qualifizierungsoffensive Logistik "
                f"verantwortlich={agentur} frist=31.12.",
            )
        )
        assert body(recorded).splitlines()[0] == (
            "Beschluss #1 erfasst: Gemeinsame Qualifizierungsoffensive Logistik"
        )
        assert recorded["content"]["m.mentions"]["user_ids"] == [agentur]
        # A display-name word finds the decisions that person is responsible for.
        by_person = await stadt.reply_to(await stadt.say(room, "!beschlüsse Krüger"))
        none_done = await stadt.reply_to(await stadt.say(room, "!beschlüsse krüger erledigt"))
        answer = await coordinator.reply_to(await coordinator.say(room, "!export beschlüsse csv"))
        assert body(answer).startswith("Beschlussprotokoll als CSV: 1 Eintrag (#1), Stand ")
        file = (await coordinator.wait_for(is_file_from_bot(world, room)))["content"]
    assert body(by_person).splitlines()[:2] == [
        "Beschlüsse zu „Krüger“ (neueste zuerst)",
        "• #1 Gemeinsame Qualifizierungsoffensive Logistik · gültig · Zustimmung 1 von 3 · "
        "Bernd Krüger · Frist 31. Dez. 2026",
    ]
    assert body(none_done) == ("Keine Beschlüsse zu „krüger erledigt“. !beschlüsse zeigt alle.")
    assert file["info"]["mimetype"] == "text/csv"
    assert file["filename"].startswith("beschlussprotokoll-") and file["filename"].endswith(".csv")
    download = await coordinator.client.download(mxc=file["url"])
    assert isinstance(download, nio.MemoryDownloadResponse), download
    data: bytes = download.body
    assert data.startswith(b"\xef\xbb\xbf")
    header, row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    entry = dict(zip(header, row, strict=True))
    assert entry["Nr."] == "1" and entry["Status"] == "gültig"
    assert entry["Betreff"] == "Gemeinsame Qualifizierungsoffensive Logistik"
    assert entry["Verantwortlich"] == f"Bernd Krüger ({agentur})"
    assert (
        entry["Erfasst von"] == f"Anna Schulz ({world.ids['stadt1']}), Landeshauptstadt Magdeburg"
    )
    assert (
        entry["Quelle (Matrix-Ereignis)"]
        == recorded["content"]["m.relates_to"]["m.in_reply_to"]["event_id"]
    )


async def test_a_partner_members_export_is_refused_with_the_role_named(
    world: World, tmp_path: Path
) -> None:
    room = await world.new_room()
    stadt = world.people["stadt1"]
    async with world.bot(room, tmp_path):
        await stadt.reply_to(await stadt.say(room, "!beschluss Berufsorientierung an Schulen"))
        refused = await stadt.reply_to(await stadt.say(room, "!export beschlüsse csv"))
        listed = await stadt.reply_to(await stadt.say(room, "!beschlüsse"))
    assert body(refused) == (
        "Nur die Koordination kann !export beschlüsse verwenden. Ihre Rolle: Partner "
        "(Landeshauptstadt Magdeburg). !hilfe export zeigt, was Sie tun können."
    )
    assert body(listed).splitlines()[1] == (
        "• #1 Berufsorientierung an Schulen · gültig · Zustimmung 1 von 3"
    )
    assert not any(is_file_from_bot(world, room)(e) for e in stadt.events)
