"""Run rules over a campaign (and its website) and turn their hits into findings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from consentry.campaign.model import LoadedCampaign
from consentry.lint.context import LintContext
from consentry.lint.finding import Finding, LintResult, Location
from consentry.lint.registry import all_rules
from consentry.lint.rule import Hit, Rule, Scope

__all__ = ["lint_campaign", "to_finding"]


def to_finding(rule: Rule, hit: Hit, loaded: LoadedCampaign | None, source: str) -> Finding:
    """A rule's hit, with its metadata and the position of its field."""
    line, column = hit.line, hit.column
    if line is None and loaded is not None and hit.url is None:
        pos = loaded.position(hit.field)
        if pos is not None:
            line, column = pos
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=rule.severity.lower() if hit.soften else rule.severity,
        field=hit.field,
        message=hit.message or rule.summary,
        fix=hit.fix or rule.fix,
        location=Location(
            source=source, line=line, column=column, url=hit.url, selector=hit.selector
        ),
        carrier_codes=rule.carrier_codes,
        sources=tuple(s.url for s in rule.sources),
        outcome=rule.outcome,
    )


def _order(f: Finding) -> tuple[Any, ...]:
    return (-f.severity.rank, f.location.line or 0, f.field, f.code)


def lint_campaign(
    loaded: LoadedCampaign,
    *,
    rules: Sequence[Rule] | None = None,
    site: Any = None,
) -> LintResult:
    """Lint one loaded campaign. Site rules run only when a site snapshot is given."""
    ctx = LintContext(loaded, site=site)
    result = LintResult(input=loaded.source)
    seen: set[tuple[str, str, str | None, str | None]] = set()
    brand_given = loaded.brand_given
    for r in rules if rules is not None else all_rules():
        if r.scope is Scope.SITE and site is None:
            continue
        if not brand_given and r.fields and all(f.startswith("brand.") for f in r.fields):
            continue  # nothing to judge: BRD019 says the brand was not checked
        for hit in r.run(ctx):
            key = (r.code, hit.field, hit.url, hit.selector)
            if key in seen:
                continue
            seen.add(key)
            result.findings.append(to_finding(r, hit, loaded, loaded.source))
    result.findings.sort(key=_order)
    return result
