"""The message catalogue (German and English) and date formatting."""

from commands.i18n.catalogue import Catalogue, Language
from commands.i18n.dates import DateFormatter

__all__ = ["Catalogue", "DateFormatter", "Language"]
