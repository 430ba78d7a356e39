"""`consentry lint`: check campaign files (and their websites) against carrier rules."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from consentry.cli.app import app
from consentry.cli.output import emit, exit_code, split_codes


class Format(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    html = "html"
    github = "github"


class Level(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


@app.command()
def lint(
    paths: Annotated[
        list[str], typer.Argument(help="Campaign files (YAML/JSON) or folders of them.")
    ],
    site: Annotated[
        str | None, typer.Option(help="Check this website (URL or folder of saved pages) only.")
    ] = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="Never touch the network; skip website checks.")
    ] = False,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    fail_on: Annotated[
        Level | None,
        typer.Option(help="Exit 1 on findings at or above this level [default: error]."),
    ] = None,
    select: Annotated[
        str | None,
        typer.Option(help="Only these rules: codes, prefixes or names, comma-separated."),
    ] = None,
    ignore: Annotated[
        str | None,
        typer.Option(help="Skip these rules: codes, prefixes or names, comma-separated."),
    ] = None,
    config: Annotated[
        str | None, typer.Option(help="Settings file [default: .consentry.yaml if present].")
    ] = None,
    allow_private: Annotated[
        bool,
        typer.Option("--allow-private", help="Allow private and loopback hosts when scanning."),
    ] = False,
    max_pages: Annotated[int, typer.Option(help="Most pages to fetch per website.")] = 30,
    render: Annotated[
        bool,
        typer.Option("--render", help="Load pages in headless Chromium (forms built by script)."),
    ] = False,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", help="Worker processes for big batches (0: one per CPU)."),
    ] = 0,
) -> None:
    """Check campaign files against the carriers' rules, in plain words.

    Each finding says what a reviewer would reject, how to fix it and which reviewer codes
    (DCA 806, Twilio 30909, ...) it would trigger.

    Example:

        consentry lint campaign.yaml --offline

        consentry lint campaigns/ --format sarif --output consentry.sarif
    """
    from consentry.errors import InputError
    from consentry.lint.batch import BatchSettings, lint_files
    from consentry.lint.config import load_config
    from consentry.lint.discover import campaign_files
    from consentry.lint.finding import LintResult

    settings = load_config(config)
    batch = BatchSettings(
        select=split_codes(select) or settings.select,
        ignore=(*settings.ignore, *split_codes(ignore)),
        severity=settings.severity,
        site=site,
        offline=offline,
        allow_private=allow_private,
        max_pages=max_pages,
        render=render,
    )
    rules = batch.rules()  # selection errors surface here, before any work
    files = list(campaign_files(paths))
    results: list[LintResult] = []
    unusable = 0
    for (_path, named), outcome in zip(
        files, lint_files([f for f, _ in files], batch, jobs=jobs), strict=True
    ):
        if isinstance(outcome, InputError):
            if named and len(paths) == 1:
                raise outcome
            print(outcome.one_line(), file=sys.stderr)  # report it and go on: nothing else is lost
            unusable += 1
            continue
        results.append(outcome)
    if not results and not unusable:
        raise InputError("no campaign files found", source=", ".join(paths))
    emit(results, format.value, output, rules)
    code = exit_code(results, (fail_on.value if fail_on else None) or settings.fail_on or "error")
    raise typer.Exit(2 if unusable else code)
