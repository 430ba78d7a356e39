"""Rule pages and the index from hand-made rules (the live catalogue: tests/test_rule_docs.py)."""

from __future__ import annotations

from pathlib import Path

from consentry.lint.rule import Outcome, Scope, Severity
from consentry.report.docs import (
    check_rule_docs,
    family_title,
    md_escape,
    rule_dict,
    rule_markdown,
    rules_index_markdown,
    write_rule_docs,
)
from tests.report.fixtures import RULES, make_rule

CTA = RULES[0]


def test_page_sections_in_order() -> None:
    page = rule_markdown(CTA)
    assert page.startswith("# CTA004 cta-missing-message-frequency\n")
    heads = [line for line in page.splitlines() if line.startswith("## ")]
    assert heads == ["## What it checks", "## Why it matters", "## How to fix it", "## References"]
    assert "| Severity | error |" in page
    assert "| Outcome | needs changes |" in page
    assert "| Scope | campaign file |" in page
    assert "| Fields | `campaign.message_flow` |" in page
    assert "| Reviewer codes | DCA 806, Twilio 30545 |" in page
    assert (
        "- [Twilio error 30545: Missing frequency](https://www.twilio.com/docs/api/errors/30545)"
        in page
    )


def test_page_metadata_variants() -> None:
    page = rule_markdown(make_rule("CNT001", "x", Severity.ERROR, outcome=Outcome.NOT_ELIGIBLE))
    assert "| Outcome | not eligible |" in page
    page = rule_markdown(
        make_rule("WEB001", "x", Severity.WARNING, scope=Scope.SITE, refs=("R040",))
    )
    assert "| Scope | website |" in page and "| rules.md refs | R040 |" in page


def test_examples_only_when_given() -> None:
    assert "## Examples" not in rule_markdown(CTA)
    page = rule_markdown(CTA, examples=["Fails:\n\n```text\nTexts from us\n```"])
    assert page.index("## How to fix it") < page.index("## Examples") < page.index("## References")


def test_markdown_escaping_keeps_code_spans() -> None:
    assert md_escape("Say '<Brand>: hi' *now*") == "Say '\\<Brand>: hi' \\*now\\*"
    assert md_escape("set `a<b*c` ok") == "set `a<b*c` ok"
    assert md_escape("a | b\nc", cell=True) == "a \\| b c"


def test_index_groups_by_family_in_catalogue_order() -> None:
    rules = [*RULES, make_rule("ZZZ001", "odd-family", Severity.INFO)]
    index = rules_index_markdown(rules)
    heads = [line for line in index.splitlines() if line.startswith("## ")]
    assert heads == [
        "## BRD brand",
        "## CTA call to action",
        "## SMP samples",
        "## CNT prohibited content",
        "## WEB website",
        "## ZZZ",
    ]
    assert (
        "| [CTA004](CTA004.md) | cta-missing-message-frequency | error | Summary of CTA004. |"
        in index
    )
    assert f"consentry has {len(rules)} rules" in index


def test_family_titles() -> None:
    assert family_title("KEY") == "KEY keywords"
    assert family_title("QQQ") == "QQQ"


def test_rule_dict_has_contract_keys() -> None:
    d = rule_dict(CTA)
    assert d["sources"] == ["https://www.twilio.com/docs/api/errors/30545"]
    assert d["source_titles"] == ["Twilio error 30545: Missing frequency"]
    for key in ("code", "name", "severity", "summary", "why", "fix", "carrier_codes", "outcome"):
        assert key in d


def test_write_then_check(tmp_path: Path) -> None:
    out = tmp_path / "rules"
    assert check_rule_docs(out, RULES) == [
        f"{out / n}" + ": missing" for n in sorted([f"{r.code}.md" for r in RULES] + ["index.md"])
    ]
    written = write_rule_docs(out, RULES)
    assert len(written) == len(RULES) + 1
    assert check_rule_docs(out, RULES) == []
    assert write_rule_docs(out, RULES) == []  # unchanged pages are not rewritten

    (out / "CTA004.md").write_text("edited\n", encoding="utf-8")
    (out / "XYZ123.md").write_text("gone\n", encoding="utf-8")
    (out / "notes.md").write_text("hand-written, not ours\n", encoding="utf-8")
    assert check_rule_docs(out, RULES) == [
        f"{out / 'XYZ123.md'}: extra (no such rule)",
        f"{out / 'CTA004.md'}: stale",
    ]
    write_rule_docs(out, RULES)
    assert check_rule_docs(out, RULES) == []
    assert not (out / "XYZ123.md").exists() and (out / "notes.md").exists()
