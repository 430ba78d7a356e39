"""Answers in, every file out: the campaign, the policy sections, the form, the replies, the
submission sheet and a small static site, all rendered from one set of texts.

`make_draft` works in memory; `write_draft` puts the files in a folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from consentry.draft.advise import Advice, advise
from consentry.draft.answers import Answers
from consentry.draft.markup import markdown_to_html
from consentry.draft.render import render_text
from consentry.draft.replies import display_phone
from consentry.draft.submit import submit_fields
from consentry.draft.texts import Texts, compose, join_words, page_name
from consentry.draft.validate import frequency_phrase
from consentry.draft.vocab import MESSAGE_KINDS_BY_ID
from consentry.errors import InputError

__all__ = ["Draft", "SitePage", "make_draft", "write_draft"]

_RESERVED_PAGES = {"privacy.html", "sms-terms.html"}


@dataclass(frozen=True, slots=True)
class SitePage:
    file: str  # path under site/
    url: str  # the canonical URL it stands for
    title: str


@dataclass(frozen=True, slots=True)
class Draft:
    answers: Answers
    advice: Advice
    texts: Texts
    files: dict[str, str]  # relative path -> content

    @property
    def site_files(self) -> dict[str, str]:
        return {k[5:]: v for k, v in self.files.items() if k.startswith("site/")}


def _file_for(url: str) -> str:
    path = urlsplit(url).path.strip("/")
    if not path:
        return "index.html"
    stem = PurePosixPath(path)
    if stem.suffix.lower() in (".html", ".htm", ".php", ".asp", ".aspx"):
        stem = stem.with_suffix("")
    return f"{stem.as_posix()}.html"


def _title(url: str) -> str:
    return page_name(url).capitalize()


def _what_all(a: Answers) -> str:
    items = []
    for k in a.messages:
        kind = MESSAGE_KINDS_BY_ID[k]
        if k == "replies":
            items.append("replies when you text us first")
        elif k == "employee_notices":
            items.append(f"{kind.what} (to our employees)")
        else:
            items.append(kind.what)
    return join_words(items)


def _form_what(a: Answers) -> str:
    return join_words([MESSAGE_KINDS_BY_ID[k].what for k in a.messages if k != "replies"])


def _pages(a: Answers, t: Texts, line: int | None) -> tuple[list[SitePage], SitePage | None]:
    forms, seen = [], {"index.html"}
    for url in t.urls.forms:
        file = _file_for(url)
        if file in _RESERVED_PAGES:
            raise InputError(
                "this page is where the drafted privacy policy or SMS terms go; put the form on another page",
                source=a.source,
                line=line,
                key="opt_in.web_form",
            )
        if file not in seen or file == "index.html":
            forms.append(SitePage(file, url, _title(url)))
            seen.add(file)
    contact = None
    if t.urls.contact and t.urls.contact not in t.urls.forms:
        file = _file_for(t.urls.contact)
        if file in _RESERVED_PAGES | seen:
            raise InputError(
                "pick the page your contact form is really on",
                source=a.source,
                line=a.line("contact_form.url"),
                key="contact_form.url",
            )
        contact = SitePage(file, t.urls.contact, _title(t.urls.contact))
    return forms, contact


def make_draft(a: Answers, advice: Advice | None = None) -> Draft:
    """Every file for `a`, in memory. Call only when `advise(a).stop` is None."""
    advice = advice or advise(a)
    if advice.stop:
        raise ValueError("make_draft called for answers the advisor stopped")
    t = compose(a, advice)
    form_pages, contact_page = _pages(a, t, a.line("opt_in.web_form"))
    ctx: dict[str, Any] = {
        "a": a,
        "advice": advice,
        "t": t,
        "replies": t.replies,
        "phone": display_phone(a.phone),
        "number": display_phone(a.texting_number),
        "freq": frequency_phrase(a.frequency),
        "what_all": _what_all(a),
        "consent": t.consent,
        "marketing_consent": t.marketing_consent,
        "form_pages": [p for p in form_pages if p.file != "index.html"],
        "contact_page": contact_page,
        "join_how": _join_how(a, t),
    }
    privacy_md = _tidy(render_text("privacy-sms.md.j2", ctx))
    terms_md = _tidy(render_text("sms-terms.md.j2", ctx))
    files = {
        "campaign.yaml": render_text("campaign.yaml.j2", ctx),
        "privacy-sms.md": privacy_md,
        "privacy-sms.html": markdown_to_html(privacy_md),
        "sms-terms.md": terms_md,
        "sms-terms.html": markdown_to_html(terms_md),
        "opt-in-form.html": _form(
            ctx, t.urls.forms[0] if t.urls.forms else t.urls.home, "sms-opt-in", fragment=True
        ),
        "replies.txt": render_text("replies.txt.j2", ctx),
    }
    files["SUBMIT.md"] = _tidy(
        render_text("SUBMIT.md.j2", {**ctx, "fields": submit_fields(a, advice, t)})
    )
    site = _site(ctx, form_pages, contact_page, privacy_md, terms_md)
    files.update({f"site/{name}": html for name, html in site.items()})
    return Draft(a, advice, t, files)


def _tidy(markdown: str) -> str:
    """One blank line between blocks, whatever the template's tags left behind."""
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def _join_how(a: Answers, t: Texts) -> str:
    ways = [f"tick the optional SMS box on our {page_name(u)} page ({u})" for u in t.urls.forms]
    o = a.opt_in
    if o.keyword:
        ways.append(f"text {o.keyword} to {display_phone(a.texting_number)}")
    if o.text_first:
        ways.append(f"text us first at {display_phone(a.texting_number)} (we only reply)")
    if o.phone_call:
        ways.append("say yes when our staff ask on a phone call")
    if o.paper_form:
        ways.append(f"tick the SMS box on our paper form at {o.paper_form_where}")
    if o.app:
        ways.append("turn on texts in our app's notification settings")
    text = join_words(ways).replace(" and ", " or ") if len(ways) > 1 else ways[0]
    return text[0].upper() + text[1:] + "."


def _form(
    ctx: dict[str, Any],
    action: str,
    form_id: str,
    *,
    fragment: bool = False,
    with_message: bool = False,
) -> str:
    html = render_text(
        "opt-in-form.html.j2",
        {
            **ctx,
            "form_id": form_id,
            "action": action,
            "submit": "Send" if with_message else "Sign up",
            "with_message": with_message,
        },
    )
    if not fragment:
        return Markup(html)
    if fragment:
        head = (
            "<!-- SMS opt-in form drafted by consentry: paste it where people give their number.\n"
            "     Keep both boxes unchecked and optional, and keep the text next to them word for word:\n"
            "     the call to action in campaign.yaml quotes it. -->\n"
        )
        return head + html
    return html


def _site(
    ctx: dict[str, Any],
    form_pages: list[SitePage],
    contact_page: SitePage | None,
    privacy_md: str,
    terms_md: str,
) -> dict[str, str]:
    a: Answers = ctx["a"]
    t: Texts = ctx["t"]
    out: dict[str, str] = {}
    contact_url = t.urls.contact
    home_form = next((p for p in form_pages if p.file == "index.html"), None)
    out["index.html"] = render_text(
        "site/home.html.j2",
        {
            **ctx,
            "title": "Home",
            "canonical": home_form.url if home_form else t.urls.home,
            "home_form": _form(ctx, home_form.url, "sms-opt-in") if home_form else "",
        },
    )
    for i, page in enumerate(p for p in form_pages if p.file != "index.html"):
        is_contact = page.url == contact_url
        out[page.file] = render_text(
            "site/form_page.html.j2",
            {
                **ctx,
                "title": page.title,
                "canonical": page.url,
                "intro": (
                    "Send us a message. If you also want our text messages, tick a box below."
                    if is_contact
                    else f"Get {_form_what(a)} from {a.name} by text message."
                ),
                "other_ways": len(form_pages) > 1 or set(a.opt_in.methods) - {"web_form"},
                "form_html": _form(
                    ctx,
                    page.url,
                    "contact" if is_contact else f"sms-opt-in-{i + 1}",
                    with_message=is_contact,
                ),
            },
        )
    if contact_page:
        out[contact_page.file] = render_text(
            "site/contact.html.j2",
            {**ctx, "title": contact_page.title, "canonical": contact_page.url},
        )
    for name, title, body, privacy in (
        ("privacy.html", "Privacy Policy", privacy_md, True),
        ("sms-terms.html", "SMS Terms and Conditions", terms_md, False),
    ):
        url = t.urls.privacy if privacy else t.urls.terms
        html = Markup(markdown_to_html(body if privacy else body.split("\n", 1)[1]))
        out[name] = render_text(
            "site/policy.html.j2",
            {**ctx, "title": title, "canonical": url, "body": html, "privacy": privacy},
        )
    return out


def write_draft(draft: Draft, out_dir: str | Path) -> list[Path]:
    """Write every file under `out_dir` (created if needed); returns the paths written."""
    root = Path(out_dir)
    written = []
    for name, content in draft.files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
