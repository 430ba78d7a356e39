"""Consent ledger throughput, printed (never asserted).

    .venv/bin/python bench/ledger_bench.py                 # SQLite (+ PostgreSQL if configured)
    CONSENTRY_TEST_POSTGRES_URL=postgresql://... .venv/bin/python bench/ledger_bench.py
    .venv/bin/python bench/ledger_bench.py --quick         # smaller runs

Measures, on the same database in the same run:
- durable events/s through `Ledger.record_consent` from many threads (group commit shares one
  transaction, one fsync, between concurrent writers) and from a single thread;
- the raw durable rate of the same database: one tiny INSERT + COMMIT per row;
- numbers/s through the batch send gate (`Ledger.send_check`) against a populated state table;
- texts/s through the keyword engine, and its precision/recall on the labelled corpora.
SQLite runs with WAL and synchronous=FULL. PostgreSQL is only as durable as the server's
fsync/synchronous_commit settings, which are printed next to its figures.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text

from consentry.ledger import Ledger, classify
from consentry.ledger.area_codes import STATE_BY_AREA_CODE
from consentry.ledger.evaluation import load_corpus, report, score
from consentry.ledger.phone import try_normalize

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "ledger" / "corpus"
DISCLOSURE = (
    "By checking this box I agree to receive texts from Maple Street Dental. Msg frequency "
    "varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel."
)


def _numbers(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    areas = sorted(STATE_BY_AREA_CODE)
    out: list[str] = []
    while len(out) < n:
        number = f"+1{rng.choice(areas)}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
        if try_normalize(number) == number:
            out.append(number)
    return out


def _timed(fn: Callable[[], int]) -> tuple[int, float]:
    start = time.perf_counter()
    count = fn()
    return count, time.perf_counter() - start


def appends(book: Ledger, phones: list[str], threads: int) -> float:
    per = len(phones) // threads
    barrier = threading.Barrier(threads)

    def run(part: list[str]) -> None:
        barrier.wait()
        for phone in part:
            book.record_consent(
                phone, "web_form", disclosure_text=DISCLOSURE, checkbox_checked=True
            )

    def go() -> int:
        pool = [
            threading.Thread(target=run, args=(phones[i * per : (i + 1) * per],))
            for i in range(threads)
        ]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        return per * threads

    count, seconds = _timed(go)
    return count / seconds


def raw_sqlite(path: Path, rows: int) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS raw (id INTEGER PRIMARY KEY, data TEXT)")

    def go() -> int:
        for i in range(rows):
            conn.execute("BEGIN")
            conn.execute("INSERT INTO raw (data) VALUES (?)", (f"row {i}",))
            conn.execute("COMMIT")
        return rows

    count, seconds = _timed(go)
    conn.close()
    return count / seconds


def raw_postgres(url: str, rows: int) -> float:
    engine = create_engine(url)
    with engine.connect() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS raw (id BIGSERIAL PRIMARY KEY, data TEXT)"))
        conn.commit()

        def go() -> int:
            for i in range(rows):
                conn.execute(text("INSERT INTO raw (data) VALUES (:d)"), {"d": f"row {i}"})
                conn.commit()
            return rows

        count, seconds = _timed(go)
    engine.dispose()
    return count / seconds


def gate(book: Ledger, consented: int, checked: int, tmp: Path) -> tuple[float, float, float]:
    """(import rows/s to populate, numbers/s cold, numbers/s warm)."""
    phones = _numbers(consented, seed=7)
    csv_path = tmp / "consents.csv"
    lines = ["phone,status,date,consent text"]
    lines += [
        f"{p},{'opt-in' if i % 4 else 'opt-out'},2025-01-01T00:00:00Z,{DISCLOSURE}"
        for i, p in enumerate(phones)
    ]
    csv_path.write_text("\n".join(lines) + "\n")
    imported, seconds = _timed(lambda: book.import_file(csv_path).imported)
    batch = phones[: checked // 2] + _numbers(checked - checked // 2, seed=11)
    random.Random(3).shuffle(batch)
    at = "2026-03-04T18:00:00Z"
    _, cold = _timed(lambda: len(book.send_check(batch, "marketing", at)))
    _, warm = _timed(lambda: len(book.send_check(batch, "marketing", at)))
    return imported / seconds, len(batch) / cold, len(batch) / warm


def keywords() -> tuple[float, list[str]]:
    samples = [
        s
        for name in ("inbound", "holdout", "holdout2")
        for s in load_corpus(CORPUS / f"{name}.tsv")
    ]
    texts = [s.text for s in samples] * 20
    _, seconds = _timed(lambda: sum(1 for t in texts if classify(t)))
    reports = [
        f"{name}.tsv: " + report(score(load_corpus(CORPUS / f"{name}.tsv")))
        for name in ("inbound", "holdout", "holdout2")
    ]
    return len(texts) / seconds, reports


def _pg_schema_url(base: str) -> tuple[str, Callable[[], None]]:
    from urllib.parse import quote

    admin = create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
        settings = {
            k: conn.execute(text(f"SHOW {k}")).scalar() for k in ("fsync", "synchronous_commit")
        }
    print(f"  PostgreSQL server settings: {settings}")

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()

    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote(f'-csearch_path={schema}')}", drop


def run_backend(
    name: str, url: str, args: argparse.Namespace, tmp: Path, raw: Callable[[int], float]
) -> None:
    """Raw, single-thread and many-thread rates interleaved over rounds (the disk's fsync speed
    drifts on a shared machine, so each comparison is made within the same minute); medians."""
    print(f"\n== {name} ==")
    book = Ledger(url)
    rates: dict[str, list[float]] = {"many": [], "single": [], "raw": []}
    for r in range(args.rounds):
        rates["raw"].append(raw(args.raw))
        rates["single"].append(appends(book, _numbers(args.single, seed=100 + r), 1))
        rates["many"].append(appends(book, _numbers(args.events, seed=200 + r), args.threads))

    def show(label: str, key: str, unit: str) -> None:
        values = sorted(rates[key])
        spread = f"(range {values[0]:,.0f}-{values[-1]:,.0f})"
        print(f"  {label:<50}{statistics.median(values):>9,.0f} {unit} {spread}")

    show(f"durable appends, {args.threads} threads (group commit):", "many", "events/s")
    show("durable appends, 1 thread:", "single", "events/s")
    show("raw durable INSERT+COMMIT, 1 row per commit:", "raw", "rows/s")
    populate, cold, warm = gate(book, args.states, args.gate, tmp)
    print(f"  {f'import (populate {args.states:,} numbers):':<50}{populate:>9,.0f} rows/s")
    print(f"  {f'send gate, batch of {args.gate:,} (first call):':<50}{cold:>9,.0f} numbers/s")
    print(f"  {f'send gate, batch of {args.gate:,} (again):':<50}{warm:>9,.0f} numbers/s")
    verified, seconds = _timed(lambda: book.verify().events)
    print(f"  {f'verify {verified:,} events:':<50}{verified / seconds:>9,.0f} events/s")
    book.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--events", type=int, default=8_000)
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--single", type=int, default=500)
    parser.add_argument("--raw", type=int, default=1_000)
    parser.add_argument("--states", type=int, default=50_000)
    parser.add_argument("--gate", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="a tenth of every size")
    args = parser.parse_args()
    if args.quick:
        args.rounds = 1
        for key in ("events", "single", "raw", "states", "gate"):
            setattr(args, key, max(getattr(args, key) // 10, args.threads))
    rate, reports = keywords()
    print("== keyword engine ==")
    print(f"  classify: {rate:,.0f} texts/s")
    for r in reports:
        print("  " + r.replace("\n", "\n  "))
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "bench.db"
        run_backend(
            "SQLite (WAL, synchronous=FULL)",
            f"sqlite:///{db}",
            args,
            tmp,
            lambda n: raw_sqlite(tmp / "raw.db", n),
        )
        pg = os.environ.get("CONSENTRY_TEST_POSTGRES_URL")
        if pg:
            url, drop = _pg_schema_url(pg)
            try:
                run_backend("PostgreSQL", url, args, tmp, lambda n: raw_postgres(url, n))
            finally:
                drop()
        else:
            print("\n(PostgreSQL skipped: set CONSENTRY_TEST_POSTGRES_URL)")


if __name__ == "__main__":
    main()
