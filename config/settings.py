"""The configuration model. Values come from a TOML file and ``KOOPBOT_*`` variables."""

from __future__ import annotations

import re
from contextvars import ContextVar
from datetime import timedelta
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from config.durations import parse_duration
from config.membership import Membership

USER_ID = re.compile(r"^@[a-z0-9._=\-/+]+:[A-Za-z0-9.\-]+(:\d{1,5})?$")
# Room ids of room version 12 have no server part ("!abc…"); aliases always do.
ROOM_REF = re.compile(
    r"^(![^\s:]+(:[A-Za-z0-9.\-]+(:\d{1,5})?)?|#[^\s:]+:[A-Za-z0-9.\-]+(:\d{1,5})?)$"
)
PARTNER_ID = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
#: Set while the settings of a command that never contacts the homeserver are loaded
#: (``koopbot export``, ``koopbot verify-log``): Matrix credentials are then not required.
OFFLINE: ContextVar[bool] = ContextVar("koopbot_offline_settings", default=False)


def check_user_id(value: str) -> str:
    """Return ``value`` if it is a well-formed Matrix user id (``@name:server``)."""
    if not USER_ID.match(value):
        raise ValueError(f"'{value}' is not a Matrix user id like @name:example.org")
    return value


UserIdStr = Annotated[str, AfterValidator(check_user_id)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MatrixSettings(_Section):
    """How the bot reaches its homeserver and which rooms it serves."""

    homeserver: str = "http://127.0.0.1:8008"
    user_id: str = "@koopbot:example.org"
    password: str = Field(default="", repr=False)
    access_token: str = Field(default="", repr=False)
    device_id: str = "KOOPBOT"
    store_path: str = "./store"
    rooms: list[str] = Field(default_factory=list)
    sync_timeout: int = Field(default=30_000, ge=1_000, le=120_000)
    timeline_limit: int = Field(default=100, ge=10, le=1_000)

    @field_validator("homeserver")
    @classmethod
    def _url(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError(f"'{value}' is not an http(s) URL")
        return value.rstrip("/")

    @field_validator("user_id")
    @classmethod
    def _user(cls, value: str) -> str:
        return check_user_id(value)

    @field_validator("rooms")
    @classmethod
    def _rooms(cls, value: list[str]) -> list[str]:
        for room in value:
            if not ROOM_REF.match(room):
                raise ValueError(
                    f"'{room}' is neither a room id (!id:server) nor an alias (#a:server)"
                )
        return value

    @model_validator(mode="after")
    def _credentials(self) -> MatrixSettings:
        if not self.password and not self.access_token and not OFFLINE.get():
            raise ValueError("set matrix.password or matrix.access_token")
        if self.access_token and not self.device_id:
            raise ValueError("matrix.access_token needs matrix.device_id")
        return self


class StorageSettings(_Section):
    """Database URL: SQLite by default, PostgreSQL for production and standby."""

    url: str = "sqlite+aiosqlite:///koopbot.db"

    @field_validator("url")
    @classmethod
    def _driver(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("use sqlite+aiosqlite:///FILE or postgresql+asyncpg://USER@HOST/DB")
        return value

    @property
    def backend(self) -> str:
        return "PostgreSQL" if self.url.startswith("postgresql") else "SQLite"


class ReminderSettings(_Section):
    """When meeting reminders go out, and how late a missed one may still be posted."""

    offsets: list[str] = Field(default_factory=lambda: ["7d", "1d", "1h"])
    grace: str = "6h"

    @field_validator("offsets")
    @classmethod
    def _offsets(cls, value: list[str]) -> list[str]:
        for item in value:
            parse_duration(item)
        if len(set(value)) != len(value):
            raise ValueError("offsets must not repeat")
        return value

    @field_validator("grace")
    @classmethod
    def _grace(cls, value: str) -> str:
        parse_duration(value)
        return value

    @property
    def offset_deltas(self) -> list[timedelta]:
        return sorted((parse_duration(o) for o in self.offsets), reverse=True)

    @property
    def grace_delta(self) -> timedelta:
        return parse_duration(self.grace)


class LimitSettings(_Section):
    """Guards against oversized input and floods (per user), and when a message counts as stuck."""

    max_message_chars: int = Field(default=8_000, ge=100, le=60_000)
    max_text_chars: int = Field(default=4_000, ge=50, le=60_000)
    commands_per_minute: int = Field(default=30, ge=1, le=10_000)
    #: How long a message may wait in the outbox before it is logged once as stuck.
    outbox_alert: str = "10m"

    @field_validator("outbox_alert")
    @classmethod
    def _alert(cls, value: str) -> str:
        if parse_duration(value) <= timedelta():
            raise ValueError(f"'{value}' must be longer than zero, e.g. 10m")
        return value

    @property
    def outbox_alert_delta(self) -> timedelta:
        return parse_duration(self.outbox_alert)


class RetentionSettings(_Section):
    """How long notices and sector inputs are kept (decisions and approved PR texts stay)."""

    notices_and_inputs: str = "730d"

    @field_validator("notices_and_inputs")
    @classmethod
    def _period(cls, value: str) -> str:
        parse_duration(value)
        return value


class PrivacySettings(_Section):
    """What the bot shows of the people behind an organisation's statements."""

    #: Name persons with their timestamps in the press-release history and the published
    #: release; otherwise only the organisation with its time (the staff council decides).
    show_persons: bool = False


class Partner(_Section):
    """One of the cooperating organisations and its people."""

    id: str
    name: str
    short_name: str = ""
    #: The first members only: copied into the database at the first start, which rules
    #: afterwards (``!mitglied hinzufügen``/``entfernen``; see docs/betrieb.md).
    members: list[UserIdStr] = Field(default_factory=list)
    contact: str = ""
    deputy: str = ""

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not PARTNER_ID.match(value):
            raise ValueError(f"'{value}' must be lower-case letters, digits, - or _")
        return value

    @field_validator("contact", "deputy")
    @classmethod
    def _person(cls, value: str) -> str:
        return check_user_id(value) if value else value

    @property
    def label(self) -> str:
        """The short name used in tables and reminders ("Agentur")."""
        return self.short_name or self.name


class Settings(BaseSettings):
    """The whole configuration; see ``config/example.toml`` for every key."""

    model_config = SettingsConfigDict(
        env_prefix="KOOPBOT_", env_nested_delimiter="__", extra="forbid", case_sensitive=False
    )

    language: Literal["de", "en"] = "de"
    timezone: str = "Europe/Berlin"
    #: The first coordinators only, like ``Partner.members``.
    coordinators: list[UserIdStr] = Field(default_factory=list)
    matrix: MatrixSettings
    storage: StorageSettings = Field(default_factory=StorageSettings)
    reminders: ReminderSettings = Field(default_factory=ReminderSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    partners: list[Partner] = Field(default_factory=list)
    display_names: dict[str, str] = Field(default_factory=dict)
    #: The current membership once the bot has loaded it (``use_membership``).
    _membership: Membership | None = PrivateAttr(default=None)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The TOML file arrives as init kwargs; the environment overrides it.
        return (env_settings, init_settings)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not a known time zone like Europe/Berlin") from None
        return value

    @field_validator("display_names")
    @classmethod
    def _names(cls, value: dict[str, str]) -> dict[str, str]:
        for user in value:
            check_user_id(user)
        return value

    @model_validator(mode="after")
    def _partners(self) -> Settings:
        seen_ids: set[str] = set()
        owner: dict[str, str] = {}
        for partner in self.partners:
            if partner.id in seen_ids:
                raise ValueError(f"partner id '{partner.id}' is used twice")
            seen_ids.add(partner.id)
            for member in partner.members:
                if member in owner:
                    raise ValueError(
                        f"{member} is a member of both '{owner[member]}' and '{partner.id}'"
                    )
                owner[member] = partner.id
        return self

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def partner(self, partner_id: str) -> Partner | None:
        return next((p for p in self.partners if p.id == partner_id), None)

    @property
    def membership(self) -> Membership:
        """Who is a partner member or coordinator now: the view the bot loaded from the
        database and replaces after each change (``commands.members``); before that, the
        configuration's."""
        if self._membership is not None:
            return self._membership
        return self.configured_membership()

    def configured_membership(self) -> Membership:
        members = ((user, p.id) for p in self.partners for user in p.members)
        return Membership.of(members, self.coordinators)

    def use_membership(self, membership: Membership) -> None:
        """Replace the current membership (a whole snapshot, never edited in place)."""
        self._membership = membership

    def partner_of(self, user_id: str) -> Partner | None:
        partner_id = self.membership.partner_of.get(user_id)
        return self.partner(partner_id) if partner_id is not None else None

    def is_coordinator(self, user_id: str) -> bool:
        return user_id in self.membership.coordinators

    def redacted(self) -> dict[str, Any]:
        """The settings as a dict with secrets masked, safe to log or print."""
        data = self.model_dump()
        for key in ("password", "access_token"):
            if data["matrix"].get(key):
                data["matrix"][key] = "***"
        data["storage"]["url"] = re.sub(
            r"://([^:@/]+):[^@/]+@", r"://\1:***@", data["storage"]["url"]
        )
        return data
