"""JSON Schema of the campaign file, generated from the field table."""

from __future__ import annotations

from typing import Any

from consentry.campaign.fields import FIELDS, FieldSpec, Kind

__all__ = ["json_schema"]


def _field_schema(spec: FieldSpec) -> dict[str, Any]:
    schema: dict[str, Any]
    if spec.kind is Kind.STR:
        schema = {"type": ["string", "null"]}
        if spec.enum:
            schema["enum"] = [*spec.enum, None]
        if spec.max_length:
            schema["maxLength"] = spec.max_length
    elif spec.kind is Kind.BOOL:
        schema = {"type": ["boolean", "null"]}
    elif spec.kind is Kind.INT:
        schema = {"type": "integer", "const": 1}
    elif spec.kind is Kind.STR_LIST:
        item: dict[str, Any] = {"type": ["string", "null"]}
        if spec.max_length:
            item["maxLength"] = spec.max_length
        schema = {"type": ["array", "null"], "items": item}
    else:
        children = [f for f in FIELDS if f.parent == spec.path]
        schema = {
            "type": ["object", "null"],
            "additionalProperties": False,
            "properties": {c.key: _field_schema(c) for c in children},
        }
    schema["description"] = spec.description
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a campaign file.

    Lengths and counts are left to the linter on purpose: a missing or short field is a finding,
    not an unusable file.
    """
    top = [f for f in FIELDS if f.parent == ""]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://consentry.dev/schema/campaign-1.json",
        "title": "consentry campaign file",
        "type": "object",
        "additionalProperties": False,
        "required": ["schema_version"],
        "properties": {f.key: _field_schema(f) for f in top},
    }
