"""`consentry ringcentral ...`: connect a RingCentral account, keep its webhook alive, sync opt-outs."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consentry.cli.app import app, one_line_errors
from consentry.cli.ledger import Database

if TYPE_CHECKING:
    from consentry.ledger import Ledger
    from consentry.providers.ringcentral import RingCentralSettings, Subscription, SyncReport

ringcentral_app = typer.Typer(
    name="ringcentral",
    help=(
        "RingCentral: receive texts by webhook, answer STOP/HELP/START, keep RingCentral's "
        "opt-out list in step with the ledger. Set-up: docs/ringcentral.md.\n\n"
        "Example:\n\n    consentry ringcentral connect --webhook-url "
        "https://texts.example.com/v1/webhooks/ringcentral"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
subscription_app = typer.Typer(
    name="subscription",
    help="The webhook subscription RingCentral sends texts to.\n\n"
    "Example (daily, from cron):\n\n    consentry ringcentral subscription renew",
    no_args_is_help=True,
    rich_markup_mode=None,
)
ringcentral_app.add_typer(subscription_app)
app.add_typer(ringcentral_app)

Config = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="YAML or JSON file with a `ringcentral:` mapping; environment variables win over it.",
    ),
]
WebhookUrl = Annotated[
    str | None,
    typer.Option(
        "--webhook-url",
        help="Public https address of /v1/webhooks/ringcentral [default: $RINGCENTRAL_WEBHOOK_URL]",
    ),
]


class OutFormat(StrEnum):
    text = "text"
    json = "json"


def _settings(config: Path | None, webhook_url: str | None = None) -> RingCentralSettings:
    from consentry.providers.ringcentral import RingCentralSettings

    settings = RingCentralSettings.from_env(config_file=config, webhook_url=webhook_url)
    settings.require_credentials()
    return settings


def _until(sub: Subscription) -> str:
    return sub.expires_at.strftime("%Y-%m-%d %H:%M UTC") if sub.expires_at else "unknown"


@ringcentral_app.command("connect")
@one_line_errors
def connect(
    webhook_url: WebhookUrl = None,
    config: Config = None,
    recreate: Annotated[
        bool, typer.Option("--recreate", help="Delete our subscription and make a new one.")
    ] = False,
) -> None:
    """Sign in with the JWT, list the SMS numbers, and create or renew the webhook subscription.

    Safe to run again: an active subscription for the address is kept or renewed, not duplicated.

    Example:

        consentry ringcentral connect --webhook-url https://texts.example.com/v1/webhooks/ringcentral
    """
    import secrets

    from consentry.providers.ringcentral import RingCentralClient

    settings = _settings(config, webhook_url=webhook_url)
    generated = None
    if settings.webhook_url and not settings.verification_token:
        generated = secrets.token_urlsafe(24)
        settings = settings.with_(verification_token=generated)
    with RingCentralClient(settings) as client:
        client.login()
        info = client.extension_info()
        account = (info.get("account") or {}).get("id", "?")
        name = info.get("name") or "?"
        typer.echo(
            f"Signed in to RingCentral: {name} (ext. {info.get('extensionNumber', '?')}), "
            f"account {account}"
        )
        numbers = client.phone_numbers()
        sms = [n for n in numbers if n.sms]
        for number in sorted(numbers, key=lambda n: not n.sms):
            can = "can text" if number.sms else "no SMS"
            typer.echo(f"  {number.phone_number}  {number.usage_type or '':<22} {can}")
        if not sms:
            typer.echo(
                "No number of this extension can send SMS yet: register your brand and campaign "
                "(10DLC) or verify your toll-free number in the RingCentral admin portal."
            )
        if not settings.webhook_url:
            typer.echo(
                "No webhook address: run again with --webhook-url "
                "https://YOUR-SERVICE/v1/webhooks/ringcentral"
            )
            return
        token = settings.verification_token or ""
        # A new token must go with a new subscription, or texts would arrive with the old one.
        ensured = client.ensure_subscription(
            settings.webhook_url, token, recreate=recreate or generated is not None
        )
    sub = ensured.subscription
    typer.echo(
        f"Webhook subscription {ensured.action}: {sub.id} -> {settings.webhook_url} "
        f"({sub.status or 'Active'} until {_until(sub)})"
    )
    if generated:
        typer.echo(
            "\nNew verification token. Put this line in the environment of the consentry service "
            "and restart it now (texts are refused until you do):\n"
        )
        typer.echo(f"RINGCENTRAL_VERIFICATION_TOKEN={generated}")
    typer.echo("\nKeep the subscription alive with a daily cron job:")
    typer.echo("  consentry ringcentral subscription renew")


@subscription_app.command("renew")
@one_line_errors
def renew(webhook_url: WebhookUrl = None, config: Config = None) -> None:
    """Renew the webhook subscription if it ends within a day; re-create it if it is gone or
    blacklisted. Run daily from cron.

    Example:

        0 4 * * *  consentry ringcentral subscription renew
    """
    from consentry.providers.ringcentral import RingCentralClient

    settings = _settings(config, webhook_url=webhook_url)
    address, token = settings.require_webhook()
    with RingCentralClient(settings) as client:
        ensured = client.ensure_subscription(address, token)
    sub = ensured.subscription
    typer.echo(f"Subscription {ensured.action}: {sub.id} -> {address} (until {_until(sub)})")


@ringcentral_app.command("simulate")
@one_line_errors
def simulate(
    text: Annotated[str, typer.Argument(help="What the customer texts, e.g. STOP or HELP.")],
    from_: Annotated[str, typer.Option("--from", help="The customer's number.")],
    endpoint: Annotated[
        str, typer.Option(help="Base address of the consentry service, e.g. http://127.0.0.1:8000")
    ],
    to: Annotated[
        str, typer.Option(help="Your business number the text was sent to.")
    ] = "+15125550100",
    message_id: Annotated[
        str | None,
        typer.Option(help="RingCentral's message id; repeat one to test a redelivery."),
    ] = None,
    config: Config = None,
) -> None:
    """Post the notification RingCentral would send for an inbound text, with your
    verification token, to try the whole path without a RingCentral account.

    Example:

        consentry ringcentral simulate STOP --from 5124470198 --endpoint http://127.0.0.1:8000
    """
    import secrets
    from datetime import UTC, datetime

    import httpx

    from consentry.errors import InputError
    from consentry.ledger.phone import normalize_phone
    from consentry.providers.ringcentral import RingCentralSettings

    token = RingCentralSettings.from_env(config_file=config).verification_token
    if not token:
        raise InputError(
            "is not set; use the same value as the service",
            source="environment",
            key="RINGCENTRAL_VERIFICATION_TOKEN",
        )
    now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    # The documented shape of an instant SMS notification (docs/ringcentral.md).
    notification = {
        "uuid": secrets.token_hex(8),
        "event": "/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS",
        "timestamp": now,
        "subscriptionId": "simulated",
        "ownerId": "simulated",
        "body": {
            "id": message_id or str(secrets.randbelow(10**12)),
            "to": [{"phoneNumber": normalize_phone(to, key="to")}],
            "from": {"phoneNumber": normalize_phone(from_, key="from")},
            "type": "SMS",
            "creationTime": now,
            "direction": "Inbound",
            "subject": text,
            "messageStatus": "Received",
        },
    }
    url = endpoint.rstrip("/") + "/v1/webhooks/ringcentral"
    try:
        resp = httpx.post(url, json=notification, headers={"Verification-Token": token}, timeout=10)
    except httpx.HTTPError as exc:
        raise InputError(f"cannot reach {url} ({type(exc).__name__})", key="endpoint") from None
    typer.echo(f"{resp.status_code} {resp.text.strip()}")
    raise typer.Exit(0 if resp.status_code == 200 else 1)


def _open_ledger(database: str | None, brand: str | None) -> Ledger:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    from consentry.errors import InputError
    from consentry.ledger import Ledger, LedgerConfig
    from consentry.ledger.database import normalize_url

    url = normalize_url(database)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database or ""
        if path not in ("", ":memory:") and not Path(path).exists():
            raise InputError(
                "no ledger here yet; create it with `consentry ledger init`", source=path
            )
    try:
        return Ledger(url, config=LedgerConfig(brand=brand or "default"), migrate=False)
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "unreachable"
        raise InputError(f"cannot open the database: {reason}", key="database") from None


_KIND = {
    "rc_only": "on RingCentral's opt-out list only",
    "ledger_only": "opted out in the ledger only",
    "disagree": "ledger and RingCentral disagree",
}


def _print_report(report: SyncReport, *, pull: bool, push: bool) -> None:
    typer.echo(f"RingCentral SMS opt-out list vs the ledger (brand {report.brand}):")
    typer.echo(
        f"  ledger: {report.ledger_opted_out} opted out, {report.ledger_opted_in} opted in; "
        f"RingCentral: {report.ringcentral_opted_out} opted out, "
        f"{report.ringcentral_opted_in} opted back in"
    )
    if report.in_step:
        typer.echo("  In step: nothing to do.")
    for diff in report.differences:
        fix = "--pull records the opt-out here" if diff.fix == "pull" else "--push sends it"
        theirs = diff.ringcentral or "not listed"
        typer.echo(
            f"  {diff.phone}  {_KIND[diff.kind]} (ledger {diff.ledger}, RingCentral {theirs}): "
            f"{fix}"
        )
    if report.skipped:
        typer.echo(f"  {report.skipped} RingCentral records skipped (not a valid phone number).")
    if report.dry_run:
        typer.echo("Dry run: nothing changed.")
        return
    if pull:
        typer.echo(f"Pulled {report.pulled} opt-outs into the ledger.")
    if push:
        typer.echo(f"Pushed {report.pushed} opt-outs to RingCentral.")
    for failure in report.failures:
        typer.echo(f"  RingCentral refused {failure.to}: {failure.message}", err=True)
    if not (pull or push) and not report.in_step:
        typer.echo("Nothing changed; add --pull and/or --push to fix. Opt-outs always win.")


@ringcentral_app.command("sync")
@one_line_errors
def sync(
    database: Database = None,
    push: Annotated[
        bool, typer.Option("--push", help="Send the ledger's opt-outs to RingCentral.")
    ] = False,
    pull: Annotated[
        bool, typer.Option("--pull", help="Record RingCentral's opt-outs in the ledger.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only report; change nothing.")
    ] = False,
    format: Annotated[OutFormat, typer.Option("--format", "-f")] = OutFormat.text,
    brand: Annotated[str | None, typer.Option(help="Brand id [default: default].")] = None,
    config: Config = None,
) -> None:
    """Compare RingCentral's SMS opt-out list with the ledger; --pull and --push fix the
    differences (an opt-out always wins over an opt-in). Exit 1 if RingCentral refused records.

    Example:

        consentry ringcentral sync --pull --push
    """
    from consentry.providers.ringcentral import RingCentralClient, sync_consents

    settings = _settings(config)
    ledger = _open_ledger(database, brand)
    try:
        with RingCentralClient(settings) as client:
            report = sync_consents(ledger, client, pull=pull, push=push, dry_run=dry_run)
    finally:
        ledger.close()
    if format == OutFormat.json:
        typer.echo(json.dumps(report.as_json(), indent=2))
    else:
        _print_report(report, pull=pull, push=push)
    raise typer.Exit(1 if report.failures else 0)
