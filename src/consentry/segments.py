"""SMS segment counting: GSM-7 (with its extension table) or UCS-2 (rules from ecosystem.md).

GSM-7: up to 160 septets in one segment, 153 per segment after that; an extension character
costs two septets and an escape pair is never split. UCS-2: up to 70 UTF-16 units, 67 per
segment after that; a surrogate pair is never split.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GSM_BASIC", "GSM_EXTENSION", "SegmentCount", "count_segments"]

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("^{}\\[~]|€\f")


@dataclass(frozen=True, slots=True)
class SegmentCount:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int


def _pack(sizes: list[int], single: int, multi: int) -> int:
    """Segments needed when each character costs `size` units and none may be split."""
    if sum(sizes) <= single:
        return 1 if sizes else 0
    segments, used = 1, 0
    for size in sizes:
        if used + size > multi:
            segments, used = segments + 1, 0
        used += size
    return segments


def count_segments(text: str) -> SegmentCount:
    """How many SMS segments a message takes."""
    if all(c in GSM_BASIC or c in GSM_EXTENSION for c in text):
        sizes = [2 if c in GSM_EXTENSION else 1 for c in text]
        return SegmentCount("GSM-7", sum(sizes), _pack(sizes, 160, 153))
    sizes = [2 if ord(c) > 0xFFFF else 1 for c in text]
    return SegmentCount("UCS-2", sum(sizes), _pack(sizes, 70, 67))
