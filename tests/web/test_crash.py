"""kill -9 of `consentry serve` in the middle of a burst of opt-outs loses nothing it acknowledged.

A 200 from /v1/inbound is the service's promise that the opt-out is on disk: a provider that got
it will not retry. So after a crash every acknowledged opt-out must be in force, the chain and
the state table intact, and the provider's retries of the whole burst (same message ids) must
not record anything twice.
"""

from __future__ import annotations

import os
import signal
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from consentry.ledger import Ledger
from consentry.ledger.schema import events
from tests.ledger.conftest import db_url  # noqa: F401  (SQLite, and PostgreSQL when configured)
from tests.web.servers import Reply, ServerPool, create_key, fire

BURST = 900
KILL_AFTER = 150  # acknowledgements seen before the kill: well inside the burst
CLIENTS = 8
STOPS = ["STOP", "Stop", "stop please", "unsubscribe", "STOP ALL"]


def burst() -> list[dict[str, Any]]:
    return [
        {
            "from": f"+1512{3_000_000 + i:07d}",
            "to": "+15125550100",
            "text": STOPS[i % len(STOPS)],
            "id": f"crash-{i}",
        }
        for i in range(BURST)
    ]


def opt_out_events(url: str) -> dict[str, list[tuple[str, str]]]:
    """provider message id -> [(event_id, phone)] of its opt_out events."""
    query = select(events.c.provider_message_id, events.c.event_id, events.c.phone).where(
        events.c.type == "opt_out"
    )
    out: dict[str, list[tuple[str, str]]] = {}
    with Ledger(url, migrate=False) as book, book.engine.connect() as conn:
        for message_id, event_id, phone in conn.execute(query):
            out.setdefault(message_id, []).append((event_id, phone))
    return out


@pytest.mark.slow
def test_kill_9_mid_burst_loses_no_acknowledged_opt_out(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    token = create_key(db_url)
    auth = {"Authorization": f"Bearer {token}"}
    bodies = burst()
    with ServerPool(tmp_path / "logs") as pool:
        server = pool.start(db_url)
        # The pid we kill is the server itself: one process, no shell or wrapper around it.
        assert server.group_pids() == [server.pid]

        acked = 0
        killed = threading.Event()
        lock = threading.Lock()

        def count(reply: Reply) -> None:
            nonlocal acked
            if reply.status == 200:
                with lock:
                    acked += 1
                    if acked == KILL_AFTER:
                        # Killed from the client thread that just got the acknowledgement, so
                        # that an answer sent before its commit would be caught in the window.
                        os.kill(server.pid, signal.SIGKILL)
                        killed.set()

        with ThreadPoolExecutor(1) as background:
            firing = background.submit(fire, server, token, bodies, clients=CLIENTS, on_reply=count)
            assert killed.wait(30), f"no {KILL_AFTER} acknowledgements:\n{server.log()}"
            replies = firing.result(timeout=60)
        server.kill()  # reaps it (and would end any process it left behind)

        with pytest.raises(httpx.ConnectError):
            httpx.get(server.url("/healthz"), timeout=2)
        assert len(replies) == BURST
        assert {r.status for r in replies} <= {0, 200}, [r.status for r in replies]
        ok = {r.sent["id"]: r.answer for r in replies if r.status == 200 and r.answer}
        # Mid-burst: some opt-outs were acknowledged and some never got an answer.
        assert KILL_AFTER <= len(ok) < BURST
        assert all(a["action"] == "opt_out" and not a["duplicate"] for a in ok.values())

        server = pool.start(db_url)  # same database, as after a restart in production
        recorded = opt_out_events(db_url)
        for message_id, answer in ok.items():
            assert recorded.get(message_id) == [(answer["event_id"], answer["phone"])], message_id
            number = httpx.get(server.url(f"/v1/numbers/{answer['phone']}"), headers=auth)
            assert number.json()["state"] == "opted_out", message_id
        chain = httpx.get(server.url("/v1/ledger/verify"), headers=auth).json()
        assert chain["ok"], chain
        with Ledger(db_url, migrate=False) as book:
            assert book.check_state().ok
            before = book.store.count()
            assert chain["events"] == before

        # The provider retries every message of the burst, acknowledged or not.
        retries = fire(server, token, bodies, clients=CLIENTS)
        assert all(r.status == 200 and r.answer for r in retries), Counter(
            r.status for r in retries
        )
        again = {r.sent["id"]: r.answer for r in retries if r.answer}
        for message_id, answer in ok.items():
            assert again[message_id]["duplicate"], message_id
            assert again[message_id]["event_id"] == answer["event_id"], message_id
        new = sum(1 for a in again.values() if not a["duplicate"])
        # Those that never got an answer may have been recorded before the kill, never twice.
        assert new <= BURST - len(ok)

        after = opt_out_events(db_url)
        assert Counter(len(v) for v in after.values()) == Counter({1: BURST})
        for message_id in ok:
            assert after[message_id] == recorded[message_id]
        assert {v[0][0] for v in after.values()} == {a["event_id"] for a in again.values()}
        chain = httpx.get(server.url("/v1/ledger/verify"), headers=auth).json()
        assert chain["ok"], chain
        with Ledger(db_url, migrate=False) as book:
            assert book.check_state().ok
            assert book.store.count() > before or new == 0
