"""Real-world markup of popular form builders: what a rule needs must come out of each of them."""

from __future__ import annotations

import re

import pytest

from consentry.site import Checkbox, Form, Page, extract_page
from consentry.site.extract import parse_html
from tests.site.conftest import SITES
from tests.site.selectors import select

BUILDERS = {
    "gravity": ("Brightside Dental", "https://brightsidedental.com/appointments/"),
    "wpforms": ("Harbor Auto Repair", "https://harborautorepair.com/contact/"),
    "cf7": ("Greenleaf Landscaping", "https://greenleaflandscaping.com/estimate/"),
    "hubspot": ("Summit Insurance Group", "https://www.summitinsurancegroup.com/quote"),
    "jotform": ("Maple Street Veterinary", "https://form.jotform.com/231234567890123"),
    "squarespace": ("Lumen Yoga Studio", "https://www.lumenyoga.studio/contact"),
    "wix": ("Coastal Cleaning Co.", "https://www.coastalcleaningco.com/book"),
}


def load(builder: str, variant: str) -> Page:
    url = BUILDERS[builder][1]
    text = (SITES / builder / f"{variant}.html").read_text(encoding="utf-8")
    return extract_page(text, url=url)


def phone_form(page: Page) -> Form:
    forms = page.phone_forms
    assert forms, "no form with a phone field found"
    return forms[0]


def sms_box(form: Form) -> Checkbox:
    boxes = form.visible_checkboxes
    assert len(boxes) == 1, [b.label for b in boxes]
    return boxes[0]


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_compliant_form_is_read_in_full(builder: str) -> None:
    brand = BUILDERS[builder][0]
    page = load(builder, "compliant")
    form = phone_form(page)
    assert form.builder == builder
    assert form.submit_text
    box = sms_box(form)
    assert not box.checked and not box.checked_by_script
    assert not box.required, box.required_reason
    text = box.consent_text
    assert brand in text
    for needed in (r"\bSTOP\b", r"\bHELP\b", r"rates may apply", r"(?i)frequency|msgs?/|up to \d"):
        assert re.search(needed, text), (needed, text)
    topics = {t for link in box.links for t in link.topics}
    assert {"privacy", "terms"} <= topics, [(lk.text, lk.url) for lk in box.links]
    assert all(link.url.startswith("https://") for link in box.links)
    assert box.line is not None and box.line > 1
    root = parse_html((SITES / builder / "compliant.html").read_text(encoding="utf-8"))
    for element in (form, box, *form.fields, *box.links):
        assert len(select(root, element.selector)) == 1, element.selector


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_honeypots_and_hidden_inputs_are_not_phone_fields(builder: str) -> None:
    form = phone_form(load(builder, "compliant"))
    for field in form.fields:
        if field.hidden:
            assert field not in form.phone_fields
    visible_phone = form.phone_fields
    assert visible_phone and all(not f.hidden for f in visible_phone)


def test_gravity_honeypot_labelled_phone_is_hidden() -> None:
    form = phone_form(load("gravity", "compliant"))
    honeypot = next(f for f in form.fields if f.name == "input_6")
    assert honeypot.label == "Phone" and honeypot.hidden
    assert [f.name for f in form.phone_fields] == ["input_3"]
    assert form.phone_required


def test_gravity_precheck() -> None:
    box = sms_box(phone_form(load("gravity", "noncompliant")))
    assert box.checked
    assert box.group_label == "Text message reminders"
    assert "aria-describedby" in box.text_sources


def test_wpforms_required_box() -> None:
    form = phone_form(load("wpforms", "noncompliant"))
    box = sms_box(form)
    assert box.required and box.required_reason == "required-attr"
    assert form.phone_required


def test_cf7_acceptance_is_required_unless_optional_and_bundles_terms() -> None:
    ok = sms_box(phone_form(load("cf7", "compliant")))
    assert not ok.required
    bad = sms_box(phone_form(load("cf7", "noncompliant")))
    assert bad.required and bad.required_reason == "cf7-acceptance"
    assert "Terms of Service" in bad.label and "text messages" in bad.label
    assert {t for lk in bad.links for t in lk.topics} >= {"terms", "privacy"}


def test_hubspot_legal_consent_text_and_script_tick() -> None:
    ok = sms_box(phone_form(load("hubspot", "compliant")))
    assert "will not be shared with third parties" in ok.description
    bad = sms_box(phone_form(load("hubspot", "noncompliant")))
    assert not bad.checked and bad.checked_by_script
    assert bad.script_line is not None


def test_hubspot_embed_is_recorded_as_a_form_script() -> None:
    page = extract_page(
        (SITES / "hubspot" / "embed.html").read_text(), url="https://s.example/contact"
    )
    assert page.forms == ()
    providers = {(e.kind, e.provider) for e in page.embeds if e.is_form}
    assert ("script", "hubspot") in providers and ("widget", "hubspot") in providers


def test_jotform_without_checkbox_and_in_an_iframe() -> None:
    form = phone_form(load("jotform", "noncompliant"))
    assert form.visible_checkboxes == ()
    assert form.phone_required
    page = extract_page(
        (SITES / "jotform" / "iframe.html").read_text(),
        url="https://maplestreetvet.com/new-clients",
    )
    (frame,) = [e for e in page.embeds if e.kind == "iframe" and e.is_form]
    assert frame.provider == "jotform" and not frame.same_origin
    assert frame.url == "https://form.jotform.com/231234567890123"
    assert any(e.provider == "youtube" and not e.is_form for e in page.embeds)


def test_jotform_group_label_is_not_the_description() -> None:
    box = sms_box(phone_form(load("jotform", "compliant")))
    assert box.group_label == "Text message reminders"
    assert not box.description.startswith("Text message reminders")


def test_squarespace_split_phone_and_footer_newsletter() -> None:
    ok = load("squarespace", "compliant")
    (form,) = ok.forms
    assert len(form.phone_fields) == 4  # country, area code, prefix, line
    assert form.region == "body"
    bad = load("squarespace", "noncompliant")
    newsletter = [f for f in bad.phone_forms if f.region == "footer"]
    assert len(newsletter) == 1
    (news,) = newsletter
    assert news.heading == "Stay in the loop"
    assert news.visible_checkboxes == () and news.submit_text == "Sign Up"
    assert [f.name for f in news.phone_fields] == ["phone"]


def test_wix_formless_contact_with_vague_box() -> None:
    page = load("wix", "noncompliant")
    form = phone_form(page)
    assert form.kind == "formless" and form.submit_text == "Send"
    assert form.heading == "Contact us"
    box = sms_box(form)
    assert box.label == "Text me" and box.description == "" and box.links == ()
    assert form.phone_required
