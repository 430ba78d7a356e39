"""The public form-capture path the website snippet posts to."""

from __future__ import annotations

import json
from typing import Any

import pytest

from consentry.errors import InputError
from consentry.ledger import Ledger
from consentry.ledger.capture import RateLimiter
from consentry.ledger.sites import normalize_origin

ORIGIN = "https://maplestreetdental.com"
TEXT = "Yes, text me appointment reminders. Msg & data rates may apply. Reply STOP to opt out."


@pytest.fixture
def site_key(service_ledger: Ledger) -> str:
    return service_ledger.create_site("www", [ORIGIN, "https://*.maplestreetdental.com"]).key


def post(client: Any, body: dict[str, Any], origin: str | None = ORIGIN, **headers: str) -> Any:
    hdrs = {"content-type": "text/plain;charset=UTF-8", **headers}
    if origin:
        hdrs["origin"] = origin
    return client.post("/v1/capture", content=json.dumps(body).encode(), headers=hdrs)


def body(key: str, **over: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "site_key": key,
        "phone": "512.447.0198",
        "disclosure_text": TEXT,
        "checkbox_checked": True,
        "page_url": f"{ORIGIN}/book#top",
        "form_id": "gform_1",
        "occurred_at": "2031-01-01T00:00:00Z",  # a visitor's wrong clock must not lose consent
        "honeypot": "",
    }
    out.update(over)
    return out


def test_capture_records_the_exact_text_from_an_allowed_origin(
    client: Any, site_key: str, service_ledger: Ledger
) -> None:
    r = post(client, body(site_key), **{"user-agent": "Mozilla/5.0 test"})
    assert r.status_code == 202, r.text
    assert r.json()["recorded"] is True
    assert r.headers["access-control-allow-origin"] == ORIGIN
    event = service_ledger.history("+15124470198")[0]
    assert event.method == "web_form"
    assert event.data["disclosure_text"] == TEXT
    assert event.data["form_id"] == "gform_1"
    assert event.data["client_time"] == "2031-01-01T00:00:00Z"
    assert event.data["user_agent"] == "Mozilla/5.0 test"
    assert event.data["site_id"]
    assert service_ledger.number_state("+15124470198").state == "opted_in"


def test_subdomain_wildcard_and_json_content_type(client: Any, site_key: str) -> None:
    sub = "https://book.maplestreetdental.com"
    r = client.post(
        "/v1/capture",
        json=body(site_key, page_url=f"{sub}/x"),
        headers={"origin": sub},
    )
    assert r.status_code == 202 and r.json()["recorded"] is True


@pytest.mark.parametrize(
    ("origin", "page"),
    [
        ("https://evil.example", f"{ORIGIN}/book"),
        (None, f"{ORIGIN}/book"),
        ("http://maplestreetdental.com", f"{ORIGIN}/book"),
        ("https://maplestreetdental.com.evil.example", f"{ORIGIN}/book"),
        (ORIGIN, "https://evil.example/book"),
    ],
)
def test_wrong_origin_records_nothing(
    client: Any, site_key: str, service_ledger: Ledger, origin: str | None, page: str
) -> None:
    r = post(client, body(site_key, page_url=page), origin=origin)
    assert r.status_code == 403
    assert service_ledger.verify().events == 0


def test_unknown_and_revoked_keys(client: Any, site_key: str, service_ledger: Ledger) -> None:
    assert post(client, body("csp_nope")).status_code == 403
    site = service_ledger.sites()[0]
    service_ledger.revoke_site(site.site_id)
    assert post(client, body(site_key)).status_code == 403
    assert service_ledger.verify().events == 0


def test_honeypot_and_unchecked_box_record_nothing(
    client: Any, site_key: str, service_ledger: Ledger
) -> None:
    r = post(client, body(site_key, honeypot="http://spam.example"))
    assert r.status_code == 202 and r.json() == {"recorded": False, "reason": "ignored"}
    r = post(client, body(site_key, checkbox_checked=False, phone=""))
    assert r.json() == {"recorded": False, "reason": "checkbox_not_checked"}
    assert service_ledger.verify().events == 0


@pytest.mark.parametrize(
    ("raw", "status"),
    [(b"not json", 400), (b"[1, 2]", 400), (b'{"site_key": 5}', 422), (b"\xff\xfe", 400)],
)
def test_bad_bodies(client: Any, site_key: str, raw: bytes, status: int) -> None:
    r = client.post("/v1/capture", content=raw, headers={"origin": ORIGIN})
    assert r.status_code == status
    assert r.json()["error"]["code"]


def test_missing_text_is_a_field_error(client: Any, site_key: str) -> None:
    r = post(client, body(site_key, disclosure_text=None))
    assert r.status_code == 422 and r.json()["error"]["field"] == "disclosure_text"


def test_rate_limit_per_ip(client: Any, site_key: str, service_ledger: Ledger) -> None:
    client.app.state.capture_limiter = RateLimiter(per_minute=60, burst=3)
    codes = [post(client, body(site_key, phone=f"51244701{i:02d}")).status_code for i in range(5)]
    assert codes[:3] == [202, 202, 202]
    assert codes[3:] == [429, 429]
    last = post(client, body(site_key))
    assert int(last.headers["retry-after"]) >= 1
    assert service_ledger.verify().events == 3


def test_preflight_is_answered(client: Any) -> None:
    r = client.options("/v1/capture", headers={"origin": ORIGIN})
    assert r.status_code == 204
    assert r.headers["access-control-allow-origin"] == ORIGIN


def test_rate_limiter_refills() -> None:
    limiter = RateLimiter(per_minute=60, burst=1)
    assert limiter.take("a", now=0.0) == 0
    assert limiter.take("a", now=0.1) > 0
    assert limiter.take("b", now=0.1) == 0  # per client
    assert limiter.take("a", now=1.2) == 0


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://Example.com/contact?x=1", "https://example.com"),
        ("example.com", "https://example.com"),
        ("https://example.com:443", "https://example.com"),
        ("https://example.com:8443", "https://example.com:8443"),
        ("http://localhost:8080", "http://localhost:8080"),
        ("https://*.example.com", "https://*.example.com"),
    ],
)
def test_origins_are_normalised(given: str, expected: str) -> None:
    assert normalize_origin(given) == expected


@pytest.mark.parametrize(
    "bad", ["http://example.com", "ftp://x.com", "https://", "https://a*.b.com"]
)
def test_bad_origins(bad: str) -> None:
    with pytest.raises(InputError):
        normalize_origin(bad)
