"""Reviewer wording -> atomic requirements: the vocabulary generalises across providers' phrasing."""

from __future__ import annotations

import pytest

from consentry.explain.demands import demands_in
from tests.explain.notices import AWS_DESCRIPTIONS, BANDWIDTH_COMMENT, TELNYX_806, TWILIO_EMAIL


def test_the_861_explanation_splits_into_atomic_demands_by_surface() -> None:
    text = (
        "Needs compliant and accurate CTA information, update with specific path for mobile "
        'opt-in, HELP instructions, STOP instructions, message frequency disclosure, "message and '
        'data rates may apply" disclosure and link to the message program privacy policy, or '
        "language referring to the privacy policy. Opt-in message/Confirmation MT must contain "
        "brand name, HELP, opt-out, mssg frequency and associated fees disclosures. Opt-out "
        "message must contain brand name and indicate that no further messages will be sent. HELP "
        "message must contain brand name and contain support contact (email, phone number, or "
        "support website)."
    )
    found = demands_in(text)
    # The same word ("brand name", "HELP") is a different demand on each surface.
    assert found == [
        "cta.help", "cta.stop", "cta.frequency", "cta.rates", "cta.privacy", "cta.path",
        "cfm.brand", "cfm.help", "cfm.stop", "cfm.frequency", "cfm.rates",
        "out.brand", "out.no_further", "help.brand", "help.contact",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Twilio error pages and console wording
        ("Call-to-Action does not state message frequency", {"cta.frequency"}),
        ("Call-to-Action is missing the message and data rates disclosure", {"cta.rates"}),
        ("Call-to-Action is missing customer support instructions", {"cta.help"}),
        ("Call-to-Action does not state the message purpose", {"cta.purpose"}),
        ("Consent does not specify SMS or text messaging", {"cta.sms"}),
        ("Terms of Service missing message frequency disclosure", {"tc.frequency"}),
        ("Campaign rejected: Marketing and informational consent must be separate", {"cta.marketing_separate"}),
        ("Campaign rejected: Privacy policy must disclose third-party data sharing", {"pp.no_sharing"}),
        ("Campaign vetting rejection - Opt-out Error", {"out.brand", "out.no_further"}),
        ("Campaign vetting rejection - Invalid Sample Message - Public URL Shorteners", {"smp.shortener"}),
        ("Campaign rejected: Website requires authentication and cannot be reviewed", {"web.no_login"}),
        ("Opt-in information is shared with third-party entities", {"pp.no_sale_clause"}),
        # Telnyx / DCA explanations
        ("The message flow does not provide a path as to how someone gets to the opt-in form", {"cta.path"}),
        ("The website needs a DD/MM/YYYY age gate as opposed to an 'Are you over 21?' button", {"flg.age_gate"}),
        ("Any mention of lead generation or SEO on the website would lead to a decline", {"cnt.lead_gen"}),
        ("Check box either not present or mandatory causing a forced opt in", {"web.checkbox", "cta.optional"}),
        # AWS descriptions
        ("The opt-in workflow doesn't include HELP and STOP instructions.", {"cta.help", "cta.stop"}),
        ("The privacy policy doesn't state that mobile opt-in data is not shared with third parties.", {"pp.no_sharing"}),
        ("Sample messages are missing.", {"smp.count"}),
        ("Opt-in message is missing.", {"cfm.present"}),
        ("The support email uses a public domain such as gmail.", {"brd.email"}),
        # Free-form reviewer notes
        ("HELP reply needs your business name", {"help.brand"}),
        ("Reply STOP must be in the sign-up form disclosure", {"cta.stop"}),
        ("STOP auto-response should confirm the customer will not receive any more messages", {"out.no_further"}),
        ("Welcome message is missing the msg frequency and HELP", {"cfm.frequency", "cfm.help"}),
        ("Please update your CTA.", {"cta.method"}),
        ("Privacy Policy and Opt-in Confirmation Requirements Not Met",
         {"pp.no_sharing", "cfm.brand", "cfm.help", "cfm.stop", "cfm.frequency", "cfm.rates"}),
    ],
)  # fmt: skip
def test_reviewer_wording_variants(text: str, expected: set[str]) -> None:
    assert set(demands_in(text)) == expected


def test_provider_forwarding_styles() -> None:
    assert {"cta.path", "cta.frequency", "cta.rates"} <= set(demands_in(TWILIO_EMAIL))
    assert {"cta.method", "cta.path"} <= set(demands_in(TELNYX_806))
    assert set(demands_in(BANDWIDTH_COMMENT)) == {"out.brand", "help.contact"}
    assert set(demands_in(AWS_DESCRIPTIONS)) == {"cta.help", "cta.stop", "cta.frequency"}


@pytest.mark.parametrize(
    "text",
    [
        "Need some help? Additional help resources.",  # page chrome, not a demand
        "Once you have made a change to address the issue, please resubmit the campaign for review.",
        "HELP message should include Reply STOP to opt out.",  # allowed, not required: no demand we check
        "Thanks for your patience - hang in there!",
        "",
    ],
)
def test_text_without_demands(text: str) -> None:
    assert demands_in(text) == []


def test_the_same_word_on_different_surfaces() -> None:
    assert demands_in("Opt-out message must contain brand name.") == ["out.brand"]
    assert demands_in("HELP message must contain brand name.") == ["help.brand"]
    assert demands_in("Opt-in message must contain brand name.") == ["cfm.brand"]
    assert demands_in("Sample messages must contain brand name.") == ["smp.brand"]
    assert demands_in("The CTA must contain brand name.") == ["cta.brand"]


def test_a_specific_content_demand_replaces_the_generic_one() -> None:
    assert demands_in("Prohibited Content; Cannabis") == ["cnt.cannabis"]
    assert demands_in("Prohibited content") == ["cnt.prohibited"]
