"""Evidence bundles and exports: JSON with proofs, CSV, the printable certificate; API keys."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import select, text

from consentry.errors import InputError
from consentry.ledger import Ledger
from consentry.ledger.chain import compute_hash
from consentry.ledger.schema import api_keys
from tests.ledger.samples import DISCLOSURE, PHONE, Clock


def _history(book: Ledger, clock: Clock) -> None:
    book.record_consent(
        PHONE,
        "web_form",
        disclosure_text=DISCLOSURE,
        page_url="https://maplestreetdental.example/book",
        form_id="book",
        checkbox_checked=True,
        ip="203.0.113.7",
        user_agent="Mozilla/5.0 <script>alert(1)</script>",
    )
    book.record_consent("+12125550123", "verbal")  # another number: interleaves the chain
    clock.advance(days=3)
    book.handle_inbound(PHONE, "+15125550100", '=HYPERLINK("http://evil") stop', "SM1")


def test_evidence_proves_each_event_and_the_chain(ledger: Ledger, clock: Clock) -> None:
    _history(ledger, clock)
    evidence = ledger.evidence("(512) 447-0198")
    assert evidence.proven and evidence.chain is not None and evidence.chain.events == 4
    assert [p.event.type for p in evidence.events] == [
        "opt_in",
        "opt_out",
        "opt_out_confirmation_sent",
    ]
    for proof in evidence.events:
        assert proof.hash_ok and proof.link_ok
        assert json.loads(proof.canonical)["prev_hash"] == proof.event.prev_hash
    data = json.loads(ledger.export(PHONE, "json"))
    assert data["state"]["state"] == "opted_out" and data["proven"] is True
    first = data["events"][0]
    assert first["data"]["disclosure_sha256"] and first["data"]["checkbox_checked"] is True
    assert first["proof"]["hash_ok"]


def test_evidence_shows_a_tampered_event(ledger: Ledger, clock: Clock) -> None:
    _history(ledger, clock)
    with ledger.engine.begin() as conn:
        if ledger.engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER events_append_only_update"))
        conn.execute(text("UPDATE events SET data = replace(data, 'Maple', 'Other') WHERE seq = 1"))
    evidence = ledger.evidence(PHONE)
    assert not evidence.proven and not evidence.events[0].hash_ok
    assert "NOT VERIFIED" in ledger.export(PHONE, "html").upper()


def test_csv_export_is_safe_in_a_spreadsheet(ledger: Ledger, clock: Clock) -> None:
    _history(ledger, clock)
    rows = list(csv.DictReader(io.StringIO(ledger.export(PHONE, "csv"))))
    assert [r["type"] for r in rows] == ["opt_in", "opt_out", "opt_out_confirmation_sent"]
    assert rows[0]["disclosure_text"] == DISCLOSURE and rows[0]["ip"] == "203.0.113.7"
    assert rows[1]["inbound_text"].startswith("'=HYPERLINK")  # not run as a formula
    assert all(r["hash_ok"] == "True" for r in rows)


def test_html_certificate_is_printable_and_escaped(ledger: Ledger, clock: Clock) -> None:
    _history(ledger, clock)
    page = ledger.export(PHONE, "html")
    assert page.startswith("<!doctype html>") and "@media print" in page
    assert "Consent record for +15124470198" in page and "Verified." in page
    assert DISCLOSURE.replace("&", "&amp;") in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "Opted out" in page and "Checkbox ticked" in page


def test_unknown_number_and_format(ledger: Ledger) -> None:
    evidence = ledger.evidence(PHONE)
    assert evidence.events == () and evidence.state.state == "unknown"
    with pytest.raises(InputError):
        ledger.export(PHONE, "pdf")


def test_recorded_hash_matches_the_stored_event(ledger: Ledger) -> None:
    recorded = ledger.record_consent(PHONE, "paper", disclosure_text=DISCLOSURE)
    (event,) = ledger.history(PHONE)
    assert recorded.hash == event.hash == compute_hash(event)
    assert recorded.as_json()["phone"] == PHONE


@pytest.mark.parametrize(
    ("kwargs", "key"),
    [
        ({"phone": "12345"}, "phone"),
        ({"method": "carrier-pigeon"}, "method"),
        ({"method": "web_form", "disclosure_text": None}, "disclosure_text"),
        ({"checkbox_checked": False}, "checkbox_checked"),
        ({"disclosure_text": "x" * 10_001}, "disclosure_text"),
        ({"disclosure_text": "bad \ud800 text"}, "disclosure_text"),
        ({"user_agent": "nul\x00"}, "user_agent"),
        ({"ip": "999.1.1.1"}, "ip"),
        ({"occurred_at": "2026-03-04T12:00:00"}, "occurred_at"),
        ({"occurred_at": "2099-01-01T00:00:00Z"}, "occurred_at"),
        ({"page_url": "https://x/" + "a" * 3000}, "page_url"),
    ],
)
def test_record_consent_rejects_bad_input_by_field(
    ledger: Ledger, kwargs: dict[str, object], key: str
) -> None:
    args: dict[str, object] = {
        "phone": PHONE,
        "method": "web_form",
        "disclosure_text": DISCLOSURE,
        "checkbox_checked": True,
    }
    args.update(kwargs)
    phone = args.pop("phone")
    method = args.pop("method")
    with pytest.raises(InputError) as info:
        ledger.record_consent(phone, method, **args)  # type: ignore[arg-type]
    assert info.value.key == key
    assert ledger.verify().events == 0


def test_api_keys_store_only_a_hash(ledger: Ledger) -> None:
    key = ledger.create_api_key("website")
    assert key.token.startswith("csk_") and len(key.token) > 40
    with ledger.engine.connect() as conn:
        rows = conn.execute(select(api_keys)).mappings().all()
    assert len(rows) == 1 and key.token not in str(dict(rows[0]))
    assert ledger.check_api_key(key.token) is not None
    assert ledger.check_api_key(key.token[:-1] + "x") is None
    assert ledger.check_api_key("Bearer " + key.token) is None
    assert ledger.check_api_key(None) is None and ledger.check_api_key("csk_nope_x") is None
    assert ledger.revoke_api_key(key.key_id)
    assert ledger.check_api_key(key.token) is None
