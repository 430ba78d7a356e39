"""`--format json` keeps the CONTRACT §3 shape."""

from __future__ import annotations

import json

import consentry
from consentry.lint.finding import LintResult
from consentry.lint.rule import Severity
from consentry.report import render_json
from tests.report.fixtures import finding, results

FINDING_KEYS = {
    "code",
    "name",
    "severity",
    "field",
    "message",
    "fix",
    "location",
    "carrier_codes",
    "sources",
}


def test_contract_shape() -> None:
    doc = json.loads(render_json(results()))
    assert doc["schema_version"] == 1
    assert doc["tool"] == {"name": "consentry", "version": consentry.__version__}
    first, second, third = doc["results"]
    assert second["counts"]["error"] == 1
    assert [r["verdict"] for r in doc["results"]] == ["needs_changes", "not_eligible", "ready"]
    assert first["counts"] == {"error": 2, "warning": 1, "info": 1}
    assert third["findings"] == []
    for result in doc["results"]:
        assert set(result) >= {"input", "verdict", "counts", "findings"}
        for f in result["findings"]:
            assert set(f) >= FINDING_KEYS
            assert set(f["location"]) >= {"source", "line", "column", "url", "selector"}
            assert f["severity"] in {"error", "warning", "info"}


def test_unicode_is_kept_readable() -> None:
    result = LintResult(
        "café.yaml",
        [finding("DSC001", "x", Severity.INFO, "campaign", "Use “quotes” — fine", "f")],
    )
    out = render_json([result])
    assert "“quotes” — fine" in out and "café.yaml" in out
    assert json.loads(out)["results"][0]["findings"][0]["message"] == "Use “quotes” — fine"
