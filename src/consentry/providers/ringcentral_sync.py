"""Keep the ledger and RingCentral's SMS opt-out list in step.

RingCentral keeps consent per pair (business number, customer number) and assumes consent unless
a pair is opted out; the ledger keeps one state per customer number for the brand. So:

- a number opted out of *any* of our RingCentral numbers counts as opted out here;
- our opt-outs are pushed with `from: "*"` (every number of the account);
- opt-ins are never pushed: RingCentral needs none to send, and pushing `OptIn` would lift a
  block the customer asked RingCentral for. Where the two disagree, the opt-out wins.

Pulled opt-outs are recorded as `method="import"`, `provider="ringcentral"` with an id derived
from RingCentral's record, so running the sync twice records nothing new.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from consentry.ledger import Ledger
from consentry.ledger.model import ConsentState
from consentry.ledger.phone import try_normalize
from consentry.ledger.records import Recorded
from consentry.ledger.state import StateRow, merge
from consentry.providers.ringcentral_client import RingCentralClient
from consentry.providers.ringcentral_models import ConsentFailure, ConsentRecord

__all__ = ["Difference", "SyncReport", "compare", "sync_consents"]

OPT_OUT, OPT_IN = "OptOut", "OptIn"


@dataclass(frozen=True, slots=True)
class Difference:
    phone: str
    kind: str  # rc_only | ledger_only | disagree
    ledger: str  # opted_in | opted_out | unknown
    ringcentral: str | None  # OptOut | OptIn | None (not on RingCentral's list)
    fix: str  # pull (record the opt-out here) | push (send our opt-out to RingCentral)
    record: ConsentRecord | None = field(default=None, compare=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "phone": self.phone,
            "kind": self.kind,
            "ledger": self.ledger,
            "ringcentral": self.ringcentral,
            "fix": self.fix,
        }


@dataclass(frozen=True, slots=True)
class SyncReport:
    brand: str
    ledger_opted_out: int
    ledger_opted_in: int
    ringcentral_opted_out: int
    ringcentral_opted_in: int
    differences: tuple[Difference, ...]
    skipped: int = 0  # RingCentral records whose number is not a valid phone number
    pulled: int = 0
    already_recorded: int = 0
    pushed: int = 0
    failures: tuple[ConsentFailure, ...] = ()
    dry_run: bool = False

    def count(self, kind: str) -> int:
        return sum(1 for d in self.differences if d.kind == kind)

    @property
    def in_step(self) -> bool:
        return not self.differences

    def as_json(self) -> dict[str, Any]:
        return {
            "brand": self.brand,
            "in_step": self.in_step,
            "ledger": {"opted_out": self.ledger_opted_out, "opted_in": self.ledger_opted_in},
            "ringcentral": {
                "opted_out": self.ringcentral_opted_out,
                "opted_in": self.ringcentral_opted_in,
            },
            "rc_only": self.count("rc_only"),
            "ledger_only": self.count("ledger_only"),
            "disagree": self.count("disagree"),
            "differences": [d.as_json() for d in self.differences],
            "skipped": self.skipped,
            "pulled": self.pulled,
            "already_recorded": self.already_recorded,
            "pushed": self.pushed,
            "failures": [
                {"phone": f.to, "status": f.opt_status, "message": f.message} for f in self.failures
            ],
            "dry_run": self.dry_run,
        }


def _ledger_states(ledger: Ledger) -> dict[str, str]:
    brand = ledger.config.brand
    rows: dict[str, list[StateRow]] = defaultdict(list)
    for row in ledger.store.state_rows_where(brand=brand):
        rows[row.phone].append(row)
    return {phone: merge(found, brand, phone).state for phone, found in rows.items()}


def compare(ledger: Ledger, records: Iterable[ConsentRecord]) -> SyncReport:
    """What differs between the ledger (for its brand) and RingCentral's consent records."""
    ours = _ledger_states(ledger)
    theirs: dict[str, str] = {}
    evidence: dict[str, ConsentRecord] = {}
    skipped = 0
    for rec in records:
        phone = try_normalize(rec.to)
        if phone is None or rec.opt_status not in (OPT_OUT, OPT_IN):
            skipped += 1
            continue
        # Opted out of any business number means opted out of the brand.
        if rec.opt_status == OPT_OUT or theirs.get(phone) != OPT_OUT:
            theirs[phone] = rec.opt_status
            evidence[phone] = rec
    diffs: list[Difference] = []
    for phone in sorted(ours.keys() | theirs.keys()):
        mine = ours.get(phone, ConsentState.UNKNOWN)
        rc = theirs.get(phone)
        if mine == ConsentState.OPTED_OUT and rc != OPT_OUT:
            kind = "ledger_only" if rc is None else "disagree"
            diffs.append(Difference(phone, kind, mine, rc, "push"))
        elif rc == OPT_OUT and mine != ConsentState.OPTED_OUT:
            kind = "rc_only" if mine == ConsentState.UNKNOWN else "disagree"
            diffs.append(Difference(phone, kind, mine, rc, "pull", evidence[phone]))
    return SyncReport(
        brand=ledger.config.brand,
        ledger_opted_out=sum(1 for s in ours.values() if s == ConsentState.OPTED_OUT),
        ledger_opted_in=sum(1 for s in ours.values() if s == ConsentState.OPTED_IN),
        ringcentral_opted_out=sum(1 for s in theirs.values() if s == OPT_OUT),
        ringcentral_opted_in=sum(1 for s in theirs.values() if s == OPT_IN),
        differences=tuple(diffs),
        skipped=skipped,
    )


def sync_consents(
    ledger: Ledger,
    client: RingCentralClient,
    *,
    pull: bool = False,
    push: bool = False,
    dry_run: bool = False,
) -> SyncReport:
    """Compare, then (unless `dry_run`) record RingCentral-only opt-outs (`pull`) and send the
    ledger's opt-outs to RingCentral (`push`)."""
    report = compare(ledger, client.consents((OPT_OUT, OPT_IN)))
    if dry_run or not (pull or push):
        return _with(report, dry_run=dry_run)
    pulled = already = 0
    if pull:
        for diff in report.differences:
            if diff.fix == "pull" and diff.record is not None:
                recorded = _record_pull(ledger, diff.phone, diff.record)
                already += recorded.duplicate
                pulled += not recorded.duplicate
    failures: list[ConsentFailure] = []
    pushed = 0
    if push:
        updates = [(d.phone, OPT_OUT) for d in report.differences if d.fix == "push"]
        if updates:
            failures = client.update_consents(updates)
            pushed = len(updates) - len(failures)
    return _with(
        report, pulled=pulled, already_recorded=already, pushed=pushed, failures=tuple(failures)
    )


def _record_pull(ledger: Ledger, phone: str, rec: ConsentRecord) -> Recorded:
    source = rec.source or "unknown"
    since = f" since {rec.last_modified}" if rec.last_modified else ""
    return ledger.record_opt_out(
        phone,
        method="import",
        provider="ringcentral",
        # One event per RingCentral record: a second sync finds it and records nothing.
        provider_message_id=f"rc-consent:{rec.from_}:{rec.to}:{rec.last_modified or ''}"[:128],
        note=f"On RingCentral's SMS opt-out list for {rec.from_} (source: {source}){since}",
        extra={
            "ringcentral_from": rec.from_,
            "ringcentral_source": source,
            "ringcentral_modified": rec.last_modified,
        },
    )


def _with(report: SyncReport, **changes: Any) -> SyncReport:
    return replace(report, **changes)
