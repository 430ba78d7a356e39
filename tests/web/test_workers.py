"""`consentry serve --workers 2`: two processes append to one ledger.

Each worker has its own group committer, so nothing in-process orders their appends: the
ledger's chain lock (SQLite BEGIN IMMEDIATE, PostgreSQL SELECT ... FOR UPDATE on the head) must.
Concurrent deliveries, each sent twice (a provider's retry racing the original, possibly in the
other worker), must each be recorded exactly once, and the chain must verify.
"""

from __future__ import annotations

import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from consentry.ledger import Ledger
from consentry.ledger.schema import events
from tests.ledger.conftest import db_url  # noqa: F401  (SQLite, and PostgreSQL when configured)
from tests.web.servers import Server, ServerPool, create_key, fire

MESSAGES = 300
NUMBERS = 40  # few, so both workers change the same numbers' state at the same time
CLIENTS = 16
ROUNDS = 4
TEXTS = ["STOP", "HELP", "START", "what time do you open?", "unsubscribe", "thanks!"]


def deliveries(seed: int) -> list[dict[str, Any]]:
    """Every message twice, shuffled: a retry may arrive before, with or after its original."""
    rng = random.Random(seed)
    messages = [
        {
            "from": f"+1512{4_000_000 + rng.randrange(NUMBERS):07d}",
            "to": "+15125550100",
            "text": rng.choice(TEXTS),
            "id": f"w-{i}",
        }
        for i in range(MESSAGES)
    ]
    twice = messages * 2
    rng.shuffle(twice)
    return twice


def worker_cpu(server: Server) -> dict[int, int]:
    """CPU ticks so far of each uvicorn worker process (children spawned by multiprocessing)."""
    out: dict[int, int] = {}
    for pid in server.group_pids():
        proc = Path(f"/proc/{pid}")
        try:
            if b"spawn_main" not in (proc / "cmdline").read_bytes():
                continue
            stat = (proc / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        out[pid] = int(fields[11]) + int(fields[12])
    return out


def wait_for(condition: Callable[[], bool], server: Server, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, server.log()
        time.sleep(0.05)


def recorded(url: str) -> dict[str, list[tuple[str, str]]]:
    """provider message id -> [(event_id, type)] of the events it produced."""
    query = select(events.c.provider_message_id, events.c.event_id, events.c.type).where(
        events.c.provider_message_id.is_not(None)
    )
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with Ledger(url, migrate=False) as book, book.engine.connect() as conn:
        for message_id, event_id, type_ in conn.execute(query):
            out[message_id].append((event_id, type_))
    return out


@pytest.mark.slow
def test_two_workers_record_every_delivery_once(
    db_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    token = create_key(db_url)
    sent = deliveries(seed=5)
    with ServerPool(tmp_path / "logs") as pool:
        server = pool.start(db_url, workers=2, log_level="info")
        # /healthz answers once one worker is up; wait for both before the burst.
        wait_for(lambda: server.log().count("Application startup complete") == 2, server)
        cpu_before = worker_cpu(server)
        assert len(cpu_before) == 2, server.log()
        # Rounds of fresh connections: the kernel hands each new connection to whichever worker
        # accepts first, so over 4 x 16 connections both get a share.
        replies = [
            reply
            for start in range(0, len(sent), len(sent) // ROUNDS)
            for reply in fire(
                server, token, sent[start : start + len(sent) // ROUNDS], clients=CLIENTS
            )
        ]
        cpu_after = worker_cpu(server)
        # Both processes served part of the burst (an idle worker uses next to no CPU).
        used = {pid: cpu_after[pid] - cpu_before[pid] for pid in cpu_before}
        assert all(ticks >= 5 for ticks in used.values()), used

        assert Counter(r.status for r in replies) == Counter({200: len(sent)})
        answers: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for reply in replies:
            assert reply.answer is not None
            answers[reply.sent["id"]].append(reply.answer)
        assert len(answers) == MESSAGES
        for message_id, both in answers.items():
            # The original and its retry: one recorded it, the other was told it already was.
            assert sorted(a["duplicate"] for a in both) == [False, True], (message_id, both)
            assert both[0]["event_id"] == both[1]["event_id"], message_id

        in_ledger = recorded(db_url)
        assert set(in_ledger) == set(answers)
        for message_id, both in answers.items():
            [(event_id, type_)] = in_ledger[message_id]
            assert event_id == both[0]["event_id"]
            if both[0]["action"] == "opt_out":
                assert type_ == "opt_out"

        auth = {"Authorization": f"Bearer {token}"}
        chain = httpx.get(server.url("/v1/ledger/verify"), headers=auth).json()
        assert chain["ok"], chain
        # Every append of both workers is one link of one chain: no gap, no fork.
        assert chain["head_seq"] == chain["events"]
    with Ledger(db_url, migrate=False) as book:
        report = book.verify()
        assert report.ok and report.events == chain["events"]
        assert book.store.count() == chain["events"]
        assert book.check_state().ok
