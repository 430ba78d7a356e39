"""Phone numbers: any US format in, E.164 out.

`normalize_phone` is the careful path (phonenumbers parse + validity) used when recording.
`PhoneIndex` is the fast path for the batch send gate: it validates an already-E.164 NANP number
with the same metadata patterns phonenumbers uses, cached per area code, so checking a list of
numbers costs a regex match each instead of a full parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneMetadata

from consentry.errors import InputError

__all__ = ["PhoneIndex", "normalize_phone", "try_normalize"]

MAX_INPUT = 40  # "+1 (512) 447-0198 ext. 1234" fits; anything longer is not a phone number
_E164_NANP = re.compile(r"\+1([2-9]\d{2})([2-9]\d{6})")
# Number types phonenumbers' is_valid_number accepts (anything but UNKNOWN).
_TYPE_DESCS = (
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
)


def try_normalize(value: str, region: str = "US") -> str | None:
    """E.164 for a valid number, else None."""
    if not isinstance(value, str) or len(value) > MAX_INPUT:
        return None
    text = value.strip()
    if text.lower().startswith("tel:"):
        text = text[4:]
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def normalize_phone(value: object, *, key: str = "phone", source: str | None = None) -> str:
    """E.164 for `value`, or an InputError that says what is wrong with it."""
    if not isinstance(value, str) or not value.strip():
        raise InputError("a phone number is required", key=key, source=source)
    if len(value) > MAX_INPUT:
        raise InputError(
            f"{len(value)} characters is too long for a phone number", key=key, source=source
        )
    result = _INDEX.normalize(value.strip())
    if result is None:
        shown = value if value.isprintable() else ascii(value)
        raise InputError(
            f"{shown!r} is not a valid phone number; use a US number like (512) 447-0198",
            key=key,
            source=source,
        )
    return result


@dataclass(frozen=True, slots=True)
class _Region:
    code: str
    pattern: re.Pattern[str]


class PhoneIndex:
    """Fast validity for E.164 NANP numbers, falling back to `try_normalize` for other input."""

    def __init__(self) -> None:
        self._by_area: dict[str, _Region | None] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}

    def normalize(self, value: str) -> str | None:
        match = _E164_NANP.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            return try_normalize(value) if isinstance(value, str) else None
        area = match.group(1)
        region = self._by_area.get(area, _MISSING)
        if region is _MISSING:
            region = self._learn(area, value)
        if region is None:  # no single region for this area code: take the careful path
            return try_normalize(value)
        return value if region.pattern.fullmatch(value[2:]) else None

    def _learn(self, area: str, sample: str) -> _Region | None:
        parsed = phonenumbers.parse(sample, None)
        code = phonenumbers.region_code_for_number(parsed)
        if code is None or code == "001":
            return None  # do not cache: another number of this area code may resolve
        pattern = self._patterns.get(code)
        if pattern is None:
            meta = PhoneMetadata.metadata_for_region(code)
            parts = [
                desc.national_number_pattern
                for name in _TYPE_DESCS
                if (desc := getattr(meta, name, None)) is not None and desc.national_number_pattern
            ]
            pattern = re.compile("(?:" + "|".join(f"(?:{p})" for p in parts) + ")")
            self._patterns[code] = pattern
        region = _Region(code, pattern)
        self._by_area[area] = region
        return region


_MISSING: _Region | None = _Region("", re.compile(""))
# Shared: E.164 input (what APIs and webhooks send) is checked without a full parse.
_INDEX = PhoneIndex()
