"""Tables of the ledger (SQLAlchemy Core). The migrations in `migrations/versions` create them.

Timestamps are UTC and timezone-aware in Python. SQLite has no timezone type, so the UTC value
is stored naive there and made aware again on the way out.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    Engine,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    update,
)
from sqlalchemy.types import TypeDecorator

__all__ = [
    "api_keys",
    "chain_head",
    "events",
    "metadata",
    "number_states",
    "revoke_row",
    "sites",
]


class UTCDateTime(TypeDecorator[datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: the ledger only stores timezone-aware times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData()

events = Table(
    "events",
    metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("event_id", String(36), nullable=False, unique=True),
    Column("brand", String(64), nullable=False),
    Column("campaign", String(64)),
    Column("phone", String(16), nullable=False),
    Column("type", String(40), nullable=False),
    Column("method", String(16)),
    Column("occurred_at", UTCDateTime(), nullable=False),
    Column("recorded_at", UTCDateTime(), nullable=False),
    Column("provider", String(40)),
    Column("provider_message_id", String(128)),
    Column("data", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    # NULLs are distinct in unique constraints on both databases, so only events that carry a
    # provider message id are deduplicated.
    UniqueConstraint("brand", "provider", "provider_message_id", name="uq_events_provider_msg"),
    Index("ix_events_brand_phone_seq", "brand", "phone", "seq"),
    Index("ix_events_provider_message_id", "provider_message_id"),
)

chain_head = Table(
    "chain_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
)

number_states = Table(
    "number_states",
    metadata,
    Column("brand", String(64), primary_key=True),
    Column("scope", String(64), primary_key=True),  # "*" (the whole brand) or a campaign id
    Column("phone", String(16), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("since", UTCDateTime()),
    Column("method", String(16)),
    Column("campaign", String(64)),
    Column("state_event_id", String(36)),
    Column("written_consent", Boolean, nullable=False),
    Column("any_consent", Boolean, nullable=False),
    Column("consent_event_id", String(36)),
    Column("last_inbound_at", UTCDateTime()),
    Column("pending_event_id", String(36)),
    Column("opt_out_confirmed", Boolean, nullable=False),
    Column("review_event_id", String(36)),
    Column("review_deadline", UTCDateTime()),
    Column("reply_window_start", UTCDateTime()),
    Column("replies_in_window", Integer, nullable=False),
    Column("last_seq", BigInteger, nullable=False),
    Index("ix_number_states_phone", "phone"),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("key_id", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("key_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("revoked_at", UTCDateTime()),
    Column("scopes", String(200), nullable=False, server_default="*"),
)

sites = Table(
    "sites",
    metadata,
    Column("site_id", String(32), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("key", String(80), nullable=False, unique=True),
    Column("origins", Text, nullable=False),
    Column("brand", String(64)),
    Column("campaign", String(64)),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("revoked_at", UTCDateTime()),
)


def revoke_row(engine: Engine, key: Column[Any], value: str, now: datetime) -> bool:
    """Set `revoked_at` on the row of `key`'s table whose `key` is `value`, once; False when there
    is no such row or it was revoked already (API keys and site keys revoke the same way)."""
    table = key.table
    with engine.begin() as conn:
        result = conn.execute(
            update(table).where(key == value, table.c.revoked_at.is_(None)).values(revoked_at=now)
        )
    return bool(result.rowcount)
