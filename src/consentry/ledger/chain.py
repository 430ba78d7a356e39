"""The hash chain: canonical encoding of an event, its hash, and the walk that checks them.

Each event's hash covers its canonical encoding (sorted-key JSON, UTF-8, no spaces) which
includes the previous event's hash and the event's position (`seq`). Editing any stored field
changes the event's hash; removing or inserting an event breaks the next event's link.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from consentry.ledger.model import GENESIS_HASH, Event

__all__ = [
    "ChainReport",
    "canonical_bytes",
    "canonical_time",
    "compute_hash",
    "dumps_data",
    "hash_fields",
    "walk",
]

CANONICAL_VERSION = 1


def canonical_time(value: datetime) -> str:
    """Fixed-width UTC timestamp with microseconds: the same text on SQLite and PostgreSQL."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def dumps_data(data: Mapping[str, Any]) -> str:
    """The event's data as stored: canonical JSON, so a round trip cannot change its hash."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _payload(
    *,
    seq: int,
    event_id: str,
    brand: str,
    campaign: str | None,
    phone: str,
    type: str,
    method: str | None,
    occurred_at: datetime,
    recorded_at: datetime,
    provider: str | None,
    provider_message_id: str | None,
    data: Mapping[str, Any],
    prev_hash: str,
) -> dict[str, Any]:
    return {
        "v": CANONICAL_VERSION,
        "seq": seq,
        "event_id": event_id,
        "brand": brand,
        "campaign": campaign,
        "phone": phone,
        "type": type,
        "method": method,
        "occurred_at": canonical_time(occurred_at),
        "recorded_at": canonical_time(recorded_at),
        "provider": provider,
        "provider_message_id": provider_message_id,
        "data": dict(data),
        "prev_hash": prev_hash,
    }


def canonical_bytes(event: Event) -> bytes:
    """The exact bytes an event's hash is computed over."""
    payload = _payload(
        seq=event.seq,
        event_id=event.event_id,
        brand=event.brand,
        campaign=event.campaign,
        phone=event.phone,
        type=event.type,
        method=event.method,
        occurred_at=event.occurred_at,
        recorded_at=event.recorded_at,
        provider=event.provider,
        provider_message_id=event.provider_message_id,
        data=event.data,
        prev_hash=event.prev_hash,
    )
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def compute_hash(event: Event) -> str:
    return hashlib.sha256(canonical_bytes(event)).hexdigest()


def hash_fields(fields: dict[str, Any]) -> str:
    """The hash of an event given as its fields (all of Event's but `hash`)."""
    payload = _payload(**fields)
    encoded = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainReport:
    """Result of walking the chain. `problem` is altered, removed, inserted or head_mismatch."""

    ok: bool
    events: int
    head_seq: int
    head_hash: str
    first_bad_event: str | None = None
    first_bad_seq: int | None = None
    problem: str | None = None
    message: str = "the chain is intact"

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "events": self.events,
            "first_bad_event": self.first_bad_event,
            "first_bad_seq": self.first_bad_seq,
            "problem": self.problem,
            "message": self.message,
            "head_seq": self.head_seq,
            "head_hash": self.head_hash,
        }


def walk(events: Iterable[Event], head: tuple[int, str] | None) -> ChainReport:
    """Check every hash and link in seq order; stop at the first problem.

    `head` is the (seq, hash) the ledger recorded for its last append; comparing it catches
    events removed from the end, which no later link could reveal.
    """
    prev: Event | None = None
    before_prev_hash = GENESIS_HASH  # hash of the event before `prev`, to recognise insertions
    count = 0
    for event in events:
        count += 1
        expected_prev = prev.hash if prev is not None else GENESIS_HASH
        expected_seq = prev.seq + 1 if prev is not None else 1
        if event.prev_hash != expected_prev:
            if prev is not None and event.prev_hash == before_prev_hash:
                why = "it is not part of the chain: the event after it links past it"
                return _bad(prev, count - 2, "inserted", why, prev)
            if event.seq != expected_seq:
                what = f"event(s) {expected_seq}..{event.seq - 1} are missing"
                return _bad(event, count - 1, "removed", f"{what} just before it", prev)
            if prev is not None:
                why = (
                    f"its hash is not the one event {event.seq} recorded: it was changed (and "
                    "re-hashed) later, or events after it were removed"
                )
                return _bad(prev, count - 2, "altered", why, prev)
            return _bad(event, 0, "altered", "the first event does not start the chain", None)
        if compute_hash(event) != event.hash:
            return _bad(event, count - 1, "altered", "its content does not match its hash", prev)
        if event.seq != expected_seq:
            return _bad(event, count - 1, "altered", "its position in the chain was changed", prev)
        before_prev_hash = expected_prev
        prev = event
    last_seq, last_hash = (prev.seq, prev.hash) if prev is not None else (0, GENESIS_HASH)
    if head is not None and head != (last_seq, last_hash):
        if head[0] > last_seq:
            problem, msg = "removed", f"events {last_seq + 1}..{head[0]} at the end are missing"
        else:
            problem, msg = "inserted", "events were added after the last recorded append"
        return ChainReport(
            False, count, last_seq, last_hash, None, last_seq + 1, problem, f"chain head: {msg}"
        )
    return ChainReport(True, count, last_seq, last_hash)


def _bad(event: Event, good: int, problem: str, why: str, prev: Event | None) -> ChainReport:
    head_seq, head_hash = (prev.seq, prev.hash) if prev is not None else (0, GENESIS_HASH)
    message = f"event {event.seq} ({event.event_id}) {problem}: {why}"
    return ChainReport(
        False, max(good, 0), head_seq, head_hash, event.event_id, event.seq, problem, message
    )
