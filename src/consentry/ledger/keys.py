"""API keys for the ledger service: shown once, stored only as a hash.

A key is `csk_<key id>_<secret>`. The id finds the row; the secret (256 random bits) is checked
against its SHA-256 in constant time. A plain hash is enough because the secret is random and
long: there is nothing to brute-force that a slow password hash would protect.

Scopes keep a leaked key's damage small: the website's back end needs only `record`, a sending
system only `check`, an auditor only `read`. `*` is every scope.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, insert, select

from consentry.errors import InputError
from consentry.ledger.fields import clean_text
from consentry.ledger.schema import api_keys, revoke_row

__all__ = ["SCOPES", "ApiKey", "NewApiKey", "check_key", "create_key", "list_keys", "revoke_key"]

PREFIX = "csk"
SCOPES = {
    "record": "record consent, opt-outs and inbound texts",
    "read": "read a number's state, its evidence, and verify the ledger",
    "check": "ask whether numbers may be texted now (send-check)",
}
ALL = "*"


def parse_scopes(scopes: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """`None`/`*` means every scope; otherwise each name must be one of SCOPES."""
    if scopes is None:
        return (ALL,)
    items = scopes.replace(",", " ").split() if isinstance(scopes, str) else list(scopes)
    names = tuple(sorted({s.strip().lower() for s in items if s.strip()}))
    if not names or ALL in names:
        return (ALL,)
    unknown = [n for n in names if n not in SCOPES]
    if unknown:
        raise InputError(
            f"unknown scope {unknown[0]!r}; use {', '.join(SCOPES)} or *", key="scopes"
        )
    return names


@dataclass(frozen=True, slots=True)
class NewApiKey:
    key_id: str
    name: str
    token: str  # the only time the full key exists outside the caller's own storage
    scopes: tuple[str, ...] = (ALL,)


@dataclass(frozen=True, slots=True)
class ApiKey:
    key_id: str
    name: str
    created_at: datetime
    revoked_at: datetime | None
    scopes: tuple[str, ...] = (ALL,)

    def allows(self, scope: str) -> bool:
        return ALL in self.scopes or scope in self.scopes


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_key(
    engine: Engine,
    name: str | None,
    now: datetime,
    scopes: str | list[str] | tuple[str, ...] | None = None,
) -> NewApiKey:
    label = clean_text(name, "name") or "default"
    granted = parse_scopes(scopes)
    key_id = secrets.token_hex(8)
    token = f"{PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
    with engine.begin() as conn:
        conn.execute(
            insert(api_keys).values(
                key_id=key_id,
                name=label,
                key_hash=_digest(token),
                created_at=now,
                scopes=" ".join(granted),
            )
        )
    return NewApiKey(key_id, label, token, granted)


def check_key(engine: Engine, token: str | None) -> ApiKey | None:
    """The key's record when `token` is a valid, unrevoked key; otherwise None."""
    if not token or not isinstance(token, str) or len(token) > 200:
        return None
    parts = token.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    with engine.connect() as conn:
        row = conn.execute(select(api_keys).where(api_keys.c.key_id == parts[1])).mappings().first()
    if row is None or row["revoked_at"] is not None:
        return None
    if not hmac.compare_digest(row["key_hash"], _digest(token.strip())):
        return None
    return _key(row)


def _key(row: Any) -> ApiKey:
    scopes = tuple(str(row["scopes"] or ALL).split())
    return ApiKey(row["key_id"], row["name"], row["created_at"], row["revoked_at"], scopes)


def list_keys(engine: Engine) -> list[ApiKey]:
    with engine.connect() as conn:
        rows = conn.execute(select(api_keys).order_by(api_keys.c.created_at)).mappings().all()
    return [_key(r) for r in rows]


def revoke_key(engine: Engine, key_id: str, now: datetime) -> bool:
    return revoke_row(engine, api_keys.c.key_id, key_id, now)
