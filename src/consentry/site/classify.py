"""Word lists that name things: link topics, phone fields, form builders, embed providers."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = [
    "builder_from_markup",
    "embed_provider",
    "link_topics",
    "phone_reason_from_attrs",
    "phone_reason_from_data",
    "phone_reason_from_text",
    "placeholder_markers",
]

_TOPIC_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("privacy", re.compile(r"privacy|privacidad|data[- ]?protection|\bgdpr\b|\bccpa\b", re.I)),
    (
        "terms",
        re.compile(
            r"\bterms\b|terms[-_]|conditions|\btos\b|\bt&c|\beula\b|/legal\b|términos|terminos",
            re.I,
        ),
    ),
    (
        "sms",
        re.compile(
            r"\bsms\b|sms[-_]|text[- ]?messag|\btexting\b|mobile[- ]?(terms|messag|alerts)|"
            r"messaging[- ]?(terms|policy)|text[- ]?alerts|\ba2p\b|10dlc",
            re.I,
        ),
    ),
    ("contact", re.compile(r"contact|get[- ]in[- ]touch|reach[- ]us|contacto", re.I)),
    (
        "book",
        re.compile(r"\bbook|booking|appointment|schedul|reserv|\bcitas?\b", re.I),
    ),
    (
        "signup",
        re.compile(
            r"sign[- _]?up|subscribe|\bjoin\b|register|get[- ]started|opt[- ]?in|enroll", re.I
        ),
    ),
    ("quote", re.compile(r"quote|estimate|consultation|cotizaci", re.I)),
    ("about", re.compile(r"\babout\b|about[-_]|our[- ]story|who[- ]we[- ]are", re.I)),
    ("login", re.compile(r"log[- ]?in\b|sign[- ]?in\b|\bportal\b|my[- ]account|wp-login", re.I)),
)

# Crawl order: pages a reviewer opens first.
TOPIC_PRIORITY = ("privacy", "terms", "sms", "contact", "signup", "book", "quote", "about")


def link_topics(text: str, url: str) -> tuple[str, ...]:
    """Topics a link is about, from its text and the path of its URL."""
    try:
        parts = urlsplit(url)
        where = f"{parts.path} {parts.query}"
    except ValueError:
        where = ""
    subject = f"{text} {where}"
    return tuple(name for name, pattern in _TOPIC_PATTERNS if pattern.search(subject))


# Name/id/class tokens that mean "phone number". `tel` alone must be a whole token (hotel, intel).
_PHONE_TOKEN = re.compile(
    r"(?:^|[^a-z])(?:tel|tfno|sms|cell|mob|mobile|telefono|teléfono|celular)(?:$|[^a-z])|phone|"
    r"mobile|cellphone|cellnumber|telephone|telefon|whatsapp",
    re.I,
)
_PHONE_NOT = re.compile(r"phonetic|smsf|cellar|tel(?:egram|ework|ecom)", re.I)
_PHONE_TEXT = re.compile(
    r"\b(?:phone|mobile|cell|telephone|tel|sms|text(?:ing)? number|teléfono|telefono|celular|"
    r"whats ?app)\b",
    re.I,
)
_TEXT_NOT_PHONE = re.compile(r"\b(?:ext\.?|extension|how did you hear)\b", re.I)


def _split_camel(value: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", value)


def phone_reason_from_attrs(
    input_type: str, autocomplete: str, name: str, ident: str, cls: str
) -> str | None:
    """Why the attributes say "phone number", or None."""
    if input_type == "tel":
        return "type=tel"
    tokens = autocomplete.lower().split()
    if tokens and (tokens[-1].startswith("tel") or "phone" in tokens[-1]):
        return "autocomplete=tel"
    for label, value in (("name", name), ("id", ident), ("class", cls)):
        spaced = _split_camel(value)
        if value and _PHONE_TOKEN.search(spaced) and not _PHONE_NOT.search(value):
            return label
    return None


_PHONE_MASK = re.compile(
    r"^\+?1?[\s.-]?\(?[0-9#xX_*]{3}\)?[\s.-]?[0-9#xX_*]{3}[\s.-]?[0-9#xX_*]{4}$"
)


def phone_reason_from_text(text: str, source: str) -> str | None:
    """`source` when the text reads as a phone label ("Cell", "(555) 555-0100" as a mask)."""
    if text and _PHONE_TEXT.search(text) and not _TEXT_NOT_PHONE.search(text):
        return source
    if source == "placeholder" and _PHONE_MASK.match(text.strip()):
        return "placeholder-mask"
    return None


def phone_reason_from_data(inputmode: str, data_attrs: str) -> str | None:
    """inputmode=tel, or a builder's data-type/data-field-type naming a phone field."""
    if inputmode.lower() == "tel":
        return "inputmode=tel"
    if data_attrs and re.search(r"phone|\btel\b|mobile", data_attrs, re.I):
        return "data-attr"
    return None


_BUILDER_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("gravity", re.compile(r"\bgform_|gform_wrapper|\bgfield\b")),
    ("wpforms", re.compile(r"\bwpforms")),
    ("cf7", re.compile(r"\bwpcf7")),
    ("hubspot", re.compile(r"\bhs-form|hbspt-form|\bhsForm_|hs_form|hs-input")),
    ("jotform", re.compile(r"\bjotform|\bjf-form|form-all|\bform-line\b|jsForm")),
    ("squarespace", re.compile(r"sqs-block|sqs-form|form-wrapper.*form-item|squarespace")),
    ("wix", re.compile(r"\bwixui|wix-|comp-[a-z0-9]{6,}|data-testid=\"form")),
    ("elementor", re.compile(r"elementor-form|elementor-field")),
    ("ninja", re.compile(r"nf-form|ninja-forms")),
    ("formidable", re.compile(r"frm_form|frm-show-form")),
    ("mailchimp", re.compile(r"mc-embedded|mc4wp|list-manage\.com|mc_embed")),
    ("klaviyo", re.compile(r"klaviyo")),
    ("gohighlevel", re.compile(r"leadconnector|msgsndr|hl-form|ghl-")),
    ("webflow", re.compile(r"w-form|wf-form")),
    ("shopify", re.compile(r"shopify|contact\[phone\]|customer\[")),
)


def builder_from_markup(markup: str) -> str | None:
    """The form builder whose class names or ids appear in a form's attributes."""
    for name, pattern in _BUILDER_MARKERS:
        if pattern.search(markup):
            return name
    return None


_FORM_PROVIDERS: tuple[tuple[str, str], ...] = (
    ("jotform.com", "jotform"),
    ("jotfor.ms", "jotform"),
    ("hsforms.net", "hubspot"),
    ("hsforms.com", "hubspot"),
    ("hubspot.com", "hubspot"),
    ("typeform.com", "typeform"),
    ("docs.google.com", "google-forms"),
    ("forms.gle", "google-forms"),
    ("wufoo.com", "wufoo"),
    ("cognitoforms.com", "cognito"),
    ("formstack.com", "formstack"),
    ("zohopublic.com", "zoho"),
    ("zoho.com", "zoho"),
    ("leadconnectorhq.com", "gohighlevel"),
    ("msgsndr.com", "gohighlevel"),
    ("calendly.com", "calendly"),
    ("acuityscheduling.com", "acuity"),
    ("squareup.com", "square"),
    ("square.site", "square"),
    ("list-manage.com", "mailchimp"),
    ("chimpstatic.com", "mailchimp"),
    ("klaviyo.com", "klaviyo"),
    ("attn.tv", "attentive"),
    ("attentivemobile.com", "attentive"),
    ("postscript.io", "postscript"),
    ("tally.so", "tally"),
    ("paperform.co", "paperform"),
    ("123formbuilder.com", "123formbuilder"),
    ("formsite.com", "formsite"),
    ("wix.com", "wix"),
    ("wixstatic.com", "wix"),
    ("filesusr.com", "wix"),
    ("podium.com", "podium"),
    ("birdeye.com", "birdeye"),
    ("housecallpro.com", "housecall-pro"),
    ("getjobber.com", "jobber"),
    ("servicetitan.com", "servicetitan"),
    ("appfolio.com", "appfolio"),
    ("buildium.com", "buildium"),
    ("vagaro.com", "vagaro"),
    ("mindbodyonline.com", "mindbody"),
    ("opentable.com", "opentable"),
)
_MEDIA_PROVIDERS: tuple[tuple[str, str], ...] = (
    ("youtube.com", "youtube"),
    ("youtube-nocookie.com", "youtube"),
    ("vimeo.com", "vimeo"),
    ("google.com/maps", "google-maps"),
    ("maps.google.com", "google-maps"),
    ("facebook.com", "facebook"),
    ("instagram.com", "instagram"),
    ("googletagmanager.com", "google-tag-manager"),
)


def embed_provider(url: str) -> tuple[str | None, bool]:
    """(provider, is_form) for an iframe or script URL."""
    try:
        parts = urlsplit(url if "//" in url else f"https://{url}")
    except ValueError:
        return None, False
    host = (parts.hostname or "").lower()
    hostpath = host + parts.path.lower()
    for suffix, name in _FORM_PROVIDERS:
        if host == suffix or host.endswith("." + suffix):
            if name == "google-forms" and "/forms" not in parts.path and host != "forms.gle":
                return None, False
            return name, True
    for marker, name in _MEDIA_PROVIDERS:
        if marker in hostpath:
            return name, False
    return None, False


_PLACEHOLDER = re.compile(
    r"coming soon|under construction|launching soon|site is under maintenance|maintenance mode|"
    r"we(?:'|’)ll be back soon|website is being built|future home of|"
    r"domain (?:is|may be) for sale|buy this domain|this domain is parked|parked free|"
    r"welcome to nginx|apache2? \w* ?default page|it works!|index of /|"
    r"just another wordpress site|hello world!",
    re.I,
)


def placeholder_markers(prominent: str, body: str, word_count: int) -> tuple[str, ...]:
    """Placeholder phrases in the title/headings, or anywhere on a near-empty page."""
    found = [m.group(0).lower() for m in _PLACEHOLDER.finditer(prominent)]
    if word_count < 150:
        found += [m.group(0).lower() for m in _PLACEHOLDER.finditer(body)]
    return tuple(dict.fromkeys(found))


LOGIN_PATH = re.compile(
    r"/(?:wp-login\.php|log-?in|sign-?in|signin|auth|sso|account/login)\b", re.I
)
