"""Key scopes and websites: what each API key may do, and the sites whose forms may post consent.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing keys keep doing everything they did ("*"): a migration must not lock anyone out.
    with op.batch_alter_table("api_keys") as batch:
        batch.add_column(sa.Column("scopes", sa.String(200), nullable=False, server_default="*"))
    op.create_table(
        "sites",
        sa.Column("site_id", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("key", sa.String(80), nullable=False, unique=True),
        sa.Column("origins", sa.Text(), nullable=False),  # JSON list of allowed origins
        sa.Column("brand", sa.String(64)),
        sa.Column("campaign", sa.String(64)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
    )


def downgrade() -> None:
    op.drop_table("sites")
    with op.batch_alter_table("api_keys") as batch:
        batch.drop_column("scopes")
