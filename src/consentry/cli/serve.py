"""`consentry serve`: the consent service (HTTP API, provider webhooks, website capture)."""

from __future__ import annotations

import logging
import os
from typing import Annotated

import typer

from consentry.cli.app import app
from consentry.cli.ledger import Database


@app.command("serve")
def serve(
    database: Database = None,
    campaign: Annotated[
        str | None,
        typer.Option(help="The campaign file whose approved replies and keywords to use."),
    ] = None,
    config: Annotated[
        str | None,
        typer.Option(help="YAML/JSON with service, twilio and ringcentral sections."),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Worker processes (use PostgreSQL for several).")
    ] = 1,
    log_level: Annotated[str, typer.Option(help="debug, info, warning or error.")] = "info",
) -> None:
    """Run the consent service.

    Example:

        consentry ledger keys create --name website
        consentry serve --database consentry.db --campaign campaign.yaml --port 8000

    Then open http://127.0.0.1:8000/docs for the API.
    """
    import uvicorn

    from consentry.errors import InputError
    from consentry.ledger.database import normalize_url
    from consentry.web.app import create_app
    from consentry.web.config import load_service

    level = log_level.upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise InputError("use debug, info, warning or error", key="--log-level")
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    url = normalize_url(database)
    # Open once here so a wrong database, campaign or config is one line, before any worker.
    ledger, settings = load_service(database=url, campaign=campaign, config=config)
    typer.echo(f"consentry: serving on http://{host}:{port} (API docs at /docs)", err=True)
    # uvicorn's own access log prints whole paths, which contain phone numbers; ours masks them.
    common = {
        "host": host,
        "port": port,
        "log_level": log_level.lower(),
        "access_log": False,
        "proxy_headers": settings.trust_proxy,
        "server_header": False,
    }
    if workers == 1:
        uvicorn.run(create_app(ledger, settings, close_ledger=True), **common)  # type: ignore[arg-type]
        return
    if url.startswith("sqlite"):
        # Measured (bench/inbound_bench.py): worker processes fight over SQLite's one write lock
        # and the service gets slower, not faster.
        typer.echo(
            "consentry: note: with SQLite, one worker is faster than several; use PostgreSQL "
            "for --workers above 1",
            err=True,
        )
    ledger.close()
    os.environ["CONSENTRY_DATABASE_URL"] = url
    os.environ["CONSENTRY_CAMPAIGN"] = campaign or ""
    os.environ["CONSENTRY_CONFIG"] = config or ""
    uvicorn.run("consentry.web.app:app_from_env", factory=True, workers=workers, **common)  # type: ignore[arg-type]
