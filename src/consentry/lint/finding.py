"""Findings and results: the shapes CONTRACT §3 fixes for JSON output."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from consentry.lint.rule import Outcome, Severity

__all__ = ["Finding", "LintResult", "Location", "verdict_of"]


@dataclass(frozen=True, slots=True)
class Location:
    source: str
    line: int | None = None
    column: int | None = None
    url: str | None = None
    selector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "url": self.url,
            "selector": self.selector,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    field: str
    message: str
    fix: str
    location: Location
    carrier_codes: tuple[str, ...]
    sources: tuple[str, ...]
    outcome: Outcome = Outcome.NEEDS_CHANGES

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "field": self.field,
            "message": self.message,
            "fix": self.fix,
            "location": self.location.to_dict(),
            "carrier_codes": list(self.carrier_codes),
            "sources": list(self.sources),
        }


def verdict_of(findings: list[Finding]) -> str:
    """`not_eligible` beats `needs_changes` beats `ready`; only errors count."""
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if any(f.outcome is Outcome.NOT_ELIGIBLE for f in errors):
        return "not_eligible"
    return "needs_changes" if errors else "ready"


@dataclass(slots=True)
class LintResult:
    """The findings for one input (a campaign file or a website)."""

    input: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        return verdict_of(self.findings)

    @property
    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            counts[f.severity.value] += 1
        return counts

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "verdict": self.verdict,
            "counts": self.counts,
            "findings": [f.to_dict() for f in self.findings],
        }
