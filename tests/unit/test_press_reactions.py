"""✅/👍 reactions on a draft message approve; redacting them withdraws (transcripts)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.events import Reaction
from commands.core.reactions import approving
from commands.pr.desk import parse_purpose
from storage.pr.releases import PressEvent
from tests.support.chat import ROOM, USERS, Chat
from tests.support.press import STATES_NONE, draft, lines


async def events(chat: Chat) -> list[tuple[str, str | None, int, str]]:
    async with chat.sessions() as session:
        rows = await session.scalars(select(PressEvent).order_by(PressEvent.id))
        return [(e.kind, e.partner_id, e.version, e.via) for e in rows]


async def test_a_reaction_on_the_draft_approves_for_the_reacting_partner(chat: Chat) -> None:
    message = await draft(chat)
    await chat.react("agentur1", message, "✅")
    content = chat.sent[-1]["content"]
    assert content["body"] == "✅ PM #1: Freigabe durch Agentur für Arbeit Magdeburg (Version 1)."
    assert "m.relates_to" not in content  # hook answers are top-level posts
    await chat.react("jobcenter1", message, "👍🏻")
    await chat.send("gast", "!pm 1")
    assert lines(chat)[:4] == [
        "PM #1 · Version 1 · Entwurf",
        "⏳ Landeshauptstadt Magdeburg",
        "✅ Agentur für Arbeit Magdeburg",
        "✅ Jobcenter Magdeburg",
    ]
    assert (await events(chat))[1:] == [
        ("approved", "agentur", 1, "reaction"),
        ("approved", "jobcenter", 1, "reaction"),
    ]


@pytest.mark.parametrize("key", ["✅", "✅️", "👍", "👍️", "👍🏻", "👍🏿", " ✅ "])
def test_approving_keys_in_every_spelling(key: str) -> None:
    assert approving(key)


@pytest.mark.parametrize("key", ["❤️", "👎", "✔️", "☑️", "ok", "", "✅✅"])
def test_other_reactions_do_not_approve(key: str) -> None:
    assert not approving(key)


def test_purposes_name_release_and_version() -> None:
    assert parse_purpose("pm:3:2") == (3, 2)
    for other in (None, "reply", "pm-final:3", "pm:3", "pm:x:2", "pm:3:2:file"):
        assert parse_purpose(other) is None


async def test_other_reactions_and_other_messages_are_passed_over_silently(chat: Chat) -> None:
    message = await draft(chat)
    status = await chat.send("stadt1", "!status")
    status_reply = str(chat.sent[-1]["event_id"])
    sent = len(chat.sent)
    await chat.react("agentur1", message, "❤️")
    await chat.react("agentur1", status, "✅")  # a person's message
    await chat.react("agentur1", status_reply, "✅")  # the bot's, but not a draft
    assert len(chat.sent) == sent
    assert len(await events(chat)) == 1


async def test_a_final_approval_by_reaction_posts_the_text_once(chat: Chat) -> None:
    message = await draft(chat)
    await chat.send("stadt1", "!pm freigeben 1")
    await chat.send("agentur1", "!pm freigeben 1")
    sent = len(chat.sent)
    await chat.react("jobcenter1", message, "✅")
    assert len(chat.sent) == sent + 2
    assert chat.sent[-2]["content"]["body"] == (
        "✅ PM #1: Freigabe durch Jobcenter Magdeburg (Version 1)."
    )
    assert chat.sent[-1]["content"]["body"].startswith("📢 Gemeinsame Pressemitteilung freigegeben")
    # A second reaction from the same partner, and a replay of the first, change nothing.
    await chat.react("jobcenter1", message, "👍")
    assert chat.last == (
        "PM #1 ist für Jobcenter Magdeburg bereits freigegeben (Version 1) – "
        "es hat sich nichts geändert."
    )
    replayed = Reaction(ROOM, "$react-replayed", USERS["agentur1"], message, "✅", chat.clock())
    await chat.dispatcher.handle(replayed)
    await chat.dispatcher.handle(replayed)
    await chat.outbox.drain()
    finals = [m for m in chat.sent if m["content"]["body"].startswith("📢")]
    assert len(finals) == 1
    async with chat.sessions() as session:
        published = await session.scalar(
            select(func.count()).select_from(PressEvent).where(PressEvent.kind == "published")
        )
    assert published == 1


async def test_redacting_the_reaction_withdraws_the_approval(chat: Chat) -> None:
    message = await draft(chat)
    reaction = await chat.react("agentur1", message, "✅")
    await chat.redact("agentur1", reaction)
    assert chat.last == (
        "↩ PM #1: Freigabe durch Agentur für Arbeit Magdeburg zurückgezogen (Version 1)."
    )
    await chat.send("agentur1", "!pm 1")
    assert lines(chat)[:4] == ["PM #1 · Version 1 · Entwurf", *STATES_NONE]
    assert (await events(chat))[-1] == ("withdrawn", "agentur", 1, "reaction")
    await chat.send("agentur1", "!pm verlauf 1")
    assert "Freigabe zurückgezogen von Agentur für Arbeit Magdeburg – " in chat.last


async def test_only_a_standing_reaction_approval_is_withdrawn(chat: Chat) -> None:
    message = await draft(chat)
    reaction = await chat.react("stadt1", message, "✅")
    sent = len(chat.sent)
    # Someone else redacting it (a moderator) does not take Stadt's approval back.
    await chat.redact("koordination", reaction)
    # A duplicate reaction of the same partner recorded nothing, so its redaction does nothing.
    duplicate = await chat.react("stadt2", message, "👍")
    assert "bereits freigegeben" in chat.last
    await chat.redact("stadt2", duplicate)
    assert len(chat.sent) == sent + 1
    # After a withdrawal by command and a new approval by command, the old reaction is stale.
    await chat.send("stadt1", "!pm zurückziehen 1")
    await chat.send("stadt2", "!pm freigeben 1")
    sent = len(chat.sent)
    await chat.redact("stadt1", reaction)
    assert len(chat.sent) == sent
    await chat.send("stadt1", "!pm 1")
    assert lines(chat)[1] == "✅ Landeshauptstadt Magdeburg"


async def test_no_withdrawal_after_publication(chat: Chat) -> None:
    message = await draft(chat)
    reaction = await chat.react("agentur1", message, "✅")
    await chat.send("stadt1", "!pm freigeben 1")
    await chat.send("jobcenter1", "!pm freigeben 1")
    await chat.redact("agentur1", reaction)
    assert chat.last == (
        "PM #1 ist bereits von allen Partnern freigegeben; die Freigabe durch "
        "Agentur für Arbeit Magdeburg bleibt bestehen."
    )
    await chat.send("agentur1", "!pm 1")
    assert lines(chat)[0] == "PM #1 · Version 1 · Freigegeben"


async def test_a_reaction_on_an_old_version_does_not_approve(chat: Chat) -> None:
    first = await draft(chat)
    await chat.send("stadt1", "!pm überarbeiten 1\nNeuer Text")
    second = str(chat.sent[-1]["event_id"])
    before = await events(chat)
    await chat.react("agentur1", first, "✅")
    assert chat.last == (
        "PM #1: Version 1 ist nicht mehr aktuell, aktuell ist Version 2. "
        "Bitte Version 2 lesen (!pm 1) und freigeben."
    )
    assert await events(chat) == before
    await chat.react("agentur1", second, "✅")
    assert chat.last == "✅ PM #1: Freigabe durch Agentur für Arbeit Magdeburg (Version 2)."


async def test_a_revision_after_reactions_resets_and_old_redactions_do_nothing(chat: Chat) -> None:
    message = await draft(chat)
    reaction = await chat.react("agentur1", message, "✅")
    await chat.react("jobcenter1", message, "✅")
    await chat.send("stadt1", "!pm überarbeiten 1\nNeuer Text")
    assert lines(chat)[:4] == ["PM #1 · Version 2 · Entwurf", *STATES_NONE]
    sent = len(chat.sent)
    await chat.redact("agentur1", reaction)
    assert len(chat.sent) == sent


async def test_the_shown_draft_counts_like_the_draft_message(chat: Chat) -> None:
    await draft(chat)
    await chat.send("jobcenter1", "!pm 1")
    shown = str(chat.sent[-1]["event_id"])
    await chat.react("jobcenter1", shown, "✅")
    assert chat.last == "✅ PM #1: Freigabe durch Jobcenter Magdeburg (Version 1)."


@pytest.mark.parametrize(
    ("who", "role"),
    [
        ("koordination", "Koordination"),
        ("gast", "Gast (kein Mitglied eines Partners)"),
    ],
)
async def test_reactions_of_non_members_are_answered_and_not_counted(
    chat: Chat, who: str, role: str
) -> None:
    message = await draft(chat)
    await chat.react(who, message, "👍")
    assert chat.last == (
        "PM #1 freigeben kann nur ein Mitglied der Partner, für die eigene Organisation. "
        f"Ihre Rolle: {role}."
    )
    assert len(await events(chat)) == 1
