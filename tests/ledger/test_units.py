"""Small pieces: phone numbers, business days, enum stability, configuration from a campaign."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consentry.errors import InputError
from consentry.ledger import LedgerConfig, classify
from consentry.ledger.business_days import add_business_days, federal_holidays
from consentry.ledger.database import normalize_url
from consentry.ledger.model import Action, ConsentState, EventType, Kind, Method, Reason
from consentry.ledger.phone import PhoneIndex, normalize_phone


@pytest.mark.parametrize(
    "given_",
    ["(512) 447-0198", "512.447.0198", "512-447-0198", "5124470198", "15124470198",
     "+1 512 447 0198", "+15124470198", " tel:+1-512-447-0198 "],
)  # fmt: skip
def test_any_us_format_becomes_e164(given_: str) -> None:
    assert normalize_phone(given_) == "+15124470198"


@pytest.mark.parametrize("bad", ["", "   ", "12345", "555-1234", "+1 000 555 0000", "x" * 50, "☎️"])
def test_bad_numbers_say_so(bad: str) -> None:
    with pytest.raises(InputError) as info:
        normalize_phone(bad)
    assert info.value.key == "phone"


@settings(max_examples=400)
@given(area=st.integers(200, 999), exchange=st.integers(100, 999), line=st.integers(0, 9999))
def test_fast_index_agrees_with_phonenumbers(area: int, exchange: int, line: int) -> None:
    number = f"+1{area}{exchange}{line:04d}"
    parsed = phonenumbers.parse(number, None)
    expected = number if phonenumbers.is_valid_number(parsed) else None
    assert PhoneIndex().normalize(number) == expected
    index = _SHARED
    assert index.normalize(number) == expected  # and with a warm cache


_SHARED = PhoneIndex()


@pytest.mark.parametrize(
    ("given_", "expected"),
    [
        ("postgresql://u:p@db/x", "postgresql+psycopg://u:p@db/x"),
        ("postgres://u@db:5433/x", "postgresql+psycopg://u@db:5433/x"),
        ("postgresql+psycopg://u@db/x", "postgresql+psycopg://u@db/x"),
        ("sqlite:///a.db", "sqlite:///a.db"),
        ("ledger.db", "sqlite:///ledger.db"),
        ("/var/lib/consentry/l.db", "sqlite:////var/lib/consentry/l.db"),
    ],
)
def test_database_urls(given_: str, expected: str) -> None:
    assert normalize_url(given_) == expected


def test_database_url_default_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONSENTRY_DATABASE_URL", raising=False)
    assert normalize_url(None) == "sqlite:///consentry.db"
    monkeypatch.setenv("CONSENTRY_DATABASE_URL", "postgresql://db/x")
    assert normalize_url(None) == "postgresql+psycopg://db/x"
    with pytest.raises(InputError):
        normalize_url("mysql://db/x")


def test_federal_holidays_2026() -> None:
    days = federal_holidays(2026)
    assert date(2026, 7, 3) in days  # July 4th is a Saturday: observed Friday
    assert date(2026, 11, 26) in days  # Thanksgiving
    assert date(2026, 1, 19) in days  # MLK day
    assert len(days) == 11


def test_ten_business_days_skip_weekends_and_holidays() -> None:
    # Mon 2026-11-23 + 10 business days, Thanksgiving (Thu 26th) skipped: Tue 2026-12-08.
    start = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    deadline = add_business_days(start, 10)
    assert deadline.isoformat() == "2026-12-09T04:59:59+00:00"  # end of Dec 8, Eastern


def test_enum_values_are_additive_only() -> None:
    # Stored in databases and hashed into chains: these may gain members, never lose or rename.
    pinned = {
        EventType: {"opt_in", "opt_out", "help_request", "message_received",
                    "confirmation_requested", "opt_in_confirmation_sent",
                    "opt_out_confirmation_sent", "help_sent", "revocation_review",
                    "review_resolved", "consent_imported"},
        Method: {"web_form", "keyword", "verbal", "paper", "api", "import"},
        ConsentState: {"opted_in", "opted_out", "unknown"},
        Action: {"opt_out", "opt_in", "help", "review", "none"},
        Kind: {"marketing", "informational"},
        Reason: {"opted_out", "no_consent", "quiet_hours", "invalid_number"},
    }  # fmt: skip
    for enum, values in pinned.items():
        assert values <= {m.value for m in enum}, enum.__name__


CAMPAIGN_YAML = """\
schema_version: 1
brand:
  display_name: Maple Street Dental
  email: frontdesk@maplestreetdental.com
campaign:
  message_flow: "Text JOIN to 512-555-0100 for offers. Msg & data rates may apply."
  opt_in_keywords: [JOIN]
  opt_in_message: "Maple Street Dental: you're in. Reply STOP to opt out."
  opt_out_keywords: [STOP, QUITDEALS]
  opt_out_message: "Maple Street Dental: unsubscribed, no more texts."
  help_keywords: [HELP]
"""


def test_config_from_a_campaign_file(tmp_path: Path) -> None:
    import yaml

    from consentry.campaign import load_campaign

    path = tmp_path / "campaign.yaml"
    path.write_text(CAMPAIGN_YAML)
    for source in (
        load_campaign(path),
        load_campaign(path).campaign,
        yaml.safe_load(CAMPAIGN_YAML),
    ):
        config = LedgerConfig.from_campaign(source, brand="maple")
        assert config.brand == "maple"
        assert config.replies.opt_out_text() == "Maple Street Dental: unsubscribed, no more texts."
        assert "frontdesk@" in config.replies.help_text()  # default HELP names the contact
        assert config.keyword_disclosure and "JOIN" in config.keyword_disclosure
        assert classify("quitdeals", config.keywords).action == "opt_out"
        assert classify("join", config.keywords).action == "opt_in"


def test_config_defaults_are_compliant() -> None:
    replies = LedgerConfig().replies
    assert "STOP" in replies.opt_in_text() and "HELP" in replies.opt_in_text()
    assert "unsubscribed" in replies.opt_out_text()
    assert "STOP" in replies.help_text()
