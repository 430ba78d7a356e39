"""Judge each requirement of a notice against a campaign file, with the linter's own rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from consentry.campaign.model import LoadedCampaign
from consentry.explain.parse import Notice
from consentry.explain.requirements import Requirement, get_requirement, where_of
from consentry.lint import Finding, Rule, Scope, Severity, all_rules, lint_campaign

__all__ = ["CheckedRequirement", "check_requirements", "resolve_rules"]

MET, UNMET, UNKNOWN = "met", "unmet", "unknown"
_COUNTS = (Severity.ERROR, Severity.WARNING)  # info findings never make a requirement unmet
_NO_RULE = "consentry cannot check this offline yet; check it yourself before resubmitting."


@dataclass(frozen=True, slots=True)
class CheckedRequirement:
    """A requirement of the notice, with what checks it and (given a campaign) its status."""

    requirement: Requirement
    rules: tuple[Rule, ...]  # the judging rules first, then the supporting ones
    status: str
    findings: tuple[Finding, ...]
    note: str
    origins: tuple[str, ...]

    @property
    def why(self) -> str:
        explicit = [r for code in self.requirement.rules for r in self.rules if r.code == code]
        return explicit[0].why if explicit else self.requirement.why

    def to_dict(self) -> dict[str, Any]:
        req = self.requirement
        return {
            "text": req.text,
            "fields": list(req.fields),
            "rules": [r.code for r in self.rules],
            "status": self.status,
            "id": req.id,
            "where": where_of(req),
            "why": self.why,
            "fix": req.fix,
            "finding": self.findings[0].to_dict() if self.findings else None,
            "findings": [f.to_dict() for f in self.findings],
            "note": self.note or None,
            "from": list(self.origins),
        }


def resolve_rules(
    req: Requirement, catalogue: Sequence[Rule]
) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """(judging, supporting) catalogue rules of a requirement. Codes not (yet) in the catalogue
    are skipped; rules that cite the requirement's carrier codes or R-numbers are added, so
    rules written later are picked up."""
    by_code = {r.code: r for r in catalogue}
    judging = [by_code[c] for c in req.rules if c in by_code]
    supporting = [by_code[c] for c in req.also if c in by_code and c not in req.rules]
    for r in catalogue:
        if r in judging or r in supporting:
            continue
        cites = bool(set(r.carrier_codes) & set(req.via_codes))
        refers = r.family in req.families and bool(set(r.refs) & set(req.refs))
        if cites or refers:
            judging.append(r)
    return tuple(judging), tuple(supporting)


def _field_matches(field: str, wanted: Sequence[str]) -> bool:
    return any(field == w or field.startswith((w + ".", w + "[")) for w in wanted)


def _judge(
    req: Requirement,
    judging: tuple[Rule, ...],
    supporting: tuple[Rule, ...],
    findings: Sequence[Finding],
) -> tuple[str, tuple[Finding, ...], str]:
    codes = {r.code for r in (*judging, *supporting)}
    hits = tuple(
        f
        for f in findings
        if f.code in codes and f.severity in _COUNTS and _field_matches(f.field, req.fields)
    )
    if hits:
        return UNMET, hits, ""
    if req.note:
        return UNKNOWN, (), req.note
    if not any(r.scope is Scope.CAMPAIGN for r in judging):
        return UNKNOWN, (), _NO_RULE
    return MET, (), ""


def check_requirements(
    notice: Notice, loaded: LoadedCampaign | None
) -> tuple[tuple[CheckedRequirement, ...], tuple[Finding, ...]]:
    """Each requirement with its status, and the other errors a full offline lint found."""
    catalogue = all_rules()
    findings = lint_campaign(loaded).findings if loaded is not None else []
    checked: list[CheckedRequirement] = []
    for rid, origins in notice.requirements:
        req = get_requirement(rid)
        judging, supporting = resolve_rules(req, catalogue)
        hits: tuple[Finding, ...] = ()
        if loaded is None:
            status, note = UNKNOWN, ""
        else:
            status, hits, note = _judge(req, judging, supporting, findings)
        checked.append(
            CheckedRequirement(req, (*judging, *supporting), status, hits, note, origins)
        )
    covered = {id(f) for item in checked for f in item.findings}
    also_fix = tuple(f for f in findings if f.severity is Severity.ERROR and id(f) not in covered)
    return tuple(checked), also_fix
