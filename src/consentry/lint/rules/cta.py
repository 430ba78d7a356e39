"""CTA: the call to action (message flow) — how every subscriber opts in (rules.md R034–R058).

The disclosures reviewers list in DCA 806/861 (path to the opt-in, HELP, STOP, frequency, rates,
privacy) are errors; softer best practice is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from consentry import phrases
from consentry.lint import sources as src
from consentry.lint.checks import field_length
from consentry.lint.context import Detector, LintContext
from consentry.lint.flow import Method, is_policy_url
from consentry.lint.registry import rule
from consentry.lint.rule import Check, Hit, Severity
from consentry.phrases import Match
from consentry.phrases.literals import Anchored, Gated
from consentry.phrases.scan import sentence_window

FLOW = "campaign.message_flow"
_806 = ("DCA 806", "DCA 861")
_TX, _AWS = src.TX_CODES, src.AWS_REJ
_HOME_PLACE = Gated(
    re.compile(
        r"\b(?:home ?page|main page|front page|landing page|footer|header|bottom of|top of|pop[ -]?up|banner|sidebar|every page)\b",
        re.IGNORECASE,
    )
)
_FORCED = Gated(
    re.compile(
        r"\b(?:check ?box|box|consent|opt[ -]?in|agreement to (?:receive )?(?:texts?|sms))\s+(?:is|are)\s+(?:both |also |always )?(?:required|mandatory|pre[ -]?(?:checked|selected|ticked)|checked by default|automatically checked)"
        r"|\bmust (?:check|tick|agree|consent)\b.{0,60}\b(?:to|in order to|before they can) (?:submit|book|continue|register|complete|purchase|check ?out|sign up)"
        r"|\brequired to (?:agree to |consent to |opt in to )?(?:receive )?(?:texts?|sms|text messages)\b"
        r"|\b(?:pre[ -]?(?:checked|ticked|selected))\b"
        # the form refuses to submit until the box is ticked (Twilio 30923 in a judged filing)
        r"|\b(?:cannot|can't|can ?not|won't|will not|does not|doesn't|unable to) (?:be )?submit\w*\b.{0,40}\b(?:without|until|unless)\b.{0,40}\b(?:box|consent|agree)"
        r"|\bif the (?:consent |sms |check ?)?box is (?:not|left un)\s?(?:ticked|checked|selected)\b.{0,60}\b(?:error|shows|displays|cannot|can't|won't|blocks|stops)"
        r"|\bplease (?:tick|check) the (?:consent |sms )?box to (?:agree|continue|submit|consent)"
        # "The Continue button is disabled until the checkbox is checked", "rejects the submission
        # if consent is not given": the person cannot go on without agreeing to texts
        r"|\b(?:button|form|submission|sign[ -]?up|registration)\b.{0,20}\b(?:is |stays |remains )?(?:disabled|greyed out|grayed out|blocked|locked)\b.{0,20}\buntil\b.{0,40}\b(?:check ?box|box|consent|agree\w* to (?:receive )?(?:texts?|sms|text messages|messages))"
        r"|\brejects?\b.{0,30}\b(?:submission|sign[ -]?up|registration|form)\b.{0,20}\b(?:if|when|unless)\b.{0,20}\b(?:consent|box|agree\w*)\b.{0,20}\b(?:not|isn't|is not|un)"
        r"|\b(?:cannot|can't|can ?not|unable to) (?:continue|proceed|go on|move on)\b.{0,30}\b(?:without|until|unless)\b.{0,30}\b(?:box|consent|agree\w* to (?:receive )?(?:texts?|sms|text messages|messages)|opting in)"
        # "the checkout button is enabled once the box is ticked": the same as disabled until
        r"|\b(?:button|form|submission)\b.{0,20}\b(?:is |becomes |gets )?(?:enabled|active|clickable|unlocked)\b.{0,10}\b(?:only )?(?:once|when|after)\b.{0,30}\b(?:check ?box|box|consent)\b",
        re.IGNORECASE,
    )
)
# A box that must be ticked ("a required, unchecked-by-default checkbox", "the SMS checkbox, which
# is required to submit the form"): DCA 803 names a mandatory box as forced opt-in. Not when the
# required box is another one (Terms, age) and the SMS one is optional, and not on a sign-up whose
# texts are the codes the person asks for (an approved AWS filing had such a box).
_REQUIRED_BOX = Gated(
    re.compile(
        r"\b(?:required|mandatory)\b,?\s"
        # the words between describe the box, not another thing ("a required field and a box")
        r"(?:(?!(?:fields?|and|or|with|plus|then|phone|number|email|name)\b)[\w-]+,?\s){0,3}?"
        r"(?:check ?box|tick ?box|box)\b"
        r"|\b(?:check ?box|tick ?box|box)\b,?\s(?:which|that)\s(?:is|are)\s(?:also\s)?"
        r"(?:required|mandatory)\b",
        re.IGNORECASE,
    )
)
_OTHER_BOX = re.compile(
    r"\b(?:terms|privacy|polic(?:y|ies)|tos|age|cancellation|waiver|optional)\b", re.IGNORECASE
)
_PURPOSE = Anchored(
    re.compile(
        r"\b(?:remind\w*|notif\w*|updates?|alerts?|confirm\w*|offers?|promo\w*|deals?|news\w*|codes?|passcodes?|status|"
        r"appointments?|orders?|deliver\w*|shipping|account|billing|bills?|payments?|invoices?|rent|maintenance|"
        r"schedul\w*|reservations?|bookings?|questions?|support|service|marketing|announcements?|events?|"
        r"verification|security|tips|information|follow[ -]?ups?|quotes?|estimates?|repairs?|classes|shifts?|"
        r"prescriptions?|results|inquir\w*|requests?|surveys?|feedback|donations?|fundrais\w*)\b",
        re.IGNORECASE,
    )
)
_SEPARATE = Gated(
    re.compile(
        r"\b(?:separate|second|own|additional|another|distinct|individual)\b.{0,40}\b(?:check ?box(?:es)?|consent|opt[ -]?in|keyword)"
        r"|\b(?:two|2) (?:separate )?check ?boxes\b|\bmarketing (?:check ?box|consent|opt[ -]?in)\b",
        re.IGNORECASE,
    )
)
_DONATION_WORD = Gated(
    re.compile(r"\bdonat(?:e|es|ion|ions|ing)\b|\bfundrais\w*|\bcontributions?\b", re.IGNORECASE)
)
_FAKE_NUMBER = Gated(
    re.compile(
        r"\(?\b(?:555|123|000|999|xxx)\)?[\s.-]*(?:555|456|000|999|xxx)[\s.-]*(?:5555|7890|0000|9999|xxxx)\b",
        re.IGNORECASE,
    )
)


def _flow_text(ctx: LintContext) -> str:
    return ctx.text(FLOW)


def _disclosed(ctx: LintContext, detector: Detector) -> bool:
    """In the flow — or, for flows where the person texts first or texts a keyword, in the
    confirmation they receive, which is where they read the disclosures."""
    if ctx.find(detector, _flow_text(ctx)) is not None:
        return True
    methods = ctx.flow.methods
    if methods and methods <= {Method.TEXT_FIRST, Method.KEYWORD}:
        return ctx.find(detector, ctx.text("campaign.opt_in_message")) is not None
    return False


def _names_brand_outside_links(ctx: LintContext) -> bool:
    # The flow links pages on the brand's domain anyway; only a name outside links counts.
    text = _flow_text(ctx)
    for url in reversed(phrases.find_urls(text)):
        if "/" in url.text:
            text = text[: url.start] + " " + text[url.end :]
    return not ctx.aliases or ctx.names_brand(text)


def _core_gaps(ctx: LintContext) -> int:
    """How many of the consent text's core parts are missing: frequency, rates, STOP, the brand's
    name, that the consent is for text messages, and what the messages are about.

    Reviewers reject a call to action that leaves out several of them (DCA 806/861 list them
    together), but judged filings show approvals where exactly one was left out, the rest of the
    consent text being complete and the opt-in public: the one gap is then reported as a warning.
    """
    cached = ctx.memo.get("cta.core_gaps")
    if cached is None:
        cached = ctx.memo["cta.core_gaps"] = sum(
            (
                not _disclosed(ctx, phrases.find_frequency_disclosure),
                not _disclosed(ctx, phrases.find_rates_disclosure),
                not _disclosed(ctx, phrases.find_stop_instruction),
                not _names_brand_outside_links(ctx),
                ctx.find(phrases.find_sms_mention, _flow_text(ctx)) is None,
                not _states_purpose(_flow_text(ctx)),
            )
        )
    assert isinstance(cached, int)
    return cached


def _checkbox_page(ctx: LintContext) -> str | None:
    """The public page of a described web checkbox, where reviewers read the consent text: CSPs'
    own model calls to action ("visit <url>, enter your number and check a box agreeing to receive
    texts from <brand>") leave the disclosures to the form."""
    flow = ctx.flow
    if Method.WEB not in flow.methods or not flow.mentions_checkbox or flow.login_gated:
        return None
    if not _names_brand_outside_links(ctx):
        return None  # the models all say whose texts they are; a flow that does not is too thin
    return flow.pages[0] if flow.pages else None


def _gap_hit(ctx: LintContext, message: str) -> Hit:
    if ctx.codes_on_request:
        return Hit(FLOW, f"{message} {_ON_REQUEST}", soften=True)
    if ctx.flow.evidence_links:
        return Hit(
            FLOW,
            f"{message} Reviewers will read it on the public copy you link "
            f"({ctx.flow.evidence_links[0]}): make sure it is there, or quote it in the flow.",
            soften=True,
        )
    if _core_gaps(ctx) <= 1:
        return Hit(
            FLOW,
            f"{message} It is the only part of the consent text missing, which reviewers have let "
            "through, but it is the usual reason for a DCA 806/861 rejection.",
            soften=True,
        )
    page = _checkbox_page(ctx)
    if page is not None:
        return Hit(
            FLOW,
            f"{message} Reviewers read the consent text on the form you link ({page}): make sure "
            "it is there next to the checkbox (`consentry scan` checks), or quote it in the flow.",
            soften=True,
        )
    return Hit(FLOW, message)


_ONE_GAP = """When it is the only one missing of frequency, 'Msg & data rates may apply', STOP
instructions, the business name, 'text messages' and what the texts are about: judged filings
show approvals with one of them left out, and rejections (DCA 806/861) when several are. Also for
a 2FA-only campaign whose flow is people asking for a code: each text answers a request, and CSPs
publish such flows, without the disclosures, as ready to register. And when the flow links a public copy of the
opt-in (a screenshot, PDF or public consent page), or names the business and describes a checkbox
on a public web page it links: reviewers read the disclosures there (Twilio's and other CSPs' model
calls to action leave them to the form), and `consentry scan` checks that page."""
_ON_REQUEST = (
    "Codes are only sent when someone asks for one, and 2FA flows like this are approved, but "
    "adding it is safer."
)


def _disclosure_check(detector: Detector, message: str, *, core: bool = True) -> Check:
    def check(ctx: LintContext) -> Iterator[Hit]:
        if _flow_text(ctx).strip() and not _disclosed(ctx, detector):
            yield _gap_hit(ctx, message) if core else Hit(FLOW, message)

    return check


rule(
    code="CTA001",
    name="message-flow-missing-or-wrong-length",
    severity=Severity.ERROR,
    summary="The call to action (message flow) is missing or not 40-2048 characters.",
    why="""The message flow is where reviewers learn how every person agreed to get your texts.
    The registry refuses one shorter than 40 or longer than 2048 characters.""",
    fix="""Describe each way people opt in, where (with the page URL), and quote the consent text
    they see, in 40-2048 characters.""",
    sources=(src.TW_USA2P, src.TX_GUIDE),
    carrier_codes=("Twilio 21728", "Twilio 30909"),
    fields=(FLOW,),
    refs=("R034",),
)(field_length(FLOW))


@rule(
    code="CTA002",
    name="cta-missing-opt-in-method",
    severity=Severity.ERROR,
    summary="The call to action does not say how people opt in.",
    why="""Reviewers must see every way a phone number gets on your list: a website form with a
    checkbox, a keyword texted to your number, the customer texting you first, a recorded verbal
    script, a paper form. A flow that only says 'customers agree' is rejected (Twilio 30909).""",
    fix="""Name each opt-in method and where it happens, e.g. 'Customers opt in on our booking form at
    https://example.com/book by ticking an unchecked SMS box' or 'Customers text JOIN to (555) 010-0000'.""",
    sources=(
        src.twilio_error(30909, "Message Flow / Call to Action Incomplete"),
        _AWS,
        src.TX_FLOW,
    ),
    carrier_codes=("Twilio 30909", "Twilio 30896", "DCA 806", "AWS OPT_IN_WORKFLOW_MISSING"),
    fields=(FLOW,),
    refs=("R035",),
)
def cta_missing_opt_in_method(ctx: LintContext) -> Iterator[Hit]:
    if _flow_text(ctx).strip() and not ctx.flow.methods:
        yield Hit(FLOW)


@rule(
    code="CTA003",
    name="cta-web-opt-in-without-page-url",
    severity=Severity.ERROR,
    summary="The call to action mentions a web form but not the address of the page it is on.",
    why="""A reviewer must be able to open the exact page with the opt-in form. A flow without the
    URL, or with only the home page when the form is elsewhere, is rejected: DCA 806 asks for the
    'specific path for mobile opt-in' and Twilio 30543 for a 'live opt-in link'.""",
    fix="""Add the full URL of the page with the form, and where on the page it is, e.g. 'on our
    booking form at https://example.com/book, above the Submit button'.""",
    sources=(_TX, src.twilio_error(30543, "Live opt-in link not provided"), src.TX_FORM),
    carrier_codes=(*_806, "Twilio 30543", "Twilio 30922"),
    fields=(FLOW,),
    refs=("R036",),
    softened="""When the flow links only the home page: DCA 806 asks for a path to the form 'if it is
    not on the main webpage', which consentry cannot tell without fetching the page (the site scan
    does).""",
)
def cta_web_opt_in_without_page_url(ctx: LintContext) -> Iterator[Hit]:
    flow = ctx.flow
    if Method.WEB not in flow.methods:
        return
    if flow.login_gated and not flow.mentions_website:
        return  # a checkbox inside an app has no page address; CTA021 asks for a screenshot
    pages = [u for u in flow.urls if not is_policy_url(u)]
    if not pages:
        urls = ", ".join(ctx.spec.opt_in_urls)
        hint = f" Your opt-in pages are listed as {urls}; quote the right one." if urls else ""
        yield Hit(
            FLOW,
            "The call to action mentions a web form but gives no URL for the page it is on." + hint,
        )
        return
    deep = [u for u in pages if re.search(r"\.[a-z]{2,}/[^\s/]+", u, re.I)]
    if not deep and _HOME_PLACE.search(_flow_text(ctx)) is None:
        yield Hit(
            FLOW,
            f"The call to action only links the home page ({pages[0]}); if the opt-in form is "
            "elsewhere, give that page, or say where on the home page it is.",
            soften=True,
        )


for _code, _name, _detector, _missing, _fix, _codes, _ref, _src in (
    ("CTA004", "cta-missing-message-frequency", phrases.find_frequency_disclosure,
     "The call to action does not say how often messages are sent.",
     "Add a frequency disclosure such as 'Message frequency varies' or 'Up to 4 msgs/month'.",
     ("DCA 806", "DCA 861", "Twilio 30545", "AWS OPT_IN_WORKFLOW_NON_COMPLIANT_MSG_FREQUENCY"),
     "R040", src.twilio_error(30545, "Call-to-Action does not state message frequency")),
    ("CTA005", "cta-missing-data-rates", phrases.find_rates_disclosure,
     "The call to action does not say 'Msg & data rates may apply'.",
     "Add 'Msg & data rates may apply' to the consent text people see.",
     ("DCA 806", "DCA 861", "Twilio 30569", "AWS OPT_IN_WORKFLOW_NON_COMPLIANT_DATA_RATES"),
     "R041", src.twilio_error(30569, "Call-to-Action is missing the message and data rates disclosure")),
    ("CTA006", "cta-missing-stop-instructions", phrases.find_stop_instruction,
     "The call to action does not tell people how to opt out (Reply STOP).",
     "Add 'Reply STOP to cancel' (or 'Text STOP to opt out') to the consent text.",
     ("DCA 806", "DCA 861", "Twilio 30924", "AWS OPT_IN_WORKFLOW_NON_COMPLIANT_HELP_STOP"),
     "R042", src.twilio_error(30924, "Missing or non-compliant consent agreement language")),
):  # fmt: skip
    rule(
        code=_code,
        name=_name,
        severity=Severity.ERROR,
        summary=_missing,
        why="""Carriers require the consent text a person sees before opting in to include this
        disclosure; DCA 806 and 861 list it by name. For flows where the person texts you first or
        texts a keyword, consentry also accepts it in the confirmation text they get back.""",
        fix=_fix,
        sources=(_src, _TX, _AWS),
        carrier_codes=_codes,
        fields=(FLOW,),
        refs=(_ref,),
        softened=_ONE_GAP,
    )(_disclosure_check(_detector, _missing))


_SUPPORT_INTRO = re.compile(
    r"\b(?:for|need|get) (?:help|support|assistance)\b|\bquestions\?|\bcontact us\b"
    r"|\bcustomer (?:care|support|service)\b",
    re.IGNORECASE,
)


def _help_or_support(text: str) -> Match | None:
    """'Reply HELP for help', or a support contact offered as help (Twilio 30570)."""
    found = phrases.find_help_instruction(text)
    if found is None and _SUPPORT_INTRO.search(text):
        found = phrases.find_support_contact(text)
    return found


rule(
    code="CTA007",
    name="cta-missing-help-instructions",
    # A warning, not an error: CSPs publish consent language without HELP as compliant and ready
    # to register (Telnyx's account-notification and security-alert templates, SwellCX's TCR
    # sample paper form), and no judged rejection in the corpus turned on it alone. HELP itself
    # stays required where reviewers check it every time: the HELP reply (HLP rules) and the
    # opt-in confirmation (CFM005).
    severity=Severity.WARNING,
    summary="The call to action does not tell people to reply HELP for help.",
    why="""Some reviewers ask for the consent text to say how to get help: 'Reply HELP for help',
    or a support contact (DCA 806/861: 'HELP instructions'; Twilio 30570: 'customer support
    instructions'). CSPs' own published consent templates often leave it out and are approved, so
    this is a warning; adding it costs four words and removes the risk. For flows where the person
    texts you first or texts a keyword, consentry also accepts it in the confirmation text they get
    back.""",
    fix="Add 'Reply HELP for help' to the consent text.",
    sources=(
        src.twilio_error(30570, "Call-to-Action is missing customer support instructions"),
        _TX,
        _AWS,
    ),
    carrier_codes=(
        "DCA 806",
        "DCA 861",
        "Twilio 30570",
        "AWS OPT_IN_WORKFLOW_NON_COMPLIANT_HELP_STOP",
    ),
    fields=(FLOW,),
    refs=("R043",),
)(
    _disclosure_check(
        _help_or_support,
        "The call to action does not tell people to reply HELP for help.",
        core=False,
    )
)

_PRIVACY_CODES = (
    "DCA 806",
    "DCA 861",
    "DCA 805",
    "AWS OPT_IN_WORKFLOW_NON_COMPLIANT_PRIVACY_POLICY",
)
_PRIVACY_FIX = """Add your privacy policy's URL to the consent text, and the sentence 'No mobile
information will be shared with third parties or affiliates for marketing/promotional purposes.'"""


def _privacy_in_flow(ctx: LintContext) -> bool:
    return not _flow_text(ctx).strip() or _disclosed(ctx, phrases.find_privacy_reference)


@rule(
    code="CTA008",
    name="cta-missing-privacy-policy",
    severity=Severity.ERROR,
    summary="Neither the call to action nor the registration links a privacy policy.",
    why="""Carriers require a privacy policy that says mobile numbers are not shared, linked from
    the consent text (DCA 805, 806, 861: 'link to the message program privacy policy, or language
    referring to the privacy policy'). This campaign gives no privacy policy anywhere.""",
    fix=_PRIVACY_FIX,
    sources=(_TX, _AWS),
    carrier_codes=_PRIVACY_CODES,
    fields=(FLOW, "campaign.privacy_policy_url"),
    refs=("R044", "R069"),
)
def cta_missing_privacy_policy(ctx: LintContext) -> Iterator[Hit]:
    if not _privacy_in_flow(ctx) and not (ctx.spec.privacy_policy_url or "").strip():
        yield Hit(
            FLOW,
            "The call to action does not link your privacy policy or say that mobile data is "
            "not shared, and no privacy_policy_url is given.",
        )


@rule(
    code="CTA028",
    name="cta-privacy-policy-not-linked",
    severity=Severity.WARNING,
    summary="The call to action does not link the privacy policy (only the URL field has it).",
    why="""Reviewers read the privacy-policy URL field, but DCA 806/861 ask for the link (or the
    no-sharing sentence) in the consent text itself, where the subscriber sees it.""",
    fix=_PRIVACY_FIX,
    sources=(_TX, _AWS),
    carrier_codes=_PRIVACY_CODES,
    fields=(FLOW,),
    refs=("R044", "R075"),
)
def cta_privacy_policy_not_linked(ctx: LintContext) -> Iterator[Hit]:
    if not _privacy_in_flow(ctx) and (ctx.spec.privacy_policy_url or "").strip():
        yield Hit(FLOW)


@rule(
    code="CTA009",
    name="cta-missing-terms-link",
    severity=Severity.WARNING,
    summary="The call to action does not link your SMS terms and conditions.",
    why="""Several reviewers (AWS, Telnyx) expect the consent text to link full SMS terms next to the
    checkbox, and Twilio now asks for a terms URL with every campaign.""",
    fix="Add a link to your SMS terms (for example https://example.com/sms-terms) to the consent text.",
    sources=(_AWS, src.TX_GUIDE),
    carrier_codes=("AWS OPT_IN_WORKFLOW_NON_COMPLIANT_TERMS_AND_CONDITIONS",),
    fields=(FLOW,),
    refs=("R045",),
)
def cta_missing_terms_link(ctx: LintContext) -> Iterator[Hit]:
    if _flow_text(ctx).strip() and not _disclosed(ctx, phrases.find_terms_reference):
        yield Hit(FLOW)


_TERMS_WORD = re.compile(r"terms|tos|conditions|sms|text|messag", re.IGNORECASE)
_PRIVACY_WORD = re.compile(r"privacy", re.IGNORECASE)


def _page_key(url: str) -> tuple[str, str]:
    """(host and path without scheme, www or trailing slash; the #fragment)."""
    base, _, fragment = url.strip().lower().partition("#")
    base = re.sub(r"^[a-z]+://", "", base).removeprefix("www.").rstrip("/")
    return base, fragment


@rule(
    code="CTA030",
    name="terms-link-is-privacy-policy",
    severity=Severity.ERROR,
    summary="The terms and conditions link points at the privacy policy.",
    why="""Reviewers open the terms link and expect SMS terms: the program, frequency, rates,
    STOP and HELP, and that carriers are not liable. A terms link that opens the privacy policy
    gets the campaign rejected for 'Terms and Conditions issues' (AWS TERMS_AND_CONDITIONS_MISMATCH).""",
    fix="""Publish an SMS terms page (consentry draft writes one) and set terms_url to it, e.g.
    https://example.com/sms-terms.""",
    sources=(_AWS, src.TX_GUIDE),
    carrier_codes=(
        "AWS TERMS_AND_CONDITIONS_MISMATCH",
        "AWS TERMS_AND_CONDITIONS_MISSING",
        "Twilio 30934",
    ),
    fields=("campaign.terms_url",),
    refs=("R076",),
)
def terms_link_is_privacy_policy(ctx: LintContext) -> Iterator[Hit]:
    terms = (ctx.spec.terms_url or "").strip()
    if not terms:
        return
    base, fragment = _page_key(terms)
    if fragment and _TERMS_WORD.search(fragment):
        return  # "privacy#sms-terms": a terms section the link jumps to
    privacy = (ctx.spec.privacy_policy_url or "").strip()
    last = base.rsplit("/", 1)[-1] if "/" in base else ""
    if privacy and base == _page_key(privacy)[0]:
        yield Hit(
            "campaign.terms_url", f"terms_url is the same page as privacy_policy_url ({terms})."
        )
    elif _PRIVACY_WORD.search(last) and not _TERMS_WORD.search(last):
        yield Hit("campaign.terms_url", f"terms_url ({terms}) looks like a privacy policy page.")


@rule(
    code="CTA031",
    name="policy-url-fields-empty",
    severity=Severity.ERROR,
    summary="privacy_policy_url or terms_url is empty.",
    why="""The registration has its own fields for the privacy policy and the SMS terms, and
    reviewers open them. Twilio refuses a campaign without them (errors 30933 and 30934, enforced
    at submission since 30 June 2026) and rejects one whose privacy policy it cannot find (30908);
    Telnyx asks for both in the registration even when the site links them.""",
    fix="""Set privacy_policy_url and terms_url to the public pages (consentry draft writes both
    pages), e.g. https://example.com/privacy and https://example.com/sms-terms.""",
    sources=(
        src.twilio_error(30933, "Privacy Policy URL required"),
        src.twilio_error(30934, "Terms and Conditions URL required"),
        src.TX_GUIDE,
    ),
    carrier_codes=("Twilio 30933", "Twilio 30934", "Twilio 30908"),
    fields=("campaign.privacy_policy_url", "campaign.terms_url"),
    refs=("R069", "R076"),
)
def policy_url_fields_empty(ctx: LintContext) -> Iterator[Hit]:
    # No privacy policy anywhere is CTA008's finding; this one is about the field.
    if not (ctx.spec.privacy_policy_url or "").strip() and _privacy_in_flow(ctx):
        yield Hit("campaign.privacy_policy_url", "privacy_policy_url is empty.")
    if not (ctx.spec.terms_url or "").strip():
        yield Hit("campaign.terms_url", "terms_url is empty.")


@rule(
    code="CTA010",
    name="cta-missing-brand-name",
    severity=Severity.ERROR,
    summary="The call to action does not name your business.",
    why="""Consent is given to a named business. Reviewers reject consent language that says
    'we' or 'our company' instead of the registered brand (AWS OPT_IN_WORKFLOW_MISMATCH).""",
    fix="Name your business in the consent text: 'I agree to receive texts from <Brand>...'.",
    sources=(_AWS, src.TW_GUIDE),
    carrier_codes=("AWS OPT_IN_WORKFLOW_MISMATCH", "DCA 603"),
    fields=(FLOW,),
    refs=("R038",),
    softened=_ONE_GAP,
)
def cta_missing_brand_name(ctx: LintContext) -> Iterator[Hit]:
    if _flow_text(ctx).strip() and not _names_brand_outside_links(ctx):
        yield _gap_hit(ctx, f"The call to action does not name your business ({ctx.brand_name}).")


@rule(
    code="CTA011",
    name="cta-missing-message-purpose",
    severity=Severity.ERROR,
    summary="The call to action does not say what the messages are about.",
    why="""People must know what they are signing up for: reminders, order updates, offers.
    Twilio rejects a call to action that does not state the message purpose (30544).""",
    fix="Say what you will text, e.g. 'appointment reminders and rescheduling notices'.",
    sources=(src.twilio_error(30544, "Call-to-Action does not state the message purpose"),),
    carrier_codes=("Twilio 30544", "AWS OPT_IN_WORKFLOW_NON_COMPLIANT_CONSENT_LANGUAGE"),
    fields=(FLOW,),
    refs=("R039",),
    softened=_ONE_GAP,
)
def cta_missing_message_purpose(ctx: LintContext) -> Iterator[Hit]:
    text = _flow_text(ctx)
    if text.strip() and not _states_purpose(text):
        yield _gap_hit(ctx, "The call to action does not say what the messages are about.")


def _states_purpose(text: str) -> bool:
    return _PURPOSE.search(text) is not None or phrases.names_what_is_sent(text)


@rule(
    code="CTA012",
    name="cta-does-not-mention-text-messages",
    severity=Severity.ERROR,
    summary="The call to action never says the consent is for text messages (SMS).",
    why="""Consent must be to receive text messages specifically; 'communications' or 'contact me'
    is not enough (Twilio 30551).""",
    fix="Say 'text messages' or 'SMS' in the consent text.",
    sources=(
        src.twilio_error(30551, "Consent does not specify SMS or text messaging"),
        src.TX_GUIDE,
    ),
    carrier_codes=("Twilio 30551",),
    fields=(FLOW,),
    refs=("R046",),
    softened=_ONE_GAP,
)
def cta_does_not_mention_text_messages(ctx: LintContext) -> Iterator[Hit]:
    text = _flow_text(ctx)
    if text.strip() and ctx.find(phrases.find_sms_mention, text) is None:
        yield _gap_hit(ctx, "The call to action never says the consent is for text messages (SMS).")


@rule(
    code="CTA029",
    name="cta-consent-bundled-with-calls-or-email",
    # A warning: Telnyx's guide forbids it and R046 calls it a rejection, but a judged Twilio
    # filing with 'contact you ... by phone, text, and email' was approved.
    severity=Severity.WARNING,
    summary="The consent covers calls or emails together with texts.",
    why="""Consent to text messages must be given on its own. One agreement to 'calls and texts'
    or to be contacted 'by phone, email or text' does not say clearly that the person chose text
    messages, and reviewers may reject it (Twilio 30551; Telnyx: it 'cannot be combined with email
    or phone call consent'). Some approved filings carry it, so this is a warning, but a separate
    text-message sentence removes the risk.""",
    fix="""Give texts their own consent sentence and checkbox: 'I agree to receive text messages
    from <Brand> about ...'. Ask for calls or emails separately, if you need them.""",
    sources=(
        src.twilio_error(30551, "Consent does not specify SMS or text messaging"),
        src.TX_GUIDE,
    ),
    carrier_codes=("Twilio 30551", "Twilio 30909"),
    fields=(FLOW,),
    refs=("R046",),
)
def cta_consent_bundled_with_calls_or_email(ctx: LintContext) -> Iterator[Hit]:
    match = ctx.find(phrases.find_bundled_channel_consent, _flow_text(ctx))
    if match is not None:
        yield Hit(FLOW, f"The consent covers other channels together with texts: '{match.text}'.")


_POLICY_DOC = r"(?:terms(?: of (?:service|use))?|terms (?:and|&) conditions|t&cs?|tos|privacy policy|user agreement)"
_IN_TERMS = Gated(
    re.compile(
        # "accept our Terms of Service, which include consent to receive text messages"
        rf"\b(?:accept|accepts|accepted|accepting|agree to|agrees to|agreed to|agreeing to)\s(?:our |the |its )?{_POLICY_DOC}\b"
        r"[^.;!?]{0,80}?\b(?:which|that)\s(?:also\s)?(?:include|includes|included|cover|covers|contain|contains)\b"
        r"[^.;!?]{0,40}?\b(?:texts?|text messag\w*|sms)\b"
        # one box for both: "I agree to the Terms of Service and to receive text messages"
        rf"|\b(?:agree|agrees|agreed|agreeing|consent|consents)\sto\s(?:our |the |its )?{_POLICY_DOC}\b"
        r"[^.;!?]{0,40}?\b(?:and|including)\s(?:to\s)?(?:receiv\w*|get|getting)\s(?:\w+\s){0,3}?(?:texts?|text messag\w*|sms)\b"
        # "SMS consent is included in our terms", "texting is covered by the privacy policy"
        rf"|\b(?:texts?|text messag\w*|sms|texting)\b[^.;!?]{{0,30}}?\b(?:is|are)\s(?:included|covered|described|contained|given)\s(?:in|by|under)\s(?:our |the )?{_POLICY_DOC}\b",
        re.IGNORECASE,
    )
)
_SEPARATE_FROM_TERMS = re.compile(
    r"\b(?:separate\w*|apart|independent\w*|not\s(?:a\s)?part|does\s?n[o']t|do\s?n[o']t|never|optional)\b",
    re.IGNORECASE,
)


@rule(
    code="CTA032",
    name="text-consent-inside-terms-acceptance",
    severity=Severity.ERROR,
    summary="Consent to texts is part of accepting the terms or privacy policy.",
    why="""Consent to texts must be its own choice: a separate, unticked box about texts. Accepting
    terms of service that mention SMS is not express consent, and one box for 'the terms and
    texts' is rejected (Twilio 30831, 30841; AWS OPT_IN_WORKFLOW_CHECKBOX_INVALID).""",
    fix="""Add a separate, optional, unticked box just for texts ('I agree to receive appointment
    texts from <Brand>...'), apart from the box that accepts your terms.""",
    sources=(src.TX_FORM, _AWS),
    carrier_codes=("Twilio 30831", "Twilio 30841", "AWS OPT_IN_WORKFLOW_CHECKBOX_INVALID"),
    fields=(FLOW,),
    refs=("R062",),
)
def text_consent_inside_terms_acceptance(ctx: LintContext) -> Iterator[Hit]:
    text = _flow_text(ctx)
    for match in _IN_TERMS.finditer(text):
        a, b = sentence_window(text, match.start(), match.end())
        if _SEPARATE_FROM_TERMS.search(text, a, b) is None:
            yield Hit(FLOW, f"The consent to texts comes with the terms: '{match.group(0)}'.")
            return


@rule(
    code="CTA013",
    name="cta-forced-consent",
    severity=Severity.ERROR,
    summary="The call to action makes text consent required, pre-ticked or a condition of service.",
    why="""Consent must be a free choice: an unchecked, optional box. A required or pre-ticked box
    is a 'forced opt-in' and is rejected (DCA 803, Twilio 30923).""",
    fix="Make the SMS checkbox optional and unchecked, and say 'Consent is not a condition of purchase'.",
    sources=(
        _TX,
        src.twilio_error(30923, "Message consent cannot be required for service use"),
        src.TX_FORM,
    ),
    carrier_codes=("DCA 803", "Twilio 30923", "Twilio 30925", "AWS OPT_IN_WORKFLOW_CONSENT"),
    fields=(FLOW,),
    refs=("R047", "R060", "R061"),
)
def cta_forced_consent(ctx: LintContext) -> Iterator[Hit]:
    text = _flow_text(ctx)
    for match in _FORCED.finditer(text):
        if not _denied(text, match):
            yield Hit(FLOW, f"The call to action says consent is forced: '{match.group(0)}'.")
            return
    for match in _REQUIRED_BOX.finditer(text):
        a, b = sentence_window(text, match.start(), match.end(), 160)
        if ctx.flow.requests_code or _OTHER_BOX.search(text, a, b):
            continue
        if not _denied(text, match):
            yield Hit(FLOW, f"The call to action says the SMS box is '{match.group(0)}'.")
            return
    required = _PHONE_REQUIRED.search(text)
    if required is not None and not ctx.flow.mentions_checkbox:
        # A required phone field with no box to decline makes texts a condition of signing up
        # (rules.md R061; DCA 803; Twilio 30923 in a judged filing).
        yield Hit(
            FLOW,
            f"The call to action says '{required.group(0)}' and offers no optional box to "
            "decline texts, so texts are a condition of signing up.",
        )


_PHONE_REQUIRED = Gated(
    re.compile(
        r"\b(?:mobile |cell |phone )?(?:phone )?number (?:field )?is (?:required|mandatory)\b"
        r"|\brequired (?:mobile |cell )?phone(?: number)?\b",
        re.IGNORECASE,
    )
)


# "nothing is pre-selected", "the box is not pre-checked", "never required to ..."
_NEGATED = re.compile(
    r"\b(?:not|non|never|nothing|no|none|neither|nor|without|isn't|aren't|is\s+n't)\b[^.;:!?]*$",
    re.IGNORECASE,
)


def _denied(text: str, match: re.Match[str]) -> bool:
    return _NEGATED.search(text[max(0, match.start() - 40) : match.start()]) is not None


@rule(
    code="CTA014",
    name="cta-missing-consent-not-condition",
    severity=Severity.WARNING,
    summary="The call to action does not say consent is not a condition of purchase.",
    why="""Marketing texts need express written consent, which includes telling people that
    agreeing is not required to buy anything; reviewers look for it on web forms (R047, TCPA).""",
    fix="Add 'Consent is not a condition of purchase.' to the consent text.",
    sources=(
        src.twilio_error(30923, "Message consent cannot be required for service use"),
        src.TX_GUIDE,
    ),
    carrier_codes=("Twilio 30923",),
    fields=(FLOW,),
    refs=("R047", "R119"),
)
def cta_missing_consent_not_condition(ctx: LintContext) -> Iterator[Hit]:
    text = _flow_text(ctx)
    web_or_paper = ctx.flow.methods & {Method.WEB, Method.PAPER, Method.APP}
    if (
        text.strip()
        and (ctx.is_marketing or web_or_paper)
        and ctx.find(phrases.find_consent_not_condition, text) is None
    ):
        yield Hit(FLOW)


@rule(
    code="CTA015",
    name="marketing-consent-not-separate",
    severity=Severity.WARNING,
    summary="Marketing and other messages seem to share one consent.",
    why="""Consent to marketing texts must be collected separately from consent to reminders or
    account messages (its own unchecked box or keyword); Twilio rejects combined consent (30913).""",
    fix="Describe a separate, unchecked marketing checkbox (or keyword) in the call to action.",
    sources=(src.twilio_error(30913, "Marketing and informational consent must be separate"), _AWS),
    carrier_codes=("Twilio 30913", "AWS OPT_IN_WORKFLOW_CONSENT_MARKETING_NOT_SEPARATED"),
    fields=(FLOW,),
    refs=("R048", "R064"),
)
def marketing_consent_not_separate(ctx: LintContext) -> Iterator[Hit]:
    others = ctx.use_cases - {"MARKETING", "MIXED", "LOW_VOLUME"}
    if not (ctx.is_marketing and others):
        return
    text = _flow_text(ctx)
    if ctx.flow.methods & {Method.WEB, Method.PAPER} and _SEPARATE.search(text) is None:
        yield Hit(FLOW)


@rule(
    code="CTA016",
    name="cta-marketing-not-mentioned",
    severity=Severity.ERROR,
    summary="The campaign sends marketing, but the call to action does not say so.",
    why="""When marketing messages are part of the campaign, the consent text must say so (DCA 806:
    'If the campaign has a marketing use case make sure the CTA mentions that marketing messages
    will be sent'; DCA 602).""",
    fix="Add 'marketing' or 'promotional' to the consent text, e.g. 'offers and promotions'.",
    sources=(_TX, src.TX_FLOW),
    carrier_codes=("DCA 806", "DCA 602"),
    fields=(FLOW,),
    refs=("R050",),
)
def cta_marketing_not_mentioned(ctx: LintContext) -> Iterator[Hit]:
    text = _flow_text(ctx)
    if ctx.is_marketing and text.strip() and ctx.find(phrases.find_marketing_mention, text) is None:
        yield Hit(FLOW)


@rule(
    code="CTA017",
    name="text-first-flow-incomplete",
    severity=Severity.ERROR,
    summary="A 'customers text us first' flow does not say where your number is published or that you only reply.",
    why="""When people text you first, that is their consent to a reply, and no checkbox is needed.
    But reviewers decline a flow that only says 'they text us first': it must say where the number
    is shown (website, signs, business cards) and that you only reply to their request
    (Telnyx: 'The first message must always be sent by the consumer').""",
    fix="""Write e.g. 'Customers text our number (512) 555-0100, shown on our website and invoices.
    We only reply to their messages; we never text first.' and quote your first reply.""",
    sources=(src.TX_GUIDE, src.TX_FLOW),
    carrier_codes=("Twilio 30909", "DCA 806"),
    fields=(FLOW,),
    refs=("R051",),
)
def text_first_flow_incomplete(ctx: LintContext) -> Iterator[Hit]:
    flow = ctx.flow
    if Method.TEXT_FIRST not in flow.methods:
        return
    missing = []
    # A flow with other documented ways in that gives the number itself has said enough (R051 is
    # about flows where texting first is the only opt-in).
    gives_number = bool(phrases.find_phone_numbers(_flow_text(ctx)))
    if not flow.says_where_number_is_published and (flow.only_text_first or not gives_number):
        missing.append("where customers find the number")
    if flow.only_text_first and not flow.says_business_only_replies:
        missing.append("that you only reply to their messages")
    if missing:
        yield Hit(
            FLOW, "The 'customers text us first' flow does not say " + " or ".join(missing) + "."
        )


@rule(
    code="CTA018",
    name="cta-keyword-not-in-opt-in-keywords",
    severity=Severity.ERROR,
    summary="A keyword the call to action tells people to text is not in the opt-in keywords.",
    why="""If people join by texting a keyword, the registration must list that keyword and the
    reply it triggers (Twilio 30896: 'users can opt in by texting a keyword, but you did not
    provide opt_in_keywords').""",
    fix="Add the keyword to `opt_in_keywords` (and make sure the opt-in message is compliant).",
    sources=(src.twilio_error(30896, "Opt-in Error"), src.TW_USA2P),
    carrier_codes=("Twilio 30896",),
    fields=(FLOW, "campaign.opt_in_keywords"),
    refs=("R052", "R094"),
)
def cta_keyword_not_in_opt_in_keywords(ctx: LintContext) -> Iterator[Hit]:
    listed = {k.strip().upper() for k in ctx.spec.opt_in_keywords}
    missing = [k for k in ctx.flow.keywords if k not in listed]
    if missing:
        yield Hit(
            "campaign.opt_in_keywords",
            f"The call to action tells people to text {missing[0]}, "
            "but it is not in opt_in_keywords.",
        )


@rule(
    code="CTA019",
    name="keyword-flow-missing-where-advertised",
    severity=Severity.WARNING,
    summary="A keyword opt-in does not say where the keyword is advertised.",
    why="""Reviewers want to see where people learn the keyword (a sign, a flyer, a web page), with
    a link or photo, so they can check the disclosures printed next to it.""",
    fix="Say where the keyword is shown and link a photo or page of it.",
    sources=(src.TX_GUIDE, src.twilio_error(30896, "Opt-in Error")),
    carrier_codes=("Twilio 30896",),
    fields=(FLOW,),
    refs=("R052",),
)
def keyword_flow_missing_where_advertised(ctx: LintContext) -> Iterator[Hit]:
    flow = ctx.flow
    if Method.KEYWORD in flow.methods and not (flow.says_where_number_is_published or flow.urls):
        yield Hit(FLOW)


@rule(
    code="CTA020",
    name="verbal-opt-in-without-script",
    severity=Severity.ERROR,
    summary="A verbal opt-in is described without the script read to the customer.",
    why="""For consent given on a call or in person, reviewers need the exact words your staff say
    (brand, what you'll text, frequency, rates, STOP/HELP, privacy link) and the customer's 'yes'.""",
    fix="Quote the script in the call to action, or link a public copy of it.",
    sources=(src.AWS_VERBAL, src.TX_FLOW),
    carrier_codes=("Twilio 30909", "AWS OPT_IN_WORKFLOW_INCOMPLETE"),
    fields=(FLOW,),
    refs=("R053",),
    softened="""When the flow states, in its own words, everything the person agrees to: the brand,
    that it is for texts, what they are about, frequency, 'Msg & data rates may apply' and STOP. A
    judged filing was approved with that and no quoted script; the judged 30909 for a missing
    script had none of it in the verbal part.""",
)
def verbal_opt_in_without_script(ctx: LintContext) -> Iterator[Hit]:
    flow = ctx.flow
    if Method.VERBAL in flow.methods and not flow.script_given:
        if _core_gaps(ctx) <= 1:
            yield Hit(
                FLOW,
                "A verbal opt-in is described without the exact script. The flow says what people "
                "agree to, which reviewers have accepted, but quoting the script is safer.",
                soften=True,
            )
            return
        yield Hit(FLOW)


@rule(
    code="CTA021",
    name="offline-opt-in-without-evidence-link",
    severity=Severity.ERROR,
    summary="A paper, in-store or logged-in opt-in has no public link to a picture of it.",
    why="""Reviewers cannot see a paper form, a sign in your shop or a page behind a login. They ask
    for a publicly reachable screenshot, photo or PDF of it (Twilio 30921, 30896).""",
    fix="Upload a photo or screenshot of the form (your site, Google Drive, Dropbox) and link it in the flow.",
    sources=(src.twilio_error(30921, "Website requires authentication"), src.TX_GUIDE),
    carrier_codes=("Twilio 30921", "Twilio 30896", "Twilio 30909"),
    fields=(FLOW,),
    refs=("R037", "R054", "R015"),
    softened="""When the flow says the screenshot or photo is attached to the registration: the
    registration forms take uploads, which a campaign file cannot carry or consentry check.""",
)
def offline_opt_in_without_evidence_link(ctx: LintContext) -> Iterator[Hit]:
    flow = ctx.flow
    if flow.evidence_links:
        return
    if Method.PAPER in flow.methods:
        message = "The paper or in-person opt-in has no link to a photo or PDF of the form."
    elif flow.login_gated or (
        Method.APP in flow.methods and Method.WEB not in flow.methods and not ctx.codes_on_request
    ):
        # (an app opt-in beside a public web form: reviewers check the form; asking for a code in
        # an app is the request the code answers)
        message = "The opt-in is behind a login or in an app, and no public screenshot is linked."
    else:
        return
    if flow.evidence_attached:
        yield Hit(
            FLOW,
            f"{message} The flow says a picture is attached: make sure it is uploaded with the "
            "registration; a public link in the flow is what reviewers can always open.",
            soften=True,
        )
    else:
        yield Hit(FLOW, message)


@rule(
    code="CTA022",
    name="cta-placeholder-phone-number",
    severity=Severity.ERROR,
    summary="The call to action shows a made-up phone number such as (555) 555-5555.",
    why="""Reviewers check that the number in the call to action is your real sending number; a
    sample number copied from a guide is rejected.""",
    fix="Use the phone number people actually text.",
    sources=(src.TW_GUIDE,),
    carrier_codes=("Twilio 30909",),
    fields=(FLOW,),
    refs=("R056",),
)
def cta_placeholder_phone_number(ctx: LintContext) -> Iterator[Hit]:
    match = _FAKE_NUMBER.search(_flow_text(ctx))
    if match:
        yield Hit(FLOW, f"The call to action shows a placeholder phone number ({match.group(0)}).")


@rule(
    code="CTA023",
    name="consent-collected-by-third-party",
    severity=Severity.ERROR,
    summary="The numbers come from a third party, a list or a partner, not from your own opt-in.",
    why="""Consent must be given to your business, for this campaign. Purchased or shared lists and
    opt-ins gathered by partners or 'licensed agents' are rejected (Twilio 30896, DCA 708).""",
    fix="Only text people who opted in with your business directly, and describe that opt-in.",
    sources=(src.twilio_error(30896, "Opt-in Error"), src.TW_RECS, _TX),
    carrier_codes=("Twilio 30896", "DCA 708", "AWS OPT_IN_DATA_SHARED_WITH_THIRD_PARTIES"),
    fields=(FLOW,),
    refs=("R049",),
)
def consent_collected_by_third_party(ctx: LintContext) -> Iterator[Hit]:
    if ctx.flow.third_party_consent:
        yield Hit(FLOW)


@rule(
    code="CTA024",
    name="phone-number-given-is-not-consent",
    severity=Severity.ERROR,
    summary="The flow treats having someone's phone number as consent to text them.",
    why="""Giving a phone number (on a lease, a job application, a contact form) is not consent to
    receive texts, and 'we have consent' is not a description of how it was given. Carriers want a
    separate, optional action: ticking an unchecked box, texting a keyword, or texting you first
    (DCA 803; CTIA: 'Requiring a customer to enter a mobile phone number does not constitute a
    compliant opt-in').""",
    fix="""Add an optional, unchecked SMS checkbox where you collect numbers, or describe a keyword
    or text-first flow, and quote the consent text.""",
    sources=(src.CTIA_HANDBOOK, _TX, src.AWS_TRANSACTIONAL),
    carrier_codes=("DCA 803", "DCA 806", "Twilio 30909"),
    fields=(FLOW,),
    refs=("R059", "R061"),
)
def phone_number_given_is_not_consent(ctx: LintContext) -> Iterator[Hit]:
    flow = ctx.flow
    if flow.mentions_checkbox or flow.double_opt_in or flow.quotes_disclosure or flow.has_script:
        return
    if ctx.codes_on_request:
        return  # entering a number to get a code is asking for that text (AWS OTP pattern)
    if flow.states_agreement:
        return  # the person agrees to a stated disclosure; CTA027 asks for the checkbox
    if flow.number_given_as_consent or flow.claims_consent:
        yield Hit(FLOW)


@rule(
    code="CTA025",
    name="donation-disclosure-missing",
    severity=Severity.ERROR,
    summary="Donation requests are not disclosed in the call to action.",
    why="""Charity and political programs that ask for money must say 'Donations may be solicited'
    in the consent text.""",
    fix="Add 'Donations may be solicited.' to the consent text.",
    sources=(src.TX_FLOW, src.TX_GUIDE),
    carrier_codes=("DCA 806", "DCA 602"),
    fields=(FLOW,),
    refs=("R058",),
)
def donation_disclosure_missing(ctx: LintContext) -> Iterator[Hit]:
    # Saying that the program includes donation requests or fundraising is the disclosure.
    text = _flow_text(ctx)
    if (
        ctx.content.any("donation")
        and text.strip()
        and not ctx.flow.donation_disclosure
        and not _DONATION_WORD.search(text)
    ):
        yield Hit(FLOW)


@rule(
    code="CTA026",
    name="age-gate-not-described",
    severity=Severity.ERROR,
    summary="The campaign is age-gated but the call to action does not describe the age check.",
    why="""Age-restricted programs must verify age before enrolment with a real check (full date of
    birth, ID), not a yes/no box; reviewers look for it in the flow (Twilio 30888).""",
    fix="Describe the age check, e.g. 'Customers enter their full date of birth and must be 21+'.",
    sources=(src.twilio_error(30888, "Age Gate Not Present / Not Acceptable"), src.TX_GUIDE),
    carrier_codes=("Twilio 30888", "DCA 706", "AWS AGE_GATE_ISSUES"),
    fields=(FLOW,),
    refs=("R103",),
)
def age_gate_not_described(ctx: LintContext) -> Iterator[Hit]:
    if ctx.spec.age_gated and _flow_text(ctx).strip() and not ctx.flow.age_check:
        yield Hit(FLOW)


@rule(
    code="CTA027",
    name="web-opt-in-without-checkbox",
    severity=Severity.WARNING,
    summary="The web opt-in is described without an SMS checkbox.",
    why="""On a website, reviewers expect an optional, unchecked SMS checkbox next to the disclosure;
    a form where entering a number is the only action is often rejected as forced opt-in (DCA 803).
    A form with an optional phone field and full disclosure text can pass (AWS), but the checkbox
    is the safe choice.""",
    fix="Describe the unchecked SMS checkbox and quote its label.",
    sources=(_TX, src.TX_FORM, src.AWS_TRANSACTIONAL),
    carrier_codes=("DCA 803",),
    fields=(FLOW,),
    refs=("R059", "R061"),
)
def web_opt_in_without_checkbox(ctx: LintContext) -> Iterator[Hit]:
    flow = ctx.flow
    if Method.WEB in flow.methods and not flow.mentions_checkbox and not flow.double_opt_in:
        yield Hit(FLOW)
