"""Checks on the free-text fields of events: size limits and text that can be stored and hashed.

Lone surrogates (from JSON such as "\\ud800") cannot be encoded as UTF-8 and NUL cannot be
stored in PostgreSQL text, so both are refused for evidence (which must be kept exactly) and
replaced for inbound texts (which must never be dropped: a STOP hides in them).
"""

from __future__ import annotations

import hashlib
import ipaddress
from dataclasses import dataclass

from consentry.errors import InputError

__all__ = [
    "LIMITS",
    "InboundText",
    "clean_inbound",
    "clean_ip",
    "clean_text",
    "decode_bytes",
    "sha256_text",
]

LIMITS: dict[str, int] = {
    "brand": 64,
    "campaign": 64,
    "disclosure_text": 10_000,
    "page_url": 2_048,
    "form_id": 200,
    "user_agent": 1_024,
    "provider": 40,
    "provider_message_id": 128,
    "text": 2_000,  # ten concatenated segments is already far past a normal reply
    "note": 2_000,
    "source": 200,
    "name": 200,
}


def sha256_text(text: str) -> str:
    """SHA-256 of the exact text (UTF-8), as stored next to a disclosure."""
    return hashlib.sha256(text.encode()).hexdigest()


def _bad_chars(value: str) -> bool:
    return "\x00" in value or any(0xD800 <= ord(c) <= 0xDFFF for c in value)


def clean_text(
    value: object,
    key: str,
    *,
    required: bool = False,
    source: str | None = None,
    line: int | None = None,
) -> str | None:
    """A stripped, size-checked string, None for empty optional values, else InputError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InputError("is required", key=key, source=source, line=line)
        return None
    if not isinstance(value, str):
        raise InputError(
            f"must be text, not {type(value).__name__}", key=key, source=source, line=line
        )
    limit = LIMITS.get(key, 1_000)
    if len(value) > limit:
        raise InputError(
            f"is {len(value):,} characters; the limit is {limit:,}",
            key=key,
            source=source,
            line=line,
        )
    if _bad_chars(value):
        raise InputError(
            "contains characters that are not valid text (NUL or broken Unicode)",
            key=key,
            source=source,
            line=line,
        )
    return value if key == "disclosure_text" else value.strip()


def clean_ip(value: object, *, source: str | None = None) -> str | None:
    text = clean_text(value, "ip", source=source)
    if text is None:
        return None
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        raise InputError(f"{text!r} is not an IP address", key="ip", source=source) from None


@dataclass(frozen=True, slots=True)
class InboundText:
    text: str  # what is stored (possibly cut at the limit)
    full: str  # what is classified: a STOP at the end of a long text still counts
    full_length: int
    sha256: str  # of the full, repaired text
    repaired: bool  # invalid characters were replaced


def clean_inbound(value: object) -> InboundText:
    """Never refuses: repairs broken characters and keeps the first LIMITS['text'] of them."""
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    repaired = _bad_chars(text)
    if repaired:
        text = "".join("\ufffd" if c == "\x00" or 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    limit = LIMITS["text"]
    return InboundText(text[:limit], text, len(text), digest, repaired)


def decode_bytes(raw: bytes, *, source: str, line: int | None = None) -> str:
    """UTF-8 (with or without BOM) or an InputError naming where the bad byte is."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start + 1}"
        raise InputError(
            f"is not UTF-8 text ({where}); save the file as UTF-8 and try again",
            source=source,
            line=line,
        ) from None
