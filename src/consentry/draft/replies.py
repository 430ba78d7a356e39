"""The opt-in, opt-out and HELP replies, fitted into one SMS segment when the name allows.

Each reply has variants from fullest to barest; every variant keeps what carriers require (brand,
HELP/STOP, frequency, rates, a support contact, 'no further messages'). The first variant that fits
one segment wins; a name too long for any of them gets the barest one and a warning.
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers

from consentry.draft.validate import frequency_phrase
from consentry.segments import SegmentCount, count_segments

__all__ = ["MAX_REPLY", "Reply", "build_replies", "display_phone"]

MAX_REPLY = 320  # TCR's limit for the three replies


@dataclass(frozen=True, slots=True)
class Reply:
    name: str  # "opt-in", "opt-out", "help"
    keywords: tuple[str, ...]
    text: str
    count: SegmentCount
    shortened: bool  # optional sentences were dropped to fit

    @property
    def warning(self) -> str | None:
        if self.count.segments <= 1:
            return None
        per = "160 GSM-7 characters" if self.count.encoding == "GSM-7" else "70 UCS-2 characters"
        return (
            f"This reply runs to {self.count.segments} segments (one segment holds {per}); "
            "each is billed. A shorter business name in texts would fit it in one."
        )


def display_phone(e164: str) -> str:
    number = phonenumbers.parse(e164, "US")
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))


def _program(shorts: list[str], marketing: bool) -> tuple[str, ...]:
    """How the confirmation names the program, fullest first; marketing is always named."""
    plain = [s for s in shorts if s != "marketing"]
    full = ", ".join(plain[:-1]) + (" and " if len(plain) > 1 else "") + plain[-1] if plain else ""
    if marketing:  # first: "staff notice and marketing" reads as negated ("no...") to detectors
        return (
            f"marketing and {full}" if full else "marketing",
            "marketing and other" if plain else "marketing",
        )
    return (full, "our") if len(plain) > 1 else (full,)


def _fit(name: str, keywords: tuple[str, ...], variants: list[str]) -> Reply:
    fits = [t for t in variants if len(t) <= MAX_REPLY]
    for i, text in enumerate(fits):
        count = count_segments(text)
        if count.segments == 1:
            return Reply(name, keywords, text, count, shortened=i > 0)
    best = min(fits or variants, key=lambda t: (count_segments(t).segments, len(t)))
    return Reply(name, keywords, best, count_segments(best), shortened=best != variants[0])


def build_replies(
    *,
    sms_name: str,
    shorts: list[str],
    marketing: bool,
    frequency: str,
    phone: str,
    email: str,
    opt_in_keywords: tuple[str, ...],
) -> tuple[Reply, Reply, Reply]:
    """(opt-in confirmation, opt-out reply, HELP reply)."""
    freq, freq_short = frequency_phrase(frequency), frequency_phrase(frequency, short=True)
    rates, stop_help = "Msg & data rates may apply.", "Reply HELP for help, STOP to cancel."
    opt_in = []
    for program in _program(shorts, marketing):
        opt_in += [
            f"{sms_name}: You're subscribed to {program} texts. {freq}. {rates} {stop_help}",
            f"{sms_name}: You're subscribed to {program} texts. {freq_short}. {rates} {stop_help}",
        ]
    opt_in.append(
        f"{sms_name}: You're subscribed. {freq_short}. Msg&data rates may apply. Reply HELP for help, STOP to end."
    )
    if marketing:  # the barest form must still say marketing (CFM007)
        opt_in[-1] = opt_in[-1].replace(
            "You're subscribed.", "You're subscribed to marketing texts."
        )
    tel = display_phone(phone)
    opt_out = [
        f"{sms_name}: You have been unsubscribed and will receive no further messages. Reply START to opt back in.",
        f"{sms_name}: You have been unsubscribed and will receive no further messages.",
        f"{sms_name}: You're unsubscribed. No more messages will be sent.",
        f"{sms_name}: Unsubscribed. No more messages will be sent.",
    ]
    help_ = [
        f"{sms_name}: For help call {tel} or email {email}. {rates} Reply STOP to cancel.",
        f"{sms_name}: For help call {tel} or email {email}. Reply STOP to cancel.",
        f"{sms_name}: For help call {tel}. {rates} Reply STOP to cancel.",
        f"{sms_name}: For help call {tel} or email {email}.",
        f"{sms_name}: For help call {tel}. Reply STOP to cancel.",
        f"{sms_name}: For help call {tel}.",
    ]
    return (
        _fit("opt-in", opt_in_keywords, opt_in),
        _fit(
            "opt-out",
            ("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"),
            opt_out,
        ),
        _fit("help", ("HELP", "INFO"), help_),
    )
