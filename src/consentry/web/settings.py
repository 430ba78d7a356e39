"""How one running service behaves: limits, proxies, providers. Plain data, built by `serve`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["ServiceSettings"]


@dataclass(slots=True)
class ServiceSettings:
    # Request bodies above this are refused before they are read whole (413).
    max_body_bytes: int = 64 * 1024
    # Public form capture: a token bucket per visitor IP.
    capture_per_minute: float = 30.0
    capture_burst: int = 10
    # Behind a reverse proxy, take the client IP from X-Forwarded-For (only then).
    trust_proxy: bool = False
    # Provider settings objects (consentry.providers.*Settings) and their senders; None = off.
    twilio: Any = None
    ringcentral: Any = None
    senders: dict[str, Any] = field(default_factory=dict)
