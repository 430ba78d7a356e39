"""The code catalogue and the requirement catalogue: complete, consistent, and tied to real rules."""

from __future__ import annotations

import re

import pytest

from consentry.campaign import FIELDS_BY_PATH
from consentry.explain.codes import RESUBMIT, WORDING, all_codes, get_code
from consentry.explain.requirements import FORM_LABELS, REQUIREMENTS, get_requirement, where_of
from consentry.lint import all_rules, get_rule

# Appendix A of shared/reference/rules.md, transcribed independently of the catalogue.
TWILIO_A1 = [
    "30880",
    "30881",
    "30882",
    "30883",
    "30884",
    "30885",
    "30886",
    "30887",
    "30888",
    "30889",
    "30892",
    "30893",
    "30894",
    "30895",
    "30896",
    "30897",
    "30898",
    "30899",
    "30900",
    "30901",
    "30902",
    "30904",
    "30905",
    "30907",
    "30908",
    "30909",
    "30910",
    "30913",
    "30914",
    "30915",
    "30917",
    "30919",
    "30921",
    "30922",
    "30923",
    "30924",
    "30925",
    "30932",
    "30933",
    "30934",
    "30943",
    "30949",
    "30950",
    "30990",
    "30991",
    "30994",
    "21727",
    "21728",
]
TWILIO_305 = [
    "30540",
    "30543",
    "30544",
    "30545",
    "30551",
    "30558",
    "30560",
    "30562",
    "30569",
    "30570",
]
TWILIO_ANALOGUES = [
    "30513",
    "30841",
    "30831",
    "30842",
    "30848",
    "30858",
    "30860",
    "30861",
    "30459",
    "30469",
    "30863",
    "30867",
    "30873",
    "30874",
    "30875",
    "30878",
    "30475",
    "30531",
    "30807",
]
DCA = [
    "601",
    "602",
    "603",
    "611",
    "701",
    "702",
    "703",
    "704",
    "705",
    "706",
    "707",
    "708",
    "709",
    "710",
    "711",
    "712",
    "713",
    "801",
    "802",
    "803",
    "804",
    "805",
    "806",
    "807",
    "851",
    "852",
    "861",
]
UNVERIFIED = [
    "T1",
    "T2",
    "T3",
    "T4",
    "T5",
    "T6",
    "T7",
    "9607",
    "9103",
    "2115",
    "2116",
    "2117",
    "2121",
    "7103",
    "30891",
]
# A.3 as printed, with its (A/B) shorthand expanded below.
AWS_A3 = """
`BRAND_ADDRESS_INVALID` `BRAND_EMAIL_INVALID_OR_MISSING` `BRAND_EMAIL_PUBLIC_DOMAIN` `UNOFFICIAL_SUPPORT_EMAIL`
`INVALID_SUPPORT_EMAIL` `BRAND_INVALID_BUSINESS_CONNECTION` `INVALID_BUSINESS_CONNECTION` `BRAND_MULTI_USE`
`INVALID_MULTI_BUSINESS` `BRAND_NON_COMPLIANT_SWEEPSTAKES` `BRAND_NON_COMPLIANT_HIGH_RISK_FINANCIAL`
`BRAND_PHONE_NUMBER_INVALID_OR_MISSING` `SPAM_OR_PHISHING_ASSOCIATION` `BRAND_UNVERIFIED`
`BRAND_USE_CASE_MISMATCH_POLITICAL` `BRAND_VETTING_INVALID` `BRAND_DBA_NAME_MISMATCH` `BRAND_NOT_TCR_AUTH_PLUS_COMPLIANT`
`CAMPAIGN_MISMATCH(_CHARITY/_POLITICAL)` `CAMPAIGN_MULTI_USE` `CAMPAIGN_TO_BRAND_MISMATCH` `CAMPAIGN_UNCLEAR`
`UNCLEAR_USE_CASE` `CAMPAIGN_UNDECLARED_DIRECT_LENDING` `UNDECLARED_DIRECT_LENDING` `CAMPAIGN_NOT_QUALIFIED_FOR_USE_CASE`
`CAMPAIGN_NON_ENGLISH_CONTENT` `CAMPAIGN_TEMPLATE_REUSE` `CAMPAIGN_NOT_QUALIFIED_P2P` `CAMPAIGN_NOT_QUALIFIED_INFLUENCER`
`CAMPAIGN_NOT_QUALIFIED_EMERGENCY_ALERT` `ALTERNATIVE_SOLUTION_RECOMMENDED` `CAMPAIGN_MULTI_BRAND`
`CAMPAIGN_ATTRIBUTES_MISMATCH` `CAMPAIGN_CONFIRMATION_ISSUES` `USE_CASE_MISMATCH` `SAMPLE_MESSAGE_MISMATCH`
`SAMPLE_MESSAGE_USE_CASE_MISMATCH(_CHARITY/_POLITICAL)` `SAMPLE_MESSAGE_SHORT_URL` `SAMPLE_MESSAGE_PHONE_NUMBER`
`MESSAGE_SAMPLES_MISMATCH` `EMBEDDED_LINK_ISSUES` `EMBEDDED_PHONE_ISSUES` `HELP_MESSAGE_MISMATCH`
`HELP_MESSAGE_NON_COMPLIANT` `SUBSCRIBER_HELP_ISSUES` `NON_COMPLIANT_MESSAGE_SAMPLES` `MISSING_REQUIRED_FIELD`
`INVALID_FIELD_VALUE` `MISSING_CONDITIONAL_FIELD` `CONDITIONAL_FIELD_NOT_ALLOWED` `CANNOT_UPDATE_REGISTRATION`
`WAIT_TO_RESUBMIT_REGISTRATION` `BRAND_URL_INVALID` `INVALID_URL` `BRAND_URL_INSUFFICIENT_CONTENT` `BRAND_URL_FORM_ONLY`
`BRAND_URL_HIGH_RISK_DOMAIN` `BRAND_URL_AUTHENTICATION_REQUIRED` `PRIVACY_POLICY_MISSING` `PRIVACY_POLICY_NON_COMPLIANT`
`PRIVACY_POLICY_MISMATCH` `TERMS_AND_CONDITIONS_MISSING`
`TERMS_AND_CONDITIONS_NON_COMPLIANT(_AFFILIATE_MARKETING/_CARRIER_LIABILITY/_CUSTOMER_CARE/_MSG_FREQUENCY/_OPT_OUT/_PRIVACY_POLICY/_USE_CASE)`
`TERMS_AND_CONDITIONS_MISMATCH` `TERMS_AND_CONDITIONS_USE_CASE_MISMATCH` `TERMS_AND_CONDITIONS_ISSUES`
`OPT_IN_WORKFLOW_CONSENT` `OPT_IN_WORKFLOW_MISMATCH` `OPT_IN_WORKFLOW_MISSING` `OPT_IN_WORKFLOW_NON_COMPLIANT_DATA_RATES`
`OPT_IN_WORKFLOW_NON_COMPLIANT_HELP_STOP` `OPT_IN_WORKFLOW_NON_COMPLIANT_MSG_FREQUENCY`
`OPT_IN_WORKFLOW_NON_COMPLIANT_PRIVACY_POLICY` `OPT_IN_WORKFLOW_NON_COMPLIANT_TERMS_AND_CONDITIONS`
`OPT_IN_WORKFLOW_CONSENT_MARKETING_NOT_SEPARATED` `OPT_IN_WORKFLOW_INCOMPLETE` `OPT_IN_WORKFLOW_NON_COMPLIANT_CONSENT_LANGUAGE`
`OPT_IN_WORKFLOW_CHECKBOX_INVALID` `OPT_IN_DATA_SHARED_WITH_THIRD_PARTIES` `NON_COMPLIANT_OPT_IN` `UNCLEAR_OPT_IN`
`OPT_IN_WORKFLOW_NON_COMPLIANT_CONTENT_(GAMBLING/HIGH_RISK_FINANCIAL/ILLEGAL_SUBSTANCES/SHAFT_AGE_GATE)`
`OPT_IN_MESSAGE_MISMATCH` `OPT_IN_MESSAGE_MISSING` `OPT_IN_MESSAGE_NON_COMPLIANT` `OPT_IN_MESSAGE_NON_COMPLIANT_HELP_STOP`
`OPT_OUT_MESSAGE_MISMATCH` `OPT_OUT_MESSAGE_NON_COMPLIANT` `UNCLEAR_OPT_OUT`
`CAMPAIGN_NON_COMPLIANT_CONTENT_SHAFT_AGE_GATE` `AGE_GATE_ISSUES` `NON_COMPLIANT_USE_CASE_ALCOHOL/_TOBACCO/_GUNS`
`CAMPAIGN_NON_COMPLIANT_CONTENT_(AFFILIATE_MARKETING/GAMBLING/HIGH_RISK_FINANCIAL/ILLEGAL_SUBSTANCES/JOB_BOARDS/SHAFT/SWEEPSTAKES/NON_SUBSCRIBER/CANNABIS)`
`NON_COMPLIANT_USE_CASE(_AFFILIATE_MARKETING/_GAMBLING/_HIGH_RISK_FINANCIAL/_SHAFT/_TESTING/_CANNIBIS/_HATE)`
`SAMPLE_MESSAGE_NON_COMPLIANT_CONTENT_(GAMBLING/HIGH_RISK_FINANCIAL/ILLEGAL_SUBSTANCES/JOB_BOARDS/SHAFT/SWEEPSTAKES)`
`REGISTRATION_SUSPENDED_BY_MNO` `SECURITY_REVIEW_FAILED`
"""


def _expand_aws(text: str) -> set[str]:
    names: set[str] = set()
    for token in re.findall(r"`([A-Z0-9_()/]+)`", text):
        group = re.fullmatch(r"([A-Z0-9_]+?)_?\(([A-Z0-9_/]+)\)", token)
        if group:  # BASE(_A/_B): the base itself counts only when the variants start with "_"
            base, variants = group.groups()
            if token[len(base)] == "(":
                names.add(base)
            names.update(f"{base}_{v.strip('_')}" for v in variants.split("/"))
        elif "/" in token:  # A_B_C/_D/_E: siblings of the last word
            first, *rest = token.split("/")
            names.add(first)
            names.update(first.rsplit("_", 1)[0] + r for r in rest)
        else:
            names.add(token)
    return names


AWS = sorted(_expand_aws(AWS_A3))


def test_appendix_a_expansion_is_not_trivial() -> None:
    assert len(AWS) > 120
    assert "TERMS_AND_CONDITIONS_NON_COMPLIANT_OPT_OUT" in AWS and "NON_COMPLIANT_USE_CASE" in AWS


@pytest.mark.parametrize("code", TWILIO_A1 + TWILIO_305 + TWILIO_ANALOGUES + DCA + AWS + UNVERIFIED)
def test_every_appendix_a_code_is_in_the_catalogue(code: str) -> None:
    info = get_code(code)
    assert info is not None, code
    assert info.known and info.meaning and info.title
    assert info.resubmit in RESUBMIT
    assert info.wording in WORDING


@pytest.mark.parametrize("code", UNVERIFIED)
def test_codes_seen_but_not_verified_are_marked_unverified(code: str) -> None:
    info = get_code(code)
    assert info is not None and not info.verified


@pytest.mark.parametrize("code", TWILIO_A1 + TWILIO_305 + DCA + AWS)
def test_appendix_a_codes_are_verified(code: str) -> None:
    info = get_code(code)
    assert info is not None and info.verified


@pytest.mark.parametrize(
    ("code", "resubmit"),
    [("30884", "no"), ("30885", "no"), ("30897", "no"), ("30943", "no"), ("701", "no"), ("708", "no"),
     ("30909", "yes"), ("806", "yes"), ("861", "yes"), ("30882", "unknown"),
     ("BRAND_URL_HIGH_RISK_DOMAIN", "no"), ("TERMS_AND_CONDITIONS_NON_COMPLIANT_AFFILIATE_MARKETING", "no"),
     ("OPT_IN_WORKFLOW_NON_COMPLIANT_HELP_STOP", "yes")],
)  # fmt: skip
def test_resubmittability_follows_the_reference(code: str, resubmit: str) -> None:
    info = get_code(code)
    assert info is not None and info.resubmit == resubmit


def test_861_is_806_plus_611() -> None:
    c861, c806, c611 = get_code("861"), get_code("806"), get_code("611")
    assert c861 and c806 and c611
    assert set(c861.requirements) == set(c806.requirements) | set(c611.requirements)
    assert set(c861.includes) == {"806", "611"}


def test_unknown_codes_are_not_in_the_catalogue() -> None:
    for code in ("999", "30999", "2100", "OPT_IN_SOMETHING_NEW", "T8"):
        assert get_code(code) is None


def test_codes_are_unique_and_reference_real_requirements() -> None:
    codes = [c.code for c in all_codes()]
    assert len(codes) == len(set(codes))
    ids = {r.id for r in REQUIREMENTS}
    for info in all_codes():
        assert set(info.requirements) <= ids, (info.code, set(info.requirements) - ids)
        assert set(info.includes) <= set(codes)


def test_requirements_have_known_fields_and_a_form_label() -> None:
    for req in REQUIREMENTS:
        assert req.text and req.fix and req.fields, req.id
        for f in req.fields:
            assert f in FIELDS_BY_PATH or f in FORM_LABELS, (req.id, f)
        assert where_of(req), req.id
        assert get_requirement(req.id) is req


def test_explicit_rule_codes_exist_in_the_lint_catalogue() -> None:
    # A rule renamed or removed in the linter must be re-mapped here, or explain goes quiet on it.
    missing = {
        (req.id, c) for req in REQUIREMENTS for c in (*req.rules, *req.also) if get_rule(c) is None
    }
    assert not missing


def test_every_requirement_a_code_demands_explains_why() -> None:
    from consentry.explain.check import CheckedRequirement, resolve_rules

    catalogue = all_rules()
    for req in REQUIREMENTS:
        judging, supporting = resolve_rules(req, catalogue)
        item = CheckedRequirement(req, (*judging, *supporting), "unknown", (), "", ())
        assert item.why, req.id
