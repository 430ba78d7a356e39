"""What kind of messages the samples are, so rules can compare them with the declared use case
(rules.md R027, R084: DCA 602, Twilio 30893).

Each kind answers "would a reviewer call this message X?". The strong kinds (marketing, otp,
donation, political) make an ERROR when the use case does not cover them, so they must not fire on
look-alikes: an insurance discount on a bill, a restaurant's confirmation code, a blood-donation
appointment, a recruiter's "candidate". The weak kind `promotional` is only used to ask whether a
MARKETING campaign shows any promotional sample at all, so it may be generous.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from consentry.lint.patterns import lowercase_pattern
from consentry.phrases.literals import Anchored, Gated

__all__ = ["ContentProfile", "kinds_of", "profile_content"]


_rx = lowercase_pattern  # the text is lower-cased once per analysis


# Promotional signals: strong enough that an appointment reminder, a bill or an order update does
# not trip them ("your insurance discount was applied", "your new pricing", "your package just
# arrived", "the paperwork for your deal"). The bare word "marketing" is left out: it is in brand
# names ("Maple Marketing Group") and in opt-out replies ("unsubscribed from marketing texts").
_MARKETING = Anchored(
    _rx(
        r"(?<![\w.])\d{1,3}\s?% (?:off|discount)\b|\$\d+(?:\.\d\d)? (?:off|discount)\b"
        r"|\bsave (?:up to |an extra )?(?:\d{1,3}\s?%|\$\d+)|\b(?:bogo|buy one,? get one)\b"
        r"|\bbuy (?:one|two|three|\d),? get (?:one|two|\d) (?:free|half off)\b"
        r"|\bhalf[- ](?:off|price)\b|\b(?:2|two)[- ]for[- ](?:1|one)\b"
        r"|\b(?:flash|big|holiday|summer|spring|winter|fall|clearance|annual|black friday|cyber monday"
        r"|semi-annual|end[- ]of[- ]season|warehouse|labor day|memorial day|weekend) sales?\b"
        r"|\bon sale\b|\bsale (?:ends|starts|is on)\b"
        r"|\bpromos?\b|\bpromo codes?\b|\bpromotions\b|\bpromotional\b"
        r"|\b(?:this|our|limited|special|holiday|current|new|seasonal) promotion\b"
        r"|\bcoupons\b|\bcoupon codes?\b"
        r"|\b(?:a|this|your|digital|printable|exclusive|special) coupon\b(?! (?:was|has been|is) (?:applied|redeemed))"
        r"|\bdiscount codes?\b"
        r"|\b(?:exclusive|special|member|vip|limited[- ]time|extra) discounts?\b"
        r"|\bdeals\b(?! with)|\bdeal of the (?:day|week)\b"
        r"|\b(?:great|best|hot|big|sweet|amazing|exclusive|special) deal\b"
        r"|\b(?:special|exclusive|limited[- ]time|today'?s|weekly|member|seasonal|holiday) (?:offers?"
        r"|deals?|specials?|pricing|promotions?)\b|\bnew (?:offers?|deals?|promotions?|specials)\b"
        r"|\bshop (?:now|today|our)\b|\buse code\b(?!:?\s*\[?(?:\d{4,8}|code|otp)\]?(?:\s|$|[.,]))"
        r"|\bfree (?:gift|shipping|trial|dessert|appetizer|consultation) (?:with|on|when)\b"
        r"|\bhappy hour\b|\bdon'?t miss (?:out|our)\b|\bnew arrivals?\b|\bjust (?:dropped|landed)\b"
        r"|\bgrand opening\b|\b(?:book|order|buy|shop|call) (?:now|today) (?:and|to) (?:save|get)\b"
        r"|\bspecials?\b(?= this| today| on|:)|\blimited time only\b|\bwhile supplies last\b"
        r"|\b(?:this week'?s|today'?s|tonight'?s|weekend|daily|weekly|lunch|dinner|chef'?s) specials?\b"
        r"|\brefer a friend\b"
    )
)
# Anything that reads like an invitation to buy, visit or come back: only used to check that a
# MARKETING campaign shows at least one such sample (USE006), where a miss costs a false warning.
_PROMOTIONAL = Anchored(
    _rx(
        r"\b(?:come (?:in|by|see us|visit|try|join|celebrate)|visit us|stop by|join us|check out"
        r"|try (?:our|the|a) |new (?:menu|items?|products?|collection|flavou?rs?|services?|location"
        r"|season|dishes)|now (?:open|available|offering|booking|serving)|book (?:now|today|online"
        r"|your next)|schedule your next|order (?:now|today|online)|reserve your|open house|tasting"
        r"|sale|refer a friend|gift cards?|free|newsletter|events?|announc\w*|launch\w*|introduc\w*"
        r"|it'?s been \w+ (?:months?|weeks?|years?) since|due for (?:a|an|your)|we miss you"
        r"|last chance|hurry|limited (?:time|spots|availability|seats|edition)|exclusive|members? only"
        r"|vip|rewards?|loyalty|upgrade|save|offers?|specials?|show this (?:text|message)"
        r"|(?:only|just) \$\d+)\b"
    )
)
# One-time passcodes. A code for a door, a locker, a reservation or an order is not 2FA: those
# qualifiers, in the hit or just before it, veto it.
_OTP = Gated(
    _rx(
        r"\b(?:verification|security|login|log-in|log in|sign[- ]in|one[- ]time|authentication|auth"
        r"|2fa|mfa) (?:pass)?(?:code|pin)\b"
        r"|\b(?:otp|passcode|one[- ]time password)\b"
        r"|\bcode(?: is)?:?\s*\[?(?:\d{4,8}|code|otp)\]?.{0,40}\b(?:expires?|valid for|do not share"
        r"|don'?t share)"
        r"|\byour (?:one[- ]time )?code is:?\s*(?:\[?\d{4,8}\b|\[(?:code|otp|\w+ code)\])"
        r"|\b(?:use|enter)\s+(?:code\s+)?\[?\d{4,8}\]?\s+(?:to|as your)\s+(?:log ?in|sign ?in|verify"
        r"|confirm your (?:identity|account|phone|number|email|login)|complete (?:your )?(?:log ?in"
        r"|sign ?in|verification)|reset your password)"
        r"|\b\[?\d{4,8}\]? is your (?:[\w-]+ ){0,3}(?:code|pin|passcode)\b"
    )
)
_NOT_OTP = _rx(
    r"\b(?:gate|door|entry|lockbox|locker|garage|alarm|keypad|building|wi-?fi|parking|pick-?up"
    r"|confirmation|reservation|booking|order|tracking|promo|discount|coupon|gift|reference|ticket"
    r"|referral|member(?:ship)?|check-?in|unit|room|lock)\b"
)
_WARNING = Gated(
    _rx(
        r"\b(?:never|not|won'?t|don'?t|no one|nobody)\b.{0,30}\b(?:ask|request|share|give|send|call"
        r"|text|email|need)"
    )
)
# Asking for money. Blood, plasma and platelet "donations" are appointments, and a thank-you for a
# past gift is a receipt: neither is a donation request.
_DONATION = Gated(
    _rx(
        r"\bdonate\b|\bdonating (?:now|today|online|to)\b"
        r"|\bmake a (?:\$?\d+ |tax[- ]deductible |one[- ]time |monthly |recurring |year[- ]end )?"
        r"(?:donation|gift|contribution)\b"
        r"|\b(?:your|a) (?:\$?\d+ |tax[- ]deductible |one[- ]time |monthly |year[- ]end )?"
        r"(?:donation|gift|contribution) (?:today|now|will (?:help|provide|feed|support|be matched)"
        r"|can (?:help|provide|feed)|(?:is|will be) (?:matched|doubled))\b"
        r"|\bgive (?:today|now|generously|what you can|\$\d+)\b|\bchip in\b|\bgiving tuesday\b"
        r"|\bfundrais(?:er|ing)\b|\bcontribut(?:e|ions?) (?:today|now|of \$)"
        r"|\bpledge (?:today|now|\$|your support|to give)\b|\bmake a pledge\b"
        r"|\bdonations? (?:are|is) (?:needed|welcome|appreciated|accepted)\b|\baccepting donations\b"
    )
)
_NOT_DONATION = Gated(_rx(r"\b(?:blood|plasma|platelets?|marrow|organ|cord blood)\b"))
# Electioneering, not civic information: a county's "your mail ballot was received" or a bakery's
# "vote for our next flavor" are not political, and neither is a job "candidate".
_POLITICAL = Gated(
    _rx(
        r"\bpaid for by\b|\bvote (?:yes|no) on\b|\bre-?elect\b|\bcampaign to elect\b"
        r"|\bvote (?:for|against)\b[^.!?\n]{0,60}\b(?:congress|senate|senator|governor|mayor|council"
        r"|commission(?:er)?|sheriff|judge|school board|president|representative|assembly|district"
        r"|state house|prop(?:osition)? \w+|measure \w+|amendment \w+)\b"
        r"|\b(?:democratic|republican) (?:party|candidate|nominee|primary|ticket)\b"
    )
)
_POLITICAL_CASED = Gated(re.compile(r"\bPAC\b(?![-\d])|\b(?:GOTV|DNC|RNC|GOP)\b"))
_OPT_IN_CONFIRM = Gated(
    _rx(
        r"(?:\byou(?:'re| are| have|'ve| ve)? (?:now |been |successfully |all )*(?:subscribed"
        r"|opted[- ]in|enrolled|signed up|registered)|\bthanks? (?:you )?for (?:subscribing"
        r"|opting in|signing up|joining|enrolling)|\bwelcome to)\b"
    )
)
# What an opt-in confirmation enrols people in: texts, not a yoga class or paperless billing.
_PROGRAM = Gated(
    _rx(
        r"\b(?:alerts?|texts?|text messages|sms|messages|msgs|notifications|reminders|updates|offers"
        r"|deals|program|list|club)\b"
    )
)
_DISCLOSURE = Gated(
    _rx(
        r"\b(?:msg|message|data)s? ?(?:&|and|/) ?(?:data )?rates\b|\brates may apply\b|\bfreq(?:uency)?\b"
    )
)
_OPT_OUT_CONFIRM = Gated(
    _rx(
        r"\byou(?:'re| are| have|'ve| ve)? (?:now |been |successfully )*(?:unsubscribed|opted[- ]out)\b"
        r"|\bremoved from (?:our |the |this |all )?(?:[\w-]+ )?\b(?:list|texts?|sms|messages"
        r"|alerts|notifications|program)\b|\bno (?:further|more) (?:messages|texts|msgs|alerts)\b"
    )
)
_TEST = Gated(
    _rx(
        r"\btest(?:ing)? (?:message|msg|text|sms)\b|\bthis is a test\b|\blorem ipsum\b|\bsample message \d\b"
    )
)
# A whole message that is only a greeting or "test": a pattern of its own, tried at the start only
# (inside the one above, every position of every sample paid for it).
_TEST_ONLY = _rx(r"\s*(?:test|hello|hi)\s*\d*\s*[.!]?\s*$")


@dataclass(frozen=True, slots=True)
class ContentProfile:
    """Kinds found in each sample, in order."""

    kinds: tuple[frozenset[str], ...]

    def any(self, kind: str) -> bool:
        return any(kind in k for k in self.kinds)

    def indexes(self, kind: str) -> list[int]:
        return [i for i, k in enumerate(self.kinds) if kind in k]

    @property
    def only_confirmations(self) -> bool:
        return bool(self.kinds) and all(
            k & {"opt_in_confirmation", "opt_out_confirmation"} for k in self.kinds
        )


def _is_otp(text: str) -> bool:
    for m in _OTP.finditer(text):
        if _NOT_OTP.search(text, max(0, m.start() - 16), m.end()):
            continue
        # "We will never ask for your verification code" is an anti-phishing warning, not a code.
        start = max((text.rfind(c, 0, m.start()) for c in ".!?\n"), default=-1) + 1
        if _WARNING.search(text, start, m.start()):
            continue
        return True
    return False


def _is_opt_in_confirmation(text: str) -> bool:
    """An enrolment in texts that also carries the confirmation's disclosures. "Thanks for opting
    in to SMS notifications. I just saved a time for you on Thursday..." is a real message that
    starts politely, not an opt-in confirmation."""
    m = _OPT_IN_CONFIRM.search(text)
    if m is None:
        return False
    return bool(_PROGRAM.search(text, m.end(), m.end() + 50) and _DISCLOSURE.search(text))


def kinds_of(text: str) -> frozenset[str]:
    """Classify one message: marketing, promotional, otp, donation, political, confirmations,
    test. Every marketing message is also promotional."""
    kinds: set[str] = set()
    cased, text = text, text.lower()
    if _MARKETING.search(text):
        kinds.update(("marketing", "promotional"))
    elif _PROMOTIONAL.search(text):
        kinds.add("promotional")
    if _is_otp(text):
        kinds.add("otp")
    if _DONATION.search(text) and not _NOT_DONATION.search(text):
        kinds.add("donation")
    if _POLITICAL.search(text) or _POLITICAL_CASED.search(cased):
        kinds.add("political")
    if _is_opt_in_confirmation(text):
        kinds.add("opt_in_confirmation")
    if _OPT_OUT_CONFIRM.search(text):
        kinds.add("opt_out_confirmation")
    if _TEST.search(text) or _TEST_ONLY.match(text):
        kinds.add("test")
    return frozenset(kinds)


def profile_content(samples: Sequence[str]) -> ContentProfile:
    return ContentProfile(tuple(kinds_of(s) for s in samples))
