"""WEB013–WEB021: forms that collect phone numbers and their SMS checkboxes (rules.md R057–R068)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from consentry import phrases
from consentry.lint import sources as src
from consentry.lint.context import LintContext
from consentry.lint.flow import Method
from consentry.lint.registry import rule
from consentry.lint.rule import Hit, Scope, Severity
from consentry.site.model import Checkbox, Form, Page

SITE = "site"
_BUNDLED_TERMS = re.compile(
    r"\b(?:agree|accept|consent|acknowledge)\w*\s+(?:to\s+)?(?:the\s+|our\s+|all\s+)?(?:\w+\s+){0,2}"
    r"(?:terms(?: of (?:service|use))?|tos|privacy policy|conditions)\b(?!.{0,40}\b(?:sms|text|messag))"
    r"|\bi have read\b",
    re.IGNORECASE,
)
_OTHER_CHANNELS = re.compile(
    r"\b(?:e-?mails?|newsletters?|phone calls?|calls|autodialed calls|pre-?recorded|voicemails?|direct mail)\b",
    re.IGNORECASE,
)
_CALLS_ONLY = re.compile(
    r"\b(?:we (?:will|won't|will not|never) (?:not )?(?:text|sms)|not (?:used )?(?:for|to) (?:text|sms)"
    r"|(?:calls?|phone calls?) only|only (?:to|for) (?:call|phone)|never (?:text|sms))",
    re.IGNORECASE,
)
_VAGUE_LABEL = re.compile(
    r"^\W*(?:text me|sms|yes|opt[ -]?in|contact me|i agree|subscribe|sign me up)\W*$", re.IGNORECASE
)


def _where(page: Page, form: Form) -> str:
    name = f"the '{form.heading}' form" if form.heading else "a form"
    return f"{name} on {page.url}"


def _form_hit(page: Page, form: Form, message: str, box: Checkbox | None = None) -> Hit:
    target = box or form
    return Hit(SITE, message, url=page.url, selector=target.selector, line=target.line)


def _sms_form_expected(ctx: LintContext, page: Page) -> bool:
    """A phone form needs SMS consent when it is an opt-in page of the campaign, or the campaign
    markets, or the call to action describes a web opt-in."""
    view = ctx.site_view
    if view is None:
        return False
    return view.is_opt_in_page(page) or ctx.is_marketing


@rule(
    code="WEB013",
    name="opt-in-form-without-sms-consent",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="A form the campaign relies on collects phone numbers without an SMS consent checkbox.",
    why="""This page is where your call to action says people opt in (or your campaign sends
    marketing), but the form has no SMS checkbox. Typing a phone number is not consent to texts;
    reviewers reject it as a forced opt-in (DCA 803).""",
    fix="""Add an optional, unchecked checkbox next to the phone field: 'I agree to receive <what>
    texts from <Brand>. Msg frequency varies. Msg & data rates may apply. Reply HELP for help,
    STOP to cancel.' with links to your privacy policy and SMS terms.""",
    sources=(src.TX_CODES, src.TX_BP, src.CTIA_HANDBOOK),
    carrier_codes=("DCA 803", "DCA 806", "Twilio 30909"),
    fields=(SITE,),
    refs=("R059", "R061"),
)
def opt_in_form_without_sms_consent(ctx: LintContext) -> Iterator[Hit]:
    view = ctx.site_view
    if view is None:
        return
    for page, form in view.phone_forms():
        if not view.sms_boxes(form) and _sms_form_expected(ctx, page):
            yield _form_hit(
                page,
                form,
                f"{_where(page, form).capitalize()} takes a phone number but has no SMS consent checkbox.",
            )


@rule(
    code="WEB014",
    name="phone-form-without-sms-consent",
    severity=Severity.WARNING,
    scope=Scope.SITE,
    summary="A form collects phone numbers without SMS consent; fine only if you never text those numbers.",
    why="""Reviewers see every form that asks for a phone number. If you only call people back from
    it, no checkbox is needed — but then you must not text those numbers, and your call to action
    must not describe this form as an opt-in. If you ever want to text them, the form needs an
    optional, unchecked SMS checkbox with the full disclosure. Some reviewers (Telnyx) ask for the
    checkbox on every phone form regardless, which is why adding it is the safe choice.""",
    fix="""Either add an optional, unchecked SMS checkbox with the disclosure, or keep texting out of
    this form: don't text numbers it collects, and say on the form that the number is used for
    calls only.""",
    sources=(src.TX_BP, src.AWS_TRANSACTIONAL, src.CTIA_HANDBOOK),
    carrier_codes=("DCA 803",),
    fields=(SITE,),
    refs=("R059",),
)
def phone_form_without_sms_consent(ctx: LintContext) -> Iterator[Hit]:
    view = ctx.site_view
    if view is None:
        return
    for page, form in view.phone_forms():
        if _CALLS_ONLY.search(f"{form.text} {form.nearby_text}"):
            continue  # the form itself says its numbers are for calls, not texts: the fix is in place
        if not view.sms_boxes(form) and not _sms_form_expected(ctx, page):
            yield _form_hit(
                page,
                form,
                f"{_where(page, form).capitalize()} takes phone numbers with no SMS consent: do not text them, or add an SMS checkbox.",
            )


def _sms_boxes(ctx: LintContext) -> Iterator[tuple[Page, Form, Checkbox]]:
    view = ctx.site_view
    if view is None:
        return
    for page, form in view.phone_forms():
        for box in view.sms_boxes(form):
            yield page, form, box


@rule(
    code="WEB015",
    name="sms-checkbox-prechecked",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="An SMS consent checkbox is ticked before the person touches it.",
    why="Consent must be an action the person takes. A box that is checked by default — in the HTML or by a script — is not consent (Twilio 30925, AWS OPT_IN_WORKFLOW_CHECKBOX_INVALID).",
    fix="Remove the 'checked' attribute (and any script that ticks the box) so it starts unchecked.",
    sources=(
        src.TX_FORM,
        src.AWS_REJ,
        src.twilio_error(30923, "Message consent cannot be required for service use"),
    ),
    carrier_codes=("Twilio 30925", "AWS OPT_IN_WORKFLOW_CHECKBOX_INVALID", "DCA 803"),
    fields=(SITE,),
    refs=("R060",),
)
def sms_checkbox_prechecked(ctx: LintContext) -> Iterator[Hit]:
    for page, form, box in _sms_boxes(ctx):
        if box.checked or box.checked_by_script:
            how = (
                "by a script" if box.checked_by_script and not box.checked else "in the page's HTML"
            )
            yield _form_hit(
                page,
                form,
                f"The SMS checkbox in {_where(page, form)} is checked by default ({how}).",
                box,
            )


@rule(
    code="WEB016",
    name="sms-checkbox-required",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="The form cannot be sent without ticking the SMS checkbox.",
    why="A required SMS box forces consent to submit the form, which carriers reject as a forced opt-in (DCA 803, Twilio 30923).",
    fix="Remove 'required' from the SMS checkbox; the form must submit with it unticked.",
    sources=(
        src.TX_CODES,
        src.twilio_error(30923, "Message consent cannot be required for service use"),
    ),
    carrier_codes=("DCA 803", "Twilio 30923"),
    fields=(SITE,),
    refs=("R061",),
)
def sms_checkbox_required(ctx: LintContext) -> Iterator[Hit]:
    for page, form, box in _sms_boxes(ctx):
        if box.required:
            yield _form_hit(
                page, form, f"The SMS checkbox in {_where(page, form)} is required to submit.", box
            )


@rule(
    code="WEB017",
    name="sms-consent-bundled",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="The SMS checkbox also accepts the terms, or covers emails or calls too.",
    why="""SMS consent must be its own checkbox, about texts only: not merged with 'I agree to the
    Terms of Service', and not combined with consent to emails or phone calls (AWS
    OPT_IN_WORKFLOW_CHECKBOX_INVALID, Twilio 30841).""",
    fix="Give texts their own checkbox; put terms acceptance and email consent in separate boxes.",
    sources=(src.TX_FORM, src.AWS_REJ, src.TX_GUIDE),
    carrier_codes=("AWS OPT_IN_WORKFLOW_CHECKBOX_INVALID", "Twilio 30551"),
    fields=(SITE,),
    refs=("R046", "R062"),
)
def sms_consent_bundled(ctx: LintContext) -> Iterator[Hit]:
    for page, form, box in _sms_boxes(ctx):
        label = box.label or box.consent_text
        terms = _BUNDLED_TERMS.search(label)
        other = _OTHER_CHANNELS.search(label)
        if terms:
            yield _form_hit(
                page,
                form,
                f"The SMS checkbox in {_where(page, form)} also accepts '{terms.group(0)}'.",
                box,
            )
        elif other:
            yield _form_hit(
                page,
                form,
                f"The SMS checkbox in {_where(page, form)} also covers {other.group(0)}.",
                box,
            )


@rule(
    code="WEB018",
    name="sms-checkbox-label-vague",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="The SMS checkbox's text does not say who will text or what about.",
    why="A label like 'Text me' or 'I agree to be contacted' is not informed consent; it must name the business and the kind of messages (Telnyx opt-in form guide).",
    fix="Write e.g. 'I agree to receive appointment reminder texts from <Brand>.'",
    sources=(src.TX_FORM,),
    carrier_codes=("Twilio 30924", "DCA 806"),
    fields=(SITE,),
    refs=("R063",),
)
def sms_checkbox_label_vague(ctx: LintContext) -> Iterator[Hit]:
    for page, form, box in _sms_boxes(ctx):
        text = box.consent_text.strip()
        if not text or _VAGUE_LABEL.match(text) or len(text.split()) < 5:
            yield _form_hit(
                page,
                form,
                f"The SMS checkbox in {_where(page, form)} only says '{text[:60]}'.",
                box,
            )
        elif ctx.aliases and not ctx.names_brand(f"{text} {form.text}"):
            yield _form_hit(
                page,
                form,
                f"The SMS consent in {_where(page, form)} does not name {ctx.brand_name}.",
                box,
            )


_DISCLOSURES = (
    ("message frequency", phrases.find_frequency_disclosure),
    ("'Msg & data rates may apply'", phrases.find_rates_disclosure),
    ("Reply STOP to cancel", phrases.find_stop_instruction),
    ("Reply HELP for help", phrases.find_help_instruction),
)


@rule(
    code="WEB019",
    name="sms-consent-disclosure-incomplete",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="The text next to the SMS checkbox misses required disclosures or links.",
    why="""Next to the box, people must see how often you text, that rates may apply, how to stop
    and get help, and links to your privacy policy and SMS terms (DCA 806/861, Twilio 30924).""",
    fix="""Put the full disclosure next to the box: 'Msg frequency varies. Msg & data rates may apply.
    Reply HELP for help, STOP to cancel. Privacy Policy | SMS Terms' (with links).""",
    sources=(
        src.TX_FORM,
        src.TX_CODES,
        src.twilio_error(30924, "Missing or non-compliant consent agreement language"),
    ),
    carrier_codes=("DCA 806", "DCA 861", "Twilio 30924"),
    fields=(SITE,),
    refs=("R065", "R067"),
)
def sms_consent_disclosure_incomplete(ctx: LintContext) -> Iterator[Hit]:
    for page, form, box in _sms_boxes(ctx):
        text = f"{box.consent_text}\n{form.text}"
        missing = [label for label, detect in _DISCLOSURES if detect(text) is None]
        links = [*box.links, *form.links]
        if (
            not any("privacy" in link.topics for link in links)
            and phrases.find_privacy_reference(text) is None
        ):
            missing.append("a link to the privacy policy")
        if (
            not any("terms" in link.topics for link in links)
            and phrases.find_terms_reference(text) is None
        ):
            missing.append("a link to the SMS terms")
        dead = [
            link.href
            for link in links
            if ("privacy" in link.topics or "terms" in link.topics) and not link.url
        ]
        if dead:
            missing.append(f"a working link (not '{dead[0]}')")
        if missing:
            yield _form_hit(
                page,
                form,
                f"The SMS consent in {_where(page, form)} lacks: {'; '.join(missing)}.",
                box,
            )


@rule(
    code="WEB020",
    name="marketing-consent-not-separate-on-form",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="A marketing campaign's form has no separate checkbox for marketing texts.",
    why="""Consent to marketing texts needs its own checkbox, separate from reminders or account
    messages, and must say 'marketing' or 'promotional' (Twilio 30913).""",
    fix="Add a separate, optional, unchecked checkbox for marketing texts that names the offers.",
    sources=(
        src.twilio_error(30913, "Marketing and informational consent must be separate"),
        src.AWS_REJ,
    ),
    carrier_codes=("Twilio 30913", "AWS OPT_IN_WORKFLOW_CONSENT_MARKETING_NOT_SEPARATED"),
    fields=(SITE,),
    refs=("R048", "R064"),
)
def marketing_consent_not_separate_on_form(ctx: LintContext) -> Iterator[Hit]:
    view = ctx.site_view
    if view is None or not ctx.is_marketing:
        return
    others = ctx.use_cases - {"MARKETING", "MIXED", "LOW_VOLUME"}
    if Method.TEXT_FIRST in ctx.flow.methods:
        others -= {"CUSTOMER_CARE"}  # replies to people who text first need no checkbox
    informational = bool(others)
    for page, form in view.phone_forms():
        boxes = view.sms_boxes(form)
        if not boxes or not view.is_opt_in_page(page):
            continue
        marketing = [b for b in boxes if phrases.find_marketing_mention(b.consent_text)]
        if not marketing:
            yield _form_hit(
                page,
                form,
                f"No SMS checkbox in {_where(page, form)} mentions marketing or promotional texts.",
            )
        elif informational and len(boxes) < 2:
            yield _form_hit(
                page,
                form,
                f"{_where(page, form).capitalize()} uses one checkbox for marketing and other texts.",
                marketing[0],
            )


# Quotation marks, but not apostrophes inside words ("Joe's").
_QUOTE = re.compile(r"(?:[\"“]|(?<![A-Za-z])['‘])([^\"”]{40,600}?)(?:[\"”]|['’](?![A-Za-z]))")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", phrases.normalize(text))


@rule(
    code="WEB021",
    name="opt-in-page-does-not-match-flow",
    severity=Severity.ERROR,
    scope=Scope.SITE,
    summary="The opt-in page does not show what the call to action says it shows.",
    why="""Reviewers compare your call to action with the live page. If the page has no phone form, or
    the consent text quoted in the flow is not on it, the campaign is rejected (Twilio 30543,
    DCA 806: 'submitted flow = live flow').""",
    fix="Make the page match the call to action (or the call to action match the page), word for word.",
    sources=(src.twilio_error(30543, "Live opt-in link not provided"), src.TX_BP),
    carrier_codes=("Twilio 30543", "DCA 806", "Twilio 30909"),
    fields=(SITE, "campaign.message_flow"),
    refs=("R057",),
)
def opt_in_page_does_not_match_flow(ctx: LintContext) -> Iterator[Hit]:
    view = ctx.site_view
    if view is None or Method.WEB not in ctx.flow.methods:
        return
    pages = [r.page for r in view.opt_in_refs if r.page is not None]
    for page in pages:
        if not page.phone_forms:
            if any(e.is_form for e in page.embeds):
                yield Hit(
                    SITE,
                    f"The opt-in form on {page.url} is inside an embed; run with --render to check it.",
                    url=page.url,
                )
            else:
                yield Hit(
                    SITE,
                    f"The opt-in page {page.url} has no form that asks for a phone number.",
                    url=page.url,
                )
    quotes = _QUOTE.findall(ctx.text("campaign.message_flow"))
    if not pages or not quotes:
        return
    page_words = " ".join(" ".join(_words(p.full_text or p.text)) for p in pages)
    for quote in quotes:
        for url in reversed(phrases.find_urls(quote)):  # the page shows link text, not the URL
            quote = quote[: url.start] + " " + quote[url.end :]
        words = _words(quote)
        # Compare on words, allowing small edits: 80% of the quote's 5-word runs must be on the page.
        runs = [" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))]
        found = sum(1 for r in runs if r in page_words)
        if runs and found / len(runs) < 0.8:
            yield Hit(
                SITE,
                f"The consent text quoted in the call to action ('{quote[:70]}...') is not on the opt-in page.",
                url=pages[0].url,
            )
