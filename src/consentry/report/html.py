"""`--format html`: one self-contained page (inline CSS, no scripts, no external assets) that
reads well on screen and on paper. Jinja2 autoescaping keeps campaign text inert."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

import consentry
from consentry.lint.finding import LintResult
from consentry.report.docs import rule_doc_url
from consentry.report.grouping import (
    VERDICT_WORDS,
    counts_text,
    group_by_field,
    short_url,
    summary_text,
)

__all__ = ["is_web_url", "render_html"]


def is_web_url(value: object) -> bool:
    """Only http(s) links become links: a `javascript:` URL from a scanned page stays text."""
    return isinstance(value, str) and urlsplit(value.strip()).scheme.lower() in {"http", "https"}


def _context(results: Sequence[LintResult]) -> dict[str, Any]:
    inputs = []
    for n, r in enumerate(results, start=1):
        inputs.append(
            {
                "anchor": f"input-{n}",
                "name": r.input,
                "verdict": r.verdict,
                "verdict_words": VERDICT_WORDS[r.verdict],
                "counts": r.counts,
                "counts_text": counts_text(r.counts),
                "groups": group_by_field(r.findings),
            }
        )
    return {
        "version": consentry.__version__,
        "inputs": inputs,
        "summary": summary_text(results),
    }


def render_html(results: Sequence[LintResult]) -> str:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("consentry.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["short_url"] = short_url
    env.tests["web_url"] = is_web_url
    env.globals["rule_doc_url"] = rule_doc_url
    return env.get_template("report.html.j2").render(_context(results))
