"""The send gate: consent reasons from the ledger, quiet hours from the number and the clock."""

from __future__ import annotations

from datetime import UTC, datetime

import phonenumbers
import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st
from phonenumbers import timezone as pn_timezone
from phonenumbers.tzdata import TIMEZONE_DATA

from consentry.errors import InputError
from consentry.ledger import Ledger, LedgerConfig, QuietHours
from consentry.ledger.quiet_hours import QuietClock, StateRule, zone_key, zones_for
from tests.ledger.samples import DISCLOSURE, PHONE, Clock

NOON_CENTRAL = datetime(2026, 3, 4, 18, 0, tzinfo=UTC)  # Wednesday 12:00 in Austin
NY, LA, RI, FL = "+12125550123", "+14155550123", "+14015550123", "+13055550123"


def _reasons(book: Ledger, phone: str, kind: str, at: datetime = NOON_CENTRAL) -> tuple[str, ...]:
    return book.check(phone, kind, at).reasons


def test_marketing_needs_written_consent(ledger: Ledger) -> None:
    assert _reasons(ledger, PHONE, "marketing") == ("no_consent",)
    ledger.record_consent(PHONE, "verbal", note="said yes at the front desk")
    assert _reasons(ledger, PHONE, "marketing") == ("no_consent",)  # verbal is not written
    assert _reasons(ledger, PHONE, "informational") == ()
    ledger.record_consent(PHONE, "web_form", disclosure_text=DISCLOSURE, checkbox_checked=True)
    assert _reasons(ledger, PHONE, "marketing") == ()


def test_opt_out_blocks_everything_and_beats_consent(ledger: Ledger, clock: Clock) -> None:
    ledger.record_consent(PHONE, "paper", disclosure_text=DISCLOSURE)
    clock.advance(minutes=1)
    ledger.record_opt_out(PHONE, "verbal")
    for kind in ("marketing", "informational"):
        assert _reasons(ledger, PHONE, kind) == ("opted_out",)


def test_opt_out_covers_every_campaign_of_the_brand(ledger: Ledger, clock: Clock) -> None:
    ledger.record_consent(PHONE, "web_form", disclosure_text=DISCLOSURE, campaign="reminders")
    ledger.record_consent(PHONE, "web_form", disclosure_text=DISCLOSURE, campaign="promos")
    clock.advance(minutes=1)
    ledger.handle_inbound(PHONE, "+15125550111", "STOP", "SM1", campaign="promos")
    for campaign in ("reminders", "promos", None):
        assert ledger.check(PHONE, "informational", NOON_CENTRAL, campaign=campaign).reasons == (
            "opted_out",
        )
    assert ledger.check(PHONE, "marketing", NOON_CENTRAL, brand="other-brand").reasons == (
        "no_consent",
    )


def test_campaign_scope_keeps_other_campaigns(db_url: str, clock: Clock) -> None:
    book = Ledger(db_url, config=LedgerConfig(scope="campaign"), clock=clock)
    book.record_consent(PHONE, "web_form", disclosure_text=DISCLOSURE, campaign="reminders")
    book.record_consent(PHONE, "web_form", disclosure_text=DISCLOSURE, campaign="promos")
    clock.advance(minutes=1)
    book.record_opt_out(PHONE, "keyword", campaign="promos")
    check = book.check
    assert check(PHONE, "marketing", NOON_CENTRAL, campaign="promos").reasons == ("opted_out",)
    assert check(PHONE, "marketing", NOON_CENTRAL, campaign="reminders").allowed
    clock.advance(minutes=1)
    book.record_opt_out(PHONE, "verbal")  # no campaign named: the whole brand
    assert check(PHONE, "marketing", NOON_CENTRAL, campaign="reminders").reasons == ("opted_out",)
    assert book.check_state().ok
    book.close()


def test_old_import_does_not_resubscribe_a_recent_opt_out(ledger: Ledger, clock: Clock) -> None:
    ledger.record_opt_out(PHONE, "verbal")
    ledger.record_consent(
        PHONE, "paper", disclosure_text=DISCLOSURE, occurred_at="2024-01-01T00:00:00Z"
    )
    assert ledger.number_state(PHONE).state == "opted_out"


def test_conversation_window_for_informational(ledger: Ledger, clock: Clock) -> None:
    ledger.handle_inbound(PHONE, "+15125550111", "Are you open Saturday?", "SM1")
    assert ledger.check(PHONE, "informational", clock.now).allowed
    later = clock.advance(days=8)
    assert ledger.check(PHONE, "informational", later).reasons == ("no_consent",)


def test_quiet_hours_in_the_recipients_zone(ledger: Ledger) -> None:
    for phone in (PHONE, NY, LA):
        ledger.record_consent(phone, "web_form", disclosure_text=DISCLOSURE, checkbox_checked=True)
    early = datetime(2026, 3, 4, 14, 30, tzinfo=UTC)  # 9:30 NY, 8:30 Austin, 6:30 LA
    results = {r.phone: r.reasons for r in ledger.send_check([NY, PHONE, LA], "marketing", early)}
    assert results == {NY: (), PHONE: ("quiet_hours",), LA: ("quiet_hours",)}


@pytest.mark.parametrize(
    ("phone", "local_hour", "weekday", "allowed"),
    [
        (FL, 19, 2, True),  # FL closes at 20:00
        (FL, 20, 2, False),
        (NY, 20, 2, True),  # federal 21:00
        (RI, 17, 2, True),  # RI weekdays 9-18
        (RI, 17, 5, False),  # RI weekends 10-17
        ("+15125550123", 10, 6, False),  # TX Sundays from noon
        ("+15125550123", 12, 6, True),
        ("+12035550123", 8, 2, False),  # CT from 9
    ],
)
def test_state_windows(phone: str, local_hour: int, weekday: int, allowed: bool) -> None:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(zones_for(zone_key(phone))[0][0])
    day = 2 + weekday  # 2026-03-02 is a Monday
    at = datetime(2026, 3, day, local_hour, 30, tzinfo=zone)
    assert QuietClock(QuietHours(), at).check(phone).allowed is allowed


def test_state_windows_are_configurable() -> None:
    evening = datetime(2026, 3, 5, 1, 30, tzinfo=UTC)  # 20:30 in Miami and New York
    assert not QuietClock(QuietHours(), evening).check(FL).allowed  # FL default: until 20:00
    assert QuietClock(QuietHours(state_rules={}), evening).check(FL).allowed  # federal only
    afternoon = datetime(2026, 3, 4, 21, 30, tzinfo=UTC)  # 16:30 in New York
    strict = QuietHours(state_rules={"NY": StateRule.every_day(10, 16)})
    assert QuietClock(QuietHours(), afternoon).check(NY).allowed
    assert not QuietClock(strict, afternoon).check(NY).allowed


def test_toll_free_and_multi_zone_numbers_are_conservative_and_say_so() -> None:
    # 9:30 in New York is 4:30 in Honolulu: a toll-free number could be either.
    at = datetime(2026, 3, 4, 14, 30, tzinfo=UTC)
    verdict = QuietClock(QuietHours(), at).check("+18005550199")
    assert not verdict.allowed and "toll-free" in (verdict.note or "")
    late = datetime(2026, 3, 4, 23, 30, tzinfo=UTC)  # 13:30 Hawaii, 18:30 New York
    assert QuietClock(QuietHours(), late).check("+18005550199").allowed
    # 907 spans Alaska's two zones: 8:30 Anchorage is 7:30 on the Aleutians.
    alaska = datetime(2026, 3, 4, 17, 30, tzinfo=UTC)
    verdict = QuietClock(QuietHours(), alaska).check("+19075550123")
    assert not verdict.allowed and "spans" in (verdict.note or "")


@settings(max_examples=300)
@given(area=st.integers(200, 999), exchange=st.integers(200, 999), line=st.integers(0, 9999))
def test_zone_lookup_matches_phonenumbers(area: int, exchange: int, line: int) -> None:
    number = f"+1{area}{exchange}{line:04d}"
    parsed = phonenumbers.parse(number, None)
    if not phonenumbers.is_valid_number(parsed):
        return
    if not phonenumbers.is_number_type_geographical(phonenumbers.number_type(parsed), 1):
        # Toll-free numbers are handled on purpose (test below); Caribbean mobiles get their
        # island's zone from us where phonenumbers answers "anywhere in +1".
        return
    expected = tuple(pn_timezone.time_zones_for_number(parsed))
    assert TIMEZONE_DATA.get(zone_key(number), ("Etc/Unknown",)) == expected


def test_invalid_numbers_and_batch_order(ledger: Ledger) -> None:
    given = ["(512) 447-0198", "555-1234", "+1 212 555 0123", "", "+15124470198", "+10005550000"]
    results = ledger.send_check(given, "informational", NOON_CENTRAL)
    assert [r.phone for r in results] == [
        PHONE,
        "555-1234",
        NY,
        "",
        PHONE,
        "+10005550000",
    ]
    assert [r.reasons for r in results] == [
        ("no_consent",),
        ("invalid_number",),
        ("no_consent",),
        ("invalid_number",),
        ("no_consent",),
        ("invalid_number",),
    ]


def test_batch_equals_one_by_one(ledger: Ledger, clock: Clock) -> None:
    phones = [f"+1{area}55501{i:02d}" for area in (512, 212, 415, 305, 401, 808) for i in range(5)]
    for i, phone in enumerate(phones):
        if i % 3 == 0:
            ledger.record_consent(phone, "web_form", disclosure_text=DISCLOSURE)
        elif i % 3 == 1:
            ledger.record_opt_out(phone, "verbal")
    for at in (NOON_CENTRAL, datetime(2026, 3, 5, 3, 0, tzinfo=UTC)):
        batch = ledger.send_check(phones, "marketing", at)
        assert batch == [ledger.check(p, "marketing", at) for p in phones]


def test_default_time_is_now(ledger: Ledger) -> None:
    ledger.record_consent(NY, "web_form", disclosure_text=DISCLOSURE)
    with time_machine.travel(datetime(2026, 3, 5, 4, 0, tzinfo=UTC), tick=False):
        book_now = ledger.send_check([NY], "marketing", datetime.now(UTC))[0]
    assert book_now.reasons == ("quiet_hours",)


def test_gate_input_errors(ledger: Ledger) -> None:
    with pytest.raises(InputError) as info:
        ledger.send_check([PHONE], "promotional")
    assert info.value.key == "kind"
    with pytest.raises(InputError) as info:
        ledger.send_check([PHONE], "marketing", "2026-03-04T12:00:00")
    assert info.value.key == "at"
    with pytest.raises(InputError):
        ledger.send_check(PHONE, "marketing")  # a string, not a list
