"""The campaign file's fields, declared once.

The loader, the JSON Schema, the TCR converter and the length rules all read this table, so a
field's type, limits and TCR name never disagree between them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "ENTITY_TYPES",
    "FIELDS",
    "FIELDS_BY_PATH",
    "SPECIAL_USE_CASES",
    "STANDARD_USE_CASES",
    "STOCK_EXCHANGES",
    "USE_CASES",
    "VERTICALS",
    "FieldSpec",
    "Kind",
]


class Kind(StrEnum):
    """The shape a field's value must have."""

    STR = "string"
    BOOL = "boolean"
    INT = "integer"
    STR_LIST = "string list"
    MAP = "mapping"


ENTITY_TYPES = ("PRIVATE_PROFIT", "PUBLIC_PROFIT", "NON_PROFIT", "GOVERNMENT", "SOLE_PROPRIETOR")

# TCR brand verticals (rules.md §1.2).
VERTICALS = (
    "AGRICULTURE", "COMMUNICATION", "CONSTRUCTION", "EDUCATION", "ENERGY", "ENTERTAINMENT",
    "FINANCIAL", "GAMBLING", "GOVERNMENT", "HEALTHCARE", "HOSPITALITY", "HUMAN_RESOURCES",
    "INSURANCE", "LEGAL", "MANUFACTURING", "NGO", "POLITICAL", "POSTAL", "PROFESSIONAL",
    "REAL_ESTATE", "RETAIL", "TECHNOLOGY", "TRANSPORTATION",
)  # fmt: skip

STOCK_EXCHANGES = (
    "NONE", "NASDAQ", "NYSE", "AMEX", "AMX", "ASX", "B3", "BME", "BSE", "FRA", "ICEX", "JPX",
    "JSE", "KRX", "LON", "NSE", "OMX", "SEHK", "SSE", "STO", "SWX", "SZSE", "TSX", "TWSE", "VSE",
)  # fmt: skip

# Standard use cases (rules.md §2.1); these are also the only valid sub-use cases.
STANDARD_USE_CASES = (
    "2FA", "ACCOUNT_NOTIFICATION", "CUSTOMER_CARE", "DELIVERY_NOTIFICATION", "FRAUD_ALERT",
    "HIGHER_EDUCATION", "MARKETING", "POLLING_VOTING", "PUBLIC_SERVICE_ANNOUNCEMENT",
    "SECURITY_ALERT",
)  # fmt: skip
SPECIAL_USE_CASES = (
    "MIXED", "LOW_VOLUME", "M2M", "AGENTS_FRANCHISES", "CARRIER_EXEMPT", "CHARITY",
    "EMERGENCY", "K12_EDUCATION", "POLITICAL", "POLITICAL_SECTION_527", "PROXY", "SOCIAL",
    "SWEEPSTAKE", "SOLE_PROPRIETOR", "TRIAL", "UCAAS_LOW", "UCAAS_HIGH", "CONVERSATIONAL",
)  # fmt: skip
USE_CASES = STANDARD_USE_CASES + SPECIAL_USE_CASES


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of the campaign file."""

    path: str  # dotted path, e.g. "campaign.message_flow"
    kind: Kind
    description: str
    tcr: str | None = None  # TCR CSP API name, when there is one
    enum: tuple[str, ...] = ()
    min_length: int | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    example: object = None

    @property
    def key(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    @property
    def parent(self) -> str:
        return self.path.rsplit(".", 1)[0] if "." in self.path else ""


def _f(path: str, kind: Kind, description: str, **kw: object) -> FieldSpec:
    return FieldSpec(path, kind, description, **kw)  # type: ignore[arg-type]


S, B, L, M = Kind.STR, Kind.BOOL, Kind.STR_LIST, Kind.MAP

FIELDS: tuple[FieldSpec, ...] = (
    _f("schema_version", Kind.INT, "Always 1.", example=1),
    _f("brand", M, "The business that sends the messages (the TCR brand)."),
    _f("brand.display_name", S, "The name used in messages (DBA).", tcr="displayName"),
    _f("brand.legal_name", S, "Legal name exactly as on the IRS record for the EIN.",
       tcr="companyName"),
    _f("brand.entity_type", S, "Kind of organisation.", tcr="entityType", enum=ENTITY_TYPES),
    _f("brand.ein", S, "US Employer Identification Number (9 digits).", tcr="ein"),
    _f("brand.vertical", S, "TCR industry vertical.", tcr="vertical", enum=VERTICALS),
    _f("brand.website", S, "The business's website.", tcr="website"),
    _f("brand.email", S, "Support email address.", tcr="email"),
    _f("brand.phone", S, "Support phone number, E.164 or any US format.", tcr="phone"),
    _f("brand.stock_symbol", S, "Ticker symbol (PUBLIC_PROFIT only).", tcr="stockSymbol"),
    _f("brand.stock_exchange", S, "Stock exchange (PUBLIC_PROFIT only).", tcr="stockExchange",
       enum=STOCK_EXCHANGES),
    _f("brand.address", M, "Physical business address (no PO boxes)."),
    _f("brand.address.street", S, "Street address.", tcr="street"),
    _f("brand.address.city", S, "City.", tcr="city"),
    _f("brand.address.state", S, "Two-letter state code.", tcr="state"),
    _f("brand.address.postal_code", S, "ZIP code.", tcr="postalCode"),
    _f("brand.address.country", S, "Two-letter country code.", tcr="country"),
    _f("campaign", M, "The messaging campaign (the TCR campaign)."),
    _f("campaign.use_case", S, "TCR use case.", tcr="usecase", enum=USE_CASES),
    _f("campaign.sub_use_cases", L, "Sub-use cases (MIXED: 2-5, LOW_VOLUME: 1-5).",
       tcr="subUsecases", max_items=5),
    _f("campaign.description", S, "What the campaign sends, from whom, to whom and why.",
       tcr="description", min_length=40, max_length=4096),
    _f("campaign.message_flow", S, "The call to action: how every subscriber opts in.",
       tcr="messageFlow", min_length=40, max_length=2048),
    _f("campaign.sample_messages", L, "2-5 example messages.", min_items=2, max_items=5,
       min_length=20, max_length=1024),
    _f("campaign.opt_in_keywords", L, "Keywords that subscribe (e.g. START).",
       tcr="optinKeywords"),
    _f("campaign.opt_in_message", S, "Confirmation sent after opt-in.", tcr="optinMessage",
       min_length=20, max_length=320),
    _f("campaign.opt_out_keywords", L, "Keywords that unsubscribe (STOP, ...).",
       tcr="optoutKeywords"),
    _f("campaign.opt_out_message", S, "Reply to an opt-out.", tcr="optoutMessage",
       min_length=20, max_length=320),
    _f("campaign.help_keywords", L, "Keywords that ask for help (HELP, INFO).",
       tcr="helpKeywords"),
    _f("campaign.help_message", S, "Reply to HELP.", tcr="helpMessage", min_length=20,
       max_length=320),
    _f("campaign.embedded_link", B, "Messages contain links.", tcr="embeddedLink"),
    _f("campaign.embedded_phone", B, "Messages contain phone numbers.", tcr="embeddedPhone"),
    _f("campaign.number_pool", B, "More than 49 numbers on this campaign.", tcr="numberPool"),
    _f("campaign.age_gated", B, "Age-restricted content behind an age gate.", tcr="ageGated"),
    _f("campaign.direct_lending", B, "The brand lends money directly.", tcr="directLending"),
    _f("campaign.affiliate_marketing", B, "Content controlled by affiliates.",
       tcr="affiliateMarketing"),
    _f("campaign.subscriber_opt_in", B, "Subscribers opt in.", tcr="subscriberOptin"),
    _f("campaign.subscriber_opt_out", B, "Subscribers can opt out.", tcr="subscriberOptout"),
    _f("campaign.subscriber_help", B, "Subscribers can ask for help.", tcr="subscriberHelp"),
    _f("campaign.privacy_policy_url", S, "Privacy policy URL.", tcr="privacyPolicyLink"),
    _f("campaign.terms_url", S, "SMS terms and conditions URL.", tcr="termsAndConditionsLink"),
    _f("campaign.opt_in_urls", L, "Pages that hold opt-in forms (scanned when present)."),
)  # fmt: skip

FIELDS_BY_PATH = {f.path: f for f in FIELDS}
