"""WEB007–WEB012: the privacy policy and the SMS terms (rules.md R069–R079)."""

from __future__ import annotations

from collections.abc import Iterator

from consentry import phrases
from consentry.lint import sources as src
from consentry.lint.context import LintContext
from consentry.lint.registry import rule
from consentry.lint.rule import Hit, Scope, Severity
from consentry.site.model import Page

SITE = "site"
_30932 = src.twilio_error(30932, "Privacy policy must disclose third-party data sharing")
_PP_CODES = ("Twilio 30932", "DCA 805", "DCA 852", "AWS PRIVACY_POLICY_NON_COMPLIANT")


def _privacy_page(ctx: LintContext) -> Page | None:
    view = ctx.site_view
    return view.privacy.page if view is not None and view.privacy is not None else None


def _policy_text(page: Page) -> str:
    return page.full_text or page.text


@rule(
    code="WEB007",
    name="privacy-policy-not-found",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="No privacy policy was found on the website.",
    why="""Carriers require a public privacy policy, linked from the site and the opt-in, that covers
    your text messages (DCA 805, AWS PRIVACY_POLICY_MISSING).""",
    fix="Publish a privacy policy page, link it in your footer and next to the SMS checkbox, and set privacy_policy_url.",
    sources=(src.TX_CODES, src.AWS_REJ),
    carrier_codes=("DCA 805", "AWS PRIVACY_POLICY_MISSING", "Twilio 30933"),
    fields=(SITE,),
    refs=("R022", "R069"),
)
def privacy_policy_not_found(ctx: LintContext) -> Iterator[Hit]:
    view = ctx.site_view
    if view is None or view.unreachable or not view.pages:
        return
    if view.privacy is None:
        yield Hit(
            SITE,
            "No privacy policy page or link was found on the website.",
            url=view.home.url if view.home else None,
        )


@rule(
    code="WEB008",
    name="privacy-policy-missing-no-sharing-clause",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="The privacy policy does not say mobile numbers and SMS opt-in data are not shared.",
    why="""Carriers require this sentence (or one like it) in the privacy policy: 'No mobile
    information will be shared with third parties or affiliates for marketing or promotional
    purposes.' Without it the campaign is rejected (Twilio 30932, DCA 805/852).""",
    fix="""Add to the privacy policy: 'No mobile information will be shared with third parties or
    affiliates for marketing/promotional purposes. Text messaging originator opt-in data and consent
    will not be shared with any third parties.'""",
    sources=(_30932, src.TX_CODES, src.TW_RECS),
    carrier_codes=_PP_CODES,
    fields=(SITE,),
    refs=("R070",),
)
def privacy_policy_missing_no_sharing_clause(ctx: LintContext) -> Iterator[Hit]:
    page = _privacy_page(ctx)
    if page is None:
        return
    text = _policy_text(page)
    if (
        phrases.find_no_sharing_statement(text) is None
        and phrases.find_sold_only_statement(text) is None
    ):
        yield Hit(
            SITE,
            f"The privacy policy {page.url} does not say that mobile numbers and SMS opt-in data are not shared.",
            url=page.url,
        )


@rule(
    code="WEB009",
    name="privacy-policy-only-says-not-sold",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="The privacy policy only promises not to SELL data, not that it is not SHARED.",
    why="""'We do not sell your information' is not enough: carriers need a promise that mobile
    numbers and opt-in data are not shared or transferred, including with affiliates (Telnyx,
    Twilio 30932).""",
    fix="Change it to 'We do not sell, rent or share mobile numbers or SMS opt-in data with third parties or affiliates.'",
    sources=(src.TX_GUIDE, _30932),
    carrier_codes=_PP_CODES,
    fields=(SITE,),
    refs=("R072",),
)
def privacy_policy_only_says_not_sold(ctx: LintContext) -> Iterator[Hit]:
    page = _privacy_page(ctx)
    if page is None:
        return
    text = _policy_text(page)
    sold = phrases.find_sold_only_statement(text)
    if sold is not None and phrases.find_no_sharing_statement(text) is None:
        yield Hit(
            SITE,
            f"The privacy policy says '{sold.text}' but not that data is not shared.",
            url=page.url,
        )


@rule(
    code="WEB010",
    name="privacy-policy-allows-sharing",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="The privacy policy allows sharing personal data with partners or affiliates for marketing.",
    why="""A policy that lets you share or sell contact data with marketing partners or affiliates
    is treated as sharing opt-in data (Twilio 30932, AWS OPT_IN_DATA_SHARED_WITH_THIRD_PARTIES).
    AWS refuses such campaigns outright.""",
    fix="""Remove the clause, or exempt SMS data right after it: 'All the above categories exclude
    text messaging originator opt-in data and consent; this information will not be shared with
    any third parties.'""",
    sources=(_30932, src.TX_GUIDE, src.AWS_REJ),
    carrier_codes=("Twilio 30932", "Twilio 30896", "AWS OPT_IN_DATA_SHARED_WITH_THIRD_PARTIES"),
    fields=(SITE,),
    refs=("R071",),
)
def privacy_policy_allows_sharing(ctx: LintContext) -> Iterator[Hit]:
    page = _privacy_page(ctx)
    if page is None:
        return
    text = _policy_text(page)
    found = phrases.find_sharing_permission(text)
    if found is not None and phrases.find_sms_carve_out(text) is None:
        yield Hit(SITE, f"The privacy policy says '{found.text[:160]}'.", url=page.url)


@rule(
    code="WEB011",
    name="sms-terms-not-found",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="No SMS terms and conditions were found on the website.",
    why="""Carriers and providers expect public SMS terms that describe the program, frequency, rates,
    STOP/HELP and support contact (AWS TERMS_AND_CONDITIONS_MISSING; Twilio requires a terms URL).""",
    fix="Publish an SMS terms page (consentry draft writes one), link it next to the SMS checkbox, and set terms_url.",
    sources=(src.AWS_REJ, src.TX_GUIDE),
    carrier_codes=("AWS TERMS_AND_CONDITIONS_MISSING", "Twilio 30934"),
    fields=(SITE,),
    refs=("R076",),
)
def sms_terms_not_found(ctx: LintContext) -> Iterator[Hit]:
    view = ctx.site_view
    if view is None or view.unreachable or not view.pages:
        return
    if view.terms is None:
        yield Hit(
            SITE,
            "No SMS terms page or link was found on the website.",
            url=view.home.url if view.home else None,
        )


_TERMS_PARTS = (
    ("message frequency", phrases.find_frequency_disclosure),
    ("'Msg & data rates may apply'", phrases.find_rates_disclosure),
    ("how to opt out (Reply STOP)", phrases.find_stop_instruction),
    (
        "how to get help (Reply HELP or a support contact)",
        lambda t: phrases.find_help_instruction(t) or phrases.find_support_contact(t),
    ),
    (
        "that carriers are not liable for delayed or undelivered messages",
        phrases.find_carrier_liability,
    ),
)


@rule(
    code="WEB012",
    name="sms-terms-incomplete",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="The SMS terms miss required parts (program, frequency, rates, STOP, HELP, carrier liability).",
    why="""SMS terms must describe the program and say how often you text, that rates may apply, how
    to stop and get help, and that carriers are not liable for delays (AWS
    TERMS_AND_CONDITIONS_NON_COMPLIANT, Twilio 30558).""",
    fix="Add the missing parts to your SMS terms; `consentry draft` writes a complete page.",
    sources=(
        src.AWS_REJ,
        src.twilio_error(30558, "Terms of Service missing message frequency disclosure"),
        src.TX_GUIDE,
    ),
    carrier_codes=("AWS TERMS_AND_CONDITIONS_NON_COMPLIANT", "Twilio 30558"),
    fields=(SITE,),
    refs=("R077",),
)
def sms_terms_incomplete(ctx: LintContext) -> Iterator[Hit]:
    view = ctx.site_view
    page = view.terms.page if view is not None and view.terms is not None else None
    if page is None:
        return
    text = page.full_text or page.text
    missing = [label for label, detect in _TERMS_PARTS if detect(text) is None]
    if ctx.aliases and not ctx.names_brand(text):
        missing.insert(0, f"the program or business name ({ctx.brand_name})")
    if missing:
        yield Hit(
            SITE, f"The SMS terms {page.url} do not state: {'; '.join(missing)}.", url=page.url
        )
