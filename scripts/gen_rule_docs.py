"""Write docs/rules/<CODE>.md and docs/rules/index.md from the rule metadata.

python scripts/gen_rule_docs.py            # regenerate (also: make docs)
python scripts/gen_rule_docs.py --check    # exit 1 when the committed pages are stale
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from consentry.report.docs import check_rule_docs, expected_rule_docs, write_rule_docs

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "rules"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="report stale pages, write nothing")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    if args.check:
        problems = check_rule_docs(args.out)
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            print("Rule docs are out of date: run `make docs` and commit.", file=sys.stderr)
            return 1
        print(f"{args.out}: up to date")
        return 0
    written = write_rule_docs(args.out)
    total = len(expected_rule_docs())
    print(f"{args.out}: {len(written)} of {total} pages written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
