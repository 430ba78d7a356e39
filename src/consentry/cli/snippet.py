"""`consentry snippet`: the <script> tag a site pastes to keep proof of SMS consent."""

from __future__ import annotations

from typing import Annotated

import typer

from consentry.cli.app import app


@app.command()
def snippet(
    site_key: Annotated[
        str,
        typer.Option(
            "--site-key",
            help="The site's publishable key (csp_...) from `consentry ledger sites list`.",
        ),
    ],
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint", help="The consentry service's address, like https://consent.example.com."
        ),
    ],
    external: Annotated[
        bool,
        typer.Option(
            "--external",
            help="Load the script from the service (one short line) instead of pasting it whole.",
        ),
    ] = False,
) -> None:
    """Print the <script> tag that records SMS consent ticked on your website's forms.

    Paste it just before </body> on every page with a form. When someone ticks your SMS checkbox
    and sends the form, the exact words shown next to the box are saved in your consent ledger.
    The form itself is never blocked or slowed down, even when the service is down.

    Example:

        consentry snippet --site-key csp_123 --endpoint https://consent.example.com
    """
    from consentry.snippet import render_snippet

    typer.echo(render_snippet(site_key, endpoint, inline=not external))
