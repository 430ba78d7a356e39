"""`consentry rules` and `consentry rule CODE`: the rule catalogue, from the rules' metadata."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from consentry.cli.app import app


class RulesFormat(StrEnum):
    table = "table"
    json = "json"


class RuleFormat(StrEnum):
    md = "md"
    json = "json"


_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


@app.command("rules")
def rules_command(
    format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="table for people, json for scripts.")
    ] = RulesFormat.table,
) -> None:
    """List every rule: code, name, severity and what it checks.

    The JSON is a list of objects with code, name, severity, summary, why, fix, sources (URLs),
    carrier_codes, outcome, scope, fields, refs and source_titles.

    Example:

        consentry rules

        consentry rules --format json | jq -r '.[] | select(.severity == "error") | .code'
    """
    from consentry.lint.registry import all_rules
    from consentry.report.docs import rule_dict

    rules = all_rules()
    if format is RulesFormat.json:
        typer.echo(json.dumps([rule_dict(r) for r in rules], indent=2, ensure_ascii=False))
        return

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"consentry rules ({len(rules)})", title_justify="left")
    table.add_column("Code", no_wrap=True)
    table.add_column("Name", no_wrap=True)
    table.add_column("Severity", no_wrap=True)
    table.add_column("What it checks", ratio=1)
    for i, r in enumerate(rules):
        if i and r.family != rules[i - 1].family:
            table.add_section()  # a line between families
        sev = r.severity.value
        table.add_row(r.code, r.name, Text(sev, style=_SEVERITY_STYLE[sev]), Text(r.summary))
    Console(highlight=False, emoji=False, markup=False).print(table)


@app.command("rule")
def rule_command(
    code: Annotated[str, typer.Argument(help="A rule code (CTA004) or name.")],
    format: Annotated[
        RuleFormat, typer.Option("--format", "-f", help="md (the docs page) or json.")
    ] = RuleFormat.md,
) -> None:
    """Show one rule's page: what it checks, why it matters, how to fix it, and its sources.

    Example:

        consentry rule CTA004

        consentry rule cta-missing-message-frequency --format json
    """
    from consentry.lint.registry import get_rule
    from consentry.report.docs import rule_dict, rule_markdown

    found = get_rule(code)
    if found is None:
        typer.echo(f"consentry: no rule {code!r}; `consentry rules` lists them all", err=True)
        raise typer.Exit(2)
    if format is RuleFormat.json:
        typer.echo(json.dumps(rule_dict(found), indent=2, ensure_ascii=False))
    else:
        typer.echo(rule_markdown(found), nl=False)
