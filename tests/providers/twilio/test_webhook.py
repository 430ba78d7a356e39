"""handle_twilio_webhook over a real (temporary SQLite) ledger."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from twilio.twiml.messaging_response import MessagingResponse

from consentry.ledger import Ledger
from consentry.ledger.model import EventType
from consentry.providers.messages import WebhookOutcome
from consentry.providers.twilio_settings import TwilioSettings
from consentry.providers.twilio_webhook import handle_twilio_webhook, message_twiml
from tests.providers.twilio.conftest import BRAND, BUSINESS, PERSON, TOKEN, WEBHOOK_URL
from tests.providers.twilio.fake_twilio import inbound_params, signed_webhook


def deliver(
    ledger: Ledger, settings: TwilioSettings, params: dict[str, str], *, url: str = WEBHOOK_URL
) -> WebhookOutcome:
    """Sign like Twilio (the same helper the web tests use), then hand to the handler."""
    _, headers = signed_webhook(url, params, TOKEN)
    return handle_twilio_webhook(
        ledger, settings, url=url, params=params, signature=headers["X-Twilio-Signature"]
    )


def twiml_messages(outcome: WebhookOutcome) -> list[str]:
    assert outcome.reply.status == 200
    assert outcome.reply.media_type == "application/xml"
    root = ET.fromstring(outcome.reply.body)
    assert root.tag == "Response"
    return [m.text or "" for m in root.iter("Message")]


def event_types(ledger: Ledger, phone: str = PERSON) -> list[str]:
    return [e.type for e in ledger.history(phone)]


def test_stop_in_twiml_mode_replies_with_the_brands_confirmation(
    ledger: Ledger, settings: TwilioSettings
) -> None:
    outcome = deliver(ledger, settings, inbound_params(PERSON, BUSINESS, "STOP"))
    [text] = twiml_messages(outcome)
    assert text == ledger.config.replies.opt_out_text()
    assert BRAND in text
    assert outcome.send == ()
    assert outcome.result is not None and outcome.result.action == "opt_out"
    assert ledger.number_state(PERSON).state == "opted_out"
    assert EventType.OPT_OUT in event_types(ledger)


def test_help_and_start(ledger: Ledger, settings: TwilioSettings) -> None:
    [help_text] = twiml_messages(
        deliver(ledger, settings, inbound_params(PERSON, BUSINESS, "help"))
    )
    assert help_text == ledger.config.replies.help_text()
    [start] = twiml_messages(deliver(ledger, settings, inbound_params(PERSON, BUSINESS, "START")))
    assert start == ledger.config.replies.opt_in_text()


def test_plain_message_is_recorded_and_not_answered(
    ledger: Ledger, settings: TwilioSettings
) -> None:
    outcome = deliver(ledger, settings, inbound_params(PERSON, BUSINESS, "What time do you open?"))
    assert twiml_messages(outcome) == []
    assert event_types(ledger) == [EventType.MESSAGE_RECEIVED]


def test_rest_mode_answers_empty_and_queues_the_reply(ledger: Ledger) -> None:
    settings = TwilioSettings(auth_token=TOKEN, account_sid="AC" + "a" * 32, reply_mode="rest")
    outcome = deliver(ledger, settings, inbound_params(PERSON, BUSINESS, "Stop"))
    assert twiml_messages(outcome) == []
    [sms] = outcome.send
    assert (sms.provider, sms.from_, sms.to, sms.reason) == ("twilio", BUSINESS, PERSON, "opt_out")
    assert sms.text == ledger.config.replies.opt_out_text()


@pytest.mark.parametrize("body", ["STOP", "HELP", "START"])
def test_advanced_opt_out_by_setting_records_but_does_not_reply(
    ledger: Ledger, settings: TwilioSettings, service_sid: str, body: str
) -> None:
    covered = replace(settings, advanced_opt_out=frozenset({service_sid}))
    params = inbound_params(PERSON, BUSINESS, body, messaging_service_sid=service_sid)
    outcome = deliver(ledger, covered, params)
    assert twiml_messages(outcome) == []
    assert outcome.send == ()
    assert outcome.result is not None and outcome.result.action in {"opt_out", "help", "opt_in"}
    assert len(ledger.history(PERSON)) >= 1
    # A number outside the setting is still answered by us.
    other = inbound_params("+15124470199", BUSINESS, body, messaging_service_sid="MG" + "0" * 32)
    assert len(twiml_messages(deliver(ledger, covered, other))) == 1


def test_opt_out_type_alone_suppresses_our_reply(
    ledger: Ledger, settings: TwilioSettings, service_sid: str
) -> None:
    rest = replace(settings, reply_mode="rest")
    params = inbound_params(
        PERSON, BUSINESS, "stop", messaging_service_sid=service_sid, opt_out_type="STOP"
    )
    outcome = deliver(ledger, rest, params)
    assert twiml_messages(outcome) == [] and outcome.send == ()
    assert ledger.number_state(PERSON).state == "opted_out"


def test_opt_out_type_stop_we_did_not_classify_is_still_an_opt_out(
    ledger: Ledger, settings: TwilioSettings
) -> None:
    """A custom Advanced Opt-Out keyword ("ALTO") that our classifier reads differently."""
    params = inbound_params(PERSON, BUSINESS, "BASTA YA", opt_out_type="STOP")
    outcome = deliver(ledger, settings, params)
    assert twiml_messages(outcome) == []
    assert ledger.number_state(PERSON).state == "opted_out"
    deliver(ledger, settings, params)  # redelivery: nothing new
    assert event_types(ledger).count(EventType.OPT_OUT) == 1


def test_redelivery_is_recorded_once_and_answered_empty(
    ledger: Ledger, settings: TwilioSettings
) -> None:
    params = inbound_params(PERSON, BUSINESS, "STOP")
    first = deliver(ledger, settings, params)
    before = event_types(ledger)
    second = deliver(ledger, settings, params)
    assert len(twiml_messages(first)) == 1
    assert twiml_messages(second) == [] and second.send == ()
    assert second.result is not None and second.result.duplicate
    assert event_types(ledger) == before


@pytest.mark.parametrize(
    ("body", "action"),
    [
        ("Stop 🛑", "opt_out"),
        ("¿Pueden parar? 日本語 😊", "none"),
        ("a & b < c", "none"),
        ("STOP\u200b", "opt_out"),  # a zero-width space pasted after the keyword
    ],
)
def test_unicode_and_emoji_bodies(
    ledger: Ledger, settings: TwilioSettings, body: str, action: str
) -> None:
    outcome = deliver(ledger, settings, inbound_params(PERSON, BUSINESS, body))
    twiml_messages(outcome)  # well-formed XML either way
    assert outcome.result is not None and outcome.result.action == action
    stored = [e.data["inbound_text"] for e in ledger.history(PERSON) if "inbound_text" in e.data]
    assert stored and stored[0].replace("\u200b", "") == body.replace("\u200b", "")


def test_reply_is_xml_escaped_like_twilios_library() -> None:
    text = 'Tom & Jerry\'s <"deals">: reply STOP'
    ours = ET.fromstring(message_twiml(text))
    response = MessagingResponse()
    response.message(text)
    theirs = ET.fromstring(str(response))
    assert ours.find("Message").text == text  # type: ignore[union-attr]
    assert theirs.find("Message").text == text  # type: ignore[union-attr]


def test_missing_signature_is_401_and_touches_nothing(
    ledger: Ledger, settings: TwilioSettings
) -> None:
    params = inbound_params(PERSON, BUSINESS, "STOP")
    for missing in (None, ""):
        outcome = handle_twilio_webhook(
            ledger, settings, url=WEBHOOK_URL, params=params, signature=missing
        )
        assert outcome.reply.status == 401 and outcome.result is None
    assert ledger.history(PERSON) == []


@pytest.mark.parametrize(
    "forge",
    [
        lambda p, s: (WEBHOOK_URL, {**p, "Body": "START"}, s),  # body changed
        lambda p, s: ("https://attacker.example/twilio/sms", p, s),  # other URL
        lambda p, s: (WEBHOOK_URL, p, s[:-2] + "AA"),  # signature changed
        lambda p, s: (WEBHOOK_URL, p, "🛑"),  # not even ASCII
    ],
)
def test_forged_signature_is_403_and_touches_nothing(
    ledger: Ledger, settings: TwilioSettings, forge: object
) -> None:
    params = inbound_params(PERSON, BUSINESS, "STOP")
    _, headers = signed_webhook(WEBHOOK_URL, params, TOKEN)
    url, sent, signature = forge(params, headers["X-Twilio-Signature"])  # type: ignore[operator]
    outcome = handle_twilio_webhook(ledger, settings, url=url, params=sent, signature=signature)
    assert outcome.reply.status == 403 and outcome.result is None and outcome.send == ()
    assert ledger.history(PERSON) == []
    assert TOKEN.encode() not in outcome.reply.body


def test_signed_with_another_accounts_token_is_403(
    ledger: Ledger, settings: TwilioSettings
) -> None:
    params = inbound_params(PERSON, BUSINESS, "STOP")
    _, headers = signed_webhook(WEBHOOK_URL, params, "e" * 32)
    outcome = handle_twilio_webhook(
        ledger, settings, url=WEBHOOK_URL, params=params, signature=headers["X-Twilio-Signature"]
    )
    assert outcome.reply.status == 403


def test_secondary_token_accepted(ledger: Ledger, settings: TwilioSettings) -> None:
    rotated = replace(settings, auth_token="e" * 32, auth_token_secondary=TOKEN)
    assert deliver(ledger, rotated, inbound_params(PERSON, BUSINESS, "HELP")).reply.status == 200


@pytest.mark.parametrize("drop", ["From", "Body", "MessageSid"])
def test_missing_fields_are_400(ledger: Ledger, settings: TwilioSettings, drop: str) -> None:
    params = inbound_params(PERSON, BUSINESS, "STOP")
    del params[drop]
    if drop == "MessageSid":
        del params["SmsSid"], params["SmsMessageSid"]
    outcome = deliver(ledger, settings, params)
    assert outcome.reply.status == 400
    assert drop.encode() in outcome.reply.body
    assert ledger.history(PERSON) == []


def test_deprecated_sms_sid_alone_is_enough(ledger: Ledger, settings: TwilioSettings) -> None:
    params = inbound_params(PERSON, BUSINESS, "STOP")
    del params["MessageSid"]
    assert deliver(ledger, settings, params).reply.status == 200


@pytest.mark.parametrize("sender", ["not-a-number", "+1", "555"])
def test_bad_sender_is_400_not_a_traceback(
    ledger: Ledger, settings: TwilioSettings, sender: str
) -> None:
    outcome = deliver(ledger, settings, inbound_params(sender, BUSINESS, "STOP"))
    assert outcome.reply.status == 400
    assert b"from" in outcome.reply.body


def test_list_of_pairs_and_proxy_url(ledger: Ledger, settings: TwilioSettings) -> None:
    url = "https://consent.example.com:443/twilio/sms?brand=bluebonnet"
    params = inbound_params(PERSON, BUSINESS, "STOP")
    _, headers = signed_webhook(url.replace(":443", ""), params, TOKEN)
    outcome = handle_twilio_webhook(
        ledger,
        settings,
        url=url,
        params=list(params.items()),
        signature=headers["X-Twilio-Signature"],
    )
    assert len(twiml_messages(outcome)) == 1


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sender=st.one_of(
        st.text(max_size=20), st.sampled_from([PERSON, "+15124470199", "(512) 447-0198"])
    ),
    body=st.text(max_size=200),
    to=st.one_of(st.text(max_size=15), st.just(BUSINESS)),
)
def test_any_signed_input_is_answered_200_or_400(
    ledger: Ledger, settings: TwilioSettings, sender: str, body: str, to: str
) -> None:
    """Whatever a (genuinely signed) webhook carries, the answer is a status, never a traceback."""
    outcome = deliver(ledger, settings, inbound_params(sender, to, body))
    assert outcome.reply.status in {200, 400}
    if outcome.reply.status == 200:
        twiml_messages(outcome)
