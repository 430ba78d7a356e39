"""SMS mentions, marketing mentions, placeholders."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from consentry.phrases import (
    Match,
    find_bundled_channel_consent,
    find_marketing_mention,
    find_placeholder,
    find_sms_mention,
    is_customer_variable,
)
from tests.phrases.detector_cases import detector_tests

Detector = Callable[[str], Match | None]

SMS_POSITIVE = [
    "SMS",
    "text message",
    "text messages",
    "texts",
    "txt msgs",
    "text alerts",
    "mobile messages",
    "You agree to receive recurring automated text messages.",
    "We will text you when it's ready.",
    "Text JOIN to 55555",
    "SMS/MMS alerts",
    "Sign up for texts",
    "Receive appointment reminders via text.",
    "Opt in to text messaging",
    "Text me updates",
    "Get a text when your order ships.",
    "Txt alerts",
]
SMS_NEGATIVE = [
    "the text of this page",
    "Enter text in the box below.",
    "Full text of the agreement",
    "Context matters.",
    "Text size: large",
    "Plain text only",
    "Messages from our CEO",
    "Download the mobile app.",
    "Textbook rental",
    "The text field is required.",
]

MARKETING_POSITIVE = [
    "marketing",
    "promotional messages",
    "promotions",
    "exclusive offers",
    "deals",
    "discounts",
    "specials",
    "coupons",
    "sales events",
    "Get 20% off your next visit!",
    "Receive offers and updates by text.",
    "Join our VIP list for special offers.",
    "Flash sale today only",
    "promo code SAVE10",
    "BOGO pizza tonight",
    "Compare offers now: bestratesfinder.com/offers",
    "We are giving out a few vouchers to our past patients.",
    "offers",
    "Get offers.",
    "Limited-time offer!",
]
MARKETING_NEGATIVE = [
    "Maple Street Dental offers cleanings and x-rays.",
    "Contact our sales team.",
    "Sales tax included.",
    "appointment reminders and account alerts only",
    "We will never send marketing messages.",
    "We deal with all major insurers.",
    "Point of sale system",
    "Special instructions for your visit",
    "No mobile information will be shared with third parties/affiliates for marketing/promotional"
    " purposes.",
    "Our clinic offers free parking.",
    "This plan offers coverage for x-rays.",
    "non-marketing account notifications",
    "Your savings account balance is low.",
    "We offer same-day visits.",
    "This plan offers coverage for x-rays.",
]

PLACEHOLDER_POSITIVE = [
    "Thank you for opting into SMS messages from (company).",
    "(Company)",
    "[company name]",
    "{brand}",
    "{{name}}",
    "<business name>",
    "XYZ Company",
    "Email: (email)",
    "Phone: (tel)",
    "your company name",
    "INSERT BUSINESS NAME",
    "Call xxx-xxx-xxxx",
    "Effective Date: (Date)",
    "Privacy Policy at (private policy page).",
    "Website: (website)",
    "Visit us at [address]",
    "Text HELP to [number] for help",
    "Contact us at info@yourdomain.com",
    "[Your Business Name]",
    "{{company_name}}",
    "%COMPANY%",
    "Thanks for contacting {{name}}!",
    "Text JOIN to XXXXX",
    "*|COMPANY|*",
    "Call (555) 555-5555",
    "[Brand legal name], doing business as [public brand name]",
    "View our Terms at [terms URL]",
    "Users opt in by [describe opt-in method].",
    "I agree with the Terms and Conditions of [YOUR OFFICE NAME].",
    "messages from COMMITTEE NAME. Msg & data rates may apply.",
    "Reply STOP to <YOUR_NUMBER_OR_SHORT_CODE> to cancel.",
    "Program name(s): <Insert program names, e.g., Appointment Alerts, Order Updates, VIP Offers>",
    "Privacy Policy(YOUR PRIVACY POLICY URL)",
    "or call (555) 555‑5555 to request removal",
    "INSERT",
    "For more info, <PREFERRED CONTACT INFO>.",
    "Thank you for joining the %%COMPANY%% text message list.",
    "Just text “STOP” to #####.",
    "Example ** COMPANY NAME SMS Terms of Service ** Example",
    "notifications about _____ (Insert a brief description)",
    "send an email to your company’s support email address",
]
PLACEHOLDER_NEGATIVE = [
    "Hi [first name], your appointment is on [date].",
    "Your order [order #] has shipped.",
    'Maple Dental LLC ("Company", "we")',
    "Hi {{first_name}}, see you at [time].",
    "Reply YES to confirm [appointment time].",
    "Your code is [code].",
    "Hi [Name], your table is ready.",
    "Please enter your company name below.",
    "Save 20% on all services (some restrictions apply).",
    "Maple Street Dental (MSD) is open",
    "Your delivery to [address] is on its way.",
    "Hello {{name}}, thanks!",
    "Acme Corporation: Please visit www.acmecorporation.com to get support.",
    "ABC Plumbing: your technician is on the way.",
    "(see our Privacy Policy)",
    "Your code is [XXXXXX].",
    "[www.reliablecargos.com]",
    "Use [promo code] at checkout.",
    "Please enter your company name and phone.",
    "Hi [pet name], time for your checkup!",
]

CASES: list[tuple[Detector, list[str], list[str]]] = [
    (find_sms_mention, SMS_POSITIVE, SMS_NEGATIVE),
    (find_marketing_mention, MARKETING_POSITIVE, MARKETING_NEGATIVE),
    (find_placeholder, PLACEHOLDER_POSITIVE, PLACEHOLDER_NEGATIVE),
]
test_found, test_not_found = detector_tests(CASES)


@pytest.mark.parametrize(
    "token",
    [
        "[first name]",
        "[date]",
        "[order #]",
        "[Name]",
        "{{first_name}}",
        "[tracking link]",
        "[time]",
        "[Appointment Time]",
        "[amount]",
        "(code)",
        "[Customer First Name]",
        "[tech name]",  # the staff member a message names
        "[Manager Name]",
    ],
)
def test_customer_variables(token: str) -> None:
    assert is_customer_variable(token)


@pytest.mark.parametrize(
    "token",
    [
        "[company name]",
        "(email)",
        "(tel)",
        "{brand}",
        "[website]",
        "[Your Business Name]",
        "",
        "[insert company name]",
        "[privacy policy link]",
        "random words",
        "[team name]",
        "[office name]",
    ],
)
def test_not_customer_variables(token: str) -> None:
    assert not is_customer_variable(token)


def test_placeholder_points_at_the_blank() -> None:
    text = "Hi [first name]! Thanks for contacting (Company). Email (email) for help."
    m = find_placeholder(text)
    assert m is not None
    assert m.text == "(Company)"


BUNDLED_POSITIVE = [
    "By submitting, you agree to receive calls and texts from Ryan Realty about your request.",
    "I consent to be contacted by Acme by phone, email or text message.",
    "I agree to receive emails and text messages from Acme.",
    "You agree to receive automated marketing calls and text messages from Acme.",
    "By checking the box, you agree to receive SMS and emails about your order.",
]
BUNDLED_NEGATIVE = [
    "I agree to receive text messages from Acme. We will also email you a receipt.",
    "I agree to receive appointment text messages from Acme. Reply STOP to cancel.",
    "We may call or text you about your request.",
    "I agree to the Terms and the Privacy Policy and to receive texts from Acme.",
    "Consent is not a condition of purchase; call us at (512) 555-0199 with questions.",
]
test_bundled_found, test_bundled_not_found = detector_tests(
    [(find_bundled_channel_consent, BUNDLED_POSITIVE, BUNDLED_NEGATIVE)]
)


@pytest.mark.parametrize(
    ("text", "provider"),
    [
        (
            "You have successfully been unsubscribed. You will not receive any more messages "
            "from this number. Reply START to resubscribe.",
            "Twilio",
        ),
        ("Reply STOP to unsubscribe. Msg&Data Rates May Apply.", "Twilio"),
        ("Reply STOP to unsubscribe. Msg&Data Rates May Apply. Support: help@acme.com", "Twilio"),
        ("Acme: You have been unsubscribed and will receive no further messages.", None),
        ("", None),
    ],
)
def test_provider_default_reply(text: str, provider: str | None) -> None:
    from consentry.phrases import provider_default_reply

    assert provider_default_reply(text) == provider
