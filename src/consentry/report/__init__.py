"""Reports: one renderer per output format, each `render_<fmt>(results, ...) -> str`.

Rich and Jinja2 are imported inside the renderers that need them, so `--format json` stays fast.
"""

from consentry.report.github import render_github
from consentry.report.html import render_html
from consentry.report.json import render_json
from consentry.report.sarif import render_sarif
from consentry.report.text import render_text

__all__ = ["render_github", "render_html", "render_json", "render_sarif", "render_text"]
