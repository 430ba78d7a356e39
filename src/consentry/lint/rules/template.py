"""TPL: template text left in a field ('(company)', '[company name]')."""

from __future__ import annotations

from collections.abc import Iterator

from consentry import phrases
from consentry.lint import sources as src
from consentry.lint.context import LintContext
from consentry.lint.registry import rule
from consentry.lint.rule import Hit, Severity

_FIELDS = ("campaign.description", "campaign.message_flow", "campaign.opt_in_message",
           "campaign.opt_out_message", "campaign.help_message")  # fmt: skip


@rule(
    code="TPL001", name="template-placeholder-left-in", severity=Severity.ERROR,
    summary="A field still contains template text such as '(company)' or '[company name]'.",
    why="""Templates copied from guides and forums leave blanks like '(company)' or '(email)'.
    Reviewers read them as a missing brand or contact and reject the campaign (DCA 611/861).""",
    fix="Replace the placeholder with your real business name, email, phone or link.",
    sources=(src.TX_CODES, src.AWS_REJ), carrier_codes=("DCA 861", "DCA 611", "AWS OPT_IN_WORKFLOW_MISMATCH"),
    fields=(*_FIELDS, "campaign.sample_messages"), refs=("R038", "R092", "R097"),
)
def template_placeholder_left_in(ctx: LintContext) -> Iterator[Hit]:
    fields = [*_FIELDS, *(f"campaign.sample_messages[{i}]" for i in range(len(ctx.spec.sample_messages)))]
    for path in fields:
        match = ctx.find(phrases.find_placeholder, ctx.text(path))
        if match:
            yield Hit(path, f"'{match.text}' is template text; replace it with your real details.")
