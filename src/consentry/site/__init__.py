"""The website scanner's library half: crawl a site (or read a saved folder) into a `SiteSnapshot`.

    snapshot = crawl_site(["https://acme-plumbing.com"])
    for page in snapshot:
        for form in page.phone_forms:
            ...

Problems (timeouts, 404s, refused private addresses, non-HTML, too big) are data in
`snapshot.problems`, never exceptions.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import replace

import httpx

from consentry.site.extract import extract_page
from consentry.site.fetch import USER_AGENT, CrawlOptions, crawl
from consentry.site.folder import load_folder
from consentry.site.guard import AddressGuard, Resolver
from consentry.site.model import (
    Checkbox,
    ContactInfo,
    Embed,
    FetchProblem,
    Field,
    Form,
    Heading,
    Link,
    Page,
    ProblemKind,
    Region,
    SiteSnapshot,
    SkippedLink,
)

__all__ = [
    "USER_AGENT",
    "Checkbox",
    "ContactInfo",
    "CrawlOptions",
    "Embed",
    "FetchProblem",
    "Field",
    "Form",
    "Heading",
    "Link",
    "Page",
    "ProblemKind",
    "Region",
    "SiteSnapshot",
    "SkippedLink",
    "crawl_site",
    "crawl_site_async",
    "extract_page",
    "load_folder",
]


async def crawl_site_async(
    start_urls: Sequence[str],
    *,
    max_pages: int = 30,
    allow_private: bool = False,
    render: bool = False,
    transport: httpx.AsyncBaseTransport | None = None,
    resolver: Resolver | None = None,
    options: CrawlOptions | None = None,
    render_args: Sequence[str] = (),
) -> SiteSnapshot:
    """Crawl from `start_urls`: same site only (policy pages elsewhere are read, not crawled).

    `options` overrides limits (bytes, timeouts, concurrency, redirects); `max_pages` wins over
    `options.max_pages`. `transport` and `resolver` are for tests.
    """
    opts = options or CrawlOptions()
    if opts.max_pages != max_pages:
        opts = replace(opts, max_pages=max_pages)
    guard = AddressGuard(allow_private=allow_private, resolver=resolver)
    snapshot = await crawl(list(start_urls), options=opts, guard=guard, transport=transport)
    if render and snapshot.pages:
        from consentry.site.render import render_snapshot

        snapshot = await render_snapshot(snapshot, guard=guard, extra_args=render_args)
    return snapshot


def crawl_site(
    start_urls: Sequence[str],
    *,
    max_pages: int = 30,
    allow_private: bool = False,
    render: bool = False,
    transport: httpx.AsyncBaseTransport | None = None,
    resolver: Resolver | None = None,
    options: CrawlOptions | None = None,
    render_args: Sequence[str] = (),
) -> SiteSnapshot:
    """Synchronous `crawl_site_async` (for the CLI); do not call from inside an event loop."""
    return asyncio.run(
        crawl_site_async(
            start_urls,
            max_pages=max_pages,
            allow_private=allow_private,
            render=render,
            transport=transport,
            resolver=resolver,
            options=options,
            render_args=render_args,
        )
    )
