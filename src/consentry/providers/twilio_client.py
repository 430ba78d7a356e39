"""A small Twilio REST client on httpx: send a text, list the account's numbers.

Send: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form fields To, From or
MessagingServiceSid, Body, HTTP Basic auth AccountSid:AuthToken; 201 with the Message resource
as JSON (`sid`, `status`, ...): https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
Errors are JSON `{code, message, more_info, status}`: https://www.twilio.com/docs/usage/twilios-response
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

import httpx

from consentry.errors import InputError
from consentry.providers.messages import ProviderError
from consentry.providers.twilio_settings import TWILIO_API, TwilioSettings

__all__ = ["IncomingNumber", "TwilioApiError", "TwilioClient", "TwilioRecipientUnsubscribed"]

API_VERSION = "2010-04-01"
# https://www.twilio.com/docs/api/errors/21610 : the recipient replied STOP to this sender.
UNSUBSCRIBED = 21610
# https://www.twilio.com/docs/api/errors/20003 : wrong Account SID or Auth Token.
AUTH_FAILED = 20003
# Failures that mean the request never reached Twilio, so sending again cannot double a text.
# A read timeout is not one of them: Twilio may have accepted the message already.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class TwilioApiError(ProviderError):
    """Twilio answered with an error; `code` is Twilio's error code (https://www.twilio.com/docs/api/errors)."""

    def __init__(
        self, message: str, *, status: int | None, code: int | None = None, more_info: str = ""
    ) -> None:
        super().__init__(message, status=status)
        self.code = code
        self.more_info = more_info


class TwilioRecipientUnsubscribed(TwilioApiError):
    """21610: the person texted STOP to this number; Twilio blocks texts until they text START."""


@dataclass(frozen=True, slots=True)
class IncomingNumber:
    sid: str
    phone_number: str
    friendly_name: str
    sms_url: str
    sms_method: str


class TwilioClient:
    """Satisfies `consentry.providers.messages.SmsSender`.

    `base_url` points at Twilio (default) or a stand-in server; pass `http` (an httpx.Client,
    e.g. with a MockTransport) to control the transport. Retries 429 (honouring Retry-After),
    5xx and connection failures with exponential backoff and jitter, then raises
    `TwilioApiError`. 21610 is never retried and raises `TwilioRecipientUnsubscribed`.
    """

    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        *,
        base_url: str = TWILIO_API,
        http: httpx.Client | None = None,
        timeout: float = 10.0,
        max_retries: int = 3,
        backoff: float = 0.5,
        max_backoff: float = 8.0,
        max_retry_after: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        if not account_sid:
            raise InputError("is needed to send texts; set TWILIO_ACCOUNT_SID", key="account_sid")
        if not auth_token:
            raise InputError("is needed to send texts; set TWILIO_AUTH_TOKEN", key="auth_token")
        self.account_sid = account_sid
        self._auth = httpx.BasicAuth(account_sid, auth_token)
        self._base = base_url.rstrip("/")
        self._owns_http = http is None
        self._http = http or httpx.Client(timeout=timeout)
        self._timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self._sleep = sleep
        self._jitter = jitter

    @classmethod
    def from_settings(cls, settings: TwilioSettings, **options: Any) -> TwilioClient:
        if not settings.account_sid:
            raise InputError("is needed to send texts; set TWILIO_ACCOUNT_SID", key="account_sid")
        options.setdefault("base_url", settings.api_base_url)
        return cls(settings.account_sid, settings.auth_token, **options)

    def __repr__(self) -> str:  # never show the token
        return f"TwilioClient(account_sid={self.account_sid!r}, base_url={self._base!r})"

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> TwilioClient:
        return self

    def __exit__(
        self, _t: type[BaseException] | None, _e: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.close()

    # -- API -------------------------------------------------------------------------------------
    def send_sms(self, from_: str, to: str, text: str) -> str:
        """Send one text; returns Twilio's message SID (SM...).

        `from_` is a Twilio number, or a Messaging Service SID (MG...), which lets the service
        pick the sender (https://www.twilio.com/docs/messaging/services).
        """
        form = {"To": to, "Body": text}
        if from_.startswith("MG"):
            form["MessagingServiceSid"] = from_
        else:
            form["From"] = from_
        path = f"/{API_VERSION}/Accounts/{self.account_sid}/Messages.json"
        data = self._request("POST", path, data=form, what=f"the text to {to}")
        sid = data.get("sid")
        if not isinstance(sid, str) or not sid:
            raise TwilioApiError(
                "Twilio accepted the text but sent back no message id", status=None
            )
        return sid

    def incoming_numbers(self, *, page_size: int = 100) -> list[IncomingNumber]:
        """Every phone number on the account with its SMS webhook URL (all pages).

        https://www.twilio.com/docs/phone-numbers/api/incomingphonenumber-resource#read-multiple-incomingphonenumber-resources
        """
        path: str | None = f"/{API_VERSION}/Accounts/{self.account_sid}/IncomingPhoneNumbers.json"
        params: dict[str, str] | None = {"PageSize": str(page_size)}
        out: list[IncomingNumber] = []
        while path:
            data = self._request("GET", path, params=params, what="the list of your numbers")
            for row in data.get("incoming_phone_numbers") or []:
                if isinstance(row, Mapping):
                    out.append(
                        IncomingNumber(
                            sid=str(row.get("sid") or ""),
                            phone_number=str(row.get("phone_number") or ""),
                            friendly_name=str(row.get("friendly_name") or ""),
                            sms_url=str(row.get("sms_url") or ""),
                            sms_method=str(row.get("sms_method") or ""),
                        )
                    )
            next_page = data.get("next_page_uri")
            # next_page_uri already carries the paging parameters.
            path, params = (
                (next_page, None) if isinstance(next_page, str) and next_page else (None, None)
            )
        return out

    # -- transport -------------------------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        *,
        data: Mapping[str, str] | None = None,
        params: Mapping[str, str] | None = None,
        what: str,
    ) -> dict[str, Any]:
        retryable: tuple[type[Exception], ...] = (
            _NOT_SENT if method == "POST" else (httpx.TransportError,)
        )
        attempt = 0
        while True:
            try:
                response = self._http.request(
                    method,
                    self._base + path,
                    data=data,
                    params=params,
                    auth=self._auth,
                    timeout=self._timeout,
                    headers={"Accept": "application/json"},
                )
            except retryable as exc:
                if attempt >= self.max_retries:
                    raise TwilioApiError(
                        f"could not reach Twilio for {what} after {attempt + 1} tries ({type(exc).__name__}); check the network and try again",
                        status=None,
                    ) from None
                self._sleep(self._delay(attempt, None))
                attempt += 1
                continue
            except httpx.HTTPError as exc:
                raise TwilioApiError(
                    f"Twilio did not answer in time for {what} ({type(exc).__name__}); "
                    "check Twilio's message log before sending again",
                    status=None,
                ) from None
            if response.status_code < 400:
                return _json(response)
            error = _error(response, what)
            retry = response.status_code == 429 or response.status_code >= 500
            if not retry or isinstance(error, TwilioRecipientUnsubscribed):
                raise error
            if attempt >= self.max_retries:
                raise error
            self._sleep(self._delay(attempt, response.headers.get("Retry-After")))
            attempt += 1

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        told = _retry_after_seconds(retry_after)
        if told is not None:
            return min(told, self.max_retry_after)
        # Exponential backoff with "equal jitter": half fixed, half random, so many clients
        # retrying together spread out but never retry immediately.
        step = min(self.max_backoff, self.backoff * float(2**attempt))
        return step / 2 + self._jitter() * step / 2


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _error(response: httpx.Response, what: str) -> TwilioApiError:
    data = _json(response)
    raw_code = data.get("code")
    code = raw_code if isinstance(raw_code, int) else None
    detail = str(data.get("message") or response.reason_phrase or "error")
    more = str(data.get("more_info") or "")
    status = response.status_code
    if code == UNSUBSCRIBED:
        return TwilioRecipientUnsubscribed(
            f"Twilio refused {what}: the person texted STOP to this number (error 21610). "
            "Do not text them until they text START.",
            status=status,
            code=code,
            more_info=more,
        )
    if status == 401 or code == AUTH_FAILED:
        message = (
            f"Twilio refused {what}: wrong Account SID or Auth Token (error {code or 20003}); "
            "copy both again from the Twilio Console"
        )
    elif status == 429:
        message = f"Twilio is rate-limiting requests; {what} was not sent (HTTP 429)"
    else:
        shown = f"error {code}" if code else f"HTTP {status}"
        message = f"Twilio refused {what}: {detail} ({shown})"
    return TwilioApiError(message, status=status, code=code, more_info=more)


def _retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
