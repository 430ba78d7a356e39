"""The public form-capture path: consent evidence posted by the website snippet.

It needs no API key, so it trusts nothing it cannot check: the publishable site key must exist,
the browser's Origin (and the page URL) must be one of the site's origins, each visitor IP gets
a small request budget, and a filled-in honeypot field is accepted but not recorded (a bot learns
nothing). The time recorded is the server's: a visitor's clock can be wrong by hours, and a
consent must not be refused for that; the browser's time is kept alongside as `client_time`.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from consentry.errors import ConsentryError, InputError
from consentry.ledger.fields import clean_text

if TYPE_CHECKING:
    from consentry.ledger.api import Ledger

__all__ = ["CaptureRefused", "CaptureResult", "RateLimiter", "capture"]

_FIELDS = {
    "site_key",
    "phone",
    "disclosure_text",
    "checkbox_checked",
    "page_url",
    "form_id",
    "occurred_at",
    "honeypot",
    "campaign",
}


class CaptureRefused(ConsentryError):
    """A capture the service will not take: unknown key (403), wrong origin (403), too many (429)."""

    def __init__(self, message: str, status: int, *, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class CaptureResult:
    recorded: bool
    reason: str | None = None
    event_id: str | None = None
    phone: str | None = None
    hash: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"recorded": self.recorded}
        if self.reason:
            out["reason"] = self.reason
        if self.event_id:
            out.update(event_id=self.event_id, phone=self.phone, hash=self.hash)
        return out


class RateLimiter:
    """A token bucket per client (IP): `burst` at once, refilled at `per_minute`.

    Kept in memory and bounded (least recently seen clients are forgotten first), so it limits
    each worker process separately; that is enough to stop one browser or script flooding.
    """

    def __init__(self, per_minute: float = 30, burst: int = 10, max_clients: int = 50_000) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, client: str, now: float | None = None) -> float:
        """0 when allowed; otherwise the seconds to wait."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.pop(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
            self._buckets[client] = (tokens - 1 if wait == 0 else tokens, now)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
            return wait


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def capture(
    ledger: Ledger,
    payload: Mapping[str, Any],
    *,
    origin: str | None,
    ip: str | None,
    user_agent: str | None,
    limiter: RateLimiter | None = None,
) -> CaptureResult:
    if not isinstance(payload, Mapping):
        raise InputError("the body must be a JSON object", key="body")
    unknown = sorted(set(payload) - _FIELDS)
    if unknown:
        raise InputError(f"unknown field {unknown[0]!r}", key=unknown[0])
    if limiter is not None:
        wait = limiter.take(ip or "?")
        if wait:
            raise CaptureRefused(
                "too many submissions from this address; try again shortly",
                429,
                retry_after=max(1, round(wait)),
            )
    site = ledger.site_by_key(_text(payload, "site_key"))
    if site is None:
        raise CaptureRefused("unknown or revoked site key; copy the snippet again", 403)
    if not site.allows_origin(origin):
        raise CaptureRefused(f"this site key does not accept submissions from {origin!r}", 403)
    page_url = clean_text(_text(payload, "page_url"), "page_url")
    if page_url and not site.allows_origin(_origin_of(page_url)):
        raise CaptureRefused("page_url is not on one of the site's origins", 403)
    if _text(payload, "honeypot"):
        return CaptureResult(False, "ignored")
    checked = payload.get("checkbox_checked")
    if not isinstance(checked, bool):
        raise InputError("must be true or false", key="checkbox_checked")
    if not checked:
        return CaptureResult(False, "checkbox_not_checked")
    extra: dict[str, Any] = {"site_id": site.site_id, "origin": origin}
    client_time = clean_text(_text(payload, "occurred_at"), "occurred_at")
    if client_time:
        extra["client_time"] = client_time[:64]
    recorded = ledger.record_consent(
        _text(payload, "phone") or "",
        "web_form",
        disclosure_text=_text(payload, "disclosure_text"),
        page_url=page_url,
        form_id=_text(payload, "form_id"),
        checkbox_checked=True,
        ip=ip,
        user_agent=user_agent,
        brand=site.brand,
        campaign=_text(payload, "campaign") or site.campaign,
        extra=extra,
    )
    return CaptureResult(True, None, recorded.event_id, recorded.phone, recorded.hash)


def _text(payload: Mapping[str, Any], key: str) -> str | None:
    value = payload.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError("must be text", key=key)
    return value
