"""Reading codes, campaign ids and demands out of real notices."""

from __future__ import annotations

import re

import pytest

from consentry.explain.codes import all_codes
from consentry.explain.parse import _titles, parse_notice
from tests.explain.notices import (
    AWS_ENUMS,
    NOT_CODES,
    SEED_861,
    SEED_861_REQUIREMENTS,
    TELNYX_806,
    TWILIO_EMAIL,
)


def codes_of(text: str) -> list[str]:
    return [f.info.code for f in parse_notice(text).codes]


def ids_of(text: str) -> set[str]:
    return {rid for rid, _ in parse_notice(text).requirements}


def text_ids_of(text: str) -> set[str]:
    """Requirements found in the wording itself, not only through a code."""
    return {rid for rid, origins in parse_notice(text).requirements if "text" in origins}


# --- the seed notice -------------------------------------------------------------------------


def test_seed_notice_has_code_861_and_campaign_id() -> None:
    notice = parse_notice(SEED_861)
    assert [f.info.code for f in notice.codes] == ["861"]
    assert notice.campaign_ids == ("CEFQQMK",)


def test_seed_notice_lists_every_demand_once_from_code_and_from_wording() -> None:
    notice = parse_notice(SEED_861)
    ids = [rid for rid, _ in notice.requirements]
    assert len(ids) == len(set(ids))
    assert set(ids) == SEED_861_REQUIREMENTS
    for _, origins in notice.requirements:
        assert set(origins) == {"861", "text"}


def test_seed_wording_alone_gives_the_same_demands() -> None:
    without_code = SEED_861.replace("(861)", "")
    assert codes_of(without_code) == ["861"]  # recognised from its published wording
    assert text_ids_of(without_code) == SEED_861_REQUIREMENTS


@pytest.mark.parametrize(
    "variant",
    [
        SEED_861.upper(),
        SEED_861.lower(),
        re.sub(r"[^\w\s]", " ", SEED_861),  # every bit of punctuation lost
        re.sub(r"\s+", " ", SEED_861),  # line breaks lost
        "\n".join(re.findall(r".{1,60}(?:\s|$)", SEED_861)),  # re-wrapped at 60 columns
        SEED_861.replace('"', "\u201c", 1).replace('"', "\u201d", 1).replace("'", "\u2019"),
        SEED_861.replace("message frequency", "msg frequency").replace("mssg", "message"),
    ],
    ids=[
        "upper",
        "lower",
        "no-punctuation",
        "one-line",
        "rewrapped",
        "smart-quotes",
        "abbreviations",
    ],
)
def test_messy_copies_of_the_seed_notice_give_the_same_demands(variant: str) -> None:
    assert "861" in codes_of(variant)
    assert text_ids_of(variant) == SEED_861_REQUIREMENTS


def test_boilerplate_adds_no_demand() -> None:
    boilerplate = (
        "DCA2 declined sharing request for campaign CEFQQMK. Explanation: "
        "Registration requires strict adherence to carrier SMS policies, as well as detailed "
        "information using SMS, and how you are obtaining consent."
    )
    notice = parse_notice(boilerplate)
    assert notice.requirements == () and notice.codes == ()
    assert notice.campaign_ids == ("CEFQQMK",)


# --- codes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("info", [i for _, i in _titles()], ids=lambda i: i.code)
def test_every_code_parses_back_from_its_own_published_wording(info: object) -> None:
    from consentry.explain.codes import CodeInfo

    assert isinstance(info, CodeInfo)
    assert codes_of(info.title) == [info.code]
    assert codes_of(info.title.upper()) == [info.code]


@pytest.mark.parametrize("info", all_codes(), ids=lambda i: i.code)
def test_every_code_is_read_in_code_context(info: object) -> None:
    from consentry.explain.codes import CodeInfo

    assert isinstance(info, CodeInfo)
    for text in (info.code, f"Error {info.code}", f"code: {info.code}", f"rejected ({info.code})"):
        assert info.code in codes_of(text), text
    assert info.code in codes_of(f"Rejection reason: {info.code} - {info.title}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("861", ["861"]),
        ("Error 30909", ["30909"]),
        ("error code: 806", ["806"]),
        ("(861)", ["861"]),
        ("Twilio error #30909 on your campaign", ["30909"]),
        ("Codes 806, 861 and 30909", ["806", "861", "30909"]),
        ("806/611", ["806", "611"]),
        ("DCA 805\nDCA 852", ["805", "852"]),
        ('{"errorCode": 30896}', ["30896"]),
        ("806 Unable to verify, need more detail", ["806"]),
        ("opt_in_workflow_non_compliant_help_stop", ["OPT_IN_WORKFLOW_NON_COMPLIANT_HELP_STOP"]),
    ],
)
def test_codes_in_context(text: str, expected: list[str]) -> None:
    assert codes_of(text) == expected


def test_numbers_that_are_not_codes_are_ignored() -> None:
    notice = parse_notice(NOT_CODES)
    assert notice.codes == ()
    assert notice.requirements == ()


@pytest.mark.parametrize(
    "text",
    [
        "Please call (861) 555-0199 to discuss.",
        "Our office is at 611 Main Street.",
        "You may receive up to 806 texts per month.",
        "Reviewed 8/06/2025.",
        "Fee: $861",
        "Campaign C861ABC is pending.",
        "We have T3 here",
    ],
)
def test_a_known_code_number_outside_code_context_is_not_a_code(text: str) -> None:
    assert codes_of(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Error 30999", "30999"),
        ("999", "999"),
        ("DCA code 999 - something new", "999"),
        ("2100 - Invalid Call to Action: No form of opt-in whatsoever was found.", "2100"),
        ("Denial reason: OPT_IN_WORKFLOW_TOTALLY_NEW_THING", "OPT_IN_WORKFLOW_TOTALLY_NEW_THING"),
    ],
)
def test_unknown_codes_are_reported_as_unknown_not_guessed(text: str, code: str) -> None:
    found = {f.info.code: f.info for f in parse_notice(text).codes}
    assert code in found
    info = found[code]
    assert not info.known and info.requirements == () and info.resubmit == "unknown"


@pytest.mark.parametrize(
    "text", ["Maple Street Dental\nAustin, TX\n78704\n", "Updated\n2025\n", "Error rate 30007"]
)
def test_numbers_that_might_be_codes_are_not_reported_without_code_context(text: str) -> None:
    assert codes_of(text) == []


def test_an_unknown_code_still_yields_the_demands_in_its_wording() -> None:
    assert "cta.method" in ids_of(
        "2100 - Invalid Call to Action: No form of opt-in whatsoever was found."
    )


def test_tcr_letter_codes_are_recognised_only_as_codes_and_unverified() -> None:
    (found,) = parse_notice("TCR code T3").codes
    assert found.info.code == "T3" and not found.info.verified


def test_a_title_inside_a_longer_title_is_not_a_second_code() -> None:
    # 861's wording contains 611's; only 861 is reported.
    assert codes_of(SEED_861.replace("(861)", "").replace("mssg", "message")) == ["861"]


def test_several_notices_pasted_together() -> None:
    pasted = "\n\n".join([SEED_861, TWILIO_EMAIL, AWS_ENUMS, TELNYX_806])
    notice = parse_notice(pasted)
    assert [f.info.code for f in notice.codes][:1] == ["861"]
    assert {
        "861",
        "30909",
        "806",
        "OPT_IN_WORKFLOW_NON_COMPLIANT_HELP_STOP",
        "PRIVACY_POLICY_NON_COMPLIANT",
    } <= {f.info.code for f in notice.codes}
    ids = [rid for rid, _ in notice.requirements]
    assert len(ids) == len(set(ids))
    assert SEED_861_REQUIREMENTS | {"cta.method", "pp.no_sharing"} <= set(ids)


def test_several_campaign_ids() -> None:
    text = (
        "DCA2 declined sharing request for campaign CEFQQMK. Explanation: Opt-out message must "
        "contain brand name. (611)\n\nCampaign ID: CD2166Q - Compliant privacy policy is required (805)"
    )
    notice = parse_notice(text)
    assert notice.campaign_ids == ("CEFQQMK", "CD2166Q")
    assert [f.info.code for f in notice.codes] == ["611", "805"]


def test_requirements_come_in_form_order_not_notice_order() -> None:
    from consentry.explain.requirements import ORDER

    ids = [
        rid for rid, _ in parse_notice("HELP message must contain brand name. (806)").requirements
    ]
    assert ids == sorted(ids, key=ORDER.__getitem__)
    assert ids[-1] == "help.brand"
