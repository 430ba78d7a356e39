"""The questions `consentry draft` asks in a terminal, as data: the CLI only prompts and loops.

Each question fills one key of the answers file, so a terminal session and an answers file go
through the same checks (`answers_from_mapping`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from consentry.draft.answers import FIELDS
from consentry.draft.vocab import MESSAGE_KINDS

__all__ = ["QUESTIONS", "Question", "ask_value"]

Raw = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Question:
    key: str  # the answers-file key it fills
    prompt: str
    kind: str = "text"  # "text", "yes/no" or "pick" (several of `choices`)
    default: str | Callable[[Raw], str | None] | None = None
    help: str = ""
    when: Callable[[Raw], bool] | None = None
    optional: bool = False  # an empty answer is allowed
    choices: tuple[tuple[str, str], ...] = ()  # (value, plain words)

    def default_for(self, raw: Raw) -> str | None:
        return self.default(raw) if callable(self.default) else self.default

    def applies(self, raw: Raw) -> bool:
        return self.when is None or self.when(raw)


def _yes(key: str) -> Callable[[Raw], bool]:
    return lambda raw: str(raw.get(key, "")).lower() in ("true", "yes", "y")


QUESTIONS: tuple[Question, ...] = (
    Question("business.name", "What name do your customers know you by?", help="It starts every text."),
    Question("business.legal_name", "Your legal business name, exactly as on your IRS EIN letter", default=lambda r: r.get("business.name")),
    Question("business.type", "What kind of organisation is it (private company, public company, non-profit, government, sole proprietor)?", default="private company"),
    Question("business.ein", "Your EIN (9 digits)", when=lambda r: "sole" not in str(r.get("business.type", "")).lower()),
    Question("business.stock_symbol", "Stock symbol", when=lambda r: "public" in str(r.get("business.type", "")).lower()),
    Question("business.stock_exchange", "Stock exchange (e.g. NASDAQ, NYSE)", when=lambda r: "public" in str(r.get("business.type", "")).lower()),
    Question("business.industry", "What industry are you in, in a few words?", help="e.g. dental clinic, property management, bike shop"),
    Question("business.what_you_do", "Finish the sentence 'We ...' (what you do and where)"),
    Question("business.website", "Your website address"),
    Question("business.email", "Support email (on your own domain)"),
    Question("business.phone", "Support phone number"),
    Question("business.texting_number", "The number you text from", default=lambda r: r.get("business.phone")),
    Question("business.address.street", "Street address (no PO box)"),
    Question("business.address.city", "City"),
    Question("business.address.state", "State (two letters)"),
    Question("business.address.postal_code", "ZIP code"),
    Question("recipients", "Who gets your texts, in one word (customers, patients, tenants...)?", default="customers"),
    Question("messages", "What will you text?", kind="pick", choices=tuple((k.id, k.question) for k in MESSAGE_KINDS)),
    Question("marketing", "Will any text advertise or promote (offers, sales, new products)?", kind="yes/no", default="no", when=lambda r: "marketing_offers" not in (r.get("messages") or [])),
    Question("frequency", "How often will one person get texts ('varies', or 'up to 4 per month')?", default="varies"),
    Question("low_volume", "Fewer than about 2,000 texts a day in total?", kind="yes/no", default="no"),
    Question("opt_in.web_form", "Web page with your SMS sign-up form (leave empty if none)", optional=True),
    Question("opt_in.keyword", "A keyword people text to join, like JOIN (leave empty if none)", optional=True),
    Question("opt_in.keyword_where", "Where is that keyword shown?", default="our website", when=lambda r: bool(r.get("opt_in.keyword"))),
    Question("opt_in.keyword_photo", "Link to a photo of the sign or flyer (optional)", optional=True, when=lambda r: bool(r.get("opt_in.keyword"))),
    Question("opt_in.text_first", "Do people text you first, and you only reply?", kind="yes/no", default=lambda r: "yes" if "replies" in (r.get("messages") or []) else "no"),
    Question("opt_in.text_first_where", "Where is that number published?", default="our website and business cards", when=_yes("opt_in.text_first")),
    Question("opt_in.phone_call", "Do staff ask people on the phone whether they want texts?", kind="yes/no", default="no"),
    Question("opt_in.paper_form", "Do people tick an SMS box on a paper form?", kind="yes/no", default="no"),
    Question("opt_in.paper_form_where", "Where is the paper form filled in?", default="our office", when=_yes("opt_in.paper_form")),
    Question("opt_in.paper_form_photo", "Link to a photo of the paper form", when=_yes("opt_in.paper_form")),
    Question("opt_in.app", "Do people turn on texts in your app?", kind="yes/no", default="no"),
    Question("opt_in.app_screenshot", "Link to a screenshot of that setting", when=_yes("opt_in.app")),
    Question("contact_form.url", "Does your site have a contact form that asks for a phone number? Its page (leave empty if none)", optional=True),
    Question("contact_form.text_these_numbers", "Do you want to text the numbers from that contact form?", kind="yes/no", default="no", when=lambda r: bool(r.get("contact_form.url"))),
)  # fmt: skip

assert all(q.key in FIELDS for q in QUESTIONS)


def ask_value(question: Question, text: str) -> str | list[str] | None:
    """The raw answer for the answers mapping: None for an empty optional answer."""
    text = text.strip()
    if not text and question.optional:
        return None
    if question.kind == "pick":
        picked = []
        for part in (p.strip() for p in text.replace(";", ",").split(",")):
            if part.isdigit() and 1 <= int(part) <= len(question.choices):
                picked.append(question.choices[int(part) - 1][0])
            elif part:
                picked.append(part)
        return picked
    return text
