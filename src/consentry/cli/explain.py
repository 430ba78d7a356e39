"""`consentry explain`: a reviewer's rejection notice as a plain-language, checked to-do list."""

from __future__ import annotations

import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from consentry.cli.app import app

MAX_NOTICE_BYTES = 1_000_000


class ExplainFormat(StrEnum):
    text = "text"
    json = "json"


def _looks_like_path(value: str) -> bool:
    return not re.search(r"\s", value) and bool(re.search(r"[/\\]|\.[A-Za-z]{1,5}$", value))


def _read_notice(notice: str | None) -> tuple[str, str]:
    """The notice text and where it came from; raises InputError for unusable input."""
    from consentry.errors import InputError

    if notice is None or notice == "-":
        if notice is None and sys.stdin.isatty():
            raise InputError("give the notice text, a file, or '-' to read it from standard input")
        return sys.stdin.read(MAX_NOTICE_BYTES + 1), "<stdin>"
    if not notice.strip():
        raise InputError("the notice is empty; paste the reviewer's text or codes")
    path = Path(notice)
    try:
        is_file, exists = path.is_file(), path.exists()
    except (OSError, ValueError):  # a long literal notice is not a valid path on every system
        is_file = exists = False
    if is_file:
        try:
            data = path.read_bytes()[: MAX_NOTICE_BYTES + 1]
        except OSError as exc:
            raise InputError(f"cannot read the file ({exc.strerror})", source=notice) from None
        return data.decode("utf-8", errors="replace"), notice
    if exists and not is_file:
        raise InputError("is a folder, not a notice file", source=notice)
    if _looks_like_path(notice) and not exists:
        raise InputError("no such file; to explain a literal notice, quote its text", source=notice)
    return notice, "<argument>"


@app.command()
def explain(
    notice: Annotated[
        str | None,
        typer.Argument(
            help="The notice text, a file holding it, or '-' for standard input.",
            show_default=False,
        ),
    ] = None,
    campaign: Annotated[
        Path | None,
        typer.Option("--campaign", "-c", help="Check each requirement against this campaign file."),
    ] = None,
    format: Annotated[
        ExplainFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExplainFormat.text,
) -> None:
    """Turn a rejection notice into plain-language requirements, and check them.

    Understands DCA/TCR decline text as RingCentral, Twilio, Telnyx, Bandwidth and AWS forward
    it, and bare codes such as 861, 30909 or OPT_IN_WORKFLOW_NON_COMPLIANT_HELP_STOP. With
    --campaign, each requirement is marked met or unmet by consentry's rules, followed by the
    other errors a reviewer will reject next. Exit status is 0 (explain is advice; use
    `consentry lint` as the gate), or 2 for unusable input.

    Example:

        consentry explain "DCA2 declined ... (861)" --campaign campaign.yaml

        pbpaste | consentry explain - --format json
    """
    from consentry.campaign import load_campaign
    from consentry.errors import InputError
    from consentry.explain import explain as run_explain

    try:
        text, source = _read_notice(notice)
        if len(text.encode("utf-8", errors="replace")) > MAX_NOTICE_BYTES:
            raise InputError(
                "the notice is larger than 1 MB; paste only the reviewer's text", source=source
            )
        if not text.strip():
            raise InputError(
                "the notice is empty; paste the reviewer's text or codes", source=source
            )
        loaded = load_campaign(campaign) if campaign is not None else None
    except InputError as exc:
        print(exc.one_line(), file=sys.stderr)
        raise typer.Exit(2) from None
    result = run_explain(text, loaded)
    out = result.to_json() if format is ExplainFormat.json else result.to_text()
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
