"""HTML text → `Page`: title, visible text, headings, links, forms, embeds, business details."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html

from consentry.site.classify import (
    LOGIN_PATH,
    embed_provider,
    link_topics,
    placeholder_markers,
)
from consentry.site.dom import Doc, Element, attr, element_text, one_line, tag_of
from consentry.site.forms import extract_forms
from consentry.site.model import ContactInfo, Embed, Heading, Link, Page
from consentry.site.scripts import find_script_ticks
from consentry.site.urls import host_of, normalize_url

__all__ = ["extract_page", "parse_html"]

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_PHONE = re.compile(
    r"(?<![\d-])(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?(\d{3})[\s.-]?(\d{4})(?![\d-])"
)
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,5}\.[A-Za-z]{2,24}\b"
)
_MAX_SCAN_LINE = 1000  # contact details sit on short lines; long runs only cost time
_ADDRESS = re.compile(
    r"\d{1,6}\s+[\w .'#-]{3,60}?,?\s+[A-Za-z .'-]{2,40},?\s+[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?"
)
_ASSET_EXT = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
_SCRIPT_EMBEDS = (
    ("hbspt.forms.create", "hubspot"),
    ("jotform.com/jsform", "jotform"),
    ("typeform", "typeform"),
    ("form_embed.js", "gohighlevel"),
    ("leadconnectorhq", "gohighlevel"),
)
_WIDGET_MARKERS = (
    ("hs-form-frame", "hubspot"),
    ("data-tf-widget", "typeform"),
    ("data-tf-live", "typeform"),
    ("klaviyo-form-", "klaviyo"),
    ("calendly-inline-widget", "calendly"),
    # Builders that draw the form by script: only an empty placeholder is in the HTML.
    ("nf-form-cont", "ninja-forms"),
    ("sqs-block-form", "squarespace"),
    ("wixui-form", "wix"),
)


def parse_html(text: str) -> Element | None:
    """lxml root of an HTML document, or None when there is no markup at all."""
    text = _XML_DECL.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1)
    if not text.strip():
        return None
    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=False)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    return root


def _link_text(a: Element) -> str:
    text = one_line(element_text(a))
    if text:
        return text
    for name in ("aria-label", "title"):
        if attr(a, name):
            return one_line(attr(a, name))
    for img in a.iter("img"):
        if attr(img, "alt"):
            return one_line(attr(img, "alt"))
    return ""


def _links(doc: Doc, base: str) -> dict[Element, Link]:
    found: dict[Element, Link] = {}
    for a in doc.root.iter("a", "area"):
        href = a.get("href")
        if href is None:
            continue
        href = href.strip()
        same_page = not href or href.startswith("#")
        url = "" if same_page else (normalize_url(href, base) or "")
        text = _link_text(a)
        found[a] = Link(
            url=url,
            href=href,
            text=text,
            region=doc.region(a),
            topics=link_topics(text, url or href),
            line=a.sourceline,
            selector=doc.selector(a),
            rel=tuple((a.get("rel") or "").lower().split()),
        )
    return found


def _embeds(doc: Doc, base: str, page_host: str) -> tuple[Embed, ...]:
    found: list[Embed] = []
    for el in doc.root.iter("iframe", "frame", "script", "div", "embed", "object"):
        tag = tag_of(el)
        src = attr(el, "src") or attr(el, "data-src") or attr(el, "data") if tag != "div" else ""
        kind: Literal["iframe", "script", "widget"] = "iframe" if tag != "script" else "script"
        provider, is_form = (
            embed_provider(normalize_url(src, base) or src) if src else (None, False)
        )
        if tag == "script" and not src and el.text:
            for marker, name in _SCRIPT_EMBEDS:
                if marker in el.text:
                    provider, is_form = name, True
                    break
        if tag == "div":
            markup = f"{el.get('class', '')} {' '.join(el.attrib.keys())}"
            for marker, name in _WIDGET_MARKERS:
                if marker in markup:
                    provider, is_form, kind = name, True, "widget"
                    break
            # A placeholder that already holds its controls is an ordinary form, not a widget.
            if kind != "widget" or any(True for _ in el.iter("input", "select", "textarea")):
                continue
        if tag == "script" and not is_form:
            continue
        if tag in ("iframe", "frame", "embed", "object") and not src and provider is None:
            continue
        url = normalize_url(src, base) or src
        found.append(
            Embed(
                kind=kind,
                provider=provider,
                url=url,
                is_form=is_form,
                title=attr(el, "title"),
                same_origin=bool(url) and host_of(url) == page_host,
                line=el.sourceline,
                selector=doc.selector(el),
            )
        )
    return tuple(found)


def _json_ld(root: Element) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                stack.extend(v for v in item.values() if isinstance(v, list | dict))


def _contact(root: Element, text: str, links: list[Link]) -> ContactInfo:
    names: list[str] = []
    addresses: list[str] = []
    phones: list[str] = []
    emails: list[str] = []
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key in ("og:site_name", "application-name") and attr(meta, "content"):
            names.append(one_line(attr(meta, "content")))
    for item in _json_ld(root):
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        business = "address" in item or "telephone" in item
        business = business or any(k in ("Organization", "WebSite") for k in kinds)
        if isinstance(item.get("name"), str) and business:
            names.append(item["name"])
        if isinstance(item.get("telephone"), str):
            phones.append(item["telephone"])
        if "PostalAddress" in kinds:
            parts = (
                item.get(k)
                for k in ("streetAddress", "addressLocality", "addressRegion", "postalCode")
            )
            addresses.append(", ".join(p for p in parts if isinstance(p, str) and p))
    for el in root.iter("address"):
        addresses.append(one_line(element_text(el)))
    lines = [line for line in text.split("\n") if len(line) <= _MAX_SCAN_LINE]
    for line in lines:
        if any(c.isdigit() for c in line):
            addresses.extend(m.group(0) for m in _ADDRESS.finditer(line))
            phones.extend(m.group(0) for m in _PHONE.finditer(line))
        if "@" in line:
            emails.extend(e for e in _EMAIL.findall(line) if not e.lower().endswith(_ASSET_EXT))
    for link in links:
        scheme = link.href.split(":", 1)[0].lower()
        if scheme == "tel":
            phones.append(unquote(link.href[4:]))
        elif scheme == "mailto":
            emails.append(unquote(link.href[7:].split("?", 1)[0]))
    return ContactInfo(
        names=_unique(names),
        phones=_unique(_digits(p) for p in phones if len(_digits(p)) >= 10),
        emails=_unique(e.lower() for e in emails if e),
        addresses=_unique(a for a in addresses if a),
    )


def _digits(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def _unique(items: Iterator[str] | list[str] | Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(one_line(i) for i in items if one_line(i)))


_REFRESH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[;,]\s*(?:url\s*=\s*)?['\"]?([^'\"]+)", re.I)


def _refresh_target(content: str, base: str) -> str | None:
    """Where `<meta http-equiv=refresh content="0; url=/home">` sends a visitor (within 10 s)."""
    match = _REFRESH.match(content)
    if not match or float(match.group(1)) > 10:
        return None
    return normalize_url(match.group(2).strip(), base)


def _meta(root: Element, key: str, value: str) -> str:
    for meta in root.iter("meta"):
        if (meta.get(key) or "").lower() == value:
            return attr(meta, "content")
    return ""


def extract_page(
    text: str,
    *,
    url: str,
    final_url: str | None = None,
    status: int = 200,
    content_type: str = "text/html",
    charset: str = "utf-8",
    redirects: tuple[str, ...] = (),
    referrer: str | None = None,
    source: Literal["http", "folder", "render"] = "http",
    file_path: str | None = None,
    truncated: bool = False,
    robots_header: str = "",
) -> Page:
    final = final_url or url
    root = parse_html(text)
    if root is None:
        root = lxml_html.document_fromstring("<html><body></body></html>")
    base = final
    for base_el in root.iter("base"):
        base = normalize_url(attr(base_el, "href"), final) or final
        break
    doc = Doc(root, base)
    link_map = _links(doc, base)
    links = list(link_map.values())
    body = root.find("body")
    visible = element_text(body if body is not None else root)
    full = element_text(body if body is not None else root, keep_hidden=True)
    title_el = root.find("head/title")  # not an SVG's <title> in the body
    title = one_line(title_el.text_content()) if title_el is not None else ""
    title = title or _meta(root, "property", "og:title")
    headings = tuple(
        Heading(int(tag_of(h)[1]), t, h.sourceline, doc.selector(h))
        for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6")
        if (t := one_line(element_text(h)))
    )
    canonical = None
    for link_el in root.iter("link"):
        if "canonical" in (link_el.get("rel") or "").lower().split() and attr(link_el, "href"):
            canonical = normalize_url(attr(link_el, "href"), base)
            break
    meta_refresh = _refresh_target(_meta(root, "http-equiv", "refresh"), base)
    og_url = (
        normalize_url(_meta(root, "property", "og:url"), base)
        if _meta(root, "property", "og:url")
        else None
    )
    forms = extract_forms(doc, find_script_ticks(root), link_map)
    words = len(visible.split())
    has_password = any(attr(i, "type").lower() == "password" for i in root.iter("input"))
    login_wall = has_password and words < 200
    login_wall = login_wall or bool(LOGIN_PATH.search(urlsplit(final).path) and final != url)
    prominent = " \n ".join([title, *(h.text for h in headings if h.level <= 2)])
    robots = " ".join(filter(None, (_meta(root, "name", "robots"), robots_header))).lower()
    html_el = root if tag_of(root) == "html" else root.find(".//html")
    return Page(
        url=url,
        final_url=final,
        status=status,
        content_type=content_type,
        charset=charset,
        title=title,
        text=visible,
        full_text=full,
        # Split on "\n" only: that is how lxml counts `sourceline`.
        html_lines=tuple(line.removesuffix("\r") for line in text.split("\n")),
        links=tuple(links),
        forms=forms,
        headings=headings,
        embeds=_embeds(doc, base, host_of(final)),
        canonical=canonical,
        og_url=og_url,
        meta_refresh=meta_refresh,
        meta_robots=robots,
        lang=attr(html_el, "lang") if html_el is not None else "",
        contact=_contact(root, visible, links),
        login_wall=login_wall,
        placeholder_markers=placeholder_markers(prominent, visible, words),
        redirects=redirects,
        referrer=referrer,
        source=source,
        file_path=file_path,
        truncated=truncated,
    )
