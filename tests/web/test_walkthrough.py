"""The newcomer's path from docs/service.md and the README, end to end with real processes:

ledger init -> keys create -> sites create -> consentry serve -> consentry snippet pasted into a
page -> a person submits the form in Chromium -> they text STOP through (simulated) RingCentral
-> the number's state and evidence show both, and RingCentral was asked to send one confirmation.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from consentry.site.render import CHROMIUM
from tests.providers.ringcentral.fake_ringcentral import BUSINESS, FakeRingCentral, running
from tests.snippet.conftest import chromium  # noqa: F401  (the module's browser)
from tests.web.servers import ServerPool, consentry_executable

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed"),
]

DISCLOSURE = (
    "Yes, text me appointment reminders from Maple Street Dental. Up to 4 msgs/month. "
    "Msg & data rates may apply. Reply STOP to opt out, HELP for help."
)
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Book</title></head><body>
<form id="book" action="/thanks" method="post">
  <label for="phone">Mobile number</label> <input id="phone" name="phone" type="tel">
  <label><input type="checkbox" name="sms"> {disclosure}</label>
  <button type="submit">Book</button>
</form>
{snippet}
</body></html>"""


def cli(*args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [consentry_executable(), *args], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


class _Site(BaseHTTPRequestHandler):
    html = b""

    def log_message(self, *_args: object) -> None:
        pass

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._send(self.html)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._send(b"<title>Thanks</title><h1>Thanks</h1>")


@pytest.fixture
def site() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def rc() -> Iterator[FakeRingCentral]:
    with running(validate_webhooks=False) as fake:
        yield fake


def test_from_nothing_to_a_recorded_opt_out(
    tmp_path: Path,
    site: ThreadingHTTPServer,
    rc: FakeRingCentral,
    chromium: Any,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = f"sqlite:///{tmp_path / 'consent.db'}"
    origin = f"http://127.0.0.1:{site.server_address[1]}"
    # 1. The ledger, a key for the back office, the website's publishable key.
    cli("ledger", "init", "--database", db)
    key = cli("ledger", "keys", "create", "--database", db, "--name", "back-office")
    site_key = cli("ledger", "sites", "create", "--database", db, "--origin", origin)
    assert key.startswith("csk_") and site_key.startswith("csp_")
    # 2. The service, with RingCentral switched on by its environment (the stand-in server).
    token = "walkthrough-verification-token"
    for name, value in {
        "RINGCENTRAL_SERVER_URL": rc.url,
        "RINGCENTRAL_CLIENT_ID": rc.client_id,
        "RINGCENTRAL_CLIENT_SECRET": rc.client_secret,
        "RINGCENTRAL_JWT": rc.jwt,
        "RINGCENTRAL_VERIFICATION_TOKEN": token,
    }.items():
        monkeypatch.setenv(name, value)
    root = Path(__file__).resolve().parents[2]
    with ServerPool(tmp_path / "logs") as pool:
        server = pool.start(
            db, extra_args=["--campaign", str(root / "examples/clean/campaign.yaml")]
        )
        # 3. The snippet, pasted into the page.
        snippet = cli("snippet", "--site-key", site_key, "--endpoint", server.base_url)
        _Site.html = PAGE.format(disclosure=DISCLOSURE, snippet=snippet).encode()
        # 4. A person fills the form in and sends it.
        page = chromium.new_page()
        page.goto(origin + "/book.html")
        page.fill("#phone", "(512) 447-0198")
        page.check("input[name=sms]")
        shown = page.inner_text("label:has(input[name=sms])").strip()
        page.click("button[type=submit]")
        page.wait_for_url("**/thanks")  # the form itself went through
        page.close()
        auth = {"Authorization": f"Bearer {key}"}
        with httpx.Client(base_url=server.base_url, headers=auth, timeout=10) as api:
            state = _wait_state(api, "opted_in")
            assert state["method"] == "web_form"
            # 5. They text STOP, delivered the way RingCentral delivers it.
            out = cli(
                "ringcentral", "simulate", "STOP", "--from", "5124470198",
                "--to", BUSINESS, "--endpoint", server.base_url,
            )  # fmt: skip
            assert out.startswith("200")
            state = _wait_state(api, "opted_out")
            assert state["method"] == "keyword"
            # 6. The evidence: the exact words they agreed to, then the opt-out, all verified.
            evidence = api.get("/v1/numbers/5124470198/evidence").json()
            types = [e["type"] for e in evidence["events"]]
            assert types[0] == "opt_in" and "opt_out" in types
            assert evidence["events"][0]["data"]["disclosure_text"] == " ".join(shown.split())
            assert all(e["proof"]["hash_ok"] for e in evidence["events"])
            assert api.get("/v1/ledger/verify").json()["ok"] is True
            check = api.post("/v1/send-check", json={"to": ["5124470198"], "kind": "marketing"})
            assert check.json()["results"][0]["reasons"] == ["opted_out"]
            # One confirmation went out through RingCentral's SMS API.
            deadline = time.monotonic() + 5
            while not rc.sent and time.monotonic() < deadline:
                time.sleep(0.05)
            assert len(rc.sent) == 1, server.log()
            assert rc.sent[0]["to"] == [{"phoneNumber": "+15124470198"}]


def _wait_state(api: httpx.Client, state: str, timeout: float = 5.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        body: dict[str, Any] = api.get("/v1/numbers/5124470198").json()
        if body["state"] == state or time.monotonic() > deadline:
            assert body["state"] == state, body
            return body
        time.sleep(0.05)
