"""Storage on both databases: append, chain, idempotency, concurrency, crashes, tampering."""

from __future__ import annotations

import multiprocessing
import threading
import uuid
from dataclasses import replace
from itertools import pairwise

import pytest
from sqlalchemy import Engine, create_engine, text

from consentry.errors import InputError
from consentry.ledger import Ledger
from consentry.ledger.chain import compute_hash
from tests.ledger.samples import DISCLOSURE, PHONE, Clock
from tests.ledger.workers import append_consents, die_mid_transaction


def _consent(book: Ledger, phone: str = PHONE, **extra: object) -> str:
    return book.record_consent(
        phone, "web_form", disclosure_text=DISCLOSURE, checkbox_checked=True, **extra
    ).event_id


def _unguarded(engine: Engine, *statements: str) -> None:
    """Run SQL on the events table past its append-only triggers, as someone with the
    database owner's rights could."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER IF EXISTS events_append_only_update"))
            conn.execute(text("DROP TRIGGER IF EXISTS events_append_only_delete"))
        for statement in statements:
            conn.execute(text(statement))


def _seed(book: Ledger, clock: Clock, n: int = 6) -> None:
    for i in range(n):
        _consent(book, f"+1512447{1000 + i:04d}")
        clock.advance(seconds=1)


def test_events_chain_and_verify(ledger: Ledger, clock: Clock) -> None:
    _seed(ledger, clock)
    report = ledger.verify()
    assert report.ok and report.events == 6 and report.first_bad_event is None
    history = [e for i in range(6) for e in ledger.history(f"+1512447{1000 + i:04d}")]
    assert [e.seq for e in history] == list(range(1, 7))
    for before, after in pairwise(history):
        assert after.prev_hash == before.hash
    assert ledger.store.head() == (6, history[-1].hash)


def test_times_are_utc_and_aware_after_a_round_trip(ledger: Ledger) -> None:
    recorded = ledger.record_consent(
        "512 447 0198",
        "paper",
        disclosure_text=DISCLOSURE,
        occurred_at="2026-03-01T09:30:00.123456-06:00",
    )
    (event,) = ledger.history(recorded.phone)
    assert event.occurred_at.isoformat() == "2026-03-01T15:30:00.123456+00:00"
    assert event.recorded_at.tzinfo is not None
    assert event.hash == recorded.hash


def test_provider_message_id_is_recorded_once(ledger: Ledger) -> None:
    first = ledger.record_consent(
        PHONE, "keyword", provider="twilio", provider_message_id="SM1", disclosure_text=DISCLOSURE
    )
    again = ledger.record_consent(
        PHONE, "keyword", provider="twilio", provider_message_id="SM1", disclosure_text=DISCLOSURE
    )
    assert again.duplicate and again.event_id == first.event_id
    assert ledger.verify().events == 1


def test_database_refuses_updates_and_deletes(ledger: Ledger) -> None:
    _consent(ledger)
    for statement in ("UPDATE events SET phone = '+15125550000'", "DELETE FROM events"):
        with pytest.raises(Exception, match="append-only"), ledger.engine.begin() as conn:
            conn.execute(text(statement))
    assert ledger.verify().ok


def test_hand_edited_row_is_named(ledger: Ledger, clock: Clock) -> None:
    _seed(ledger, clock)
    _unguarded(
        ledger.engine, "UPDATE events SET data = replace(data, 'Maple', 'Mapel') WHERE seq = 3"
    )
    report = ledger.verify()
    assert not report.ok and report.first_bad_seq == 3 and report.problem == "altered"
    assert report.first_bad_event == ledger.history("+15124471002")[0].event_id


def test_edited_row_with_recomputed_hash_is_named(ledger: Ledger, clock: Clock) -> None:
    _seed(ledger, clock)
    (victim,) = ledger.history("+15124471002")
    forged = replace(victim, phone="+15124479999")
    _unguarded(
        ledger.engine,
        f"UPDATE events SET phone = '+15124479999', hash = '{compute_hash(forged)}' WHERE seq = 3",
    )
    report = ledger.verify()
    assert not report.ok and report.problem == "altered" and report.first_bad_seq == 3


def test_removed_event_is_named(ledger: Ledger, clock: Clock) -> None:
    _seed(ledger, clock)
    _unguarded(ledger.engine, "DELETE FROM events WHERE seq = 4")
    report = ledger.verify()
    assert not report.ok and report.problem == "removed" and report.first_bad_seq == 5
    assert "4..4" in report.message


def test_removed_tail_is_caught_by_the_head(ledger: Ledger, clock: Clock) -> None:
    _seed(ledger, clock)
    _unguarded(ledger.engine, "DELETE FROM events WHERE seq = 6")
    report = ledger.verify()
    assert not report.ok and report.problem == "removed" and report.first_bad_seq == 6


def test_inserted_event_is_named(ledger: Ledger, clock: Clock) -> None:
    _seed(ledger, clock, 5)
    # A forger re-numbers event 5 as 6 and slips in a well-formed event 5 that links to 4.
    (fourth,) = ledger.history("+15124471003")
    fake = replace(fourth, seq=5, event_id="forged", phone="+15125550000", prev_hash=fourth.hash)
    fake = replace(fake, hash=compute_hash(fake))
    _unguarded(
        ledger.engine,
        "UPDATE events SET seq = 6 WHERE seq = 5",
        "INSERT INTO events (seq, event_id, brand, campaign, phone, type, method, occurred_at,"
        " recorded_at, provider, provider_message_id, data, prev_hash, hash)"
        f" SELECT 5, 'forged', brand, campaign, '+15125550000', type, method, occurred_at,"
        f" recorded_at, provider, provider_message_id, data, '{fake.prev_hash}', '{fake.hash}'"
        " FROM events WHERE seq = 4",
    )
    report = ledger.verify()
    assert not report.ok and report.problem == "inserted"
    assert report.first_bad_seq == 5 and report.first_bad_event == "forged"


def test_append_after_failed_transaction_rolls_back_everything(ledger: Ledger) -> None:
    _consent(ledger)
    before = ledger.store.stored_states()

    def boom(point: str) -> None:
        raise RuntimeError(f"crash at {point}")

    ledger.store.fault = boom
    with pytest.raises(RuntimeError):
        ledger.record_opt_out(PHONE, "verbal")
    ledger.store.fault = None
    assert ledger.verify().events == 1
    assert ledger.store.stored_states() == before
    ledger.record_opt_out(PHONE, "verbal")
    assert ledger.number_state(PHONE).state == "opted_out"
    assert ledger.verify().ok and ledger.check_state().ok


def test_process_killed_between_event_and_state_leaves_a_consistent_ledger(
    ledger: Ledger, db_url: str
) -> None:
    _consent(ledger)
    child = multiprocessing.get_context("spawn").Process(target=die_mid_transaction, args=(db_url,))
    child.start()
    child.join(60)
    assert child.exitcode == 3  # it really died inside the transaction
    assert ledger.verify().ok and ledger.verify().events == 1
    assert ledger.check_state().ok
    assert ledger.number_state(PHONE).state == "opted_in"
    ledger.record_opt_out(PHONE, "verbal")
    assert ledger.verify().events == 2 and ledger.check_state().ok


def test_state_table_deleted_and_rebuilt_is_identical(ledger: Ledger, clock: Clock) -> None:
    _seed(ledger, clock)
    ledger.record_opt_out("+15124471001", "verbal")
    ledger.handle_inbound("+15124471002", "+15125550100", "STOP", "SM9")
    ledger.handle_inbound("+15124471003", "+15125550100", "not interested", "SM10")
    ledger.handle_inbound("+15125550123", "+15125550100", "what time do you open?", "SM11")
    before = ledger.store.stored_states()
    assert ledger.check_state().ok and len(before) == 7
    with ledger.engine.begin() as conn:
        conn.execute(text("DROP TABLE number_states"))
    assert ledger.rebuild_state() == 7
    assert ledger.store.stored_states() == before
    assert ledger.number_state("+15124471001").state == "opted_out"


def test_stale_state_is_detected_and_repaired(ledger: Ledger, clock: Clock) -> None:
    _seed(ledger, clock)
    with ledger.engine.begin() as conn:
        conn.execute(
            text("UPDATE number_states SET state = 'opted_out' WHERE phone = '+15124471000'")
        )
        conn.execute(text("DELETE FROM number_states WHERE phone = '+15124471001'"))
    check = ledger.check_state()
    assert not check.ok and check.different == 1 and check.missing == 1
    ledger.rebuild_state()
    assert ledger.check_state().ok
    assert ledger.number_state("+15124471000").state == "opted_in"


def test_concurrent_threads_share_commits_and_keep_one_chain(ledger: Ledger) -> None:
    batches: list[int] = []
    transact = ledger.store.transact

    def counting(ops):  # type: ignore[no-untyped-def]
        batches.append(len(ops))
        return transact(ops)

    ledger.store.transact = counting  # type: ignore[method-assign]
    start = threading.Barrier(16)

    def writer(t: int) -> None:
        start.wait()
        for i in range(25):
            _consent(ledger, f"+1512{3000000 + t * 100 + i:07d}")

    pool = [threading.Thread(target=writer, args=(t,)) for t in range(16)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    report = ledger.verify()
    assert report.ok and report.events == 400
    assert sum(batches) == 400 and max(batches) > 1  # writers shared transactions
    assert ledger.check_state().ok


def test_two_ledgers_in_one_process_without_group_commit(db_url: str) -> None:
    books = [Ledger(db_url, group_commit=False) for _ in range(2)]

    def writer(book: Ledger, base: int) -> None:
        for i in range(30):
            _consent(book, f"+1512{4000000 + base + i:07d}")

    pool = [threading.Thread(target=writer, args=(b, n * 100)) for n, b in enumerate(books)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    assert books[0].verify().ok and books[0].verify().events == 60
    for book in books:
        book.close()


def test_processes_writing_at_once_keep_one_linear_chain(ledger: Ledger, db_url: str) -> None:
    _consent(ledger)
    ctx = multiprocessing.get_context("spawn")
    children = [ctx.Process(target=append_consents, args=(db_url, w, 40, 4)) for w in range(3)]
    for child in children:
        child.start()
    for child in children:
        child.join(120)
        assert child.exitcode == 0
    report = ledger.verify()
    assert report.ok and report.events == 121 and report.head_seq == 121
    assert ledger.check_state().ok


def test_open_without_migrating_an_empty_database_says_what_to_do(db_url: str) -> None:
    with pytest.raises(InputError, match="ledger init"):
        Ledger(db_url, migrate=False)


def test_append_survives_a_dropped_database_connection(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("a server connection can only drop on PostgreSQL")
    name = f"consentry-drop-{uuid.uuid4().hex[:8]}"
    book = Ledger(f"{db_url}&application_name={name}")
    _consent(book)
    killer = create_engine(db_url)
    with killer.begin() as conn:
        killed = conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :n"
            ),
            {"n": name},
        ).all()
    killer.dispose()
    assert killed  # the ledger's pooled connection is gone
    _consent(book, "+12125550123")  # retried once on a fresh connection
    assert book.verify().ok and book.verify().events == 2
    book.close()
