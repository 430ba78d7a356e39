"""Fixtures: the service over a real ledger (SQLite and PostgreSQL), driven in-process."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from consentry.ledger import Ledger, LedgerConfig, Replies
from consentry.web import ServiceSettings, create_app
from tests.ledger.conftest import db_url  # noqa: F401  (the SQLite/PostgreSQL fixture)
from tests.ledger.samples import Clock

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def service_ledger(db_url: str, clock: Clock) -> Iterator[Ledger]:  # noqa: F811
    config = LedgerConfig(replies=Replies(brand_name="Maple Street Dental"))
    book = Ledger(db_url, config=config, clock=clock)
    try:
        yield book
    finally:
        book.close()


@pytest.fixture
def settings() -> ServiceSettings:
    return ServiceSettings()


@pytest.fixture
def client(service_ledger: Ledger, settings: ServiceSettings) -> Iterator[TestClient]:
    with TestClient(create_app(service_ledger, settings), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def token(service_ledger: Ledger) -> str:
    return service_ledger.create_api_key("tests").token


@pytest.fixture
def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
