"""Handling one inbound text: classify it, record what it did, decide the one reply (if any).

Reply policy (R117 and the carriers' expectations):
- opt-out: record it and send the brand's opt-out confirmation once; a repeated STOP from an
  opted-out number gets nothing (the first confirmation was the last message).
- HELP: always answered, even after an opt-out.
- opt-in (START, UNSTOP, campaign keywords; YES only while a confirmation is pending):
  recorded with the call to action as its disclosure, and confirmed.
- review: a possible revocation goes to the review queue with its 10-business-day deadline; no
  automatic reply, since a person decides.
- anything else: recorded (it counts as a conversation the person started), never answered.
- machine-sent texts are never answered, and at most `reply_limit` automatic replies go to a
  number per `reply_window`, so two automated numbers cannot keep each other talking.
The decision runs inside the append transaction, so two copies of one STOP arriving at once
still produce exactly one confirmation.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from consentry.ledger.business_days import add_business_days
from consentry.ledger.config import LedgerConfig
from consentry.ledger.fields import InboundText, sha256_text
from consentry.ledger.keywords import Classification, classify
from consentry.ledger.model import Action, ConsentState, Event, EventDraft, EventType, Method
from consentry.ledger.state import StateRow
from consentry.ledger.store import TxView

__all__ = ["InboundMessage", "InboundOp", "InboundResult"]


@dataclass(frozen=True, slots=True)
class InboundMessage:
    brand: str
    campaign: str | None
    phone: str  # the sender, E.164
    to: str  # the business number it was sent to
    text: InboundText
    provider: str
    provider_message_id: str | None
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class InboundResult:
    """`action` is the contract's opt_out | opt_in | help | none; a doubtful revocation is
    `none` here with `review=True` and its deadline (the classification says `review`)."""

    action: str
    reply: str | None
    classification: Classification
    event_id: str | None
    phone: str
    review: bool = False
    review_deadline: datetime | None = None
    duplicate: bool = False
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "reply": self.reply,
            "phone": self.phone,
            "event_id": self.event_id,
            "review": self.review,
            "review_deadline": self.review_deadline.isoformat() if self.review_deadline else None,
            "duplicate": self.duplicate,
            "classification": self.classification.as_json(),
            "note": self.note,
        }


_REPLY_EVENT = {
    EventType.OPT_OUT_CONFIRMATION_SENT: Action.OPT_OUT,
    EventType.OPT_IN_CONFIRMATION_SENT: Action.OPT_IN,
    EventType.HELP_SENT: Action.HELP,
}


@dataclass
class InboundOp:
    message: InboundMessage
    config: LedgerConfig
    result: InboundResult | None = field(default=None, init=False)

    def state_keys(self) -> Iterable[tuple[str, str]]:
        return [(self.message.brand, self.message.phone)]

    def message_ids(self) -> Iterable[str]:
        mid = self.message.provider_message_id
        return [mid] if mid else []

    def plan(self, view: TxView) -> Sequence[EventDraft]:
        msg = self.message
        seen = view.existing(msg.brand, msg.provider, msg.provider_message_id)
        if seen is not None:
            self.result = _replay(seen)
            return []
        state = view.state(msg.brand, msg.phone, msg.campaign)
        found = classify(
            msg.text.full, self.config.keywords, confirmation_pending=bool(state.pending_event_id)
        )
        drafts, reply, note = self._decide(found, state, view)
        action = found.action if found.action != Action.REVIEW else Action.NONE
        deadline = drafts[0].data.get("review_deadline") if found.action == Action.REVIEW else None
        self.result = InboundResult(
            action=action,
            reply=reply,
            classification=found,
            event_id=drafts[0].event_id,
            phone=msg.phone,
            review=found.action == Action.REVIEW,
            review_deadline=datetime.fromisoformat(deadline) if deadline else None,
            note=note,
        )
        return drafts

    def _decide(
        self, found: Classification, state: StateRow, view: TxView
    ) -> tuple[list[EventDraft], str | None, str]:
        cfg, msg = self.config, self.message
        limited = _rate_limited(state, msg.occurred_at, cfg)
        if found.action == Action.OPT_OUT:
            if state.state == ConsentState.OPTED_OUT and state.opt_out_confirmed:
                return [self._event(EventType.OPT_OUT, found)], None, "already opted out"
            text = cfg.replies.opt_out_text()
            first = self._event(EventType.OPT_OUT, found, reply_text=text)
            return [first, self._reply(EventType.OPT_OUT_CONFIRMATION_SENT, text, first)], text, ""
        if found.action == Action.OPT_IN:
            evidence = self._opt_in_evidence(state, view)
            if limited:
                first = self._event(EventType.OPT_IN, found, **evidence)
                return [first], None, "reply limit reached for this number"
            text = cfg.replies.opt_in_text()
            first = self._event(EventType.OPT_IN, found, reply_text=text, **evidence)
            return [first, self._reply(EventType.OPT_IN_CONFIRMATION_SENT, text, first)], text, ""
        if found.action == Action.HELP:
            if limited:
                first = self._event(EventType.HELP_REQUEST, found)
                return [first], None, "reply limit reached for this number"
            text = cfg.replies.help_text()
            first = self._event(EventType.HELP_REQUEST, found, reply_text=text)
            return [first, self._reply(EventType.HELP_SENT, text, first)], text, ""
        if found.action == Action.REVIEW:
            deadline = add_business_days(msg.occurred_at, cfg.review_business_days)
            review = self._event(
                EventType.REVOCATION_REVIEW, found, review_deadline=deadline.isoformat()
            )
            return [review], None, "queued for review"
        note = "automated message: not answered" if found.automated else ""
        return [self._event(EventType.MESSAGE_RECEIVED, found)], None, note

    def _opt_in_evidence(self, state: StateRow, view: TxView) -> dict[str, Any]:
        """A YES carries the disclosure of the request it confirms; a keyword the CTA's."""
        if state.pending_event_id:
            request = view.event(state.pending_event_id)
            if request is not None:
                keep = ("disclosure_text", "disclosure_sha256", "page_url", "form_id")
                evidence = {k: request.data[k] for k in keep if k in request.data}
                return {**evidence, "confirms": request.event_id}
        disclosure = self.config.keyword_disclosure
        if disclosure:
            return {"disclosure_text": disclosure, "disclosure_sha256": sha256_text(disclosure)}
        return {}

    def _event(self, type_: str, found: Classification, **extra: Any) -> EventDraft:
        msg = self.message
        data: dict[str, Any] = {
            "inbound_text": msg.text.text,
            "text_sha256": msg.text.sha256,
            "to": msg.to,
            "action": found.action,
            "keyword": found.keyword,
            "confidence": found.confidence,
            "reason": found.reason,
        }
        if msg.text.full_length != len(msg.text.text):
            data["text_length"] = msg.text.full_length
        if msg.text.repaired:
            data["text_repaired"] = True
        if found.automated:
            data["automated"] = True
        data.update(extra)
        return EventDraft(
            event_id=str(uuid.uuid4()),
            brand=msg.brand,
            phone=msg.phone,
            type=type_,
            occurred_at=msg.occurred_at,
            campaign=msg.campaign,
            method=Method.KEYWORD if type_ in {EventType.OPT_IN, EventType.OPT_OUT} else None,
            provider=msg.provider,
            provider_message_id=msg.provider_message_id,
            data=data,
        )

    def _reply(self, type_: str, text: str, cause: EventDraft) -> EventDraft:
        msg = self.message
        return EventDraft(
            event_id=str(uuid.uuid4()),
            brand=msg.brand,
            phone=msg.phone,
            type=type_,
            occurred_at=msg.occurred_at,
            campaign=msg.campaign,
            data={"text": text, "in_reply_to": cause.event_id, "from": msg.to},
        )


def _rate_limited(state: StateRow, at: datetime, cfg: LedgerConfig) -> bool:
    start = state.reply_window_start
    return (
        start is not None
        and at - start < cfg.reply_window
        and state.replies_in_window >= cfg.reply_limit
    )


def _replay(seen: Event) -> InboundResult:
    """The answer already given to this provider message (a webhook retry gets the same)."""
    action = str(seen.data.get("action", Action.NONE))
    found = Classification(
        action,
        seen.data.get("keyword"),
        float(seen.data.get("confidence", 0.0)),
        str(seen.data.get("reason", "")),
        bool(seen.data.get("automated", False)),
    )
    reply = seen.data.get("reply_text")
    deadline = seen.data.get("review_deadline")
    return InboundResult(
        action=action if action != Action.REVIEW else Action.NONE,
        reply=reply if isinstance(reply, str) else None,
        classification=found,
        event_id=seen.event_id,
        phone=seen.phone,
        review=action == Action.REVIEW,
        review_deadline=datetime.fromisoformat(deadline) if deadline else None,
        duplicate=True,
        note="already handled",
    )
