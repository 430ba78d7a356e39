"""`consentry twilio check`: do the credentials work, and do the numbers text this service?"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from consentry.cli.app import app, one_line_errors

twilio_app = typer.Typer(
    name="twilio",
    help=(
        "Twilio: check the account and where its numbers send incoming texts.\n\n"
        "Example:\n\n    TWILIO_ACCOUNT_SID=AC... TWILIO_AUTH_TOKEN=... consentry twilio check"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(twilio_app)

# Where the service's route listens (src/consentry/web/webhooks.py).
WEBHOOK_PATH = "/v1/webhooks/twilio"


@twilio_app.command("check")
@one_line_errors
def check(
    webhook_url: Annotated[
        str | None,
        typer.Option(
            "--webhook-url",
            help="The URL the numbers should send texts to "
            f"[default: $TWILIO_PUBLIC_URL{WEBHOOK_PATH}]",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Sign in with TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN and list the account's numbers with
    their incoming-SMS webhook. Exits 1 when a number does not send its texts to this service."""
    from consentry.errors import InputError
    from consentry.providers.twilio_client import TwilioClient
    from consentry.providers.twilio_settings import ENV, TwilioSettings

    settings = TwilioSettings.from_env()
    if not settings.account_sid:
        raise InputError(f"is missing; set {ENV['account_sid']}", key=ENV["account_sid"])
    expected = webhook_url or (settings.public_url + WEBHOOK_PATH if settings.public_url else None)
    with TwilioClient.from_settings(settings) as client:
        numbers = client.incoming_numbers()
    rows = []
    for n in numbers:
        problem = ""
        if expected and n.sms_url.split("?")[0].rstrip("/") != expected.rstrip("/"):
            problem = f"texts go to {n.sms_url or 'nowhere'}, not {expected}"
        elif n.sms_url and n.sms_method.upper() not in ("", "POST"):
            problem = f"uses {n.sms_method}; set the method to HTTP POST"
        rows.append({**_row(n), "problem": problem})
    if as_json:
        print(json.dumps({"account_sid": settings.account_sid, "numbers": rows}, indent=2))
    else:
        print(f"Twilio account {settings.account_sid}: signed in, {len(rows)} number(s).")
        for row in rows:
            status = f"PROBLEM: {row['problem']}" if row["problem"] else "ok"
            print(f"  {row['phone_number']}  SMS webhook: {row['sms_url'] or '(none)'}  {status}")
        if any(r["problem"] for r in rows):
            print(
                "Fix: Twilio Console > Phone Numbers > Manage > Active numbers > (number) > "
                f"Messaging: 'A message comes in' = Webhook, {expected}, HTTP POST. Numbers in a "
                "Messaging Service use the service's Integration setting instead."
            )
    if any(r["problem"] for r in rows):
        raise typer.Exit(1)


def _row(number: object) -> dict[str, str]:
    keys = ("sid", "phone_number", "friendly_name", "sms_url", "sms_method")
    return {k: str(getattr(number, k)) for k in keys}
