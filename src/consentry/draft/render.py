"""The drafter's Jinja2 environment: strict undefined, autoescape for HTML templates only."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

__all__ = ["render_text"]


def _yaml_str(value: object) -> str:
    """A YAML double-quoted scalar (JSON's escapes are valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("consentry.draft", "templates"),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml_str"] = _yaml_str
    return env


def render_text(name: str, context: dict[str, Any]) -> str:
    """Render one template from `consentry/draft/templates`."""
    return _env().get_template(name).render(**context)
