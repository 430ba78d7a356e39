"""Run `consentry serve` as a real subprocess on a free loopback port (tests and benches).

    with ServerPool(tmp_path) as pool:
        server = pool.start("sqlite:///...", workers=2)
        httpx.get(server.url("/healthz"))

The server runs in its own process group, so stopping it also ends uvicorn's worker processes,
and `ServerPool.close` (or leaving the `with`) always kills every group it started: a leaked
server would hold a port and a database open for the rest of the run.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

import httpx

__all__ = [
    "HOST",
    "PG_ENV",
    "Reply",
    "Server",
    "ServerPool",
    "ServerStartError",
    "create_key",
    "fire",
    "free_port",
    "postgres_schema",
]

PG_ENV = "CONSENTRY_TEST_POSTGRES_URL"
HOST = "127.0.0.1"


class ServerStartError(RuntimeError):
    pass


def consentry_executable() -> str:
    """The `consentry` script of the running interpreter's environment (the venv's)."""
    beside = Path(sys.executable).with_name("consentry")
    if beside.exists():
        return str(beside)
    found = shutil.which("consentry")
    if found is None:
        raise ServerStartError("the consentry command is not installed in this environment")
    return found


def free_port() -> int:
    # Bind-then-close can race with another process taking the port; `ServerPool.start` retries.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def create_key(database: str, name: str = "test", scopes: str | None = None) -> str:
    """A new API key (all scopes unless given); also creates the ledger's tables if needed."""
    from consentry.ledger import Ledger

    with Ledger(database) as ledger:
        return ledger.create_api_key(name, scopes).token


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    database: str
    workers: int
    log_path: Path

    @property
    def pid(self) -> int:
        """The `consentry serve` process: the server itself with one worker, uvicorn's
        supervisor with several (the script is executed directly, so there is no shell or
        wrapper in between)."""
        return self.process.pid

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def running(self) -> bool:
        return self.process.poll() is None

    def group_pids(self) -> list[int]:
        """Every live process in the server's process group (supervisor and workers)."""
        pids: list[int] = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after the ")".
            fields = stat[stat.rindex(")") + 2 :].split()
            if fields[0] != "Z" and int(fields[2]) == self.pid:
                pids.append(int(entry.name))
        return pids

    def kill(self) -> None:
        """SIGKILL the server process (a crash): no shutdown handler runs, nothing is flushed."""
        if self.running():
            os.kill(self.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._kill_group()

    def stop(self, timeout: float = 10.0) -> None:
        """Graceful stop (SIGTERM to the group), then SIGKILL for anything still alive."""
        if self.running():
            self._signal_group(signal.SIGTERM)
            with suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=timeout)
        self._kill_group()
        self.process.wait(timeout=10)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def _kill_group(self) -> None:
        # Workers outlive a killed supervisor (they are orphaned, not killed): end them too.
        self._signal_group(signal.SIGKILL)
        self.process.poll()  # reap the supervisor
        deadline = time.monotonic() + 10
        while self.group_pids() and time.monotonic() < deadline:
            time.sleep(0.02)

    def _signal_group(self, sig: signal.Signals) -> None:
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, sig)


@dataclass
class ServerPool:
    """Starts servers and guarantees they are all gone when closed."""

    log_dir: Path
    servers: list[Server] = field(default_factory=list)

    def start(
        self,
        database: str,
        *,
        workers: int = 1,
        log_level: str = "warning",
        extra_args: Sequence[str] = (),
        timeout: float = 30.0,
    ) -> Server:
        last: ServerStartError | None = None
        for _attempt in range(3):
            server = self._spawn(database, workers, log_level, extra_args)
            try:
                _wait_healthy(server, timeout)
                return server
            except ServerStartError as exc:
                server.stop()
                last = exc
                if "address already in use" not in server.log().lower():
                    raise
        assert last is not None
        raise last

    def close(self) -> None:
        for server in self.servers:
            server.stop()
        self.servers.clear()

    def __enter__(self) -> ServerPool:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.close()

    def _spawn(
        self, database: str, workers: int, log_level: str, extra_args: Sequence[str]
    ) -> Server:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        port = free_port()
        log_path = self.log_dir / f"serve-{port}-{uuid.uuid4().hex[:6]}.log"
        command = [
            consentry_executable(),
            "serve",
            "--database",
            database,
            "--host",
            HOST,
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            log_level,
            *extra_args,
        ]
        # A file, not a pipe: nobody reads the log while the server runs, and a full pipe would
        # block the server's logging (and with it every request).
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
        server = Server(process, port, database, workers, log_path)
        self.servers.append(server)
        return server


def _wait_healthy(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2.0) as client:
        while time.monotonic() < deadline:
            if not server.running():
                raise ServerStartError(
                    f"consentry serve exited with {server.process.returncode}:\n{server.log()}"
                )
            try:
                if client.get(server.url("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
    raise ServerStartError(
        f"consentry serve did not answer /healthz in {timeout:.0f}s:\n{server.log()}"
    )


@contextmanager
def postgres_schema(base_url: str, prefix: str = "w") -> Iterator[str]:
    """A database URL on a fresh schema of `base_url`, dropped afterwards (as tests/ledger does);
    the schema rides in the URL, so every process the server starts uses it."""
    from sqlalchemy import create_engine, text

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with admin.begin() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        sep = "&" if "?" in base_url else "?"
        try:
            yield f"{base_url}{sep}options={quote(f'-csearch_path={schema}')}"
        finally:
            with admin.begin() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    finally:
        admin.dispose()


@dataclass(frozen=True, slots=True)
class Reply:
    sent: dict[str, Any]
    status: int  # 0: no answer (refused, reset mid-request, timed out)
    answer: dict[str, Any] | None


def fire(
    server: Server,
    token: str,
    bodies: Sequence[dict[str, Any]],
    *,
    path: str = "/v1/inbound",
    clients: int = 8,
    timeout: float = 10.0,
    on_reply: Callable[[Reply], None] | None = None,
) -> list[Reply]:
    """POST every body from `clients` concurrent keep-alive clients (client i sends bodies i,
    i + clients, ...); returns one `Reply` per body. A request that gets no answer is recorded,
    not raised, so a burst can outlive the server it was aimed at."""
    replies: list[Reply] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def client(share: Sequence[dict[str, Any]]) -> None:
        try:
            send_all(share)
        except BaseException as exc:  # re-raised below: a thread's exception is otherwise lost
            failures.append(exc)

    def send_all(share: Sequence[dict[str, Any]]) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=timeout) as http:
            for body in share:
                try:
                    response = http.post(path, json=body)
                except httpx.TransportError:
                    reply = Reply(body, 0, None)
                else:
                    answer = response.json() if response.status_code == 200 else None
                    reply = Reply(body, response.status_code, answer)
                with lock:
                    replies.append(reply)
                if on_reply is not None:
                    on_reply(reply)

    threads = [threading.Thread(target=client, args=(bodies[i::clients],)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return replies
