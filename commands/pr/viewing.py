"""``!pm``, ``!pm <id>``, ``!pm suche <suchbegriff>``, ``!pm verlauf <id>`` and
``!pm export <id>``: reading, never changing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, Field

from commands.core.args import ItemId, SearchText
from commands.core.context import Attachment, Context, Reply
from commands.core.errors import ArgError, CommandError
from commands.core.markup import Doc, Line, inline, plain_line
from commands.core.paging import Page
from commands.pr.approval import approval_lines
from commands.pr.desk import Desk, draft_purpose, find_release
from commands.pr.drafting import draft_doc
from commands.pr.markdown import render
from commands.pr.state import (
    ReleaseState,
    Status,
    load_state,
    load_states,
    partner_names,
    status_text,
)
from storage.overview import OpenRelease
from storage.pr import releases as store
from storage.pr.releases import PressEvent, PressVersion

LIST_LIMIT = 20
SEARCH_LISTED = 10
HISTORY_LIMIT = 100


def _id_or_sub(value: object) -> object:
    """``3`` or ``#3``; a word instead is most likely a mistyped subcommand."""
    words = str(value).split()
    if words and not words[0].removeprefix("#").isdigit():
        raise ArgError("pm.error.not_sub", value=words[0][:40])
    if len(words) > 1:
        raise ArgError("error.extra_words", words=" ".join(words[1:])[:40])
    return words[0] if words else None


class ShowArgs(BaseModel):
    id: Annotated[ItemId | None, BeforeValidator(_id_or_sub)] = None


class HistoryArgs(BaseModel):
    id: ItemId


class ExportArgs(BaseModel):
    id: ItemId
    format: Literal["md", "txt"] = "md"


class SearchArgs(BaseModel):
    suchbegriff: SearchText
    seite: int | None = Field(default=None, ge=1, le=100_000)


async def show_or_list(ctx: Context, args: ShowArgs) -> Reply:
    desk = Desk.of(ctx)
    if args.id is None:
        return Reply(await _listing(desk))
    release = await find_release(desk, args.id)
    state = await load_state(ctx.session, release)
    version = await _current(desk, release.id, release.current_version)
    return Reply(
        draft_doc(desk, state, version.title, version.text),
        purpose=draft_purpose(release.id, version.number),
    )


async def _current(desk: Desk, release_id: int, number: int) -> PressVersion:
    version = await store.get_version(desk.session, release_id, number)
    assert version is not None  # every release has its current version
    return version


async def _listing(desk: Desk) -> Doc:
    releases = await store.list_releases(desk.session, desk.room_id, LIST_LIMIT)
    if not releases:
        return Doc().line(desk.t("pm.list.empty"))
    lines = [_list_line(desk, state) for state in await load_states(desk.session, releases)]
    doc = Doc().line(desk.t("pm.list.title")).items(lines)
    return doc.line(desk.t("pm.list.more", id=releases[0].id))


def _list_line(desk: Desk, state: ReleaseState) -> Line:
    """``#3 Titel · Version 2 · Entwurf – ausstehend: Agentur · Frist 8. Dez.``."""
    release = state.release
    entry = desk.t(
        "pm.list.entry",
        id=release.id,
        title=release.title,
        version=state.version,
        status=status_text(desk, state),
    )
    missing = state.missing(desk.settings.partners)
    if state.status(desk.settings.partners) is not Status.APPROVED:
        entry += desk.t("pm.list.missing", partners=partner_names(missing, short=True))
        if release.deadline is not None:
            entry += desk.t("pm.list.deadline", day=desk.dates.day(release.deadline))
    return inline(entry)


async def search_releases(ctx: Context, args: SearchArgs) -> Reply:
    """``!pm suche Logistik``: one page (``seite=``) of the room's releases whose title or
    current text holds every word of the term, newest first, in the lines of ``!pm``;
    matches are counted up to a bound, beyond it "über"."""
    desk = Desk.of(ctx)
    term = args.suchbegriff
    if not term:  # nothing but quotation marks
        raise CommandError("error.missing_arg", arg="suchbegriff")
    offset = Page.first_of(args.seite, SEARCH_LISTED)
    found, total = await store.search_releases(
        ctx.session, ctx.room_id, term, SEARCH_LISTED, offset
    )
    page = Page(args.seite or 1, SEARCH_LISTED, total)
    if not total:
        return Reply(Doc().line(desk.t("pm.search.none", term=term)))
    if not found:
        return Reply(Doc().line(desk.t("pm.search.no_page", page=page.number, pages=page.pages)))
    key = "pm.search.title_many" if page.many else "pm.search.title"
    doc = Doc().line(desk.t(key, term=term, count=page.counted))
    doc.items([_list_line(desk, state) for state in await load_states(ctx.session, found)])
    if more := page.more("pm.search.more", len(found)):
        doc.line(desk.t(more[0], count=more[1], term=term, next=page.number + 1))
    return Reply(doc.line(desk.t("pm.list.more", id=found[0].id)))


def open_drafts(ctx: Context, releases: Sequence[OpenRelease]) -> str:
    """``PM #3 (ausstehend: Agentur, Jobcenter)`` for each release of the overview that
    still waits for an approval, oldest first, for ``!status``."""
    desk = Desk.of(ctx)
    open_ones = []
    for release in reversed(releases):
        missing = [p for p in ctx.settings.partners if p.id not in release.approved]
        if missing:
            names = partner_names(missing, short=True)
            open_ones.append(desk.t("pm.status_open_one", id=release.id, partners=names))
    return ", ".join(open_ones)


async def show_history(ctx: Context, args: HistoryArgs) -> Reply:
    desk = Desk.of(ctx)
    release = await find_release(desk, args.id)
    events = await store.history(ctx.session, release.id)
    doc = Doc().line(desk.t("pm.history.title", id=release.id, title=release.title))
    shown = events[-HISTORY_LIMIT:]
    if len(shown) < len(events):
        doc.line(desk.t("pm.history.older", count=len(events) - len(shown)))
    doc.items([_history_line(desk, event) for event in shown])
    return Reply(doc)


def _history_line(desk: Desk, event: PressEvent) -> Line:
    key = f"pm.history.{event.kind}"
    if event.via == "reaction" and desk.texts.has(f"{key}_reaction"):
        key += "_reaction"
    # Persons only where the configuration allows (``privacy.show_persons``): else the
    # organisation, so the history shows no one's working times.
    if desk.settings.privacy.show_persons:
        who = desk.who(event.user_id, event.partner_id)
    else:
        who = desk.partner_name(event.partner_id)
    what = desk.t(key, who=who, reason=event.reason)
    return desk.line(
        "pm.history.entry", when=desk.dates.moment(event.at), version=event.version, what=what
    )


async def export_release(ctx: Context, args: ExportArgs) -> Reply:
    """The current (after publication: the approved) version as a Markdown or text file."""
    desk = Desk.of(ctx)
    release = await find_release(desk, args.id)
    state = await load_state(ctx.session, release)
    version = await _current(desk, release.id, release.current_version)
    status = status_text(desk, state)
    head = desk.t("pm.head", id=release.id, version=version.number, status=status)
    footer = [head]
    approvals = [plain_line(line) for line in approval_lines(desk, state)]
    if approvals:
        footer.append(desk.t("pm.final.approvals"))
        footer.extend(f"- {line}" for line in approvals)
    if state.status(desk.settings.partners) is not Status.APPROVED:
        footer.append(desk.t("pm.export.draft_note"))
    footer.append(desk.t("pm.export.exported", when=desk.dates.moment(desk.now)))
    if args.format == "md":
        body = f"# {version.title}\n\n{version.text}\n\n---\n\n" + "  \n".join(footer) + "\n"
        mimetype = "text/markdown"
    else:
        text = render(version.text).plain()
        body = f"{version.title}\n{'=' * len(version.title)}\n\n{text}\n\n" + "\n".join(footer)
        body += "\n"
        mimetype = "text/plain"
    filename = f"pm-{release.id}-v{version.number}.{args.format}"
    doc = Doc().line(
        desk.t(
            "pm.export.done", id=release.id, version=version.number, status=status, file=filename
        )
    )
    return Reply(doc, attachment=Attachment(filename, mimetype, body.encode("utf-8")))
