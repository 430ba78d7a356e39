"""Twilio: everything the service and the CLI need, in one import.

    settings = TwilioSettings.from_env()                  # TWILIO_AUTH_TOKEN, ...
    url = public_url(scheme=..., host=..., path=..., query=..., headers=...,
                     trust_proxy=settings.trust_proxy, public_base_url=settings.public_url)
    outcome = handle_twilio_webhook(ledger, settings, url=url, params=form_pairs,
                                    signature=headers.get("X-Twilio-Signature"))
    for sms in outcome.send:                               # only in reply_mode "rest"
        TwilioClient.from_settings(settings).send_sms(sms.from_, sms.to, sms.text)

The pieces live in modules named after their concern: `twilio_signature`, `twilio_settings`,
`twilio_webhook`, `twilio_client`. Docs: docs/twilio.md.
"""

from consentry.providers.twilio_client import (
    IncomingNumber,
    TwilioApiError,
    TwilioClient,
    TwilioRecipientUnsubscribed,
)
from consentry.providers.twilio_settings import ENV, ReplyMode, TwilioSettings
from consentry.providers.twilio_signature import (
    SIGNATURE_HEADER,
    SignatureCheck,
    check_signature,
    compute_signature,
    public_url,
    verify_signature,
)
from consentry.providers.twilio_webhook import (
    TWIML_MEDIA_TYPE,
    empty_twiml,
    handle_twilio_webhook,
    message_twiml,
)

__all__ = [
    "ENV",
    "SIGNATURE_HEADER",
    "TWIML_MEDIA_TYPE",
    "IncomingNumber",
    "ReplyMode",
    "SignatureCheck",
    "TwilioApiError",
    "TwilioClient",
    "TwilioRecipientUnsubscribed",
    "TwilioSettings",
    "check_signature",
    "compute_signature",
    "empty_twiml",
    "handle_twilio_webhook",
    "message_twiml",
    "public_url",
    "verify_signature",
]
