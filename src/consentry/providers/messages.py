"""The shapes every provider adapter speaks, so the HTTP layer treats them alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from consentry.errors import ConsentryError

if TYPE_CHECKING:
    from consentry.ledger.inbound import InboundResult

__all__ = [
    "InboundSms",
    "OutboundSms",
    "ProviderError",
    "SmsSender",
    "WebhookOutcome",
    "WebhookReply",
]


class ProviderError(ConsentryError):
    """The provider's API refused or failed a request after retries; `status` is its HTTP code."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class InboundSms:
    """One inbound text as the provider delivered it."""

    provider: str  # "twilio" | "ringcentral"
    from_: str
    to: str
    text: str
    message_id: str | None
    occurred_at: str | None = None  # ISO-8601 when the provider says


@dataclass(frozen=True, slots=True)
class OutboundSms:
    """A text to send after the webhook has been answered."""

    provider: str
    from_: str
    to: str
    text: str
    reason: str  # why: "opt_out" | "opt_in" | "help"


@dataclass(frozen=True, slots=True)
class WebhookReply:
    """The HTTP response to give the provider, exactly."""

    status: int
    body: bytes = b""
    media_type: str = "text/plain"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class WebhookOutcome:
    reply: WebhookReply
    send: tuple[OutboundSms, ...] = ()
    result: InboundResult | None = None  # what the ledger did, when a message was processed


class SmsSender(Protocol):
    def send_sms(self, from_: str, to: str, text: str) -> str:
        """Send one text; returns the provider's message id. Raises ProviderError."""
        ...
