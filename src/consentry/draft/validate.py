"""One check per kind of answer, shared by the answers file and the terminal questions.

Each check takes the raw text the owner gave and returns the cleaned value, or raises
`ValueError` with a short message that says what to write instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import phonenumbers

from consentry.campaign.fields import STOCK_EXCHANGES, VERTICALS
from consentry.draft.vocab import ENTITY_WORDS, MESSAGE_KINDS_BY_ID
from consentry.phrases import FREE_MAIL_DOMAINS, registrable_domain, url_host

__all__ = [
    "Check",
    "check_bool",
    "check_ein",
    "check_email",
    "check_entity",
    "check_frequency",
    "check_keyword",
    "check_kinds",
    "check_name",
    "check_phone",
    "check_postal_code",
    "check_recipients",
    "check_state",
    "check_stock_exchange",
    "check_street",
    "check_text",
    "check_url",
    "check_vertical",
    "frequency_phrase",
    "is_free_mail",
    "same_site",
]

Check = Callable[[str], object]

_TRUE = {"true", "yes", "y", "on", "1"}
_FALSE = {"false", "no", "n", "off", "0", "none"}
# fmt: off
_STATES = frozenset((
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY", "PR", "VI", "GU", "AS", "MP",
))
# fmt: on
# IRS campus prefixes that are never assigned (the linter refuses them too, BRD005).
_BAD_EIN_PREFIX = frozenset(
    f"{n:02d}" for n in (0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97)
)
_PO_BOX = re.compile(
    r"\b(?:p\.?\s?o\.?\s?box|post office box|pmb\b|private mailbox|box\s+\d+$)", re.IGNORECASE
)
_EMAIL = re.compile(
    r"^[^@\s<>()\[\],;:\"']+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,}$", re.I
)
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$", re.I)
_RESERVED_WORDS = {
    "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "HELP", "INFO",
}  # fmt: skip
_FREQUENCY = re.compile(
    r"^(?:(?P<varies>varies|it varies|varied|variable)"
    r"|(?:up to |at most |max(?:imum)? )?(?P<n>\d{1,3})\s*(?:msgs?|messages|texts)?\s*(?:per|a|/)\s*"
    r"(?P<unit>day|week|month))$",
    re.IGNORECASE,
)


def _clean(raw: str) -> str:
    return " ".join(unicodedata.normalize("NFC", raw).split())


def check_text(max_len: int, *, min_len: int = 1) -> Callable[[str], str]:
    def check(raw: str) -> str:
        text = _clean(raw)
        if not text:
            raise ValueError("this answer is empty")
        if len(text) < min_len:
            raise ValueError(f"say a little more (at least {min_len} characters)")
        if len(text) > max_len:
            raise ValueError(f"keep it under {max_len} characters (it has {len(text)})")
        if any(unicodedata.category(c) == "Cc" for c in text):
            raise ValueError("remove the control characters")
        return text

    return check


def check_name(raw: str) -> str:
    """A business name: it appears in every text, so it must be short and real."""
    name = check_text(100)(raw)
    if not any(c.isalpha() for c in name):
        raise ValueError("a business name needs letters")
    if re.search(r"[\[\]{}<>]|\((?:company|brand|business)", name, re.IGNORECASE):
        raise ValueError("write the real business name, not a template blank")
    return name


def check_bool(raw: str) -> bool:
    word = raw.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(f"answer yes or no, not {raw.strip()[:30]!r}")


def check_entity(raw: str) -> str:
    word = _clean(raw).lower().replace("_", " ")
    if word.upper().replace(" ", "_") in ENTITY_WORDS.values():
        return word.upper().replace(" ", "_")
    if word in ENTITY_WORDS:
        return ENTITY_WORDS[word]
    raise ValueError(
        "say private company, public company, non-profit, government or sole proprietor"
    )


def check_ein(raw: str) -> str:
    digits = re.sub(r"[\s-]", "", raw)
    if not re.fullmatch(r"\d{9}", digits):
        raise ValueError("an EIN is 9 digits, like 12-3456789")
    if digits[:2] in _BAD_EIN_PREFIX:
        raise ValueError(f"no EIN starts with {digits[:2]}; copy it from your IRS letter")
    return f"{digits[:2]}-{digits[2:]}"


def check_stock_exchange(raw: str) -> str:
    value = raw.strip().upper()
    if value not in STOCK_EXCHANGES or value == "NONE":
        raise ValueError(f"use one of {', '.join(s for s in STOCK_EXCHANGES if s != 'NONE')}")
    return value


def check_vertical(raw: str) -> str:
    value = raw.strip().upper().replace(" ", "_").replace("-", "_")
    if value not in VERTICALS:
        raise ValueError(f"use one of {', '.join(VERTICALS)}")
    return value


def check_url(raw: str) -> str:
    url = raw.strip()
    if not url:
        raise ValueError("this answer is empty")
    if "://" not in url:
        url = "https://" + url
    scheme, _, rest = url.partition("://")
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].lower()
    if scheme.lower() not in ("http", "https") or not _HOST.match(host) or " " in url:
        raise ValueError(f"{raw.strip()[:60]!r} is not a web address like https://www.example.com")
    return f"{scheme.lower()}://{host}{rest[len(host) :]}"


def same_site(url: str, website: str) -> bool:
    a, b = url_host(url), url_host(website)
    return bool(a and b and registrable_domain(a) == registrable_domain(b))


def check_email(raw: str) -> str:
    email = raw.strip()
    if not _EMAIL.match(email):
        raise ValueError(f"{email[:60]!r} is not an email address")
    return email


def is_free_mail(email: str) -> bool:
    return email.rsplit("@", 1)[-1].lower() in FREE_MAIL_DOMAINS


def check_phone(raw: str) -> str:
    """A US phone number, returned in E.164."""
    try:
        number = phonenumbers.parse(raw.strip()[:40], "US")
    except phonenumbers.NumberParseException:
        raise ValueError(f"{raw.strip()[:40]!r} is not a phone number") from None
    if not phonenumbers.is_valid_number(number) or number.country_code != 1:
        raise ValueError(f"{raw.strip()[:40]!r} is not a valid US phone number")
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def check_street(raw: str) -> str:
    street = check_text(100)(raw)
    if _PO_BOX.search(street):
        raise ValueError("reviewers need your physical address, not a PO box or mailbox")
    return street


def check_state(raw: str) -> str:
    state = raw.strip().upper()
    if state not in _STATES:
        raise ValueError("use the two-letter state code, like TX")
    return state


def check_postal_code(raw: str) -> str:
    code = raw.strip()
    if not re.fullmatch(r"\d{5}(?:-\d{4})?", code):
        raise ValueError("a ZIP code is 5 digits, like 78704")
    return code


def check_recipients(raw: str) -> str:
    """What the business calls the people it texts: 'tenants', 'patients', 'customers'."""
    text = _clean(raw).lower()
    if not re.fullmatch(r"[a-z][a-z' -]{1,39}", text) or len(text.split()) > 4:
        raise ValueError("one to four plain words, like customers, patients or tenants")
    return text


def check_kinds(raw: str) -> str:
    word = re.sub(r"[\s-]+", "_", raw.strip().lower())
    if word not in MESSAGE_KINDS_BY_ID:
        raise ValueError(f"use one of {', '.join(MESSAGE_KINDS_BY_ID)}")
    return word


def check_keyword(raw: str) -> str:
    word = raw.strip().upper()
    if not re.fullmatch(r"[A-Z][A-Z0-9]{1,19}", word):
        raise ValueError("a keyword is one word of 2-20 letters or digits, like JOIN")
    if word in _RESERVED_WORDS:
        raise ValueError(f"{word} is reserved for opt-out and help; pick another word")
    return word


def check_frequency(raw: str) -> str:
    text = _clean(raw).lower()
    m = _FREQUENCY.match(text)
    if m is None:
        raise ValueError("say 'varies', or a most like 'up to 4 per month'")
    if m.group("varies"):
        return "varies"
    n = int(m.group("n"))
    if not 1 <= n <= 100:
        raise ValueError("give a number from 1 to 100")
    return f"up to {n} per {m.group('unit').lower()}"


def frequency_phrase(frequency: str, *, short: bool = False) -> str:
    """The disclosure reviewers look for: 'Msg frequency varies' or 'Up to 4 msgs/month'."""
    if frequency == "varies":
        return "Msg freq varies" if short else "Msg frequency varies"
    m = re.fullmatch(r"up to (\d+) per (\w+)", frequency)
    if m is None:  # pragma: no cover - check_frequency only returns the two forms
        raise ValueError(frequency)
    unit = {"day": "day", "week": "wk", "month": "mo"}[m.group(2)] if short else m.group(2)
    return f"Up to {m.group(1)} msgs/{unit}"
