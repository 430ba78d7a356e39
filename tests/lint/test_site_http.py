"""`consentry lint` and `consentry scan` against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from consentry.cli.app import app
from tests.lint.case_runner import BASE_FILE, ROOT
from tests.site.conftest import FixtureServer, start_server

runner = CliRunner()
CLEAN_SITE = ROOT / "examples" / "clean" / "site"


def _served_copy(tmp_path: Path, drop: tuple[str, ...] = ()) -> FixtureServer:
    site = tmp_path / "site"
    shutil.copytree(CLEAN_SITE, site)
    for name in drop:
        (site / name).unlink()
    return start_server(site)


def _campaign_on(server: FixtureServer, tmp_path: Path) -> Path:
    """The clean campaign with every URL moved onto the loopback server."""
    text = BASE_FILE.read_text(encoding="utf-8").replace(
        "https://www.maplestreetdental.com", server.url.rstrip("/")
    )
    path = tmp_path / "campaign.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _lint(args: list[str]) -> tuple[int, dict[str, object]]:
    # Site rules only: the campaign's URLs point at 127.0.0.1, which brand rules rightly dislike.
    result = runner.invoke(app, ["lint", *args, "--format", "json", "--select", "WEB"])
    return result.exit_code, json.loads(result.stdout)


def _codes(data: dict[str, object]) -> list[str]:
    return [f["code"] for r in data["results"] for f in r["findings"]]  # type: ignore[index,union-attr]


def test_clean_site_over_http_has_no_site_findings(tmp_path: Path) -> None:
    server = _served_copy(tmp_path)
    try:
        code, data = _lint([str(_campaign_on(server, tmp_path)), "--allow-private"])
    finally:
        server.server.shutdown()
    assert [c for c in _codes(data) if c.startswith("WEB")] == []
    assert code == 0
    assert "/book" in " ".join(server.paths())


def test_broken_privacy_page_is_reported_over_http(tmp_path: Path) -> None:
    server = _served_copy(tmp_path, drop=("privacy.html",))
    try:
        code, data = _lint([str(_campaign_on(server, tmp_path)), "--allow-private"])
    finally:
        server.server.shutdown()
    broken = [f for r in data["results"] for f in r["findings"] if f["code"] == "WEB002"]  # type: ignore[index,union-attr]
    assert broken and "privacy" in broken[0]["location"]["url"]
    assert "404" in broken[0]["message"]
    assert code == 1


def test_site_url_stands_in_for_the_campaign_host(tmp_path: Path) -> None:
    server = _served_copy(tmp_path)
    try:
        code, data = _lint([str(BASE_FILE), "--site", server.url, "--allow-private"])
    finally:
        server.server.shutdown()
    assert [c for c in _codes(data) if c.startswith("WEB")] == []
    assert code == 0


def test_loopback_is_refused_without_allow_private(tmp_path: Path) -> None:
    server = _served_copy(tmp_path)
    try:
        result = runner.invoke(app, ["scan", server.url])
        code, data = _lint([str(_campaign_on(server, tmp_path))])
    finally:
        server.server.shutdown()
    assert result.exit_code == 2
    assert server.paths() == []  # nothing was fetched
    assert "WEB001" in _codes(data) and code == 0  # a warning about this machine, not an error


def test_offline_never_fetches(tmp_path: Path) -> None:
    server = _served_copy(tmp_path)
    try:
        code, data = _lint([str(_campaign_on(server, tmp_path)), "--offline", "--allow-private"])
    finally:
        server.server.shutdown()
    assert server.paths() == []
    assert code == 0 and not [c for c in _codes(data) if c.startswith("WEB")]


def test_scan_of_thread_site_gives_the_call_back_advice() -> None:
    result = runner.invoke(
        app, ["scan", str(ROOT / "examples" / "seed-861" / "site"), "--format", "json"]
    )
    data = json.loads(result.stdout)
    findings = data["results"][0]["findings"]
    advice = [f for f in findings if f["code"] == "WEB014"]
    assert advice and advice[0]["severity"] == "warning"
    assert "do not text them" in advice[0]["message"]
    assert advice[0]["location"]["selector"] and advice[0]["location"]["line"]
    assert all(f["field"] == "site" for f in findings)
