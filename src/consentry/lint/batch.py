"""Lint many campaign files: in this process, or spread over worker processes for big batches.

Rules hold closures, which do not pickle, so workers rebuild the rule selection from the same
settings instead of receiving rule objects.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from consentry.campaign import load_campaign
from consentry.errors import InputError
from consentry.lint.engine import lint_campaign
from consentry.lint.finding import LintResult
from consentry.lint.registry import select_rules
from consentry.lint.rule import Rule
from consentry.lint.website import SiteChecker

__all__ = ["BatchSettings", "lint_files"]

_CHUNK = 64  # files per task: large enough to amortise pickling, small enough to balance


@dataclass(frozen=True)
class BatchSettings:
    """Everything a worker needs to lint like the parent does."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    site: str | None = None
    offline: bool = True
    allow_private: bool = False
    max_pages: int = 30
    render: bool = False

    def rules(self) -> tuple[Rule, ...]:
        return select_rules(select=self.select, ignore=self.ignore, severity=dict(self.severity))

    def checker(self) -> SiteChecker:
        return SiteChecker(site=self.site, offline=self.offline, allow_private=self.allow_private,
                           max_pages=self.max_pages, render=self.render)  # fmt: skip


def _lint_one(path: str, rules: Sequence[Rule], checker: SiteChecker) -> LintResult | InputError:
    try:
        loaded = load_campaign(path)
    except InputError as exc:
        return exc
    snapshot, notes = checker.snapshot_for(loaded)
    result = lint_campaign(loaded, rules=rules, site=snapshot)
    result.findings.extend(notes)
    return result


_worker: tuple[tuple[Rule, ...], SiteChecker] | None = None


def _init_worker(settings: BatchSettings) -> None:
    global _worker
    _worker = (settings.rules(), settings.checker())


def _lint_chunk(paths: list[str]) -> list[LintResult | InputError]:
    assert _worker is not None
    rules, checker = _worker
    return [_lint_one(p, rules, checker) for p in paths]


def lint_files(
    paths: Sequence[str], settings: BatchSettings, *, jobs: int = 1
) -> Iterator[LintResult | InputError]:
    """Results (or the input error of an unusable file) in the order of `paths`."""
    jobs = min(jobs if jobs > 0 else (os.cpu_count() or 1), max(1, len(paths) // _CHUNK))
    if jobs <= 1:
        rules, checker = settings.rules(), settings.checker()
        for path in paths:
            yield _lint_one(path, rules, checker)
        return
    chunks = [list(paths[i : i + _CHUNK]) for i in range(0, len(paths), _CHUNK)]
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        for chunk in pool.map(_lint_chunk, chunks):
            yield from chunk
