"""Current consent state per brand and number, folded from events.

The fold is pure: the state table the store keeps is only a cache of it, written in the same
transaction as the events, and `Store.rebuild_states` recomputes it from the events alone.

Rules:
- State follows the *latest occurrence*, not the latest recording: importing an old opt-in after
  a recent opt-out must not resubscribe anyone. At equal times an opt-out wins.
- An opt-out revokes every consent (written and otherwise) and clears a pending confirmation.
- Scope: by default an event counts for the whole brand (scope "*"), so an opt-out covers every
  number and campaign of the brand; with `scope="campaign"`, events that name a campaign only
  count for it, and events without one still count brand-wide.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from sqlalchemy.engine import RowMapping

from consentry.ledger.model import WRITTEN_METHODS, ConsentState, Event, EventType

__all__ = ["BRAND_SCOPE", "REPLY_TYPES", "Scope", "StateRow", "apply_event", "merge", "scope_of"]

BRAND_SCOPE = "*"
Scope = Literal["brand", "campaign"]
REPLY_TYPES = frozenset(
    {EventType.OPT_OUT_CONFIRMATION_SENT, EventType.OPT_IN_CONFIRMATION_SENT, EventType.HELP_SENT}
)
_OPT_IN = frozenset({EventType.OPT_IN})
_OPT_OUT = frozenset({EventType.OPT_OUT})


@dataclass(frozen=True, slots=True)
class StateRow:
    brand: str
    scope: str
    phone: str
    state: str = ConsentState.UNKNOWN
    since: datetime | None = None
    method: str | None = None
    campaign: str | None = None
    state_event_id: str | None = None
    written_consent: bool = False
    any_consent: bool = False
    consent_event_id: str | None = None
    last_inbound_at: datetime | None = None
    pending_event_id: str | None = None
    opt_out_confirmed: bool = False
    review_event_id: str | None = None
    review_deadline: datetime | None = None
    reply_window_start: datetime | None = None
    replies_in_window: int = 0
    last_seq: int = 0

    def as_row(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _FIELD_NAMES}

    @classmethod
    def from_row(cls, row: Mapping[str, Any] | RowMapping) -> StateRow:
        return cls(**{f.name: row[f.name] for f in fields(cls)})


_FIELD_NAMES = tuple(f.name for f in fields(StateRow))


def scope_of(campaign: str | None, mode: Scope) -> str:
    return campaign if mode == "campaign" and campaign else BRAND_SCOPE


def _direction(event: Event) -> str | None:
    """'in' or 'out' for events that change consent, None for the rest."""
    if event.type in _OPT_IN:
        return "in"
    if event.type in _OPT_OUT:
        return "out"
    if event.type == EventType.CONSENT_IMPORTED:
        status = event.data.get("status")
        return "in" if status == ConsentState.OPTED_IN else "out"
    return None


def is_written(event: Event) -> bool:
    """Express written consent evidence: a written-capable method carrying the disclosure shown."""
    if not event.data.get("disclosure_text"):
        return False
    if event.method in WRITTEN_METHODS:
        return event.data.get("checkbox_checked") is not False
    return event.type == EventType.CONSENT_IMPORTED and event.data.get("written") is True


# Times come from different clocks: ours for a web consent, the provider's for a STOP. An opt-out
# recorded after an opt-in wins unless the opt-in is later by more than this, so a STOP sent just
# after ticking a box is never lost to a clock that runs a little behind (or to whole seconds).
OPT_OUT_CLOCK_SKEW = timedelta(minutes=5)


def _supersedes(row: StateRow, event: Event, direction: str) -> bool:
    if event.data.get("undated") and direction == "in" and row.state != ConsentState.UNKNOWN:
        return False  # an imported opt-in of unknown date cannot outrank a known state
    if row.since is None:
        return True
    if direction == "out" and row.state == ConsentState.OPTED_IN:
        return event.occurred_at >= row.since - OPT_OUT_CLOCK_SKEW
    if event.occurred_at != row.since:
        return event.occurred_at > row.since
    return not (row.state == ConsentState.OPTED_OUT and direction == "in")


def apply_event(row: StateRow, event: Event, *, reply_window: timedelta) -> StateRow:
    """The state after `event` (which belongs to this row's brand, scope and phone)."""
    changes: dict[str, Any] = {"last_seq": max(row.last_seq, event.seq)}
    if "inbound_text" in event.data and (
        row.last_inbound_at is None or event.occurred_at > row.last_inbound_at
    ):
        changes["last_inbound_at"] = event.occurred_at
    direction = _direction(event)
    current = ConsentState.OPTED_IN if direction == "in" else ConsentState.OPTED_OUT
    if direction is not None and row.state == current:
        # A repeat: the original time, method and (after an opt-out) confirmation stand, so a
        # second STOP gets no second confirmation. A repeat opt-in can add written evidence.
        if direction == "in" and is_written(event) and not row.written_consent:
            changes.update(written_consent=True, consent_event_id=event.event_id)
        if direction == "in":
            changes["pending_event_id"] = None
    elif direction is not None and _supersedes(row, event, direction):
        changes.update(
            state=ConsentState.OPTED_IN if direction == "in" else ConsentState.OPTED_OUT,
            since=event.occurred_at,
            method=event.method,
            campaign=event.campaign,
            state_event_id=event.event_id,
            any_consent=direction == "in",
            written_consent=direction == "in" and is_written(event),
            consent_event_id=event.event_id if direction == "in" else None,
            pending_event_id=None,
            opt_out_confirmed=False,
            review_event_id=None,
            review_deadline=None,
        )
    elif event.type == EventType.CONFIRMATION_REQUESTED:
        changes["pending_event_id"] = event.event_id
    elif event.type == EventType.REVOCATION_REVIEW:
        deadline = event.data.get("review_deadline")
        changes["review_event_id"] = event.event_id
        changes["review_deadline"] = datetime.fromisoformat(deadline) if deadline else None
    elif event.type == EventType.REVIEW_RESOLVED and event.data.get("review") == (
        row.review_event_id
    ):
        changes["review_event_id"] = None
        changes["review_deadline"] = None
    if event.type in REPLY_TYPES:
        if event.type == EventType.OPT_OUT_CONFIRMATION_SENT:
            changes["opt_out_confirmed"] = True
        start = row.reply_window_start
        if start is None or event.occurred_at - start >= reply_window:
            changes["reply_window_start"] = event.occurred_at
            changes["replies_in_window"] = 1
        else:
            changes["replies_in_window"] = row.replies_in_window + 1
    return replace(row, **changes)


def merge(rows: Iterable[StateRow], brand: str, phone: str) -> StateRow:
    """One view over a number's brand-wide row and its campaign row (campaign scope).

    The most recent consent change decides the state; inbound activity and open reviews from
    either row count.
    """
    rows = list(rows)
    if not rows:
        return StateRow(brand, BRAND_SCOPE, phone)
    if len(rows) == 1:
        return rows[0]
    floor = datetime.min.replace(tzinfo=UTC)

    def key(r: StateRow) -> tuple[bool, datetime, bool]:
        since = r.since or floor
        return (r.since is not None, since, r.state == ConsentState.OPTED_OUT)

    best = max(rows, key=key)
    inbound = [r.last_inbound_at for r in rows if r.last_inbound_at is not None]
    review = next((r for r in rows if r.review_event_id), None)
    return replace(
        best,
        last_inbound_at=max(inbound) if inbound else None,
        review_event_id=review.review_event_id if review else None,
        review_deadline=review.review_deadline if review else None,
        replies_in_window=max(r.replies_in_window for r in rows),
    )
