"""The campaign linter: rules declared once with their metadata, run by a small engine."""

from consentry.lint.engine import lint_campaign
from consentry.lint.finding import Finding, LintResult, Location, verdict_of
from consentry.lint.registry import all_rules, get_rule, select_rules
from consentry.lint.rule import Hit, Outcome, Rule, Scope, Severity, Source

__all__ = [
    "Finding",
    "Hit",
    "LintResult",
    "Location",
    "Outcome",
    "Rule",
    "Scope",
    "Severity",
    "Source",
    "all_rules",
    "get_rule",
    "lint_campaign",
    "select_rules",
    "verdict_of",
]
