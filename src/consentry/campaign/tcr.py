"""The TCR CSP API campaign object (camelCase) and how its keys map onto the campaign file."""

from __future__ import annotations

from collections.abc import Iterable

from consentry.campaign.fields import FIELDS

__all__ = ["TCR_IGNORED_KEYS", "looks_like_tcr", "tcr_path"]

_CAMPAIGN = {f.tcr: f.path for f in FIELDS if f.tcr and f.path.startswith("campaign.")}
_BRAND = {f.tcr: f.path for f in FIELDS if f.tcr and f.path.startswith("brand.")}
_BRAND["legalName"] = "brand.legal_name"
_BRAND["supportEmail"] = "brand.email"

# Keys a TCR campaign or brand object carries that say nothing a reviewer judges; accepted and
# ignored so that an object pasted from the API or a CSP's export loads as it is.
TCR_IGNORED_KEYS = frozenset(
    {
        "brandId", "campaignId", "cspId", "resellerId", "referenceId", "mnoIds", "tag", "tags",
        "autoRenewal", "termsAndConditions", "status", "createDate", "updateDate", "mock",
        "billedDate", "nextRenewalOrExpirationDate", "expirationDate", "vertical",
        "embeddedLinkSample", "campaignVerifyToken", "messageClass", "mnoMetadata",
        "identityStatus", "universalEin",
        "einIssuingCountry", "altBusinessId", "altBusinessIdType", "brandRelationship",
        "firstName", "lastName", "mobilePhone", "businessContactEmail", "ipAddress",
        "isReseller", "webhookURL", "webhookFailoverURL", "optionalAttributes", "russell3000",
        "taxExemptStatus", "govEntity", "nonprofit", "evpVettingScore", "vettingStatus",
        "sharingStatus", "upstreamCnpId", "downstreamCnpId", "submissionStatus", "rejectReasons",
    }
)  # fmt: skip

_MARKERS = {"usecase", "messageFlow", "sample1", "optinMessage", "optoutMessage", "subUsecases"}


def looks_like_tcr(keys: Iterable[str]) -> bool:
    """True when a top-level mapping is a TCR campaign object rather than our campaign file."""
    found = set(keys)
    return "schema_version" not in found and bool(found & _MARKERS)


# Other names CSPs' exports use for the same TCR fields (Twilio's console and API say "Url").
_CAMPAIGN_ALIASES = {
    "privacyPolicyUrl": "campaign.privacy_policy_url",
    "termsAndConditionsUrl": "campaign.terms_url",
}


def tcr_path(key: str, *, brand: bool) -> str | None:
    """The campaign-file path of a TCR key, or None when it has none."""
    if brand:
        return _BRAND.get(key)
    if key == "vertical":
        return None  # the campaign-level vertical duplicates the brand's
    return _CAMPAIGN.get(key) or _CAMPAIGN_ALIASES.get(key) or _BRAND.get(key)
