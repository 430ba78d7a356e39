"""The browser half of web-form consent capture: a small script a site pastes before `</body>`.

The script finds forms that take a phone number and have an SMS consent checkbox, and on submit
sends the exact words shown next to the box to the service's `POST /v1/capture` (which records a
`web_form` consent in the ledger). It never blocks or delays the form. See docs/snippet.md.
"""

from __future__ import annotations

import functools
import html
import re
from importlib import resources
from urllib.parse import urlsplit

from consentry.errors import InputError

__all__ = ["SNIPPET_PATH", "check_endpoint", "check_site_key", "render_snippet", "snippet_js"]

SNIPPET_PATH = "/v1/snippet.js"
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
# Publishable keys are URL-safe tokens ("csp_..."); anything else is a paste mistake.
_KEY = re.compile(r"[A-Za-z0-9_.~-]{1,200}")
# Text that would end an inline <script> early or open an HTML comment inside it.
_NOT_URL_CHARS = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f]")
_SCRIPT_BREAKERS = re.compile(r"</script|<!--|<script", re.I)


@functools.cache
def snippet_js() -> str:
    """The script, as served at /v1/snippet.js and pasted inline."""
    text = resources.files(__package__).joinpath("consentry-snippet.js").read_text("utf-8")
    if _SCRIPT_BREAKERS.search(text):  # would break the inline form; caught by tests first
        raise RuntimeError("consentry-snippet.js contains text that ends an inline <script>")
    return text


def check_site_key(site_key: str) -> str:
    key = site_key.strip()
    if not key:
        raise InputError(
            "is empty; copy the site's publishable key (csp_...) from `consentry ledger sites list`",
            key="site-key",
        )
    if not _KEY.fullmatch(key):
        raise InputError(
            f"{key[:40]!r} is not a site key (letters, digits, _ - . ~ only); "
            "copy it again from `consentry ledger sites list`",
            key="site-key",
        )
    return key


def check_endpoint(endpoint: str) -> str:
    """The service's base URL without a trailing slash; https unless it runs on this machine."""
    value = endpoint.strip()
    if _NOT_URL_CHARS.search(value):
        raise InputError(
            "contains spaces, quotes or angle brackets; paste only the address", key="endpoint"
        )
    try:
        parts = urlsplit(value)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise InputError(f"{value!r} is not a web address", key="endpoint") from None
    if parts.scheme not in ("http", "https") or not host:
        raise InputError(
            f"{value!r} is not a web address; use the service's address, like https://consent.example.com",
            key="endpoint",
        )
    if parts.username is not None or parts.password is not None:
        raise InputError(
            "must not contain a user name or password (the snippet is public)", key="endpoint"
        )
    if parts.query or parts.fragment:
        raise InputError(
            "must be the service's base address, without ?query or #fragment", key="endpoint"
        )
    if parts.scheme == "http" and host not in _LOCAL_HOSTS:
        raise InputError(
            "must start with https:// (browsers block http requests from https pages, and phone "
            "numbers must not travel unencrypted); http is only for localhost testing",
            key="endpoint",
        )
    return value.rstrip("/")


def render_snippet(site_key: str, endpoint: str, *, inline: bool = True) -> str:
    """A `<script>` tag to paste before `</body>`: the whole script inline (no extra request,
    works if the service is down when the page loads), or a tag loading it from the service."""
    key = html.escape(check_site_key(site_key), quote=True)
    base = check_endpoint(endpoint)
    where = html.escape(base, quote=True)
    if not inline:
        src = html.escape(base + SNIPPET_PATH, quote=True)
        return f'<script src="{src}" data-site-key="{key}" data-endpoint="{where}" async></script>'
    return (
        f'<script data-site-key="{key}" data-endpoint="{where}">\n'
        f"{snippet_js().rstrip()}\n</script>"
    )
