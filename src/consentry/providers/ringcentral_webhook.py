"""RingCentral webhook: the Validation-Token handshake, the Verification-Token check, inbound SMS.

The HTTP route is one call:

    outcome = handle_ringcentral_webhook(ledger, settings, request.headers, await request.body())
    # answer with outcome.reply, then send each of outcome.send with RingCentralClient.send_sms

Protocol (https://developers.ringcentral.com/guide/notifications/webhooks/creating-webhooks and
.../webhooks/receiving):
- when a subscription is created RingCentral POSTs with a `Validation-Token` header; we must
  answer 200 within 3 s echoing it in the same header, with a response under 1024 bytes;
- every notification then carries `Verification-Token: <the token we subscribed with>`. There is
  no HMAC signature: that header is the only proof the request came from RingCentral.

A database failure is not caught: the route answers 500 and RingCentral delivers again, which is
what we want (the ledger records each message id once).
"""

from __future__ import annotations

import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from consentry.errors import InputError
from consentry.ledger import Ledger
from consentry.providers.messages import InboundSms, OutboundSms, WebhookOutcome, WebhookReply
from consentry.providers.ringcentral_settings import RingCentralSettings

__all__ = ["PROVIDER", "IgnoredEvent", "handle_ringcentral_webhook", "parse_notification"]

PROVIDER = "ringcentral"
# https://developers.ringcentral.com/guide/notifications/event-filters/instant-message
_INSTANT_SMS = re.compile(r"/restapi/v1\.0/account/[^/]+/extension/[^/]+/message-store/instant\b")
_MAX_BODY = 256 * 1024  # an SMS notification is about 1 KB; refuse anything absurd
_TOKEN_CHARS = re.compile(r"[\x21-\x7e]{1,512}")  # printable, no spaces: safe to echo in a header


@dataclass(frozen=True, slots=True)
class IgnoredEvent:
    reason: str


def handle_ringcentral_webhook(
    ledger: Ledger,
    settings: RingCentralSettings,
    headers: Mapping[str, str],
    body: bytes,
) -> WebhookOutcome:
    """Answer one POST from RingCentral; record an inbound SMS and say what to send back."""
    lower = {k.lower(): v for k, v in headers.items()}
    validation = lower.get("validation-token")
    if validation is not None:
        if not _TOKEN_CHARS.fullmatch(validation):
            return _answer(400, "bad Validation-Token")
        # Empty JSON body: RingCentral rejects some handshakes without a JSON content type.
        return WebhookOutcome(
            WebhookReply(200, b"", "application/json", {"Validation-Token": validation})
        )
    expected = settings.verification_token
    if not expected:
        return _answer(500, "RINGCENTRAL_VERIFICATION_TOKEN is not set on this server")
    given = lower.get("verification-token")
    if given is None:
        return _answer(401, "missing Verification-Token")
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        return _answer(403, "wrong Verification-Token")
    if len(body) > _MAX_BODY:
        return _answer(413, "notification too large")
    try:
        parsed = parse_notification(body)
    except InputError as exc:
        return _answer(400, exc.message)
    if isinstance(parsed, IgnoredEvent):
        return _answer(200, f"ignored: {parsed.reason}")
    try:
        result = ledger.handle_inbound(
            parsed.from_,
            parsed.to,
            parsed.text,
            parsed.message_id,
            provider=PROVIDER,
            occurred_at=parsed.occurred_at,
        )
    except InputError as exc:
        return _answer(400, f"{exc.key}: {exc.message}" if exc.key else exc.message)
    send: tuple[OutboundSms, ...] = ()
    confirm = settings.send_opt_out_confirmation or result.action != "opt_out"
    if result.reply and not result.duplicate and confirm:
        send = (
            OutboundSms(
                provider=PROVIDER,
                from_=parsed.to,  # answer from the business number the person texted
                to=parsed.from_,
                text=result.reply,
                reason=result.action,
            ),
        )
    text = b"duplicate" if result.duplicate else b"ok"
    return WebhookOutcome(WebhookReply(200, text), send, result)


def parse_notification(body: bytes) -> InboundSms | IgnoredEvent:
    """The inbound SMS in a notification, `IgnoredEvent` for events we do not handle, or InputError."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise InputError("body is not JSON") from None
    if not isinstance(data, dict):
        raise InputError("body is not a JSON object")
    event = data.get("event")
    if not isinstance(event, str):
        raise InputError("no event")
    if not _INSTANT_SMS.search(event):
        return IgnoredEvent(f"event {event[:80]}")  # e.g. a subscription renewal reminder
    message = data.get("body")
    if not isinstance(message, dict):
        raise InputError("no body in the notification")
    if message.get("type", "SMS") != "SMS":
        return IgnoredEvent(f"type {str(message.get('type'))[:20]}")
    if message.get("direction", "Inbound") != "Inbound":
        return IgnoredEvent("outbound message")
    message_id = message.get("id")
    if not isinstance(message_id, str | int) or isinstance(message_id, bool) or message_id == "":
        raise InputError("no message id")
    sender = _number(message.get("from"))
    if sender is None:
        raise InputError("no from.phoneNumber")
    recipient = _recipient(message.get("to"))
    if recipient is None:
        raise InputError("no to[].phoneNumber")
    text = message.get("subject")
    if not isinstance(text, str):
        raise InputError("no subject (the text of the message)")
    created = message.get("creationTime")
    return InboundSms(
        provider=PROVIDER,
        from_=sender,
        to=recipient,
        text=text,
        message_id=str(message_id),
        occurred_at=created if isinstance(created, str) else None,
    )


def _number(party: Any) -> str | None:
    if isinstance(party, dict):
        value = party.get("phoneNumber")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _recipient(parties: Any) -> str | None:
    """The business number texted: the `target` recipient when RingCentral marks one."""
    if isinstance(parties, dict):
        parties = [parties]
    if not isinstance(parties, list):
        return None
    targeted = [p for p in parties if isinstance(p, dict) and p.get("target") is True]
    for party in targeted + parties:
        number = _number(party)
        if number is not None:
            return number
    return None


def _answer(status: int, text: str) -> WebhookOutcome:
    return WebhookOutcome(WebhookReply(status, text.encode("utf-8")))
