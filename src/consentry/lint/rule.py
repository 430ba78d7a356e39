"""Rule metadata: what every rule declares once, and what docs, SARIF and JSON are built from."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from consentry.lint.context import LintContext

__all__ = ["Check", "Hit", "Outcome", "Rule", "Scope", "Severity", "Source"]


class Severity(StrEnum):
    ERROR = "error"  # reviewers reject for it
    WARNING = "warning"  # risky or best practice
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    def lower(self) -> Severity:
        """One level down (info stays info)."""
        return Severity.INFO if self is not Severity.ERROR else Severity.WARNING


class Outcome(StrEnum):
    """What an error of this rule means for the campaign."""

    NEEDS_CHANGES = "needs_changes"  # fix and resubmit
    NOT_ELIGIBLE = "not_eligible"  # carriers refuse this business or content outright


class Scope(StrEnum):
    CAMPAIGN = "campaign"  # judged from the campaign file alone
    SITE = "site"  # needs the website's pages


@dataclass(frozen=True, slots=True)
class Source:
    """A published page a rule rests on."""

    title: str
    url: str
    publisher: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One place a rule fires; the engine adds the rule's metadata and the position."""

    field: str
    message: str | None = None  # defaults to the rule's summary
    fix: str | None = None  # defaults to the rule's fix
    url: str | None = None
    selector: str | None = None
    line: int | None = None
    column: int | None = None
    # Report one level below the rule's severity: the rule's `softened` says when and why.
    soften: bool = False


Check = Callable[["LintContext"], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: metadata plus a pure check function (no I/O inside)."""

    code: str  # family prefix + 3 digits; never reused
    name: str  # kebab-case, names the problem
    severity: Severity
    summary: str  # one sentence: the problem, as a finding's default message
    why: str  # plain-language reason, for a small-business owner
    fix: str  # what to change
    sources: tuple[Source, ...]
    carrier_codes: tuple[str, ...]
    check: Check
    outcome: Outcome = Outcome.NEEDS_CHANGES
    scope: Scope = Scope.CAMPAIGN
    fields: tuple[str, ...] = ()  # the fields it judges
    refs: tuple[str, ...] = ()  # rule ids in shared/reference/rules.md (R040, ...)
    # When a hit is reported one level lower (an error as a warning), in words for the docs;
    # empty when the rule always reports at its severity.
    softened: str = ""

    @property
    def family(self) -> str:
        return self.code[:3]

    def run(self, ctx: LintContext) -> Iterable[Hit]:
        return self.check(ctx)
