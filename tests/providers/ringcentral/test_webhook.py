"""The webhook handler: handshake, token checks, inbound SMS into the ledger, replies, bad input."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from consentry.ledger import Ledger
from consentry.providers.messages import InboundSms, OutboundSms
from consentry.providers.ringcentral import (
    IgnoredEvent,
    RingCentralSettings,
    handle_ringcentral_webhook,
    parse_notification,
)
from tests.providers.ringcentral.conftest import REPLIES, TOKEN
from tests.providers.ringcentral.fake_ringcentral import payload

SETTINGS = RingCentralSettings(verification_token=TOKEN)
CUSTOMER = "+14157809227"  # the sender in RingCentral's documented sample
BUSINESS = "+16508974563"


def notification(
    text: str = "Hi there", message_id: str = "606090030016", **body: Any
) -> dict[str, Any]:
    data = payload("instant_sms")
    data["body"].update(subject=text, id=message_id, **body)
    return data


def post(
    ledger: Ledger, data: Any, headers: dict[str, str] | None = None, raw: bytes | None = None
):  # type: ignore[no-untyped-def]
    hdrs = {"Content-Type": "application/json", "Verification-Token": TOKEN}
    if headers is not None:
        hdrs = headers
    body = raw if raw is not None else json.dumps(data).encode()
    return handle_ringcentral_webhook(ledger, SETTINGS, hdrs, body)


def events(ledger: Ledger) -> int:
    return ledger.verify().events


def test_documented_sample_parses() -> None:
    parsed = parse_notification(json.dumps(payload("instant_sms")).encode())
    assert parsed == InboundSms(
        provider="ringcentral",
        from_=CUSTOMER,
        to=BUSINESS,
        text="Hi there",
        message_id="606090030016",
        occurred_at="2016-02-22T17:01:00.000Z",
    )


@pytest.mark.parametrize("name", ["Validation-Token", "validation-token", "VALIDATION-TOKEN"])
def test_handshake_echoes_the_validation_token(ledger: Ledger, name: str) -> None:
    outcome = handle_ringcentral_webhook(ledger, SETTINGS, {name: "abc-123"}, b"")
    assert outcome.reply.status == 200
    assert outcome.reply.headers == {"Validation-Token": "abc-123"}
    assert len(outcome.reply.body) < 1024 and outcome.send == ()
    assert events(ledger) == 0


def test_handshake_works_before_a_token_is_configured(ledger: Ledger) -> None:
    bare = RingCentralSettings()
    outcome = handle_ringcentral_webhook(ledger, bare, {"Validation-Token": "x1"}, b"")
    assert outcome.reply.status == 200 and outcome.reply.headers["Validation-Token"] == "x1"


def test_a_validation_token_that_could_split_headers_is_refused(ledger: Ledger) -> None:
    outcome = handle_ringcentral_webhook(ledger, SETTINGS, {"Validation-Token": "a\r\nX: y"}, b"")
    assert outcome.reply.status == 400 and not outcome.reply.headers


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Content-Type": "application/json"}, 401),
        ({"Verification-Token": "forged"}, 403),
        ({"Verification-Token": TOKEN + "x"}, 403),
        ({"Verification-Token": ""}, 403),
    ],
)
def test_missing_or_forged_token_records_nothing(
    ledger: Ledger, headers: dict[str, str], status: int
) -> None:
    outcome = post(ledger, notification("STOP"), headers)
    assert outcome.reply.status == status
    assert outcome.send == () and outcome.result is None
    assert events(ledger) == 0
    assert ledger.number_state(CUSTOMER).state == "unknown"


def test_header_names_are_case_insensitive(ledger: Ledger) -> None:
    outcome = post(ledger, notification("HELP"), {"verification-token": TOKEN})
    assert outcome.reply.status == 200 and len(outcome.send) == 1


def test_no_configured_token_refuses_notifications(ledger: Ledger) -> None:
    outcome = handle_ringcentral_webhook(
        ledger, RingCentralSettings(), {"Verification-Token": TOKEN}, b"{}"
    )
    assert outcome.reply.status == 500
    assert b"RINGCENTRAL_VERIFICATION_TOKEN" in outcome.reply.body
    assert events(ledger) == 0


def test_stop_records_the_opt_out_and_answers_once(ledger: Ledger) -> None:
    outcome = post(ledger, notification("STOP"))
    assert outcome.reply.status == 200
    assert outcome.send == (
        OutboundSms("ringcentral", BUSINESS, CUSTOMER, REPLIES.opt_out or "", "opt_out"),
    )
    assert outcome.result is not None and outcome.result.action == "opt_out"
    assert ledger.number_state(CUSTOMER).state == "opted_out"
    [stop] = [e for e in ledger.history(CUSTOMER) if e.type == "opt_out"]
    assert stop.provider == "ringcentral" and stop.provider_message_id == "606090030016"
    assert stop.occurred_at.isoformat().startswith("2016-02-22T17:01:00")


def test_help_is_answered(ledger: Ledger) -> None:
    outcome = post(ledger, notification("HELP"))
    assert [s.reason for s in outcome.send] == ["help"]
    assert outcome.send[0].text == REPLIES.help
    assert ledger.number_state(CUSTOMER).state == "unknown"


def test_start_after_stop_opts_back_in(ledger: Ledger) -> None:
    post(ledger, notification("STOP", "m1"))
    outcome = post(ledger, notification("START", "m2", creationTime="2016-02-22T17:05:00.000Z"))
    assert [s.reason for s in outcome.send] == ["opt_in"]
    assert ledger.number_state(CUSTOMER).state == "opted_in"


def test_a_redelivered_notification_is_recorded_once_and_not_answered_again(
    ledger: Ledger,
) -> None:
    first = post(ledger, notification("STOP"))
    count = events(ledger)
    again = post(ledger, notification("STOP"))
    assert len(first.send) == 1
    assert again.reply.status == 200 and again.send == ()
    assert again.result is not None and again.result.duplicate
    assert events(ledger) == count


def test_plain_conversation_is_recorded_without_a_reply(ledger: Ledger) -> None:
    outcome = post(ledger, notification("What time do you open?"))
    assert outcome.reply.status == 200 and outcome.send == ()
    assert events(ledger) == 1


def test_group_message_answers_from_the_targeted_number(ledger: Ledger) -> None:
    to = [{"phoneNumber": "+15125550111"}, {"phoneNumber": BUSINESS, "target": True}]
    outcome = post(ledger, notification("HELP", to=to))
    assert outcome.send[0].from_ == BUSINESS


@pytest.mark.parametrize(
    "data",
    [
        {
            **payload("instant_sms"),
            "body": {**payload("instant_sms")["body"], "direction": "Outbound"},
        },
        {**payload("instant_sms"), "body": {**payload("instant_sms")["body"], "type": "Pager"}},
        payload("renewal_reminder"),
    ],
    ids=["outbound", "pager", "renewal-reminder"],
)
def test_other_events_are_acknowledged_and_ignored(ledger: Ledger, data: dict[str, Any]) -> None:
    outcome = post(ledger, data)
    assert outcome.reply.status == 200 and outcome.send == () and outcome.result is None
    assert events(ledger) == 0
    assert isinstance(parse_notification(json.dumps(data).encode()), IgnoredEvent)


def _without(path: str) -> dict[str, Any]:
    data = copy.deepcopy(payload("instant_sms"))
    *parents, last = path.split(".")
    target = data
    for key in parents:
        target = target[key]
    del target[last]
    return data


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"not json", b"not JSON"),
        (b"\xff\xfe", b"not JSON"),
        (b"[1, 2]", b"not a JSON object"),
        (json.dumps(_without("event")).encode(), b"no event"),
        (json.dumps(_without("body")).encode(), b"no body"),
        (json.dumps(_without("body.id")).encode(), b"no message id"),
        (json.dumps(_without("body.from")).encode(), b"from"),
        (json.dumps(_without("body.to")).encode(), b"to[]"),
        (json.dumps(_without("body.subject")).encode(), b"subject"),
        (json.dumps(notification(to=[])).encode(), b"to[]"),
        (json.dumps(notification(message_id=True)).encode(), b"no message id"),  # type: ignore[arg-type]
    ],
)
def test_malformed_bodies_are_400_and_record_nothing(
    ledger: Ledger, raw: bytes, reason: bytes
) -> None:
    outcome = post(ledger, None, raw=raw)
    assert outcome.reply.status == 400
    assert reason in outcome.reply.body
    assert outcome.send == () and events(ledger) == 0


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"from": {"phoneNumber": "12"}}, b"from"),
        ({"creationTime": "yesterday"}, b"occurred_at"),
        ({"creationTime": "2999-01-01T00:00:00Z"}, b"occurred_at"),
    ],
)
def test_values_the_ledger_refuses_are_400_not_a_traceback(
    ledger: Ledger, change: dict[str, Any], key: bytes
) -> None:
    outcome = post(ledger, notification("STOP", **change))
    assert outcome.reply.status == 400 and key in outcome.reply.body
    assert events(ledger) == 0


def test_an_absurdly_large_body_is_refused(ledger: Ledger) -> None:
    outcome = post(ledger, None, raw=b"{" + b" " * 300_000 + b"}")
    assert outcome.reply.status == 413 and events(ledger) == 0


def test_opt_out_confirmation_can_be_left_to_ringcentral(ledger: Ledger) -> None:
    quiet = RingCentralSettings(verification_token=TOKEN, send_opt_out_confirmation=False)
    headers = {"Verification-Token": TOKEN}
    stop = handle_ringcentral_webhook(
        ledger, quiet, headers, json.dumps(notification("STOP", "m1")).encode()
    )
    help_ = handle_ringcentral_webhook(
        ledger, quiet, headers, json.dumps(notification("HELP", "m2")).encode()
    )
    assert stop.reply.status == 200 and stop.send == ()
    assert ledger.number_state(CUSTOMER).state == "opted_out"
    assert [s.reason for s in help_.send] == ["help"]


@pytest.mark.parametrize(("raw", "expected"), [("false", False), ("YES", True), ("0", False)])
def test_confirmation_switch_from_environment(raw: str, expected: bool) -> None:
    env = {"RINGCENTRAL_SEND_OPT_OUT_CONFIRMATION": raw}
    assert RingCentralSettings.from_env(env).send_opt_out_confirmation is expected
