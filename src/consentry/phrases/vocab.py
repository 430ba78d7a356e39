"""Regex fragments for the words carrier reviewers look for, in folded (lowercase) text.

Fragments are plain alternations with bounded repetition only, so the patterns built from them
cannot backtrack catastrophically.
"""

from __future__ import annotations

import re

__all__ = [
    "DATA_WORD",
    "MSG_NOUN",
    "NEG",
    "NEG_SEARCH",
    "NUMBER_WORD",
    "PERIOD",
    "PER_EVENT",
    "PROMO_NOUN",
    "SMS_WORD",
    "words",
]

# A text message, however people abbreviate it ("msgs", "txts", "SMSes", "text alerts").
MSG_NOUN = (
    r"(?:msgs?|mesgs?|messages?|txts?|texts?|sms(?:es|s)?|mms|alerts?|notifications?|notifs?"
    r"|reminders?|updates?|notices?)"
)

# Message-like things a program sends that also state a frequency ("weekly offers").
PROMO_NOUN = (
    r"(?:offers?|deals?|promos?|promotions?|coupons?|specials|tips|newsletters?|discounts?"
    r"|digests?|reports?|recaps?|bulletins?|announcements?|messages?\sand\s\w+)"
)

# Words that make a message an SMS/text one (used in frequency/rates subjects).
SMS_WORD = r"(?:sms|mms|text(?:ing)?|txt|msg|msging|messaging|message|mobile)"

# A count: digits or words ("up to four", "1-2", "a couple of").
NUMBER_WORD = (
    r"(?:\d{1,3}(?:\s?(?:-|to|or)\s?\d{1,3})?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|fifteen|twenty|thirty|a\sfew|a\scouple(?:\sof)?|several|single|an?)"
)

# A calendar period, spelled out or abbreviated ("mo", "wk", "mth").
PERIOD = (
    r"(?:days?|daily|weeks?|wks?|weekly|months?|mos?|mths?|monthly|years?|yrs?|annually"
    r"|quarters?|qtrs?|hours?|hrs?|weekdays?|weekends?|week\sday)"
)

# The event a one-per-event program is tied to ("1 msg per request").
PER_EVENT = (
    r"(?:requests?|appointments?|appts?|orders?|purchases?|transactions?|log-?ins?|sign-?ins?"
    r"|visits?|bookings?|reservations?|verifications?|verification\sattempts?|sessions?"
    r"|inquir(?:y|ies)|enquir(?:y|ies)|events?|shipments?|deliver(?:y|ies)|payments?|bills?"
    r"|invoices?|rides?|trips?|replies|reply|interactions?|conversations?|user\srequests?"
    r"|account\s(?:events?|activit(?:y|ies)|alerts?|changes?)|service\scalls?|jobs?|claims?"
    r"|tickets?|cases?|opt-?ins?|sign-?ups?|enrollments?|stays?|classes|class|lessons?"
    r"|prescriptions?|refills?|pickups?|pick-ups?|applications?|donations?|registrations?)"
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
