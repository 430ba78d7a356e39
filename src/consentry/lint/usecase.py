"""What kind of messages the samples are, so rules can compare them with the declared use case
(rules.md R027, R084: DCA 602, Twilio 30893)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["ContentProfile", "kinds_of", "profile_content"]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Promotional signals: strong enough that an appointment reminder or order update does not trip them.
_MARKETING = _rx(
    r"\b\d{1,3}\s?% off\b|\$\d+(?:\.\d\d)? off\b|\bsave (?:up to )?(?:\d{1,3}\s?%|\$\d+)|\b(?:bogo|buy one,? get one)\b"
    r"|\b(?:flash|big|holiday|summer|spring|winter|fall|clearance|annual|black friday|cyber monday|semi-annual) sales?\b"
    r"|\bpromo(?:tion(?:al)?)?(?: code)?s?\b|\bcoupons?\b|\bdiscount(?:s|ed)?\b|\bdeals?\b(?! with)"
    r"|\b(?:special|exclusive|limited[- ]time|new|today'?s|weekly|member) (?:offers?|deals?|specials?|pricing|promotions?)\b"
    r"|\bshop (?:now|today|our)\b|\buse code\b|\bfree (?:gift|shipping|trial|dessert|appetizer|consultation) (?:with|on|when)\b"
    r"|\bhappy hour\b|\bdon'?t miss (?:out|our)\b|\bnew arrivals?\b|\bjust (?:dropped|arrived)\b|\bgrand opening\b"
    r"|\b(?:book|order|buy|shop|call) (?:now|today) (?:and|to) (?:save|get)\b|\bspecials?\b(?= this| today| on|:)"
    r"|\bmarketing\b|\bpromotional\b"
)
_OTP = _rx(
    r"\b(?:verification|security|login|log-in|sign[- ]in|one[- ]time|authentication|auth|access|2fa|mfa) (?:pass)?(?:code|pin)\b"
    r"|\b(?:otp|passcode|one[- ]time password)\b|\bcode(?: is)?:?\s*\[?(?:\d{4,8}|code|otp)\]?.{0,40}\b(?:expires?|valid for|do not share|don'?t share)"
    r"|\byour (?:\w+ )?code is:?\s*\[?\d{4,8}\b"
)
_DONATION = _rx(
    r"\bdonat(?:e|es|ed|ing|ion|ions)\b|\bgive today\b|\bchip in\b|\bcontribut(?:e|ion)s? (?:today|now|of \$)|\bgiving tuesday\b|\bpledge\b|\bfundrais"
)
_POLITICAL = _rx(
    r"\bvote (?:for|yes|no|on)\b|\b(?:election|primary) day\b|\bcandidate\b|\bballot\b|\bpolling place\b|\bpaid for by\b|\bcongress(?:man|woman)?\b|\bsenator\b|\bPAC\b"
)
_OPT_IN_CONFIRM = _rx(
    r"\b(?:you(?:'re| are| have| ve)? (?:now |been |successfully )*(?:subscribed|opted[- ]in|enrolled|signed up))\b|\bthanks? (?:you )?for (?:subscribing|opting in|signing up|joining)\b|\bwelcome to\b.{0,40}\b(?:alerts|texts|sms|messages)"
)
_OPT_OUT_CONFIRM = _rx(
    r"\b(?:you(?:'re| are| have| ve)? (?:now |been |successfully )*(?:unsubscribed|opted[- ]out|removed))\b|\bno (?:further|more) (?:messages|texts)\b"
)
_TEST = _rx(r"\btest(?:ing)? (?:message|msg|text|sms)\b|\bthis is a test\b|\blorem ipsum\b|\bsample message \d\b|^\s*(?:test|hello|hi)\s*\d*\s*[.!]?\s*$")


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
        return bool(self.kinds) and all(k & {"opt_in_confirmation", "opt_out_confirmation"} for k in self.kinds)


def kinds_of(text: str) -> frozenset[str]:
    """Classify one message: marketing, otp, donation, political, confirmations, test."""
    kinds = set()
    if _MARKETING.search(text):
        kinds.add("marketing")
    if _OTP.search(text):
        kinds.add("otp")
    if _DONATION.search(text):
        kinds.add("donation")
    if _POLITICAL.search(text):
        kinds.add("political")
    if _OPT_IN_CONFIRM.search(text):
        kinds.add("opt_in_confirmation")
    if _OPT_OUT_CONFIRM.search(text):
        kinds.add("opt_out_confirmation")
    if _TEST.search(text):
        kinds.add("test")
    return frozenset(kinds)


def profile_content(samples: Sequence[str]) -> ContentProfile:
    return ContentProfile(tuple(kinds_of(s) for s in samples))
