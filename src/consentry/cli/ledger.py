"""`consentry ledger ...`: set up, check, export and import the consent ledger from the shell."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consentry.cli.app import app

if TYPE_CHECKING:
    from consentry.ledger import Ledger

ledger_app = typer.Typer(
    name="ledger",
    help=(
        "The consent ledger: evidence of every opt-in and opt-out, in a tamper-evident log.\n\n"
        "Example:\n\n    consentry ledger init --database consentry.db"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
keys_app = typer.Typer(
    name="keys",
    help="API keys for the ledger service.\n\nExample:\n\n    consentry ledger keys create --name website",
    no_args_is_help=True,
    rich_markup_mode=None,
)
ledger_app.add_typer(keys_app)
app.add_typer(ledger_app)

Database = Annotated[
    str | None,
    typer.Option(
        "--database",
        "-d",
        help="sqlite:///FILE, a file path, or postgresql://... "
        "[default: $CONSENTRY_DATABASE_URL or ./consentry.db]",
    ),
]


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"
    html = "html"


class OutFormat(StrEnum):
    text = "text"
    json = "json"


class Layout(StrEnum):
    auto = "auto"
    ringcentral = "ringcentral"
    twilio = "twilio"
    generic = "generic"


class Status(StrEnum):
    opt_in = "opt-in"
    opt_out = "opt-out"


@contextmanager
def _user_errors() -> Iterator[None]:
    """Input problems become one line and exit 2, never a traceback."""
    from consentry.errors import ConsentryError, InputError

    try:
        yield
    except InputError as exc:
        typer.echo(exc.one_line(), err=True)
        raise typer.Exit(2) from None
    except ConsentryError as exc:
        typer.echo(f"consentry: {exc}", err=True)
        raise typer.Exit(2) from None


def _open(database: str | None, *, create: bool = False) -> Ledger:
    """Open an existing ledger (or create one with `create`)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    from consentry.errors import InputError
    from consentry.ledger import Ledger
    from consentry.ledger.database import normalize_url

    url = normalize_url(database)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not create:
        path = parsed.database or ""
        if path not in ("", ":memory:") and not Path(path).exists():
            raise InputError(
                "no ledger here yet; create it with `consentry ledger init`", source=path
            )
    try:
        return Ledger(url, migrate=create)
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "unreachable"
        raise InputError(f"cannot open the database: {reason}", key="database") from None


@ledger_app.command("init")
def init(database: Database = None) -> None:
    """Create the ledger (or bring its tables up to date). Safe to run again.

    Example:

        consentry ledger init --database postgresql://user@db.example.com/consent
    """
    with _user_errors():
        ledger = _open(database, create=True)
        url = ledger.engine.url.render_as_string(hide_password=True)
        ledger.close()
    typer.echo(f"Ledger ready: {url}")


@ledger_app.command("verify")
def verify(
    database: Database = None,
    format: Annotated[OutFormat, typer.Option("--format", "-f")] = OutFormat.text,
    state: Annotated[
        bool, typer.Option("--state", help="Also check the state table against the events.")
    ] = False,
) -> None:
    """Walk the hash chain; exit 1 and name the first bad event if it is broken.

    Example:

        consentry ledger verify --database consentry.db
    """
    with _user_errors():
        ledger = _open(database)
        report = ledger.verify()
        checked = ledger.check_state() if state else None
        ledger.close()
    broken = not report.ok or (checked is not None and not checked.ok)
    if format == OutFormat.json:
        data = report.as_json()
        if checked is not None:
            data["state_ok"] = checked.ok
        typer.echo(json.dumps(data))
    elif report.ok:
        typer.echo(f"OK: {report.events} events, chain intact (head {report.head_hash[:16]}...)")
    else:
        typer.echo(f"BROKEN: {report.message}", err=True)
        typer.echo("Restore the database from a backup taken before that event.", err=True)
    if checked is not None and not checked.ok and format == OutFormat.text:
        typer.echo(
            f"STATE differs from the events ({checked.missing} missing, {checked.extra} extra, "
            f"{checked.different} different rows); fix with `consentry ledger rebuild-state`.",
            err=True,
        )
    raise typer.Exit(1 if broken else 0)


@ledger_app.command("export")
def export(
    phone: Annotated[str, typer.Argument(help="The number, in any US format.")],
    database: Database = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
    brand: Annotated[str | None, typer.Option(help="Brand id [default: default].")] = None,
) -> None:
    """One number's full history with proof: JSON, CSV, or a printable HTML certificate.

    Example:

        consentry ledger export "(512) 447-0198" --format html --output consent.html
    """
    with _user_errors():
        ledger = _open(database)
        text = ledger.export(phone, format.value, brand=brand)
        ledger.close()
        if output is None:
            sys.stdout.write(text)
        else:
            try:
                output.write_text(text, encoding="utf-8")
            except OSError as exc:
                from consentry.errors import InputError

                raise InputError(f"cannot write ({exc.strerror})", source=str(output)) from None
            typer.echo(f"Wrote {output}", err=True)


@ledger_app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="CSV export of opt-ins/opt-outs.")],
    database: Database = None,
    layout: Annotated[Layout, typer.Option(help="Column layout.")] = Layout.auto,
    status: Annotated[
        Status | None, typer.Option(help="Status of every row, for lists without a status column.")
    ] = None,
    brand: Annotated[str | None, typer.Option(help="Brand id [default: default].")] = None,
    campaign: Annotated[
        str | None, typer.Option(help="Campaign id for rows that name none.")
    ] = None,
) -> None:
    """Load opt-in / opt-out lists (RingCentral or Twilio exports, or any CSV with phone and
    status columns) as import events. Importing the same file twice adds nothing.

    Example:

        consentry ledger import ringcentral-consents.csv

        consentry ledger import old-optouts.csv --status opt-out
    """
    with _user_errors():
        ledger = _open(database, create=True)
        try:
            report = ledger.import_file(
                file,
                layout=layout.value,
                status=status.value if status else None,
                brand=brand,
                campaign=campaign,
            )
        finally:
            ledger.close()
    typer.echo(
        f"Imported {report.imported} of {report.rows} rows from {file} ({report.layout} layout): "
        f"opt-outs {report.opted_out}, opt-ins {report.opted_in}; "
        f"{report.duplicates} were already in the ledger."
    )


@ledger_app.command("rebuild-state")
def rebuild_state(database: Database = None) -> None:
    """Recompute every number's current state from the events (after a restore or a crash).

    Example:

        consentry ledger rebuild-state --database consentry.db
    """
    with _user_errors():
        ledger = _open(database)
        rows = ledger.rebuild_state()
        ledger.close()
    typer.echo(f"State rebuilt from the events: {rows} numbers.")


@keys_app.command("create")
def keys_create(
    database: Database = None,
    name: Annotated[
        str | None, typer.Option(help="A label, e.g. the site or app using it.")
    ] = None,
    scope: Annotated[
        list[str] | None,
        typer.Option(
            "--scope",
            help="record (consents, opt-outs, inbound), read (state, evidence, verify) or "
            "check (send-check); repeat for several. Default: all.",
        ),
    ] = None,
) -> None:
    """Print a new API key for the ledger service. Only its hash is stored: copy it now.

    Example:

        consentry ledger keys create --name website --scope record
    """
    with _user_errors():
        ledger = _open(database, create=True)
        try:
            key = ledger.create_api_key(name, scope or None)
        finally:
            ledger.close()
    typer.echo(key.token)
    typer.echo(
        f"Key {key.key_id} ({key.name}, scopes: {' '.join(key.scopes)}) created. It is shown "
        "only once; send it as 'Authorization: Bearer <key>'.",
        err=True,
    )
