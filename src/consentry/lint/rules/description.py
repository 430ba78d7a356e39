"""DSC: the campaign description (rules.md R024–R031)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from consentry import phrases
from consentry.lint import sources as src
from consentry.lint.checks import field_length, mentions_brand
from consentry.lint.context import LintContext
from consentry.lint.registry import rule
from consentry.lint.rule import Hit, Severity
from consentry.phrases.literals import Anchored, Gated

DESC = "campaign.description"
_30886 = src.twilio_error(30886, "Invalid Campaign Description")
_AUDIENCE = Anchored(
    re.compile(
        r"\b(?:customers?|clients?|clientele|patients?|tenants?|renters?|residents?|members?"
        r"|subscribers?|users?|employees?|staff|team members|workers|crew|students?|learners?|alumni"
        r"|parents?|pet parents|guardians?|families|caregivers?|seniors|guests?|patrons?|donors?"
        r"|supporters?|volunteers?|fans|homeowners?|home ?buyers?|buyers?|sellers?|owners?|drivers?"
        r"|applicants?|candidates?|contractors?|technicians?|agents?|brokers?|dealers?|merchants?"
        r"|retailers?|partners?|vendors?|shoppers?|diners?|visitors?|attendees?|players?|athletes?"
        r"|borrowers?|policyholders?|account holders?|people|individuals|recipients?|consumers?"
        r"|callers?|leads?|prospects?|riders?|travell?ers?|passengers?|citizens|constituents"
        r"|parishioners|congregants|community|neighbou?rs|anyone|everyone|whoever|those who"
        r"|opted[- ]in|signed up|(?:who|that) (?:opt|sign|book|subscribe|register|enroll|join"
        r"|request|order|buy|purchase)\w*)\b",
        re.IGNORECASE,
    )
)
# "for testing" alone is also "reminders for (COVID|emissions) testing"; only a program that is
# itself a test counts.
_TEST = Gated(
    re.compile(
        r"\b(?:test (?:campaign|messages?|purposes)|testing (?:campaign|purposes)|this is a test"
        r"|demo (?:campaign|account)|lorem ipsum|(?:only|just|solely|purely) for testing"
        r"|for testing (?:purposes|only))\b",
        re.IGNORECASE,
    )
)
_ENGLISH = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "to",
        "of",
        "for",
        "our",
        "we",
        "you",
        "your",
        "with",
        "on",
        "in",
        "is",
        "are",
        "will",
        "be",
        "by",
        "who",
        "when",
        "about",
        "from",
        "at",
        "this",
        "that",
        "their",
    ]
)
_SPANISH = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "y",
        "o",
        "de",
        "para",
        "nuestro",
        "nuestros",
        "usted",
        "su",
        "sus",
        "con",
        "en",
        "es",
        "son",
        "será",
        "por",
        "que",
        "cuando",
        "sobre",
        "desde",
        "este",
        "esta",
        "mensajes",
        "clientes",
    ]
)


rule(
    code="DSC001",
    name="description-missing-or-wrong-length",
    severity=Severity.ERROR,
    summary="The campaign description is missing or not 40-4096 characters.",
    why="""The registry refuses a description shorter than 40 or longer than 4096 characters, and
    reviewers read it first to understand who texts whom and why.""",
    fix="Write 2-4 sentences: who sends, to whom, what messages, and when they are sent.",
    sources=(src.TW_USA2P, _30886),
    carrier_codes=("Twilio 21728", "Twilio 30886"),
    fields=(DESC,),
    refs=("R024",),
)(field_length(DESC))

rule(
    code="DSC002",
    name="description-missing-brand-name",
    # A warning: Telnyx's own 2FA registration example and published approved examples describe
    # the program without naming the brand, which the registry already attaches to the campaign.
    severity=Severity.WARNING,
    summary="The description does not name your business.",
    why="""Reviewers must see which registered business sends the messages. A description that only
    says 'we' is often rejected as vague, and one that names another company as a mismatch (Twilio
    30886, AWS CAMPAIGN_TO_BRAND_MISMATCH).""",
    fix="Start with your business name: '<Brand> sends appointment reminders to...'.",
    sources=(_30886, src.AWS_REJ),
    carrier_codes=("Twilio 30886", "AWS CAMPAIGN_TO_BRAND_MISMATCH", "DCA 603"),
    fields=(DESC,),
    refs=("R025", "R026"),
)(mentions_brand(DESC, "The description does not name your business ({brand})."))


@rule(
    code="DSC003",
    name="description-missing-audience",
    severity=Severity.WARNING,
    summary="The description does not say who receives the messages.",
    why="""A good description answers who sends, to whom and why. Reviewers decline vague ones such as
    'This campaign sends messages' (Twilio 30886, AWS CAMPAIGN_UNCLEAR).""",
    fix="Say who gets the texts, e.g. 'patients who booked online' or 'customers who opted in at checkout'.",
    sources=(_30886, src.TW_RECS),
    carrier_codes=("Twilio 30886", "AWS CAMPAIGN_UNCLEAR"),
    fields=(DESC,),
    refs=("R025",),
)
def description_missing_audience(ctx: LintContext) -> Iterator[Hit]:
    text = ctx.text(DESC)
    if text.strip() and _AUDIENCE.search(text) is None:
        yield Hit(DESC)


_NOT_ASCII_LETTERS = re.compile(r"[^A-Za-z]+")


@rule(
    code="DSC004",
    name="description-not-english",
    severity=Severity.ERROR,
    summary="The description is not in English.",
    why="10DLC registrations must be submitted in English (Twilio 30910), even if messages are not.",
    fix="Write the description in English; you may add a translation after it.",
    sources=(src.twilio_error(30910, "Campaigns must be submitted in English"), src.AWS_REJ),
    carrier_codes=("Twilio 30910", "AWS CAMPAIGN_NON_ENGLISH_CONTENT"),
    fields=(DESC,),
    refs=("R024",),
)
def description_not_english(ctx: LintContext) -> Iterator[Hit]:
    text = phrases.normalize(ctx.text(DESC))
    # A Spanish business name ("Panadería La Esperanza de Los Ángeles") says nothing about the
    # language the description is written in.
    for name in (ctx.brand.display_name, ctx.brand.legal_name):
        if name and name.strip():
            text = text.replace(phrases.normalize(name), " ")
    if text.isascii():  # every letter is a Latin one: only count them (a tenth of the cost)
        if len(_NOT_ASCII_LETTERS.sub("", text)) < 20:
            return
    else:
        letters = [c for c in text if c.isalpha()]
        if len(letters) < 20:
            return
        latin = sum(
            1 for c in letters if c.isascii() or unicodedata.name(c, "").startswith("LATIN")
        )
        if latin / len(letters) < 0.5:  # Chinese, Vietnamese in another script, Russian, ...
            yield Hit(DESC)
            return
    words = re.findall(r"[^\W\d_]+", text)
    english = sum(w in _ENGLISH for w in words)
    spanish = sum(w in _SPANISH for w in words)
    if len(words) >= 6 and spanish > 2 * english + 1:
        yield Hit(DESC)


@rule(
    code="DSC005",
    name="description-looks-like-test",
    severity=Severity.ERROR,
    summary="The description describes a test or demo campaign.",
    why="10DLC campaigns are for real production traffic; test and demo programs are rejected (AWS NON_COMPLIANT_USE_CASE_TESTING).",
    fix="Describe the real messages your business will send.",
    sources=(src.AWS_REJ,),
    carrier_codes=("AWS NON_COMPLIANT_USE_CASE_TESTING",),
    fields=(DESC,),
    refs=("R028",),
)
def description_looks_like_test(ctx: LintContext) -> Iterator[Hit]:
    if _TEST.search(ctx.text(DESC)):
        yield Hit(DESC)


@rule(
    code="DSC006",
    name="registration-fields-repeated",
    severity=Severity.ERROR,
    summary="The description, call to action or a sample are the same pasted text.",
    why="""Each field answers a different question. Pasting one text into several fields is rejected
    (AWS CAMPAIGN_TEMPLATE_REUSE).""",
    fix="Write the description (what and why), the call to action (how people opt in) and samples (real messages) separately.",
    sources=(src.AWS_REJ,),
    carrier_codes=("AWS CAMPAIGN_TEMPLATE_REUSE",),
    fields=(DESC, "campaign.message_flow"),
    refs=("R030",),
)
def registration_fields_repeated(ctx: LintContext) -> Iterator[Hit]:
    desc = phrases.normalize(ctx.text(DESC))
    if len(desc) < 20:
        return
    if desc == phrases.normalize(ctx.text("campaign.message_flow")):
        yield Hit(
            "campaign.message_flow", "The call to action is the same text as the description."
        )
    for i, s in enumerate(ctx.spec.sample_messages):
        if phrases.normalize(s) == desc:
            yield Hit(
                f"campaign.sample_messages[{i}]",
                f"Sample {i + 1} is the same text as the description.",
            )


# What the texts are about: any concrete kind of message. A description with none of these says
# only that "messages" go to "customers", which is the vague description Twilio 30886 names.
_PURPOSE = Anchored(
    re.compile(
        r"\b(?:"
        r"remind\w*|confirm\w*|appointments?|appts?|visits?|bookings?|reservations?"
        r"|schedul\w*|reschedul\w*|cancell?ations?|orders?|deliver\w*|shipp\w*|shipments?"
        r"|tracking|pick-?ups?|payments?|billing|bills?|invoices?|receipts?|balances?"
        r"|statements?|past[-|]due|rent|dues|refunds?|codes?|passcodes?|otps?|verification"
        r"|verify|authenticat\w*|log-?ins?|sign-?ins?|passwords?|2fa|mfa|security|fraud"
        r"|suspicious|offers?|promo\w*|deals?|discounts?|coupons?|sales|specials|loyalty"
        r"|rewards?|events?|class(?:es)?|sessions?|lessons?|games?|practices?|tournaments?"
        r"|races?|shows?|tickets?|outages?|closures?|weather|emergenc\w*|status|surveys?"
        r"|polls?|feedback|reviews?|ratings?|votes?|voting|donations?|fundrais\w*"
        r"|volunteer\w*|quotes?|estimates?|proposals?|jobs?|shifts?|repairs?|maintenance"
        r"|prescriptions?|refills?|results|lab|inquir\w*|questions|requests?|follow[-"
        r"|]?ups?|responses?|replies|applications?|enrollment|admissions?|registrations?"
        r"|courses?|assignments?|grades?|listings?|showings?|propert(?:y|ies)|leases?"
        r"|move[-|]ins?|claims?|renewals?|newsletters?|announcements?|news|tips|menus?"
        r"|availability|openings?|waitlists?|check[-|]?ins?|arrivals?|itinerar\w*|flights?"
        r"|trips?|scores?|updates?|alerts?|notifications?|notices?"
        r")\b",
        re.IGNORECASE,
    )
)


@rule(
    code="DSC007",
    name="description-missing-message-purpose",
    severity=Severity.ERROR,
    summary="The description does not say what the messages are about.",
    why="""Reviewers reject a description that only says messages go to customers ('This campaign
    sends messages to customers'): it must say what you text and when, such as appointment
    reminders, order updates, verification codes or weekly offers (Twilio 30886, AWS
    CAMPAIGN_UNCLEAR).""",
    fix="""Name the kinds of texts and what triggers them, e.g. 'appointment reminders two days
    before each visit and order-ready notices'.""",
    sources=(_30886, src.TW_RECS, src.AWS_REJ),
    carrier_codes=("Twilio 30886", "AWS CAMPAIGN_UNCLEAR", "AWS UNCLEAR_USE_CASE"),
    fields=(DESC,),
    refs=("R025",),
)
def description_missing_message_purpose(ctx: LintContext) -> Iterator[Hit]:
    text = ctx.text(DESC)
    if text.strip() and _PURPOSE.search(text) is None and not phrases.names_what_is_sent(text):
        yield Hit(DESC)
