"""RingCentral's webhook through the real HTTP route, replies sent to the stand-in server."""

from __future__ import annotations

import copy
import json
import time
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from consentry.ledger import Ledger, LedgerConfig, Replies
from consentry.providers.ringcentral import RingCentralClient, RingCentralSettings
from consentry.web import ServiceSettings, create_app
from tests.providers.ringcentral.fake_ringcentral import BUSINESS, FakeRingCentral, payload, running

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "verification-token-for-tests"
CUSTOMER = "+15124470198"


@pytest.fixture
def fake() -> Iterator[FakeRingCentral]:
    with running(validate_webhooks=False) as server:
        yield server


@pytest.fixture
def service(tmp_path: Any, fake: FakeRingCentral) -> Iterator[tuple[TestClient, Ledger]]:
    ledger = Ledger(
        f"sqlite:///{tmp_path / 'l.db'}",
        config=LedgerConfig(replies=Replies(brand_name="Cedar Grove Property Management")),
    )
    rc = RingCentralSettings(
        server_url=fake.url,
        client_id=fake.client_id,
        client_secret=fake.client_secret,
        jwt=fake.jwt,
        verification_token=TOKEN,
        backoff_base=0.01,
    )
    settings = ServiceSettings(ringcentral=rc, senders={"ringcentral": RingCentralClient(rc)})
    with TestClient(create_app(ledger, settings), raise_server_exceptions=False) as http:
        yield http, ledger
    ledger.close()


def notification(text: str, message_id: str = "606090030016") -> bytes:
    data = copy.deepcopy(payload("instant_sms"))
    data.pop("_source", None)
    data["body"].update(id=message_id, subject=text)
    data["body"]["from"]["phoneNumber"] = CUSTOMER
    return json.dumps(data).encode()


def wait_for(predicate: Any, timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_validation_handshake_echoes_the_token(service: tuple[TestClient, Ledger]) -> None:
    http, ledger = service
    r = http.post("/v1/webhooks/ringcentral", headers={"Validation-Token": "abc-123"})
    assert r.status_code == 200 and r.headers["validation-token"] == "abc-123"
    assert len(r.content) + sum(len(k) + len(v) for k, v in r.headers.items()) < 1024
    assert ledger.verify().events == 0


def test_stop_is_recorded_and_confirmed_once(
    service: tuple[TestClient, Ledger], fake: FakeRingCentral
) -> None:
    http, ledger = service
    headers = {"Verification-Token": TOKEN, "Content-Type": "application/json"}
    r = http.post("/v1/webhooks/ringcentral", content=notification("STOP"), headers=headers)
    assert r.status_code == 200
    assert ledger.number_state(CUSTOMER).state == "opted_out"
    assert wait_for(lambda: len(fake.sent) == 1)
    sent = fake.sent[0]
    assert sent["to"] == [{"phoneNumber": CUSTOMER}]
    assert sent["from"] == {"phoneNumber": BUSINESS}
    assert sent["text"].startswith("Cedar Grove Property Management")
    # RingCentral delivers the same notification again: recorded once, no second text.
    again = http.post("/v1/webhooks/ringcentral", content=notification("STOP"), headers=headers)
    assert again.status_code == 200
    time.sleep(0.2)
    assert len(fake.sent) == 1
    assert ledger.verify().events == 2


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Verification-Token": "guess"}, 403)],
)
def test_missing_or_wrong_token_changes_nothing(
    service: tuple[TestClient, Ledger], fake: FakeRingCentral, headers: dict[str, str], status: int
) -> None:
    http, ledger = service
    r = http.post("/v1/webhooks/ringcentral", content=notification("STOP"), headers=headers)
    assert r.status_code == status
    assert ledger.verify().events == 0 and fake.sent == []


def test_garbage_is_400(service: tuple[TestClient, Ledger]) -> None:
    http, ledger = service
    r = http.post(
        "/v1/webhooks/ringcentral", content=b"{not json", headers={"Verification-Token": TOKEN}
    )
    assert r.status_code == 400 and ledger.verify().events == 0


def test_provider_outage_does_not_lose_the_opt_out(
    service: tuple[TestClient, Ledger], fake: FakeRingCentral
) -> None:
    http, ledger = service
    fake.fail_next(50, 503)
    headers = {"Verification-Token": TOKEN}
    r = http.post("/v1/webhooks/ringcentral", content=notification("unsubscribe"), headers=headers)
    assert r.status_code == 200  # answered at once; the reply is sent (or not) afterwards
    assert ledger.number_state(CUSTOMER).state == "opted_out"
