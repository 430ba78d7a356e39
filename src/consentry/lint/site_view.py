"""The campaign's website as the site rules see it: which page is the home page, the privacy
policy, the terms and the opt-in pages, and which checkboxes are about SMS.

Built once per lint from a `consentry.site.SiteSnapshot` (no fetching happens here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from consentry import phrases
from consentry.campaign.model import LoadedCampaign
from consentry.lint.flow import is_policy_url
from consentry.site.model import Checkbox, FetchProblem, Form, Page, SiteSnapshot

__all__ = ["NETWORK_PROBLEMS", "SiteView", "is_sms_checkbox"]

# Problems that say "this machine could not reach the site", not "the site is broken".
NETWORK_PROBLEMS = {"dns", "connect", "timeout", "refused"}
_SMS_NAME = re.compile(
    r"sms|text|txt|consent|opt[-_ ]?in|marketing_?texts?|mobile_?alerts", re.IGNORECASE
)
_EVIDENCE = re.compile(r"\.(?:png|jpe?g|gif|webp|pdf)(?:$|[?#])", re.IGNORECASE)


def is_sms_checkbox(box: Checkbox) -> bool:
    """A checkbox whose text is about text messages (or, unlabelled, whose name says so)."""
    if phrases.find_sms_mention(box.consent_text):
        return True
    return not box.consent_text.strip() and bool(_SMS_NAME.search(f"{box.name} {box.id}"))


@dataclass(frozen=True, slots=True)
class PageRef:
    """A URL the campaign names, and what fetching it gave."""

    url: str
    page: Page | None
    problem: FetchProblem | None


def _kind(problem: FetchProblem | None) -> str:
    if problem is None:
        return ""
    return str(problem.kind)


class SiteView:
    def __init__(self, snapshot: SiteSnapshot, loaded: LoadedCampaign) -> None:
        self.snapshot = snapshot
        self.loaded = loaded

    def ref(self, url: str) -> PageRef:
        page, problem = self.snapshot.page_for(url), self.snapshot.problem_for(url)
        if page is None and problem is None:
            # `--site https://staging.example.com` stands in for the campaign's own host: match by path.
            path = "/" + url.split("//", 1)[-1].split("/", 1)[1] if url.count("/") > 2 else "/"
            for start in self.snapshot.start_urls:
                origin = "/".join(start.split("/", 3)[:3])
                page = self.snapshot.page_for(origin + path)
                problem = self.snapshot.problem_for(origin + path)
                if page is not None or problem is not None:
                    break
        return PageRef(url, page, problem)

    @property
    def pages(self) -> tuple[Page, ...]:
        return tuple(self.snapshot)

    @cached_property
    def unreachable(self) -> bool:
        """Nothing could be fetched, and only for network reasons (no internet on this machine)."""
        if self.pages:
            return False
        kinds = {_kind(p) for p in self.snapshot.problems}
        return bool(kinds) and kinds <= NETWORK_PROBLEMS

    @cached_property
    def home(self) -> Page | None:
        website = self.loaded.campaign.brand.website
        page = self.snapshot.page_for(website) if website else None
        if page is None and self.pages:
            page = min(self.pages, key=lambda p: (p.url.rstrip("/").count("/"), len(p.url)))
        return page

    def _find_by_topic(self, declared: str | None, topic: str, words: str) -> PageRef | None:
        if declared and declared.strip():
            ref = self.ref(declared.strip())
            if ref.page is not None or ref.problem is not None:
                return ref
            # Not fetched (a folder of saved pages without it): look for the page by topic.
        pattern = re.compile(words, re.IGNORECASE)
        for page in self.pages:
            path = page.url.split("//", 1)[-1].split("/", 1)[-1]
            if pattern.search(path) or pattern.search(page.title or ""):
                return PageRef(page.url, page, None)
        for page in self.pages:
            for link in page.links_about(topic):
                if link.url:
                    return self.ref(link.url)
        return None

    @cached_property
    def privacy(self) -> PageRef | None:
        declared = self.loaded.campaign.campaign.privacy_policy_url
        return self._find_by_topic(declared, "privacy", r"privacy")

    @cached_property
    def terms(self) -> PageRef | None:
        declared = self.loaded.campaign.campaign.terms_url
        return self._find_by_topic(declared, "terms", r"sms[-_ ]?terms|terms|conditions")

    @cached_property
    def opt_in_refs(self) -> tuple[PageRef, ...]:
        """Pages the campaign says hold opt-in forms: opt_in_urls and form pages named in the flow."""
        spec = self.loaded.campaign.campaign
        urls = [u.strip() for u in spec.opt_in_urls if u.strip()]
        site_host = phrases.url_host(self.loaded.campaign.brand.website or "")
        home = phrases.registrable_domain(site_host) if site_host else None
        for match in phrases.find_urls(spec.message_flow or ""):
            url = match.text
            host = phrases.url_host(url)
            if is_policy_url(url) or _EVIDENCE.search(url) or not host:
                continue
            if home is None or phrases.registrable_domain(host) == home:
                urls.append(url if "://" in url else f"https://{url}")
        seen: dict[str, PageRef] = {}
        for url in urls:
            ref = self.ref(url)
            key = ref.page.url if ref.page else url
            seen.setdefault(key, ref)
        return tuple(seen.values())

    def missing(self, url: str) -> bool:
        """A URL that was neither read nor failed: not among the saved pages, or past the budget."""
        ref = self.ref(url)
        return ref.page is None and ref.problem is None

    def is_opt_in_page(self, page: Page) -> bool:
        return any(ref.page is not None and ref.page.url == page.url for ref in self.opt_in_refs)

    def phone_forms(self) -> list[tuple[Page, Form]]:
        """Every visible form with a phone field, once (same-site frames are also pages)."""
        out, seen = [], set()
        for page in self.pages:
            for form in page.phone_forms:
                key = (form.frame_url or page.url, form.selector)
                if form.hidden or key in seen:
                    continue
                seen.add(key)
                out.append((page, form))
        return out

    @staticmethod
    def sms_boxes(form: Form) -> list[Checkbox]:
        return [b for b in form.visible_checkboxes if is_sms_checkbox(b)]

    @cached_property
    def site_text(self) -> str:
        return "\n".join(p.text for p in self.pages)
