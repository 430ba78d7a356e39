"""`consentry ledger keys list|revoke` and `consentry ledger sites ...`: who may talk to the service."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from consentry.cli.ledger import Database, OutFormat, _open, _user_errors, keys_app, ledger_app

sites_app = typer.Typer(
    name="sites",
    help=(
        "Websites whose forms may post consent through the snippet.\n\n"
        "Example:\n\n    consentry ledger sites create --name www --origin https://example.com"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
ledger_app.add_typer(sites_app)

Format = Annotated[OutFormat, typer.Option("--format", "-f")]


@keys_app.command("list")
def keys_list(database: Database = None, format: Format = OutFormat.text) -> None:
    """List API keys (never the keys themselves: only their ids, names and scopes)."""
    with _user_errors():
        ledger = _open(database)
        try:
            keys = ledger.api_keys()
        finally:
            ledger.close()
    if format == OutFormat.json:
        rows = [
            {
                "key_id": k.key_id,
                "name": k.name,
                "scopes": list(k.scopes),
                "created_at": k.created_at.isoformat(),
                "revoked_at": k.revoked_at.isoformat() if k.revoked_at else None,
            }
            for k in keys
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    if not keys:
        typer.echo("No API keys yet; create one with `consentry ledger keys create`.")
    for k in keys:
        status = f"revoked {k.revoked_at:%Y-%m-%d}" if k.revoked_at else "active"
        typer.echo(f"{k.key_id}  {k.name:<20} {' '.join(k.scopes):<18} {status}")


@keys_app.command("revoke")
def keys_revoke(key_id: str, database: Database = None) -> None:
    """Revoke a key by its id (from `keys list`). The service stops accepting it within seconds."""
    with _user_errors():
        ledger = _open(database)
        try:
            done = ledger.revoke_api_key(key_id)
        finally:
            ledger.close()
    if not done:
        typer.echo(f"No active key {key_id!r}; see `consentry ledger keys list`.", err=True)
        raise typer.Exit(2)
    typer.echo(f"Key {key_id} revoked.")


@sites_app.command("create")
def sites_create(
    origin: Annotated[
        list[str],
        typer.Option(
            "--origin", help="Where your forms are, e.g. https://example.com (repeatable)."
        ),
    ],
    database: Database = None,
    name: Annotated[str | None, typer.Option(help="A label for the site.")] = None,
    campaign: Annotated[
        str | None, typer.Option(help="Campaign id to record these consents under.")
    ] = None,
    format: Format = OutFormat.text,
) -> None:
    """Register a website; prints its publishable key for `consentry snippet --site-key`.

    Example:

        consentry ledger sites create --name www --origin https://example.com --origin https://www.example.com
    """
    with _user_errors():
        ledger = _open(database, create=True)
        try:
            site = ledger.create_site(name, origin, campaign=campaign)
        finally:
            ledger.close()
    if format == OutFormat.json:
        typer.echo(json.dumps(site.as_json(), indent=2))
        return
    typer.echo(site.key)
    typer.echo(
        f"Site {site.site_id} ({site.name}) accepts forms from {', '.join(site.origins)}. "
        f"Next: consentry snippet --site-key {site.key} --endpoint https://<your service>",
        err=True,
    )


@sites_app.command("list")
def sites_list(database: Database = None, format: Format = OutFormat.text) -> None:
    """List registered websites and their publishable keys."""
    with _user_errors():
        ledger = _open(database)
        try:
            sites = ledger.sites()
        finally:
            ledger.close()
    if format == OutFormat.json:
        typer.echo(json.dumps([s.as_json() for s in sites], indent=2))
        return
    if not sites:
        typer.echo("No sites yet; add one with `consentry ledger sites create --origin URL`.")
    for s in sites:
        status = "revoked" if s.revoked_at else "active"
        typer.echo(f"{s.site_id}  {s.name:<20} {s.key}  {' '.join(s.origins)}  {status}")


@sites_app.command("revoke")
def sites_revoke(site_id: str, database: Database = None) -> None:
    """Stop accepting form submissions for a site (its key stops working at once)."""
    with _user_errors():
        ledger = _open(database)
        try:
            done = ledger.revoke_site(site_id)
        finally:
            ledger.close()
    if not done:
        typer.echo(f"No active site {site_id!r}; see `consentry ledger sites list`.", err=True)
        raise typer.Exit(2)
    typer.echo(f"Site {site_id} revoked.")
