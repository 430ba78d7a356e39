"""Sync between the ledger and RingCentral's SMS consent list: report, --pull, --push, dry run."""

from __future__ import annotations

import pytest

from consentry.ledger import Ledger
from consentry.providers.ringcentral import RingCentralClient, compare, sync_consents
from tests.providers.ringcentral.fake_ringcentral import BUSINESS, FakeRingCentral, payload

LEDGER_ONLY = "+15124470101"  # opted out here, unknown to RingCentral
PULL_DISAGREE = "+15124470102"  # opted in here, opted out on RingCentral
RC_ONLY = "+15124470103"  # opted out on RingCentral only
BOTH_OUT = "+15124470104"  # opted out on both: in step
PUSH_DISAGREE = "+15124470105"  # opted out here, opted back in on RingCentral
RC_OPT_IN = "+15124470106"  # opted back in on RingCentral, unknown here: nothing to do
BOTH_IN = "+15124470107"  # opted in here, nothing on RingCentral: in step
DISCLOSURE = "I agree to get texts from Maple Street Dental. Msg & data rates may apply."


@pytest.fixture
def world(fake: FakeRingCentral, ledger: Ledger) -> None:
    ledger.record_opt_out(LEDGER_ONLY, method="verbal")
    ledger.record_consent(PULL_DISAGREE, "web_form", disclosure_text=DISCLOSURE)
    ledger.record_opt_out(BOTH_OUT, method="verbal")
    ledger.record_opt_out(PUSH_DISAGREE, method="verbal")
    ledger.record_consent(BOTH_IN, "web_form", disclosure_text=DISCLOSURE)
    fake.add_consent(BUSINESS, PULL_DISAGREE)
    fake.add_consent(BUSINESS, RC_ONLY)
    fake.add_consent("*", BOTH_OUT, source="Api")
    fake.add_consent(BUSINESS, PUSH_DISAGREE, "OptIn")
    fake.add_consent(BUSINESS, RC_OPT_IN, "OptIn")


def _kinds(report) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {d.phone: (d.kind, d.fix) for d in report.differences}


@pytest.mark.usefixtures("world")
def test_report_lists_each_kind_of_difference(
    fake: FakeRingCentral, ledger: Ledger, client: RingCentralClient
) -> None:
    report = sync_consents(ledger, client)
    assert _kinds(report) == {
        LEDGER_ONLY: ("ledger_only", "push"),
        PULL_DISAGREE: ("disagree", "pull"),
        RC_ONLY: ("rc_only", "pull"),
        PUSH_DISAGREE: ("disagree", "push"),
    }
    assert (report.ledger_opted_out, report.ledger_opted_in) == (3, 2)
    assert (report.ringcentral_opted_out, report.ringcentral_opted_in) == (3, 2)
    assert report.pulled == report.pushed == 0
    # Reporting changes nothing on either side.
    assert ledger.number_state(RC_ONLY).state == "unknown"
    assert fake.count("PATCH", "/restapi/v2/accounts/~/sms/consents") == 0


@pytest.mark.usefixtures("world")
def test_pull_records_ringcentral_opt_outs_once(ledger: Ledger, client: RingCentralClient) -> None:
    report = sync_consents(ledger, client, pull=True)
    assert report.pulled == 2
    assert ledger.number_state(RC_ONLY).state == "opted_out"
    assert ledger.number_state(PULL_DISAGREE).state == "opted_out"  # the opt-out wins
    [event] = [e for e in ledger.history(RC_ONLY) if e.type == "opt_out"]
    assert (event.method, event.provider) == ("import", "ringcentral")
    assert "RingCentral" in event.data["note"] and event.data["ringcentral_source"] == "Recipient"
    count = ledger.verify().events
    again = sync_consents(ledger, client, pull=True)
    assert again.pulled == 0 and ledger.verify().events == count
    assert {d.fix for d in again.differences} == {"push"}


@pytest.mark.usefixtures("world")
def test_push_sends_our_opt_outs_for_every_number(
    fake: FakeRingCentral, ledger: Ledger, client: RingCentralClient
) -> None:
    report = sync_consents(ledger, client, push=True)
    assert report.pushed == 2 and not report.failures
    assert fake.consents[("*", LEDGER_ONLY)]["optStatus"] == "OptOut"
    assert fake.consents[("*", PUSH_DISAGREE)]["optStatus"] == "OptOut"
    assert fake.consents[("*", LEDGER_ONLY)]["source"] == "Api"
    # Opt-ins are never pushed; RingCentral-only opt-outs stay as they are.
    assert ("*", BOTH_IN) not in fake.consents
    assert fake.consents[(BUSINESS, RC_ONLY)]["optStatus"] == "OptOut"
    after = sync_consents(ledger, client, pull=True, push=True)
    assert (after.pulled, after.pushed) == (2, 0)
    assert sync_consents(ledger, client).in_step


@pytest.mark.usefixtures("world")
def test_dry_run_changes_nothing(
    fake: FakeRingCentral, ledger: Ledger, client: RingCentralClient
) -> None:
    count = ledger.verify().events
    report = sync_consents(ledger, client, pull=True, push=True, dry_run=True)
    assert report.dry_run and len(report.differences) == 4
    assert ledger.verify().events == count
    assert fake.count("PATCH", "/restapi/v2/accounts/~/sms/consents") == 0


def test_documented_consent_records_compare(ledger: Ledger) -> None:
    from consentry.providers.ringcentral import ConsentRecord

    records = [
        ConsentRecord(r["from"], r["to"], r["optStatus"], r["source"], r["lastModifiedTime"])
        for r in payload("consents")["records"]
    ]
    records.append(ConsentRecord("*", "not-a-number", "OptOut"))
    report = compare(ledger, records)
    # +1 650 111-2345 is not a valid US number (no exchange starts with 1): skipped, like junk.
    assert [(d.phone, d.kind) for d in report.differences] == [("+16502223456", "rc_only")]
    assert report.skipped == 2


def test_an_opt_out_from_any_business_number_wins_over_an_opt_in_from_another(
    ledger: Ledger,
) -> None:
    from consentry.providers.ringcentral import ConsentRecord

    records = [
        ConsentRecord(BUSINESS, RC_ONLY, "OptOut"),
        ConsentRecord("+16509100010", RC_ONLY, "OptIn"),
    ]
    report = compare(ledger, records)
    assert [(d.phone, d.ringcentral) for d in report.differences] == [(RC_ONLY, "OptOut")]
