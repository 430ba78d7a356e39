"""The clean example campaign lints clean: no error and no warning from the full catalogue."""

from __future__ import annotations

from consentry.campaign import load_campaign
from consentry.lint import Severity, all_rules, lint_campaign
from tests.lint.case_runner import BASE_FILE


def test_clean_example_has_no_errors_or_warnings() -> None:
    result = lint_campaign(load_campaign(BASE_FILE), rules=all_rules())  # offline: no site
    serious = [
        f"{f.code} {f.severity} {f.field}: {f.message}"
        for f in result.findings
        if f.severity in (Severity.ERROR, Severity.WARNING)
    ]
    assert not serious, "examples/clean/campaign.yaml should lint clean:\n" + "\n".join(serious)


def test_clean_example_is_checked_by_every_campaign_family() -> None:
    # Guards the test above against passing because the catalogue failed to load.
    families = {r.family for r in all_rules()}
    assert {"BRD", "DSC", "USE", "SMP", "KEY", "TPL"} <= families
