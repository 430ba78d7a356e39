"""What the human-readable reports share: findings grouped by field, and plain words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from consentry.lint.finding import Finding, LintResult

__all__ = [
    "VERDICT_WORDS",
    "FieldGroup",
    "counts_text",
    "group_by_field",
    "short_url",
    "summary_text",
]

VERDICT_WORDS = {"ready": "ready", "needs_changes": "needs changes", "not_eligible": "not eligible"}


@dataclass(frozen=True, slots=True)
class FieldGroup:
    field: str
    findings: tuple[Finding, ...]

    @property
    def line(self) -> int | None:
        # A website group spans pages: a campaign-file line number would mislead there.
        if any(f.location.url for f in self.findings):
            return None
        return next((f.location.line for f in self.findings if f.location.line), None)


def group_by_field(findings: Sequence[Finding]) -> list[FieldGroup]:
    """Groups in the order their first finding appears (the engine puts errors first)."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.field, []).append(f)
    return [
        FieldGroup(field, tuple(sorted(fs, key=lambda f: -f.severity.rank)))
        for field, fs in groups.items()
    ]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def counts_text(counts: dict[str, int]) -> str:
    return ", ".join(_plural(counts.get(k, 0), k) for k in ("error", "warning", "info"))


def summary_text(results: Sequence[LintResult]) -> str:
    """`2 inputs checked: 1 ready, 1 needs changes. 3 errors, 1 warning, 0 info.`"""
    if not results:
        return "Nothing checked."
    verdicts = [r.verdict for r in results]
    parts = [f"{verdicts.count(v)} {VERDICT_WORDS[v]}" for v in VERDICT_WORDS if v in verdicts]
    total = {k: sum(r.counts[k] for r in results) for k in ("error", "warning", "info")}
    checked = _plural(len(results), "input")
    return f"{checked} checked: {', '.join(parts)}. {counts_text(total)}."


def short_url(url: str) -> str:
    """`twilio.com/docs/api/errors/30545` for link text."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    return (host + parts.path.rstrip("/")) or url
