"""The committed rule docs match the catalogue, and every rule carries what its docs need."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consentry.lint.registry import all_rules
from consentry.lint.rule import Rule
from consentry.report.docs import check_rule_docs, expected_rule_docs

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"
RULES = all_rules()


def test_committed_docs_are_current() -> None:
    problems = check_rule_docs(DOCS, RULES)
    assert not problems, (
        "docs/rules is out of date; run `make docs` (python scripts/gen_rule_docs.py) and commit:\n"
        + "\n".join(problems)
    )


def test_every_rule_has_a_page() -> None:
    pages = expected_rule_docs(RULES)
    for r in RULES:
        assert (DOCS / f"{r.code}.md").is_file(), f"no page for {r.code}; run `make docs`"
        assert pages[f"{r.code}.md"].startswith(f"# {r.code} {r.name}\n")


def test_codes_are_unique_and_well_formed() -> None:
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    assert RULES, "the catalogue is empty"
    for code in codes:
        assert re.fullmatch(r"[A-Z]{3}\d{3}", code), code


def test_names_are_unique() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_metadata_is_complete(rule: Rule) -> None:
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule.name), f"{rule.code}: name not kebab-case"
    assert rule.summary.strip(), f"{rule.code}: no summary"
    assert rule.why.strip(), f"{rule.code}: no why"
    assert rule.fix.strip(), f"{rule.code}: no fix"
    assert rule.sources, f"{rule.code}: no sources"
    for s in rule.sources:
        assert re.match(r"https?://[^\s/]+\.[^\s]+$", s.url), (
            f"{rule.code}: bad source URL {s.url!r}"
        )
        assert s.title.strip() and s.publisher.strip(), f"{rule.code}: source without title"
