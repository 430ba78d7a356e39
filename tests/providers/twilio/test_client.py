"""TwilioClient against the stand-in server on loopback (and a MockTransport for timeouts)."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from consentry.providers.messages import ProviderError, SmsSender
from consentry.providers.twilio_client import (
    TwilioApiError,
    TwilioClient,
    TwilioRecipientUnsubscribed,
)
from consentry.providers.twilio_settings import TwilioSettings
from tests.providers.twilio.conftest import BUSINESS, PERSON
from tests.providers.twilio.fake_twilio import FakeTwilio


class Sleeps:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def client_for(fake: FakeTwilio, sleeps: Sleeps, **options: object) -> TwilioClient:
    return TwilioClient(
        fake.account_sid,
        fake.auth_token,
        base_url=fake.base_url,
        sleep=sleeps,
        jitter=lambda: 0.5,
        backoff=0.01,
        timeout=2.0,
        **options,  # type: ignore[arg-type]
    )


def test_send_sms_posts_the_documented_form(fake: FakeTwilio) -> None:
    with client_for(fake, Sleeps()) as client:
        sender: SmsSender = client
        sid = sender.send_sms(BUSINESS, PERSON, "Bluebonnet Bakery: hi 🎂 & more")
    assert sid.startswith("SM") and len(sid) == 34
    assert fake.messages == [
        {"To": PERSON, "From": BUSINESS, "Body": "Bluebonnet Bakery: hi 🎂 & more"}
    ]
    assert fake.requests == [("POST", f"/2010-04-01/Accounts/{fake.account_sid}/Messages.json")]


def test_messaging_service_sid_as_sender(fake: FakeTwilio, service_sid: str) -> None:
    with client_for(fake, Sleeps()) as client:
        client.send_sms(service_sid, PERSON, "hello")
    assert fake.messages[0] == {"To": PERSON, "MessagingServiceSid": service_sid, "Body": "hello"}


def test_from_settings_points_at_the_stand_in(fake: FakeTwilio) -> None:
    settings = TwilioSettings.from_env(
        {
            "TWILIO_ACCOUNT_SID": fake.account_sid,
            "TWILIO_AUTH_TOKEN": fake.auth_token,
            "TWILIO_API_BASE_URL": fake.base_url,
        }
    )
    with TwilioClient.from_settings(settings) as client:
        client.send_sms(BUSINESS, PERSON, "x")
        assert fake.auth_token not in repr(client)
    assert len(fake.messages) == 1


def test_wrong_token_is_a_clear_error_not_retried(fake: FakeTwilio) -> None:
    sleeps = Sleeps()
    client = TwilioClient(fake.account_sid, "0" * 32, base_url=fake.base_url, sleep=sleeps)
    with client, pytest.raises(TwilioApiError) as caught:
        client.send_sms(BUSINESS, PERSON, "x")
    assert caught.value.status == 401 and caught.value.code == 20003
    assert "Auth Token" in str(caught.value)
    assert sleeps.calls == [] and fake.messages == []


def test_unsubscribed_recipient_is_reported_and_not_retried(fake: FakeTwilio) -> None:
    fake.opted_out.add(PERSON)
    sleeps = Sleeps()
    with client_for(fake, sleeps) as client, pytest.raises(TwilioRecipientUnsubscribed) as caught:
        client.send_sms(BUSINESS, PERSON, "promo")
    err = caught.value
    assert isinstance(err, ProviderError)
    assert (err.status, err.code) == (400, 21610)
    assert "STOP" in str(err) and "21610" in str(err)
    assert len(fake.requests) == 1 and sleeps.calls == []


def test_retries_5xx_with_exponential_backoff_then_succeeds(fake: FakeTwilio) -> None:
    fake.fail_next(500, times=2)
    sleeps = Sleeps()
    with client_for(fake, sleeps) as client:
        assert client.send_sms(BUSINESS, PERSON, "x").startswith("SM")
    assert len(fake.requests) == 3 and len(fake.messages) == 1
    # equal jitter at 0.5: 0.75 * step, steps 0.01 then 0.02
    assert sleeps.calls == pytest.approx([0.0075, 0.015])


def test_gives_up_after_max_retries_with_the_status(fake: FakeTwilio) -> None:
    fake.fail_next(503, times=10)
    sleeps = Sleeps()
    with client_for(fake, sleeps, max_retries=2) as client, pytest.raises(ProviderError) as caught:
        client.send_sms(BUSINESS, PERSON, "x")
    assert caught.value.status == 503
    assert len(fake.requests) == 3 and len(sleeps.calls) == 2 and fake.messages == []


def test_429_honours_retry_after_seconds_and_dates(fake: FakeTwilio) -> None:
    fake.fail_next(429, times=1, retry_after="2")
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=100), usegmt=True)
    fake.fail_next(429, times=1, retry_after=later)
    sleeps = Sleeps()
    with client_for(fake, sleeps, max_retry_after=30.0) as client:
        client.send_sms(BUSINESS, PERSON, "x")
    assert sleeps.calls[0] == 2.0
    assert sleeps.calls[1] == 30.0  # capped
    assert len(fake.messages) == 1


def test_real_sleep_is_short_in_tests(fake: FakeTwilio) -> None:
    """With the default sleep the backoff really waits (tiny delays here)."""
    fake.fail_next(500, times=1)
    with TwilioClient(
        fake.account_sid, fake.auth_token, base_url=fake.base_url, backoff=0.01
    ) as client:
        assert client.send_sms(BUSINESS, PERSON, "x")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_connection_refused_is_retried_then_reported() -> None:
    sleeps = Sleeps()
    client = TwilioClient(
        "AC" + "a" * 32,
        "t" * 32,
        base_url=f"http://127.0.0.1:{_closed_port()}",
        sleep=sleeps,
        max_retries=2,
        backoff=0.01,
    )
    with client, pytest.raises(ProviderError, match="could not reach Twilio") as caught:
        client.send_sms(BUSINESS, PERSON, "x")
    assert caught.value.status is None and len(sleeps.calls) == 2


def test_read_timeout_on_send_is_not_retried() -> None:
    """Twilio may already have the message: sending again could text the person twice."""
    calls: list[httpx.Request] = []

    def slow(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ReadTimeout("slow", request=request)

    http = httpx.Client(transport=httpx.MockTransport(slow))
    client = TwilioClient("AC" + "a" * 32, "t" * 32, http=http, sleep=Sleeps())
    with pytest.raises(TwilioApiError, match="message log"):
        client.send_sms(BUSINESS, PERSON, "x")
    assert len(calls) == 1
    http.close()


def test_incoming_numbers_follows_pages(fake: FakeTwilio) -> None:
    for i in range(5):
        fake.add_number(f"+1512555010{i}", sms_url=f"https://consent.example.com/twilio/sms?n={i}")
    with client_for(fake, Sleeps()) as client:
        numbers = client.incoming_numbers(page_size=2)
    assert [n.phone_number for n in numbers] == [f"+1512555010{i}" for i in range(5)]
    assert numbers[4].sms_url.endswith("?n=4") and numbers[0].sid.startswith("PN")
    assert len(fake.requests) == 3
