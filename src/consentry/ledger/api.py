"""The ledger's public face: one method per thing the service, the CLI or a script does.

Every method validates its input (raising `consentry.errors.InputError` with the field name),
so an HTTP route can be a single call plus `.as_json()`. No web framework is imported here.

    ledger = Ledger("sqlite:///consentry.db", config=LedgerConfig.from_campaign(campaign))
    ledger.record_consent("(512) 447-0198", "web_form", disclosure_text="...", checkbox_checked=True)
    ledger.handle_inbound("+15124470198", "+15125550100", "Stop please", "SM123")
    ledger.send_check(["+15124470198"], "marketing")
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine

from consentry.errors import InputError
from consentry.ledger.appender import GroupCommitter
from consentry.ledger.capture import CaptureResult, RateLimiter, capture
from consentry.ledger.certificate import render_certificate
from consentry.ledger.chain import ChainReport
from consentry.ledger.config import LedgerConfig
from consentry.ledger.database import is_initialized, make_engine, upgrade
from consentry.ledger.evidence import Evidence, NumberState, prove, to_csv, to_json
from consentry.ledger.fields import clean_inbound, clean_text
from consentry.ledger.gate import GateResult, SendGate
from consentry.ledger.importer import plan_import
from consentry.ledger.inbound import InboundMessage, InboundOp, InboundResult
from consentry.ledger.keys import ApiKey, NewApiKey, check_key, create_key, list_keys, revoke_key
from consentry.ledger.model import GENESIS_HASH, Event, EventType
from consentry.ledger.phone import normalize_phone, try_normalize
from consentry.ledger.records import (
    AppendOp,
    Recorded,
    consent_draft,
    opt_out_draft,
    parse_time,
    review_resolved_draft,
)
from consentry.ledger.sites import Site, create_site, list_sites, revoke_site, site_by_key
from consentry.ledger.state import BRAND_SCOPE, merge, scope_of
from consentry.ledger.store import Operation, Store

__all__ = ["ImportReport", "Ledger", "Review", "StateCheck"]

_T = TypeVar("_T")

_IMPORT_CHUNK = 500


@dataclass(frozen=True, slots=True)
class ImportReport:
    source: str
    layout: str
    rows: int
    imported: int
    duplicates: int
    opted_in: int
    opted_out: int

    def as_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class Review:
    event_id: str
    phone: str
    brand: str
    text: str
    received_at: datetime
    deadline: datetime | None
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "phone": self.phone,
            "brand": self.brand,
            "text": self.text,
            "received_at": self.received_at.isoformat(),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class StateCheck:
    """Whether the state table equals the fold of the events (it should, always)."""

    ok: bool
    rows: int
    missing: int
    extra: int
    different: int


class Ledger:
    def __init__(
        self,
        database: str | Engine | None = None,
        *,
        config: LedgerConfig | None = None,
        clock: Callable[[], datetime] | None = None,
        migrate: bool = True,
        group_commit: bool = True,
    ) -> None:
        self.engine = database if isinstance(database, Engine) else make_engine(database)
        self.config = config or LedgerConfig()
        self._clock = clock or (lambda: datetime.now(UTC))
        if migrate:
            upgrade(self.engine)
        elif not is_initialized(self.engine):
            raise InputError("the ledger database is not set up; run `consentry ledger init`")
        self.store = Store(
            self.engine,
            scope=self.config.scope,
            reply_window=self.config.reply_window,
            clock=self._clock,
        )
        self._committer = GroupCommitter(self.store) if group_commit else None
        self._gate = SendGate(self.store, self.config)

    # -- lifecycle -------------------------------------------------------------------------------
    def close(self) -> None:
        if self._committer is not None:
            self._committer.close()
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def now(self) -> datetime:
        return self._clock()

    def _run(self, op: Operation) -> list[Event]:
        return self._submit(op).result()

    def _submit(self, op: Operation) -> Future[list[Event]]:
        """Queue `op` for the writer; the future completes once it is durably committed.

        An async web route awaits this future instead of parking a thread on it."""
        if self._committer is not None:
            return self._committer.submit(op)
        done: Future[list[Event]] = Future()
        try:
            done.set_result(self.store.transact([op])[0])
        except Exception as exc:
            done.set_exception(exc)
        return done

    def _append(self, draft_op: AppendOp) -> Recorded:
        return _recorded(draft_op, self._run(draft_op))

    # -- recording -------------------------------------------------------------------------------
    def record_consent(self, phone: str, method: str = "web_form", **evidence: Any) -> Recorded:
        """Record an opt-in with its evidence: disclosure_text, page_url, form_id,
        checkbox_checked, ip, user_agent, campaign, brand, occurred_at, provider,
        provider_message_id, note."""
        return self.submit_consent(phone, method, **evidence).result()

    def submit_consent(
        self, phone: str, method: str = "web_form", **evidence: Any
    ) -> Future[Recorded]:
        """`record_consent` without waiting: input errors raise now, the future completes
        when the consent is committed."""
        op = AppendOp(
            [consent_draft(self.config, self.now(), phone=phone, method=method, **evidence)]
        )
        return _then(self._submit(op), lambda events: _recorded(op, events))

    def request_confirmation(
        self, phone: str, method: str = "web_form", **evidence: Any
    ) -> Recorded:
        """Record a double opt-in request ("Reply YES to confirm"): YES then opts the number in
        with this evidence."""
        draft = consent_draft(
            self.config,
            self.now(),
            phone=phone,
            method=method,
            type_=EventType.CONFIRMATION_REQUESTED,
            **evidence,
        )
        return self._append(AppendOp([draft]))

    def record_opt_out(self, phone: str, method: str = "api", **details: Any) -> Recorded:
        """Record a revocation received another way (call, email, web form, in person)."""
        return self._append(
            AppendOp(
                [opt_out_draft(self.config, self.now(), phone=phone, method=method, **details)]
            )
        )

    def handle_inbound(
        self,
        from_: str,
        to: str,
        text: str,
        provider_id: str | None = None,
        *,
        provider: str = "generic",
        occurred_at: datetime | str | None = None,
        campaign: str | None = None,
    ) -> InboundResult:
        """Classify and record an inbound text; returns the action and the reply to send."""
        return self.submit_inbound(
            from_,
            to,
            text,
            provider_id,
            provider=provider,
            occurred_at=occurred_at,
            campaign=campaign,
        ).result()

    def submit_inbound(
        self,
        from_: str,
        to: str,
        text: str,
        provider_id: str | None = None,
        *,
        provider: str = "generic",
        occurred_at: datetime | str | None = None,
        campaign: str | None = None,
    ) -> Future[InboundResult]:
        """`handle_inbound` without waiting: input errors raise now; the future completes with
        the result once the text and what it did are committed."""
        now = self.now()
        message = InboundMessage(
            brand=self.config.brand,
            campaign=clean_text(campaign, "campaign") or self.config.campaign,
            phone=normalize_phone(from_, key="from"),
            to=try_normalize(to) or clean_text(to, "to", required=True) or "",
            text=clean_inbound(text),
            provider=clean_text(provider, "provider") or "generic",
            provider_message_id=clean_text(provider_id, "provider_message_id"),
            occurred_at=parse_time(occurred_at, key="occurred_at", now=now, config=self.config),
        )
        op = InboundOp(message, self.config)
        return _then(self._submit(op), lambda _events: _inbound_result(op))

    # -- reading ---------------------------------------------------------------------------------
    def number_state(
        self, phone: str, *, brand: str | None = None, campaign: str | None = None
    ) -> NumberState:
        e164 = normalize_phone(phone)
        brand = brand or self.config.brand
        scopes = {BRAND_SCOPE, scope_of(campaign or self.config.campaign, self.config.scope)}
        rows = [r for r in self.store.states(brand, [e164]).get(e164, []) if r.scope in scopes]
        return NumberState.of(merge(rows, brand, e164))

    def history(self, phone: str, *, brand: str | None = None) -> list[Event]:
        return self.store.history(brand or self.config.brand, normalize_phone(phone))

    def evidence(
        self, phone: str, *, brand: str | None = None, verify_chain: bool = True
    ) -> Evidence:
        """Every event of the number with its hash proof; `verify_chain` walks the whole ledger."""
        brand = brand or self.config.brand
        e164 = normalize_phone(phone)
        events = self.store.history(brand, e164)
        before = self.store.hashes_at(e.seq - 1 for e in events if e.seq > 1)
        prev = {e.seq: before.get(e.seq - 1, "") if e.seq > 1 else GENESIS_HASH for e in events}
        return Evidence(
            phone=e164,
            brand=brand,
            state=self.number_state(e164, brand=brand),
            events=tuple(prove(e, prev) for e in events),
            chain=self.verify() if verify_chain else None,
            generated_at=self.now(),
        )

    def export(self, phone: str, fmt: str = "json", *, brand: str | None = None) -> str:
        """One number's history as `json`, `csv` or `html` (a printable consent certificate)."""
        evidence = self.evidence(phone, brand=brand)
        if fmt == "json":
            return to_json(evidence)
        if fmt == "csv":
            return to_csv(evidence)
        if fmt == "html":
            return render_certificate(evidence, brand_name=self.config.replies.brand_name)
        raise InputError(f"unknown format {fmt!r}; use json, csv or html", key="format")

    def send_check(
        self,
        phones: Sequence[str],
        kind: str,
        at: datetime | str | None = None,
        *,
        brand: str | None = None,
        campaign: str | None = None,
    ) -> list[GateResult]:
        """For each number: may it be texted `at` (default now) with a message of this kind?"""
        if isinstance(phones, str):
            raise InputError("must be a list of phone numbers", key="to")
        return self._gate.check(
            phones, kind, _instant(at, self.now()), brand=brand, campaign=campaign
        )

    def check(
        self, phone: str, kind: str, at: datetime | str | None = None, **scope: Any
    ) -> GateResult:
        return self.send_check([phone], kind, at, **scope)[0]

    def reviews(self, *, brand: str | None = None) -> list[Review]:
        """Possible revocations waiting for a person, oldest deadline first."""
        rows = self.store.state_rows_where(brand=brand or self.config.brand, review_event_id=...)
        out: list[Review] = []
        for row in rows:
            event = self.store.event(row.review_event_id or "")
            if event is None:
                continue
            out.append(
                Review(
                    event.event_id,
                    event.phone,
                    event.brand,
                    str(event.data.get("inbound_text", "")),
                    event.occurred_at,
                    row.review_deadline,
                    str(event.data.get("reason", "")),
                )
            )
        return sorted(out, key=lambda r: (r.deadline is None, r.deadline or r.received_at))

    def resolve_review(self, event_id: str, decision: str, *, note: str | None = None) -> Recorded:
        """`opt_out` honours the revocation from the time it was received; `dismiss` closes it."""
        review = self.store.event(event_id)
        if review is None or review.type != EventType.REVOCATION_REVIEW:
            raise InputError(f"no review with id {event_id!r}", key="event_id")
        if decision not in {"opt_out", "dismiss"}:
            raise InputError("use opt_out or dismiss", key="decision")
        drafts = [review_resolved_draft(review, decision, self.now(), note=note)]
        if decision == "opt_out":
            # The person revoked when they texted, not when someone read it.
            drafts.append(
                opt_out_draft(
                    self.config,
                    self.now(),
                    phone=review.phone,
                    method="keyword",
                    brand=review.brand,
                    campaign=review.campaign,
                    occurred_at=review.occurred_at,
                    extra={"from_review": review.event_id},
                )
            )
        events = self._run(AppendOp(drafts))
        return Recorded.of(events[-1])

    # -- integrity -------------------------------------------------------------------------------
    def verify(self) -> ChainReport:
        """Walk the hash chain; names the first altered, removed or inserted event."""
        return self.store.walk_chain()

    def check_state(self) -> StateCheck:
        derived = self.store.derive_states()
        stored = self.store.stored_states()
        missing = len(derived.keys() - stored.keys())
        extra = len(stored.keys() - derived.keys())
        different = sum(1 for k in derived.keys() & stored.keys() if derived[k] != stored[k])
        ok = not (missing or extra or different)
        return StateCheck(ok, len(derived), missing, extra, different)

    def rebuild_state(self) -> int:
        """Recompute the state table from the events; returns the number of rows."""
        return self.store.rebuild_states()

    # -- import ----------------------------------------------------------------------------------
    def import_file(
        self,
        path: str | Path,
        *,
        layout: str = "auto",
        status: str | None = None,
        brand: str | None = None,
        campaign: str | None = None,
    ) -> ImportReport:
        plan = plan_import(
            path,
            self.config,
            self.now(),
            layout=layout,
            status=status,
            brand=brand,
            campaign=campaign,
        )
        imported = duplicates = 0
        for i in range(0, len(plan.drafts), _IMPORT_CHUNK):
            op = AppendOp(plan.drafts[i : i + _IMPORT_CHUNK])
            imported += len(self._run(op))
            duplicates += len(op.duplicates)
        return ImportReport(
            plan.source, plan.layout, plan.rows, imported, duplicates, plan.opted_in, plan.opted_out
        )

    # -- API keys --------------------------------------------------------------------------------
    def create_api_key(
        self, name: str | None = None, scopes: str | list[str] | tuple[str, ...] | None = None
    ) -> NewApiKey:
        """A new key; `scopes` is any of record, read, check (default: all)."""
        return create_key(self.engine, name, self.now(), scopes)

    def api_keys(self) -> list[ApiKey]:
        return list_keys(self.engine)

    def check_api_key(self, token: str | None) -> ApiKey | None:
        return check_key(self.engine, token)

    def revoke_api_key(self, key_id: str) -> bool:
        return revoke_key(self.engine, key_id, self.now())

    # -- websites (public form capture) --------------------------------------------------------------
    def create_site(
        self,
        name: str | None,
        origins: list[str] | tuple[str, ...],
        *,
        brand: str | None = None,
        campaign: str | None = None,
    ) -> Site:
        """Register a website whose forms may post consent with the returned publishable key."""
        return create_site(self.engine, name, origins, self.now(), brand=brand, campaign=campaign)

    def site_by_key(self, key: str | None) -> Site | None:
        return site_by_key(self.engine, key)

    def sites(self) -> list[Site]:
        return list_sites(self.engine)

    def revoke_site(self, site_id: str) -> bool:
        return revoke_site(self.engine, site_id, self.now())

    def capture(
        self,
        payload: Mapping[str, Any],
        *,
        origin: str | None,
        ip: str | None = None,
        user_agent: str | None = None,
        limiter: RateLimiter | None = None,
    ) -> CaptureResult:
        """Consent evidence posted by the website snippet (see `consentry.ledger.capture`)."""
        return capture(self, payload, origin=origin, ip=ip, user_agent=user_agent, limiter=limiter)


def _recorded(op: AppendOp, events: list[Event]) -> Recorded:
    if events:
        return Recorded.of(events[0])
    return Recorded.of(next(iter(op.duplicates.values())), duplicate=True)


def _inbound_result(op: InboundOp) -> InboundResult:
    assert op.result is not None  # set by the writer inside the transaction
    return op.result


def _then(future: Future[list[Event]], finish: Callable[[list[Event]], _T]) -> Future[_T]:
    """A future of `finish(events)`: the caller's result once the commit is done."""
    out: Future[_T] = Future()

    def done(f: Future[list[Event]]) -> None:
        try:
            out.set_result(finish(f.result()))
        except BaseException as exc:
            out.set_exception(exc)

    future.add_done_callback(done)
    return out


def _instant(value: datetime | str | None, now: datetime) -> datetime:
    if value is None:
        return now
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise InputError(f"{value!r} is not an ISO-8601 time", key="at") from None
    if value.tzinfo is None:
        raise InputError("needs a time zone (add Z for UTC)", key="at")
    return value
