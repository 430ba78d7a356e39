"""Inbound texts through `consentry serve` over HTTP: throughput, latency, and nothing lost.

    .venv/bin/python bench/inbound_bench.py                        # SQLite in a temp dir, 1 worker
    .venv/bin/python bench/inbound_bench.py --workers 1 2          # each in turn, a fresh ledger each
    .venv/bin/python bench/inbound_bench.py --database postgresql://... --workers 1 2
    .venv/bin/python bench/inbound_bench.py --quick

Printed, never asserted. For each worker count it starts the real service (a subprocess, as in
production), creates an API key and, with one asyncio + httpx client over N keep-alive
connections, measures on the same server:
- the ceiling: GET /healthz (no auth, no database), same client, connections and count;
- inbound, closed loop: POST /v1/inbound as fast as the connections allow (max msg/s);
- inbound, open loop: a fixed arrival rate (--rate), latency measured from each message's
  scheduled send time, so a stall shows up in the percentiles instead of slowing the sender;
- reads: GET /v1/numbers/{phone} (auth + one state lookup).
The traffic is a realistic mix (10% STOP and its variants, 5% HELP, 5% START, 80% chatter) over
many numbers, with a share of duplicate deliveries (a provider's retry: same message id).
Afterwards the ledger is opened directly and compared with every 200 the service sent: each
acknowledged event present with the same event id, each message id recorded once, acknowledged
opt-outs in force, the hash chain and the state table intact.

The client runs on the same machine (on a 2-core box it competes with the server for CPU): its
CPU use and the server's are printed per phase, and the ceiling is measured the same way, so
inbound vs ceiling is the fair comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the server harness is shared with tests/web

from tests.web.servers import HOST, Server, ServerPool, create_key, postgres_schema  # noqa: E402

from consentry.ledger import Ledger  # noqa: E402
from consentry.ledger.area_codes import STATE_BY_AREA_CODE  # noqa: E402
from consentry.ledger.phone import try_normalize  # noqa: E402
from consentry.ledger.schema import events  # noqa: E402

TO = "+15125550100"
MIX: list[tuple[str, float, list[str]]] = [
    ("stop", 0.10, ["STOP", "Stop", "stop please", "Stop please", "unsubscribe", "STOP ALL"]),
    ("help", 0.05, ["HELP", "help", "Help please"]),
    ("start", 0.05, ["START", "Start", "UNSTOP"]),
    (
        "chatter",
        0.80,
        [
            "what time do you open?",
            "Can I move my appointment to Tuesday?",
            "thanks!",
            "Is Dr. Patel in on Friday?",
            "ok see you then",
            "How much is a cleaning?",
            "Running 10 min late, sorry",
            "Do you take Delta Dental?",
        ],
    ),
]


@dataclass(frozen=True, slots=True)
class Message:
    index: int
    phone: str
    kind: str
    msg_id: str
    body: bytes
    resend: bool  # a duplicate delivery of an earlier message


@dataclass
class Outcome:
    latency: float  # seconds
    status: int  # 0: transport error
    msg: Message | None = None
    action: str | None = None
    event_id: str | None = None
    duplicate: bool = False


@dataclass
class Phase:
    name: str
    wall: float
    outcomes: list[Outcome]
    client_cpu: float
    server_cpu: float
    busy_cpu: float  # the whole machine's, so what other processes took can be shown

    @property
    def ok(self) -> int:
        return sum(1 for o in self.outcomes if o.status == 200)


def phones(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    areas = sorted(STATE_BY_AREA_CODE)
    out: list[str] = []
    while len(out) < n:
        number = f"+1{rng.choice(areas)}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
        if try_normalize(number) == number and number not in out:
            out.append(number)
    return out


def plan(prefix: str, count: int, numbers: list[str], dup_share: float, gap: int) -> list[Message]:
    """`count` deliveries; a `dup_share` of them resend a message sent at least `gap` earlier."""
    rng = random.Random(prefix)
    kinds = [k for k, _, _ in MIX]
    weights = [w for _, w, _ in MIX]
    texts = {k: t for k, _, t in MIX}
    out: list[Message] = []
    for i in range(count):
        if i > gap and rng.random() < dup_share:
            first = out[rng.randrange(0, i - gap)]
            out.append(Message(i, first.phone, first.kind, first.msg_id, first.body, True))
            continue
        kind = rng.choices(kinds, weights)[0]
        phone = rng.choice(numbers)
        msg_id = f"{prefix}-{i}"
        payload = {"from": phone, "to": TO, "text": rng.choice(texts[kind]), "id": msg_id}
        out.append(Message(i, phone, kind, msg_id, json.dumps(payload).encode(), False))
    return out


def group_cpu(server: Server) -> float:
    """CPU seconds used so far by the server's processes (supervisor and workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in server.group_pids():
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


class RawConnection:
    """One keep-alive HTTP/1.1 connection, hand-rolled: ~0.03 ms of client CPU per request
    against ~0.75 ms for httpx, which matters when the client shares 2 CPUs with the server."""

    def __init__(self, host: str, port: int, headers: dict[str, str]) -> None:
        self.host, self.port = host, port
        self.head = "".join(f"{k}: {v}\r\n" for k, v in {"Host": host, **headers}.items())
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(self, method: str, path: str, body: bytes | None) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        try:
            length = f"Content-Length: {len(body)}\r\n" if body is not None else ""
            writer.write(f"{method} {path} HTTP/1.1\r\n{self.head}{length}\r\n".encode())
            if body:
                writer.write(body)
            head = (await reader.readuntil(b"\r\n\r\n")).lower()
            start = head.index(b"content-length:") + 15
            data = await reader.readexactly(int(head[start : head.index(b"\r\n", start)]))
            if b"connection: close" in head:
                await self.close()
            return int(head[9:12]), data
        except BaseException:
            await self.close()
            raise

    async def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


class HttpxConnection:
    """One httpx client per connection: a single AsyncClient shared by 32 tasks spends most
    of its CPU in its own pool (encode/httpx#3215) and measures itself, not the server."""

    def __init__(self, host: str, port: int, headers: dict[str, str]) -> None:
        self.client = httpx.AsyncClient(
            base_url=f"http://{host}:{port}",
            headers=headers,
            limits=httpx.Limits(max_connections=1),
            timeout=30.0,
        )

    async def request(self, method: str, path: str, body: bytes | None) -> tuple[int, bytes]:
        response = await self.client.request(method, path, content=body)
        return response.status_code, response.content

    async def close(self) -> None:
        await self.client.aclose()


Connection = RawConnection | HttpxConnection


def machine_busy() -> float:
    """CPU seconds all processes have used since boot (/proc/stat: everything but idle)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


Request = Callable[[int], tuple[str, str, bytes | None, Message | None]]


def run_phase(
    name: str,
    server: Server,
    args: argparse.Namespace,
    headers: dict[str, str],
    count: int,
    request: Request,
    rate: float | None = None,
) -> Phase:
    """Closed loop: each connection sends its next request as soon as the last one answered.
    Open loop (`rate`): request i is due at t0 + i/rate whether or not earlier ones answered,
    waits for a free connection, and its latency counts from when it was due."""
    outcomes: list[Outcome] = []
    kind = HttpxConnection if args.client == "httpx" else RawConnection

    async def send(conn: Connection, i: int, due: float) -> None:
        method, path, body, msg = request(i)
        try:
            status, data = await conn.request(method, path, body)
        except (OSError, asyncio.IncompleteReadError, ValueError, httpx.HTTPError):
            outcomes.append(Outcome(time.perf_counter() - due, 0, msg))
            return
        outcome = Outcome(time.perf_counter() - due, status, msg)
        if msg is not None and status == 200:
            answer = json.loads(data)
            outcome.action = answer["action"]
            outcome.event_id = answer["event_id"]
            outcome.duplicate = answer["duplicate"]
        outcomes.append(outcome)

    async def main() -> float:
        conns: list[Connection] = [kind(HOST, server.port, headers) for _ in range(args.clients)]
        t0 = time.perf_counter()
        if rate:
            idle: asyncio.Queue[Connection] = asyncio.Queue()
            for conn in conns:
                idle.put_nowait(conn)

            async def due(i: int, at: float) -> None:
                conn = await idle.get()
                try:
                    await send(conn, i, at)
                finally:
                    idle.put_nowait(conn)

            tasks = []
            for i in range(count):
                at = t0 + i / rate
                if at > time.perf_counter():
                    await asyncio.sleep(at - time.perf_counter())
                tasks.append(asyncio.create_task(due(i, at)))
            await asyncio.gather(*tasks)
        else:
            counter = iter(range(count))

            async def sender(conn: Connection) -> None:
                for i in counter:
                    await send(conn, i, time.perf_counter())

            await asyncio.gather(*(sender(c) for c in conns))
        wall = time.perf_counter() - t0
        for conn in conns:
            await conn.close()
        return wall

    cpu0, server0, busy0 = time.process_time(), group_cpu(server), machine_busy()
    wall = asyncio.run(main())
    return Phase(
        name,
        wall,
        outcomes,
        time.process_time() - cpu0,
        group_cpu(server) - server0,
        machine_busy() - busy0,
    )


def show(phase: Phase) -> None:
    lat = sorted(o.latency * 1000 for o in phase.outcomes if o.status == 200) or [0.0]
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [lat[0]] * 99
    errors = len(phase.outcomes) - phase.ok
    n = max(len(phase.outcomes), 1)
    print(
        f"  {phase.name:<34}{phase.ok / phase.wall:>8,.0f}/s  p50 {q[49]:>6.1f}  p95 {q[94]:>6.1f}"
        f"  p99 {q[98]:>6.1f} ms  errors {errors:<4} cpu/req: server "
        f"{phase.server_cpu / n * 1000:.2f} ms, client {phase.client_cpu / n * 1000:.2f} ms"
    )
    others = phase.busy_cpu - phase.server_cpu - phase.client_cpu
    print(
        f"    CPUs busy: server {phase.server_cpu / phase.wall:.2f}, client "
        f"{phase.client_cpu / phase.wall:.2f}, other processes (incl. PostgreSQL) "
        f"{others / phase.wall:.2f} of {os.cpu_count()}"
    )
    statuses = Counter(o.status for o in phase.outcomes if o.status != 200)
    if statuses:
        print(f"    non-200: {dict(statuses)}  (0 = connection error or timeout)")


def inbound_request(messages: list[Message]) -> Callable[[int], tuple[str, str, bytes, Message]]:
    def request(i: int) -> tuple[str, str, bytes, Message]:
        msg = messages[i]
        return "POST", "/v1/inbound", msg.body, msg

    return request


def check_ledger(url: str, outcomes: list[Outcome]) -> list[str]:
    """Compare every acknowledgement with what the ledger holds; returns the findings."""
    acked: dict[str, list[Outcome]] = {}
    unacked: set[str] = set()
    for o in outcomes:
        assert o.msg is not None
        if o.status == 200:
            acked.setdefault(o.msg.msg_id, []).append(o)
        else:
            unacked.add(o.msg.msg_id)
    with Ledger(url, migrate=False) as book:
        query = select(events.c.provider_message_id, events.c.event_id, events.c.type)
        with book.engine.connect() as conn:
            recorded: dict[str, list[tuple[str, str]]] = {}
            for mid, event_id, type_ in conn.execute(
                query.where(events.c.provider_message_id.isnot(None))
            ):
                recorded.setdefault(mid, []).append((event_id, type_))
        lost = inconsistent = twice = wrong_type = 0
        opted_out_numbers: set[str] = set()
        restarted_numbers = {o.msg.phone for o in outcomes if o.msg and o.msg.kind == "start"}
        for mid, answers in acked.items():
            ids = {o.event_id for o in answers}
            firsts = sum(1 for o in answers if not o.duplicate)
            inconsistent += len(ids) > 1
            twice += firsts > 1 or (firsts == 0 and mid not in unacked)
            rows = recorded.get(mid, [])
            twice += len(rows) > 1
            if not rows or rows[0][0] not in ids:
                lost += 1
                continue
            if answers[0].action == "opt_out":
                wrong_type += rows[0][1] != "opt_out"
                assert answers[0].msg is not None
                opted_out_numbers.add(answers[0].msg.phone)
        # A number that only ever sent opt-outs (never START) must be opted out now.
        must_be_out = opted_out_numbers - restarted_numbers
        not_out = sum(1 for p in must_be_out if book.number_state(p).state != "opted_out")
        unacked_recorded = sum(1 for mid in unacked - acked.keys() if mid in recorded)
        chain = book.verify()
        state = book.check_state()
    return [
        f"acknowledged message ids: {len(acked):,}; ledger events with a message id: "
        f"{len(recorded):,}",
        f"lost (acknowledged, not in the ledger with that event id): {lost}",
        f"recorded twice or inconsistent replay: {twice + inconsistent}",
        f"acknowledged opt-outs not recorded as opt_out: {wrong_type}; numbers that only "
        f"opted out but are not opted_out now: {not_out} of {len(must_be_out):,}",
        f"unacknowledged (error) deliveries recorded anyway: {unacked_recorded} of "
        f"{len(unacked - acked.keys())}",
        f"chain: {'ok' if chain.ok else 'BROKEN: ' + chain.message}, {chain.events:,} events; "
        f"state table equals the fold of the events: {state.ok}",
    ]


def bench_one(url: str, workers: int, args: argparse.Namespace, tmp: Path) -> None:
    print(f"\n== {backend_name(url)}, --workers {workers}, {args.clients} connections ==")
    key = create_key(url, "bench")
    numbers = phones(args.numbers, seed=1)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    with ServerPool(tmp / "logs") as pool:
        server = pool.start(url, workers=workers, log_level=args.log_level)
        gap = args.clients * 2
        run = uuid.uuid4().hex[:6]  # message ids unique even when a database is reused
        warm = plan(f"warm-{run}", args.clients * 10, numbers, 0.0, gap)
        closed = plan(f"closed-{run}", args.requests, numbers, args.dups, gap)
        rated = plan(f"open-{run}", int(args.rate * args.seconds), numbers, args.dups, gap)
        run_phase("warm-up", server, args, headers, len(warm), inbound_request(warm))
        load0 = os.getloadavg()

        def go(name: str, count: int, request: Request, rate: float | None = None) -> Phase:
            return run_phase(name, server, args, headers, count, request, rate)

        phases = [
            go("GET /healthz (ceiling)", args.requests, lambda _i: ("GET", "/healthz", None, None)),
            go("POST /v1/inbound, closed loop", len(closed), inbound_request(closed)),
            go(
                f"POST /v1/inbound at {args.rate:,.0f}/s",
                len(rated),
                inbound_request(rated),
                args.rate,
            ),
            go(
                "GET /v1/numbers/{phone}",
                args.requests // 2,
                lambda i: ("GET", f"/v1/numbers/{numbers[i % len(numbers)]}", None, None),
            ),
        ]
        load1 = os.getloadavg()
        for phase in phases:
            show(phase)
        ceiling, closed_phase, rated_phase = phases[0], phases[1], phases[2]
        ratio = (closed_phase.ok / closed_phase.wall) / max(ceiling.ok / ceiling.wall, 1e-9)
        print(f"  inbound max rate is {ratio:.0%} of the /healthz ceiling (same client)")
        lat = sorted(o.latency for o in rated_phase.outcomes if o.status == 200) or [1.0]
        p99 = statistics.quantiles(lat, n=100)[98] * 1000 if len(lat) > 1 else lat[0] * 1000
        achieved = rated_phase.ok / rated_phase.wall
        met = achieved >= 0.98 * args.rate and p99 < 50 and rated_phase.ok == len(rated)
        print(
            f"  target {args.rate:,.0f} msg/s with p99 < 50 ms: {'met' if met else 'MISSED'} "
            f"({achieved:,.0f}/s, p99 {p99:.1f} ms)"
        )
        t = time.perf_counter()
        verify = httpx.get(server.url("/v1/ledger/verify"), headers=headers, timeout=60).json()
        print(
            f"  GET /v1/ledger/verify: ok={verify['ok']} events={verify['events']:,} "
            f"({time.perf_counter() - t:.2f} s)"
        )
        print(f"  load average before/after: {fmt_load(load0)} / {fmt_load(load1)}")
        server.stop()
    every = [o for p in (closed_phase, rated_phase) for o in p.outcomes]
    kinds = Counter(o.action for o in every if o.status == 200 and not o.duplicate)
    dups = sum(1 for o in every if o.msg and o.msg.resend)
    print(f"  actions (first deliveries): {dict(kinds)}; duplicate deliveries sent: {dups:,}")
    for line in check_ledger(url, every):
        print(f"  {line}")


def backend_name(url: str) -> str:
    if not url.startswith("postgresql"):
        return "SQLite (WAL, synchronous=FULL)"
    # Only as durable as the server's settings (the test cluster runs with fsync off).
    with Ledger(url) as book, book.engine.connect() as conn:
        shown = {
            k: conn.exec_driver_sql(f"SHOW {k}").scalar() for k in ("fsync", "synchronous_commit")
        }
    return "PostgreSQL (" + ", ".join(f"{k}={v}" for k, v in shown.items()) + ")"


def fmt_load(load: tuple[float, float, float]) -> str:
    return " ".join(f"{v:.2f}" for v in load)


def databases(args: argparse.Namespace, tmp: Path, stack: ExitStack) -> Iterator[str]:
    """A fresh ledger per run: a new SQLite file, or a new schema of the PostgreSQL database."""
    for n in range(len(args.workers)):
        if args.database and args.database.startswith("postgres"):
            yield stack.enter_context(postgres_schema(args.database, prefix="bench"))
        elif args.database:
            yield args.database
        else:
            yield f"sqlite:///{tmp / f'inbound-{n}.db'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", help="postgresql://... (a fresh schema per run) or sqlite")
    parser.add_argument("--workers", type=int, nargs="+", default=[1])
    parser.add_argument("--clients", type=int, default=32, help="concurrent connections")
    parser.add_argument("--requests", type=int, default=10_000, help="per closed-loop phase")
    parser.add_argument("--rate", type=float, default=500.0, help="open-loop arrivals per s")
    parser.add_argument("--seconds", type=float, default=10.0, help="open-loop duration")
    parser.add_argument("--numbers", type=int, default=3_000, help="distinct senders")
    parser.add_argument("--dups", type=float, default=0.05, help="share of duplicate deliveries")
    parser.add_argument(
        "--client", choices=["raw", "httpx"], default="raw", help="HTTP client of the load"
    )
    parser.add_argument("--log-level", default="info", help="the server's (info has access log)")
    parser.add_argument("--quick", action="store_true", help="a fifth of the requests and time")
    args = parser.parse_args()
    if args.quick:
        args.requests //= 5
        args.seconds /= 5
    print(
        f"machine: {os.cpu_count()} CPUs, load average {fmt_load(os.getloadavg())}; client: "
        f"asyncio, {args.client} HTTP/1.1, in this process, {args.clients} keep-alive "
        f"connections; server log level {args.log_level}; uvicorn --loop/--http auto "
        f"({'uvloop' if has('uvloop') else 'asyncio'} + "
        f"{'httptools' if has('httptools') else 'h11'})"
    )
    print(
        "note: client and server share the CPUs; compare inbound with the /healthz ceiling "
        "measured the same way. Latency in ms at the client; open loop counts from the "
        "scheduled send time."
    )
    with (
        tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp_name,
        ExitStack() as stack,
    ):
        tmp = Path(tmp_name)
        for workers, url in zip(args.workers, databases(args, tmp, stack), strict=False):
            bench_one(url, workers, args, tmp)


def has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()
