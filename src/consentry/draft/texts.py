"""The words of the campaign: description, call to action, consent texts, samples and replies.

Every text is built from the same answers, so the call to action quotes exactly what the form,
the sign and the script say, and the samples match the use case. Long prose comes from Jinja
templates (`templates/text/`); short consent texts are assembled here so they can be measured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from consentry.draft.advise import Advice
from consentry.draft.answers import Answers
from consentry.draft.render import render_text
from consentry.draft.replies import Reply, build_replies, display_phone
from consentry.draft.validate import frequency_phrase
from consentry.draft.vocab import MESSAGE_KINDS_BY_ID, MessageKind
from consentry.errors import InputError

__all__ = ["Texts", "Urls", "compose", "join_words"]

RATES = "Msg & data rates may apply."
STOP_HELP = "Reply HELP for help, STOP to cancel."
MAX_FLOW = 2048


@dataclass(frozen=True, slots=True)
class Urls:
    home: str
    privacy: str
    terms: str
    forms: tuple[str, ...]  # pages with an SMS opt-in form (the contact form too, when it has one)
    contact: str | None  # the contact form's page


@dataclass(frozen=True, slots=True)
class Texts:
    description: str
    message_flow: str
    samples: tuple[str, ...]
    consent: str | None  # the informational checkbox's text
    marketing_consent: str | None  # the separate marketing checkbox's text
    script: str | None  # what staff read on a call
    sign: str | None  # what the keyword sign says
    replies: tuple[Reply, Reply, Reply]
    opt_in_keywords: tuple[str, ...]
    urls: Urls
    we_do: str  # "We manage apartment buildings in Portland."


def join_words(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _base(website: str) -> str:
    parts = urlsplit(website)
    return f"{parts.scheme}://{parts.netloc}"


def _urls(a: Answers, advice: Advice) -> Urls:
    base = _base(a.website)
    forms = list(a.opt_in.web_forms)
    if a.contact_form_url and advice.contact_form_is_opt_in:
        forms.append(a.contact_form_url)
    return Urls(
        home=base + "/",
        privacy=base + "/privacy",
        terms=base + "/sms-terms",
        forms=tuple(forms),
        contact=a.contact_form_url,
    )


def _we_do(what: str) -> str:
    text = re.sub(r"^(?:we|we're|we are)\s+", "", what.strip(), flags=re.IGNORECASE).rstrip(".!")
    if text[:1].isupper() and text[1:2].islower():
        text = text[0].lower() + text[1:]
    prefix = "We are" if re.match(r"(?:a|an|the)\s", text) else "We"
    return f"{prefix} {text}."


def _consent(a: Answers, kinds: list[MessageKind], level: int) -> dict[str, str | None]:
    """The checkbox texts: one for informational messages, a separate one for marketing; the
    'head' of each (without the disclosures) is what the tersest call to action quotes."""
    tail = f"{frequency_phrase(a.frequency)}. {RATES} {STOP_HELP}"
    if "donations" in a.messages:
        tail += " Donations may be solicited."
    if level == 0:
        tail += " Consent is not a condition of purchase."
    # Replies need no checkbox: the person's own text is the consent.
    plain = [k for k in kinds if k.id not in ("marketing_offers", "replies")]
    if level == 0:
        what = f"{join_words([k.what for k in plain])} by text message"
        offers = "marketing text messages with offers and promotions"
        number = " at the number provided"
    else:
        what, offers, number = (
            f"{join_words([k.short for k in plain])} texts",
            "marketing texts with offers",
            "",
        )
    head = f"I agree to receive {what} from {a.name}{number}." if plain else None
    marketing_head = f"I agree to receive {offers} from {a.name}{number}." if a.marketing else None
    return {
        "consent": f"{head} {tail}" if head else None,
        "marketing_consent": f"{marketing_head} {tail}" if marketing_head else None,
        "consent_head": head,
        "marketing_head": marketing_head,
    }


def _samples(kinds: list[MessageKind], sms_name: str) -> tuple[str, ...]:
    # One sample per kind (reviewers want one per sub-use case), then a second so there are two.
    chosen = [k.sample.format(sms=sms_name) for k in kinds][:5]
    if len(chosen) < 2:
        kind = kinds[0]
        chosen.append(_second_sample(kind, sms_name))
    return tuple(chosen)


_SECOND = {
    "appointment_reminders": "{sms}: Your appointment on [date] at [time] is confirmed. Reply HELP for help, STOP to opt out.",
    "service_notices": "{sms}: Your [service] visit on [date] is done. Questions? Reply to this text. Reply STOP to opt out.",
    "billing_reminders": "{sms}: We received your payment of [amount] on [date]. Thank you. Reply STOP to opt out.",
    "order_updates": "{sms}: Order [order number] has shipped and should arrive [date]. Reply STOP to opt out.",
    "replies": "{sms}: Yes, we can see you on [day] at [time]. Anything else we can help with? Reply STOP to opt out.",
    "employee_notices": "{sms}: Staff notice: [location] opens late on [date]. Your shift starts at [time]. Reply STOP to opt out.",
    "one_time_codes": "{sms}: [code] is your code to confirm your new phone number. It expires in 10 minutes. Reply STOP to opt out.",
    "marketing_offers": "{sms}: New this month: [product]. Come in by [date] and get 10% off with this text. Reply STOP to opt out.",
    "donations": "{sms}: Our [month] appeal is on. Make a donation today to help [number] more families. Reply STOP to opt out.",
}


def _second_sample(kind: MessageKind, sms_name: str) -> str:
    return _SECOND[kind.id].format(sms=sms_name)


def compose(a: Answers, advice: Advice) -> Texts:
    """Every text of the campaign, consistent with each other and inside TCR's limits.

    Level 0 quotes everything in full; level 1 uses short names for the kinds of message;
    level 2 quotes the consent text once and refers to it for the sign and the script; level 3
    is terse.
    """
    for level in range(4):
        texts = _compose(a, advice, level)
        if len(texts.message_flow) <= MAX_FLOW:
            return texts
    raise InputError(
        f"the call to action would be {len(texts.message_flow)} characters, more than the 2048 "
        "TCR allows: use a shorter business name or fewer ways to opt in",
        source=a.source,
        line=a.line("opt_in"),
        key="opt_in",
    )


def _compose(a: Answers, advice: Advice, level: int) -> Texts:
    kinds = [MESSAGE_KINDS_BY_ID[k] for k in a.messages]
    urls = _urls(a, advice)
    boxes = _consent(a, kinds, level)
    consent, marketing_consent = boxes["consent"], boxes["marketing_consent"]
    number = display_phone(a.texting_number)
    freq = frequency_phrase(a.frequency)
    spoken = [k for k in kinds if k.id not in ("marketing_offers", "replies")]
    policies = (
        f"Our Privacy Policy is at {urls.privacy} and our SMS Terms at {urls.terms}."
        if level == 0
        else f"Privacy Policy and SMS Terms: {urls.privacy}"
    )
    # Verbal consent is not accepted for marketing (rules.md R048), so the script leaves it out.
    script = (
        f"May we text you {join_words([k.short + ' messages' for k in spoken])} from {a.name}? "
        f"{freq}. {RATES} {STOP_HELP} {policies}"
        if a.opt_in.phone_call and spoken
        else None
    )
    # Marketing first: "staff notice and marketing" reads as negated to phrase detectors ("no...").
    signed = sorted(
        (k for k in kinds if k.id != "replies"), key=lambda k: k.id != "marketing_offers"
    )
    o = a.opt_in
    # With another way to agree to the other texts, the keyword is the separate marketing opt-in.
    keyword_for_marketing = (
        a.marketing and bool(spoken) and bool(urls.forms or o.paper_form or o.app or o.phone_call)
    )
    if keyword_for_marketing:
        signed = [k for k in signed if k.id == "marketing_offers"]
    sign_policies = (
        f"Privacy: {urls.privacy} Terms: {urls.terms}"
        if level == 0
        else policies.replace("Our ", "")
    )
    sign = (
        f"Text {a.opt_in.keyword} to {number} for {join_words([k.short for k in signed])} texts "
        f"from {a.name}. {freq}. {RATES} {STOP_HELP} {sign_policies}"
        if a.opt_in.keyword and signed
        else None
    )
    keywords = ("START", a.opt_in.keyword) if a.opt_in.keyword else ("START",)
    replies = build_replies(
        sms_name=advice.sms_name,
        shorts=[k.short for k in kinds],
        marketing=a.marketing,
        frequency=a.frequency,
        phone=a.phone,
        email=a.email,
        opt_in_keywords=keywords,
    )
    we_do = _we_do(a.what_you_do)
    context = {
        "a": a,
        "advice": advice,
        "kinds": kinds,
        "urls": urls,
        "number": number,
        "freq": freq,
        "rates": RATES,
        "stop_help": STOP_HELP,
        **boxes,
        "script": script,
        "sign": sign,
        "we_do": we_do,
        "form_names": [page_name(u) for u in urls.forms],
        "level": level,
        "keyword_for_marketing": keyword_for_marketing,
    }
    description = _squash(render_text("text/description.txt.j2", context))
    # Typographic apostrophes: review tools (consentry's WEB021 among them) read an ASCII
    # apostrophe as a quote mark, so "Joe's" twice in a flow would look like a quotation.
    flow = _squash(render_text("text/message_flow.txt.j2", context)).replace("'", "’")
    return Texts(
        description=description,
        message_flow=flow,
        samples=_samples(kinds, advice.sms_name),
        consent=consent,
        marketing_consent=marketing_consent,
        script=script,
        sign=sign,
        replies=replies,
        opt_in_keywords=keywords,
        urls=urls,
        we_do=we_do,
    )


def page_name(url: str) -> str:
    """'https://x.com/text-alerts' -> 'text alerts'; the home page -> 'home'."""
    path = urlsplit(url).path.strip("/")
    last = path.rsplit("/", 1)[-1] if path else ""
    last = re.sub(r"\.(?:html?|php|aspx?)$", "", last)
    return re.sub(r"[-_]+", " ", last).strip().lower() or "home"


def _squash(text: str) -> str:
    return " ".join(text.split())
