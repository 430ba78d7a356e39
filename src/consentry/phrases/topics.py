"""What a text is about: text messaging (SMS) and marketing.

Both words have look-alikes: "text" is also the words on a page ("the text of this policy"),
"offers" is also a verb ("Maple Dental offers cleanings") and "marketing" also appears in the
privacy sentence that promises NOT to share data "for marketing purposes".
"""

from __future__ import annotations

import re

from consentry.phrases.literals import Anchored, Gated
from consentry.phrases.normalize import Folded, Match
from consentry.phrases.scan import at_word_start, clause_window, first, first_of, sentence_window

__all__ = [
    "find_bundled_channel_consent",
    "find_marketing_mention",
    "find_sms_mention",
    "names_what_is_sent",
]

# ------------------------------------------------------------------------------ SMS mention

_TEXT_KIND = (
    r"(?:msgs?|messages?|messaging|alerts?|notifications?|notices?|reminders?|updates?|offers?"
    r"|marketing|program|programs|club|list|service|services|line|communications?|campaigns?"
    r"|subscription|consent|opt-?in|coupons?|deals?|promotions?|confirmations?|receipts?"
    r"|codes?|verification|replies|reply|chat|conversations?)"
)
_SMS = Anchored(
    at_word_start(
        r"\b(?:sms|mms|sms/mms|a2p|10dlc|short\smessage\sservice|txt(?:s|ing|ed)?|texts|texting"
        r"|texted|textmessag\w{0,3})\b"
        rf"|\btext(?:-|\s)?{_TEXT_KIND}\b"
        r"|\b(?:mobile|cell(?:ular)?|wireless|phone)\s(?:msgs?|messages?|messaging|alerts?|marketing"
        r"|notifications?|text)\b"
        r"|\btext\s(?:me|us|you|them|him|her|your\s(?:phone|mobile|cell)|our\s(?:office|team))\b"
        r"|\b(?:a|an|the|by|via|through|receive|get|send(?:s|ing)?|sent)\s(?:\w+\s)?text\b(?!\s(?:of"
        r"|box|field|size|below|above|editor|input|area|version|format|file|color|colour|content"
        r"|string|search))"
        r"|\b(?:will|'ll|may|might|can|could|to|please|we|i)\stext\b(?!\s(?:box|field|size|of))"
        r"|\btext\s[\"'*<]{0,2}[a-z0-9]{2,15}[\"'*>]{0,2}\sto\s\d{3,}"
    )
)


def _sms(folded: Folded) -> Match | None:
    return first(folded, _SMS)


def find_sms_mention(text: str) -> Match | None:
    """ "SMS", "text message(s)", "texts", "txt msgs", "text alerts", "mobile messages"."""
    return first_of(text, (_sms,))


# ------------------------------------------------------------------------ marketing mention

_OFFER_ADJ = (
    r"(?:special|exclusive|promotional|promo|limited[\s-]time|seasonal|weekly|daily|monthly"
    r"|latest|new|great|best|personali[sz]ed|members?|member-only|vip|sms|text|mobile|email"
    r"|marketing|holiday|birthday|current|upcoming|partner|discount|sale|insider|subscriber"
    r"|text-only|sms-only|flash|hot|amazing|money-saving|today's)"
)
_PROMO_LIST = r"(?:promotions?|deals|discounts|updates|news|coupons|specials|promos|events|sales)"
_MARKETING = Gated(
    re.compile(
        r"\b(?:marketing|promotional|promotions?|promos?|promo\s?codes?|coupons?|coupon\scodes?"
        r"|discounts?|discount\scodes?|specials|deals|advertising|advertisements?|ads|vouchers?"
        r"|rebates?|cash\s?back|clearance|loyalty\s(?:rewards?|points|program|club)|giveaways?"
        r"|free\s(?:gifts?|trials?|shipping|consultations?|estimates?|samples?|upgrades?)"
        r"|limited[\s-]time\s(?:offers?|only|deals?|savings)|savings(?!\s(?:account|bank|plan))"
        r"|bogo|buy\sone,?\sget\sone|new\sarrivals|deal\sof\sthe\s(?:day|week)|\d{1,3}\s?%\s?off"
        r"|(?P<sale>sales?)|(?P<offer>offers?|offerings?))\b"
        r"|\$\s?\d{1,5}\s?off\b"
    )
)
# "sale" and "offers" are marketing only with company: "flash sale", "sales events", "exclusive
# offers", "receive offers", "offers and discounts" - not "point of sale", "Maple offers cleanings".
_SALE_LEFT = re.compile(
    r"\b(?:flash|clearance|seasonal|holiday|annual|summer|winter|spring|fall|black\sfriday"
    r"|cyber\smonday|big|special|exclusive|upcoming|sitewide|storewide|weekend|semi-annual"
    r"|members-only|private|on|biggest|anniversary|warehouse|inventory|end-of-season)\s$"
)
_SALE_RIGHT = re.compile(
    r"\s(?:events?|alerts?|announcements?|offers?|notifications?|promotions?|messages?|prices?)\b"
)
_OFFER_LEFT = re.compile(
    rf"(?:\b{_OFFER_ADJ}\s|\b(?:receive|get|send(?:ing)?|about|on|for|sign\sup\sfor|with|and|of"
    r"|compare|see|view|claim|unlock|browse|redeem|access|explore|shop)\s(?:(?:our|exclusive"
    r"|special|the\slatest|occasional|periodic|other)\s)?|&\s|"
    rf"{_PROMO_LIST},?\s?(?:and|&|/|or)\s?)$"
)
# "Maple offers cleanings", "we offer same-day visits": a verb when a word follows that is not a
# joining word ("offers and deals", "offers: 20% off", "Get offers." stay nouns).
_OFFER_AS_VERB = re.compile(
    r"\s(?!(?:and|or|from|by|via|to|for|with|in|on|at|&|just|only|that|you|straight|sent|by)\b)"
    r"[a-z0-9$]"
)
_OFFER_RIGHT = re.compile(rf"\s?(?:and|&|,|/|or)\s?{_PROMO_LIST}\b")
_SHARING_CONTEXT = re.compile(
    r"\b(?:shar\w+|sold|sell\w*|rent\w*|disclos\w+|transfer\w*|third[\s-]part\w+|affiliates?"
    r"|partners?|purposes)\b"
)
_NEGATED = re.compile(
    r"(?:\bnot\b|n't\b|\bnever\b|\bno\b|\bnon-|\bnon\b|\bwithout\b|\bexcluding\b)\s?(?:\w+\s){0,3}$"
)


def _marketing_ok(folded: Folded, m: re.Match[str]) -> bool:
    t = folded.text
    word = m.group()
    start = m.start()
    if start and t[start - 1] in ".$":  # "2.5% off" is a number, not a "5% off" deal
        return False
    if m.group("sale") is not None and not (
        _SALE_LEFT.search(t, max(0, start - 20), start) or _SALE_RIGHT.match(t, m.end())
    ):
        return False
    if m.group("offer") is not None and not (
        _OFFER_LEFT.search(t, max(0, start - 40), start)
        or (word == "offers" and _OFFER_RIGHT.match(t, m.end()))
        or not _OFFER_AS_VERB.match(t, m.end())
    ):
        return False
    if word == "deals" and t.startswith(" with", m.end()):  # "deals with insurers"
        return False
    if word == "ads" and not re.search(r"\b(?:sms|text)\s$", t[max(0, start - 6) : start]):
        return False
    # "... shared with third parties for marketing purposes" is a privacy promise, not marketing.
    a, b = sentence_window(t, m.start(), m.end())
    if _SHARING_CONTEXT.search(t, a, b) and re.search(r"\bpurposes?\b|\bthird", t[a:b]):
        return False
    ca, _ = clause_window(t, m.start(), m.end(), 60)
    return _NEGATED.search(t, ca, m.start()) is None


def _marketing(folded: Folded) -> Match | None:
    return first(folded, _MARKETING, _marketing_ok)


def find_marketing_mention(text: str) -> Match | None:
    """ "marketing", "promotional", "promotions", "offers", "deals", "discounts", "sales events"."""
    return first_of(text, (_marketing,))


# ------------------------------------------------------------- consent bundled with calls/email

# A consent verb and its object: "agree to receive", "consent to be contacted", "authorize X to".
_CONSENT_VERB = (
    r"\b(?:agree(?:s|d)?|consent(?:s|ed)?|authori[sz]e(?:s|d)?|opt(?:s|ed)?\sin|sign(?:s|ed)?\sup"
    r"|permission)\b[^.;:!?\n]{0,50}?"
)
_OTHER_CHANNEL = (
    r"(?:(?:phone|telephone|voice|marketing|autodialed|automated|prerecorded|recorded)\s)?"
    r"(?:calls?|e-?mails?|voicemails?|ringless\svoicemails?)"
)
_SMS_CHANNEL = r"(?:(?:sms|mms)(?:\smessages?)?|texts?|text\smessages?|txts?)"
_JOIN = r"\s?(?:,|and/or|and|or|&|/|\+)\s?(?:\w+\s){0,2}?"
_BUNDLED = Gated(
    re.compile(
        rf"{_CONSENT_VERB}\b(?:{_OTHER_CHANNEL}{_JOIN}(?:{_OTHER_CHANNEL}{_JOIN})?{_SMS_CHANNEL}"
        rf"|{_SMS_CHANNEL}{_JOIN}(?:{_OTHER_CHANNEL}{_JOIN})?{_OTHER_CHANNEL})\b"
    )
)


def _bundled(folded: Folded) -> Match | None:
    return first(folded, _BUNDLED)


def find_bundled_channel_consent(text: str) -> Match | None:
    """One consent for texts AND calls or emails: "you agree to receive calls and texts",
    "I consent to be contacted by phone call, email or text". Carriers want the text-message
    consent on its own (Telnyx: 'It cannot be combined with email or phone call consent')."""
    return first_of(text, (_bundled,))


# ---------------------------------------------------------------- what is sent ("to get X")

# "... enroll to get rental projections", "Text me about my vehicle sale": whatever people get or
# are texted about, unless it is only messages, people or filler ("sends messages to customers").
_OBJECT = re.compile(
    r"\b(?:get|gets|getting|receive|receives|receiving|send|sends|sending|about|regarding"
    r"|concerning)\s+((?:[\w'-]+\s+){0,3}[\w'-]+)",
    re.IGNORECASE,
)
_FILLER = frozenset(
    [
        "the",
        "their",
        "your",
        "our",
        "my",
        "a",
        "an",
        "any",
        "all",
        "some",
        "new",
        "latest",
        "occasional",
        "recurring",
        "automated",
        "important",
        "relevant",
        "helpful",
        "useful",
        "personalized",
        "custom",
        "weekly",
        "daily",
        "monthly",
        "text",
        "texts",
        "sms",
        "mms",
        "message",
        "messages",
        "msgs",
        "communications",
        "communication",
        "information",
        "info",
        "content",
        "them",
        "us",
        "you",
        "it",
        "this",
        "that",
        "these",
        "those",
        "me",
        "him",
        "her",
        "and",
        "or",
        "to",
        "from",
        "with",
        "by",
        "of",
        "in",
        "for",
        "on",
        "at",
        "via",
        "through",
        "who",
        "which",
        "when",
        "team",
        "staff",
        "people",
        "contacts",
        "leads",
        "prospects",
    ]
)
_PEOPLE = re.compile(
    r"(?:customer|client|patient|tenant|resident|member|subscriber|user|student|parent|guest"
    r"|patron|donor|volunteer|employee|owner|buyer|seller|realtor|agent|partner|consumer"
    r"|recipient|caller|visitor|shopper|diner|traveler|traveller|homeowner|landlord|family"
    r"|families|individual|person)s?"
)


def names_what_is_sent(text: str) -> bool:
    """The text names what people get or are texted about, in words of its own."""
    for m in _OBJECT.finditer(text):
        words = [w.strip("'-") for w in m.group(1).lower().split()]
        cut = next((i for i, w in enumerate(words) if w in _SENDER_CUE), len(words))
        if any(w not in _FILLER and not _PEOPLE.fullmatch(w) for w in words[:cut]):
            return True
    return False


# Words after which comes who sends or how, not what: "texts from Maple Street Dental".
_SENDER_CUE = frozenset(
    ["from", "by", "via", "through", "at", "on", "to", "with", "when", "who", "which", "if"]
)
