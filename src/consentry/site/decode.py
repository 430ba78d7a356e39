"""Bytes → text for HTML: BOM, then the HTTP header, then <meta charset>; never fails."""

from __future__ import annotations

import codecs
import re

__all__ = ["decode_html", "sniff_meta_charset"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG: these labels mean windows-1252 in HTML.
_AS_1252 = frozenset({"iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii", "iso8859-1", "l1"})


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _AS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def sniff_meta_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _strict(body: bytes, codec: str, truncated: bool) -> str | None:
    # A body cut at the byte limit may end inside a multi-byte character.
    for cut in range(4 if truncated else 1):
        try:
            return (body[:-cut] if cut else body).decode(codec)
        except UnicodeDecodeError:
            continue
        except LookupError:
            return None
    return None


def decode_html(
    body: bytes, header_charset: str | None, *, truncated: bool = False
) -> tuple[str, str, bool]:
    """(text, charset used, True when the declared charset was wrong and a fallback was used)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(name, "replace"), name, False
    declared = _codec(header_charset) or _codec(sniff_meta_charset(body))
    if declared:
        text = _strict(body, declared, truncated)
        if text is not None:
            return text, declared, False
        fallback = "cp1252" if declared != "cp1252" else "utf-8"
        text = _strict(body, fallback, truncated)
        if text is not None:
            return text, fallback, True
        return body.decode(declared, "replace"), declared, True
    text = _strict(body, "utf-8", truncated)
    if text is not None:
        return text, "utf-8", False
    return body.decode("cp1252", "replace"), "cp1252", False
