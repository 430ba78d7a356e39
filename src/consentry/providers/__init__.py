"""SMS providers (RingCentral, Twilio): webhook checks, inbound parsing, sending, opt-out lists.

Core code: no web framework. A provider's webhook handler takes what the HTTP layer received
(URL, headers, body) and returns a `WebhookOutcome`: the exact response to give the provider and,
separately, any text to send through the provider's REST API after answering (so the webhook
answers fast and a slow provider API never delays or fails the acknowledgement).
"""

from consentry.providers.messages import (
    InboundSms,
    OutboundSms,
    ProviderError,
    SmsSender,
    WebhookOutcome,
    WebhookReply,
)

__all__ = [
    "InboundSms",
    "OutboundSms",
    "ProviderError",
    "SmsSender",
    "WebhookOutcome",
    "WebhookReply",
]
