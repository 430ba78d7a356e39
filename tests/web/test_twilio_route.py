"""Twilio's webhook through the real HTTP route: signature, TwiML, REST replies, no doubles."""

from __future__ import annotations

import time
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from consentry.ledger import Ledger, LedgerConfig, Replies
from consentry.providers.twilio import TwilioClient, TwilioSettings
from consentry.web import ServiceSettings, create_app
from tests.providers.twilio.fake_twilio import FakeTwilio, inbound_params, signed_webhook

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SENDER = "+15124470198"
BUSINESS = "+15125550100"
# TestClient's base URL: the URL Twilio would have signed when this is the public address.
URL = "http://testserver/v1/webhooks/twilio"


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server:
        yield server


def make(tmp_path: Any, fake: FakeTwilio, **twilio: Any) -> tuple[TestClient, Ledger]:
    ledger = Ledger(
        f"sqlite:///{tmp_path / 'l.db'}",
        config=LedgerConfig(replies=Replies(brand_name="Maple Street Dental")),
    )
    settings = TwilioSettings(
        auth_token=fake.auth_token,
        account_sid=fake.account_sid,
        api_base_url=fake.base_url,
        **twilio,
    )
    client = TwilioClient.from_settings(settings, backoff=0.01)
    service = ServiceSettings(twilio=settings, senders={"twilio": client})
    return TestClient(create_app(ledger, service), raise_server_exceptions=False), ledger


def post(http: TestClient, params: dict[str, str], token: str, url: str = URL) -> Any:
    body, headers = signed_webhook(url, params, token)
    return http.post(url.replace("http://testserver", ""), content=body, headers=headers)


def wait_for(predicate: Any, timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_stop_in_twiml_mode(tmp_path: Any, fake: FakeTwilio) -> None:
    http, ledger = make(tmp_path, fake)
    with http:
        params = inbound_params(SENDER, BUSINESS, "Stop please")
        r = post(http, params, fake.auth_token)
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/xml")
        assert "<Message>Maple Street Dental: You are unsubscribed" in r.text
        # Twilio retries the same MessageSid: recorded once, no second confirmation.
        again = post(http, params, fake.auth_token)
        assert again.status_code == 200 and "<Message>" not in again.text
    assert ledger.number_state(SENDER).state == "opted_out"
    assert ledger.verify().events == 2  # the opt-out and its one confirmation
    assert fake.messages == []  # TwiML answered it; nothing through the REST API
    ledger.close()


def test_rest_mode_sends_after_answering(tmp_path: Any, fake: FakeTwilio) -> None:
    http, ledger = make(tmp_path, fake, reply_mode="rest")
    with http:
        r = post(http, inbound_params(SENDER, BUSINESS, "HELP"), fake.auth_token)
        assert r.status_code == 200 and "<Message>" not in r.text
        assert wait_for(lambda: len(fake.messages) == 1)
    sent = fake.messages[0]
    assert (sent["To"], sent["From"]) == (SENDER, BUSINESS)
    assert sent["Body"].startswith("Maple Street Dental")
    ledger.close()


def test_advanced_opt_out_means_no_second_confirmation(tmp_path: Any, fake: FakeTwilio) -> None:
    http, ledger = make(tmp_path, fake, advanced_opt_out=True)
    with http:
        r = post(
            http, inbound_params(SENDER, BUSINESS, "STOP", opt_out_type="STOP"), fake.auth_token
        )
        assert r.status_code == 200 and "<Message>" not in r.text
    assert ledger.number_state(SENDER).state == "opted_out"
    ledger.close()


@pytest.mark.parametrize("forge", ["missing", "wrong-token", "tampered"])
def test_forged_webhooks_change_nothing(tmp_path: Any, fake: FakeTwilio, forge: str) -> None:
    http, ledger = make(tmp_path, fake)
    params = inbound_params(SENDER, BUSINESS, "STOP")
    body, headers = signed_webhook(
        URL, params, "0" * 32 if forge == "wrong-token" else fake.auth_token
    )
    if forge == "missing":
        headers.pop("X-Twilio-Signature")
    if forge == "tampered":
        body = body.replace(b"STOP", b"START")
    with http:
        r = http.post("/v1/webhooks/twilio", content=body, headers=headers)
    assert r.status_code == (401 if forge == "missing" else 403)
    assert ledger.verify().events == 0
    ledger.close()


def test_behind_a_proxy_the_public_url_is_checked(tmp_path: Any, fake: FakeTwilio) -> None:
    http, ledger = make(tmp_path, fake, public_url="https://consent.example.com")
    public = "https://consent.example.com/v1/webhooks/twilio"
    body, headers = signed_webhook(
        public, inbound_params(SENDER, BUSINESS, "STOP"), fake.auth_token
    )
    with http:
        assert http.post("/v1/webhooks/twilio", content=body, headers=headers).status_code == 200
        body, headers = signed_webhook(URL, inbound_params(SENDER, BUSINESS, "x"), fake.auth_token)
        assert http.post("/v1/webhooks/twilio", content=body, headers=headers).status_code == 403
    ledger.close()
