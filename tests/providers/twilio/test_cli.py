"""`consentry twilio check` against the stand-in server."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from consentry.cli import app
from tests.providers.twilio.fake_twilio import FakeTwilio

GOOD = "https://consent.example.com/v1/webhooks/twilio"


@pytest.fixture
def env(fake: FakeTwilio, monkeypatch: pytest.MonkeyPatch) -> FakeTwilio:
    monkeypatch.setenv("TWILIO_ACCOUNT_SID", fake.account_sid)
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", fake.auth_token)
    monkeypatch.setenv("TWILIO_API_BASE_URL", fake.base_url)
    monkeypatch.setenv("TWILIO_PUBLIC_URL", "https://consent.example.com")
    return fake


def test_all_numbers_point_here(env: FakeTwilio) -> None:
    env.add_number("+15125550100", GOOD)
    result = CliRunner().invoke(app, ["twilio", "check"])
    assert result.exit_code == 0, result.output
    assert "+15125550100" in result.output and "ok" in result.output
    assert env.auth_token not in result.output


def test_a_number_pointing_elsewhere_fails(env: FakeTwilio) -> None:
    env.add_number("+15125550100", GOOD)
    env.add_number("+15125550101", "https://demo.twilio.com/welcome/sms/reply")
    result = CliRunner().invoke(app, ["twilio", "check", "--json"])
    assert result.exit_code == 1
    rows = json.loads(result.output)["numbers"]
    assert [bool(r["problem"]) for r in rows] == [False, True]


def test_wrong_token_is_one_line(env: FakeTwilio, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", "0" * 32)
    result = CliRunner().invoke(app, ["twilio", "check"])
    assert result.exit_code == 2
    assert "Auth Token" in result.output and "Traceback" not in result.output


def test_missing_token_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TWILIO_AUTH_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["twilio", "check"])
    assert result.exit_code == 2 and "TWILIO_AUTH_TOKEN" in result.output
