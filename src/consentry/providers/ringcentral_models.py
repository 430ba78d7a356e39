"""What the RingCentral API returns, as value objects: subscriptions, numbers, consent records."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

__all__ = [
    "SMS_EVENT_FILTER",
    "ConsentFailure",
    "ConsentRecord",
    "EnsuredSubscription",
    "PhoneNumber",
    "Subscription",
]

# https://developers.ringcentral.com/guide/notifications/event-filters/instant-message
SMS_EVENT_FILTER = "/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS"
# RingCentral lists filters with the account and extension ids filled in.
_SMS_FILTER = re.compile(
    r"^/restapi/v1\.0/account/[^/]+/extension/[^/]+/message-store/instant\?type=SMS$"
)


@dataclass(frozen=True, slots=True)
class Subscription:
    id: str
    status: str  # Active | Suspended | Blacklisted
    address: str | None
    event_filters: tuple[str, ...]
    expires_at: datetime | None
    verification_token: str | None = field(default=None, repr=False)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Subscription:
        mode = data.get("deliveryMode") or {}
        expires = _parse_time(data.get("expirationTime"))
        if expires is None and isinstance(data.get("expiresIn"), int):
            expires = datetime.now(UTC) + timedelta(seconds=data["expiresIn"])
        return cls(
            id=str(data.get("id", "")),
            status=str(data.get("status", "")),
            address=mode.get("address"),
            event_filters=tuple(str(f) for f in data.get("eventFilters") or ()),
            expires_at=expires,
            verification_token=mode.get("verificationToken"),
        )

    @property
    def listens_for_sms(self) -> bool:
        return any(f == SMS_EVENT_FILTER or _SMS_FILTER.match(f) for f in self.event_filters)


@dataclass(frozen=True, slots=True)
class EnsuredSubscription:
    subscription: Subscription
    action: str  # created | recreated | renewed | kept


@dataclass(frozen=True, slots=True)
class PhoneNumber:
    phone_number: str
    usage_type: str | None
    features: tuple[str, ...]

    @property
    def sms(self) -> bool:
        # https://developers.ringcentral.com/guide/messaging/sms/sms-requirements
        return bool({"SmsSender", "A2PSmsSender"} & set(self.features))


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """One row of RingCentral's SMS consent list: `to` opted out of (or back in to) `from_`."""

    from_: str  # a business number, or "*" for every number of the account
    to: str
    opt_status: str  # OptOut | OptIn
    source: str | None = None  # Recipient | Api | Upstream | Carrier
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class ConsentFailure:
    to: str
    opt_status: str
    message: str


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
