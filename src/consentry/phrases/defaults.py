"""Messaging providers' built-in keyword replies, which owners often file as their own.

Twilio answers STOP and HELP itself when it manages opt-outs (the default of every Messaging
Service), with these texts; filings copy them into the registration's opt-out and HELP fields.
They name no business, yet judged filings carrying them were approved, so rules that require the
brand or a contact in those replies report them as warnings (see OUT001, HLP001, HLP002).
"""

from __future__ import annotations

from consentry.phrases.normalize import normalize

__all__ = ["provider_default_reply"]

# (provider, normalized opening of its default reply)
_DEFAULTS: tuple[tuple[str, str], ...] = (
    (
        "Twilio",
        normalize(
            "You have successfully been unsubscribed. You will not receive any more messages "
            "from this number."
        ),
    ),
    ("Twilio", normalize("Reply STOP to unsubscribe. Msg&Data Rates May Apply.")),
    (
        "Twilio",
        normalize("You have successfully been re-subscribed to messages from this number."),
    ),
)


def provider_default_reply(text: str) -> str | None:
    """The provider whose built-in STOP/HELP/START reply `text` is (or starts with), else None."""
    if not text:
        return None
    low = normalize(text)
    return next((name for name, opening in _DEFAULTS if low.startswith(opening)), None)
