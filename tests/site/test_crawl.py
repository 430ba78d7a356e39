"""The crawler against a real loopback server: same-site crawl, priorities, budget, faults."""

from __future__ import annotations

import time
from collections.abc import Callable

from consentry.site import USER_AGENT, CrawlOptions, Page, crawl_site
from tests.site.conftest import BIG_SIZE, FixtureServer

Serve = Callable[[str], FixtureServer]
FAST = CrawlOptions(read_timeout=0.5, connect_timeout=0.5, page_timeout=1.5, max_seconds=20)


def test_crawls_the_small_business_site(serve_site: Serve) -> None:
    server = serve_site("smallbiz")
    snap = crawl_site([server.url], allow_private=True)
    paths = {p.final_url.removeprefix(server.url.rstrip("/")) for p in snap}
    assert paths == {
        "/",
        "/services.html",
        "/about.html",
        "/contact.html",
        "/privacy.html",
        "/sms-terms.html",
    }
    assert snap.problems == ()
    # Social links are other sites: recorded as skipped, never fetched.
    assert any("facebook.com" in s.url and s.reason == "other_site" for s in snap.skipped)
    assert all(ua == USER_AGENT for _, ua in server.state.hits)
    contact = snap.page_for(server.url + "contact.html")
    assert contact is not None and contact.referrer == server.url
    (form,) = contact.phone_forms
    assert form.checkboxes[0].links[0].url == server.url + "privacy.html"


def test_policy_and_contact_pages_are_fetched_before_the_rest(serve_site: Serve) -> None:
    server = serve_site("smallbiz")
    crawl_site([server.url], allow_private=True, options=CrawlOptions(concurrency=1))
    order = [p for p in server.paths() if p.endswith(".html")]
    assert order.index("/privacy.html") < order.index("/services.html")
    assert order.index("/sms-terms.html") < order.index("/about.html")
    assert order.index("/contact.html") < order.index("/services.html")


def test_page_budget_keeps_the_most_useful_pages(serve_site: Serve) -> None:
    server = serve_site("smallbiz")
    snap = crawl_site(
        [server.url], allow_private=True, max_pages=3, options=CrawlOptions(concurrency=1)
    )
    assert len(snap) == 3
    kept = {p.final_url.rsplit("/", 1)[1] for p in snap}
    assert kept == {"", "privacy.html", "sms-terms.html"}
    budget = {s.url.rsplit("/", 1)[1] for s in snap.skipped if s.reason == "budget"}
    assert {"contact.html", "services.html", "about.html"} <= budget


def test_every_fault_is_a_problem_or_a_skip_never_a_crash_or_hang(serve_site: Serve) -> None:
    server = serve_site("faults")
    started = time.monotonic()
    snap = crawl_site([server.url], allow_private=True, options=FAST)
    elapsed = time.monotonic() - started
    assert elapsed < 8, "a slow route held the crawl"
    kinds = {p.url.removeprefix(server.url.rstrip("/")): p.kind for p in snap.problems}
    assert kinds["/__loop/a"] == "redirect_loop"
    assert kinds["/__slow"] == "timeout"
    assert kinds["/__drip"] == "timeout"
    assert kinds["/__big"] == "too_big"
    assert kinds["/__big-declared"] == "too_big"
    assert kinds["/__pdf"] == "not_html"
    assert kinds["/__latin1"] == "charset"
    assert kinds["/privacy-policy"] == "http_status"
    assert kinds["/__status/500"] == "http_status"
    missing = snap.problem_for(server.url + "privacy-policy")
    assert missing is not None and missing.status == 404 and missing.referrer == server.url
    assert "was not found" in missing.message
    for problem in snap.problems:
        assert problem.message and "Traceback" not in problem.message
    skipped = {s.url: s.reason for s in snap.skipped}
    assert skipped["https://www.facebook.com/faultyfixtures"] == "other_site"
    assert skipped["http://other-company.example/partners"] == "other_site"
    assert skipped[server.url + "assets/logo.png"] == "not_page"


def test_a_huge_page_is_cut_at_the_byte_limit_not_downloaded(serve_site: Serve) -> None:
    server = serve_site("faults")
    opts = CrawlOptions(max_bytes=500_000)
    snap = crawl_site([server.url + "__big"], allow_private=True, options=opts)
    page = snap.page_for(server.url + "__big")
    assert page is not None and page.truncated and page.title == "Catalogue"
    assert sum(len(line) for line in page.html_lines) <= 500_000
    problem = snap.problem_for(server.url + "__big")
    assert problem is not None and problem.kind == "too_big" and problem.page_kept
    time.sleep(0.2)  # let the server notice the hang-up
    assert server.state.big_bytes_sent < BIG_SIZE


def test_wrong_charset_is_read_with_a_fallback(serve_site: Serve) -> None:
    server = serve_site("faults")
    snap = crawl_site([server.url + "__latin1"], allow_private=True, max_pages=1)
    page = snap.page_for(server.url + "__latin1")
    assert page is not None
    assert page.title == "Café menu" and "Crème brûlée" in page.text
    assert page.charset == "cp1252"


def test_redirects_are_followed_and_remembered(serve_site: Serve) -> None:
    server = serve_site("smallbiz")
    start = server.url + "__redirect?to=/contact.html"
    snap = crawl_site([start], allow_private=True, max_pages=1)
    page = snap.page_for(start)
    assert page is not None and page.final_url == server.url + "contact.html"
    assert page.redirects == (start,)
    assert snap.aliases[start] == server.url + "contact.html"


def test_unreachable_and_missing_start_pages(serve_site: Serve) -> None:
    server = serve_site("smallbiz")
    port = server.port
    server.server.shutdown()
    server.server.server_close()
    snap = crawl_site([f"http://127.0.0.1:{port}/", "not a url"], allow_private=True, options=FAST)
    assert len(snap) == 0
    assert {p.kind for p in snap.problems} == {"connect", "bad_url"}


def test_start_page_404_is_a_problem(serve_site: Serve) -> None:
    server = serve_site("smallbiz")
    snap = crawl_site([server.url + "nope"], allow_private=True)
    assert len(snap) == 0
    (problem,) = snap.problems
    assert problem.kind == "http_status" and problem.status == 404


def test_property_management_seed_site(serve_site: Serve) -> None:
    server = serve_site("propmgmt")
    snap = crawl_site([server.url], allow_private=True)
    contact = snap.page_for(server.url + "contact/")
    privacy = snap.page_for(server.url + "privacy-policy/")
    portal = snap.page_for(server.url + "portal/")
    assert isinstance(contact, Page) and isinstance(privacy, Page) and isinstance(portal, Page)
    (form,) = contact.forms
    (phone,) = form.phone_fields
    assert phone.name == "callback-number" and phone.required
    assert form.visible_checkboxes == ()
    assert form.submit_text == "Request a call back"
    assert "it is implied only when a customer initiates contact by texting us" in privacy.text
    assert portal.login_wall and not contact.login_wall


def test_bare_domain_is_taken_as_https() -> None:
    import httpx

    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, html="<html><title>Acme</title></html>")

    async def public(host: str, port: int) -> list[str]:
        return ["93.184.216.34"]

    snap = crawl_site(["acme.example"], transport=httpx.MockTransport(handler), resolver=public)
    assert seen == ["https://acme.example/"] and len(snap) == 1


def test_meta_refresh_and_same_site_frames_are_followed(serve_site: Serve) -> None:
    server = serve_site("jsform")
    snap = crawl_site([server.url + "old.html"], allow_private=True)
    old = snap.page_for(server.url + "old.html")
    assert old is not None and old.meta_refresh == server.url
    home = snap.page_for(server.url)
    assert home is not None
    (frame,) = [e for e in home.embeds if e.kind == "iframe"]
    assert frame.same_origin and frame.url == server.url + "frame.html"
    framed = snap.page_for(frame.url)
    assert framed is not None and framed.forms[0].checkboxes[0].checked


def test_connection_messages() -> None:
    import httpx

    from consentry.site.fetch import _connect_message

    bad_cert = httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate has expired")
    assert "expired HTTPS certificate" in _connect_message("https://a.example/", bad_cert)
    refused = httpx.ConnectError("[Errno 111] Connection refused")
    assert "did not answer" in _connect_message("https://a.example/", refused)
