"""Controls outside any <form>: group them the way a visitor sees them.

Site builders (Wix, landing-page tools, React pages) often put inputs in plain divs and send them
by script. A group is the closest container that looks like a form (role=form, a "form" class or
id) or holds the button that sends it; following controls join the group while they share a
close ancestor and the group has not already ended with its button.
"""

from __future__ import annotations

import re

from consentry.site.dom import Element, attr, classes, tag_of

__all__ = ["group_orphans", "is_button", "is_search", "owner_form"]

_BUTTON_TYPES = frozenset({"submit", "button", "reset", "image"})
_FORMISH = re.compile(
    r"(?:^|[-_])forms?(?:$|[-_])|^(?:wixui-form|contact|signup|subscribe|newsletter)", re.I
)
_SEARCH_NAMES = frozenset({"q", "s", "search", "query", "keyword", "keywords"})
_MAX_CLIMB = 8


def owner_form(el: Element) -> Element | None:
    for ancestor in el.iterancestors():
        if tag_of(ancestor) == "form":
            return ancestor
    return None


def is_button(el: Element) -> bool:
    tag = tag_of(el)
    return tag == "button" or (tag == "input" and attr(el, "type").lower() in _BUTTON_TYPES)


def is_search(el: Element) -> bool:
    if attr(el, "type").lower() == "search" or attr(el, "name").lower() in _SEARCH_NAMES:
        return True
    return any(attr(a, "role") == "search" for a in el.iterancestors())


def _has_button(node: Element) -> bool:
    for b in node.iter("button", "input", "a", "div", "span"):
        if owner_form(b) is None and (is_button(b) or attr(b, "role") == "button"):
            return True
    return False


def _container(el: Element) -> Element:
    """The closest ancestor that looks like a form or holds the button that sends it."""
    parent = el.getparent()
    node = parent
    for _ in range(12):
        if node is None or tag_of(node) in ("body", "html"):
            break
        tokens = [*classes(node), attr(node, "id"), attr(node, "data-testid")]
        if attr(node, "role") == "form" or any(_FORMISH.search(t) for t in tokens if t):
            return node
        if _has_button(node):
            return node
        node = node.getparent()
    return parent if parent is not None else el


def _common_ancestor(a: Element, b: Element) -> tuple[Element | None, int]:
    """Lowest common ancestor of `a` and `b`, and how many levels above `b` it is."""
    chain = {id(x): x for x in (a, *a.iterancestors())}
    for depth, node in enumerate((b, *b.iterancestors())):
        if id(node) in chain:
            return node, depth
    return None, 0


def group_orphans(orphans: list[Element]) -> list[tuple[Element, list[Element]]]:
    """[(container, controls)] for controls that no <form> owns, in document order."""
    groups: list[tuple[Element, list[Element]]] = []
    for el in orphans:
        if groups:
            container, members = groups[-1]
            shared, climb = _common_ancestor(container, el)
            inside = shared is container
            ended = not inside and _has_button(container)
            near = (
                shared is not None
                and tag_of(shared) not in ("body", "html")
                and climb <= _MAX_CLIMB
                and not ended
                and not any(True for _ in shared.iter("form"))
            )
            if shared is not None and (inside or near):
                members.append(el)
                groups[-1] = (shared, members)
                continue
        groups.append((_container(el), [el]))
    result: list[tuple[Element, list[Element]]] = []
    for container, members in groups:
        buttons = [
            b for b in container.iter("button", "input") if is_button(b) and b not in members
        ]
        result.append((container, [*members, *buttons]))
    return result
