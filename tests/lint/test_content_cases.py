"""CNT and FLG rules: enough cases, the clean and judged examples, and robustness on arbitrary
text. The case files themselves run in test_rule_cases.py with every other rule's."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consentry.campaign import LoadedCampaign, parse_campaign
from consentry.lint import all_rules, get_rule
from consentry.lint.context import LintContext
from consentry.lint.engine import lint_campaign
from consentry.lint.rule import Outcome, Rule, Severity
from tests.lint.case_runner import BASE_FILE, CASES_DIR, build_case

FAMILIES = ("CNT", "FLG")


def _rule(code: str) -> Rule:
    found = get_rule(code)
    assert found is not None, f"no rule {code}"
    return found


def _codes() -> list[str]:
    return sorted(r.code for r in all_rules() if r.family in FAMILIES)


CASE_FILES = [
    (path.stem, yaml.safe_load(path.read_text(encoding="utf-8")))
    for family in FAMILIES
    for path in sorted(CASES_DIR.glob(f"{family}*.yaml"))
]


def test_every_content_rule_has_enough_cases() -> None:
    by_code = dict(CASE_FILES)
    assert _codes(), "no CNT/FLG rules were declared"
    for code in _codes():
        doc = by_code.get(code)
        assert doc is not None, f"tests/lint/cases/{code}.yaml is missing"
        assert doc.get("rule") == code
        expects = [c["expect"] for c in doc["cases"]]
        assert expects.count("fail") >= 2, f"{code} needs 2+ fail cases"
        assert expects.count("pass") >= 3, f"{code} needs 3+ pass cases"


def test_rule_metadata() -> None:
    for code in _codes():
        r = _rule(code)
        assert r.why and r.fix and r.summary and r.sources and r.refs and r.fields, code
        if r.family == "CNT":
            assert r.outcome is Outcome.NOT_ELIGIBLE and r.severity is Severity.ERROR, code


def test_clean_example_has_no_content_findings() -> None:
    loaded = parse_campaign(BASE_FILE.read_text(encoding="utf-8"), source=str(BASE_FILE))
    findings = lint_campaign(loaded, rules=[_rule(c) for c in _codes()]).findings
    assert not findings, [(f.code, f.message) for f in findings]


APPROVED = sorted(
    (BASE_FILE.parents[2] / "tests" / "fixtures" / "judged" / "approved").glob("*.yaml")
)


@pytest.mark.parametrize("path", APPROVED, ids=[p.stem for p in APPROVED])
def test_reviewer_approved_campaigns_are_never_not_eligible(path: Path) -> None:
    loaded = parse_campaign(path.read_text(encoding="utf-8"), source=str(path))
    findings = lint_campaign(loaded, rules=[_rule(c) for c in _codes()]).findings
    refused = [(f.code, f.message) for f in findings if f.outcome is Outcome.NOT_ELIGIBLE]
    assert not refused


def test_messages_quote_the_words_found() -> None:
    case = {
        "set": {
            "campaign.sample_messages[1]": "Green Leaf: 20% off CBD gummies this weekend. "
            "Reply STOP to opt out."
        }
    }
    (finding,) = lint_campaign(build_case(case), rules=[_rule("CNT001")]).findings
    assert finding.field == "campaign.sample_messages[1]"
    assert finding.message.startswith("Sample 2 mentions 'CBD gummies'")


# --- robustness ---------------------------------------------------------------------------

_BASE: LoadedCampaign = parse_campaign(BASE_FILE.read_text(encoding="utf-8"), source="base.yaml")


def _with_text(text: str) -> LintContext:
    """The clean campaign with `text` in every field a content rule reads."""
    c = _BASE.campaign
    spec = replace(
        c.campaign,
        description=text,
        message_flow=text,
        sample_messages=(text, text[: len(text) // 2]),
        opt_in_message=text,
        age_gated=None,
        direct_lending=None,
        use_case="MARKETING",
    )
    brand = replace(c.brand, display_name=text[:200], legal_name=text[:300], website=text[:500])
    return LintContext(replace(_BASE, campaign=replace(c, brand=brand, campaign=spec)))


def _run_all(text: str) -> None:
    ctx = _with_text(text)
    for code in _codes():
        for hit in _rule(code).run(ctx):
            assert hit.field.startswith(("campaign.", "brand.")), (code, hit.field)
            assert hit.message is None or isinstance(hit.message, str)


_VOCABULARY = (
    "your the a no not cbd thc weed loan loans payday debt relief tax irs casino bet win enter "
    "sweepstakes crypto bitcoin partners will contact you reply with password ssn gift card "
    "account suspended verify https://x.io wine beer guns dating apply for"
)
_WORDS = st.sampled_from([*_VOCABULARY.split(), ".", ",", "!", "?", "\n"])
_SENTENCES = st.lists(_WORDS, max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), _SENTENCES))
def test_checks_accept_any_text(text: str) -> None:
    _run_all(text)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(min_size=1, max_size=40), _SENTENCES.filter(bool)))
def test_checks_accept_100kb_text(chunk: str) -> None:
    _run_all((chunk * (100_000 // len(chunk) + 1))[:100_000])


@pytest.mark.parametrize(
    "chunk",
    [
        "a",
        "your ",
        "no ",
        "cbd ",
        "your account is suspended ",
        "pay your bill " + "x" * 30,
        "a.b",
        "https://a.",
        "$1",
        "win a ",
        "delta-8 ",
        "connect you with ",
    ],
)
def test_checks_accept_adversarial_100kb_text(chunk: str) -> None:
    _run_all((chunk * (100_000 // len(chunk) + 1))[:100_000])
