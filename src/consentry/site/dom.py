"""lxml helpers for the extractors: visible text, hidden elements, landmarks, CSS selectors."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, TypeAlias

from consentry.site.model import Region

__all__ = [
    "Doc",
    "Element",
    "attr",
    "classes",
    "clean_text",
    "element_text",
    "is_hidden_self",
]

Element: TypeAlias = Any
"""An `lxml.html.HtmlElement` (lxml ships no type information that mypy can use here)."""

_SKIP_TEXT = frozenset(
    {"script", "style", "noscript", "template", "head", "select", "textarea", "svg", "iframe"}
)
_SKIP_TEXT |= {"object", "canvas", "video", "audio", "datalist", "option", "math"}
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "label",
        "button",
    ]
)
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "hide", "is-hidden", "invisible", "display-none"})
# Tailwind/Bootstrap responsive display utilities: "hidden md:block" is visible on desktop.
_RESPONSIVE_SHOW = re.compile(
    r"^(?:sm|md|lg|xl|2xl):(?:block|flex|grid|inline\S*|table\S*)$|^d-\w+-(?:block|flex|inline\S*|grid)$"
)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SOFT = "\x00"  # a word break only where text would otherwise run together
_SOFT_NOT_NEEDED = re.compile(r"\x00+(?=[\s.,;:!?)\]]|$)|(?<=[\s(\[])\x00+|^\x00+")
_INVISIBLE_CHARS = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def attr(el: Element, name: str) -> str:
    value = el.get(name)
    return value.strip() if value else ""


def classes(el: Element) -> list[str]:
    return (el.get("class") or "").split()


def tag_of(el: Element) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def clean_text(text: str) -> str:
    """Collapse runs of spaces on each line and drop empty lines."""
    text = text.translate(_INVISIBLE_CHARS)
    if _SOFT in text:
        text = _SOFT_NOT_NEEDED.sub("", text).replace(_SOFT, " ")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def one_line(text: str) -> str:
    return " ".join(text.split())


def is_hidden_self(el: Element) -> bool:
    """Hidden by its own markup: `hidden`, inline display:none, a hiding utility class."""
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if style and _DISPLAY_NONE.search(style):
        return True
    cls = classes(el)
    if cls and _HIDDEN_CLASSES.intersection(c.lower() for c in cls):
        return not any(_RESPONSIVE_SHOW.match(c) for c in cls)
    return tag_of(el) == "input" and attr(el, "type").lower() == "hidden"


def element_text(
    root: Element,
    *,
    skip: Callable[[Element], bool] | None = None,
    keep_hidden: bool = False,
) -> str:
    """Visible text under `root` (iterative: deep real markup must not hit the recursion limit)."""
    parts: list[str] = []
    stack: list[tuple[Element, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag
        if closing:
            if tag in _BLOCK:
                parts.append("\n")
            elif tag == "a":
                parts.append(_SOFT)
            if el is not root and el.tail:
                parts.append(el.tail)
            continue
        if not isinstance(tag, str):  # comment or processing instruction
            if el is not root and el.tail:
                parts.append(el.tail)
            continue
        skipped = tag in _SKIP_TEXT or (skip is not None and el is not root and skip(el))
        if skipped or (not keep_hidden and el is not root and is_hidden_self(el)):
            if el is not root and el.tail:
                parts.append(el.tail)
            continue
        if tag in _BLOCK:
            parts.append("\n")
        elif tag == "a":  # adjacent links ("Privacy|Terms") must not fuse into one word
            parts.append(_SOFT)
        if tag == "input" and attr(el, "type").lower() in ("submit", "button"):
            parts.append(" " + attr(el, "value") + " ")
        if el.text:
            parts.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    return clean_text("".join(parts))


def _tokens(el: Element) -> Iterator[str]:
    for token in classes(el):
        yield token.lower().replace("_", "-")
    ident = attr(el, "id")
    if ident:
        yield ident.lower().replace("_", "-")


def _landmark(el: Element) -> Region | None:
    tag = tag_of(el)
    role = attr(el, "role").lower()
    if tag == "nav" or role == "navigation":
        return "nav"
    if tag == "footer" or role == "contentinfo":
        return "footer"
    if tag == "aside" or role == "complementary":
        return "aside"
    if role == "banner":
        return "header"
    if tag in ("body", "html", "main"):
        return None
    if tag == "header" and not any(
        tag_of(a) in ("article", "main", "section") for a in el.iterancestors()
    ):
        return "header"
    for token in _tokens(el):
        if token.startswith(("footer", "site-footer", "colophon", "page-footer")) or token.endswith(
            "-footer"
        ):
            return "footer"
        if token.startswith(("nav", "menu", "main-menu")) or token.endswith(
            ("-menu", "-nav", "navigation")
        ):
            return "nav"
        if token in ("header", "site-header", "masthead", "topbar", "top-bar") or token.startswith(
            "header"
        ):
            return "header"
        if token in ("sidebar", "widget-area"):
            return "aside"
    return None


class Doc:
    """A parsed page plus per-document caches (ids, names, regions, selectors)."""

    def __init__(self, root: Element, url: str) -> None:
        self.root = root
        self.url = url
        self._ids = Counter(
            e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id")
        )
        self._names = Counter(
            (tag_of(e), e.get("name"))
            for e in root.iter("input", "select", "textarea", "button")
            if e.get("name")
        )
        self._regions: dict[Element, Region | None] = {}
        self._positions: dict[Element, int] = {}
        self._alone: set[Element] = set()
        self.by_id: dict[str, Element] = {}
        for e in root.iter():
            ident = e.get("id") if isinstance(e.tag, str) else None
            if ident and ident not in self.by_id:
                self.by_id[ident] = e

    def region(self, el: Element) -> Region:
        chain: list[Element] = []
        found: Region | None = None
        node: Element | None = el
        while node is not None:
            if node in self._regions:
                found = self._regions[node]
                break
            chain.append(node)
            found = _landmark(node)
            if found:
                break
            node = node.getparent()
        for visited in chain:
            self._regions.setdefault(visited, found)
        return found or "body"

    def hidden_between(self, el: Element, stop: Element | None) -> bool:
        """Hidden by itself or any ancestor below `stop` (exclusive); None: up to the root."""
        node: Element | None = el
        while node is not None and node is not stop:
            if is_hidden_self(node):
                return True
            node = node.getparent()
        return False

    def selector(self, el: Element) -> str:
        """`#id` when unique, `tag[name=...]` when unique, else a short nth-of-type path."""
        ident = attr(el, "id")
        if ident and self._ids[ident] == 1 and _SAFE.match(ident):
            return f"#{ident}"
        tag = tag_of(el)
        name = el.get("name")
        if name and self._names[(tag, name)] == 1 and '"' not in name:
            return f'{tag}[name="{name}"]'
        steps: list[str] = []
        node: Element | None = el
        while node is not None and isinstance(node.tag, str):
            ident = attr(node, "id")
            if node is not el and ident and self._ids[ident] == 1 and _SAFE.match(ident):
                steps.append(f"#{ident}")
                break
            steps.append(self._step(node))
            if tag_of(node) in ("body", "html"):
                break
            node = node.getparent()
        return " > ".join(reversed(steps))

    def _step(self, node: Element) -> str:
        tag = tag_of(node)
        step = tag
        safe = [c for c in classes(node) if _SAFE.match(c)]
        if safe and tag not in ("body", "html"):
            step += f".{safe[0]}"
        position = self._position(node)
        if position is not None:
            step += f":nth-of-type({position})"
        return step

    def _position(self, node: Element) -> int | None:
        """1-based index among same-tag siblings, None when the tag is alone (cached per parent:
        a list of 5,000 links must not cost 5,000² steps)."""
        if node not in self._positions:
            parent = node.getparent()
            if parent is None:
                return None
            counts: Counter[str] = Counter()
            for child in parent:
                if isinstance(child.tag, str):
                    counts[child.tag] += 1
                    self._positions[child] = counts[child.tag]
            self._alone.update(c for c in parent if isinstance(c.tag, str) and counts[c.tag] == 1)
        return None if node in self._alone else self._positions.get(node)


_SAFE = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
