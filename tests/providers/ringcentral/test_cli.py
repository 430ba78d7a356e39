"""`consentry ringcentral connect | subscription renew | sync` against the stand-in server."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import consentry.cli  # noqa: F401  (registers every command module)
from consentry.cli.app import app
from consentry.ledger import Ledger
from consentry.providers.ringcentral_settings import ENV
from tests.providers.ringcentral.conftest import TOKEN
from tests.providers.ringcentral.fake_ringcentral import BUSINESS, FakeRingCentral
from tests.providers.ringcentral.local_webhook import LocalWebhook

runner = CliRunner()


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in [*ENV.values(), "CONSENTRY_DATABASE_URL"]:
        monkeypatch.delenv(var, raising=False)


def run(fake: FakeRingCentral, *args: str, **env: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["ringcentral", *args], env=fake.env(**env))


def test_connect_lists_numbers_creates_the_subscription_and_prints_a_new_token(
    fake: FakeRingCentral, ledger: Ledger
) -> None:
    from consentry.providers.ringcentral import RingCentralSettings

    with LocalWebhook(ledger, RingCentralSettings()) as hook:
        result = run(fake, "connect", "--webhook-url", hook.url)
        assert result.exit_code == 0, result.output
        out = result.output
        assert "Signed in to RingCentral: Maple Street Dental (ext. 101), account 37439510" in out
        assert re.search(rf"{re.escape(BUSINESS)}\s+DirectNumber\s+can text", out)
        assert "+16509100010" in out and "no SMS" in out
        assert "Webhook subscription created" in out
        token = re.search(r"^RINGCENTRAL_VERIFICATION_TOKEN=(\S+)$", out, re.M)
        assert token is not None
        [sub] = fake.subscriptions.values()
        assert sub["_token"] == token.group(1) and sub["deliveryMode"]["address"] == hook.url
        assert fake.client_secret not in out and fake.jwt not in out
        again = run(
            fake,
            "connect",
            "--webhook-url",
            hook.url,
            RINGCENTRAL_VERIFICATION_TOKEN=token.group(1),
        )
    assert again.exit_code == 0, again.output
    assert "Webhook subscription kept" in again.output
    assert "RINGCENTRAL_VERIFICATION_TOKEN=" not in again.output
    assert len(fake.subscriptions) == 1


def test_connect_without_a_webhook_address_only_shows_the_account(fake: FakeRingCentral) -> None:
    result = run(fake, "connect")
    assert result.exit_code == 0, result.output
    assert "No webhook address" in result.output and not fake.subscriptions


def test_connect_without_credentials_is_one_line(fake: FakeRingCentral) -> None:
    result = runner.invoke(app, ["ringcentral", "connect"], env={"RINGCENTRAL_CLIENT_ID": "x"})
    assert result.exit_code == 2
    assert "RINGCENTRAL_CLIENT_SECRET: is not set" in result.output
    assert "Traceback" not in result.output


def test_connect_with_wrong_credentials_is_one_line(fake: FakeRingCentral) -> None:
    result = run(fake, "connect", RINGCENTRAL_JWT="wrong.jwt")
    assert result.exit_code == 2
    assert "refused the login" in result.output and "wrong.jwt" not in result.output


def test_renew_for_cron(fake: FakeRingCentral) -> None:
    address = "https://texts.example.com/v1/webhooks/ringcentral"
    sub_id = fake.add_subscription(address, ends_in=600, token=TOKEN)
    env = {"RINGCENTRAL_WEBHOOK_URL": address, "RINGCENTRAL_VERIFICATION_TOKEN": TOKEN}
    result = run(fake, "subscription", "renew", **env)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Subscription renewed: {sub_id}")
    assert run(fake, "subscription", "renew", **env).output.startswith("Subscription kept")


def test_renew_needs_the_webhook_settings(fake: FakeRingCentral) -> None:
    result = run(fake, "subscription", "renew", RINGCENTRAL_WEBHOOK_URL="https://x.example/h")
    assert result.exit_code == 2 and "RINGCENTRAL_VERIFICATION_TOKEN" in result.output


def test_sync_reports_then_pulls_and_pushes(
    fake: FakeRingCentral, ledger: Ledger, db_path: Path
) -> None:
    ledger.record_opt_out("+15124470101", method="verbal")
    fake.add_consent(BUSINESS, "+15124470103")
    database = f"sqlite:///{db_path}"
    report = run(fake, "sync", "--database", database, "--format", "json")
    assert report.exit_code == 0, report.output
    data = json.loads(report.output)
    assert (data["rc_only"], data["ledger_only"], data["in_step"]) == (1, 1, False)
    text = run(fake, "sync", "--database", database)
    assert "+15124470103  on RingCentral's opt-out list only" in text.output
    assert "add --pull and/or --push" in text.output
    dry = run(fake, "sync", "--database", database, "--pull", "--push", "--dry-run")
    assert "Dry run: nothing changed." in dry.output and ("*", "+15124470101") not in fake.consents
    fixed = run(fake, "sync", "--database", database, "--pull", "--push")
    assert fixed.exit_code == 0, fixed.output
    assert "Pulled 1 opt-outs" in fixed.output and "Pushed 1 opt-outs" in fixed.output
    assert ledger.number_state("+15124470103").state == "opted_out"
    assert fake.consents[("*", "+15124470101")]["optStatus"] == "OptOut"
    assert "In step" in run(fake, "sync", "--database", database).output


def test_sync_without_a_ledger_is_one_line(fake: FakeRingCentral, tmp_path: Path) -> None:
    result = run(fake, "sync", "--database", str(tmp_path / "none.db"))
    assert result.exit_code == 2 and "consentry ledger init" in result.output


def test_simulate_posts_a_notification_the_handler_accepts(
    fake: FakeRingCentral, ledger: Ledger
) -> None:
    from consentry.providers.ringcentral import RingCentralSettings

    with LocalWebhook(ledger, RingCentralSettings(verification_token=TOKEN)) as hook:
        base = hook.url.removesuffix("/v1/webhooks/ringcentral")
        args = ["simulate", "STOP", "--from", "5124470198", "--endpoint", base]
        ok = run(fake, *args, "--message-id", "42", RINGCENTRAL_VERIFICATION_TOKEN=TOKEN)
        again = run(fake, *args, "--message-id", "42", RINGCENTRAL_VERIFICATION_TOKEN=TOKEN)
        forged = run(fake, *args, RINGCENTRAL_VERIFICATION_TOKEN="nope")
    assert ok.exit_code == 0 and ok.output.startswith("200 ok"), ok.output
    assert again.output.startswith("200 duplicate")
    assert forged.exit_code == 1 and forged.output.startswith("403")
    assert ledger.number_state("+15124470198").state == "opted_out"
    assert [len(o.send) for o in hook.outcomes] == [1, 0, 0]
