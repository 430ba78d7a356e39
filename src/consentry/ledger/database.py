"""Opening the ledger's database: URL rules, SQLite durability settings, and migrations.

SQLite is opened in WAL mode with synchronous=FULL (a commit survives power loss) and the
driver's own transaction handling switched off, so the ledger can start write transactions with
BEGIN IMMEDIATE: the write lock is taken before the chain head is read, which keeps the chain
linear when several processes append at once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError

from consentry.errors import InputError

__all__ = [
    "DEFAULT_URL",
    "ENV_VAR",
    "IMMEDIATE",
    "is_initialized",
    "make_engine",
    "normalize_url",
    "upgrade",
]

ENV_VAR = "CONSENTRY_DATABASE_URL"
DEFAULT_URL = "sqlite:///consentry.db"
IMMEDIATE = "consentry_immediate"  # execution option: start the transaction holding the write lock
_MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATION_LOCK = 0x636F6E73  # arbitrary, fixed: "cons"


def normalize_url(url: str | None) -> str:
    """Accept `postgresql://`, `postgresql+psycopg://`, `sqlite:///file` or a bare file path."""
    if not url:
        url = os.environ.get(ENV_VAR) or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError(f"{url!r} is not a database URL", key="database") from None
    backend = parsed.get_backend_name()
    if backend in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif backend != "sqlite":
        raise InputError(
            f"unsupported database {backend!r}; use sqlite:///FILE or postgresql://...",
            key="database",
        )
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    url = normalize_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60}, **kwargs)
        _sqlite_setup(engine)
        return engine
    # The service runs up to 40 request threads: a pool that small would open and close a
    # PostgreSQL connection on many requests. Dead connections are caught by the store's retry.
    kwargs.setdefault("pool_size", 20)
    kwargs.setdefault("max_overflow", 30)
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        try:
            if engine.url.database not in (None, "", ":memory:"):
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.execute("PRAGMA foreign_keys=ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def is_initialized(engine: Engine) -> bool:
    return inspect(engine).has_table("chain_head")


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent; safe on every start)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    with engine.connect() as connection:
        # Two processes starting on a fresh database must not both create the tables: take the
        # write lock (SQLite) or an advisory lock (PostgreSQL) before alembic looks.
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
        else:
            connection = connection.execution_options(**{IMMEDIATE: True})
            connection.execute(text("SELECT 1"))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()
