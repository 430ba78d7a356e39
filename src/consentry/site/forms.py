"""Forms, their fields and their tick boxes — including "formless" groups of controls.

Many site builders (Wix, React landing pages, old Squarespace blocks) put inputs in plain divs and
submit them by script; such controls are grouped by the closest container that looks like a form.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from consentry.site.classify import (
    builder_from_markup,
    phone_reason_from_attrs,
    phone_reason_from_data,
    phone_reason_from_text,
)
from consentry.site.dom import Doc, Element, attr, classes, element_text, one_line, tag_of
from consentry.site.formless import group_orphans, is_button, is_search, owner_form
from consentry.site.labels import Labeler, is_control
from consentry.site.model import Checkbox, Field, Form, Link
from consentry.site.scripts import ScriptTicks
from consentry.site.urls import normalize_url

__all__ = ["extract_forms"]

_NOT_TEXT = frozenset(
    [
        "email",
        "password",
        "url",
        "date",
        "datetime-local",
        "month",
        "week",
        "time",
        "color",
        "file",
        "range",
        "checkbox",
        "radio",
        "submit",
        "button",
        "reset",
        "image",
        "hidden",
        "search",
    ]
)
_BOX_TYPES = frozenset({"checkbox", "radio"})
_BUTTON_TYPES = frozenset({"submit", "button", "reset", "image"})
_HONEYPOT = re.compile(
    r"gform_validation_container|wpforms-field-hp|honeypot|\bhp\b|ak_hp|hidden-fields-container|"
    r"\bnf-hp\b|frm_verify|screen-reader-response",
    re.I,
)
_OFFSCREEN = re.compile(r"(?:left|top)\s*:\s*-\d{3,}px|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)", re.I)
_REQUIRED_DATA = ("data-required", "data-parsley-required", "data-rule-required", "data-validation")
_REQUIRED_TOKEN = re.compile(r"required", re.I)
_NOT_REQUIRED_TOKEN = re.compile(r"^(?:not|non|un)[-_]?required|optional", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _honeypot(el: Element, root: Element) -> bool:
    node: Element | None = el
    while node is not None and node is not root:
        if _HONEYPOT.search(" ".join(classes(node)) + " " + attr(node, "id")):
            return True
        if attr(node, "aria-hidden").lower() == "true" or _OFFSCREEN.search(attr(node, "style")):
            return True
        node = node.getparent()
    return attr(el, "tabindex") == "-1" and attr(el, "autocomplete").lower() in ("off", "nope")


def _required_by_attrs(el: Element) -> str | None:
    if el.get("required") is not None:
        return "required-attr"
    if attr(el, "aria-required").lower() == "true":
        return "aria-required"
    for name in _REQUIRED_DATA:  # jQuery Validate, Parsley, ASP.NET and friends
        value = attr(el, name).lower()
        if value in ("true", "1", "yes") or "required" in value.split(","):
            return name
    for name in ("data-val-required", "data-msg-required"):  # the message's presence says it
        if el.get(name) is not None:
            return name
    return None


def _required_class(el: Element) -> str | None:
    for c in classes(el):
        if _REQUIRED_TOKEN.search(c) and not _NOT_REQUIRED_TOKEN.search(c):
            return f"class {c}"
    return None


def _required(el: Element, wrapper: Element, labels: Iterable[str]) -> tuple[bool, str | None]:
    """Whether the form can be sent without this control, and the markup that says so."""
    reason = _required_by_attrs(el)
    if reason:
        return True, reason
    for ancestor in el.iterancestors():
        cls = classes(ancestor)
        if "wpcf7-acceptance" in cls:  # CF7 acceptance blocks sending unless `optional`
            return ("optional" not in cls), (None if "optional" in cls else "cf7-acceptance")
        if ancestor is wrapper or tag_of(ancestor) == "form":
            break
    reason = _required_class(el)
    node = el.getparent()
    while reason is None and node is not None and wrapper is not el:
        reason = _required_class(node)
        if node is wrapper:
            break
        node = node.getparent()
    if reason:
        return True, reason
    for text in labels:
        stripped = text.strip()
        if stripped.endswith("*") or stripped.lower().endswith("(required)"):
            return True, "label-asterisk"
    return False, None


class _FormBuilder:
    def __init__(self, doc: Doc, ticks: ScriptTicks, links: Mapping[Element, Link]) -> None:
        self.doc = doc
        self.labeler = Labeler(doc)
        self.ticks = ticks
        self.links = links
        self._order: dict[Element, int] | None = None

    def field(self, el: Element, root: Element) -> Field:
        tag = tag_of(el)
        itype = (attr(el, "type").lower() or "text") if tag == "input" else tag
        label, source, context = self.labeler.field_label(el, root)
        placeholder = attr(el, "placeholder")
        autocomplete = attr(el, "autocomplete") or attr(el, "x-autocompletetype")
        reason = None
        if tag == "input" and itype not in _NOT_TEXT:
            reason = phone_reason_from_attrs(
                itype, autocomplete, attr(el, "name"), attr(el, "id"), attr(el, "class")
            )
            for text, src in (
                (label, "label"),
                (placeholder, "placeholder"),
                (context, "field-label"),
            ):
                reason = reason or phone_reason_from_text(text, src)
            reason = reason or phone_reason_from_text(attr(el, "data-title"), "data-title")
            data = " ".join(attr(el, a) for a in ("data-type", "data-field-type", "data-component"))
            reason = reason or phone_reason_from_data(attr(el, "inputmode"), data)
        wrapper = self.labeler.wrapper(el, root, None)
        hidden = itype == "hidden" or _honeypot(el, root) or self._hidden(el, wrapper, root)
        required, why = _required(el, wrapper, (label, context))
        return Field(
            tag=tag,
            input_type=itype,
            name=attr(el, "name"),
            id=attr(el, "id"),
            label=label,
            label_source=source,
            placeholder=placeholder,
            autocomplete=autocomplete,
            required=required,
            required_reason=why,
            is_phone=reason is not None,
            phone_reason=reason,
            hidden=hidden,
            line=el.sourceline,
            selector=self.doc.selector(el),
        )

    def _hidden(self, el: Element, wrapper: Element, root: Element) -> bool:
        """Hidden by the field itself or its own wrapper; a hidden *step* of a multi-step form
        (several fields) will be shown later, so its fields still count."""
        stop = wrapper.getparent() if wrapper is not root else root
        return self.doc.hidden_between(el, stop)

    def box(self, el: Element, root: Element, group_size: int) -> Checkbox:
        role = attr(el, "role").lower()
        kind = "role" if tag_of(el) != "input" else attr(el, "type").lower()
        parts = self.labeler.box_text(el, root, group_size)
        if kind == "role":
            checked = attr(el, "aria-checked").lower() == "true"
        else:
            checked = el.get("checked") is not None
        by_script, script_line = self.ticks.for_box(attr(el, "id"), attr(el, "name"))
        required, why = _required(el, parts.wrapper, (parts.label, parts.group_label))
        links: list[Link] = []
        for root_el in parts.link_roots:
            for anchor in root_el.iter("a"):
                link = self.links.get(anchor)
                if link is not None and link not in links:
                    links.append(link)
        consent = "\n".join(t for t in (parts.label, parts.description) if t)
        return Checkbox(
            input_type="role" if kind == "role" else ("radio" if kind == "radio" else "checkbox"),
            name=attr(el, "name"),
            id=attr(el, "id"),
            value=attr(el, "value") or ("on" if role else ""),
            label=parts.label,
            label_source=parts.label_source,
            description=parts.description,
            consent_text=consent,
            text_sources=parts.sources,
            group_label=parts.group_label,
            group_size=group_size,
            checked=checked,
            checked_by_script=by_script,
            script_line=script_line,
            required=required,
            required_reason=why,
            disabled=el.get("disabled") is not None or attr(el, "aria-disabled") == "true",
            hidden=_honeypot(el, root) or self._hidden(el, parts.wrapper, root),
            links=tuple(links),
            line=el.sourceline,
            selector=self.doc.selector(el),
        )

    def order(self, el: Element) -> int:
        if self._order is None:
            self._order = {e: i for i, e in enumerate(self.doc.root.iter())}
        return self._order.get(el, 0)

    def heading(self, root: Element) -> str:
        for h in root.iter(*_HEADINGS):
            text = one_line(element_text(h))
            if text:
                return text
        return self._heading_before(root) or attr(root, "aria-label")

    def _heading_before(self, root: Element) -> str:
        position = self.order(root)
        best: Element | None = None
        for h in self.doc.root.iter(*_HEADINGS):
            if self.order(h) >= position:
                break
            best = h
        if best is None:
            return ""
        ancestors = set(best.iterancestors())
        for shared in root.iterancestors():
            if shared in ancestors:
                # Sharing only <body> means the heading belongs to another part of the page.
                return (
                    one_line(element_text(best)) if tag_of(shared) not in ("html", "body") else ""
                )
        return ""

    def nearby(self, root: Element) -> str:
        start = root
        while (parent := start.getparent()) is not None and len(parent) == 1:
            if tag_of(parent) in ("body", "main"):
                break
            start = parent
        blocks = self.labeler.adjacent_blocks(start, None, set())
        return "\n".join(element_text(b) for b in blocks if self.order(b) > self.order(root))

    def build(self, root: Element, kind: str, controls: list[Element]) -> Form:
        fields: list[Field] = []
        boxes: list[Element] = []
        buttons: list[Element] = []
        for el in controls:
            tag = tag_of(el)
            itype = attr(el, "type").lower()
            if tag == "button" or (tag == "input" and itype in _BUTTON_TYPES):
                buttons.append(el)
            elif (tag == "input" and itype in _BOX_TYPES) or tag not in (
                "input",
                "select",
                "textarea",
            ):
                boxes.append(el)
            else:
                fields.append(self.field(el, root))
        counts = Counter((attr(b, "type"), attr(b, "name")) for b in boxes if attr(b, "name"))
        checkboxes = tuple(
            self.box(
                b, root, counts.get((attr(b, "type"), attr(b, "name")), 1) if attr(b, "name") else 1
            )
            for b in boxes
        )
        if not buttons and kind == "formless":
            buttons = [b for b in root.iter("a", "div", "span") if attr(b, "role") == "button"]
        submits = [b for b in buttons if attr(b, "type").lower() not in ("button", "reset")]
        submit = None
        for button in submits or buttons:
            text = (
                one_line(element_text(button))
                or attr(button, "value")
                or attr(button, "aria-label")
            )
            submit = text or attr(button, "alt") or "Submit"
            break
        markup = " ".join(
            f"{e.get('class', '')} {e.get('id', '')}"
            for e in (root, *list(root.iterancestors())[:3])
        )
        markup += " " + " ".join(
            e.get("class", "") for e in list(root.iter())[:80] if isinstance(e.tag, str)
        )
        action = attr(root, "action") if kind == "form" else ""
        form_links = tuple(link for a in root.iter("a") if (link := self.links.get(a)) is not None)
        return Form(
            kind="form" if kind == "form" else "formless",
            action=(normalize_url(action, self.doc.url) or action) if action else "",
            method=(attr(root, "method").lower() or "get") if kind == "form" else "",
            name=attr(root, "name") or attr(root, "id") or attr(root, "aria-label"),
            builder=builder_from_markup(markup),
            region=self.doc.region(root),
            heading=self.heading(root),
            fields=tuple(fields),
            checkboxes=checkboxes,
            submit_text=submit,
            text=element_text(root),
            nearby_text=self.nearby(root),
            links=form_links,
            hidden=self.doc.hidden_between(root, None),
            frame_url=None,
            line=root.sourceline,
            selector=self.doc.selector(root),
        )


def extract_forms(doc: Doc, ticks: ScriptTicks, links: Mapping[Element, Link]) -> tuple[Form, ...]:
    builder = _FormBuilder(doc, ticks, links)
    owned: dict[Element, list[Element]] = {f: [] for f in doc.root.iter("form")}
    orphans: list[Element] = []
    for el in doc.root.iter():
        if not isinstance(el.tag, str) or not is_control(el):
            continue
        target = doc.by_id.get(attr(el, "form"))
        owner = target if target is not None and tag_of(target) == "form" else owner_form(el)
        if owner is not None:
            owned.setdefault(owner, []).append(el)
        elif not is_search(el) and not is_button(el):
            orphans.append(el)
    forms = [builder.build(root, "form", controls) for root, controls in owned.items()]
    for container, controls in group_orphans(orphans):
        controls.sort(key=builder.order)
        forms.append(builder.build(container, "formless", controls))
    forms.sort(key=lambda f: f.line or 0)
    return tuple(forms)
