"""For hundreds of generated answer sets, the drafted campaign lints and the drafted site scans
with no errors (the issue's acceptance test), and every text stays inside TCR's limits."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from consentry.campaign import parse_campaign
from consentry.campaign.fields import FIELDS_BY_PATH
from consentry.campaign.model import Campaign, LoadedCampaign
from consentry.draft import Draft, advise, answers_from_mapping, make_draft
from consentry.lint import Finding, Scope, Severity, all_rules, lint_campaign
from consentry.lint.website import campaign_urls
from consentry.site import load_folder
from tests.draft.strategies import answer_sets

SITE_RULES = [r for r in all_rules() if r.scope is Scope.SITE]


def _errors(findings: list[Finding], raw: dict[str, Any]) -> list[str]:
    return [f"{f.code} {f.field}: {f.message}" for f in findings if f.severity is Severity.ERROR]


def _check_limits(d: Draft) -> None:
    c = d.texts
    for path, value in (
        ("campaign.description", c.description),
        ("campaign.message_flow", c.message_flow),
        ("campaign.opt_in_message", c.replies[0].text),
        ("campaign.opt_out_message", c.replies[1].text),
        ("campaign.help_message", c.replies[2].text),
    ):
        spec = FIELDS_BY_PATH[path]
        assert spec.min_length is not None and spec.max_length is not None
        assert spec.min_length <= len(value) <= spec.max_length, (path, len(value))
    sample = FIELDS_BY_PATH["campaign.sample_messages"]
    assert sample.min_items is not None and sample.max_items is not None
    assert sample.min_items <= len(c.samples) <= sample.max_items
    for text in c.samples:
        assert sample.min_length is not None and sample.max_length is not None
        assert sample.min_length <= len(text) <= sample.max_length
    for reply in c.replies:
        assert (reply.warning is None) == (reply.count.segments == 1)
        # A short GSM-7 name leaves room for every reply in one segment.
        if reply.count.encoding == "GSM-7" and len(d.advice.sms_name) <= 40:
            assert reply.count.segments == 1, reply.text


@settings(
    max_examples=220,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(answer_sets())
def test_drafted_campaign_lints_and_site_scans_without_errors(raw: dict[str, Any]) -> None:
    answers = answers_from_mapping(raw, source="generated.yaml")
    advice = advise(answers)
    assert advice.stop is None, advice.stop
    drafted = make_draft(answers, advice)
    _check_limits(drafted)
    loaded = parse_campaign(drafted.files["campaign.yaml"], source="campaign.yaml")
    # The file says what the drafter meant: the YAML round trip loses nothing.
    assert loaded.campaign.campaign.message_flow == drafted.texts.message_flow
    assert loaded.campaign.campaign.description == drafted.texts.description
    assert loaded.campaign.brand.display_name == answers.name
    with tempfile.TemporaryDirectory() as tmp:
        for name, html in drafted.site_files.items():
            path = Path(tmp, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
        site = load_folder(tmp, base_urls=[answers.website, *campaign_urls(loaded)])
        scanned = load_folder(tmp)
    linted = lint_campaign(loaded, site=site)
    assert not _errors(linted.findings, raw), drafted.texts.message_flow
    scan = lint_campaign(LoadedCampaign(Campaign(), source=tmp), rules=SITE_RULES, site=scanned)
    assert not _errors(scan.findings, raw)
