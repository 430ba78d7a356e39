"""The whole loop over loopback HTTP: subscribe (handshake), RingCentral delivers a STOP, our
route records it and answers through the SMS API; a redelivery changes nothing."""

from __future__ import annotations

import time

from consentry.ledger import Ledger
from consentry.providers.ringcentral import RingCentralClient, RingCentralSettings
from tests.providers.ringcentral.conftest import REPLIES, TOKEN
from tests.providers.ringcentral.fake_ringcentral import BUSINESS, FakeRingCentral, payload
from tests.providers.ringcentral.local_webhook import LocalWebhook

CUSTOMER = "+14157809227"


def _wait_for(condition, timeout: float = 3.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_stop_round_trip(
    fake: FakeRingCentral,
    ledger: Ledger,
    client: RingCentralClient,
    settings: RingCentralSettings,
) -> None:
    with LocalWebhook(ledger, settings, sender=client) as hook:
        assert client.ensure_subscription(hook.url, TOKEN).action == "created"
        stop = payload("instant_sms")
        stop["body"]["subject"] = "STOP"
        status, _headers, _body = fake.deliver(stop)
        assert status == 200
        _wait_for(lambda: len(hook.sent_ids) == 1)
        assert fake.sent == [
            {
                "from": {"phoneNumber": BUSINESS},
                "to": [{"phoneNumber": CUSTOMER}],
                "text": REPLIES.opt_out,
            }
        ]
        assert ledger.number_state(CUSTOMER).state == "opted_out"
        events = ledger.verify().events
        assert fake.deliver(stop)[0] == 200  # RingCentral retries the same message
        assert fake.deliver(stop, token="forged")[0] == 403
        time.sleep(0.05)
    assert len(fake.sent) == 1 and ledger.verify().events == events
    assert [o.reply.status for o in hook.outcomes] == [200, 200, 200, 403]
