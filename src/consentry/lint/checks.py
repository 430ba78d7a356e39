"""Generic check types: most rules are one of these, configured with data.

Each builder returns a pure check function `(LintContext) -> Iterator[Hit]`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from consentry.campaign.fields import FIELDS_BY_PATH
from consentry.lint.context import Detector, LintContext
from consentry.lint.rule import Check, Hit

__all__ = ["Condition", "field_length", "mentions_brand", "required_phrase", "softened_when"]

Condition = Callable[[LintContext], bool]

_LABELS = {
    "campaign.description": "The campaign description",
    "campaign.message_flow": "The call to action (message flow)",
    "campaign.opt_in_message": "The opt-in confirmation message",
    "campaign.opt_out_message": "The opt-out message",
    "campaign.help_message": "The HELP message",
    "campaign.sample_messages": "Each sample message",
}


def label(path: str) -> str:
    return _LABELS.get(path, path)


def _always(_: LintContext) -> bool:
    return True


def field_length(path: str, *, required: Condition = _always) -> Check:
    """The field is present (when required) and within the registry's length limits."""
    spec = FIELDS_BY_PATH[path]
    low, high = spec.min_length or 0, spec.max_length or 10**9

    def check(ctx: LintContext) -> Iterator[Hit]:
        text = ctx.text(path).strip()
        if not text:
            if required(ctx):
                yield Hit(path, f"{label(path)} is empty.")
            return
        n = len(text)
        if n < low:
            yield Hit(path, f"{label(path)} is {n} characters; the registry needs at least {low}.")
        elif n > high:
            yield Hit(path, f"{label(path)} is {n} characters; the registry allows at most {high}.")

    return check


def required_phrase(
    path: str, detector: Detector, message: str, *, when: Condition = _always
) -> Check:
    """The field contains a phrase the detector recognises (skipped when the field is empty,
    which the field's own length rule reports)."""

    def check(ctx: LintContext) -> Iterator[Hit]:
        text = ctx.text(path)
        if text.strip() and when(ctx) and ctx.find(detector, text) is None:
            yield Hit(path, message)

    return check


def mentions_brand(path: str, message: str, *, when: Condition = _always) -> Check:
    """The field names the brand (display name, legal name or website domain)."""

    def check(ctx: LintContext) -> Iterator[Hit]:
        text = ctx.text(path)
        if text.strip() and ctx.aliases and when(ctx) and not ctx.names_brand(text):
            yield Hit(path, message.format(brand=ctx.brand_name))

    return check


def softened_when(check: Check, note: Callable[[LintContext], str | None]) -> Check:
    """The check, with its hits reported one level lower (Rule.softened) whenever `note` gives
    the sentence that tells the owner why."""

    def softened(ctx: LintContext) -> Iterator[Hit]:
        for hit in check(ctx):
            why = note(ctx)
            if why is None:
                yield hit
            else:
                yield replace(hit, message=f"{hit.message or ''} {why}".strip(), soften=True)

    return softened
