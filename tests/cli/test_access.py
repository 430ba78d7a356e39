"""`consentry ledger keys ...` and `consentry ledger sites ...`, and the migration that added them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from consentry.ledger import Ledger
from consentry.ledger.database import make_engine


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "consentry", *args], capture_output=True, text=True, timeout=60
    )


def test_scoped_key_lifecycle(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    made = cli("ledger", "keys", "create", "-d", db, "--name", "site", "--scope", "record")
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    assert token.startswith("csk_") and "scopes: record" in made.stderr
    listed = json.loads(cli("ledger", "keys", "list", "-d", db, "--format", "json").stdout)
    assert listed[0]["scopes"] == ["record"] and token not in json.dumps(listed)
    with Ledger(db) as ledger:
        key = ledger.check_api_key(token)
        assert key is not None and key.allows("record") and not key.allows("read")
    assert cli("ledger", "keys", "revoke", "-d", db, listed[0]["key_id"]).returncode == 0
    again = cli("ledger", "keys", "revoke", "-d", db, listed[0]["key_id"])
    assert again.returncode == 2 and len(again.stderr.strip().splitlines()) == 1
    with Ledger(db) as ledger:
        assert ledger.check_api_key(token) is None


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (["keys", "create", "--scope", "everything"], "scopes"),
        (["sites", "create", "--origin", "http://example.com"], "origin"),
        (["sites", "create", "--origin", "not a url at all"], "origin"),
    ],
)
def test_bad_access_input_is_one_line(tmp_path: Path, args: list[str], key: str) -> None:
    run = cli("ledger", *args, "-d", f"sqlite:///{tmp_path / 'l.db'}")
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and f"{key}:" in run.stderr


def test_sites_lifecycle(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    made = cli(
        "ledger", "sites", "create", "-d", db, "--origin", "https://Example.com/contact",
        "--origin", "https://*.example.com", "--format", "json",
    )  # fmt: skip
    site = json.loads(made.stdout)
    assert site["origins"] == ["https://example.com", "https://*.example.com"]
    assert site["key"].startswith("csp_")
    assert site["key"] in cli("ledger", "sites", "list", "-d", db).stdout
    assert cli("ledger", "sites", "revoke", "-d", db, site["site_id"]).returncode == 0
    with Ledger(db) as ledger:
        assert ledger.site_by_key(site["key"]) is None


def test_keys_made_before_scopes_keep_every_scope(tmp_path: Path) -> None:
    """A ledger created at migration 0001 upgrades without locking its keys out."""
    from alembic import command
    from alembic.config import Config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    config = Config()
    config.set_main_option(
        "script_location",
        str(Path(__import__("consentry.ledger").ledger.__file__).parent / "migrations"),
    )
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(
            text(
                "INSERT INTO api_keys (key_id, name, key_hash, created_at) "
                "VALUES ('old', 'old', :h, '2026-01-01 00:00:00')"
            ),
            {"h": __import__("hashlib").sha256(b"csk_old_secret").hexdigest()},
        )
    engine.dispose()
    with Ledger(url) as ledger:  # migrates to head
        key = ledger.check_api_key("csk_old_secret")
        assert key is not None and key.scopes == ("*",) and key.allows("check")
        assert ledger.sites() == []
