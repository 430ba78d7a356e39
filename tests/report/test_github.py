"""GitHub Actions annotations: one command per finding, escaped as the runner expects."""

from __future__ import annotations

from consentry.lint.finding import LintResult
from consentry.lint.rule import Severity
from consentry.report import render_github
from consentry.report.github import escape_data, escape_property
from tests.report.fixtures import finding, results


def test_escape_data() -> None:
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_data("a:b,c") == "a:b,c"


def test_escape_property() -> None:
    assert escape_property("dir,x/a:b.yaml\n%") == "dir%2Cx/a%3Ab.yaml%0A%25"


def test_percent_is_escaped_first() -> None:
    # "%0A" typed by a user must stay literal, not become a newline.
    assert escape_data("%0A") == "%250A"


def test_one_line_per_finding() -> None:
    out = render_github(results())
    lines = out.splitlines()
    assert len(lines) == sum(len(r.findings) for r in results())
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert out.endswith("\n")


def test_newlines_and_percent_in_messages() -> None:
    f = finding(
        "SMP002",
        "sample-missing-brand-name",
        Severity.WARNING,
        "campaign.sample_messages[0]",
        "Line one\nline two: 50% off, today",
        "Fix it\r\nnow",
        source="dir,x/odd:name.yaml",
        line=7,
        column=2,
    )
    (line,) = render_github([LintResult("x", [f])]).splitlines()
    assert line.startswith(
        "::warning file=dir%2Cx/odd%3Aname.yaml,line=7,col=2,"
        "title=SMP002 sample-missing-brand-name::"
    )
    message = line.split("::", 2)[2]
    assert "Line one%0Aline two: 50%25 off, today" in message
    assert "Fix: Fix it%0D%0Anow." in message


def test_site_findings_name_the_page_not_a_file() -> None:
    out = render_github(results())
    web = next(line for line in out.splitlines() if "WEB003" in line)
    assert "file=" not in web
    assert "::https://www.maplestreetdental.com/privacy: " in web


def test_no_findings_no_output() -> None:
    assert render_github([LintResult("c.yaml", [])]) == ""
