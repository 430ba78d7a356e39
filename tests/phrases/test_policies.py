"""Privacy/terms references, the non-sharing promise, sold-only promises, sharing clauses."""

from __future__ import annotations

from collections.abc import Callable

from consentry.phrases import (
    Match,
    find_no_sharing_statement,
    find_privacy_reference,
    find_sharing_permission,
    find_sms_carve_out,
    find_sold_only_statement,
    find_terms_reference,
)
from tests.phrases.detector_cases import detector_tests

Detector = Callable[[str], Match | None]

PRIVACY_POSITIVE = [
    "See our Privacy Policy at https://maple.com/privacy",
    "https://www.maplestreetdental.com/privacy",
    "maple.com/legal/privacy-notice",
    "Privacy Notice",
    "privacy statement",
    "Privacy: maple.com/p",
    "Terms | Privacy",
    "Read our Privacy & Cookie Policy.",
    "Privacy Policy at (private policy page).",
    "View our privacy policy here.",
    "No mobile information will be shared with third parties/affiliates for marketing/promotional"
    " purposes.",
    "HIPAA Notice of Privacy Practices",
    "www.maple.com/privacypolicy",
    "PRIVACY POLICY",
    "Links to the Acme Privacy Policy (https://www.acme.com/privacy) are shown.",
    "Privacy & Terms: https://crab.travel/legal",
    "We will not share customer\u2019s information with third parties.",
    "Privacy",
    "Privacy Center",
]
PRIVACY_NEGATIVE = [
    "We respect your privacy.",
    "Install a privacy fence today.",
    "Privacy screens for your office.",
    "Return policy: 30 days.",
    "Insurance policy details",
    "Private parking available.",
    "Your privacy is important to us.",
    "https://maple.com/book",
    "We take privacy seriously.",
    "We do not sell your personal information.",
    "privacy matters to us",
]

TERMS_POSITIVE = [
    "See Terms of Service",
    "Terms & Conditions",
    "SMS Terms: maple.com/sms-terms",
    "Terms of Use",
    "T&C apply",
    "https://maple.com/terms",
    "maple.com/tos",
    "terms and conditions",
    "View our full terms at maple.com/t",
    "Privacy Policy & Terms",
    "See our ToS.",
    "Mobile Terms of Service",
    "https://maple.com/legal/conditions",
    "Terms: https://maple.com/x",
    "Messaging Terms",
    "Read the Text Message Terms (https://sirreel.com/sms-terms).",
    "Term and Conditions at www.acmesandwich.com/tc",
    "Terms of Service and Privacy Policy apply.",
    " Terms ",
    "maple.com/termsofservice",
    "https://maple.com/pages/terms-of-service",
]
TERMS_NEGATIVE = [
    "In terms of pricing, we are the best.",
    "Payment terms: net 30.",
    "Loan terms vary by lender.",
    "Weather conditions may delay delivery.",
    "Air conditioning repair",
    "We are on good terms with our neighbors.",
    "Long-term care facility",
    "Pre-existing conditions are covered.",
    "Terminal 4 pickup",
    "tos",
    "https://maple.com/termite-control",
    "https://maple.com/conditions-we-treat",
    "See our photos at maple.com/photos",
]

NO_SHARING_POSITIVE = [
    "No mobile information will be shared with third parties/affiliates for marketing/promotional"
    " purposes.",
    "We do not share your mobile number or SMS opt-in data with any third party.",
    "Text messaging originator opt-in data and consent will not be shared with any third parties.",
    "will not be sold, rented or shared",
    "Opt-in data and consent will not be shared with third parties.",
    "SMS-collected information is not shared with third parties or associates.",
    "customer data will not be shared with third parties for marketing purposes",
    "We do not transfer consumer data to external organizations under any circumstances.",
    "We will not share customer\u2019s information with third parties.",
    "We do not sell or share your information with third parties, except as necessary to deliver"
    " the service or as required by law.",
    "We never share or sell your phone number.",
    "Your phone number will never be shared with anyone.",
    "We won't share your mobile data.",
    "We do not sell, rent, share or otherwise disclose your SMS consent to anyone.",
    "Under no circumstances will we share your phone number with third parties for marketing.",
    "Information obtained as part of the SMS consent process will not be shared with third"
    " parties.",
    "We absolutely do not sell, lease or share private data in any way.",
    "NO MOBILE INFORMATION WILL BE SHARED WITH THIRD PARTIES.",
    "We will not, under any circumstances, share your number.",
    "Your number is not in any way shared with third parties.",
    "We do not and will not share your data with third parties.",
]
NO_SHARING_NEGATIVE = [
    "We do not sell your personal information.",
    "Phone numbers and messaging data are not sold to third parties.",
    "Never share this code with anyone.",
    "Do not share your password with anyone.",
    "Your code is 123456. Do not share it.",
    "We do not sell or rent your data.",
    "We may share your information with our marketing partners.",
    "We do not share a wall with the neighbors.",
    "We do not provide refunds.",
    "We respect your privacy.",
    "If you do not want us to share your information with partners, contact us.",
]

SOLD_ONLY_POSITIVE = [
    "We do not sell your personal information.",
    "Phone numbers and messaging data are not sold to third parties.",
    "We will never sell your data.",
    "Your information will not be sold.",
    "We never sell your phone number to anyone.",
    "We don't sell customer data.",
    "We do not sell your data to third parties.",
    "Maple Dental does not sell personal information.",
    "Your personal data is never sold.",
    "We will not sell your contact details.",
    "We do not transfer your information to third parties in exchange for money.",
]
SOLD_ONLY_NEGATIVE = [
    "We do not sell or share your information.",
    "will not be sold, rented or shared",
    "We do not sell or rent your data.",
    "We do not share your data.",
    "We sell dental products.",
    "We never share or sell your number.",
    "No mobile information will be shared.",
    "Items not sold in stores.",
]

PERMISSION_POSITIVE = [
    "we may share your information with our marketing partners",
    "we may sell or share your data with affiliates",
    "We may share your personal information with third parties for their marketing purposes.",
    "We may disclose your phone number to our partners.",
    "Your information may be shared with our affiliates and business partners.",
    "We share information with third-party advertisers.",
    "We may sell your personal information.",
    "We may rent or sell your contact information to third parties.",
    "By submitting this form, you agree that we may share your info with our partners who may"
    " contact you.",
    "We may transfer your personal data to affiliated companies.",
    "We reserve the right to share your information with third parties.",
    "Your data may be provided to lenders in our network.",
    "We may share your information with our affiliates and service providers.",
    "We do not sell your data, but we may share it with our marketing partners.",
    "We\nmay\nshare\nyour\ninformation\nwith\nour\nbusiness\npartners\nto\noffer\nyou\ncertain\nproducts.",
    "In some cases, we may share your information with third parties who may use your information for their own purposes, including for purposes of marketing and advertising.",
    "However, we do transfer personal information to certain third parties in order to operate our business (for example, to market our products and services).",
]
PERMISSION_NEGATIVE = [
    "We do not share your information with third parties.",
    "We may share your information with third-party service providers who help us deliver the"
    " service.",
    "We may share your Personal Data, including your SMS opt-in or consent status, with third"
    " parties that help us provide our messaging services, including platform providers, phone"
    " companies.",
    "We may share your information with our marketing partners. All the above categories exclude"
    " text messaging originator opt-in data and consent; this information will not be shared with"
    " any third parties.",
    "We may disclose your information if required by law or in response to a court order.",
    "In the event of a merger or acquisition, your information may be transferred to the new"
    " owner.",
    "We may share aggregated, de-identified data with partners.",
    "You may share your experience with other customers.",
    "We do not sell, rent or share your data with third parties.",
    "Share this post with your friends!",
    "We may share your information with partners. No mobile information will be shared with third"
    " parties/affiliates for marketing/promotional purposes.",
    "Tenants give us their phone number when they sign a lease.",
    "Service providers. We share your personal information with third parties that provide services to us. Legal compliance. We disclose personal information to the courts, the government, law enforcement agencies, regulators, litigants, and similar recipients for legal compliance purposes.",
    "We share information with third parties only as needed to provide the service.",
]

CARVE_POSITIVE = [
    "All the above categories exclude text messaging originator opt-in data and consent; this"
    " information will not be shared with any third parties.",
    "The above excludes text messaging originator opt-in data and consent.",
    "No mobile information will be shared with third parties/affiliates for marketing/promotional"
    " purposes.",
    "This does not apply to SMS opt-in data, which is never shared.",
    "Except for SMS consent data, which we never share, we may share information with partners.",
    "Text messaging opt-in data is excluded from this sharing.",
    "Mobile opt-in information is never shared with third parties.",
    "SMS consent and phone numbers will not be shared with third parties or affiliates.",
    "We will not share your opt-in to an SMS campaign with any third party.",
    "Opt-in data and consent will not be shared with third parties.",
]
CARVE_NEGATIVE = [
    "We may share your information with our marketing partners.",
    "We do not sell your personal information.",
    "We do not share your information.",
    "We exclude liability for delays.",
    "Excluding holidays, we text weekly.",
    "We respect your privacy.",
]

CASES: list[tuple[Detector, list[str], list[str]]] = [
    (find_privacy_reference, PRIVACY_POSITIVE, PRIVACY_NEGATIVE),
    (find_terms_reference, TERMS_POSITIVE, TERMS_NEGATIVE),
    (find_no_sharing_statement, NO_SHARING_POSITIVE, NO_SHARING_NEGATIVE),
    (find_sold_only_statement, SOLD_ONLY_POSITIVE, SOLD_ONLY_NEGATIVE),
    (find_sharing_permission, PERMISSION_POSITIVE, PERMISSION_NEGATIVE),
    (find_sms_carve_out, CARVE_POSITIVE, CARVE_NEGATIVE),
]
test_found, test_not_found = detector_tests(CASES)


def test_sharing_permission_reports_the_clause_not_the_negated_one() -> None:
    text = "We do not sell your data, but we may share it with our marketing partners."
    m = find_sharing_permission(text)
    assert m is not None
    assert m.text.startswith("we may share")


def test_carve_out_elsewhere_in_the_policy_clears_a_sharing_clause() -> None:
    policy = (
        "How we share information. We may share your contact details with our business partners."
        " Other sections follow here.\n\nSMS. Text messaging originator opt-in data and consent"
        " will not be shared with any third parties."
    )
    assert find_sms_carve_out(policy) is not None
    assert find_sharing_permission(policy) is None
    assert find_sharing_permission(policy.split("\n\n")[0]) is not None


def test_sold_only_and_no_sharing_can_both_be_present() -> None:
    policy = "We do not sell your data. We do not share your phone number with third parties."
    assert find_sold_only_statement(policy) is not None
    assert find_no_sharing_statement(policy) is not None
