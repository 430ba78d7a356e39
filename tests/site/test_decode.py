"""Bytes to text: BOM, header, meta charset, and wrong declarations that must not crash."""

from __future__ import annotations

import codecs

import pytest

from consentry.site.decode import decode_html


@pytest.mark.parametrize(
    ("body", "header", "expected", "charset", "fallback"),
    [
        ("<p>café</p>".encode(), None, "<p>café</p>", "utf-8", False),
        (codecs.BOM_UTF8 + "<p>é</p>".encode(), "iso-8859-1", "<p>é</p>", "utf-8", False),
        ("<p>é</p>".encode("utf-16-le"), None, None, "utf-8", None),
        ("<meta charset=windows-1252><p>é</p>".encode("cp1252"), None, None, "cp1252", False),
        ("<p>é</p>".encode("cp1252"), "utf-8", "<p>é</p>", "cp1252", True),
        ("<p>é</p>".encode("cp1252"), None, "<p>é</p>", "cp1252", False),
        ("<p>é</p>".encode(), "no-such-charset", "<p>é</p>", "utf-8", False),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>\x93q\x94</p>'.encode(
                "latin-1"
            ),
            None,
            None,
            "cp1252",
            False,
        ),
    ],
)
def test_decoding(
    body: bytes, header: str | None, expected: str | None, charset: str, fallback: bool | None
) -> None:
    text, used, fell_back = decode_html(body, header)
    if expected is not None:
        assert text == expected
    if fallback is not None:
        assert (used, fell_back) == (charset, fallback)


def test_utf16_bom() -> None:
    text, used, _ = decode_html(codecs.BOM_UTF16_LE + "<p>é</p>".encode("utf-16-le"), None)
    assert text == "<p>é</p>" and used == "utf-16-le"


def test_cut_multibyte_character_at_the_limit_is_not_a_charset_error() -> None:
    body = ("<p>" + "é" * 10).encode()[:-1]
    text, used, fell_back = decode_html(body, "utf-8", truncated=True)
    assert used == "utf-8" and not fell_back and text.endswith("é" * 9)


def test_smart_quotes_declared_latin1_are_windows_1252() -> None:
    text, used, _ = decode_html(b"<p>\x93quoted\x94</p>", "iso-8859-1")
    assert text == "<p>\u201cquoted\u201d</p>" and used == "cp1252"
