"""The owner's answers: the keys an answers file may have, the checks on them, and `Answers`.

`answers_from_mapping` takes dotted keys (from `answers_file.parse_answers` or the terminal
questions) and checks every answer.

Errors are `InputError`s naming the file, the line and the key, so the CLI prints one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from consentry.draft import validate as v
from consentry.errors import InputError

__all__ = [
    "FIELDS",
    "GROUPS",
    "Address",
    "Answers",
    "OptIn",
    "answers_from_mapping",
    "unknown_key",
]


@dataclass(frozen=True, slots=True)
class AnswerField:
    check: v.Check
    many: bool = False  # a list (or one comma-separated line)
    required: bool = False


def _f(check: v.Check, *, many: bool = False, required: bool = False) -> AnswerField:
    return AnswerField(check, many, required)


_url, _bool = v.check_url, v.check_bool
FIELDS: dict[str, AnswerField] = {
    "business.name": _f(v.check_name, required=True),
    "business.legal_name": _f(v.check_name, required=True),
    "business.type": _f(v.check_entity),
    "business.ein": _f(v.check_ein),
    "business.stock_symbol": _f(v.check_text(10)),
    "business.stock_exchange": _f(v.check_stock_exchange),
    "business.industry": _f(v.check_text(80), required=True),
    "business.vertical": _f(v.check_vertical),
    "business.what_you_do": _f(v.check_text(200, min_len=10), required=True),
    "business.website": _f(_url, required=True),
    "business.email": _f(v.check_email, required=True),
    "business.phone": _f(v.check_phone, required=True),
    "business.texting_number": _f(v.check_phone),
    "business.address.street": _f(v.check_street, required=True),
    "business.address.city": _f(v.check_text(60), required=True),
    "business.address.state": _f(v.check_state, required=True),
    "business.address.postal_code": _f(v.check_postal_code, required=True),
    "recipients": _f(v.check_recipients),
    "messages": _f(v.check_kinds, many=True, required=True),
    "marketing": _f(_bool),
    "frequency": _f(v.check_frequency),
    "low_volume": _f(_bool),
    "age_gated": _f(_bool),
    "direct_lending": _f(_bool),
    "opt_in.web_form": _f(_url, many=True),
    "opt_in.keyword": _f(v.check_keyword),
    "opt_in.keyword_where": _f(v.check_text(120)),
    "opt_in.keyword_photo": _f(_url),
    "opt_in.text_first": _f(_bool),
    "opt_in.text_first_where": _f(v.check_text(120)),
    "opt_in.phone_call": _f(_bool),
    "opt_in.paper_form": _f(_bool),
    "opt_in.paper_form_where": _f(v.check_text(120)),
    "opt_in.paper_form_photo": _f(_url),
    "opt_in.app": _f(_bool),
    "opt_in.app_screenshot": _f(_url),
    "contact_form.url": _f(_url),
    "contact_form.text_these_numbers": _f(_bool),
}
GROUPS = {"business", "business.address", "opt_in", "contact_form"}


def unknown_key(path: str) -> str:
    parent = path.rpartition(".")[0]
    siblings = {p[len(parent) + 1 :].split(".")[0] for p in FIELDS if p.startswith(parent + ".")}
    known = sorted(siblings if parent else {p.split(".")[0] for p in FIELDS})
    return f"unknown key; expected one of {', '.join(known)}"


@dataclass(frozen=True, slots=True)
class Address:
    street: str
    city: str
    state: str
    postal_code: str
    country: str = "US"


@dataclass(frozen=True, slots=True)
class OptIn:
    """Every way a person can agree to the texts."""

    web_forms: tuple[str, ...] = ()
    keyword: str | None = None
    keyword_where: str = "our website"
    keyword_photo: str | None = None
    text_first: bool = False
    text_first_where: str = "our website"
    phone_call: bool = False
    paper_form: bool = False
    paper_form_where: str = "our office"
    paper_form_photo: str | None = None
    app: bool = False
    app_screenshot: str | None = None

    @property
    def methods(self) -> tuple[str, ...]:
        found = [
            ("web_form", bool(self.web_forms)),
            ("keyword", self.keyword is not None),
            ("text_first", self.text_first),
            ("phone_call", self.phone_call),
            ("paper_form", self.paper_form),
            ("app", self.app),
        ]
        return tuple(name for name, on in found if on)


@dataclass(frozen=True, slots=True)
class Answers:
    """One business's answers, checked and normalised."""

    name: str
    legal_name: str
    entity_type: str
    ein: str | None
    industry: str
    what_you_do: str
    website: str
    email: str
    phone: str  # E.164
    texting_number: str  # E.164: the number people text
    address: Address
    messages: tuple[str, ...]
    marketing: bool
    opt_in: OptIn
    recipients: str = "customers"
    frequency: str = "varies"
    low_volume: bool = False
    vertical: str | None = None  # given explicitly; else the advisor picks one
    stock_symbol: str | None = None
    stock_exchange: str | None = None
    age_gated: bool | None = None  # None: let the advisor decide from the industry
    direct_lending: bool | None = None
    contact_form_url: str | None = None  # a form used only to call people back
    text_contact_form: bool = False
    source: str = "<answers>"
    lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def line(self, key: str) -> int | None:
        return self.lines.get(key)


class _Reader:
    """Checks raw answers, raising InputError with the key's line: every given answer first, in
    file order (so the first bad line is reported), then the missing ones."""

    def __init__(self, raw: Mapping[str, Any], source: str, lines: Mapping[str, int]) -> None:
        self.raw, self.source, self.lines = raw, source, lines
        self.values: dict[str, Any] = {}
        for key in sorted(raw, key=lambda k: lines.get(k, 0)):
            self.values[key] = self._check(key)

    def error(self, key: str, message: str) -> InputError:
        line = self.lines.get(key)
        parent = key
        while line is None and "." in parent:  # a missing key: point at its section
            parent = parent.rpartition(".")[0]
            line = self.lines.get(parent)
        return InputError(message, source=self.source, line=line, key=key)

    def _check(self, key: str) -> Any:
        spec = FIELDS[key]
        value = self.raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            if spec.many:
                items = value if isinstance(value, list) else str(value).split(",")
                out = [spec.check(str(i)) for i in items if str(i).strip()]
                return list(dict.fromkeys(out)) or None
            if isinstance(value, list):
                raise ValueError("expected one answer, not a list")
            return spec.check(str(value))
        except ValueError as exc:
            raise self.error(key, str(exc)) from None

    def get(self, key: str) -> Any:
        value = self.values.get(key)
        if value is None:
            spec = FIELDS[key]
            if spec.required:
                raise self.error(key, "this answer is required")
            return [] if spec.many else None
        return value


def answers_from_mapping(
    raw: Mapping[str, Any], *, source: str = "<answers>", lines: Mapping[str, int] | None = None
) -> Answers:
    """Check raw answers (dotted keys -> text or list of text) and build `Answers`."""
    lines = dict(lines or {})
    for key in raw:
        if key not in FIELDS:
            raise InputError(unknown_key(key), source=source, line=lines.get(key), key=key)
    r = _Reader(raw, source, lines)
    entity = r.get("business.type") or "PRIVATE_PROFIT"
    ein = r.get("business.ein")
    if entity == "SOLE_PROPRIETOR" and ein:
        raise r.error(
            "business.ein",
            "a sole proprietor registers without an EIN; remove it, or say private company",
        )
    if entity != "SOLE_PROPRIETOR" and not ein:
        raise r.error("business.ein", "the EIN is required (sole proprietors have none)")
    symbol, exchange = r.get("business.stock_symbol"), r.get("business.stock_exchange")
    if entity == "PUBLIC_PROFIT" and not (symbol and exchange):
        key = "business.stock_exchange" if symbol else "business.stock_symbol"
        raise r.error(key, "a public company gives its stock symbol and exchange")
    website = r.get("business.website")
    email = r.get("business.email")
    if entity != "SOLE_PROPRIETOR" and v.is_free_mail(email):
        raise r.error(
            "business.email",
            "use an address on your own domain; carriers reject Gmail, Yahoo and the like for businesses",
        )
    phone = r.get("business.phone")
    messages = tuple(r.get("messages"))
    marketing = r.get("marketing")
    if marketing is False and "marketing_offers" in messages:
        raise r.error(
            "marketing", "messages lists marketing_offers; say marketing: yes, or remove it"
        )
    if marketing and "marketing_offers" not in messages:
        messages = (*messages, "marketing_offers")
    opt_in = _opt_in(r, website)
    if opt_in.text_first and "replies" not in messages:
        messages = (*messages, "replies")
    if "replies" in messages and not opt_in.text_first:
        opt_in = _with(opt_in, text_first=True)
    if not opt_in.methods:
        raise r.error(
            "opt_in",
            "say how people agree to your texts: web_form, keyword, text_first, phone_call, paper_form or app",
        )
    contact = r.get("contact_form.url")
    if contact and not v.same_site(contact, website):
        raise r.error("contact_form.url", "give the page of the contact form on your own website")
    if contact and contact.rstrip("/") in {u.rstrip("/") for u in opt_in.web_forms}:
        raise r.error(
            "contact_form.url",
            "this page is already your web_form; a form is either an SMS sign-up or call-back only",
        )
    return Answers(
        name=r.get("business.name"),
        legal_name=r.get("business.legal_name"),
        entity_type=entity,
        ein=ein,
        industry=r.get("business.industry"),
        what_you_do=r.get("business.what_you_do"),
        website=website,
        email=email,
        phone=phone,
        texting_number=r.get("business.texting_number") or phone,
        address=Address(
            r.get("business.address.street"),
            r.get("business.address.city"),
            r.get("business.address.state"),
            r.get("business.address.postal_code"),
        ),
        messages=messages,
        marketing="marketing_offers" in messages,
        opt_in=opt_in,
        recipients=r.get("recipients") or "customers",
        frequency=r.get("frequency") or "varies",
        low_volume=bool(r.get("low_volume")),
        vertical=r.get("business.vertical"),
        stock_symbol=symbol,
        stock_exchange=exchange,
        age_gated=r.get("age_gated"),
        direct_lending=r.get("direct_lending"),
        contact_form_url=contact,
        text_contact_form=bool(r.get("contact_form.text_these_numbers")),
        source=source,
        lines=lines,
    )


def _with(opt_in: OptIn, **changes: Any) -> OptIn:
    return replace(opt_in, **changes)


def _opt_in(r: _Reader, website: str) -> OptIn:
    forms = tuple(r.get("opt_in.web_form"))
    for url in forms:
        if not v.same_site(url, website):
            raise r.error(
                "opt_in.web_form",
                "give the page of the form on your own website (the drafted site lives there)",
            )
    keyword = r.get("opt_in.keyword")
    paper, app = bool(r.get("opt_in.paper_form")), bool(r.get("opt_in.app"))
    paper_photo, screenshot = r.get("opt_in.paper_form_photo"), r.get("opt_in.app_screenshot")
    if paper and not paper_photo:
        raise r.error(
            "opt_in.paper_form_photo",
            "reviewers must see the paper form: put a photo of it online and give its link",
        )
    if app and not screenshot:
        raise r.error(
            "opt_in.app_screenshot",
            "reviewers cannot log in to your app: put a screenshot of the opt-in online and give its link",
        )
    return OptIn(
        web_forms=forms,
        keyword=keyword,
        keyword_where=r.get("opt_in.keyword_where") or "our website",
        keyword_photo=r.get("opt_in.keyword_photo"),
        text_first=bool(r.get("opt_in.text_first")),
        text_first_where=r.get("opt_in.text_first_where") or "our website",
        phone_call=bool(r.get("opt_in.phone_call")),
        paper_form=paper,
        paper_form_where=r.get("opt_in.paper_form_where") or "our office",
        paper_form_photo=paper_photo,
        app=app,
        app_screenshot=screenshot,
    )
