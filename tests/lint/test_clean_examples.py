"""The compliant example campaigns lint clean: no error and no warning from the full catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from consentry.campaign import load_campaign
from consentry.lint import Severity, all_rules, lint_campaign
from tests.lint.case_runner import BASE_FILE

EXAMPLES = BASE_FILE.parents[1]
BROKEN_ON_PURPOSE = {"seed-861"}  # the rejected campaign the tutorial fixes
COMPLIANT = sorted(
    p for p in EXAMPLES.glob("*/campaign.yaml") if p.parent.name not in BROKEN_ON_PURPOSE
)


def _serious(path: Path) -> list[str]:
    result = lint_campaign(load_campaign(path), rules=all_rules())  # offline: no site
    return [
        f"{f.code} {f.severity} {f.field}: {f.message}"
        for f in result.findings
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ]


def test_clean_example_has_no_errors_or_warnings() -> None:
    serious = _serious(BASE_FILE)
    assert not serious, "examples/clean/campaign.yaml should lint clean:\n" + "\n".join(serious)


@pytest.mark.parametrize("path", COMPLIANT, ids=lambda p: p.parent.name)
def test_compliant_examples_have_no_errors_or_warnings(path: Path) -> None:
    serious = _serious(path)
    assert not serious, f"{path.relative_to(EXAMPLES.parent)} should lint clean:\n" + "\n".join(
        serious
    )


def test_clean_example_is_checked_by_every_campaign_family() -> None:
    # Guards the tests above against passing because the catalogue failed to load.
    assert BASE_FILE in COMPLIANT
    families = {r.family for r in all_rules()}
    assert {"BRD", "DSC", "USE", "SMP", "KEY", "TPL"} <= families
