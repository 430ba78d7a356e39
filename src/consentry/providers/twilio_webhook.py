"""Twilio's incoming-message webhook: check it, record the text in the ledger, answer.

Twilio POSTs `application/x-www-form-urlencoded` parameters (MessageSid, AccountSid,
MessagingServiceSid, From, To, Body, NumMedia, ...; with Advanced Opt-Out also OptOutType):
https://www.twilio.com/docs/messaging/guides/webhook-request
and reads TwiML from the response; `<Response/>` sends nothing, `<Message>` replies:
https://www.twilio.com/docs/messaging/twiml and https://www.twilio.com/docs/messaging/twiml/message

No web framework here: the HTTP route passes the URL Twilio requested (see
`twilio_signature.public_url`), the form pairs and the header, and returns `outcome.reply`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from consentry.errors import InputError
from consentry.ledger.api import Ledger
from consentry.ledger.inbound import InboundResult
from consentry.ledger.model import Action
from consentry.providers.messages import OutboundSms, WebhookOutcome, WebhookReply
from consentry.providers.twilio_settings import TwilioSettings
from consentry.providers.twilio_signature import (
    SIGNATURE_HEADER,
    Params,
    SignatureCheck,
    check_signature,
    param_pairs,
)

__all__ = ["TWIML_MEDIA_TYPE", "empty_twiml", "handle_twilio_webhook", "message_twiml"]

PROVIDER = "twilio"
TWIML_MEDIA_TYPE = "application/xml"
_XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>'
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_KEYWORD_ACTIONS = frozenset({Action.OPT_OUT, Action.OPT_IN, Action.HELP})
# OptOutType values and our action names:
# https://support.twilio.com/hc/en-us/articles/31560110671259-How-to-Track-Opt-Out-Opt-In-and-Help-Messages-Using-the-OptOutType-Parameter
_OPT_OUT_TYPES = {"STOP": Action.OPT_OUT, "START": Action.OPT_IN, "HELP": Action.HELP}


def empty_twiml() -> bytes:
    """TwiML that tells Twilio to send nothing."""
    return f"{_XML_DECL}<Response/>".encode()


def message_twiml(text: str) -> bytes:
    """TwiML that replies `text` to the sender."""
    body = escape(_NOT_XML.sub("", text))
    return f"{_XML_DECL}<Response><Message>{body}</Message></Response>".encode()


def _twiml(body: bytes) -> WebhookReply:
    return WebhookReply(200, body, TWIML_MEDIA_TYPE)


def _refuse(status: int, message: str) -> WebhookOutcome:
    return WebhookOutcome(WebhookReply(status, message.encode("utf-8"), "text/plain"))


def _first(pairs: Sequence[tuple[str, str]], *names: str) -> str | None:
    for name in names:
        for key, value in pairs:
            if key == name:
                return value
    return None


def handle_twilio_webhook(
    ledger: Ledger,
    settings: TwilioSettings,
    *,
    url: str,
    params: Params,
    signature: str | None,
) -> WebhookOutcome:
    """Check, record and answer one incoming-message webhook.

    401 without a signature, 403 with a wrong one (the ledger is untouched either way); 400 for
    a body that is not an incoming message or a sender that is not a phone number; otherwise
    200 with TwiML. A webhook delivered again (same MessageSid) is recorded once and answered
    with empty TwiML.
    """
    pairs = param_pairs(params)
    check = check_signature(
        url, pairs, signature, settings.auth_token, secondary_token=settings.auth_token_secondary
    )
    if check is SignatureCheck.MISSING:
        return _refuse(401, f"missing {SIGNATURE_HEADER} header: only Twilio may call this URL")
    if check is not SignatureCheck.VALID:
        return _refuse(
            403,
            f"{SIGNATURE_HEADER} does not match: check the Auth Token and that the webhook URL "
            "in the Twilio Console is exactly this service's public URL",
        )
    from_ = _first(pairs, "From")
    to = _first(pairs, "To")
    body = _first(pairs, "Body")
    # SmsSid/SmsMessageSid are deprecated copies of MessageSid, kept by older configurations.
    sid = _first(pairs, "MessageSid", "SmsMessageSid", "SmsSid")
    missing = [n for n, v in (("From", from_), ("Body", body), ("MessageSid", sid)) if v is None]
    if missing:
        return _refuse(400, f"not an incoming message: {', '.join(missing)} missing")
    assert from_ is not None and body is not None and sid is not None
    try:
        result = ledger.handle_inbound(from_, to or "", body, sid, provider=PROVIDER)
    except InputError as exc:
        return _refuse(400, exc.one_line())
    if result.duplicate:
        return WebhookOutcome(_twiml(empty_twiml()), result=result)

    opt_out_type = (_first(pairs, "OptOutType") or "").strip().upper()
    twilio_action = _OPT_OUT_TYPES.get(opt_out_type)
    if twilio_action == Action.OPT_OUT and result.action != Action.OPT_OUT:
        _record_provider_opt_out(ledger, from_, sid, result)
    service = _first(pairs, "MessagingServiceSid")
    twilio_answered = twilio_action is not None or settings.twilio_answers_keywords(
        to or "", service
    )
    reply = result.reply
    if reply is None or (twilio_answered and result.action in _KEYWORD_ACTIONS):
        # Twilio already sent its own confirmation; a second one would be a double text.
        return WebhookOutcome(_twiml(empty_twiml()), result=result)
    if settings.reply_mode == "twiml":
        return WebhookOutcome(_twiml(message_twiml(reply)), result=result)
    send = OutboundSms(
        provider=PROVIDER,
        from_=to or "",
        to=result.phone,
        text=reply,
        reason=result.action,
    )
    return WebhookOutcome(_twiml(empty_twiml()), send=(send,), result=result)


def _record_provider_opt_out(ledger: Ledger, phone: str, sid: str, result: InboundResult) -> None:
    """Twilio says this text opted the number out (a custom Advanced Opt-Out keyword, say) but
    our classifier did not: Twilio now blocks the number, so the ledger must say so too."""
    ledger.record_opt_out(
        phone,
        method="keyword",
        provider=PROVIDER,
        # Its own id, so a redelivery cannot record it twice.
        provider_message_id=f"{sid}:OptOutType",
        note="Twilio reported OptOutType=STOP (Advanced Opt-Out)",
        extra={"inbound_event": result.event_id},
    )
