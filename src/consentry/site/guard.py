"""SSRF guard: the scanner fetches public websites only.

Refused unless `allow_private`: loopback, private (RFC 1918), link-local (incl. cloud metadata
169.254.169.254), multicast, reserved, unspecified, CGNAT 100.64/10, IPv6 ULA/site-local, and IPv4
addresses smuggled inside IPv6 (v4-mapped, 6to4, NAT64, Teredo). Host names are resolved and every
address is checked; the guarded transport then connects only to an address it has just checked,
so a DNS answer that changes between the check and the connection (rebinding) cannot get through.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import urlsplit

import httpcore
import httpx

from consentry.errors import ConsentryError, NetworkRefused

__all__ = [
    "AddressGuard",
    "Resolver",
    "UnresolvableHost",
    "guarded_transport",
    "refusal_reason",
    "system_resolve",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]
"""`async resolve(host, port) -> [address, ...]`: injectable for tests."""

_SHARED_OR_RESERVED = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",
        "100.64.0.0/10",  # CGNAT: carrier-grade NAT, internal to an ISP or cloud
        "192.0.0.0/24",
        "198.18.0.0/15",
        "240.0.0.0/4",
        "2001:db8::/32",
        "fec0::/10",
        "64:ff9b:1::/48",
    )
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".home.arpa", ".intranet", ".lan")


class UnresolvableHost(ConsentryError):
    """The host name has no address (DNS lookup failed)."""


async def system_resolve(host: str, port: int) -> list[str]:
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if int(ip) >> 32 == 0 and int(ip) > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(int(ip))
    return None


def refusal_reason(ip: IPAddress) -> str | None:
    """Why this address must not be fetched, or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            reason = refusal_reason(inner)
            if reason or ip.ipv4_mapped is not None:  # a mapped address is its IPv4 address
                return reason
    checks: tuple[tuple[bool, str], ...] = (
        (ip.is_loopback, "a loopback address (this machine)"),
        (ip.is_link_local, "a link-local address (such as a cloud metadata service)"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_private, "a private network address"),
        (ip.is_reserved, "a reserved address"),
        (any(ip in net for net in _SHARED_OR_RESERVED), "a shared or reserved address"),
        (isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local, "a site-local address"),
        (not ip.is_global, "not a public internet address"),
    )
    for hit, reason in checks:
        if hit:
            return reason
    return None


def _refusal(url: str, what: str) -> NetworkRefused:
    return NetworkRefused(
        f"Not fetched: {url} points to {what}, not a public website. Scan the public address "
        "of the site (or use --allow-private for a site on your own network)."
    )


class AddressGuard:
    """Checks URLs and host names; `allow_private=True` turns every check but the scheme off."""

    def __init__(self, *, allow_private: bool = False, resolver: Resolver | None = None) -> None:
        self.allow_private = allow_private
        self._resolver = resolver
        self._cache: dict[tuple[str, int], list[str]] = {}

    async def resolve(self, host: str, port: int) -> list[str]:
        resolver = self._resolver or system_resolve
        try:
            addresses = await resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise UnresolvableHost(f"The address {host} could not be found (DNS).") from exc
        if not addresses:
            raise UnresolvableHost(f"The address {host} could not be found (DNS).")
        return addresses

    async def check_url(self, url: str) -> None:
        """Raise NetworkRefused (or UnresolvableHost) unless the URL may be fetched."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise NetworkRefused(f"Not fetched: {url} is not a valid web address.") from exc
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise NetworkRefused(f"Not fetched: {url}: only http and https addresses are scanned.")
        host = (parts.hostname or "").lower().rstrip(".")
        if not host:
            raise NetworkRefused(f"Not fetched: {url} has no host name.")
        if self.allow_private:
            return
        await self.checked_addresses(host, port or (443 if scheme == "https" else 80), url=url)

    async def checked_addresses(self, host: str, port: int, *, url: str | None = None) -> list[str]:
        """Every address of `host`, all of them public, or NetworkRefused."""
        shown = url or host
        host = host.lower().strip("[]").rstrip(".")
        if host in _LOCAL_NAMES or host.endswith(_LOCAL_SUFFIXES):
            raise _refusal(shown, "a local host name")
        try:
            literal: IPAddress | None = ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            literal = None
        if literal is not None:
            addresses = [str(literal)]
        else:
            key = (host, port)
            if key not in self._cache:
                self._cache[key] = await self.resolve(host, port)
            addresses = self._cache[key]
        for address in addresses:
            try:
                ip = ipaddress.ip_address(address.split("%", 1)[0])
            except ValueError:
                raise _refusal(shown, f"an address that cannot be checked ({address})") from None
            reason = refusal_reason(ip)
            if reason:
                detail = reason if literal is not None else f"{address}, {reason}"
                raise _refusal(shown, detail)
        return addresses


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves, checks, and connects to the checked address itself (no second DNS lookup)."""

    def __init__(self, guard: AddressGuard) -> None:
        self._guard = guard
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        fresh = AddressGuard(allow_private=False, resolver=self._guard._resolver)
        try:
            addresses = await fresh.checked_addresses(host, port)
        except UnresolvableHost as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise NetworkRefused("Not fetched: Unix sockets are never scanned.")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_transport(guard: AddressGuard, *, max_connections: int = 8) -> httpx.AsyncHTTPTransport:
    """An httpx transport that ignores proxy settings and, unless private addresses are allowed,
    connects only to addresses the guard has checked."""
    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=max_connections
    )
    transport = httpx.AsyncHTTPTransport(retries=0, trust_env=False, limits=limits)
    if not guard.allow_private:
        pool = getattr(transport, "_pool", None)
        # httpx has no public hook for the network backend; without it the pre-request check
        # in fetch.py still applies, only the rebinding window stays open.
        if isinstance(pool, httpcore.AsyncConnectionPool) and hasattr(pool, "_network_backend"):
            pool._network_backend = _GuardedBackend(guard)
    return transport
