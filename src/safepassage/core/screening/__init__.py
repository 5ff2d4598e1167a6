"""Screening: from a migrant's account to an explained position on the exploitation spectrum."""

from .determination import Determination, Level
from .engine import Screener
from .messages import all_message_ids
from .version import engine_version

__all__ = ["Determination", "Level", "Screener", "all_message_ids", "engine_version"]
