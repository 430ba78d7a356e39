"""Two loopback origins, like real life: a website (origin A) serving tests/snippet/pages with the
snippet pasted in, and the consentry service (origin B) over a temporary SQLite ledger.

Pages carry `<!--SNIPPET-->` (inline script) or `<!--SNIPPET-EXTERNAL-->` (script tag loading
/v1/snippet.js from the service); the site server fills them in with the key and endpoint the
test chose. `POST /thanks` and `POST /hs-submit` stand for the form's own back end.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

PAGES = Path(__file__).resolve().parent / "pages"


@dataclass
class SiteState:
    snippet: str = ""
    external: str = ""
    posts: list[tuple[str, bytes]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    state: SiteState


class _SiteHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _SiteServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        name = urlsplit(self.path).path.strip("/")
        page = PAGES / name
        if not name.endswith(".html") or not page.is_file():
            self._send(404, b"<h1>Not found</h1>")
            return
        state = self.server.state
        html = page.read_text("utf-8")
        html = html.replace("<!--SNIPPET-->", state.snippet)
        html = html.replace("<!--SNIPPET-EXTERNAL-->", state.external)
        self._send(200, html.encode())

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        path = urlsplit(self.path).path
        with self.server.state.lock:
            self.server.state.posts.append((path, body))
        if path == "/thanks":
            self._send(200, b"<html><title>Thanks</title><h1>Thanks, see you soon</h1></html>")
        elif path == "/hs-submit":
            self._send(200, b'{"inlineMessage": "Thanks"}', "application/json")
        else:
            self._send(404, b"<h1>Not found</h1>")


@dataclass
class Site:
    """The website under test; `url("plain.html")` on 127.0.0.1, `other_url` on localhost."""

    server: _SiteServer
    state: SiteState

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, page: str) -> str:
        return f"{self.origin}/{page}"

    def other_url(self, page: str) -> str:
        """The same page from another origin (localhost is not 127.0.0.1 to a browser)."""
        return f"http://localhost:{self.port}/{page}"

    def paste(self, site_key: str, endpoint: str) -> None:
        from consentry.snippet import render_snippet

        self.state.snippet = render_snippet(site_key, endpoint)
        self.state.external = render_snippet(site_key, endpoint, inline=False)

    def posts(self, path: str) -> list[bytes]:
        with self.state.lock:
            return [body for p, body in self.state.posts if p == path]


@dataclass
class Capture:
    origin: str | None
    body: dict[str, Any]
    status: int
    answer: dict[str, Any]


@dataclass
class Service:
    url: str
    ledger: Any
    site_key: str
    captures: list[Capture]
    lock: threading.Lock

    def seen(self) -> list[Capture]:
        with self.lock:
            return list(self.captures)

    def wait_for_captures(self, count: int, timeout: float = 5.0) -> list[Capture]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.seen()
            if len(got) >= count:
                return got
            time.sleep(0.02)
        raise AssertionError(f"expected {count} capture request(s), got {len(self.seen())}")

    def events(self, phone: str) -> list[Any]:
        return [e for e in self.ledger.history(phone) if e.type == "opt_in"]


def _recording(app: Any, captures: list[Capture], lock: threading.Lock) -> Any:
    """ASGI wrapper that notes each /v1/capture request and answer, so a test that expects
    nothing to be recorded can first see that the browser's request did arrive."""

    async def wrapped(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != "/v1/capture" or scope["method"] != "POST":
            await app(scope, receive, send)
            return
        chunks: list[bytes] = []
        answer: list[bytes] = []
        status: list[int] = []

        async def spy_receive() -> Any:
            message = await receive()
            chunks.append(message.get("body", b""))
            return message

        async def spy_send(message: Any) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])
            elif message["type"] == "http.response.body":
                answer.append(message.get("body", b""))
            await send(message)

        await app(scope, spy_receive, spy_send)
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        try:
            body = json.loads(b"".join(chunks))
            reply = json.loads(b"".join(answer))
        except ValueError:
            body, reply = {}, {}
        with lock:
            captures.append(Capture(headers.get("origin"), body, status[0], reply))

    return wrapped


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on: the consent service is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    server = _SiteServer(("127.0.0.1", 0), _SiteHandler)
    server.state = SiteState()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    yield Site(server, server.state)
    server.shutdown()
    server.server_close()


@pytest.fixture
def service(site: Site, tmp_path: Path) -> Iterator[Service]:
    """A fresh ledger and service per test, with one site allowing origin A only."""
    pytest.importorskip("fastapi", reason="needs the service extra")
    import uvicorn

    from consentry.ledger import Ledger
    from consentry.web import create_app
    from consentry.web.settings import ServiceSettings

    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}")
    created = ledger.create_site("www", origins=[site.origin])
    captures: list[Capture] = []
    lock = threading.Lock()
    # Generous limits: every test here posts from 127.0.0.1.
    settings = ServiceSettings(capture_per_minute=6000, capture_burst=1000)
    app = _recording(create_app(ledger, settings), captures, lock)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 5
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    url = f"http://127.0.0.1:{port}"
    site.paste(created.key, url)
    yield Service(url, ledger, created.key, captures, lock)
    server.should_exit = True
    thread.join(5)
    sock.close()
    ledger.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """One headless Chromium per test module (not pytest-playwright's fixtures: the repo
    launches Debian's /usr/bin/chromium with its own flags, as consentry.site.render does).

    Not per session: while Playwright's sync API is open, an event loop runs on the main
    thread, and later tests that call asyncio.run() (the scan CLI) would fail."""
    from playwright.sync_api import sync_playwright

    from consentry.site.render import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[*CHROMIUM_ARGS, "--no-default-browser-check"],
        )
        yield launched
        launched.close()


@pytest.fixture
def tab(chromium: Any) -> Iterator[Any]:
    """A fresh tab (own cookies and cache) that fails the test on any page script error."""
    context = chromium.new_context()
    context.set_default_timeout(5000)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.page_errors = errors
    yield tab
    context.close()
    assert not errors, f"script errors on the page: {errors}"
