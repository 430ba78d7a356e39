"""RingCentral credentials and knobs, from the environment or a config file.

Precedence: environment variables win over the file. The file is convenient on a laptop; in a
container or on a server the environment is what operators change, so it must not be shadowed by
a forgotten file. Secrets (client secret, JWT, verification token) never appear in `repr`.

Config file (YAML or JSON):

    ringcentral:
      client_id: AbCdEf123
      client_secret: ...
      jwt: eyJ...
      webhook_url: https://texts.example.com/v1/webhooks/ringcentral
      verification_token: ...
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from consentry.errors import InputError

__all__ = ["DEFAULT_SERVER", "ENV", "RingCentralSettings"]

DEFAULT_SERVER = "https://platform.ringcentral.com"
# Sandbox: https://platform.devtest.ringcentral.com

# Setting name -> environment variable.
ENV = {
    "server_url": "RINGCENTRAL_SERVER_URL",
    "client_id": "RINGCENTRAL_CLIENT_ID",
    "client_secret": "RINGCENTRAL_CLIENT_SECRET",
    "jwt": "RINGCENTRAL_JWT",
    "webhook_url": "RINGCENTRAL_WEBHOOK_URL",
    "verification_token": "RINGCENTRAL_VERIFICATION_TOKEN",
    "timeout": "RINGCENTRAL_TIMEOUT",
    "send_opt_out_confirmation": "RINGCENTRAL_SEND_OPT_OUT_CONFIRMATION",
}
_FLOATS = {"timeout", "retry_budget", "backoff_base", "backoff_cap"}
_INTS = {"max_attempts", "subscription_expires_in"}
_BOOLS = {"send_opt_out_confirmation"}
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


@dataclass(frozen=True, slots=True)
class RingCentralSettings:
    server_url: str = DEFAULT_SERVER
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    jwt: str | None = field(default=None, repr=False)
    webhook_url: str | None = None
    verification_token: str | None = field(default=None, repr=False)
    timeout: float = 10.0  # seconds per HTTP request
    max_attempts: int = 4  # tries per API call on 429/502/503/504/connection errors
    retry_budget: float = 30.0  # seconds an API call may spend retrying, in total
    backoff_base: float = 0.5  # first retry waits about this long, doubling after
    backoff_cap: float = 8.0
    # One week less a second: accepted for every transport; renew daily from cron.
    subscription_expires_in: int = 604799
    # RingCentral's consent docs say it confirms a STOP itself (with the text registered for the
    # campaign) and blocks later texts to that number; set False if customers get two.
    send_opt_out_confirmation: bool = True

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        config_file: str | Path | None = None,
        section: Mapping[str, Any] | None = None,
        source: str | None = None,
        **overrides: Any,
    ) -> RingCentralSettings:
        """Settings from `config_file` (or its already-parsed `ringcentral:` `section`, read from
        `source`), then the environment, then `overrides`."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        if config_file is not None:
            values.update(_read_file(Path(config_file)))
        if section is not None:
            values.update(_section_values(section, source or "config"))
        for name, var in ENV.items():
            raw = env.get(var, "").strip()
            if raw:
                values[name] = _coerce(name, raw, key=var)
        values.update({k: v for k, v in overrides.items() if v is not None})
        values["server_url"] = str(values.get("server_url") or DEFAULT_SERVER).rstrip("/")
        return cls(**values)

    def with_(self, **changes: Any) -> RingCentralSettings:
        return replace(self, **changes)

    def require_credentials(self) -> None:
        """Raise an InputError naming the first missing variable needed to call the API."""
        for name in ("client_id", "client_secret", "jwt"):
            if not getattr(self, name):
                raise InputError(
                    "is not set; copy it from your app in the RingCentral developer console "
                    "(https://developers.ringcentral.com/console)",
                    source="environment",
                    key=ENV[name],
                )

    def require_webhook(self) -> tuple[str, str]:
        """(webhook_url, verification_token), or an InputError naming what is missing."""
        if not self.webhook_url:
            raise InputError(
                "is not set; use the public https address of /v1/webhooks/ringcentral "
                "on your consentry service (or pass --webhook-url)",
                source="environment",
                key=ENV["webhook_url"],
            )
        if not self.verification_token:
            raise InputError(
                "is not set; `consentry ringcentral connect` makes one for you",
                source="environment",
                key=ENV["verification_token"],
            )
        return self.webhook_url, self.verification_token


def _coerce(name: str, value: object, *, key: str, source: str = "environment") -> Any:
    if name in _BOOLS:
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word not in _TRUE | _FALSE:
            raise InputError(f"{value!r} is not true or false", source=source, key=key)
        return word in _TRUE
    if name in _FLOATS or name in _INTS:
        try:
            number = int(str(value)) if name in _INTS else float(str(value))
        except ValueError:
            raise InputError(f"{value!r} is not a number", source=source, key=key) from None
        if number <= 0:
            raise InputError("must be more than 0", source=source, key=key)
        return number
    if not isinstance(value, str):
        raise InputError("must be text", source=source, key=key)
    return value.strip()


def _read_file(path: Path) -> dict[str, Any]:
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", source=source) from None
    data: Any
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc.msg}", source=source, line=exc.lineno) from None
    else:
        import yaml  # only when a file is used

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            raise InputError("not valid YAML", source=source, line=line) from None
    section = data.get("ringcentral") if isinstance(data, dict) else None
    if not isinstance(section, dict):
        raise InputError("needs a `ringcentral:` mapping", source=source)
    return _section_values(section, source)


def _section_values(section: Mapping[str, Any], source: str) -> dict[str, Any]:
    """A `ringcentral:` mapping's settings, checked and converted."""
    if not isinstance(section, Mapping):
        raise InputError("must be a mapping of settings", source=source, key="ringcentral")
    known = {f.name for f in fields(RingCentralSettings)}
    values: dict[str, Any] = {}
    for key, value in section.items():
        if key not in known:
            raise InputError(
                f"unknown setting; use one of {', '.join(sorted(known))}", source=source, key=key
            )
        if value is not None:
            values[key] = _coerce(key, value, key=key, source=source)
    return values
