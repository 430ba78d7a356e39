"""The crawler: a few pages at once, same site only, the pages a reviewer opens first.

Every hop of a redirect is checked by the SSRF guard; bodies are streamed and cut at the byte
limit; every failure becomes a `FetchProblem`.
"""

from __future__ import annotations

import asyncio
import heapq
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import httpx

from consentry import __version__
from consentry.errors import NetworkRefused
from consentry.site.classify import embed_provider
from consentry.site.decode import decode_html
from consentry.site.extract import extract_page
from consentry.site.guard import AddressGuard, UnresolvableHost, guarded_transport
from consentry.site.model import FetchProblem, Link, Page, ProblemKind, SiteSnapshot, SkippedLink
from consentry.site.urls import host_of, normalize_url, same_site, site_key

__all__ = ["USER_AGENT", "CrawlOptions", "crawl"]

USER_AGENT = (
    f"consentry/{__version__} (+https://github.com/consentry/consentry; 10DLC compliance check)"
)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<!--")
_SKIP_EXT = [
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".svg",
    ".ico",
    ".css",
    ".js",
    ".json",
    ".xml",
    ".zip",
    ".gz",
    ".mp4",
    ".mov",
    ".mp3",
    ".wav",
    ".woff",
    ".woff2",
    ".ttf",
    ".doc",
    ".docx",
    ".xls",
    ".xlsx",
    ".ppt",
    ".pptx",
    ".csv",
    ".txt",
    ".rss",
    ".avi",
    ".webm",
    ".dmg",
    ".exe",
]
_POLICY_TOPICS = frozenset({"privacy", "terms", "sms"})
_ACTION_TOPICS = frozenset({"contact", "signup", "book", "quote"})
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "msclkid")
# Hosts that hold someone else's policies or forms: a start URL there is fetched, never crawled.
_HOSTED_ELSEWHERE = frozenset(
    [
        "termly.io",
        "iubenda.com",
        "termsfeed.com",
        "privacypolicies.com",
        "freeprivacypolicy.com",
        "getterms.io",
        "websitepolicies.com",
        "enzuzo.com",
        "google.com",
    ]
)
_REASONS = {401: "asks for a login", 403: "refuses visitors", 404: "was not found", 410: "is gone"}


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    max_pages: int = 30
    max_bytes: int = 2_000_000
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    page_timeout: float = 20.0
    """Whole-page deadline: a server trickling bytes cannot hold a worker longer than this."""
    max_seconds: float = 90.0
    concurrency: int = 4
    max_redirects: int = 5
    follow_offsite_policies: bool = True
    user_agent: str = USER_AGENT


@dataclass(order=True, slots=True)
class _Item:
    rank: tuple[int, int]
    seq: int
    url: str = field(compare=False)
    referrer: str | None = field(compare=False, default=None)
    depth: int = field(compare=False, default=0)
    offsite: bool = field(compare=False, default=False)


@dataclass(frozen=True, slots=True)
class _Body:
    text: str
    final: str
    status: int
    mime: str
    charset: str
    hops: tuple[str, ...]
    truncated: bool
    robots: str


@dataclass(slots=True)
class _Outcome:
    item: _Item
    page: Page | None = None
    problems: list[FetchProblem] = field(default_factory=list)


def _clean(url: str) -> str:
    """Drop tracking parameters (utm_*, fbclid...) so one page is not fetched many times."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    kept = [pair for pair in parts.query.split("&") if not pair.startswith(_TRACKING)]
    return urlunsplit(parts._replace(query="&".join(kept)))


def _connect_message(url: str, exc: Exception) -> str:
    detail = str(exc)
    if "CERTIFICATE" in detail.upper() or "SSL" in detail.upper():
        return f"{url} has an invalid or expired HTTPS certificate; browsers show a warning."
    return f"Could not connect to {url}: the server did not answer ({type(exc).__name__})."


def _rank(link: Link, depth: int) -> tuple[int, int]:
    """Crawl order: policies, then pages with forms, then about, then nav/footer, then body."""
    topics = set(link.topics)
    if "login" in topics:
        return (6, depth)
    if topics & _POLICY_TOPICS:
        return (1, depth)
    if topics & _ACTION_TOPICS:
        return (2, depth)
    if "about" in topics:
        return (3, depth)
    return (4, depth) if link.region in ("nav", "header", "footer") else (5, depth)


class _Crawler:
    def __init__(
        self, client: httpx.AsyncClient, guard: AddressGuard, options: CrawlOptions
    ) -> None:
        self.client = client
        self.guard = guard
        self.o = options
        self.heap: list[_Item] = []
        self.seen: set[str] = set()
        self.sites: set[str] = set()
        self.pages: dict[str, tuple[int, Page]] = {}
        self.aliases: dict[str, str] = {}
        self.problems: list[FetchProblem] = []
        self.skipped: dict[str, SkippedLink] = {}
        self.seq = 0
        self.attempts = 0

    def push(
        self, url: str, rank: tuple[int, int], referrer: str | None, depth: int, offsite: bool
    ) -> None:
        if url in self.seen:
            return
        self.seen.add(url)
        self.seq += 1
        heapq.heappush(self.heap, _Item(rank, self.seq, url, referrer, depth, offsite))

    def enqueue_links(self, page: Page, item: _Item) -> None:
        if item.offsite:
            return
        for link in page.links:
            if not link.url:
                continue
            url = _clean(link.url)
            path = urlsplit(url).path.lower()
            policy = bool(set(link.topics) & _POLICY_TOPICS)
            if path.endswith(tuple(_SKIP_EXT)) or (path.endswith(".pdf") and not policy):
                self.skipped.setdefault(url, SkippedLink(url, "not_page", page.final_url))
                continue
            if same_site(url, self.sites):
                self.push(url, _rank(link, item.depth + 1), page.final_url, item.depth + 1, False)
            elif policy and self.o.follow_offsite_policies and not embed_provider(url)[1]:
                self.push(url, (1, item.depth + 1), page.final_url, item.depth + 1, True)
            else:
                self.skipped.setdefault(url, SkippedLink(url, "other_site", page.final_url))
        # A same-site frame may hold the form; a meta refresh is a redirect by another name.
        inner = [e.url for e in page.embeds if e.kind == "iframe" and e.url]
        for url in inner:
            if same_site(url, self.sites):
                self.push(_clean(url), (2, item.depth + 1), page.final_url, item.depth + 1, False)
        if page.meta_refresh and same_site(page.meta_refresh, self.sites):
            self.push(_clean(page.meta_refresh), item.rank, page.final_url, item.depth, False)

    async def run(self, start_urls: list[str]) -> SiteSnapshot:
        for raw in start_urls:
            bare = "://" not in raw and "." in raw and " " not in raw.strip()
            url = normalize_url(f"https://{raw.strip()}" if bare else raw)  # "acme.com" as typed
            if url is None:
                self.problems.append(
                    FetchProblem(raw, "bad_url", f"{raw!r} is not a web address (http or https).")
                )
                continue
            url = _clean(url)
            if site_key(host_of(url)) not in _HOSTED_ELSEWHERE:
                self.sites.add(site_key(host_of(url)))
            self.push(url, (0, 0), None, 0, False)
        deadline = time.monotonic() + self.o.max_seconds
        pending: set[asyncio.Task[_Outcome]] = set()
        while True:
            while (
                self.heap and len(pending) < self.o.concurrency and self.attempts < self.o.max_pages
            ):
                if time.monotonic() > deadline:
                    break
                item = heapq.heappop(self.heap)
                self.attempts += 1
                pending.add(asyncio.create_task(self.visit(item)))
            if not pending:
                break
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in sorted(done, key=lambda t: t.result().item.seq):
                self.record(task.result())
        for item in self.heap:
            self.skipped.setdefault(item.url, SkippedLink(item.url, "budget", item.referrer))
        pages = {
            key: page for key, (_, page) in sorted(self.pages.items(), key=lambda kv: kv[1][0])
        }
        return SiteSnapshot(
            start_urls=tuple(start_urls),
            pages=pages,
            problems=tuple(self.problems),
            skipped=tuple(self.skipped.values()),
            aliases=dict(self.aliases),
        )

    def record(self, outcome: _Outcome) -> None:
        self.problems.extend(outcome.problems)
        page = outcome.page
        if page is None:
            return
        for alias in (page.url, *page.redirects):
            if alias != page.final_url:
                self.aliases[alias] = page.final_url
        if page.final_url in self.pages:
            return
        self.seen.add(page.final_url)
        self.pages[page.final_url] = (outcome.item.seq, page)
        if outcome.item.rank[0] == 0 and not outcome.item.offsite:
            final_site = site_key(host_of(page.final_url))
            if final_site not in _HOSTED_ELSEWHERE:
                self.sites.add(final_site)
        self.enqueue_links(page, outcome.item)

    async def visit(self, item: _Item) -> _Outcome:
        out = _Outcome(item)
        try:
            # The deadline covers the network only: a server trickling bytes cannot hold a worker.
            async with asyncio.timeout(self.o.page_timeout):
                body = await self._fetch(item, out)
        except (TimeoutError, httpx.TimeoutException):
            self.add(out, "timeout", f"{item.url} took too long to answer.")
            return out
        except NetworkRefused as exc:
            self.add(out, "refused", str(exc))
            return out
        except UnresolvableHost as exc:
            self.add(out, "dns", str(exc))
            return out
        except httpx.HTTPError as exc:
            self.add(out, "connect", _connect_message(item.url, exc))
            return out
        if body is not None:
            out.page = await asyncio.to_thread(self._extract, item, body)
        return out

    def add(
        self, out: _Outcome, kind: ProblemKind, message: str, status: int | None = None
    ) -> None:
        kept = kind in ("too_big", "charset")
        item = out.item
        out.problems.append(FetchProblem(item.url, kind, message, status, item.referrer, kept))

    async def _fetch(self, item: _Item, out: _Outcome) -> _Body | None:
        current = item.url
        hops: list[str] = []
        while True:
            await self.guard.check_url(current)  # every hop, so a redirect cannot reach inside
            response = await self.client.send(
                self.client.build_request("GET", current), stream=True
            )
            try:
                location = response.headers.get("location")
                if not (response.is_redirect and location):
                    return await self._read(out, response, current, tuple(hops))
                target = normalize_url(location, current)
                if target is None:
                    raise NetworkRefused(f"Not fetched: {current} redirects to {location!r}.")
                hops.append(current)
                if target in hops:
                    chain = " → ".join([*hops, target])
                    self.add(out, "redirect_loop", f"{item.url} redirects in a loop ({chain}).")
                    return None
                if len(hops) > self.o.max_redirects:
                    limit = self.o.max_redirects
                    self.add(out, "too_many_redirects", f"{item.url} redirects over {limit} times.")
                    return None
                current = target
            finally:
                await response.aclose()

    async def _read(
        self, out: _Outcome, response: httpx.Response, final: str, hops: tuple[str, ...]
    ) -> _Body | None:
        status = response.status_code
        if status >= 400:
            reason = _REASONS.get(status, "answered with an error")
            if status in (403, 503) and response.headers.get("cf-mitigated") == "challenge":
                reason = "blocks automated visitors (bot protection)"
            where = f" (linked from {out.item.referrer})" if out.item.referrer else ""
            self.add(out, "http_status", f"{final} {reason} (HTTP {status}){where}.", status)
            return None
        mime = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if mime and mime not in _HTML_TYPES:
            message = f"{final} is not a web page ({mime}); a reviewer expects an HTML page."
            self.add(out, "not_html", message, status)
            return None
        chunks: list[bytes] = []
        total = 0
        async for chunk in response.aiter_bytes():  # stop reading at the limit, never buffer all
            chunks.append(chunk)
            total += len(chunk)
            if total > self.o.max_bytes:
                break
        truncated = total > self.o.max_bytes
        body = b"".join(chunks)[: self.o.max_bytes]
        if not mime and not body.lstrip()[:200].lower().startswith(_HTML_STARTS):
            self.add(out, "not_html", f"{final} is not a web page (no content type).", status)
            return None
        text, charset, fallback = decode_html(body, response.charset_encoding, truncated=truncated)
        if truncated:
            limit = f"{self.o.max_bytes / 1_000_000:g} MB"
            self.add(out, "too_big", f"{final} is over {limit}; only the first {limit} was read.")
        if fallback:
            message = f"{final} declares a character set its text does not use; read as {charset}."
            self.add(out, "charset", message, status)
        robots = response.headers.get("x-robots-tag", "")
        return _Body(text, final, status, mime or "text/html", charset, hops, truncated, robots)

    @staticmethod
    def _extract(item: _Item, body: _Body) -> Page:
        return extract_page(
            body.text,
            url=item.url,
            final_url=body.final,
            status=body.status,
            content_type=body.mime,
            charset=body.charset,
            redirects=body.hops,
            referrer=item.referrer,
            truncated=body.truncated,
            robots_header=body.robots,
        )


async def crawl(
    start_urls: list[str],
    *,
    options: CrawlOptions,
    guard: AddressGuard,
    transport: httpx.AsyncBaseTransport | None = None,
) -> SiteSnapshot:
    timeout = httpx.Timeout(options.read_timeout, connect=options.connect_timeout)
    headers = {
        "User-Agent": options.user_agent,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Language": "en-US,en;q=0.8",
    }
    async with httpx.AsyncClient(
        transport=transport or guarded_transport(guard, max_connections=options.concurrency * 2),
        timeout=timeout,
        headers=headers,
        follow_redirects=False,
        trust_env=False,
    ) as client:
        return await _Crawler(client, guard, options).run(start_urls)
