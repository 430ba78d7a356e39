"""A number's consent record as evidence: its state, every event with its chain proof, and
exports as JSON and CSV (the printable HTML certificate is in `certificate`).

Proof: each event's hash is recomputed from its canonical encoding (shown verbatim) and linked
to the previous event's hash; with `chain` the whole ledger was walked at export time, so the
events shown are also proven to sit unaltered in an unbroken chain ending at `chain.head_hash`.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from consentry.ledger.chain import ChainReport, canonical_bytes, compute_hash
from consentry.ledger.model import Event
from consentry.ledger.state import StateRow

__all__ = ["EventProof", "Evidence", "NumberState", "to_csv", "to_json"]


@dataclass(frozen=True, slots=True)
class NumberState:
    phone: str
    brand: str
    state: str  # opted_in | opted_out | unknown
    since: datetime | None
    method: str | None
    campaign: str | None = None
    written_consent: bool = False
    any_consent: bool = False
    consent_event_id: str | None = None
    last_inbound_at: datetime | None = None
    pending_confirmation: bool = False
    review_deadline: datetime | None = None

    @classmethod
    def of(cls, row: StateRow) -> NumberState:
        return cls(
            phone=row.phone,
            brand=row.brand,
            state=str(row.state),
            since=row.since,
            method=row.method,
            campaign=row.campaign,
            written_consent=row.written_consent,
            any_consent=row.any_consent,
            consent_event_id=row.consent_event_id,
            last_inbound_at=row.last_inbound_at,
            pending_confirmation=row.pending_event_id is not None,
            review_deadline=row.review_deadline,
        )

    def as_json(self) -> dict[str, Any]:
        def iso(value: datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "phone": self.phone,
            "state": self.state,
            "since": iso(self.since),
            "method": self.method,
            "brand": self.brand,
            "campaign": self.campaign,
            "written_consent": self.written_consent,
            "any_consent": self.any_consent,
            "consent_event_id": self.consent_event_id,
            "last_inbound_at": iso(self.last_inbound_at),
            "pending_confirmation": self.pending_confirmation,
            "review_deadline": iso(self.review_deadline),
        }


@dataclass(frozen=True, slots=True)
class EventProof:
    event: Event
    canonical: str  # the exact text the hash is computed over
    hash_ok: bool
    link_ok: bool  # prev_hash equals the hash of the event before it in the chain

    def as_json(self) -> dict[str, Any]:
        return {
            **self.event.as_json(),
            "proof": {
                "canonical": self.canonical,
                "hash_ok": self.hash_ok,
                "link_ok": self.link_ok,
            },
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    phone: str
    brand: str
    state: NumberState
    events: tuple[EventProof, ...]
    chain: ChainReport | None  # None when the full walk was skipped
    generated_at: datetime

    @property
    def proven(self) -> bool:
        own = all(p.hash_ok and p.link_ok for p in self.events)
        return own and (self.chain is None or self.chain.ok)

    def as_json(self) -> dict[str, Any]:
        return {
            "phone": self.phone,
            "brand": self.brand,
            "generated_at": self.generated_at.isoformat(),
            "state": self.state.as_json(),
            "events": [p.as_json() for p in self.events],
            "chain": self.chain.as_json() if self.chain else None,
            "proven": self.proven,
        }


def prove(event: Event, prev_hash_of: dict[int, str]) -> EventProof:
    """Proof for one event; `prev_hash_of[seq]` is the stored hash of event seq-1 if known."""
    expected = prev_hash_of.get(event.seq)
    return EventProof(
        event=event,
        canonical=canonical_bytes(event).decode(),
        hash_ok=compute_hash(event) == event.hash,
        link_ok=expected is None or expected == event.prev_hash,
    )


def to_json(evidence: Evidence) -> str:
    return json.dumps(evidence.as_json(), indent=2, ensure_ascii=False) + "\n"


_CSV_FIELDS = (
    "seq",
    "event_id",
    "occurred_at",
    "recorded_at",
    "type",
    "method",
    "campaign",
    "provider",
    "provider_message_id",
    "disclosure_text",
    "disclosure_sha256",
    "page_url",
    "form_id",
    "checkbox_checked",
    "ip",
    "user_agent",
    "inbound_text",
    "reply_text",
    "note",
    "prev_hash",
    "hash",
    "hash_ok",
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    # A spreadsheet runs cells starting with these as formulas; inbound texts are untrusted.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(evidence: Evidence) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_FIELDS)
    for proof in evidence.events:
        e = proof.event
        data = e.data
        reply = data.get("reply_text") or data.get("text")
        row = {
            "seq": e.seq,
            "event_id": e.event_id,
            "occurred_at": e.occurred_at,
            "recorded_at": e.recorded_at,
            "type": e.type,
            "method": e.method,
            "campaign": e.campaign,
            "provider": e.provider,
            "provider_message_id": e.provider_message_id,
            "inbound_text": data.get("inbound_text"),
            "reply_text": reply,
            "prev_hash": e.prev_hash,
            "hash": e.hash,
            "hash_ok": proof.hash_ok and proof.link_ok,
        }
        for key in ("disclosure_text", "disclosure_sha256", "page_url", "form_id", "ip"):
            row[key] = data.get(key)
        row["checkbox_checked"] = data.get("checkbox_checked")
        row["user_agent"] = data.get("user_agent")
        row["note"] = data.get("note")
        writer.writerow([_cell(row.get(name)) for name in _CSV_FIELDS])
    return out.getvalue()
