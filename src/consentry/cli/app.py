"""The Typer application every command module registers on."""

from __future__ import annotations

import typer

__all__ = ["app"]

app = typer.Typer(
    name="consentry",
    help=(
        "Get a US A2P 10DLC texting campaign approved the first time, and keep it compliant.\n\n"
        "Example:\n\n    consentry lint campaign.yaml"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
