"""The printable consent certificate: one number's record as a self-contained HTML page.

Written for a person (a carrier reviewer, a lawyer, the business owner): plain words first, the
fingerprints after. Everything from the ledger is autoescaped, since inbound texts and form
fields are untrusted.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from consentry.ledger.evidence import Evidence

__all__ = ["render_certificate"]

_LABELS = {
    "opt_in": "Opted in",
    "opt_out": "Opted out",
    "help_request": "Asked for help",
    "help_sent": "Help reply sent",
    "message_received": "Text received",
    "confirmation_requested": "Confirmation requested",
    "opt_in_confirmation_sent": "Opt-in confirmation sent",
    "opt_out_confirmation_sent": "Opt-out confirmation sent",
    "revocation_review": "Possible revocation queued for review",
    "review_resolved": "Review resolved",
    "consent_imported": "Imported from a consent list",
}
_STATES = {"opted_in": "Opted in", "opted_out": "Opted out", "unknown": "No consent on record"}


@lru_cache(maxsize=1)
def _env() -> Environment:
    # The default Undefined is what we want: a data key an event lacks renders as nothing.
    env = Environment(
        loader=FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def _fmt(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S UTC") if value else "—"


def render_certificate(evidence: Evidence, *, brand_name: str | None = None) -> str:
    template = _env().get_template("certificate.html.j2")
    return template.render(
        ev=evidence,
        brand_name=brand_name or evidence.brand,
        state_label=_STATES.get(evidence.state.state, evidence.state.state),
        labels=_LABELS,
        fmt=_fmt,
    )
