"""Optional rendering: load pages in headless Chromium (Playwright) and read the built DOM.

For forms that script builds (HubSpot embeds, Wix, Jotform iframes). Every request the browser
makes goes through the SSRF guard (route interception) unless private addresses are allowed.
Playwright is imported here only, so the core works without the `render` extra.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from consentry.errors import NetworkRefused
from consentry.site.extract import extract_page
from consentry.site.fetch import USER_AGENT
from consentry.site.guard import AddressGuard, UnresolvableHost
from consentry.site.model import FetchProblem, Form, Page, SiteSnapshot
from consentry.site.urls import normalize_url

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "render_snapshot"]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
)
_PASS_THROUGH = ("data:", "blob:", "about:")


def _problem(url: str, message: str) -> FetchProblem:
    return FetchProblem(url=url, kind="render", message=message)


async def render_snapshot(
    snapshot: SiteSnapshot,
    *,
    guard: AddressGuard,
    executable: str = CHROMIUM,
    extra_args: Sequence[str] = (),
    timeout: float = 15.0,
    settle: float = 3.0,
    concurrency: int = 2,
) -> SiteSnapshot:
    """The snapshot with each page re-read from the DOM Chromium built (iframe forms included)."""
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        message = "Rendering needs Playwright: pip install 'consentry[render]'."
        return replace(snapshot, problems=(*snapshot.problems, _problem("", message)))
    if not Path(executable).exists():
        message = f"Rendering needs Chromium at {executable} (apt-get install chromium)."
        return replace(snapshot, problems=(*snapshot.problems, _problem("", message)))
    problems: list[FetchProblem] = []
    refused: dict[str, str] = {}

    async def route_handler(route: Any) -> None:
        url = route.request.url
        if url.startswith(_PASS_THROUGH):
            await route.continue_()
            return
        try:
            await guard.check_url(url)
        except (NetworkRefused, UnresolvableHost) as exc:
            refused.setdefault(url, str(exc))
            await route.abort("blockedbyclient")
            return
        await route.continue_()

    pages: dict[str, Page] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=executable, headless=True, args=[*CHROMIUM_ARGS, *extra_args]
        )
        try:
            context = await browser.new_context(user_agent=USER_AGENT, service_workers="block")
            await context.route("**/*", route_handler)
            gate = asyncio.Semaphore(concurrency)

            async def one(page: Page) -> tuple[str, Page]:
                async with gate:
                    rendered = await _render_page(context, page, timeout, settle, problems)
                return page.final_url, rendered

            for key, page in await asyncio.gather(*(one(p) for p in snapshot.pages.values())):
                pages[key] = page
            await context.close()
        finally:
            await browser.close()
    for url, message in refused.items():
        problems.append(FetchProblem(url=url, kind="refused", message=message))
    return replace(
        snapshot,
        pages=pages,
        problems=(*snapshot.problems, *problems),
        rendered=True,
    )


async def _render_page(
    context: Any, page: Page, timeout: float, settle: float, problems: list[FetchProblem]
) -> Page:
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    tab = await context.new_page()
    try:
        await tab.goto(page.final_url, wait_until="load", timeout=timeout * 1000)
        # Chatty pages never go idle; what has loaded by then is what a reviewer sees.
        with contextlib.suppress(PlaywrightTimeout):
            await tab.wait_for_load_state("networkidle", timeout=settle * 1000)
        html = await tab.content()
        frame_forms: list[Form] = []
        for frame in tab.frames:
            if frame is tab.main_frame or frame.is_detached():
                continue
            try:
                frame_html = await frame.content()
            except PlaywrightError:
                continue
            frame_url = normalize_url(frame.url) or page.final_url
            inner = extract_page(frame_html, url=frame_url, source="render")
            frame_forms.extend(replace(f, frame_url=frame.url) for f in inner.forms)
        final = normalize_url(tab.url) or page.final_url
        rendered = extract_page(
            html,
            url=page.url,
            final_url=final,
            status=page.status,
            content_type=page.content_type,
            charset="utf-8",
            redirects=page.redirects,
            referrer=page.referrer,
            source="render",
        )
        return replace(rendered, final_url=page.final_url, forms=(*rendered.forms, *frame_forms))
    except PlaywrightError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        problems.append(
            _problem(page.final_url, f"The browser could not load {page.final_url}: {reason}")
        )
        return page
    finally:
        await tab.close()
