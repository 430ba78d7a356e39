"""RingCentral adapter: what the web layer and the CLI import.

    from consentry.providers.ringcentral import (
        RingCentralClient, RingCentralSettings, handle_ringcentral_webhook,
    )

    settings = RingCentralSettings.from_env()
    outcome = handle_ringcentral_webhook(ledger, settings, headers, body)  # answer outcome.reply
    with RingCentralClient(settings) as client:                              # then, in background:
        for sms in outcome.send:
            client.send_sms(sms.from_, sms.to, sms.text)

The pieces live in modules named after their concern: `ringcentral_settings`,
`ringcentral_client` (with `ringcentral_models`), `ringcentral_webhook` and
`ringcentral_sync`. Set-up: docs/ringcentral.md.
"""

from __future__ import annotations

from consentry.providers.ringcentral_client import RingCentralClient
from consentry.providers.ringcentral_models import (
    SMS_EVENT_FILTER,
    ConsentFailure,
    ConsentRecord,
    EnsuredSubscription,
    PhoneNumber,
    Subscription,
)
from consentry.providers.ringcentral_settings import DEFAULT_SERVER, RingCentralSettings
from consentry.providers.ringcentral_sync import Difference, SyncReport, compare, sync_consents
from consentry.providers.ringcentral_webhook import (
    PROVIDER,
    IgnoredEvent,
    handle_ringcentral_webhook,
    parse_notification,
)

__all__ = [
    "DEFAULT_SERVER",
    "PROVIDER",
    "SMS_EVENT_FILTER",
    "ConsentFailure",
    "ConsentRecord",
    "Difference",
    "EnsuredSubscription",
    "IgnoredEvent",
    "PhoneNumber",
    "RingCentralClient",
    "RingCentralSettings",
    "Subscription",
    "SyncReport",
    "compare",
    "handle_ringcentral_webhook",
    "parse_notification",
    "sync_consents",
]
