"""Disclosures a call to action, opt-in or T&C must carry: rates, frequency, carrier liability,
"consent is not a condition of purchase", and the opt-out reply's "no further messages".

This module also re-exports the other text detectors, so `consentry.phrases.disclosures` offers
every "does this text say X" question in one place.
"""

from __future__ import annotations

import re

from consentry.phrases.keywords import find_help_instruction, find_stop_instruction
from consentry.phrases.literals import Gated
from consentry.phrases.normalize import Folded, Match
from consentry.phrases.placeholders import find_placeholder, is_customer_variable
from consentry.phrases.policies import find_privacy_reference, find_terms_reference
from consentry.phrases.scan import at_word_start, first, first_near, first_of, sentence_window
from consentry.phrases.sharing import (
    find_no_sharing_statement,
    find_sharing_permission,
    find_sms_carve_out,
    find_sold_only_statement,
)
from consentry.phrases.topics import find_marketing_mention, find_sms_mention
from consentry.phrases.vocab import (
    MSG_NOUN,
    NEG_SEARCH,
    NUMBER_WORD,
    PER_EVENT,
    PERIOD,
    PROMO_NOUN,
    trie,
)

__all__ = [
    "find_carrier_liability",
    "find_consent_not_condition",
    "find_frequency_disclosure",
    "find_help_instruction",
    "find_marketing_mention",
    "find_no_further_messages",
    "find_no_sharing_statement",
    "find_placeholder",
    "find_privacy_reference",
    "find_rates_disclosure",
    "find_sharing_permission",
    "find_sms_carve_out",
    "find_sms_mention",
    "find_sold_only_statement",
    "find_stop_instruction",
    "find_terms_reference",
    "is_customer_variable",
]

# ---------------------------------------------------------------- rates ("Msg & data rates may apply")

_RATE_SUBJ = (
    r"(?:msgs?|mesgs?|messages?|messaging|msging|mssg|text(?:ing)?|txt|sms|mms|data|carrier(?:'s)?"
    r"|carriers'?|wireless|cell(?:ular)?|mobile|airtime|phone\splan|m\s?&\s?d)"
)
_JOIN = r"(?:\s?(?:&|and|/|\+|,|or|n|&amp;|and/or)\s?|\s)"
_QUAL = r"(?:(?:std|standard|normal|regular|usual|applicable|your|the|any|all|carrier)\.?\s){0,2}"
_COST = r"(?:rates?|charges?|chrgs?|chgs?|fees?|costs?|rts)"
_APPLY = r"(?:apply|applies|applied|be\s(?:charged|applied|incurred|assessed|billed)|incurred)"
_RATES = Gated(
    at_word_start(
        rf"\b{_QUAL}{_RATE_SUBJ}(?:{_JOIN}{_RATE_SUBJ}){{0,3}}\s?{_COST}\b(?P<gap>[^.!?;\n]{{0,60}}?)"
        rf"\b{_APPLY}\b"
        rf"|\b{_QUAL}{_COST}\s(?:for|on|from)\s(?:your\s)?{_RATE_SUBJ}(?:{_JOIN}{_RATE_SUBJ}){{0,3}}"
        rf"(?P<gap2>[^.!?;\n]{{0,40}}?)\b{_APPLY}\b"
        rf"|\b(?:may|might|will|could|can)\s(?:be\s)?(?:charged|billed)\b[^.!?;\n]{{0,30}}?"
        rf"\b(?:standard\s)?(?:msgs?|messages?|messaging|text(?:ing|s)?|txts?|sms|mms|data)\b"
        rf"(?:{_JOIN}{_RATE_SUBJ}){{0,3}}\s?(?:{_COST}|usage)?"
        rf"|\b(?:carriers?|providers?)\s(?:may|might|will|can)\s(?:also\s)?charge\b"
        # "Standard rates apply." at the end of a call to action (not "... apply to shipping")
        r"|\b(?:std\.?|standard|normal|usual)\s(?:carrier\s)?rates\s(?:may\s)?apply\b(?!\s(?:to|for|on)\b)"
    )
)


_NO_RATES = re.compile(r"\b(?:no|free\sof|without|zero|not)\s$")


def _rates_ok(folded: Folded, m: re.Match[str]) -> bool:
    gap = m.group("gap") or m.group("gap2") or ""
    if NEG_SEARCH.search(gap):  # "rates will not apply" is a free-to-end-user statement
        return False
    return _NO_RATES.search(folded.text, max(0, m.start() - 12), m.start()) is None


def _rates(folded: Folded) -> Match | None:
    return first(folded, _RATES, _rates_ok)


def find_rates_disclosure(text: str) -> Match | None:
    """ "Msg & data rates may apply", "Std msg/data rates apply", "carrier charges may apply"."""
    return first_of(text, (_rates,))


# -------------------------------------------------------------- frequency ("Msg freq varies")

_VARY = (
    r"(?:(?:may|might|will|can|could|does|do|is|are|shall)\s)?(?:vary|varies|variable|varied|varying"
    r"|differ|differs|depend|depends|dependent|depending|based|determined|up\sto|per|\d|one|once"
    r"|twice|daily|weekly|monthly|recurring|limited|capped|unlimited)"
)
# One leading word boundary for every branch: the engine then rejects most positions with a single
# test instead of one per branch (the difference between 5 ms and 100 ms on a 100 KB page).
_FREQ = re.compile(
    r"\b(?:"
    # "Message frequency varies", "Msg freq. may vary", "Frequency: up to 4/mo"
    rf"(?:(?:msgs?|messages?|messaging|text(?:ing)?|txts?|sms|alerts?|notifications?)\.?\s?)?"
    rf"freq(?:uency|s)?\b\.?(?:\sof\s(?:\w+\s)?{MSG_NOUN})?"
    rf"(?:\s?[:=]\s?[a-z0-9(]|\s-\s[a-z0-9]|\s{_VARY}\b)"
    # "Number of messages varies", "The number of texts you receive will vary"
    rf"|(?:number|no\.|amount|quantity|volume|count)\sof\s(?:\w+\s){{0,2}}?{MSG_NOUN}\b"
    rf"[^.!?;\n]{{0,40}}?\b(?:vary|varies|variable|depend|depends|based\son|differ|will\svary)"
    # "Message volume varies", "texting cadence depends on your account"
    rf"|(?:{MSG_NOUN}|messaging|texting)\s(?:volume|cadence)\s{_VARY}\b"
    # "... msgs/mo", "... msg per request", "... texts a month" (the count is checked on the left)
    rf"|(?P<unit>{MSG_NOUN}|{PROMO_NOUN})\s?(?:/|per|a|an|each|every|x)\s?"
    rf"(?P<per>{PERIOD}|{PER_EVENT}|time\s(?:you|your|we|there|a|an))\b"
    # "4msgs/mo": the count glued to the unit, so no word boundary before the unit
    rf"|\d{{1,3}}(?:\s?-\s?\d{{1,3}})?(?:{MSG_NOUN}|{PROMO_NOUN})\s?(?:/|per|a|an|each|every)\s?"
    rf"(?:{PERIOD}|{PER_EVENT})\b"
    rf"|(?P<unit2>{MSG_NOUN}|{PROMO_NOUN})\s(?:daily|weekly|monthly|annually|yearly|hourly|nightly)\b"
    # "2x/month", "twice a week", "once per day" (a message word must be near, see the check)
    rf"|(?P<times>(?:\d{{1,2}}\s?(?:x|times)|once|twice|thrice)\s?(?:/|per|a|an|each|every)"
    rf"\s?(?:{PERIOD}|other\s(?:day|week|month)))\b"
    # "offers (no more than 4 a month)": a bound count with the noun left out (a message word must
    # be near, see the check)
    rf"|(?P<bound>(?:no|not)\smore\sthan|up\sto|at\smost|max(?:imum)?(?:\sof)?)\s"
    rf"(?:\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten)\s?(?:/|per|a|an|each|every)"
    rf"\s?{PERIOD}\b"
    # "weekly offers", "monthly newsletter", "daily deals", "weekly texts"
    rf"|(?:daily|weekly|bi-?weekly|monthly|bi-?monthly|semi-?monthly|quarterly|annual|yearly"
    rf"|hourly|nightly)\s(?:\w+\s){{0,2}}?(?:{MSG_NOUN}|{PROMO_NOUN})\b"
    # "Messages are sent weekly", "you will receive texts monthly"
    # "Texts are sent as needed": the frequency follows the account, like "frequency varies"
    rf"|{MSG_NOUN}\s(?:(?:will|are|is|be|only)\s){{1,2}}(?:sent|delivered)\s(?:only\s)?"
    rf"(?:as\sneeded|when\sneeded|as\snecessary)\b"
    rf"|{MSG_NOUN}\s(?:(?:will|are|is|be|get|gets|go|goes|usually|typically|generally)\s){{0,2}}"
    rf"(?:sent|delivered|go\sout|goes\sout|arrive)\s(?:\w+\s){{0,2}}?(?:daily|weekly|monthly"
    rf"|once\s(?:a|per)\s{PERIOD}|every\s(?:day|week|month|\d{{1,2}}\s(?:days|weeks|months)))\b"
    rf"|(?:receive|get)\s(?:\w+\s){{0,3}}?{MSG_NOUN}\s(?:daily|weekly|monthly|once\s(?:a|per)"
    rf"\s{PERIOD})\b"
    # "unlimited number of texts", "a one-time message"
    rf"|unlimited\s(?:number|amount|#)\sof\s(?:\w+\s)?{MSG_NOUN}"
    rf"|(?:one-?\s?time|single)\s(?:[a-z]+\s){{0,2}}?(?:msg|message|text|sms|alert|notification)\b"
    r")"
)
# Every frequency statement contains one of these; _FREQ only runs near them. (No guard or word
# boundary in front: see `trie`.)
_FREQ_ANCHORS = re.compile(
    trie(
        """freq msg mesg messag txt text sms mms alert notif remind update notice offer deal promo
        coupon special tip newsletter discount digest report recap bulletin announce once twice
        thrice times daily weekly monthly quarterly annual yearly hourly nightly unlimited
        one-time onetime one_time single more_than up_to at_most max""",
        guard=False,
    )
    + r"|\dx"
)
# The count in front of "msgs/mo": "up to 4", "1", "2-4", "one", "a", "no more than 3".
_COUNT_LEFT = re.compile(
    r"(?<![\w$])(?:(?:up\sto|max(?:imum)?(?:\sof)?|no\smore\sthan|not\smore\sthan|at\smost"
    r"|approx(?:imately)?\.?|about|around|roughly|average|avg\.?|~|an\saverage\sof|between|only"
    rf"|just)\s?)?{NUMBER_WORD}\s?(?:[a-z-]+\s){{0,2}}$"
)
_COUNT_RIGHT = re.compile(r"\s?[:=]?\s?(?:up\sto\s|max\s)?\d")
_FREQ_BAD_LEFT = re.compile(
    r"\b(?:radio|high|low|ultra|audio|signal|wave|clock|cpu|heart|sound|voice|carrier|power|urinary"
    r"|cleaning|service|visit|treatment|dosing|dose|billing|payment|exercise)\s$"
)
_SCHEDULE = re.compile(r"\s(?:before|after|prior|ahead|early|later|ago|in\sadvance)\b")
_MSG_NEAR = re.compile(rf"\b(?:{MSG_NOUN}|{PROMO_NOUN}|text|txt|sms|messag\w*|send|receive)\b")


def _freq_start(folded: Folded, m: re.Match[str]) -> int | None:
    """Where a frequency statement found by `m` starts, or None if it is not one."""
    t = folded.text
    start = m.start()
    if start and t[start - 1] == "$":
        return None
    if m.group("unit") is not None or m.group("unit2") is not None:
        count = _COUNT_LEFT.search(t, max(0, start - 40), start)
        if count is not None:
            start = count.start()
        elif m.group("unit") is None or not _COUNT_RIGHT.match(t, m.end()):
            return None
    if _FREQ_BAD_LEFT.search(t, max(0, start - 14), start):
        return None
    # "a reminder an hour before" is a schedule, not a frequency
    if m.group("per") is not None and _SCHEDULE.match(t, m.end()):
        return None
    if m.group("times") is not None or m.group("bound") is not None:
        a, b = sentence_window(t, m.start(), m.end(), 120)
        if _MSG_NEAR.search(t, a, b) is None:
            return None
    return start


def _frequency(folded: Folded) -> Match | None:
    return first_near(folded, _FREQ_ANCHORS, _FREQ, _freq_start)


def find_frequency_disclosure(text: str) -> Match | None:
    """ "Message frequency varies", "up to 4 msgs/mo", "1 msg per request", "weekly offers"."""
    return first_of(text, (_frequency,))


# ------------------------------------------------------------------------ carrier liability

_CARRIER = (
    r"(?:carriers?|wireless\s(?:carriers?|providers?|operators?|companies)|mobile\s(?:carriers?"
    r"|providers?|operators?|network\soperators?)|network\soperators?|cell(?:ular)?\s(?:carriers?"
    r"|providers?)|phone\scompan(?:y|ies)|service\sproviders?|t-?mobile|verizon|at&t|sprint"
    r"|us\scellular)"
)
_LIABILITY = Gated(
    at_word_start(
        rf"\b{_CARRIER}(?![a-z])[^!?;\n]{{0,120}}?(?:\bnot|n't|\bno)\s(?:be\s)?(?:held\s)?"
        r"(?:liable|responsible|accountable|liability|responsibility)\b"
        r"|(?:\bnot|\b[a-z]{1,6}n't)\s(?:be\s)?(?:held\s)?(?:liable|responsible)\sfor\s(?:any\s)?(?:delayed|late"
        r"|undelivered|undeliverable|failed|lost)\b"
        rf"|\bneither\b[^.!?;\n]{{0,60}}?\bnor\b[^.!?;\n]{{0,40}}?{_CARRIER}[^.!?;\n]{{0,40}}?"
        r"\b(?:are|is|shall\sbe|will\sbe|can\sbe)\s(?:held\s)?(?:liable|responsible|accountable)\b"
    )
)
_DELIVERY = re.compile(
    rf"\b(?:{MSG_NOUN}|deliver\w*|undeliver\w*|delay\w*|late|transmission|sms|texts?)\b"
)


def _liability_ok(folded: Folded, m: re.Match[str]) -> bool:
    t = folded.text
    a, b = sentence_window(t, m.start(), m.end(), 200)
    if not re.match(rf"\b{_CARRIER}", m.group()) and re.search(rf"\b{_CARRIER}", t[a:b]) is None:
        return False
    return _DELIVERY.search(t, m.start(), b) is not None


def _liability(folded: Folded) -> Match | None:
    return first(folded, _LIABILITY, _liability_ok)


def find_carrier_liability(text: str) -> Match | None:
    """ "Carriers are not liable for delayed or undelivered messages"."""
    return first_of(text, (_liability,))


# ------------------------------------------------------------ consent is not a condition

_CONSENT_SUBJ = (
    r"(?:consent(?:ing)?|opt(?:ing)?[\s-]?in|opt-?in|agreement|agreeing|enrollment|enrolling"
    r"|signing\sup|sign-?up|checking\s(?:this|the)\s(?:box|checkbox)|this\s(?:box|checkbox)"
    r"|the\s(?:box|checkbox)|subscription|participation|subscribing|providing\syour\s(?:phone|mobile"
    r"|number)|sms|texts?|text\smessages?)"
)
_NOT_CONDITION = Gated(
    at_word_start(
        r"(?:\bnot|\b[a-z]{1,6}n't)\s(?:(?:be|been|required|needed|necessary|mandatory|made|considered|treated"
        r"|used|imposed|deemed|ever)\s){0,2}(?:(?:a|an|as\sa|as\san|as)\s)?(?:condition|prerequisite"
        r"|requirement|requisite)s?\b"
        r"|(?:\bnot|\b[a-z]{1,6}n't|\bnever)\s(?:have|need|required|obligated|obliged|necessary|mandatory|forced"
        r"|asked|requiring)\s(?:to\s)?(?:\w+\s){0,3}?(?:agree|consent|opt|sign\sup|check\s(?:this|the|a)"
        r"|accept|subscribe|enroll|join|tick|(?:provide|give)\s(?:your\s|us\s)?(?:consent|phone|mobile"
        r"|cell|number)|receive\s(?:\w+\s)?(?:texts?|text\smessages|sms|messages|msgs|marketing))"
        rf"|\b{_CONSENT_SUBJ}\b[^.!?;\n]{{0,40}}?(?:\bis|\bare|\bremains?)?\s?(?:completely\s|entirely\s"
        r"|totally\s|strictly\s|always\s|100%\s|purely\s)?(?:optional|voluntary|(?:not|n't)\s(?:be\s)?"
        r"(?:required|mandatory|necessary|needed|obligatory))\b"
        r"|\bwithout\s(?:opting[\s-]?in|agreeing\sto\s(?:receive|get)|checking\s(?:this|the)\s(?:box"
        r"|checkbox)|subscribing\sto\s(?:sms|text)|signing\sup\sfor\s(?:sms|text)|consenting\sto\s"
        r"(?:receive|sms|text))"
        r"|\b(?:declin\w+|not\s(?:opting|consenting|checking|agreeing|subscribing)|unchecked)"
        r"[^.!?;\n]{0,40}?\b(?:will|does|do)\s?(?:not|n't)\s(?:affect|impact|change|limit)"
        r"|\boptional\b"
    )
)
_OPTIONAL_PRODUCT = re.compile(
    r"\s(?:\w+\s)?(?:accessor\w+|extras?|add-?ons?|upgrades?|features?|packages?|warrant\w+"
    r"|insurance|coverage|equipment|items?|tours?|excursions?|services|treatments?|sides?"
    r"|toppings?|courses?|modules?|fees?)\b"
)


def _condition_ok(folded: Folded, m: re.Match[str]) -> bool:
    t = folded.text
    if m.group() == "optional":
        before = t[max(0, m.start() - 16) : m.start()]
        if re.search(r"(?:\bnot|n't|\bnon-?|\bnever)\s?$", before):
            return False
        return _OPTIONAL_PRODUCT.match(t, m.end()) is None
    return True


def _condition(folded: Folded) -> Match | None:
    return first(folded, _NOT_CONDITION, _condition_ok)


def find_consent_not_condition(text: str) -> Match | None:
    """ "Consent is not a condition of purchase", "You do not have to agree to receive texts"."""
    return first_of(text, (_condition,))


# ---------------------------------------------------------- opt-out reply: no further messages

_FURTHER = r"(?:more|further|additional|future|other|new)"
_STOPPED = at_word_start(
    rf"\b(?:no|zero|nothing)\s{_FURTHER}\s(?:\w+\s)?(?:{MSG_NOUN}|{PROMO_NOUN}|communications?"
    rf"|contact|replies|responses)\b"
    rf"|(?:\bnot|\b[a-z]{{1,6}}n't|\bnever)\s(?:be\s)?(?:receiving|receive|get|getting|be\ssent|sent|send(?:ing)?"
    rf"(?:\syou)?|text(?:ing)?\syou|contact(?:ing)?\syou|message\syou|be\scontacted|be\stexted"
    rf"|be\smessaged|hear\sfrom\sus)\b[^.!?;\n]{{0,40}}?(?:\bany\s?more\b|\bfurther\b"
    rf"|\badditional\b|\bfuture\b|\bagain\b|\bany\slonger\b|\bother\b|\bmore\b(?!\sthan))"
    rf"|\b(?:no|not)\slonger\s(?:be\s)?(?:receive|get|be\ssent|sent|be\scontacted|be\stexted"
    rf"|be\smessaged|hear\sfrom|receiving|getting|send\syou|text\syou|contact\syou)\b"
    rf"|\b(?:will|[a-z]+'ll|have|has|now)\s(?:now\s)?stop(?:ped)?\s(?:receiving|getting|sending)\b"
    rf"|\b(?:no|zero)\s{MSG_NOUN}\swill\sbe\ssent\b"
    rf"|\bthis\sis\s(?:the|your)\s(?:last|final)\s(?:{MSG_NOUN}|text)"
    rf"|\bwill\sreceive\sno\s{_FURTHER}?\s?{MSG_NOUN}"
)


def _stopped_ok(folded: Folded, m: re.Match[str]) -> bool:
    t = folded.text
    a, _ = sentence_window(t, m.start(), m.end(), 60)
    left = t[a : m.start()]
    # "Reply STOP to receive no further messages", "if you no longer wish to receive ..."
    return re.search(r"\b(?:to\s(?:receive|get)|if|want|wish|like|prefer)\s?$|\bif\b", left) is None


def _stopped(folded: Folded) -> Match | None:
    return first(folded, _STOPPED, _stopped_ok)


def find_no_further_messages(text: str) -> Match | None:
    """Opt-out reply says nothing more will be sent: "No further messages will be sent"."""
    return first_of(text, (_stopped,))
