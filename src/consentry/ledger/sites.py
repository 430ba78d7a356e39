"""Websites whose forms may post consent evidence straight from the visitor's browser.

A site has a publishable key (`csp_...`): it sits in the page's HTML, so it is not a secret. What
protects the capture path is that the key only works from the site's own origins, only records
web-form consent (never opt-outs, never reads), and is rate-limited per visitor IP.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine, insert, select

from consentry.errors import InputError
from consentry.ledger.fields import clean_text
from consentry.ledger.schema import revoke_row, sites

__all__ = ["Site", "create_site", "list_sites", "normalize_origin", "revoke_site", "site_by_key"]

PREFIX = "csp"
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]"}
# Host names (IDN in punycode), IPv4, or a bracket-less IPv6 literal.
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|[0-9a-f:]+")


@dataclass(frozen=True, slots=True)
class Site:
    site_id: str
    name: str
    key: str
    origins: tuple[str, ...]
    brand: str | None
    campaign: str | None
    created_at: datetime
    revoked_at: datetime | None = None

    def allows_origin(self, origin: str | None) -> bool:
        """Exact origin match, or a `https://*.example.com` pattern for any subdomain."""
        if not origin:
            return False
        try:
            given = normalize_origin(origin)
        except InputError:
            return False
        for allowed in self.origins:
            if given == allowed:
                return True
            if "://*." in allowed:
                scheme, _, suffix = allowed.partition("://*")
                if given.startswith(scheme + "://") and given.endswith(suffix):
                    return True
        return False

    def as_json(self) -> dict[str, Any]:
        return {
            "site_id": self.site_id,
            "name": self.name,
            "key": self.key,
            "origins": list(self.origins),
            "brand": self.brand,
            "campaign": self.campaign,
            "created_at": self.created_at.isoformat(),
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
        }


def normalize_origin(value: str) -> str:
    """`https://Example.com/contact` -> `https://example.com`; https only, except on localhost."""
    text = value.strip()
    parts = urlsplit(text if "://" in text else f"https://{text}")
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"http", "https"} or not host:
        raise InputError(
            f"{value!r} is not a website origin like https://example.com", key="origin"
        )
    wildcard = host.startswith("*.")
    bare = host[2:] if wildcard else host
    if not bare or "*" in bare:
        raise InputError(f"{value!r}: only a leading '*.' wildcard is allowed", key="origin")
    if not _HOST.fullmatch(bare):
        raise InputError(
            f"{value!r} is not a website origin like https://example.com", key="origin"
        )
    netloc = f"[{bare}]" if ":" in bare else bare
    if parts.scheme == "http" and netloc not in _LOCAL_HOSTS:
        raise InputError(
            f"{value!r} uses http; forms that collect phone numbers must be on https",
            key="origin",
        )
    default = {"http": 80, "https": 443}[parts.scheme]
    try:
        port = parts.port
    except ValueError:
        raise InputError(f"{value!r} has a bad port", key="origin") from None
    if port and port != default:
        netloc = f"{netloc}:{port}"
    return f"{parts.scheme}://{'*.' if wildcard else ''}{netloc}"


def _site(row: Any) -> Site:
    return Site(
        row["site_id"],
        row["name"],
        row["key"],
        tuple(json.loads(row["origins"])),
        row["brand"],
        row["campaign"],
        row["created_at"],
        row["revoked_at"],
    )


def create_site(
    engine: Engine,
    name: str | None,
    origins: list[str] | tuple[str, ...],
    now: datetime,
    *,
    brand: str | None = None,
    campaign: str | None = None,
) -> Site:
    if isinstance(origins, str):
        origins = [origins]
    cleaned = tuple(dict.fromkeys(normalize_origin(o) for o in origins))
    if not cleaned:
        raise InputError("give at least one origin, e.g. https://example.com", key="origin")
    site_id = secrets.token_hex(6)
    site = Site(
        site_id,
        clean_text(name, "name") or cleaned[0].split("://", 1)[1],
        f"{PREFIX}_{secrets.token_urlsafe(18)}",
        cleaned,
        clean_text(brand, "brand"),
        clean_text(campaign, "campaign"),
        now,
    )
    with engine.begin() as conn:
        conn.execute(
            insert(sites).values(
                site_id=site.site_id,
                name=site.name,
                key=site.key,
                origins=json.dumps(list(site.origins)),
                brand=site.brand,
                campaign=site.campaign,
                created_at=now,
            )
        )
    return site


def site_by_key(engine: Engine, key: str | None) -> Site | None:
    if not key or not isinstance(key, str) or len(key) > 80 or not key.startswith(PREFIX + "_"):
        return None
    with engine.connect() as conn:
        row = conn.execute(select(sites).where(sites.c.key == key)).mappings().first()
    if row is None or row["revoked_at"] is not None:
        return None
    return _site(row)


def list_sites(engine: Engine) -> list[Site]:
    with engine.connect() as conn:
        rows = conn.execute(select(sites).order_by(sites.c.created_at)).mappings().all()
    return [_site(r) for r in rows]


def revoke_site(engine: Engine, site_id: str, now: datetime) -> bool:
    return revoke_row(engine, sites.c.site_id, site_id, now)
