"""Every kind of message with every way of opting in, marketing on and off: either the drafted
campaign lints without errors, or the advisor stops for the documented reason."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path
from typing import Any

import pytest

from consentry.campaign import parse_campaign
from consentry.draft import advise, answers_from_mapping, make_draft
from consentry.lint import Severity, lint_campaign
from consentry.lint.website import campaign_urls
from consentry.site import load_folder

SITE = "https://www.hillsidecommons.com"
BASE: dict[str, Any] = {
    "business.name": "Hillside Commons",
    "business.legal_name": "Hillside Commons LLC",
    "business.ein": "84-1234567",
    "business.industry": "apartment community",
    "business.what_you_do": "rent apartments to families in Salem",
    "business.website": SITE,
    "business.email": "office@hillsidecommons.com",
    "business.phone": "(503) 555-0142",
    "business.address.street": "1 Main Street",
    "business.address.city": "Salem",
    "business.address.state": "OR",
    "business.address.postal_code": "97301",
    "recipients": "residents",
}
METHOD_ANSWERS: dict[str, dict[str, str]] = {
    "web_form": {"opt_in.web_form": f"{SITE}/text-alerts"},
    "keyword": {"opt_in.keyword": "HOME", "opt_in.keyword_where": "the lobby sign"},
    "text_first": {"opt_in.text_first": "yes"},
    "phone_call": {"opt_in.phone_call": "yes"},
    "paper_form": {"opt_in.paper_form": "yes", "opt_in.paper_form_photo": f"{SITE}/img/form.jpg"},
    "app": {"opt_in.app": "yes", "opt_in.app_screenshot": f"{SITE}/img/app.png"},
}
KINDS = ("appointment_reminders", "service_notices", "billing_reminders", "order_updates",
         "replies", "employee_notices", "one_time_codes", "donations")  # fmt: skip


def _expected_stop(kinds: set[str], method: str) -> str | None:
    started = kinds - {"replies", "marketing_offers"}
    if (kinds - {"replies"}) and method == "text_first":
        return "only lets you reply"
    if "marketing_offers" in kinds and method in ("text_first", "phone_call"):
        return "need written consent"
    if method == "phone_call" and not started:
        return "phone call"
    if kinds == {"replies"} and method != "text_first":
        return "nothing to sign up for"
    return None


COMBOS = list(itertools.product(KINDS, METHOD_ANSWERS, (False, True)))


@pytest.mark.parametrize(("kind", "method", "marketing"), COMBOS)
def test_every_kind_with_every_opt_in(kind: str, method: str, marketing: bool) -> None:
    kinds = {kind} | ({"marketing_offers"} if marketing else set())
    raw = {**BASE, **METHOD_ANSWERS[method], "messages": sorted(kinds)}
    if kind == "donations":
        raw.update({"business.type": "non-profit", "business.industry": "housing charity"})
    answers = answers_from_mapping(raw, source="combo.yaml")
    if kind == "replies":  # replies always come with texting first
        kinds = set(answers.messages)
        assert answers.opt_in.text_first
    advice = advise(answers)
    expected = _expected_stop(set(answers.messages), method)
    if expected:
        assert advice.stop is not None and expected in advice.stop, advice.stop
        return
    assert advice.stop is None, advice.stop
    drafted = make_draft(answers, advice)
    loaded = parse_campaign(drafted.files["campaign.yaml"], source="campaign.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        for name, html in drafted.site_files.items():
            (Path(tmp) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp) / name).write_text(html, encoding="utf-8")
        site = load_folder(tmp, base_urls=[SITE, *campaign_urls(loaded)])
    errors = [
        (f.code, f.message)
        for f in lint_campaign(loaded, site=site).findings
        if f.severity is Severity.ERROR
    ]
    assert not errors, drafted.texts.message_flow
