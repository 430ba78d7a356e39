"""A stand-in for Twilio on 127.0.0.1, and a helper that signs webhooks the way Twilio does.

    with FakeTwilio() as fake:
        client = TwilioClient(fake.account_sid, fake.auth_token, base_url=fake.base_url)
        client.send_sms("+15125550100", "+15124470198", "hi")
        fake.messages[0]["Body"]  # "hi"
        fake.opted_out.add("+15124470198")  # next send to it: 400, code 21610
        fake.fail_next(500, times=2)  # the next 2 requests get a 500 (or 429 with retry_after)

    body, headers = signed_webhook(url, inbound_params("+15124470198", "+15125550100", "STOP"), token)

Shapes follow Twilio's docs (URLs next to each route); only what consentry uses is implemented.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx

from consentry.providers.twilio_signature import SIGNATURE_HEADER, compute_signature

__all__ = ["FakeTwilio", "inbound_params", "new_sid", "post_signed_webhook", "signed_webhook"]

Params = Mapping[str, str] | Sequence[tuple[str, str]]


def new_sid(prefix: str) -> str:
    """A SID like Twilio's: two letters and 32 hex digits."""
    return prefix + secrets.token_hex(16)


# -- webhooks, as Twilio sends them -------------------------------------------------------------


def inbound_params(
    from_: str,
    to: str,
    body: str,
    *,
    message_sid: str | None = None,
    account_sid: str | None = None,
    messaging_service_sid: str | None = None,
    opt_out_type: str | None = None,
    **extra: str,
) -> dict[str, str]:
    """An incoming-SMS webhook's parameters, as listed in
    https://www.twilio.com/docs/messaging/guides/webhook-request (SmsSid and SmsMessageSid are
    deprecated copies of MessageSid that Twilio still sends)."""
    sid = message_sid or new_sid("SM")
    params = {
        "ToCountry": "US",
        "ToState": "TX",
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "ToCity": "AUSTIN",
        "FromZip": "78701",
        "SmsSid": sid,
        "FromState": "TX",
        "SmsStatus": "received",
        "FromCity": "AUSTIN",
        "Body": body,
        "FromCountry": "US",
        "To": to,
        "ToZip": "78701",
        "NumSegments": "1",
        "MessageSid": sid,
        "AccountSid": account_sid or new_sid("AC"),
        "From": from_,
        "ApiVersion": "2010-04-01",
    }
    if messaging_service_sid:
        params["MessagingServiceSid"] = messaging_service_sid
    if opt_out_type:
        # Sent only when Advanced Opt-Out on the Messaging Service matched a keyword:
        # https://support.twilio.com/hc/en-us/articles/31560110671259-How-to-Track-Opt-Out-Opt-In-and-Help-Messages-Using-the-OptOutType-Parameter
        params["OptOutType"] = opt_out_type
    params.update(extra)
    return params


def _pairs(params: Params) -> list[tuple[str, str]]:
    return list(params.items()) if isinstance(params, Mapping) else list(params)


def signed_webhook(url: str, params: Params, auth_token: str) -> tuple[bytes, dict[str, str]]:
    """The form body and headers Twilio would POST to `url` (X-Twilio-Signature included)."""
    pairs = _pairs(params)
    body = urlencode(pairs).encode("ascii")
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        SIGNATURE_HEADER: compute_signature(url, pairs, auth_token),
        "User-Agent": "TwilioProxy/1.1",
    }
    return body, headers


def post_signed_webhook(
    url: str, params: Params, auth_token: str, *, http: httpx.Client | None = None
) -> httpx.Response:
    """Sign and POST a webhook to `url` like Twilio; `http` may be a TestClient-like client."""
    body, headers = signed_webhook(url, params, auth_token)
    if http is not None:
        return http.post(url, content=body, headers=headers)
    with httpx.Client(timeout=10) as client:
        return client.post(url, content=body, headers=headers)


# -- the REST API stand-in ----------------------------------------------------------------------


@dataclass
class _Failure:
    status: int
    times: int
    retry_after: str | None


@dataclass
class FakeTwilio:
    """Messages.json and IncomingPhoneNumbers.json for one account, on a loopback port."""

    account_sid: str = field(default_factory=lambda: new_sid("AC"))
    auth_token: str = field(default_factory=lambda: secrets.token_hex(16))
    messages: list[dict[str, str]] = field(default_factory=list)  # form of each accepted send
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path) of every call
    opted_out: set[str] = field(default_factory=set)
    numbers: list[dict[str, Any]] = field(default_factory=list)
    _failures: list[_Failure] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> FakeTwilio:
        fake = self

        class Handler(_Handler):
            owner = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # A short poll interval so stop() (which waits for the loop) takes milliseconds.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeTwilio:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start() the fake first"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    # -- scripting -------------------------------------------------------------------------------
    def fail_next(self, status: int, *, times: int = 1, retry_after: str | None = None) -> None:
        """The next `times` requests get `status` (429 says Retry-After when given)."""
        with self._lock:
            self._failures.append(_Failure(status, times, retry_after))

    def add_number(self, phone_number: str, sms_url: str = "", sms_method: str = "POST") -> None:
        self.numbers.append(
            {
                "sid": new_sid("PN"),
                "account_sid": self.account_sid,
                "phone_number": phone_number,
                "friendly_name": phone_number,
                "sms_url": sms_url,
                "sms_method": sms_method,
                "capabilities": {"sms": True, "mms": True, "voice": True},
            }
        )

    def _take_failure(self) -> _Failure | None:
        with self._lock:
            if not self._failures:
                return None
            failure = self._failures[0]
            failure.times -= 1
            if failure.times <= 0:
                self._failures.pop(0)
            return failure


def _error(status: int, code: int, message: str) -> dict[str, Any]:
    # https://www.twilio.com/docs/usage/twilios-response
    return {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


class _Handler(BaseHTTPRequestHandler):
    owner: FakeTwilio
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_GET(self) -> None:
        self._dispatch("GET")

    def _send(
        self, status: int, payload: Mapping[str, Any], headers: Mapping[str, str] | None = None
    ) -> None:
        raw = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)

    def _authorized(self) -> bool:
        header = self.headers.get("Authorization", "")
        expected = f"{self.owner.account_sid}:{self.owner.auth_token}".encode()
        return header == "Basic " + base64.b64encode(expected).decode()

    def _dispatch(self, method: str) -> None:
        owner = self.owner
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        with owner._lock:
            owner.requests.append((method, url.path))
        failure = owner._take_failure()
        if failure is not None:
            extra = {"Retry-After": failure.retry_after} if failure.retry_after else {}
            code = 20429 if failure.status == 429 else 20500
            self._send(failure.status, _error(failure.status, code, "Injected failure"), extra)
            return
        if not self._authorized():
            # https://www.twilio.com/docs/api/errors/20003
            self._send(401, _error(401, 20003, "Authenticate"))
            return
        prefix = f"/2010-04-01/Accounts/{owner.account_sid}/"
        if method == "POST" and url.path == prefix + "Messages.json":
            self._create_message(dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True)))
        elif method == "GET" and url.path == prefix + "IncomingPhoneNumbers.json":
            self._list_numbers(dict(parse_qsl(url.query)))
        else:
            self._send(404, _error(404, 20404, "The requested resource was not found"))

    def _create_message(self, form: dict[str, str]) -> None:
        # https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
        owner = self.owner
        to = form.get("To", "")
        if not to:
            self._send(400, _error(400, 21604, "A 'To' phone number is required."))
            return
        if not form.get("From") and not form.get("MessagingServiceSid"):
            self._send(400, _error(400, 21603, "A 'From' phone number is required."))
            return
        if not form.get("Body"):
            self._send(400, _error(400, 21602, "Message body is required."))
            return
        if to in owner.opted_out:
            # https://www.twilio.com/docs/api/errors/21610
            self._send(400, _error(400, 21610, "Attempt to send to unsubscribed recipient"))
            return
        sid = new_sid("SM")
        with owner._lock:
            owner.messages.append(form)
        self._send(
            201,
            {
                "account_sid": owner.account_sid,
                "api_version": "2010-04-01",
                "body": form["Body"],
                "date_created": "Thu, 24 Aug 2023 05:01:45 +0000",
                "date_sent": None,
                "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000",
                "direction": "outbound-api",
                "error_code": None,
                "error_message": None,
                "from": form.get("From"),
                "messaging_service_sid": form.get("MessagingServiceSid"),
                "num_media": "0",
                "num_segments": "1",
                "price": None,
                "price_unit": "USD",
                "sid": sid,
                "status": "accepted" if form.get("MessagingServiceSid") else "queued",
                "subresource_uris": {
                    "media": f"/2010-04-01/Accounts/{owner.account_sid}/Messages/{sid}/Media.json"
                },
                "to": to,
                "uri": f"/2010-04-01/Accounts/{owner.account_sid}/Messages/{sid}.json",
            },
        )

    def _list_numbers(self, query: dict[str, str]) -> None:
        # https://www.twilio.com/docs/phone-numbers/api/incomingphonenumber-resource#read-multiple-incomingphonenumber-resources
        owner = self.owner
        size = max(1, int(query.get("PageSize", "50")))
        page = int(query.get("Page", "0"))
        rows = owner.numbers[page * size : (page + 1) * size]
        base = f"/2010-04-01/Accounts/{owner.account_sid}/IncomingPhoneNumbers.json"
        more = (page + 1) * size < len(owner.numbers)
        self._send(
            200,
            {
                "incoming_phone_numbers": rows,
                "page": page,
                "page_size": size,
                "first_page_uri": f"{base}?PageSize={size}&Page=0",
                "next_page_uri": f"{base}?PageSize={size}&Page={page + 1}" if more else None,
                "previous_page_uri": None,
                "uri": f"{base}?PageSize={size}&Page={page}",
                "start": page * size,
                "end": page * size + len(rows) - 1,
            },
        )
