"""What the website scanner saw: pages, forms, fields, checkboxes, links, and the problems met.

Every element carries `line` (the HTML source line, 1-based, of the page's `html_lines`) and
`selector` (a short CSS selector) so a finding can point at it. Problems are data, never exceptions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from consentry.site.urls import loose_key, normalize_url

__all__ = [
    "Checkbox",
    "ContactInfo",
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
]

Region = Literal["header", "nav", "footer", "aside", "body"]
"""Where on the page an element sits (innermost landmark wins: a nav inside a header is `nav`)."""

ProblemKind = Literal[
    "refused",  # the address is private/loopback/link-local..., or the scheme is not http(s)
    "bad_url",
    "dns",
    "connect",
    "timeout",
    "http_status",  # 4xx/5xx
    "redirect_loop",
    "too_many_redirects",
    "too_big",  # larger than the byte limit: only the first part was read
    "not_html",
    "charset",  # declared charset was wrong; decoded with a fallback
    "unreadable",  # folder mode: a file that could not be read
    "render",  # the browser could not load the page
]


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    """Absolute URL with the fragment removed; "" for `#`, `javascript:` and empty hrefs."""
    href: str
    """The href as written in the page."""
    text: str
    """Visible text, else aria-label, title or an image's alt."""
    region: Region
    topics: tuple[str, ...]
    """Any of: privacy, terms, sms, contact, book, signup, quote, about, login (see classify.py)."""
    line: int | None
    selector: str
    rel: tuple[str, ...] = ()

    @property
    def scheme(self) -> str:
        return self.href.split(":", 1)[0].lower() if ":" in self.href.split("/", 1)[0] else ""


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    line: int | None
    selector: str


@dataclass(frozen=True, slots=True)
class Field:
    """A data-entry control of a form: input (not checkbox/radio/button), select or textarea."""

    tag: str
    input_type: str
    """Lower-cased `type` attribute for inputs ("text" when absent); the tag for select/textarea."""
    name: str
    id: str
    label: str
    label_source: str
    """label-for, wrapping-label, aria-labelledby, aria-label, placeholder, title, field-label
    (the field's legend), preceding-text, nearby-text (its table cell / grid column) or none."""
    placeholder: str
    autocomplete: str
    required: bool
    required_reason: str | None
    """required-attr, aria-required, cf7-acceptance, `class <name>` (a builder's class such as
    wpcf7-validates-as-required or gfield_contains_required), label-asterisk."""
    is_phone: bool
    phone_reason: str | None
    """type=tel, autocomplete, name, label... — why the field was taken for a phone number."""
    hidden: bool
    """Never shown to a visitor: type=hidden, a honeypot, or hidden with its own wrapper.
    (A hidden step of a multi-step form is not "hidden": it is shown later.)"""
    line: int | None
    selector: str


@dataclass(frozen=True, slots=True)
class Checkbox:
    """A tick box (or radio option, or ARIA `role=checkbox` widget) with the text around it."""

    input_type: Literal["checkbox", "radio", "role"]
    name: str
    id: str
    value: str
    label: str
    """The box's own label: label[for], wrapping label, aria-labelledby or aria-label."""
    label_source: str
    description: str
    """aria-describedby text, the field's description, and the disclosure right next to the box."""
    consent_text: str
    """`label` and `description` joined: what a reader sees as the box's consent language."""
    text_sources: tuple[str, ...]
    group_label: str
    """The field's legend/heading when the box is one option of a labelled group."""
    group_size: int
    """How many boxes share this box's name in the form (1 for a single box)."""
    checked: bool
    """The `checked` attribute (or aria-checked=true) is present: ticked when the page loads."""
    checked_by_script: bool
    script_line: int | None
    required: bool
    required_reason: str | None
    disabled: bool
    hidden: bool
    links: tuple[Link, ...]
    """Links inside the label, the description and the adjacent disclosure."""
    line: int | None
    selector: str


@dataclass(frozen=True, slots=True)
class Form:
    kind: Literal["form", "formless"]
    """`formless`: controls outside any <form>, grouped by their closest container."""
    action: str
    method: str
    name: str
    builder: str | None
    """gravity, wpforms, cf7, hubspot, jotform, squarespace, wix, mailchimp, elementor..."""
    region: Region
    heading: str
    """The nearest heading before or at the top of the form ("Subscribe to our newsletter")."""
    fields: tuple[Field, ...]
    checkboxes: tuple[Checkbox, ...]
    submit_text: str | None
    text: str
    """All visible text inside the form (labels, disclosures near the button...)."""
    nearby_text: str
    """Visible text right after the form, outside it (a disclosure under the form)."""
    links: tuple[Link, ...]
    hidden: bool
    """The whole form sits in a hidden container (a modal or a closed tab)."""
    frame_url: str | None
    """Set when the form was read from an iframe's document (render mode); its lines and
    selectors are then in that document, not in the page's `html_lines`."""
    line: int | None
    selector: str

    @property
    def phone_fields(self) -> tuple[Field, ...]:
        """Visible fields that take a phone number (honeypots and hidden inputs excluded)."""
        return tuple(f for f in self.fields if f.is_phone and not f.hidden)

    @property
    def has_phone(self) -> bool:
        return bool(self.phone_fields)

    @property
    def phone_required(self) -> bool:
        return any(f.required for f in self.phone_fields)

    @property
    def visible_checkboxes(self) -> tuple[Checkbox, ...]:
        return tuple(c for c in self.checkboxes if not c.hidden)


@dataclass(frozen=True, slots=True)
class Embed:
    """A third-party widget whose content the static HTML lacks: an iframe or a form script."""

    kind: Literal["iframe", "script", "widget"]
    provider: str | None
    """jotform, hubspot, typeform, google-forms, gohighlevel, calendly... None when unknown."""
    url: str
    is_form: bool
    """The provider builds forms or booking pages (a phone number may be collected inside)."""
    title: str
    same_origin: bool
    line: int | None
    selector: str


@dataclass(frozen=True, slots=True)
class ContactInfo:
    """Ways the page identifies the business (for "site identifies the business" checks)."""

    names: tuple[str, ...] = ()
    """og:site_name, JSON-LD Organization/LocalBusiness names."""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    """The URL asked for (normalised)."""
    final_url: str
    """The URL after redirects; the page's key in `SiteSnapshot.pages`."""
    status: int
    content_type: str
    charset: str
    title: str
    text: str
    """Visible text: no script/style/noscript/template or hidden elements; header, footer kept."""
    full_text: str
    """`text` plus collapsed or hidden sections (accordions, tabs, modals) a reader can open:
    check policy and terms wording against this."""
    html_lines: tuple[str, ...]
    links: tuple[Link, ...]
    forms: tuple[Form, ...]
    headings: tuple[Heading, ...]
    embeds: tuple[Embed, ...]
    canonical: str | None
    og_url: str | None
    meta_refresh: str | None
    """Where a `<meta http-equiv=refresh>` sends the visitor within 10 s (the crawler follows)."""
    meta_robots: str
    lang: str
    contact: ContactInfo
    login_wall: bool
    """A sign-in page: a password field and little else, or redirected to a login URL."""
    placeholder_markers: tuple[str, ...]
    """Phrases such as "coming soon", "under construction", "domain for sale" found prominently."""
    redirects: tuple[str, ...] = ()
    """Every URL passed through before `final_url`."""
    referrer: str | None = None
    source: Literal["http", "folder", "render"] = "http"
    file_path: str | None = None
    truncated: bool = False

    def line_text(self, line: int | None) -> str:
        """The source line an element starts on (for snippets in findings)."""
        if line is None or not 1 <= line <= len(self.html_lines):
            return ""
        return self.html_lines[line - 1]

    @property
    def phone_forms(self) -> tuple[Form, ...]:
        return tuple(f for f in self.forms if f.has_phone)

    def links_about(self, topic: str) -> tuple[Link, ...]:
        return tuple(link for link in self.links if topic in link.topics)


@dataclass(frozen=True, slots=True)
class FetchProblem:
    url: str
    kind: ProblemKind
    message: str
    """Plain words for a business owner."""
    status: int | None = None
    referrer: str | None = None
    page_kept: bool = False
    """True when the page was still read (too big: first part; charset: decoded with a fallback)."""


@dataclass(frozen=True, slots=True)
class SkippedLink:
    url: str
    reason: Literal["other_site", "budget", "not_page"]
    referrer: str | None = None


@dataclass(frozen=True, slots=True)
class SiteSnapshot:
    start_urls: tuple[str, ...]
    pages: Mapping[str, Page]
    """Pages by final URL, in the order they were read."""
    problems: tuple[FetchProblem, ...] = ()
    skipped: tuple[SkippedLink, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)
    """Other URLs (redirect sources, folder-mode path variants) → key in `pages`."""
    mode: Literal["crawl", "folder"] = "crawl"
    rendered: bool = False

    def __iter__(self) -> Iterator[Page]:
        return iter(self.pages.values())

    def __len__(self) -> int:
        return len(self.pages)

    def page_for(self, url: str) -> Page | None:
        """The page for a URL, tolerant of www., http/https, a trailing slash, .html and index."""
        norm = normalize_url(url)
        if norm is None:
            return None
        key = self.aliases.get(norm, norm)
        if key in self.pages:
            return self.pages[key]
        wanted = loose_key(norm)
        for candidate, target in self._loose_index():
            if candidate == wanted:
                return self.pages.get(target)
        return None

    def problem_for(self, url: str) -> FetchProblem | None:
        """The last problem met at this URL (or at the URL it redirected to)."""
        norm = normalize_url(url)
        if norm is None:
            return None
        wanted = loose_key(norm)
        found = None
        for problem in self.problems:
            if problem.url == norm or loose_key(problem.url) == wanted:
                found = problem
        return found

    def lookup(self, url: str) -> Page | FetchProblem | None:
        """The page if it was read, else the problem met fetching it, else None (never tried)."""
        return self.page_for(url) or self.problem_for(url)

    def _loose_index(self) -> Iterator[tuple[str, str]]:
        for key in self.pages:
            yield loose_key(key), key
        for alias, key in self.aliases.items():
            yield loose_key(alias), key
