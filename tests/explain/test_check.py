"""Requirements judged against campaign files by the linter's own rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from consentry.campaign import load_campaign
from consentry.explain import explain
from consentry.explain.check import _field_matches, resolve_rules
from consentry.explain.requirements import Requirement, get_requirement
from consentry.lint import Outcome, Rule, Scope, Severity, all_rules, lint_campaign
from tests.explain.notices import SEED_861, SEED_861_REQUIREMENTS

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed-861" / "campaign.yaml"
CLEAN = ROOT / "examples" / "clean" / "campaign.yaml"


def test_without_a_campaign_every_requirement_is_unknown() -> None:
    result = explain(SEED_861)
    assert {i.requirement.id for i in result.items} == SEED_861_REQUIREMENTS
    assert {i.status for i in result.items} == {"unknown"}
    assert result.also_fix == ()


def test_the_seed_campaign_fails_every_demand_of_its_861_notice() -> None:
    result = explain(SEED_861, load_campaign(SEED))
    statuses = {i.requirement.id: i.status for i in result.items}
    assert statuses == dict.fromkeys(SEED_861_REQUIREMENTS, "unmet")
    for item in result.items:
        assert item.findings, item.requirement.id
        for f in item.findings:
            # the finding that explains it is about this requirement's own field and rules
            assert _field_matches(f.field, item.requirement.fields)
            assert f.code in {r.code for r in item.rules}
            assert f.location.line is not None


def test_the_fixed_example_meets_every_demand_of_the_861_notice() -> None:
    result = explain(SEED_861, load_campaign(CLEAN))
    assert {i.requirement.id: i.status for i in result.items} == dict.fromkeys(
        SEED_861_REQUIREMENTS, "met"
    )
    assert result.also_fix == ()


def test_also_fix_lists_the_other_errors_of_a_full_lint() -> None:
    loaded = load_campaign(SEED)
    result = explain(SEED_861, loaded)
    errors = [f for f in lint_campaign(loaded).findings if f.severity is Severity.ERROR]
    covered = {(f.code, f.field) for i in result.items for f in i.findings}
    expected = {(f.code, f.field) for f in errors} - covered
    assert expected, "the seed campaign has errors the 861 notice does not mention"
    assert {(f.code, f.field) for f in result.also_fix} == expected
    assert all(f.severity is Severity.ERROR for f in result.also_fix)


def test_a_notice_the_campaign_partly_meets() -> None:
    notice = "Opt-out message must contain brand name. The CTA is missing message frequency."
    result = explain(notice, load_campaign(SEED))
    assert {i.requirement.id: i.status for i in result.items} == {
        "cta.frequency": "unmet",
        "out.brand": "unmet",
    }
    result = explain(notice, load_campaign(CLEAN))
    assert {i.status for i in result.items} == {"met"}


def test_website_demands_are_unknown_offline_with_a_note() -> None:
    result = explain("Compliant privacy policy is required (805)", load_campaign(CLEAN))
    by_id = {i.requirement.id: i for i in result.items}
    assert by_id["pp.no_sharing"].status == "unknown"
    assert "website" in by_id["pp.no_sharing"].note
    assert by_id["cta.privacy"].status == "met"


def test_a_requirement_whose_rules_do_not_exist_yet_is_unknown_not_an_error() -> None:
    req = Requirement(
        "test.future", "Future demand", ("campaign.message_flow",), "Fix it.", rules=("ZZZ999",)
    )
    assert resolve_rules(req, all_rules()) == ((), ())
    from consentry.explain.check import _judge

    status, hits, note = _judge(req, (), (), lint_campaign(load_campaign(SEED)).findings)
    assert (status, hits) == ("unknown", ())
    assert "cannot check this offline yet" in note


def _rule(code: str, refs: tuple[str, ...] = (), carrier_codes: tuple[str, ...] = ()) -> Rule:
    return Rule(
        code=code, name=code.lower(), severity=Severity.ERROR, summary="s", why="w", fix="f", sources=(),
        carrier_codes=carrier_codes, check=lambda ctx: iter(()), outcome=Outcome.NEEDS_CHANGES,
        scope=Scope.SITE, fields=("site",), refs=refs,
    )  # fmt: skip


def test_rules_written_later_are_picked_up_by_r_number_or_carrier_code() -> None:
    web = _rule("WEB070", refs=("R070",))
    terms = _rule("WEB077", carrier_codes=("Twilio 30558",))
    other = _rule("XYZ001", refs=("R070",))  # a family the requirement does not use
    judging, _ = resolve_rules(get_requirement("pp.no_sharing"), [web, terms, other])
    assert judging == (web,)
    judging, _ = resolve_rules(get_requirement("tc.frequency"), [web, terms, other])
    assert judging == (terms,)


@pytest.mark.parametrize("path", [SEED, CLEAN])
def test_json_matches_contract_section_4(path: Path) -> None:
    data = explain(SEED_861, load_campaign(path)).to_dict()
    assert data["schema_version"] == 1
    assert data["codes"] == ["861"]
    assert data["campaign_id"] == "CEFQQMK"
    for req in data["requirements"]:
        assert {"text", "fields", "rules", "status"} <= set(req)
        assert req["status"] in {"met", "unmet", "unknown"}
        assert req["fields"] and req["rules"] and req["where"]
        if req["status"] == "unmet":
            assert req["finding"]["code"] in req["rules"]
            assert set(req["finding"]) == {"code", "name", "severity", "field", "message", "fix", "location",
                                           "carrier_codes", "sources"}  # fmt: skip
    (detail,) = data["code_details"]
    assert {"code", "title", "meaning", "resubmit"} <= set(detail)
    assert detail["resubmit"] == "yes"
