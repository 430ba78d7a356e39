"""Rule documentation generated from rule metadata: one Markdown page per rule and an index.

The pages are committed under docs/rules/ and checked for staleness in CI (as datasette and
sqlite-utils do with `cog --check`); `consentry rule CODE` prints the same page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from consentry.lint.rule import Outcome, Rule, Scope

__all__ = [
    "DOCS_BASE_URL",
    "check_rule_docs",
    "expected_rule_docs",
    "family_title",
    "md_escape",
    "rule_dict",
    "rule_doc_url",
    "rule_markdown",
    "rules_index_markdown",
    "write_rule_docs",
]

DOCS_BASE_URL = "https://github.com/consentry/consentry/blob/main/docs/rules/"
GENERATED = "<!-- Generated from the rule's metadata by scripts/gen_rule_docs.py; do not edit. -->"
REGENERATE = "python scripts/gen_rule_docs.py"  # also `make docs`

FAMILIES: dict[str, str] = {
    "BRD": "brand",
    "DSC": "description",
    "USE": "use case",
    "CTA": "call to action",
    "SMP": "samples",
    "CFM": "opt-in confirmation",
    "OUT": "opt-out message",
    "HLP": "help message",
    "KEY": "keywords",
    "FLG": "attributes",
    "CNT": "prohibited content",
    "TPL": "template text",
    "WEB": "website",
}
OUTCOME_WORDS = {Outcome.NEEDS_CHANGES: "needs changes", Outcome.NOT_ELIGIBLE: "not eligible"}
SCOPE_WORDS = {Scope.CAMPAIGN: "campaign file", Scope.SITE: "website"}
_PAGE = re.compile(r"^[A-Z]{3}\d{3}\.md$")
_CODE_SPAN = re.compile(r"(`[^`]*`)")


def rule_doc_url(code: str) -> str:
    return f"{DOCS_BASE_URL}{code}.md"


def family_title(prefix: str) -> str:
    """`CTA call to action`; an unknown family is just its prefix."""
    title = FAMILIES.get(prefix)
    return f"{prefix} {title}" if title else prefix


def md_escape(text: str, *, cell: bool = False) -> str:
    """Keep prose literal in Markdown: `<Brand>` must not vanish as an HTML tag. Code spans stay."""
    parts = _CODE_SPAN.split(text)
    for i in range(0, len(parts), 2):  # even items are outside backticks
        parts[i] = parts[i].replace("\\", "\\\\").replace("<", "\\<").replace("*", "\\*")
    out = "".join(parts)
    return out.replace("|", "\\|").replace("\n", " ") if cell else out


def rule_dict(rule: Rule) -> dict[str, Any]:
    """A rule as JSON (`consentry rules --format json`, CONTRACT §2 keys first)."""
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "why": rule.why,
        "fix": rule.fix,
        "sources": [s.url for s in rule.sources],
        "carrier_codes": list(rule.carrier_codes),
        "outcome": rule.outcome.value,
        "scope": rule.scope.value,
        "fields": list(rule.fields),
        "refs": list(rule.refs),
        "softened_when": rule.softened or None,
        "source_titles": [s.title for s in rule.sources],
        "url": rule_doc_url(rule.code),
    }


def _codes(values: Iterable[str]) -> str:
    return ", ".join(f"`{v}`" for v in values) or "—"


def rule_markdown(rule: Rule, examples: Sequence[str] = ()) -> str:
    """One rule's page. `examples` are ready-made Markdown blocks; without them there is no
    Examples section (the docs never read the test cases)."""
    rows = [
        ("Severity", rule.severity.value),
        ("Outcome", OUTCOME_WORDS[rule.outcome]),
        ("Scope", SCOPE_WORDS[rule.scope]),
        ("Fields", _codes(rule.fields)),
        ("Reviewer codes", md_escape(", ".join(rule.carrier_codes), cell=True) or "—"),
        ("rules.md refs", ", ".join(rule.refs) or "—"),
    ]
    lines = [f"# {rule.code} {rule.name}", "", GENERATED, "", "| | |", "| --- | --- |"]
    lines += [f"| {key} | {value} |" for key, value in rows]
    sections = [
        ("What it checks", md_escape(rule.summary)),
        ("Why it matters", md_escape(rule.why)),
        ("How to fix it", md_escape(rule.fix)),
    ]
    if rule.softened:
        sections.append(("When it is reported as a warning", md_escape(rule.softened)))
    if examples:
        sections.append(("Examples", "\n\n".join(e.strip() for e in examples)))
    for title, body in sections:
        lines += ["", f"## {title}", "", body]
    lines += ["", "## References", ""]
    lines += [f"- [{md_escape(s.title)}]({s.url}) ({md_escape(s.publisher)})" for s in rule.sources]
    if rule.carrier_codes:
        lines.append(f"- Reviewer codes: {md_escape(', '.join(rule.carrier_codes))}")
    if not rule.sources and not rule.carrier_codes:
        lines.append("None yet.")
    return "\n".join(lines) + "\n"


def _family_order(prefix: str) -> tuple[int, str]:
    known = list(FAMILIES)
    return (known.index(prefix), "") if prefix in FAMILIES else (len(known), prefix)


def rules_index_markdown(rules: Sequence[Rule]) -> str:
    """Every rule in a table per family, each linking to its page."""
    families = sorted({r.family for r in rules}, key=_family_order)
    lines = [
        "# Rules",
        "",
        GENERATED,
        "",
        f"consentry has {len(rules)} rules. Each page says what the rule checks, why reviewers "
        "care and how to fix it; `consentry rule CODE` prints the same page in a terminal.",
        "",
        "Severity: **error** means reviewers reject the campaign for it, **warning** is risky or "
        "best practice, **info** is for your information.",
    ]
    for family in families:
        lines += ["", f"## {family_title(family)}", ""]
        lines += ["| Code | Name | Severity | Summary |", "| --- | --- | --- | --- |"]
        for r in sorted((r for r in rules if r.family == family), key=lambda r: r.code):
            summary = md_escape(r.summary, cell=True)
            lines.append(f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity.value} | {summary} |")
    return "\n".join(lines) + "\n"


def expected_rule_docs(rules: Sequence[Rule] | None = None) -> dict[str, str]:
    """File name -> content of every generated page, `index.md` included."""
    if rules is None:
        from consentry.lint.registry import all_rules

        rules = all_rules()
    pages = {f"{r.code}.md": rule_markdown(r) for r in rules}
    pages["index.md"] = rules_index_markdown(rules)
    return pages


def _generated_files(out_dir: Path) -> set[str]:
    if not out_dir.is_dir():
        return set()
    return {p.name for p in out_dir.iterdir() if _PAGE.match(p.name) or p.name == "index.md"}


def write_rule_docs(out_dir: Path, rules: Sequence[Rule] | None = None) -> list[Path]:
    """Write every page (only when changed) and delete pages of rules that no longer exist.
    Returns the pages written."""
    pages = expected_rule_docs(rules)
    out_dir.mkdir(parents=True, exist_ok=True)
    for extra in sorted(_generated_files(out_dir) - set(pages)):
        (out_dir / extra).unlink()
    written = []
    for name, text in pages.items():
        path = out_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def check_rule_docs(out_dir: Path, rules: Sequence[Rule] | None = None) -> list[str]:
    """What is out of date in `out_dir`: one line per stale, missing or extra page."""
    pages = expected_rule_docs(rules)
    present = _generated_files(out_dir)
    problems = [f"{out_dir / name}: missing" for name in sorted(set(pages) - present)]
    problems += [f"{out_dir / name}: extra (no such rule)" for name in sorted(present - set(pages))]
    for name in sorted(present & set(pages)):
        if (out_dir / name).read_text(encoding="utf-8") != pages[name]:
            problems.append(f"{out_dir / name}: stale")
    return problems
