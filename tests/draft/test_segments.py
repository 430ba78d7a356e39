"""Segment counting against the `gsm0338` codec as an oracle, and replies fitted to one segment."""

from __future__ import annotations

import math

import gsm0338  # noqa: F401  (registers the 'gsm03.38' codec)
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consentry.draft import sms_spelling
from consentry.draft.replies import MAX_REPLY, build_replies
from consentry.segments import count_segments

GSM_CHARS = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ÄÖÑÜ§¿äöñüà\nabcXYZ"
EXTENSION = "^{}\\[~]|€"
OTHER = "áíóúçêôãõ’“”—…🙂漢"


def _pack(sizes: list[int], single: int, multi: int) -> int:
    """Segments when no character may be split across two (an independent packing)."""
    if sum(sizes) <= single:
        return 1 if sizes else 0
    segments, room = 1, multi
    for size in sizes:
        if size > room:
            segments, room = segments + 1, multi
        room -= size
    return segments


def _oracle(text: str) -> tuple[str, int, int]:
    try:
        sizes = [len(c.encode("gsm03.38")) for c in text]
    except UnicodeEncodeError:
        sizes = [len(c.encode("utf-16-le")) // 2 for c in text]
        return "UCS-2", sum(sizes), _pack(sizes, 70, 67)
    return "GSM-7", sum(sizes), _pack(sizes, 160, 153)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(GSM_CHARS + EXTENSION + OTHER), max_size=400))
def test_count_segments_agrees_with_the_gsm0338_codec(text: str) -> None:
    got = count_segments(text)
    assert (got.encoding, got.units, got.segments) == _oracle(text)


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("€" * 80, "GSM-7", 160, 1),  # extension characters cost two septets
        ("a" * 152 + "€" + "a" * 10, "GSM-7", 164, 2),  # the escape pair is not split
        ("ó" * 70, "UCS-2", 70, 1),
        ("ó" * 71, "UCS-2", 71, 2),
        ("🙂" * 35, "UCS-2", 70, 1),  # surrogate pairs: two UTF-16 units each
    ],
)
def test_segment_boundaries(text: str, encoding: str, units: int, segments: int) -> None:
    got = count_segments(text)
    assert (got.encoding, got.units, got.segments) == (encoding, units, segments)
    # ... and the codec agrees on the units where it can encode the text at all
    if encoding == "GSM-7":
        assert len(text.encode("gsm03.38")) == units
        assert segments == (1 if units <= 160 else math.ceil(units / 153)) or "€" in text


def _replies(name: str, **kw: object) -> tuple[object, ...]:
    args: dict[str, object] = {
        "sms_name": name,
        "shorts": ["appointment reminder", "payment reminder"],
        "marketing": False,
        "frequency": "varies",
        "phone": "+15035550142",
        "email": "office@example.com",
        "opt_in_keywords": ("START",),
    }
    args.update(kw)
    return build_replies(**args)  # type: ignore[arg-type]


def test_short_names_get_the_full_replies_in_one_segment() -> None:
    opt_in, opt_out, help_ = _replies("Maple Dental")
    assert "Reply START to opt back in" in opt_out.text  # the optional sentence stays
    for reply in (opt_in, opt_out, help_):
        assert reply.count.segments == 1 and reply.warning is None


def test_long_names_drop_optional_sentences_to_stay_in_one_segment() -> None:
    name = "Cedar Grove Property Management of the Greater Portland Area"  # 60 characters
    replies = _replies(name)
    assert any(r.shortened for r in replies)
    for reply in replies:
        assert reply.text.startswith(name + ":")
        assert reply.count.segments == 1, reply.text
        assert reply.count == count_segments(reply.text)
    _, opt_out, _ = _replies(name + " and Vancouver")
    assert opt_out.shortened and "START" not in opt_out.text
    assert "no further messages" in opt_out.text and opt_out.count.segments == 1


def test_marketing_is_named_in_every_opt_in_variant() -> None:
    name = "The Very Long Name of a Neighborhood Bakery and Coffee Roasting Company"
    opt_in, _, _ = _replies(name, marketing=True, shorts=["marketing", "order update"])
    assert "marketing" in opt_in.text


def test_a_name_too_long_for_one_segment_is_warned_about() -> None:
    name = "Saint-Étienne and Associates of the Greater Metropolitan Valley Area Property Mgmt Co"
    opt_in, _, _ = _replies(name)
    assert opt_in.count.segments == 2
    assert opt_in.warning is not None and "2 segments" in opt_in.warning
    assert len(opt_in.text) <= MAX_REPLY


def test_ucs2_only_names_are_counted_as_ucs2_and_warned() -> None:
    opt_in, _, help_ = _replies("Łódź Bakery")  # Ł has no accent-free form
    assert opt_in.count.encoding == "UCS-2" and opt_in.warning is not None
    assert help_.count.segments >= 2 or help_.count.units <= 70


@pytest.mark.parametrize(
    ("name", "spelled"),
    [
        ("Café Olé", "Café Olé"),  # é is in GSM-7: unchanged
        ("Crème Brûlée", "Creme Brulee"),  # û is not: the whole name loses its accents
        ("José’s Tacos", "José's Tacos"),  # a typographic apostrophe becomes a plain one
        ("Łódź Bakery", "Łódź Bakery"),  # no GSM-7 spelling: kept (and counted as UCS-2)
    ],
)
def test_names_are_spelled_for_gsm7_when_they_can_be(name: str, spelled: str) -> None:
    assert sms_spelling(name) == spelled
