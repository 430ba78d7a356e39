"""Fixtures: every ledger test that touches a database runs on SQLite and on PostgreSQL.

PostgreSQL runs when CONSENTRY_TEST_POSTGRES_URL is set (scripts/postgres-test.sh starts a
throwaway cluster and prints it); each test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

from consentry.ledger import Ledger, LedgerConfig
from tests.ledger.samples import Clock

PG_ENV = "CONSENTRY_TEST_POSTGRES_URL"
PG_URL = os.environ.get(PG_ENV)
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgres",
        id="postgres",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(
                not PG_URL,
                reason=f'{PG_ENV} is not set; start one with: eval "$(scripts/postgres-test.sh)"',
            ),
        ],
    ),
]
CORPUS_REPORTS: list[str] = []  # filled by test_corpus, printed at the end of the run


def _pg_url_for_schema(schema: str) -> str:
    assert PG_URL is not None
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    assert PG_URL is not None
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield _pg_url_for_schema(schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def config() -> LedgerConfig:
    return LedgerConfig()


@pytest.fixture
def ledger(db_url: str, clock: Clock, config: LedgerConfig) -> Iterator[Ledger]:
    book = Ledger(db_url, config=config, clock=clock)
    try:
        yield book
    finally:
        book.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if CORPUS_REPORTS:
        terminalreporter.section("keyword engine: corpus precision / recall")
        for report in CORPUS_REPORTS:
            terminalreporter.write_line(report)
