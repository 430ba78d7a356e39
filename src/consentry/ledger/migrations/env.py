"""Alembic environment: always driven programmatically with a live connection.

`consentry.ledger.migrate.upgrade` passes the connection in `config.attributes`; there is no
alembic.ini and no offline (SQL script) mode.
"""

from __future__ import annotations

from alembic import context

from consentry.ledger.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable from the alembic command line
    raise RuntimeError("run migrations with consentry.ledger.migrate.upgrade(engine)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
