"""CFM, OUT, HLP: the three auto-replies reviewers read (rules.md R092–R097, DCA 611/861)."""

from __future__ import annotations

from collections.abc import Iterator

from consentry import phrases
from consentry.lint import sources as src
from consentry.lint.checks import field_length, mentions_brand, required_phrase, softened_when
from consentry.lint.context import LintContext
from consentry.lint.flow import Method
from consentry.lint.registry import rule
from consentry.lint.rule import Check, Hit, Severity
from consentry.lint.usecase import kinds_of

_AWS_REJ, _TX = src.AWS_REJ, src.TX_CODES
_CFM_CODES = ("DCA 611", "DCA 861", "AWS OPT_IN_MESSAGE_NON_COMPLIANT")
_OUT_CODES = ("DCA 611", "DCA 861", "Twilio 30887", "AWS OPT_OUT_MESSAGE_NON_COMPLIANT")
_HLP_CODES = ("DCA 611", "DCA 861", "AWS HELP_MESSAGE_NON_COMPLIANT")
_IN, _OUT, _HELP = "campaign.opt_in_message", "campaign.opt_out_message", "campaign.help_message"


def _opt_in_expected(ctx: LintContext) -> bool:
    return ctx.spec.subscriber_opt_in is not False or bool(ctx.spec.opt_in_keywords)


# --- opt-in confirmation -------------------------------------------------------------------

_CONFIRMATION_SOFTENED = """When it is the only one of the brand, frequency, rates, HELP and STOP
missing from the confirmation: judged filings were approved with one left out. For a 2FA-only
campaign whose flow is people asking for a code: the 'confirmation' is usually the code itself,
and CSPs publish such registrations as ready to register. And when the confirmation is a
messaging provider's built-in START reply (Twilio's 'You have successfully been re-subscribed...'):
judged filings that carried it were approved."""


def _codes_note(ctx: LintContext) -> str | None:
    """See LintContext.codes_on_request."""
    if ctx.codes_on_request:
        return "Codes are only sent on request, so reviewers accept this for 2FA."
    return None


def _confirmation_gaps(ctx: LintContext) -> int:
    """How many of DCA 611's five parts the confirmation leaves out: the brand, frequency, rates,
    HELP and STOP."""
    text = ctx.text(_IN)
    cached = ctx.memo.get("cfm.gaps")
    if cached is None:
        cached = ctx.memo["cfm.gaps"] = sum(
            (
                bool(ctx.aliases) and not ctx.names_brand(text),
                ctx.find(phrases.find_frequency_disclosure, text) is None,
                ctx.find(phrases.find_rates_disclosure, text) is None,
                ctx.find(phrases.find_help_instruction, text) is None,
                ctx.find(phrases.find_stop_instruction, text) is None,
            )
        )
    assert isinstance(cached, int)
    return cached


def _confirmation_note(ctx: LintContext) -> str | None:
    if ctx.codes_on_request:
        return _codes_note(ctx)
    provider = phrases.provider_default_reply(ctx.text(_IN))
    if provider is not None:
        return f"This is {provider}'s built-in START reply; reviewers have approved it, but DCA 611 asks for your own."
    if _confirmation_gaps(ctx) == 1:
        return (
            "It is the only part of the confirmation missing, which reviewers have let through, "
            "but DCA 611 asks for all five."
        )
    return None


def _confirmation_softened(check: Check) -> Check:
    """A confirmation rule's hits, one level lower when _CONFIRMATION_SOFTENED says so."""
    return softened_when(check, _confirmation_note)


@rule(
    code="CFM001",
    name="opt-in-message-missing-or-wrong-length",
    severity=Severity.ERROR,
    summary="The opt-in confirmation message is missing or not 20-320 characters.",
    why="""Every campaign needs the text a person receives right after opting in. The registry
    refuses one shorter than 20 or longer than 320 characters, and reviewers reject a campaign
    without it (DCA 611/861: 'Opt-in message/Confirmation MT must contain...').""",
    fix="""Write a confirmation such as: '<Brand>: You're subscribed to <what> texts. Msg frequency
    varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.'""",
    sources=(src.TW_USA2P, _TX, _AWS_REJ),
    carrier_codes=(*_CFM_CODES, "AWS OPT_IN_MESSAGE_MISSING"),
    fields=(_IN,),
    refs=("R092", "R099"),
    softened="""When the message is empty and people opt in only on a web form, on paper or by voice:
    Twilio requires the confirmation for keyword opt-ins (rules.md R099), and judged web-form
    filings without one were approved. A confirmation is still what carriers expect you to send.""",
)
def opt_in_message_missing_or_wrong_length(ctx: LintContext) -> Iterator[Hit]:
    for hit in _opt_in_length(ctx):
        if ctx.text(_IN).strip() or _texted_opt_in(ctx):
            yield hit
        else:
            yield Hit(
                _IN,
                "The opt-in confirmation message is empty. People opt in on a form here, not by "
                "texting, so reviewers may accept that, but most expect the confirmation you send.",
                soften=True,
            )


_opt_in_length = field_length(_IN, required=_opt_in_expected)


def _texted_opt_in(ctx: LintContext) -> bool:
    """People join by texting (a keyword, or texting first) or confirm by text (double opt-in):
    the reply they get is then part of the opt-in itself."""
    flow = ctx.flow
    return bool(flow.methods & {Method.KEYWORD, Method.TEXT_FIRST}) or flow.double_opt_in


rule(
    code="CFM002",
    name="opt-in-message-missing-brand",
    severity=Severity.ERROR,
    summary="The opt-in confirmation does not name your business.",
    why="""The first text a subscriber gets must say who is texting. Reviewers check that the
    confirmation names the registered brand; templates copied from forums often leave it blank
    ('...SMS messages from.').""",
    fix="Start the confirmation with your business name, e.g. '<Brand>: You're subscribed...'.",
    sources=(_TX, _AWS_REJ, src.TW_USA2P),
    carrier_codes=(*_CFM_CODES, "AWS OPT_IN_MESSAGE_MISMATCH"),
    fields=(_IN,),
    refs=("R092", "R008"),
    softened=_CONFIRMATION_SOFTENED,
)(
    _confirmation_softened(
        mentions_brand(_IN, "The opt-in confirmation does not name your business ({brand}).")
    )
)

# The four disclosures DCA 611/861 name for the confirmation, declared from one table.
for _code, _name, _detector, _summary, _why, _fix, _codes in (
    ("CFM003", "opt-in-message-missing-frequency", phrases.find_frequency_disclosure,
     "The opt-in confirmation does not say how often messages are sent.",
     "Carriers require the confirmation to disclose message frequency (DCA 611/861).",
     "Add 'Msg frequency varies' or a number such as 'Up to 4 msgs/month'.", _CFM_CODES),
    ("CFM004", "opt-in-message-missing-data-rates", phrases.find_rates_disclosure,
     "The opt-in confirmation does not say 'Msg & data rates may apply'.",
     "Carriers require the confirmation to warn that the subscriber's plan may charge for texts "
     "('associated fees disclosures' in DCA 611/861).",
     "Add 'Msg & data rates may apply.'", _CFM_CODES),
    ("CFM005", "opt-in-message-missing-help-instructions", phrases.find_help_instruction,
     "The opt-in confirmation does not say 'Reply HELP for help'.",
     "Carriers require HELP instructions in the confirmation (DCA 611/861).",
     "Add 'Reply HELP for help.'", (*_CFM_CODES, "AWS OPT_IN_MESSAGE_NON_COMPLIANT_HELP_STOP")),
    ("CFM006", "opt-in-message-missing-stop-instructions", phrases.find_stop_instruction,
     "The opt-in confirmation does not say 'Reply STOP to cancel'.",
     "Carriers require opt-out (STOP) instructions in the confirmation (DCA 611/861).",
     "Add 'Reply STOP to cancel.'", (*_CFM_CODES, "AWS OPT_IN_MESSAGE_NON_COMPLIANT_HELP_STOP")),
):  # fmt: skip
    rule(
        code=_code,
        name=_name,
        severity=Severity.ERROR,
        summary=_summary,
        why=_why,
        fix=_fix,
        sources=(_TX, _AWS_REJ),
        carrier_codes=_codes,
        fields=(_IN,),
        refs=("R092",),
        softened=_CONFIRMATION_SOFTENED,
    )(_confirmation_softened(required_phrase(_IN, _detector, _summary)))

rule(
    code="CFM007",
    name="opt-in-message-missing-marketing-mention",
    severity=Severity.ERROR,
    summary="A marketing campaign's opt-in confirmation does not mention marketing messages.",
    why="""When the campaign sends marketing, the confirmation must say so; reviewers have
    rejected campaigns because 'MARKETING is selected, but the START/opt-in auto-response does not
    explicitly mention marketing or promotional messages'.""",
    fix="Say what people signed up for, e.g. 'You're subscribed to <Brand> offers and promotions.'",
    sources=(src.TX_FLOW, _TX),
    carrier_codes=("DCA 602", "DCA 806"),
    fields=(_IN,),
    refs=("R093", "R050"),
    softened="""When the call to action asks for marketing consent in so many words ('marketing
    text messages', 'promotional messages', 'offers'): judged filings were approved with a
    confirmation that did not repeat it, the consent itself being explicit.""",
)(
    softened_when(
        required_phrase(
            _IN,
            phrases.find_marketing_mention,
            "The campaign sends marketing, but the opt-in confirmation does not say so.",
            when=lambda ctx: ctx.is_marketing,
        ),
        lambda ctx: (
            "The call to action asks for marketing consent, so reviewers have let this through; "
            "saying it in the confirmation too is safer."
            if ctx.find(phrases.find_marketing_mention, ctx.text("campaign.message_flow"))
            else None
        ),
    )
)


# --- opt-out -------------------------------------------------------------------------------

_LEFT_OUT = """When the campaign file leaves the reply out altogether: Twilio (Advanced Opt-Out, on
by default) and other CSPs then answer STOP and HELP with their standard replies, and judged
filings that left these fields to the provider were approved. A reply that is given but blank or
wrong stays an error: CSPs publish blank replies as failed registrations."""


def _left_out_note(ctx: LintContext, path: str, keyword: str) -> str | None:
    if not ctx.loaded.left_out(path):
        return None
    return (
        f"It is not in the file, so your texting provider would answer {keyword} with its "
        "standard reply, which reviewers have approved; writing your own, with your business "
        "name, is safer."
    )


_PROVIDER_DEFAULT = """When the reply is a messaging provider's built-in one (Twilio's 'You have
successfully been unsubscribed...' or 'Reply STOP to unsubscribe. Msg&Data Rates May Apply.'):
the provider sends it when it manages opt-outs, and judged filings that carried it were approved."""


def _unless_provider_default(path: str, check: Check) -> Check:
    """Report a provider's built-in reply one level lower, saying whose it is."""

    def note(ctx: LintContext) -> str | None:
        provider = phrases.provider_default_reply(ctx.text(path))
        if provider is None:
            return None
        return f"This is {provider}'s built-in reply; reviewers have approved it, but DCA 611 asks for your own."

    return softened_when(check, note)


rule(
    code="OUT001",
    name="opt-out-message-missing-brand",
    severity=Severity.ERROR,
    summary="The opt-out message does not name your business.",
    why="""A person who texts STOP must be told which business stopped texting them. Reviewers
    reject opt-out replies without the brand name (DCA 611/861: 'Opt-out message must contain
    brand name').""",
    fix="Start the reply with your business name: '<Brand>: You have been unsubscribed...'.",
    sources=(_TX, _AWS_REJ, src.TW_USA2P),
    carrier_codes=_OUT_CODES,
    fields=(_OUT,),
    refs=("R095",),
    softened=_PROVIDER_DEFAULT,
)(
    _unless_provider_default(
        _OUT, mentions_brand(_OUT, "The opt-out message does not name your business ({brand}).")
    )
)

rule(
    code="OUT002",
    name="opt-out-message-missing-no-further-messages",
    severity=Severity.ERROR,
    summary="The opt-out message does not say that no further messages will be sent.",
    why="""Reviewers require the STOP reply to confirm that nothing more will be sent (DCA 611/861:
    'indicate that no further messages will be sent').""",
    fix="Add 'You will receive no further messages.'",
    sources=(_TX, src.twilio_error(30887, "Opt-out Error"), _AWS_REJ),
    carrier_codes=_OUT_CODES,
    fields=(_OUT,),
    refs=("R095",),
)(
    required_phrase(
        _OUT,
        phrases.find_no_further_messages,
        "The opt-out message does not say that no further messages will be sent.",
    )
)

rule(
    code="OUT003",
    name="opt-out-message-missing-or-wrong-length",
    severity=Severity.ERROR,
    summary="The opt-out message is missing or not 20-320 characters.",
    why="""The registry needs the exact reply sent when someone texts STOP, 20 to 320 characters
    long, whenever the campaign handles its own opt-outs.""",
    fix="Write: '<Brand>: You have been unsubscribed and will receive no further messages.'",
    sources=(src.TW_USA2P, src.BW_CLI),
    carrier_codes=("Twilio 21728", "DCA 611"),
    fields=(_OUT,),
    refs=("R095", "R099"),
    softened=_LEFT_OUT,
)(
    softened_when(
        field_length(_OUT, required=lambda ctx: ctx.spec.subscriber_opt_out is not False),
        lambda ctx: _left_out_note(ctx, _OUT, "STOP"),
    )
)


@rule(
    code="OUT004",
    name="opt-out-message-contains-promotion",
    severity=Severity.ERROR,
    summary="The opt-out message contains marketing or a link.",
    why="""After someone opts out, the law allows one confirmation text and nothing else. It must
    only confirm the opt-out; an offer or link in it is a new marketing message sent without
    consent (FCC 2024 revocation rule).""",
    fix="Keep the reply to the confirmation (and, if you like, how to opt back in).",
    sources=(src.FCC_REVOCATION, _TX),
    carrier_codes=("Twilio 30887",),
    fields=(_OUT,),
    refs=("R095", "R117"),
)
def opt_out_message_contains_promotion(ctx: LintContext) -> Iterator[Hit]:
    text = ctx.text(_OUT)
    if not text.strip():
        return
    kinds = kinds_of(text)
    links = phrases.find_urls(text)
    if "marketing" in kinds:
        yield Hit(
            _OUT, "The opt-out message contains a promotion; it may only confirm the opt-out."
        )
    elif links:
        yield Hit(
            _OUT,
            f"The opt-out message contains a link ({links[0].text}); it may only confirm the opt-out.",
        )


# --- HELP ----------------------------------------------------------------------------------


rule(
    code="HLP001",
    name="help-message-missing-brand",
    severity=Severity.ERROR,
    summary="The HELP message does not name your business.",
    why="Reviewers require the HELP reply to name the brand (DCA 611/861).",
    fix="Start the reply with your business name: '<Brand>: For help call ...'.",
    sources=(_TX, _AWS_REJ),
    carrier_codes=(*_HLP_CODES, "AWS HELP_MESSAGE_MISMATCH"),
    fields=(_HELP,),
    refs=("R097",),
    softened=_PROVIDER_DEFAULT,
)(
    _unless_provider_default(
        _HELP, mentions_brand(_HELP, "The HELP message does not name your business ({brand}).")
    )
)


@rule(
    code="HLP002",
    name="help-message-missing-support-contact",
    severity=Severity.ERROR,
    summary="The HELP message gives no way to reach support.",
    why="""Someone who texts HELP must get a real way to reach you: an email address, a phone
    number or a support web page (DCA 611/861). 'Our team will get back to you' is not enough.""",
    fix="Add your support phone number, email address or support web page.",
    sources=(_TX, _AWS_REJ),
    carrier_codes=(*_HLP_CODES, "AWS SUBSCRIBER_HELP_ISSUES"),
    fields=(_HELP,),
    refs=("R097",),
    softened=_PROVIDER_DEFAULT,
)
def help_message_missing_support_contact(ctx: LintContext) -> Iterator[Hit]:
    yield from _help_contact(ctx)


def _no_help_contact(ctx: LintContext) -> Iterator[Hit]:
    text = ctx.text(_HELP)
    if text.strip() and ctx.find(phrases.find_support_contact, text) is None:
        yield Hit(_HELP, "The HELP message gives no support email, phone number or web page.")


_help_contact = _unless_provider_default(_HELP, _no_help_contact)


rule(
    code="HLP003",
    name="help-message-missing-or-wrong-length",
    severity=Severity.ERROR,
    summary="The HELP message is missing or not 20-320 characters.",
    why="The registry needs the exact reply sent when someone texts HELP, 20 to 320 characters long.",
    fix="Write: '<Brand>: For help call <phone> or email <address>. Reply STOP to cancel.'",
    sources=(src.TW_USA2P, src.BW_CLI),
    carrier_codes=("Twilio 21728", "DCA 611"),
    fields=(_HELP,),
    refs=("R097", "R099"),
    softened=_LEFT_OUT,
)(
    softened_when(
        field_length(_HELP, required=lambda ctx: ctx.spec.subscriber_help is not False),
        lambda ctx: _left_out_note(ctx, _HELP, "HELP"),
    )
)


@rule(
    code="HLP004",
    name="help-email-domain-differs-from-brand",
    severity=Severity.WARNING,
    summary="The HELP message's email address is not on your business's domain.",
    why="""Reviewers compare the HELP contact with the brand; an address on another domain (or a
    free mail address) looks like someone else's program (AWS HELP_MESSAGE_MISMATCH).""",
    fix="Use a support address on your website's domain.",
    sources=(_AWS_REJ,),
    carrier_codes=("AWS HELP_MESSAGE_MISMATCH",),
    fields=(_HELP,),
    refs=("R097",),
)
def help_email_domain_differs_from_brand(ctx: LintContext) -> Iterator[Hit]:
    site = phrases.url_host(ctx.brand.website or "")
    if not site:
        return
    home = phrases.registrable_domain(site)
    for email in phrases.find_emails(ctx.text(_HELP)):
        domain = email.text.rsplit("@", 1)[-1].lower()
        if phrases.registrable_domain(domain) != home:
            yield Hit(_HELP, f"The HELP message's email {email.text} is not on {home}.")
            return


@rule(
    code="HLP005",
    name="help-message-over-bandwidth-limit",
    severity=Severity.INFO,
    summary="The HELP message is longer than 255 characters, which Bandwidth refuses.",
    why="Bandwidth's registration API documents a 255-character limit for the HELP message.",
    fix="Shorten the HELP message to 255 characters or fewer if you register through Bandwidth.",
    sources=(src.BW_CSP,),
    carrier_codes=(),
    fields=(_HELP,),
    refs=("R097",),
)
def help_message_over_bandwidth_limit(ctx: LintContext) -> Iterator[Hit]:
    n = len(ctx.text(_HELP).strip())
    if 255 < n <= 320:
        yield Hit(_HELP, f"The HELP message is {n} characters; Bandwidth allows 255.")
