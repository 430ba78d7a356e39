"""Reading and checking answers: normalised values, and one-line errors naming key and line."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

from consentry.campaign import parse_campaign
from consentry.draft import (
    QUESTIONS,
    answers_from_mapping,
    example_answers,
    make_draft,
    parse_answers,
)
from consentry.draft.answers import FIELDS
from consentry.draft.questions import ask_value
from consentry.errors import InputError
from consentry.lint import Severity, lint_campaign
from consentry.lint.website import campaign_urls
from consentry.site import load_folder
from tests.draft.test_advise import BASE


def test_the_example_answers_parse_and_are_normalised() -> None:
    a = parse_answers(example_answers(), source="example.yaml")
    assert a.name == "Riverside Bike Works" and a.entity_type == "PRIVATE_PROFIT"
    assert a.ein == "84-2913375" and a.phone == "+12085550188" == a.texting_number
    assert a.messages == ("service_notices", "order_updates", "marketing_offers") and a.marketing
    assert a.opt_in.keyword == "RIDE" and a.opt_in.web_forms == (
        "https://www.riversidebikeworks.com/text-alerts",
    )
    assert a.frequency == "up to 6 per month"
    assert a.line("business.ein") == 8


def _error(raw: dict[str, Any]) -> InputError:
    with pytest.raises(InputError) as caught:
        answers_from_mapping({k: v for k, v in raw.items() if v is not None}, source="a.yaml")
    return caught.value


@pytest.mark.parametrize(
    ("changes", "key", "words"),
    [
        ({"business.type": "sole proprietor"}, "business.ein", "without an EIN"),
        ({"business.type": "public company"}, "business.stock_symbol", "stock symbol"),
        ({"business.email": "maplestreetdental@gmail.com"}, "business.email", "own domain"),
        ({"business.address.street": "PO Box 12"}, "business.address.street", "PO box"),
        ({"business.ein": "07-1234567"}, "business.ein", "no EIN starts with 07"),
        ({"business.phone": "555-555-5555"}, "business.phone", "not a valid US phone"),
        ({"messages": ["marketing_offers"], "marketing": "no"}, "marketing", "marketing_offers"),
        ({"opt_in.paper_form": "yes"}, "opt_in.paper_form_photo", "photo"),
        ({"opt_in.app": "yes"}, "opt_in.app_screenshot", "screenshot"),
        ({"opt_in.web_form": "https://forms.example.org/sms"}, "opt_in.web_form", "own website"),
        ({"contact_form.url": "https://www.maplestreetdental.com/book"}, "contact_form.url", "already your web_form"),
        ({"opt_in.web_form": None}, "opt_in", "say how people agree"),
        ({"business.name": "[Company Name]"}, "business.name", "real business name"),
        ({"recipients": "people who 4 sure like us"}, "recipients", "plain words"),
        ({"business.name": "x" * 101}, "business.name", "under 100"),
    ],
)  # fmt: skip
def test_bad_answers_name_the_key(changes: dict[str, Any], key: str, words: str) -> None:
    error = _error({**BASE, **changes})
    assert error.key == key and words in error.message, error.one_line()


def test_errors_point_at_the_line_of_the_first_bad_answer() -> None:
    text = "business:\n  name: Acme\n  ein: nine\n  phone: nope\nmessages: [bogus]\n"
    with pytest.raises(InputError) as caught:
        parse_answers(text, source="a.yaml")
    assert caught.value.one_line() == "a.yaml:3: business.ein: an EIN is 9 digits, like 12-3456789"
    with pytest.raises(InputError) as caught:
        parse_answers("business:\n  name: A\n  name: B\n", source="a.yaml")
    assert caught.value.one_line() == "a.yaml:3: business.name: this key appears twice"


def test_replies_and_texting_first_come_together() -> None:
    raw = {**BASE, "messages": ["appointment_reminders", "replies"]}
    assert answers_from_mapping(raw).opt_in.text_first
    raw = {**BASE, "opt_in.text_first": "yes"}
    assert "replies" in answers_from_mapping(raw).messages
    raw = {**BASE, "marketing": "yes"}
    assert "marketing_offers" in answers_from_mapping(raw).messages


def test_every_question_fills_an_answers_key_and_picks_map_numbers() -> None:
    assert {q.key for q in QUESTIONS} <= set(FIELDS)
    assert {k for k, spec in FIELDS.items() if spec.required} <= {q.key for q in QUESTIONS}
    pick = next(q for q in QUESTIONS if q.key == "messages")
    assert ask_value(pick, "1, 8") == ["appointment_reminders", "marketing_offers"]
    assert ask_value(pick, "replies") == ["replies"]
    web = next(q for q in QUESTIONS if q.key == "opt_in.web_form")
    assert ask_value(web, "  ") is None


def test_a_brand_with_an_ampersand_and_no_spaces_is_recognised() -> None:
    raw = {
        **BASE,
        "business.name": "A&B Dental",
        "business.legal_name": "A&B Dental LLC",
        "business.website": "https://www.abdental.com",
        "business.email": "hello@abdental.com",
        "opt_in.web_form": "https://www.abdental.com/book",
    }
    drafted = make_draft(answers_from_mapping(raw))
    loaded = parse_campaign(drafted.files["campaign.yaml"], source="campaign.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        for name, html in drafted.site_files.items():
            (Path(tmp) / name).write_text(html, encoding="utf-8")
        site = load_folder(tmp, base_urls=[*campaign_urls(loaded)])
    findings = lint_campaign(loaded, site=site).findings
    assert not [f.code for f in findings if f.severity is Severity.ERROR]
