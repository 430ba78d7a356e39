"""The crawler: a few pages at once, same site only, the pages a reviewer opens first.

Every hop of a redirect is checked by the SSRF guard; bodies are streamed and cut at the byte
limit; every failure becomes a `FetchProblem`.
"""

from __future__ import annotations

import asyncio
import heapq
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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


@dataclass(slots=True)
class _Outcome:
    item: _Item
    page: Page | None = None
    problems: list[FetchProblem] = field(default_factory=list)


def _clean(url: str) -> str:
    parts = urlsplit(url)
    if not parts.query:
        return url
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.startswith(_TRACKING)
    ]
    return urlunsplit(parts._replace(query=urlencode(query)))


def _rank(link: Link, depth: int) -> tuple[int, int] | None:
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
                rank = _rank(link, item.depth + 1)
                if rank is not None:
                    self.push(url, rank, page.final_url, item.depth + 1, False)
            elif policy and self.o.follow_offsite_policies and not embed_provider(url)[1]:
                self.push(url, (1, item.depth + 1), page.final_url, item.depth + 1, True)
            else:
                self.skipped.setdefault(url, SkippedLink(url, "other_site", page.final_url))

    async def run(self, start_urls: list[str]) -> SiteSnapshot:
        for raw in start_urls:
            url = normalize_url(raw)
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
        outcome = _Outcome(item)
        try:
            async with asyncio.timeout(self.o.page_timeout):
                await self._fetch(item, outcome)
        except (TimeoutError, httpx.TimeoutException):
            outcome.problems.append(
                self.problem(item, "timeout", f"{item.url} took too long to answer.")
            )
        except NetworkRefused as exc:
            outcome.problems.append(self.problem(item, "refused", str(exc)))
        except UnresolvableHost as exc:
            outcome.problems.append(self.problem(item, "dns", str(exc)))
        except httpx.HTTPError as exc:
            outcome.problems.append(
                self.problem(
                    item, "connect", f"Could not connect to {item.url} ({type(exc).__name__})."
                )
            )
        return outcome

    def problem(
        self, item: _Item, kind: ProblemKind, message: str, **extra: object
    ) -> FetchProblem:
        status = extra.get("status")
        return FetchProblem(
            url=item.url,
            kind=kind,
            message=message,
            status=status if isinstance(status, int) else None,
            referrer=item.referrer,
            page_kept=bool(extra.get("page_kept", False)),
        )

    async def _fetch(self, item: _Item, outcome: _Outcome) -> None:
        current = item.url
        hops: list[str] = []
        while True:
            await self.guard.check_url(current)
            request = self.client.build_request("GET", current)
            response = await self.client.send(request, stream=True)
            try:
                location = response.headers.get("location")
                if response.is_redirect and location:
                    target = normalize_url(location, current)
                    if target is None:
                        raise NetworkRefused(
                            f"Not fetched: {current} redirects to {location!r}, not a web page."
                        )
                    hops.append(current)
                    if target in hops:
                        outcome.problems.append(
                            self.problem(
                                item,
                                "redirect_loop",
                                f"{item.url} redirects in a loop ({' → '.join([*hops, target])}).",
                            )
                        )
                        return
                    if len(hops) > self.o.max_redirects:
                        outcome.problems.append(
                            self.problem(
                                item,
                                "too_many_redirects",
                                f"{item.url} redirects more than {self.o.max_redirects} times.",
                            )
                        )
                        return
                    current = target
                    continue
                await self._read(item, outcome, response, current, tuple(hops))
                return
            finally:
                await response.aclose()

    async def _read(
        self,
        item: _Item,
        outcome: _Outcome,
        response: httpx.Response,
        final: str,
        hops: tuple[str, ...],
    ) -> None:
        status = response.status_code
        if status >= 400:
            reason = _REASONS.get(status, "answered with an error")
            if status in (403, 503) and response.headers.get("cf-mitigated") == "challenge":
                reason = "blocks automated visitors (bot protection)"
            where = f" (linked from {item.referrer})" if item.referrer else ""
            outcome.problems.append(
                self.problem(
                    item, "http_status", f"{final} {reason} (HTTP {status}){where}.", status=status
                )
            )
            return
        ctype = response.headers.get("content-type", "")
        mime = ctype.split(";", 1)[0].strip().lower()
        if mime and mime not in _HTML_TYPES:
            outcome.problems.append(
                self.problem(
                    item,
                    "not_html",
                    f"{final} is not a web page ({mime}); a reviewer expects an HTML page.",
                    status=status,
                )
            )
            return
        chunks: list[bytes] = []
        total = 0
        truncated = False
        async for chunk in response.aiter_bytes():
            chunks.append(chunk)
            total += len(chunk)
            if total > self.o.max_bytes:
                truncated = True
                break
        body = b"".join(chunks)[: self.o.max_bytes]
        if not mime and not body.lstrip()[:200].lower().startswith(
            (b"<!doctype html", b"<html", b"<head", b"<!--")
        ):
            outcome.problems.append(
                self.problem(
                    item, "not_html", f"{final} is not a web page (no content type).", status=status
                )
            )
            return
        text, charset, fallback = decode_html(body, response.charset_encoding, truncated=truncated)
        if truncated:
            limit_mb = self.o.max_bytes / 1_000_000
            outcome.problems.append(
                self.problem(
                    item,
                    "too_big",
                    f"{final} is larger than {limit_mb:g} MB; only the first part was read.",
                    status=status,
                    page_kept=True,
                )
            )
        if fallback:
            outcome.problems.append(
                self.problem(
                    item,
                    "charset",
                    f"{final} declares a character set its text does not use; read as {charset}.",
                    status=status,
                    page_kept=True,
                )
            )
        outcome.page = await asyncio.to_thread(
            extract_page,
            text,
            url=item.url,
            final_url=final,
            status=status,
            content_type=mime or "text/html",
            charset=charset,
            redirects=hops,
            referrer=item.referrer,
            truncated=truncated,
            robots_header=response.headers.get("x-robots-tag", ""),
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
