"""Importing existing opt-in / opt-out lists (CSV) as `consent_imported` events.

Layouts recognised from the header row:
- RingCentral SMS consent export (`GET /restapi/v2/accounts/~/sms/consents/export`):
  `From,To,Status,Source[,LastModifiedTime]`; Status `OptIn`/`OptOut`; the consumer is `To`.
- Twilio (the Bulk Consents item shape, which Twilio's consent tooling uses):
  `contact_id,correlation_id,sender_id,status,source,date_of_consent`; status `opt-in`/`opt-out`.
- Generic: `phone,status[,occurred_at,campaign,method,disclosure_text,page_url,form_id,note]`,
  with common spellings of each header accepted ("Phone Number", "Mobile", "Opt Out Date").
- A bare list of numbers, given `status` (every row an opt-out, say).

The whole file is checked before anything is written: a bad row stops the import with the file,
line and column, and nothing is half-imported. Each row's event id is derived from its content,
so importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from consentry.errors import InputError
from consentry.ledger.config import LedgerConfig
from consentry.ledger.fields import LIMITS, clean_text, sha256_text
from consentry.ledger.model import ConsentState, EventDraft, EventType, Method
from consentry.ledger.phone import normalize_phone
from consentry.ledger.records import parse_time

__all__ = ["LAYOUTS", "ImportPlan", "plan_import"]

LAYOUTS = ("auto", "ringcentral", "twilio", "generic")
MAX_BYTES = 500_000_000
_IN = {"optin", "optedin", "in", "subscribed", "subscribe", "yes", "true", "1", "active"}
_IN |= {"consented", "granted", "start", "unstop", "resubscribed"}
_OUT = {"optout", "optedout", "out", "unsubscribed", "unsubscribe", "no", "false", "0", "stop"}
_OUT |= {"stopped", "blocked", "revoked", "inactive", "denied", "cancelled", "canceled"}
_HEADERS: dict[str, tuple[str, ...]] = {
    "phone": (
        "phone",
        "phonenumber",
        "number",
        "mobile",
        "mobilenumber",
        "mobilephone",
        "cell",
        "cellphone",
        "contactid",
        "contact",
        "msisdn",
        "recipient",
        "subscriber",
        "e164",
        "tel",
        "telephone",
        "phonee164",
        "to",
        "tonumber",
    ),
    "status": (
        "status",
        "optstatus",
        "consent",
        "consentstatus",
        "optinstatus",
        "optoutstatus",
        "subscription",
        "subscriptionstatus",
        "state",
    ),
    "occurred_at": (
        "occurredat",
        "lastmodifiedtime",
        "dateofconsent",
        "consentdate",
        "date",
        "datetime",
        "timestamp",
        "time",
        "createdat",
        "datecreated",
        "updatedat",
        "optedoutat",
        "optedinat",
        "optoutdate",
        "optindate",
        "optouttime",
        "optintime",
    ),
    "campaign": ("campaign", "campaignid", "campaignname"),
    "method": ("method", "consentmethod"),
    "source": ("source", "consentsource", "channel"),
    "business_number": ("from", "fromnumber", "senderid", "sender", "businessnumber"),
    "disclosure_text": ("disclosuretext", "disclosure", "consenttext", "consentlanguage"),
    "page_url": ("pageurl", "url", "page", "formurl"),
    "form_id": ("formid", "form"),
    "note": ("note", "notes", "comment", "comments"),
}


@dataclass(frozen=True, slots=True)
class ImportPlan:
    source: str
    layout: str
    rows: int
    drafts: tuple[EventDraft, ...]

    @property
    def opted_in(self) -> int:
        return sum(1 for d in self.drafts if d.data.get("status") == ConsentState.OPTED_IN)

    @property
    def opted_out(self) -> int:
        return len(self.drafts) - self.opted_in


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


def _columns(header: Sequence[str], layout: str, source: str) -> tuple[str, dict[str, int]]:
    keys = [_key(h) for h in header]
    found: dict[str, int] = {}
    for field, names in _HEADERS.items():
        for name in names:  # earlier spellings win: "phone" before "to"
            if name in keys:
                found[field] = keys.index(name)
                break
    is_rc = {"from", "to", "status"} <= set(keys)
    is_twilio = {"contactid", "status"} <= set(keys)
    if layout == "auto":
        layout = "ringcentral" if is_rc else "twilio" if is_twilio else "generic"
    if layout == "ringcentral":
        if not is_rc:
            raise InputError(
                "a RingCentral export has From, To and Status columns", source=source, line=1
            )
        found["phone"] = keys.index("to")  # the consumer; From is the business number
    if layout == "twilio" and not is_twilio:
        raise InputError("a Twilio list has contact_id and status columns", source=source, line=1)
    return layout, found


def _status(value: str, *, source: str, line: int, column: str) -> str:
    key = _key(value)
    if key in _IN:
        return ConsentState.OPTED_IN
    if key in _OUT:
        return ConsentState.OPTED_OUT
    raise InputError(
        f"{value!r} is not an opt-in or opt-out status (use opt-in or opt-out)",
        source=source,
        line=line,
        key=column,
    )


def _time(
    value: str, now: datetime, config: LedgerConfig, *, where: dict[str, Any]
) -> tuple[datetime, bool]:
    """(time, assumed_utc). Accepts ISO-8601, 'YYYY-MM-DD HH:MM[:SS]', US 'MM/DD/YYYY', epoch."""
    text = value.strip()
    assumed = False
    if re.fullmatch(r"\d{9,11}(\.\d+)?", text):
        moment = datetime.fromtimestamp(float(text), UTC)
    elif m := re.fullmatch(
        r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?", text
    ):
        mo, d, y, hh, mm, ss = m.groups()
        try:
            moment = datetime(
                int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0), tzinfo=UTC
            )
        except ValueError:
            raise InputError(f"{text!r} is not a date", **where) from None
        assumed = True
    else:
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise InputError(
                f"{text!r} is not a date and time such as 2025-04-01T14:05:00Z", **where
            ) from None
        if moment.tzinfo is None:
            moment, assumed = moment.replace(tzinfo=UTC), True
    try:
        return parse_time(moment, key=where.get("key") or "date", now=now, config=config), assumed
    except InputError as exc:
        raise InputError(exc.message, **where) from None


def _read(raw: bytes, source: str) -> list[list[str]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            "is not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in Excel) and try again",
            source=source,
            line=raw.count(b"\n", 0, exc.start) + 1,
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(
            "contains a NUL byte: is this really a CSV file?", source=source, line=line
        )
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise InputError(f"cannot be read as CSV ({exc})", source=source) from None


def plan_import(
    path: str | Path,
    config: LedgerConfig,
    now: datetime,
    *,
    layout: str = "auto",
    status: str | None = None,
    brand: str | None = None,
    campaign: str | None = None,
) -> ImportPlan:
    """Read and check a whole consent list; raises InputError naming file, line and column."""
    source = str(path)
    if layout not in LAYOUTS:
        raise InputError(
            f"unknown layout {layout!r}; use one of {', '.join(LAYOUTS)}", key="layout"
        )
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", source=source) from None
    if len(raw) > MAX_BYTES:
        raise InputError("is larger than 500 MB; split it into smaller files", source=source)
    rows = _read(raw, source)
    while rows and not any(c.strip() for c in rows[0]):
        rows.pop(0)
    if not rows:
        raise InputError("is empty", source=source)
    header = rows[0]
    if len(header) == 1 and _is_phone(header[0]):
        header, start = ["phone"], 0  # a bare list of numbers without a header row
    else:
        start = 1
    layout, cols = _columns(header, layout, source)
    if "phone" not in cols:
        raise InputError("has no phone number column (e.g. 'phone' or 'To')", source=source, line=1)
    fixed = _status(status, source=source, line=0, column="status") if status else None
    if fixed is None and "status" not in cols:
        raise InputError(
            "has no status column; pass --status opt-out (or opt-in) if every row is the same",
            source=source,
            line=1,
        )
    brand_id = clean_text(brand, "brand") or config.brand
    default_campaign = clean_text(campaign, "campaign") or config.campaign
    drafts: list[EventDraft] = []
    for index, row in enumerate(rows[start:], start=start + 1):
        if not any(cell.strip() for cell in row):
            continue
        drafts.append(
            _draft(row, index, header, cols, fixed, brand_id, default_campaign, config, now, source)
        )
    return ImportPlan(source, layout, len(drafts), tuple(drafts))


def _is_phone(value: str) -> bool:
    try:
        normalize_phone(value)
    except InputError:
        return False
    return True


def _draft(
    row: list[str],
    line: int,
    header: Sequence[str],
    cols: dict[str, int],
    fixed: str | None,
    brand: str,
    campaign: str | None,
    config: LedgerConfig,
    now: datetime,
    source: str,
) -> EventDraft:
    def cell(field: str) -> str | None:
        i = cols.get(field)
        if i is None or i >= len(row):
            return None
        value = row[i] if field == "disclosure_text" else row[i].strip()
        if not value.strip():
            return None
        limit = LIMITS.get(field, LIMITS["source"])
        if len(value) > limit:
            name = header[i] if i < len(header) else field
            raise InputError(
                f"is {len(value):,} characters; the limit is {limit:,}",
                source=source,
                line=line,
                key=name,
            )
        return value

    def where(field: str) -> dict[str, Any]:
        i = cols.get(field)
        return {
            "source": source,
            "line": line,
            "key": header[i] if i is not None and i < len(header) else field,
        }

    phone_text = cell("phone")
    if phone_text is None:
        raise InputError("is empty", **where("phone"))
    try:
        phone = normalize_phone(phone_text)
    except InputError as exc:
        raise InputError(exc.message, **where("phone")) from None
    state = fixed or _status(cell("status") or "", **_status_where(where("status")))
    when_text = cell("occurred_at")
    data: dict[str, Any] = {"status": state, "source_file": Path(source).name, "source_line": line}
    if when_text:
        occurred, assumed = _time(when_text, now, config, where=where("occurred_at"))
        if assumed:
            data["time_assumed_utc"] = True
    else:
        occurred = now
        data["undated"] = True  # see state.py: an undated opt-in never overrides a known state
    for field in ("source", "business_number", "page_url", "form_id", "note", "method"):
        value = cell(field)
        if value is not None:
            data["original_" + field if field == "method" else field] = value
    disclosure = cell("disclosure_text")
    if disclosure is not None:
        data["disclosure_text"] = disclosure
        data["disclosure_sha256"] = sha256_text(disclosure)
        data["written"] = state == ConsentState.OPTED_IN
    camp = cell("campaign") or campaign
    fingerprint = "|".join(
        [brand, phone, state, when_text or "", data.get("business_number", ""), camp or ""]
    )
    digest = hashlib.sha256(fingerprint.encode()).hexdigest()
    return EventDraft(
        event_id=str(uuid.UUID(digest[:32])),
        brand=brand,
        phone=phone,
        type=EventType.CONSENT_IMPORTED,
        occurred_at=occurred,
        campaign=camp[:64] if camp else None,
        method=Method.IMPORT,
        provider="import",
        provider_message_id=f"import:{digest[:40]}",
        data=data,
    )


def _status_where(where: dict[str, Any]) -> dict[str, Any]:
    return {"source": where["source"], "line": where["line"], "column": where["key"]}
