"""Reading what `consentry serve` needs: the database, the campaign, and an optional config file.

The config file is YAML or JSON:

    service:   {max_body_bytes: 65536, trust_proxy: true, capture_per_minute: 30, capture_burst: 10}
    twilio:    {...}   # see docs/twilio.md; environment variables TWILIO_* also work
    ringcentral: {...} # see docs/ringcentral.md; environment variables RINGCENTRAL_* also work
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from consentry.errors import InputError
from consentry.ledger import Ledger, LedgerConfig
from consentry.web.settings import ServiceSettings

__all__ = ["load_service", "read_config"]

_SERVICE_KEYS = {
    "max_body_bytes": int,
    "trust_proxy": bool,
    "capture_per_minute": float,
    "capture_burst": int,
}


def read_config(path: str | None) -> dict[str, Any]:
    if not path:
        return {}
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the config file: {exc}", source=path) from None
    try:
        data = json.loads(text) if file.suffix == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise InputError(
            "not valid YAML/JSON", source=path, line=None if line is None else line + 1
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError("the config file must be a mapping of sections", source=path)
    unknown = sorted(set(data) - {"service", "twilio", "ringcentral"})
    if unknown:
        raise InputError(
            "unknown section; use service, twilio or ringcentral", source=path, key=unknown[0]
        )
    return data


def _service(section: Mapping[str, Any], source: str | None) -> ServiceSettings:
    settings = ServiceSettings()
    if not isinstance(section, Mapping):
        raise InputError("must be a mapping", source=source, key="service")
    for key, value in section.items():
        kind = _SERVICE_KEYS.get(key)
        if kind is None:
            raise InputError(
                f"unknown setting; use {', '.join(_SERVICE_KEYS)}", source=source, key=key
            )
        if kind is bool and not isinstance(value, bool):
            raise InputError("must be true or false", source=source, key=f"service.{key}")
        if kind is not bool and (
            isinstance(value, bool) or not isinstance(value, int | float) or value <= 0
        ):
            raise InputError("must be a positive number", source=source, key=f"service.{key}")
        setattr(settings, key, kind(value))
    return settings


def load_service(
    *,
    database: str | None,
    campaign: str | None = None,
    config: str | None = None,
    env: Mapping[str, str] | None = None,
) -> tuple[Ledger, ServiceSettings]:
    """The ledger (migrated) and the settings, or one InputError naming what is wrong."""
    env = os.environ if env is None else env
    data = read_config(config)
    settings = _service(data.get("service") or {}, config)
    ledger_config = LedgerConfig()
    if campaign:
        from consentry.campaign import load_campaign

        ledger_config = LedgerConfig.from_campaign(load_campaign(campaign))
    from consentry.web.providers import configure_providers

    configure_providers(settings, data, env, source=config)
    return Ledger(database, config=ledger_config), settings
