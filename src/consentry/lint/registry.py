"""The rule catalogue: declaration, lookup, selection and severity overrides."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from consentry.errors import UsageError
from consentry.lint.rule import Check, Outcome, Rule, Scope, Severity, Source

__all__ = ["all_rules", "declare", "get_rule", "rule", "select_rules"]

_CODE = re.compile(r"^[A-Z]{3}\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REGISTRY: dict[str, Rule] = {}


def declare(r: Rule) -> Rule:
    """Add a rule to the catalogue; codes and names are unique and never reused."""
    if not _CODE.match(r.code):
        raise ValueError(f"rule code {r.code!r} must be three capitals and three digits")
    if not _NAME.match(r.name):
        raise ValueError(f"rule name {r.name!r} must be kebab-case")
    if r.code in _REGISTRY:
        raise ValueError(f"rule code {r.code} declared twice")
    if any(existing.name == r.name for existing in _REGISTRY.values()):
        raise ValueError(f"rule name {r.name} declared twice")
    _REGISTRY[r.code] = r
    return r


def rule(
    *,
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    why: str,
    fix: str,
    sources: Sequence[Source],
    carrier_codes: Sequence[str] = (),
    outcome: Outcome = Outcome.NEEDS_CHANGES,
    scope: Scope = Scope.CAMPAIGN,
    fields: Sequence[str] = (),
    refs: Sequence[str] = (),
    softened: str = "",
) -> Callable[[Check], Check]:
    """Decorator: declare the decorated check function as a rule."""

    def wrap(check: Check) -> Check:
        declare(
            Rule(
                code=code,
                name=name,
                severity=severity,
                summary=summary,
                why=" ".join(why.split()),
                fix=" ".join(fix.split()),
                sources=tuple(sources),
                carrier_codes=tuple(carrier_codes),
                check=check,
                outcome=outcome,
                scope=scope,
                fields=tuple(fields),
                refs=tuple(refs),
                softened=" ".join(softened.split()),
            )
        )
        return check

    return wrap


def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order."""
    import consentry.lint.rules  # noqa: F401  (importing declares the catalogue)

    return tuple(_REGISTRY[c] for c in sorted(_REGISTRY))


def get_rule(code: str) -> Rule | None:
    all_rules()
    wanted = code.strip()
    found = _REGISTRY.get(wanted.upper())
    if found is None:
        found = next((r for r in _REGISTRY.values() if r.name == wanted.lower()), None)
    return found


def _matches(r: Rule, selectors: Iterable[str]) -> bool:
    for s in selectors:
        s = s.strip()
        if s and (r.code.startswith(s.upper()) or r.name == s.lower() or s.upper() == "ALL"):
            return True
    return False


def select_rules(
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Mapping[str, str] | None = None,
    rules: Sequence[Rule] | None = None,
) -> tuple[Rule, ...]:
    """Rules chosen by code prefix or name, with per-rule severity overrides applied."""
    pool = tuple(rules) if rules is not None else all_rules()
    known = {r.code for r in pool} | {r.name for r in pool}
    for s in (*select, *ignore, *(severity or {})):
        s = s.strip()
        if (
            s
            and s.upper() != "ALL"
            and not any(k.startswith(s.upper()) or k == s.lower() for k in known)
        ):
            raise UsageError(f"no rule matches {s!r}; see `consentry rules`")
    chosen = [r for r in pool if (not select or _matches(r, select)) and not _matches(r, ignore)]
    if severity:
        out = []
        for r in chosen:
            level = next((v for k, v in severity.items() if _matches(r, [k])), None)
            if level is not None:
                try:
                    r = replace(r, severity=Severity(level.lower()))
                except ValueError:
                    raise UsageError(
                        f"severity for {r.code} must be error, warning or info, not {level!r}"
                    ) from None
            out.append(r)
        chosen = out
    return tuple(chosen)
