"""Lint throughput: generate N realistic campaign files and lint them offline in one process.

    .venv/bin/python bench/lint_bench.py [N]

Prints campaigns per second (load + all rules) and per-campaign latency percentiles.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from consentry.campaign import parse_campaign  # noqa: E402
from consentry.lint import all_rules, lint_campaign  # noqa: E402
from consentry.lint.batch import BatchSettings, lint_files  # noqa: E402

BUSINESSES = [
    (
        "Maple Street Dental",
        "HEALTHCARE",
        "appointment reminders",
        "patients",
        "ACCOUNT_NOTIFICATION",
    ),
    ("Harbor Bike Repair", "RETAIL", "repair status updates", "customers", "CUSTOMER_CARE"),
    (
        "Cedar Grove Property Management",
        "REAL_ESTATE",
        "maintenance notices and rent reminders",
        "tenants",
        "ACCOUNT_NOTIFICATION",
    ),
    ("Bluebird Bakery", "RETAIL", "order pickup alerts and weekly specials", "customers", "MIXED"),
    (
        "Summit HVAC Services",
        "CONSTRUCTION",
        "technician arrival alerts",
        "homeowners",
        "DELIVERY_NOTIFICATION",
    ),
    (
        "Lakeside Yoga Studio",
        "ENTERTAINMENT",
        "class reminders and member offers",
        "members",
        "MARKETING",
    ),
]


def make_campaign(rng: random.Random, i: int) -> str:
    name, vertical, purpose, audience, use_case = rng.choice(BUSINESSES)
    slug = name.lower().replace(" ", "")
    site = f"https://www.{slug}{i % 97}.com"
    marketing = use_case in ("MARKETING", "MIXED")
    flow = (
        f"{audience.capitalize()} opt in on our online form at {site}/sms-signup by checking an optional, "
        f"unchecked box: 'I agree to receive {purpose} by text from {name}. Message frequency varies. "
        f"Msg & data rates may apply. Reply HELP for help, STOP to cancel. Consent is not a condition of "
        f"purchase. Privacy Policy: {site}/privacy. Terms: {site}/sms-terms.'"
    )
    if rng.random() < 0.3:
        flow = flow.replace("Msg & data rates may apply. ", "")  # a realistic share of broken files
    data = {
        "schema_version": 1,
        "brand": {
            "display_name": name, "legal_name": f"{name} LLC", "entity_type": "PRIVATE_PROFIT",
            "ein": f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}", "vertical": vertical,
            "website": site, "email": f"hello@{site.split('//')[1].removeprefix('www.')}",
            "phone": f"+1512{rng.randint(2000000, 9999999)}", "stock_symbol": None, "stock_exchange": None,
            "address": {"street": f"{rng.randint(10, 9999)} Main Street", "city": "Austin", "state": "TX",
                        "postal_code": "78704", "country": "US"},
        },
        "campaign": {
            "use_case": use_case,
            "sub_use_cases": ["ACCOUNT_NOTIFICATION", "MARKETING"] if use_case == "MIXED" else [],
            "description": f"{name} sends {purpose} by text message to {audience} who opted in on our website. "
                           f"Messages are sent when an event needs their attention.",
            "message_flow": flow,
            "sample_messages": [
                f"{name}: Hi [first name], your {purpose.split()[0]} is scheduled for [date]. Reply STOP to opt out.",
                f"{name}: Update on your request [ref]: we will text again when it changes. Reply HELP for help.",
                *([f"{name}: This week only, 15% off for members! Reply STOP to opt out."] if marketing else []),
            ],
            "opt_in_keywords": ["START"],
            "opt_in_message": f"{name}: You're opted in to {purpose}{' and offers' if marketing else ''}. "
                              "Msg frequency varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.",
            "opt_out_keywords": ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"],
            "opt_out_message": f"{name}: You have been unsubscribed and will receive no further messages.",
            "help_keywords": ["HELP", "INFO"],
            "help_message": f"{name}: For help email hello@{slug}.com. Reply STOP to cancel.",
            "embedded_link": False, "embedded_phone": False, "number_pool": False, "age_gated": False,
            "direct_lending": False, "affiliate_marketing": False, "subscriber_opt_in": True,
            "subscriber_opt_out": True, "subscriber_help": True,
            "privacy_policy_url": f"{site}/privacy", "terms_url": f"{site}/sms-terms",
            "opt_in_urls": [f"{site}/sms-signup"],
        },
    }  # fmt: skip
    return yaml.safe_dump(data, sort_keys=False, width=10**6)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rng = random.Random(7)
    texts = [make_campaign(rng, i) for i in range(n)]
    rules = all_rules()
    lint_campaign(
        parse_campaign(texts[0], source="warmup.yaml"), rules=rules
    )  # import and compile once
    latencies = []
    verdicts: dict[str, int] = {}
    start = time.perf_counter()
    for i, text in enumerate(texts):
        t0 = time.perf_counter()
        result = lint_campaign(parse_campaign(text, source=f"c{i}.yaml"), rules=rules)
        latencies.append(time.perf_counter() - t0)
        verdicts[result.verdict] = verdicts.get(result.verdict, 0) + 1
    total = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100)
    print(f"lint: {n} campaigns, {len(rules)} rules, one process, offline")
    print(f"  throughput   {n / total:,.0f} campaigns/s ({total:.2f} s total)")
    print(
        f"  latency      p50 {q[49] * 1000:.2f} ms  p90 {q[89] * 1000:.2f} ms  p99 {q[98] * 1000:.2f} ms"
    )
    print(f"  verdicts     {verdicts}")
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = Path(tmp) / f"c{i:05d}.yaml"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        for jobs in (1, 2):
            start = time.perf_counter()
            done = sum(1 for _ in lint_files(paths, BatchSettings(), jobs=jobs))
            took = time.perf_counter() - start
            print(
                f"  files, --jobs {jobs}: {done / took:,.0f} campaigns/s (read + lint, {took:.2f} s)"
            )


if __name__ == "__main__":
    main()
