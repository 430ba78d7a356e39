"""The message-flow reading is not fooled by a method or a bad practice that the flow denies."""

from __future__ import annotations

import pytest

from consentry.lint.flow import Method, analyse_flow


@pytest.mark.parametrize(
    ("text", "method"),
    [
        ("This is not a text-first program; customers cannot opt in by texting us.", None),
        ("We do not collect consent verbally or on paper.", None),
        ("Patients never sign a paper form.", None),
        ("No verbal opt-ins are accepted.", None),
        ("Customers who do not have internet can text JOIN to 55555.", Method.KEYWORD),
        ("We collect consent verbally on calls, reading this script: ...", Method.VERBAL),
        ("Patients sign a paper intake form at the front desk.", Method.PAPER),
        ("Customers text us first at (512) 555-0100, shown on our trucks.", Method.TEXT_FIRST),
        # a negation that governs a whole list reaches its last item
        (
            "Phone numbers are not purchased, rented, scraped, entered by staff, or enrolled "
            "through verbal consent.",
            None,
        ),
        (
            "Customers who have no smartphone, or prefer it, can give consent verbally on a call.",
            Method.VERBAL,
        ),
    ],
)
def test_methods_respect_negation(text: str, method: Method | None) -> None:
    methods = analyse_flow(text).methods
    if method is None:
        assert not methods & {Method.TEXT_FIRST, Method.VERBAL, Method.PAPER}, methods
    else:
        assert method in methods, methods


@pytest.mark.parametrize(
    ("text", "third_party"),
    [
        ("No numbers are imported from other systems or purchased from third parties.", False),
        ("We never buy, rent or share phone numbers, and we do not use lead lists.", False),
        ("No purchased lists or unrelated promotions are used.", False),
        ("Contacts purchased from a third party are texted weekly.", True),
        ("We bought lists from partners.", True),
    ],
)
def test_third_party_consent_respects_denial(text: str, third_party: bool) -> None:
    assert analyse_flow(text).third_party_consent is third_party


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a checkbox or form on paper is not a web page a reviewer can open
        (
            "New patients complete a paper intake form at our office that includes an optional "
            "SMS consent checkbox.",
            {Method.PAPER},
        ),
        (
            "Customers fill out a paper form in store or the online form on our website.",
            {Method.PAPER, Method.WEB},
        ),
        (
            "When scheduling through our online scheduler, patients may select SMS reminders.",
            {Method.WEB},
        ),
        ("During sign-up in the Acme iOS app, users check a box to receive texts.", {Method.APP}),
        ("2) VERBAL. Clients who book by phone are read the script below.", {Method.VERBAL}),
        ("Verbal: staff ask each caller before adding them to the list.", {Method.VERBAL}),
    ],
)
def test_methods_tell_paper_web_and_app_apart(text: str, expected: set[Method]) -> None:
    methods = analyse_flow(text).methods
    assert expected <= methods, methods
    if Method.WEB not in expected:
        assert Method.WEB not in methods, methods


@pytest.mark.parametrize(
    ("text", "agreement"),
    [
        (
            "Members opt in at https://x.io/sms by entering their own mobile number and agreeing "
            "to receive texts from The Pool.",
            True,
        ),
        ("Customers agree to receive appointment text messages from Acme.", True),
        ("Customers provide their phone number at checkout.", False),
    ],
)
def test_stated_agreement(text: str, agreement: bool) -> None:
    assert analyse_flow(text).states_agreement is agreement


@pytest.mark.parametrize(
    ("url", "policy"),
    [
        ("https://www.acme.com/privacy", True),
        ("acme.com/privacy", True),  # written without a scheme
        ("acme.com/sms-terms", True),
        ("acme.com/signup", False),
        ("acme.com/privacy#sms-opt-in", False),
        ("acme.com", False),
        ("www.acmesandwich.com/tc", True),  # "T&C" as a path
        ("acme.com/t-and-c.html", True),
        ("acme.com/etc", False),
        ("acme.com/tickets", False),
    ],
)
def test_policy_urls(url: str, policy: bool) -> None:
    from consentry.lint.flow import is_policy_url

    assert is_policy_url(url) is policy


def test_an_unchecked_box_is_a_checkbox() -> None:
    flow = analyse_flow("The page has a form with an unchecked box: 'I agree to receive texts.'")
    assert flow.mentions_checkbox


def test_a_number_listed_on_the_contact_page_is_not_a_web_form() -> None:
    flow = analyse_flow(
        "Patients text our office number first; it is listed on our website contact page."
    )
    assert Method.WEB not in flow.methods
    assert Method.TEXT_FIRST in flow.methods
    assert Method.WEB in analyse_flow("Patients opt in on our contact page form.").methods


def test_a_denied_web_form_is_not_a_web_opt_in() -> None:
    flow = analyse_flow(
        "Participants read the disclosure at https://example.org/sms and text JOIN from their own "
        "phone to (512) 555-0100. The website does not collect phone numbers and there is no web "
        "signup form or consent checkbox."
    )
    assert flow.methods == {Method.KEYWORD}, flow.methods
    assert flow.keywords == ("JOIN",)
    assert not flow.mentions_checkbox


def test_a_described_form_next_to_a_page_link_is_a_web_opt_in() -> None:
    flow = analyse_flow(
        "Visitors open our card page and submit their number through the Share My Info form. "
        "Evidence: https://example.com/sms-consent"
    )
    assert Method.WEB in flow.methods


@pytest.mark.parametrize(
    ("text", "checkbox"),
    [
        ("There is no web form or checkbox; customers text JOIN to 55555.", False),
        ("No checkbox is used.", False),
        # denying the pre-check describes an unchecked box
        ("The form at https://a.com/book has no pre-checked checkbox for SMS consent.", True),
        ("The form does not use a pre-checked checkbox; consent is optional.", True),
        ("We do not pre-check the box.", True),
    ],
)
def test_checkbox_respects_negation(text: str, checkbox: bool) -> None:
    assert analyse_flow(text).mentions_checkbox is checkbox
