"""Shared by the commands that print lint results: rendering, writing and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from consentry.lint.finding import LintResult
from consentry.lint.rule import Rule, Severity


def split_codes(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (value or "").split(",") if p.strip())


def render(results: Sequence[LintResult], fmt: str, rules: Sequence[Rule], *, color: bool) -> str:
    from consentry import report

    if fmt == "json":
        return report.render_json(results)
    if fmt == "sarif":
        return report.render_sarif(results, rules)
    if fmt == "github":
        return report.render_github(results)
    if fmt == "html":
        return report.render_html(results)
    return report.render_text(results, color=color)


def emit(
    results: Sequence[LintResult], fmt: str, output: Path | None, rules: Sequence[Rule]
) -> None:
    """Print the report, or write it to a file (never half-written)."""
    text = render(results, fmt, rules, color=output is None and sys.stdout.isatty())
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)


def exit_code(results: Sequence[LintResult], fail_on: str) -> int:
    """1 when any finding is at or above `fail_on`, else 0 (CONTRACT §2)."""
    threshold = Severity(fail_on).rank
    worst = max((f.severity.rank for r in results for f in r.findings), default=0)
    return 1 if worst >= threshold else 0
