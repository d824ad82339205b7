"""``!pm entwurf`` and ``!pm überarbeiten``: a draft and its versions, each a stored snapshot."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from commands.core.args import CleanText, ItemId
from commands.core.context import Context, Reply
from commands.core.errors import CommandError
from commands.core.markup import Bold, Doc, Line, Text
from commands.pr.deadline import parse_deadline
from commands.pr.desk import Desk, draft_purpose, find_release
from commands.pr.diff import word_diff
from commands.pr.markdown import render
from commands.pr.state import ReleaseState, Status, load_state, status_block
from storage.pr import releases as store

TITLE_LIMIT = 200


class DraftArgs(BaseModel):
    titel: CleanText  # the title on the first line, the text on the following lines
    frist: str | None = None


class ReviseArgs(BaseModel):
    id: ItemId
    text: CleanText
    titel: CleanText | None = None


def draft_doc(
    desk: Desk, state: ReleaseState, title: str, text: str, intro: Sequence[Line] = ()
) -> Doc:
    """The draft as the room sees it: state, deadline, what changed, title, text, next step."""
    doc = Doc()
    for line in status_block(desk, state):
        doc.para(line)
    if state.release.deadline is not None:
        doc.line(desk.t("pm.deadline", day=desk.dates.day(state.release.deadline)))
    for line in intro:
        doc.para(line)
    doc.line()
    doc.para((Bold((Text(title),)),))
    doc.extend(render(text))
    doc.line()
    done = state.status(desk.settings.partners) is Status.APPROVED
    doc.line(desk.t("pm.next_done" if done else "pm.next_open", id=state.release.id))
    return doc


def check_sizes(desk: Desk, title: str, text: str) -> None:
    if len(title) > TITLE_LIMIT:
        raise CommandError("pm.error.title_too_long", limit=TITLE_LIMIT)
    limit = desk.settings.limits.max_text_chars
    if len(text) > limit:
        raise CommandError("pm.error.text_too_long", length=len(text), limit=limit)


async def create_draft(ctx: Context, args: DraftArgs) -> Reply:
    desk = Desk.of(ctx)
    title, _, text = args.titel.partition("\n")
    title, text = title.strip(), text.strip()
    if not title or not text:
        raise CommandError("pm.error.no_text")
    check_sizes(desk, title, text)
    deadline = parse_deadline(args.frist, desk.today) if args.frist is not None else None
    partner = ctx.sender.partner.id if ctx.sender.partner else None
    release = await store.add_release(
        ctx.session,
        room_id=ctx.room_id,
        title=title,
        text=text,
        author=ctx.sender.user_id,
        author_partner=partner,
        deadline=deadline,
        now=ctx.now,
        source_event_id=ctx.event_id,
    )
    return Reply(
        draft_doc(desk, ReleaseState.new(release), title, text),
        purpose=draft_purpose(release.id, 1),
    )


async def revise_draft(ctx: Context, args: ReviseArgs) -> Reply:
    desk = Desk.of(ctx)
    release = await find_release(desk, args.id, lock=True)
    state = await load_state(ctx.session, release)
    if state.published is not None:
        raise CommandError(
            "pm.error.published", id=release.id, version=release.current_version, show_usage=False
        )
    previous = await store.get_version(ctx.session, release.id, release.current_version)
    assert previous is not None  # every release has its current version
    title, text = (args.titel or previous.title).strip(), args.text.strip()
    if not text:
        raise CommandError("pm.error.no_revision_text")
    check_sizes(desk, title, text)
    if title == previous.title and text == previous.text:
        raise CommandError("pm.error.unchanged", id=release.id, show_usage=False)
    partner = ctx.sender.partner.id if ctx.sender.partner else None
    version = await store.add_version(
        ctx.session,
        release,
        title=title,
        text=text,
        author=ctx.sender.user_id,
        author_partner=partner,
        now=ctx.now,
        source_event_id=ctx.event_id,
    )
    state = ReleaseState.new(release)  # a new version starts with no decisions
    intro: list[Line] = [
        desk.line("pm.revised", version=version.number, who=desk.who(ctx.sender.user_id, partner)),
        desk.line("pm.diff_title", version=previous.number),
    ]
    if title != previous.title:
        intro.append((Text(desk.t("pm.diff_heading")), *word_diff(previous.title, title)))
    changes = word_diff(previous.text, text)
    intro.append(changes if changes else desk.line("pm.diff_same_text"))
    return Reply(
        draft_doc(desk, state, title, text, intro),
        purpose=draft_purpose(release.id, version.number),
    )
