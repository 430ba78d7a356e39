"""The terminal report reads without colour and keeps campaign text literal."""

from __future__ import annotations

from consentry.lint.finding import LintResult
from consentry.lint.rule import Severity
from consentry.report import render_text
from tests.report.fixtures import finding, results


def test_no_colour_means_no_escape_codes() -> None:
    out = render_text(results(), color=False)
    assert "\x1b[" not in out
    assert "NEEDS CHANGES" in out and "NOT ELIGIBLE" in out and "READY" in out


def test_colour_adds_escape_codes_only() -> None:
    out = render_text(results(), color=True)
    assert "\x1b[" in out
    assert "NEEDS CHANGES" in out


def test_lines_fit_the_width() -> None:
    out = render_text(results(), color=False)
    assert max(len(line) for line in out.splitlines()) <= 100


def test_brackets_are_not_markup() -> None:
    f = finding(
        "SMP002",
        "x",
        Severity.WARNING,
        "campaign.sample_messages[0]",
        "Hi [first_name], [bold]sale[/bold] :smile:",
        "f",
    )
    out = render_text([LintResult("c.yaml", [f])], color=True)
    assert "[first_name]" in out and "[bold]sale[/bold]" in out and ":smile:" in out


def test_findings_grouped_by_field_with_fix_below() -> None:
    out = render_text(results(), color=False).splitlines()
    title = next(
        i for i, line in enumerate(out) if line.strip().startswith("campaign.message_flow")
    )
    assert "line 14" in out[title]
    assert "error" in out[title + 1] and "CTA004" in out[title + 1]
    assert out[title + 2].strip().startswith("Fix: Add a frequency disclosure")
    assert out[-1] == (
        "3 inputs checked: 1 ready, 1 needs changes, 1 not eligible. 3 errors, 1 warning, 2 info."
    )


def test_nothing_checked() -> None:
    assert render_text([], color=False) == "Nothing checked.\n"
