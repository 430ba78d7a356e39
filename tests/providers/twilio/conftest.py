"""Fixtures: a temporary SQLite ledger with a named brand, Twilio settings, the stand-in API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from consentry.ledger import Ledger, LedgerConfig
from consentry.ledger.config import Replies
from consentry.providers.twilio_settings import TwilioSettings
from tests.providers.twilio.fake_twilio import FakeTwilio, new_sid

TOKEN = "0123456789abcdef0123456789abcdef"
ACCOUNT = "AC" + "a" * 32
WEBHOOK_URL = "https://consent.example.com/twilio/sms"
BUSINESS = "+15125550100"  # the Twilio number people text
PERSON = "+15124470198"
BRAND = "Bluebonnet Bakery"


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    config = LedgerConfig(brand="bluebonnet", replies=Replies(brand_name=BRAND))
    book = Ledger(f"sqlite:///{tmp_path}/l.db", config=config)
    try:
        yield book
    finally:
        book.close()


@pytest.fixture
def settings() -> TwilioSettings:
    return TwilioSettings(auth_token=TOKEN, account_sid=ACCOUNT)


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server:
        yield server


@pytest.fixture
def service_sid() -> str:
    return new_sid("MG")
