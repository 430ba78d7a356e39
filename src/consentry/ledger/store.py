"""Durable storage: one locked transaction appends events, seals them into the chain and updates
the state table; reads for states, histories and the chain walk.

Linearity: every append transaction first takes the chain's write lock (SQLite: BEGIN IMMEDIATE;
PostgreSQL: SELECT ... FOR UPDATE on the single chain_head row), reads the head, and writes the
new head before committing. `seq` is the primary key, so even a broken lock could not fork the
chain: the second writer would fail on a duplicate key instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any, Protocol

from sqlalchemy import (
    Engine,
    String,
    and_,
    any_,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection, RowMapping
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnElement

from consentry.ledger.chain import ChainReport, dumps_data, hash_fields, walk
from consentry.ledger.database import IMMEDIATE
from consentry.ledger.model import Event, EventDraft
from consentry.ledger.schema import chain_head, events, metadata, number_states
from consentry.ledger.state import BRAND_SCOPE, Scope, StateRow, apply_event, merge, scope_of

__all__ = ["Operation", "Store", "TxView"]

_CHUNK = 2_000  # bound parameters per IN (...) query; SQLite allows 32,766


class TxView:
    """What an operation sees inside the append transaction, including earlier ops of the batch."""

    def __init__(
        self,
        now: datetime,
        scope: Scope,
        states: dict[tuple[str, str, str], StateRow],
        existing: dict[tuple[str, str | None, str], Event],
        lookup: Callable[[str], Event | None] = lambda _id: None,
    ) -> None:
        self.now = now
        self.scope = scope
        self._states = states
        self._existing = existing
        self._lookup = lookup

    def event(self, event_id: str) -> Event | None:
        """A recorded event by id (e.g. the pending confirmation a YES answers)."""
        return self._lookup(event_id)

    def state(self, brand: str, phone: str, campaign: str | None = None) -> StateRow:
        scopes = {BRAND_SCOPE, scope_of(campaign, self.scope)}
        rows = [
            self._states[(brand, s, phone)] for s in scopes if (brand, s, phone) in self._states
        ]
        return merge(rows, brand, phone)

    def existing(self, brand: str, provider: str | None, message_id: str | None) -> Event | None:
        if message_id is None:
            return None
        return self._existing.get((brand, provider, message_id))


class Operation(Protocol):
    """One logical write: decides its events from the current state, under the chain lock."""

    def state_keys(self) -> Iterable[tuple[str, str]]:
        """(brand, phone) pairs whose state `plan` reads or changes."""
        ...

    def message_ids(self) -> Iterable[str]:
        """Provider message ids `plan` will look up (idempotency)."""
        ...

    def plan(self, view: TxView) -> Sequence[EventDraft]: ...


@dataclass
class Store:
    engine: Engine
    scope: Scope = "brand"
    reply_window: timedelta = timedelta(hours=1)
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    # Test seam: called with a point name inside the append transaction ("after_events").
    fault: Callable[[str], None] | None = None

    # -- writing -------------------------------------------------------------------------------
    def transact(self, ops: Sequence[Operation]) -> list[list[Event]]:
        """Run `ops` in one durable transaction; returns the events each op appended.

        A connection found dead (the server restarted) is replaced and the batch retried once:
        nothing was committed, and the ops decide again from the state they then see. (Cheaper
        than pinging the server before every transaction.)
        """
        try:
            return self._transact(ops)
        except DBAPIError as exc:
            if not exc.connection_invalidated:
                raise
        return self._transact(ops)

    def _transact(self, ops: Sequence[Operation]) -> list[list[Event]]:
        now = self.clock()
        with self.engine.connect().execution_options(**{IMMEDIATE: True}) as conn, conn.begin():
            seq, head = self._lock_head(conn)
            keys = {k for op in ops for k in op.state_keys()}
            states = self._load_states(conn, keys)
            touched: set[tuple[str, str, str]] = set()
            existing = self._load_existing(conn, {m for op in ops for m in op.message_ids()})
            view = TxView(now, self.scope, states, existing, lambda i: _event_by_id(conn, i))
            results: list[list[Event]] = []
            rows: list[dict[str, Any]] = []
            for op in ops:
                appended: list[Event] = []
                for draft in op.plan(view):
                    seq += 1
                    event = _seal(draft, seq, now, head)
                    head = event.hash
                    key = (event.brand, scope_of(event.campaign, self.scope), event.phone)
                    row = states.get(key) or StateRow(*key)
                    states[key] = apply_event(row, event, reply_window=self.reply_window)
                    touched.add(key)
                    if event.provider_message_id is not None:
                        existing[(event.brand, event.provider, event.provider_message_id)] = event
                    appended.append(event)
                    rows.append(_event_row(event))
                results.append(appended)
            if not rows:
                return results
            conn.execute(_INSERT_EVENTS, rows)
            if self.fault is not None:
                self.fault("after_events")
            self._write_states(conn, [states[k] for k in touched])
            conn.execute(_MOVE_HEAD, {"new_seq": seq, "new_hash": head})
        return results

    def _lock_head(self, conn: Connection) -> tuple[int, str]:
        row = conn.execute(_HEAD_FOR_UPDATE).one()
        return int(row.seq), str(row.hash)

    def _load_states(
        self, conn: Connection, keys: set[tuple[str, str]]
    ) -> dict[tuple[str, str, str], StateRow]:
        out: dict[tuple[str, str, str], StateRow] = {}
        by_brand: dict[str, list[str]] = {}
        for brand, phone in keys:
            by_brand.setdefault(brand, []).append(phone)
        for brand, phones in by_brand.items():
            for row in self._state_rows(conn, brand, phones):
                out[(row.brand, row.scope, row.phone)] = row
        return out

    def _load_existing(
        self, conn: Connection, message_ids: set[str]
    ) -> dict[tuple[str, str | None, str], Event]:
        out: dict[tuple[str, str | None, str], Event] = {}
        ids = sorted(message_ids)
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            query = _by_message_ids(conn.dialect.name)
            for row in conn.execute(query, {"ids": chunk}).mappings():
                event = _row_event(row)
                assert event.provider_message_id is not None
                out[(event.brand, event.provider, event.provider_message_id)] = event
        return out

    def _write_states(self, conn: Connection, rows: list[StateRow]) -> None:
        if rows:
            conn.execute(_upsert(conn.dialect.name), [r.as_row() for r in rows])

    # -- reading -------------------------------------------------------------------------------
    def head(self) -> tuple[int, str]:
        with self.engine.connect() as conn:
            return self.read_head(conn)

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(events)).scalar_one())

    def history(self, brand: str, phone: str) -> list[Event]:
        query = (
            select(events)
            .where(and_(events.c.brand == brand, events.c.phone == phone))
            .order_by(events.c.seq)
        )
        with self.engine.connect() as conn:
            return [_row_event(r) for r in conn.execute(query).mappings()]

    def event(self, event_id: str) -> Event | None:
        with self.engine.connect() as conn:
            return _event_by_id(conn, event_id)

    @contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """A read transaction that sees one consistent moment, however long it runs."""
        options: dict[str, Any] = {}
        if self.engine.dialect.name == "postgresql":
            options["isolation_level"] = "REPEATABLE READ"
        with self.engine.connect().execution_options(**options) as conn, conn.begin():
            yield conn

    @staticmethod
    def read_head(conn: Connection) -> tuple[int, str]:
        query = select(chain_head.c.seq, chain_head.c.hash).where(chain_head.c.id == 1)
        row = conn.execute(query).one()
        return int(row.seq), str(row.hash)

    @staticmethod
    def stream_events(conn: Connection) -> Iterator[Event]:
        """Every event in seq order, streamed (server-side cursor on PostgreSQL)."""
        # Per statement: Connection.execution_options would change the connection in place.
        query = select(events).order_by(events.c.seq).execution_options(yield_per=5_000)
        for row in conn.execute(query).mappings():
            yield _row_event(row)

    def walk_chain(self) -> ChainReport:
        with self.snapshot() as conn:
            head = self.read_head(conn)
            return walk(self.stream_events(conn), head)

    def hashes_at(self, seqs: Iterable[int]) -> dict[int, str]:
        """Stored hash of each event seq (to show a number's events link into the chain)."""
        wanted = sorted(set(seqs))
        out: dict[int, str] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), _CHUNK):
                query = select(events.c.seq, events.c.hash).where(
                    events.c.seq.in_(wanted[i : i + _CHUNK])
                )
                out.update({int(r.seq): str(r.hash) for r in conn.execute(query)})
        return out

    def states(self, brand: str, phones: Sequence[str]) -> dict[str, list[StateRow]]:
        """Every state row of these numbers (all scopes), in one query per chunk."""
        out: dict[str, list[StateRow]] = {}
        with self.engine.connect() as conn:
            for row in self._state_rows(conn, brand, phones):
                out.setdefault(row.phone, []).append(row)
        return out

    def state_rows_where(self, **equals: Any) -> list[StateRow]:
        query = select(number_states)
        for name, value in equals.items():
            col = number_states.c[name]
            query = query.where(col.is_not(None) if value is ... else col == value)
        with self.engine.connect() as conn:
            return [StateRow.from_row(r) for r in conn.execute(query).mappings()]

    def _state_rows(self, conn: Connection, brand: str, phones: Sequence[str]) -> list[StateRow]:
        unique = sorted(set(phones))
        rows: list[StateRow] = []
        # Only brand-wide rows exist in "brand" scope: a primary-key lookup.
        query = _states_by_phones(conn.dialect.name, self.scope == "brand")
        for i in range(0, len(unique), _CHUNK):
            params = {"brand": brand, "phones": unique[i : i + _CHUNK]}
            rows.extend(StateRow.from_row(r) for r in conn.execute(query, params).mappings())
        return rows

    # -- derived state -------------------------------------------------------------------------
    def derive_states(self, conn: Connection | None = None) -> dict[tuple[str, str, str], StateRow]:
        """The state table as the events alone say it should be."""
        if conn is None:
            with self.snapshot() as snap:
                return self.derive_states(snap)
        states: dict[tuple[str, str, str], StateRow] = {}
        for event in self.stream_events(conn):
            key = (event.brand, scope_of(event.campaign, self.scope), event.phone)
            row = states.get(key) or StateRow(*key)
            states[key] = apply_event(row, event, reply_window=self.reply_window)
        return states

    def stored_states(self) -> dict[tuple[str, str, str], StateRow]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(number_states)).mappings()
            return {(r["brand"], r["scope"], r["phone"]): StateRow.from_row(r) for r in rows}

    def rebuild_states(self) -> int:
        """Replace the state table with the fold of the events, under the chain lock."""
        with self.engine.connect().execution_options(**{IMMEDIATE: True}) as conn, conn.begin():
            self._lock_head(conn)
            states = self.derive_states(conn)
            # The table itself may be gone (dropped by hand, or restored without it).
            metadata.create_all(conn, tables=[number_states], checkfirst=True)
            conn.execute(delete(number_states))
            rows = list(states.values())
            for i in range(0, len(rows), _CHUNK):
                conn.execute(insert(number_states), [r.as_row() for r in rows[i : i + _CHUNK]])
        return len(states)


# The append transaction's statements, built once: constructing and cache-keying SQLAlchemy
# expressions per transaction cost more CPU than running them (profiled at ~0.5 ms per append).
_HEAD_FOR_UPDATE = (
    select(chain_head.c.seq, chain_head.c.hash).where(chain_head.c.id == 1).with_for_update()
)
_INSERT_EVENTS = insert(events)
_MOVE_HEAD = (
    update(chain_head)
    .where(chain_head.c.id == 1)
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
)


def _any_of(dialect_name: str, column: ColumnElement[str], name: str) -> ColumnElement[bool]:
    """`column IN :name` with the list bound at execution; on PostgreSQL `= ANY(:name)`: one
    bound array and one prepared statement whatever the count, not a statement per length."""
    if dialect_name == "postgresql":
        return column == any_(bindparam(name, type_=ARRAY(String)))
    return column.in_(bindparam(name, expanding=True))


@lru_cache(maxsize=8)
def _by_message_ids(dialect_name: str) -> Any:
    return select(events).where(_any_of(dialect_name, events.c.provider_message_id, "ids"))


@lru_cache(maxsize=8)
def _states_by_phones(dialect_name: str, brand_scope_only: bool) -> Any:
    query = select(number_states).where(
        number_states.c.brand == bindparam("brand"),
        _any_of(dialect_name, number_states.c.phone, "phones"),
    )
    if brand_scope_only:
        query = query.where(number_states.c.scope == BRAND_SCOPE)
    return query


@lru_cache(maxsize=4)
def _upsert(dialect_name: str) -> Any:
    """INSERT ... ON CONFLICT DO UPDATE for state rows, built once per dialect (it is costly)."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    stmt = dialect.insert(number_states)
    keys = {"brand", "scope", "phone"}
    return stmt.on_conflict_do_update(
        index_elements=sorted(keys),
        set_={c.name: stmt.excluded[c.name] for c in number_states.c if c.name not in keys},
    )


def _event_by_id(conn: Connection, event_id: str) -> Event | None:
    row = conn.execute(select(events).where(events.c.event_id == event_id)).mappings().first()
    return _row_event(row) if row is not None else None


def _seal(draft: EventDraft, seq: int, now: datetime, prev_hash: str) -> Event:
    fields: dict[str, Any] = {
        "seq": seq,
        "event_id": draft.event_id,
        "brand": draft.brand,
        "phone": draft.phone,
        "type": str(draft.type),
        "occurred_at": draft.occurred_at.astimezone(UTC),
        "recorded_at": now,
        "campaign": draft.campaign,
        "method": str(draft.method) if draft.method is not None else None,
        "provider": draft.provider,
        "provider_message_id": draft.provider_message_id,
        # JSON-native values only (checked by dumps_data when the row is written): what is
        # read back later encodes to the same canonical bytes, so the hash still verifies.
        "data": draft.data,
        "prev_hash": prev_hash,
    }
    return Event(**fields, hash=hash_fields(fields))


def _event_row(event: Event) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "event_id": event.event_id,
        "brand": event.brand,
        "campaign": event.campaign,
        "phone": event.phone,
        "type": event.type,
        "method": event.method,
        "occurred_at": event.occurred_at,
        "recorded_at": event.recorded_at,
        "provider": event.provider,
        "provider_message_id": event.provider_message_id,
        "data": dumps_data(event.data),
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def _row_event(row: RowMapping | Mapping[str, Any]) -> Event:
    try:
        data = json.loads(row["data"])
    except (TypeError, ValueError):
        data = {"_unreadable": str(row["data"])}  # verify() then reports the event as altered
    return Event(
        seq=int(row["seq"]),
        event_id=row["event_id"],
        brand=row["brand"],
        phone=row["phone"],
        type=row["type"],
        occurred_at=row["occurred_at"],
        recorded_at=row["recorded_at"],
        campaign=row["campaign"],
        method=row["method"],
        provider=row["provider"],
        provider_message_id=row["provider_message_id"],
        data=data if isinstance(data, dict) else {"_unreadable": data},
        prev_hash=row["prev_hash"],
        hash=row["hash"],
    )
