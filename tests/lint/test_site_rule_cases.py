"""Every website rule's pass and fail cases, from tests/lint/site_cases/<CODE>.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from consentry.lint import all_rules, get_rule, lint_campaign
from consentry.lint.rule import Scope
from tests.lint.site_runner import build_site_case, load_site_case_files

CASE_FILES = load_site_case_files()
CASES = [
    pytest.param(code, case, id=f"{code}-{case['expect']}-{case['name']}")
    for code, doc in CASE_FILES
    for case in doc["cases"]
]


@pytest.mark.parametrize(("code", "case"), CASES)
def test_site_rule_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    rule = get_rule(code)
    assert rule is not None, f"{code}.yaml names no known rule"
    loaded, snapshot = build_site_case(case, tmp_path)
    fired = [
        f for f in lint_campaign(loaded, rules=[rule], site=snapshot).findings if f.code == code
    ]
    if case["expect"] == "fail":
        assert fired, f"{code} should fire on: {case['name']}"
        for f in fired:
            assert f.field == "site" or f.field.startswith("campaign.")
            assert f.location.url, "a website finding names its page"
        if "selector" in case:
            assert any(f.location.selector == case["selector"] for f in fired), [
                f.location.selector for f in fired
            ]
        if "message" in case:
            assert any(case["message"].lower() in f.message.lower() for f in fired), [
                f.message for f in fired
            ]
    else:
        assert not fired, f"{code} should not fire on: {case['name']}: {[f.message for f in fired]}"


def test_every_site_rule_has_pass_and_fail_cases() -> None:
    by_code = dict(CASE_FILES)
    missing = []
    for r in all_rules():
        if r.scope is not Scope.SITE:
            continue
        doc = by_code.get(r.code) or {"cases": []}
        expects = {c["expect"] for c in doc["cases"]}
        if doc.get("fail_elsewhere"):  # a failing case that needs a real HTTP server
            expects.add("fail")
        if expects != {"pass", "fail"}:
            missing.append(r.code)
    assert not missing, f"site rules without both pass and fail cases: {missing}"


def test_clean_example_site_has_no_findings(tmp_path: Path) -> None:
    loaded, snapshot = build_site_case({}, tmp_path)
    site_rules = [r for r in all_rules() if r.scope is Scope.SITE]
    findings = lint_campaign(loaded, rules=site_rules, site=snapshot).findings
    assert not findings, [(f.code, f.message) for f in findings]
