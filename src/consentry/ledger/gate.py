"""The send gate: may each of these numbers be texted now, and if not, why.

Reasons (CONTRACT §5): `opted_out`, `no_consent`, `quiet_hours`, `invalid_number`.
- marketing needs express *written* consent on record (web form, paper or keyword opt-in that
  carries the disclosure shown; R119);
- informational needs any consent, or a conversation the person started within the configured
  window;
- quiet hours per `quiet_hours` (both kinds by default).
A batch costs one state query per 2,000 numbers and a dictionary lookup per number for quiet
hours; numbers are validated by the cached fast path in `phone.PhoneIndex`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, and_, any_, bindparam, null, select
from sqlalchemy.dialects.postgresql import ARRAY

from consentry.errors import InputError
from consentry.ledger.config import LedgerConfig
from consentry.ledger.model import ConsentState, Kind, Reason
from consentry.ledger.phone import PhoneIndex
from consentry.ledger.quiet_hours import QuietClock
from consentry.ledger.schema import number_states
from consentry.ledger.state import BRAND_SCOPE, scope_of
from consentry.ledger.store import Store

__all__ = ["GateResult", "SendGate"]

MAX_BATCH = 1_000_000
# Plain strings: an enum's .value costs a descriptor call per use, in a loop run per number.
_OPTED_OUT, _NO_CONSENT = Reason.OPTED_OUT.value, Reason.NO_CONSENT.value
_QUIET_HOURS, _INVALID_NUMBER = Reason.QUIET_HOURS.value, Reason.INVALID_NUMBER.value
_STATE_OUT = ConsentState.OPTED_OUT.value
_CHUNK = 2_000


@dataclass(frozen=True, slots=True)
class GateResult:
    phone: str  # E.164, or the input as given when it is not a valid number
    allowed: bool
    reasons: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "phone": self.phone,
            "allowed": self.allowed,
            "reasons": list(self.reasons),
        }
        if self.notes:
            out["notes"] = list(self.notes)
        return out


@dataclass(frozen=True, slots=True)
class _Consent:
    state: str
    since: datetime | None
    written: bool
    any: bool
    last_inbound: datetime | None


def _kind(value: object) -> Kind:
    try:
        return Kind(str(value).strip().lower())
    except ValueError:
        raise InputError(
            f"{value!r} is not a kind; use marketing or informational", key="kind"
        ) from None


class SendGate:
    def __init__(self, store: Store, config: LedgerConfig) -> None:
        self._store = store
        self._config = config
        self._phones = PhoneIndex()  # keeps its per-area-code cache across calls

    def check(
        self,
        phones: Sequence[str],
        kind: str,
        at: datetime,
        *,
        brand: str | None = None,
        campaign: str | None = None,
    ) -> list[GateResult]:
        how = _kind(kind)
        if at.tzinfo is None:
            raise InputError("needs a time zone (add Z for UTC)", key="at")
        if len(phones) > MAX_BATCH:
            raise InputError(f"at most {MAX_BATCH:,} numbers per check", key="to")
        brand = brand or self._config.brand
        campaign = campaign or self._config.campaign
        normalized = [self._phones.normalize(p) if isinstance(p, str) else None for p in phones]
        consents = self._load(brand, campaign, {p for p in normalized if p is not None}, how)
        clock = QuietClock(self._config.quiet_hours, at)
        quiet_applies = how in self._config.quiet_hours.kinds
        marketing = how == Kind.MARKETING
        recent = at - self._config.conversation_window
        results: list[GateResult] = []
        for given, e164 in zip(phones, normalized, strict=True):
            if e164 is None:
                results.append(GateResult(str(given), False, (_INVALID_NUMBER,)))
                continue
            reasons: list[str] = []
            notes: tuple[str, ...] = ()
            consent = consents.get(e164)
            if consent is not None and consent.state == _STATE_OUT:
                reasons.append(_OPTED_OUT)
            elif marketing:
                if consent is None or not consent.written:
                    reasons.append(_NO_CONSENT)
            elif consent is None or not (
                consent.any or (consent.last_inbound is not None and consent.last_inbound >= recent)
            ):
                reasons.append(_NO_CONSENT)
            if quiet_applies:
                verdict = clock.check(e164)
                if not verdict.allowed:
                    reasons.append(_QUIET_HOURS)
                if verdict.note:
                    notes = (verdict.note,)
            results.append(GateResult(e164, not reasons, tuple(reasons), notes))
        return results

    def _load(
        self, brand: str, campaign: str | None, phones: Iterable[str], kind: Kind
    ) -> dict[str, _Consent]:
        """Consent per number in one query per chunk, reading only the columns the gate needs
        (times are costly to decode on SQLite: `since` only matters when two scopes must be
        merged, `last_inbound_at` only for informational texts)."""
        unique = sorted(phones)
        scopes = {BRAND_SCOPE, scope_of(campaign, self._store.scope)}
        c = number_states.c
        since = c.since if len(scopes) > 1 else null().label("since")
        inbound = c.last_inbound_at if kind == Kind.INFORMATIONAL else null().label("inbound")
        columns = (c.phone, c.state, since, c.written_consent, c.any_consent, inbound)
        found: dict[str, list[_Consent]] = {}
        pg = self._store.engine.dialect.name == "postgresql"
        with self._store.engine.connect() as conn:
            for i in range(0, len(unique), _CHUNK):
                chunk = unique[i : i + _CHUNK]
                # PostgreSQL: one array parameter instead of thousands of bound values.
                match = (
                    c.phone == any_(bindparam("phones", chunk, ARRAY(String)))
                    if pg
                    else c.phone.in_(chunk)
                )
                query = select(*columns).where(and_(c.brand == brand, c.scope.in_(scopes), match))
                for row in conn.execute(query).all():
                    consent = _Consent(row[1], row[2], bool(row[3]), bool(row[4]), row[5])
                    found.setdefault(row[0], []).append(consent)
        return {phone: _merge(rows) for phone, rows in found.items()}


def _merge(rows: list[_Consent]) -> _Consent:
    """Brand-wide and campaign rows: the latest consent change decides (opt-out on a tie)."""
    if len(rows) == 1:
        return rows[0]
    decided = [r for r in rows if r.since is not None]
    inbound = [r.last_inbound for r in rows if r.last_inbound is not None]
    if not decided:
        base = rows[0]
    else:
        base = max(decided, key=lambda r: (r.since, r.state == ConsentState.OPTED_OUT))
    return _Consent(base.state, base.since, base.written, base.any, max(inbound, default=None))
