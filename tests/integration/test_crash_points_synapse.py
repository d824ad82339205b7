"""Crash points and restarts through a real Synapse, each scenario in a room of its own.

A bot process started with ``KOOPBOT_CRASH_AT=<point>[:n]`` kills itself with SIGKILL at
exactly that moment (``bot/crashpoints.py``). It is restarted without the variable, and
nobody writes in its room until a final sentinel command at the very end. The outbox sends
in order, so once the sentinel's reply has arrived anything the restart sent (a double
included) has arrived before it; the counts are then taken from that person's view of the
room and from the bot's own database.

Every scenario has its own room, folder, SQLite database and device id, and independent
scenarios run side by side: each test waits about one reminder's lead time, not one per
scenario. Reminders use ``offsets = ["1m"]``, so a meeting ``LEAD`` seconds ahead has its
reminder due ``LEAD - 60`` seconds after it was created.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import json
import signal
import sqlite3
import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import nio

from bot.crashpoints import ENVIRONMENT, CrashPoint
from bot.demo.people import Person, body
from tests.integration.conftest import World
from tests.integration.test_meetings_synapse import BERLIN, ahead, is_reminder, new_meeting
from tests.integration.test_restart import bot_process, write_config

REMINDERS = '\n[reminders]\noffsets = ["1m"]\ngrace = "10m"\n'
LEAD = 85  # s from creating a meeting to its start: the reminder is due 25 s after creation
UP = 90  # s for a bot process to start and join (several bots start at once on few CPUs)
REPLY = 60  # s for an answer that is already under way


@dataclass
class Scene:
    """One room served by a bot process of its own, with its folder, database and log."""

    world: World
    room: str
    folder: Path
    config: Path
    log: Path

    def tail(self) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else "(no log)"
        return f"\n--- {self.log} (tail) ---\n{text[-5000:]}"

    def rows(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        """A query on the bot's SQLite database (read-only; the bot may be running)."""
        uri = f"file:{self.folder / 'koopbot.db'}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=10)) as db:
            return db.execute(sql, params).fetchall()

    def count(self, table: str) -> int:
        return int(self.rows(f"SELECT count(*) FROM {table}")[0][0])

    def saved_position(self) -> str | None:
        key = f"sync_token:{self.world.ids['koopbot']}"
        found = self.rows("SELECT value FROM sync_state WHERE key = ?", key)
        return str(found[0][0]) if found else None

    def outbox(self, purpose: str) -> list[tuple[str | None, str | None]]:
        """(sent_at, event_id) of the outbox rows with this purpose, oldest first."""
        sql = "SELECT sent_at, event_id FROM outbox WHERE purpose = ? ORDER BY id"
        return [(row[0], row[1]) for row in self.rows(sql, purpose)]

    def says(self, words: str) -> int:
        return self.log.read_text(errors="replace").count(words) if self.log.exists() else 0


async def new_scene(world: World, tmp_path: Path, name: str, *, reminders: bool = False) -> Scene:
    folder = tmp_path / name
    folder.mkdir()
    room = await world.new_room()
    device = f"KB{name.upper().replace('-', '')[:6]}{uuid.uuid4().hex[:4].upper()}"
    config = write_config(world, room, folder, device_id=device)
    if reminders:
        config.write_text(config.read_text() + REMINDERS)
    return Scene(world, room, folder, config, folder / "bot.log")


async def until(condition: Callable[[], bool], what: str, scene: Scene, timeout: float) -> None:
    """Wait for a condition on a file another process writes (its log, its database)."""
    try:
        async with asyncio.timeout(timeout):
            while not condition():  # noqa: ASYNC110
                await asyncio.sleep(0.2)  # another process's file cannot be awaited
    except TimeoutError:
        raise AssertionError(f"not within {timeout} s: {what}{scene.tail()}") from None


async def crashed_at(
    process: asyncio.subprocess.Process, point: CrashPoint, scene: Scene, timeout: float
) -> None:
    """The process killed itself at ``point`` (not anywhere else, not by anyone else)."""
    try:
        await asyncio.wait_for(process.wait(), timeout)
    except TimeoutError:
        raise AssertionError(f"no crash at {point} within {timeout:.0f} s{scene.tail()}") from None
    assert process.returncode == -signal.SIGKILL, f"rc={process.returncode}{scene.tail()}"
    assert scene.says(f"crash point {point} reached") == 1, scene.tail()


async def started(scene: Scene, process: asyncio.subprocess.Process) -> None:
    """First start of a scene's bot: invited by the coordinator, joined.

    Waits for the bot's own "joined" line too: it takes the join time after the join
    request returned, and ignores a command stamped earlier as history from before the
    join; a person who writes the moment they see the join can be that early (see the
    report; not what these tests are about).
    """
    await scene.world.invite_bot(scene.room)
    try:
        await scene.world.bot_joined(scene.room, timeout=UP)
    except TimeoutError:
        raise AssertionError(f"bot did not join (rc={process.returncode}){scene.tail()}") from None
    await until(lambda: scene.says(f"joined room={scene.room} ") == 1, "joined", scene, UP)


async def ask(person: Person, scene: Scene, text: str, timeout: float = REPLY) -> dict[str, Any]:
    event_id = await person.say(scene.room, text)
    try:
        return await person.reply_to(event_id, timeout=timeout)
    except TimeoutError:
        raise AssertionError(f"no reply to {text!r} within {timeout} s{scene.tail()}") from None


async def reply(person: Person, event_id: str, scene: Scene, timeout: float = REPLY) -> Any:
    try:
        return await person.reply_to(event_id, timeout=timeout)
    except TimeoutError:
        raise AssertionError(f"no reply to {event_id} within {timeout} s{scene.tail()}") from None


async def sentinel(scene: Scene) -> None:
    """The final command: answered means the sync loop is not stuck and the outbox is empty
    up to here (the person who waits is the one whose view is counted)."""
    await ask(scene.world.people["stadt1"], scene, "!status")


def in_room(person: Person, scene: Scene, test: Callable[[dict[str, Any]], bool]) -> list[Any]:
    return [e for e in person.events if e.get("room_id") == scene.room and test(e)]


def is_file(event: dict[str, Any]) -> bool:
    return bool(event.get("content", {}).get("msgtype") == "m.file")


def deadline_in_two_weeks() -> str:
    return f"{(datetime.now(UTC).astimezone(BERLIN) + timedelta(days=14)):%d.%m.%Y}"


async def side_by_side(*scenarios: Coroutine[Any, Any, None]) -> None:
    """Run independent scenarios at once; each runs to its end (all are bounded), and every
    failure is reported, not only the first."""
    results = await asyncio.gather(*scenarios, return_exceptions=True)
    failures = [result for result in results if isinstance(result, BaseException)]
    if failures:
        raise BaseExceptionGroup(f"{len(failures)} of {len(results)} scenarios failed", failures)


def no_traceback(scene: Scene) -> None:
    assert scene.says("Traceback") == 0, scene.tail()


# -- 1. a reminder falling due after a restart into a quiet room --------------------------


async def room_is_quiet_for_the_bot(scene: Scene) -> bool:
    """True if a sync from the bot's saved position brings nothing for its room: exactly the
    case in which nio learnt nothing about the room after a restart (a person asks, with
    the bot's filter; a sync token names stream positions, not a user)."""
    token = scene.saved_position()
    if token is None:
        return False
    person = scene.world.people["stadt1"]
    wanted = {
        "presence": {"not_types": ["*"]},
        "account_data": {"not_types": ["*"]},
        "room": {
            "rooms": [scene.room],
            "timeline": {"limit": 10},
            "state": {"lazy_load_members": False},
            "ephemeral": {"not_types": ["*"]},
        },
    }
    query = {"since": token, "timeout": "0", "filter": json.dumps(wanted)}
    headers = {"Authorization": f"Bearer {person.client.access_token}"}
    url = f"{scene.world.homeserver.url}/_matrix/client/v3/sync"
    async with (
        aiohttp.ClientSession() as http,
        http.get(url, params=query, headers=headers) as response,
    ):
        assert response.status == 200, await response.text()
        answer = await response.json()
    return scene.room not in answer.get("rooms", {}).get("join", {})


async def quiet_room_restart(world: World, tmp_path: Path, stop: signal.Signals) -> None:
    scene = await new_scene(world, tmp_path, f"quiet-{stop.name[3:].lower()}", reminders=True)
    coordinator, stadt = world.people["koordination"], world.people["stadt1"]
    title = f"Stille nach {stop.name}"
    async with bot_process(scene.config, scene.log) as process:
        await started(scene, process)
        start = ahead(LEAD)
        due = start - timedelta(minutes=1)
        created = await coordinator.say(scene.room, new_meeting(start, title))
        confirmed = await reply(stadt, created, scene)
        assert body(confirmed).startswith(f"Termin #1 angelegt: {title}"), scene.tail()
        # Stop as soon as the bot has synced past its own confirmation: from then on the
        # room has nothing new for it (one sync round, well under a second).
        async with asyncio.timeout(30):
            while not await room_is_quiet_for_the_bot(scene):  # noqa: ASYNC110
                await asyncio.sleep(0.1)  # the bot's saved position is in another process
        process.send_signal(stop)
        await asyncio.wait_for(process.wait(), 30)
    if stop is signal.SIGTERM:  # a clean stop (like Ctrl-C): the work under way finished
        assert process.returncode == 0, f"rc={process.returncode}{scene.tail()}"
        assert scene.says("SIGTERM: stopping after the work under way") == 1, scene.tail()
    else:
        assert process.returncode == -signal.SIGKILL, f"rc={process.returncode}{scene.tail()}"
    assert await room_is_quiet_for_the_bot(scene), "the room had news after the saved position"

    async with bot_process(scene.config, scene.log):
        await until(lambda: scene.says(" running as ") == 2, "restarted", scene, UP)
        restarted = datetime.now(UTC)
        assert restarted < due, f"restart at {restarted} not before the due time {due}"
        wait = (due - datetime.now(UTC)).total_seconds() + 45
        try:
            reminder = await stadt.wait_for(is_reminder(scene.room, title), timeout=wait)
        except TimeoutError:
            raise AssertionError(f"no reminder in the quiet room{scene.tail()}") from None
        await sentinel(scene)  # the bot still answers the next command

    assert "(verspätet)" not in body(reminder), body(reminder)
    assert reminder["origin_server_ts"] >= due.timestamp() * 1000  # not early either
    assert len(in_room(stadt, scene, is_reminder(scene.room, title))) == 1, scene.tail()
    assert len(scene.outbox("reminder:1")) == 1
    no_traceback(scene)


async def test_a_reminder_due_after_a_restart_reaches_a_quiet_room_once(
    world: World, tmp_path: Path
) -> None:
    """Stopped (SIGTERM, and SIGKILL in a second room at the same time) right after it
    confirmed a meeting, restarted at once, nobody writes: the reminder is posted once, on
    time. Before the fix, nio did not know the room after the restart and refused to send
    until someone wrote there."""
    await side_by_side(
        quiet_room_restart(world, tmp_path, signal.SIGTERM),
        quiet_room_restart(world, tmp_path, signal.SIGKILL),
    )


# -- 2. fail points: SIGKILL at the exact moment, restart, exactly once -------------------


async def crash_before_the_position_is_saved(world: World, tmp_path: Path) -> None:
    """``position``: a batch of state-changing commands was handled (committed, replies
    queued, some perhaps sent), the sync position after it not saved. The restart gets the
    same batch again; ``!runde start`` would fail when run twice (a round is open), and
    before the fix its error reply collided with the first reply and wedged the sync loop."""
    scene = await new_scene(world, tmp_path, "position")
    coordinator, stadt = world.people["koordination"], world.people["stadt1"]
    async with bot_process(scene.config, scene.log) as process:
        await started(scene, process)
        await ask(stadt, scene, "!status")
        process.kill()
        await process.wait()

    # Sent while the bot is down, so the next start's first batch (the full-state sync from
    # the saved position) holds all of them, and the first pass of `position` is right
    # after that batch was handled: position:1 hits exactly the batch with the commands,
    # without counting the batches of a running bot (their number depends on timing).
    commands = [
        (coordinator, f"!runde start {deadline_in_two_weeks()}"),
        (stadt, "!info Neuansiedlung Logistikzentrum Rothensee thema=Ansiedlung betrifft=H"),
        (coordinator, "!beschluss Gemeinsame Qualifizierungsoffensive Logistik"),
        (stadt, "!kontakte"),
    ]
    sent = [await person.say(scene.room, text) for person, text in commands]
    async with bot_process(scene.config, scene.log, {ENVIRONMENT: "position:1"}) as process:
        await crashed_at(process, CrashPoint.POSITION, scene, UP)
    # Committed before the crash: a replay that ran them again would double or fail.
    state = [scene.count(t) for t in ("sector_rounds", "notices", "decision_entries")]
    assert state == [1, 1, 1], state

    async with bot_process(scene.config, scene.log):
        answers = [await reply(stadt, event_id, scene, UP) for event_id in sent]
        checks = {text: await ask(stadt, scene, text) for text in ("!branchen", "!infos")}
        checks["!beschlüsse"] = await ask(stadt, scene, "!beschlüsse")
        await sentinel(scene)

    for event_id in sent:
        assert len(stadt.replies_to(event_id)) == 1, f"{event_id}{scene.tail()}"
        # recognised as a replay before any handler ran (once: the crashed run saw them new)
        assert scene.says(f"skipped {event_id}: handled before the restart") == 1, scene.tail()
    assert body(answers[0]).startswith("Branchenrunde #1 gestartet"), body(answers[0])
    assert body(answers[1]).startswith("Info #1 gespeichert"), body(answers[1])
    assert body(answers[2]).startswith("Beschluss #1 erfasst"), body(answers[2])
    announced = in_room(stadt, scene, lambda e: body(e).startswith("📊 Branchenrunde"))
    assert [body(e).split(" ist ")[0] for e in announced] == ["📊 Branchenrunde #1"]
    assert "Branchenrunde #1" in body(checks["!branchen"]), body(checks["!branchen"])
    assert "Branchenrunde #2" not in body(checks["!branchen"]), body(checks["!branchen"])
    assert body(checks["!infos"]).startswith("Die neuesten Infos (1 insgesamt):")
    listed = [line for line in body(checks["!beschlüsse"]).splitlines() if line.startswith("•")]
    # recorded by the coordination without zustimmung=: every partner's consent is pending
    expected = "• #1 Gemeinsame Qualifizierungsoffensive Logistik · gültig · Zustimmung 0 von 3"
    assert listed == [expected], listed
    state = [scene.count(t) for t in ("sector_rounds", "notices", "decision_entries")]
    assert state == [1, 1, 1], state
    no_traceback(scene)


async def crash_after_a_command_committed(world: World, tmp_path: Path) -> None:
    """``committed``: the command's transaction committed, its reply (and the round's
    announcement) not yet queued. The restart sends both once and runs nothing twice."""
    scene = await new_scene(world, tmp_path, "committed")
    coordinator, stadt = world.people["koordination"], world.people["stadt1"]
    async with bot_process(scene.config, scene.log, {ENVIRONMENT: "committed:1"}) as process:
        await started(scene, process)
        # The first commit of this process: joining commits nothing of a command.
        command = await coordinator.say(scene.room, f"!runde start {deadline_in_two_weeks()}")
        await crashed_at(process, CrashPoint.COMMITTED, scene, REPLY)
    assert scene.count("sector_rounds") == 1
    assert scene.rows("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == [(2,)]

    async with bot_process(scene.config, scene.log):
        answer = await reply(stadt, command, scene, UP)
        await sentinel(scene)

    assert len(stadt.replies_to(command)) == 1, scene.tail()
    assert body(answer).startswith("Branchenrunde #1 gestartet"), body(answer)
    announced = in_room(stadt, scene, lambda e: body(e).startswith("📊 Branchenrunde"))
    assert len(announced) == 1, scene.tail()
    assert scene.count("sector_rounds") == 1
    assert scene.says(f"skipped {command}: handled before the restart") == 1, scene.tail()
    no_traceback(scene)


async def crash_after_the_homeserver_accepted_a_reminder(world: World, tmp_path: Path) -> None:
    """``sent``: the homeserver accepted the reminder, the outbox did not record it. The
    restart sends it again with the same transaction id; the homeserver gives back the
    first event, so the room has it once."""
    scene = await new_scene(world, tmp_path, "sent", reminders=True)
    coordinator, stadt = world.people["koordination"], world.people["stadt1"]
    title = "Abstimmung nach Absturz beim Senden"
    # Sends of this process: the confirmation of the meeting (pass 1), the reminder (pass 2).
    async with bot_process(scene.config, scene.log, {ENVIRONMENT: "sent:2"}) as process:
        await started(scene, process)
        start = ahead(LEAD)
        created = await coordinator.say(scene.room, new_meeting(start, title))
        assert body(await reply(stadt, created, scene)).startswith("Termin #1 angelegt")
        wait = (start - datetime.now(UTC)).total_seconds()
        await crashed_at(process, CrashPoint.SENT, scene, wait)
    first = await stadt.wait_for(is_reminder(scene.room, title), timeout=REPLY)
    assert scene.outbox("reminder:1") == [(None, None)], "the crash came after recording"

    async with bot_process(scene.config, scene.log):
        await until(lambda: scene.outbox("reminder:1")[0][0] is not None, "resent", scene, UP)
        await sentinel(scene)

    assert len(in_room(stadt, scene, is_reminder(scene.room, title))) == 1, scene.tail()
    assert scene.outbox("reminder:1")[0][1] == first["event_id"]  # the homeserver's first copy
    assert "(verspätet)" not in body(first)
    no_traceback(scene)


async def crash_after_a_reminder_was_claimed(world: World, tmp_path: Path) -> None:
    """``claimed``: the due reminder was claimed and its message committed, nothing sent.
    The restart (nobody writing) posts it once, with the on-time text it was claimed with."""
    scene = await new_scene(world, tmp_path, "claimed", reminders=True)
    coordinator, stadt = world.people["koordination"], world.people["stadt1"]
    title = "Abstimmung nach Absturz beim Vormerken"
    async with bot_process(scene.config, scene.log, {ENVIRONMENT: "claimed:1"}) as process:
        await started(scene, process)
        start = ahead(LEAD)
        created = await coordinator.say(scene.room, new_meeting(start, title))
        assert body(await reply(stadt, created, scene)).startswith("Termin #1 angelegt")
        wait = (start - datetime.now(UTC)).total_seconds()
        await crashed_at(process, CrashPoint.CLAIMED, scene, wait)
    assert scene.count("deliveries") == 1  # claimed ...
    assert scene.outbox("reminder:1") == [(None, None)]  # ... and committed, not sent

    async with bot_process(scene.config, scene.log):
        try:
            reminder = await stadt.wait_for(is_reminder(scene.room, title), timeout=UP)
        except TimeoutError:
            raise AssertionError(f"claimed reminder not posted{scene.tail()}") from None
        await sentinel(scene)

    assert len(in_room(stadt, scene, is_reminder(scene.room, title))) == 1, scene.tail()
    assert "(verspätet)" not in body(reminder)
    assert scene.rows("SELECT count(*) FROM deliveries") == [(1,)]
    no_traceback(scene)


async def crash_after_a_file_was_uploaded(world: World, tmp_path: Path) -> None:
    """``uploaded``: the export's reply went out, its file was uploaded, the m.file not sent.
    The restart uploads again and sends the file once."""
    scene = await new_scene(world, tmp_path, "uploaded")
    coordinator, stadt = world.people["koordination"], world.people["stadt1"]
    async with bot_process(scene.config, scene.log, {ENVIRONMENT: "uploaded:1"}) as process:
        await started(scene, process)
        await ask(coordinator, scene, "!beschluss Berufsorientierung an Schulen ausbauen")
        export = await coordinator.say(scene.room, "!export beschlüsse csv")
        await crashed_at(process, CrashPoint.UPLOADED, scene, REPLY)
    assert scene.rows("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == [(1,)]

    async with bot_process(scene.config, scene.log):
        answer = await reply(stadt, export, scene, UP)
        try:
            file = await stadt.wait_for(
                lambda e: e.get("room_id") == scene.room and is_file(e), timeout=UP
            )
        except TimeoutError:
            raise AssertionError(f"no m.file after the restart{scene.tail()}") from None
        await sentinel(scene)

    assert len(stadt.replies_to(export)) == 1, scene.tail()
    assert body(answer).startswith("Beschlussprotokoll als CSV: 1 Eintrag (#1)"), body(answer)
    assert len(in_room(stadt, scene, is_file)) == 1, scene.tail()
    download = await stadt.client.download(mxc=file["content"]["url"])
    assert isinstance(download, nio.MemoryDownloadResponse), download
    rows = list(csv.reader(io.StringIO(download.body.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 2 and "Berufsorientierung an Schulen ausbauen" in rows[1], rows
    no_traceback(scene)


async def test_each_fail_point_then_a_restart_does_everything_exactly_once(
    world: World, tmp_path: Path
) -> None:
    """SIGKILL at position, committed, sent, claimed and uploaded (five rooms, five bots at
    once); each restarted without the fail point finishes the work exactly once."""
    await side_by_side(
        crash_before_the_position_is_saved(world, tmp_path),
        crash_after_a_command_committed(world, tmp_path),
        crash_after_the_homeserver_accepted_a_reminder(world, tmp_path),
        crash_after_a_reminder_was_claimed(world, tmp_path),
        crash_after_a_file_was_uploaded(world, tmp_path),
    )
