"""BRD: the brand's identity (rules.md R001–R010, R014, R023)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from consentry import phrases
from consentry.campaign.fields import ENTITY_TYPES, STOCK_EXCHANGES, VERTICALS
from consentry.lint import sources as src
from consentry.lint.context import LintContext
from consentry.lint.registry import rule
from consentry.lint.rule import Hit, Severity

_SP = "SOLE_PROPRIETOR"
# Suffixes only a registered entity may use. "& Co." and "Company" are not among them: a sole
# proprietor may trade as "Miller & Co." (an assumed name), so they prove nothing.
_COMPANY_SUFFIX = re.compile(
    r"\b(?:l\.?l\.?c|inc|incorporated|corp|corporation|ltd|limited|l\.?l\.?p|l\.?p|p\.?c|p\.?a|pllc|plc|gmbh)\.?$",
    re.IGNORECASE,
)
_PO_BOX = re.compile(
    r"\b(?:p\.?\s?o\.?\s?box|post office box|p\.?\s?o\.?\s?b\b|pmb\b|private mailbox|box\s+\d+$)",
    re.IGNORECASE,
)
# IRS campus prefixes that are never assigned (irs.gov "How EINs are assigned").
_BAD_EIN_PREFIX = frozenset(
    f"{n:02d}" for n in (0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97)
)
# fmt: off
_STATES = frozenset((
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY", "PR", "VI", "GU", "AS", "MP",
))
# fmt: on
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_SOCIAL_HOSTS = ("facebook.com", "instagram.com", "linkedin.com", "linktr.ee", "yelp.com", "twitter.com", "x.com",
                 "tiktok.com", "google.com", "business.site", "sites.google.com", "carrd.co")  # fmt: skip


def _entity(ctx: LintContext) -> str:
    return (ctx.brand.entity_type or "").strip().upper()


def _is_sp(ctx: LintContext) -> bool:
    return _entity(ctx) == _SP


def _empty(value: str | None) -> bool:
    return not (value or "").strip()


# Fields only the brand registration reads. Left empty, they are reported one level lower: a
# brand registered already (RingCentral, Twilio and other CSPs often register it for the
# business) has them on file, and the campaign's reviewers do not judge them. A value that is
# there but wrong stays an error.
_ON_FILE = """When the field is empty: the brand registration needs it, but a brand that is
already registered has it on file, and campaign reviewers do not judge it. A value that is
given but invalid stays an error."""


def _not_given(path: str, message: str) -> Hit:
    return Hit(
        path,
        f"{message} Fill it in if the brand is not registered yet; a registered brand has it on file.",
        soften=True,
    )


@rule(
    code="BRD001",
    name="brand-display-name-missing",
    severity=Severity.ERROR,
    summary="The brand's display name (the name used in messages) is missing.",
    why="""Reviewers check that the same business name appears in the registration, the messages,
    the call to action and the website. Without it they cannot match anything.""",
    fix="Set brand.display_name to the name customers know you by.",
    sources=(src.TCR_API, src.AWS_REJ),
    carrier_codes=("DCA 603", "AWS BRAND_DBA_NAME_MISMATCH"),
    fields=("brand.display_name",),
    refs=("R008",),
)
def brand_display_name_missing(ctx: LintContext) -> Iterator[Hit]:
    if _empty(ctx.brand.display_name):
        yield Hit("brand.display_name")


@rule(
    code="BRD002",
    name="brand-legal-name-missing",
    severity=Severity.ERROR,
    summary="The brand's legal name is missing.",
    why="""The registry verifies your EIN against the legal name on your IRS record; without it the
    brand stays unverified and no campaign can be created (Twilio 30991).""",
    fix="Set brand.legal_name exactly as on your IRS EIN letter, including LLC or Inc.",
    sources=(src.TX_TROUBLE, src.AWS_CRIT),
    carrier_codes=("Twilio 30991", "AWS BRAND_UNVERIFIED"),
    fields=("brand.legal_name",),
    refs=("R001",),
)
def brand_legal_name_missing(ctx: LintContext) -> Iterator[Hit]:
    if _empty(ctx.brand.legal_name) and not _is_sp(ctx):
        yield Hit("brand.legal_name")


@rule(
    code="BRD003",
    name="brand-entity-type-invalid",
    severity=Severity.ERROR,
    summary="The brand's entity type is missing or not one the registry knows.",
    why="The registry needs one of: " + ", ".join(ENTITY_TYPES) + ".",
    fix="Set brand.entity_type to PRIVATE_PROFIT, PUBLIC_PROFIT, NON_PROFIT, GOVERNMENT or SOLE_PROPRIETOR.",
    sources=(src.TCR_API,),
    carrier_codes=("Twilio 21727",),
    fields=("brand.entity_type",),
    refs=("R002",),
    softened=_ON_FILE,
)
def brand_entity_type_invalid(ctx: LintContext) -> Iterator[Hit]:
    value = (ctx.brand.entity_type or "").strip()
    if not value:
        yield _not_given("brand.entity_type", "The brand's entity type is missing.")
    elif value.upper() not in ENTITY_TYPES:
        yield Hit("brand.entity_type", f"'{value}' is not an entity type the registry knows.")


@rule(
    code="BRD004",
    name="brand-ein-missing",
    severity=Severity.ERROR,
    summary="The brand has no EIN.",
    why="""Every brand except a sole proprietor registers with its US Employer Identification
    Number, which the registry checks against the legal name.""",
    fix="Add your 9-digit EIN (XX-XXXXXXX). If you have none, register as SOLE_PROPRIETOR.",
    sources=(src.TCR_API, src.TX_TROUBLE),
    carrier_codes=("Twilio 30991",),
    fields=("brand.ein",),
    refs=("R001",),
    softened=_ON_FILE,
)
def brand_ein_missing(ctx: LintContext) -> Iterator[Hit]:
    if (
        _empty(ctx.brand.ein)
        and not _is_sp(ctx)
        and (ctx.brand.entity_type or "").upper() != "GOVERNMENT"
    ):
        yield _not_given("brand.ein", "The brand has no EIN.")


@rule(
    code="BRD005",
    name="brand-ein-malformed",
    severity=Severity.ERROR,
    summary="The EIN is not a valid 9-digit US EIN.",
    why="An EIN has 9 digits (XX-XXXXXXX) and a prefix the IRS assigns; anything else fails verification.",
    fix="Copy the EIN from your IRS letter (CP 575) in the form XX-XXXXXXX.",
    sources=(src.TCR_API, src.TX_TROUBLE),
    carrier_codes=("Twilio 30991", "AWS BRAND_UNVERIFIED"),
    fields=("brand.ein",),
    refs=("R001",),
)
def brand_ein_malformed(ctx: LintContext) -> Iterator[Hit]:
    raw = (ctx.brand.ein or "").strip()
    if not raw:
        return
    digits = re.sub(r"[\s-]", "", raw)
    if not digits.isdigit() or len(digits) != 9:
        yield Hit("brand.ein", f"'{raw}' is not 9 digits.")
    elif digits[:2] in _BAD_EIN_PREFIX:
        yield Hit("brand.ein", f"'{raw}' starts with {digits[:2]}, which the IRS never assigns.")


@rule(
    code="BRD006",
    name="sole-proprietor-with-company-details",
    severity=Severity.ERROR,
    summary="A sole proprietor brand has an EIN or a company name (LLC, Inc.).",
    why="""Sole-proprietor registration is only for people with no EIN. An LLC or corporation has an
    EIN and must register as a company; carriers decline it otherwise (DCA 801).""",
    fix="Register as PRIVATE_PROFIT with your EIN, or remove the EIN if you truly have none.",
    sources=(src.TX_CODES, src.TX_SOLEPROP),
    carrier_codes=("DCA 801", "Twilio 30915"),
    fields=("brand.entity_type", "brand.ein", "brand.legal_name"),
    refs=("R002",),
)
def sole_proprietor_with_company_details(ctx: LintContext) -> Iterator[Hit]:
    if not _is_sp(ctx):
        return
    if not _empty(ctx.brand.ein):
        yield Hit("brand.ein", "A sole proprietor registers without an EIN; this brand has one.")
    for path, name in (
        ("brand.legal_name", ctx.brand.legal_name),
        ("brand.display_name", ctx.brand.display_name),
    ):
        if name and _COMPANY_SUFFIX.search(name.strip()):
            yield Hit(
                path, f"'{name}' is a company name; a company cannot register as a sole proprietor."
            )
            break


@rule(
    code="BRD007",
    name="public-company-missing-stock-details",
    severity=Severity.ERROR,
    summary="A public company brand has no stock symbol or exchange.",
    why="""Publicly traded brands must give their ticker and exchange and pass TCR's Authentication+
    email check before any campaign can be created (Twilio 30900).""",
    fix="Add brand.stock_symbol and brand.stock_exchange (e.g. NASDAQ), or use PRIVATE_PROFIT.",
    sources=(src.twilio_error(30900, "Campaign rejection - use case ineligible"),),
    carrier_codes=("Twilio 30900", "AWS BRAND_NOT_TCR_AUTH_PLUS_COMPLIANT"),
    fields=("brand.stock_symbol", "brand.stock_exchange"),
    refs=("R009",),
)
def public_company_missing_stock_details(ctx: LintContext) -> Iterator[Hit]:
    b = ctx.brand
    exchange = (b.stock_exchange or "").strip().upper()
    if (b.entity_type or "").upper() == "PUBLIC_PROFIT":
        if _empty(b.stock_symbol):
            yield Hit("brand.stock_symbol", "A public company needs its stock symbol.")
        if not exchange or exchange == "NONE":
            yield Hit("brand.stock_exchange", "A public company needs its stock exchange.")
    if exchange and exchange not in STOCK_EXCHANGES:
        yield Hit(
            "brand.stock_exchange", f"'{b.stock_exchange}' is not an exchange the registry knows."
        )


def _email_domain(ctx: LintContext) -> str | None:
    email = (ctx.brand.email or "").strip()
    return email.rsplit("@", 1)[1].lower() if _EMAIL.match(email) else None


@rule(
    code="BRD008",
    name="support-email-free-mail-domain",
    severity=Severity.ERROR,
    summary="The support email is a free-mail address (Gmail, Yahoo, Outlook...).",
    why="""Reviewers treat a free-mail support address as a sign the business is not who it says;
    AWS rejects it and DCA 713 declines companies that use one.""",
    fix="Use an address on your own domain, e.g. support@yourbusiness.com.",
    sources=(src.AWS_REJ, src.TX_CODES),
    carrier_codes=("DCA 713", "AWS BRAND_EMAIL_PUBLIC_DOMAIN", "Twilio 30881"),
    fields=("brand.email",),
    refs=("R003",),
    softened="""For a brand that is not a public company: DCA 713 is written for large companies,
    and judged filings show small businesses approved with a Gmail support address. It stays an
    error for PUBLIC_PROFIT brands.""",
)
def support_email_free_mail_domain(ctx: LintContext) -> Iterator[Hit]:
    domain = _email_domain(ctx)
    if domain and domain in phrases.FREE_MAIL_DOMAINS and not _is_sp(ctx):
        listed = _entity(ctx) == "PUBLIC_PROFIT"
        yield Hit(
            "brand.email",
            f"{ctx.brand.email} is a free-mail address; use one on your own domain."
            + ("" if listed else " Small businesses are often approved with one, but not always."),
            soften=not listed,
        )


@rule(
    code="BRD009",
    name="support-email-domain-differs-from-website",
    severity=Severity.WARNING,
    summary="The support email is on a different domain from the website.",
    why="Reviewers compare the email domain with the website (Twilio Trust Hub 18606).",
    fix="Use a support address on your website's domain.",
    sources=(src.AWS_REJ,),
    carrier_codes=("Twilio 18606", "AWS UNOFFICIAL_SUPPORT_EMAIL"),
    fields=("brand.email",),
    refs=("R003",),
)
def support_email_domain_differs_from_website(ctx: LintContext) -> Iterator[Hit]:
    domain = _email_domain(ctx)
    host = phrases.url_host(ctx.brand.website or "")
    if (
        domain
        and host
        and domain not in phrases.FREE_MAIL_DOMAINS
        and phrases.registrable_domain(domain) != phrases.registrable_domain(host)
    ):
        yield Hit(
            "brand.email",
            f"The support email's domain {domain} differs from the website {host}.",
        )


@rule(
    code="BRD010",
    name="support-email-missing-or-invalid",
    severity=Severity.ERROR,
    summary="The support email is missing or not a valid address.",
    why="The registry needs a working support email for the brand.",
    fix="Set brand.email to a monitored address on your domain.",
    sources=(src.AWS_REJ,),
    carrier_codes=("AWS BRAND_EMAIL_INVALID_OR_MISSING",),
    fields=("brand.email",),
    refs=("R003",),
    softened=_ON_FILE,
)
def support_email_missing_or_invalid(ctx: LintContext) -> Iterator[Hit]:
    email = (ctx.brand.email or "").strip()
    if not email:
        yield _not_given("brand.email", "The support email is missing.")
    elif not _EMAIL.match(email):
        yield Hit("brand.email", f"'{email}' is not a valid email address.")


@rule(
    code="BRD011",
    name="support-phone-invalid",
    severity=Severity.ERROR,
    summary="The support phone number is missing or not a valid number.",
    why="The brand's support phone must be a real, reachable number (AWS BRAND_PHONE_NUMBER_INVALID_OR_MISSING).",
    fix="Set brand.phone to your business number, e.g. +15125550100 or (512) 555-0100.",
    sources=(src.AWS_REJ,),
    carrier_codes=("AWS BRAND_PHONE_NUMBER_INVALID_OR_MISSING",),
    fields=("brand.phone",),
    refs=("R005",),
    softened=_ON_FILE,
)
def support_phone_invalid(ctx: LintContext) -> Iterator[Hit]:
    raw = (ctx.brand.phone or "").strip()
    if not raw:
        yield _not_given("brand.phone", "The support phone number is missing.")
        return
    try:
        number = phonenumbers.parse(raw[:40], "US")
        valid = phonenumbers.is_valid_number(number)
    except phonenumbers.NumberParseException:
        valid = False
    if not valid:
        yield Hit("brand.phone", f"'{raw[:40]}' is not a valid phone number.")


@rule(
    code="BRD012",
    name="brand-address-incomplete",
    severity=Severity.ERROR,
    summary="The brand's address is missing parts or badly formatted.",
    why="""The registry verifies your business at a complete physical address: street, city, a
    two-letter state code, a ZIP code and the country.""",
    fix="Fill in street, city, state (e.g. TX), postal_code (e.g. 78704) and country (US).",
    sources=(src.AWS_CRIT, src.TCR_API),
    carrier_codes=("AWS BRAND_ADDRESS_INVALID", "Twilio 18603"),
    fields=("brand.address",),
    refs=("R004",),
    softened=_ON_FILE,
)
def brand_address_incomplete(ctx: LintContext) -> Iterator[Hit]:
    a = ctx.brand.address
    parts = ("street", "city", "state", "postal_code", "country")
    if a is None or all(_empty(getattr(a, n)) for n in parts):
        yield _not_given("brand.address", "The brand's address is missing.")
        return
    missing = [n for n in parts if _empty(getattr(a, n))]
    if missing:
        yield Hit("brand.address", f"The address is missing: {', '.join(missing)}.")
    country = (a.country or "US").strip().upper()
    if country in ("US", "USA") and a.state and a.state.strip().upper() not in _STATES:
        yield Hit("brand.address.state", f"'{a.state}' is not a two-letter US state code.")
    if (
        country in ("US", "USA")
        and a.postal_code
        and not re.fullmatch(r"\d{5}(?:-\d{4})?", a.postal_code.strip())
    ):
        yield Hit("brand.address.postal_code", f"'{a.postal_code}' is not a US ZIP code.")


@rule(
    code="BRD013",
    name="brand-address-po-box",
    severity=Severity.ERROR,
    summary="The brand's address is a PO box or private mailbox.",
    why="Reviewers need a physical place of business; PO boxes and PMBs are rejected.",
    fix="Use your physical business address.",
    sources=(src.AWS_CRIT,),
    carrier_codes=("AWS BRAND_ADDRESS_INVALID",),
    fields=("brand.address.street",),
    refs=("R004",),
)
def brand_address_po_box(ctx: LintContext) -> Iterator[Hit]:
    street = ctx.brand.address.street if ctx.brand.address else None
    if street and _PO_BOX.search(street):
        yield Hit(
            "brand.address.street", f"'{street}' is a PO box or mailbox, not a physical address."
        )


@rule(
    code="BRD014",
    name="brand-website-missing-or-malformed",
    severity=Severity.ERROR,
    summary="The brand's website is missing or not a valid address.",
    why="""Reviewers visit your website to confirm the business is real; without one, most campaigns
    are declined (DCA 804).""",
    fix="Set brand.website to your site's full address, e.g. https://www.example.com.",
    sources=(src.TX_CODES, src.AWS_REJ),
    carrier_codes=("DCA 804", "AWS BRAND_URL_INVALID", "Twilio 30907"),
    fields=("brand.website",),
    refs=("R014", "R023"),
)
def brand_website_missing_or_malformed(ctx: LintContext) -> Iterator[Hit]:
    raw = (ctx.brand.website or "").strip()
    if not raw:
        yield Hit("brand.website", "The brand has no website.")
    elif not re.fullmatch(
        r"(?:https?://)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?",
        raw,
        re.I,
    ):
        yield Hit("brand.website", f"'{raw}' is not a website address.")


@rule(
    code="BRD015",
    name="brand-website-not-https",
    severity=Severity.WARNING,
    summary="The website address does not use https://.",
    why="Reviewers and browsers distrust sites without HTTPS; every URL you submit should be https://.",
    fix="Serve the site over HTTPS and register the https:// address.",
    sources=(src.AWS_CRIT,),
    carrier_codes=("AWS BRAND_URL_INVALID",),
    fields=("brand.website",),
    refs=("R014",),
)
def brand_website_not_https(ctx: LintContext) -> Iterator[Hit]:
    raw = (ctx.brand.website or "").strip()
    if raw.lower().startswith("http://"):
        yield Hit("brand.website")


@rule(
    code="BRD016",
    name="brand-vertical-invalid",
    severity=Severity.ERROR,
    summary="The brand's vertical is missing or not one the registry knows.",
    why="Every brand but a sole proprietor declares an industry vertical from TCR's list.",
    fix="Set brand.vertical to one of: " + ", ".join(VERTICALS) + ".",
    sources=(src.TCR_API,),
    carrier_codes=("Twilio 21727",),
    fields=("brand.vertical",),
    refs=("R011",),
    softened=_ON_FILE,
)
def brand_vertical_invalid(ctx: LintContext) -> Iterator[Hit]:
    value = (ctx.brand.vertical or "").strip()
    if not value and not _is_sp(ctx):
        yield _not_given("brand.vertical", "The brand's vertical is missing.")
    elif value and value.upper() not in VERTICALS:
        yield Hit("brand.vertical", f"'{value}' is not a vertical the registry knows.")


@rule(
    code="BRD017",
    name="sole-proprietor-use-case-mismatch",
    severity=Severity.ERROR,
    summary="Sole proprietor brands and the SOLE_PROPRIETOR use case go together.",
    why="""A sole-proprietor brand may only run one campaign, with the SOLE_PROPRIETOR use case (and
    one phone number); that use case is not available to other brands.""",
    fix="Use the SOLE_PROPRIETOR use case for a sole-proprietor brand, and only for one.",
    sources=(src.TX_SOLEPROP,),
    carrier_codes=("Twilio 30900", "DCA 801"),
    fields=("campaign.use_case", "brand.entity_type"),
    refs=("R010",),
)
def sole_proprietor_use_case_mismatch(ctx: LintContext) -> Iterator[Hit]:
    use_case = (ctx.spec.use_case or "").strip().upper()
    if _is_sp(ctx) and use_case and use_case != _SP:
        yield Hit(
            "campaign.use_case",
            f"A sole-proprietor brand must use SOLE_PROPRIETOR, not {use_case}.",
        )
    elif use_case == _SP and ctx.brand.entity_type and not _is_sp(ctx):
        yield Hit(
            "campaign.use_case", "The SOLE_PROPRIETOR use case is only for sole-proprietor brands."
        )


@rule(
    code="BRD018",
    name="brand-website-is-social-profile",
    severity=Severity.WARNING,
    summary="The website is a social-media or listing page, not the business's own site.",
    why="""Some providers accept a Facebook or Google Business page, but AWS and most reviewers want a
    real website with your privacy policy and terms (R023).""",
    fix="Register your own website, with privacy policy and SMS terms pages.",
    sources=(src.TX_BP, src.AWS_CRIT),
    carrier_codes=("DCA 804", "AWS BRAND_URL_INSUFFICIENT_CONTENT"),
    fields=("brand.website",),
    refs=("R023",),
)
def brand_website_is_social_profile(ctx: LintContext) -> Iterator[Hit]:
    host = phrases.url_host(ctx.brand.website or "") or ""
    if any(host == h or host.endswith("." + h) for h in _SOCIAL_HOSTS):
        yield Hit("brand.website", f"{host} is a social or listing page, not your own website.")


@rule(
    code="BRD019",
    name="brand-details-not-given",
    severity=Severity.INFO,
    summary="The file is a TCR campaign object without its brand, so the brand was not checked.",
    why="""A TCR campaign names its brand by brandId: the brand is registered and vetted on its
    own, before any campaign. Without the brand's details consentry checks the campaign only, and
    cannot tell whether samples and replies name your business.""",
    fix="""Add a `brand` object (legalName, displayName, ein, entityType, website, email, phone,
    address) to the file to check the brand and the brand name in your texts too.""",
    sources=(src.TCR_API,),
    carrier_codes=(),
    fields=("brand",),
    refs=("R001",),
)
def brand_details_not_given(ctx: LintContext) -> Iterator[Hit]:
    if not ctx.loaded.brand_given:
        yield Hit(
            "brand",
            "This TCR campaign object has no `brand`; brand checks were skipped, and so were "
            "the checks that your texts name your business.",
        )
