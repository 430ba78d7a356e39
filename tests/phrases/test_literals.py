"""Literal prefilters: `Gated` and `Anchored` patterns find exactly what the plain regex finds."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import consentry.lint
import consentry.lint.rules
import consentry.phrases
from consentry.lint import all_rules
from consentry.lint.rules import content_scan
from consentry.phrases.literals import Anchored, Gated, leading_literals, required_literals


def test_required_literals_of_simple_patterns() -> None:
    assert required_literals(re.compile(r"\bqr[ -]?codes?\b")) == ("qrcode", "qr code", "qr-code")
    assert required_literals(re.compile(r"\b(?:foo|bar)\s+baz")) == ("baz",)
    assert required_literals(re.compile(r"STOP|Help", re.IGNORECASE)) == ("help", "stop")
    # Nothing every match must contain: no gate.
    assert required_literals(re.compile(r"\w+@\w+|\d{3}")) is None
    assert required_literals(re.compile(r"(?:abc)?")) is None


def test_leading_literals_keep_classes_and_the_word_boundary() -> None:
    lead = leading_literals(re.compile(r"\b(?:\d{1,3}% off|save \$\d+|bogo)"))
    assert lead is not None
    assert lead.pattern.startswith(r"\b")
    assert lead.match("10% off") and lead.match("save $5") and lead.match("bogo")
    assert not lead.match("hello")
    assert leading_literals(re.compile(r"(?:\w+ )?first")) is None


def test_scoped_flags_and_backreferences_disable_the_gate() -> None:
    assert required_literals(re.compile(r"(?i:stop)")) is None
    assert leading_literals(re.compile(r"(?i:stop) now")) is None
    assert required_literals(re.compile(r"(a)\1")) == ("a",)


def test_ignorecase_gate_leaves_non_ascii_text_to_the_engine() -> None:
    kelvin = Gated(re.compile(r"\bk\b", re.IGNORECASE))
    assert kelvin.search("\u212a") is not None  # the Kelvin sign folds to "k"
    assert kelvin.search("x") is None


def _module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    all_rules()
    found: dict[str, re.Pattern[str]] = {}
    for pkg in (consentry.phrases, consentry.lint, consentry.lint.rules):
        for info in pkgutil.iter_modules(pkg.__path__):
            mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
            for name, value in vars(mod).items():
                if isinstance(value, Gated | Anchored):
                    value = value.regex
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    found[f"{info.name}.{name}"] = value
    # The content screens live in dataclasses; their shared prefilter is the biggest pattern.
    for i, screen in enumerate(content_scan._ALL_SCREENS):
        found[f"screen{i}"] = screen.terms
        if screen.brand is not None:
            found[f"screen{i}.brand"] = screen.brand
    found["content_scan.prefilter"] = content_scan._prefilter(content_scan._ALL_SCREENS).regex
    return sorted(found.items())


PATTERNS = _module_patterns()
# Pieces of text the detectors care about, so random strings often come close to matching.
WORDS = sorted(
    {
        w
        for _, p in PATTERNS
        for w in (required_literals(p) or ())
        if w.strip()
        for w in (w, w.upper(), w.title())
    }
)
pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from([" ", "  ", ".", ",", "\n", "'", '"', "$5", "10%", "12345", "é", "\u212a"]),
    st.text(max_size=4),
)
texts = st.lists(pieces, max_size=14).map("".join)


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_wrappers_agree_with_the_plain_pattern(name: str, pattern: re.Pattern[str]) -> None:
    gated, anchored = Gated(pattern), Anchored(pattern)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(texts, st.integers(0, 6))
    def agree(text: str, pos: int) -> None:
        for candidate in (text, text.lower()):
            want = pattern.search(candidate)
            span = want.span() if want else None
            got_g, got_a = gated.search(candidate), anchored.search(candidate)
            assert (got_g.span() if got_g else None) == span, name
            assert (got_a.span() if got_a else None) == span, name
            plain = [m.span() for m in pattern.finditer(candidate, pos)]
            assert [m.span() for m in anchored.finditer(candidate, pos)] == plain, name
            assert [m.span() for m in gated.finditer(candidate, pos)] == plain, name

    agree()
