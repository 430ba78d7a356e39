"""Regex fragments for the words carrier reviewers look for, in folded (lowercase) text.

Fragments are plain alternations with bounded repetition only, so the patterns built from them
cannot backtrack catastrophically.
"""

from __future__ import annotations

import re
from typing import TypeAlias

__all__ = [
    "DATA_WORD",
    "MSG_NOUN",
    "NEG",
    "NEG_SEARCH",
    "NUMBER_WORD",
    "PERIOD",
    "PER_EVENT",
    "PROMO_NOUN",
    "trie",
    "words",
]

_Node: TypeAlias = dict[str, "_Node"]


def trie(text: str, *, guard: bool = True) -> str:
    """A regex matching exactly the whitespace-separated words of `text` ("_" stands for a
    space), built as a prefix tree behind a first-letter guard: the engine then decides with
    one or two tests per position instead of trying every word in turn.

    Without the guard, a pattern that STARTS with the tree lets the engine skip ahead at C speed
    to the next possible first letter (best for a whole-text keyword scan)."""
    tree: _Node = {}
    for word in text.split():
        node = tree
        for ch in word.replace("_", " "):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: _Node) -> str:
        branches = [
            (r"\s" if ch == " " else re.escape(ch)) + build(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    first = "".join(sorted(re.escape(k) for k in tree))
    return f"(?=[{first}])(?:{build(tree)})" if guard else f"(?:{build(tree)})"


# A text message, however people abbreviate it ("msgs", "txts", "SMSes", "text alerts").
MSG_NOUN = trie(
    """msg msgs mesg mesgs message messages txt txts text texts sms smses smss mms alert alerts
    notification notifications notif notifs reminder reminders update updates notice notices"""
)

# Message-like things a program sends that also state a frequency ("weekly offers").
PROMO_NOUN = trie(
    """offer offers deal deals promo promos promotion promotions coupon coupons specials tips
    newsletter newsletters discount discounts digest digests report reports recap recaps
    bulletin bulletins announcement announcements"""
)


# A count: digits or words ("up to four", "1-2", "a couple of").
NUMBER_WORD = (
    r"(?:\d{1,3}(?:\s?(?:-|to|or)\s?\d{1,3})?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|fifteen|twenty|thirty|a\sfew|a\scouple(?:\sof)?|several|single|an?)"
)

# A calendar period, spelled out or abbreviated ("mo", "wk", "mth").
PERIOD = trie(
    """day days daily week weeks wk wks weekly month months mo mos mth mths monthly year years yr
    yrs annually quarter quarters qtr qtrs hour hours hr hrs weekday weekdays weekend weekends
    week_day"""
)

# The event a one-per-event program is tied to ("1 msg per request").
PER_EVENT = trie(
    """request requests appointment appointments appt appts order orders purchase purchases
    transaction transactions login logins log-in log-ins signin signins sign-in sign-ins visit
    visits booking bookings reservation reservations verification verifications
    verification_attempt verification_attempts session sessions inquiry inquiries enquiry
    enquiries event events shipment shipments delivery deliveries payment payments bill bills
    invoice invoices ride rides trip trips reply replies interaction interactions conversation
    conversations user_request user_requests account_event account_events account_activity
    account_activities account_alert account_alerts account_change account_changes
    service_call service_calls job jobs claim claims ticket tickets case cases optin optins
    opt-in opt-ins signup signups sign-up sign-ups enrollment enrollments stay stays class
    classes lesson lessons prescription prescriptions refill refills pickup pickups pick-up
    pick-ups application applications donation donations registration registrations
    billing_cycle billing_cycles billing_period billing_periods cycle cycles statement statements"""
)

# Negation words, including contractions with and without the apostrophe.
NEG = (
    r"(?:\bnot\b|\bnever\b|n't\b|\bno\b|\bnor\b|\bcannot\b|\bdont\b|\bdoesnt\b|\bwont\b"
    r"|\bcant\b|\bisnt\b|\barent\b|\bwouldnt\b|\bshouldnt\b|\bdidnt\b|\bwithout\b)"
)
NEG_SEARCH = re.compile(NEG)

# Personal data nouns (the object of sharing/selling clauses).
DATA_WORD = (
    r"(?:information|info|data|(?:phone|mobile|cell|telephone|contact)\s(?:numbers?|#)|numbers?"
    r"|details|pii|consent|opt-?ins?|contacts?|lists?|records|emails?|e-mail\saddresses"
    r"|addresses|profiles?|leads?)"
)


def words(text: str) -> frozenset[str]:
    """A set of whitespace-separated words (keeps long word lists readable)."""
    return frozenset(text.split())
