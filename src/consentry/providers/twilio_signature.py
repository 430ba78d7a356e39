"""Twilio's `X-Twilio-Signature`: compute it, check it, and rebuild the URL Twilio signed.

The algorithm (https://www.twilio.com/docs/usage/webhooks/webhooks-security): take the full URL
Twilio requested (scheme, host, port if any, path, query string), append every POST parameter
sorted by name as name+value with no separators, HMAC-SHA1 it with the account Auth Token and
base64 the digest. Twilio's own validator (twilio-python `twilio/request_validator.py`) also
accepts the URL with the port removed and with the scheme's default port added, because Twilio
signs either form; we accept the same set so that a request the SDK accepts, we accept.

Nothing here raises on bad input: a malformed URL or signature is simply "not valid".
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit

__all__ = [
    "SIGNATURE_HEADER",
    "Params",
    "ProxySettings",
    "SignatureCheck",
    "check_signature",
    "compute_signature",
    "param_pairs",
    "public_url",
    "url_variants",
    "verify_signature",
]

SIGNATURE_HEADER = "X-Twilio-Signature"
Params = Mapping[str, str] | Sequence[tuple[str, str]]
_DEFAULT_PORTS = {"http": 80, "https": 443}


class SignatureCheck(StrEnum):
    """Every outcome of a signature check; parse failures are `INVALID`, never an exception."""

    VALID = "valid"
    MISSING = "missing"  # no header at all: not from Twilio, or a proxy dropped it
    INVALID = "invalid"


def param_pairs(params: Params) -> list[tuple[str, str]]:
    """The form parameters as (name, value) pairs, keeping repeated names."""
    if isinstance(params, Mapping):
        return [(str(k), str(v)) for k, v in params.items()]
    return [(str(k), str(v)) for k, v in params]


def _payload(url: str, pairs: Iterable[tuple[str, str]], *, dedupe: bool) -> bytes:
    grouped: dict[str, list[str]] = {}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    parts = [url]
    # Names sorted by code point (the docs' "Unix-style case-sensitive" order); a repeated name
    # contributes each value, values sorted. twilio-python drops exact repeats (it sorts a set),
    # twilio-node keeps them: `dedupe` picks which.
    for name in sorted(grouped):
        values = sorted(set(grouped[name])) if dedupe else sorted(grouped[name])
        parts.extend(name + value for value in values)
    return "".join(parts).encode("utf-8")


def _sign(payload: bytes, auth_token: str) -> str:
    digest = hmac.new(auth_token.encode("utf-8"), payload, hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def compute_signature(url: str, params: Params, auth_token: str) -> str:
    """The `X-Twilio-Signature` value Twilio would send for this URL and form body.

    Matches twilio-python's `RequestValidator.compute_signature` (the test oracle).
    """
    return _sign(_payload(url, param_pairs(params), dedupe=True), auth_token)


def url_variants(url: str) -> list[str]:
    """The URL as given, without its port, and with the scheme's default port added.

    Same set as twilio-python's `remove_port`/`add_port` (it strips any port, not only the
    default one). An unparsable URL yields just itself.
    """
    out = [url]
    try:
        parts = urlsplit(url)
        port = parts.port
        host = parts.netloc.rpartition("@")[2]
    except ValueError:
        return out
    userinfo = parts.netloc[: len(parts.netloc) - len(host)]
    if port:
        bare = host[: host.rfind(":")]
        out.append(urlunsplit(parts._replace(netloc=userinfo + bare)))
    elif host:
        default = _DEFAULT_PORTS.get(parts.scheme.lower(), 80)
        out.append(urlunsplit(parts._replace(netloc=f"{userinfo}{host}:{default}")))
    return list(dict.fromkeys(out))


def check_signature(
    url: str,
    params: Params,
    signature: str | None,
    auth_token: str,
    *,
    secondary_token: str | None = None,
) -> SignatureCheck:
    """Whether `signature` is Twilio's for this request, under the token or the secondary one.

    Twilio signs with the account's primary Auth Token; during a rotation (create a secondary
    token, then promote it: https://www.twilio.com/docs/iam/api/secondary_authtoken and
    https://www.twilio.com/docs/iam/api/authtoken) accepting both the old and the new token
    means the promotion causes no window of refused webhooks.
    """
    if signature is None or not signature.strip():
        return SignatureCheck.MISSING
    try:
        given = signature.strip().encode("ascii")
        pairs = param_pairs(params)
    except (UnicodeEncodeError, TypeError, ValueError):
        return SignatureCheck.INVALID
    tokens = [t for t in (auth_token, secondary_token) if t]
    dedupe_modes = (True, False) if _has_repeats(pairs) else (True,)
    for candidate in url_variants(url):
        for dedupe in dedupe_modes:
            payload = _payload(candidate, pairs, dedupe=dedupe)
            for token in tokens:
                if hmac.compare_digest(_sign(payload, token).encode("ascii"), given):
                    return SignatureCheck.VALID
    return SignatureCheck.INVALID


def verify_signature(
    url: str,
    params: Params,
    signature: str | None,
    auth_token: str,
    *,
    secondary_token: str | None = None,
) -> bool:
    """True when the request carries Twilio's signature (see `check_signature`)."""
    found = check_signature(url, params, signature, auth_token, secondary_token=secondary_token)
    return found is SignatureCheck.VALID


def _has_repeats(pairs: Sequence[tuple[str, str]]) -> bool:
    return len(set(pairs)) != len(pairs)


# -- the URL as Twilio saw it ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Forwarded:
    proto: str | None
    host: str | None
    port: str | None


def _first(headers: Mapping[str, str], name: str) -> str | None:
    """First value of a possibly comma-joined header: the one the client-facing proxy set."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            first = value.split(",")[0].strip()
            return first or None
    return None


def _forwarded(headers: Mapping[str, str]) -> _Forwarded:
    proto = _first(headers, "X-Forwarded-Proto")
    return _Forwarded(
        proto.lower() if proto else None,
        _first(headers, "X-Forwarded-Host"),
        _first(headers, "X-Forwarded-Port"),
    )


def _with_port(host: str, port: str | None, scheme: str) -> str:
    """`host` with `port` (replacing any it has), leaving out the scheme's default port."""
    if not port or not port.isdigit():
        return host
    bare = host
    if host.startswith("["):  # IPv6 literal: [::1]:8080
        bare = host[: host.index("]") + 1] if "]" in host else host
    elif host.count(":") == 1:
        bare = host.split(":")[0]
    if int(port) == _DEFAULT_PORTS.get(scheme):
        return bare
    return f"{bare}:{port}"


class ProxySettings(Protocol):
    """What `public_url` reads from settings (`TwilioSettings` has both)."""

    @property
    def public_url(self) -> str | None: ...
    @property
    def trust_proxy(self) -> bool: ...


def public_url(
    settings: ProxySettings | None = None,
    *,
    scheme: str,
    host: str,
    path: str,
    query: str = "",
    headers: Mapping[str, str] | None = None,
    trust_proxy: bool | None = None,
    public_base_url: str | None = None,
) -> str:
    """The URL Twilio requested (the one it signed), from what the server received.

    `settings` (e.g. a `TwilioSettings`) supplies `public_url` and `trust_proxy`; the keyword
    arguments of the same meaning override it.

    - `public_base_url` (e.g. `https://consent.example.com` or `https://example.com/consentry`)
      wins over everything: its scheme and host replace the request's, and its path is put in
      front of the request path unless the path already starts with it.
    - otherwise, with `trust_proxy`, `X-Forwarded-Proto`/`-Host`/`-Port` replace the request's
      scheme and host (a TLS-terminating proxy sees https, the app sees http).
    - `path` should be the raw (still percent-encoded) path and `query` the raw query string,
      since Twilio signs the URL exactly as it is configured in the Console.
    """
    if settings is not None:
        public_base_url = public_base_url or settings.public_url
        trust_proxy = settings.trust_proxy if trust_proxy is None else trust_proxy
    path = path or "/"
    if not path.startswith("/"):
        path = "/" + path
    tail = f"{path}?{query}" if query else path
    if public_base_url:
        base = urlsplit(public_base_url.strip())
        prefix = base.path.rstrip("/")
        if prefix and not (path == prefix or path.startswith(prefix + "/")):
            tail = prefix + tail
        return f"{base.scheme}://{base.netloc}{tail}"
    scheme = scheme.lower()
    if trust_proxy and headers:
        fwd = _forwarded(headers)
        if fwd.proto in _DEFAULT_PORTS:
            scheme = fwd.proto
        if fwd.host:
            host = fwd.host
        host = _with_port(host, fwd.port, scheme)
    return f"{scheme}://{host}{tail}"
