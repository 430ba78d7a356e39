"""normalize() and the folded view with offsets back to the original text."""

from __future__ import annotations

import re

import pytest

from consentry.phrases import fold, normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reply \u201cSTOP\u201d", 'reply "stop"'),
        ("Don\u2019t", "don't"),
        ("Msg\u00a0&\u00a0data", "msg & data"),
        ("\uff33\uff34\uff2f\uff30", "stop"),
        ("a \u2013 b \u2014 c", "a - b - c"),
        ("  many\n\n spaces\t here ", "many spaces here"),
        ("Caf\u00e9", "caf\u00e9"),
        ("Cafe\u0301", "caf\u00e9"),
        ("Acme\u2122 Inc\u00ae", "acme inc"),
        ("zero\u200bwidth", "zerowidth"),
        ("\ufb01ne", "fine"),
        ("ctrl\x00char", "ctrl char"),
        ("", ""),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_fold_drops_accents_and_keeps_line_breaks() -> None:
    f = fold("Caf\u00e9 OL\u00c9\n\nReply  STOP")
    assert f.text == "cafe ole\nreply stop"


@pytest.mark.parametrize(
    "text",
    [
        "Reply \u201cSTOP\u201d\u00a0to  cancel",
        "\ufb01ne \ufb02ow \u2122 caf\u0065\u0301 \uff33\uff34\uff2f\uff30",
        "  lead and trail  ",
        "\u0130stanbul \u00df \ufdfa",
        "a\u200bb\u200cc\u00add",
        "line\r\nbreak\u2028sep",
    ],
)
def test_every_folded_word_maps_back(text: str) -> None:
    f = fold(text)
    for w in re.finditer(r"\S+", f.text):
        m = f.match(*w.span())
        assert m is not None
        assert text[m.start : m.end] == m.text
        assert normalize(m.text).replace("\u0301", "") != ""


def test_match_trims_blanks_and_rejects_empty() -> None:
    f = fold("  Reply   STOP  ")
    m = f.match(0, len(f.text))
    assert m is not None and m.text == "Reply   STOP"
    assert f.match(3, 3) is None


def test_big_text_is_cached_once() -> None:
    big = "Reply STOP to cancel. " * 1000
    assert fold(big) is fold(big)
