"""SMP: the sample messages (rules.md R080–R091)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from consentry import phrases
from consentry.lint import sources as src
from consentry.lint.context import LintContext
from consentry.lint.registry import rule
from consentry.lint.rule import Hit, Severity
from consentry.segments import count_segments

SAMPLES = "campaign.sample_messages"
_30893 = src.twilio_error(30893, "Inconsistency between Sample Message and Use-case")
_30892 = src.twilio_error(30892, "Invalid Sample Message - Public URL Shorteners")
_WRONG_PLACEHOLDER = re.compile(
    r"\{\{?\s*\w[\w .\-]{0,30}\}\}?|<\s*[a-z][\w ]{0,30}>|%\w{1,30}%|\$\{\w{1,30}\}", re.IGNORECASE
)


# "Reply <STOP>" quotes a keyword; it is not a merge field.
_KEYWORD_IN_ANGLES = re.compile(
    r"<\s*(?:STOP|HELP|START|UNSTOP|INFO|CANCEL|END|QUIT|YES|NO|Y|N|C)\s*>"
)


def _samples(ctx: LintContext) -> list[tuple[int, str]]:
    return [(i, s) for i, s in enumerate(ctx.spec.sample_messages)]


def _at(i: int) -> str:
    return f"{SAMPLES}[{i}]"


# Use cases for which a single sample is refused: Telnyx asks MARKETING and MIXED for at least two,
# Twilio's API for at least two on SOLE_PROPRIETOR (rules.md R080).
_TWO_SAMPLES = frozenset({"MARKETING", "MIXED", "SOLE_PROPRIETOR"})


@rule(
    code="SMP001",
    name="sample-count-out-of-range",
    severity=Severity.ERROR,
    summary="The campaign has no sample messages, too few for its use case, or more than 5.",
    why="""Reviewers judge your campaign mostly from its samples. The registry needs at least one
    and takes at most five; MARKETING, MIXED and sole-proprietor campaigns need at least two, and
    MIXED campaigns one per kind of message.""",
    fix="Add samples (2-5) that look exactly like the texts you will send.",
    sources=(_30893, src.TW_USA2P, src.TX_GUIDE),
    carrier_codes=("Twilio 30893", "AWS MESSAGE_SAMPLES_MISMATCH"),
    fields=(SAMPLES,),
    refs=("R080",),
    softened="""When a MIXED campaign has at least two samples but fewer than its sub-use cases:
    one sample per sub-use case is Telnyx's rule, Twilio asks for two, and a judged MIXED filing
    with three sub-use cases and two samples was approved.""",
)
def sample_count_out_of_range(ctx: LintContext) -> Iterator[Hit]:
    n = len([s for s in ctx.spec.sample_messages if s.strip()])
    if n == 0:
        yield Hit(SAMPLES, "The campaign has no sample messages; reviewers need at least 2.")
    elif n == 1 and ctx.use_cases & _TWO_SAMPLES:
        kind = sorted(ctx.use_cases & _TWO_SAMPLES)[0]
        yield Hit(SAMPLES, f"A {kind} campaign needs at least 2 sample messages; it has 1.")
    elif n > 5:
        yield Hit(SAMPLES, f"The campaign has {n} sample messages; the registry takes at most 5.")
    elif "MIXED" in ctx.use_cases and n < len(ctx.spec.sub_use_cases):
        yield Hit(
            SAMPLES,
            f"A MIXED campaign needs one sample per sub-use case ({len(ctx.spec.sub_use_cases)}); "
            f"it has {n}."
            + (
                " Twilio asks for two and has approved this; Telnyx asks for one per sub-use case."
                if n >= 2
                else ""
            ),
            soften=n >= 2,
        )


@rule(
    code="SMP002",
    name="sample-wrong-length",
    severity=Severity.ERROR,
    summary="A sample message is empty or not 20-1024 characters.",
    why="The registry refuses samples shorter than 20 or longer than 1024 characters.",
    fix="Make each sample a realistic full message, 20-1024 characters.",
    sources=(src.TW_USA2P,),
    carrier_codes=("Twilio 21728",),
    fields=(SAMPLES,),
    refs=("R080",),
)
def sample_wrong_length(ctx: LintContext) -> Iterator[Hit]:
    for i, s in _samples(ctx):
        n = len(s.strip())
        if n == 0:
            yield Hit(_at(i), f"Sample {i + 1} is empty.")
        elif n < 20 or n > 1024:
            yield Hit(_at(i), f"Sample {i + 1} is {n} characters; the registry needs 20-1024.")


@rule(
    code="SMP003",
    name="samples-missing-brand-name",
    severity=Severity.ERROR,
    summary="No sample message names your business.",
    why="""Every text must show who sent it. Reviewers reject campaigns whose samples never name the
    brand (Twilio 30893: 'include your business name').""",
    fix="Start each sample with your business name, e.g. '<Brand>: Your order has shipped...'.",
    sources=(_30893, src.AWS_REJ),
    carrier_codes=("Twilio 30893", "AWS SAMPLE_MESSAGE_MISMATCH"),
    fields=(SAMPLES,),
    refs=("R081",),
)
def samples_missing_brand_name(ctx: LintContext) -> Iterator[Hit]:
    samples = [s for _, s in _samples(ctx) if s.strip()]
    if samples and ctx.aliases and not any(ctx.names_brand(s) for s in samples):
        yield Hit(SAMPLES, f"No sample message names your business ({ctx.brand_name}).")


@rule(
    code="SMP004",
    name="sample-missing-brand-name",
    severity=Severity.WARNING,
    summary="A sample message does not name your business.",
    why="""Reviewers differ on whether every sample or only one must name the brand; naming it in
    every message is the safe choice and what recipients need.""",
    fix="Start the sample with your business name.",
    sources=(_30893, src.AWS_CRIT),
    carrier_codes=("Twilio 30893",),
    fields=(SAMPLES,),
    refs=("R081",),
)
def sample_missing_brand_name(ctx: LintContext) -> Iterator[Hit]:
    samples = _samples(ctx)
    if not ctx.aliases or not any(ctx.names_brand(s) for _, s in samples):
        return  # SMP003 reports the campaign-wide problem
    for i, s in samples:
        if s.strip() and not ctx.names_brand(s):
            yield Hit(_at(i), f"Sample {i + 1} does not name your business ({ctx.brand_name}).")


@rule(
    code="SMP005",
    name="samples-missing-opt-out-language",
    severity=Severity.ERROR,
    summary="No sample message tells people how to opt out.",
    why="""At least one sample must show the opt-out instructions your texts carry (Twilio 30893:
    'At least one of the sample messages should include ... opt-out message').""",
    fix="End at least one sample (ideally the first) with 'Reply STOP to opt out.'",
    sources=(_30893, src.TX_GUIDE, src.AWS_CRIT),
    carrier_codes=("Twilio 30893",),
    fields=(SAMPLES,),
    refs=("R082",),
    softened="""For a 2FA-only campaign whose flow is people asking for a code: a code is sent once,
    on request, and published and approved 2FA registrations show codes without STOP.""",
)
def samples_missing_opt_out_language(ctx: LintContext) -> Iterator[Hit]:
    samples = [s for _, s in _samples(ctx) if s.strip()]
    if samples and not any(ctx.find(phrases.find_stop_instruction, s) for s in samples):
        if ctx.codes_on_request:
            yield Hit(
                SAMPLES,
                "No sample message tells people how to opt out. Codes are only sent on request, "
                "so reviewers accept this for 2FA, but 'Reply STOP to opt out' is safer.",
                soften=True,
            )
        else:
            yield Hit(SAMPLES)


@rule(
    code="SMP006",
    name="sample-public-url-shortener",
    severity=Severity.ERROR,
    summary="A sample uses a public link shortener such as bit.ly.",
    why="""Shared shorteners hide where a link goes and are used by spammers; carriers filter them
    and reviewers reject samples that use them (Twilio 30892).""",
    fix="Use a full link on your own domain, or a branded short domain that only you use.",
    sources=(_30892, src.AWS_REJ, src.TW_FORBID),
    carrier_codes=("Twilio 30892", "AWS SAMPLE_MESSAGE_SHORT_URL"),
    fields=(SAMPLES,),
    refs=("R085",),
)
def sample_public_url_shortener(ctx: LintContext) -> Iterator[Hit]:
    for i, s in _samples(ctx):
        for url in phrases.find_urls(s):
            host = phrases.url_host(url.text)
            if host and host in phrases.PUBLIC_SHORTENERS:
                yield Hit(_at(i), f"Sample {i + 1} links through the public shortener {host}.")
                break


def _links(ctx: LintContext) -> list[tuple[int, str]]:
    return [(i, u.text) for i, s in _samples(ctx) for u in phrases.find_urls(s)]


# A link shown as a variable, as samples show what changes per message: "{link}", "[URL]",
# "<short link>", "[tracking_url]".
_LINK_VARIABLE = re.compile(
    r"[\[{<]{1,2}\s?(?:[a-z]+[\s_-]){0,2}(?:link|url|web\s?link|hyperlink)\s?[\]}>]{1,2}",
    re.IGNORECASE,
)


def _shows_link(ctx: LintContext) -> bool:
    return bool(_links(ctx)) or any(_LINK_VARIABLE.search(s) for _, s in _samples(ctx))


def _phones(ctx: LintContext) -> list[tuple[int, str]]:
    return [(i, p.text) for i, s in _samples(ctx) for p in phrases.find_phone_numbers(s)]


@rule(
    code="SMP007",
    name="embedded-link-flag-mismatch",
    severity=Severity.ERROR,
    summary="The 'embedded link' setting does not match the samples.",
    why="""The campaign declares whether messages contain links. Declaring no links while a sample
    has one, or declaring links that no sample shows, is an inconsistent registration (DCA 601).""",
    fix="Set embedded_link to true when any message contains a link, and show one in a sample.",
    sources=(src.TX_CODES, src.AWS_REJ),
    carrier_codes=("DCA 601", "AWS EMBEDDED_LINK_ISSUES"),
    fields=("campaign.embedded_link", SAMPLES),
    refs=("R087",),
    softened="""When links are declared but no sample shows one: declaring links you may send is
    not misleading, and judged filings like that were approved. A link in a sample while
    embedded_link is false stays an error. And when embedded_link is not set at all: the
    registration form makes you choose, so the finding says which value the samples call for.""",
)
def embedded_link_flag_mismatch(ctx: LintContext) -> Iterator[Hit]:
    links = _links(ctx)
    flag = ctx.spec.embedded_link
    if links and flag is False:
        i, url = links[0]
        yield Hit(
            "campaign.embedded_link",
            f"Sample {i + 1} contains a link ({url}) but embedded_link is false.",
        )
    elif flag is True and ctx.spec.sample_messages and not _shows_link(ctx):
        yield Hit(
            "campaign.embedded_link",
            "embedded_link is true but no sample shows a link. Reviewers have let this through, "
            "but may ask to see one (DCA 601): add a sample with your link.",
            soften=True,
        )
    elif flag is None and ctx.spec.sample_messages:
        yield Hit(
            "campaign.embedded_link",
            "embedded_link is not set; say whether messages contain links (your samples "
            f"suggest {'true' if links else 'false'}).",
            soften=True,
        )


@rule(
    code="SMP008",
    name="embedded-phone-flag-mismatch",
    severity=Severity.ERROR,
    summary="The 'embedded phone number' setting does not match the samples.",
    why="""The campaign declares whether messages contain phone numbers. A sample with a phone number
    while embedded_phone is false is rejected (Twilio 30889, DCA 601).""",
    fix="Set embedded_phone to true when any message contains a phone number.",
    sources=(src.twilio_error(30889, "Embedded Phone Number"), src.TX_CODES),
    carrier_codes=("Twilio 30889", "DCA 601", "AWS EMBEDDED_PHONE_ISSUES"),
    fields=("campaign.embedded_phone", SAMPLES),
    refs=("R088",),
    softened="""When embedded_phone is not set at all: the registration form makes you choose, so
    the finding says which value the samples call for. A phone number in a sample while
    embedded_phone is false stays an error.""",
)
def embedded_phone_flag_mismatch(ctx: LintContext) -> Iterator[Hit]:
    phones = _phones(ctx)
    if phones and ctx.spec.embedded_phone is False:
        i, number = phones[0]
        yield Hit(
            "campaign.embedded_phone",
            f"Sample {i + 1} contains a phone number ({number}) but embedded_phone is false.",
        )
    elif ctx.spec.embedded_phone is None and ctx.spec.sample_messages:
        yield Hit(
            "campaign.embedded_phone",
            "embedded_phone is not set; say whether messages contain phone numbers (your "
            f"samples suggest {'true' if phones else 'false'}).",
            soften=True,
        )


@rule(
    code="SMP009",
    name="embedded-phone-flag-without-phone",
    # A warning although Twilio 30889 names this case: Twilio approved a campaign filed with
    # embedded_phone true and five samples without a number (judged corpus, SirReel 2026-09-10).
    severity=Severity.WARNING,
    summary="embedded_phone is true but no sample shows a phone number.",
    why="""Reviewers compare the attribute with the samples and may reject a campaign that declares
    phone numbers in its messages when no sample shows one (Twilio 30889, DCA 601).""",
    fix="Add a phone number to a sample, or set embedded_phone to false.",
    sources=(src.twilio_error(30889, "Embedded Phone Number"), src.TX_CODES),
    carrier_codes=("Twilio 30889", "DCA 601"),
    fields=("campaign.embedded_phone",),
    refs=("R088",),
)
def embedded_phone_flag_without_phone(ctx: LintContext) -> Iterator[Hit]:
    if ctx.spec.embedded_phone is True and ctx.spec.sample_messages and not _phones(ctx):
        yield Hit("campaign.embedded_phone")


@rule(
    code="SMP010",
    name="sample-insecure-link",
    severity=Severity.ERROR,
    summary="A sample contains an http:// link instead of https://.",
    why="Reviewers reject unsecured links in samples (Twilio 30892: 'unsecured').",
    fix="Use https:// links.",
    sources=(_30892, src.twilio_error(30858, "Non-secured URL in sample message")),
    carrier_codes=("Twilio 30892",),
    fields=(SAMPLES,),
    refs=("R086",),
)
def sample_insecure_link(ctx: LintContext) -> Iterator[Hit]:
    for i, url in _links(ctx):
        if url.lower().startswith("http://"):
            yield Hit(_at(i), f"Sample {i + 1} has an insecure link ({url}); use https://.")


@rule(
    code="SMP011",
    name="sample-link-to-other-domain",
    severity=Severity.WARNING,
    summary="A sample links to a website that is not your business's.",
    why="""Links in your texts should go to your own domain. A link to another business looks like
    a different sender or affiliate traffic (Twilio 30907).""",
    fix="Link to pages on your own website.",
    sources=(src.TW_GUIDE, src.twilio_error(30907, "Website URL Validation Issue")),
    carrier_codes=("Twilio 30907", "DCA 603"),
    fields=(SAMPLES,),
    refs=("R089",),
)
def sample_link_to_other_domain(ctx: LintContext) -> Iterator[Hit]:
    site = phrases.url_host(ctx.brand.website or "")
    if not site:
        return
    home = phrases.registrable_domain(site)
    for i, url in _links(ctx):
        host = phrases.url_host(url)
        if (
            host
            and host not in phrases.PUBLIC_SHORTENERS
            and phrases.registrable_domain(host) != home
        ):
            yield Hit(_at(i), f"Sample {i + 1} links to {host}, not to {home}.")


@rule(
    code="SMP012",
    name="samples-duplicated",
    severity=Severity.WARNING,
    summary="Two sample messages are the same.",
    why="Each sample should show a different message you send (AWS: 'Each sample contains unique content').",
    fix="Replace the duplicate with another real message.",
    sources=(src.AWS_CRIT,),
    carrier_codes=("AWS MESSAGE_SAMPLES_MISMATCH",),
    fields=(SAMPLES,),
    refs=("R091",),
)
def samples_duplicated(ctx: LintContext) -> Iterator[Hit]:
    seen: dict[str, int] = {}
    for i, s in _samples(ctx):
        key = phrases.normalize(s)
        if key and key in seen:
            yield Hit(_at(i), f"Sample {i + 1} repeats sample {seen[key] + 1}.")
        seen.setdefault(key, i)


@rule(
    code="SMP013",
    name="samples-not-representative",
    severity=Severity.ERROR,
    summary="The samples are test text or only opt-in/opt-out confirmations.",
    why="""Samples must be the real messages of the program. 'Test message 1', or samples that are
    only the opt-in or opt-out replies, tell the reviewer nothing (Twilio 30893).""",
    fix="Use samples that show the actual reminders, updates or offers you will send.",
    sources=(_30893, src.TW_GUIDE),
    carrier_codes=("Twilio 30893", "AWS SAMPLE_MESSAGE_USE_CASE_MISMATCH"),
    fields=(SAMPLES,),
    refs=("R084",),
)
def samples_not_representative(ctx: LintContext) -> Iterator[Hit]:
    for i in ctx.content.indexes("test"):
        yield Hit(_at(i), f"Sample {i + 1} looks like test text, not a real message.")
    if len(ctx.content.kinds) >= 1 and ctx.content.only_confirmations:
        yield Hit(
            SAMPLES,
            "Every sample is an opt-in or opt-out confirmation; show the program's real messages.",
        )


@rule(
    code="SMP014",
    name="sample-variable-not-bracketed",
    severity=Severity.WARNING,
    summary="A sample shows a variable as {name} or <name> instead of [name].",
    why="""Reviewers read [bracketed] words as the parts that change from message to message; other
    template syntax looks like a broken message.""",
    fix="Write variables in square brackets: [first name], [date], [order number].",
    sources=(_30893, src.AWS_CRIT),
    carrier_codes=("Twilio 30893",),
    fields=(SAMPLES,),
    refs=("R083",),
)
def sample_variable_not_bracketed(ctx: LintContext) -> Iterator[Hit]:
    for i, s in _samples(ctx):
        match = next(
            (
                m
                for m in _WRONG_PLACEHOLDER.finditer(s)
                if not _KEYWORD_IN_ANGLES.fullmatch(m.group())
            ),
            None,
        )
        if match:
            yield Hit(
                _at(i), f"Sample {i + 1} writes a variable as {match.group(0)}; use [brackets]."
            )


@rule(
    code="SMP015",
    name="sample-longer-than-one-segment",
    severity=Severity.INFO,
    summary="A sample is longer than one SMS segment.",
    why="""Texts over 160 characters (70 with emoji or special characters) are split and billed as
    several messages; reviewers suggest keeping samples short.""",
    fix="Shorten the message if you can.",
    sources=(src.TX_GUIDE,),
    carrier_codes=(),
    fields=(SAMPLES,),
    refs=("R091",),
)
def sample_longer_than_one_segment(ctx: LintContext) -> Iterator[Hit]:
    for i, s in _samples(ctx):
        n = count_segments(s.strip()).segments
        if n > 1:
            yield Hit(_at(i), f"Sample {i + 1} is {n} SMS segments long.")


@rule(
    code="SMP016",
    name="single-sample-message",
    severity=Severity.WARNING,
    summary="The campaign has only one sample message.",
    why="""The registry accepts one sample and Twilio has approved campaigns with one, but many
    reviewers ask for at least two (Twilio 30893: 'Ensure at least two sample messages are
    provided'). A second sample is cheap insurance against a rejection.""",
    fix="Add a second sample that shows another message you will send.",
    sources=(_30893, src.TW_USA2P),
    carrier_codes=("Twilio 30893", "AWS MESSAGE_SAMPLES_MISMATCH"),
    fields=(SAMPLES,),
    refs=("R080",),
)
def single_sample_message(ctx: LintContext) -> Iterator[Hit]:
    n = len([s for s in ctx.spec.sample_messages if s.strip()])
    if n == 1 and not ctx.use_cases & _TWO_SAMPLES:  # SMP001 reports those
        yield Hit(SAMPLES)
