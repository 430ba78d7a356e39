"""References to the privacy policy and the terms (rules.md R044, R045, R075): a policy URL, the
words ("Privacy Policy", "SMS Terms", "T&C"), link text, or - for privacy - the mobile
non-sharing promise itself (see `consentry.phrases.sharing`).
"""

from __future__ import annotations

import re

from consentry.phrases.contacts import _url_spans
from consentry.phrases.literals import Anchored, Gated
from consentry.phrases.normalize import Folded, Match
from consentry.phrases.scan import at_word_start, first, first_of
from consentry.phrases.sharing import (
    _no_sharing,
    find_no_sharing_statement,
    find_sharing_permission,
    find_sms_carve_out,
    find_sold_only_statement,
)

# The sharing detectors are re-exported: policies are where reviewers look for them.
__all__ = [
    "find_no_sharing_statement",
    "find_privacy_reference",
    "find_sharing_permission",
    "find_sms_carve_out",
    "find_sold_only_statement",
    "find_terms_reference",
]

# ------------------------------------------------------------------------------- references

_PRIVACY = Gated(
    at_word_start(
        r"\bprivacy[\s_-]?(?:policy|policies|pol\b\.?|notice|statement|practices|center|centre|page"
        r"|info(?:rmation)?|disclosure|terms|rights\snotice|charter|pledge|commitment|section)\b"
        r"|\bprivacypolicy\b|\bprivate\spolicy\b"
        r"|\bprivacy\s?(?:&|and|/|\|)\s?(?:cookies?|terms|data|security|legal)\b"
        r"|\b(?:terms|legal|cookies?|tos|t&cs?)\s?(?:&|and|/|\||-)\s?privacy\b"
        r"|\bdata\s(?:protection|privacy)\s(?:policy|notice|statement)\b"
        r"|\bprivacy\s?:\s?(?:https?://|www\.|see|view|read|visit|available|[a-z0-9\-]+\.[a-z]{2,})"
        r"|\bprivacy\s(?:at|here|@|link|url)\b|\b(?:see|view|read|review|visit|consult)\s(?:our\s"
        r"|the\s)?privacy\b"
    )
)
_TERMS = Anchored(
    at_word_start(
        r"\bterms?\s?(?:of\s)?(?:service|use|usage|sale)\b|\bterms?\s?(?:&|and|\+|n)\s?cond\w*"
        r"|\bconditions\sof\s(?:use|service)\b|\bt\s?&\s?cs?\b|\bt's\s?&\s?c's\b|\btandcs?\b"
        r"|\b(?:sms|text|texting|messaging|message|messages|mobile|program|campaign|full|complete|legal|service"
        r"|website|user|sms/mms|text\smessaging|mobile\sterms\sand)\s(?:terms|t&cs?)\b"
        r"|\bterms\s?(?:&|and|/|\||-)\s?privacy\b|\bprivacy(?:\spolicy)?\s?(?:&|and|/|\||-)\s?terms\b"
        r"|\bterms\s?:\s?(?:https?://|www\.|see|view|read|[a-z0-9\-]+\.[a-z]{2,})"
        r"|\bterms\s(?:at|here|link|url)\b|\b(?:see|view|read|review|visit)\s(?:our\s|the\s|full\s)"
        r"{0,2}terms\b|\buser\sagreement\b|\bsms\spolicy\b|\bmessaging\spolicy\b"
    )
)
_TOS_ACRONYM = Gated(re.compile(r"\b(?:TOS|ToS|TOU|EULA)\b"))
_PRIVACY_URL = re.compile(r"privac|datenschutz|/pp(?:[/.?#-]|$)|/gdpr|/ccpa|/data-protection")
_TERMS_URL = re.compile(
    r"(?<![a-z])(?:terms?|tos|tou|eula|tandc|t-and-c|t-c|tnc)(?![a-z])|termsof|termsand"
    r"|(?:terms?|t)[-_]?(?:and|&|n)[-_]?conditions|conditions[-_]of[-_](?:use|service|sale)"
    r"|/legal(?:[/.?#]|$)|/sms-?policy|/user-agreement"
)
# Link text that is only the word ("Privacy", "Terms"), as the site scanner reads it.
_PRIVACY_LINK_TEXT = re.compile(r"[\W_]*privacy(?:\s(?:center|centre|page|info|choices))?[\W_]*")
_TERMS_LINK_TEXT = re.compile(r"[\W_]*(?:terms|legal\sterms|terms\spage)[\W_]*")


def _url_with(folded: Folded, pattern: re.Pattern[str]) -> Match | None:
    for a, b in _url_spans(folded):
        if pattern.search(folded.text, a, b):
            return folded.match(a, b)
    return None


def _privacy_words(folded: Folded) -> Match | None:
    if _PRIVACY_LINK_TEXT.fullmatch(folded.text):
        return folded.match(0, len(folded.text))
    return first(folded, _PRIVACY)


def _privacy_url(folded: Folded) -> Match | None:
    return _url_with(folded, _PRIVACY_URL)


def _terms_words(folded: Folded) -> Match | None:
    if _TERMS_LINK_TEXT.fullmatch(folded.text):
        return folded.match(0, len(folded.text))
    return first(folded, _TERMS)


def _terms_url(folded: Folded) -> Match | None:
    return _url_with(folded, _TERMS_URL)


def _terms_acronym(folded: Folded) -> Match | None:
    m = _TOS_ACRONYM.search(folded.original)
    return Match(m.start(), m.end(), m.group()) if m else None


def find_privacy_reference(text: str) -> Match | None:
    """A privacy-policy URL, the words "privacy policy/notice/statement", or a no-sharing promise."""
    return first_of(text, (_privacy_words, _privacy_url, _no_sharing))


def find_terms_reference(text: str) -> Match | None:
    """A terms URL, "Terms of Service", "Terms & Conditions", "SMS Terms", "Terms of Use", "T&C"."""
    return first_of(text, (_terms_words, _terms_url, _terms_acronym))
