"""SSRF guard: private, loopback, link-local... addresses are refused, via redirects and DNS too."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

import httpx
import pytest

import consentry.site.guard as guard_module
from consentry.site import crawl_site
from consentry.site.guard import refusal_reason
from tests.site.conftest import FixtureServer

PUBLIC_IP = "93.184.216.34"


def _no_network(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"the guard let a request through: {request.url}")


def _resolver(table: dict[str, list[str]]) -> Callable[[str, int], object]:
    async def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError(f"no such host {host}")
        return table[host]

    return resolve


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://LOCALHOST./admin",
        "http://app.localhost/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://100.64.1.1/",  # CGNAT
        "http://[fd00::1]/",  # IPv6 ULA
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",  # v4-mapped
        "http://[::ffff:169.254.169.254]/",
        "http://[2002:7f00:1::]/",  # 6to4 wrapping 127.0.0.1
        "http://[64:ff9b::a00:1]/",  # NAT64 wrapping 10.0.0.1
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://127.1/",  # shorthand the resolver expands to 127.0.0.1
        "http://2130706433/",  # 127.0.0.1 as one integer
        "ftp://example.com/file",
        "file:///etc/passwd",
    ],
)
def test_private_and_odd_addresses_are_refused(url: str) -> None:
    snap = crawl_site([url], transport=httpx.MockTransport(_no_network))
    assert len(snap) == 0
    (problem,) = snap.problems
    assert problem.kind in ("refused", "bad_url")
    assert problem.message


def test_refusal_message_is_plain() -> None:
    snap = crawl_site(["http://169.254.169.254/"], transport=httpx.MockTransport(_no_network))
    (problem,) = snap.problems
    assert problem.kind == "refused"
    assert "link-local" in problem.message and "--allow-private" in problem.message


def test_redirect_to_loopback_is_refused_at_the_hop() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "shop.example":
            return httpx.Response(302, headers={"Location": "http://127.0.0.1:8080/admin"})
        raise AssertionError("followed a redirect into loopback")

    snap = crawl_site(
        ["https://shop.example/"],
        transport=httpx.MockTransport(handler),
        resolver=_resolver({"shop.example": [PUBLIC_IP]}),  # type: ignore[arg-type]
    )
    assert seen == ["https://shop.example/"]
    (problem,) = snap.problems
    assert problem.kind == "refused" and "127.0.0.1" in problem.message
    assert problem.url == "https://shop.example/"


def test_dns_name_resolving_inside_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    async def fake_system_resolve(host: str, port: int) -> list[str]:
        return {"intranet.example": ["10.1.2.3"]}.get(host, [PUBLIC_IP])

    monkeypatch.setattr(guard_module, "system_resolve", fake_system_resolve)
    snap = crawl_site(["http://intranet.example/"], transport=httpx.MockTransport(_no_network))
    (problem,) = snap.problems
    assert problem.kind == "refused" and "10.1.2.3" in problem.message


def test_every_resolved_address_is_checked() -> None:
    resolver = _resolver({"mixed.example": [PUBLIC_IP, "192.168.0.10"]})
    snap = crawl_site(
        ["http://mixed.example/"],
        transport=httpx.MockTransport(_no_network),
        resolver=resolver,  # type: ignore[arg-type]
    )
    assert snap.problems[0].kind == "refused"


def test_unknown_host_is_a_dns_problem() -> None:
    snap = crawl_site(
        ["https://no-such-host.example/"],
        transport=httpx.MockTransport(_no_network),
        resolver=_resolver({}),  # type: ignore[arg-type]
    )
    (problem,) = snap.problems
    assert problem.kind == "dns" and "could not be found" in problem.message


def test_rebinding_between_check_and_connect_is_refused(
    serve_site: Callable[[str], FixtureServer],
) -> None:
    """The first lookup says public, the lookup at connect time says loopback: no connection."""
    server = serve_site("smallbiz")
    answers = iter([[PUBLIC_IP]])

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers, ["127.0.0.1"])

    snap = crawl_site([f"http://rebind.example:{server.port}/"], resolver=rebinding)
    assert len(snap) == 0
    assert snap.problems[0].kind == "refused"
    assert server.paths() == []


def test_allow_private_reaches_loopback(serve_site: Callable[[str], FixtureServer]) -> None:
    server = serve_site("smallbiz")
    assert len(crawl_site([server.url], allow_private=True, max_pages=1)) == 1
    refused = crawl_site([server.url], max_pages=1)
    assert len(refused) == 0 and refused.problems[0].kind == "refused"
    assert server.paths() == ["/"]


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("93.184.216.34", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.53", False),
        ("100.127.255.254", False),
        ("198.18.0.1", False),
        ("fc00::1", False),
        ("::ffff:10.0.0.1", False),
        ("::ffff:8.8.8.8", True),
        ("255.255.255.255", False),
    ],
)
def test_refusal_reason(address: str, public: bool) -> None:
    assert (refusal_reason(ipaddress.ip_address(address)) is None) is public
