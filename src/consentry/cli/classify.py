"""`consentry classify`: read inbound texts the way the ledger service will."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from consentry.cli.app import app

if TYPE_CHECKING:
    from consentry.ledger.keywords import Classification, KeywordSets


class Format(StrEnum):
    text = "text"
    json = "json"


def _keywords(path: Path | None) -> KeywordSets:
    from consentry.campaign import load_campaign
    from consentry.ledger.config import LedgerConfig
    from consentry.ledger.keywords import DEFAULT_KEYWORDS

    if path is None:
        return DEFAULT_KEYWORDS
    return LedgerConfig.from_campaign(load_campaign(path)).keywords


def _as_json(text: str, found: Classification) -> dict[str, Any]:
    from consentry.ledger.business_days import add_business_days
    from consentry.ledger.model import Action

    out: dict[str, Any] = {"text": text, **found.as_json()}
    if found.action == Action.REVIEW:
        from datetime import UTC, datetime

        out["review_deadline"] = add_business_days(datetime.now(UTC), 10).isoformat()
    return out


def _as_text(found: Classification) -> str:
    keyword = f" {found.keyword}" if found.keyword else ""
    return f"{found.action}{keyword} ({found.confidence:.2f}): {found.reason}"


@app.command()
def classify(
    text: Annotated[
        str | None, typer.Argument(help="The inbound text, or - to read one text per stdin line.")
    ] = None,
    campaign: Annotated[
        Path | None, typer.Option(help="Campaign file whose own keywords count too.")
    ] = None,
    format: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="text or json [default: text; json with -]."),
    ] = None,
    pending: Annotated[
        bool,
        typer.Option(
            "--confirmation-pending", help="Treat YES as an opt-in (a confirmation is waiting)."
        ),
    ] = False,
) -> None:
    """Say whether an inbound text is an opt-out, opt-in, HELP, a possible revocation to
    review, or none of these.

    Example:

        consentry classify "Stop texting me please"

        consentry classify - < replies.txt > actions.jsonl
    """
    from consentry.errors import InputError
    from consentry.ledger.keywords import classify as run

    try:
        keywords = _keywords(campaign)
    except InputError as exc:
        typer.echo(exc.one_line(), err=True)
        raise typer.Exit(2) from None
    if text is None and sys.stdin.isatty():
        typer.echo("consentry classify: give a TEXT, or - to read texts from stdin", err=True)
        raise typer.Exit(2)
    if text is not None and text != "-":
        found = run(text, keywords, confirmation_pending=pending)
        if format == Format.json:
            typer.echo(json.dumps(_as_json(text, found), ensure_ascii=False))
        else:
            typer.echo(_as_text(found))
        return
    as_json = format != Format.text
    # Bytes, not text: one undecodable line must not stop the rest (it is shown repaired).
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        found = run(line, keywords, confirmation_pending=pending)
        if as_json:
            sys.stdout.write(json.dumps(_as_json(line, found), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(f"{found.action}\t{line}\n")
        sys.stdout.flush()
