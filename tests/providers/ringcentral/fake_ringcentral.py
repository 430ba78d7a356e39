"""A stand-in RingCentral on 127.0.0.1, built from the documented request and response shapes.

Implements: JWT and refresh-token login (Basic client auth, expiring tokens, 401 for expired
ones), extension info, the extension's phone numbers, sending SMS, webhook subscriptions (with
the Validation-Token handshake against the webhook address on create), and the v2 SMS consent
list. `fail_next` makes the next requests fail with 429 (Retry-After) or 5xx.

Only the standard library: a ThreadingHTTPServer in a daemon thread.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from consentry.providers.ringcentral_settings import RingCentralSettings

PAYLOADS = Path(__file__).with_name("payloads")
ACCOUNT_ID = "37439510"
EXTENSION_ID = "2253168021"
BUSINESS = "+16508974563"  # the business number of the documented sample notification
OTHER_BUSINESS = "+16509100010"
JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"


def payload(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / f"{name}.json").read_text())
    data.pop("_source", None)
    return data


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


class FakeRingCentral:
    def __init__(
        self,
        *,
        client_id: str = "fake-client-id",
        client_secret: str = "fake-client-secret",
        jwt: str = "fake.jwt.credential",
        access_ttl: int = 3600,
        refresh_ttl: int = 604800,
        validate_webhooks: bool = True,
    ) -> None:
        self.client_id, self.client_secret, self.jwt = client_id, client_secret, jwt
        self.access_ttl, self.refresh_ttl = access_ttl, refresh_ttl
        self.validate_webhooks = validate_webhooks
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str]] = []  # (method, path) of every request
        self.grants: list[str] = []  # grant_type of every successful login
        self.sent: list[dict[str, Any]] = []  # bodies of POST .../sms
        self.subscriptions: dict[str, dict[str, Any]] = {}
        self.consents: dict[tuple[str, str], dict[str, Any]] = {}
        self.phone_numbers: list[dict[str, Any]] = [
            {
                "id": 1,
                "phoneNumber": BUSINESS,
                "usageType": "DirectNumber",
                "type": "VoiceFax",
                "features": ["CallerId", "SmsSender", "MmsSender"],
                "status": "Normal",
            },
            {
                "id": 2,
                "phoneNumber": OTHER_BUSINESS,
                "usageType": "MainCompanyNumber",
                "type": "VoiceFax",
                "features": ["CallerId"],
                "status": "Normal",
            },
        ]
        self._access: dict[str, float] = {}
        self._refresh: dict[str, float] = {}
        self._failures: list[tuple[int, float | None]] = []
        self._ids = itertools.count(320270670010)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.fake = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    # -- lifecycle -------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeRingCentral:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def settings(self, **overrides: Any) -> RingCentralSettings:
        values: dict[str, Any] = {
            "server_url": self.url,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "jwt": self.jwt,
            "backoff_base": 0.001,
            "backoff_cap": 0.01,
            "retry_budget": 5.0,
            "timeout": 5.0,
        }
        values.update(overrides)
        return RingCentralSettings(**values)

    def env(self, **extra: str) -> dict[str, str]:
        return {
            "RINGCENTRAL_SERVER_URL": self.url,
            "RINGCENTRAL_CLIENT_ID": self.client_id,
            "RINGCENTRAL_CLIENT_SECRET": self.client_secret,
            "RINGCENTRAL_JWT": self.jwt,
            **extra,
        }

    # -- test controls ---------------------------------------------------------------------------
    def fail_next(self, count: int, status: int = 503, retry_after: float | None = None) -> None:
        with self.lock:
            self._failures.extend([(status, retry_after)] * count)

    def expire_tokens(self) -> None:
        """Every access token issued so far is now expired (refresh tokens still work)."""
        with self.lock:
            self._access = dict.fromkeys(self._access, 0.0)

    def add_consent(
        self, from_: str, to: str, status: str = "OptOut", source: str = "Recipient"
    ) -> None:
        with self.lock:
            self.consents[(from_, to)] = {
                "from": from_,
                "to": to,
                "optStatus": status,
                "source": source,
                "lastModifiedTime": _iso(_now()),
            }

    def add_subscription(
        self,
        address: str,
        *,
        status: str = "Active",
        expires_in: int = 604799,
        ends_in: int | None = None,
        token: str | None = None,
    ) -> str:
        """An existing subscription; `ends_in` seconds left (default: its whole lifetime)."""
        sub_id = str(uuid.uuid4())
        with self.lock:
            sub = self._subscription(sub_id, address, token, expires_in, status=status)
            if ends_in is not None:
                sub["expirationTime"] = _iso(_now() + timedelta(seconds=ends_in))
                sub["expiresIn"] = ends_in
            self.subscriptions[sub_id] = sub
        return sub_id

    def count(self, method: str, path_prefix: str) -> int:
        return sum(1 for m, p in self.requests if m == method and p.startswith(path_prefix))

    def deliver(
        self, notification: dict[str, Any], *, token: str | None = None, address: str | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """POST a notification to the webhook address, the way RingCentral does."""
        if address is None:
            address = next(iter(self.subscriptions.values()))["deliveryMode"]["address"]
        if token is None:
            token = next(iter(self.subscriptions.values()))["_token"]
        headers = {
            "Content-Type": "application/json; charset=UTF-8",
            "User-Agent": "RingCentral-Webhook/8.3",
        }
        if token:
            headers["Verification-Token"] = token
        return _post(address, json.dumps(notification).encode(), headers)

    # -- state helpers (called with the lock held) -----------------------------------------------
    def _subscription(
        self,
        sub_id: str,
        address: str,
        token: str | None,
        expires_in: int,
        *,
        status: str = "Active",
    ) -> dict[str, Any]:
        return {
            "uri": f"{self.url}/restapi/v1.0/subscription/{sub_id}",
            "id": sub_id,
            "creationTime": _iso(_now()),
            "status": status,
            "eventFilters": [
                f"/restapi/v1.0/account/{ACCOUNT_ID}/extension/{EXTENSION_ID}"
                "/message-store/instant?type=SMS"
            ],
            "expirationTime": _iso(_now() + timedelta(seconds=expires_in)),
            "expiresIn": expires_in,
            "deliveryMode": {"transportType": "WebHook", "encryption": False, "address": address},
            "_token": token,
            "_ttl": expires_in,
        }

    def _issue(self) -> dict[str, Any]:
        access, refresh = uuid.uuid4().hex, uuid.uuid4().hex
        now = time.monotonic()
        self._access[access] = now + self.access_ttl
        self._refresh[refresh] = now + self.refresh_ttl
        body = payload("token")
        body.update(
            access_token=access,
            refresh_token=refresh,
            expires_in=self.access_ttl,
            refresh_token_expires_in=self.refresh_ttl,
            owner_id=EXTENSION_ID,
        )
        return body


def _post(url: str, data: bytes, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=3) as resp:  # the documented 3 s limit
            return resp.status, dict(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers.items()), exc.read()


def _public(sub: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in sub.items() if not k.startswith("_")}


_SUB = re.compile(r"^/restapi/v1\.0/subscription/([^/]+)(/renew)?$")
_E164 = re.compile(r"^\+1\d{10}$")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # loopback round trips in microseconds, not 40 ms

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    @property
    def fake(self) -> FakeRingCentral:
        return self.server.fake  # type: ignore[attr-defined, no-any-return]

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    # -- plumbing --------------------------------------------------------------------------------
    def _send(self, status: int, body: Any = None, headers: dict[str, str] | None = None) -> None:
        raw = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(raw)

    def _error(self, status: int, code: str, message: str) -> None:
        self._send(
            status,
            {
                "errorCode": code,
                "message": message,
                "errors": [{"errorCode": code, "message": message}],
            },
        )

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _json(self) -> Any:
        raw = self._body()
        return json.loads(raw) if raw else {}

    def _authed(self) -> bool:
        auth = self.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else ""
        with self.fake.lock:
            expires = self.fake._access.get(token)
        if expires is None:
            self._error(401, "OAU-213", "Token not found")
            return False
        if expires <= time.monotonic():
            self._error(401, "TokenInvalid", "Access token expired")
            return False
        return True

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        fake = self.fake
        with fake.lock:
            fake.requests.append((method, path))
            failure = fake._failures.pop(0) if fake._failures else None
        if failure is not None:
            self._body()
            status, retry_after = failure
            headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
            code = "CMN-301" if status == 429 else "CMN-211"
            self._send(
                status,
                {
                    "errorCode": code,
                    "message": "Request rate exceeded"
                    if status == 429
                    else "Service temporarily unavailable",
                },
                headers,
            )
            return
        if path == "/restapi/oauth/token" and method == "POST":
            self._token()
            return
        if not self._authed():
            self._body()
            return
        if path == "/restapi/v1.0/account/~/extension/~" and method == "GET":
            self._send(
                200,
                {
                    "uri": f"{fake.url}/restapi/v1.0/account/{ACCOUNT_ID}/extension/{EXTENSION_ID}",
                    "id": int(EXTENSION_ID),
                    "extensionNumber": "101",
                    "name": "Maple Street Dental",
                    "type": "User",
                    "status": "Enabled",
                    "account": {
                        "id": ACCOUNT_ID,
                        "uri": f"{fake.url}/restapi/v1.0/account/{ACCOUNT_ID}",
                    },
                },
            )
        elif path == "/restapi/v1.0/account/~/extension/~/phone-number" and method == "GET":
            self._phone_numbers(query)
        elif path == "/restapi/v1.0/account/~/extension/~/sms" and method == "POST":
            self._sms()
        elif path == "/restapi/v1.0/subscription" and method == "GET":
            with fake.lock:
                records = [_public(s) for s in fake.subscriptions.values()]
            self._send(200, {"uri": f"{fake.url}/restapi/v1.0/subscription", "records": records})
        elif path == "/restapi/v1.0/subscription" and method == "POST":
            self._create_subscription()
        elif (m := _SUB.match(path)) is not None:
            self._one_subscription(method, m.group(1), renew=bool(m.group(2)))
        elif path == "/restapi/v2/accounts/~/sms/consents" and method == "GET":
            self._list_consents(query)
        elif path == "/restapi/v2/accounts/~/sms/consents" and method == "PATCH":
            self._update_consents()
        else:
            self._body()
            self._error(404, "CMN-102", f"Resource for parameter [{path}] is not found")

    # -- endpoints -------------------------------------------------------------------------------
    def _token(self) -> None:
        fake = self.fake
        form = {k: v[0] for k, v in parse_qs(self._body().decode()).items()}
        expected = base64.b64encode(f"{fake.client_id}:{fake.client_secret}".encode()).decode()
        if self.headers.get("Authorization") != f"Basic {expected}":
            self._send(401, {"error": "invalid_client", "error_description": "Invalid client"})
            return
        grant = form.get("grant_type")
        with fake.lock:
            if grant == JWT_GRANT and form.get("assertion") == fake.jwt:
                ok = True
            elif grant == "refresh_token":
                expires = fake._refresh.pop(form.get("refresh_token", ""), None)  # single use
                ok = expires is not None and expires > time.monotonic()
            else:
                ok = False
            if ok:
                fake.grants.append(str(grant))
                body = fake._issue()
        if not ok:
            self._send(
                400,
                {
                    "error": "invalid_grant",
                    "error_description": "Invalid assertion or token",
                    "errors": [
                        {"errorCode": "OAU-140", "message": "Invalid resource owner credentials"}
                    ],
                },
            )
            return
        self._send(200, body)

    def _phone_numbers(self, query: dict[str, list[str]]) -> None:
        page = int(query.get("page", ["1"])[0])
        per_page = int(query.get("perPage", ["100"])[0])
        records = self.fake.phone_numbers
        total_pages = max(1, -(-len(records) // per_page))
        chunk = records[(page - 1) * per_page : page * per_page]
        self._send(
            200,
            {
                "records": chunk,
                "paging": {
                    "page": page,
                    "totalPages": total_pages,
                    "perPage": per_page,
                    "totalElements": len(records),
                },
            },
        )

    def _sms(self) -> None:
        fake = self.fake
        body = self._json()
        sender = (body.get("from") or {}).get("phoneNumber")
        to = body.get("to") or []
        text = body.get("text")
        senders = {n["phoneNumber"] for n in fake.phone_numbers if "SmsSender" in n["features"]}
        if sender not in senders:
            self._error(
                400,
                "MSG-245",
                f"Parameter [from] value [{sender}] is invalid [Cannot find the phone number which belongs to user]",
            )
            return
        if not to or not all(_E164.match(str(t.get("phoneNumber", ""))) for t in to):
            self._error(400, "CMN-101", "Parameter [to] value is invalid")
            return
        if not isinstance(text, str) or not text:
            self._error(400, "CMN-101", "Parameter [text] value is invalid")
            return
        reply = payload("sms_sent")
        with fake.lock:
            fake.sent.append(body)
            reply.update(id=next(fake._ids), to=to, subject=text, messageStatus="Queued")
            reply["from"] = {"phoneNumber": sender}
        self._send(200, reply)

    def _create_subscription(self) -> None:
        fake = self.fake
        body = self._json()
        mode = body.get("deliveryMode") or {}
        address = mode.get("address")
        if mode.get("transportType") != "WebHook" or not address:
            self._error(400, "CMN-101", "Parameter [deliveryMode.address] value is invalid")
            return
        if not body.get("eventFilters"):
            self._error(400, "CMN-101", "Parameter [eventFilters] value is invalid")
            return
        expires_in = int(body.get("expiresIn") or 604800)
        if fake.validate_webhooks:
            challenge = uuid.uuid4().hex
            try:
                status, headers, reply = _post(address, b"", {"Validation-Token": challenge})
            except OSError:
                status, headers, reply = 0, {}, b""
            echoed = {k.lower(): v for k, v in headers.items()}.get("validation-token")
            if status != 200 or echoed != challenge or len(reply) > 1024:
                self._error(400, "SUB-525", "WebHook server response is invalid")
                return
        sub_id = str(uuid.uuid4())
        with fake.lock:
            sub = fake._subscription(sub_id, address, mode.get("verificationToken"), expires_in)
            fake.subscriptions[sub_id] = sub
        self._send(200, _public(sub))

    def _one_subscription(self, method: str, sub_id: str, *, renew: bool) -> None:
        fake = self.fake
        body = self._json() if method in {"PUT", "POST"} else {}
        with fake.lock:
            sub = fake.subscriptions.get(sub_id)
            if sub is not None and method == "DELETE":
                del fake.subscriptions[sub_id]
            elif sub is not None and (renew or method == "PUT"):
                if method == "PUT" and body.get("eventFilters"):
                    sub["eventFilters"] = body["eventFilters"]
                sub["expirationTime"] = _iso(_now() + timedelta(seconds=sub["_ttl"]))
                sub["expiresIn"] = sub["_ttl"]
        if sub is None:
            self._error(404, "SUB-505", "Subscription not found")
        elif method == "DELETE":
            self._send(204)
        elif method == "GET" or renew or method == "PUT":
            self._send(200, _public(sub))
        else:
            self._error(405, "CMN-405", "Method not allowed")

    def _list_consents(self, query: dict[str, list[str]]) -> None:
        statuses = set(query.get("optStatus") or ["OptOut"])
        froms = set(query.get("from") or [])
        per_page = int((query.get("perPage") or ["100"])[0])
        offset = int(base64.b64decode((query.get("pageToken") or ["MA=="])[0]).decode())
        with self.fake.lock:
            matching = [
                dict(r)
                for r in self.fake.consents.values()
                if r["optStatus"] in statuses and (not froms or r["from"] in froms)
            ]
        chunk = matching[offset : offset + per_page]
        paging: dict[str, Any] = {
            "perPage": per_page,
            "pageToken": base64.b64encode(str(offset).encode()).decode(),
            "firstPageToken": "MA==",
        }
        if offset + per_page < len(matching):
            paging["nextPageToken"] = base64.b64encode(str(offset + per_page).encode()).decode()
        self._send(200, {"records": chunk, "paging": paging})

    def _update_consents(self) -> None:
        body = self._json()
        failed: list[dict[str, Any]] = []
        with self.fake.lock:
            for rec in body.get("records") or []:
                to, status, sender = rec.get("to"), rec.get("optStatus"), rec.get("from")
                if not _E164.match(str(to)) or status not in {"OptOut", "OptIn"} or not sender:
                    failed.append(
                        {
                            **rec,
                            "error": {
                                "errorCode": "CMN-101",
                                "message": "Parameter [to] value is invalid",
                            },
                        }
                    )
                    continue
                self.fake.consents[(sender, to)] = {
                    "from": sender,
                    "to": to,
                    "optStatus": status,
                    "source": rec.get("source") or "Api",
                    "lastModifiedTime": _iso(_now()),
                }
        self._send(200, {"failedRecords": failed} if failed else {})


@contextmanager
def running(**kwargs: Any) -> Iterator[FakeRingCentral]:
    fake = FakeRingCentral(**kwargs).start()
    try:
        yield fake
    finally:
        fake.stop()
