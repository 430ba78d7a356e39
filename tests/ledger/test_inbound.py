"""Inbound texts and replies: one confirmation after an opt-out, HELP always, no bot loops."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from consentry.errors import InputError
from consentry.ledger import Ledger, LedgerConfig, Replies
from tests.ledger.samples import BUSINESS, DISCLOSURE, PHONE, Clock

REPLIES = Replies(
    brand_name="Maple Street Dental",
    opt_in="Maple Street Dental: You're in! Reminders & offers, msg freq varies. Msg&data rates "
    "may apply. Reply HELP for help, STOP to opt out.",
    opt_out="Maple Street Dental: You are unsubscribed and will get no more texts.",
    help="Maple Street Dental: help at (512) 447-0198. Reply STOP to opt out.",
)


@pytest.fixture
def config() -> LedgerConfig:
    return LedgerConfig(
        replies=REPLIES, keyword_disclosure="Text JOIN to get offers. " + DISCLOSURE
    )


def _in(book: Ledger, text: str, mid: str | None, phone: str = PHONE):  # type: ignore[no-untyped-def]
    return book.handle_inbound(phone, BUSINESS, text, mid, provider="twilio")


def _replies(book: Ledger, phone: str = PHONE) -> list[str]:
    return [e.type for e in book.history(phone) if e.type.endswith("_sent")]


def test_stop_gets_exactly_one_confirmation_and_nothing_after(ledger: Ledger, clock: Clock) -> None:
    ledger.record_consent(PHONE, "web_form", disclosure_text=DISCLOSURE, checkbox_checked=True)
    first = _in(ledger, "Stop please", "SM1")
    assert first.action == "opt_out" and first.reply == REPLIES.opt_out
    for i, text in enumerate(["STOP", "stop!!", "unsubscribe", "hello?", "why"]):
        clock.advance(minutes=1)
        later = _in(ledger, text, f"SM{i + 2}")
        assert later.reply is None
    assert _replies(ledger) == ["opt_out_confirmation_sent"]
    assert ledger.number_state(PHONE).state == "opted_out"


def test_help_is_answered_even_when_opted_out(ledger: Ledger) -> None:
    _in(ledger, "STOP", "SM1")
    result = _in(ledger, "HELP", "SM2")
    assert result.action == "help" and result.reply == REPLIES.help
    assert ledger.number_state(PHONE).state == "opted_out"


def test_start_resubscribes_and_is_written_consent(ledger: Ledger, clock: Clock) -> None:
    _in(ledger, "STOP", "SM1")
    clock.advance(minutes=5)
    result = _in(ledger, "START", "SM2")
    assert result.action == "opt_in" and result.reply == REPLIES.opt_in
    state = ledger.number_state(PHONE)
    assert state.state == "opted_in" and state.method == "keyword" and state.written_consent
    clock.advance(minutes=5)
    again = _in(ledger, "STOP", "SM3")
    assert again.reply == REPLIES.opt_out  # a new opt-out gets its own single confirmation


def test_yes_opts_in_only_while_a_confirmation_is_pending(ledger: Ledger, clock: Clock) -> None:
    assert _in(ledger, "YES", "SM1").action == "none"
    ledger.request_confirmation(
        PHONE,
        "web_form",
        disclosure_text=DISCLOSURE,
        checkbox_checked=True,
        page_url="https://x.test",
    )
    clock.advance(minutes=2)
    result = _in(ledger, "Yes!", "SM2")
    assert result.action == "opt_in"
    opt_in = [e for e in ledger.history(PHONE) if e.type == "opt_in"][-1]
    assert opt_in.data["disclosure_text"] == DISCLOSURE and "confirms" in opt_in.data
    state = ledger.number_state(PHONE)
    assert state.written_consent and not state.pending_confirmation
    assert _in(ledger, "yes", "SM3").action == "none"  # nothing pending any more


def test_no_to_a_pending_confirmation_declines(ledger: Ledger) -> None:
    ledger.request_confirmation(
        PHONE, "web_form", disclosure_text=DISCLOSURE, checkbox_checked=True
    )
    result = _in(ledger, "No thanks", "SM1")
    assert result.action == "opt_out"
    assert ledger.number_state(PHONE).state == "opted_out"


def test_doubtful_revocation_goes_to_review_with_deadline(ledger: Ledger, clock: Clock) -> None:
    ledger.record_consent(PHONE, "web_form", disclosure_text=DISCLOSURE, checkbox_checked=True)
    result = _in(ledger, "not interested", "SM1")
    assert result.action == "none" and result.review and result.reply is None
    assert result.review_deadline is not None
    # 2026-03-04 (Wed) + 10 business days = Wed 2026-03-18, end of day Eastern.
    assert result.review_deadline.isoformat() == "2026-03-19T03:59:59+00:00"
    (review,) = ledger.reviews()
    assert review.text == "not interested" and review.deadline == result.review_deadline
    assert ledger.number_state(PHONE).state == "opted_in"
    clock.advance(days=1)
    ledger.resolve_review(review.event_id, "opt_out", note="customer meant it")
    state = ledger.number_state(PHONE)
    assert state.state == "opted_out" and state.since == review.received_at
    assert ledger.reviews() == []


def test_dismissed_review_closes_it(ledger: Ledger) -> None:
    _in(ledger, "how did you get my number?", "SM1")
    (review,) = ledger.reviews()
    ledger.resolve_review(review.event_id, "dismiss")
    assert ledger.reviews() == [] and ledger.number_state(PHONE).state == "unknown"
    with pytest.raises(InputError):
        ledger.resolve_review(review.event_id, "maybe")


def test_automated_texts_are_recorded_but_never_answered(ledger: Ledger) -> None:
    for i, text in enumerate(
        [
            "Thank you for your message. Reply STOP to unsubscribe. Msg&data rates may apply.",
            "Auto-reply: I'm driving right now.",
            "NETWORK MSG: You replied with the word stop which blocks all texts.",
        ]
    ):
        result = _in(ledger, text, f"SM{i}")
        assert result.action == "none" and result.reply is None
        assert result.classification.automated
    assert ledger.number_state(PHONE).state == "unknown"
    assert _replies(ledger) == []


def test_reply_loop_between_bots_is_cut_off(ledger: Ledger, clock: Clock) -> None:
    # Another system answers every reply of ours with "HELP": we answer reply_limit times.
    answered = 0
    for i in range(20):
        clock.advance(seconds=5)
        answered += _in(ledger, "HELP", f"SM{i}").reply is not None
    assert answered == ledger.config.reply_limit
    clock.advance(hours=2)
    assert _in(ledger, "HELP", "SM-later").reply is not None  # a new window


def test_provider_retry_gets_the_same_answer_and_records_nothing(ledger: Ledger) -> None:
    first = _in(ledger, "STOP", "SM1")
    again = _in(ledger, "STOP", "SM1")
    assert again.duplicate and again.reply == first.reply and again.event_id == first.event_id
    assert ledger.verify().events == 2  # the opt-out and its confirmation, once


def test_simultaneous_copies_of_one_stop_send_one_confirmation(ledger: Ledger) -> None:
    results = []
    start = threading.Barrier(8)

    def deliver(i: int) -> None:
        start.wait()
        results.append(_in(ledger, "STOP", f"SM-dup-{i % 2}"))

    pool = [threading.Thread(target=deliver, args=(i,)) for i in range(8)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    assert _replies(ledger) == ["opt_out_confirmation_sent"]
    assert ledger.verify().ok


def test_plain_text_counts_as_a_conversation_for_informational(ledger: Ledger) -> None:
    _in(ledger, "Do you have openings Friday?", "SM1")
    assert ledger.check(PHONE, "informational").allowed
    assert ledger.check(PHONE, "marketing").reasons == ("no_consent",)


def test_bad_inbound_input(ledger: Ledger) -> None:
    with pytest.raises(InputError) as info:
        ledger.handle_inbound("not a number", BUSINESS, "STOP", "SM1")
    assert info.value.key == "from"
    huge = "I have asked you so many times. " * 400 + "STOP"
    result = ledger.handle_inbound(PHONE, BUSINESS, huge + "\ud800\x00", "SM2")
    assert result.action == "opt_out"  # a long or broken text is still read, never refused
    event = ledger.history(PHONE)[0]
    assert event.data["text_length"] == len(huge) + 2 and event.data["text_repaired"]
    assert ledger.verify().ok


def test_stop_timestamped_just_before_a_web_consent_still_opts_out(
    ledger: Ledger, clock: Clock
) -> None:
    # The web consent carries our clock; the STOP carries the provider's, which may run behind or
    # be cut to whole seconds. Recorded after the consent, the STOP must win.
    ledger.record_consent(PHONE, "web_form", disclosure_text=DISCLOSURE, checkbox_checked=True)
    earlier = (clock.now - timedelta(seconds=2)).isoformat()
    result = ledger.handle_inbound(PHONE, BUSINESS, "STOP", "SM1", provider="ringcentral",
                                   occurred_at=earlier)  # fmt: skip
    assert result.action == "opt_out"
    assert ledger.number_state(PHONE).state == "opted_out"


def test_a_stop_from_well_before_a_later_consent_does_not_undo_it(
    ledger: Ledger, clock: Clock
) -> None:
    ledger.record_consent(PHONE, "web_form", disclosure_text=DISCLOSURE, checkbox_checked=True)
    long_ago = (clock.now - timedelta(hours=2)).isoformat()
    ledger.handle_inbound(PHONE, BUSINESS, "STOP", "SM1", provider="ringcentral",
                          occurred_at=long_ago)  # fmt: skip
    assert ledger.number_state(PHONE).state == "opted_in"
