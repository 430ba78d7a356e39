"""`--format json`: the document CONTRACT §3 fixes (keys may be added, never renamed)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import consentry
from consentry.lint.finding import LintResult

__all__ = ["SCHEMA_VERSION", "json_document", "render_json"]

SCHEMA_VERSION = 1


def json_document(results: Sequence[LintResult]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "consentry", "version": consentry.__version__},
        "results": [r.to_dict() for r in results],
    }


def render_json(results: Sequence[LintResult]) -> str:
    return json.dumps(json_document(results), indent=2, ensure_ascii=False) + "\n"
