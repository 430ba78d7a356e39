"""How consentry talks to one Twilio account: credentials, public URL, reply mode, opt-out setup.

Read from the environment (`TwilioSettings.from_env`) or a config file's `twilio:` section
(`TwilioSettings.from_mapping`; the Auth Token may stay in the environment). The Auth Token is
never part of `repr()` and never logged.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from consentry.errors import InputError
from consentry.ledger.phone import try_normalize

__all__ = ["ENV", "ReplyMode", "TwilioSettings"]

ReplyMode = Literal["twiml", "rest"]
TWILIO_API = "https://api.twilio.com"

# Setting -> environment variable.
ENV = {
    "account_sid": "TWILIO_ACCOUNT_SID",
    "auth_token": "TWILIO_AUTH_TOKEN",
    "auth_token_secondary": "TWILIO_AUTH_TOKEN_SECONDARY",
    "public_url": "TWILIO_PUBLIC_URL",
    "trust_proxy": "TWILIO_TRUST_PROXY",
    "reply_mode": "TWILIO_REPLY_MODE",
    "advanced_opt_out": "TWILIO_ADVANCED_OPT_OUT",
    "api_base_url": "TWILIO_API_BASE_URL",
}
# https://www.twilio.com/docs/glossary/what-is-a-sid : two letters, then 32 hex digits.
_ACCOUNT_SID = re.compile(r"AC[0-9a-fA-F]{32}")
_SERVICE_SID = re.compile(r"MG[0-9a-fA-F]{32}")
_TRUE = {"1", "true", "yes", "on", "y"}
_FALSE = {"0", "false", "no", "off", "n", ""}


@dataclass(frozen=True, slots=True)
class TwilioSettings:
    auth_token: str = field(repr=False)
    account_sid: str | None = None  # needed to send (reply_mode "rest", `twilio check`)
    auth_token_secondary: str | None = field(default=None, repr=False)
    public_url: str | None = None  # e.g. https://consent.example.com; wins over the Host header
    trust_proxy: bool = False  # believe X-Forwarded-Proto/-Host/-Port
    reply_mode: ReplyMode = "twiml"
    # Where Twilio already answers STOP/HELP/START (Advanced Opt-Out on a Messaging Service, or
    # Twilio's default keyword handling): True for everywhere, or numbers and MG... service SIDs.
    advanced_opt_out: bool | frozenset[str] = False
    api_base_url: str = TWILIO_API

    def __post_init__(self) -> None:
        if not self.auth_token:
            raise InputError(f"is missing; set {ENV['auth_token']}", key=ENV["auth_token"])
        if self.reply_mode not in ("twiml", "rest"):
            raise InputError(
                f"{self.reply_mode!r} is not a reply mode; use twiml or rest",
                key=ENV["reply_mode"],
            )
        if self.reply_mode == "rest" and not self.account_sid:
            raise InputError(
                f"is needed to send replies through the REST API; set {ENV['account_sid']}",
                key=ENV["account_sid"],
            )

    # -- building --------------------------------------------------------------------------------
    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> TwilioSettings:
        """From TWILIO_* variables (see `ENV`)."""
        env = os.environ if environ is None else environ
        values = {name: env[var] for name, var in ENV.items() if env.get(var, "").strip()}
        return cls._build(values, source="environment", keys=ENV)

    @classmethod
    def from_mapping(
        cls,
        section: Mapping[str, Any],
        *,
        source: str | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> TwilioSettings:
        """From a config file's `twilio:` section; a setting it leaves out comes from TWILIO_*,
        so the Auth Token can stay out of the file."""
        if not isinstance(section, Mapping):
            raise InputError("must be a mapping of settings", source=source, key="twilio")
        unknown = sorted(str(k) for k in section if k not in ENV)
        if unknown:
            known = ", ".join(ENV)
            raise InputError(
                f"unknown setting {unknown[0]!r}; use {known}", source=source, key="twilio"
            )
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {
            name: env[var] for name, var in ENV.items() if env.get(var, "").strip()
        }
        values.update({k: v for k, v in section.items() if v is not None})
        keys = {name: f"twilio.{name}" if name in section else var for name, var in ENV.items()}
        return cls._build(values, source=source or "config", keys=keys)

    @classmethod
    def _build(
        cls, values: Mapping[str, Any], *, source: str, keys: Mapping[str, str]
    ) -> TwilioSettings:
        token = _text(values.get("auth_token"))
        if not token:
            raise InputError(
                f"the Twilio Auth Token is missing; set {ENV['auth_token']} (Twilio Console > "
                "Account > API keys & tokens)",
                source=source,
                key=ENV["auth_token"],
            )
        sid = _text(values.get("account_sid"))
        if sid and not _ACCOUNT_SID.fullmatch(sid):
            raise InputError(
                "should look like AC followed by 32 letters and digits (Twilio Console home page)",
                source=source,
                key=keys["account_sid"],
            )
        if _ACCOUNT_SID.fullmatch(token):
            raise InputError(
                "this is an Account SID, not the Auth Token; copy the Auth Token instead",
                source=source,
                key=keys["auth_token"],
            )
        mode = (_text(values.get("reply_mode")) or "twiml").lower()
        try:
            return cls(
                auth_token=token,
                account_sid=sid,
                auth_token_secondary=_text(values.get("auth_token_secondary")),
                public_url=_url(values.get("public_url"), source, keys["public_url"]),
                trust_proxy=_flag(values.get("trust_proxy"), source, keys["trust_proxy"]),
                reply_mode=mode,  # type: ignore[arg-type]  # checked in __post_init__
                advanced_opt_out=_opt_out(
                    values.get("advanced_opt_out"), source, keys["advanced_opt_out"]
                ),
                api_base_url=_url(values.get("api_base_url"), source, keys["api_base_url"])
                or TWILIO_API,
            )
        except InputError as exc:
            raise InputError(exc.message, source=source, key=exc.key) from None

    # -- questions -------------------------------------------------------------------------------
    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(t for t in (self.auth_token, self.auth_token_secondary) if t)

    def twilio_answers_keywords(self, to: str, messaging_service_sid: str | None = None) -> bool:
        """Whether Twilio itself answers STOP/HELP/START texted to `to` (or to the service)."""
        covered = self.advanced_opt_out
        if isinstance(covered, bool):
            return covered
        if messaging_service_sid and messaging_service_sid in covered:
            return True
        return (try_normalize(to) or to) in covered


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _flag(value: object, source: str, key: str) -> bool:
    if isinstance(value, bool):
        return value
    text = (_text(value) or "").lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(f"{value!r} is not true or false", source=source, key=key)


def _url(value: object, source: str, key: str) -> str | None:
    text = _text(value)
    if text is None:
        return None
    if not re.match(r"https?://[^/\s]+", text):
        raise InputError(
            f"{text!r} is not a web address; write it like https://consent.example.com",
            source=source,
            key=key,
        )
    return text.rstrip("/")


def _opt_out(value: object, source: str, key: str) -> bool | frozenset[str]:
    """true/false, or the numbers and Messaging Service SIDs (a list, or one string separated
    by commas, or by spaces) where Twilio answers the keywords."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE | _FALSE:
            return lowered in _TRUE
        # Commas separate items when present, since a number may contain spaces.
        items: Iterable[object] = value.split(",") if "," in value else value.split()
    elif isinstance(value, Iterable):
        items = value
    else:
        raise InputError(
            "use true, false, or a list of numbers and MG... service SIDs",
            source=source,
            key=key,
        )
    out: set[str] = set()
    for item in items:
        text = _text(item) or ""
        if not text:
            continue
        if _SERVICE_SID.fullmatch(text):
            out.add(text)
            continue
        number = try_normalize(text)
        if number is None:
            raise InputError(
                f"{text!r} is neither a phone number nor a Messaging Service SID (MG...)",
                source=source,
                key=key,
            )
        out.add(number)
    return frozenset(out)
