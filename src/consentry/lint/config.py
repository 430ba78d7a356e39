"""Project configuration for `consentry lint`: `.consentry.yaml` (or a file named with --config).

select: [CTA, SMP]        # only these rules (codes, prefixes or names)
ignore: [SMP015]
severity: {CTA009: error} # per-rule severity overrides
fail_on: warning
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from consentry.errors import InputError

__all__ = ["DEFAULT_CONFIG", "LintConfig", "load_config"]

DEFAULT_CONFIG = ".consentry.yaml"
_KEYS = {"select", "ignore", "severity", "fail_on"}


@dataclass(frozen=True, slots=True)
class LintConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None


def _words(value: object, key: str, source: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(p.strip() for p in value.split(",") if p.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise InputError("expected a list of rule codes", source=source, key=key)


def load_config(path: str | None) -> LintConfig:
    """Read the config named, or `.consentry.yaml` in the current folder when it exists."""
    if path is None:
        if not Path(DEFAULT_CONFIG).is_file():
            return LintConfig()
        path = DEFAULT_CONFIG
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise InputError(f"cannot read the config ({exc.strerror})", source=path) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(
            "not valid YAML", source=path, line=mark.line + 1 if mark else None
        ) from None
    if not isinstance(data, dict):
        raise InputError("expected a mapping of settings", source=path)
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise InputError(
            f"unknown setting '{unknown[0]}' (known: {', '.join(sorted(_KEYS))})",
            source=path,
            key=unknown[0],
        )
    severity = data.get("severity") or {}
    if not isinstance(severity, dict):
        raise InputError("expected a mapping of CODE: level", source=path, key="severity")
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in ("error", "warning", "info"):
        raise InputError("must be error, warning or info", source=path, key="fail_on")
    return LintConfig(
        select=_words(data.get("select"), "select", path),
        ignore=_words(data.get("ignore"), "ignore", path),
        severity={str(k): str(v) for k, v in severity.items()},
        fail_on=fail_on,
    )
