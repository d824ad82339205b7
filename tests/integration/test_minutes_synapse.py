"""Minutes, report and the sector picture through a real Synapse: each arrives as a file
(``m.file``) or a picture (``m.image`` with its size and alt text) that can be downloaded."""

from __future__ import annotations

import io
import struct
from datetime import timedelta
from pathlib import Path
from typing import Any

import nio
from nio.crypto.attachments import decrypt_attachment
from pypdf import PdfReader

from bot.app import running_bot, utc_now
from bot.demo.people import Person, body
from storage import meetings
from tests.integration.conftest import PASSWORD, World


def from_bot(world: World, room: str, msgtype: str) -> Any:
    bot = world.ids["koopbot"]
    return lambda e: (
        e.get("room_id") == room
        and e.get("sender") == bot
        and e.get("content", {}).get("msgtype") == msgtype
    )


async def fetch(person: Person, content: dict[str, Any]) -> bytes:
    download = await person.client.download(mxc=content["url"])
    assert isinstance(download, nio.MemoryDownloadResponse), download
    data: bytes = download.body
    assert len(data) == content["info"]["size"]
    return data


async def test_minutes_report_and_sector_picture_arrive_as_files(
    world: World, tmp_path: Path
) -> None:
    room = await world.new_room()
    stadt, agentur, coordinator = (world.people[n] for n in ("stadt1", "agentur1", "koordination"))
    async with world.bot(room, tmp_path) as bot:
        now = utc_now()
        async with bot.sessions() as session, session.begin():
            meeting = await meetings.add_meeting(
                session, room_id=room, title="Koordinierungsrunde", place="Rathaus",
                duration_minutes=30, start=now - timedelta(hours=1), rule=None,
                tz=bot.settings.timezone, created_by=world.ids["koordination"], now=now,
            )  # fmt: skip
        present = await stadt.reply_to(await stadt.say(room, f"!anwesend {meeting.id}"))
        assert body(present).startswith("Eingetragen: Landeshauptstadt Magdeburg war bei")

        minutes = await coordinator.reply_to(
            await coordinator.say(room, f"!protokoll {meeting.id}")
        )
        assert body(minutes).startswith("Ergebnisprotokoll „Koordinierungsrunde“")
        file = (await coordinator.wait_for(from_bot(world, room, "m.file")))["content"]

        deadline = (now.astimezone(bot.settings.zone) + timedelta(days=3)).date()
        await coordinator.reply_to(await coordinator.say(room, f"!runde start {deadline}"))
        await stadt.reply_to(await stadt.say(room, "!branche melden C wachsend Aufträge"))
        await agentur.reply_to(await agentur.say(room, "!branche melden C rückläufig Kurzarbeit"))
        history = await stadt.reply_to(await stadt.say(room, "!branche C"))
        image = (await stadt.wait_for(from_bot(world, room, "m.image")))["content"]

        report = await coordinator.reply_to(await coordinator.say(room, "!bericht"))
        assert body(report).startswith("Sachstandsbericht ")
        report_file = (
            await coordinator.wait_for(
                lambda e: (
                    from_bot(world, room, "m.file")(e)
                    and e["content"]["filename"].startswith("sachstandsbericht-")
                )
            )
        )["content"]

    assert file["info"]["mimetype"] == "application/pdf"
    minutes_pdf = PdfReader(io.BytesIO(await fetch(coordinator, file)))
    assert "Ergebnisprotokoll: Koordinierungsrunde" in minutes_pdf.pages[0].extract_text()

    assert body(history).startswith("Verlauf C Verarbeitendes Gewerbe")
    assert image["info"]["mimetype"] == "image/png"
    assert image["body"].startswith("Diagramm C Verarbeitendes Gewerbe, Runden #1")
    png = await fetch(stadt, image)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (image["info"]["w"], image["info"]["h"])

    report_pdf = PdfReader(io.BytesIO(await fetch(coordinator, report_file)))
    text = " ".join(page.extract_text() for page in report_pdf.pages)
    assert "Sachstandsbericht an den Stadtrat" in text
    assert sum(len(page.images) for page in report_pdf.pages) == 1  # the picture of C


async def decrypted(person: Person, content: dict[str, Any]) -> bytes:
    """An encrypted room's file: downloaded by its ``file`` (not ``url``) and decrypted."""
    secret = content["file"]
    download = await person.client.download(mxc=secret["url"])
    assert isinstance(download, nio.MemoryDownloadResponse), download
    data: bytes = decrypt_attachment(
        download.body, secret["key"]["k"], secret["hashes"]["sha256"], secret["iv"]
    )
    assert len(data) == content["info"]["size"]
    return data


async def test_in_an_encrypted_room_the_picture_and_the_report_arrive_encrypted(
    world: World, tmp_path: Path
) -> None:
    coordinator = Person(
        world.homeserver.url, world.ids["koordination"], PASSWORD, store=tmp_path / "coord"
    )
    member = Person(world.homeserver.url, world.ids["stadt1"], PASSWORD, store=tmp_path / "stadt")
    try:
        for person in (coordinator, member):
            await person.login()
            person.listen()
        room = await coordinator.create_room(
            "Verschlüsselt", invite=[world.ids["stadt1"]], encrypted=True
        )
        await member.join(room)
        async with running_bot(world.settings(room, tmp_path / "bot")) as bot:
            await coordinator.invite(room, world.ids["koopbot"])
            await coordinator.wait_for(
                lambda e: e.get("room_id") == room and e.get("state_key") == world.ids["koopbot"]
                and e.get("content", {}).get("membership") == "join",
            )  # fmt: skip
            deadline = (utc_now().astimezone(bot.settings.zone) + timedelta(days=3)).date()
            opened = await coordinator.say(room, f"!runde start {deadline:%d.%m.%Y}")
            await coordinator.reply_to(opened, timeout=60)
            await member.reply_to(await member.say(room, "!branche melden C wachsend Aufträge"))
            await member.say(room, "!branche C")
            image = await member.wait_for(from_bot(world, room, "m.image"), timeout=60)
            await coordinator.say(room, "!bericht")
            report = await coordinator.wait_for(
                lambda e: (
                    from_bot(world, room, "m.file")(e)
                    and e["content"]["filename"].startswith("sachstandsbericht-")
                ),
                timeout=60,
            )
        picture, document = image["content"], report["content"]
        assert "url" not in picture and "url" not in document  # encrypted: only in "file"
        png = await decrypted(member, picture)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (picture["info"]["w"], picture["info"]["h"])
        pdf = PdfReader(io.BytesIO(await decrypted(coordinator, document)))
        assert "Sachstandsbericht an den Stadtrat" in pdf.pages[0].extract_text()
    finally:
        await coordinator.close()
        await member.close()
