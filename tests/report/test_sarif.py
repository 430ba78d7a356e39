"""SARIF output against the official SARIF 2.1.0 schema (vendored from @microsoft/jest-sarif,
MIT) and the bits GitHub code scanning relies on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from consentry.lint.rule import Severity
from consentry.report.sarif import artifact_uri, sarif_document
from tests.report.fixtures import RULES, finding, results

SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


def validate(doc: dict[str, Any]) -> None:
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    errors = sorted(cls(SCHEMA).iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_validator_is_draft_04() -> None:
    assert jsonschema.validators.validator_for(SCHEMA) is jsonschema.Draft4Validator


def test_document_is_valid_sarif() -> None:
    validate(sarif_document(results(), RULES, lookup=False))


def test_empty_document_is_valid_sarif() -> None:
    validate(sarif_document([], RULES, lookup=False))


def test_all_rules_lists_every_selected_rule() -> None:
    doc = sarif_document([], RULES, all_rules=True, lookup=False)
    validate(doc)
    ids = [r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]]
    assert ids == sorted(r.code for r in RULES)


def test_schema_catches_a_broken_document() -> None:
    # The validation above must be able to fail.
    doc = sarif_document(results(), RULES, lookup=False)
    doc["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError):
        validate(doc)


def test_rule_index_points_at_the_rule() -> None:
    run = sarif_document(results(), RULES, lookup=False)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_rule_descriptor_carries_the_docs() -> None:
    run = sarif_document(results(), RULES, lookup=False)["runs"][0]
    cta = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "CTA004")
    assert cta["name"] == "cta-missing-message-frequency"
    assert cta["fullDescription"]["text"].startswith("Why CTA004 matters")
    assert "Fix for CTA004." in cta["help"]["markdown"]
    assert "DCA 806" in cta["help"]["text"]
    assert cta["helpUri"].endswith("/docs/rules/CTA004.md")
    assert cta["defaultConfiguration"]["level"] == "error"
    assert cta["properties"]["carrier_codes"] == ["DCA 806", "Twilio 30545"]


def test_levels_map_info_to_note() -> None:
    run = sarif_document(results(), RULES, lookup=False)["runs"][0]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["CTA004"] == "error" and levels["SMP002"] == "warning"
    assert levels["BRD007"] == "note"


def test_site_finding_points_at_the_page() -> None:
    run = sarif_document(results(), RULES, lookup=False)["runs"][0]
    web = next(r for r in run["results"] if r["ruleId"] == "WEB003")
    physical = web["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "https://www.maplestreetdental.com/privacy"
    assert "region" not in physical
    names = [loc["fullyQualifiedName"] for loc in web["locations"][0]["logicalLocations"]]
    assert names == ["site", "main > p:nth-of-type(4)"]


def test_fingerprint_ignores_line_moves_but_not_fields() -> None:
    def fp(**kw: Any) -> str:
        f = finding(
            "CTA004", "x", Severity.ERROR, kw.pop("field", "campaign.message_flow"), "m", "f", **kw
        )
        from consentry.lint.finding import LintResult

        doc = sarif_document([LintResult("c.yaml", [f])], RULES, lookup=False)
        return str(doc["runs"][0]["results"][0]["partialFingerprints"]["consentryFinding/v1"])

    assert fp(line=3) == fp(line=30)
    assert fp(line=3) != fp(line=3, field="campaign.description")


def test_unknown_code_is_looked_up_in_the_catalogue() -> None:
    from consentry.lint.finding import LintResult
    from consentry.lint.registry import all_rules

    live = all_rules()[0]
    f = finding(live.code, live.name, live.severity, "campaign", "m", "f")
    doc = sarif_document([LintResult("c.yaml", [f])], ())
    (descriptor,) = doc["runs"][0]["tool"]["driver"]["rules"]
    assert descriptor["fullDescription"]["text"] == live.why
    validate(doc)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("campaign.yaml", "campaign.yaml"),
        ("campaigns/maple street.yaml", "campaigns/maple%20street.yaml"),
        ("/srv/app/campaign.yaml", "file:///srv/app/campaign.yaml"),
        ("C:\\work\\campaign.yaml", "file:///C:/work/campaign.yaml"),
        ("campaigns\\a.yaml", "campaigns/a.yaml"),
        ("https://example.com/sms?x=1", "https://example.com/sms?x=1"),
    ],
)
def test_artifact_uri(given: str, expected: str) -> None:
    assert artifact_uri(given) == expected
