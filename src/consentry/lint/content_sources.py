"""Published pages the content rules (CNT, FLG) rest on, beyond those in `sources.py`."""

from __future__ import annotations

from consentry.lint.rule import Source
from consentry.lint.sources import twilio_error

__all__ = [
    "SALESMESSAGE_PROHIBITED",
    "SINCH_PROVISIONING",
    "TW_30883",
    "TW_30884",
    "TW_30885",
    "TW_30888",
    "TW_30895",
    "TW_30897",
    "TW_30943",
    "TW_30949",
    "TW_30950",
]

TW_30883 = twilio_error(30883, "Campaign vetting rejection - Content Violation")
TW_30884 = twilio_error(30884, "Campaign vetting rejection - Spam/Phishing")
TW_30885 = twilio_error(30885, "Campaign vetting rejection - High Risk")
TW_30888 = twilio_error(30888, "Campaign vetting rejection - Age Gate Not Present / Not Acceptable")
TW_30895 = twilio_error(
    30895, "Campaign vetting rejection - Direct Lending - Campaign and Content Attribute Error"
)
TW_30897 = twilio_error(30897, "Campaign vetting rejection - Disallowed Content")
TW_30943 = twilio_error(30943, "Campaign rejected: Third-party debt collection content detected")
TW_30949 = twilio_error(
    30949, "Campaign rejected: Debt reduction or consolidation content detected"
)
TW_30950 = twilio_error(30950, "Campaign rejected: Credit repair content detected")

SALESMESSAGE_PROHIBITED = Source(
    "Prohibited SMS use cases (mirror of carrier lists)",
    "https://help.salesmessage.com/en/articles/6811688-prohibited-sms-use-cases",
    "Salesmessage",
)
SINCH_PROVISIONING = Source(
    "Numbers API provisioning errors (T-Mobile number pool)",
    "https://developers.sinch.com/docs/numbers/api-reference/error-codes/provisioning-errors",
    "Sinch",
)
