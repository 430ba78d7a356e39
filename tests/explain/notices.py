"""Reviewer notices used by the explain tests: the seed thread's notice and realistic variants."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

# The RingCentral community thread's DCA2 decline, byte for byte (non-breaking space included).
SEED_861 = (FIXTURES / "seed-861-notice.txt").read_text(encoding="utf-8")

# What the "Done when" lists for that notice, as requirement ids.
SEED_861_REQUIREMENTS = {
    "cta.path", "cta.help", "cta.stop", "cta.frequency", "cta.rates", "cta.privacy",
    "cfm.brand", "cfm.help", "cfm.stop", "cfm.frequency", "cfm.rates",
    "out.brand", "out.no_further", "help.brand", "help.contact",
}  # fmt: skip

TWILIO_EMAIL = """Hi there,

Your A2P 10DLC campaign for Maple Street Dental was rejected.
Error code: 30909 \u2013 Campaign vetting rejection \u2013 Message Flow / Call to Action Incomplete or
Verification Issue
Reviewer notes: the opt-in page URL is not provided and the CTA is missing message frequency and
the \u201cMsg & data rates may apply\u201d disclosure.

Once you have made a change to address the issue, please resubmit the campaign for review.
Need some help? Additional help resources.
"""

TELNYX_806 = (
    "Error 806: Unable to verify CTA information. The call-to-action (CTA) is inaccurate and does "
    "not specify where customers opt in (website, verbal, written, etc.)."
)

BANDWIDTH_COMMENT = """Campaign Status: REJECTED
DCA Comment: Opt-out message must include the brand name. HELP response must include a support
email or phone number."""

AWS_ENUMS = (
    '{"DeniedReasons": [{"Reason": "OPT_IN_WORKFLOW_NON_COMPLIANT_HELP_STOP"}, '
    '{"Reason": "OPT_IN_WORKFLOW_NON_COMPLIANT_MSG_FREQUENCY"}, {"Reason": "PRIVACY_POLICY_NON_COMPLIANT"}]}'
)

AWS_DESCRIPTIONS = (
    "The opt-in workflow doesn't include HELP and STOP instructions. "
    "The opt-in workflow doesn't state the message frequency."
)

# Numbers a notice may carry that are not codes (806, 861 and 611 are all known codes).
NOT_CODES = (
    "Call (806) 555-0123 or 806-555-0123 or +1 861 555 0100. Reviewed on 08/06/2025 at 8:06. "
    "Up to 806 messages, 3 msgs/week, a $15 vetting fee, 2104 Maple Street Suite 611, "
    "campaign CEFQQMK, 10DLC, A2P, 30007 undelivered."
)
