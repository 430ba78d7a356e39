"""Every rule over arbitrary text: never an exception, never a hang (ReDoS-safe patterns)."""

from __future__ import annotations

import signal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consentry.lint import all_rules, lint_campaign
from tests.lint.case_runner import build_case

TEXT_FIELDS = (
    "brand.display_name", "brand.legal_name", "brand.email", "brand.website", "brand.phone", "brand.ein",
    "brand.address.street", "campaign.use_case", "campaign.description", "campaign.message_flow",
    "campaign.sample_messages[0]", "campaign.sample_messages[1]", "campaign.opt_in_message",
    "campaign.opt_out_message", "campaign.help_message",
)  # fmt: skip
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(TEXT_FIELDS), text, min_size=1, max_size=6))
def test_rules_never_raise_on_arbitrary_text(edits: dict[str, Any]) -> None:
    loaded = build_case({"set": edits})
    lint_campaign(loaded, rules=all_rules())


ADVERSARIAL = [
    "a" * 100_000,
    "Reply " * 20_000,
    "text " * 20_000 + "!",
    ("https://" + "a." * 30_000)[:100_000],
    "[" * 50_000 + "]" * 50_000,
    ("msg & data " * 10_000)[:100_000],
    ("1-800-" * 20_000)[:100_000],
    ("stop help " * 12_000)[:100_000],
    ("@" + "a" * 99_998 + "."),
]


def _hang(signum: int, frame: object) -> None:
    raise TimeoutError("a rule hung on adversarial input (catastrophic backtracking?)")


def test_rules_do_not_hang_on_100kb_strings() -> None:
    # A hang guard, not a speed test (speed lives in bench/): backtracking takes minutes.
    previous = signal.signal(signal.SIGALRM, _hang)
    try:
        for blob in ADVERSARIAL:
            loaded = build_case({"set": {f: blob for f in TEXT_FIELDS[8:]}})
            signal.alarm(120)
            lint_campaign(loaded, rules=all_rules())
            signal.alarm(0)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
