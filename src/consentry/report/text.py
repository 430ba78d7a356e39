"""`--format text`: the terminal report (Rich). Readable with colour off: every severity and
verdict is spelled out, colour only repeats it."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from consentry.lint.finding import Finding, LintResult
from consentry.report.grouping import (
    VERDICT_WORDS,
    FieldGroup,
    counts_text,
    group_by_field,
    summary_text,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

__all__ = ["render_text"]

WIDTH = 100
_VERDICT_STYLE = {"ready": "bold green", "needs_changes": "bold yellow", "not_eligible": "bold red"}
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _body(f: Finding) -> Text:
    from rich.text import Text

    body = Text(f.message)
    if f.location.url:
        body.append(f"\nat {f.location.url}", style="dim")
        if f.location.selector:
            body.append(f" ({f.location.selector})", style="dim")
    if f.fix:
        body.append("\nFix: ", style="bold green")
        body.append(f.fix)
    if f.carrier_codes:
        body.append("\nReviewer codes: " + ", ".join(f.carrier_codes), style="dim")
    return body


def _group(console: Console, group: FieldGroup) -> None:
    from rich.table import Table
    from rich.text import Text

    console.print()
    title = Text("  ")
    title.append(group.field, style="bold underline")
    if group.line is not None:
        title.append(f"  line {group.line}", style="dim")
    console.print(title)
    # A grid gives each finding a hanging indent: wrapped lines stay under the message.
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(width=3)
    grid.add_column(width=7, no_wrap=True)
    grid.add_column(width=6, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for f in group.findings:
        sev = f.severity.value
        grid.add_row(
            "", Text(sev, style=_SEVERITY_STYLE[sev]), Text(f.code, style="bold"), _body(f)
        )
    console.print(grid)


def render_text(results: Sequence[LintResult], *, color: bool) -> str:
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=WIDTH,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for i, result in enumerate(results):
        if i:
            console.print()
        verdict = result.verdict
        header = Text(result.input, style="bold")
        header.append("  ")
        header.append(VERDICT_WORDS[verdict].upper(), style=_VERDICT_STYLE[verdict])
        header.append(f"  {counts_text(result.counts)}")
        console.print(header)
        for group in group_by_field(result.findings):
            _group(console, group)
        if not result.findings:
            console.print(Text("  No findings: nothing a reviewer would reject.", style="green"))
    if results:
        console.print()
    console.print(Text(summary_text(results), style="bold"))
    # Grid cells are padded to their width; trailing blanks help nobody.
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
