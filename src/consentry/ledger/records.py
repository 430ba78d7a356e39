"""Turning an API or CLI request into a checked event: opt-in evidence, opt-outs, reviews.

Everything a caller passes is checked here (number, method, sizes, text, time) so that what
reaches the chain is exactly what will be shown to a carrier or a court later.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from consentry.errors import InputError
from consentry.ledger.config import LedgerConfig
from consentry.ledger.fields import clean_ip, clean_text, sha256_text
from consentry.ledger.model import Event, EventDraft, EventType, Method
from consentry.ledger.phone import normalize_phone
from consentry.ledger.store import TxView

__all__ = [
    "AppendOp",
    "Recorded",
    "consent_draft",
    "opt_out_draft",
    "parse_time",
    "review_resolved_draft",
]


@dataclass(frozen=True, slots=True)
class Recorded:
    event_id: str
    hash: str
    phone: str
    seq: int
    type: str
    duplicate: bool = False  # the provider message id was already recorded: nothing new

    @classmethod
    def of(cls, event: Event, duplicate: bool = False) -> Recorded:
        return cls(event.event_id, event.hash, event.phone, event.seq, event.type, duplicate)

    def as_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "hash": self.hash,
            "phone": self.phone,
            "seq": self.seq,
            "type": self.type,
            "duplicate": self.duplicate,
        }


def parse_time(
    value: datetime | str | None, *, key: str, now: datetime, config: LedgerConfig
) -> datetime:
    """An aware UTC time: ISO-8601 text or datetime; never naive, never in the future."""
    if value is None:
        return now
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise InputError(
                f"{value!r} is not an ISO-8601 time such as 2026-03-01T14:05:00Z", key=key
            ) from None
    if not isinstance(value, datetime):
        raise InputError("must be an ISO-8601 time", key=key)
    if value.tzinfo is None:
        raise InputError("needs a time zone (add Z for UTC, or -05:00)", key=key)
    value = value.astimezone(UTC)
    if value > now + config.max_clock_skew:
        raise InputError("is in the future; check the clock of the system sending it", key=key)
    return value


def _method(value: object) -> Method:
    try:
        return Method(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(m.value for m in Method)
        raise InputError(f"{value!r} is not a method; use one of {allowed}", key="method") from None


def _ids(config: LedgerConfig, brand: str | None, campaign: str | None) -> tuple[str, str | None]:
    b = clean_text(brand, "brand") or config.brand
    c = clean_text(campaign, "campaign") or config.campaign
    return b, c


def consent_draft(
    config: LedgerConfig,
    now: datetime,
    *,
    phone: str,
    method: str,
    type_: str = EventType.OPT_IN,
    disclosure_text: str | None = None,
    page_url: str | None = None,
    form_id: str | None = None,
    checkbox_checked: bool | None = None,
    ip: str | None = None,
    user_agent: str | None = None,
    campaign: str | None = None,
    brand: str | None = None,
    occurred_at: datetime | str | None = None,
    provider: str | None = None,
    provider_message_id: str | None = None,
    note: str | None = None,
    extra: dict[str, Any] | None = None,
) -> EventDraft:
    """An opt-in (or a pending confirmation request) with its evidence."""
    e164 = normalize_phone(phone)
    how = _method(method)
    if checkbox_checked is not None and not isinstance(checkbox_checked, bool):
        raise InputError("must be true or false", key="checkbox_checked")
    if checkbox_checked is False:
        raise InputError(
            "the consent checkbox was not ticked, so this is not consent; do not text this number",
            key="checkbox_checked",
        )
    disclosure = clean_text(disclosure_text, "disclosure_text")
    if how == Method.WEB_FORM and disclosure is None:
        raise InputError(
            "a web-form opt-in needs the exact consent text shown next to the checkbox",
            key="disclosure_text",
        )
    data: dict[str, Any] = dict(extra or {})
    if disclosure is not None:
        data["disclosure_text"] = disclosure
        data["disclosure_sha256"] = sha256_text(disclosure)
    optional = {
        "page_url": clean_text(page_url, "page_url"),
        "form_id": clean_text(form_id, "form_id"),
        "checkbox_checked": checkbox_checked,
        "ip": clean_ip(ip),
        "user_agent": clean_text(user_agent, "user_agent"),
        "note": clean_text(note, "note"),
    }
    data.update({k: v for k, v in optional.items() if v is not None})
    b, c = _ids(config, brand, campaign)
    return EventDraft(
        event_id=str(uuid.uuid4()),
        brand=b,
        phone=e164,
        type=type_,
        occurred_at=parse_time(occurred_at, key="occurred_at", now=now, config=config),
        campaign=c,
        method=how,
        provider=clean_text(provider, "provider"),
        provider_message_id=clean_text(provider_message_id, "provider_message_id"),
        data=data,
    )


def opt_out_draft(
    config: LedgerConfig,
    now: datetime,
    *,
    phone: str,
    method: str,
    campaign: str | None = None,
    brand: str | None = None,
    occurred_at: datetime | str | None = None,
    provider: str | None = None,
    provider_message_id: str | None = None,
    note: str | None = None,
    extra: dict[str, Any] | None = None,
) -> EventDraft:
    """A revocation received by any other means (a call, an email, a web form, a person)."""
    data = dict(extra or {})
    text = clean_text(note, "note")
    if text is not None:
        data["note"] = text
    b, c = _ids(config, brand, campaign)
    return EventDraft(
        event_id=str(uuid.uuid4()),
        brand=b,
        phone=normalize_phone(phone),
        type=EventType.OPT_OUT,
        occurred_at=parse_time(occurred_at, key="occurred_at", now=now, config=config),
        campaign=c,
        method=_method(method),
        provider=clean_text(provider, "provider"),
        provider_message_id=clean_text(provider_message_id, "provider_message_id"),
        data=data,
    )


def review_resolved_draft(
    review: Event, decision: str, now: datetime, *, note: str | None = None
) -> EventDraft:
    data: dict[str, Any] = {"review": review.event_id, "decision": decision}
    text = clean_text(note, "note")
    if text is not None:
        data["note"] = text
    return EventDraft(
        event_id=str(uuid.uuid4()),
        brand=review.brand,
        phone=review.phone,
        type=EventType.REVIEW_RESOLVED,
        occurred_at=now,
        campaign=review.campaign,
        data=data,
    )


@dataclass
class AppendOp:
    """Append fixed drafts; those whose provider message id is already recorded are skipped."""

    drafts: Sequence[EventDraft]
    duplicates: dict[str, Event] = field(default_factory=dict)  # draft event_id -> recorded

    def state_keys(self) -> Iterable[tuple[str, str]]:
        return [(d.brand, d.phone) for d in self.drafts]

    def message_ids(self) -> Iterable[str]:
        return [d.provider_message_id for d in self.drafts if d.provider_message_id]

    def plan(self, view: TxView) -> Sequence[EventDraft]:
        self.duplicates.clear()
        fresh: list[EventDraft] = []
        seen: set[tuple[str, str | None, str]] = set()
        for d in self.drafts:
            if d.provider_message_id is not None:
                key = (d.brand, d.provider, d.provider_message_id)
                old = view.existing(*key)
                if old is not None:
                    self.duplicates[d.event_id] = old
                    continue
                if key in seen:  # the same id twice in one request: keep the first
                    continue
                seen.add(key)
            fresh.append(d)
        return fresh
