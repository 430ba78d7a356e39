"""STOP and HELP keyword instructions."""

from __future__ import annotations

import pytest

from consentry.phrases import find_help_instruction, find_stop_instruction

STOP_POSITIVE = [
    "Reply STOP to cancel",
    "Reservation held for [date]. STOP opts out.",
    "STOP unsubscribes you from these texts.",
    "Text STOP to opt out",
    "txt STOP",
    "reply STOP",
    "Reply STOP to unsubscribe",
    "Send STOP",
    "respond with STOP",
    "STOP to end",
    "reply END or CANCEL",
    "opt out at any time by replying STOP",
    "To opt out at any time reply STOP Message. Reply HELP for Assistance.",
    "Reply \u201cStop\u201d to opt-out.",
    "reply stop to unsubscribe",
    "Text the word STOP to 55555 to stop receiving messages.",
    "Msg&data rates may apply. Reply STOP2END.",
    "Reply HELP for help, STOP to cancel.",
    "You can unsubscribe at any time by texting 'stop'.",
    "reply with the word stop",
    "\uff32\uff45\uff50\uff4c\uff59 \uff33\uff34\uff2f\uff30 to cancel",
    "Reply STOP, STOPALL, END or QUIT to be removed.",
    "Maple Dental: see you tomorrow at 3pm. reply stop.",
    "Reply UNSUBSCRIBE to stop receiving texts",
    "Text QUIT to 12345 to leave the program",
    "Reply S\u200bTOP to opt out",
    "Rply STOP 2 opt out",
    "Unsubscribe at any time by replying STOP.",
    "Responda ALTO para cancelar.",
    "STOP — Reply\nSTOP\nto <YOUR_NUMBER> to cancel.",
    "REPLY STOP TO CANCEL",
    "Txt STOP 2 QUIT, std msg chrgs apply",
    "You can cancel this service at any time. Just text “STOP” to #####.",
]

STOP_NEGATIVE = [
    "stop by our office",
    "Stop by our office any time before 5pm.",
    "We won't stop until you're happy.",
    "Stop wasting money on rent!",
    "Text or call, then stop by to pick up your order.",
    "All chats use end-to-end encryption.",
    "End to end encryption keeps your data safe.",
    "We send end users a reminder the day before.",
    "Reply CANCEL to cancel your appointment.",
    "Reply C to cancel your appointment.",
    "Reply to this message to cancel your order.",
    "Don't stop to chat at the front desk.",
    "Please stop texting me",
    "Text us, stop in anytime.",
    "Opt out at any time on our website.",
    "Click the link to unsubscribe from emails.",
    "Stop to think about your smile.",
    "the end of the month",
    "Reply END to end your chat session",
    "Message END-of-day report attached.",
    "TEXT STOP BY 5PM",
    "Bus stop pickup at 5",
]

HELP_POSITIVE = [
    "reply HELP for help",
    "For help, reply HELP",
    "Text HELP for assistance",
    "HELP for help",
    "reply HELP or INFO",
    "Reply HELP",
    "Msg HELP for help",
    "Reply STOP to cancel, help for help",
    "text 'help' for info",
    "Txt HELP 4 help",
    "Reply INFO for more information.",
    "Send HELP for help.",
    "Reply with HELP for customer support.",
    "Reply \u201cHELP\u201d for assistance or STOP to opt out.",
    "Message frequency varies. reply help for help.",
    "Text HELP to 55555.",
    "STOP to end, HELP 4 help",
    "Reply Help for additional support.",
    "Envie AYUDA para ayuda.",
    "TEXT HELP FOR HELP",
]

HELP_NEGATIVE = [
    "we are here to help",
    "help@x.com",
    "need help? call us",
    "we can help you",
    "Text us for help.",
    "Email help@maplestreetdental.com for help.",
    "Call our help line at 512-447-0198.",
    "Reply to this message for help.",
    "Please send help!",
    "Let us help for more complex issues.",
    "Our text help line is open 24/7.",
    "Visit help.maplestreetdental.com",
    "Reply for help",
    "How can we help? Text us anytime.",
    "Text HELP WANTED to apply for the job.",
]


@pytest.mark.parametrize("text", STOP_POSITIVE)
def test_stop_found(text: str) -> None:
    m = find_stop_instruction(text)
    assert m is not None, text
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("text", STOP_NEGATIVE)
def test_stop_not_found(text: str) -> None:
    assert find_stop_instruction(text) is None


@pytest.mark.parametrize("text", HELP_POSITIVE)
def test_help_found(text: str) -> None:
    m = find_help_instruction(text)
    assert m is not None, text
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("text", HELP_NEGATIVE)
def test_help_not_found(text: str) -> None:
    assert find_help_instruction(text) is None


def test_stop_match_covers_keyword_in_original_text() -> None:
    text = "Hi! \u201cReply\u00a0\uff33\uff34\uff2f\uff30 to cancel\u201d"
    m = find_stop_instruction(text)
    assert m is not None
    assert "\uff33\uff34\uff2f\uff30" in m.text
    assert m.text.startswith("Reply")


def test_first_of_several_is_returned() -> None:
    text = "Reply HELP for help. Reply STOP to cancel. Text STOP to end."
    m = find_stop_instruction(text)
    assert m is not None and m.start == text.index("Reply STOP")
