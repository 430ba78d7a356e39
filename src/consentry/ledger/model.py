"""Value objects of the consent ledger.

Enum values are stored in the database and hashed into the chain, so they are additive-only:
add new members, never rename or remove one (tests/ledger/test_model.py pins them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

__all__ = [
    "GENESIS_HASH",
    "WRITTEN_METHODS",
    "Action",
    "ConsentState",
    "Event",
    "EventDraft",
    "EventType",
    "Kind",
    "Method",
    "Reason",
]

GENESIS_HASH = "0" * 64  # prev_hash of the first event


class EventType(StrEnum):
    OPT_IN = "opt_in"
    OPT_OUT = "opt_out"
    HELP_REQUEST = "help_request"
    MESSAGE_RECEIVED = "message_received"  # an inbound text that asked for nothing
    CONFIRMATION_REQUESTED = "confirmation_requested"  # double opt-in: "Reply YES to confirm"
    OPT_IN_CONFIRMATION_SENT = "opt_in_confirmation_sent"
    OPT_OUT_CONFIRMATION_SENT = "opt_out_confirmation_sent"
    HELP_SENT = "help_sent"
    REVOCATION_REVIEW = "revocation_review"
    REVIEW_RESOLVED = "review_resolved"
    CONSENT_IMPORTED = "consent_imported"


class Method(StrEnum):
    WEB_FORM = "web_form"
    KEYWORD = "keyword"
    VERBAL = "verbal"
    PAPER = "paper"
    API = "api"
    IMPORT = "import"


# Methods whose opt-ins can be express *written* consent (R119) when they carry the disclosure.
WRITTEN_METHODS = frozenset({Method.WEB_FORM, Method.PAPER, Method.KEYWORD})


class ConsentState(StrEnum):
    OPTED_IN = "opted_in"
    OPTED_OUT = "opted_out"
    UNKNOWN = "unknown"


class Action(StrEnum):
    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"
    REVIEW = "review"
    NONE = "none"


class Kind(StrEnum):
    MARKETING = "marketing"
    INFORMATIONAL = "informational"


class Reason(StrEnum):
    OPTED_OUT = "opted_out"
    NO_CONSENT = "no_consent"
    QUIET_HOURS = "quiet_hours"
    INVALID_NUMBER = "invalid_number"


@dataclass(frozen=True, slots=True)
class EventDraft:
    """An event before the ledger gives it a place in the chain."""

    event_id: str
    brand: str
    phone: str
    type: str
    occurred_at: datetime
    campaign: str | None = None
    method: str | None = None
    provider: str | None = None
    provider_message_id: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Event:
    """A recorded event: its place in the chain and the hashes that seal it.

    `type` and `method` are plain strings so that rows written by a newer version still load.
    """

    seq: int
    event_id: str
    brand: str
    phone: str
    type: str
    occurred_at: datetime
    recorded_at: datetime
    campaign: str | None
    method: str | None
    provider: str | None
    provider_message_id: str | None
    data: Mapping[str, Any]
    prev_hash: str
    hash: str

    def as_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "event_id": self.event_id,
            "brand": self.brand,
            "campaign": self.campaign,
            "phone": self.phone,
            "type": self.type,
            "method": self.method,
            "occurred_at": self.occurred_at.isoformat(),
            "recorded_at": self.recorded_at.isoformat(),
            "provider": self.provider,
            "provider_message_id": self.provider_message_id,
            "data": dict(self.data),
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }
