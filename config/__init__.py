"""Configuration: the pydantic-settings model, loading from TOML + environment."""

from config.durations import parse_duration
from config.loader import ConfigError, load_settings
from config.membership import Membership
from config.settings import MatrixSettings, Partner, ReminderSettings, Settings, StorageSettings

__all__ = [
    "ConfigError",
    "MatrixSettings",
    "Membership",
    "Partner",
    "ReminderSettings",
    "Settings",
    "StorageSettings",
    "load_settings",
    "parse_duration",
]
