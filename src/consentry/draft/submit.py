"""What to paste where: each registration field with its name in TCR, Twilio and RingCentral,
the value, and its length against the limit (from the campaign field table).

Field names: TCR's are from its CSP API (rules.md §1.1) and Twilio's are the `UsAppToPerson` API
parameters. RingCentral's Admin Portal (Phone System > Enhanced Business SMS > 10DLC
Registration) collects the same TCR fields; its brand labels below are from RingCentral's partner
guide, and where its campaign labels are not published the TCR name is given instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from consentry.campaign.fields import FIELDS_BY_PATH
from consentry.draft.advise import Advice
from consentry.draft.answers import Answers
from consentry.draft.texts import Texts

__all__ = ["SubmitField", "submit_fields"]

_KEYWORDS_MAX = 255  # TCR: comma-separated keywords, at most 255 characters (rules.md §1.1)


@dataclass(frozen=True, slots=True)
class SubmitField:
    section: str  # "Brand" or "Campaign"
    tcr: str
    twilio: str
    ringcentral: str
    value: str
    min_length: int | None = None
    max_length: int | None = None
    long: bool = False  # show in a block, not inline

    @property
    def length(self) -> int:
        return len(self.value)

    @property
    def fits(self) -> bool:
        low = self.min_length or 0
        high = self.max_length if self.max_length is not None else 10**9
        return low <= self.length <= high

    @property
    def limit(self) -> str:
        if self.min_length is not None and self.max_length is not None:
            return f"{self.min_length}-{self.max_length}"
        if self.max_length is not None:
            return f"at most {self.max_length}"
        return ""


def _limits(path: str) -> tuple[int | None, int | None]:
    spec = FIELDS_BY_PATH[path]
    return spec.min_length, spec.max_length


def _campaign(path: str, tcr: str, twilio: str, value: str, *, long: bool = False) -> SubmitField:
    low, high = _limits(path)
    return SubmitField("Campaign", tcr, twilio, tcr, value, low, high, long)


def submit_fields(a: Answers, advice: Advice, t: Texts) -> list[SubmitField]:
    addr = a.address
    brand = [
        SubmitField(
            "Brand",
            "entityType",
            "business_type",
            "What type of legal form is the organization?",
            a.entity_type,
        ),
        SubmitField("Brand", "companyName", "business_name", "Legal company name", a.legal_name),
        SubmitField(
            "Brand",
            "displayName",
            "n/a (Trust Hub has no DBA field)",
            "displayName (DBA / brand name)",
            a.name,
        ),
        SubmitField(
            "Brand",
            "ein",
            "business_registration_number (identifier: EIN)",
            "EIN/Tax ID",
            a.ein or "(none: sole proprietor)",
        ),
        SubmitField("Brand", "einIssuingCountry", "n/a", "EIN/Tax ID issuing country", "US"),
        SubmitField("Brand", "vertical", "business_industry", "vertical", advice.vertical),
        SubmitField("Brand", "website", "website_url", "website", a.website),
        SubmitField("Brand", "email", "email", "email (support)", a.email),
        SubmitField("Brand", "phone", "phone_number", "phone (support)", a.phone),
        SubmitField(
            "Brand",
            "street, city, state, postalCode, country",
            "address",
            "address",
            f"{addr.street}, {addr.city}, {addr.state} {addr.postal_code}, US",
        ),
    ]
    if a.stock_symbol:
        brand.append(
            SubmitField(
                "Brand",
                "stockSymbol / stockExchange",
                "stock_ticker / stock_exchange",
                "stockSymbol / stockExchange",
                f"{a.stock_symbol} / {a.stock_exchange}",
            )
        )
    opt_in, opt_out, help_ = t.replies
    campaign = [
        SubmitField("Campaign", "usecase", "us_app_to_person_usecase", "usecase", advice.use_case),
    ]
    if advice.sub_use_cases:
        campaign.append(
            SubmitField(
                "Campaign",
                "subUsecases",
                "(derived from the use case)",
                "subUsecases",
                ", ".join(advice.sub_use_cases),
            )
        )
    campaign += [
        _campaign("campaign.description", "description", "description", t.description, long=True),
        _campaign(
            "campaign.message_flow", "messageFlow", "message_flow", t.message_flow, long=True
        ),
    ]
    low, high = _limits("campaign.sample_messages")
    for i, sample in enumerate(t.samples, 1):
        campaign.append(
            SubmitField(
                "Campaign",
                f"sample{i}",
                f"message_samples[{i - 1}]",
                f"sample{i}",
                sample,
                low,
                high,
                True,
            )
        )
    campaign += [
        SubmitField(
            "Campaign",
            "optinKeywords",
            "opt_in_keywords",
            "optinKeywords",
            ",".join(opt_in.keywords),
            1,
            _KEYWORDS_MAX,
        ),
        _campaign(
            "campaign.opt_in_message", "optinMessage", "opt_in_message", opt_in.text, long=True
        ),
        SubmitField(
            "Campaign",
            "optoutKeywords",
            "opt_out_keywords",
            "optoutKeywords",
            ",".join(opt_out.keywords),
            1,
            _KEYWORDS_MAX,
        ),
        _campaign(
            "campaign.opt_out_message", "optoutMessage", "opt_out_message", opt_out.text, long=True
        ),
        SubmitField(
            "Campaign",
            "helpKeywords",
            "help_keywords",
            "helpKeywords",
            ",".join(help_.keywords),
            1,
            _KEYWORDS_MAX,
        ),
        _campaign("campaign.help_message", "helpMessage", "help_message", help_.text, long=True),
        SubmitField("Campaign", "embeddedLink", "has_embedded_links", "embeddedLink", "No"),
        SubmitField("Campaign", "embeddedPhone", "has_embedded_phone", "embeddedPhone", "No"),
        SubmitField("Campaign", "numberPool", "(not asked)", "numberPool", "No"),
        SubmitField(
            "Campaign", "ageGated", "age_gated", "ageGated", "Yes" if advice.age_gated else "No"
        ),
        SubmitField(
            "Campaign",
            "directLending",
            "direct_lending",
            "directLending",
            "Yes" if advice.direct_lending else "No",
        ),
        SubmitField("Campaign", "affiliateMarketing", "(not asked)", "affiliateMarketing", "No"),
        SubmitField(
            "Campaign",
            "subscriberOptin / Optout / Help",
            "subscriber_opt_in",
            "subscriberOptin / Optout / Help",
            "Yes / Yes / Yes",
        ),
        SubmitField(
            "Campaign",
            "privacyPolicyLink",
            "privacy_policy_url",
            "privacyPolicyLink",
            t.urls.privacy,
        ),
        SubmitField(
            "Campaign",
            "termsAndConditionsLink",
            "terms_and_conditions_url",
            "termsAndConditionsLink",
            t.urls.terms,
        ),
    ]
    return brand + campaign
