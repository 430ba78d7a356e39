"""URL normalisation and "same site" tests (registrable domain, without a network PSL fetch)."""

from __future__ import annotations

import ipaddress
import posixpath
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

__all__ = ["host_of", "join_url", "loose_key", "normalize_url", "same_site", "site_key"]

# Two-label public suffixes common for US/English-language small businesses. A full public
# suffix list would be better; this keeps the crawler dependency-free and offline.
_MULTI_LABEL_SUFFIXES = frozenset(
    [
        "co.uk",
        "org.uk",
        "me.uk",
        "ltd.uk",
        "plc.uk",
        "ac.uk",
        "gov.uk",
        "com.au",
        "net.au",
        "org.au",
        "co.nz",
        "org.nz",
        "com.br",
        "com.mx",
        "com.ar",
        "co.za",
        "co.in",
        "co.jp",
        "com.cn",
        "com.sg",
        "com.hk",
        "com.tw",
        "co.kr",
        "com.tr",
        "com.ph",
        "us.com",
        "us.org",
    ]
)
# Hosting platforms whose customers each get a subdomain: there, the subdomain is the site.
_PLATFORM_SUFFIXES = frozenset(
    [
        "wixsite.com",
        "wixstudio.io",
        "editorx.io",
        "squarespace.com",
        "github.io",
        "gitlab.io",
        "netlify.app",
        "vercel.app",
        "herokuapp.com",
        "myshopify.com",
        "wordpress.com",
        "blogspot.com",
        "godaddysites.com",
        "weebly.com",
        "webflow.io",
        "carrd.co",
        "pages.dev",
        "web.app",
        "firebaseapp.com",
        "azurewebsites.net",
        "business.site",
        "square.site",
        "ueniweb.com",
        "wpengine.com",
        "wpenginepowered.com",
        "framer.website",
        "framer.app",
        "mystrikingly.com",
        "site123.me",
        "jimdosite.com",
        "hs-sites.com",
        "hubspotpagebuilder.com",
        "leadpages.co",
        "lpages.co",
        "myclickfunnels.com",
        "clickfunnels.com",
        "onrender.com",
        "fly.dev",
        "replit.app",
        "glitch.me",
        "surge.sh",
    ]
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_url(url: str, base: str | None = None) -> str | None:
    """Absolute http(s) URL without fragment, lower-case scheme/host, no default port.

    Returns None for anything that is not an http(s) URL (mailto:, tel:, javascript:, garbage).
    """
    url = url.strip()
    if base is not None:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = parts.path or "/"
    if "/." in path:
        trailing = path.endswith("/")
        path = posixpath.normpath(path)
        if trailing and not path.endswith("/"):
            path += "/"
    path = path.replace(" ", "%20")
    return urlunsplit(SplitResult(scheme, netloc, path, parts.query, ""))


def join_url(base: str, href: str) -> str | None:
    return normalize_url(href, base)


def loose_key(url: str) -> str:
    """A lookup key that ignores scheme, `www.`, a trailing slash, `index.html` and `.html`."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    host = host.removeprefix("www.")
    if parts.port and parts.port not in _DEFAULT_PORTS.values():
        host = f"{host}:{parts.port}"
    path = parts.path.lower()
    for index in ("index.html", "index.htm", "index.php", "default.aspx"):
        if path.endswith("/" + index):
            path = path[: -len(index)]
    for suffix in (".html", ".htm", ".php"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
    path = path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{path}{query}"


def site_key(host: str) -> str:
    """The registrable domain of a host: `shop.brand.com` → `brand.com`.

    IP literals are their own site; on hosting platforms (`joe.wixsite.com`) the customer's
    subdomain is the site.
    """
    host = host.lower().strip("[]").rstrip(".")
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    labels = host.split(".")
    if len(labels) <= 2:
        return host
    last_two = ".".join(labels[-2:])
    if last_two in _PLATFORM_SUFFIXES or last_two in _MULTI_LABEL_SUFFIXES:
        return ".".join(labels[-3:])
    last_three = ".".join(labels[-3:])
    if last_three in _PLATFORM_SUFFIXES and len(labels) > 3:
        return ".".join(labels[-4:])
    return last_two


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def same_site(url: str, sites: frozenset[str] | set[str]) -> bool:
    """True when the URL's registrable domain is one of `sites` (as made by `site_key`)."""
    host = host_of(url)
    return bool(host) and site_key(host) in sites
