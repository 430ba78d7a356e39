"""Which text belongs to which control: labels, descriptions and the disclosure next to a box.

Real markup ties text to a control in many ways (label[for], a wrapping label, aria-labelledby,
aria-describedby, a builder's field wrapper with legend and description, a bare text node after
the box, a paragraph next to it). `Labeler` tries them in the order a reader would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from consentry.site.dom import Doc, Element, attr, classes, element_text, one_line, tag_of

__all__ = ["CONTROL_TAGS", "Labeler", "TextParts", "is_control"]

CONTROL_TAGS = ("input", "select", "textarea", "button")
_INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "em",
        "font",
        "i",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "u",
        "var",
    ]
)
_NOT_CONTROL_TYPES = frozenset({"hidden"})
_GROUP_LABEL_CLASS = re.compile(
    r"gfield_label|wpforms-field-label(?!-inline)|form-label|field-label|title|legend|"
    r"hs-form-field-label|control-label",
    re.I,
)
_LABELISH_TAGS = frozenset({"div", "span", "p", "strong", "b", "h3", "h4", "h5", "h6"})
_HEADING = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MAX_ADJACENT_CHARS = 2000


def is_control(el: Element) -> bool:
    tag = tag_of(el)
    if tag == "input":
        return attr(el, "type").lower() not in _NOT_CONTROL_TYPES
    if tag in CONTROL_TAGS:
        return True
    return attr(el, "role").lower() in ("checkbox", "switch")


@dataclass(frozen=True, slots=True)
class TextParts:
    label: str
    label_source: str
    description: str
    sources: tuple[str, ...]
    group_label: str
    wrapper: Element
    link_roots: tuple[Element, ...]
    """Elements whose links belong to the control's consent text."""


class Labeler:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.for_map: dict[str, list[Element]] = {}
        for label in doc.root.iter("label"):
            target = label.get("for")
            if target:
                self.for_map.setdefault(target.strip(), []).append(label)

    # -- labels ---------------------------------------------------------------------------
    def own_label(self, el: Element) -> tuple[str, str, list[Element]]:
        """(text, source, label elements) for a control's own label."""
        ident = attr(el, "id")
        if ident and ident in self.for_map:
            labels = self.for_map[ident]
            text = one_line(" ".join(element_text(lb, skip=is_control) for lb in labels))
            if text:
                return text, "label-for", labels
        for ancestor in el.iterancestors():
            if tag_of(ancestor) == "label":
                text = one_line(element_text(ancestor, skip=is_control))
                if text:
                    return text, "wrapping-label", [ancestor]
                break
            if tag_of(ancestor) in ("form", "body", "fieldset"):
                break
        ids = attr(el, "aria-labelledby").split()
        parts = [self.doc.by_id[i] for i in ids if i in self.doc.by_id]
        text = one_line(" ".join(element_text(p, keep_hidden=True) for p in parts))
        if text:
            return text, "aria-labelledby", parts
        if attr(el, "aria-label"):
            return one_line(attr(el, "aria-label")), "aria-label", []
        return "", "none", []

    def field_label(self, el: Element, form_root: Element) -> tuple[str, str, str]:
        """(label, source, context) for a data-entry field; context is the field's legend or
        the short text of its own wrapper (table cells, grid columns)."""
        text, source, label_els = self.own_label(el)
        wrapper = self.wrapper(el, form_root, group_name=None)
        own = set(label_els)
        context = self._group_label(wrapper, el, own)[0] if wrapper is not el else ""
        context = context or self._fieldset_legend(el, form_root)
        nearby = ""
        if wrapper is not el:  # <tr><td>Phone:</td><td><input></td></tr>
            nearby = one_line(element_text(wrapper, skip=lambda e: e in own))
            nearby = nearby if len(nearby) <= 60 else ""
        if not text:
            for name, source_name in (("placeholder", "placeholder"), ("title", "title")):
                if attr(el, name):
                    return one_line(attr(el, name)), source_name, context or nearby
            if context:
                return context, "field-label", context
            before = self.preceding_text(el)
            if before:
                return before, "preceding-text", context
            if nearby:
                return nearby, "nearby-text", nearby
        return text, source, context or nearby

    # -- structure ------------------------------------------------------------------------
    def wrapper(self, el: Element, form_root: Element, group_name: str | None) -> Element:
        """The largest ancestor (inside the form) holding no control but this one or its group."""
        best = el
        node = el.getparent()
        while node is not None and node is not form_root:
            if tag_of(node) in ("form", "body", "html"):
                break
            for other in node.iter():
                if other is el or not isinstance(other.tag, str) or not is_control(other):
                    continue
                if group_name and other.get("name") == group_name:
                    continue
                return best
            best = node
            node = node.getparent()
        return best

    def _group_label(
        self, wrapper: Element, el: Element, exclude: set[Element]
    ) -> tuple[str, list[Element]]:
        """The legend / field label of a wrapper that is not any control's own label."""
        for cand in wrapper.iter():
            if not isinstance(cand.tag, str) or cand is el or cand in exclude:
                continue
            tag = tag_of(cand)
            if tag == "label":
                target = self.doc.by_id.get(attr(cand, "for"))
                if target is not None and is_control(target):
                    continue
            elif tag != "legend":
                if tag not in _LABELISH_TAGS:
                    continue
                if not _GROUP_LABEL_CLASS.search(" ".join(classes(cand))):
                    continue
            if any(is_control(c) for c in cand.iter()) or _inside(cand, exclude, wrapper):
                continue
            text = one_line(element_text(cand))
            if text:
                return text, [cand]
        return "", []

    @staticmethod
    def _fieldset_legend(el: Element, form_root: Element) -> str:
        """The legend of the fieldset around a control (split phone fields share one)."""
        for ancestor in el.iterancestors():
            if ancestor is form_root:
                break
            if tag_of(ancestor) == "fieldset":
                legend = ancestor.find("legend")
                return one_line(element_text(legend)) if legend is not None else ""
        return ""

    def preceding_text(self, el: Element) -> str:
        """Short inline text just before a control ("Phone: <input>")."""
        parts: list[str] = []
        sib = el.getprevious()
        crossed_br = False
        while sib is not None:
            if sib.tail and sib.tail.strip():
                parts.append(sib.tail)
                break
            tag = tag_of(sib)
            if tag == "br" and not crossed_br:
                crossed_br = True
            elif tag in _INLINE and not any(is_control(c) for c in sib.iter()):
                parts.append(element_text(sib))
                break
            else:
                return ""
            sib = sib.getprevious()
        else:
            parent = el.getparent()
            if parent is not None and parent.text and parent.text.strip():
                parts.append(parent.text)
        text = one_line(" ".join(reversed(parts)))
        return text if len(text) <= 120 else ""

    def following_inline_text(self, el: Element) -> tuple[str, list[Element]]:
        """Text right after a box up to the next block, control or line break."""
        parts = [el.tail or ""]
        roots: list[Element] = []
        sib = el.getnext()
        while sib is not None:
            tag = tag_of(sib)
            if tag not in _INLINE or any(is_control(c) for c in sib.iter()):
                break
            if tag != "label" or not sib.get("for"):
                parts.append(element_text(sib))
                roots.append(sib)
            parts.append(sib.tail or "")
            sib = sib.getnext()
        return one_line(" ".join(parts)), roots

    def adjacent_blocks(
        self, start: Element, form_root: Element | None, exclude: set[Element]
    ) -> list[Element]:
        """Control-free siblings right before and after `start` (the disclosure paragraph)."""
        found: list[Element] = []
        total = 0
        for step in ("next", "previous"):
            sib = start.getnext() if step == "next" else start.getprevious()
            taken = 0
            while sib is not None and taken < 3 and total < _MAX_ADJACENT_CHARS:
                skip = tag_of(sib) in ("script", "style", "br") or sib in exclude
                skip = skip or (tag_of(sib) == "input" and not is_control(sib))
                if not isinstance(sib.tag, str) or skip:
                    sib = sib.getnext() if step == "next" else sib.getprevious()
                    continue
                if tag_of(sib) in _HEADING or any(is_control(c) for c in sib.iter()):
                    break
                if self.doc.hidden_between(sib, form_root):
                    break
                text = element_text(sib)
                if text:
                    found.append(sib)
                    total += len(text)
                    taken += 1
                sib = sib.getnext() if step == "next" else sib.getprevious()
        return found

    # -- everything for one box -------------------------------------------------------------
    def box_text(self, box: Element, form_root: Element, group_size: int) -> TextParts:
        group = attr(box, "name") if group_size > 1 else None
        label, source, label_els = self.own_label(box)
        sources: list[str] = [source] if label else []
        inline_roots: list[Element] = []
        if not label:
            label, inline_roots = self.following_inline_text(box)
            source = "sibling-text" if label else "none"
            if label:
                sources.append(source)
        wrapper = self.wrapper(box, form_root, group)
        exclude: set[Element] = set(label_els) | set(inline_roots)
        group_label, group_els = self._group_label(wrapper, box, exclude)
        exclude |= set(group_els)
        if group:  # other options' labels are not this box's description
            for other in wrapper.iter("input"):
                if other is not box and other.get("name") == group:
                    exclude |= set(self.own_label(other)[2])
        described: list[str] = []
        desc_roots: list[Element] = []
        for ident in attr(box, "aria-describedby").split():
            target = self.doc.by_id.get(ident)
            if target is not None and target not in exclude:
                text = element_text(target, keep_hidden=True)
                if text:
                    described.append(text)
                    desc_roots.append(target)
                    exclude.add(target)
        if described:
            sources.append("aria-describedby")
        if wrapper is not box:
            own = {box, *label_els}

            def skip(e: Element) -> bool:
                return e in exclude or e in own

            # In a group, what is left after every option's label is the shared disclosure.
            inner = _minus(element_text(wrapper, skip=skip), label)
            if inner:
                described.append(inner)
                desc_roots.append(wrapper)
                sources.append("field-wrapper")
        adjacent = self.adjacent_blocks(wrapper, form_root, exclude | set(label_els))
        if adjacent:
            for block in adjacent:
                described.append(element_text(block))
            desc_roots.extend(adjacent)
            sources.append("adjacent-text")
        description = _dedupe_join(described, label)
        roots = tuple(dict.fromkeys([*label_els, *inline_roots, *desc_roots]))
        return TextParts(
            label=label,
            label_source=source,
            description=description,
            sources=tuple(dict.fromkeys(sources)),
            group_label=group_label,
            wrapper=wrapper,
            link_roots=roots,
        )


def _minus(text: str, part: str) -> str:
    flat = one_line(text)
    if part and part in flat:
        flat = one_line(flat.replace(part, " ", 1))
    return flat


def _dedupe_join(chunks: list[str], label: str) -> str:
    seen: list[str] = []
    for chunk in chunks:
        flat = one_line(chunk)
        if not flat or flat == label or any(flat in s for s in seen):
            continue
        seen = [s for s in seen if s not in flat]
        seen.append(flat)
    return "\n".join(seen)


def _inside(el: Element, exclude: set[Element], stop: Element) -> bool:
    for ancestor in el.iterancestors():
        if ancestor is stop:
            return False
        if ancestor in exclude:
            return True
    return False
