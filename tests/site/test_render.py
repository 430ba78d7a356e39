"""Rendering in headless Chromium: forms built by script, iframe forms, and the SSRF guard in the
browser. Skipped (with the reason) when Chromium or Playwright is missing."""

from __future__ import annotations

import asyncio
import importlib.util
from collections.abc import Callable
from pathlib import Path

import pytest

from consentry.site import SiteSnapshot, crawl_site, extract_page
from consentry.site.guard import AddressGuard
from tests.site.conftest import FixtureServer

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs headless Chromium at /usr/bin/chromium"
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="needs playwright",
    ),
]
Serve = Callable[[str], FixtureServer]


def test_script_built_form_is_found_only_when_rendered(serve_site: Serve) -> None:
    server = serve_site("jsform")
    static = crawl_site([server.url], allow_private=True, max_pages=1)
    assert static.page_for(server.url).forms == ()  # type: ignore[union-attr]

    snap = crawl_site([server.url], allow_private=True, render=True, max_pages=1)
    assert snap.rendered
    page = snap.page_for(server.url)
    assert page is not None and page.source == "render"
    waitlist = next(f for f in page.forms if f.name == "waitlist")
    (phone,) = waitlist.phone_fields
    assert phone.required and phone.input_type == "tel"
    (box,) = waitlist.checkboxes
    assert "Scripted Salon" in box.label and "Reply STOP" in box.label and not box.checked
    framed = next(f for f in page.forms if f.frame_url)
    assert framed.frame_url == server.url + "frame.html"
    assert framed.checkboxes[0].checked  # the pre-ticked box inside the iframe


def test_browser_requests_pass_the_ssrf_guard(serve_site: Serve) -> None:
    """The page (public by the fake resolver) asks the browser to fetch a loopback URL."""
    server = serve_site("jsform")
    secret = f"http://127.0.0.1:{server.port}/__echo-ua"
    url = f"http://probe.test:{server.port}/ssrf.html#{secret}"
    page = extract_page("", url=url)
    snapshot = SiteSnapshot(start_urls=(url,), pages={url: page})

    async def public(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    from consentry.site.render import render_snapshot

    rendered = asyncio.run(
        render_snapshot(
            snapshot,
            guard=AddressGuard(allow_private=False, resolver=public),
            extra_args=["--host-resolver-rules=MAP probe.test 127.0.0.1"],
        )
    )
    result = rendered.page_for(url)
    assert result is not None and "blocked" in result.text and "leaked" not in result.text
    assert "/ssrf.html" in server.paths() and "/__echo-ua" not in server.paths()
    assert any(p.kind == "refused" and p.url == secret for p in rendered.problems)


def test_selectors_match_exactly_one_element_in_a_real_browser() -> None:
    from playwright.sync_api import Route, sync_playwright

    from consentry.site.render import CHROMIUM_ARGS
    from tests.site.conftest import SITES

    files = sorted(SITES.glob("*/*compliant.html"))
    assert len(files) == 14
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        tab = browser.new_page(java_script_enabled=False)

        def offline(route: Route) -> None:
            route.abort()

        tab.route("**/*", offline)
        for file in files:
            html = file.read_text(encoding="utf-8")
            page = extract_page(html, url="https://example.com/")
            selectors = {link.selector for link in page.links}
            for form in page.forms:
                selectors |= {form.selector, *(f.selector for f in form.fields)}
                selectors |= {c.selector for c in form.checkboxes}
            tab.set_content(html, wait_until="domcontentloaded")
            for selector in sorted(selectors):
                assert tab.locator(selector).count() == 1, (file.name, selector)
        browser.close()
