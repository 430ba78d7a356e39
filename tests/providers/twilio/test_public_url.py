"""Rebuilding the URL Twilio signed, directly and behind a proxy."""

from __future__ import annotations

import pytest
from twilio.request_validator import RequestValidator

from consentry.providers.twilio_settings import TwilioSettings
from consentry.providers.twilio_signature import public_url, verify_signature
from tests.providers.twilio.conftest import TOKEN


def test_direct_request() -> None:
    url = public_url(scheme="HTTPS", host="consent.example.com", path="/twilio/sms", query="a=1")
    assert url == "https://consent.example.com/twilio/sms?a=1"


def test_proxy_headers_ignored_unless_trusted() -> None:
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example"}
    url = public_url(scheme="http", host="app:8000", path="/sms", headers=headers)
    assert url == "http://app:8000/sms"


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"X-Forwarded-Proto": "https"}, "https://consent.example.com/sms"),
        (
            {"x-forwarded-proto": "https", "x-forwarded-host": "consent.example.com"},
            "https://consent.example.com/sms",
        ),
        (
            {"X-Forwarded-Proto": "https, http", "X-Forwarded-Host": "a.example, b.internal"},
            "https://a.example/sms",
        ),
        (
            {"X-Forwarded-Proto": "https", "X-Forwarded-Port": "443"},
            "https://consent.example.com/sms",
        ),
        (
            {"X-Forwarded-Proto": "https", "X-Forwarded-Port": "8443"},
            "https://consent.example.com:8443/sms",
        ),
        (
            {"X-Forwarded-Host": "consent.example.com:9000", "X-Forwarded-Port": "9001"},
            "http://consent.example.com:9001/sms",
        ),
        ({"X-Forwarded-Proto": "gopher"}, "http://consent.example.com/sms"),
    ],
)
def test_trusted_proxy_headers(headers: dict[str, str], expected: str) -> None:
    url = public_url(
        scheme="http", host="consent.example.com", path="/sms", headers=headers, trust_proxy=True
    )
    assert url == expected


@pytest.mark.parametrize(
    ("base", "path", "expected"),
    [
        ("https://consent.example.com", "/sms", "https://consent.example.com/sms?x=1"),
        ("https://consent.example.com/", "/sms", "https://consent.example.com/sms?x=1"),
        ("https://example.com/consentry", "/sms", "https://example.com/consentry/sms?x=1"),
        (
            "https://example.com/consentry",
            "/consentry/sms",
            "https://example.com/consentry/sms?x=1",
        ),
    ],
)
def test_public_base_url_wins(base: str, path: str, expected: str) -> None:
    headers = {"X-Forwarded-Host": "ignored.example"}
    url = public_url(
        scheme="http",
        host="127.0.0.1:8000",
        path=path,
        query="x=1",
        headers=headers,
        trust_proxy=True,
        public_base_url=base,
    )
    assert url == expected


def test_signature_survives_a_tls_proxy() -> None:
    """Twilio signs https://public/...; the app sees http://app:8000/...; with trust it matches."""
    signed = "https://consent.example.com/twilio/sms?src=tw"
    params = {"Body": "STOP", "From": "+15124470198"}
    signature = RequestValidator(TOKEN).compute_signature(signed, params)
    seen = dict(scheme="http", host="app:8000", path="/twilio/sms", query="src=tw")
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "consent.example.com"}
    assert not verify_signature(public_url(**seen), params, signature, TOKEN)  # type: ignore[arg-type]
    url = public_url(**seen, headers=headers, trust_proxy=True)  # type: ignore[arg-type]
    assert url == signed
    assert verify_signature(url, params, signature, TOKEN)


def test_settings_supply_proxy_trust_and_public_url() -> None:
    """The web layer calls `public_url(settings, ...)`."""
    trusting = TwilioSettings(auth_token=TOKEN, trust_proxy=True)
    headers = {"X-Forwarded-Proto": "https"}
    seen = dict(scheme="http", host="consent.example.com", path="/v1/webhooks/twilio")
    assert public_url(trusting, **seen, headers=headers).startswith("https://")  # type: ignore[arg-type]
    assert public_url(trusting, **seen, headers=headers, trust_proxy=False).startswith("http://")  # type: ignore[arg-type]
    fixed = TwilioSettings(auth_token=TOKEN, public_url="https://sms.example.org")
    assert public_url(fixed, **seen) == "https://sms.example.org/v1/webhooks/twilio"  # type: ignore[arg-type]
