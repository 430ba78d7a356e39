"""A small RingCentral REST client on httpx: JWT login, token refresh, retries, and the calls we use.

Why not the official SDK: it has no timeouts, no connection reuse and pins old dependencies (see
docs/ringcentral.md). This client does only what consentry needs:

- JWT login (RFC 7523) with a cached access token, refreshed a minute before it expires and once
  more if RingCentral answers 401 anyway;
- bounded retries with exponential backoff and jitter on 429 (honouring Retry-After), 502, 503,
  504 and connection errors, then a `ProviderError`;
- send an SMS, list the extension's SMS numbers, keep one webhook subscription alive, and read
  and update the account's SMS opt-out (consent) list.

It is safe to share between threads (the web layer sends replies from a worker pool).
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from consentry.providers.messages import ProviderError
from consentry.providers.ringcentral_models import (
    SMS_EVENT_FILTER,
    ConsentFailure,
    ConsentRecord,
    EnsuredSubscription,
    PhoneNumber,
    Subscription,
)
from consentry.providers.ringcentral_settings import RingCentralSettings

__all__ = ["RingCentralClient"]

_JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
_RETRY_STATUS = frozenset({429, 502, 503, 504})
_REFRESH_MARGIN = 60.0  # seconds: refresh before RingCentral would reject the token
_MAX_PAGES = 1000
_CONSENT_CHUNK = 100  # records per PATCH; the docs give no maximum, so stay modest


@dataclass(slots=True)
class _Token:
    access: str
    expires_at: float
    refresh: str | None
    refresh_expires_at: float


class RingCentralClient:
    def __init__(
        self,
        settings: RingCentralSettings,
        *,
        http: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        settings.require_credentials()
        self.settings = settings
        self._own_http = http is None
        self._http = http or httpx.Client(
            base_url=settings.server_url, timeout=settings.timeout, transport=transport
        )
        self._clock, self._sleep, self._jitter = clock, sleep, jitter
        self._token: _Token | None = None
        self._lock = threading.Lock()
        self.owner_id: str | None = None

    def close(self) -> None:
        if self._own_http:
            self._http.close()

    def __enter__(self) -> RingCentralClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- auth ------------------------------------------------------------------------------------
    def login(self) -> None:
        """Log in with the JWT now (otherwise the first API call does it)."""
        with self._lock:
            self._token = self._grant({"grant_type": _JWT_GRANT, "assertion": self.settings.jwt})

    def _access_token(self) -> str:
        with self._lock:
            now = self._clock()
            token = self._token
            if token is not None and now < token.expires_at - _REFRESH_MARGIN:
                return token.access
            if token is not None and token.refresh and now < token.refresh_expires_at:
                try:
                    # https://developers.ringcentral.com/guide/authentication/refresh-tokens
                    self._token = self._grant(
                        {"grant_type": "refresh_token", "refresh_token": token.refresh}
                    )
                    return self._token.access
                except ProviderError:
                    pass  # a used or revoked refresh token: the JWT still works
            self._token = self._grant({"grant_type": _JWT_GRANT, "assertion": self.settings.jwt})
            return self._token.access

    def _invalidate(self, access: str) -> None:
        with self._lock:
            # Only the token that failed: another thread may already hold a fresh one.
            if self._token is not None and self._token.access == access:
                self._token.expires_at = 0.0

    def _grant(self, form: dict[str, Any]) -> _Token:
        # https://developers.ringcentral.com/guide/authentication/jwt-flow
        # POST /restapi/oauth/token, Basic client_id:client_secret, form-encoded.
        start = self._clock()
        resp = self._send(
            "POST",
            "/restapi/oauth/token",
            data=form,
            auth=(self.settings.client_id or "", self.settings.client_secret or ""),
        )
        body = _json(resp)
        access = body.get("access_token")
        if not isinstance(access, str) or not access:
            raise ProviderError("RingCentral's login answer had no access token", status=502)
        self.owner_id = str(body["owner_id"]) if body.get("owner_id") else self.owner_id
        return _Token(
            access=access,
            expires_at=start + float(body.get("expires_in") or 3600),
            refresh=body.get("refresh_token"),
            refresh_expires_at=start + float(body.get("refresh_token_expires_in") or 0),
        )

    # -- transport -------------------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
    ) -> httpx.Response:
        """An authenticated API call; a 401 re-authenticates once, then errors are raised."""
        for second_try in (False, True):
            access = self._access_token()
            resp = self._send(
                method,
                path,
                json=json,
                params=params,
                headers={"Authorization": f"Bearer {access}"},
                allow={401} if not second_try else frozenset(),
            )
            if resp.status_code != 401:
                return resp
            self._invalidate(access)
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(
        self,
        method: str,
        path: str,
        *,
        allow: frozenset[int] | set[int] = frozenset(),
        **kwargs: Any,
    ) -> httpx.Response:
        """One call with bounded retries; statuses in `allow` are returned, not raised."""
        deadline = self._clock() + self.settings.retry_budget
        idempotent = method != "POST" or path.endswith("/renew")
        headers = {"Accept": "application/json", **kwargs.pop("headers", {})}
        attempt = 0
        while True:
            attempt += 1
            try:
                resp = self._http.request(method, path, headers=headers, **kwargs)
            except httpx.TransportError as exc:
                # A request that never left is always safe to repeat; one that may have reached
                # RingCentral is repeated only if repeating cannot send a second text.
                unsent = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
                if (unsent or idempotent) and self._backoff(attempt, deadline, None):
                    continue
                raise ProviderError(
                    f"cannot reach RingCentral at {self.settings.server_url} "
                    f"({type(exc).__name__}); check the network and RINGCENTRAL_SERVER_URL"
                ) from None
            if resp.status_code in _RETRY_STATUS:
                if self._backoff(attempt, deadline, _retry_after(resp)):
                    continue
                raise _error(resp, path, gave_up=True)
            if resp.status_code >= 400 and resp.status_code not in allow:
                raise _error(resp, path)
            return resp

    def _backoff(self, attempt: int, deadline: float, retry_after: float | None) -> bool:
        """Sleep before the next attempt; False when attempts or the time budget are spent."""
        if attempt >= self.settings.max_attempts:
            return False
        base = min(self.settings.backoff_cap, self.settings.backoff_base * 2 ** (attempt - 1))
        delay = base / 2 + self._jitter() * base / 2  # "equal jitter": spread, never zero
        if retry_after is not None:
            delay = max(delay, retry_after)
        if self._clock() + delay > deadline:
            return False
        self._sleep(delay)
        return True

    # -- account ---------------------------------------------------------------------------------
    def extension_info(self) -> dict[str, Any]:
        # https://developers.ringcentral.com/api-reference/User-Settings/readExtension
        return _json(self.request("GET", "/restapi/v1.0/account/~/extension/~"))

    def phone_numbers(self) -> list[PhoneNumber]:
        """The extension's numbers (`.sms` tells which can text)."""
        # https://developers.ringcentral.com/api-reference/Phone-Numbers/listExtensionPhoneNumbers
        out: list[PhoneNumber] = []
        for page in range(1, _MAX_PAGES + 1):
            body = _json(
                self.request(
                    "GET",
                    "/restapi/v1.0/account/~/extension/~/phone-number",
                    params={"page": page, "perPage": 100},
                )
            )
            for rec in body.get("records") or ():
                if isinstance(rec, dict) and isinstance(rec.get("phoneNumber"), str):
                    out.append(
                        PhoneNumber(
                            rec["phoneNumber"],
                            rec.get("usageType"),
                            tuple(str(f) for f in rec.get("features") or ()),
                        )
                    )
            paging = body.get("paging") or {}
            if page >= int(paging.get("totalPages") or 1):
                break
        return out

    # -- SMS -------------------------------------------------------------------------------------
    def send_sms(self, from_: str, to: str, text: str) -> str:
        """Send one text from one of the extension's numbers; returns RingCentral's message id."""
        # https://developers.ringcentral.com/guide/messaging/sms/sending-sms
        body = _json(
            self.request(
                "POST",
                "/restapi/v1.0/account/~/extension/~/sms",
                json={"from": {"phoneNumber": from_}, "to": [{"phoneNumber": to}], "text": text},
            )
        )
        if body.get("id") in (None, ""):
            raise ProviderError("RingCentral accepted the text but returned no message id")
        return str(body["id"])

    # -- subscriptions ---------------------------------------------------------------------------
    # https://developers.ringcentral.com/guide/notifications/webhooks/creating-webhooks
    def list_subscriptions(self) -> list[Subscription]:
        body = _json(self.request("GET", "/restapi/v1.0/subscription"))
        return [Subscription.from_json(r) for r in body.get("records") or () if isinstance(r, dict)]

    def create_subscription(
        self, address: str, verification_token: str, expires_in: int | None = None
    ) -> Subscription:
        payload = {
            "eventFilters": [SMS_EVENT_FILTER],
            "deliveryMode": {
                "transportType": "WebHook",
                "address": address,
                "verificationToken": verification_token,
            },
            "expiresIn": expires_in or self.settings.subscription_expires_in,
        }
        return Subscription.from_json(
            _json(self.request("POST", "/restapi/v1.0/subscription", json=payload))
        )

    def renew_subscription(self, subscription_id: str) -> Subscription:
        path = f"/restapi/v1.0/subscription/{_segment(subscription_id)}/renew"
        return Subscription.from_json(_json(self.request("POST", path)))

    def delete_subscription(self, subscription_id: str) -> None:
        self.request("DELETE", f"/restapi/v1.0/subscription/{_segment(subscription_id)}")

    def ensure_subscription(
        self,
        address: str,
        verification_token: str,
        *,
        recreate: bool = False,
        renew_within: timedelta = timedelta(days=1),
    ) -> EnsuredSubscription:
        """One active SMS subscription for `address`: kept, renewed when it ends within
        `renew_within`, or (re)created when missing, suspended or blacklisted."""
        ours = [s for s in self.list_subscriptions() if s.address == address and s.listens_for_sms]
        active = sorted(
            (s for s in ours if s.status == "Active"),
            key=lambda s: s.expires_at or datetime.min.replace(tzinfo=UTC),
        )
        keep = active[-1] if active and not recreate else None
        if keep is not None and keep.verification_token not in (None, verification_token):
            keep = None  # notifications would carry the old token and be refused
        for sub in ours:
            if sub is not keep:
                self.delete_subscription(sub.id)  # blacklisted, suspended or duplicate
        if keep is None:
            created = self.create_subscription(address, verification_token)
            return EnsuredSubscription(created, "recreated" if ours else "created")
        if keep.expires_at is None or keep.expires_at - datetime.now(UTC) < renew_within:
            return EnsuredSubscription(self.renew_subscription(keep.id), "renewed")
        return EnsuredSubscription(keep, "kept")

    # -- SMS consent (opt-out) list --------------------------------------------------------------
    # https://developers.ringcentral.com/guide/messaging/sms/messaging-consent-management
    def consents(
        self, statuses: Sequence[str] = ("OptOut",), *, from_numbers: Sequence[str] = ()
    ) -> Iterator[ConsentRecord]:
        """Every consent record of the account with these statuses (all pages)."""
        params: dict[str, Any] = {"optStatus": list(statuses), "perPage": 1000}
        if from_numbers:
            params["from"] = list(from_numbers)
        for _ in range(_MAX_PAGES):
            body = _json(self.request("GET", "/restapi/v2/accounts/~/sms/consents", params=params))
            for rec in body.get("records") or ():
                if isinstance(rec, dict) and isinstance(rec.get("to"), str):
                    yield ConsentRecord(
                        from_=str(rec.get("from") or "*"),
                        to=rec["to"],
                        # The docs' opt-in sample says "status"; the API reference "optStatus".
                        opt_status=str(rec.get("optStatus") or rec.get("status") or ""),
                        source=rec.get("source"),
                        last_modified=rec.get("lastModifiedTime"),
                    )
            token = (body.get("paging") or {}).get("nextPageToken")
            if not token:
                return
            params["pageToken"] = token

    def update_consents(
        self, updates: Sequence[tuple[str, str]], *, from_: str = "*"
    ) -> list[ConsentFailure]:
        """Set (to, OptOut|OptIn) pairs for `from_` ("*": every number of the account);
        returns the records RingCentral refused."""
        failures: list[ConsentFailure] = []
        for i in range(0, len(updates), _CONSENT_CHUNK):
            records = [
                {"from": from_, "to": to, "optStatus": status, "source": "Api"}
                for to, status in updates[i : i + _CONSENT_CHUNK]
            ]
            resp = self.request(
                "PATCH", "/restapi/v2/accounts/~/sms/consents", json={"records": records}
            )
            body = _json(resp) if resp.content else {}
            for rec in body.get("failedRecords") or ():
                error = rec.get("error") or {}
                failures.append(
                    ConsentFailure(
                        str(rec.get("to", "")),
                        str(rec.get("optStatus", "")),
                        str(error.get("message") or error.get("errorCode") or "refused"),
                    )
                )
        return failures


def _json(resp: httpx.Response) -> dict[str, Any]:
    try:
        body = resp.json()
    except ValueError:
        raise ProviderError(
            f"RingCentral sent a reply that is not JSON (HTTP {resp.status_code})",
            status=resp.status_code,
        ) from None
    if not isinstance(body, dict):
        raise ProviderError("RingCentral sent an unexpected reply", status=resp.status_code)
    return body


def _retry_after(resp: httpx.Response) -> float | None:
    value = resp.headers.get("Retry-After", "").strip()
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: rare here; the backoff still applies


def _error(resp: httpx.Response, path: str, *, gave_up: bool = False) -> ProviderError:
    """RingCentral's error body in one line: `errorCode: message` or OAuth `error_description`."""
    status = resp.status_code
    try:
        body = resp.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    first = (body.get("errors") or [{}])[0] if isinstance(body.get("errors"), list) else {}
    code = body.get("errorCode") or body.get("error") or first.get("errorCode") or ""
    detail = (
        body.get("message") or body.get("error_description") or first.get("message") or ""
    ).strip()
    if path == "/restapi/oauth/token":
        return ProviderError(
            f"RingCentral refused the login (HTTP {status} {code}: {detail}); check "
            "RINGCENTRAL_CLIENT_ID, RINGCENTRAL_CLIENT_SECRET, RINGCENTRAL_JWT and that the app "
            "uses the JWT auth flow",
            status=status,
        )
    if gave_up and status == 429:
        wait = resp.headers.get("Retry-After")
        when = f"in {wait} s" if wait else "in a minute"
        return ProviderError(
            f"RingCentral is limiting this app's request rate; try again {when}", status=status
        )
    if gave_up:
        return ProviderError(
            f"RingCentral is unavailable (HTTP {status}) after several tries; try again later",
            status=status,
        )
    text = f"{code}: {detail}" if code and detail else code or detail or resp.reason_phrase
    return ProviderError(f"RingCentral refused {path} (HTTP {status}): {text}", status=status)


def _segment(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9._~-]+", value):
        raise ProviderError(f"{value!r} is not a RingCentral subscription id")
    return value
