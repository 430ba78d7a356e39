"""The snippet in real headless Chromium: a person fills a form on origin A, the consentry service
on origin B records the consent, and the ledger holds exactly the words the page showed.

Skipped (with the reason) when Chromium, Playwright or the service extra is missing.
"""

from __future__ import annotations

import importlib.util
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.snippet.conftest import Service, Site

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs headless Chromium at /usr/bin/chromium"
    ),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None, reason="needs playwright"),
    pytest.mark.skipif(
        importlib.util.find_spec("fastapi") is None, reason="needs the service extra"
    ),
]

PHONE = "(512) 447-0198"
E164 = "+15124470198"


def shown(tab: Any, *selectors: str) -> str:
    """What the person saw, as Playwright reads it (innerText), each block on one line."""
    return "\n".join(" ".join(tab.inner_text(s).split()) for s in selectors)


def fill_plain(tab: Any, *, tick: bool = True) -> None:
    tab.fill("#name", "Dana Reyes")
    tab.fill("#phone", PHONE)
    tab.check("[name=offers]")  # an email box: must not be taken for the SMS box
    if tick:
        tab.check("#sms")


def settle(service: Service, count: int) -> list[Any]:
    """The captures once `count` arrived and a moment passed in which no extra one did."""
    got = service.wait_for_captures(count)
    time.sleep(0.3)
    assert len(service.seen()) == len(got), [c.body for c in service.seen()]
    return got


def test_plain_form_records_the_exact_words_shown(tab: Any, site: Site, service: Service) -> None:
    tab.goto(site.url("plain.html?ref=ad#book"))
    fill_plain(tab)
    expected = shown(tab, "label[for=sms]", "#sms-fine")
    with tab.expect_navigation(url="**/thanks"):
        tab.click("text=Book now")

    (capture,) = settle(service, 1)
    assert capture.status == 202 and capture.answer["recorded"] is True
    assert capture.origin == site.origin
    (event,) = service.events(PHONE)
    assert event.phone == E164 and event.method == "web_form"
    assert event.data["disclosure_text"] == expected
    # The CSS-uppercased words are stored as displayed; the hidden note and the email box are not.
    assert "OAK STREET" in expected and "Hidden note" not in expected and "Email" not in expected
    assert event.data["checkbox_checked"] is True
    assert event.data["page_url"] == site.url("plain.html?ref=ad")
    assert event.data["form_id"] == "book"
    assert capture.body["honeypot"] == ""
    assert capture.body["occurred_at"].endswith("Z")
    assert len(site.posts("/thanks")) >= 1


def test_unticked_box_records_nothing(tab: Any, site: Site, service: Service) -> None:
    tab.goto(site.url("plain.html"))
    fill_plain(tab, tick=False)
    with tab.expect_navigation(url="**/thanks"):
        tab.click("text=Book now")
    (capture,) = settle(service, 1)
    assert capture.body["checkbox_checked"] is False
    assert capture.body["phone"] == ""  # no consent, so the number never leaves the page
    assert capture.answer == {"recorded": False, "reason": "checkbox_not_checked"}
    assert service.events(PHONE) == []


def test_filled_honeypot_records_nothing(tab: Any, site: Site, service: Service) -> None:
    tab.goto(site.url("plain.html"))
    fill_plain(tab)
    # A bot fills every input, including the one people cannot see.
    tab.eval_on_selector("[name=website_url]", "e => e.value = 'http://spam.example'")
    with tab.expect_navigation(url="**/thanks"):
        tab.click("text=Book now")
    (capture,) = settle(service, 1)
    assert capture.body["honeypot"] == "http://spam.example"
    assert capture.answer["recorded"] is False
    assert service.events(PHONE) == []


def test_page_on_another_origin_records_nothing(tab: Any, site: Site, service: Service) -> None:
    tab.goto(site.other_url("plain.html"))
    fill_plain(tab)
    with tab.expect_navigation(url="**/thanks"):
        tab.click("text=Book now")
    (capture,) = settle(service, 1)
    assert capture.origin == site.other_url("").rstrip("/")
    assert capture.status == 403
    assert service.events(PHONE) == []


@pytest.fixture(params=["refused", "hanging"])
def dead_endpoint(request: pytest.FixtureRequest) -> Iterator[str]:
    """A service that refuses connections, or accepts them and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    if request.param == "refused":
        sock.close()
    else:
        sock.listen(16)
    yield f"http://127.0.0.1:{port}"
    sock.close()


def test_form_still_submits_when_the_service_is_down(
    tab: Any, site: Site, dead_endpoint: str
) -> None:
    site.paste("csp_test", dead_endpoint)
    before = len(site.posts("/thanks"))
    tab.goto(site.url("plain.html"))
    fill_plain(tab)
    started = time.monotonic()
    with tab.expect_navigation(url="**/thanks", timeout=5000):
        tab.click("text=Book now")
    assert time.monotonic() - started < 3.0  # the hanging beacon is never waited for
    assert "Thanks" in tab.inner_text("h1")
    posts = site.posts("/thanks")
    assert len(posts) == before + 1 and b"447-0198" in posts[-1]


def test_gravity_ajax_form_without_a_submit_event(tab: Any, site: Site, service: Service) -> None:
    tab.goto(site.url("gravity.html"))
    tab.fill("#input_1_1", "Dana Reyes")
    tab.fill("#input_1_3", PHONE)
    tab.check("#input_1_5_1")
    expected = shown(tab, "label[for=input_1_5_1]", "#gfield_consent_description_1_5")
    tab.click("#gform_submit_button_1")
    tab.wait_for_selector("#gform_confirmation_wrapper_1", state="visible")

    (capture,) = settle(service, 1)
    assert capture.body["honeypot"] == ""  # the hidden "Phone" trap was not taken for the phone
    (event,) = service.events(PHONE)
    assert event.data["disclosure_text"] == expected
    assert event.data["form_id"] == "gform_1"
    assert site.posts("/thanks")  # the form's own submission still happened


def test_hubspot_form_records_its_legal_consent_text(
    tab: Any, site: Site, service: Service
) -> None:
    tab.goto(site.url("hubspot.html"))
    tab.fill("[name=firstname]", "Dana")
    tab.fill("[name=mobilephone]", PHONE)
    tab.check("[type=checkbox]")
    # HubSpot shows its disclosure as rich text around the box; all of it, in page order.
    expected = shown(
        tab,
        ".legal-consent-container .hs-richtext >> nth=0",
        ".hs-form-booleancheckbox-display",
        ".legal-consent-container .hs-richtext >> nth=1",
    )
    tab.click("[type=submit]")  # a click and then a submit event: one record
    tab.wait_for_selector(".submitted-message", state="visible")

    settle(service, 1)
    (event,) = service.events(PHONE)
    assert event.data["disclosure_text"] == expected
    assert "Consent is not a condition of purchase" in expected
    assert event.data["form_id"] == "hsForm_0b5e9c1e-3d5a-4a62-9f3e-12c0e8a9d7aa"


@pytest.mark.parametrize("bot", [False, True])
def test_wpforms_ajax_form_and_its_hidden_trap(
    tab: Any, site: Site, service: Service, bot: bool
) -> None:
    tab.goto(site.url("wpforms.html"))
    tab.fill("#wpforms-42-field_1", "Dana Reyes")
    tab.fill("#wpforms-42-field_2", PHONE)
    tab.check("#wpforms-42-field_5_1")
    if bot:  # WPForms' trap: a text field labelled "Phone", aria-hidden and invisible
        tab.eval_on_selector("#wpforms-42-field_6", "e => e.value = '5125550100'")
    expected = shown(tab, "label[for=wpforms-42-field_5_1]", "#wpforms-42-field_5-description")
    tab.click("#wpforms-submit-42")
    tab.wait_for_selector("#wpforms-confirmation-42", state="visible")

    (capture,) = settle(service, 1)
    assert capture.body["phone"] == PHONE  # the visible phone field, not the trap
    if bot:
        assert capture.body["honeypot"] == "5125550100"
        assert service.events(PHONE) == []
        return
    (event,) = service.events(PHONE)
    assert event.data["disclosure_text"] == expected
    assert event.data["form_id"] == "wpforms-form-42"


def test_contact_form_7_wrapping_label_and_index_as_form_id(
    tab: Any, site: Site, service: Service
) -> None:
    tab.goto(site.url("cf7.html"))
    tab.fill("[name=your-name]", "Dana Reyes")
    tab.fill("[name=your-phone]", PHONE)
    tab.check("[name=sms-optin]")
    expected = shown(tab, ".wpcf7-acceptance label")
    tab.click("[type=submit]")
    tab.wait_for_selector(".wpcf7-form[data-status=sent]")

    settle(service, 1)
    (event,) = service.events(PHONE)
    assert event.data["disclosure_text"] == expected
    assert expected.startswith("Text me about my estimate")
    assert event.data["form_id"] == "form-0"  # CF7 forms have no id or name


def test_form_added_after_load_with_the_external_script(
    tab: Any, site: Site, service: Service
) -> None:
    tab.goto(site.url("late.html"))
    tab.wait_for_selector("#quote")
    assert tab.evaluate("typeof window.consentry.find") == "function"  # loaded from origin B
    tab.fill("#q-cell", PHONE)
    tab.check("#q-sms")
    expected = shown(tab, "label[for=q-sms]")
    with tab.expect_navigation(url="**/thanks"):
        tab.press("#q-cell", "Enter")  # implicit submission: a synthetic click, then submit

    settle(service, 1)
    (event,) = service.events(PHONE)
    assert event.data["disclosure_text"] == expected
    assert event.data["form_id"] == "quote"


def test_explicit_data_attributes(tab: Any, site: Site, service: Service) -> None:
    tab.goto(site.url("explicit.html"))
    tab.fill("[name=f3]", PHONE)
    tab.check("[name=f4]")
    expected = shown(tab, ".row >> nth=1", "[data-consentry=disclosure]")
    with tab.expect_navigation(url="**/thanks"):
        tab.click("[type=submit]")
    settle(service, 1)
    (event,) = service.events(PHONE)
    assert event.data["disclosure_text"] == expected
    assert expected.startswith("I agree\nBy ticking the box")
    assert event.data["form_id"] == "club"


def test_phone_field_without_sms_box_sends_nothing(tab: Any, site: Site, service: Service) -> None:
    tab.goto(site.url("nosms.html"))
    assert tab.evaluate("consentry.find(document.forms[0])") is None
    tab.fill("#cb-phone", PHONE)
    tab.check("[name=terms]")
    tab.check("[name=news]")
    tab.check("[name=copy]")
    with tab.expect_navigation(url="**/thanks"):
        tab.click("text=Call me")
    # A form that does send, afterwards: once its request is in, the first had its chance.
    tab.goto(site.url("plain.html"))
    fill_plain(tab)
    with tab.expect_navigation(url="**/thanks"):
        tab.click("text=Book now")
    (capture,) = settle(service, 1)
    assert capture.body["page_url"] == site.url("plain.html")


def test_one_global_and_pasting_twice_is_harmless(tab: Any, site: Site, service: Service) -> None:
    from consentry.snippet import snippet_js

    tab.set_content("<html><body><p>empty</p></body></html>")
    before = set(tab.evaluate("Object.getOwnPropertyNames(window)"))
    tab.add_script_tag(content=snippet_js())
    after = set(tab.evaluate("Object.getOwnPropertyNames(window)"))
    assert after - before == {"consentry"}
    # The page's own copy plus a second paste: still one record per submission.
    tab.goto(site.url("plain.html"))
    tab.add_script_tag(content=snippet_js())
    fill_plain(tab)
    with tab.expect_navigation(url="**/thanks"):
        tab.click("text=Book now")
    settle(service, 1)
    assert len(service.events(PHONE)) == 1


@pytest.mark.parametrize(
    "beacon",
    ["navigator.sendBeacon = () => false", "delete Navigator.prototype.sendBeacon"],
    ids=["beacon-refused", "no-beacon"],
)
def test_fetch_keepalive_when_the_beacon_is_unavailable(
    tab: Any, site: Site, service: Service, beacon: str
) -> None:
    tab.add_init_script(beacon)
    tab.goto(site.url("plain.html"))
    fill_plain(tab)
    with tab.expect_navigation(url="**/thanks"):
        tab.click("text=Book now")
    (capture,) = settle(service, 1)
    assert capture.status == 202
    assert len(service.events(PHONE)) == 1
