"""A real HTTP server on 127.0.0.1 that serves a fixture site plus routes that go wrong on purpose.

Fault routes (any site):
  /__loop/a, /__loop/b   redirect to each other
  /__redirect?to=URL     302 to URL
  /__slow                answers after 3 s
  /__drip                sends one byte every 0.1 s for 5 s (defeats a read timeout)
  /__big                 10 MB of HTML, no Content-Length (the server counts what it sent)
  /__big-declared        10 MB of HTML with Content-Length
  /__pdf                 application/pdf
  /__latin1              latin-1 bytes declared as UTF-8
  /__status/NNN          that status
  /__echo-ua             the User-Agent it was sent
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

SITES = Path(__file__).resolve().parents[1] / "fixtures" / "sites"
BIG_SIZE = 10_000_000
LATIN1_PAGE = (
    "<html><head><meta charset='utf-8'><title>Café menu</title></head>"
    "<body><h1>Café menu</h1><p>Crème brûlée, 5 dollars. Visit our <a href='/'>home</a>.</p>"
    "</body></html>"
).encode("latin-1")


@dataclass
class ServerState:
    root: Path
    hits: list[tuple[str, str]] = field(default_factory=list)
    big_bytes_sent: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    state: ServerState

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hang up on slow and big routes on purpose; that is not an error here."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(
        self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _stream_big(self, declared: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if declared:
            self.send_header("Content-Length", str(BIG_SIZE))
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = (b"<p>" + b"x" * 1017 + b"</p>\n") * 64  # 64 KiB
        self.wfile.write(b"<html><head><title>Catalogue</title></head><body>")
        sent = 0
        try:
            while sent < BIG_SIZE:
                self.wfile.write(chunk)
                sent += len(chunk)
                with self.server.state.lock:
                    self.server.state.big_bytes_sent = max(self.server.state.big_bytes_sent, sent)
        except OSError:
            return
        self.close_connection = True

    def _drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(50):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            return
        self.close_connection = True

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        state = self.server.state
        with state.lock:
            state.hits.append((path, self.headers.get("User-Agent", "")))
        if path in ("/__loop/a", "/__loop/b"):
            self._redirect("/__loop/b" if path.endswith("a") else "/__loop/a")
        elif path == "/__redirect":
            self._redirect(parse_qs(parts.query)["to"][0])
        elif path == "/__slow":
            time.sleep(3)
            self._send(200, b"<html><title>Slow</title></html>")
        elif path == "/__drip":
            self._drip()
        elif path in ("/__big", "/__big-declared"):
            self._stream_big(declared=path.endswith("declared"))
        elif path == "/__pdf":
            self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "application/pdf")
        elif path == "/__latin1":
            self._send(200, LATIN1_PAGE, "text/html; charset=utf-8")
        elif path.startswith("/__status/"):
            status = int(path.rsplit("/", 1)[1])
            self._send(status, f"<html><h1>Error {status}</h1></html>".encode())
        elif path == "/__echo-ua":
            self._send(200, self.headers.get("User-Agent", "").encode(), "text/plain")
        else:
            self._serve_file(path)

    def _serve_file(self, path: str) -> None:
        root = self.server.state.root
        relative = path.lstrip("/")
        candidates = [root / relative, root / relative / "index.html", root / f"{relative}.html"]
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved.is_file() and root.resolve() in resolved.parents:
                ctype = (
                    "text/html; charset=utf-8"
                    if resolved.suffix in (".html", ".htm")
                    else "application/octet-stream"
                )
                self._send(200, resolved.read_bytes(), ctype)
                return
        self._send(
            404,
            b"<html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>",
        )


@dataclass
class FixtureServer:
    url: str
    state: ServerState
    server: _Server

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def paths(self) -> list[str]:
        with self.state.lock:
            return [p for p, _ in self.state.hits]


def start_server(root: Path) -> FixtureServer:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.state = ServerState(root=root)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    return FixtureServer(
        url=f"http://127.0.0.1:{server.server_address[1]}/", state=server.state, server=server
    )


@pytest.fixture
def serve_site() -> Iterator[Callable[[str], FixtureServer]]:
    """`serve_site("smallbiz")` serves tests/fixtures/sites/smallbiz on a fresh loopback port."""
    started: list[FixtureServer] = []

    def start(name: str) -> FixtureServer:
        fixture = start_server(SITES / name)
        started.append(fixture)
        return fixture

    yield start
    for fixture in started:
        fixture.server.shutdown()
        fixture.server.server_close()
