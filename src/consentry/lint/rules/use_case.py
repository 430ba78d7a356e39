"""USE: the declared use case against what the campaign actually sends (rules.md R027, R028, R032)."""

from __future__ import annotations

from collections.abc import Iterator

from consentry.campaign.fields import STANDARD_USE_CASES, USE_CASES
from consentry.lint import sources as src
from consentry.lint.context import LintContext
from consentry.lint.registry import rule
from consentry.lint.rule import Hit, Severity

UC, SUB = "campaign.use_case", "campaign.sub_use_cases"
_30893 = src.twilio_error(30893, "Inconsistency between Sample Message and Use-case")
_SPECIAL_NOTES = {
    "EMERGENCY": "AWS rejects emergency-alert programs on 10DLC; ask your provider about alternatives.",
    "M2M": "M2M is for machine-to-machine traffic only; no messages may go to people.",
    "POLITICAL": "Political campaigns need a Campaign Verify token before carriers accept them.",
    "POLITICAL_SECTION_527": "Political campaigns need a Campaign Verify token before carriers accept them.",
    "SOCIAL": "Influencer and fan-club programs are often rejected; it needs carrier approval.",
    "PROXY": "Proxy campaigns need carrier approval after registration.",
    "AGENTS_FRANCHISES": "This use case needs carrier approval after registration.",
    "UCAAS_LOW": "UCaaS use cases are only for approved platforms, not individual businesses.",
    "UCAAS_HIGH": "UCaaS use cases are only for approved platforms, not individual businesses.",
    "TRIAL": "The trial use case is for a platform's own free-trial traffic only.",
    "CARRIER_EXEMPT": "Carrier-exempt campaigns need a carrier's written exemption.",
    "SWEEPSTAKE": "Sweepstakes campaigns need vetting and legal sweepstakes rules on your site.",
    "K12_EDUCATION": "K-12 campaigns are for school platforms and need vetting.",
    "CONVERSATIONAL": "CONVERSATIONAL is an old use case; most providers no longer accept it.",
}
_ANY_CONTENT = {"MIXED", "LOW_VOLUME", "SOLE_PROPRIETOR", "CHARITY", "POLITICAL", "POLITICAL_SECTION_527",
                "SWEEPSTAKE", "SOCIAL", "AGENTS_FRANCHISES", "PROXY", "UCAAS_LOW", "UCAAS_HIGH", "TRIAL",
                "CARRIER_EXEMPT", "CONVERSATIONAL"}  # fmt: skip


def _use_case(ctx: LintContext) -> str:
    return (ctx.spec.use_case or "").strip().upper()


@rule(
    code="USE001",
    name="use-case-missing-or-invalid",
    severity=Severity.ERROR,
    summary="The use case is missing or not one the registry knows.",
    why="Every campaign has one TCR use case, such as ACCOUNT_NOTIFICATION, MARKETING or MIXED.",
    fix="Set campaign.use_case; run `consentry schema` to see the list.",
    sources=(src.TW_USECASES, src.TCR_API),
    carrier_codes=("Twilio 21727", "Twilio 30900"),
    fields=(UC,),
    refs=("R027",),
)
def use_case_missing_or_invalid(ctx: LintContext) -> Iterator[Hit]:
    value = _use_case(ctx)
    if not value:
        yield Hit(UC, "The use case is missing.")
    elif value not in USE_CASES:
        yield Hit(UC, f"'{ctx.spec.use_case}' is not a use case the registry knows.")


@rule(
    code="USE002",
    name="sub-use-case-count-out-of-range",
    severity=Severity.ERROR,
    summary="The number of sub-use cases does not fit the use case.",
    why="MIXED needs 2-5 sub-use cases and LOW_VOLUME 1-5; no campaign may have more than 5.",
    fix="List the kinds of messages you send in sub_use_cases (e.g. [ACCOUNT_NOTIFICATION, MARKETING]).",
    sources=(src.TCR_API, src.BW_CLI),
    carrier_codes=("Twilio 30900",),
    fields=(SUB,),
    refs=("R032",),
)
def sub_use_case_count_out_of_range(ctx: LintContext) -> Iterator[Hit]:
    n, value = len([s for s in ctx.spec.sub_use_cases if s.strip()]), _use_case(ctx)
    if value == "MIXED" and not 2 <= n <= 5:
        yield Hit(SUB, f"A MIXED campaign needs 2-5 sub-use cases; it has {n}.")
    elif value in ("LOW_VOLUME", "CARRIER_EXEMPT") and not 1 <= n <= 5:
        yield Hit(SUB, f"A {value} campaign needs 1-5 sub-use cases; it has {n}.")
    elif n > 5:
        yield Hit(SUB, f"A campaign may have at most 5 sub-use cases; it has {n}.")


@rule(
    code="USE003",
    name="sub-use-case-invalid",
    severity=Severity.ERROR,
    summary="A sub-use case is not one of the standard use cases.",
    why="Sub-use cases come from the standard list: " + ", ".join(STANDARD_USE_CASES) + ".",
    fix="Replace it with a standard use case.",
    sources=(src.TCR_API,),
    carrier_codes=("Twilio 30900",),
    fields=(SUB,),
    refs=("R032",),
)
def sub_use_case_invalid(ctx: LintContext) -> Iterator[Hit]:
    for i, sub in enumerate(ctx.spec.sub_use_cases):
        if sub.strip() and sub.strip().upper() not in STANDARD_USE_CASES:
            yield Hit(f"{SUB}[{i}]", f"'{sub}' is not a standard use case.")


@rule(
    code="USE004",
    name="marketing-content-without-marketing-use-case",
    severity=Severity.ERROR,
    summary="Samples are promotional but the use case does not include MARKETING.",
    why="""Offers, discounts and promotions are marketing, which needs the MARKETING use case (or
    MIXED with MARKETING) and separate written consent. The mismatch is the most common DCA 602 and
    Twilio 30893 rejection.""",
    fix="Choose MARKETING (or MIXED with MARKETING), or remove the promotional samples.",
    sources=(_30893, src.TX_CODES, src.AWS_REJ),
    carrier_codes=("DCA 602", "Twilio 30893", "AWS USE_CASE_MISMATCH"),
    fields=(UC, "campaign.sample_messages"),
    refs=("R027",),
)
def marketing_content_without_marketing_use_case(ctx: LintContext) -> Iterator[Hit]:
    if ctx.is_marketing or (_use_case(ctx) in _ANY_CONTENT - {"MIXED", "LOW_VOLUME"}):
        return
    for i in ctx.content.indexes("marketing"):
        yield Hit(
            f"campaign.sample_messages[{i}]",
            f"Sample {i + 1} is promotional, but the use case ({_use_case(ctx) or 'none'}) does not include MARKETING.",
        )
        return


@rule(
    code="USE005",
    name="verification-codes-without-2fa-use-case",
    severity=Severity.ERROR,
    summary="Samples send verification codes but the use case does not include 2FA.",
    why="""One-time passcodes belong to the 2FA use case; reviewers reject a campaign whose samples
    contain codes under another use case (DCA 602).""",
    fix="Register codes under 2FA (or MIXED with 2FA), or remove them from the samples.",
    sources=(src.TX_CODES, _30893, src.TW_RECS),
    carrier_codes=("DCA 602", "Twilio 30893"),
    fields=(UC, "campaign.sample_messages"),
    refs=("R027",),
)
def verification_codes_without_2fa_use_case(ctx: LintContext) -> Iterator[Hit]:
    if "2FA" in ctx.use_cases or _use_case(ctx) in _ANY_CONTENT - {"MIXED", "LOW_VOLUME"}:
        return
    for i in ctx.content.indexes("otp"):
        yield Hit(
            f"campaign.sample_messages[{i}]",
            f"Sample {i + 1} sends a verification code, but the use case does not include 2FA.",
        )
        return


@rule(
    code="USE006",
    name="declared-use-case-not-in-samples",
    severity=Severity.WARNING,
    summary="The samples do not show the kind of messages the use case declares.",
    why="Reviewers compare the use case with the samples; a 2FA campaign should show a code and a MARKETING campaign an offer.",
    fix="Add a sample of the declared kind of message.",
    sources=(_30893,),
    carrier_codes=("Twilio 30893", "DCA 602"),
    fields=("campaign.sample_messages",),
    refs=("R027", "R084"),
)
def declared_use_case_not_in_samples(ctx: LintContext) -> Iterator[Hit]:
    value = _use_case(ctx)
    if not any(s.strip() for s in ctx.spec.sample_messages):
        return
    if value == "2FA" and not ctx.content.any("otp"):
        yield Hit(
            "campaign.sample_messages",
            "The use case is 2FA, but no sample contains a verification code.",
        )
    # "promotional", not "marketing": a recall ("It's been 6 months since your cleaning") or a
    # new-menu announcement is marketing without any discount in it.
    if "MARKETING" in ctx.use_cases and not ctx.content.any("promotional"):
        yield Hit(
            "campaign.sample_messages",
            "The campaign includes MARKETING, but no sample is promotional.",
        )


@rule(
    code="USE007",
    name="charity-use-case-brand-not-nonprofit",
    severity=Severity.ERROR,
    summary="The CHARITY use case is for 501(c)(3) non-profits only.",
    why="CHARITY requires a NON_PROFIT brand with 501(c)(3) status (religious organisations excluded).",
    fix="Register the brand as NON_PROFIT, or choose another use case.",
    sources=(src.TW_USECASES,),
    carrier_codes=("Twilio 30900",),
    fields=(UC, "brand.entity_type"),
    refs=("R013",),
)
def charity_use_case_brand_not_nonprofit(ctx: LintContext) -> Iterator[Hit]:
    entity = (ctx.brand.entity_type or "").upper()
    if _use_case(ctx) == "CHARITY" and entity and entity != "NON_PROFIT":
        yield Hit(UC, f"CHARITY is for non-profits; this brand is {entity}.")


@rule(
    code="USE008",
    name="donation-content-without-charity-or-political-use-case",
    severity=Severity.ERROR,
    summary="Samples ask for donations but the use case is not CHARITY or POLITICAL.",
    why="Donation requests must be registered under CHARITY or POLITICAL (AWS SAMPLE_MESSAGE_USE_CASE_MISMATCH_CHARITY).",
    fix="Choose CHARITY (501(c)(3)) or POLITICAL, or remove the donation requests.",
    sources=(src.AWS_REJ, src.TX_CODES),
    carrier_codes=("DCA 602", "AWS CAMPAIGN_MISMATCH_CHARITY"),
    fields=(UC,),
    refs=("R027",),
)
def donation_content_without_charity_or_political_use_case(ctx: LintContext) -> Iterator[Hit]:
    if ctx.use_cases & {
        "CHARITY",
        "POLITICAL",
        "POLITICAL_SECTION_527",
        "SOLE_PROPRIETOR",
        "LOW_VOLUME",
    }:
        return
    for i in ctx.content.indexes("donation"):
        yield Hit(
            f"campaign.sample_messages[{i}]",
            f"Sample {i + 1} asks for donations; use CHARITY or POLITICAL.",
        )
        return


@rule(
    code="USE009",
    name="political-content-without-political-use-case",
    severity=Severity.ERROR,
    summary="Samples are political but the use case is not POLITICAL.",
    why="Political messages need the POLITICAL use case and a Campaign Verify token (AWS CAMPAIGN_MISMATCH_POLITICAL).",
    fix="Register a POLITICAL campaign with your Campaign Verify token.",
    sources=(src.AWS_REJ,),
    carrier_codes=("AWS CAMPAIGN_MISMATCH_POLITICAL", "DCA 602"),
    fields=(UC,),
    refs=("R027",),
)
def political_content_without_political_use_case(ctx: LintContext) -> Iterator[Hit]:
    if ctx.use_cases & {"POLITICAL", "POLITICAL_SECTION_527"}:
        return
    for i in ctx.content.indexes("political"):
        yield Hit(
            f"campaign.sample_messages[{i}]",
            f"Sample {i + 1} is political; use the POLITICAL use case.",
        )
        return


@rule(
    code="USE010",
    name="special-use-case-needs-approval",
    severity=Severity.INFO,
    summary="This special use case needs extra approval or is rarely accepted.",
    why="Special use cases are restricted: some need vetting or carrier approval after registration, some a token, some are refused on 10DLC.",
    fix="Check the note, or choose a standard use case if one fits.",
    sources=(src.TW_USECASES, src.AWS_REJ),
    carrier_codes=("Twilio 30900",),
    fields=(UC,),
    refs=("R028",),
)
def special_use_case_needs_approval(ctx: LintContext) -> Iterator[Hit]:
    note = _SPECIAL_NOTES.get(_use_case(ctx))
    if note:
        yield Hit(UC, note)
