"""Which providers this service talks to, from the config file and the environment.

A provider is switched on by its section in the config file or by its variables in the
environment (TWILIO_AUTH_TOKEN; RINGCENTRAL_VERIFICATION_TOKEN). Its webhook then checks
signatures or tokens; its REST client (when credentials allow) sends the replies that cannot go
back in the webhook's own answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from consentry.errors import InputError
from consentry.web.settings import ServiceSettings

__all__ = ["configure_providers"]


def configure_providers(
    settings: ServiceSettings,
    data: Mapping[str, Any],
    env: Mapping[str, str],
    *,
    source: str | None = None,
) -> None:
    if "twilio" in data or env.get("TWILIO_AUTH_TOKEN", "").strip():
        _twilio(settings, data.get("twilio"), env, source)
    if "ringcentral" in data or any(
        env.get(v, "").strip() for v in ("RINGCENTRAL_VERIFICATION_TOKEN", "RINGCENTRAL_JWT")
    ):
        _ringcentral(settings, data.get("ringcentral"), env, source)


def _twilio(
    settings: ServiceSettings, section: Any, env: Mapping[str, str], source: str | None
) -> None:
    from consentry.providers.twilio import TwilioClient, TwilioSettings

    twilio = (
        TwilioSettings.from_env(env)
        if section is None
        else TwilioSettings.from_mapping(section or {}, source=source, environ=env)
    )
    settings.twilio = twilio
    if twilio.account_sid:
        settings.senders["twilio"] = TwilioClient.from_settings(twilio)


def _ringcentral(
    settings: ServiceSettings, section: Any, env: Mapping[str, str], source: str | None
) -> None:
    from consentry.providers.ringcentral import RingCentralClient, RingCentralSettings

    # The config file was read once already (web.config): hand over its section, not the path.
    rc = RingCentralSettings.from_env(env, section=section or {}, source=source)
    if not rc.verification_token:
        raise InputError(
            "is not set, so RingCentral's webhook could not be checked; run "
            "`consentry ringcentral connect` to make one",
            source=source or "environment",
            key="RINGCENTRAL_VERIFICATION_TOKEN",
        )
    settings.ringcentral = rc
    if rc.client_id and rc.client_secret and rc.jwt:
        settings.senders["ringcentral"] = RingCentralClient(rc)
