"""The httpx client against the stand-in server: login, refresh, 401 retry, backoff, endpoints."""

from __future__ import annotations

import socket
from datetime import timedelta

import httpx
import pytest

from consentry.errors import InputError
from consentry.providers.messages import ProviderError, SmsSender
from consentry.providers.ringcentral import RingCentralClient, RingCentralSettings
from tests.providers.ringcentral.conftest import TOKEN
from tests.providers.ringcentral.fake_ringcentral import (
    BUSINESS,
    OTHER_BUSINESS,
    FakeRingCentral,
)
from tests.providers.ringcentral.local_webhook import LocalWebhook

CUSTOMER = "+15124470198"
JWT = "urn:ietf:params:oauth:grant-type:jwt-bearer"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_client_is_an_sms_sender(client: RingCentralClient) -> None:
    sender: SmsSender = client  # the Protocol the web layer uses
    assert callable(sender.send_sms)


def test_login_with_jwt_then_send(fake: FakeRingCentral, client: RingCentralClient) -> None:
    message_id = client.send_sms(BUSINESS, CUSTOMER, "Maple Street Dental: see you at 3pm")
    assert message_id.isdigit()
    assert fake.grants == [JWT]
    assert fake.sent == [
        {
            "from": {"phoneNumber": BUSINESS},
            "to": [{"phoneNumber": CUSTOMER}],
            "text": "Maple Street Dental: see you at 3pm",
        }
    ]
    client.send_sms(BUSINESS, CUSTOMER, "again")
    assert fake.grants == [JWT]  # the token is cached
    assert client.owner_id == "2253168021"


def test_wrong_credentials_say_what_to_check_without_echoing_secrets(
    fake: FakeRingCentral,
) -> None:
    settings = fake.settings(client_secret="wrong-secret-value", jwt="wrong.jwt.value")
    with RingCentralClient(settings) as rc, pytest.raises(ProviderError) as err:
        rc.send_sms(BUSINESS, CUSTOMER, "hi")
    text = str(err.value)
    assert "refused the login" in text and "RINGCENTRAL_CLIENT_SECRET" in text
    assert "wrong-secret-value" not in text and "wrong.jwt.value" not in text
    assert fake.sent == []


def test_missing_credentials_name_the_variable(fake: FakeRingCentral) -> None:
    with pytest.raises(InputError) as err:
        RingCentralClient(fake.settings(jwt=None))
    assert err.value.key == "RINGCENTRAL_JWT"


def test_refreshes_before_the_token_expires(fake: FakeRingCentral) -> None:
    clock = Clock()
    with RingCentralClient(fake.settings(), clock=clock, sleep=clock.sleep) as rc:
        rc.phone_numbers()
        clock.now += fake.access_ttl - 30  # inside the one-minute margin
        rc.phone_numbers()
    assert fake.grants == [JWT, "refresh_token"]
    assert fake.count("GET", "/restapi/v1.0/account/~/extension/~/phone-number") == 2


def test_an_expired_refresh_token_falls_back_to_the_jwt(fake: FakeRingCentral) -> None:
    clock = Clock()
    with RingCentralClient(fake.settings(), clock=clock, sleep=clock.sleep) as rc:
        rc.phone_numbers()
        clock.now += fake.refresh_ttl + 1
        rc.phone_numbers()
    assert fake.grants == [JWT, JWT]


def test_a_401_re_authenticates_once_and_retries(
    fake: FakeRingCentral, client: RingCentralClient
) -> None:
    client.send_sms(BUSINESS, CUSTOMER, "one")
    fake.expire_tokens()  # RingCentral revoked it early; our clock still thinks it is fine
    client.send_sms(BUSINESS, CUSTOMER, "two")
    assert fake.grants == [JWT, "refresh_token"]
    assert len(fake.sent) == 2
    assert fake.count("POST", "/restapi/v1.0/account/~/extension/~/sms") == 3


def test_429_waits_at_least_retry_after_then_succeeds(fake: FakeRingCentral) -> None:
    clock = Clock()
    with RingCentralClient(fake.settings(retry_budget=30.0), clock=clock, sleep=clock.sleep) as rc:
        rc.login()
        fake.fail_next(2, 429, retry_after=3)
        rc.send_sms(BUSINESS, CUSTOMER, "hi")
    assert len(clock.slept) == 2 and all(s >= 3 for s in clock.slept)
    assert len(fake.sent) == 1


def test_503_backs_off_exponentially_with_jitter(fake: FakeRingCentral) -> None:
    clock = Clock()
    settings = fake.settings(backoff_base=1.0, backoff_cap=100.0, max_attempts=4, retry_budget=30.0)
    with RingCentralClient(settings, clock=clock, sleep=clock.sleep, jitter=lambda: 0.5) as rc:
        rc.login()
        fake.fail_next(3, 503)
        rc.phone_numbers()
    assert clock.slept == [0.75, 1.5, 3.0]  # base 1, 2, 4 with equal jitter at 0.5


def test_gives_up_after_max_attempts(fake: FakeRingCentral, client: RingCentralClient) -> None:
    client.login()
    fake.fail_next(10, 503)
    before = len(fake.requests)
    with pytest.raises(ProviderError) as err:
        client.send_sms(BUSINESS, CUSTOMER, "hi")
    assert err.value.status == 503 and "try again later" in str(err.value)
    assert len(fake.requests) - before == client.settings.max_attempts
    assert fake.sent == []


def test_a_retry_after_beyond_the_budget_gives_up_at_once(fake: FakeRingCentral) -> None:
    clock = Clock()
    with RingCentralClient(fake.settings(), clock=clock, sleep=clock.sleep) as rc:
        rc.login()
        fake.fail_next(1, 429, retry_after=120)
        with pytest.raises(ProviderError) as err:
            rc.send_sms(BUSINESS, CUSTOMER, "hi")
    assert err.value.status == 429 and "in 120 s" in str(err.value)
    assert clock.slept == []


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_connection_errors_are_retried_then_reported() -> None:
    calls: list[str] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        raise httpx.ConnectError("refused", request=request)

    settings = RingCentralSettings(
        server_url=f"http://127.0.0.1:{_closed_port()}",
        client_id="c",
        client_secret="s",
        jwt="j",
        backoff_base=0.001,
    )
    rc = RingCentralClient(settings, transport=httpx.MockTransport(refuse))
    with rc, pytest.raises(ProviderError) as err:
        rc.login()
    assert "cannot reach RingCentral" in str(err.value)
    assert len(calls) == settings.max_attempts


def test_a_post_that_may_have_arrived_is_not_repeated(fake: FakeRingCentral) -> None:
    calls: list[str] = []
    real = httpx.HTTPTransport()

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path.endswith("/sms"):
            raise httpx.ReadTimeout("slow", request=request)
        return real.handle_request(request)

    rc = RingCentralClient(fake.settings(), transport=httpx.MockTransport(flaky))
    with rc, pytest.raises(ProviderError):
        rc.send_sms(BUSINESS, CUSTOMER, "hi")
    assert calls.count("/restapi/v1.0/account/~/extension/~/sms") == 1  # no double text


def test_api_errors_carry_ringcentrals_code(client: RingCentralClient) -> None:
    with pytest.raises(ProviderError) as err:
        client.send_sms(OTHER_BUSINESS, CUSTOMER, "hi")  # a number without SmsSender
    assert err.value.status == 400 and "MSG-245" in str(err.value)


def test_phone_numbers_follow_pages_and_flag_sms(
    fake: FakeRingCentral, client: RingCentralClient
) -> None:
    extra = [
        {"phoneNumber": f"+1512555{i:04d}", "usageType": "DirectNumber", "features": ["SmsSender"]}
        for i in range(150)
    ]
    fake.phone_numbers.extend(extra)
    numbers = client.phone_numbers()
    assert len(numbers) == 152
    assert {n.phone_number for n in numbers if not n.sms} == {OTHER_BUSINESS}
    assert fake.count("GET", "/restapi/v1.0/account/~/extension/~/phone-number") == 2


def test_consents_follow_page_tokens(fake: FakeRingCentral, client: RingCentralClient) -> None:
    for i in range(1201):
        fake.add_consent(BUSINESS, f"+1512444{i:04d}")
    fake.add_consent("*", "+15124470198", "OptIn", "Api")
    records = list(client.consents(("OptOut",)))
    assert len(records) == 1201 and {r.opt_status for r in records} == {"OptOut"}
    assert fake.count("GET", "/restapi/v2/accounts/~/sms/consents") == 2
    both = list(client.consents(("OptOut", "OptIn")))
    assert len(both) == 1202


def test_update_consents_reports_refused_records(
    fake: FakeRingCentral, client: RingCentralClient
) -> None:
    failures = client.update_consents([(CUSTOMER, "OptOut"), ("12", "OptOut")])
    assert fake.consents[("*", CUSTOMER)]["optStatus"] == "OptOut"
    assert fake.consents[("*", CUSTOMER)]["source"] == "Api"
    assert [(f.to, f.opt_status) for f in failures] == [("12", "OptOut")]


# -- subscriptions -----------------------------------------------------------------------------
def test_ensure_subscription_creates_after_the_handshake(
    fake: FakeRingCentral, client: RingCentralClient, settings: RingCentralSettings
) -> None:
    with LocalWebhook(None, settings) as hook:  # type: ignore[arg-type]
        ensured = client.ensure_subscription(hook.url, TOKEN)
        assert ensured.action == "created"
        assert [o.reply.headers.get("Validation-Token") for o in hook.outcomes] == [
            hook.outcomes[0].reply.headers["Validation-Token"]
        ]
        [sub] = fake.subscriptions.values()
        assert sub["_token"] == TOKEN and sub["deliveryMode"]["address"] == hook.url
        assert sub["expiresIn"] == settings.subscription_expires_in
        assert ensured.subscription.listens_for_sms and ensured.subscription.status == "Active"
        again = client.ensure_subscription(hook.url, TOKEN)
    assert again.action == "kept" and again.subscription.id == ensured.subscription.id
    assert len(fake.subscriptions) == 1


def test_ensure_subscription_renews_one_that_ends_within_a_day(
    fake: FakeRingCentral, client: RingCentralClient
) -> None:
    address = "https://texts.example.com/v1/webhooks/ringcentral"
    sub_id = fake.add_subscription(address, ends_in=3600, token=TOKEN)
    ensured = client.ensure_subscription(address, TOKEN)
    assert ensured.action == "renewed" and ensured.subscription.id == sub_id
    assert fake.count("POST", f"/restapi/v1.0/subscription/{sub_id}/renew") == 1
    assert ensured.subscription.expires_at is not None
    assert ensured.subscription.expires_at > client_now() + timedelta(days=6)


def client_now():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime.now(UTC)


def test_ensure_subscription_recreates_a_blacklisted_one(
    fake: FakeRingCentral, client: RingCentralClient, settings: RingCentralSettings
) -> None:
    with LocalWebhook(None, settings) as hook:  # type: ignore[arg-type]
        old = fake.add_subscription(hook.url, status="Blacklisted")
        other = fake.add_subscription("https://someone-else.example.com/hook")
        ensured = client.ensure_subscription(hook.url, TOKEN)
    assert ensured.action == "recreated"
    assert set(fake.subscriptions) == {ensured.subscription.id, other}
    assert old not in fake.subscriptions


def test_a_webhook_that_fails_the_handshake_is_reported(client: RingCentralClient) -> None:
    with pytest.raises(ProviderError) as err:
        client.create_subscription(f"http://127.0.0.1:{_closed_port()}/hook", TOKEN)
    assert "SUB-525" in str(err.value)


def test_documented_blacklisted_listing_is_understood() -> None:
    from consentry.providers.ringcentral import Subscription
    from tests.providers.ringcentral.fake_ringcentral import payload

    [sub] = [Subscription.from_json(r) for r in payload("subscriptions_blacklisted")["records"]]
    assert sub.status == "Blacklisted" and sub.listens_for_sms
    assert sub.address == "https://texts.example.com/v1/webhooks/ringcentral"
