"""The advisor: use case and sub-use cases with reasons, checkbox advice, refused verticals and
the verticals that need an extra step."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from consentry.draft import Answers, advise, answers_from_mapping

BASE: dict[str, Any] = {
    "business.name": "Maple Street Dental",
    "business.legal_name": "Maple Street Dental PLLC",
    "business.ein": "84-1234567",
    "business.industry": "dental clinic",
    "business.what_you_do": "care for teeth in Austin",
    "business.website": "https://www.maplestreetdental.com",
    "business.email": "frontdesk@maplestreetdental.com",
    "business.phone": "(512) 447-0198",
    "business.address.street": "2104 Maple Street",
    "business.address.city": "Austin",
    "business.address.state": "TX",
    "business.address.postal_code": "78704",
    "messages": ["appointment_reminders"],
    "opt_in.web_form": "https://www.maplestreetdental.com/book",
}


def _answers(**changes: Any) -> Answers:
    return answers_from_mapping({**BASE, **changes}, source="a.yaml")


@pytest.mark.parametrize(
    ("messages", "extra", "use_case", "subs"),
    [
        (["appointment_reminders"], {}, "ACCOUNT_NOTIFICATION", ()),
        (["one_time_codes"], {}, "2FA", ()),
        (["order_updates"], {}, "DELIVERY_NOTIFICATION", ()),
        (["replies"], {"opt_in.web_form": None}, "CUSTOMER_CARE", ()),
        (["marketing_offers"], {}, "MARKETING", ()),
        (["appointment_reminders", "billing_reminders"], {}, "ACCOUNT_NOTIFICATION", ()),
        (["appointment_reminders", "marketing_offers"], {}, "MIXED", ("ACCOUNT_NOTIFICATION", "MARKETING")),
        (["order_updates", "replies", "one_time_codes"], {}, "MIXED", ("2FA", "CUSTOMER_CARE", "DELIVERY_NOTIFICATION")),
        (["appointment_reminders", "replies"], {"low_volume": "yes"}, "LOW_VOLUME", ("ACCOUNT_NOTIFICATION", "CUSTOMER_CARE")),
        (["appointment_reminders"], {"low_volume": "yes"}, "LOW_VOLUME", ("ACCOUNT_NOTIFICATION",)),
    ],
)  # fmt: skip
def test_use_case_follows_the_messages(
    messages: list[str], extra: dict[str, Any], use_case: str, subs: tuple[str, ...]
) -> None:
    raw = {**BASE, **extra, "messages": messages}
    advice = advise(answers_from_mapping({k: v for k, v in raw.items() if v is not None}))
    assert advice.stop is None, advice.stop
    assert (advice.use_case, advice.sub_use_cases) == (use_case, subs)
    assert advice.why and all(w.strip() for w in advice.why)
    assert any(use_case in w for w in advice.why) or use_case in " ".join(advice.why)


def test_donations_from_a_charity_register_charity_with_its_other_kinds() -> None:
    advice = advise(
        _answers(
            **{"business.type": "non-profit", "business.industry": "food bank"},
            messages=["donations", "appointment_reminders"],
        )
    )
    assert (advice.use_case, advice.sub_use_cases) == ("CHARITY", ("ACCOUNT_NOTIFICATION",))
    assert advice.vertical == "NGO"
    assert any("501(c)(3)" in s for s in advice.extra_steps)


def test_a_sole_proprietor_registers_the_sole_proprietor_use_case() -> None:
    raw = {**BASE, "business.type": "sole proprietor", "business.legal_name": "Ana Ruiz"}
    del raw["business.ein"]
    advice = advise(answers_from_mapping(raw))
    assert advice.use_case == "SOLE_PROPRIETOR" and advice.sub_use_cases == ()


@pytest.mark.parametrize(
    ("industry", "what", "words"),
    [
        ("cannabis dispensary", "sell flower and edibles", "cannabis"),
        ("wellness shop", "sell CBD oils and hemp gummies", "cannabis"),
        ("payday loans", "offer short-term loans until payday", "payday"),
        ("debt relief", "help people settle credit card debt", "debt relief"),
        ("tax resolution", "reduce what people owe the IRS", "debt relief"),
        ("online casino", "run slot games", "gambling"),
        ("sports betting", "take bets on games", "gambling"),
        (
            "marketing agency",
            "do affiliate marketing and lead generation for insurers",
            "affiliate",
        ),
        ("crypto exchange", "trade bitcoin for customers", "crypto"),
        ("vape shop", "sell e-cigarettes and vape juice", "tobacco"),
    ],
)
def test_refused_verticals_stop_early_with_the_reason(industry: str, what: str, words: str) -> None:
    advice = advise(_answers(**{"business.industry": industry, "business.what_you_do": what}))
    assert advice.stop is not None and words in advice.stop.lower()
    assert "wrote nothing" in advice.stop


@pytest.mark.parametrize(
    ("industry", "what"),
    [
        ("dental clinic", "care for teeth in Austin"),
        ("bakery", "bake bread and sell coffee"),  # not "bar"
        ("law firm", "represent clients in business disputes"),
        ("hospital", "treat patients; we are affiliated with the state university"),
        ("accounting firm", "prepare tax returns for families"),  # not "tax relief"
    ],
)
def test_ordinary_businesses_are_not_stopped(industry: str, what: str) -> None:
    advice = advise(_answers(**{"business.industry": industry, "business.what_you_do": what}))
    assert advice.stop is None
    assert not advice.age_gated and not advice.direct_lending


def test_political_texting_needs_campaign_verify_first() -> None:
    advice = advise(_answers(**{"business.industry": "political campaign committee"}))
    assert advice.stop is not None and "Campaign Verify" in advice.stop


def test_donations_need_a_non_profit() -> None:
    stop = advise(_answers(messages=["donations"])).stop
    assert stop is not None and "501(c)(3)" in stop


def test_age_restricted_and_lending_businesses_get_their_extra_step() -> None:
    winery = advise(
        _answers(**{"business.industry": "winery", "business.what_you_do": "make wine in Napa"})
    )
    assert winery.stop is None and winery.age_gated
    assert any("date of birth" in s for s in winery.extra_steps)
    lender = advise(_answers(**{"business.industry": "auto finance", "business.what_you_do": "lend money for used cars"}))  # fmt: skip
    assert lender.stop is None and lender.direct_lending
    assert any("Direct Lending" in s for s in lender.extra_steps)
    # The owner can overrule the guess.
    assert not advise(
        replace(_answers(**{"business.industry": "winery"}), age_gated=False)
    ).age_gated


def test_marketing_needs_a_written_opt_in() -> None:
    raw = {**BASE, "messages": ["marketing_offers"], "opt_in.phone_call": "yes"}
    del raw["opt_in.web_form"]
    stop = advise(answers_from_mapping(raw)).stop
    assert stop is not None and "written consent" in stop


def test_checkbox_advice_per_way_of_collecting_numbers() -> None:
    advice = advise(
        _answers(**{"opt_in.keyword": "SMILE", "contact_form.url": "https://www.maplestreetdental.com/contact"})
    )  # fmt: skip
    text = " ".join(advice.checkbox)
    assert "optional, unchecked SMS checkbox" in text  # the web form
    assert "Keyword SMILE: no checkbox" in text
    assert "needs no SMS checkbox" in text  # the call-back contact form
    marketing = advise(
        _answers(
            messages=["appointment_reminders", "marketing_offers"],
            **{"contact_form.url": "https://www.maplestreetdental.com/contact"},
        )
    )
    assert marketing.contact_form_is_opt_in
    assert any("own, separate unchecked checkbox" in c for c in marketing.checkbox)
    assert any("because you send marketing" in c for c in marketing.checkbox)


def test_vertical_is_picked_from_the_industry_or_given() -> None:
    assert advise(_answers()).vertical == "HEALTHCARE"
    assert (
        advise(_answers(**{"business.industry": "property management"})).vertical == "REAL_ESTATE"
    )
    assert advise(_answers(**{"business.vertical": "professional"})).vertical == "PROFESSIONAL"
    odd = advise(_answers(**{"business.industry": "xylophone tuning", "business.what_you_do": "tune xylophones"}))  # fmt: skip
    assert odd.vertical == "PROFESSIONAL" and any("business.vertical" in n for n in odd.notes)


def test_accented_names_are_spelled_for_gsm7_in_texts() -> None:
    advice = advise(_answers(**{"business.name": "Crème Brûlée Dental"}))
    assert advice.sms_name == "Creme Brulee Dental"
    assert any("UCS-2" in n for n in advice.notes)
