"""A fixed, hand-made set of results for the golden files (never from live rules, so the
goldens only change when a renderer does)."""

from __future__ import annotations

from collections.abc import Iterable

from consentry.lint.finding import Finding, LintResult, Location
from consentry.lint.rule import Hit, Outcome, Rule, Scope, Severity, Source

TWILIO_30545 = "https://www.twilio.com/docs/api/errors/30545"
CTIA = "https://www.ctia.org/the-wireless-industry/industry-commitments/messaging-interoperability-sms-mms"


def _no_hits(ctx: object) -> Iterable[Hit]:
    return ()


def make_rule(code: str, name: str, severity: Severity, **extra: object) -> Rule:
    fields: dict[str, object] = {
        "summary": f"Summary of {code}.",
        "why": f"Why {code} matters, for a <small> business & its 100% honest owner.",
        "fix": f"Fix for {code}.",
        "sources": (Source("Twilio error 30545: Missing frequency", TWILIO_30545, "Twilio"),),
        "carrier_codes": ("DCA 806", "Twilio 30545"),
        "check": _no_hits,
    }
    fields.update(extra)
    return Rule(code=code, name=name, severity=severity, **fields)  # type: ignore[arg-type]


RULES = (
    make_rule(
        "CTA004", "cta-missing-message-frequency", Severity.ERROR, fields=("campaign.message_flow",)
    ),
    make_rule("SMP002", "sample-missing-brand-name", Severity.WARNING, carrier_codes=()),
    make_rule("CNT001", "payday-lending-content", Severity.ERROR, outcome=Outcome.NOT_ELIGIBLE),
    make_rule("WEB003", "privacy-policy-shares-phone-numbers", Severity.ERROR, scope=Scope.SITE),
    make_rule("BRD007", "brand-email-free-domain", Severity.INFO, sources=()),
)


def finding(
    code: str,
    name: str,
    severity: Severity,
    field: str,
    message: str,
    fix: str,
    *,
    source: str = "campaigns/maple street.yaml",
    line: int | None = None,
    column: int | None = None,
    url: str | None = None,
    selector: str | None = None,
    carrier_codes: tuple[str, ...] = ("DCA 806", "Twilio 30545"),
    sources: tuple[str, ...] = (TWILIO_30545,),
    outcome: Outcome = Outcome.NEEDS_CHANGES,
) -> Finding:
    return Finding(
        code=code,
        name=name,
        severity=severity,
        field=field,
        message=message,
        fix=fix,
        location=Location(source=source, line=line, column=column, url=url, selector=selector),
        carrier_codes=carrier_codes,
        sources=sources,
        outcome=outcome,
    )


def results() -> list[LintResult]:
    """Three inputs: one needing changes (with a site finding and awkward text), one not
    eligible, one clean."""
    first = LintResult(
        input="campaigns/maple street.yaml",
        findings=[
            finding(
                "CTA004",
                "cta-missing-message-frequency",
                Severity.ERROR,
                "campaign.message_flow",
                "The call to action does not say how often messages are sent.",
                "Add a frequency disclosure such as 'Message frequency varies'.",
                line=14,
                column=3,
            ),
            finding(
                "WEB003",
                "privacy-policy-shares-phone-numbers",
                Severity.ERROR,
                "site",
                "The privacy policy says mobile numbers may be shared with partners, 100% of them.",
                "State that mobile numbers and SMS consent are never shared with third parties.",
                url="https://www.maplestreetdental.com/privacy",
                selector="main > p:nth-of-type(4)",
                carrier_codes=("DCA 861",),
                sources=(CTIA,),
            ),
            finding(
                "SMP002",
                "sample-missing-brand-name",
                Severity.WARNING,
                "campaign.sample_messages[1]",
                "Sample 2 does not name the business: "
                "'Hi [first_name], your visit is at <b>3pm</b>,\nreply C to confirm'.",
                "Start the sample with your business name, e.g. 'Maple Street Dental: ...'.",
                line=22,
                column=5,
                carrier_codes=(),
            ),
            finding(
                "ZZZ900",
                "unknown-stand-in",
                Severity.INFO,
                "campaign",
                "A finding from a rule the catalogue does not know: key: value, 50%.",
                "",
                carrier_codes=(),
                sources=(),
            ),
        ],
    )
    second = LintResult(
        input="campaigns/quick-cash.json",
        findings=[
            finding(
                "CNT001",
                "payday-lending-content",
                Severity.ERROR,
                "campaign.description",
                "The description offers payday loans, which carriers do not allow on 10DLC.",
                "Payday lending cannot be registered; remove it or use another channel.",
                source="campaigns/quick-cash.json",
                line=3,
                column=18,
                outcome=Outcome.NOT_ELIGIBLE,
            ),
            finding(
                "BRD007",
                "brand-email-free-domain",
                Severity.INFO,
                "brand.email",
                "The support email uses a free mail domain.",
                "Use an address at your website's domain.",
                source="campaigns/quick-cash.json",
                line=2,
                sources=(),
                carrier_codes=(),
            ),
        ],
    )
    third = LintResult(input="campaigns/clean.yaml", findings=[])
    return [first, second, third]
