"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers.

One run; `tool.driver.rules[]` carries each fired rule's full documentation (as ruff does) and
links to its page; every result points at the campaign file (or the website page) and names the
field as a logical location.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import PureWindowsPath
from typing import Any
from urllib.parse import quote, urlsplit

import consentry
from consentry.lint.finding import Finding, LintResult
from consentry.lint.rule import Rule, Severity
from consentry.report.docs import FAMILIES, OUTCOME_WORDS, md_escape, rule_doc_url

__all__ = ["SARIF_SCHEMA", "render_sarif", "sarif_document", "sarif_rule"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/consentry/consentry"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def sarif_rule(rule: Rule) -> dict[str, Any]:
    """A `reportingDescriptor` built from the rule's metadata."""
    codes = ", ".join(rule.carrier_codes)
    text = f"{rule.why}\n\nHow to fix it: {rule.fix}"
    markdown = (
        f"**Why it matters.** {md_escape(rule.why)}\n\n**How to fix it.** {md_escape(rule.fix)}"
    )
    if codes:
        text += f"\n\nReviewer codes: {codes}"
        markdown += f"\n\n**Reviewer codes:** {md_escape(codes)}"
    if rule.sources:
        text += "\n\nSources:\n" + "\n".join(f"- {s.title}: {s.url}" for s in rule.sources)
        markdown += "\n\n**Sources:**\n\n" + "\n".join(
            f"- [{md_escape(s.title)}]({s.url})" for s in rule.sources
        )
    tags = [FAMILIES.get(rule.family, rule.family), rule.scope.value, OUTCOME_WORDS[rule.outcome]]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": text, "markdown": markdown},
        "helpUri": rule_doc_url(rule.code),
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"carrier_codes": list(rule.carrier_codes), "tags": tags},
    }


def _stand_in(finding: Finding) -> dict[str, Any]:
    """A descriptor for a finding whose rule is not in the catalogue (e.g. a note from the
    site fetcher), so that every result still has a rule."""
    return {
        "id": finding.code,
        "name": finding.name,
        "shortDescription": {"text": finding.message},
        "helpUri": rule_doc_url(finding.code),
        "defaultConfiguration": {"level": LEVEL[finding.severity]},
        "properties": {"carrier_codes": list(finding.carrier_codes), "tags": []},
    }


def artifact_uri(path_or_url: str) -> str:
    """A URI reference for a file path (relative stays relative) or a page URL (as is)."""
    if urlsplit(path_or_url).scheme in {"http", "https", "file"}:
        return path_or_url
    path = path_or_url
    if PureWindowsPath(path).drive:
        return PureWindowsPath(path).as_uri()
    path = path.replace("\\", "/")
    if path.startswith("/"):
        return "file://" + quote(path)
    return quote(path)


def _fingerprint(result: LintResult, finding: Finding) -> str:
    # Lines are left out on purpose: an edit above a finding must not make it a "new" alert.
    loc = finding.location
    key = "\x1f".join(
        (finding.code, result.input, finding.field, loc.url or "", loc.selector or "")
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(result: LintResult, finding: Finding, index: int) -> dict[str, Any]:
    loc = finding.location
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(loc.url or loc.source)}}
    if loc.line is not None and loc.line >= 1:
        region = {"startLine": loc.line}
        if loc.column is not None and loc.column >= 1:
            region["startColumn"] = loc.column
        physical["region"] = region
    logical: list[dict[str, Any]] = [{"fullyQualifiedName": finding.field, "kind": "property"}]
    if loc.selector:
        logical.append({"fullyQualifiedName": loc.selector, "kind": "element"})
    message = finding.message.strip()
    if finding.fix:
        message += f"\nFix: {finding.fix.strip()}"
    return {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVEL[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": physical, "logicalLocations": logical}],
        "partialFingerprints": {"consentryFinding/v1": _fingerprint(result, finding)},
        "properties": {
            "field": finding.field,
            "carrier_codes": list(finding.carrier_codes),
            "sources": list(finding.sources),
            "input": result.input,
        },
    }


def sarif_document(
    results: Sequence[LintResult],
    rules: Sequence[Rule] = (),
    *,
    all_rules: bool = False,
    lookup: bool = True,
) -> dict[str, Any]:
    """The SARIF log. `rules` are the selected rules; the driver lists those that fired (or all
    of them with `all_rules=True`). A fired code missing from `rules` is looked up in the
    catalogue (`lookup=False`: not), else described from its finding."""
    by_code = {r.code: r for r in rules}
    fired = sorted({f.code for r in results for f in r.findings})
    codes = sorted(set(fired) | set(by_code)) if all_rules else fired
    missing = [c for c in codes if c not in by_code]
    if missing and lookup:
        from consentry.lint.registry import get_rule

        for code in missing:
            found = get_rule(code)
            if found is not None and found.code == code:
                by_code[code] = found
    first = {f.code: f for r in reversed(results) for f in reversed(r.findings)}
    descriptors = [sarif_rule(by_code[c]) if c in by_code else _stand_in(first[c]) for c in codes]
    index = {c: i for i, c in enumerate(codes)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "consentry",
                        "version": consentry.__version__,
                        "semanticVersion": consentry.__version__,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(r, f, index[f.code]) for r in results for f in r.findings],
            }
        ],
    }


def render_sarif(
    results: Sequence[LintResult],
    rules: Sequence[Rule] = (),
    *,
    all_rules: bool = False,
    lookup: bool = True,
) -> str:
    doc = sarif_document(results, rules, all_rules=all_rules, lookup=lookup)
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
