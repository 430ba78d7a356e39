"""`consentry scan`: check a website (or a folder of saved pages) on its own."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from consentry.cli.app import app
from consentry.cli.lint import Format, Level
from consentry.cli.output import emit, exit_code, split_codes


@app.command()
def scan(
    target: Annotated[str, typer.Argument(help="A website URL, or a folder of saved HTML pages.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    max_pages: Annotated[int, typer.Option(help="Most pages to fetch.")] = 30,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow private, loopback and link-local hosts.")
    ] = False,
    render: Annotated[
        bool,
        typer.Option("--render", help="Load pages in headless Chromium (forms built by script)."),
    ] = False,
    fail_on: Annotated[
        Level, typer.Option(help="Exit 1 on findings at or above this level.")
    ] = Level.error,
    select: Annotated[
        str | None, typer.Option(help="Only these rules (codes, prefixes or names).")
    ] = None,
    ignore: Annotated[
        str | None, typer.Option(help="Skip these rules (codes, prefixes or names).")
    ] = None,
) -> None:
    """Check a website the way a carrier reviewer does.

    Finds every form that takes a phone number and checks its SMS checkbox (unchecked, optional,
    about texts only, full disclosure), the privacy policy's no-sharing clause and the SMS terms.
    Private and loopback addresses are refused unless --allow-private is given.

    Example:

        consentry scan https://www.example.com

        consentry scan ./saved-pages --format json
    """
    from consentry.campaign.model import Campaign, LoadedCampaign
    from consentry.errors import InputError
    from consentry.lint.engine import lint_campaign
    from consentry.lint.registry import select_rules
    from consentry.lint.rule import Scope
    from consentry.site import crawl_site, load_folder

    rules = [
        r
        for r in select_rules(select=split_codes(select), ignore=split_codes(ignore))
        if r.scope is Scope.SITE
    ]
    if Path(target).is_dir():
        snapshot = load_folder(target)
    elif Path(target).exists():
        raise InputError("is a file; give a website URL or a folder of saved pages", source=target)
    else:
        if max_pages < 1:
            raise InputError("--max-pages must be at least 1", source=target)
        url = target if "://" in target else f"https://{target}"
        snapshot = crawl_site(
            [url], max_pages=max_pages, allow_private=allow_private, render=render
        )
    if not snapshot.pages:
        problem = snapshot.problems[0].message if snapshot.problems else "no HTML pages found"
        raise InputError(f"could not read the website: {problem}", source=target)
    site_only = LoadedCampaign(Campaign(), source=target)
    result = lint_campaign(site_only, rules=rules, site=snapshot)
    emit([result], format.value, output, rules)
    raise typer.Exit(exit_code([result], fail_on.value))
