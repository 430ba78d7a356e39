"""The RingCentral community thread (a real DCA2 861 rejection) read by the detectors."""

from __future__ import annotations

from consentry import phrases

START = (
    "Thank you for opting into SMS messages from. To opt out at any time reply STOP Message. Reply"
    " HELP for Assistance. message and data rates may apply. Message frequency will vary."
)
STOP = (
    "Thank you for opting-out of SMS messages you will not longer receive text SMS from (company)."
    " To opt back in at any time reply START."
)
HELP = (
    "Thank you for contacting (Company). We appreciate your inquiry and are here to assist you. Our"
    " team will get back to you shortly. You can contact us through the following channels:\n"
    "Email: (email)\nPhone: (tel) \nWebsite: (website)\nReply STOP to opt-out of SMS messaging"
)
POLICY = (
    "Text Messaging\n\nEffective Date: (Date)\n\n(company) is committed to protecting your privacy"
    " when you engage with our SMS messaging service.\n  \u2022 Frequency: You may receive an"
    " unlimited number of text messages from us.\n  \u2022 Charges: Message and data rates may apply"
    " based on your mobile carrier\u2019s plan.\n  \u2022 Opt-Out: To stop receiving messages, reply"
    " STOP at any time.\nExample Opt-In Message\nThank you for opting into SMS messages from"
    " (company)! Message and data rates may apply. Reply HELP for assistance or STOP to opt out."
    " Privacy Policy at (private policy page).\n\nData Privacy\n\n(company) prioritizes the"
    " security and privacy of your personal information. We will not share customer\u2019s"
    " information with third parties.\n  \u2022 Data Sharing: We do not sell or share your"
    " information with third parties, except as necessary to deliver the service or as required"
    " by law."
)
OLD_PP = (
    "Consent for SMS communication is not collected through our website; it is implied only when a"
    " customer initiates contact by texting us."
)
DECLINE = (
    "Needs compliant and accurate CTA information, update with specific path for mobile opt-in,"
    " HELP instructions, STOP instructions, message frequency disclosure"
)


def test_start_message_has_every_disclosure_but_no_brand() -> None:
    assert phrases.find_stop_instruction(START) is not None
    assert phrases.find_help_instruction(START) is not None
    assert phrases.find_rates_disclosure(START) is not None
    assert phrases.find_frequency_disclosure(START) is not None
    assert phrases.find_sms_mention(START) is not None
    aliases = phrases.brand_aliases("Cedar Grove Property Management", None, None)
    assert phrases.find_brand(START, aliases) is None


def test_stop_message_says_no_more_but_has_a_placeholder() -> None:
    m = phrases.find_no_further_messages(STOP)
    assert m is not None and "not longer receive" in m.text
    p = phrases.find_placeholder(STOP)
    assert p is not None and p.text == "(company)"


def test_help_message_placeholders_and_no_real_contact() -> None:
    p = phrases.find_placeholder(HELP)
    assert p is not None and p.text == "(Company)"
    assert phrases.find_support_contact(HELP) is None
    assert phrases.find_help_instruction(HELP) is None  # "here to assist you" is not "Reply HELP"
    assert phrases.find_stop_instruction(HELP) is not None


def test_policy_template() -> None:
    assert phrases.find_frequency_disclosure(POLICY) is not None
    assert phrases.find_rates_disclosure(POLICY) is not None
    assert phrases.find_privacy_reference(POLICY) is not None
    assert phrases.find_no_sharing_statement(POLICY) is not None
    assert phrases.find_sharing_permission(POLICY) is None
    placeholder = phrases.find_placeholder(POLICY)
    assert placeholder is not None and placeholder.text == "(Date)"


def test_old_policy_and_decline_text_are_not_disclosures() -> None:
    assert phrases.find_stop_instruction(OLD_PP) is None
    assert phrases.find_help_instruction(OLD_PP) is None
    assert phrases.find_no_sharing_statement(OLD_PP) is None
    assert phrases.find_sms_mention(OLD_PP) is not None
    assert phrases.find_stop_instruction(DECLINE) is None
    assert phrases.find_help_instruction(DECLINE) is None
    assert phrases.find_frequency_disclosure(DECLINE) is None
