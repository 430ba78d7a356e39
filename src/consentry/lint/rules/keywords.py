"""KEY: keyword lists and the subscriber flags (rules.md R094, R096, R098, R099)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from consentry.lint import sources as src
from consentry.lint.context import LintContext
from consentry.lint.flow import Method
from consentry.lint.registry import rule
from consentry.lint.rule import Hit, Severity

_IN, _OUT, _HELP = "campaign.opt_in_keywords", "campaign.opt_out_keywords", "campaign.help_keywords"
STANDARD_OPT_OUT = ("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT")
FCC_OPT_OUT = ("REVOKE", "OPTOUT")
_KEYWORD = re.compile(r"^[A-Za-z0-9]{1,30}$")


def _upper(words: tuple[str, ...]) -> set[str]:
    return {w.strip().upper() for w in words if w.strip()}


_LEFT_OUT = """When the campaign file leaves the list out altogether: Twilio (Advanced Opt-Out, on by
default) and other CSPs then handle the standard STOP and HELP words themselves, and judged
filings that left the lists to the provider were approved. A list that is given blank, or without
STOP or HELP, stays an error: CSPs publish blank keyword lists as failed registrations."""


def _missing(ctx: LintContext, path: str, listed: set[str], word: str) -> Hit:
    if listed or not ctx.loaded.left_out(path):
        return Hit(path)
    return Hit(
        path,
        f"No {word} keywords are in the file, so your texting provider would handle {word} with "
        f"its standard words, which reviewers have approved; listing {word} yourself is safer.",
        soften=True,
    )


@rule(
    code="KEY001",
    name="opt-out-keywords-missing-stop",
    severity=Severity.ERROR,
    summary="The opt-out keywords do not include STOP.",
    why="""STOP is the word every carrier and the FCC treat as an opt-out. A campaign that handles its
    own opt-outs must list it (Twilio requires opt-out keywords when you self-manage).""",
    fix="List at least STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE and OPTOUT.",
    sources=(src.TW_USA2P, src.TW_OPTOUT, src.FCC_REVOCATION),
    carrier_codes=("Twilio 21727", "DCA 611"),
    fields=(_OUT,),
    refs=("R096", "R099"),
    softened=_LEFT_OUT,
)
def opt_out_keywords_missing_stop(ctx: LintContext) -> Iterator[Hit]:
    listed = _upper(ctx.spec.opt_out_keywords)
    if ctx.spec.subscriber_opt_out is not False and "STOP" not in listed:
        yield _missing(ctx, _OUT, listed, "STOP")


@rule(
    code="KEY002",
    name="opt-out-keywords-incomplete",
    severity=Severity.WARNING,
    summary="The opt-out keywords miss some of the standard words.",
    why="""People opt out with many words. Carriers expect STOP, STOPALL, UNSUBSCRIBE, CANCEL, END and
    QUIT, and since April 2025 the FCC also names REVOKE and OPT OUT: ignoring any of them can cost
    $500-$1,500 per message under the TCPA.""",
    fix="Add the missing words to opt_out_keywords.",
    sources=(src.TW_OPTOUT, src.FCC_REVOCATION),
    carrier_codes=(),
    fields=(_OUT,),
    refs=("R096", "R116"),
)
def opt_out_keywords_incomplete(ctx: LintContext) -> Iterator[Hit]:
    listed = _upper(ctx.spec.opt_out_keywords)
    if "STOP" not in listed:
        return  # KEY001
    missing = [k for k in (*STANDARD_OPT_OUT, *FCC_OPT_OUT) if k not in listed]
    if missing:
        yield Hit(_OUT, f"The opt-out keywords miss {', '.join(missing)}.")


@rule(
    code="KEY003",
    name="help-keywords-missing-help",
    severity=Severity.ERROR,
    summary="The help keywords do not include HELP.",
    why="Carriers require HELP to return your support reply; list it (and INFO).",
    fix="Set help_keywords to [HELP, INFO].",
    sources=(src.TW_USA2P,),
    carrier_codes=("Twilio 21727", "DCA 611"),
    fields=(_HELP,),
    refs=("R098",),
    softened=_LEFT_OUT,
)
def help_keywords_missing_help(ctx: LintContext) -> Iterator[Hit]:
    listed = _upper(ctx.spec.help_keywords)
    if ctx.spec.subscriber_help is not False and "HELP" not in listed:
        yield _missing(ctx, _HELP, listed, "HELP")


@rule(
    code="KEY004",
    name="opt-in-keywords-missing",
    severity=Severity.ERROR,
    summary="People opt in by texting a keyword, but no opt-in keywords are listed.",
    why="""When people join by texting a keyword, the registry needs that keyword (and START) with
    the opt-in confirmation it triggers (Twilio: required for text-to-join).""",
    fix="Set opt_in_keywords to [START] plus the keyword your call to action advertises.",
    sources=(src.TW_USA2P, src.BW_CLI),
    carrier_codes=("Twilio 30896", "Twilio 21727"),
    fields=(_IN,),
    refs=("R094", "R099"),
)
def opt_in_keywords_missing(ctx: LintContext) -> Iterator[Hit]:
    if (
        ctx.spec.subscriber_opt_in is not False
        and not _upper(ctx.spec.opt_in_keywords)
        and Method.KEYWORD in ctx.flow.methods
    ):
        yield Hit(_IN)


@rule(
    code="KEY005",
    name="keyword-invalid-format",
    severity=Severity.ERROR,
    summary="A keyword has spaces or symbols, or a keyword list is too long.",
    why="""The registry takes keywords as letters and digits only, comma-separated without spaces,
    at most 255 characters per list.""",
    fix="Use single words of letters and digits, e.g. OPTOUT instead of 'OPT OUT'.",
    sources=(src.TW_USA2P,),
    carrier_codes=("Twilio 21728",),
    fields=(_IN, _OUT, _HELP),
    refs=("R094",),
)
def keyword_invalid_format(ctx: LintContext) -> Iterator[Hit]:
    for path, words in ((_IN, ctx.spec.opt_in_keywords), (_OUT, ctx.spec.opt_out_keywords),
                        (_HELP, ctx.spec.help_keywords)):  # fmt: skip
        for i, word in enumerate(words):
            if word.strip() and not _KEYWORD.match(word.strip()):
                yield Hit(f"{path}[{i}]", f"The keyword '{word}' must be letters and digits only.")
        if len(",".join(w.strip() for w in words)) > 255:
            yield Hit(path, "The keyword list is longer than 255 characters.")


@rule(
    code="KEY006",
    name="keyword-in-conflicting-lists",
    severity=Severity.ERROR,
    summary="The same keyword is listed for two different actions.",
    why="A word cannot both subscribe and unsubscribe (or ask for help); the reply would be wrong.",
    fix="Keep each keyword in one list only.",
    sources=(src.TW_USA2P,),
    carrier_codes=("DCA 611",),
    fields=(_IN, _OUT, _HELP),
    refs=("R094", "R096"),
)
def keyword_in_conflicting_lists(ctx: LintContext) -> Iterator[Hit]:
    lists = {_IN: _upper(ctx.spec.opt_in_keywords), _OUT: _upper(ctx.spec.opt_out_keywords),
             _HELP: _upper(ctx.spec.help_keywords)}  # fmt: skip
    for a, b in ((_IN, _OUT), (_IN, _HELP), (_OUT, _HELP)):
        both = sorted(lists[a] & lists[b])
        if both:
            yield Hit(
                b, f"{', '.join(both)} is listed in both {a.split('.')[1]} and {b.split('.')[1]}."
            )


@rule(
    code="KEY007",
    name="subscriber-flag-false",
    severity=Severity.ERROR,
    summary="Subscriber opt-in, opt-out or help is set to false.",
    why="""Carriers expect every campaign to collect opt-in, honour opt-out and answer HELP; Bandwidth's
    production API refuses a campaign with any of the three set to false.""",
    fix="Set subscriber_opt_in, subscriber_opt_out and subscriber_help to true.",
    sources=(src.BW_CLI, src.TW_USA2P),
    carrier_codes=("Twilio 21727",),
    fields=(
        "campaign.subscriber_opt_in",
        "campaign.subscriber_opt_out",
        "campaign.subscriber_help",
    ),
    refs=("R099",),
)
def subscriber_flag_false(ctx: LintContext) -> Iterator[Hit]:
    for name in ("subscriber_opt_in", "subscriber_opt_out", "subscriber_help"):
        if getattr(ctx.spec, name) is False:
            yield Hit(f"campaign.{name}", f"{name} is false; carriers expect true.")


@rule(
    code="KEY008",
    name="opt-in-keywords-not-listed",
    severity=Severity.WARNING,
    summary="No opt-in keywords are listed.",
    why="""Twilio approves web-form campaigns without opt-in keywords, but Bandwidth's API refuses a
    campaign that collects opt-in and lists none, and START is how someone who texted STOP opts
    back in.""",
    fix="Set opt_in_keywords to [START] (and UNSTOP if you like).",
    sources=(src.BW_CLI, src.TW_USA2P),
    carrier_codes=("Twilio 21727",),
    fields=(_IN,),
    refs=("R094", "R099"),
)
def opt_in_keywords_not_listed(ctx: LintContext) -> Iterator[Hit]:
    if (
        ctx.spec.subscriber_opt_in is not False
        and not _upper(ctx.spec.opt_in_keywords)
        and Method.KEYWORD not in ctx.flow.methods  # KEY004 reports those
    ):
        yield Hit(_IN)
