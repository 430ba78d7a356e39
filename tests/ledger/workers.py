"""Code run in child processes by the multi-process tests (importable for `spawn`)."""

from __future__ import annotations

import os
import threading

from consentry.ledger import Ledger
from tests.ledger.samples import DISCLOSURE


def append_consents(url: str, worker: int, count: int, threads: int) -> None:
    """Append `count` opt-ins from `threads` threads of one process."""
    book = Ledger(url, migrate=False)
    per = count // threads

    def run(t: int) -> None:
        for i in range(per):
            n = worker * 100_000 + t * 1_000 + i
            book.record_consent(
                f"+1512{2000000 + n:07d}",
                "web_form",
                disclosure_text=DISCLOSURE,
                checkbox_checked=True,
                provider="test",
                provider_message_id=f"w{worker}-t{t}-{i}",
            )

    pool = [threading.Thread(target=run, args=(t,)) for t in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    book.close()


def die_mid_transaction(url: str) -> None:
    """Start an append and kill the process after the events are written, before the state
    table and chain head are (a power cut at the worst moment)."""
    book = Ledger(url, migrate=False, group_commit=False)

    def crash(point: str) -> None:
        if point == "after_events":
            os._exit(3)

    book.store.fault = crash
    book.record_opt_out("+15124470198", "verbal", note="said stop on the phone")
