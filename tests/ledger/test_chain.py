"""The canonical encoding and the chain walk, without a database."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from consentry.ledger.chain import canonical_bytes, compute_hash, walk
from consentry.ledger.model import GENESIS_HASH, Event


def _chain(n: int) -> list[Event]:
    out: list[Event] = []
    prev = GENESIS_HASH
    for i in range(1, n + 1):
        event = Event(
            seq=i,
            event_id=f"e{i}",
            brand="b",
            phone=f"+1512447{i:04d}",
            type="opt_in",
            occurred_at=datetime(2026, 1, 1, 12, 0, i, 123456, tzinfo=UTC),
            recorded_at=datetime(2026, 1, 1, 12, 0, i, 654321, tzinfo=UTC),
            campaign=None,
            method="web_form",
            provider=None,
            provider_message_id=None,
            data={"disclosure_text": "Texte accentué ✓", "checkbox_checked": True},
            prev_hash=prev,
            hash="",
        )
        event = replace(event, hash=compute_hash(event))
        prev = event.hash
        out.append(event)
    return out


def test_canonical_encoding_is_stable() -> None:
    # Pinned: a change here breaks every existing ledger's hashes. Never update this value;
    # add a new canonical version instead.
    first = _chain(1)[0]
    assert canonical_bytes(first).startswith(b'{"brand":"b","campaign":null,"data":{"checkbox_')
    assert "Texte accentué ✓".encode() in canonical_bytes(first)
    assert first.hash == "1a7c8e79620aa21e4f18f40c1ee081b238fd9cc9677a3ec313884b6bd9e4c06b"


def test_key_order_of_data_does_not_matter() -> None:
    first = _chain(1)[0]
    flipped = replace(first, data=dict(reversed(list(first.data.items()))))
    assert compute_hash(flipped) == first.hash


def test_intact_chain_verifies() -> None:
    events = _chain(5)
    report = walk(events, (5, events[-1].hash))
    assert report.ok and report.events == 5 and report.head_seq == 5


def test_empty_chain_verifies_against_genesis() -> None:
    assert walk([], (0, GENESIS_HASH)).ok


@given(
    index=st.integers(0, 4),
    field=st.sampled_from(["phone", "type", "method", "brand", "occurred_at", "data", "campaign"]),
)
def test_any_single_edit_is_found_at_that_event(index: int, field: str) -> None:
    events = _chain(5)
    value = {
        "phone": "+15125550000",
        "type": "opt_out",
        "method": "paper",
        "brand": "other",
        "occurred_at": datetime(2020, 1, 1, tzinfo=UTC),
        "data": {"disclosure_text": "changed"},
        "campaign": "c",
    }[field]
    events[index] = replace(events[index], **{field: value})
    report = walk(events, (5, events[-1].hash))
    assert not report.ok and report.problem == "altered" and report.first_bad_seq == index + 1


def test_removed_middle_event() -> None:
    events = _chain(5)
    del events[2]
    report = walk(events, (5, events[-1].hash))
    assert report.problem == "removed" and report.first_bad_seq == 4


def test_removed_last_event_needs_the_head() -> None:
    events = _chain(5)
    head = (5, events[-1].hash)
    assert walk(events[:-1], None).ok  # without the head nothing shows
    report = walk(events[:-1], head)
    assert report.problem == "removed" and report.first_bad_seq == 5


def test_appended_forgery_is_caught_by_the_head() -> None:
    events = _chain(5)
    head = (4, events[3].hash)
    report = walk(events, head)
    assert not report.ok and report.problem == "inserted"
