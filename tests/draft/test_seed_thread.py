"""The seed thread's property manager: answered plainly, the drafted campaign, replies and privacy
section fix every item of its DCA 861 rejection, and the call-back contact form stays out of it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from consentry import phrases
from consentry.campaign import load_campaign, parse_campaign
from consentry.draft import Draft, advise, load_answers, make_draft
from consentry.explain import explain
from consentry.lint import Severity, lint_campaign
from consentry.lint.flow import Method, analyse_flow
from consentry.lint.website import campaign_urls
from consentry.site import load_folder

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "examples" / "answers" / "cedar-grove-property-management.yaml"
NOTICE = (ROOT / "tests" / "explain" / "fixtures" / "seed-861-notice.txt").read_text("utf-8")
SEED = ROOT / "examples" / "seed-861" / "campaign.yaml"
CONTACT = "https://www.cedargrovepm.com/contact"


def _draft(**changes: object) -> Draft:
    from dataclasses import replace

    answers = replace(load_answers(ANSWERS), **changes)
    return make_draft(answers)


def _lint_with_site(drafted: Draft) -> list[tuple[str, str, str]]:
    loaded = parse_campaign(drafted.files["campaign.yaml"], source="campaign.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        for name, html in drafted.site_files.items():
            (Path(tmp) / name).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp) / name).write_text(html, encoding="utf-8")
        site = load_folder(tmp, base_urls=[drafted.answers.website, *campaign_urls(loaded)])
    return [
        (f.severity.value, f.code, f.message) for f in lint_campaign(loaded, site=site).findings
    ]


def test_the_rejected_seed_campaign_fails_the_notice() -> None:
    # The test can fail: the thread's own campaign leaves every demand unmet.
    result = explain(NOTICE, load_campaign(SEED))
    assert result.count("unmet") == len(result.items) > 10


def test_the_drafted_campaign_meets_every_demand_of_the_861_notice() -> None:
    drafted = _draft()
    loaded = parse_campaign(drafted.files["campaign.yaml"], source="campaign.yaml")
    result = explain(NOTICE, loaded)
    assert [f.info.code for f in result.notice.codes] == ["861"]
    assert len(result.items) >= 15
    for item in result.items:
        website_only = set(item.requirement.fields) <= {"site"}
        assert item.status == "met" or (item.status == "unknown" and website_only), (
            item.requirement.id,
            item.status,
            [f.message for f in item.findings],
        )
    assert not result.also_fix


def test_the_replies_are_the_thread_template_done_right() -> None:
    opt_in, opt_out, help_ = _draft().texts.replies
    brand = phrases.brand_aliases("Cedar Grove Property Management", None, None)
    for reply in (opt_in, opt_out, help_):
        assert phrases.find_brand(reply.text, brand) is not None  # "...SMS messages from." fixed
        assert reply.count.segments == 1
    assert phrases.find_frequency_disclosure(opt_in.text) and phrases.find_rates_disclosure(
        opt_in.text
    )
    assert phrases.find_help_instruction(opt_in.text) and phrases.find_stop_instruction(opt_in.text)
    assert phrases.find_no_further_messages(opt_out.text)
    assert phrases.find_support_contact(help_.text)


def test_the_privacy_section_has_the_no_sharing_clause_and_the_sms_carve_out() -> None:
    drafted = _draft()
    for name in ("privacy-sms.md", "privacy-sms.html", "site/privacy.html"):
        text = drafted.files[name]
        assert phrases.find_no_sharing_statement(text) is not None, name
        assert phrases.find_sms_carve_out(text) is not None, name
    # ... and says plainly that the call-back numbers are not texted.
    assert "used only to call you back" in drafted.files["privacy-sms.md"]
    findings = _lint_with_site(drafted)
    assert not [f for f in findings if f[1] in {"WEB007", "WEB008", "WEB009", "WEB010"}]


def test_the_call_back_contact_form_is_not_described_as_an_opt_in() -> None:
    drafted = _draft()
    advice = drafted.advice
    assert {"ACCOUNT_NOTIFICATION", "CUSTOMER_CARE"} <= set(advice.sub_use_cases)
    callback = next(c for c in advice.checkbox if c.startswith("Contact form"))
    assert "needs no SMS checkbox" in callback and "text_these_numbers" in callback
    flow = drafted.texts.message_flow
    assert CONTACT not in flow and "contact form" not in flow.lower()
    assert CONTACT not in drafted.texts.urls.forms
    contact_page = drafted.site_files["contact.html"]
    assert 'type="checkbox"' not in contact_page
    assert "only to call you back" in contact_page
    assert analyse_flow(flow).methods == {Method.WEB, Method.TEXT_FIRST}
    errors = [f for f in _lint_with_site(drafted) if f[0] == Severity.ERROR.value]
    assert not errors
    # The form itself says its numbers are only for call-backs, which is WEB014's own fix.
    assert ("warning", "WEB014") not in {(f[0], f[1]) for f in _lint_with_site(drafted)}


def test_texting_the_contact_form_numbers_needs_the_checkbox() -> None:
    drafted = _draft(text_contact_form=True)
    callback = next(c for c in drafted.advice.checkbox if c.startswith("Contact form"))
    assert "gets the optional, unchecked SMS checkbox" in callback
    assert CONTACT in drafted.texts.urls.forms and CONTACT in drafted.texts.message_flow
    page = drafted.site_files["contact.html"]
    assert 'type="checkbox"' in page and " checked" not in page
    findings = _lint_with_site(drafted)
    assert not [f for f in findings if f[0] == "error"], findings
    assert "WEB014" not in {f[1] for f in findings}


@pytest.mark.parametrize("kinds", [("service_notices",), ("billing_reminders", "replies")])
def test_texts_you_start_need_more_than_texting_first(kinds: tuple[str, ...]) -> None:
    from dataclasses import replace

    answers = load_answers(ANSWERS)
    only_text_first = replace(answers, opt_in=replace(answers.opt_in, web_forms=()), messages=kinds)
    stop = advise(only_text_first).stop
    assert stop is not None and "only lets you reply" in stop
