"""Fixtures: a running stand-in RingCentral, a temp SQLite ledger, settings pointing at both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from consentry.ledger import Ledger, LedgerConfig, Replies
from consentry.providers.ringcentral import RingCentralClient, RingCentralSettings
from tests.providers.ringcentral.fake_ringcentral import FakeRingCentral, running

TOKEN = "s3cret-verification-token"
REPLIES = Replies(
    brand_name="Maple Street Dental",
    opt_out="Maple Street Dental: You are unsubscribed and will get no more texts.",
    help="Maple Street Dental: help at (512) 447-0198. Reply STOP to opt out.",
)


@pytest.fixture
def fake() -> Iterator[FakeRingCentral]:
    with running() as server:
        yield server


@pytest.fixture
def settings(fake: FakeRingCentral) -> RingCentralSettings:
    return fake.settings(verification_token=TOKEN)


@pytest.fixture
def client(settings: RingCentralSettings) -> Iterator[RingCentralClient]:
    with RingCentralClient(settings) as rc:
        yield rc


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "l.db"


@pytest.fixture
def ledger(db_path: Path) -> Iterator[Ledger]:
    book = Ledger(f"sqlite:///{db_path}", config=LedgerConfig(replies=REPLIES))
    try:
        yield book
    finally:
        book.close()
