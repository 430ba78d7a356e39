"""Every detector: never raises, offsets always valid, linear on 100 KB of adversarial text."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consentry import phrases
from consentry.phrases import Match

MAPLE = phrases.brand_aliases(
    "Maple Street Dental", "Maple Street Dental PLLC", "https://maplestreetdental.com"
)

SINGLE: dict[str, Callable[[str], Match | None]] = {
    name: getattr(phrases, name)
    for name in phrases.__all__
    if name.startswith("find_")
    and name not in ("find_emails", "find_urls", "find_phone_numbers", "find_brand")
}
SINGLE["find_brand"] = lambda text: phrases.find_brand(text, MAPLE)
MANY: dict[str, Callable[[str], list[Match]]] = {
    "find_emails": phrases.find_emails,
    "find_urls": phrases.find_urls,
    "find_phone_numbers": phrases.find_phone_numbers,
}


def _check(text: str) -> None:
    for detect in SINGLE.values():
        m = detect(text)
        if m is not None:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
    for detect_all in MANY.values():
        for m in detect_all(text):
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start : m.end] == m.text
    phrases.normalize(text)
    phrases.url_host(text)
    phrases.registrable_domain(text)
    phrases.is_customer_variable(text)
    phrases.brand_aliases(text, text, text)


_TOKENS = st.sampled_from(
    [
        "Reply",
        "STOP",
        "stop",
        "HELP",
        "help",
        "to",
        "cancel",
        " ",
        "  ",
        "\n",
        "\u00a0",
        "\u201c",
        "\u201d",
        "\u2019",
        "&",
        "msg",
        "data",
        "rates",
        "may",
        "apply",
        "@",
        ".",
        "com",
        "www.",
        "https://",
        "(512) 447-0198",
        "+1",
        "x",
        "[",
        "]",
        "(",
        ")",
        "{",
        "}",
        "company",
        "not",
        "share",
        "sell",
        "third parties",
        "\u0301",
        "\ufb01",
        "\u200b",
        "\uff33",
        "\u0130",
        "freq",
        "varies",
        "per",
        "month",
        "4",
        "msgs/mo",
        "Maple",
        "St.",
        "Dental",
        "%",
        "*|",
        "privacy",
        "terms",
        "no",
        "further",
        "messages",
        "optional",
        "\x00",
        "\x1f",
        "\ud7ff",
    ]
)
_TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300),
    st.lists(_TOKENS, max_size=60).map("".join),
    st.lists(_TOKENS, max_size=60).map(" ".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_never_raises_and_offsets_are_valid(text: str) -> None:
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FF), max_size=400))
def test_control_and_latin_text(text: str) -> None:
    _check(text)


_UNIT = 100_000
ADVERSARIAL = {
    "letters": "a" * _UNIT,
    "spaces": " " * _UNIT,
    "newlines": "\n \n" * (_UNIT // 3),
    "dots": "a." * (_UNIT // 2),
    "at-signs": "a@" * (_UNIT // 2),
    "digits": "5" * _UNIT,
    "phone-ish": "512-447-" * (_UNIT // 8),
    "reply-stop-by": "reply stop by " * (_UNIT // 14),
    "not-share": "we do not share " * (_UNIT // 16),
    "may-share": "we may share your data with " * (_UNIT // 28),
    "brackets": "[[[[(((({{{{<<<<" * (_UNIT // 16),
    "msg-and": "msg & " * (_UNIT // 6),
    "freq": "frequency " * (_UNIT // 10),
    "urls": "https://a.com/" * (_UNIT // 14),
    "domains": "a.b.c.d.e.f.g." * (_UNIT // 14),
    "ligatures": "\ufb01" * _UNIT,
    "accents": "e\u0301" * (_UNIT // 2),
    "smart-quotes": "\u201cSTOP\u201d " * (_UNIT // 7),
    "maple": "Maple Street " * (_UNIT // 13),
    "percent": "%a" * (_UNIT // 2),
}


@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_adversarial_100kb(kind: str) -> None:
    text = ADVERSARIAL[kind]
    timings = []
    for name, detect in {**SINGLE, **MANY}.items():
        t0 = time.process_time()
        result = detect(text)
        timings.append((time.process_time() - t0, name))
        if isinstance(result, Match):
            assert text[result.start : result.end] == result.text
    worst, name = max(timings)
    # bench-style report, never asserted (conventions: speed is measured, not tested)
    print(f"\n{kind:>14}: slowest {name} {worst * 1000:.1f} ms")
