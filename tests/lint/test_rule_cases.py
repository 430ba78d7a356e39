"""Every rule's pass and fail cases, from tests/lint/cases/<CODE>.yaml (sqlfluff-style data tests)."""

from __future__ import annotations

from typing import Any

import pytest

from consentry.lint import all_rules, get_rule, lint_campaign
from consentry.lint.rule import Scope
from tests.lint.case_runner import build_case, load_case_files

CASE_FILES = load_case_files()
CASES = [
    pytest.param(
        code,
        case,
        id=f"{code}-{case['expect']}-{case['name']}",
        # `xfail: "<reason>"` marks a known bug outside the rule (e.g. in consentry.phrases).
        marks=[pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else [],
    )
    for code, doc in CASE_FILES
    for case in doc["cases"]
]


@pytest.mark.parametrize(("code", "case"), CASES)
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    rule = get_rule(code)
    assert rule is not None, f"{code}.yaml names no known rule"
    loaded = build_case(case)
    findings = lint_campaign(loaded, rules=[rule]).findings
    fired = [f for f in findings if f.code == code]
    if case["expect"] == "fail":
        assert fired, f"{code} should fire on: {case['name']}"
        if "field" in case:
            assert any(f.field == case["field"] for f in fired), [f.field for f in fired]
        if "severity" in case:  # a rule may report a hit one level lower (Rule.softened)
            assert {f.severity.value for f in fired} == {case["severity"]}, [
                (f.severity.value, f.message) for f in fired
            ]
        if "message" in case:
            assert any(case["message"].lower() in f.message.lower() for f in fired), [
                f.message for f in fired
            ]
    else:
        assert not fired, f"{code} should not fire on: {case['name']}: {[f.message for f in fired]}"


def test_every_campaign_rule_has_pass_and_fail_cases() -> None:
    by_code = {code: doc for code, doc in CASE_FILES}
    missing = []
    for rule in all_rules():
        if rule.scope is not Scope.CAMPAIGN:
            continue
        doc = by_code.get(rule.code)
        expects = {c["expect"] for c in doc["cases"]} if doc else set()
        if expects != {"pass", "fail"}:
            missing.append(rule.code)
    assert not missing, f"rules without both pass and fail cases: {missing}"


def test_case_files_name_their_rule() -> None:
    for code, doc in CASE_FILES:
        assert doc.get("rule") == code, f"{code}.yaml says rule {doc.get('rule')!r}"
