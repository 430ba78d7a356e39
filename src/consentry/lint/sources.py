"""Published pages the rules rest on, defined once (from shared/reference/rules.md)."""

from __future__ import annotations

from consentry.lint.rule import Source

__all__ = ["twilio_error"]


def twilio_error(code: int, title: str) -> Source:
    """Twilio's page for one of its A2P error codes."""
    return Source(
        f"Twilio error {code}: {title}", f"https://www.twilio.com/docs/api/errors/{code}", "Twilio"
    )


TW_GUIDE = Source(
    "A2P 10DLC Campaign Approval Best Practices",
    "https://help.twilio.com/articles/11847054539547",
    "Twilio",
)
TW_RECS = Source(
    "A2P 10DLC Campaign Registration Recommendations",
    "https://support.twilio.com/hc/en-us/articles/26149060902555-A2P-10DLC-Campaign-Registration-Recommendations",
    "Twilio",
)
TW_USA2P = Source(
    "UsAppToPerson resource (field limits)",
    "https://www.twilio.com/docs/messaging/api/usapptoperson-resource",
    "Twilio",
)
TW_FORBID = Source(
    "Forbidden message categories for SMS and MMS in the US and Canada",
    "https://support.twilio.com/hc/en-us/articles/360045004974-Forbidden-message-categories-for-SMS-and-MMS-in-the-US-and-Canada",
    "Twilio",
)
TW_OPTOUT = Source(
    "Advanced Opt-Out",
    "https://www.twilio.com/docs/messaging/tutorials/advanced-opt-out",
    "Twilio",
)
TW_USECASES = Source(
    "List of campaign use case types for A2P 10DLC registration",
    "https://support.twilio.com/hc/en-us/articles/1260801844470-List-of-campaign-use-case-types-for-A2P-10DLC-registration",
    "Twilio",
)
TX_CODES = Source(
    "10DLC Carrier Error Codes Explanations",
    "https://support.telnyx.com/en/articles/10547022-10dlc-carrier-error-codes-explanations",
    "Telnyx",
)
TX_GUIDE = Source(
    "10DLC Campaign Compliance Guide",
    "https://support.telnyx.com/en/articles/16256133-10dlc-campaign-compliance-guide",
    "Telnyx",
)
TX_FORM = Source(
    "10DLC Opt-In Form",
    "https://support.telnyx.com/en/articles/10684260-10dlc-opt-in-form",
    "Telnyx",
)
TX_FLOW = Source(
    "Guide to 10DLC Message Flow field",
    "https://support.telnyx.com/en/articles/10562019-guide-to-10dlc-message-flow-field",
    "Telnyx",
)
TX_BP = Source(
    "10DLC Campaign Approval Best Practices",
    "https://support.telnyx.com/en/articles/7127078-10dlc-campaign-approval-best-practices",
    "Telnyx",
)
TX_TROUBLE = Source(
    "10DLC troubleshooting",
    "https://developers.telnyx.com/docs/messaging/10dlc/troubleshooting",
    "Telnyx",
)
TX_SOLEPROP = Source(
    "Sole proprietor 10DLC",
    "https://developers.telnyx.com/docs/messaging/10dlc/sole-proprietor",
    "Telnyx",
)
AWS_REJ = Source(
    "Troubleshooting registration rejections",
    "https://docs.aws.amazon.com/sms-voice/latest/userguide/registration-help-rejection-troubleshooting.html",
    "AWS End User Messaging",
)
AWS_CRIT = Source(
    "Registration review criteria",
    "https://docs.aws.amazon.com/sms-voice/latest/userguide/registration-help-review-criteria.html",
    "AWS End User Messaging",
)
AWS_VERBAL = Source(
    "Verbal opt-in",
    "https://docs.aws.amazon.com/sms-voice/latest/userguide/registration-help-optin-verbal.html",
    "AWS End User Messaging",
)
AWS_TRANSACTIONAL = Source(
    "Transactional opt-in",
    "https://docs.aws.amazon.com/sms-voice/latest/userguide/registration-help-optin-transactional.html",
    "AWS End User Messaging",
)
BW_CSP = Source(
    "Bandwidth 10DLC Campaign CSP API Guide",
    "https://github.com/Bandwidth/bandwidth.github.io/blob/master/campaigns/csp/guides/bandwidth10dlcCampaignCspApiGuide.md",
    "Bandwidth",
)
BW_CLI = Source(
    "Bandwidth CLI (campaign validation)",
    "https://github.com/Bandwidth/cli",
    "Bandwidth",
)
TCR_API = Source(
    "TCR CSP API client (CampaignRequest, BrandRequest)",
    "https://github.com/haywiremk/php-campaignregistry",
    "The Campaign Registry",
)
FCC_REVOCATION = Source(
    "FCC final rule on revoking consent (89 FR 15756)",
    "https://www.govinfo.gov/content/pkg/FR-2024-03-05/html/2024-04587.htm",
    "Federal Communications Commission",
)
CTIA_HANDBOOK = Source(
    "CTIA short code monitoring handbook (mirror)",
    "https://usshortcodedirectory.com/ctia-short-code-monitoring-handbook/",
    "CTIA",
)
TMOBILE_COC = Source(
    "T-Mobile Code of Conduct summary",
    "https://www.tatango.com/blog/t-mobile-code-of-conduct-november-2020/",
    "Tatango",
)
