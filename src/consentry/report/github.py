"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

Format: `::error file=F,line=L,col=C,title=T::MESSAGE`. Values are escaped as the Actions runner
expects (actions/toolkit `command.ts`): `%`, CR and LF everywhere, plus `:` and `,` in properties.
"""

from __future__ import annotations

from collections.abc import Sequence

from consentry.lint.finding import Finding, LintResult
from consentry.lint.rule import Severity

__all__ = ["annotation", "escape_data", "escape_property", "render_github"]

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def annotation(finding: Finding) -> str:
    loc = finding.location
    props: list[tuple[str, str]] = []
    # A page of the website is not a file in the repository: name it in the message instead.
    if loc.url is None:
        props.append(("file", loc.source))
        if loc.line is not None:
            props.append(("line", str(loc.line)))
            if loc.column is not None:
                props.append(("col", str(loc.column)))
    props.append(("title", f"{finding.code} {finding.name}"))
    # Site findings name the page; the field ("site") would add nothing.
    where = f"{loc.url}: " if loc.url else f"{finding.field}: "
    text = where + _sentence(finding.message)
    if finding.fix:
        text += f" Fix: {_sentence(finding.fix)}"
    if finding.carrier_codes:
        text += f" Reviewer codes: {', '.join(finding.carrier_codes)}."
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{_COMMAND[finding.severity]} {joined}::{escape_data(text)}"


def render_github(results: Sequence[LintResult]) -> str:
    lines = [annotation(f) for r in results for f in r.findings]
    return "".join(line + "\n" for line in lines)
