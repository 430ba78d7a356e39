"""Importing consent lists: provider layouts, header spellings, bad input, idempotency."""

from __future__ import annotations

from pathlib import Path

import pytest

from consentry.errors import InputError
from consentry.ledger import Ledger
from tests.ledger.samples import PHONE, Clock


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode()
    path.write_bytes(content)
    return path


def test_ringcentral_export(ledger: Ledger, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "rc.csv",
        "From,To,Status,Source,LastModifiedTime\n"
        "+15125550100,+15124470198,OptOut,Recipient,2025-06-01T10:00:00Z\n"
        "+15125550100,+12125550123,OptIn,Api,2025-06-02T10:00:00.000Z\n",
    )
    report = ledger.import_file(path)
    assert (report.layout, report.imported, report.opted_out, report.opted_in) == (
        "ringcentral",
        2,
        1,
        1,
    )
    state = ledger.number_state(PHONE)
    assert state.state == "opted_out" and state.method == "import"
    assert state.since is not None and state.since.isoformat() == "2025-06-01T10:00:00+00:00"
    (event,) = ledger.history(PHONE)
    assert event.data["business_number"] == "+15125550100" and event.data["source"] == "Recipient"
    assert event.data["source_line"] == 2


def test_twilio_layout(ledger: Ledger, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "twilio.csv",
        "contact_id,correlation_id,sender_id,status,source,date_of_consent\n"
        "+15124470198,0f9d...,MG123,opt-in,website,2025-01-05T12:00:00Z\n"
        "+12125550123,1a2b...,MG123,opt-out,opt-out-message,\n",
    )
    report = ledger.import_file(path)
    assert report.layout == "twilio" and report.imported == 2
    assert ledger.number_state(PHONE).state == "opted_in"
    assert not ledger.number_state(PHONE).written_consent  # no disclosure text in the list
    assert ledger.number_state("+12125550123").state == "opted_out"


def test_generic_with_flexible_headers_and_disclosure(ledger: Ledger, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "list.csv",
        "Phone Number;Consent Status;Opt In Date;Consent Text\n"
        "(512) 447-0198;Subscribed;03/01/2025;I agree to get texts from Maple Street Dental.\n",
    )
    report = ledger.import_file(path)
    assert report.layout == "generic" and report.opted_in == 1
    state = ledger.number_state(PHONE)
    assert state.written_consent
    (event,) = ledger.history(PHONE)
    assert event.data["time_assumed_utc"] and event.occurred_at.isoformat().startswith("2025-03-01")


def test_bare_list_needs_a_status(ledger: Ledger, tmp_path: Path) -> None:
    path = _write(tmp_path, "optouts.csv", "5124470198\n212-555-0123\n\n")
    with pytest.raises(InputError, match="--status"):
        ledger.import_file(path)
    report = ledger.import_file(path, status="opt-out")
    assert report.imported == 2 and ledger.number_state(PHONE).state == "opted_out"


def test_importing_twice_adds_nothing(ledger: Ledger, tmp_path: Path) -> None:
    path = _write(tmp_path, "l.csv", "phone,status\n5124470198,opt-out\n2125550123,opt-in\n")
    assert ledger.import_file(path).imported == 2
    again = ledger.import_file(path)
    assert again.imported == 0 and again.duplicates == 2
    assert ledger.verify().events == 2


def test_undated_opt_in_never_overrides_a_known_state(
    ledger: Ledger, tmp_path: Path, clock: Clock
) -> None:
    ledger.handle_inbound(PHONE, "+15125550100", "STOP", "SM1")
    clock.advance(days=30)
    ledger.import_file(_write(tmp_path, "old.csv", "phone,status\n5124470198,opted in\n"))
    assert ledger.number_state(PHONE).state == "opted_out"


@pytest.mark.parametrize(
    ("content", "line", "key", "words"),
    [
        ("phone,status\n5124470198,opt-out\nnot-a-number,opt-in\n", 3, "phone", "not a valid"),
        ("phone,status\n5124470198,maybe\n", 2, "status", "not an opt-in"),
        ("phone,status,date\n5124470198,opt-out,yesterday\n", 2, "date", "not a date"),
        ("phone,status,date\n5124470198,opt-out,2999-01-01T00:00:00Z\n", 2, "date", "future"),
        ("phone,status\n,opt-out\n", 2, "phone", "empty"),
        ("name,email\nJo,jo@example.com\n", 1, None, "no phone number column"),
        ("phone,status,note\n5124470198,opt-out," + "x" * 3000 + "\n", 2, "note", "limit"),
    ],
)
def test_bad_rows_name_file_line_and_column_and_import_nothing(
    ledger: Ledger, tmp_path: Path, content: str, line: int, key: str | None, words: str
) -> None:
    path = _write(tmp_path, "bad.csv", content)
    with pytest.raises(InputError) as info:
        ledger.import_file(path)
    err = info.value
    assert err.source == str(path) and err.line == line and err.key == key and words in err.message
    assert ledger.verify().events == 0  # nothing half-imported


def test_invalid_utf8_names_the_line(ledger: Ledger, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "latin1.csv",
        b"phone,status,note\n5124470198,opt-out,ok\n2125550123,opt-out,caf\xe9\n",
    )
    with pytest.raises(InputError) as info:
        ledger.import_file(path)
    assert info.value.line == 3 and "UTF-8" in info.value.message


def test_missing_file_and_unknown_layout(ledger: Ledger, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        ledger.import_file(tmp_path / "nope.csv")
    with pytest.raises(InputError):
        ledger.import_file(_write(tmp_path, "x.csv", "phone,status\n"), layout="hubspot")
    with pytest.raises(InputError, match="From, To and Status"):
        ledger.import_file(
            _write(tmp_path, "y.csv", "phone,status\n5124470198,opt-out\n"), layout="ringcentral"
        )
