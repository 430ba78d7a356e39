"""Agreement of the default rule set with reviewers' outcomes on the judged corpus.

Every file under tests/fixtures/judged/<outcome>/ is a campaign whose outcome a reviewer (or a CSP's published
example) fixed; this runs `lint_campaign` offline on each, compares the verdict with the folder and prints the
agreement rate and every disagreement with the error findings behind it.

    .venv/bin/python scripts/judged_report.py [--verbose]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from consentry.campaign import load_campaign
from consentry.lint import lint_campaign
from consentry.lint.rule import Severity

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "judged"

# folder -> verdicts that agree with the reviewers
EXPECTED: dict[str, frozenset[str]] = {
    "approved": frozenset({"ready"}),
    "rejected": frozenset({"needs_changes", "not_eligible"}),
    "not_eligible": frozenset({"not_eligible"}),
}

_KIND = re.compile(r"^#\s*kind:\s*(\S+)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Judged:
    path: Path
    folder: str
    kind: str
    verdict: str
    errors: tuple[tuple[str, str, str], ...]  # (code, field, message)

    @property
    def agrees(self) -> bool:
        return self.verdict in EXPECTED[self.folder]


def corpus_files(root: Path = CORPUS) -> list[Path]:
    return sorted(p for folder in EXPECTED for p in (root / folder).glob("*.yaml"))


def judge(path: Path) -> Judged:
    folder = path.parent.name
    match = _KIND.search(path.read_text(encoding="utf-8"))
    result = lint_campaign(load_campaign(path))
    errors = tuple(
        (f.code, f.field, f.message) for f in result.findings if f.severity is Severity.ERROR
    )
    return Judged(path, folder, match.group(1) if match else "?", result.verdict, errors)


def judge_all(root: Path = CORPUS) -> list[Judged]:
    return [judge(p) for p in corpus_files(root)]


def agreement(results: list[Judged]) -> float:
    return sum(r.agrees for r in results) / len(results) if results else 0.0


def render(results: list[Judged], *, verbose: bool = False) -> str:
    lines: list[str] = []
    for folder in EXPECTED:
        subset = [r for r in results if r.folder == folder]
        lines.append(f"{folder:13} {len(subset):3} files, {sum(r.agrees for r in subset):3} agree")
    for kind in sorted({r.kind for r in results}):
        subset = [r for r in results if r.kind == kind]
        lines.append(f"kind {kind:20} {agreement(subset):6.1%} of {len(subset)}")
    lines.append(
        f"AGREEMENT {agreement(results):.1%} ({sum(r.agrees for r in results)}/{len(results)})"
    )
    bad = [r for r in results if r.folder == "approved" and r.verdict == "not_eligible"]
    lines.append(f"approved campaigns called not_eligible: {len(bad)}")
    lines.append("")
    lines.append("DISAGREEMENTS")
    for r in results:
        if r.agrees and not verbose:
            continue
        mark = "ok " if r.agrees else "XX "
        lines.append(f"{mark}{r.folder}/{r.path.name} [{r.kind}] -> {r.verdict}")
        for code, field, message in r.errors:
            lines.append(f"      {code} {field}: {message}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="also list agreeing files")
    parser.add_argument(
        "--with-content-rules",
        action="store_true",
        help="also import every module under consentry/lint/rules, including ones the default "
        "catalogue does not import yet (a what-if; the test measures the default rule set only)",
    )
    args = parser.parse_args(argv)
    if args.with_content_rules:
        import importlib
        import pkgutil

        import consentry.lint.rules as rules_pkg

        for info in pkgutil.iter_modules(rules_pkg.__path__):
            importlib.import_module(f"consentry.lint.rules.{info.name}")
    results = judge_all()
    print(render(results, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
