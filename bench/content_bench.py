"""Content screening (CNT, FLG) speed on worst-case input, printed (never asserted).

    .venv/bin/python bench/content_bench.py

Puts a 100 KB adversarial string into every field the content rules read (description, flow,
samples, opt-in message, brand names, website) and prints each rule's time. Every pattern uses
bounded repetition, so times should grow linearly with the text.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import consentry.lint.rules.content
import consentry.lint.rules.flags  # noqa: F401  (declare the rules)
from consentry.campaign import parse_campaign
from consentry.lint import registry
from consentry.lint.context import LintContext

BASE = Path(__file__).resolve().parent.parent / "examples" / "clean" / "campaign.yaml"
CHUNKS = ("a", "your ", "no ", "cbd ", "$1", "a.b", "win a ", "delta-8 ", "https://a.", "the ")
SIZE = 100_000


def context(text: str) -> LintContext:
    loaded = parse_campaign(BASE.read_text(encoding="utf-8"), source="bench.yaml")
    c = loaded.campaign
    spec = replace(
        c.campaign,
        description=text,
        message_flow=text,
        sample_messages=(text, text),
        opt_in_message=text,
        use_case="MARKETING",
        age_gated=None,
        direct_lending=None,
    )
    brand = replace(c.brand, display_name=text, legal_name=text[::-1], website=text)
    return LintContext(replace(loaded, campaign=replace(c, brand=brand, campaign=spec)))


def main() -> None:
    codes = sorted(c for c in registry._REGISTRY if c[:3] in ("CNT", "FLG"))
    worst: dict[str, tuple[float, str]] = {}
    for chunk in CHUNKS:
        ctx = context((chunk * (SIZE // len(chunk) + 1))[:SIZE])
        for code in codes:
            start = time.perf_counter()
            list(registry._REGISTRY[code].run(ctx))
            took = time.perf_counter() - start
            if took > worst.get(code, (0.0, ""))[0]:
                worst[code] = (took, chunk)
    print(f"worst case per rule, {SIZE // 1000} KB in each of 8 fields:")
    for code in codes:
        took, chunk = worst[code]
        print(f"  {code}  {took * 1000:7.1f} ms   (repeating {chunk!r})")


if __name__ == "__main__":
    main()
