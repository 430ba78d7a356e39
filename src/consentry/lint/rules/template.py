"""TPL: template text left in a field ('(company)', '[company name]')."""

from __future__ import annotations

import re
from collections.abc import Iterator

from consentry import phrases
from consentry.lint import sources as src
from consentry.lint.context import LintContext
from consentry.lint.registry import rule
from consentry.lint.rule import Hit, Severity

_FIELDS = ("campaign.description", "campaign.message_flow", "campaign.opt_in_message",
           "campaign.opt_out_message", "campaign.help_message")  # fmt: skip
_CONTACT_VARIABLE = re.compile(
    r"\[\s*(?:(?:our|the|your|support|business|office|store|main|customer\s+service)\s+)?"
    r"(?:phone|tel|telephone|mobile|(?:phone[\s_-]*)?number|toll[\s_-]?free(?:[\s_-]*number)?"
    r"|e-?mail(?:[\s_-]*address)?|website|web\s?site|url|link|domain|address|location|hours)\s*\]",
    re.IGNORECASE,
)


@rule(
    code="TPL001",
    name="template-placeholder-left-in",
    severity=Severity.ERROR,
    summary="A field still contains template text such as '(company)' or '[company name]'.",
    why="""Templates copied from guides and forums leave blanks like '(company)' or '(email)'.
    Reviewers read them as a missing brand or contact and reject the campaign (DCA 611/861).""",
    fix="Replace the placeholder with your real business name, email, phone or link.",
    sources=(src.TX_CODES, src.AWS_REJ),
    carrier_codes=("DCA 861", "DCA 611", "AWS OPT_IN_WORKFLOW_MISMATCH"),
    fields=(*_FIELDS, "campaign.sample_messages"),
    refs=("R038", "R092", "R097"),
)
def template_placeholder_left_in(ctx: LintContext) -> Iterator[Hit]:
    for path in _FIELDS:
        match = ctx.find(phrases.find_placeholder, ctx.text(path))
        if match:
            yield Hit(path, f"'{match.text}' is template text; replace it with your real details.")
    for i, sample in enumerate(ctx.spec.sample_messages):
        match = _sample_placeholder(sample)
        if match and not _sender_named_elsewhere(ctx, sample, match):
            yield Hit(
                f"campaign.sample_messages[{i}]",
                f"'{match.text}' is template text; replace it with your real details.",
            )


def _sample_placeholder(text: str) -> phrases.Match | None:
    """Like find_placeholder, but a [bracketed] phone, email or link is a sample variable.

    Samples show what changes between messages in square brackets (rules.md R083), and a published
    approved 2FA example reads 'Call [phone-number] to report...'; only a blank for the sender's
    NAME ('[Business Name]: Your order...') leaves the reviewer unable to see who sends."""
    start = 0
    while start < len(text):
        match = phrases.find_placeholder(text[start:])
        if match is None:
            return None
        if not _CONTACT_VARIABLE.fullmatch(match.text):
            return phrases.Match(start + match.start, start + match.end, match.text)
        start += match.end
    return None


def _sender_named_elsewhere(ctx: LintContext, sample: str, match: phrases.Match) -> bool:
    """'Stemfra: New lead for [Business Name] ...': the sample names the sender, so a blank for
    a business name is the recipient's business (a platform texting its account holders), not a
    sender left unnamed."""
    rest = sample[: match.start] + " " + sample[match.end :]
    return ctx.names_brand(rest)
