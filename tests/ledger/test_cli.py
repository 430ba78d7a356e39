"""`consentry ledger ...` and `consentry classify` (CONTRACT §2), run as users run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from consentry.cli.app import app
from consentry.ledger import Ledger
from tests.ledger.samples import DISCLOSURE, PHONE

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


def _cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The real entry point in a subprocess: exit codes and stderr exactly as a user sees them."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("CONSENTRY_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "consentry", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_init_verify_and_default_database(tmp_path: Path) -> None:
    missing = _cli("ledger", "verify", cwd=tmp_path)
    assert (
        missing.returncode == 2
        and b"ledger init" in missing.stderr
        and not (tmp_path / "consentry.db").exists()
    )
    assert _cli("ledger", "init", cwd=tmp_path).returncode == 0
    assert (tmp_path / "consentry.db").exists()
    ok = _cli("ledger", "verify", "--format", "json", cwd=tmp_path)
    assert ok.returncode == 0 and json.loads(ok.stdout) == {
        "ok": True,
        "events": 0,
        "first_bad_event": None,
        "first_bad_seq": None,
        "problem": None,
        "message": "the chain is intact",
        "head_seq": 0,
        "head_hash": "0" * 64,
    }


def test_verify_exits_1_and_names_the_bad_event(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'l.db'}"
    book = Ledger(url)
    book.record_consent(PHONE, "web_form", disclosure_text=DISCLOSURE, checkbox_checked=True)
    book.record_opt_out(PHONE, "verbal")
    second = book.history(PHONE)[1].event_id
    with book.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER events_append_only_update"))
        conn.execute(text("UPDATE events SET method = 'paper' WHERE seq = 2"))
    book.close()
    result = runner.invoke(app, ["ledger", "verify", "--database", url])
    assert result.exit_code == 1
    assert f"event 2 ({second}) altered" in result.output


def test_env_var_selects_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTRY_DATABASE_URL", str(tmp_path / "env.db"))
    assert runner.invoke(app, ["ledger", "init"]).exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_export_formats(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'l.db'}"
    with Ledger(url) as book:
        book.record_consent(PHONE, "web_form", disclosure_text=DISCLOSURE, checkbox_checked=True)
    as_json = runner.invoke(app, ["ledger", "export", "512-447-0198", "-d", url])
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)["events"][0]["type"] == "opt_in"
    as_csv = runner.invoke(app, ["ledger", "export", PHONE, "-d", url, "--format", "csv"])
    assert as_csv.stdout.splitlines()[0].startswith("seq,event_id")
    out = tmp_path / "cert.html"
    as_html = runner.invoke(
        app, ["ledger", "export", PHONE, "-d", url, "-f", "html", "-o", str(out)]
    )
    assert as_html.exit_code == 0 and "Consent record for" in out.read_text()
    bad = runner.invoke(app, ["ledger", "export", "12", "-d", url])
    assert bad.exit_code == 2 and "phone:" in bad.output


def test_import_good_and_bad_files(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'l.db'}"
    good = tmp_path / "rc.csv"
    good.write_text("From,To,Status,Source\n+15125550100,+15124470198,OptOut,Recipient\n")
    result = runner.invoke(app, ["ledger", "import", str(good), "-d", url])
    assert result.exit_code == 0 and "Imported 1 of 1" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"phone,status\n5124470198,opt-out\n2125550123,n\xe4h\n")
    proc = _cli("ledger", "import", str(bad), "--database", url)
    assert proc.returncode == 2
    lines = proc.stderr.decode().strip().splitlines()
    assert lines == [
        f"{bad}:3: is not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in Excel) and try again"
    ]
    assert b"Traceback" not in proc.stderr
    with Ledger(url) as book:
        assert book.verify().events == 1


def test_keys_create_prints_the_key_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'l.db'}"
    result = runner.invoke(app, ["ledger", "keys", "create", "-d", url, "--name", "site"])
    assert result.exit_code == 0
    token = result.stdout.strip().splitlines()[0]
    with Ledger(url) as book:
        assert book.check_api_key(token) is not None


def test_unreachable_postgres_is_one_line(tmp_path: Path) -> None:
    proc = _cli("ledger", "init", "--database", "postgresql://nobody@127.0.0.1:1/x", cwd=tmp_path)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert len(proc.stderr.decode().strip().splitlines()) == 1


def test_classify_one_text() -> None:
    result = runner.invoke(app, ["classify", "Stop texting me please", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["text"] == "Stop texting me please" and data["action"] == "opt_out"
    plain = runner.invoke(app, ["classify", "I can't stop by today"])
    assert plain.stdout.startswith("none")


def test_classify_stdin_one_json_object_per_line() -> None:
    lines = ["STOP", "", "not interested", "help", "I can't stop by today"]
    payload = "\n".join(lines).encode() + b"\n\xe9\xff STOP\n"  # the last line is not UTF-8
    proc = _cli("classify", "-", stdin=payload)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [o["action"] for o in out] == ["opt_out", "none", "review", "help", "none", "opt_out"]
    assert [o["text"] for o in out][:5] == lines and out[5]["text"] == "\ufffd\ufffd STOP"
    assert "review_deadline" in out[2]


def test_classify_with_campaign_keywords(tmp_path: Path) -> None:
    campaign = tmp_path / "campaign.yaml"
    campaign.write_text(
        "schema_version: 1\ncampaign:\n  opt_in_keywords: [JOIN]\n  opt_out_keywords: [STOP, LEAVE]\n"
        "  help_keywords: [HELP, SUPPORT]\n"
    )
    for word, action in (("join", "opt_in"), ("leave", "opt_out"), ("support", "help")):
        result = runner.invoke(app, ["classify", word, "--campaign", str(campaign), "-f", "json"])
        assert json.loads(result.stdout)["action"] == action
    missing = runner.invoke(app, ["classify", "x", "--campaign", str(tmp_path / "none.yaml")])
    assert missing.exit_code == 2
