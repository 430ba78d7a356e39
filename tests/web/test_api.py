"""CONTRACT §5 routes, through HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from consentry.ledger import Ledger

PHONE = "(512) 447-0198"
E164 = "+15124470198"
DISCLOSURE = (
    "I agree to receive appointment reminders by text from Maple Street Dental. Msg frequency "
    "varies. Msg & data rates may apply. Reply HELP for help, STOP to opt out."
)


def consent(**over: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "phone": PHONE,
        "method": "web_form",
        "disclosure_text": DISCLOSURE,
        "page_url": "https://maplestreetdental.com/book",
        "form_id": "book",
        "checkbox_checked": True,
    }
    body.update(over)
    return body


def test_healthz_needs_no_key(client: Any) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_consent_is_recorded_with_its_hash_and_exact_text(
    client: Any, auth: dict[str, str], service_ledger: Ledger
) -> None:
    r = client.post("/v1/consents", json=consent(), headers=auth)
    assert r.status_code == 201
    body = r.json()
    assert body["phone"] == E164
    event = service_ledger.history(E164)[0]
    assert event.event_id == body["event_id"] and event.hash == body["hash"]
    assert event.data["disclosure_text"] == DISCLOSURE
    assert event.data["checkbox_checked"] is True
    state = client.get(f"/v1/numbers/{PHONE}", headers=auth).json()
    assert state["state"] == "opted_in" and state["method"] == "web_form"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (consent(phone="12"), "phone"),
        (consent(disclosure_text=None), "disclosure_text"),
        (consent(checkbox_checked=False), "checkbox_checked"),
        (consent(method="carrier_pigeon"), "method"),
        (consent(occurred_at="yesterday-ish"), "occurred_at"),
        (consent(check_box=True), "check_box"),
        ({"method": "api"}, "phone"),
    ],
)
def test_bad_consent_names_the_field_and_records_nothing(
    client: Any, auth: dict[str, str], service_ledger: Ledger, body: dict[str, Any], field: str
) -> None:
    r = client.post("/v1/consents", json=body, headers=auth)
    assert r.status_code == 422
    assert r.json()["error"]["field"] == field
    assert service_ledger.verify().events == 0


def test_malformed_json_is_400_not_500(client: Any, auth: dict[str, str]) -> None:
    headers = {**auth, "content-type": "application/json"}
    r = client.post("/v1/consents", content=b'{"phone": ', headers=headers)
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "invalid_json"


def test_oversized_body_is_refused(client: Any, auth: dict[str, str]) -> None:
    big = consent(disclosure_text="x" * 100_000)
    r = client.post("/v1/consents", json=big, headers=auth)
    assert r.status_code in (413, 422)
    r = client.post("/v1/inbound", content=b"{" + b" " * 70_000 + b"}", headers=auth)
    assert r.status_code == 413


@pytest.mark.parametrize("path", ["/v1/consents", "/v1/capture"])
def test_oversized_streamed_body_is_413_too(
    client: Any, auth: dict[str, str], service_ledger: Ledger, path: str
) -> None:
    """No Content-Length (chunked upload): refused while it streams, not read whole."""

    def chunks() -> Any:
        yield b'{"phone": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}'

    headers = {**auth, "content-type": "application/json"}
    r = client.post(path, content=chunks(), headers=headers)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    assert service_ledger.verify().events == 0


@pytest.mark.parametrize(
    "route",
    [
        ("post", "/v1/consents"),
        ("post", "/v1/inbound"),
        ("get", f"/v1/numbers/{E164}"),
        ("get", f"/v1/numbers/{E164}/evidence"),
        ("post", "/v1/send-check"),
        ("get", "/v1/ledger/verify"),
    ],
)
def test_every_v1_route_needs_a_valid_key(client: Any, route: tuple[str, str]) -> None:
    method, path = route
    assert getattr(client, method)(path).status_code == 401
    bad = {"Authorization": "Bearer csk_0000_nope"}
    r = getattr(client, method)(path, headers=bad)
    assert r.status_code == 401
    assert "traceback" not in r.text.lower()


def test_scopes_limit_what_a_key_can_do(client: Any, service_ledger: Ledger) -> None:
    reader = {"Authorization": f"Bearer {service_ledger.create_api_key('r', 'read').token}"}
    checker = {"Authorization": f"Bearer {service_ledger.create_api_key('c', 'check').token}"}
    assert client.post("/v1/consents", json=consent(), headers=reader).status_code == 403
    assert client.get(f"/v1/numbers/{E164}", headers=reader).status_code == 200
    assert client.get(f"/v1/numbers/{E164}", headers=checker).status_code == 403
    check = {"to": [E164], "kind": "marketing"}
    assert client.post("/v1/send-check", json=check, headers=checker).status_code == 200
    assert service_ledger.verify().events == 0


def test_revoked_key_stops_working(client: Any, service_ledger: Ledger) -> None:
    key = service_ledger.create_api_key("gone")
    headers = {"Authorization": f"Bearer {key.token}"}
    client.app.state.keys.ttl = 0  # no cache in this test
    assert client.get("/v1/ledger/verify", headers=headers).status_code == 200
    service_ledger.revoke_api_key(key.key_id)
    assert client.get("/v1/ledger/verify", headers=headers).status_code == 401


def test_inbound_stop_opts_out_and_gives_the_reply(
    client: Any, auth: dict[str, str], service_ledger: Ledger
) -> None:
    client.post("/v1/consents", json=consent(), headers=auth)
    msg = {"from": E164, "to": "+15125550100", "text": "Stop please", "id": "SM1"}
    r = client.post("/v1/inbound", json=msg, headers=auth).json()
    assert r["action"] == "opt_out" and r["duplicate"] is False
    assert r["reply"].startswith("Maple Street Dental")
    # A retry of the same provider message is recorded once and gets the same answer, marked
    # as a duplicate so a sender that already sent the reply does not send it twice.
    again = client.post("/v1/inbound", json=msg, headers=auth).json()
    assert again["duplicate"] is True and again["event_id"] == r["event_id"]
    assert service_ledger.verify().events == 3  # consent, opt-out, confirmation sent
    state = client.get(f"/v1/numbers/{E164}", headers=auth).json()
    assert state["state"] == "opted_out" and state["method"] == "keyword"
    check = client.post(
        "/v1/send-check", json={"to": [PHONE, "555"], "kind": "marketing"}, headers=auth
    ).json()
    first = check["results"][0]
    assert (first["phone"], first["allowed"], first["reasons"]) == (E164, False, ["opted_out"])
    assert check["results"][1]["reasons"] == ["invalid_number"]


@pytest.mark.parametrize(
    ("text", "action"),
    [("HELP", "help"), ("START", "opt_in"), ("what time do you open?", "none")],
)
def test_inbound_actions(client: Any, auth: dict[str, str], text: str, action: str) -> None:
    msg = {"from": E164, "to": "+15125550100", "text": text, "id": f"id-{text}"}
    assert client.post("/v1/inbound", json=msg, headers=auth).json()["action"] == action


def test_send_check_no_consent_and_allowed(client: Any, auth: dict[str, str]) -> None:
    body = {"to": [E164], "kind": "marketing", "at": "2026-03-04T17:00:00Z"}
    r = client.post("/v1/send-check", json=body, headers=auth).json()
    assert r["results"][0]["reasons"] == ["no_consent"]
    client.post("/v1/consents", json=consent(), headers=auth)
    r = client.post("/v1/send-check", json=body, headers=auth).json()
    assert r["results"][0]["allowed"] is True
    night = {**body, "at": "2026-03-05T05:00:00Z"}  # 23:00 in Austin
    r = client.post("/v1/send-check", json=night, headers=auth).json()
    assert r["results"][0]["reasons"] == ["quiet_hours"]


def test_evidence_json_and_certificate(client: Any, auth: dict[str, str]) -> None:
    client.post("/v1/consents", json=consent(), headers=auth)
    r = client.get(f"/v1/numbers/{E164}/evidence", headers=auth)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["events"][0]["proof"]["hash_ok"] is True
    html = client.get(f"/v1/numbers/{E164}/evidence?format=html", headers=auth)
    assert html.headers["content-type"].startswith("text/html")
    assert "Maple Street Dental" in html.text or E164 in html.text
    assert "Msg &amp; data rates may apply" in html.text


def test_verify_reports_an_edited_event(
    client: Any, auth: dict[str, str], service_ledger: Ledger
) -> None:
    client.post("/v1/consents", json=consent(), headers=auth)
    assert client.get("/v1/ledger/verify", headers=auth).json()["ok"] is True
    from sqlalchemy import text

    with service_ledger.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER events_append_only"))
        else:
            conn.execute(text("DROP TRIGGER IF EXISTS events_append_only_update"))
        conn.execute(text("UPDATE events SET phone = '+15125550000'"))
    r = client.get("/v1/ledger/verify", headers=auth).json()
    assert r["ok"] is False and r["first_bad_event"] is not None


def test_internal_fault_is_a_clean_500(client: Any, auth: dict[str, str]) -> None:
    def boom(*_a: Any, **_k: Any) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    client.app.state.ledger.submit_consent = boom
    r = client.post("/v1/consents", json=consent(), headers=auth)
    assert r.status_code == 500
    assert "secret" not in r.text and "Traceback" not in r.text
    assert r.json()["error"]["code"] == "internal_error"


def test_unconfigured_webhooks_answer_503(client: Any) -> None:
    assert client.post("/v1/webhooks/twilio", content=b"From=x").status_code == 503
    assert client.post("/v1/webhooks/ringcentral", json={}).status_code == 503
