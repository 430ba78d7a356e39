"""Time every phrase detector on typical fields and on 100 KB pages (normal and adversarial).

    .venv/bin/python bench/phrases_bench.py [--runs 3]

Targets: tens of microseconds per detector on a ~300-character field; well under 50 ms per
detector on any 100 KB string. CPU time is reported (the wall clock is noisy on a shared box).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from consentry import phrases

MAPLE = phrases.brand_aliases(
    "Maple Street Dental", "Maple Street Dental PLLC", "https://www.maplestreetdental.com"
)

FIELDS = [
    "Maple Street Dental: Hi [first name], your cleaning is on [date] at [time]. Reply C to"
    " confirm. Msg & data rates may apply. Reply STOP to opt out, HELP for help.",
    "Patients opt in on https://www.maplestreetdental.com/book by ticking an unchecked box: 'I"
    " agree to receive appointment reminders by text from Maple Street Dental. Message frequency"
    " varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel. Consent is not a"
    " condition of purchase. Privacy: maplestreetdental.com/privacy Terms: /sms-terms'",
    "Maple Street Dental: You have been unsubscribed and will receive no further messages. Reply"
    " START to resubscribe.",
    "Maple Street Dental: For help call (512) 447-0198 or email frontdesk@maplestreetdental.com."
    " Msg & data rates may apply. Reply STOP to cancel.",
    "No mobile information will be shared with third parties/affiliates for marketing/promotional"
    " purposes. We may share your information with service providers who help us deliver the"
    " service. Carriers are not liable for delayed or undelivered messages.",
]

UNIT = 100_000
PAGES = {
    "policy-like": (" ".join(FIELDS) + " We respect your privacy. ") * (UNIT // 1000),
    "letters": "a" * UNIT,
    "a@": "a@" * (UNIT // 2),
    "dots": "a." * (UNIT // 2),
    "phone-ish": "512-447-" * (UNIT // 8),
    "reply-stop-by": "reply stop by " * (UNIT // 14),
    "not-share": "we do not share " * (UNIT // 16),
    "may-share": "we may share your data with " * (UNIT // 28),
    "brackets": "[[[[(((({{{{<<<<" * (UNIT // 16),
    "percent": "%a" * (UNIT // 2),
    "ligatures": "\ufb01" * UNIT,
    "smart-quotes": "\u201cSTOP\u201d " * (UNIT // 7),
}


def detectors() -> dict[str, Callable[[str], object]]:
    found: dict[str, Callable[[str], object]] = {
        name: getattr(phrases, name)
        for name in phrases.__all__
        if name.startswith("find_") and name != "find_brand"
    }
    found["find_brand"] = lambda text: phrases.find_brand(text, MAPLE)
    return found


def _cpu(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args(argv).runs
    dets = detectors()
    fold_small = sys.modules["consentry.phrases.normalize"]._fold_small

    print(f"typical fields ({sum(map(len, FIELDS)) // len(FIELDS)} chars avg), us per detector:")
    for name, det in dets.items():

        def cold(det: Callable[[str], object] = det) -> None:
            fold_small.cache_clear()  # include folding: the first detector on a field pays it
            for text in FIELDS:
                det(text)

        print(f"  {name:28} {_cpu(cold, runs) / len(FIELDS) * 1e6:7.1f}")

    print("100 KB strings, ms per detector (worst page named):")
    for name, det in dets.items():
        worst, page = 0.0, ""
        for kind, text in PAGES.items():
            phrases.fold(text)  # folding is shared by all detectors; timed separately below
            took = _cpu(lambda det=det, text=text: det(text), runs)
            if took > worst:
                worst, page = took, kind
        print(f"  {name:28} {worst * 1000:7.1f}  ({page})")
    norm = sys.modules["consentry.phrases.normalize"]
    for kind in ("policy-like", "ligatures"):
        took = _cpu(lambda kind=kind: norm._fold(PAGES[kind]), runs)
        print(f"  fold {kind:23} {took * 1000:7.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
