"""Initial ledger: events (append-only), chain head, number states, API keys.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

GENESIS = "0" * 64
_APPEND_ONLY = "consentry: events are append-only"


def _ts(name: str, nullable: bool = True) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("event_id", sa.String(36), nullable=False, unique=True),
        sa.Column("brand", sa.String(64), nullable=False),
        sa.Column("campaign", sa.String(64)),
        sa.Column("phone", sa.String(16), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("method", sa.String(16)),
        _ts("occurred_at", False),
        _ts("recorded_at", False),
        sa.Column("provider", sa.String(40)),
        sa.Column("provider_message_id", sa.String(128)),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.UniqueConstraint(
            "brand", "provider", "provider_message_id", name="uq_events_provider_msg"
        ),
    )
    op.create_index("ix_events_brand_phone_seq", "events", ["brand", "phone", "seq"])
    op.create_table(
        "chain_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.execute(sa.text(f"INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '{GENESIS}')"))
    op.create_table(
        "number_states",
        sa.Column("brand", sa.String(64), primary_key=True),
        sa.Column("scope", sa.String(64), primary_key=True),
        sa.Column("phone", sa.String(16), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        _ts("since"),
        sa.Column("method", sa.String(16)),
        sa.Column("campaign", sa.String(64)),
        sa.Column("state_event_id", sa.String(36)),
        sa.Column("written_consent", sa.Boolean, nullable=False),
        sa.Column("any_consent", sa.Boolean, nullable=False),
        sa.Column("consent_event_id", sa.String(36)),
        _ts("last_inbound_at"),
        sa.Column("pending_event_id", sa.String(36)),
        sa.Column("opt_out_confirmed", sa.Boolean, nullable=False),
        sa.Column("review_event_id", sa.String(36)),
        _ts("review_deadline"),
        _ts("reply_window_start"),
        sa.Column("replies_in_window", sa.Integer, nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_number_states_phone", "number_states", ["phone"])
    op.create_table(
        "api_keys",
        sa.Column("key_id", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        _ts("created_at", False),
        _ts("revoked_at"),
    )
    _append_only_triggers()


def _append_only_triggers() -> None:
    """Refuse UPDATE and DELETE on events inside the database too.

    Anyone with the database's owner rights can drop these; the hash chain is what catches a
    deliberate edit. The triggers stop accidents (a stray UPDATE in a SQL console).
    """
    if op.get_context().dialect.name == "postgresql":
        op.execute(
            sa.text(
                "CREATE FUNCTION consentry_events_append_only() RETURNS trigger "
                f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{_APPEND_ONLY}'; END $$"
            )
        )
        op.execute(
            sa.text(
                "CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events "
                "FOR EACH ROW EXECUTE FUNCTION consentry_events_append_only()"
            )
        )
        op.execute(
            sa.text(
                "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
                "FOR EACH STATEMENT EXECUTE FUNCTION consentry_events_append_only()"
            )
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                sa.text(
                    f"CREATE TRIGGER events_append_only_{verb.lower()} BEFORE {verb} ON events "
                    f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
                )
            )


def downgrade() -> None:
    raise NotImplementedError("the ledger is append-only; restore from a backup instead")
