"""The HTML report is one self-contained, escaped page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import consentry
from consentry.lint.finding import LintResult
from consentry.lint.rule import Severity
from consentry.report import render_html
from tests.report.fixtures import finding, results

EVIL = '<script>alert("x")</script>'


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def evil_result() -> LintResult:
    f = finding(
        "SMP002",
        "sample-missing-brand-name",
        Severity.WARNING,
        'campaign.sample_messages[0]"><img src=x>',
        f"Sample says {EVIL}",
        f"Fix {EVIL}",
        source=f"{EVIL}.yaml",
        url="javascript:alert(1)",
        sources=("javascript:alert(2)", "https://example.com/ok"),
        carrier_codes=(EVIL,),
    )
    return LintResult(input=f"{EVIL}.yaml", findings=[f])


def test_self_contained() -> None:
    html = render_html(results())
    tags = parse(html)
    names = {t for t, _ in tags}
    assert "script" not in names
    assert "link" not in names, "stylesheets must be inline"
    assert "style" in names
    for tag, attrs in tags:
        if tag in {"img", "script", "iframe", "source", "video", "audio", "embed", "object"}:
            raise AssertionError(f"external asset <{tag}>")
        assert not (attrs.get("src") or "").startswith(("http", "//"))
    assert not re.search(r"url\(|@import", html), "CSS must not load anything"


def test_escapes_campaign_text() -> None:
    html = render_html([evil_result()])
    assert EVIL not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html
    assert "script" not in {t for t, _ in parse(html)}


def test_only_web_links_become_links() -> None:
    html = render_html([evil_result()])
    hrefs = [a.get("href") or "" for t, a in parse(html) if t == "a"]
    assert "https://example.com/ok" in hrefs
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    assert "javascript:alert(1)" in html  # still shown, as text


def test_one_section_per_input_with_verdict_and_counts() -> None:
    html = render_html(results())
    sections = [a for t, a in parse(html) if t == "section"]
    assert len(sections) == 3
    for verdict in ("needs changes", "not eligible", "ready"):
        assert verdict in html
    assert "2 errors" in html and "1 warning" in html
    assert html.index("campaign.message_flow") < html.index("Add a frequency disclosure")
    assert "DCA 806, Twilio 30545" in html
    assert 'href="https://www.twilio.com/docs/api/errors/30545"' in html
    assert "docs/rules/CTA004.md" in html


def test_version_and_empty() -> None:
    html = render_html([])
    assert consentry.__version__ in html
    assert "Nothing checked." in html
    assert html.lstrip().lower().startswith("<!doctype html>")


def test_prints_readably() -> None:
    html = render_html(results())
    assert "@media print" in html
    assert "break-inside: avoid" in html
