"""`consentry serve` set-up errors, the config file, and logs that never show a whole number."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from consentry.errors import InputError
from consentry.web.config import load_service, read_config
from consentry.web.middleware import mask_phones

CLI = [sys.executable, "-m", "consentry"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("service: [1, 2]\n", "service"),
        ("service:\n  max_body_bytes: -5\n", "service.max_body_bytes"),
        ("service:\n  trust_proxy: yes please\n", "service.trust_proxy"),
        ("service:\n  max_body_bites: 5\n", "max_body_bites"),
        ("stripe: {}\n", "stripe"),
        ("service: {\n", None),
    ],
)
def test_bad_config_is_one_error_naming_the_key(
    tmp_path: Path, text: str, where: str | None
) -> None:
    path = tmp_path / "service.yaml"
    path.write_text(text)
    with pytest.raises(InputError) as err:
        load_service(database=f"sqlite:///{tmp_path / 'l.db'}", config=str(path), env={})
    assert err.value.source == str(path)
    if where:
        assert err.value.key == where


def test_config_sets_service_limits(tmp_path: Path) -> None:
    path = tmp_path / "service.yaml"
    path.write_text("service:\n  max_body_bytes: 2048\n  trust_proxy: true\n")
    ledger, settings = load_service(
        database=f"sqlite:///{tmp_path / 'l.db'}", config=str(path), env={}
    )
    ledger.close()
    assert settings.max_body_bytes == 2048 and settings.trust_proxy is True
    assert read_config(None) == {}


def test_campaign_replies_are_used(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    ledger, _ = load_service(
        database=f"sqlite:///{tmp_path / 'l.db'}",
        campaign=str(root / "examples/clean/campaign.yaml"),
        env={},
    )
    try:
        assert ledger.config.replies.brand_name != "Our text program"
    finally:
        ledger.close()


@pytest.mark.parametrize(
    "args",
    [
        ["--database", "mysql://x/y"],
        ["--campaign", "does-not-exist.yaml"],
        ["--config", "nope.yaml"],
        ["--log-level", "chatty"],
    ],
)
def test_serve_refuses_bad_setup_in_one_line(tmp_path: Path, args: list[str]) -> None:
    run = subprocess.run(
        [*CLI, "serve", "--database", f"sqlite:///{tmp_path / 'l.db'}", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("/v1/numbers/+15124470198", "4470198"),
        ("/v1/numbers/%2B15124470198/evidence", "4470198"),
        ("/v1/numbers/(512) 447-0198", "447-0198"),
        ("to 512.447.0198 failed", "447.0198"),
    ],
)
def test_masking(text: str, hidden: str) -> None:
    masked = mask_phones(text)
    assert hidden not in masked and "98" in masked


def test_access_log_masks_numbers(
    client: Any, auth: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="consentry.access"):
        client.get("/v1/numbers/+15124470198", headers=auth)
    lines = [r.getMessage() for r in caplog.records if r.name == "consentry.access"]
    assert lines and all("4470198" not in line for line in lines)
    assert "200" in lines[-1]


def test_provider_sections_come_from_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "service.yaml"
    path.write_text("ringcentral:\n  verification_token: from-file\n  timeout: 5\n")
    ledger, settings = load_service(
        database=f"sqlite:///{tmp_path / 'l.db'}", config=str(path), env={}
    )
    ledger.close()
    assert settings.ringcentral.verification_token == "from-file"
    assert settings.ringcentral.timeout == 5.0
    path.write_text("ringcentral:\n  verification_tokn: x\n")
    with pytest.raises(InputError) as err:
        load_service(database=f"sqlite:///{tmp_path / 'l.db'}", config=str(path), env={})
    assert err.value.key == "verification_tokn" and err.value.source == str(path)
