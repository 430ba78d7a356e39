"""The keyword engine's behaviour, one construction at a time, plus property tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consentry.ledger import DEFAULT_KEYWORDS, classify
from consentry.ledger.textnorm import normalize

STANDARD_OPT_OUT = [
    "STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    "OPT OUT", "OPT-OUT", "REMOVE", "BAJA", "ALTO", "PARAR", "CANCELAR",
]  # fmt: skip


@pytest.mark.parametrize("word", STANDARD_OPT_OUT)
def test_every_standard_opt_out_word(word: str) -> None:
    found = classify(word)
    assert found.action == "opt_out" and found.confidence == 1.0


@pytest.mark.parametrize("word", ["START", "UNSTOP", "ALTA", "INICIO"])
def test_opt_in_words(word: str) -> None:
    assert classify(word).action == "opt_in"


@pytest.mark.parametrize("word", ["HELP", "INFO", "AYUDA"])
def test_help_words(word: str) -> None:
    assert classify(word).action == "help"


@pytest.mark.parametrize(
    "text",
    ["Stop.", "STOP!!", "stop please", "Stop. Thank you", "Who is this? STOP", "ＳＴＯＰ",
     "stop 🛑", "s t o p", "Stop - Jim", "stpo", "unsuscribe", "STOP I never signed up"],
)  # fmt: skip
def test_opt_out_in_every_shape(text: str) -> None:
    assert classify(text).action == "opt_out"


@pytest.mark.parametrize(
    "text",
    ["please stop texting me", "take me off your list", "wrong number", "no more messages",
     "no me manden más mensajes", "I revoke my consent", "leave me alone"],
)  # fmt: skip
def test_natural_language_revocations(text: str) -> None:
    found = classify(text)
    assert found.action == "opt_out" and found.confidence >= 0.8


@pytest.mark.parametrize(
    "text",
    ["don't stop", "I can't stop by today", "we need to STOP this bill, count me in",
     "Can I cancel my appointment?", "When does the sale end?", "I quit smoking",
     "The bus stop is right there", "I sent the wrong number for my insurance"],
)  # fmt: skip
def test_false_positive_guards(text: str) -> None:
    assert classify(text).action == "none"


@pytest.mark.parametrize(
    "text",
    [
        "not interested",
        "how did you get my number?",
        "Can I stop the promos but keep reminders?",
        "🛑",
    ],
)
def test_doubtful_goes_to_review(text: str) -> None:
    assert classify(text).action == "review"


def test_yes_needs_a_pending_confirmation() -> None:
    assert classify("Yes").action == "none"
    assert classify("Yes").action != classify("Yes", confirmation_pending=True).action
    assert classify("Sí", confirmation_pending=True).action == "opt_in"
    assert classify("No", confirmation_pending=True).action == "opt_out"
    assert classify("yes stop", confirmation_pending=True).action == "opt_out"  # opt-out wins


def test_campaign_keywords_count_and_never_replace_the_standard_ones() -> None:
    keywords = DEFAULT_KEYWORDS.with_campaign(opt_in=["JOIN", "Dental Deals"], opt_out=["LEAVE"])
    assert classify("join", keywords).action == "opt_in"
    assert classify("dental deals!", keywords).action == "opt_in"
    assert classify("LEAVE", keywords).action == "opt_out"
    assert classify("STOP", keywords).action == "opt_out"
    assert classify("join").action == "none"


def test_help_and_opt_in_need_the_whole_message() -> None:
    assert classify("Please help, my crown fell off").action == "none"
    assert classify("When does it start?").action == "none"


def test_machine_sent_text_is_none_and_flagged() -> None:
    found = classify("Reply STOP to opt out. Msg&data rates may apply.")
    assert found.action == "none" and found.automated


def test_odd_input_never_raises() -> None:
    for text in ["", "   ", "\x00", "\ud800", "🛑" * 1000, "a" * 100_000, None]:
        classify(text)  # type: ignore[arg-type]


def test_normalization_keeps_clauses() -> None:
    norm = normalize("Who is this?  STOP!!")
    assert [c.tokens for c in norm.clauses] == [("who", "is", "this"), ("stop",)]
    assert norm.clauses[0].question


_FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


@settings(max_examples=200)
@given(
    word=st.sampled_from(["STOP", "UNSUBSCRIBE", "CANCEL", "QUIT", "END", "HELP", "START"]),
    case=st.sampled_from([str.lower, str.upper, str.title]),
    before=st.sampled_from(["", " ", "  ", "\n", "🙏 ", '"']),
    after=st.sampled_from(
        ["", ".", "!!!", " please", " thanks", " 🛑", "?", " pls", ". Thank you"]
    ),
    wide=st.booleans(),
)
def test_keyword_alone_is_invariant_to_decoration(
    word: str, case: object, before: str, after: str, wide: bool
) -> None:
    text = case(word)  # type: ignore[operator]
    if wide:
        text = "".join(_FULL_WIDTH.get(c, c) for c in text)
    expected = classify(word).action
    assert classify(before + text + after).action == expected


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_classify_is_total_and_deterministic(text: str) -> None:
    first = classify(text)
    assert first == classify(text)
    assert first.action in {"opt_out", "opt_in", "help", "review", "none"}
    assert 0.0 <= first.confidence <= 1.0
