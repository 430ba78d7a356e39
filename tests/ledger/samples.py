"""Shared test data for the ledger tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

PHONE = "+15124470198"  # Austin, TX
BUSINESS = "+15125550100"
DISCLOSURE = (
    "By checking this box I agree to receive appointment reminders and offers from Maple Street "
    "Dental at the number provided. Msg frequency varies. Msg & data rates may apply. Reply HELP "
    "for help, STOP to cancel. Consent is not a condition of purchase."
)


@dataclass
class Clock:
    """A clock the tests move by hand. Starts on a Wednesday, 11:00 in Austin."""

    now: datetime = field(default_factory=lambda: datetime(2026, 3, 4, 17, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now
