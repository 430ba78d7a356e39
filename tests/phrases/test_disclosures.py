"""Rates, frequency, carrier liability, consent-not-a-condition, no-further-messages."""

from __future__ import annotations

from collections.abc import Callable

from consentry.phrases import (
    Match,
    find_carrier_liability,
    find_consent_not_condition,
    find_frequency_disclosure,
    find_no_further_messages,
    find_rates_disclosure,
)
from tests.phrases.detector_cases import detector_tests

Detector = Callable[[str], Match | None]

RATES_POSITIVE = [
    "Msg & data rates may apply",
    "Msg&data rates may apply",
    "Standard message and data rates apply",
    "message and data rates may apply",
    "Std msg/data rates apply",
    "carrier charges may apply",
    "msg & data rates apply",
    "Message and data charges may apply",
    "MSG & DATA RATES MAY APPLY.",
    "Std. Msg & Data Rates May Apply",
    "Msg+data rates may apply.",
    "Message & data rates from your wireless provider may apply.",
    "Charges: Message and data rates may apply based on your mobile carrier\u2019s plan.",
    "Standard text messaging rates apply.",
    "Data and message rates may apply",
    "Standard messaging rates may apply.",
    "Message and Data Rates May Apply",
    "Msg\uff06data rates may apply",
    "Msg &amp; data rates may apply",
    "You may be charged standard text message rates by your carrier.",
    "Text and data rates may apply.",
    "Msg & data rates may be charged.",
    "Standard rates apply.",
    "M&D rates may apply.",
    "Txt STOP 2 QUIT, std msg chrgs apply",
    "10msg/mth.Std msg rates apply.",
    "Your carrier may charge you for texts.",
]

RATES_NEGATIVE = [
    "No data is shared with anyone.",
    "Interest rates may apply to late balances.",
    "Standard shipping rates apply.",
    "Late fees may apply.",
    "Our rates: $50/hour. Apply online today!",
    "We never collect data. Rates apply to services only.",
    "Message and data rates do not apply; this program is free.",
    "Msg & data rates will not apply.",
    "Apply now for our low rates.",
    "Data rate limits are enforced by our API.",
    "Standard rates apply to all shipping orders.",
    "Your card will be charged for your mobile order.",
]

FREQUENCY_POSITIVE = [
    "Message frequency varies",
    "Msg freq may vary",
    "Msg frequency varies",
    "up to 4 msgs/mo",
    "1 msg per request",
    "4 messages per month",
    "one message per appointment",
    "Number of messages varies",
    "weekly offers",
    "Frequency depends on your account activity",
    "Msg freq. varies.",
    "Message frequency will vary.",
    "Message Frequency: up to 5 msgs/week",
    "Expect 2-4 texts a month.",
    "You will receive up to 10 messages per week.",
    "Max 3 alerts a day",
    "1 text/day",
    "Frequency: You may receive an unlimited number of text messages from us.",
    "You may receive unlimited number of texts from us.",
    "We text you twice a month with deals.",
    "Sign up for our monthly newsletter by text.",
    "The number of texts you receive will vary based on your appointments.",
    "Msgs are sent weekly.",
    "You will receive a one-time message with your code.",
    "Msg frequency varies by account activity.",
    "Messaging frequency may vary.",
    "Up to 2 msg/wk",
    "Max 4msgs/mo",
    "Typical frequency: 1–6 messages per month unless otherwise stated.",
    "You'll get a text each time you book.",
    "10msg/mth.Std msg rates apply.",
    "Optional — leaving this off does not affect your service. Up to a few messages per billing cycle.",
    "If you enter a phone number, you agree to receive a one-time login text from OOUStream.",
    "Message volume varies with your orders.",
    "Texting cadence depends on your account activity.",
    "You'll get booking texts and occasional offers (no more than 4 a month).",
    "Texts about your order, at most 2 per week.",
    "Texts are sent as needed about your appointments.",
    "Messages will be sent only as necessary.",
]

FREQUENCY_NEGATIVE = [
    "You agree to receive recurring automated marketing messages.",
    "Frequently asked questions",
    "We'll text you once your order ships.",
    "Radio frequency interference may delay service.",
    "Up to 50% off all orders this weekend!",
    "Open 7 days a week.",
    "Call us 24/7.",
    "You have 4 new messages in your inbox.",
    "Save up to 4 a month on fees.",
    "We are open up to 5 days a week.",
    "The frequency of cleanings depends on your dental health.",
    "We'll send a reminder an hour before your appointment.",
    "Visit our weekly farmers market.",
    "Enter the one-time passcode we sent you.",
    "Use single sign-on to log in.",
]

CARRIER_POSITIVE = [
    "Carriers are not liable for delayed or undelivered messages",
    "Carriers are not responsible for delayed or undelivered messages.",
    "Wireless carriers are not liable for delayed or undelivered messages.",
    "Carriers (e.g. AT&T, Verizon, T-Mobile) are not liable for delayed or undelivered messages.",
    "Mobile carriers are not liable for any delays in message delivery.",
    "T-Mobile is not liable for delayed or undelivered messages.",
    "Neither we nor the wireless carriers are liable for delayed or undelivered messages.",
    "Carrier not liable for delayed/undelivered msgs.",
    "carriers shall not be held liable for late or undelivered texts",
    "Mobile service providers are not responsible for delayed or failed message delivery.",
    "CARRIERS ARE NOT LIABLE FOR DELAYED OR UNDELIVERED MESSAGES",
    "Carriers aren\u2019t liable for delayed or undelivered messages.",
]

CARRIER_NEGATIVE = [
    "Carrier charges may apply.",
    "We are not responsible for lost packages.",
    "The mail carrier is not liable for lost packages.",
    "Our carrier partners deliver every message.",
    "The carrier is responsible for delivering your order.",
    "Carriers charge fees for messages.",
    "We are liable for all messages we send.",
]

CONSENT_POSITIVE = [
    "Consent is not a condition of purchase",
    "not required as a condition of",
    "You do not have to agree to receive texts to make a purchase.",
    "optional",
    "Consent to receive messages is not a condition of purchase or service.",
    "Your consent is not required to buy goods or services.",
    "Agreeing is not a condition of any purchase.",
    "Opting in is optional.",
    "SMS consent is voluntary.",
    "You are not required to consent to receive text messages.",
    "Checking this box is not required to book an appointment.",
    "Mobile phone (optional)",
    "Consent not required to purchase.",
    "Declining will not affect your ability to book.",
    "You can still book without opting in to texts.",
    "Consent isn\u2019t a condition of purchase.",
    "Not a condition of purchase.",
    "You are not required to sign up for texts to purchase.",
]

CONSENT_NEGATIVE = [
    "Consent is a condition of purchase.",
    "Consent is required to use our service.",
    "Terms and conditions apply.",
    "Item not in good condition? Return it.",
    "Optional accessories are sold separately.",
    "No purchase necessary.",
    "We will not text you without your consent.",
    "Phone number is required.",
    "This field is not optional.",
    "Air conditioning service available.",
    "You are not required to provide a reason for canceling.",
]

NO_FURTHER_POSITIVE = [
    "Bear Photos: you are opted out. No more automated replies. Text START to resume.",
    "You will not receive any more messages",
    "No further messages will be sent",
    "you will no longer receive",
    "you will not longer receive text SMS from us",
    "no more texts",
    "won't receive further",
    "You have been unsubscribed and will receive no further messages.",
    "You've opted out and won't get any more texts from Maple Dental.",
    "We will not send you any more messages.",
    "Maple Dental: you will receive no more messages.",
    "Unsubscribed. No more messages will be sent.",
    "You will not be contacted again.",
    "No additional messages will be sent.",
    "You'll stop receiving messages from us.",
    "You will not get further texts.",
    "We won't text you again.",
    "You have been removed and will not receive future messages.",
    "YOU WILL NO LONGER RECEIVE MESSAGES FROM US",
    "You will no longer be contacted by Maple Dental.",
]

NO_FURTHER_NEGATIVE = [
    "Reply STOP to receive no further messages.",
    "If you no longer wish to receive messages, reply STOP.",
    "No more waiting \u2013 book online now!",
    "Reply MORE for more messages.",
    "No messages? Check your settings.",
    "You will receive more messages soon.",
    "You have been opted out.",
    "Thank you for opting into SMS messages from Maple Dental.",
    "If you want no more messages, text STOP.",
]

CASES: list[tuple[Detector, list[str], list[str]]] = [
    (find_rates_disclosure, RATES_POSITIVE, RATES_NEGATIVE),
    (find_frequency_disclosure, FREQUENCY_POSITIVE, FREQUENCY_NEGATIVE),
    (find_carrier_liability, CARRIER_POSITIVE, CARRIER_NEGATIVE),
    (find_consent_not_condition, CONSENT_POSITIVE, CONSENT_NEGATIVE),
    (find_no_further_messages, NO_FURTHER_POSITIVE, NO_FURTHER_NEGATIVE),
]
test_found, test_not_found = detector_tests(CASES)


def test_rates_match_points_at_the_phrase() -> None:
    text = (
        "Maple Dental: your visit is confirmed. Msg & data rates may apply. Reply STOP to opt out."
    )
    m = find_rates_disclosure(text)
    assert m is not None
    assert m.text == "Msg & data rates may apply"


def test_frequency_match_points_at_the_phrase() -> None:
    text = "Join our list for weekly offers! Msg&data rates may apply."
    m = find_frequency_disclosure(text)
    assert m is not None
    assert m.text == "weekly offers"
